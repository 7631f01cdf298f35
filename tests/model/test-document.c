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

/* The document's profiles keep a stack table of their own, not the
 * timeline's (which the timeline's thread writes); they must be exactly
 * what a profile built alone, in its own pass, gives. */
static void
test_shared_analyses (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "go1.26", "chansel.trace", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GolanesDocument) doc = golanes_document_load (path, NULL, NULL, NULL, &error);
  GolanesStackTable *shared;

  g_assert_no_error (error);
  shared = golanes_blocking_get_stack_table (golanes_document_get_blocking (doc, GOLANES_BLOCKING_SYNC));
  g_assert_true (shared != golanes_timeline_get_stack_table (golanes_document_get_timeline (doc)));

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

/* Every part of @b equals that of @a, built in one pass by
 * golanes_document_load(). */
static void
assert_same_parts (GolanesDocument *a,
                   GolanesDocument *b)
{
  const GolanesStwPause *pa, *pb;
  const GolanesGcCycle *ca, *cb;
  const GolanesGoroutineGroup *ga, *gb;
  const GolanesGoroutineInfo *ia, *ib;
  guint na, nb;

  for (guint part = 0; part < GOLANES_DOCUMENT_N_PARTS; part++)
    g_assert_true (golanes_document_is_ready (b, part));

  /* TIMELINE */
  g_assert_cmpuint (golanes_document_get_n_events (a), ==, golanes_document_get_n_events (b));
  g_assert_cmpuint (golanes_document_get_n_generations (a), ==, golanes_document_get_n_generations (b));
  g_assert_cmpuint (golanes_document_get_lost_bytes (a), ==, golanes_document_get_lost_bytes (b));
  g_assert_true ((golanes_document_get_read_error (a) == NULL) == (golanes_document_get_read_error (b) == NULL));
  g_assert_cmpuint (golanes_timeline_get_n_goroutines (golanes_document_get_timeline (a)), ==,
                    golanes_timeline_get_n_goroutines (golanes_document_get_timeline (b)));
  g_assert_cmpuint (golanes_document_get_go_minor (a), ==, golanes_document_get_go_minor (b));

  /* GC */
  pa = golanes_gc_get_pauses (golanes_document_get_gc (a), &na);
  pb = golanes_gc_get_pauses (golanes_document_get_gc (b), &nb);
  g_assert_cmpuint (na, ==, nb);
  for (guint i = 0; i < na; i++)
    {
      g_assert_cmpint (pa[i].start, ==, pb[i].start);
      g_assert_cmpint (pa[i].duration, ==, pb[i].duration);
      g_assert_cmpstr (pa[i].reason, ==, pb[i].reason);
    }
  ca = golanes_gc_get_cycles (golanes_document_get_gc (a), &na);
  cb = golanes_gc_get_cycles (golanes_document_get_gc (b), &nb);
  g_assert_cmpuint (na, ==, nb);
  for (guint i = 0; i < na; i++)
    g_assert_cmpint (ca[i].duration, ==, cb[i].duration);
  g_assert_cmpfloat (golanes_mmu_get_mmu (golanes_document_get_mmu (a), 1000000),
                     ==, golanes_mmu_get_mmu (golanes_document_get_mmu (b), 1000000));

  /* GOROUTINES */
  ga = golanes_goroutine_summary_get_groups (golanes_document_get_goroutine_summary (a), &na);
  gb = golanes_goroutine_summary_get_groups (golanes_document_get_goroutine_summary (b), &nb);
  g_assert_cmpuint (na, ==, nb);
  g_assert_cmpuint (na, >, 0);
  for (guint i = 0; i < na; i++)
    {
      g_assert_cmpstr (ga[i].name, ==, gb[i].name);
      g_assert_cmpuint (ga[i].count, ==, gb[i].count);
      g_assert_cmpint (ga[i].exec_time, ==, gb[i].exec_time);
      g_assert_cmpint (ga[i].block_time, ==, gb[i].block_time);
    }
  ia = golanes_goroutine_summary_get_goroutines (golanes_document_get_goroutine_summary (a), &na);
  ib = golanes_goroutine_summary_get_goroutines (golanes_document_get_goroutine_summary (b), &nb);
  g_assert_cmpuint (na, ==, nb);
  for (guint i = 0; i < na; i++)
    g_assert_cmpint (ia[i].id, ==, ib[i].id);
  golanes_tasks_get_tasks (golanes_document_get_tasks (a), &na);
  golanes_tasks_get_tasks (golanes_document_get_tasks (b), &nb);
  g_assert_cmpuint (na, ==, nb);
  golanes_tasks_get_regions (golanes_document_get_tasks (a), &na);
  golanes_tasks_get_regions (golanes_document_get_tasks (b), &nb);
  g_assert_cmpuint (na, ==, nb);
  g_assert_true (golanes_tasks_get_summary (golanes_document_get_tasks (b)) ==
                 golanes_document_get_goroutine_summary (b));

  /* BLOCKING */
  for (guint k = GOLANES_BLOCKING_SYNC; k <= GOLANES_BLOCKING_SCHED; k++)
    {
      GolanesBlocking *ba = golanes_document_get_blocking (a, (GolanesBlockingKind) k);
      GolanesBlocking *bb = golanes_document_get_blocking (b, (GolanesBlockingKind) k);

      g_assert_cmpuint (golanes_blocking_get_total_count (ba), ==, golanes_blocking_get_total_count (bb));
      g_assert_cmpint (golanes_blocking_get_total_delay (ba), ==, golanes_blocking_get_total_delay (bb));
      golanes_blocking_get_records (ba, &na);
      golanes_blocking_get_records (bb, &nb);
      g_assert_cmpuint (na, ==, nb);
    }
}

