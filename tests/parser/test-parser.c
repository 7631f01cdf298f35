/* test-parser.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "golanes-error.h"
#include "golanes-trace-private.h"
#include "golanes-trace-reader.h"
#include "golanes-trace-spec-private.h"
#include "golanes-trace-text.h"

#include "fixture-traces.h"

/* ---- building traces by hand ------------------------------------------ */

static void
put_byte (GByteArray *a,
          guint8      b)
{
  g_byte_array_append (a, &b, 1);
}

static void
put_uvarint (GByteArray *a,
             guint64     v)
{
  do
    {
      guint8 b = v & 0x7f;
      v >>= 7;
      if (v != 0)
        b |= 0x80;
      put_byte (a, b);
    }
  while (v != 0);
}

/* The runtime writes batch sizes padded to 10 bytes. */
static void
put_uvarint_padded (GByteArray *a,
                    guint64     v)
{
  int i;

  for (i = 0; i < 9; i++)
    {
      put_byte (a, (guint8) ((v & 0x7f) | 0x80));
      v >>= 7;
    }
  put_byte (a, (guint8) (v & 0x7f));
}

static void
put_header (GByteArray *a,
            guint       minor)
{
  char hdr[17];

  g_snprintf (hdr, sizeof hdr, "go 1.%u trace", minor);
  g_byte_array_append (a, (const guint8 *) hdr, strlen (hdr));
  put_byte (a, 0);
  put_byte (a, 0);
  put_byte (a, 0);
}

static void
put_batch (GByteArray *a,
           guint64     gen,
           guint64     m,
           guint64     time,
           GByteArray *payload)
{
  put_byte (a, GOLANES_EV_EVENT_BATCH);
  put_uvarint (a, gen);
  put_uvarint (a, m);
  put_uvarint (a, time);
  put_uvarint_padded (a, payload->len);
  g_byte_array_append (a, payload->data, payload->len);
}

static void
put_string (GByteArray *a,
            guint64     id,
            const char *s)
{
  put_byte (a, GOLANES_EV_STRING);
  put_uvarint (a, id);
  put_uvarint (a, strlen (s));
  g_byte_array_append (a, (const guint8 *) s, strlen (s));
}

static void
put_event (GByteArray *a,
           guint8      type,
           int         n,
           ...)
{
  va_list ap;
  int i;

  put_byte (a, type);
  va_start (ap, n);
  for (i = 0; i < n; i++)
    put_uvarint (a, va_arg (ap, guint64));
  va_end (ap);
}

#define U(x) ((guint64) (x))

/* One Go 1.26 generation: sync batch, strings, a stack, one thread's events
 * and the end-of-generation marker. */
static GBytes *
build_small_trace (void)
{
  GByteArray *t = g_byte_array_new ();
  GByteArray *p = g_byte_array_new ();

  put_header (t, 26);

  put_byte (p, GOLANES_EV_SYNC_BATCH);
  put_event (p, GOLANES_EV_FREQUENCY, 1, U (15625000));
  put_event (p, GOLANES_EV_CLOCK_SNAPSHOT, 4, U (0), U (1000), U (1700000000), U (5));
  put_batch (t, 1, G_MAXUINT64, 100, p);

  g_byte_array_set_size (p, 0);
  put_byte (p, GOLANES_EV_STRINGS);
  put_string (p, 1, "hello \"world\"\n\xc3\xa9");
  put_string (p, 2, "main.main");
  put_string (p, 3, "/src/main.go");
  put_batch (t, 1, G_MAXUINT64, 100, p);

  g_byte_array_set_size (p, 0);
  put_byte (p, GOLANES_EV_STACKS);
  put_event (p, GOLANES_EV_STACK, 6, U (1), U (1), U (0x401000), U (2), U (3), U (42));
  put_batch (t, 1, G_MAXUINT64, 100, p);

  g_byte_array_set_size (p, 0);
  put_event (p, GOLANES_EV_PROC_STATUS, 3, U (0), U (0), U (1));
  put_event (p, GOLANES_EV_GO_STATUS, 4, U (1), U (1), U (7), U (2));
  put_event (p, GOLANES_EV_USER_LOG, 5, U (1), U (0), U (1), U (1), U (1));
  put_event (p, GOLANES_EV_GO_BLOCK, 3, U (2), U (1), U (1));
  put_event (p, GOLANES_EV_PROC_STOP, 1, U (1));
  put_batch (t, 1, 7, 1000, p);

  put_byte (t, GOLANES_EV_END_OF_GENERATION);

  g_byte_array_unref (p);
  return g_byte_array_free_to_bytes (t);
}

