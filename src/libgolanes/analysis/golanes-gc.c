/* golanes-gc.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "golanes-gc.h"
#include "golanes-sort-private.h"

/*
 * The runtime brackets a cycle like this (Go 1.22 to 1.26 alike, though the
 * order of the first two varies):
 *
 *   RangeBegin "GC concurrent mark phase"
 *   RangeBegin/End "stop-the-world (GC sweep termination)"
 *   ... marking, with mark assists and background workers ...
 *   RangeBegin "stop-the-world (GC mark termination)"
 *   RangeEnd "GC concurrent mark phase", Metric heap goal
 *   RangeEnd "stop-the-world (GC mark termination)"
 *   ... incremental sweeps until the next cycle ...
 *
 * so a sweep termination pause attaches to the mark phase that is running
 * (or to the next one to begin), a mark termination pause to the running
 * mark phase (or to the last one that has none yet).
 */

typedef struct
{
  gint64 start;
  int    cycle;
} OpenSpan;

struct _GolanesGc
{
  GArray     *cycles;        /* GolanesGcCycle */
  GArray     *pauses;        /* GolanesStwPause */
  GArray     *heap;          /* GolanesGcSample */
  GArray     *heap_goal;
  GArray     *gomaxprocs;
  gboolean    last_only;     /* of the series, see golanes_gc_set_keep_series() */
  GolanesGcTotals totals;

  int         marking;       /* cycle whose mark phase is running, or -1 */
  int         pending_sweep_term; /* pause waiting for its mark phase, or -1 */
  int         last_cycle;    /* most recently begun cycle, or -1 */
  GArray     *mark_ended;    /* per cycle: gboolean */
  GArray     *need_heap_after; /* cycle indices still waiting */
  int         need_next_goal; /* cycle whose new goal is awaited, or -1 */
  GHashTable *open_pauses;   /* goroutine -> pause index + 1 */
  GHashTable *open_assists;  /* goroutine -> OpenSpan */
  GHashTable *open_sweeps;   /* proc -> OpenSpan */

  gboolean    any_event;
  gboolean    finished;
};

void
golanes_gc_set_keep_series (GolanesGc *self,
                            gboolean   keep)
{
  g_return_if_fail (self != NULL && self->heap->len == 0);
  self->last_only = !keep;
}

GolanesGc *
golanes_gc_new (void)
{
  GolanesGc *self = g_new0 (GolanesGc, 1);

  self->cycles = g_array_new (FALSE, TRUE, sizeof (GolanesGcCycle));
  self->pauses = g_array_new (FALSE, TRUE, sizeof (GolanesStwPause));
  self->heap = g_array_new (FALSE, TRUE, sizeof (GolanesGcSample));
  self->heap_goal = g_array_new (FALSE, TRUE, sizeof (GolanesGcSample));
  self->gomaxprocs = g_array_new (FALSE, TRUE, sizeof (GolanesGcSample));
  self->mark_ended = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->need_heap_after = g_array_new (FALSE, FALSE, sizeof (int));
  self->open_pauses = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->open_assists = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->open_sweeps = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->marking = -1;
  self->pending_sweep_term = -1;
  self->last_cycle = -1;
  self->need_next_goal = -1;
  return self;
}

void
golanes_gc_free (GolanesGc *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->pauses->len; i++)
    g_free (g_array_index (self->pauses, GolanesStwPause, i).reason);
  g_array_unref (self->cycles);
  g_array_unref (self->pauses);
  g_array_unref (self->heap);
  g_array_unref (self->heap_goal);
  g_array_unref (self->gomaxprocs);
  g_array_unref (self->mark_ended);
  g_array_unref (self->need_heap_after);
  g_hash_table_unref (self->open_pauses);
  g_hash_table_unref (self->open_assists);
  g_hash_table_unref (self->open_sweeps);
  g_free (self);
}

static GolanesGcCycle *
cycle_at (GolanesGc *self,
          int        i)
{
  return &g_array_index (self->cycles, GolanesGcCycle, i);
}

static GolanesStwPause *
pause_at (GolanesGc *self,
          int        i)
{
  return &g_array_index (self->pauses, GolanesStwPause, i);
}

static gboolean
mark_ended (GolanesGc *self,
            int        cycle)
{
  return g_array_index (self->mark_ended, gboolean, cycle);
}

static void
add_sample (GolanesGc *self,
            GArray    *series,
            gint64     time,
            guint64    value)
{
  GolanesGcSample s = { time, value };

  if (series->len > 0 &&
      g_array_index (series, GolanesGcSample, series->len - 1).value == value)
    return;
  if (self->last_only && series->len > 0)
    g_array_index (series, GolanesGcSample, 0) = s;
  else
    g_array_append_val (series, s);
}