static void
assert_part_empty (GolanesDocument     *doc,
                   GolanesDocumentPart  part)
{
  g_assert_false (golanes_document_is_ready (doc, part));
  switch (part)
    {
    case GOLANES_DOCUMENT_PART_TIMELINE:
      g_assert_null (golanes_document_get_timeline (doc));
      g_assert_cmpuint (golanes_document_get_n_events (doc), ==, 0);
      break;
    case GOLANES_DOCUMENT_PART_GC:
      g_assert_null (golanes_document_get_gc (doc));
      g_assert_null (golanes_document_get_mmu (doc));
      break;
    case GOLANES_DOCUMENT_PART_GOROUTINES:
      g_assert_null (golanes_document_get_goroutine_summary (doc));
      g_assert_null (golanes_document_get_tasks (doc));
      break;
    case GOLANES_DOCUMENT_PART_BLOCKING:
    default:
      g_assert_null (golanes_document_get_blocking (doc, GOLANES_BLOCKING_SYNC));
      break;
    }
}

/* The timeline alone, then each analysis part by a read of its own. */
static void
check_parts_one_by_one (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "go1.26", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GolanesDocument) whole = golanes_document_load (path, NULL, NULL, NULL, &error);
  g_autoptr(GolanesDocument) doc = NULL;

  g_assert_no_error (error);
  doc = golanes_document_load_timeline (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (golanes_document_is_ready (doc, GOLANES_DOCUMENT_PART_TIMELINE));
  for (guint part = GOLANES_DOCUMENT_PART_GC; part < GOLANES_DOCUMENT_N_PARTS; part++)
    assert_part_empty (doc, part);

  for (guint part = GOLANES_DOCUMENT_PART_GC; part < GOLANES_DOCUMENT_N_PARTS; part++)
    {
      g_assert_true (golanes_document_compute_part (doc, part, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (golanes_document_is_ready (doc, part));
      for (guint later = part + 1; later < GOLANES_DOCUMENT_N_PARTS; later++)
        assert_part_empty (doc, later);
    }
  /* Computing a ready part again reads nothing and changes nothing. */
  {
    GolanesGc *gc = golanes_document_get_gc (doc);

    g_assert_true (golanes_document_compute_part (doc, GOLANES_DOCUMENT_PART_GC, NULL, &error));
    g_assert_true (golanes_document_get_gc (doc) == gc);
  }
  assert_same_parts (whole, doc);
}

static void
test_parts (void)
{
  check_parts_one_by_one ("annotations.trace");
  check_parts_one_by_one ("chansel.trace");
  /* Truncated: every part reads the same complete generations. */
  check_parts_one_by_one ("longrun.cut60.trace");
}

typedef struct
{
  GolanesDocument     *doc;
  GolanesDocumentPart  part;
  gboolean             ok;
} PartThread;

static gpointer
part_thread (gpointer data)
{
  PartThread *t = data;
  g_autoptr(GError) error = NULL;

  t->ok = golanes_document_compute_part (t->doc, t->part, NULL, &error);
  g_assert_no_error (error);
  return NULL;
}

/* Every part on a thread of its own, all at once, twice over: the second
 * thread of each part waits for the first instead of reading again. */
static void
test_parts_threads (void)
{
  const char *names[] = { "annotations.trace", "longrun.cut60.trace" };

  for (guint f = 0; f < G_N_ELEMENTS (names); f++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "go1.26", names[f], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GolanesDocument) whole = golanes_document_load (path, NULL, NULL, NULL, &error);
      g_autoptr(GolanesDocument) doc = golanes_document_new_for_path (path);
      PartThread threads[2 * GOLANES_DOCUMENT_N_PARTS];
      GThread *handles[G_N_ELEMENTS (threads)];

      g_assert_no_error (error);
      for (guint part = 0; part < GOLANES_DOCUMENT_N_PARTS; part++)
        assert_part_empty (doc, part);
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        {
          threads[i] = (PartThread) { doc, i % GOLANES_DOCUMENT_N_PARTS, FALSE };
          handles[i] = g_thread_new ("part", part_thread, &threads[i]);
        }
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        {
          g_thread_join (handles[i]);
          g_assert_true (threads[i].ok);
        }
      assert_same_parts (whole, doc);
    }
}

static void
part_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GolanesDocument *doc = g_task_get_task_data (G_TASK (result));
  guint *pending = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (golanes_document_compute_part_finish (doc, result, &error));
  g_assert_no_error (error);
  (*pending)--;
}