/* What `TZ=UTC go tool trace -d=parsed` prints for build_small_trace(). */
static const char small_trace_expected[] =
  "M=-1 P=-1 G=-1 Sync Time=6400 N=1 Trace=6400 Mono=1000 Wall=2023-11-14T22:13:20.000000005Z\n"
  "M=7 P=-1 G=-1 StateTransition Time=64000 ProcID=0 Undetermined->Running Reason=\"\"\n"
  "M=7 P=0 G=-1 StateTransition Time=64064 GoID=1 Undetermined->Running Reason=\"\"\n"
  "M=7 P=0 G=1 Log Time=64128 Task=0 Category=\"hello \\\"world\\\"\\né\" Message=\"hello \\\"world\\\"\\né\"\n"
  "Stack=\n"
  "\tmain.main @ 0x401000\n"
  "\t\t/src/main.go:42\n"
  "\n"
  "M=7 P=0 G=1 StateTransition Time=64256 GoID=1 Running->Waiting Reason=\"hello \\\"world\\\"\\né\"\n"
  "TransitionStack=\n"
  "\tmain.main @ 0x401000\n"
  "\t\t/src/main.go:42\n"
  "\n"
  "Stack=\n"
  "\tmain.main @ 0x401000\n"
  "\t\t/src/main.go:42\n"
  "\n"
  "M=7 P=0 G=-1 StateTransition Time=64320 ProcID=0 Running->Idle Reason=\"\"\n"
  "M=-1 P=-1 G=-1 Sync Time=64321 N=2\n";

/* Runs the reader over @bytes, returning the text and setting @error. */
static char *
render (GBytes  *bytes,
        GError **error)
{
  GolanesTraceReader *r = golanes_trace_reader_new_for_bytes (bytes, error);
  GolanesTextBuf buf;
  GolanesEvent ev;
  char *out;

  if (r == NULL)
    return NULL;
  golanes_text_buf_init (&buf);
  while (golanes_trace_reader_next (r, &ev, error))
    {
      golanes_text_append_event (&buf, r, &ev);
      golanes_text_buf_append_c (&buf, '\n');
    }
  out = g_strndup (buf.data, buf.len);
  golanes_text_buf_clear (&buf);
  golanes_trace_reader_free (r);
  return out;
}

/* Runs the reader over @bytes written to a file (read in pieces, not from
 * memory), returning the text and setting @error. */
static char *
render_file (GBytes  *bytes,
             GError **error)
{
  g_autofree char *path = NULL;
  GolanesTraceReader *r;
  GolanesTextBuf buf;
  GolanesEvent ev;
  char *out;
  int fd;

  fd = g_file_open_tmp ("golanes-test-XXXXXX.trace", &path, NULL);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  r = golanes_trace_reader_new_for_path (path, error);
  if (r == NULL)
    {
      g_unlink (path);
      return NULL;
    }
  golanes_text_buf_init (&buf);
  while (golanes_trace_reader_next (r, &ev, error))
    {
      golanes_text_append_event (&buf, r, &ev);
      golanes_text_buf_append_c (&buf, '\n');
    }
  out = g_strndup (buf.data, buf.len);
  golanes_text_buf_clear (&buf);
  golanes_trace_reader_free (r);
  g_unlink (path);
  return out;
}

/* render(), checking that reading the same bytes from a file gives the same
 * text and the same error. */
static char *
render_checked (GBytes  *bytes,
                GError **error)
{
  g_autoptr(GError) file_error = NULL;
  g_autofree char *file_text = render_file (bytes, &file_error);
  char *text = render (bytes, error);

  g_assert_cmpstr (text, ==, file_text);
  if (error != NULL && *error != NULL)
    {
      g_assert_nonnull (file_error);
      g_assert_cmpstr ((*error)->message, ==, file_error->message);
      g_assert_true ((*error)->domain == file_error->domain && (*error)->code == file_error->code);
    }
  else
    g_assert_null (file_error);
  return text;
}

/* ---- tests -------------------------------------------------------------- */

static void
test_quote (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "hello", "\"hello\"" },
    { "\x01", "\"\\x01\"" },
    { "\xc3\xa9", "\"\xc3\xa9\"" },
    { "\xe2\x80\xa8", "\"\\u2028\"" },
    { "\xff", "\"\\xff\"" },
    { "\xf0\x9f\x98\x80", "\"\xf0\x9f\x98\x80\"" },
    { "\xee\x80\x80", "\"\\ue000\"" },
    { "\xf3\xa0\x80\x81", "\"\\U000e0001\"" },
    { "\"\\", "\"\\\"\\\\\"" },
    { "\x7f", "\"\\x7f\"" },
    { "\t\n\a\b\f\r\v", "\"\\t\\n\\a\\b\\f\\r\\v\"" },
    { "\xed\xa0\x80", "\"\\xed\\xa0\\x80\"" },
    { "\xf4\x90\x80\x80", "\"\\xf4\\x90\\x80\\x80\"" },
    { "\xc0\xaf", "\"\\xc0\\xaf\"" },
    { "a\xc2\xa0" "b", "\"a\\u00a0b\"" },
    { "\xc2\xad", "\"\\u00ad\"" },
    { "\xef\xbf\xbd", "\"\xef\xbf\xbd\"" },
    { "\xe2\x82", "\"\\xe2\\x82\"" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GolanesTextBuf buf;
      golanes_text_buf_init (&buf);
      golanes_text_append_quoted (&buf, cases[i].in, strlen (cases[i].in));
      golanes_text_buf_append_c (&buf, '\0');
      g_assert_cmpstr (buf.data, ==, cases[i].out);
      golanes_text_buf_clear (&buf);
    }
}

