/* golanes-timeline-read.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "golanes-array-private.h"
#include "golanes-timeline-counts-private.h"
#include "golanes-timeline-private.h"
#include "golanes-varint-private.h"

/* Reading the timeline model: the getters, and the decoding of the packed
 * goroutine records that golanes-timeline.c writes. */

/* Decodes the header of the record at @offset (goroutine @gi) into @out;
 * *@bits gets the flags word (COLD_*).  Returns where its spans begin. */
const guint8 *
_golanes_timeline_cold_header (GolanesTimeline          *self,
                               guint32                   gi,
                               gsize                     offset,
                               GolanesTimelineGoroutine *out,
                               guint                    *bits)
{
  const guint8 *p = _golanes_cold_store_get (&self->cold, offset);
  const gint64 *base = &self->chunk_base[2 * (offset >> COLD_CHUNK_SHIFT)];
  guint64 v;
  gint64 d;

  p = golanes_varint_get (p, &v);
  out->id = (gint64) gi + golanes_unzigzag (v);
  p = golanes_varint_get (p, &v);
  out->parent = v == 0 ? GOLANES_NO_ID : base[1] + golanes_unzigzag (v - 1);
  p = golanes_varint_get_time_signed (p, &d, self->compact_tick);
  out->created = base[0] + d;
  p = golanes_varint_get_time (p, &v, self->compact_tick);
  out->ended = out->created + (gint64) v;
  p = golanes_varint_get (p, &v);
  out->start_func = (guint32) v;
  p = golanes_varint_get (p, &v);
  out->creation_stack = (guint32) v;
  p = golanes_varint_get (p, &v);
  out->flags = (guint8) (v & GOROUTINE_PUBLIC_FLAGS);
  if (bits != NULL)
    *bits = (guint) v;
  return p;
}

/* Where the spans of packed goroutine @gi begin; *@created: its creation. */
static const guint8 *
cold_spans (GolanesTimeline *self,
            guint32          gi,
            gsize            offset,
            gint64          *created)
{
  GolanesTimelineGoroutine g;
  const guint8 *p = _golanes_timeline_cold_header (self, gi, offset, &g, NULL);

  *created = g.created;
  return p;
}

/* Reads the next span of a compact goroutine at @p, its times on @tick,
 * after the previous span's end *@prev_end (the creation for the first);
 * *@unblocker is the unblocking goroutine's index + 1, 0 for none.
 * Returns where it ends. */
static const guint8 *
compact_next_span (const guint8 *p,
                   guint         tick,
                   gint64       *prev_end,
                   GolanesSpan  *s,
                   guint64      *unblocker)
{
  guint64 dur, sf, reason, arg;
  gint64 gap;

  p = golanes_varint_get_time_signed (p, &gap, tick);
  p = golanes_varint_get_time (p, &dur, tick);
  p = golanes_varint_get (p, &sf);
  p = golanes_varint_get (p, &reason);
  p = golanes_varint_get (p, &arg);
  *unblocker = 0;
  if ((sf & 7) == GOLANES_G_WAITING)
    p = golanes_varint_get (p, unblocker);
  s->start = *prev_end + gap;
  s->end = s->start + (gint64) dur;
  s->state = (guint8) (sf & 7);
  s->flags = (guint8) (sf >> 3);
  s->reason = (guint16) reason;
  s->arg = (guint32) arg;
  *prev_end = s->end;
  return p;
}

/* The record offset of goroutine @gi's packed spans, or G_MAXSIZE if they
 * are not packed. */
static gsize
packed_offset (GolanesTimeline *self,
               guint32          gi)
{
  Goroutine *g;

  if (!is_hot (self, gi))
    return goroutine_loc (self, gi);
  g = GOROUTINE (self, gi);
  if (g->flags & GOROUTINE_COMPACT)
    return ((GoroutineExtra *) g->extra)->compact;
  return G_MAXSIZE;
}

/* Spans of packed goroutine @gi (record at @offset) into a new track;
 * unblockers into @unblocks when not NULL.  Finished when @finish. */