static void
cancelled_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GolanesDocument *doc = g_task_get_task_data (G_TASK (result));
  guint *pending = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_false (golanes_document_compute_part_finish (doc, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  (*pending)--;
}

/* The analysis parts on their own threads while this one loads the
 * timeline; the results come back to this thread's main context. */
static void
test_parts_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "go1.26", "chansel.trace", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GolanesDocument) whole = golanes_document_load (path, NULL, NULL, NULL, &error);
  g_autoptr(GolanesDocument) doc = golanes_document_new_for_path (path);
  g_autoptr(GolanesDocument) cancelled_doc = golanes_document_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  guint pending = 0;

  for (guint part = GOLANES_DOCUMENT_PART_GC; part < GOLANES_DOCUMENT_N_PARTS; part++, pending++)
    golanes_document_compute_part_async (doc, part, NULL, part_done_cb, &pending);
  g_assert_true (golanes_document_compute_part (doc, GOLANES_DOCUMENT_PART_TIMELINE, NULL, &error));
  g_assert_no_error (error);
  while (pending > 0)
    g_main_context_iteration (NULL, TRUE);
  assert_same_parts (whole, doc);

  /* Cancelled: no part becomes ready, and none has an error. */
  g_cancellable_cancel (cancellable);
  for (guint part = GOLANES_DOCUMENT_PART_GC; part < GOLANES_DOCUMENT_N_PARTS; part++, pending++)
    golanes_document_compute_part_async (cancelled_doc, part, cancellable, cancelled_cb, &pending);
  while (pending > 0)
    g_main_context_iteration (NULL, TRUE);
  for (guint part = GOLANES_DOCUMENT_PART_GC; part < GOLANES_DOCUMENT_N_PARTS; part++)
    {
      assert_part_empty (cancelled_doc, part);
      g_assert_null (golanes_document_get_part_error (cancelled_doc, part));
    }
}

/* A part that cannot read the trace keeps the error, and is not ready. */
static void
test_part_error (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("hello, world\\n", 13);
  g_autoptr(GolanesDocument) doc = golanes_document_new_for_bytes (bytes);
  g_autoptr(GError) error = NULL;

  g_assert_false (golanes_document_compute_part (doc, GOLANES_DOCUMENT_PART_GC, NULL, &error));
  g_assert_nonnull (error);
  assert_part_empty (doc, GOLANES_DOCUMENT_PART_GC);
  g_assert_nonnull (golanes_document_get_part_error (doc, GOLANES_DOCUMENT_PART_GC));
  g_assert_cmpstr (golanes_document_get_part_error (doc, GOLANES_DOCUMENT_PART_GC)->message, ==, error->message);
  g_assert_null (golanes_document_get_part_error (doc, GOLANES_DOCUMENT_PART_BLOCKING));
}

