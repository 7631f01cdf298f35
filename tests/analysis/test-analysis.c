/* test-analysis.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "golanes-call-tree.h"
#include "golanes-blocking.h"
#include "golanes-duration.h"
#include "golanes-goroutine-summary-private.h"
#include "golanes-pprof.h"
#include "golanes-tasks.h"
#include "golanes-trace-summary.h"

static const char *fixtures_dir;

/* Every analysis of one trace, fed in a single pass sharing one stack
 * table and one goroutine summary. */
typedef struct
{
  GolanesStackTable       *stacks;
  GolanesGoroutineSummary *summary;
  GolanesTasks            *tasks;
  GolanesBlocking         *blocking[4];
  GolanesTraceSummary     *trace;
  gboolean                 broken;
} Analyses;

static void
analyses_run (Analyses   *a,
              const char *relpath)
{
  g_autofree char *path = g_build_filename (fixtures_dir, relpath, NULL);
  g_autoptr(GError) error = NULL;
  GolanesTraceReader *reader;
  GolanesEvent ev;
  guint k;

  a->stacks = golanes_stack_table_new ();
  a->summary = golanes_goroutine_summary_new (a->stacks);
  a->tasks = golanes_tasks_new (a->summary);
  for (k = 0; k < G_N_ELEMENTS (a->blocking); k++)
    a->blocking[k] = golanes_blocking_new ((GolanesBlockingKind) k, a->stacks);
  a->trace = golanes_trace_summary_new ();

  reader = golanes_trace_reader_new_for_path (path, &error);
  g_assert_no_error (error);
  while (golanes_trace_reader_next (reader, &ev, &error))
    {
      golanes_goroutine_summary_feed (a->summary, reader, &ev);
      golanes_tasks_feed (a->tasks, reader, &ev);
      for (k = 0; k < G_N_ELEMENTS (a->blocking); k++)
        golanes_blocking_feed (a->blocking[k], reader, &ev);
      golanes_trace_summary_feed (a->trace, reader, &ev);
    }
  a->broken = error != NULL;
  golanes_trace_reader_free (reader);

  golanes_goroutine_summary_finish (a->summary);
  golanes_tasks_finish (a->tasks);
  for (k = 0; k < G_N_ELEMENTS (a->blocking); k++)
    golanes_blocking_finish (a->blocking[k]);
  golanes_trace_summary_finish (a->trace);
}

static void
analyses_clear (Analyses *a)
{
  guint k;

  golanes_tasks_free (a->tasks);
  golanes_goroutine_summary_free (a->summary);
  for (k = 0; k < G_N_ELEMENTS (a->blocking); k++)
    golanes_blocking_free (a->blocking[k]);
  golanes_trace_summary_free (a->trace);
  golanes_stack_table_free (a->stacks);
}

static void
test_duration_format (void)
{
  /* Go's own time.Duration.String() test table. */
  static const struct { gint64 ns; const char *text; } cases[] = {
    { 0, "0s" },
    { 1, "1ns" },
    { 1100, "1.1\xc2\xb5s" },
    { 2200000, "2.2ms" },
    { 3300000000, "3.3s" },
    { 245000000000, "4m5s" },
    { 245001000000, "4m5.001s" },
    { 18367001000000, "5h6m7.001s" },
    { 480000000001, "8m0.000000001s" },
    { G_MAXINT64, "2562047h47m16.854775807s" },
    { G_MININT64, "-2562047h47m16.854775808s" },
    { -1, "-1ns" },
    { 999, "999ns" },
    { 1000, "1\xc2\xb5s" },
    { 13652929, "13.652929ms" },
    { 3600000000000, "1h0m0s" },
    { 60000000000, "1m0s" },
  };
  char buf[GOLANES_DURATION_BUF_SIZE];
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%" G_GINT64_FORMAT " -> %s", cases[i].ns, cases[i].text);
      g_assert_cmpstr (golanes_format_duration (cases[i].ns, buf), ==, cases[i].text);
    }
}

static void
test_histogram_buckets (void)
{
  /* Five buckets per decade; the labels Go prints. */
  g_assert_cmpint (golanes_histogram_bucket (0), ==, 0);
  g_assert_cmpint (golanes_histogram_bucket (-5), ==, 0);
  g_assert_cmpint (golanes_histogram_bucket (1), ==, 0);
  g_assert_cmpint (golanes_histogram_bucket (29440), ==, 22);
  g_assert_cmpint (golanes_histogram_bucket_min (22), ==, 25118);
  g_assert_cmpint (golanes_histogram_bucket_min (23), ==, 39810);
  g_assert_cmpint (golanes_histogram_bucket_min (30), ==, 1000000);
  g_assert_cmpint (golanes_histogram_bucket_min (31), ==, 1584893);
}

static const GolanesGoroutineGroup *
find_group (GolanesGoroutineSummary *s,
            const char              *name)
{
  guint n = 0, i;
  const GolanesGoroutineGroup *groups = golanes_goroutine_summary_get_groups (s, &n);

  for (i = 0; i < n; i++)
    if (strcmp (groups[i].name, name) == 0)
      return &groups[i];
  return NULL;
}