static void
test_rfc3339 (void)
{
  GolanesTextBuf buf;

  golanes_text_buf_init (&buf);
  golanes_text_append_rfc3339nano (&buf, 0, 0);
  golanes_text_buf_append_c (&buf, ' ');
  golanes_text_append_rfc3339nano (&buf, 1700000000, 120000000);
  golanes_text_buf_append_c (&buf, ' ');
  golanes_text_append_rfc3339nano (&buf, -1, 999999999);
  golanes_text_buf_append_c (&buf, '\0');
  g_assert_cmpstr (buf.data, ==,
                   "1970-01-01T00:00:00Z 2023-11-14T22:13:20.12Z 1969-12-31T23:59:59.999999999Z");
  golanes_text_buf_clear (&buf);
}

/* Element orders Go's slices.SortFunc produces for the keys of
 * sort_keys() (go1.26), including the order of equal keys. */
static const guint sort_expected_10[] = {
  0, 1, 5, 4, 6, 8, 2, 3, 9, 7
};

static const guint sort_expected_13[] = {
  1, 12, 0, 5, 4, 6, 8, 10, 11, 3, 9, 2, 7
};

static const guint sort_expected_50[] = {
  18, 1, 0, 22, 21, 12, 15, 46, 43, 39, 33, 19, 5, 23, 26, 30, 25, 17, 24, 6,
  20, 4, 47, 48, 13, 40, 14, 27, 8, 29, 10, 11, 49, 42, 45, 36, 3, 2, 38, 9,
  16, 41, 44, 32, 31, 37, 7, 35, 34, 28
};

static const guint sort_expected_200[] = {
  151, 1, 198, 0, 143, 57, 99, 69, 105, 55, 157, 52, 12, 189, 74, 15, 164,
  125, 18, 136, 126, 21, 22, 177, 86, 127, 134, 128, 180, 162, 81, 26, 23, 33,
  176, 19, 173, 172, 171, 39, 78, 77, 165, 43, 112, 82, 46, 138, 139, 92, 71,
  51, 190, 70, 191, 109, 196, 5, 154, 104, 147, 197, 24, 63, 152, 153, 66,
  144, 59, 156, 158, 160, 140, 73, 161, 48, 47, 168, 170, 175, 179, 30, 185,
  130, 186, 25, 103, 20, 17, 120, 118, 187, 188, 111, 94, 110, 193, 107, 194,
  6, 4, 101, 150, 72, 100, 61, 8, 54, 108, 96, 148, 93, 91, 145, 68, 142, 58,
  163, 90, 13, 89, 40, 14, 27, 131, 181, 174, 85, 29, 141, 135, 182, 132, 36,
  121, 10, 167, 137, 42, 87, 11, 113, 115, 114, 45, 178, 49, 65, 95, 97, 56,
  155, 195, 64, 16, 2, 3, 149, 53, 159, 106, 9, 67, 192, 44, 76, 117, 119, 41,
  169, 80, 38, 60, 184, 183, 124, 129, 32, 34, 31, 84, 88, 35, 83, 133, 28,
  123, 37, 122, 79, 166, 116, 75, 146, 50, 98, 7, 102, 62, 199
};

static void
sort_keys (GolanesSortItem *items,
           guint            n)
{
  guint32 x = 12345;
  guint i;

  for (i = 0; i < n; i++)
    {
      x = x * 1103515245u + 12345u;
      items[i].key = (x >> 16) % 7;
      items[i].value = i;
    }
}

static void
test_sort (void)
{
  static const struct { guint n; const guint *expected; } cases[] = {
    { 10, sort_expected_10 },
    { 13, sort_expected_13 },
    { 50, sort_expected_50 },
    { 200, sort_expected_200 },
  };
  guint c, i;

  for (c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      GolanesSortItem items[200];
      sort_keys (items, cases[c].n);
      golanes_sort_items (items, cases[c].n);
      for (i = 0; i < cases[c].n; i++)
        g_assert_cmpuint (items[i].value, ==, cases[c].expected[i]);
    }
}

static void
test_end_to_end (void)
{
  g_autoptr(GBytes) bytes = build_small_trace ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = render (bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, small_trace_expected);
}

