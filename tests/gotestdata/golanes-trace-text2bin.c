/* golanes-trace-text2bin.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Converts a Go execution trace from the raw text form used by the test
 * cases of Go's internal/trace package (see internal/trace/raw in the Go
 * source tree) into the binary wire format that runtime/trace writes.
 *
 * Input:
 *
 *   Trace Go1.NN
 *   EventName arg=value arg=value ...
 *   Stack id=ID nframes=N          (followed by N frame lines
 *     pc=PC func=F file=F line=L    with exactly these four arguments)
 *   String id=ID                   (events with trailing data are followed
 *     data="Go string literal"      by one data line)
 *
 * Blank lines and lines whose first non-space character is '#' are skipped.
 * Whitespace is anything Go's unicode.IsSpace accepts.
 *
 * Output: the header "go 1.NN trace" padded with NUL bytes to 16 bytes, then
 * for each event its type byte, its arguments as minimal unsigned LEB128
 * varints (for stacks: id, frame count, then four varints per frame) and, for
 * events with data, the data length as a varint followed by the data bytes.
 * Nothing is validated beyond the syntax, so deliberately broken traces (as
 * used by the FAILURE test cases) are reproduced faithfully; batch sizes in
 * particular are written exactly as given.
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#define TEXT2BIN_ERROR (text2bin_error_quark ())
G_DEFINE_QUARK (golanes-trace-text2bin-error-quark, text2bin_error)

enum
{
  TEXT2BIN_ERROR_SYNTAX,
  TEXT2BIN_ERROR_VERSION,
};

#define MAX_EVENT_ARGS 5

typedef struct
{
  const char *name;
  /* Argument names, NULL-terminated. */
  const char *args[MAX_EVENT_ARGS + 1];
  /* First trace version (minor Go version) that has this event type. */
  guint since;
  gboolean is_stack;
  gboolean has_data;
} EventSpec;