static const GolanesLatencyStats *
find_stats (const GolanesLatencyStats *stats,
            guint                      n,
            const char                *name,
            const char                *frame_func)
{
  guint i;

  for (i = 0; i < n; i++)
    if (strcmp (stats[i].name, name) == 0 &&
        (frame_func == NULL || strcmp (stats[i].frame_func, frame_func) == 0))
      return &stats[i];
  return NULL;
}

/* Every group's members are the goroutines of its name, in id order (the
 * summary's order), and each goroutine is in exactly one group. */
static void
assert_group_members (GolanesGoroutineSummary    *summary,
                      const GolanesGoroutineInfo *infos,
                      guint                       n)
{
  guint n_groups = 0, total = 0;
  const GolanesGoroutineGroup *groups = golanes_goroutine_summary_get_groups (summary, &n_groups);

  for (guint k = 0; k < n_groups; k++)
    {
      g_autoptr(GArray) members = golanes_goroutine_summary_dup_group_members (summary, groups[k].name);
      guint m = 0;

      g_assert_cmpuint (members->len, ==, groups[k].count);
      for (guint i = 0; i < n; i++)
        if (g_strcmp0 (infos[i].name, groups[k].name) == 0)
          {
            g_assert_cmpuint (m, <, members->len);
            g_assert_cmpuint (g_array_index (members, guint32, m), ==, i);
            m++;
          }
      g_assert_cmpuint (m, ==, members->len);
      total += members->len;
    }
  g_assert_cmpuint (total, ==, n);
  {
    g_autoptr(GArray) none = golanes_goroutine_summary_dup_group_members (summary, "no.such.function");

    g_assert_cmpuint (none->len, ==, 0);
  }
}

/* No analysis may report a negative time, whatever the trace. */
static void
assert_sane (Analyses *a)
{
  guint n = 0, i, j, k;
  const GolanesGoroutineInfo *infos = golanes_goroutine_summary_get_goroutines (a->summary, &n);
  const GolanesLatencyStats *stats;
  const GolanesTraceSummaryInfo *ts = golanes_trace_summary_get (a->trace);

  for (i = 0; i < n; i++)
    {
      const GolanesGoroutineInfo *g = &infos[i];

      g_assert_cmpint (g->total_time, >=, 0);
      g_assert_cmpint (g->exec_time, >=, 0);
      g_assert_cmpint (g->sched_wait_time, >=, 0);
      g_assert_cmpint (g->syscall_time, >=, 0);
      g_assert_cmpint (g->syscall_block_time, >=, 0);
      g_assert_cmpint (g->unknown_time, >=, 0);
      for (j = 0; j < g->n_stats; j++)
        g_assert_cmpint (g->stats[j].time, >=, 0);
      for (j = 0; j < g->n_range_times; j++)
        g_assert_cmpint (g->range_times[j].time, >=, 0);
      g_assert_cmpstr (g->stats[0].name, ==, "Execution time");
      g_assert_true (golanes_goroutine_summary_lookup (a->summary, g->id) == g);
      /* The summary's id order, made through a table indexed by id. */
      if (i > 0)
        g_assert_cmpint (infos[i - 1].id, <, g->id);
    }
  assert_group_members (a->summary, infos, n);
  stats = golanes_tasks_get_tasks (a->tasks, &n);
  for (i = 0; i < n; i++)
    {
      g_assert_cmpuint (stats[i].n_incomplete + stats[i].n_latencies, ==, stats[i].count);
      g_assert_cmpint (stats[i].p50, >=, 0);
      g_assert_cmpint (stats[i].p50, <=, stats[i].p90);
      g_assert_cmpint (stats[i].p90, <=, stats[i].p99);
      g_assert_cmpint (stats[i].p99, <=, stats[i].max);
    }
  stats = golanes_tasks_get_regions (a->tasks, &n);
  for (i = 0; i < n; i++)
    {
      g_assert_cmpuint (stats[i].n_latencies, ==, stats[i].count);
      g_assert_cmpint (stats[i].p50, >=, 0);
      g_assert_cmpint (stats[i].p99, <=, stats[i].max);
    }
  for (k = 0; k < G_N_ELEMENTS (a->blocking); k++)
    {
      const GolanesBlockingRecord *recs = golanes_blocking_get_records (a->blocking[k], &n);
      guint64 count = 0;
      gint64 delay = 0;

      for (i = 0; i < n; i++)
        {
          g_assert_cmpint (recs[i].delay, >, 0);
          count += recs[i].count;
          delay += recs[i].delay;
        }
      g_assert_cmpuint (count, ==, golanes_blocking_get_total_count (a->blocking[k]));
      g_assert_cmpint (delay, ==, golanes_blocking_get_total_delay (a->blocking[k]));
    }
  g_assert_cmpint (ts->duration, >=, 0);
  g_assert_cmpint (ts->stw_time, >=, 0);
}