static gboolean
last_sample (GArray  *series,
             guint64 *value)
{
  if (series->len == 0)
    return FALSE;
  *value = g_array_index (series, GolanesGcSample, series->len - 1).value;
  return TRUE;
}

static gint64
nonneg (gint64 d)
{
  return d < 0 ? 0 : d;
}

static void
attach_pause (GolanesGc *self,
              int        cycle,
              int        pause,
              gboolean   sweep_term)
{
  GolanesGcCycle *c = cycle_at (self, cycle);
  GolanesStwPause *p = pause_at (self, pause);

  p->cycle = cycle;
  if (sweep_term)
    {
      c->sweep_termination = pause;
      if (p->start < c->start)
        c->start = p->start;
    }
  else
    c->mark_termination = pause;
}

static void
begin_cycle (GolanesGc *self,
             gint64     time,
             gboolean   active)
{
  GolanesGcCycle c;
  gboolean no = FALSE;
  int index = (int) self->cycles->len;

  memset (&c, 0, sizeof c);
  c.index = self->cycles->len;
  c.start = time;
  c.mark_start = time;
  c.began_before_trace = active;
  c.sweep_termination = -1;
  c.mark_termination = -1;
  c.has_heap_before = last_sample (self->heap, &c.heap_before);
  c.has_heap_goal = last_sample (self->heap_goal, &c.heap_goal);
  g_array_append_val (self->cycles, c);
  g_array_append_val (self->mark_ended, no);
  g_array_append_val (self->need_heap_after, index);
  self->marking = index;
  self->last_cycle = index;
  self->need_next_goal = -1;

  if (self->pending_sweep_term >= 0)
    {
      attach_pause (self, index, self->pending_sweep_term, TRUE);
      self->pending_sweep_term = -1;
    }
}

static void
end_mark (GolanesGc *self,
          gint64     time)
{
  GolanesGcCycle *c;

  if (self->marking < 0)
    return;
  c = cycle_at (self, self->marking);
  c->mark_duration = nonneg (time - c->mark_start);
  g_array_index (self->mark_ended, gboolean, self->marking) = TRUE;
  self->need_next_goal = self->marking;
  self->marking = -1;
}

static gboolean
detail_is (const GolanesStr *s,
           const char       *what)
{
  return s->len == strlen (what) && memcmp (s->data, what, s->len) == 0;
}

static void
begin_pause (GolanesGc          *self,
             const GolanesEvent *event,
             const GolanesRange *r)
{
  GolanesStwPause p;
  gint64 g = r->scope.kind == GOLANES_RESOURCE_GOROUTINE ? r->scope.id : GOLANES_NO_ID;
  int index = (int) self->pauses->len;

  memset (&p, 0, sizeof p);
  p.start = event->time;
  p.reason = g_strndup (r->detail.data, r->detail.len);
  p.gc = strstr (p.reason, "GC") != NULL;
  p.goroutine = g;
  p.cycle = -1;
  p.open = TRUE;
  g_array_append_val (self->pauses, p);
  g_hash_table_replace (self->open_pauses, g_memdup2 (&g, sizeof g),
                        GINT_TO_POINTER (index + 1));

  if (detail_is (&r->detail, "GC sweep termination"))
    {
      if (self->marking >= 0 &&
          cycle_at (self, self->marking)->sweep_termination < 0)
        attach_pause (self, self->marking, index, TRUE);
      else
        self->pending_sweep_term = index;
    }
  else if (detail_is (&r->detail, "GC mark termination"))
    {
      if (self->marking >= 0)
        attach_pause (self, self->marking, index, FALSE);
      else if (self->last_cycle >= 0 &&
               cycle_at (self, self->last_cycle)->mark_termination < 0)
        attach_pause (self, self->last_cycle, index, FALSE);
    }
}

static void
end_pause (GolanesGc          *self,
           const GolanesEvent *event,
           const GolanesRange *r)
{
  gint64 g = r->scope.kind == GOLANES_RESOURCE_GOROUTINE ? r->scope.id : GOLANES_NO_ID;
  gpointer v = g_hash_table_lookup (self->open_pauses, &g);
  GolanesStwPause *p;

  if (v == NULL)
    return;
  g_hash_table_remove (self->open_pauses, &g);
  p = pause_at (self, GPOINTER_TO_INT (v) - 1);
  p->duration = nonneg (event->time - p->start);
  p->open = FALSE;
}

static void
begin_span (GHashTable *table,
            gint64      key,
            gint64      time,
            int         cycle)
{
  OpenSpan *s = g_new (OpenSpan, 1);

  s->start = time;
  s->cycle = cycle;
  g_hash_table_replace (table, g_memdup2 (&key, sizeof key), s);
}

static void
add_assist (GolanesGc *self,
            OpenSpan  *s,
            gint64     end)
{
  gint64 d = nonneg (end - s->start);

  self->totals.assist_time += d;
  if (s->cycle >= 0)
    cycle_at (self, s->cycle)->assist_time += d;
}