GolanesTrack *
_golanes_timeline_expand_goroutine (GolanesTimeline *self,
                                    guint32          gi,
                                    gsize            offset,
                                    gboolean         finish,
                                    Unblocks       **unblocks)
{
  GolanesTrack *track = golanes_track_new_contiguous ();
  guint64 n, i, by;
  gint64 prev_end;
  const guint8 *p = cold_spans (self, gi, offset, &prev_end);

  p = golanes_varint_get (p, &n);
  for (i = 0; i < n; i++)
    {
      GolanesSpan s;

      p = compact_next_span (p, self->compact_tick, &prev_end, &s, &by);
      golanes_track_append (track, s.start, s.end, s.state, s.reason, s.arg, s.flags);
      if (by != 0 && unblocks != NULL)
        {
          if (*unblocks == NULL)
            *unblocks = g_new0 (Unblocks, 1);
          _golanes_unblocks_add (*unblocks, (guint32) i, (guint32) (by - 1));
        }
    }
  if (finish)
    golanes_track_finish (track, self->end_time);
  return track;
}

/* The unblocker of span @span of a packed goroutine, or -1. */
static gint
compact_unblocker (GolanesTimeline *self,
                   guint32          gi,
                   gsize            offset,
                   guint            span)
{
  guint64 n, i, by;
  gint64 prev_end;
  const guint8 *p = cold_spans (self, gi, offset, &prev_end);

  p = golanes_varint_get (p, &n);
  for (i = 0; i < n && i <= span; i++)
    {
      GolanesSpan s;

      p = compact_next_span (p, self->compact_tick, &prev_end, &s, &by);
      if (i == span)
        return (gint) by - 1;
    }
  return -1;
}

static guint
compact_n_spans (GolanesTimeline *self,
                 guint32          gi,
                 gsize            offset)
{
  guint64 n;
  gint64 created;

  golanes_varint_get (cold_spans (self, gi, offset, &created), &n);
  return (guint) n;
}

/* Getters */

GolanesStackTable *
golanes_timeline_get_stack_table (GolanesTimeline *self)
{
  return self->stacks;
}

gint64
golanes_timeline_get_start_time (GolanesTimeline *self)
{
  return self->start_time;
}

gint64
golanes_timeline_get_end_time (GolanesTimeline *self)
{
  return self->end_time;
}

guint64
golanes_timeline_get_n_events (GolanesTimeline *self)
{
  return self->n_events;
}

guint
golanes_timeline_get_n_goroutines (GolanesTimeline *self)
{
  return self->n_goroutines;
}

gboolean
golanes_timeline_get_goroutine (GolanesTimeline          *self,
                                guint                     index,
                                GolanesTimelineGoroutine *out)
{
  Goroutine *g;

  g_return_val_if_fail (out != NULL, FALSE);
  memset (out, 0, sizeof *out);
  g_return_val_if_fail (self != NULL, FALSE);
  if (index >= self->n_goroutines)
    return FALSE;
  if (!is_hot (self, index))
    {
      _golanes_timeline_cold_header (self, index, goroutine_loc (self, index), out, NULL);
      return TRUE;
    }
  g = GOROUTINE (self, index);
  out->id = g->id;
  out->parent = g->parent;
  out->created = g->created;
  out->ended = g->ended;
  out->start_func = g->start_func;
  out->creation_stack = g->creation_stack;
  out->flags = g->flags & GOROUTINE_PUBLIC_FLAGS;
  return TRUE;
}

gint64
golanes_timeline_get_goroutine_id (GolanesTimeline *self,
                                   guint            index)
{
  guint64 v;

  g_return_val_if_fail (self != NULL, -1);
  if (index >= self->n_goroutines)
    return -1;
  if (is_hot (self, index))
    return GOROUTINE (self, index)->id;
  golanes_varint_get (_golanes_cold_store_get (&self->cold, goroutine_loc (self, index)), &v);
  return (gint64) index + golanes_unzigzag (v);
}

char *
golanes_timeline_dup_goroutine_function (GolanesTimeline *self,
                                         guint            index)
{
  GolanesTimelineGoroutine g;
  const char *name;
  gsize len = 0;

  if (!golanes_timeline_get_goroutine (self, index, &g) || g.start_func == 0)
    return g_strdup ("");

  name = golanes_stack_table_get_string (golanes_timeline_get_stack_table (self),
                                         g.start_func, &len);
  if (name == NULL)
    return g_strdup ("");
  return g_utf8_make_valid (name, len);
}

