/* golanes-tasks.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "golanes-tasks.h"
#include "golanes-sort-private.h"

struct _GolanesTasks
{
  GolanesGoroutineSummary *summary;
  gboolean                 own_summary;
  gboolean                 finished;
  GArray                  *tasks;     /* GolanesLatencyStats */
  GArray                  *regions;   /* GolanesLatencyStats */
  GPtrArray               *owned;     /* GArray of guint buckets */
};

/* Accumulates one group before its figures are computed. */
typedef struct
{
  GolanesLatencyStats stats;
  GArray             *latencies;  /* gint64 */
  GArray             *buckets;    /* guint */
} Acc;

static double
log_div (void)
{
  return log (pow (10, 1.0 / 5));
}

int
golanes_histogram_bucket (gint64 duration)
{
  if (duration <= 0)
    return 0;
  return (int) (log ((double) duration) / log_div ());
}

gint64
golanes_histogram_bucket_min (int bucket)
{
  return (gint64) exp ((double) bucket * log_div ());
}

GolanesTasks *
golanes_tasks_new (GolanesGoroutineSummary *summary)
{
  GolanesTasks *self = g_new0 (GolanesTasks, 1);

  self->own_summary = summary == NULL;
  self->summary = summary != NULL ? summary : golanes_goroutine_summary_new (NULL);
  self->tasks = g_array_new (FALSE, FALSE, sizeof (GolanesLatencyStats));
  self->regions = g_array_new (FALSE, FALSE, sizeof (GolanesLatencyStats));
  self->owned = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  return self;
}

void
golanes_tasks_free (GolanesTasks *self)
{
  if (self == NULL)
    return;
  if (self->own_summary)
    golanes_goroutine_summary_free (self->summary);
  g_array_unref (self->tasks);
  g_array_unref (self->regions);
  g_ptr_array_unref (self->owned);
  g_free (self);
}

void
golanes_tasks_feed (GolanesTasks       *self,
                    GolanesTraceReader *reader,
                    const GolanesEvent *event)
{
  if (self->own_summary)
    golanes_goroutine_summary_feed (self->summary, reader, event);
}

GolanesGoroutineSummary *
golanes_tasks_get_summary (GolanesTasks *self)
{
  return self->summary;
}

static Acc *
acc_new (const char *name)
{
  Acc *acc = g_new0 (Acc, 1);

  acc->stats.name = name;
  acc->latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
  acc->buckets = g_array_new (FALSE, TRUE, sizeof (guint));
  return acc;
}

static void
acc_add (Acc    *acc,
         gint64  d)
{
  int bucket = golanes_histogram_bucket (d);

  g_array_append_val (acc->latencies, d);
  acc->stats.total += d;
  if ((int) acc->buckets->len <= bucket)
    g_array_set_size (acc->buckets, bucket + 1);
  g_array_index (acc->buckets, guint, bucket)++;
  /* Go's rule, kept: while the top bucket is 0 any new bucket becomes the
   * lowest shown, even above buckets already used. */
  if (bucket < acc->stats.min_bucket || acc->stats.max_bucket == 0)
    acc->stats.min_bucket = bucket;
  if (bucket > acc->stats.max_bucket)
    acc->stats.max_bucket = bucket;
}

static gint64
nearest_rank (GArray *sorted,
              double  q)
{
  gsize rank = (gsize) ceil (q * sorted->len);

  if (rank < 1)
    rank = 1;
  return g_array_index (sorted, gint64, MIN (rank, sorted->len) - 1);
}

static void
acc_finish (GolanesTasks *self,
            Acc          *acc,
            GArray       *out)
{
  GArray *l = acc->latencies;

  g_array_sort (l, golanes_compare_int64);
  acc->stats.n_latencies = l->len;
  if (l->len > 0)
    {
      acc->stats.p50 = nearest_rank (l, 0.50);
      acc->stats.p90 = nearest_rank (l, 0.90);
      acc->stats.p99 = nearest_rank (l, 0.99);
      acc->stats.max = g_array_index (l, gint64, l->len - 1);
    }
  if ((int) acc->buckets->len < acc->stats.max_bucket + 1)
    g_array_set_size (acc->buckets, acc->stats.max_bucket + 1);
  acc->stats.buckets = (const guint *) (gpointer) acc->buckets->data;
  g_ptr_array_add (self->owned, acc->buckets);
  g_array_append_val (out, acc->stats);
  g_array_unref (l);
  g_free (acc);
}