static void
test_annotations (void)
{
  Analyses a = { 0 };
  const GolanesGoroutineInfo *g;
  const GolanesGoroutineGroup *grp;
  const GolanesLatencyStats *stats, *s;
  const GolanesTraceSummaryInfo *ts;
  guint n = 0, i;

  analyses_run (&a, "go1.26/annotations.trace");
  g_assert_false (a.broken);
  assert_sane (&a);

  /* Figures of Go 1.26.8's /goroutine?name=main.main page. */
  g = golanes_goroutine_summary_lookup (a.summary, 1);
  g_assert_nonnull (g);
  g_assert_cmpstr (g->name, ==, "main.main");
  g_assert_cmpint (g->total_time, ==, 3694273);
  g_assert_cmpint (g->exec_time, ==, 673857);
  g_assert_cmpint (g->sched_wait_time, ==, 1024);
  g_assert_cmpint (g->unknown_time, ==, 0);
  g_assert_cmpuint (g->n_range_times, ==, 1);
  g_assert_cmpstr (g->range_times[0].name, ==, "stop-the-world (start trace)");
  g_assert_cmpint (g->range_times[0].time, ==, 17536);

  /* A runtime goroutine that never ran: blocked since the first Sync,
   * with an empty reason. */
  g = golanes_goroutine_summary_lookup (a.summary, 4);
  g_assert_cmpstr (g->name, ==, "runtime.bgscavenge");
  g_assert_cmpint (g->start_time, ==, 0);
  g_assert_cmpint (g->end_time, ==, 0);
  g_assert_cmpuint (g->n_block_times, ==, 1);
  g_assert_cmpstr (g->block_times[0].name, ==, "");
  g_assert_cmpint (g->block_times[0].time, ==, 3694273);

  grp = find_group (a.summary, "main.main.func2");
  g_assert_nonnull (grp);
  g_assert_cmpuint (grp->count, ==, 3);
  g_assert_cmpint (grp->exec_time, ==, 220160);
  golanes_goroutine_summary_get_groups (a.summary, &n);
  g_assert_cmpuint (n, ==, 11);

  /* Tasks: two nameless ones (the background task of logs and regions
   * outside tasks, and a parent only ever named); one open at the stop; the
   * handoff task ends on another goroutine but is complete. */
  stats = golanes_tasks_get_tasks (a.tasks, &n);
  g_assert_cmpuint (n, ==, 7);
  s = find_stats (stats, n, "", NULL);
  g_assert_cmpuint (s->count, ==, 2);
  g_assert_cmpuint (s->n_incomplete, ==, 2);
  g_assert_cmpuint (s->n_latencies, ==, 0);
  s = find_stats (stats, n, "open-at-stop", NULL);
  g_assert_cmpuint (s->count, ==, 1);
  g_assert_cmpuint (s->n_incomplete, ==, 1);
  s = find_stats (stats, n, "handoff", NULL);
  g_assert_cmpuint (s->count, ==, 1);
  g_assert_cmpuint (s->n_incomplete, ==, 0);
  g_assert_cmpint (s->max, ==, 29440);
  g_assert_cmpint (s->min_bucket, ==, 22);
  g_assert_cmpint (s->max_bucket, ==, 22);
  g_assert_cmpuint (s->buckets[22], ==, 1);

  /* Regions: the one open at the stop runs to the trace end; the nameless
   * ones are inherited by goroutines created inside a region. */
  stats = golanes_tasks_get_regions (a.tasks, &n);
  g_assert_cmpuint (n, ==, 11);
  s = find_stats (stats, n, "open-at-stop", NULL);
  g_assert_cmpuint (s->count, ==, 1);
  g_assert_cmpuint (s->n_incomplete, ==, 1);
  g_assert_cmpstr (s->frame_func, ==, "main.main");
  g_assert_cmpuint (s->frame_line, ==, 102);
  s = find_stats (stats, n, "", "main.main.func2");
  g_assert_cmpuint (s->count, ==, 3);
  g_assert_cmpint (s->min_bucket, ==, 30);
  g_assert_cmpuint (s->buckets[30], ==, 3);
  s = find_stats (stats, n, "level1", "main.main.func2");
  g_assert_cmpint (s->min_bucket, ==, 27);
  g_assert_cmpint (s->max_bucket, ==, 30);
  g_assert_cmpuint (s->buckets[27], ==, 1);
  g_assert_cmpuint (s->buckets[30], ==, 2);

  /* Blocking profiles (the same as go tool trace -pprof=KIND). */
  g_assert_cmpuint (golanes_blocking_get_total_count (a.blocking[GOLANES_BLOCKING_SYNC]), ==, 5);
  g_assert_cmpint (golanes_blocking_get_total_delay (a.blocking[GOLANES_BLOCKING_SYNC]), ==, 6250304);
  g_assert_cmpuint (golanes_blocking_get_total_count (a.blocking[GOLANES_BLOCKING_NET]), ==, 0);
  g_assert_cmpuint (golanes_blocking_get_total_count (a.blocking[GOLANES_BLOCKING_SYSCALL]), ==, 2);
  g_assert_cmpint (golanes_blocking_get_total_delay (a.blocking[GOLANES_BLOCKING_SYSCALL]), ==, 69760);
  g_assert_cmpuint (golanes_blocking_get_total_count (a.blocking[GOLANES_BLOCKING_SCHED]), ==, 12);
  g_assert_cmpint (golanes_blocking_get_total_delay (a.blocking[GOLANES_BLOCKING_SCHED]), ==, 384384);
  {
    const GolanesBlockingGroup *groups = golanes_blocking_get_reasons (a.blocking[GOLANES_BLOCKING_SYNC], &n);
    guint64 count = 0;

    for (i = 0; i < n; i++)
      count += groups[i].count;
    g_assert_cmpuint (count, ==, 5);
    groups = golanes_blocking_get_groups (a.blocking[GOLANES_BLOCKING_SYNC], &n);
    count = 0;
    for (i = 0; i < n; i++)
      count += groups[i].count;
    g_assert_cmpuint (count, ==, 5);
  }

  ts = golanes_trace_summary_get (a.trace);
  g_assert_cmpuint (ts->go_minor, ==, 26);
  g_assert_cmpint (ts->duration, ==, 3694273);
  g_assert_cmpuint (ts->n_goroutines, ==, 15);

  analyses_clear (&a);
}