gint
golanes_timeline_get_unblocker (GolanesTimeline *self,
                                guint            index,
                                guint            span)
{
  gsize offset;

  g_return_val_if_fail (index < self->n_goroutines, -1);
  offset = packed_offset (self, index);
  if (offset != G_MAXSIZE)
    return compact_unblocker (self, index, offset, span);
  if (goroutine_unblocks (GOROUTINE (self, index)) == NULL)
    return -1;
  return _golanes_unblocks_lookup (goroutine_unblocks (GOROUTINE (self, index)), span);
}

GolanesTrack *
golanes_timeline_get_goroutine_states (GolanesTimeline *self,
                                       guint            index)
{
  Goroutine *g = NULL;
  GolanesTrack *track;
  gsize offset;

  g_return_val_if_fail (index < self->n_goroutines, NULL);
  if (is_hot (self, index))
    {
      g = GOROUTINE (self, index);
      track = __atomic_load_n (&g->states, __ATOMIC_ACQUIRE);
      if (track != NULL || (g->flags & GOROUTINE_COMPACT) == 0)
        return track;
    }
  offset = packed_offset (self, index);
  g_mutex_lock (&self->expand_lock);
  if (g != NULL)
    {
      track = g->states;
      if (track == NULL)
        {
          track = _golanes_timeline_expand_goroutine (self, index, offset, TRUE, NULL);
          __atomic_store_n (&g->states, track, __ATOMIC_RELEASE);
        }
    }
  else
    {
      track = g_hash_table_lookup (self->expanded, GUINT_TO_POINTER (index));
      if (track == NULL)
        {
          track = _golanes_timeline_expand_goroutine (self, index, offset, TRUE, NULL);
          g_hash_table_insert (self->expanded, GUINT_TO_POINTER (index), track);
        }
    }
  g_mutex_unlock (&self->expand_lock);
  return track;
}

void
golanes_timeline_read_goroutine_spans (GolanesTimeline *self,
                                       guint            index,
                                       GArray          *spans)
{
  GolanesTrack *track = NULL;
  gsize offset;
  guint n, i;

  g_return_if_fail (index < self->n_goroutines);
  g_array_set_size (spans, 0);
  offset = packed_offset (self, index);
  if (offset != G_MAXSIZE)
    {
      guint64 count, k, by;
      gint64 prev_end;
      const guint8 *p = cold_spans (self, index, offset, &prev_end);

      p = golanes_varint_get (p, &count);
      for (k = 0; k < count; k++)
        {
          GolanesSpan s;

          p = compact_next_span (p, self->compact_tick, &prev_end, &s, &by);
          g_array_append_val (spans, s);
        }
      return;
    }
  track = GOROUTINE (self, index)->states;
  if (track == NULL)
    return;
  n = golanes_track_get_n_spans (track);
  g_array_set_size (spans, n);
  for (i = 0; i < n; i++)
    golanes_track_get_span (track, i, &g_array_index (spans, GolanesSpan, i));
}

static GoroutineExtra *
extra_of (GolanesTimeline *self,
          guint            index)
{
  return is_hot (self, index) ? goroutine_extra (GOROUTINE (self, index)) : NULL;
}

GolanesTrack *
golanes_timeline_get_goroutine_assists (GolanesTimeline *self,
                                        guint            index)
{
  GoroutineExtra *e;

  g_return_val_if_fail (index < self->n_goroutines, NULL);
  e = extra_of (self, index);
  return e != NULL ? e->assists : NULL;
}

guint
golanes_timeline_get_goroutine_n_region_levels (GolanesTimeline *self,
                                                guint            index)
{
  GoroutineExtra *e;

  g_return_val_if_fail (index < self->n_goroutines, 0);
  e = extra_of (self, index);
  return e != NULL ? e->n_region_levels : 0;
}

const guint32 *
golanes_timeline_get_region_goroutines (GolanesTimeline *self,
                                        guint           *n)
{
  GArray *list = self->region_goroutines;

  *n = list != NULL ? list->len : 0;
  return list != NULL ? (const guint32 *) (void *) list->data : NULL;
}

GolanesTrack *
golanes_timeline_get_goroutine_region_level (GolanesTimeline *self,
                                             guint            index,
                                             guint            level)
{
  GoroutineExtra *e;

  g_return_val_if_fail (index < self->n_goroutines, NULL);
  e = extra_of (self, index);
  g_return_val_if_fail (e != NULL && level < e->n_region_levels, NULL);
  return _golanes_timeline_region_level (self, e, level);
}