static void
add_sweep (GolanesGc          *self,
           OpenSpan           *s,
           gint64              end,
           const GolanesRange *r)
{
  gint64 d = nonneg (end - s->start);
  guint64 swept = 0, reclaimed = 0;

  if (r != NULL && r->n_attributes >= 2)
    {
      swept = r->attributes[0];
      reclaimed = r->attributes[1];
    }
  self->totals.sweep_time += d;
  self->totals.swept_bytes += swept;
  self->totals.reclaimed_bytes += reclaimed;
  if (s->cycle >= 0)
    {
      GolanesGcCycle *c = cycle_at (self, s->cycle);

      c->sweep_time += d;
      c->swept_bytes += swept;
      c->reclaimed_bytes += reclaimed;
    }
}

static void
handle_range (GolanesGc          *self,
              const GolanesEvent *event,
              const GolanesRange *r)
{
  gboolean begin = event->kind != GOLANES_EVENT_RANGE_END;
  gboolean active = event->kind == GOLANES_EVENT_RANGE_ACTIVE;

  switch (r->type)
    {
    case GOLANES_RANGE_STW:
      if (begin)
        begin_pause (self, event, r);
      else
        end_pause (self, event, r);
      break;
    case GOLANES_RANGE_GC_MARK:
      if (begin && self->marking < 0)
        begin_cycle (self, event->time, active);
      else if (!begin)
        end_mark (self, event->time);
      break;
    case GOLANES_RANGE_GC_MARK_ASSIST:
      {
        gint64 g = r->scope.id;

        if (begin)
          {
            begin_span (self->open_assists, g, event->time, self->marking);
            self->totals.n_assists++;
            if (self->marking >= 0)
              cycle_at (self, self->marking)->n_assists++;
          }
        else
          {
            OpenSpan *s = g_hash_table_lookup (self->open_assists, &g);

            if (s != NULL)
              {
                add_assist (self, s, event->time);
                g_hash_table_remove (self->open_assists, &g);
              }
          }
      }
      break;
    case GOLANES_RANGE_GC_SWEEP:
      {
        gint64 p = r->scope.kind == GOLANES_RESOURCE_PROC ? r->scope.id : event->proc;

        if (begin)
          {
            begin_span (self->open_sweeps, p, event->time, self->last_cycle);
            self->totals.n_sweeps++;
            if (self->last_cycle >= 0)
              cycle_at (self, self->last_cycle)->n_sweeps++;
          }
        else
          {
            OpenSpan *s = g_hash_table_lookup (self->open_sweeps, &p);

            if (s != NULL)
              {
                add_sweep (self, s, event->time, r);
                g_hash_table_remove (self->open_sweeps, &p);
              }
          }
      }
      break;
    default:
      break;
    }
}

/* A cycle is over when its mark phase and its mark termination are. */
static gboolean
cycle_over (GolanesGc *self,
            int        i)
{
  GolanesGcCycle *c = cycle_at (self, i);

  if (!mark_ended (self, i))
    return FALSE;
  return c->mark_termination < 0 || !pause_at (self, c->mark_termination)->open;
}

static void
handle_metric (GolanesGc          *self,
               const GolanesEvent *event)
{
  const char *name;
  guint64 value;

  if (!golanes_event_get_metric (event, &name, &value))
    return;
  if (strcmp (name, "/memory/classes/heap/objects:bytes") == 0)
    {
      add_sample (self, self->heap, event->time, value);
      for (guint i = 0; i < self->need_heap_after->len;)
        {
          int c = g_array_index (self->need_heap_after, int, i);

          if (cycle_over (self, c))
            {
              cycle_at (self, c)->has_heap_after = TRUE;
              cycle_at (self, c)->heap_after = value;
              g_array_remove_index (self->need_heap_after, i);
            }
          else
            i++;
        }
    }
  else if (strcmp (name, "/gc/heap/goal:bytes") == 0)
    {
      add_sample (self, self->heap_goal, event->time, value);
      if (self->need_next_goal >= 0)
        {
          GolanesGcCycle *c = cycle_at (self, self->need_next_goal);

          c->has_next_heap_goal = TRUE;
          c->next_heap_goal = value;
          self->need_next_goal = -1;
        }
    }
  else if (strcmp (name, "/sched/gomaxprocs:threads") == 0)
    add_sample (self, self->gomaxprocs, event->time, value);
}

