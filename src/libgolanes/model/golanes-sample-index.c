/* golanes-sample-index.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "golanes-id-map-private.h"
#include "golanes-sample-index.h"

/* One grouping of the samples: the key of each group maps to its offset
 * (high 32 bits) and count (low) in @order. */
typedef struct
{
  GolanesIdMap groups;
  guint32     *order;
} Grouping;

struct _GolanesSampleIndex
{
  guint    n_indexed;
  Grouping by_goroutine;
  Grouping by_proc;
};

static void
grouping_clear (Grouping *g)
{
  golanes_id_map_clear (&g->groups);
  g_clear_pointer (&g->order, g_free);
}

/* A counting sort of the samples by @key_of, stable, so each group stays
 * in time order. */
static void
grouping_build (Grouping        *g,
                GolanesTimeline *timeline,
                guint            n,
                gboolean         by_proc)
{
  grouping_clear (g);
  golanes_id_map_init (&g->groups);
  g->order = g_new (guint32, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const GolanesTimelineSample *s = golanes_timeline_get_sample (timeline, i);
      guint64 key = (guint64) (by_proc ? s->proc : s->goroutine);
      guint64 *slot = golanes_id_map_find (&g->groups, key);

      if (slot == NULL)
        golanes_id_map_insert (&g->groups, key, 1);
      else
        (*slot)++;
    }
  {
    guint64 offset = 0;

    /* Counts to offsets (counts kept in the low bits, filled back below). */
    for (guint i = 0; g->groups.count > 0 && i <= g->groups.mask; i++)
      if (g->groups.used[i])
        {
          guint64 count = g->groups.values[i];

          g->groups.values[i] = offset << 32;
          offset += count;
        }
  }
  for (guint i = 0; i < n; i++)
    {
      const GolanesTimelineSample *s = golanes_timeline_get_sample (timeline, i);
      guint64 *slot = golanes_id_map_find (&g->groups, (guint64) (by_proc ? s->proc : s->goroutine));

      g->order[(*slot >> 32) + (*slot & G_MAXUINT32)] = i;
      (*slot)++;
    }
}

static const guint32 *
grouping_get (Grouping *g,
              gint64    key,
              guint    *n)
{
  guint64 v = 0;

  if (g->order == NULL || !golanes_id_map_lookup (&g->groups, (guint64) key, &v))
    {
      *n = 0;
      return NULL;
    }
  *n = (guint) (v & G_MAXUINT32);
  return g->order + (v >> 32);
}

GolanesSampleIndex *
golanes_sample_index_new (void)
{
  GolanesSampleIndex *self = g_new0 (GolanesSampleIndex, 1);

  golanes_id_map_init (&self->by_goroutine.groups);
  golanes_id_map_init (&self->by_proc.groups);
  return self;
}

void
golanes_sample_index_free (GolanesSampleIndex *self)
{
  if (self == NULL)
    return;
  grouping_clear (&self->by_goroutine);
  grouping_clear (&self->by_proc);
  g_free (self);
}

void
golanes_sample_index_update (GolanesSampleIndex *self,
                             GolanesTimeline    *timeline)
{
  guint n = golanes_timeline_get_n_samples (timeline);

  if (n == self->n_indexed && self->by_goroutine.order != NULL)
    return;
  grouping_build (&self->by_goroutine, timeline, n, FALSE);
  grouping_build (&self->by_proc, timeline, n, TRUE);
  self->n_indexed = n;
}

const guint32 *
golanes_sample_index_get_goroutine (GolanesSampleIndex *self,
                                    gint64              goid,
                                    guint              *n_samples)
{
  return grouping_get (&self->by_goroutine, goid, n_samples);
}

const guint32 *
golanes_sample_index_get_proc (GolanesSampleIndex *self,
                               gint64              proc,
                               guint              *n_samples)
{
  return grouping_get (&self->by_proc, proc, n_samples);
}

guint
golanes_sample_index_lower_bound (GolanesTimeline *timeline,
                                  const guint32   *samples,
                                  guint            n,
                                  gint64           time)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (golanes_timeline_get_sample (timeline, samples[mid])->time < time)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}