static void
test_formatter (void)
{
  g_autoptr(GBytes) bytes = build_small_trace ();
  g_autoptr(GError) error = NULL;
  GolanesTraceReader *r = golanes_trace_reader_new_for_bytes (bytes, &error);
  GolanesTextFormatter *fmt = golanes_text_formatter_new ();
  GolanesTextBuf buf;
  GolanesEvent ev;

  golanes_text_buf_init (&buf);
  while (golanes_trace_reader_next (r, &ev, &error))
    {
      golanes_text_formatter_append_event (fmt, &buf, r, &ev);
      golanes_text_buf_append_c (&buf, '\n');
    }
  g_assert_no_error (error);
  g_assert_cmpmem (buf.data, buf.len, small_trace_expected, strlen (small_trace_expected));
  golanes_text_buf_clear (&buf);
  golanes_text_formatter_free (fmt);
  golanes_trace_reader_free (r);
}

static void
test_api (void)
{
  g_autoptr(GBytes) bytes = build_small_trace ();
  g_autoptr(GError) error = NULL;
  GolanesTraceReader *r = golanes_trace_reader_new_for_bytes (bytes, &error);
  GolanesEvent ev;
  guint n = 0, transitions = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (golanes_trace_reader_get_go_minor (r), ==, 26);
  while (golanes_trace_reader_next (r, &ev, &error))
    {
      GolanesStateTransition st;
      n++;
      if (golanes_event_get_state_transition (r, &ev, &st))
        {
          transitions++;
          if (ev.type == GOLANES_EV_GO_BLOCK)
            {
              GolanesStackFrame frames[4];
              g_assert_cmpint (st.resource.kind, ==, GOLANES_RESOURCE_GOROUTINE);
              g_assert_cmpint (st.resource.id, ==, 1);
              g_assert_cmpuint (st.from, ==, GOLANES_GO_RUNNING);
              g_assert_cmpuint (st.to, ==, GOLANES_GO_WAITING);
              g_assert_true (st.has_stack);
              g_assert_cmpint (golanes_trace_reader_get_stack (r, st.stack, frames, 4), ==, 1);
              g_assert_cmpuint (frames[0].pc, ==, 0x401000);
              g_assert_cmpuint (frames[0].line, ==, 42);
              g_assert_cmpmem (frames[0].func.data, frames[0].func.len, "main.main", 9);
            }
        }
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpuint (transitions, ==, 4);
  golanes_trace_reader_free (r);
}

static void
check_fails_with (GByteArray *t,
                  const char *first_line)
{
  g_autoptr(GBytes) bytes = g_byte_array_free_to_bytes (t);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = render (bytes, &error);

  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, first_line));
  g_assert_nonnull (strstr (error->message, "byte offset"));
}

static void
test_hostile_batch_size (void)
{
  GByteArray *t = g_byte_array_new ();

  put_header (t, 26);
  put_byte (t, GOLANES_EV_EVENT_BATCH);
  put_uvarint (t, 1);
  put_uvarint (t, 0);
  put_uvarint (t, 0);
  put_uvarint (t, G_GUINT64_CONSTANT (0xffffffffffff));
  check_fails_with (t, "invalid batch size 281474976710655, maximum is 65536");
}

static void
test_hostile_short_batch (void)
{
  GByteArray *t = g_byte_array_new ();

  put_header (t, 25);
  put_byte (t, GOLANES_EV_EVENT_BATCH);
  put_uvarint (t, 1);
  put_uvarint (t, 0);
  put_uvarint (t, 0);
  put_uvarint (t, 60000);
  put_byte (t, 0);
  check_fails_with (t, "failed to read full batch: read 1 but wanted 60000");
}

static void
test_hostile_string (void)
{
  GByteArray *t = g_byte_array_new ();
  GByteArray *p = g_byte_array_new ();

  put_header (t, 26);
  put_byte (p, GOLANES_EV_STRINGS);
  put_byte (p, GOLANES_EV_STRING);
  put_uvarint (p, 1);
  put_uvarint (p, G_GUINT64_CONSTANT (1) << 40);
  put_batch (t, 1, 0, 0, p);
  put_byte (t, GOLANES_EV_END_OF_GENERATION);
  g_byte_array_unref (p);
  check_fails_with (t, "invalid string size 1099511627776, maximum is 1024");
}

static void
test_hostile_stack (void)
{
  GByteArray *t = g_byte_array_new ();
  GByteArray *p = g_byte_array_new ();

  put_header (t, 26);
  put_byte (p, GOLANES_EV_STACKS);
  put_event (p, GOLANES_EV_STACK, 2, U (1), U (1000000000));
  put_batch (t, 1, 0, 0, p);
  put_byte (t, GOLANES_EV_END_OF_GENERATION);
  g_byte_array_unref (p);
  check_fails_with (t, "invalid stack size 1000000000, maximum is 128");
}