static void
test_pprof_gzip (void)
{
  Analyses a = { 0 };
  g_autoptr(GBytes) raw = NULL;
  g_autoptr(GBytes) gz = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *p;
  gsize len;

  analyses_run (&a, "go1.26/syncprims.trace");
  raw = golanes_pprof_encode_blocking (a.blocking[GOLANES_BLOCKING_SYNC]);
  gz = golanes_pprof_gzip (raw, &error);
  g_assert_no_error (error);
  p = g_bytes_get_data (gz, &len);
  g_assert_cmpuint (len, >, 20);
  g_assert_cmpuint (p[0], ==, 0x1f);
  g_assert_cmpuint (p[1], ==, 0x8b);
  /* The first field is a sample type (field 1, length-delimited). */
  p = g_bytes_get_data (raw, &len);
  g_assert_cmpuint (p[0], ==, (1 << 3) | 2);
  g_assert_cmpuint (golanes_blocking_get_total_count (a.blocking[GOLANES_BLOCKING_SYNC]), ==, 184);
  g_assert_cmpint (golanes_blocking_get_total_delay (a.blocking[GOLANES_BLOCKING_SYNC]), ==, 295966272);
  assert_sane (&a);
  analyses_clear (&a);
}

/* Agrees with golanes-cli gc on the same trace: 5 cycles, 11 pauses. */
static void
test_trace_summary (void)
{
  Analyses a = { 0 };
  const GolanesTraceSummaryInfo *ts;

  analyses_run (&a, "go1.26/gcheavy.trace");
  ts = golanes_trace_summary_get (a.trace);
  g_assert_cmpuint (ts->go_minor, ==, 26);
  g_assert_cmpint (ts->duration, ==, 53557313);
  g_assert_cmpuint (ts->n_generations, ==, 2);
  g_assert_cmpuint (ts->n_events, ==, 22945);
  g_assert_cmpuint (ts->n_goroutines, ==, 14);
  g_assert_cmpuint (ts->n_gc, ==, 5);
  g_assert_cmpuint (ts->n_stw, ==, 11);
  g_assert_cmpint (ts->stw_time, ==, 11922112);
  g_assert_cmpint (ts->max_stw, ==, 4959808);
  g_assert_cmpuint (ts->peak_heap, ==, 13827024);
  g_assert_cmpuint (ts->max_gomaxprocs, ==, 2);
  analyses_clear (&a);
}

static void
assert_groups_equal (const GolanesBlockingGroup *x,
                     guint                       nx,
                     const GolanesBlockingGroup *y,
                     guint                       ny)
{
  guint i;

  g_assert_cmpuint (nx, ==, ny);
  for (i = 0; i < nx; i++)
    {
      g_assert_cmpstr (x[i].name, ==, y[i].name);
      g_assert_cmpuint (x[i].count, ==, y[i].count);
      g_assert_cmpint (x[i].delay, ==, y[i].delay);
    }
}

/* The document feeds the four blocking profiles together, which shares
 * their work; that must give what feeding each alone gives. */