/* Indexed by the event type byte (internal/trace/tracev2/events.go). */
static const EventSpec event_specs[] = {
  /* Structural events. */
  [1] = { "EventBatch", { "gen", "m", "time", "size" }, 22, FALSE, FALSE },
  [2] = { "Stacks", { NULL }, 22, FALSE, FALSE },
  [3] = { "Stack", { "id", "nframes" }, 22, TRUE, FALSE },
  [4] = { "Strings", { NULL }, 22, FALSE, FALSE },
  [5] = { "String", { "id" }, 22, FALSE, TRUE },
  [6] = { "CPUSamples", { NULL }, 22, FALSE, FALSE },
  [7] = { "CPUSample", { "time", "m", "p", "g", "stack" }, 22, FALSE, FALSE },
  [8] = { "Frequency", { "freq" }, 22, FALSE, FALSE },
  /* Procs. */
  [9] = { "ProcsChange", { "dt", "procs_value", "stack" }, 22, FALSE, FALSE },
  [10] = { "ProcStart", { "dt", "p", "p_seq" }, 22, FALSE, FALSE },
  [11] = { "ProcStop", { "dt" }, 22, FALSE, FALSE },
  [12] = { "ProcSteal", { "dt", "p", "p_seq", "m" }, 22, FALSE, FALSE },
  [13] = { "ProcStatus", { "dt", "p", "pstatus" }, 22, FALSE, FALSE },
  /* Goroutines. */
  [14] = { "GoCreate", { "dt", "new_g", "new_stack", "stack" }, 22, FALSE, FALSE },
  [15] = { "GoCreateSyscall", { "dt", "new_g" }, 22, FALSE, FALSE },
  [16] = { "GoStart", { "dt", "g", "g_seq" }, 22, FALSE, FALSE },
  [17] = { "GoDestroy", { "dt" }, 22, FALSE, FALSE },
  [18] = { "GoDestroySyscall", { "dt" }, 22, FALSE, FALSE },
  [19] = { "GoStop", { "dt", "reason_string", "stack" }, 22, FALSE, FALSE },
  [20] = { "GoBlock", { "dt", "reason_string", "stack" }, 22, FALSE, FALSE },
  [21] = { "GoUnblock", { "dt", "g", "g_seq", "stack" }, 22, FALSE, FALSE },
  [22] = { "GoSyscallBegin", { "dt", "p_seq", "stack" }, 22, FALSE, FALSE },
  [23] = { "GoSyscallEnd", { "dt" }, 22, FALSE, FALSE },
  [24] = { "GoSyscallEndBlocked", { "dt" }, 22, FALSE, FALSE },
  [25] = { "GoStatus", { "dt", "g", "m", "gstatus" }, 22, FALSE, FALSE },
  /* Stop-the-world. */
  [26] = { "STWBegin", { "dt", "kind_string", "stack" }, 22, FALSE, FALSE },
  [27] = { "STWEnd", { "dt" }, 22, FALSE, FALSE },
  /* GC. */
  [28] = { "GCActive", { "dt", "gc_seq" }, 22, FALSE, FALSE },
  [29] = { "GCBegin", { "dt", "gc_seq", "stack" }, 22, FALSE, FALSE },
  [30] = { "GCEnd", { "dt", "gc_seq" }, 22, FALSE, FALSE },
  [31] = { "GCSweepActive", { "dt", "p" }, 22, FALSE, FALSE },
  [32] = { "GCSweepBegin", { "dt", "stack" }, 22, FALSE, FALSE },
  [33] = { "GCSweepEnd", { "dt", "swept_value", "reclaimed_value" }, 22, FALSE, FALSE },
  [34] = { "GCMarkAssistActive", { "dt", "g" }, 22, FALSE, FALSE },
  [35] = { "GCMarkAssistBegin", { "dt", "stack" }, 22, FALSE, FALSE },
  [36] = { "GCMarkAssistEnd", { "dt" }, 22, FALSE, FALSE },
  [37] = { "HeapAlloc", { "dt", "heapalloc_value" }, 22, FALSE, FALSE },
  [38] = { "HeapGoal", { "dt", "heapgoal_value" }, 22, FALSE, FALSE },
  /* Annotations. */
  [39] = { "GoLabel", { "dt", "label_string" }, 22, FALSE, FALSE },
  [40] = { "UserTaskBegin", { "dt", "task", "parent_task", "name_string", "stack" }, 22, FALSE, FALSE },
  [41] = { "UserTaskEnd", { "dt", "task", "stack" }, 22, FALSE, FALSE },
  [42] = { "UserRegionBegin", { "dt", "task", "name_string", "stack" }, 22, FALSE, FALSE },
  [43] = { "UserRegionEnd", { "dt", "task", "name_string", "stack" }, 22, FALSE, FALSE },
  [44] = { "UserLog", { "dt", "task", "key_string", "value_string", "stack" }, 22, FALSE, FALSE },
  /* Go 1.23: coroutines, GoStatus with a stack, experimental batches. */
  [45] = { "GoSwitch", { "dt", "g", "g_seq" }, 23, FALSE, FALSE },
  [46] = { "GoSwitchDestroy", { "dt", "g", "g_seq" }, 23, FALSE, FALSE },
  [47] = { "GoCreateBlocked", { "dt", "new_g", "new_stack", "stack" }, 23, FALSE, FALSE },
  [48] = { "GoStatusStack", { "dt", "g", "m", "gstatus", "stack" }, 23, FALSE, FALSE },
  [49] = { "ExperimentalBatch", { "exp", "gen", "m", "time" }, 23, FALSE, TRUE },
  /* Go 1.25: sync batches. */
  [50] = { "Sync", { NULL }, 25, FALSE, FALSE },
  [51] = { "ClockSnapshot", { "dt", "mono", "sec", "nsec" }, 25, FALSE, FALSE },
  /* Go 1.26: in-band end of generation. */
  [52] = { "EndOfGeneration", { NULL }, 26, FALSE, FALSE },
  /* Experimental events (AllocFree experiment); the wire format only
   * knows them from Go 1.26 on. */
  [128] = { "Span", { "dt", "id", "npages_value", "kindclass" }, 26, FALSE, FALSE },
  [129] = { "SpanAlloc", { "dt", "id", "npages_value", "kindclass" }, 26, FALSE, FALSE },
  [130] = { "SpanFree", { "dt", "id" }, 26, FALSE, FALSE },
  [131] = { "HeapObject", { "dt", "id", "type" }, 26, FALSE, FALSE },
  [132] = { "HeapObjectAlloc", { "dt", "id", "type" }, 26, FALSE, FALSE },
  [133] = { "HeapObjectFree", { "dt", "id" }, 26, FALSE, FALSE },
  [134] = { "GoroutineStack", { "dt", "id", "order" }, 26, FALSE, FALSE },
  [135] = { "GoroutineStackAlloc", { "dt", "id", "order" }, 26, FALSE, FALSE },
  [136] = { "GoroutineStackFree", { "dt", "id" }, 26, FALSE, FALSE },
};

