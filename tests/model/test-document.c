/* test-document.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "golanes-document.h"

/* Events in a gzip'd golden of `go tool trace -d=parsed`: each starts a
 * line with "M="; stacks follow on indented lines. */
static guint64
count_golden_lines (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "go1.26", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) raw = g_file_read (file, NULL, NULL);
  g_autoptr(GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) in = NULL;
  guint64 lines = 0;
  gboolean at_line_start = TRUE;
  guint8 buf[65536];
  gssize n;

  g_assert_nonnull (raw);
  in = g_converter_input_stream_new (G_INPUT_STREAM (raw), G_CONVERTER (gunzip));
  while ((n = g_input_stream_read (in, buf, sizeof buf, NULL, NULL)) > 0)
    for (gssize i = 0; i < n; i++)
      {
        if (at_line_start && buf[i] == 'M')
          lines++;
        at_line_start = buf[i] == '\n';
      }
  g_assert_cmpint (n, ==, 0);
  return lines;
}

static void
progress_cb (guint64  consumed,
             guint64  total,
             gpointer user_data)
{
  guint64 *last = user_data;

  g_assert_cmpuint (consumed, >=, *last);
  g_assert_cmpuint (consumed, <=, total);
  *last = consumed;
}

static void
test_complete (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "go1.26", "longrun.trace", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GolanesDocument) doc = NULL;
  guint64 last = 0;

  doc = golanes_document_load (path, progress_cb, &last, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_null (golanes_document_get_read_error (doc));
  g_assert_cmpuint (golanes_document_get_lost_bytes (doc), ==, 0);
  g_assert_cmpuint (golanes_document_get_go_minor (doc), ==, 26);
  g_assert_cmpuint (golanes_document_get_n_events (doc), ==, count_golden_lines ("longrun.parsed.gz"));
  g_assert_cmpuint (last, ==, golanes_document_get_file_size (doc));
  /* The program runs 2.5 s: at least two generations. */
  g_assert_cmpuint (golanes_document_get_n_generations (doc), >=, 2);
  g_assert_cmpuint (golanes_timeline_get_n_events (golanes_document_get_timeline (doc)), ==,
                    golanes_document_get_n_events (doc));
}

/* The document's profiles share the timeline's stack table; they must be
 * exactly what a profile built alone, in its own pass, gives. */
static void
test_shared_analyses (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "go1.26", "chansel.trace", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GolanesDocument) doc = golanes_document_load (path, NULL, NULL, NULL, &error);
  GolanesStackTable *shared;

  g_assert_no_error (error);
  shared = golanes_timeline_get_stack_table (golanes_document_get_timeline (doc));

  for (guint k = GOLANES_BLOCKING_SYNC; k <= GOLANES_BLOCKING_SCHED; k++)
    {
      GolanesBlocking *in_doc = golanes_document_get_blocking (doc, (GolanesBlockingKind) k);
      g_autoptr(GolanesBlocking) alone = golanes_blocking_new ((GolanesBlockingKind) k, NULL);
      GolanesTraceReader *reader = golanes_trace_reader_new_for_path (path, &error);
      const GolanesBlockingRecord *a, *b;
      GolanesEvent ev;
      guint na, nb;

      g_assert_no_error (error);
      while (golanes_trace_reader_next (reader, &ev, &error))
        golanes_blocking_feed (alone, reader, &ev);
      g_assert_no_error (error);
      golanes_trace_reader_free (reader);
      golanes_blocking_finish (alone);

      g_assert_true (golanes_blocking_get_stack_table (in_doc) == shared);
      a = golanes_blocking_get_records (in_doc, &na);
      b = golanes_blocking_get_records (alone, &nb);
      g_assert_cmpuint (na, ==, nb);
      if (k == GOLANES_BLOCKING_SYNC || k == GOLANES_BLOCKING_SCHED)
        g_assert_cmpuint (na, >, 0);
      for (guint i = 0; i < na; i++)
        {
          const GolanesFrame *fa, *fb;
          guint nfa, nfb;

          g_assert_cmpuint (a[i].count, ==, b[i].count);
          g_assert_cmpint (a[i].delay, ==, b[i].delay);
          fa = golanes_stack_table_get_frames (shared, a[i].stack, &nfa);
          fb = golanes_stack_table_get_frames (golanes_blocking_get_stack_table (alone), b[i].stack, &nfb);
          g_assert_cmpuint (nfa, ==, nfb);
          for (guint f = 0; f < nfa; f++)
            g_assert_cmpuint (fa[f].pc, ==, fb[f].pc);
        }
    }

  g_assert_true (golanes_tasks_get_summary (golanes_document_get_tasks (doc)) ==
                 golanes_document_get_goroutine_summary (doc));
}

static void
test_truncated (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "go1.26", "longrun.cut60.trace", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GolanesDocument) doc = NULL;
  guint64 size;

  doc = golanes_document_load (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_nonnull (golanes_document_get_read_error (doc));
  size = golanes_document_get_file_size (doc);
  g_assert_cmpuint (golanes_document_get_lost_bytes (doc), >, 0);
  g_assert_cmpuint (golanes_document_get_lost_bytes (doc), <, size);
  /* The same events Go prints before its error. */
  g_assert_cmpuint (golanes_document_get_n_events (doc), ==, count_golden_lines ("longrun.cut60.parsed.gz"));
}

static void
test_cancelled (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "go1.26", "longrun.trace", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GolanesDocument *doc;

  g_cancellable_cancel (cancellable);
  doc = golanes_document_load (path, NULL, NULL, cancellable, &error);
  g_assert_null (doc);
  g_assert_nonnull (error);
}

static void
test_not_a_trace (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("hello, world\n", 13);
  g_autoptr(GError) error = NULL;
  GolanesDocument *doc;

  doc = golanes_document_load_bytes (bytes, NULL, &error);
  g_assert_null (doc);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/document/complete", test_complete);
  g_test_add_func ("/document/shared-analyses", test_shared_analyses);
  g_test_add_func ("/document/truncated", test_truncated);
  g_test_add_func ("/document/cancelled", test_cancelled);
  g_test_add_func ("/document/not-a-trace", test_not_a_trace);
  return g_test_run ();
}