static void
assert_fed_together_same (Analyses   *a,
                          const char *relpath)
{
  g_autofree char *path = g_build_filename (fixtures_dir, relpath, NULL);
  g_autoptr(GError) error = NULL;
  GolanesStackTable *stacks = golanes_stack_table_new ();
  GolanesBlocking *b[4];
  GolanesTraceReader *reader;
  GolanesEvent ev;
  guint k, i, nx, ny;

  for (k = 0; k < G_N_ELEMENTS (b); k++)
    b[k] = golanes_blocking_new ((GolanesBlockingKind) k, stacks);
  reader = golanes_trace_reader_new_for_path (path, &error);
  g_assert_no_error (error);
  while (golanes_trace_reader_next (reader, &ev, &error))
    golanes_blocking_feed_many (b, G_N_ELEMENTS (b), reader, &ev);
  golanes_trace_reader_free (reader);
  for (k = 0; k < G_N_ELEMENTS (b); k++)
    {
      const GolanesBlockingRecord *x, *y;
      const GolanesBlockingGroup *gx, *gy;

      golanes_blocking_finish (b[k]);
      x = golanes_blocking_get_records (a->blocking[k], &nx);
      y = golanes_blocking_get_records (b[k], &ny);
      g_assert_cmpuint (nx, ==, ny);
      for (i = 0; i < nx; i++)
        {
          guint fx = 0, fy = 0, j;
          const GolanesFrame *sx = golanes_stack_table_get_frames (a->stacks, x[i].stack, &fx);
          const GolanesFrame *sy = golanes_stack_table_get_frames (stacks, y[i].stack, &fy);

          g_assert_cmpuint (x[i].count, ==, y[i].count);
          g_assert_cmpint (x[i].delay, ==, y[i].delay);
          g_assert_cmpuint (fx, ==, fy);
          for (j = 0; j < fx; j++)
            g_assert_cmpuint (sx[j].pc, ==, sy[j].pc);
        }
      gx = golanes_blocking_get_reasons (a->blocking[k], &nx);
      gy = golanes_blocking_get_reasons (b[k], &ny);
      assert_groups_equal (gx, nx, gy, ny);
      gx = golanes_blocking_get_groups (a->blocking[k], &nx);
      gy = golanes_blocking_get_groups (b[k], &ny);
      assert_groups_equal (gx, nx, gy, ny);
      g_assert_cmpuint (golanes_blocking_get_total_count (a->blocking[k]), ==,
                        golanes_blocking_get_total_count (b[k]));
      g_assert_cmpint (golanes_blocking_get_total_delay (a->blocking[k]), ==,
                       golanes_blocking_get_total_delay (b[k]));
      golanes_blocking_free (b[k]);
    }
  golanes_stack_table_free (stacks);
}

/* A stack of @n function names, leaf first, interned in @table (each
 * frame's PC is its position, so stacks with the same names at other
 * depths differ). */
static guint32
make_stack (GolanesStackTable  *table,
            const char * const *names,
            guint               n,
            guint64             pc_base)
{
  GolanesStackFrame frames[16];

  g_assert_cmpuint (n, <=, G_N_ELEMENTS (frames));
  for (guint i = 0; i < n; i++)
    {
      frames[i].pc = pc_base + i;
      frames[i].func.data = names[i];
      frames[i].func.len = strlen (names[i]);
      frames[i].file.data = "main.go";
      frames[i].file.len = 7;
      frames[i].line = 10 + i;
    }
  return golanes_stack_table_intern_frames (table, frames, n);
}

/* The call tree of a few known stacks: node totals and selves, children
 * heaviest first, functions with recursion counted once per stack, the
 * share a search finds, folded lines. */
/* The child of @parent named @name, which must exist. */
static guint
child_of (GolanesCallTree *tree,
          guint            parent,
          const char      *name)
{
  guint c = golanes_call_tree_find_child (tree, parent, name);

  g_assert_cmpuint (c, !=, GOLANES_CALL_NODE_NONE);
  return c;
}