static void
test_hostile_varint (void)
{
  GByteArray *t = g_byte_array_new ();
  int i;

  put_header (t, 26);
  put_byte (t, GOLANES_EV_EVENT_BATCH);
  for (i = 0; i < 11; i++)
    put_byte (t, 0xff);
  check_fails_with (t, "error reading batch gen: binary: varint overflows a 64-bit integer");
}

/* Huge sparse ids must not make the tables allocate per id. */
static void
test_hostile_sparse_ids (void)
{
  GByteArray *t = g_byte_array_new ();
  GByteArray *p = g_byte_array_new ();

  put_header (t, 26);
  put_byte (p, GOLANES_EV_STRINGS);
  put_string (p, 1, "a");
  put_string (p, G_GUINT64_CONSTANT (1) << 62, "b");
  put_batch (t, 1, 0, 0, p);
  g_byte_array_set_size (p, 0);
  put_byte (p, GOLANES_EV_STACKS);
  put_event (p, GOLANES_EV_STACK, 6, U (1), U (1), U (1), U (1), U (1), U (1));
  put_event (p, GOLANES_EV_STACK, 2, G_GUINT64_CONSTANT (1) << 61, U (0));
  put_batch (t, 1, 0, 0, p);
  put_byte (t, GOLANES_EV_END_OF_GENERATION);
  g_byte_array_unref (p);
  check_fails_with (t, "no frequency event found");
}

static void
test_not_a_trace (void)
{
  static const char *inputs[] = { "", "hello", "go 1.26 trace", "go1.26 trace\0\0\0" };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (inputs[i], strlen (inputs[i]) + (i == 3 ? 3 : 0));
      g_autoptr(GError) error = NULL;
      GolanesTraceReader *r = golanes_trace_reader_new_for_bytes (bytes, &error);
      g_assert_null (r);
      g_assert_error (error, GOLANES_ERROR, GOLANES_ERROR_NOT_A_TRACE);
      g_assert_true (g_str_has_prefix (error->message, "bad file format: not a Go execution trace?\n"));
      g_assert_nonnull (strstr (error->message, "byte offset 0"));
    }
}

/* Go lets spaces and leading zeros make the header arbitrarily long; a
 * file is read in pieces, so a long header must still be found. */
static void
test_long_header (void)
{
  g_autoptr(GBytes) small = build_small_trace ();
  g_autoptr(GString) s = g_string_new ("go");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len;
  const char *data = g_bytes_get_data (small, &len);

  g_string_append_len (s, "          ", 10);
  while (s->len < 9000)
    g_string_append_c (s, ' ');
  g_string_append (s, "1.");
  while (s->len < 20000)
    g_string_append_c (s, '0');
  g_string_append (s, "26 ");
  g_assert_true (memcmp (data, "go 1.26 trace", 13) == 0);
  g_string_append_len (s, data + 8, len - 8);   /* from "trace" on */
  bytes = g_bytes_new (s->str, s->len);
  text = render_checked (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, small_trace_expected);
}

static void
test_old_versions (void)
{
  static const guint minors[] = { 11, 19, 21, 24, 5 };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (minors); i++)
    {
      GByteArray *t = g_byte_array_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      GolanesTraceReader *r;
      GolanesEvent ev;

      put_header (t, minors[i]);
      bytes = g_byte_array_free_to_bytes (t);
      r = golanes_trace_reader_new_for_bytes (bytes, &error);
      if (minors[i] == 24 || minors[i] == 5)
        {
          g_assert_null (r);
          g_assert_error (error, GOLANES_ERROR, GOLANES_ERROR_UNSUPPORTED_VERSION);
          continue;
        }
      /* The pre-1.22 format: a header alone lacks the tick frequency,
       * as Go says. */
      g_assert_no_error (error);
      g_assert_nonnull (r);
      g_assert_false (golanes_trace_reader_next (r, &ev, &error));
      g_assert_error (error, GOLANES_ERROR, GOLANES_ERROR_MALFORMED);
      g_assert_true (g_str_has_prefix (error->message, "no EvFrequency event\n"));
      golanes_trace_reader_free (r);
    }
}

