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
  g_test_add_func ("/document/truncated", test_truncated);
  g_test_add_func ("/document/cancelled", test_cancelled);
  g_test_add_func ("/document/not-a-trace", test_not_a_trace);
  return g_test_run ();
}
