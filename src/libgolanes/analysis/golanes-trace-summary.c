/* golanes-trace-summary.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "golanes-trace-summary.h"

/* Goroutine ids are handed out densely from 1: a bit each below this,
 * while that costs at most DENSE_BITS_PER_ID bits per goroutine seen (or
 * 2^20 bits in all); ids come from the file, and one goroutine numbered
 * 2^32 - 2 must not cost 512 MiB. */
#define DENSE_IDS (G_GINT64_CONSTANT (1) << 32)
#define DENSE_BITS_PER_ID 512

struct _GolanesTraceSummary
{
  GolanesTraceSummaryInfo info;
  guint64                *seen_bits;    /* goroutine ids below 64 x seen_words seen, one bit each */
  gsize                   seen_words;
  GHashTable             *goroutines;   /* set of the other gint64 ids */
  guint64                 n_seen;
  GHashTable             *open_stw;     /* goroutine -> start time */
  gint64                  first_sync;
  gboolean                have_event;
  gboolean                finished;
};

GolanesTraceSummary *
golanes_trace_summary_new (void)
{
  GolanesTraceSummary *self = g_new0 (GolanesTraceSummary, 1);

  self->goroutines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->open_stw = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  return self;
}

void
golanes_trace_summary_free (GolanesTraceSummary *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->goroutines);
  g_hash_table_unref (self->open_stw);
  g_free (self->seen_bits);
  g_free (self);
}

static gint64 *
dup64 (gint64 v)
{
  return g_memdup2 (&v, sizeof v);
}

/* Makes the bits cover @id if that is cheap enough; the ids of the set
 * they now cover move to them.  They grow at least twofold, so that
 * happens a few times in all. */
static gboolean
grow_bits (GolanesTraceSummary *self,
           gint64               id)
{
  gint64 limit = MAX ((gint64) 1 << 20, DENSE_BITS_PER_ID * ((gint64) self->n_seen + 1));
  gsize w = (gsize) id / 64, n;

  if (id < 0 || id >= DENSE_IDS || id >= limit)
    return FALSE;
  n = MAX (MAX (self->seen_words * 2, 1024), w + 1);
  self->seen_bits = g_renew (guint64, self->seen_bits, n);
  memset (self->seen_bits + self->seen_words, 0, (n - self->seen_words) * sizeof (guint64));
  self->seen_words = n;
  if (g_hash_table_size (self->goroutines) > 0)
    {
      GHashTableIter it;
      gpointer key;

      g_hash_table_iter_init (&it, self->goroutines);
      while (g_hash_table_iter_next (&it, &key, NULL))
        {
          gint64 other = *(gint64 *) key;

          if (other >= 0 && (gsize) other / 64 < n)
            {
              self->seen_bits[other / 64] |= G_GUINT64_CONSTANT (1) << (other % 64);
              g_hash_table_iter_remove (&it);
            }
        }
    }
  return TRUE;
}

static void
note_goroutine (GolanesTraceSummary *self,
                gint64               id)
{
  if (id >= 0 && ((gsize) id / 64 < self->seen_words || grow_bits (self, id)))
    {
      gsize w = (gsize) id / 64;

      if ((self->seen_bits[w] >> (id % 64) & 1) == 0)
        {
          self->seen_bits[w] |= G_GUINT64_CONSTANT (1) << (id % 64);
          self->n_seen++;
        }
    }
  else if (!g_hash_table_contains (self->goroutines, &id))
    {
      g_hash_table_add (self->goroutines, dup64 (id));
      self->n_seen++;
    }
}

static void
stw_closed (GolanesTraceSummary *self,
            gint64               d)
{
  if (d < 0)
    d = 0;
  self->info.n_stw++;
  self->info.stw_time += d;
  self->info.max_stw = MAX (self->info.max_stw, d);
}

void
golanes_trace_summary_feed (GolanesTraceSummary *self,
                            GolanesTraceReader  *reader,
                            const GolanesEvent  *event)
{
  GolanesTraceSummaryInfo *info = &self->info;

  g_return_if_fail (!self->finished);

  if (!self->have_event)
    {
      self->have_event = TRUE;
      info->start_time = event->time;
      info->go_minor = golanes_trace_reader_get_go_minor (reader);
    }
  info->end_time = event->time;
  info->n_events++;

  switch (event->kind)
    {
    case GOLANES_EVENT_SYNC:
      if (info->n_generations == 0)
        self->first_sync = event->time;
      info->n_generations++;
      break;
    case GOLANES_EVENT_STATE_TRANSITION:
      {
        GolanesStateTransition st;

        if (golanes_event_get_state_transition (reader, event, &st) &&
            st.resource.kind == GOLANES_RESOURCE_GOROUTINE)
          note_goroutine (self, st.resource.id);
      }
      break;
    case GOLANES_EVENT_METRIC:
      {
        const char *name;
        guint64 value;

        if (!golanes_event_get_metric (event, &name, &value))
          break;
        if (strcmp (name, "/memory/classes/heap/objects:bytes") == 0)
          info->peak_heap = MAX (info->peak_heap, value);
        else if (strcmp (name, "/sched/gomaxprocs:threads") == 0)
          info->max_gomaxprocs = MAX (info->max_gomaxprocs, value);
      }
      break;
    case GOLANES_EVENT_RANGE_BEGIN:
    case GOLANES_EVENT_RANGE_ACTIVE:
    case GOLANES_EVENT_RANGE_END:
      {
        GolanesRange r;

        if (!golanes_event_get_range (reader, event, &r))
          break;
        if (r.type == GOLANES_RANGE_GC_MARK && event->kind != GOLANES_EVENT_RANGE_END)
          {
            /* A mark phase already running is announced again after each
             * Sync; count it only at the start of the trace. */
            if (event->kind == GOLANES_EVENT_RANGE_BEGIN || info->n_generations <= 1)
              info->n_gc++;
          }
        else if (r.type == GOLANES_RANGE_STW)
          {
            gint64 key = r.scope.id;
            gint64 *start = g_hash_table_lookup (self->open_stw, &key);

            if (event->kind == GOLANES_EVENT_RANGE_END)
              {
                if (start != NULL)
                  {
                    stw_closed (self, event->time - *start);
                    g_hash_table_remove (self->open_stw, &key);
                  }
              }
            else if (start == NULL)
              g_hash_table_insert (self->open_stw, dup64 (key),
                                   dup64 (event->kind == GOLANES_EVENT_RANGE_BEGIN ?
                                          event->time : self->first_sync));
          }
      }
      break;
    default:
      break;
    }
}

void
golanes_trace_summary_finish (GolanesTraceSummary *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (!self->finished);
  self->finished = TRUE;

  g_hash_table_iter_init (&iter, self->open_stw);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    stw_closed (self, self->info.end_time - *(gint64 *) value);
  g_hash_table_remove_all (self->open_stw);

  self->info.duration = self->info.end_time - self->info.start_time;
  self->info.n_goroutines = self->n_seen;
}

const GolanesTraceSummaryInfo *
golanes_trace_summary_get (GolanesTraceSummary *self)
{
  g_return_val_if_fail (self->finished, NULL);
  return &self->info;
}
