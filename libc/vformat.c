/* The printf engine (fmt.h).  Freestanding: the kernel links it too. */
#include <fmt.h>
#include <stdint.h>
#include <string.h>

struct spec {
	int left, zero, plus, space, alt;
	int width, prec;                /* prec < 0: none given */
	int size;                       /* bytes of the argument */
};

struct out {
	fmt_sink sink;
	void *arg;
	int count;
};

static void put(struct out *o, int c)
{
	o->sink(c, o->arg);
	o->count++;
}

static void pad(struct out *o, int c, int n)
{
	while (n-- > 0)
		put(o, c);
}

/* Emits prefix ("-", "0x"...) and digits, honouring width and precision. */
static void emit_number(struct out *o, const struct spec *s, const char *prefix,
			const char *digits, int ndigits)
{
	int nprefix = strlen(prefix);
	int zeros = s->prec > ndigits ? s->prec - ndigits : 0;
	int fill = s->width - nprefix - zeros - ndigits;

	if (s->zero && !s->left && s->prec < 0) {
		zeros += fill > 0 ? fill : 0;
		fill = 0;
	}
	if (!s->left)
		pad(o, ' ', fill);
	while (*prefix)
		put(o, *prefix++);
	pad(o, '0', zeros);
	for (int i = 0; i < ndigits; i++)
		put(o, digits[i]);
	if (s->left)
		pad(o, ' ', fill);
}

static void format_int(struct out *o, const struct spec *s, uint64_t v, int neg,
		       int base, int upper)
{
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char buf[24], digits[24];
	int n = 0;
	const char *prefix = neg ? "-" : s->plus ? "+" : s->space ? " " : "";

	do {
		buf[n++] = set[v % base];
		v /= base;
	} while (v);
	if (s->prec == 0 && n == 1 && buf[0] == '0')
		n = 0;
	for (int i = 0; i < n; i++)
		digits[i] = buf[n - 1 - i];
	if (s->alt && base == 16 && n)
		prefix = upper ? "0X" : "0x";
	if (s->alt && base == 8)
		prefix = "0";
	emit_number(o, s, prefix, digits, n);
}

static void format_str(struct out *o, const struct spec *s, const char *str)
{
	int len;

	if (!str)
		str = "(null)";
	len = s->prec >= 0 ? (int)strnlen(str, s->prec) : (int)strlen(str);
	if (!s->left)
		pad(o, ' ', s->width - len);
	for (int i = 0; i < len; i++)
		put(o, str[i]);
	if (s->left)
		pad(o, ' ', s->width - len);
}

static const char *parse_flags(const char *f, struct spec *s)
{
	for (;; f++) {
		switch (*f) {
		case '-': s->left = 1; break;
		case '0': s->zero = 1; break;
		case '+': s->plus = 1; break;
		case ' ': s->space = 1; break;
		case '#': s->alt = 1; break;
		default: return f;
		}
	}
}

static const char *parse_num(const char *f, int *n, va_list *ap)
{
	if (*f == '*') {
		*n = va_arg(*ap, int);
		return f + 1;
	}
	for (*n = 0; *f >= '0' && *f <= '9'; f++)
		*n = *n * 10 + (*f - '0');
	return f;
}

static const char *parse_size(const char *f, struct spec *s)
{
	s->size = sizeof(int);
	if (f[0] == 'h')
		return s->size = f[1] == 'h' ? 1 : 2, f + (f[1] == 'h') + 1;
	if (f[0] == 'l')
		return s->size = 8, f + (f[1] == 'l') + 1;
	if (f[0] == 'z' || f[0] == 't' || f[0] == 'j')
		return s->size = 8, f + 1;
	return f;
}

static const char *parse_spec(const char *f, struct spec *s, va_list *ap)
{
	memset(s, 0, sizeof(*s));
	f = parse_flags(f, s);
	f = parse_num(f, &s->width, ap);
	if (s->width < 0) {
		s->left = 1;
		s->width = -s->width;
	}
	s->prec = -1;
	if (*f == '.')
		f = parse_num(f + 1, &s->prec, ap);
	return parse_size(f, s);
}

static uint64_t get_unsigned(const struct spec *s, va_list *ap)
{
	uint64_t v = s->size == 8 ? va_arg(*ap, uint64_t) : va_arg(*ap, unsigned int);

	return s->size == 1 ? (uint8_t)v : s->size == 2 ? (uint16_t)v : v;
}

static int64_t get_signed(const struct spec *s, va_list *ap)
{
	int64_t v = s->size == 8 ? va_arg(*ap, int64_t) : va_arg(*ap, int);

	return s->size == 1 ? (int8_t)v : s->size == 2 ? (int16_t)v : v;
}

static void convert(struct out *o, struct spec *s, char c, va_list *ap)
{
	int64_t v;

	switch (c) {
	case 'd': case 'i':
		v = get_signed(s, ap);
		format_int(o, s, v < 0 ? -(uint64_t)v : (uint64_t)v, v < 0, 10, 0);
		break;
	case 'u': format_int(o, s, get_unsigned(s, ap), 0, 10, 0); break;
	case 'o': format_int(o, s, get_unsigned(s, ap), 0, 8, 0); break;
	case 'x': format_int(o, s, get_unsigned(s, ap), 0, 16, 0); break;
	case 'X': format_int(o, s, get_unsigned(s, ap), 0, 16, 1); break;
	case 'p':
		s->alt = 1;
		format_int(o, s, (uintptr_t)va_arg(*ap, void *), 0, 16, 0);
		break;
	case 'c':
		s->prec = -1;
		pad(o, ' ', s->left ? 0 : s->width - 1);
		put(o, va_arg(*ap, int));
		pad(o, ' ', s->left ? s->width - 1 : 0);
		break;
	case 's': format_str(o, s, va_arg(*ap, const char *)); break;
	default: put(o, c); break;              /* "%%" and unknown ones */
	}
}

int vformat(fmt_sink sink, void *arg, const char *fmt, va_list ap)
{
	struct out o = { sink, arg, 0 };
	struct spec s;
	va_list args;

	va_copy(args, ap);
	while (*fmt) {
		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &s, &args);
		if (!*fmt)
			break;
		convert(&o, &s, *fmt++, &args);
	}
	va_end(args);
	return o.count;
}