void
_golanes_timeline_set_compact (GolanesTimeline *self,
                               gboolean         compact)
{
  self->no_compact = !compact;
}

void
_golanes_timeline_set_time_tick (GolanesTimeline *self,
                                 guint            tick)
{
  g_return_if_fail (tick <= 16);
  self->forced_tick = (gint) tick + 1;
}

/* Bytes of the live goroutines' tracks and extras: @size gets the
 * records' share, @spans the tracks'. */
static void
live_goroutine_sizes (GolanesTimeline *self,
                      gsize           *size,
                      gsize           *spans)
{
  guint i, l;

  for (i = 0; i < self->goroutines->len; i++)
    {
      const Goroutine *g = &g_array_index (self->goroutines, Goroutine, i);
      GolanesTrack *states = __atomic_load_n (&g->states, __ATOMIC_ACQUIRE);
      GoroutineExtra *e = goroutine_extra (g);
      GolanesTrack **levels;

      if (g->index == NO_INDEX)
        continue;
      /* A packed goroutine's track, once made, is a cache of the store. */
      if (states != NULL && (g->flags & GOROUTINE_COMPACT) == 0)
        *spans += golanes_track_get_memory_size (states);
      if (e == NULL)
        continue;
      /* Unblockers are per waiting span, as in a packed record. */
      *size += sizeof (GoroutineExtra);
      *spans += _golanes_unblocks_size (e->unblocks);
      if (e->assists != NULL)
        *spans += golanes_track_get_memory_size (e->assists);
      /* Region levels: the tracks made so far (maybe being made now). */
      levels = __atomic_load_n (&e->region_levels, __ATOMIC_ACQUIRE);
      if (levels != NULL)
        for (l = 0; l < e->n_region_levels; l++)
          {
            GolanesTrack *t = __atomic_load_n (&levels[l], __ATOMIC_ACQUIRE);

            *spans += (t != NULL ? golanes_track_get_memory_size (t) : 0) + sizeof (gpointer);
          }
    }
}

gsize
golanes_timeline_get_goroutine_memory_size (GolanesTimeline *self,
                                            gsize           *span_bytes)
{
  gsize size = sizeof (MArray) + self->goroutines->cap + self->loc_cap;
  gsize cold = _golanes_cold_store_get_memory_size (&self->cold);
  /* The records are compressed together: their headers and spans take
   * the shares they had before. */
  gsize headers = self->cold.raw > 0 ? (gsize) ((double) cold * self->compact_header_bytes / self->cold.raw) : 0;
  gsize spans = cold - headers;

  if (self->loc_packed != NULL)
    size += self->loc_packed_len + GOLANES_PACK_PAD +
            ((gsize) self->n_goroutines / LOC_BLOCK + 1) * sizeof (guint32);
  size += headers + self->n_chunks * 2 * sizeof (gint64);
  if (self->goid_packed != NULL)
    size += self->goid_packed_len + (self->goid_dense_len / GOID_BLOCK + 1) * sizeof (guint32);
  else
    size += self->goid_dense_len * sizeof (guint32);
  size += g_hash_table_size (self->goid_sparse) * (sizeof (gint64) + 3 * sizeof (gpointer));
  live_goroutine_sizes (self, &size, &spans);
  if (span_bytes != NULL)
    *span_bytes = spans;
  return size;
}

guint
golanes_timeline_get_n_compact_goroutines (GolanesTimeline *self)
{
  return self->n_compact;
}

guint
golanes_timeline_get_n_procs (GolanesTimeline *self)
{
  return self->procs->len;
}

const GolanesTimelineProc *
golanes_timeline_get_proc (GolanesTimeline *self,
                           guint            index)
{
  g_return_val_if_fail (index < self->procs->len, NULL);
  return PROC (self, index);
}

guint
golanes_timeline_get_n_threads (GolanesTimeline *self)
{
  return self->threads->len;
}

const GolanesTimelineThread *
golanes_timeline_get_thread (GolanesTimeline *self,
                             guint            index)
{
  g_return_val_if_fail (index < self->threads->len, NULL);
  return THREAD (self, index);
}

