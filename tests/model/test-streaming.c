/* test-streaming.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "golanes-document.h"
#include "golanes-timeline-layout-private.h"
#include "fixture-traces.h"
#include "model-digest.h"

/* A timeline streamed in (golanes_document_set_streaming()) is read while
 * it is built: at each publish, and by a second reader at any moment the
 * builder lets it in.  What a reader sees must be a prefix of the whole
 * model (every span that has ended is the one-go load's span), the
 * finished model must equal the one-go model, and a layout that grew
 * with it must equal one made at the end.  Under the sanitizers this is
 * also the test that nothing a reader touches moves or is freed under it. */

/* Each fixture, and how many publishes it gives at least when the
 * builder publishes as often as it can (every 1024 events and at each
 * generation's end). */
static const struct
{
  const char *name;
  guint       min_publishes;
} fixtures[] = {
  { "longrun.trace", 3 },         /* several generations */
  { "servicemini.trace", 10 },    /* a service: HTTP, tasks, regions, many goroutines */
  { "manyg.trace", 10 },          /* short-lived goroutines: the packed store */
  { "gcheavy.trace", 10 },
  { "annotations.cut60.trace", 0 }, /* truncated in its only generation */
};

typedef struct
{
  GolanesDocument *doc;
  GolanesTimeline *whole;     /* the one-go model, to check publishes against */
  GolanesTimelineLayout *grown;
  GolanesTimelineLayout *sliced;   /* grown a few goroutines at a time */
  guint            checked;
  guint            n_timed;         /* updates of the sliced layout out of time */
  GMutex           mutex;
  GCond            cond;
  guint            n_published;
  gboolean         done;
  gboolean         ok;
  gint             stop_hammer;
  guint            n_hammered;
  GCancellable    *cancellable;
} Stream;

static guint read_all (GolanesTimeline *tl);
static void assert_prefix (GolanesTimeline *part, GolanesTimeline *whole);

static void
publish_cb (GolanesDocument *doc,
            gpointer         user_data)
{
  Stream *st = user_data;

  /* On the loading thread, inside the gate: the timeline is visible,
   * whole up to where it has got, and a layout can grow with it. */
  g_assert_nonnull (golanes_document_get_timeline (doc));
  g_assert_true (golanes_document_is_loading (doc));
  if (st->whole != NULL)
    {
      GolanesTimeline *tl = golanes_document_get_timeline (doc);

      assert_prefix (tl, st->whole);
      read_all (tl);
      if (st->grown == NULL)
        st->grown = golanes_timeline_layout_new (doc);
      else
        golanes_timeline_layout_update (st->grown);
      /* As the view grows it: a slice at each publish, behind the model. */
      if (st->sliced == NULL)
        st->sliced = golanes_timeline_layout_new (doc);
      else
        {
          guint pending = golanes_timeline_layout_get_n_pending (st->sliced);

          golanes_timeline_layout_update_some (st->sliced, 3);
          g_assert_cmpuint (golanes_timeline_layout_get_n_pending (st->sliced), ==, pending > 3 ? pending - 3 : 0);
        }
      st->checked++;
    }
  g_mutex_lock (&st->mutex);
  st->n_published++;
  g_cond_broadcast (&st->cond);
  g_mutex_unlock (&st->mutex);
  if (st->cancellable != NULL && st->n_published == 1)
    g_cancellable_cancel (st->cancellable);
}

static gpointer
load_thread (gpointer data)
{
  Stream *st = data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = golanes_document_compute_part (st->doc, GOLANES_DOCUMENT_PART_TIMELINE, st->cancellable, &error);
  if (st->cancellable == NULL)
    g_assert_no_error (error);
  g_mutex_lock (&st->mutex);
  st->ok = ok;
  st->done = TRUE;
  g_cond_broadcast (&st->cond);
  g_mutex_unlock (&st->mutex);
  return NULL;
}