static void
test_call_tree (void)
{
  static const char * const a[] = { "main.hot", "main.warm", "main.main" };
  static const char * const b[] = { "main.cold", "main.warm", "main.main" };
  static const char * const c[] = { "main.warm", "main.main" };
  static const char * const r[] = { "main.rec", "main.rec", "main.rec", "main.main" };
  g_autoptr(GolanesStackTable) table = golanes_stack_table_new ();
  g_autoptr(GolanesCallTree) tree = golanes_call_tree_new (table);
  g_autoptr(GString) folded = g_string_new (NULL);
  g_autoptr(GString) weighted = g_string_new (NULL);
  guint32 sa = make_stack (table, a, 3, 0x100), sa2 = make_stack (table, a, 3, 0x200);
  guint32 sb = make_stack (table, b, 3, 0x300), sc = make_stack (table, c, 2, 0x400);
  guint32 sr = make_stack (table, r, 4, 0x500);
  const GolanesCallFunction *fns;
  guint n_fns = 0, root_main, warm, hot, cold, rec;

  /* Weights differ from counts, as delays do. */
  golanes_call_tree_add (tree, sa, 5, 50);
  golanes_call_tree_add (tree, sa2, 2, 20);   /* same names, other PCs */
  golanes_call_tree_add (tree, sb, 1, 30);
  golanes_call_tree_add (tree, sc, 3, 3);
  golanes_call_tree_add (tree, sr, 4, 40);
  golanes_call_tree_add (tree, sa, 1, 10);
  golanes_call_tree_finish (tree);

  g_assert_cmpint (golanes_call_tree_get_total (tree), ==, 153);
  g_assert_cmpint (golanes_call_tree_get_count (tree), ==, 16);
  g_assert_cmpuint (golanes_call_tree_get_n_stacks (tree), ==, 5);
  /* root, main, warm, hot, cold, rec x3 */
  g_assert_cmpuint (golanes_call_tree_get_n_nodes (tree), ==, 8);

  root_main = child_of (tree, 0, "main.main");
  g_assert_cmpint (golanes_call_tree_get_node (tree, root_main)->total, ==, 153);
  warm = child_of (tree, root_main, "main.warm");
  rec = child_of (tree, root_main, "main.rec");
  g_assert_cmpint (golanes_call_tree_get_node (tree, warm)->total, ==, 113);
  g_assert_cmpint (golanes_call_tree_get_node (tree, warm)->self, ==, 3);
  /* Heaviest child first. */
  g_assert_cmpuint (golanes_call_tree_get_node (tree, root_main)->first_child, ==, warm);
  g_assert_cmpuint (golanes_call_tree_get_node (tree, warm)->next_sibling, ==, rec);
  hot = child_of (tree, warm, "main.hot");
  cold = child_of (tree, warm, "main.cold");
  g_assert_cmpint (golanes_call_tree_get_node (tree, hot)->total, ==, 80);
  g_assert_cmpint (golanes_call_tree_get_node (tree, hot)->self, ==, 80);
  g_assert_cmpint (golanes_call_tree_get_node (tree, cold)->self, ==, 30);
  g_assert_cmpuint (golanes_call_tree_get_node (tree, hot)->depth, ==, 3);
  g_assert_cmpuint (golanes_call_tree_get_node (tree, hot)->parent, ==, warm);

  fns = golanes_call_tree_get_functions (tree, &n_fns);
  g_assert_cmpuint (n_fns, ==, 5);
  g_assert_cmpstr (golanes_stack_table_get_string (table, fns[0].func, NULL), ==, "main.hot");
  g_assert_cmpint (fns[0].self, ==, 80);
  g_assert_cmpstr (golanes_stack_table_get_string (table, fns[1].func, NULL), ==, "main.rec");
  g_assert_cmpint (fns[1].self, ==, 40);
  g_assert_cmpint (fns[1].total, ==, 40);   /* three frames, one stack */
  g_assert_cmpstr (golanes_stack_table_get_string (table, fns[4].func, NULL), ==, "main.main");
  g_assert_cmpint (fns[4].self, ==, 0);
  g_assert_cmpint (fns[4].total, ==, 153);

  /* "main.rec" matches at the first of its three nodes only. */
  g_assert_cmpint (golanes_call_tree_match_total (tree, 0, "rec"), ==, 40);
  g_assert_cmpint (golanes_call_tree_match_total (tree, 0, "main."), ==, 153);
  g_assert_cmpint (golanes_call_tree_match_total (tree, warm, "o"), ==, 110);
  g_assert_cmpint (golanes_call_tree_match_total (tree, 0, "nothing"), ==, 0);
  g_assert_cmpint (golanes_call_tree_match_total (tree, 0, ""), ==, 0);

  golanes_call_tree_write_folded (tree, FALSE, folded);
  g_assert_cmpstr (folded->str, ==,
                   "main.main;main.rec;main.rec;main.rec 4\n"
                   "main.main;main.warm 3\n"
                   "main.main;main.warm;main.cold 1\n"
                   "main.main;main.warm;main.hot 8\n");
  golanes_call_tree_write_folded (tree, TRUE, weighted);
  g_assert_cmpstr (weighted->str, ==,
                   "main.main;main.rec;main.rec;main.rec 40\n"
                   "main.main;main.warm 3\n"
                   "main.main;main.warm;main.cold 30\n"
                   "main.main;main.warm;main.hot 80\n");
}

/* A blocking profile's flame graph sums to the profile's totals. */
static void
assert_blocking_trees (Analyses *a)
{
  for (guint k = 0; k < G_N_ELEMENTS (a->blocking); k++)
    {
      g_autoptr(GolanesCallTree) tree = golanes_call_tree_new_blocking (a->blocking[k]);
      guint n_fns = 0;
      const GolanesCallFunction *fns = golanes_call_tree_get_functions (tree, &n_fns);
      gint64 self = 0;

      g_assert_cmpint (golanes_call_tree_get_total (tree), ==, golanes_blocking_get_total_delay (a->blocking[k]));
      g_assert_cmpint (golanes_call_tree_get_count (tree), ==,
                       (gint64) golanes_blocking_get_total_count (a->blocking[k]));
      for (guint i = 0; i < n_fns; i++)
        self += fns[i].self;
      self += golanes_call_tree_get_node (tree, 0)->self;
      g_assert_cmpint (self, ==, golanes_call_tree_get_total (tree));
    }
}

/* The goroutine summary of @relpath, its records' times on a tick of
 * 2^@tick ns (the trace's own for -1). */