void
golanes_gc_feed (GolanesGc          *self,
                 GolanesTraceReader *reader,
                 const GolanesEvent *event)
{
  g_return_if_fail (!self->finished);

  if (!self->any_event)
    self->totals.trace_start = event->time;
  self->any_event = TRUE;
  self->totals.trace_end = event->time;

  switch (event->kind)
    {
    case GOLANES_EVENT_METRIC:
      handle_metric (self, event);
      break;
    case GOLANES_EVENT_RANGE_BEGIN:
    case GOLANES_EVENT_RANGE_ACTIVE:
    case GOLANES_EVENT_RANGE_END:
      {
        GolanesRange r;

        if (golanes_event_get_range (reader, event, &r))
          handle_range (self, event, &r);
      }
      break;
    default:
      break;
    }
}

/* Nearest rank: the smallest value with at least @pct % of them at or
 * below it. */
static gint64
percentile (const gint64 *sorted,
            guint         n,
            guint         pct)
{
  guint64 rank;

  if (n == 0)
    return 0;
  rank = ((guint64) n * pct + 99) / 100;
  if (rank < 1)
    rank = 1;
  return sorted[rank - 1];
}

void
golanes_gc_finish (GolanesGc *self)
{
  GolanesGcTotals *t = &self->totals;
  gint64 end = t->trace_end;
  g_autofree gint64 *durations = NULL;
  guint n_done = 0;
  GHashTableIter iter;
  gpointer value;

  if (self->finished)
    return;
  self->finished = TRUE;

  /* Cut whatever is still running at the end of the trace. */
  for (guint i = 0; i < self->pauses->len; i++)
    {
      GolanesStwPause *p = pause_at (self, (int) i);

      if (p->open)
        p->duration = nonneg (end - p->start);
    }
  g_hash_table_iter_init (&iter, self->open_assists);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    add_assist (self, value, end);
  g_hash_table_iter_init (&iter, self->open_sweeps);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    add_sweep (self, value, end, NULL);
  if (self->marking >= 0)
    {
      GolanesGcCycle *c = cycle_at (self, self->marking);

      c->mark_duration = nonneg (end - c->mark_start);
      c->open = TRUE;
    }

  for (guint i = 0; i < self->cycles->len; i++)
    {
      GolanesGcCycle *c = cycle_at (self, (int) i);
      gint64 cycle_end = c->mark_start + c->mark_duration;

      if (c->sweep_termination >= 0)
        c->stw_total += pause_at (self, c->sweep_termination)->duration;
      if (c->mark_termination >= 0)
        {
          GolanesStwPause *p = pause_at (self, c->mark_termination);

          c->stw_total += p->duration;
          if (p->start + p->duration > cycle_end)
            cycle_end = p->start + p->duration;
          if (p->open)
            c->open = TRUE;
        }
      c->duration = nonneg (cycle_end - c->start);
      t->n_cycles++;
      if (c->open)
        t->n_open_cycles++;
      t->mark_time += c->mark_duration;
    }

  durations = g_new (gint64, MAX (self->pauses->len, 1));
  for (guint i = 0; i < self->pauses->len; i++)
    {
      GolanesStwPause *p = pause_at (self, (int) i);

      t->n_pauses++;
      t->pause_time += p->duration;
      if (p->gc)
        {
          t->n_gc_pauses++;
          t->gc_pause_time += p->duration;
        }
      if (!p->open)
        durations[n_done++] = p->duration;
    }
  qsort (durations, n_done, sizeof (gint64), golanes_compare_int64);
  t->pause_p50 = percentile (durations, n_done, 50);
  t->pause_p90 = percentile (durations, n_done, 90);
  t->pause_p99 = percentile (durations, n_done, 99);
  t->pause_max = n_done > 0 ? durations[n_done - 1] : 0;
}

const GolanesGcCycle *
golanes_gc_get_cycles (GolanesGc *self,
                       guint     *n_cycles)
{
  *n_cycles = self->cycles->len;
  return (const GolanesGcCycle *) (gpointer) self->cycles->data;
}

const GolanesStwPause *
golanes_gc_get_pauses (GolanesGc *self,
                       guint     *n_pauses)
{
  *n_pauses = self->pauses->len;
  return (const GolanesStwPause *) (gpointer) self->pauses->data;
}

const GolanesGcTotals *
golanes_gc_get_totals (GolanesGc *self)
{
  return &self->totals;
}

const GolanesGcSample *
golanes_gc_get_heap_series (GolanesGc *self,
                            guint     *n_samples)
{
  *n_samples = self->heap->len;
  return (const GolanesGcSample *) (gpointer) self->heap->data;
}

const GolanesGcSample *
golanes_gc_get_heap_goal_series (GolanesGc *self,
                                 guint     *n_samples)
{
  *n_samples = self->heap_goal->len;
  return (const GolanesGcSample *) (gpointer) self->heap_goal->data;
}

const GolanesGcSample *
golanes_gc_get_gomaxprocs_series (GolanesGc *self,
                                  guint     *n_samples)
{
  *n_samples = self->gomaxprocs->len;
  return (const GolanesGcSample *) (gpointer) self->gomaxprocs->data;
}