/* Reads everything a frame reads, for the whole extent so far. */
static guint
read_all (GolanesTimeline *tl)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (GolanesLodItem));
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint32));
  gint64 t0 = golanes_timeline_get_start_time (tl);
  gint64 t1 = MAX (golanes_timeline_get_end_time (tl), t0 + 1);
  double ns_per_px = (double) (t1 - t0) / 1000.0;
  guint n = 0, n_goroutines = golanes_timeline_get_n_goroutines (tl);

  for (guint i = 0; i < golanes_timeline_get_n_procs (tl); i++)
    {
      const GolanesTimelineProc *p = golanes_timeline_get_proc (tl, i);

      n += golanes_track_query_lod (p->goroutines, t0, t1, ns_per_px, items);
      n += golanes_track_query_lod (p->states, t0, t1, ns_per_px, items);
    }
  for (guint i = 0; i < golanes_timeline_get_n_threads (tl); i++)
    n += golanes_track_query_lod (golanes_timeline_get_thread (tl, i)->goroutines, t0, t1, ns_per_px, items);
  /* The first goroutines and the last (the packed store and the live). */
  for (guint k = 0; k < MIN (n_goroutines, 64u); k++)
    {
      guint i = k < 32 ? k : n_goroutines - 1 - (k - 32);
      GolanesTrack *track = golanes_timeline_get_goroutine_states (tl, i);

      if (track != NULL)
        n += golanes_track_query_lod (track, t0, t1, ns_per_px / 1000.0, items);
      g_assert_cmpint (golanes_timeline_lookup_goroutine (tl, golanes_timeline_get_goroutine_id (tl, i)), ==, (gint) i);
      /* Region levels and task rows appear while the model is finished
       * (at its yields): whatever a count says is there can be read. */
      for (guint l = 0; l < golanes_timeline_get_goroutine_n_region_levels (tl, i); l++)
        n += golanes_track_query_lod (golanes_timeline_get_goroutine_region_level (tl, i, l), t0, t1, ns_per_px, items);
    }
  for (guint r = 0; r < golanes_timeline_get_n_task_rows (tl); r++)
    n += golanes_track_query_lod (golanes_timeline_get_task_row (tl, r), t0, t1, ns_per_px, items);
  n += golanes_timeline_query_ranges (tl, t0, t1, found);
  golanes_timeline_get_counts_at (tl, (t0 + t1) / 2, &(GolanesGoroutineCounts) { 0 });
  return n;
}

static gpointer
hammer_thread (gpointer data)
{
  Stream *st = data;
  GolanesGate *gate = golanes_document_get_gate (st->doc);

  while (!g_atomic_int_get (&st->stop_hammer))
    {
      GolanesTimeline *tl;

      golanes_gate_read_enter (gate);
      tl = golanes_document_get_timeline (st->doc);
      if (tl != NULL)
        {
          read_all (tl);
          st->n_hammered++;
        }
      golanes_gate_read_leave (gate);
    }
  return NULL;
}

/* Every span that has ended in @part is @whole's span of the same index
 * (the last 256 of them: the earlier ones were checked at earlier
 * publishes). */
static void
assert_prefix_track (GolanesTrack *part,
                     GolanesTrack *whole,
                     gint64        loaded_end)
{
  guint n = golanes_track_get_n_spans (part);
  guint closed = golanes_track_is_open (part) ? n - 1 : n;

  g_assert_cmpuint (n, <=, golanes_track_get_n_spans (whole) + 0);
  for (guint i = closed > 256 ? closed - 256 : 0; i < closed; i++)
    {
      GolanesSpan a, b;

      golanes_track_get_span (part, i, &a);
      golanes_track_get_span (whole, i, &b);
      g_assert_cmpint (a.start, ==, b.start);
      g_assert_cmpint (a.end, ==, b.end);
      g_assert_cmpuint (a.state, ==, b.state);
      g_assert_cmpuint (a.arg, ==, b.arg);
      g_assert_cmpint (a.end, <=, loaded_end);
    }
}

static void
assert_prefix (GolanesTimeline *part,
               GolanesTimeline *whole)
{
  gint64 loaded_end = golanes_timeline_get_end_time (part);
  guint n_goroutines = golanes_timeline_get_n_goroutines (part);

  g_assert_false (golanes_timeline_is_finished (part));
  g_assert_cmpint (golanes_timeline_get_start_time (part), ==, golanes_timeline_get_start_time (whole));
  g_assert_cmpint (loaded_end, <=, golanes_timeline_get_end_time (whole));
  g_assert_cmpuint (golanes_timeline_get_n_events (part), <=, golanes_timeline_get_n_events (whole));
  g_assert_cmpuint (n_goroutines, <=, golanes_timeline_get_n_goroutines (whole));
  g_assert_cmpuint (golanes_timeline_get_n_procs (part), <=, golanes_timeline_get_n_procs (whole));

  for (guint i = 0; i < golanes_timeline_get_n_procs (part); i++)
    {
      g_assert_cmpint (golanes_timeline_get_proc (part, i)->id, ==, golanes_timeline_get_proc (whole, i)->id);
      assert_prefix_track (golanes_timeline_get_proc (part, i)->goroutines,
                           golanes_timeline_get_proc (whole, i)->goroutines, loaded_end);
    }
  for (guint i = 0; i < golanes_timeline_get_n_threads (part); i++)
    assert_prefix_track (golanes_timeline_get_thread (part, i)->goroutines,
                         golanes_timeline_get_thread (whole, i)->goroutines, loaded_end);
  /* Goroutines: every one (a sample of a big trace). */
  for (guint i = 0; i < n_goroutines; i += 1 + n_goroutines / 300)
    {
      g_assert_cmpint (golanes_timeline_get_goroutine_id (part, i), ==,
                       golanes_timeline_get_goroutine_id (whole, i));
      assert_prefix_track (golanes_timeline_get_goroutine_states (part, i),
                           golanes_timeline_get_goroutine_states (whole, i), loaded_end);
    }
  g_assert_cmpuint (golanes_timeline_get_n_ranges (part), <=, golanes_timeline_get_n_ranges (whole));
}