static GolanesGoroutineSummary *
summary_with_tick (const char *relpath,
                   gint        tick)
{
  g_autofree char *path = g_build_filename (fixtures_dir, relpath, NULL);
  g_autoptr(GError) error = NULL;
  GolanesGoroutineSummary *summary = golanes_goroutine_summary_new (NULL);
  GolanesTraceReader *reader = golanes_trace_reader_new_for_path (path, &error);
  GolanesEvent ev;

  g_assert_no_error (error);
  if (tick >= 0)
    _golanes_goroutine_summary_set_time_tick (summary, (guint) tick);
  while (golanes_trace_reader_next (reader, &ev, NULL))
    golanes_goroutine_summary_feed (summary, reader, &ev);
  golanes_trace_reader_free (reader);
  golanes_goroutine_summary_finish (summary);
  return summary;
}

static void
assert_named_times_equal (const GolanesNamedTime *a,
                          guint                   n_a,
                          const GolanesNamedTime *b,
                          guint                   n_b)
{
  g_assert_cmpuint (n_a, ==, n_b);
  for (guint k = 0; k < n_a; k++)
    {
      g_assert_cmpstr (a[k].name, ==, b[k].name);
      g_assert_cmpint (a[k].time, ==, b[k].time);
    }
}

/* The goroutine summary keeps its records' times on the trace's tick (64
 * ns on amd64) and writes a time off it in a longer form: on a tick of
 * 512 ns (most times off it) and on none, every goroutine reads back the
 * same. */
static void
test_summary_ticks (void)
{
  static const char * const traces[] = { "go1.26/servicemini.trace", "go1.26/manyg.trace",
                                         "go1.22/syscalls.trace" };

  for (guint t = 0; t < G_N_ELEMENTS (traces); t++)
    {
      GolanesGoroutineSummary *want = summary_with_tick (traces[t], -1);
      guint n = golanes_goroutine_summary_get_n_goroutines (want);
      gint ticks[] = { 9, 0 };

      g_assert_cmpuint (n, >, 10);
      for (guint k = 0; k < G_N_ELEMENTS (ticks); k++)
        {
          GolanesGoroutineSummary *got = summary_with_tick (traces[t], ticks[k]);

          g_test_message ("%s on a tick of 2^%d: %zu bytes, %zu on its own", traces[t], ticks[k],
                          golanes_goroutine_summary_get_memory_size (got), golanes_goroutine_summary_get_memory_size (want));

          g_assert_cmpuint (golanes_goroutine_summary_get_n_goroutines (got), ==, n);
          g_assert_cmpint (golanes_goroutine_summary_get_total_exec_time (got), ==,
                           golanes_goroutine_summary_get_total_exec_time (want));
          for (guint i = 0; i < n; i++)
            {
              GolanesGoroutineInfo *a = golanes_goroutine_summary_dup_goroutine (want, i);
              GolanesGoroutineInfo *b = golanes_goroutine_summary_dup_goroutine (got, i);

              g_assert_cmpint (a->id, ==, b->id);
              g_assert_cmpstr (a->name, ==, b->name);
              g_assert_cmpuint (a->pc, ==, b->pc);
              g_assert_cmpint (a->creation_time, ==, b->creation_time);
              g_assert_cmpint (a->start_time, ==, b->start_time);
              g_assert_cmpint (a->end_time, ==, b->end_time);
              g_assert_cmpint (a->total_time, ==, b->total_time);
              g_assert_cmpint (a->exec_time, ==, b->exec_time);
              g_assert_cmpint (a->sched_wait_time, ==, b->sched_wait_time);
              g_assert_cmpint (a->syscall_time, ==, b->syscall_time);
              g_assert_cmpint (a->syscall_block_time, ==, b->syscall_block_time);
              g_assert_cmpint (a->unknown_time, ==, b->unknown_time);
              assert_named_times_equal (a->block_times, a->n_block_times, b->block_times, b->n_block_times);
              assert_named_times_equal (a->range_times, a->n_range_times, b->range_times, b->n_range_times);
              golanes_goroutine_info_free (a);
              golanes_goroutine_info_free (b);
            }
          /* The trace's own tick makes the smallest records. */
          g_assert_cmpuint (golanes_goroutine_summary_get_memory_size (want), <,
                            golanes_goroutine_summary_get_memory_size (got));
          golanes_goroutine_summary_free (got);
        }
      golanes_goroutine_summary_free (want);
    }
}

/* The finish puts servicemini's 104,035 goroutines (closed out of id
 * order) in id order through a window of records and a merge of those
 * too late for it, or through a table of them all when too many are:
 * the same order and groups with a window of 1 id (too small), 1,024
 * and the default. */
