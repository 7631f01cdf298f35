/* bench-critical-path.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The critical-path analysis's costs (issue: the path of one target in at
 * most 10 ms on a 7 M-event trace, the aggregate over 10 k task instances
 * in at most 1 s):
 *
 *   bench-critical-path TRACE
 *
 * Loads the timeline alone (golanes_document_load_timeline(), timed on
 * its own), then prints key=value lines:
 *
 *  - one target at a time: the longest complete task, the longest
 *    complete region, the goroutine with the most state spans over its
 *    whole life (created to ended, clipped to the trace) and the whole
 *    trace on the main goroutine (id 1 if its function is main.main, else
 *    goroutine index 0).  The first computation is reported as "cold": it
 *    makes the tracks of the goroutines the walk visits from the packed
 *    store (golanes_timeline_get_goroutine_states()); goroutines an
 *    earlier target already visited are warm by then.  Then the median
 *    and the best of up to WARM_RUNS warm runs (fewer when they are
 *    slow).  one_path_max_ms / one_path_cold_max_ms: the largest warm
 *    median / cold time of the targets.
 *  - aggregates: the task type and the region type with the most complete
 *    instances, golanes_crit_aggregate_new_for_task_type() /
 *    _for_region_type(): cold, then the median of up to AGG_RUNS warm
 *    runs, the instances and the time per 10,000 instances.
 *    ms_per_10k_instances / ms_per_10k_instances_cold: the largest of the
 *    two (warm / cold).
 *
 * Times are wall clock (g_get_monotonic_time()); a busy machine stretches
 * them, the CPU time of each phase is printed beside the load.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib.h>

#include "golanes-critical-path.h"
#include "golanes-document.h"
#include "golanes-timeline.h"

#define WARM_RUNS 7
#define AGG_RUNS 3
/* Warm repetitions stop once they have taken this long in all. */
#define WARM_BUDGET_US (2 * G_USEC_PER_SEC)

typedef enum
{
  TARGET_TASK,
  TARGET_REGION,
  TARGET_INTERVAL,
} TargetKind;

typedef struct
{
  const char *name;
  TargetKind  kind;
  guint       index;      /* task or region */
  guint       goroutine;  /* interval */
  gint64      start;
  gint64      end;
} Target;

static double
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static GolanesCriticalPath *
make_path (GolanesTimeline *tl,
           const Target    *t,
           GError         **error)
{
  switch (t->kind)
    {
    case TARGET_TASK:
      return golanes_critical_path_new_for_task (tl, t->index, error);
    case TARGET_REGION:
      return golanes_critical_path_new_for_region (tl, t->index, error);
    case TARGET_INTERVAL:
    default:
      return golanes_critical_path_new (tl, t->goroutine, t->start, t->end, error);
    }
}

static const char *
string_of (GolanesTimeline *tl,
           guint32          id)
{
  const char *s = golanes_stack_table_get_string (golanes_timeline_get_stack_table (tl), id, NULL);

  return s != NULL ? s : "";
}

/* Times the path of @t cold, then warm; prints its lines and raises
 * @max_warm / @max_cold. */
static void
bench_target (GolanesTimeline *tl,
              const Target    *t,
              const char      *what,
              double          *max_warm,
              double          *max_cold)
{
  g_autoptr(GError) error = NULL;
  GolanesCriticalPath *path;
  g_autoptr(GHashTable) visited = g_hash_table_new (NULL, NULL);
  const GolanesCritSegment *segs;
  double warm[WARM_RUNS], cold_ms, cpu;
  guint n_segs = 0, n_warm = 0, i;
  gint64 t0, spent = 0;

  printf ("%s_target=%s\n", t->name, what);
  cpu = cpu_now ();
  t0 = g_get_monotonic_time ();
  path = make_path (tl, t, &error);
  cold_ms = (g_get_monotonic_time () - t0) / 1000.0;
  cpu = cpu_now () - cpu;
  if (path == NULL)
    {
      printf ("%s_error=%s\n", t->name, error->message);
      return;
    }
  segs = golanes_critical_path_get_segments (path, &n_segs);
  for (i = 0; i < n_segs; i++)
    g_hash_table_add (visited, GUINT_TO_POINTER (segs[i].goroutine + 1));
  golanes_critical_path_free (path);

  while (n_warm < WARM_RUNS && (n_warm < 1 || spent < WARM_BUDGET_US))
    {
      gint64 w0 = g_get_monotonic_time ();

      path = make_path (tl, t, NULL);
      golanes_critical_path_free (path);
      warm[n_warm] = (g_get_monotonic_time () - w0) / 1000.0;
      spent += g_get_monotonic_time () - w0;
      n_warm++;
    }
  qsort (warm, n_warm, sizeof (double), compare_double);

  printf ("%s_cold_ms=%.3f\n", t->name, cold_ms);
  printf ("%s_cold_cpu_ms=%.3f\n", t->name, cpu * 1e3);
  printf ("%s_path_ms=%.3f\n", t->name, warm[(n_warm - 1) / 2]);
  printf ("%s_path_best_ms=%.3f\n", t->name, warm[0]);
  printf ("%s_warm_runs=%u\n", t->name, n_warm);
  printf ("%s_segments=%u\n", t->name, n_segs);
  printf ("%s_goroutines_on_path=%u\n", t->name, g_hash_table_size (visited));
  *max_warm = MAX (*max_warm, warm[(n_warm - 1) / 2]);
  *max_cold = MAX (*max_cold, cold_ms);
}