static const char * const frame_args[] = { "pc", "func", "file", "line", NULL };

/* Trace versions Go accepts in a header. 1.11-1.21 use the old format, for
 * which no event is defined here, so such a trace can only be empty. */
static const guint known_versions[] = { 11, 19, 21, 22, 23, 25, 26 };

/* A byte range of the input; the input may contain NUL bytes. */
typedef struct
{
  const char *p;
  gsize n;
} Span;

typedef struct
{
  Span input;
  gsize pos;
  guint line_no;
} LineReader;

/* Decodes one UTF-8 sequence at the start of @s. Invalid or truncated
 * sequences decode as U+FFFD with length 1, as in Go. */
static gsize
decode_rune (Span s, gunichar *out)
{
  const guchar *p = (const guchar *) s.p;
  gunichar c;
  gunichar min;
  gsize len;

  if (p[0] < 0x80)
    {
      *out = p[0];
      return 1;
    }
  if ((p[0] & 0xe0) == 0xc0)
    {
      len = 2;
      c = p[0] & 0x1f;
      min = 0x80;
    }
  else if ((p[0] & 0xf0) == 0xe0)
    {
      len = 3;
      c = p[0] & 0x0f;
      min = 0x800;
    }
  else if ((p[0] & 0xf8) == 0xf0)
    {
      len = 4;
      c = p[0] & 0x07;
      min = 0x10000;
    }
  else
    goto invalid;

  if (s.n < len)
    goto invalid;
  for (gsize i = 1; i < len; i++)
    {
      if ((p[i] & 0xc0) != 0x80)
        goto invalid;
      c = (c << 6) | (p[i] & 0x3f);
    }
  if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
    goto invalid;
  *out = c;
  return len;

invalid:
  *out = 0xfffd;
  return 1;
}

/* Go's unicode.IsSpace. */
static gboolean
is_space (gunichar c)
{
  switch (c)
    {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return TRUE;
    default:
      return c >= 0x2000 && c <= 0x200a;
    }
}

static gboolean
span_is_blank (Span s)
{
  while (s.n > 0)
    {
      gunichar c;
      gsize len = decode_rune (s, &c);

      if (!is_space (c))
        return FALSE;
      s.p += len;
      s.n -= len;
    }
  return TRUE;
}

static Span
span_trim_space (Span s)
{
  gsize end;

  while (s.n > 0)
    {
      gunichar c;
      gsize len = decode_rune (s, &c);

      if (!is_space (c))
        break;
      s.p += len;
      s.n -= len;
    }

  /* Find the end of the last non-space character by scanning forwards,
   * which keeps the decoding identical to the forward case. */
  end = 0;
  for (gsize i = 0; i < s.n;)
    {
      Span rest = { s.p + i, s.n - i };
      gunichar c;
      gsize len = decode_rune (rest, &c);

      i += len;
      if (!is_space (c))
        end = i;
    }
  s.n = end;
  return s;
}

static gboolean
span_equal (Span s, const char *str)
{
  gsize len = strlen (str);

  return s.n == len && memcmp (s.p, str, len) == 0;
}

static char *
span_dup (Span s)
{
  return g_strndup (s.p, s.n);
}

/* Splits off the first token of @s: a run of non-space characters that
 * stops at a space or '#'. A '#' before the token starts a comment, which
 * yields an empty token and an empty rest. */
static void
read_token (Span s, Span *token, Span *rest)
{
  Span empty = { s.p + s.n, 0 };
  gsize start;
  gsize i;

  *token = empty;
  *rest = empty;

  for (i = 0; i < s.n;)
    {
      Span tail = { s.p + i, s.n - i };
      gunichar c;
      gsize len = decode_rune (tail, &c);

      if (c == '#')
        return;
      if (!is_space (c))
        break;
      i += len;
    }
  if (i == s.n)
    return;

  start = i;
  while (i < s.n)
    {
      Span tail = { s.p + i, s.n - i };
      gunichar c;
      gsize len = decode_rune (tail, &c);

      if (is_space (c) || c == '#')
        break;
      i += len;
    }
  token->p = s.p + start;
  token->n = i - start;
  rest->p = s.p + i;
  rest->n = s.n - i;
}