static void
assert_same_tracks (GolanesTrack *a,
                    GolanesTrack *b)
{
  g_assert_cmpuint (golanes_track_get_n_spans (a), ==, golanes_track_get_n_spans (b));
  for (guint i = 0; i < golanes_track_get_n_spans (a); i++)
    {
      GolanesSpan x, y;

      golanes_track_get_span (a, i, &x);
      golanes_track_get_span (b, i, &y);
      g_assert_cmpmem (&x, sizeof x, &y, sizeof y);
    }
}

static void
assert_same_layouts (GolanesTimelineLayout *a,
                     GolanesTimelineLayout *b)
{
  g_assert_cmpuint (golanes_timeline_layout_get_n_groups (a), ==, golanes_timeline_layout_get_n_groups (b));
  for (guint g = 0; g < golanes_timeline_layout_get_n_groups (a); g++)
    {
      const GolanesLaneGroup *x = golanes_timeline_layout_get_group (a, g);
      const GolanesLaneGroup *y = golanes_timeline_layout_get_group (b, g);

      guint n = golanes_lane_group_get_n_members (x);
      g_autofree guint32 *mx = g_new (guint32, MAX (n, 1));
      g_autofree guint32 *my = g_new (guint32, MAX (n, 1));

      g_assert_cmpstr (x->title, ==, y->title);
      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpint (x->collapsed, ==, y->collapsed);
      g_assert_cmpuint (golanes_lane_group_get_n_members (y), ==, n);
      golanes_lane_group_copy_members (x, 0, n, mx);
      golanes_lane_group_copy_members (y, 0, n, my);
      g_assert_cmpmem (mx, n * sizeof (guint32), my, n * sizeof (guint32));
    }
  g_assert_cmpuint (golanes_timeline_layout_get_n_lanes (a), ==, golanes_timeline_layout_get_n_lanes (b));
  g_assert_cmpfloat (golanes_timeline_layout_get_height (a), ==, golanes_timeline_layout_get_height (b));
}