/* The type (string id) with the most complete instances among tasks or
 * regions, or 0; their count into @count, the number of types into
 * @n_types. */
static guint32
busiest_type (GolanesTimeline *tl,
              gboolean         tasks,
              guint           *count,
              guint           *n_types)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  guint n = tasks ? golanes_timeline_get_n_tasks (tl) : golanes_timeline_get_n_regions (tl);
  guint32 best = 0;
  guint i;

  *count = 0;
  for (i = 0; i < n; i++)
    {
      guint32 type;
      guint8 flags;
      guint c;

      if (tasks)
        {
          GolanesTimelineTask t_copy;
          const GolanesTimelineTask *t = golanes_timeline_get_task (tl, i, &t_copy) ? &t_copy : NULL;

          type = t->type;
          flags = t->flags;
        }
      else
        {
          GolanesTimelineRegion r_copy;
          const GolanesTimelineRegion *r = golanes_timeline_get_region (tl, i, &r_copy) ? &r_copy : NULL;

          type = r->type;
          flags = r->flags;
        }
      if (flags & (GOLANES_SPAN_OPEN | GOLANES_SPAN_OPEN_START))
        continue;
      c = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (type + 1))) + 1;
      g_hash_table_insert (counts, GUINT_TO_POINTER (type + 1), GUINT_TO_POINTER (c));
      if (c > *count || (c == *count && type < best))
        {
          best = type;
          *count = c;
        }
    }
  *n_types = g_hash_table_size (counts);
  return best;
}

/* Times the aggregate of the busiest task or region type; prints its
 * lines and raises @max_warm / @max_cold (ms per 10 k instances). */