static void
test_summary_order (void)
{
  static const guint windows[] = { 1, 1024, 0 };
  g_autofree char *path = g_build_filename (fixtures_dir, "go1.26/servicemini.trace", NULL);
  GolanesGoroutineSummary *s[G_N_ELEMENTS (windows)];
  const GolanesGoroutineGroup *groups;
  guint n, n_groups, k, i, g;

  for (k = 0; k < G_N_ELEMENTS (windows); k++)
    {
      g_autoptr(GError) error = NULL;
      GolanesTraceReader *reader = golanes_trace_reader_new_for_path (path, &error);
      GolanesEvent ev;

      g_assert_no_error (error);
      s[k] = golanes_goroutine_summary_new (NULL);
      if (windows[k] > 0)
        _golanes_goroutine_summary_set_order_window (s[k], windows[k]);
      while (golanes_trace_reader_next (reader, &ev, NULL))
        golanes_goroutine_summary_feed (s[k], reader, &ev);
      golanes_trace_reader_free (reader);
      golanes_goroutine_summary_finish (s[k]);
    }
  n = golanes_goroutine_summary_get_n_goroutines (s[0]);
  g_assert_cmpuint (n, >, 100000);
  for (k = 1; k < G_N_ELEMENTS (windows); k++)
    g_assert_cmpuint (golanes_goroutine_summary_get_n_goroutines (s[k]), ==, n);
  for (i = 0; i < n; i++)
    {
      gint64 id = golanes_goroutine_summary_get_goroutine_id (s[0], i);

      if (i > 0)
        g_assert_cmpint (golanes_goroutine_summary_get_goroutine_id (s[0], i - 1), <, id);
      for (k = 1; k < G_N_ELEMENTS (windows); k++)
        g_assert_cmpint (golanes_goroutine_summary_get_goroutine_id (s[k], i), ==, id);
    }
  groups = golanes_goroutine_summary_get_groups (s[0], &n_groups);
  g_assert_cmpuint (n_groups, >, 3);
  for (g = 0; g < n_groups; g++)
    {
      g_autoptr(GArray) want = golanes_goroutine_summary_dup_group_members (s[0], groups[g].name);

      g_assert_cmpuint (want->len, ==, groups[g].count);
      for (k = 1; k < G_N_ELEMENTS (windows); k++)
        {
          g_autoptr(GArray) got = golanes_goroutine_summary_dup_group_members (s[k], groups[g].name);

          g_assert_cmpmem (got->data, got->len * sizeof (guint32), want->data, want->len * sizeof (guint32));
        }
    }
  /* A window of 1 id leaves more than one goroutine in 16 late (the
   * table then); one of 1,024 some hundreds, the default some long-lived
   * ones, and they are merged in. */
  g_test_message ("late for a window of 1: %u, 1024: %u, 65536: %u", _golanes_goroutine_summary_get_n_late (s[0]),
                  _golanes_goroutine_summary_get_n_late (s[1]), _golanes_goroutine_summary_get_n_late (s[2]));
  g_assert_cmpuint (_golanes_goroutine_summary_get_n_late (s[0]), ==, G_MAXUINT);
  g_assert_cmpuint (_golanes_goroutine_summary_get_n_late (s[1]), >, 100);
  g_assert_cmpuint (_golanes_goroutine_summary_get_n_late (s[1]), <, n / 16);
  g_assert_cmpuint (_golanes_goroutine_summary_get_n_late (s[2]), >, 0);
  g_assert_cmpuint (_golanes_goroutine_summary_get_n_late (s[2]), <, 100);
  for (k = 0; k < G_N_ELEMENTS (windows); k++)
    golanes_goroutine_summary_free (s[k]);
}

/* Every fixture, including truncated ones: sane figures, no crash. */
static void
test_all_fixtures_sane (void)
{
  static const char * const versions[] = { "go1.22", "go1.23", "go1.26" };
  guint v;

  for (v = 0; v < G_N_ELEMENTS (versions); v++)
    {
      g_autofree char *dir_path = g_build_filename (fixtures_dir, versions[v], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      if (dir == NULL)
        continue;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *rel = NULL;
          Analyses a = { 0 };

          if (!g_str_has_suffix (name, ".trace"))
            continue;
          rel = g_build_filename (versions[v], name, NULL);
          g_test_message ("%s", rel);
          analyses_run (&a, rel);
          assert_sane (&a);
          assert_fed_together_same (&a, rel);
          assert_blocking_trees (&a);
          analyses_clear (&a);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (argc != 2)
    {
      g_printerr ("usage: test-analysis [--tap] FIXTURES_DIR\n");
      return 2;
    }
  fixtures_dir = argv[1];

  g_test_add_func ("/analysis/duration-format", test_duration_format);
  g_test_add_func ("/analysis/histogram-buckets", test_histogram_buckets);
  g_test_add_func ("/analysis/annotations", test_annotations);
  g_test_add_func ("/analysis/pprof-gzip", test_pprof_gzip);
  g_test_add_func ("/analysis/trace-summary", test_trace_summary);
  g_test_add_func ("/analysis/call-tree", test_call_tree);
  g_test_add_func ("/analysis/all-fixtures-sane", test_all_fixtures_sane);
  g_test_add_func ("/analysis/summary-ticks", test_summary_ticks);
  g_test_add_func ("/analysis/summary-order", test_summary_order);
  return g_test_run ();
}