static int
compare_tasks (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const GolanesLatencyStats *) a)->name, ((const GolanesLatencyStats *) b)->name);
}

static int
compare_regions (gconstpointer a,
                 gconstpointer b)
{
  const GolanesLatencyStats *x = a, *y = b;
  int c = strcmp (x->name, y->name);

  if (c != 0)
    return c;
  return x->frame_pc < y->frame_pc ? -1 : x->frame_pc > y->frame_pc;
}

void
golanes_tasks_finish (GolanesTasks *self)
{
  GHashTable *groups;
  GHashTableIter iter;
  gpointer value;
  const GolanesUserTask *tasks;
  gint64 trace_start, trace_end;
  guint n = 0, i;

  g_return_if_fail (!self->finished);
  self->finished = TRUE;
  if (self->own_summary)
    golanes_goroutine_summary_finish (self->summary);
  trace_start = golanes_goroutine_summary_get_start_time (self->summary);
  trace_end = golanes_goroutine_summary_get_end_time (self->summary);

  groups = g_hash_table_new (g_str_hash, g_str_equal);
  tasks = golanes_goroutine_summary_get_tasks (self->summary, &n);
  for (i = 0; i < n; i++)
    {
      Acc *acc = g_hash_table_lookup (groups, tasks[i].name);

      if (acc == NULL)
        {
          acc = acc_new (tasks[i].name);
          g_hash_table_insert (groups, (gpointer) tasks[i].name, acc);
        }
      acc->stats.count++;
      if (tasks[i].has_start && tasks[i].has_end)
        acc_add (acc, tasks[i].end_time - tasks[i].start_time);
      else
        acc->stats.n_incomplete++;
    }
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    acc_finish (self, value, self->tasks);
  g_hash_table_unref (groups);
  g_array_sort (self->tasks, compare_tasks);

  /* Regions: by type, that is by name and fingerprint frame. */
  {
    const GolanesRegionType *types = golanes_goroutine_summary_get_region_types (self->summary, &n);
    g_autofree Acc **accs = g_new0 (Acc *, MAX (n, 1));
    GolanesRegionIter it;
    GolanesUserRegion r;

    golanes_goroutine_summary_region_iter_init (self->summary, &it);
    while (golanes_region_iter_next (&it, &r))
      {
        Acc *acc = accs[r.type];
        gint64 start = r.has_start ? r.start_time : trace_start;
        gint64 end = r.has_end ? r.end_time : trace_end;

        if (acc == NULL)
          {
            const GolanesRegionType *t = &types[r.type];

            acc = accs[r.type] = acc_new (t->name);
            acc->stats.frame_func = t->frame_func;
            acc->stats.frame_file = t->frame_file;
            acc->stats.frame_pc = t->frame_pc;
            acc->stats.frame_line = t->frame_line;
          }
        acc->stats.count++;
        if (!r.has_start || !r.has_end)
          acc->stats.n_incomplete++;
        acc_add (acc, end - start);
      }
    for (i = 0; i < n; i++)
      if (accs[i] != NULL)
        acc_finish (self, accs[i], self->regions);
  }
  g_array_sort (self->regions, compare_regions);
}

const GolanesLatencyStats *
golanes_tasks_get_tasks (GolanesTasks *self,
                         guint        *n)
{
  g_return_val_if_fail (self->finished, NULL);
  *n = self->tasks->len;
  return (const GolanesLatencyStats *) (gpointer) self->tasks->data;
}

const GolanesLatencyStats *
golanes_tasks_get_regions (GolanesTasks *self,
                           guint        *n)
{
  g_return_val_if_fail (self->finished, NULL);
  *n = self->regions->len;
  return (const GolanesLatencyStats *) (gpointer) self->regions->data;
}
