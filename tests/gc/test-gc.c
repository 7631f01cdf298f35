/* test-gc.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib.h>

#include "golanes-gc.h"
#include "golanes-go-math-private.h"
#include "golanes-mmu.h"
#include "golanes-trace-reader.h"

/* Edge cases of the GC analysis and the MMU that the fixtures do not
 * reach: traces cut in the middle of a cycle or a pause (done by feeding
 * only a prefix of a real trace's events), a trace without GC, no events
 * at all, pauses of zero or negative length.  The exact numbers against
 * Go are checked by check-gc and check-mmu. */

typedef enum
{
  STOP_NEVER,
  STOP_AT_MARK_BEGIN,   /* after the n-th mark phase began */
  STOP_AT_SWEEP_TERM,   /* after the n-th "GC sweep termination" began */
  STOP_AT_MARK_END,     /* after the n-th mark phase ended */
} StopRule;

typedef struct
{
  StopRule  stop;
  guint     nth;
  gboolean  zero_pauses;   /* end every STW pause at its start */
  gboolean  reverse_pauses; /* end every STW pause 1 µs before its start */
  GolanesGc  *gc;
  GolanesMmu *mmu;
  guint     n_events;
  gint64    last_time;
} Run;

static char *
fixture (const char *version,
         const char *name)
{
  g_autofree char *file = g_strconcat (name, ".trace", NULL);

  return g_test_build_filename (G_TEST_DIST, "fixtures", version, file, NULL);
}

static gboolean
range_is (GolanesTraceReader *reader,
          const GolanesEvent *ev,
          GolanesRangeType    type,
          const char         *detail,
          GolanesRange       *out)
{
  if (!golanes_event_get_range (reader, ev, out) || out->type != type)
    return FALSE;
  return detail == NULL ||
         (out->detail.len == strlen (detail) &&
          memcmp (out->detail.data, detail, out->detail.len) == 0);
}

static void
run_trace (const char *version,
           const char *name,
           Run        *run)
{
  g_autofree char *path = fixture (version, name);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) stw_begin = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                           g_free, g_free);
  GolanesTraceReader *reader = golanes_trace_reader_new_for_path (path, &error);
  GolanesEvent ev;
  guint seen = 0;

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  while (golanes_trace_reader_next (reader, &ev, &error))
    {
      GolanesRange r;
      gboolean stop = FALSE;

      if ((run->zero_pauses || run->reverse_pauses) &&
          golanes_event_get_range (reader, &ev, &r) && r.type == GOLANES_RANGE_STW)
        {
          gint64 key = r.scope.id;

          if (ev.kind == GOLANES_EVENT_RANGE_BEGIN)
            g_hash_table_replace (stw_begin, g_memdup2 (&key, sizeof key),
                                  g_memdup2 (&ev.time, sizeof ev.time));
          else if (ev.kind == GOLANES_EVENT_RANGE_END)
            {
              gint64 *t = g_hash_table_lookup (stw_begin, &key);

              if (t != NULL)
                ev.time = run->zero_pauses ? *t : *t - 1000;
            }
        }

      if (run->gc != NULL)
        golanes_gc_feed (run->gc, reader, &ev);
      if (run->mmu != NULL)
        golanes_mmu_feed (run->mmu, reader, &ev);
      run->n_events++;
      run->last_time = ev.time;

      switch (run->stop)
        {
        case STOP_AT_MARK_BEGIN:
          stop = ev.kind == GOLANES_EVENT_RANGE_BEGIN &&
                 range_is (reader, &ev, GOLANES_RANGE_GC_MARK, NULL, &r) &&
                 ++seen == run->nth;
          break;
        case STOP_AT_SWEEP_TERM:
          stop = ev.kind == GOLANES_EVENT_RANGE_BEGIN &&
                 range_is (reader, &ev, GOLANES_RANGE_STW, "GC sweep termination", &r) &&
                 ++seen == run->nth;
          break;
        case STOP_AT_MARK_END:
          stop = ev.kind == GOLANES_EVENT_RANGE_END &&
                 range_is (reader, &ev, GOLANES_RANGE_GC_MARK, NULL, &r) &&
                 ++seen == run->nth;
          break;
        case STOP_NEVER:
        default:
          break;
        }
      if (stop)
        break;
    }
  g_assert_no_error (error);
  golanes_trace_reader_free (reader);
  if (run->gc != NULL)
    golanes_gc_finish (run->gc);
  if (run->mmu != NULL)
    golanes_mmu_finish (run->mmu);
}