static void
bench_aggregate (GolanesTimeline *tl,
                 gboolean         tasks,
                 double          *max_warm,
                 double          *max_cold)
{
  const char *p = tasks ? "task_agg" : "region_agg";
  const char *kind = tasks ? "tasks" : "regions";
  GolanesCritAggregate *agg;
  double warm[AGG_RUNS], cold_ms, cpu, per_10k;
  guint count, n_types, n_inst, n_warm = 0;
  gint64 t0, spent;
  guint32 type;
  const char *name;

  type = busiest_type (tl, tasks, &count, &n_types);
  if (count == 0)
    {
      printf ("%s=none (the trace has no complete %s)\n", p, kind);
      return;
    }
  name = string_of (tl, type);
  printf ("%s_type=%s (%u complete %s of %u types)\n", p, name, count, kind, n_types);

  cpu = cpu_now ();
  t0 = g_get_monotonic_time ();
  agg = tasks ? golanes_crit_aggregate_new_for_task_type (tl, name) :
                golanes_crit_aggregate_new_for_region_type (tl, name);
  cold_ms = (g_get_monotonic_time () - t0) / 1000.0;
  cpu = cpu_now () - cpu;
  n_inst = golanes_crit_aggregate_get_n_instances (agg);
  golanes_crit_aggregate_free (agg);

  spent = (gint64) (cold_ms * 1000);
  while (n_warm < AGG_RUNS && spent < 3 * WARM_BUDGET_US)
    {
      gint64 w0 = g_get_monotonic_time ();

      agg = tasks ? golanes_crit_aggregate_new_for_task_type (tl, name) :
                    golanes_crit_aggregate_new_for_region_type (tl, name);
      golanes_crit_aggregate_free (agg);
      warm[n_warm++] = (g_get_monotonic_time () - w0) / 1000.0;
      spent += g_get_monotonic_time () - w0;
    }
  if (n_warm == 0)
    warm[n_warm++] = cold_ms;
  qsort (warm, n_warm, sizeof (double), compare_double);

  printf ("%s_instances=%u\n", p, n_inst);
  printf ("%s_cold_ms=%.1f\n", p, cold_ms);
  printf ("%s_cold_cpu_ms=%.1f\n", p, cpu * 1e3);
  printf ("%s_ms=%.1f\n", p, warm[(n_warm - 1) / 2]);
  printf ("%s_warm_runs=%u\n", p, n_warm);
  if (n_inst == 0)
    return;
  per_10k = warm[(n_warm - 1) / 2] * 10000.0 / n_inst;
  printf ("%s_ms_per_10k_instances=%.1f\n", p, per_10k);
  printf ("%s_ms_per_10k_instances_cold=%.1f\n", p, cold_ms * 10000.0 / n_inst);
  *max_warm = MAX (*max_warm, per_10k);
  *max_cold = MAX (*max_cold, cold_ms * 10000.0 / n_inst);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GolanesDocument) document = NULL;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (GolanesSpan));
  GolanesTimeline *tl;
  gint64 t0, trace_start, trace_end;
  double cpu, max_warm = 0, max_cold = 0, agg_warm = 0, agg_cold = 0;
  guint n_tasks, n_regions, n_goroutines, i;
  gint best = -1;

  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-critical-path TRACE\n");
      return 2;
    }

  cpu = cpu_now ();
  t0 = g_get_monotonic_time ();
  document = golanes_document_load_timeline (argv[1], NULL, NULL, NULL, &error);
  if (document == NULL)
    {
      fprintf (stderr, "bench-critical-path: %s: %s\n", argv[1], error->message);
      return 1;
    }
  tl = golanes_document_get_timeline (document);
  printf ("trace=%s\n", argv[1]);
  printf ("load_s=%.3f\n", (g_get_monotonic_time () - t0) / 1e6);
  printf ("load_cpu_s=%.3f\n", cpu_now () - cpu);

  trace_start = golanes_timeline_get_start_time (tl);
  trace_end = golanes_timeline_get_end_time (tl);
  n_tasks = golanes_timeline_get_n_tasks (tl);
  n_regions = golanes_timeline_get_n_regions (tl);
  n_goroutines = golanes_timeline_get_n_goroutines (tl);
  printf ("events=%" G_GUINT64_FORMAT "\n", golanes_timeline_get_n_events (tl));
  printf ("duration_ms=%.1f\n", (trace_end - trace_start) / 1e6);
  printf ("goroutines=%u\n", n_goroutines);
  printf ("tasks=%u\n", n_tasks);
  printf ("regions=%u\n", n_regions);
  if (trace_end <= trace_start || n_goroutines == 0)
    {
      printf ("note=the trace has no length or no goroutines\n");
      return 0;
    }

  /* (a) The longest complete task. */
  {
    gint64 longest = 0;

    best = -1;
    for (i = 0; i < n_tasks; i++)
      {
        GolanesTimelineTask task_copy;
        const GolanesTimelineTask *task = golanes_timeline_get_task (tl, i, &task_copy) ? &task_copy : NULL;

        if (!(task->flags & (GOLANES_SPAN_OPEN | GOLANES_SPAN_OPEN_START)) &&
            task->end - task->start > longest)
          {
            longest = task->end - task->start;
            best = (gint) i;
          }
      }
    if (best >= 0)
      {
        GolanesTimelineTask task_copy;
        const GolanesTimelineTask *task =
          golanes_timeline_get_task (tl, (guint) best, &task_copy) ? &task_copy : NULL;
        Target t = { "task", TARGET_TASK, (guint) best, 0, 0, 0 };
        g_autofree char *what = g_strdup_printf ("task %" G_GUINT64_FORMAT " \"%s\", %.3f ms long",
                                                 task->id, string_of (tl, task->type), longest / 1e6);

        bench_target (tl, &t, what, &max_warm, &max_cold);
      }
    else
      printf ("task_target=none (the trace has no complete tasks)\n");
  }

  /* (b) The longest complete region. */
  {
    gint64 longest = 0;

    best = -1;
    for (i = 0; i < n_regions; i++)
      {
        GolanesTimelineRegion region_copy;
        const GolanesTimelineRegion *region =
          golanes_timeline_get_region (tl, i, &region_copy) ? &region_copy : NULL;

        if (!(region->flags & (GOLANES_SPAN_OPEN | GOLANES_SPAN_OPEN_START)) &&
            region->end - region->start > longest)
          {
            longest = region->end - region->start;
            best = (gint) i;
          }
      }
    if (best >= 0)
      {
        GolanesTimelineRegion region_copy;
        const GolanesTimelineRegion *region =
          golanes_timeline_get_region (tl, (guint) best, &region_copy) ? &region_copy : NULL;
        Target t = { "region", TARGET_REGION, (guint) best, 0, 0, 0 };
        g_autofree char *what = g_strdup_printf ("region %u \"%s\" on goroutine %" G_GINT64_FORMAT
                                                 ", %.3f ms long", (guint) best,
                                                 string_of (tl, region->type), region->goroutine,
                                                 longest / 1e6);

        bench_target (tl, &t, what, &max_warm, &max_cold);
      }
    else
      printf ("region_target=none (the trace has no complete regions)\n");
  }

  /* (c) The goroutine with the most state spans, over its life; counted
   * without making the tracks of packed goroutines. */
  {
    guint most = 0;
    GolanesTimelineGoroutine g;

    t0 = g_get_monotonic_time ();
    best = -1;
    for (i = 0; i < n_goroutines; i++)
      {
        golanes_timeline_read_goroutine_spans (tl, i, spans);
        if (spans->len > most)
          {
            most = spans->len;
            best = (gint) i;
          }
      }
    printf ("busiest_scan_ms=%.1f\n", (g_get_monotonic_time () - t0) / 1000.0);
    if (best >= 0 && golanes_timeline_get_goroutine (tl, (guint) best, &g))
      {
        g_autofree char *func = golanes_timeline_dup_goroutine_function (tl, (guint) best);
        Target t = { "busiest", TARGET_INTERVAL, 0, (guint) best,
                     MAX (g.created, trace_start), MIN (g.ended, trace_end) };
        g_autofree char *what = NULL;

        if (t.end <= t.start)
          t.start = trace_start, t.end = trace_end;
        what = g_strdup_printf ("goroutine %" G_GINT64_FORMAT " (%s), %u state spans, %.3f ms",
                                g.id, func, most, (t.end - t.start) / 1e6);
        bench_target (tl, &t, what, &max_warm, &max_cold);
      }
    else
      printf ("busiest_target=none (no goroutine has state spans)\n");
  }

  /* (d) The whole trace on the main goroutine. */
  {
    gint main_g = golanes_timeline_lookup_goroutine (tl, 1);
    g_autofree char *func = NULL;
    g_autofree char *what = NULL;
    Target t = { "main", TARGET_INTERVAL, 0, 0, trace_start, trace_end };

    if (main_g >= 0)
      func = golanes_timeline_dup_goroutine_function (tl, (guint) main_g);
    if (main_g < 0 || g_strcmp0 (func, "main.main") != 0)
      {
        g_free (func);
        main_g = 0;
        func = golanes_timeline_dup_goroutine_function (tl, 0);
      }
    t.goroutine = (guint) main_g;
    what = g_strdup_printf ("goroutine %" G_GINT64_FORMAT " (%s), the whole trace",
                            golanes_timeline_get_goroutine_id (tl, (guint) main_g), func);
    bench_target (tl, &t, what, &max_warm, &max_cold);
  }
  printf ("one_path_max_ms=%.3f\n", max_warm);
  printf ("one_path_cold_max_ms=%.3f\n", max_cold);

  bench_aggregate (tl, TRUE, &agg_warm, &agg_cold);
  bench_aggregate (tl, FALSE, &agg_warm, &agg_cold);
  if (agg_warm > 0)
    {
      printf ("ms_per_10k_instances=%.1f\n", agg_warm);
      printf ("ms_per_10k_instances_cold=%.1f\n", agg_cold);
    }
  printf ("goals=one path <= 10 ms on a 7 M-event trace; 10 k task instances <= 1000 ms\n");
  return 0;
}