gint
golanes_timeline_get_thread_goroutine_at (GolanesTimeline *self,
                                          guint            index,
                                          gint64           time)
{
  GolanesTrack *t;
  gint at;

  g_return_val_if_fail (index < self->threads->len, -1);
  t = THREAD (self, index)->goroutines;
  at = golanes_track_find_at (t, time);
  if (at < 0)
    return -1;
  if (golanes_track_get_state (t, at) == GOLANES_G_SYSCALL)
    {
      GolanesSpan s;
      golanes_track_get_span (t, at, &s);
      return (gint) s.arg;
    }
  else
    {
      GolanesSpan s;
      GolanesTrack *pt;
      gint pat;

      golanes_track_get_span (t, at, &s);
      pt = PROC (self, s.arg)->goroutines;
      pat = golanes_track_find_at (pt, time);
      if (pat < 0)
        return -1;
      golanes_track_get_span (pt, pat, &s);
      return (gint) s.arg;
    }
}

guint
golanes_timeline_get_n_ranges (GolanesTimeline *self)
{
  return self->ranges->len;
}

const GolanesTimelineRange *
golanes_timeline_get_range (GolanesTimeline *self,
                            guint            index)
{
  g_return_val_if_fail (index < self->ranges->len, NULL);
  return RANGE (self, index);
}

GolanesTrack *
golanes_timeline_get_gc_track (GolanesTimeline *self)
{
  return self->gc_track;
}

GolanesTrack *
golanes_timeline_get_stw_track (GolanesTimeline *self)
{
  return self->stw_track;
}

gboolean
golanes_timeline_is_finished (GolanesTimeline *self)
{
  return self->finished;
}

guint
golanes_timeline_query_ranges (GolanesTimeline *self,
                               gint64           t0,
                               gint64           t1,
                               GArray          *out)
{
  guint found = 0;

  if (self->finished)
    return golanes_interval_tree_query (self->range_tree, t0, t1, out);

  /* Loading: no tree yet, and open ranges reach the end so far. */
  for (guint32 i = 0; i < self->ranges->len; i++)
    {
      const GolanesTimelineRange *r = RANGE (self, i);
      gint64 end = (r->flags & GOLANES_SPAN_OPEN) ? MAX (self->end_time, r->start) : r->end;

      if (r->start < t1 && MAX (end, r->start + 1) > t0)
        {
          g_array_append_val (out, i);
          found++;
        }
    }
  return found;
}

const GolanesSeriesPoint *
golanes_timeline_get_series (GolanesTimeline  *self,
                             GolanesSeriesKind kind,
                             guint            *n_points)
{
  g_return_val_if_fail (kind < GOLANES_N_SERIES, NULL);
  *n_points = self->series[kind]->len;
  return (const GolanesSeriesPoint *) (void *) self->series[kind]->data;
}

guint
golanes_timeline_get_n_tasks (GolanesTimeline *self)
{
  return self->tasks != NULL ? self->tasks->len : self->task_table.n_rows;
}

gboolean
golanes_timeline_get_task (GolanesTimeline     *self,
                           guint                index,
                           GolanesTimelineTask *out)
{
  if (index >= golanes_timeline_get_n_tasks (self))
    {
      memset (out, 0, sizeof *out);
      g_return_val_if_reached (FALSE);
    }
  _golanes_timeline_task_at (self, index, out);
  return TRUE;
}

guint32
golanes_timeline_get_task_type (GolanesTimeline *self,
                                guint            index)
{
  GolanesTimelineTask t;

  return golanes_timeline_get_task (self, index, &t) ? t.type : 0;
}

guint64
golanes_timeline_get_task_id (GolanesTimeline *self,
                              guint            index)
{
  GolanesTimelineTask t;

  return golanes_timeline_get_task (self, index, &t) ? t.id : GOLANES_NO_TASK;
}

guint
golanes_timeline_get_n_task_rows (GolanesTimeline *self)
{
  return self->n_task_rows;
}

GolanesTrack *
golanes_timeline_get_task_row (GolanesTimeline *self,
                               guint            row)
{
  g_return_val_if_fail (row < self->n_task_rows, NULL);
  return _golanes_timeline_task_row (self, row);
}

/* The interval tree of the tasks (@tasks) or the regions, made on the
 * first query: nothing in the viewer asks for one, and on a trace of a
 * service it takes 32 bytes a region. */