static void
assert_sane_gc (GolanesGc *gc)
{
  const GolanesGcTotals *t = golanes_gc_get_totals (gc);
  guint n_cycles, n_pauses, n_open = 0;
  const GolanesGcCycle *cycles = golanes_gc_get_cycles (gc, &n_cycles);
  const GolanesStwPause *pauses = golanes_gc_get_pauses (gc, &n_pauses);

  g_assert_cmpuint (t->n_cycles, ==, n_cycles);
  g_assert_cmpuint (t->n_pauses, ==, n_pauses);
  for (guint i = 0; i < n_cycles; i++)
    {
      g_assert_cmpuint (cycles[i].index, ==, i);
      g_assert_cmpint (cycles[i].duration, >=, 0);
      g_assert_cmpint (cycles[i].mark_duration, >=, 0);
      g_assert_cmpint (cycles[i].stw_total, >=, 0);
      g_assert_cmpint (cycles[i].assist_time, >=, 0);
      g_assert_cmpint (cycles[i].sweep_time, >=, 0);
      g_assert_cmpint (cycles[i].start, <=, cycles[i].mark_start);
      g_assert_cmpint (cycles[i].start + cycles[i].duration, <=, t->trace_end);
      g_assert_cmpint (cycles[i].mark_start + cycles[i].mark_duration, <=,
                       cycles[i].start + cycles[i].duration);
      if (cycles[i].open)
        n_open++;
    }
  g_assert_cmpuint (t->n_open_cycles, ==, n_open);
  for (guint i = 0; i < n_pauses; i++)
    {
      g_assert_cmpint (pauses[i].duration, >=, 0);
      g_assert_nonnull (pauses[i].reason);
      if (pauses[i].open)
        g_assert_cmpint (pauses[i].start + pauses[i].duration, ==, t->trace_end);
    }
  g_assert_cmpint (t->pause_p50, <=, t->pause_p90);
  g_assert_cmpint (t->pause_p90, <=, t->pause_p99);
  g_assert_cmpint (t->pause_p99, <=, t->pause_max);
  g_assert_cmpint (t->pause_p50, >=, 0);
}

static void
assert_sane_mmu (GolanesMmu *mmu)
{
  gint64 x_min, x_max, windows[GOLANES_MMU_PLOT_SAMPLES];
  double values[GOLANES_MMU_PLOT_SAMPLES];

  for (guint s = 0; s < golanes_mmu_get_n_series (mmu); s++)
    {
      gsize n;
      const GolanesMutatorUtil *u = golanes_mmu_get_series (mmu, s, &n);

      g_assert_cmpuint (n, >=, 1);
      g_assert_cmpfloat (u[n - 1].util, ==, 0.0);
      for (gsize i = 0; i < n; i++)
        {
          g_assert_cmpfloat (u[i].util, >=, 0.0);
          g_assert_cmpfloat (u[i].util, <=, 1.0);
          if (i > 0)
            g_assert_cmpint (u[i - 1].time, <, u[i].time);
        }
    }
  if (golanes_mmu_get_plot (mmu, &x_min, &x_max, windows, values))
    {
      g_assert_cmpint (x_min, >=, 1);
      for (guint i = 0; i < GOLANES_MMU_PLOT_SAMPLES; i++)
        {
          /* A window twice as long is two windows: its mean is no lower
           * (MMU as such is not monotonic in the window size). */
          if (windows[i] * 2 <= x_max)
            g_assert_cmpfloat (golanes_mmu_get_mmu (mmu, windows[i] * 2), >=,
                               values[i] - 1e-12);
          g_assert_cmpfloat (values[i], >=, 0.0);
          g_assert_cmpfloat (values[i], <=, 1.0);
          if (i > 0)
            g_assert_cmpint (windows[i - 1], <=, windows[i]);
        }
    }
}