/* Returns the next line that has a token, without the line terminator
 * ("\n", or "\r\n" as bufio.ScanLines strips it). */
static gboolean
line_reader_next (LineReader *r, Span *line)
{
  while (r->pos < r->input.n)
    {
      const char *start = r->input.p + r->pos;
      gsize avail = r->input.n - r->pos;
      const char *nl = memchr (start, '\n', avail);
      Span l = { start, nl != NULL ? (gsize) (nl - start) : avail };
      Span token;
      Span rest;

      r->pos += l.n + (nl != NULL ? 1 : 0);
      r->line_no++;
      if (nl != NULL && l.n > 0 && l.p[l.n - 1] == '\r')
        l.n--;

      read_token (l, &token, &rest);
      if (token.n == 0)
        continue;
      *line = l;
      return TRUE;
    }
  return FALSE;
}

/* strconv.ParseUint (s, 10, 64). */
static gboolean
parse_uint64 (Span s, guint64 *out)
{
  guint64 v = 0;

  if (s.n == 0)
    return FALSE;
  for (gsize i = 0; i < s.n; i++)
    {
      guint d;

      if (s.p[i] < '0' || s.p[i] > '9')
        return FALSE;
      d = (guint) (s.p[i] - '0');
      if (v > (G_MAXUINT64 - d) / 10)
        return FALSE;
      v = v * 10 + d;
    }
  *out = v;
  return TRUE;
}

/* Reads "name=value" pairs with exactly the names in @names, in order,
 * followed by nothing but spaces. */
static gboolean
read_args (LineReader   *r,
           Span          s,
           const char  * const *names,
           GArray       *args,
           GError      **error)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      Span token;
      Span rest;
      const char *eq;
      Span name;
      Span value;
      guint64 v;

      read_token (s, &token, &rest);
      if (token.n == 0)
        {
          g_set_error (error, TEXT2BIN_ERROR, TEXT2BIN_ERROR_SYNTAX,
                       "line %u: no argument (expected %s)", r->line_no, names[i]);
          return FALSE;
        }
      eq = memchr (token.p, '=', token.n);
      if (eq == NULL)
        {
          g_autofree char *t = span_dup (token);

          g_set_error (error, TEXT2BIN_ERROR, TEXT2BIN_ERROR_SYNTAX,
                       "line %u: malformed argument: \"%s\"", r->line_no, t);
          return FALSE;
        }
      name.p = token.p;
      name.n = (gsize) (eq - token.p);
      value.p = eq + 1;
      value.n = token.n - name.n - 1;
      if (!span_equal (name, names[i]))
        {
          g_autofree char *n = span_dup (name);

          g_set_error (error, TEXT2BIN_ERROR, TEXT2BIN_ERROR_SYNTAX,
                       "line %u: expected argument \"%s\", but got \"%s\"",
                       r->line_no, names[i], n);
          return FALSE;
        }
      if (!parse_uint64 (value, &v))
        {
          g_autofree char *t = span_dup (value);

          g_set_error (error, TEXT2BIN_ERROR, TEXT2BIN_ERROR_SYNTAX,
                       "line %u: failed to parse argument value \"%s\" for arg \"%s\"",
                       r->line_no, t, names[i]);
          return FALSE;
        }
      g_array_append_val (args, v);
      s = rest;
    }

  if (!span_is_blank (s))
    {
      g_autofree char *t = span_dup (s);

      g_set_error (error, TEXT2BIN_ERROR, TEXT2BIN_ERROR_SYNTAX,
                   "line %u: unexpected non-space at the end of an event: \"%s\"",
                   r->line_no, t);
      return FALSE;
    }
  return TRUE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static void
append_utf8 (GByteArray *out,
             gunichar    c)
{
  char buf[6];
  gint len = g_unichar_to_utf8 (c, buf);

  g_byte_array_append (out, (const guint8 *) buf, (guint) len);
}

/* Decodes one character or escape sequence of a quoted literal (Go's
 * strconv.UnquoteChar semantics) from the start of @s and appends it to
 * @out. Returns the number of input bytes used, or 0 on a syntax error. */