static GolanesIntervalTree *
annotation_tree (GolanesTimeline *self,
                 gboolean         tasks)
{
  GolanesIntervalTree **slot = tasks ? &self->task_tree : &self->region_tree;
  GolanesIntervalTree *tree = g_atomic_pointer_get (slot);
  guint i;

  if (tree != NULL)
    return tree;
  g_mutex_lock (&self->expand_lock);
  tree = *slot;
  if (tree == NULL)
    {
      tree = golanes_interval_tree_new ();
      if (tasks)
        for (i = 0; i < golanes_timeline_get_n_tasks (self); i++)
          {
            GolanesTimelineTask t;

            _golanes_timeline_task_at (self, i, &t);
            golanes_interval_tree_add (tree, t.start, t.end, i);
          }
      else
        for (i = 0; i < golanes_timeline_get_n_regions (self); i++)
          {
            GolanesTimelineRegion r;

            _golanes_timeline_region_at (self, i, &r);
            golanes_interval_tree_add (tree, r.start, r.end, i);
          }
      golanes_interval_tree_build (tree);
      g_atomic_pointer_set (slot, tree);
    }
  g_mutex_unlock (&self->expand_lock);
  return tree;
}

guint
golanes_timeline_query_tasks (GolanesTimeline *self,
                              gint64           t0,
                              gint64           t1,
                              GArray          *out)
{
  /* Tasks are laid out once the whole trace is in. */
  if (!self->finished)
    return 0;
  return golanes_interval_tree_query (annotation_tree (self, TRUE), t0, t1, out);
}

guint
golanes_timeline_get_n_regions (GolanesTimeline *self)
{
  return self->regions != NULL ? self->regions->len : self->region_table.n_rows;
}

gboolean
golanes_timeline_get_region (GolanesTimeline       *self,
                             guint                  index,
                             GolanesTimelineRegion *out)
{
  if (index >= golanes_timeline_get_n_regions (self))
    {
      memset (out, 0, sizeof *out);
      g_return_val_if_reached (FALSE);
    }
  _golanes_timeline_region_at (self, index, out);
  return TRUE;
}

guint32
golanes_timeline_get_region_type (GolanesTimeline *self,
                                  guint            index)
{
  GolanesTimelineRegion r;

  return golanes_timeline_get_region (self, index, &r) ? r.type : 0;
}

guint
golanes_timeline_query_regions (GolanesTimeline *self,
                                gint64           t0,
                                gint64           t1,
                                GArray          *out)
{
  /* Regions are laid out once the whole trace is in. */
  if (!self->finished)
    return 0;
  return golanes_interval_tree_query (annotation_tree (self, FALSE), t0, t1, out);
}

guint
golanes_timeline_get_n_logs (GolanesTimeline *self)
{
  return self->logs != NULL ? self->logs->len : self->log_table.n_rows;
}

gboolean
golanes_timeline_get_log (GolanesTimeline    *self,
                          guint               index,
                          GolanesTimelineLog *out)
{
  if (index >= golanes_timeline_get_n_logs (self))
    {
      memset (out, 0, sizeof *out);
      g_return_val_if_reached (FALSE);
    }
  _golanes_timeline_log_at (self, index, out);
  return TRUE;
}

guint
golanes_timeline_get_n_samples (GolanesTimeline *self)
{
  return self->samples->len;
}

const GolanesTimelineSample *
golanes_timeline_get_sample (GolanesTimeline *self,
                             guint            index)
{
  g_return_val_if_fail (index < self->samples->len, NULL);
  return &g_array_index (self->samples, GolanesTimelineSample, index);
}

static gsize
array_size (GArray *a)
{
  return a == NULL ? 0 : sizeof (GArray) + 16 + (gsize) a->len * g_array_get_element_size (a);
}