static void
test_prefix (gconstpointer data)
{
  guint fixture = GPOINTER_TO_UINT (data);
  const char *name = fixtures[fixture].name;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "go1.26", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GolanesDocument) whole = golanes_document_load_timeline (path, NULL, NULL, NULL, &error);
  GolanesTimeline *wtl;
  GolanesTimeline *tl;
  g_autoptr(GolanesTimelineLayout) fresh = NULL;
  GThread *loader, *hammer;
  Stream st = { 0 };

  g_assert_no_error (error);
  wtl = golanes_document_get_timeline (whole);

  st.doc = golanes_document_new_for_path (path);
  st.whole = wtl;
  g_mutex_init (&st.mutex);
  g_cond_init (&st.cond);
  g_assert_null (golanes_document_get_timeline (st.doc));
  golanes_document_set_streaming (st.doc, 0, publish_cb, &st);

  /* The builder yields to the second reader whenever it waits, which is
   * almost always. */
  hammer = g_thread_new ("hammer", hammer_thread, &st);
  loader = g_thread_new ("loader", load_thread, &st);
  g_thread_join (loader);
  g_atomic_int_set (&st.stop_hammer, TRUE);
  g_thread_join (hammer);
  g_assert_true (st.ok);
  g_test_message ("%s: %u publishes checked, %u concurrent reads", name, st.checked, st.n_hammered);
  g_assert_cmpuint (st.n_published, >=, fixtures[fixture].min_publishes);
  g_assert_cmpuint (st.checked, ==, st.n_published);

  /* Finished: the same model as the one-go load. */
  g_assert_false (golanes_document_is_loading (st.doc));
  tl = golanes_document_get_timeline (st.doc);
  g_assert_true (golanes_timeline_is_finished (tl));
  g_assert_cmpuint (golanes_document_get_loaded_bytes (st.doc), ==,
                    golanes_document_get_file_size (st.doc) - golanes_document_get_lost_bytes (st.doc));
  g_assert_cmpuint (golanes_document_get_n_events (st.doc), ==, golanes_document_get_n_events (whole));
  g_assert_cmpint (golanes_timeline_get_end_time (tl), ==, golanes_timeline_get_end_time (wtl));
  g_assert_cmpuint (golanes_timeline_get_n_goroutines (tl), ==, golanes_timeline_get_n_goroutines (wtl));
  g_assert_cmpuint (golanes_timeline_get_n_tasks (tl), ==, golanes_timeline_get_n_tasks (wtl));
  g_assert_cmpuint (golanes_timeline_get_n_regions (tl), ==, golanes_timeline_get_n_regions (wtl));
  for (guint i = 0; i < golanes_timeline_get_n_goroutines (tl); i++)
    assert_same_tracks (golanes_timeline_get_goroutine_states (tl, i), golanes_timeline_get_goroutine_states (wtl, i));
  for (guint i = 0; i < golanes_timeline_get_n_procs (tl); i++)
    assert_same_tracks (golanes_timeline_get_proc (tl, i)->goroutines, golanes_timeline_get_proc (wtl, i)->goroutines);

  /* The layout that grew with it is the one made at the end. */
  if (st.grown == NULL)
    st.grown = golanes_timeline_layout_new (st.doc);
  golanes_timeline_layout_update (st.grown);
  fresh = golanes_timeline_layout_new (whole);
  assert_same_layouts (st.grown, fresh);
  golanes_timeline_layout_free (st.grown);
  /* The sliced one catches up over more updates, to the same layout. */
  if (st.sliced == NULL)
    st.sliced = golanes_timeline_layout_new (st.doc);
  while (golanes_timeline_layout_get_n_pending (st.sliced) > 0)
    {
      guint pending = golanes_timeline_layout_get_n_pending (st.sliced);

      /* With its time up, an update still adds goroutines, up to the
       * next multiple of 1,024 of their index. */
      golanes_timeline_layout_update_within (st.sliced, G_MAXUINT, 0);
      g_assert_cmpuint (golanes_timeline_layout_get_n_pending (st.sliced), <, pending);
      g_assert_cmpuint (golanes_timeline_layout_get_n_pending (st.sliced) + 1024, >=, pending);
      st.n_timed++;
      golanes_timeline_layout_update_some (st.sliced, 1000);
    }
  golanes_timeline_layout_update_some (st.sliced, 1000);
  g_test_message ("%s: %u updates cut short by the time limit", name, st.n_timed);
  /* (Goroutines enough that the time limit cut some updates short.) */
  if (golanes_timeline_get_n_goroutines (wtl) > 10000)
    g_assert_cmpuint (st.n_timed, >, 4);
  assert_same_layouts (st.sliced, fresh);
  golanes_timeline_layout_free (st.sliced);

  golanes_document_unref (st.doc);
  g_mutex_clear (&st.mutex);
  g_cond_clear (&st.cond);
}

/* Cancelled after its first publish: the timeline goes, and with it
 * everything it built (the leak checker sees the rest). */
static void
test_cancel (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "go1.26", "longrun.trace", NULL);
  Stream st = { 0 };
  GThread *loader;

  st.doc = golanes_document_new_for_path (path);
  st.cancellable = g_cancellable_new ();
  g_mutex_init (&st.mutex);
  g_cond_init (&st.cond);
  golanes_document_set_streaming (st.doc, 0, publish_cb, &st);
  loader = g_thread_new ("loader", load_thread, &st);
  g_thread_join (loader);

  g_assert_false (st.ok);
  g_assert_cmpuint (st.n_published, >=, 1);
  g_assert_false (golanes_document_is_loading (st.doc));
  g_assert_null (golanes_document_get_timeline (st.doc));
  g_assert_false (golanes_document_is_ready (st.doc, GOLANES_DOCUMENT_PART_TIMELINE));

  g_object_unref (st.cancellable);
  golanes_document_unref (st.doc);
  g_mutex_clear (&st.mutex);
  g_cond_clear (&st.cond);
}