static void
test_cut_in_mark_phase (void)
{
  Run run = { STOP_AT_SWEEP_TERM, 2, FALSE, FALSE, NULL, NULL, 0, 0 };
  const GolanesGcTotals *t;
  const GolanesGcCycle *c;
  const GolanesStwPause *p;
  guint n_cycles, n_pauses;

  run.gc = golanes_gc_new ();
  run.mmu = golanes_mmu_new (GOLANES_MMU_DEFAULT_FLAGS);
  run_trace ("go1.26", "gcheavy", &run);

  assert_sane_gc (run.gc);
  t = golanes_gc_get_totals (run.gc);
  c = golanes_gc_get_cycles (run.gc, &n_cycles);
  p = golanes_gc_get_pauses (run.gc, &n_pauses);
  g_assert_cmpint (t->trace_end, ==, run.last_time);
  g_assert_cmpuint (n_cycles, ==, 2);
  g_assert_cmpuint (t->n_open_cycles, ==, 1);

  /* The first cycle is complete. */
  g_assert_false (c[0].open);
  g_assert_cmpint (c[0].sweep_termination, >=, 0);
  g_assert_cmpint (c[0].mark_termination, >, c[0].sweep_termination);
  g_assert_cmpstr (p[c[0].sweep_termination].reason, ==, "GC sweep termination");
  g_assert_cmpstr (p[c[0].mark_termination].reason, ==, "GC mark termination");
  g_assert_cmpint (c[0].stw_total, ==, p[c[0].sweep_termination].duration +
                                       p[c[0].mark_termination].duration);
  g_assert_true (c[0].has_heap_before && c[0].has_heap_after && c[0].has_heap_goal);
  g_assert_true (c[0].has_next_heap_goal);
  g_assert_cmpint (c[0].duration, >, c[0].mark_duration);

  /* The second stops inside its sweep termination pause. */
  g_assert_true (c[1].open);
  g_assert_cmpint (c[1].mark_termination, ==, -1);
  g_assert_cmpint (c[1].sweep_termination, ==, (int) n_pauses - 1);
  g_assert_true (p[n_pauses - 1].open);
  g_assert_cmpint (p[n_pauses - 1].duration, ==, run.last_time - p[n_pauses - 1].start);
  g_assert_cmpint (c[1].mark_duration, ==, run.last_time - c[1].mark_start);
  g_assert_cmpint (c[1].start + c[1].duration, ==, run.last_time);
  g_assert_false (c[1].has_heap_after);
  g_assert_false (c[1].has_next_heap_goal);
  /* Percentiles only count finished pauses. */
  g_assert_cmpint (t->pause_max, ==, MAX (MAX (p[0].duration, p[1].duration), p[2].duration));

  assert_sane_mmu (run.mmu);
  golanes_mmu_free (run.mmu);
  golanes_gc_free (run.gc);
}

static void
test_cut_in_mark_termination (void)
{
  Run run = { STOP_AT_MARK_END, 1, FALSE, FALSE, NULL, NULL, 0, 0 };
  const GolanesGcCycle *c;
  const GolanesStwPause *p;
  guint n_cycles, n_pauses;

  run.gc = golanes_gc_new ();
  run.mmu = golanes_mmu_new (GOLANES_MMU_DEFAULT_FLAGS | GOLANES_MMU_PER_PROC |
                             GOLANES_MMU_SWEEP);
  run_trace ("go1.26", "gcheavy", &run);

  assert_sane_gc (run.gc);
  c = golanes_gc_get_cycles (run.gc, &n_cycles);
  p = golanes_gc_get_pauses (run.gc, &n_pauses);
  g_assert_cmpuint (n_cycles, ==, 1);
  /* The mark phase ended, but the world is still stopped. */
  g_assert_true (c[0].open);
  g_assert_cmpint (c[0].mark_start + c[0].mark_duration, ==, run.last_time);
  g_assert_cmpint (c[0].mark_termination, >=, 0);
  g_assert_true (p[c[0].mark_termination].open);
  g_assert_false (c[0].has_next_heap_goal);
  g_assert_false (c[0].has_heap_after);

  assert_sane_mmu (run.mmu);
  golanes_mmu_free (run.mmu);
  golanes_gc_free (run.gc);
}