static gsize
unquote_char (Span        s,
              char        quote,
              GByteArray *out)
{
  guchar c = (guchar) s.p[0];
  guint32 v = 0;
  gsize digits = 0;
  gsize i;

  if (c >= 0x80)
    {
      gunichar r;
      gsize len = decode_rune (s, &r);

      append_utf8 (out, r);
      return len;
    }
  if (c == '\n')
    return 0;
  if (c != '\\')
    {
      g_byte_array_append (out, &c, 1);
      return 1;
    }

  if (s.n < 2)
    return 0;
  switch (s.p[1])
    {
    case 'a': c = '\a'; break;
    case 'b': c = '\b'; break;
    case 'f': c = '\f'; break;
    case 'n': c = '\n'; break;
    case 'r': c = '\r'; break;
    case 't': c = '\t'; break;
    case 'v': c = '\v'; break;
    case '\\': c = '\\'; break;
    case '\'':
    case '"':
      if (s.p[1] != quote)
        return 0;
      c = (guchar) s.p[1];
      break;
    case 'x':
      digits = 2;
      break;
    case 'u':
      digits = 4;
      break;
    case 'U':
      digits = 8;
      break;
    case '0': case '1': case '2': case '3':
    case '4': case '5': case '6': case '7':
      if (s.n < 4)
        return 0;
      for (i = 1; i < 4; i++)
        {
          if (s.p[i] < '0' || s.p[i] > '7')
            return 0;
          v = (v << 3) | (guint32) (s.p[i] - '0');
        }
      if (v > 255)
        return 0;
      c = (guchar) v;
      g_byte_array_append (out, &c, 1);
      return 4;
    default:
      return 0;
    }

  if (digits == 0)
    {
      g_byte_array_append (out, &c, 1);
      return 2;
    }

  if (s.n < 2 + digits)
    return 0;
  for (i = 0; i < digits; i++)
    {
      int h = hex_value (s.p[2 + i]);

      if (h < 0)
        return 0;
      v = (v << 4) | (guint32) h;
    }
  if (digits == 2)
    {
      /* A single byte, not necessarily valid UTF-8. */
      c = (guchar) v;
      g_byte_array_append (out, &c, 1);
    }
  else
    {
      if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
        return 0;
      append_utf8 (out, v);
    }
  return 2 + digits;
}

/* strconv.Unquote: a double-quoted, single-quoted or back-quoted Go
 * literal making up all of @s. */
static GByteArray *
unquote (Span s)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  char quote;
  gsize i;

  if (s.n < 2)
    return NULL;
  quote = s.p[0];

  if (quote == '`')
    {
      if (s.p[s.n - 1] != '`' || memchr (s.p + 1, '`', s.n - 2) != NULL)
        return NULL;
      /* Carriage returns inside raw literals are dropped. */
      for (i = 1; i < s.n - 1; i++)
        if (s.p[i] != '\r')
          g_byte_array_append (out, (const guint8 *) &s.p[i], 1);
      return g_steal_pointer (&out);
    }

  if (quote != '"' && quote != '\'')
    return NULL;

  i = 1;
  while (i < s.n && s.p[i] != quote)
    {
      Span rest = { s.p + i, s.n - i };
      gsize used = unquote_char (rest, quote, out);

      if (used == 0)
        return NULL;
      i += used;
      /* A character literal holds exactly one character. */
      if (quote == '\'')
        break;
    }
  if (i >= s.n || s.p[i] != quote || i + 1 != s.n)
    return NULL;
  return g_steal_pointer (&out);
}

/* The line following an event with data: "data=<quoted literal>". */
static GByteArray *
read_data (LineReader  *r,
           Span         line,
           GError     **error)
{
  const char *eq = memchr (line.p, '=', line.n);
  Span key;
  Span value;
  GByteArray *data;

  if (eq != NULL)
    {
      key.p = line.p;
      key.n = (gsize) (eq - line.p);
      value.p = eq + 1;
      value.n = line.n - key.n - 1;
    }
  if (eq == NULL || !span_equal (span_trim_space (key), "data"))
    {
      g_autofree char *t = span_dup (line);

      g_set_error (error, TEXT2BIN_ERROR, TEXT2BIN_ERROR_SYNTAX,
                   "line %u: malformed data: \"%s\"", r->line_no, t);
      return NULL;
    }

  data = unquote (span_trim_space (value));
  if (data == NULL)
    {
      g_autofree char *t = span_dup (line);

      g_set_error (error, TEXT2BIN_ERROR, TEXT2BIN_ERROR_SYNTAX,
                   "line %u: failed to parse data: \"%s\": invalid syntax",
                   r->line_no, t);
    }
  return data;
}