guint64
golanes_timeline_get_n_spans (GolanesTimeline *self)
{
  guint64 n = 0;
  guint i;

  for (i = 0; i < self->n_goroutines; i++)
    {
      gsize offset = packed_offset (self, i);
      GoroutineExtra *e = extra_of (self, i);

      n += offset != G_MAXSIZE ? compact_n_spans (self, i, offset) :
           golanes_track_get_n_spans (GOROUTINE (self, i)->states);
      if (e == NULL)
        continue;
      if (e->assists != NULL)
        n += golanes_track_get_n_spans (e->assists);
      /* Every region of the goroutine is in one of its levels. */
      n += e->region_count;
    }
  for (i = 0; i < self->procs->len; i++)
    {
      const GolanesTimelineProc *p = PROC (self, i);
      n += golanes_track_get_n_spans (p->goroutines);
      n += golanes_track_get_n_spans (p->states);
      n += golanes_track_get_n_spans (p->sweeps);
    }
  for (i = 0; i < self->threads->len; i++)
    n += golanes_track_get_n_spans (THREAD (self, i)->goroutines);
  n += golanes_track_get_n_spans (self->gc_track);
  n += golanes_track_get_n_spans (self->stw_track);
  /* Every task is in one row. */
  if (self->finished)
    n += golanes_timeline_get_n_tasks (self);
  return n;
}

gsize
golanes_timeline_get_memory_size (GolanesTimeline *self)
{
  gsize size = sizeof (*self);
  guint i;

  size += golanes_stack_table_get_memory_size (self->stacks);
  for (i = 0; i < self->reasons->len; i++)
    size += strlen (g_ptr_array_index (self->reasons, i)) + 1 + sizeof (gpointer);
  size += array_size (self->reason_by_string);
  {
    gsize spans = 0;
    GHashTableIter it;
    gpointer track;

    size += golanes_timeline_get_goroutine_memory_size (self, &spans) + spans;
    /* Tracks made again from packed records. */
    g_mutex_lock (&self->expand_lock);
    g_hash_table_iter_init (&it, self->expanded);
    while (g_hash_table_iter_next (&it, NULL, &track))
      size += golanes_track_get_memory_size (track) + 3 * sizeof (gpointer);
    g_mutex_unlock (&self->expand_lock);
  }
  size += array_size (self->procs) + array_size (self->proc_by_id);
  for (i = 0; i < self->procs->len; i++)
    {
      const GolanesTimelineProc *p = PROC (self, i);
      size += golanes_track_get_memory_size (p->goroutines);
      size += golanes_track_get_memory_size (p->states);
      size += golanes_track_get_memory_size (p->sweeps);
    }
  size += array_size (self->threads);
  size += g_hash_table_size (self->thread_by_id) * 3 * sizeof (gpointer);
  for (i = 0; i < self->threads->len; i++)
    size += golanes_track_get_memory_size (THREAD (self, i)->goroutines);
  size += array_size (self->ranges);
  size += golanes_track_get_memory_size (self->gc_track);
  size += golanes_track_get_memory_size (self->stw_track);
  if (self->range_tree != NULL)
    size += golanes_interval_tree_get_memory_size (self->range_tree);
  for (i = 0; i < GOLANES_N_SERIES; i++)
    size += array_size (self->series[i]);
  size += _golanes_count_series_get_memory_size (&self->counts);
  size += array_size (self->tasks) + _golanes_packed_table_get_memory_size (&self->task_table);
  if (self->task_by_id != NULL)
    size += g_hash_table_size (self->task_by_id) * (sizeof (guint64) + 3 * sizeof (gpointer));
  /* Task rows: their tasks, and the tracks made so far. */
  if (self->task_row_tracks != NULL)
    {
      size += (gsize) golanes_timeline_get_n_tasks (self) * sizeof (guint32) +
              (self->n_task_rows + 1) * sizeof (guint32);
      g_mutex_lock (&self->expand_lock);
      for (i = 0; i < self->n_task_rows; i++)
        size += (self->task_row_tracks[i] != NULL ? golanes_track_get_memory_size (self->task_row_tracks[i]) : 0) +
                sizeof (gpointer);
      g_mutex_unlock (&self->expand_lock);
    }
  if (self->task_tree != NULL)
    size += golanes_interval_tree_get_memory_size (self->task_tree);
  size += array_size (self->regions) + _golanes_packed_table_get_memory_size (&self->region_table);
  if (self->region_order != NULL)
    size += (gsize) golanes_timeline_get_n_regions (self) * sizeof (guint32);
  if (self->region_tree != NULL)
    size += golanes_interval_tree_get_memory_size (self->region_tree);
  size += array_size (self->logs) + _golanes_packed_table_get_memory_size (&self->log_table);
  size += array_size (self->samples);
  return size;
}