static void
test_cut_at_mark_begin (void)
{
  Run run = { STOP_AT_MARK_BEGIN, 1, FALSE, FALSE, NULL, NULL, 0, 0 };
  const GolanesGcCycle *c;
  guint n_cycles;

  run.gc = golanes_gc_new ();
  run.mmu = golanes_mmu_new (GOLANES_MMU_DEFAULT_FLAGS);
  run_trace ("go1.22", "gcheavy", &run);

  assert_sane_gc (run.gc);
  c = golanes_gc_get_cycles (run.gc, &n_cycles);
  g_assert_cmpuint (n_cycles, ==, 1);
  g_assert_true (c[0].open);
  g_assert_cmpint (c[0].mark_duration, ==, 0);
  g_assert_cmpint (c[0].duration, >=, 0);

  assert_sane_mmu (run.mmu);
  golanes_mmu_free (run.mmu);
  golanes_gc_free (run.gc);
}

static void
test_no_gc (void)
{
  Run run = { STOP_NEVER, 0, FALSE, FALSE, NULL, NULL, 0, 0 };
  const GolanesGcTotals *t;
  const GolanesStwPause *p;
  guint n_cycles, n_pauses, n;

  run.gc = golanes_gc_new ();
  run.mmu = golanes_mmu_new (GOLANES_MMU_DEFAULT_FLAGS | GOLANES_MMU_SWEEP);
  run_trace ("go1.26", "longrun", &run);

  assert_sane_gc (run.gc);
  t = golanes_gc_get_totals (run.gc);
  golanes_gc_get_cycles (run.gc, &n_cycles);
  p = golanes_gc_get_pauses (run.gc, &n_pauses);
  g_assert_cmpuint (n_cycles, ==, 0);
  g_assert_cmpuint (t->n_open_cycles, ==, 0);
  g_assert_cmpint (t->mark_time, ==, 0);
  g_assert_cmpuint (t->n_assists, ==, 0);
  g_assert_cmpuint (n_pauses, ==, 1);
  g_assert_cmpstr (p[0].reason, ==, "start trace");
  g_assert_false (p[0].gc);
  g_assert_cmpint (p[0].cycle, ==, -1);
  g_assert_cmpuint (t->n_gc_pauses, ==, 0);
  g_assert_cmpint (t->gc_pause_time, ==, 0);
  g_assert_cmpint (t->pause_p50, ==, p[0].duration);
  g_assert_cmpint (t->pause_max, ==, p[0].duration);
  golanes_gc_get_gomaxprocs_series (run.gc, &n);
  g_assert_cmpuint (n, >=, 1);

  /* Without GC the mutator has every window to itself. */
  assert_sane_mmu (run.mmu);
  g_assert_cmpuint (golanes_mmu_get_n_series (run.mmu), ==, 1);
  g_assert_cmpfloat (golanes_mmu_get_mmu (run.mmu, 1000), ==, 1.0);
  g_assert_cmpfloat (golanes_mmu_get_mmu (run.mmu, 1000000), ==, 1.0);
  golanes_mmu_free (run.mmu);
  golanes_gc_free (run.gc);
}