static void
append_uvarint (GByteArray *out,
                guint64     v)
{
  guint8 b;

  while (v >= 0x80)
    {
      b = (guint8) (v | 0x80);
      g_byte_array_append (out, &b, 1);
      v >>= 7;
    }
  b = (guint8) v;
  g_byte_array_append (out, &b, 1);
}

static gboolean
read_header (LineReader  *r,
             GByteArray  *out,
             guint       *version,
             GError     **error)
{
  Span line;
  Span token;
  Span rest;
  guint64 minor;
  gboolean known = FALSE;
  char header[17];

  if (!line_reader_next (r, &line))
    {
      g_set_error (error, TEXT2BIN_ERROR, TEXT2BIN_ERROR_SYNTAX,
                   "empty input: missing \"Trace Go1.NN\" header");
      return FALSE;
    }

  read_token (line, &token, &rest);
  if (!span_equal (token, "Trace"))
    {
      g_set_error (error, TEXT2BIN_ERROR, TEXT2BIN_ERROR_SYNTAX,
                   "line %u: failed to parse header", r->line_no);
      return FALSE;
    }
  read_token (rest, &token, &rest);
  if (token.n < 4 || memcmp (token.p, "Go1.", 4) != 0)
    {
      g_set_error (error, TEXT2BIN_ERROR, TEXT2BIN_ERROR_SYNTAX,
                   "line %u: failed to parse header Go version", r->line_no);
      return FALSE;
    }
  token.p += 4;
  token.n -= 4;
  if (!parse_uint64 (token, &minor))
    {
      g_set_error (error, TEXT2BIN_ERROR, TEXT2BIN_ERROR_SYNTAX,
                   "line %u: failed to parse header Go version", r->line_no);
      return FALSE;
    }
  /* Go keeps the version in a uint32, so larger numbers wrap around. */
  minor = (guint32) minor;
  for (guint i = 0; i < G_N_ELEMENTS (known_versions); i++)
    if (known_versions[i] == minor)
      known = TRUE;
  if (!known)
    {
      g_set_error (error, TEXT2BIN_ERROR, TEXT2BIN_ERROR_VERSION,
                   "line %u: unknown or unsupported Go version 1.%" G_GUINT64_FORMAT,
                   r->line_no, minor);
      return FALSE;
    }
  if (!span_is_blank (rest))
    {
      g_set_error (error, TEXT2BIN_ERROR, TEXT2BIN_ERROR_SYNTAX,
                   "line %u: unexpected non-space at the end of the header",
                   r->line_no);
      return FALSE;
    }

  /* "go 1.NN trace" and NUL padding: 16 bytes for every known version. */
  memset (header, 0, sizeof header);
  g_snprintf (header, sizeof header, "go 1.%u trace", (guint) minor);
  g_byte_array_append (out, (const guint8 *) header, 16);
  *version = (guint) minor;
  return TRUE;
}

static const EventSpec *
lookup_event (Span   name,
              guint  version,
              guint8 *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (event_specs); i++)
    {
      const EventSpec *spec = &event_specs[i];

      if (spec->name != NULL && spec->since <= version && span_equal (name, spec->name))
        {
          *type = (guint8) i;
          return spec;
        }
    }
  return NULL;
}

