/* ps: lists every process, from the Name:, State: and PPid: lines of
 * /proc/PID/status. */
#include <ctype.h>
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE_LEN	256
#define NAME_LEN	64

struct proc {
	char name[NAME_LEN];
	char state;
	int ppid;
};

static int is_pid(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

/* The value of a "Key:\tvalue\n" line, if the line has that key. */
static char *field(char *line, const char *key)
{
	size_t len = strlen(key);

	if (strncmp(line, key, len))
		return NULL;
	line += len + strspn(line + len, " \t");
	line[strcspn(line, "\n")] = '\0';
	return line;
}

/* Returns 0, or -1 if the process is gone (it may exit while we look). */
static int read_status(const char *pid, struct proc *p)
{
	char path[PATH_MAX], line[LINE_LEN], *v;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%s/status", pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	strcpy(p->name, "?");
	p->state = '?';
	p->ppid = 0;
	while (fgets(line, sizeof(line), f)) {
		if ((v = field(line, "Name:")))
			snprintf(p->name, sizeof(p->name), "%s", v);
		else if ((v = field(line, "State:")))
			p->state = *v;
		else if ((v = field(line, "PPid:")))
			p->ppid = atoi(v);
	}
	fclose(f);
	return 0;
}

int main(void)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	struct proc p;

	if (!d) {
		perror("ps: /proc");
		return EXIT_FAILURE;
	}
	printf("%5s %5s %-5s %s\n", "PID", "PPID", "STATE", "NAME");
	while ((e = readdir(d)))
		if (is_pid(e->d_name) && read_status(e->d_name, &p) == 0)
			printf("%5s %5d %-5c %s\n", e->d_name, p.ppid, p.state, p.name);
	closedir(d);
	return EXIT_SUCCESS;
}