static void
test_zero_pauses (void)
{
  Run run = { STOP_NEVER, 0, TRUE, FALSE, NULL, NULL, 0, 0 };
  const GolanesGcTotals *t;
  const GolanesStwPause *p;
  guint n_pauses;

  run.gc = golanes_gc_new ();
  run_trace ("go1.26", "sample", &run);
  assert_sane_gc (run.gc);
  t = golanes_gc_get_totals (run.gc);
  p = golanes_gc_get_pauses (run.gc, &n_pauses);
  g_assert_cmpuint (n_pauses, >, 2);
  for (guint i = 0; i < n_pauses; i++)
    {
      g_assert_false (p[i].open);
      g_assert_cmpint (p[i].duration, ==, 0);
    }
  g_assert_cmpint (t->pause_time, ==, 0);
  g_assert_cmpint (t->pause_max, ==, 0);
  golanes_gc_free (run.gc);

  /* Ends before their beginnings give zero, not negative, durations. */
  run.zero_pauses = FALSE;
  run.reverse_pauses = TRUE;
  run.gc = golanes_gc_new ();
  run_trace ("go1.26", "sample", &run);
  assert_sane_gc (run.gc);
  t = golanes_gc_get_totals (run.gc);
  g_assert_cmpint (t->pause_time, ==, 0);
  golanes_gc_free (run.gc);
}

/* Keeping only the last value of each series changes no cycle, pause or
 * total, and leaves one sample where the whole run had many. */
static void
test_last_only (void)
{
  Run all = { STOP_NEVER, 0, FALSE, FALSE, NULL, NULL, 0, 0 };
  Run last = all;
  const GolanesGcSample *sa, *sl;
  guint na, nl, n;

  all.gc = golanes_gc_new ();
  all.mmu = golanes_mmu_new (GOLANES_MMU_DEFAULT_FLAGS);
  last.gc = golanes_gc_new ();
  last.mmu = golanes_mmu_new (GOLANES_MMU_DEFAULT_FLAGS);
  golanes_gc_set_keep_series (last.gc, FALSE);
  run_trace ("go1.26", "gcheavy", &all);
  run_trace ("go1.26", "gcheavy", &last);

  {
    const GolanesGcCycle *ca = golanes_gc_get_cycles (all.gc, &na);
    const GolanesGcCycle *cl = golanes_gc_get_cycles (last.gc, &nl);

    g_assert_cmpuint (na, ==, nl);
    g_assert_cmpuint (na, >, 2);
    for (n = 0; n < na; n++)
      {
        g_assert_cmpint (ca[n].start, ==, cl[n].start);
        g_assert_cmpint (ca[n].sweep_termination, ==, cl[n].sweep_termination);
        g_assert_cmpint (ca[n].mark_termination, ==, cl[n].mark_termination);
        g_assert_cmpint (ca[n].has_heap_before, ==, cl[n].has_heap_before);
        g_assert_cmpuint (ca[n].heap_before, ==, cl[n].heap_before);
        g_assert_cmpint (ca[n].has_heap_after, ==, cl[n].has_heap_after);
        g_assert_cmpuint (ca[n].heap_after, ==, cl[n].heap_after);
        g_assert_cmpint (ca[n].has_heap_goal, ==, cl[n].has_heap_goal);
        g_assert_cmpuint (ca[n].heap_goal, ==, cl[n].heap_goal);
        g_assert_cmpuint (ca[n].next_heap_goal, ==, cl[n].next_heap_goal);
      }
  }
  {
    const GolanesStwPause *pa = golanes_gc_get_pauses (all.gc, &na);
    const GolanesStwPause *pl = golanes_gc_get_pauses (last.gc, &nl);

    g_assert_cmpuint (na, ==, nl);
    for (n = 0; n < na; n++)
      {
        g_assert_cmpint (pa[n].start, ==, pl[n].start);
        g_assert_cmpint (pa[n].duration, ==, pl[n].duration);
        g_assert_cmpstr (pa[n].reason, ==, pl[n].reason);
        g_assert_cmpint (pa[n].cycle, ==, pl[n].cycle);
      }
  }
  g_assert_cmpint (golanes_gc_get_totals (all.gc)->pause_p99, ==, golanes_gc_get_totals (last.gc)->pause_p99);
  g_assert_cmpint (golanes_gc_get_totals (all.gc)->mark_time, ==, golanes_gc_get_totals (last.gc)->mark_time);
  sa = golanes_gc_get_heap_series (all.gc, &na);
  sl = golanes_gc_get_heap_series (last.gc, &nl);
  g_assert_cmpuint (na, >, 10);
  g_assert_cmpuint (nl, ==, 1);
  g_assert_cmpint (sl[0].time, ==, sa[na - 1].time);
  g_assert_cmpuint (sl[0].value, ==, sa[na - 1].value);
  golanes_gc_get_heap_goal_series (last.gc, &nl);
  g_assert_cmpuint (nl, <=, 1);
  golanes_gc_free (all.gc);
  golanes_gc_free (last.gc);
  golanes_mmu_free (all.mmu);
  golanes_mmu_free (last.mmu);
}

