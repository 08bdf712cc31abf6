/*
 * Shell variables: NAME=value pairs, some of them exported (given to the
 * commands the shell runs, as their environment).  The environment the
 * shell started with is imported, exported.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

struct var {
	char *name, *value;
	int exported;
	struct var *next;
};

static struct var *vars;
static int nvars;

/* Whether the n bytes at s make a name: a letter or '_', then letters,
 * digits and '_'. */
int var_is_name(const char *s, size_t n)
{
	if (!n || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
		return 0;
	for (size_t i = 1; i < n; i++)
		if (!(isalnum((unsigned char)s[i]) || s[i] == '_'))
			return 0;
	return 1;
}

static struct var *find(const char *name, size_t n)
{
	for (struct var *v = vars; v; v = v->next)
		if (strlen(v->name) == n && !strncmp(v->name, name, n))
			return v;
	return NULL;
}

const char *var_get(const char *name)
{
	struct var *v = find(name, strlen(name));

	return v ? v->value : NULL;
}

/* Sets name (and exports it if exported; an exported variable stays so).
 * A NULL value leaves the value as it is.  Returns 0, or -1 out of memory. */
int var_set(const char *name, const char *value, int exported)
{
	struct var *v = find(name, strlen(name));
	char *copy = value ? strdup(value) : NULL;

	if (value && !copy)
		return -1;
	if (!v) {
		if (!(v = calloc(1, sizeof(*v))) || !(v->name = strdup(name))) {
			free(v);
			free(copy);
			return -1;
		}
		v->next = vars;
		vars = v;
		nvars++;
	}
	if (copy) {
		free(v->value);
		v->value = copy;
	}
	v->exported |= exported;
	return 0;
}

/* word is "NAME=value" or, to only export it, "NAME".  Returns 0, 1 if
 * word is neither, or -1 out of memory. */
int var_assign(const char *word, int exported)
{
	size_t n = strcspn(word, "=");
	char *name;
	int r;

	if (!var_is_name(word, n) || (!word[n] && !exported))
		return 1;
	if (!(name = strndup(word, n)))
		return -1;
	r = var_set(name, word[n] ? word + n + 1 : NULL, exported);
	free(name);
	return r;
}

void vars_import(char **env)
{
	for (; env && *env; env++)
		var_assign(*env, 1);
}

/* The exported variables as an environment: "NAME=value" strings and a
 * NULL, newly allocated (NULL out of memory).  Meant for a child about to
 * run a program, which need not free it. */
char **vars_environ(void)
{
	char **env = calloc(nvars + 1, sizeof(*env));
	int n = 0;

	for (struct var *v = vars; env && v; v = v->next) {
		if (!v->exported || !v->value)
			continue;
		env[n] = malloc(strlen(v->name) + strlen(v->value) + 2);
		if (!env[n])
			return NULL;
		sprintf(env[n++], "%s=%s", v->name, v->value);
	}
	return env;
}