/* The gate: a reader waits for the builder's next yield, and the builder
 * for the reader to leave. */
typedef struct
{
  GolanesGate gate;
  gint        inside;     /* the builder is between yields */
  gint        violations;
  gint        stop;
} GateTest;

static gpointer
gate_writer (gpointer data)
{
  GateTest *t = data;

  golanes_gate_write_enter (&t->gate);
  while (!g_atomic_int_get (&t->stop))
    {
      g_atomic_int_set (&t->inside, 1);
      g_usleep (50);
      g_atomic_int_set (&t->inside, 0);
      golanes_gate_yield (&t->gate);
    }
  golanes_gate_write_leave (&t->gate);
  return NULL;
}

static void
test_gate (void)
{
  GateTest t = { 0 };
  GThread *writer;
  gint64 worst = 0;

  golanes_gate_init (&t.gate);
  writer = g_thread_new ("writer", gate_writer, &t);
  for (guint i = 0; i < 2000; i++)
    {
      gint64 before = g_get_monotonic_time ();

      golanes_gate_read_enter (&t.gate);
      worst = MAX (worst, g_get_monotonic_time () - before);
      if (g_atomic_int_get (&t.inside))
        t.violations++;
      g_usleep (20);
      if (g_atomic_int_get (&t.inside))
        t.violations++;
      golanes_gate_read_leave (&t.gate);
    }
  g_atomic_int_set (&t.stop, 1);
  g_thread_join (writer);
  golanes_gate_clear (&t.gate);
  g_test_message ("longest wait to enter: %" G_GINT64_FORMAT " us", worst);
  g_assert_cmpint (t.violations, ==, 0);
}

/* ---- every fixture: the same model three ways ------------------------- */

static char *
digest_of_reader_load (const char *path,
                       gboolean    threaded,
                       guint64    *n_values)
{
  g_autoptr(GError) error = NULL;
  GolanesTraceReader *r = golanes_trace_reader_new_for_path (path, &error);
  GolanesTimeline *tl = golanes_timeline_new ();
  GolanesEvent ev;
  char *digest;

  g_assert_no_error (error);
  golanes_trace_reader_set_threaded (r, threaded);
  while (golanes_trace_reader_next (r, &ev, &error))
    golanes_timeline_feed (tl, r, &ev);
  golanes_trace_reader_free (r);
  golanes_timeline_finish (tl);
  digest = model_digest (tl, n_values);
  golanes_timeline_free (tl);
  return digest;
}

static void
count_publish_cb (GolanesDocument *doc,
                  gpointer         user_data)
{
  (*(guint *) user_data)++;
}

/* The model built in one go on the caller's thread, with the threaded
 * reader, and streamed in by a document (published every 1024 events and
 * at each generation's end) is one model, digest for digest, for every
 * fixture (the truncated ones too: each keeps what precedes the error). */
static void
test_same_models (void)
{
  g_autoptr(GPtrArray) paths = fixture_traces_list ();
  guint n_published = 0;
  guint64 n_values = 0;

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = paths->pdata[i];
      g_autofree char *one_go = NULL, *threaded = NULL, *streamed = NULL;
      g_autoptr(GolanesDocument) doc = NULL;
      g_autoptr(GError) error = NULL;
      guint64 n = 0;

      one_go = digest_of_reader_load (path, FALSE, &n);
      threaded = digest_of_reader_load (path, TRUE, NULL);
      g_assert_cmpstr (threaded, ==, one_go);

      doc = golanes_document_new_for_path (path);
      golanes_document_set_streaming (doc, 0, count_publish_cb, &n_published);
      g_assert_true (golanes_document_compute_part (doc, GOLANES_DOCUMENT_PART_TIMELINE, NULL, &error));
      g_assert_no_error (error);
      streamed = model_digest (golanes_document_get_timeline (doc), NULL);
      g_assert_cmpstr (streamed, ==, one_go);
      n_values += n;
    }
  g_test_message ("%u fixtures, %" G_GUINT64_FORMAT " values compared, %u publishes",
                  paths->len, n_values, n_published);
  g_assert_cmpuint (n_published, >=, paths->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/streaming/gate", test_gate);
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *test = g_strdup_printf ("/streaming/prefix/%s", fixtures[i].name);

      g_test_add_data_func (test, GUINT_TO_POINTER (i), test_prefix);
    }
  g_test_add_func ("/streaming/cancel", test_cancel);
  g_test_add_func ("/streaming/same-models", test_same_models);

  return g_test_run ();
}