static void
test_no_events (void)
{
  GolanesGc *gc = golanes_gc_new ();
  GolanesMmu *mmu = golanes_mmu_new (GOLANES_MMU_DEFAULT_FLAGS);
  GolanesUtilWindow w[4];
  gint64 x_min, x_max, windows[GOLANES_MMU_PLOT_SAMPLES];
  double values[GOLANES_MMU_PLOT_SAMPLES];
  guint n;

  golanes_gc_finish (gc);
  golanes_gc_finish (gc);
  golanes_gc_get_cycles (gc, &n);
  g_assert_cmpuint (n, ==, 0);
  golanes_gc_get_pauses (gc, &n);
  g_assert_cmpuint (n, ==, 0);
  golanes_gc_get_heap_series (gc, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (golanes_gc_get_totals (gc)->pause_p99, ==, 0);
  golanes_gc_free (gc);

  golanes_mmu_finish (mmu);
  g_assert_cmpuint (golanes_mmu_get_n_series (mmu), ==, 0);
  g_assert_cmpfloat (golanes_mmu_get_mmu (mmu, 1000), ==, 1.0);
  g_assert_cmpfloat (golanes_mmu_get_mmu (mmu, 0), ==, 0.0);
  g_assert_cmpuint (golanes_mmu_get_worst_windows (mmu, 1000, 4, w), ==, 0);
  g_assert_false (golanes_mmu_get_plot (mmu, &x_min, &x_max, windows, values));
  golanes_mmu_free (mmu);
}

static void
test_mmu_windows (void)
{
  Run run = { STOP_NEVER, 0, FALSE, FALSE, NULL, NULL, 0, 0 };
  GolanesUtilWindow worst[10];
  gint64 span;
  gsize n;
  const GolanesMutatorUtil *u;
  guint n_worst;

  run.mmu = golanes_mmu_new (GOLANES_MMU_DEFAULT_FLAGS);
  run_trace ("go1.26", "gcheavy", &run);
  u = golanes_mmu_get_series (run.mmu, 0, &n);
  span = u[n - 1].time - u[0].time;

  g_assert_cmpfloat (golanes_mmu_get_mmu (run.mmu, 0), ==, 0.0);
  g_assert_cmpfloat (golanes_mmu_get_mmu (run.mmu, -10), ==, 0.0);
  /* Windows longer than the trace are cut to its length. */
  g_assert_cmpfloat (golanes_mmu_get_mmu (run.mmu, span * 4), ==,
                     golanes_mmu_get_mmu (run.mmu, span));

  n_worst = golanes_mmu_get_worst_windows (run.mmu, 1000000, 10, worst);
  g_assert_cmpuint (n_worst, >, 0);
  g_assert_cmpfloat (worst[0].mutator_util, ==, golanes_mmu_get_mmu (run.mmu, 1000000));
  for (guint i = 1; i < n_worst; i++)
    {
      g_assert_cmpfloat (worst[i - 1].mutator_util, <=, worst[i].mutator_util);
      /* disjoint */
      for (guint j = 0; j < i; j++)
        g_assert_true (worst[i].time >= worst[j].time + 1000000 ||
                       worst[j].time >= worst[i].time + 1000000);
    }
  golanes_mmu_free (run.mmu);
}

static void
test_mmu_per_proc (void)
{
  Run run = { STOP_NEVER, 0, FALSE, FALSE, NULL, NULL, 0, 0 };
  const GolanesGcSample *procs;
  guint n_procs;
  guint64 max_procs = 0;

  run.gc = golanes_gc_new ();
  run.mmu = golanes_mmu_new (GOLANES_MMU_DEFAULT_FLAGS | GOLANES_MMU_PER_PROC);
  run_trace ("go1.26", "procs", &run);

  /* One series per P that ever existed (a P removed and added again gets
   * a new one), each starting fully available. */
  procs = golanes_gc_get_gomaxprocs_series (run.gc, &n_procs);
  g_assert_cmpuint (n_procs, >, 1);
  for (guint i = 0; i < n_procs; i++)
    max_procs = MAX (max_procs, procs[i].value);
  g_assert_cmpuint (golanes_mmu_get_n_series (run.mmu), >=, max_procs);
  for (guint s = 0; s < golanes_mmu_get_n_series (run.mmu); s++)
    {
      gsize n;
      const GolanesMutatorUtil *u = golanes_mmu_get_series (run.mmu, s, &n);

      g_assert_cmpfloat (u[0].util, ==, 1.0);
    }
  assert_sane_mmu (run.mmu);
  golanes_mmu_free (run.mmu);
  golanes_gc_free (run.gc);
}

static void
test_flags (void)
{
  g_autoptr(GError) error = NULL;
  GolanesMmuFlags flags;
  g_autofree char *s = NULL;

  g_assert_true (golanes_mmu_flags_parse ("stw,background|assist", &flags, &error));
  g_assert_no_error (error);
  g_assert_cmpint (flags, ==, GOLANES_MMU_DEFAULT_FLAGS);
  g_assert_true (golanes_mmu_flags_parse ("system|perProc|sweep", &flags, &error));
  g_assert_cmpint (flags, ==, GOLANES_MMU_PER_PROC | GOLANES_MMU_SWEEP);
  g_assert_true (golanes_mmu_flags_parse ("", &flags, &error));
  g_assert_cmpint (flags, ==, 0);
  g_assert_false (golanes_mmu_flags_parse ("stw,bogus", &flags, &error));
  g_assert_nonnull (error);

  s = golanes_mmu_flags_to_string (GOLANES_MMU_DEFAULT_FLAGS | GOLANES_MMU_PER_PROC);
  g_assert_cmpstr (s, ==, "perProc|stw|background|assist");
}

static void
test_go_math (void)
{
  g_assert_cmpfloat (golanes_go_exp (0), ==, 1.0);
  g_assert_cmpfloat (golanes_go_log (1), ==, 0.0);
  g_assert_true (isinf (golanes_go_log (0)) && golanes_go_log (0) < 0);
  g_assert_true (isnan (golanes_go_log (-1)));
  g_assert_cmpfloat (golanes_go_exp (-INFINITY), ==, 0.0);
  g_assert_true (isinf (golanes_go_exp (1000)));
  g_assert_cmpfloat (golanes_go_exp (-1000), ==, 0.0);
  /* Both are within an ulp or two of the C library. */
  for (double x = 1; x < 1e12; x *= 1.7)
    {
      double l = golanes_go_log (x);

      g_assert_cmpfloat_with_epsilon (l, log (x), 4e-16 * fabs (log (x)) + 1e-300);
      g_assert_cmpfloat_with_epsilon (golanes_go_exp (l), exp (l), 4e-16 * exp (l));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gc/cut-in-mark-phase", test_cut_in_mark_phase);
  g_test_add_func ("/gc/cut-in-mark-termination", test_cut_in_mark_termination);
  g_test_add_func ("/gc/cut-at-mark-begin", test_cut_at_mark_begin);
  g_test_add_func ("/gc/no-gc", test_no_gc);
  g_test_add_func ("/gc/zero-pauses", test_zero_pauses);
  g_test_add_func ("/gc/no-events", test_no_events);
  g_test_add_func ("/gc/last-only", test_last_only);
  g_test_add_func ("/mmu/windows", test_mmu_windows);
  g_test_add_func ("/mmu/per-proc", test_mmu_per_proc);
  g_test_add_func ("/mmu/flags", test_flags);
  g_test_add_func ("/mmu/go-math", test_go_math);

  return g_test_run ();
}