static gboolean
convert_event (LineReader  *r,
               Span         line,
               guint        version,
               GByteArray  *out,
               GError     **error)
{
  g_autoptr(GArray) args = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GByteArray) data = NULL;
  const EventSpec *spec;
  Span name;
  Span rest;
  guint8 type;

  read_token (line, &name, &rest);
  spec = lookup_event (name, version, &type);
  if (spec == NULL)
    {
      g_autofree char *n = span_dup (name);

      g_set_error (error, TEXT2BIN_ERROR, TEXT2BIN_ERROR_SYNTAX,
                   "line %u: unidentified event for go 1.%u: %s",
                   r->line_no, version, n);
      return FALSE;
    }
  if (!read_args (r, rest, spec->args, args, error))
    return FALSE;

  if (spec->is_stack)
    {
      guint64 nframes = g_array_index (args, guint64, 1);

      for (guint64 i = 0; i < nframes; i++)
        {
          Span frame;

          if (!line_reader_next (r, &frame))
            {
              g_set_error (error, TEXT2BIN_ERROR, TEXT2BIN_ERROR_SYNTAX,
                           "unexpected end of input in the frames of a %s event",
                           spec->name);
              return FALSE;
            }
          if (!read_args (r, frame, frame_args, args, error))
            return FALSE;
        }
    }

  if (spec->has_data)
    {
      Span data_line;

      if (!line_reader_next (r, &data_line))
        {
          g_set_error (error, TEXT2BIN_ERROR, TEXT2BIN_ERROR_SYNTAX,
                       "unexpected end of input in the data of a %s event",
                       spec->name);
          return FALSE;
        }
      data = read_data (r, data_line, error);
      if (data == NULL)
        return FALSE;
    }

  g_byte_array_append (out, &type, 1);
  for (guint i = 0; i < args->len; i++)
    append_uvarint (out, g_array_index (args, guint64, i));
  if (data != NULL)
    {
      append_uvarint (out, data->len);
      g_byte_array_append (out, data->data, data->len);
    }
  return TRUE;
}

static GByteArray *
convert (Span     input,
         GError **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  LineReader r = { input, 0, 0 };
  Span line;
  guint version;

  if (!read_header (&r, out, &version, error))
    return NULL;
  while (line_reader_next (&r, &line))
    if (!convert_event (&r, line, version, out, error))
      return NULL;
  return g_steal_pointer (&out);
}

static gboolean
read_stdin (GByteArray **out,
            GError     **error)
{
  g_autoptr(GByteArray) buf = g_byte_array_new ();
  guint8 chunk[65536];
  size_t n;

  while ((n = fread (chunk, 1, sizeof chunk, stdin)) > 0)
    g_byte_array_append (buf, chunk, (guint) n);
  if (ferror (stdin))
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "failed to read standard input: %s", g_strerror (saved_errno));
      return FALSE;
    }
  *out = g_steal_pointer (&buf);
  return TRUE;
}

static gboolean
write_output (const char  *path,
              GByteArray  *data,
              GError     **error)
{
  if (path == NULL || strcmp (path, "-") == 0)
    {
      if (fwrite (data->data, 1, data->len, stdout) != data->len || fflush (stdout) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       "failed to write standard output: %s", g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }
  return g_file_set_contents (path, (const char *) data->data, data->len, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) input = NULL;
  g_autoptr(GByteArray) output = NULL;
  g_autofree char *output_path = NULL;
  const char *input_path = NULL;
  Span input_span;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      "Write the binary trace to FILE instead of standard output", "FILE" },
    { NULL }
  };

  context = g_option_context_new ("[TEXT-TRACE]");
  g_option_context_set_summary (context,
                                "Convert a Go execution trace from Go's raw text form "
                                "(internal/trace/raw) to the binary wire format.\n"
                                "Reads standard input when TEXT-TRACE is missing or \"-\".");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("golanes-trace-text2bin: %s\n", error->message);
      return 2;
    }
  if (argc > 2)
    {
      g_printerr ("golanes-trace-text2bin: expected at most one input file\n");
      return 2;
    }
  if (argc == 2)
    input_path = argv[1];

  if (input_path == NULL || strcmp (input_path, "-") == 0)
    {
      if (!read_stdin (&input, &error))
        goto fail;
    }
  else
    {
      char *contents;
      gsize len;

      if (!g_file_get_contents (input_path, &contents, &len, &error))
        goto fail;
      input = g_byte_array_new_take ((guint8 *) contents, len);
    }

  input_span.p = (const char *) input->data;
  input_span.n = input->len;
  output = convert (input_span, &error);
  if (output == NULL)
    goto fail;
  if (!write_output (output_path, output, &error))
    goto fail;
  return 0;

fail:
  g_printerr ("golanes-trace-text2bin: %s%s%s\n",
              input_path != NULL ? input_path : "",
              input_path != NULL ? ": " : "",
              error->message);
  return 1;
}
