/*
 * Buffered streams.  Output collects in a stream's buffer and is written
 * when the buffer fills; a line-buffered stream also writes at each '\n',
 * and an unbuffered one at the end of every call, so that one message
 * still takes one write.  Input is read a buffer at a time.
 */
#include <errno.h>
#include <fcntl.h>
#include <fmt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NEW_FILE_MODE	0666	/* read-write for all, less the umask */

enum buffering { FULL, LINE, UNBUFFERED };

struct _FILE {
	int fd;
	enum buffering buffering;
	int eof, error;
	int allocated;			/* by fdopen: fclose frees it */
	char *buf;			/* BUFSIZ bytes */
	size_t wlen;			/* output waiting: buf[0..wlen) */
	size_t rpos, rlen;		/* input not yet taken: buf[rpos..rlen) */
	struct _FILE *next;		/* every open stream, for fflush(NULL) */
};

static char stdin_buf[BUFSIZ], stdout_buf[BUFSIZ], stderr_buf[BUFSIZ];
static FILE std_streams[] = {
	{ STDIN_FILENO, LINE, .buf = stdin_buf, .next = &std_streams[1] },
	{ STDOUT_FILENO, LINE, .buf = stdout_buf, .next = &std_streams[2] },
	{ STDERR_FILENO, UNBUFFERED, .buf = stderr_buf },
};
FILE *stdin = &std_streams[0];
FILE *stdout = &std_streams[1];
FILE *stderr = &std_streams[2];
static FILE *streams = std_streams;

/* Writes out the waiting output.  Returns 0, or EOF after an error, which
 * also drops the output. */
static int flush_out(FILE *f)
{
	size_t done = 0;
	ssize_t n;

	while (done < f->wlen) {
		n = write(f->fd, f->buf + done, f->wlen - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			f->error = 1;
			f->wlen = 0;
			return EOF;
		}
		done += n;
	}
	f->wlen = 0;
	return 0;
}

static int put_byte(FILE *f, int c)
{
	f->buf[f->wlen++] = c;
	if (f->wlen == BUFSIZ || (c == '\n' && f->buffering == LINE))
		return flush_out(f);
	return 0;
}

/* Every output function ends here. */
static int end_output(FILE *f)
{
	return f->buffering == UNBUFFERED ? flush_out(f) : 0;
}

/* Returns 0, or EOF at the end of the file or after an error. */
static int fill(FILE *f)
{
	ssize_t n;

	if (f->eof)
		return EOF;
	/* As C asks, going to the system for input first writes out stdout,
	 * so that a prompt shows before we wait for the answer. */
	flush_out(stdout);
	do
		n = read(f->fd, f->buf, BUFSIZ);
	while (n < 0 && errno == EINTR);
	if (n == 0)
		f->eof = 1;
	if (n < 0)
		f->error = 1;
	if (n <= 0)
		return EOF;
	f->rpos = 0;
	f->rlen = n;
	return 0;
}

int fgetc(FILE *f)
{
	if (f->rpos == f->rlen && fill(f) == EOF)
		return EOF;
	return (unsigned char)f->buf[f->rpos++];
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

/* Reads up to a '\n' (which is kept), or size - 1 bytes. */
char *fgets(char *s, int size, FILE *f)
{
	int n = 0, c;

	while (n + 1 < size && (c = fgetc(f)) != EOF) {
		s[n++] = c;
		if (c == '\n')
			break;
	}
	if (n == 0)
		return NULL;
	s[n] = '\0';
	return s;
}

size_t fread(void *p, size_t size, size_t n, FILE *f)
{
	unsigned char *d = p;
	size_t i, total = size * n;
	int c;

	if (total == 0)
		return 0;
	for (i = 0; i < total && (c = fgetc(f)) != EOF; i++)
		d[i] = c;
	return i / size;
}

int fputc(int c, FILE *f)
{
	if (put_byte(f, c) == EOF || end_output(f) == EOF)
		return EOF;
	return (unsigned char)c;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *f)
{
	const unsigned char *s = p;
	size_t i, total = size * n;

	if (total == 0)
		return 0;
	for (i = 0; i < total; i++)
		if (put_byte(f, s[i]) == EOF)
			return i / size;
	return end_output(f) == EOF ? 0 : n;
}

int fputs(const char *s, FILE *f)
{
	size_t len = strlen(s);

	return fwrite(s, 1, len, f) == len ? 0 : EOF;
}

int puts(const char *s)
{
	return fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF ? EOF : 0;
}

static void stream_sink(int c, void *f)
{
	put_byte(f, c);
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	int n = vformat(stream_sink, f, fmt, ap);

	return end_output(f) == EOF || f->error ? -1 : n;
}

/* Formats through a stream made for the call, so most messages take one write. */
int vdprintf(int fd, const char *fmt, va_list ap)
{
	char buf[BUFSIZ];
	FILE f = { .fd = fd, .buffering = UNBUFFERED, .buf = buf };

	return vfprintf(&f, fmt, ap);
}

int fflush(FILE *f)
{
	int ret = 0;

	if (f)
		return flush_out(f);
	for (f = streams; f; f = f->next)
		if (flush_out(f) == EOF)
			ret = EOF;
	return ret;
}

/* The open() flags for a mode: "r", "w" or "a", then any of 'b' (which
 * means nothing on Unix) and 'e' (close on exec).  Returns -1 for a mode
 * we do not take, like those with '+'. */
static int mode_flags(const char *mode)
{
	int flags;

	if (mode[0] == 'r')
		flags = O_RDONLY;
	else if (mode[0] == 'w')
		flags = O_WRONLY | O_CREAT | O_TRUNC;
	else if (mode[0] == 'a')
		flags = O_WRONLY | O_CREAT | O_APPEND;
	else
		return -1;
	if (mode[1 + strspn(mode + 1, "be")])
		return -1;
	return strchr(mode, 'e') ? flags | O_CLOEXEC : flags;
}

FILE *fdopen(int fd, const char *mode)
{
	FILE *f;

	if (mode_flags(mode) < 0) {
		errno = EINVAL;
		return NULL;
	}
	f = calloc(1, sizeof(*f) + BUFSIZ);
	if (!f)
		return NULL;
	f->fd = fd;
	f->buffering = FULL;
	f->allocated = 1;
	f->buf = (char *)(f + 1);
	f->next = streams;
	streams = f;
	return f;
}

FILE *fopen(const char *path, const char *mode)
{
	int flags = mode_flags(mode), fd;
	FILE *f;

	if (flags < 0) {
		errno = EINVAL;
		return NULL;
	}
	fd = open(path, flags, NEW_FILE_MODE);
	if (fd < 0)
		return NULL;
	f = fdopen(fd, mode);
	if (!f)
		close(fd);
	return f;
}

int fclose(FILE *f)
{
	int ret = flush_out(f);
	FILE **p;

	if (close(f->fd) < 0)
		ret = EOF;
	for (p = &streams; *p != f; p = &(*p)->next)
		;
	*p = f->next;
	if (f->allocated)
		free(f);
	return ret;
}

int fileno(FILE *f)
{
	return f->fd;
}

int feof(FILE *f)
{
	return f->eof;
}

int ferror(FILE *f)
{
	return f->error;
}