static void
note_freed (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* The document is a boxed type whose copy is a reference: it goes when the
 * last of its owners (its creator, boxed copies, GValues) lets go.  Its
 * input bytes go with it, which shows when. */
static void
test_boxed (void)
{
  static const char data[] = "go 1.26 trace\0\0\0";
  gboolean freed = FALSE;
  GBytes *bytes = g_bytes_new_with_free_func (data, sizeof data - 1, note_freed, &freed);
  GolanesDocument *doc = golanes_document_new_for_bytes (bytes);
  GolanesDocument *copy;
  GValue value = G_VALUE_INIT;

  g_assert_true (G_TYPE_IS_BOXED (GOLANES_TYPE_DOCUMENT));
  g_assert_cmpstr (g_type_name (GOLANES_TYPE_DOCUMENT), ==, "GolanesDocument");
  g_bytes_unref (bytes);
  g_assert_false (freed);

  copy = g_boxed_copy (GOLANES_TYPE_DOCUMENT, doc);
  g_assert_true (copy == doc);
  golanes_document_unref (doc);
  g_assert_false (freed);
  g_assert_cmpuint (golanes_document_get_file_size (copy), ==, sizeof data - 1);

  g_value_init (&value, GOLANES_TYPE_DOCUMENT);
  g_value_set_boxed (&value, copy);
  g_boxed_free (GOLANES_TYPE_DOCUMENT, copy);
  g_assert_false (freed);
  g_assert_true (g_value_get_boxed (&value) == doc);

  {
    g_autoptr(GolanesDocument) dup = g_value_dup_boxed (&value);

    g_value_unset (&value);
    g_assert_false (freed);
    g_assert_true (dup == doc);
  }
  g_assert_true (freed);
}

/* The analyses fed beside the timeline from its decoding: the timeline's
 * pass returns with the timeline alone ready, the analyses come after
 * without another call, and every part equals its one-by-one read.
 * Cancelled as the timeline is done, the analyses are computed again by
 * the next call that wants them. */
static void
test_analyses_with_timeline (void)
{
  static const char *names[] = { "servicemini.trace", "annotations.trace", "longrun.cut60.trace", "gcheavy.trace" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    for (guint cancel = 0; cancel < 2; cancel++)
      {
        g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "go1.26", names[i], NULL);
        g_autoptr(GError) error = NULL;
        g_autoptr(GCancellable) cancellable = g_cancellable_new ();
        g_autoptr(GolanesDocument) ref = golanes_document_new_for_path (path);
        g_autoptr(GolanesDocument) doc = golanes_document_new_for_path (path);
        gint64 deadline;
        guint ready = 0;

        for (guint part = 0; part < GOLANES_DOCUMENT_N_PARTS; part++)
          g_assert_true (golanes_document_compute_part (ref, part, NULL, &error));
        g_assert_no_error (error);

        golanes_document_set_analyses_with_timeline (doc, TRUE);
        g_assert_true (golanes_document_compute_part (doc, GOLANES_DOCUMENT_PART_TIMELINE, cancellable, &error));
        g_assert_no_error (error);
        g_assert_true (golanes_document_is_ready (doc, GOLANES_DOCUMENT_PART_TIMELINE));
        if (cancel)
          g_cancellable_cancel (cancellable);
        else
          {
            /* They fill in on their own. */
            deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
            while (ready != GOLANES_DOCUMENT_ALL_PARTS && g_get_monotonic_time () < deadline)
              {
                ready = 0;
                for (guint part = 0; part < GOLANES_DOCUMENT_N_PARTS; part++)
                  if (golanes_document_is_ready (doc, part))
                    ready |= GOLANES_DOCUMENT_PART_MASK (part);
                g_usleep (1000);
              }
            g_assert_cmphex (ready, ==, GOLANES_DOCUMENT_ALL_PARTS);
          }
        g_assert_true (golanes_document_compute_parts (doc, GOLANES_DOCUMENT_ALL_PARTS, NULL, NULL, NULL, &error));
        g_assert_no_error (error);
        assert_same_parts (ref, doc);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/document/complete", test_complete);
  g_test_add_func ("/document/shared-analyses", test_shared_analyses);
  g_test_add_func ("/document/truncated", test_truncated);
  g_test_add_func ("/document/parts", test_parts);
  g_test_add_func ("/document/parts-threads", test_parts_threads);
  g_test_add_func ("/document/parts-async", test_parts_async);
  g_test_add_func ("/document/analyses-with-timeline", test_analyses_with_timeline);
  g_test_add_func ("/document/part-error", test_part_error);
  g_test_add_func ("/document/cancelled", test_cancelled);
  g_test_add_func ("/document/not-a-trace", test_not_a_trace);
  g_test_add_func ("/document/boxed", test_boxed);
  return g_test_run ();
}