/* Every prefix of a valid trace must end in a clean error or a clean end. */
static void
test_truncation (void)
{
  g_autoptr(GBytes) full = build_small_trace ();
  gsize len, i;
  const guint8 *data = g_bytes_get_data (full, &len);

  for (i = 0; i <= len; i++)
    {
      g_autoptr(GBytes) cut = g_bytes_new (data, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = render_checked (cut, &error);

      /* A bare header is an empty trace; any other prefix is broken. */
      if (i < len && i != 16)
        g_assert_nonnull (error);
      else
        g_assert_no_error (error);
      if (text != NULL && i < len)
        g_assert_true (strlen (text) <= strlen (small_trace_expected));
    }
}

/* Corrupting any single byte must not crash or hang: the reader either
 * stops at a GOLANES_ERROR with a message, or reads to the end; a byte
 * written over with its own value changes nothing. */
static void
test_corruption (void)
{
  g_autoptr(GBytes) full = build_small_trace ();
  gsize len, i;
  const guint8 *data = g_bytes_get_data (full, &len);
  static const guint8 values[] = { 0x00, 0x01, 0x34, 0x7f, 0x80, 0xff };
  guint n_errors = 0, n_read = 0, n_same = 0;

  for (i = 16; i < len; i++)
    {
      guint v;
      for (v = 0; v < G_N_ELEMENTS (values); v++)
        {
          guint8 *copy = g_memdup2 (data, len);
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(GError) error = NULL;
          g_autofree char *text = NULL;

          copy[i] = values[v];
          bytes = g_bytes_new_take (copy, len);
          text = render_checked (bytes, &error);
          if (data[i] == values[v])
            {
              g_assert_no_error (error);
              g_assert_cmpstr (text, ==, small_trace_expected);
              n_same++;
            }
          else if (error != NULL)
            {
              g_assert_true (error->domain == GOLANES_ERROR);
              g_assert_nonnull (error->message);
              g_assert_cmpstr (error->message, !=, "");
              n_errors++;
            }
          else
            {
              g_assert_nonnull (text);
              n_read++;
            }
        }
    }
  g_test_message ("corruption: %u errors, %u read to the end, %u unchanged",
                  n_errors, n_read, n_same);
  g_assert_cmpuint (n_errors + n_read + n_same, ==, (len - 16) * G_N_ELEMENTS (values));
  /* Most corruptions of a small trace are caught. */
  g_assert_cmpuint (n_errors, >, n_read);
}

static void
test_cancel (void)
{
  g_autoptr(GBytes) bytes = build_small_trace ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GolanesTraceReader *r = golanes_trace_reader_new_for_bytes (bytes, &error);
  GolanesEvent ev;

  g_assert_no_error (error);
  golanes_trace_reader_set_cancellable (r, cancellable);
  g_cancellable_cancel (cancellable);
  g_assert_false (golanes_trace_reader_next (r, &ev, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  golanes_trace_reader_free (r);
}

static void
progress_cb (guint64  consumed,
             guint64  total,
             gpointer user_data)
{
  guint64 *last = user_data;

  g_assert_cmpuint (consumed, <=, total);
  *last = consumed;
}

static void
test_progress (void)
{
  g_autoptr(GBytes) bytes = build_small_trace ();
  g_autoptr(GError) error = NULL;
  GolanesTraceReader *r = golanes_trace_reader_new_for_bytes (bytes, &error);
  GolanesEvent ev;
  guint64 last = 0;

  golanes_trace_reader_set_progress_func (r, progress_cb, &last);
  while (golanes_trace_reader_next (r, &ev, &error))
    ;
  g_assert_no_error (error);
  g_assert_cmpuint (last, ==, g_bytes_get_size (bytes));
  golanes_trace_reader_free (r);
}

/* ---- the threaded reader ------------------------------------------------ */

/* What a reader gives for a trace: the text of every event (which reads
 * the look-ups: strings, stacks, task names), where each progress report
 * came in the stream, the generation serial at each Sync, the error. */
typedef struct
{
  GolanesTextBuf buf;
  GString       *progress;
  guint64        n_events;
  char          *error;
  gboolean       waiting;   /* between the wait func's TRUE and FALSE */
  guint          n_waits;
} Stream;

/* Called in pairs, around a wait inside golanes_trace_reader_next(). */
static void
stream_wait_cb (gboolean waiting,
                gpointer user_data)
{
  Stream *s = user_data;

  g_assert_true (s->waiting != waiting);
  s->waiting = waiting;
  s->n_waits += waiting;
}

static void
stream_progress_cb (guint64  consumed,
                    guint64  total,
                    gpointer user_data)
{
  Stream *s = user_data;

  g_string_append_printf (s->progress, "%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT " ",
                          s->n_events, consumed, total);
}

static void
stream_add (Stream             *s,
            GolanesTraceReader *r,
            const GolanesEvent *ev)
{
  s->n_events++;
  golanes_text_append_event (&s->buf, r, ev);
  if (ev->kind == GOLANES_EVENT_SYNC)
    {
      g_autofree char *serial = g_strdup_printf (" serial=%" G_GUINT64_FORMAT,
                                                 golanes_trace_reader_get_generation_serial (r));
      golanes_text_buf_append (&s->buf, serial, strlen (serial));
    }
  golanes_text_buf_append_c (&s->buf, '\n');
}

static void
read_stream (const char *path,
             gboolean    threaded,
             Stream     *s)
{
  g_autoptr(GError) error = NULL;
  GolanesTraceReader *r = golanes_trace_reader_new_for_path (path, &error);
  GolanesEvent ev;

  g_assert_no_error (error);
  golanes_text_buf_init (&s->buf);
  s->progress = g_string_new (NULL);
  golanes_trace_reader_set_progress_func (r, stream_progress_cb, s);
  golanes_trace_reader_set_wait_func (r, stream_wait_cb, s);
  golanes_trace_reader_set_threaded (r, threaded);
  while (golanes_trace_reader_next (r, &ev, &error))
    {
      g_assert_false (s->waiting);
      stream_add (s, r, &ev);
    }
  g_assert_false (s->waiting);
  s->error = error != NULL ? g_strdup (error->message) : NULL;
  /* The error sticks, in both. */
  g_clear_error (&error);
  g_assert_false (golanes_trace_reader_next (r, &ev, &error));
  g_assert_cmpstr (error != NULL ? error->message : NULL, ==, s->error);
  golanes_trace_reader_free (r);
}

static void
stream_clear (Stream *s)
{
  golanes_text_buf_clear (&s->buf);
  g_string_free (s->progress, TRUE);
  g_free (s->error);
}

/* Every fixture: the threaded reader gives the plain reader's stream. */
static void
test_threaded_fixtures (void)
{
  g_autoptr(GPtrArray) paths = fixture_traces_list ();
  guint n_errors = 0, n_waits = 0;
  guint64 n_events = 0;

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = paths->pdata[i];
      Stream plain = { 0 }, threaded = { 0 };

      read_stream (path, FALSE, &plain);
      read_stream (path, TRUE, &threaded);
      /* Only a thread makes a reader wait. */
      g_assert_cmpuint (plain.n_waits, ==, 0);
      n_waits += threaded.n_waits;
      g_assert_cmpuint (threaded.n_events, ==, plain.n_events);
      g_assert_true (threaded.buf.len == plain.buf.len &&
                     memcmp (threaded.buf.data, plain.buf.data, plain.buf.len) == 0);
      g_assert_cmpstr (threaded.progress->str, ==, plain.progress->str);
      g_assert_cmpstr (threaded.error, ==, plain.error);
      n_errors += plain.error != NULL;
      n_events += plain.n_events;
      stream_clear (&plain);
      stream_clear (&threaded);
    }
  g_test_message ("%u fixtures, %u ending in an error, %" G_GUINT64_FORMAT " events, %u waits",
                  paths->len, n_errors, n_events, n_waits);
  g_assert_cmpuint (n_waits, >, 0);
  g_assert_cmpuint (n_errors, >=, 20);
}

/* A threaded reader freed at any point stops its thread and frees all it
 * holds (the leak checker sees the rest); one never read starts none. */
static void
test_threaded_free_early (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "go1.26", "servicemini.trace", NULL);
  static const guint64 stops[] = { 0, 1, 2, 4095, 4096, 4097, 30000, 100000, G_MAXUINT64 };

  for (guint round = 0; round < 10; round++)
    for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
      {
        g_autoptr(GError) error = NULL;
        GolanesTraceReader *r = golanes_trace_reader_new_for_path (path, &error);
        GolanesEvent ev;
        guint64 n = 0;

        g_assert_no_error (error);
        golanes_trace_reader_set_threaded (r, TRUE);
        while (n < stops[i] && golanes_trace_reader_next (r, &ev, &error))
          n++;
        g_assert_no_error (error);
        if (stops[i] != 0 && stops[i] != G_MAXUINT64)
          g_assert_cmpuint (n, ==, stops[i]);
        golanes_trace_reader_free (r);
      }
}

/* Cancelled mid-stream, a threaded reader stops within a chunk even when
 * its thread has read everything already. */
static void
test_threaded_cancel (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "go1.26", "servicemini.trace", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GolanesTraceReader *r = golanes_trace_reader_new_for_path (path, &error);
  GolanesEvent ev;
  guint64 n = 0, after = 0;

  g_assert_no_error (error);
  golanes_trace_reader_set_cancellable (r, cancellable);
  golanes_trace_reader_set_threaded (r, TRUE);
  while (n < 10 && golanes_trace_reader_next (r, &ev, &error))
    n++;
  g_assert_cmpuint (n, ==, 10);
  /* Let the thread fill its queue. */
  g_usleep (100 * 1000);
  g_cancellable_cancel (cancellable);
  while (golanes_trace_reader_next (r, &ev, &error))
    after++;
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (after, <, 4096);
  g_clear_error (&error);
  g_assert_false (golanes_trace_reader_next (r, &ev, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  golanes_trace_reader_free (r);
}

/* Two readers of one threaded decoding, each on its own thread, each give
 * the plain reader's stream; one freed half-way holds nothing up. */
typedef struct
{
  GolanesTraceReader *reader;
  Stream             *stream;
  guint64             stop_after;
} TeeRead;

static gpointer
tee_read_thread (gpointer data)
{
  TeeRead *t = data;
  g_autoptr(GError) error = NULL;
  GolanesEvent ev;

  golanes_text_buf_init (&t->stream->buf);
  t->stream->progress = g_string_new (NULL);
  while (t->stream->n_events < t->stop_after && golanes_trace_reader_next (t->reader, &ev, &error))
    stream_add (t->stream, t->reader, &ev);
  t->stream->error = error != NULL ? g_strdup (error->message) : NULL;
  golanes_trace_reader_free (t->reader);
  return NULL;
}

static void
test_threaded_tee (void)
{
  static const char *names[] = { "servicemini.trace", "syscalls.trace", "longrun.cut60.trace" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    for (guint variant = 0; variant < 3; variant++)
      {
        g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "go1.26", names[i], NULL);
        g_autoptr(GError) error = NULL;
        Stream plain = { 0 }, a = { 0 }, b = { 0 };
        TeeRead ta = { NULL, &a, G_MAXUINT64 }, tb = { NULL, &b, G_MAXUINT64 };
        GThread *thread_a, *thread_b;

        read_stream (path, FALSE, &plain);
        ta.reader = golanes_trace_reader_new_for_path (path, &error);
        g_assert_no_error (error);
        tb.reader = golanes_trace_reader_new_tee (ta.reader, &error);
        g_assert_no_error (error);
        /* 1: the second stops early and is freed; 2: it is freed before
         * it reads anything. */
        if (variant > 0)
          tb.stop_after = variant == 1 ? plain.n_events / 3 : 0;
        thread_a = g_thread_new ("tee-a", tee_read_thread, &ta);
        thread_b = g_thread_new ("tee-b", tee_read_thread, &tb);
        g_thread_join (thread_a);
        g_thread_join (thread_b);

        g_assert_cmpuint (a.n_events, ==, plain.n_events);
        g_assert_true (a.buf.len == plain.buf.len &&
                       memcmp (a.buf.data, plain.buf.data, a.buf.len) == 0);
        g_assert_cmpstr (a.error, ==, plain.error);
        g_assert_cmpuint (b.n_events, ==, MIN (tb.stop_after, plain.n_events));
        g_assert_true (b.buf.len <= a.buf.len && memcmp (b.buf.data, a.buf.data, b.buf.len) == 0);
        if (variant == 0)
          {
            g_assert_true (b.buf.len == a.buf.len);
            g_assert_cmpstr (b.error, ==, plain.error);
          }
        stream_clear (&plain);
        stream_clear (&a);
        stream_clear (&b);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Writes the hand-built trace, to regenerate the expected text with
   * `TZ=UTC go tool trace -d=parsed FILE`. */
  if (g_getenv ("GOLANES_TEST_WRITE_TRACE") != NULL)
    {
      g_autoptr(GBytes) bytes = build_small_trace ();
      g_file_set_contents (g_getenv ("GOLANES_TEST_WRITE_TRACE"), g_bytes_get_data (bytes, NULL),
                           g_bytes_get_size (bytes), NULL);
    }

  g_test_add_func ("/parser/quote", test_quote);
  g_test_add_func ("/parser/rfc3339nano", test_rfc3339);
  g_test_add_func ("/parser/sort", test_sort);
  g_test_add_func ("/parser/end-to-end", test_end_to_end);
  g_test_add_func ("/parser/formatter", test_formatter);
  g_test_add_func ("/parser/api", test_api);
  g_test_add_func ("/parser/hostile/batch-size", test_hostile_batch_size);
  g_test_add_func ("/parser/hostile/short-batch", test_hostile_short_batch);
  g_test_add_func ("/parser/hostile/string-size", test_hostile_string);
  g_test_add_func ("/parser/hostile/stack-size", test_hostile_stack);
  g_test_add_func ("/parser/hostile/varint-overflow", test_hostile_varint);
  g_test_add_func ("/parser/hostile/sparse-ids", test_hostile_sparse_ids);
  g_test_add_func ("/parser/header/not-a-trace", test_not_a_trace);
  g_test_add_func ("/parser/header/old-versions", test_old_versions);
  g_test_add_func ("/parser/header/long", test_long_header);
  g_test_add_func ("/parser/truncation", test_truncation);
  g_test_add_func ("/parser/corruption", test_corruption);
  g_test_add_func ("/parser/cancel", test_cancel);
  g_test_add_func ("/parser/progress", test_progress);
  g_test_add_func ("/parser/threaded/fixtures", test_threaded_fixtures);
  g_test_add_func ("/parser/threaded/free-early", test_threaded_free_early);
  g_test_add_func ("/parser/threaded/cancel", test_threaded_cancel);
  g_test_add_func ("/parser/threaded/tee", test_threaded_tee);

  return g_test_run ();
}
