/* golanes-timeline.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "golanes-array-private.h"
#include "golanes-bitpack-private.h"
#include "golanes-timeline-counts-private.h"
#include "golanes-timeline-private.h"
#include "golanes-timeline.h"
#include "golanes-varint-private.h"

static MArray *
marray_new (guint elt)
{
  MArray *a = g_new0 (MArray, 1);

  a->elt = elt;
  return a;
}

static void
marray_append (MArray        *a,
               gconstpointer  v)
{
  gsize need = ((gsize) a->len + 1) * a->elt;

  if (need > a->cap)
    {
      gsize cap = MAX (MAX (a->cap * 2, 4096), need);

      a->data = golanes_array_resize (a->data, a->cap, cap);
      a->cap = cap;
    }
  memcpy (a->data + (gsize) a->len * a->elt, v, a->elt);
  a->len++;
}

static void
marray_trim (MArray *a)
{
  gsize need = MAX ((gsize) a->len * a->elt, 1);

  if (need < a->cap)
    {
      a->data = golanes_array_resize (a->data, a->cap, need);
      a->cap = need;
    }
}

static void
marray_free (MArray *a)
{
  if (a == NULL)
    return;
  golanes_array_free (a->data, a->cap);
  g_free (a);
}



/* Reasons */

static guint16 intern_reason_slow (GolanesTimeline *self,
                                   const char      *data,
                                   gsize            len);

/* Reason strings come from the generation's string table or are static,
 * so their address identifies them until the next Sync. */
static guint16
intern_reason (GolanesTimeline *self,
               const char      *data,
               gsize            len)
{
  ReasonCacheEntry *e;

  if (len == 0)
    return 0;
  e = &self->reason_cache[(GPOINTER_TO_SIZE (data) >> 3) % REASON_CACHE];
  if (e->data == data && e->len == len)
    return e->id;
  e->id = intern_reason_slow (self, data, len);
  e->data = data;
  e->len = len;
  return e->id;
}

static guint16
intern_reason_slow (GolanesTimeline *self,
                    const char      *data,
                    gsize            len)
{
  guint32 sid;
  guint16 *slot;

  sid = golanes_stack_table_intern_string (self->stacks, data, len);
  if (sid >= self->reason_by_string->len)
    g_array_set_size (self->reason_by_string, sid + 1);
  slot = &g_array_index (self->reason_by_string, guint16, sid);
  if (*slot == 0)
    {
      if (self->reasons->len >= G_MAXUINT16)
        return 0;
      g_ptr_array_add (self->reasons, g_strndup (data, len));
      *slot = (guint16) self->reasons->len;   /* id + 1 */
    }
  return (guint16) (*slot - 1);
}

const char *
golanes_timeline_get_reason (GolanesTimeline *self,
                             guint16          reason)
{
  g_return_val_if_fail (self != NULL, "");
  if (reason >= self->reasons->len)
    return "";
  return g_ptr_array_index (self->reasons, reason);
}

/* Unblocks */

static void
unblocks_free (gpointer data)
{
  Unblocks *u = data;

  if (u == NULL)
    return;
  golanes_array_free (u->data, u->cap);
  g_free (u->index);
  g_free (u);
}

void
_golanes_unblocks_add (Unblocks *u,
                       guint32   span,
                       guint32   goroutine)
{
  guint8 *p;
  gint64 dg;

  if (u->n % UNBLOCK_GROUP == 0)
    {
      guint32 g = u->n / UNBLOCK_GROUP;

      if ((g & (g - 1)) == 0)
        u->index = g_renew (guint32, u->index, 2 * MAX (1, 2 * g));
      u->index[2 * g] = span;
      u->index[2 * g + 1] = u->len;
      u->last_span = span;
      u->last_goroutine = 0;
    }
  dg = (gint64) goroutine - (gint64) u->last_goroutine;
  if (u->len + 10 > u->cap)
    {
      guint32 cap = MAX (MAX (64, u->cap * 2), u->len + 10);

      u->data = golanes_array_resize (u->data, u->cap, cap);
      u->cap = cap;
    }
  p = golanes_varint_put (u->data + u->len, span - u->last_span);
  p = golanes_varint_put (p, (guint32) golanes_zigzag (dg));
  u->len = (guint32) (p - u->data);
  u->last_span = span;
  u->last_goroutine = goroutine;
  u->n++;
}

static void
unblocks_trim (Unblocks *u)
{
  guint n_groups = (u->n + UNBLOCK_GROUP - 1) / UNBLOCK_GROUP;

  u->data = golanes_array_resize (u->data, u->cap, MAX (u->len, 1));
  u->cap = MAX (u->len, 1);
  u->index = g_renew (guint32, u->index, 2 * MAX (n_groups, 1));
}

gsize
_golanes_unblocks_size (const Unblocks *u)
{
  guint32 g;

  if (u == NULL)
    return 0;
  g = (u->n + UNBLOCK_GROUP - 1) / UNBLOCK_GROUP;
  return sizeof (*u) + u->cap + 2 * sizeof (guint32) * MAX (g, 1);
}

gint
_golanes_unblocks_lookup (const Unblocks *u,
                          guint32         span)
{
  guint lo = 0, hi = (u->n + UNBLOCK_GROUP - 1) / UNBLOCK_GROUP, k, n;
  const guint8 *p;
  guint32 s, g = 0;

  /* The last group whose first span is <= span. */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (u->index[2 * mid] <= span)
        lo = mid;
      else
        hi = mid;
    }
  if (u->n == 0 || u->index[2 * lo] > span)
    return -1;
  p = u->data + u->index[2 * lo + 1];
  s = u->index[2 * lo];
  n = MIN (UNBLOCK_GROUP, u->n - lo * UNBLOCK_GROUP);
  for (k = 0; k < n; k++)
    {
      guint64 ds, zg;

      p = golanes_varint_get (p, &ds);
      p = golanes_varint_get (p, &zg);
      s += (guint32) ds;
      g = (guint32) ((gint64) g + golanes_unzigzag (zg));
      if (s == span)
        return (gint) g;
      if (s > span)
        break;
    }
  return -1;
}

/* Construction */

GolanesTimeline *
golanes_timeline_new (void)
{
  GolanesTimeline *self = g_new0 (GolanesTimeline, 1);
  guint i;

  self->stacks = golanes_stack_table_new ();
  self->reasons = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->reasons, g_strdup (""));
  self->reason_by_string = g_array_new (FALSE, TRUE, sizeof (guint16));
  self->goroutines = marray_new (sizeof (Goroutine));
  self->free_slots = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->expanded = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) golanes_track_free);
  self->region_stacks = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  g_mutex_init (&self->expand_lock);
  _golanes_cold_store_init (&self->cold);
  self->goid_sparse = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->procs = g_array_new (FALSE, TRUE, sizeof (GolanesTimelineProc));
  self->pbuild = g_array_new (FALSE, TRUE, sizeof (PBuild));
  self->proc_by_id = g_array_new (FALSE, TRUE, sizeof (guint32));
  self->proc_by_big_id = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->threads = g_array_new (FALSE, TRUE, sizeof (GolanesTimelineThread));
  self->thread_by_id = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->last_tid = G_MININT64;
  self->ranges = g_array_new (FALSE, TRUE, sizeof (GolanesTimelineRange));
  self->gc_track = golanes_track_new ();
  self->stw_track = golanes_track_new ();
  self->open_mark = NO_INDEX;
  self->open_stw = NO_INDEX;
  for (i = 0; i < GOLANES_N_SERIES; i++)
    self->series[i] = g_array_new (FALSE, FALSE, sizeof (GolanesSeriesPoint));
  self->tasks = g_array_new (FALSE, TRUE, sizeof (GolanesTimelineTask));
  self->task_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->regions = g_array_new (FALSE, TRUE, sizeof (GolanesTimelineRegion));
  self->logs = g_array_new (FALSE, TRUE, sizeof (GolanesTimelineLog));
  self->samples = g_array_new (FALSE, TRUE, sizeof (GolanesTimelineSample));
  self->start_time = 0;
  self->end_time = 0;
  return self;
}

static void
free_gbuild (GolanesTimeline *self)
{
  if (self->gbuild_freed)
    return;
  g_clear_pointer (&self->region_stacks, g_hash_table_unref);
  g_clear_pointer (&self->free_slots, g_array_unref);
  /* Tasks are found by id only while loading and at their finish. */
  g_clear_pointer (&self->task_by_id, g_hash_table_unref);
  self->gbuild_freed = TRUE;
}

static void
free_goroutine_tracks (Goroutine *g)
{
  GoroutineExtra *e = goroutine_extra (g);
  guint l;

  golanes_track_free (g->states);
  if (e == NULL)
    return;
  golanes_track_free (e->assists);
  if (e->region_levels != NULL)
    for (l = 0; l < e->n_region_levels; l++)
      golanes_track_free (e->region_levels[l]);
  g_free (e->region_levels);
  unblocks_free (e->unblocks);
  g_free (e);
}

void
golanes_timeline_free (GolanesTimeline *self)
{
  guint i;

  if (self == NULL)
    return;
  for (i = 0; i < self->goroutines->len; i++)
    {
      Goroutine *g = &g_array_index (self->goroutines, Goroutine, i);

      if (g->index != NO_INDEX)
        free_goroutine_tracks (g);
    }
  marray_free (self->goroutines);
  golanes_array_free (self->loc, self->loc_cap);
  g_free (self->loc_packed);
  g_free (self->loc_anchors);
  _golanes_cold_store_clear (&self->cold);
  g_free (self->chunk_base);
  g_hash_table_destroy (self->expanded);
  g_mutex_clear (&self->expand_lock);
  free_gbuild (self);
  if (self->goid_dense != NULL)
    golanes_array_free (self->goid_dense, self->goid_dense_len * sizeof (guint32));
  g_free (self->goid_packed);
  g_free (self->goid_anchors);
  g_hash_table_destroy (self->goid_sparse);
  for (i = 0; i < self->procs->len; i++)
    {
      GolanesTimelineProc *p = &g_array_index (self->procs, GolanesTimelineProc, i);
      golanes_track_free (p->goroutines);
      golanes_track_free (p->states);
      golanes_track_free (p->sweeps);
    }
  g_array_unref (self->procs);
  if (self->pbuild != NULL)
    g_array_unref (self->pbuild);
  g_array_unref (self->proc_by_id);
  g_hash_table_destroy (self->proc_by_big_id);
  for (i = 0; i < self->threads->len; i++)
    golanes_track_free (g_array_index (self->threads, GolanesTimelineThread, i).goroutines);
  g_array_unref (self->threads);
  g_hash_table_destroy (self->thread_by_id);
  g_array_unref (self->ranges);
  golanes_track_free (self->gc_track);
  golanes_track_free (self->stw_track);
  golanes_interval_tree_free (self->range_tree);
  for (i = 0; i < GOLANES_N_SERIES; i++)
    g_array_unref (self->series[i]);
  _golanes_count_series_clear (&self->counts);
  g_clear_pointer (&self->tasks, g_array_unref);
  _golanes_packed_table_clear (&self->task_table);
  g_clear_pointer (&self->task_by_id, g_hash_table_unref);
  if (self->task_row_tracks != NULL)
    for (i = 0; i < self->n_task_rows; i++)
      golanes_track_free (self->task_row_tracks[i]);
  g_free (self->task_row_tracks);
  g_free (self->task_row_order);
  g_free (self->task_row_first);
  golanes_interval_tree_free (self->task_tree);
  g_clear_pointer (&self->regions, g_array_unref);
  _golanes_packed_table_clear (&self->region_table);
  g_free (self->region_order);
  g_clear_pointer (&self->region_goroutines, g_array_unref);
  golanes_interval_tree_free (self->region_tree);
  g_clear_pointer (&self->logs, g_array_unref);
  _golanes_packed_table_clear (&self->log_table);
  g_array_unref (self->samples);
  g_array_unref (self->reason_by_string);
  g_ptr_array_unref (self->reasons);
  golanes_stack_table_free (self->stacks);
  g_free (self);
}

/* Goroutine storage
 *
 * Most goroutines of a busy program live for microseconds and have a
 * handful of spans, and a trace may hold millions of them.  A goroutine
 * lives in the live array (a Goroutine, its track and its builder state)
 * while it exists; when it ends with at most COMPACT_MAX_SPANS spans and
 * no assists, it leaves the array for one shared store of records,
 * compressed a unit of 16 KiB at a time (golanes-cold-store-private.h),
 * and its slot is reused.  Its locator (self->loc, 4 bytes per goroutine
 * index while loading, packed at the finish: goroutine_loc()) then holds
 * the offset of its record:
 *
 *   header, varints: id - index (zigzag); parent: 0 for none, else
 *     parent - its chunk's parent (zigzag) + 1; creation - its
 *     chunk's base time (zigzag); end - creation; start function;
 *     creation stack; the flags word (public flags and COLD_* bits)
 *   spans: the count, then per span the gap since the previous end (the
 *     creation for the first; zigzag), the duration, state | flags << 3,
 *     the reason, the argument, and for a waiting span the index of the
 *     goroutine that unblocked it, plus one (0: none).
 *
 * About 11 bytes of header and 3 to 6 bytes a span before compression
 * (about 2.5 times less after), and no allocation per goroutine.
 * golanes_timeline_get_goroutine() decodes the header; the track is made
 * again when something asks for it
 * (golanes_timeline_get_goroutine_states) and kept in self->expanded.  A
 * goroutine the trace mentions again after it ended goes back to the live
 * array (rehydrate()); one that gets regions at the end of the load goes
 * back with its spans left in the store (GOROUTINE_COMPACT).  Records
 * are written here and decoded in golanes-timeline-read.c. */

/* A slot of the live array for goroutine @gi (the array may move). */
static Goroutine *
alloc_hot (GolanesTimeline *self,
           guint32          gi)
{
  guint32 slot;
  Goroutine *g;

  if (self->free_slots != NULL && self->free_slots->len > 0)
    {
      slot = g_array_index (self->free_slots, guint32, self->free_slots->len - 1);
      g_array_set_size (self->free_slots, self->free_slots->len - 1);
    }
  else
    {
      Goroutine blank;

      memset (&blank, 0, sizeof blank);
      slot = self->goroutines->len;
      marray_append (self->goroutines, &blank);
    }
  g = &g_array_index (self->goroutines, Goroutine, slot);
  memset (g, 0, sizeof *g);
  g->index = gi;
  g->b.p = NO_INDEX;
  g->b.m = NO_INDEX;
  g->b.assist = NO_INDEX;
  self->loc[gi] = LOC_HOT | slot;
  return g;
}

/* The base time and parent of the chunk of @offset, set by its first
 * record (the parent by the first with one). */
static gint64 *
chunk_base (GolanesTimeline *self,
            gsize            offset,
            gint64           created,
            gint64           parent)
{
  gsize c = offset >> COLD_CHUNK_SHIFT;
  gint64 *base;

  if (c >= self->n_chunks)
    {
      gsize n = MAX (c + 1, self->n_chunks * 2);

      self->chunk_base = g_renew (gint64, self->chunk_base, 2 * n);
      for (gsize k = 2 * self->n_chunks; k < 2 * n; k++)
        self->chunk_base[k] = G_MININT64;
      self->n_chunks = n;
    }
  base = &self->chunk_base[2 * c];
  if (base[0] == G_MININT64)
    base[0] = created;
  if (base[1] == G_MININT64 && parent != GOLANES_NO_ID)
    base[1] = parent;
  return base;
}

/* A record's flags word: the public flags in bits 0-1, then whether it
 * ever ran and whether it was named. */
#define COLD_EVER_RAN 0x04
#define COLD_NAMED    0x08
G_STATIC_ASSERT (GOROUTINE_PUBLIC_FLAGS == 0x03);

static void
compact_goroutine (GolanesTimeline *self,
                   guint32          gi)
{
  Goroutine *g = GOROUTINE (self, gi);
  guint n = golanes_track_get_n_spans (g->states), i;
  gsize need = 80 + (gsize) n * 64;
  gint64 prev_end, *base;
  guint8 *record, *p, *header_end;
  guint32 slot;

  GoroutineExtra *e = goroutine_extra (g);
  Unblocks *unblocks = e != NULL ? e->unblocks : NULL;

  if (self->no_compact || n == 0 || n > COMPACT_MAX_SPANS || (e != NULL && (e->assists != NULL || e->n_region_levels > 0)) ||
      golanes_track_is_open (g->states) || self->cold.len + need + GOLANES_COLD_UNIT > COLD_LIMIT)
    return;
  record = _golanes_cold_store_begin (&self->cold, need);
  /* The tick of the times seen so far holds for nearly every later one. */
  if (self->n_compact == 0)
    self->compact_tick = self->forced_tick > 0 ? (guint) self->forced_tick - 1
                                               : golanes_tick_count_choose (&self->time_ticks);
  base = chunk_base (self, self->cold.len, g->created, g->parent);
  p = record;
  p = golanes_varint_put_signed (p, g->id - (gint64) gi);
  p = golanes_varint_put (p, g->parent == GOLANES_NO_ID ? 0 : golanes_zigzag (g->parent - base[1]) + 1);
  p = golanes_varint_put_time_signed (p, g->created - base[0], self->compact_tick);
  p = golanes_varint_put_time (p, (guint64) (g->ended - g->created), self->compact_tick);
  p = golanes_varint_put (p, g->start_func);
  p = golanes_varint_put (p, g->creation_stack);
  p = golanes_varint_put (p, (guint64) ((g->flags & GOROUTINE_PUBLIC_FLAGS) | (g->b.ever_ran ? COLD_EVER_RAN : 0) |
                                   (g->b.named ? COLD_NAMED : 0)));
  header_end = p;
  p = golanes_varint_put (p, n);
  prev_end = g->created;
  for (i = 0; i < n; i++)
    {
      GolanesSpan span;
      gint64 gap;

      golanes_track_get_span (g->states, i, &span);
      gap = span.start - prev_end;
      /* zigzag: the first start may lie before the creation. */
      p = golanes_varint_put_time_signed (p, gap, self->compact_tick);
      p = golanes_varint_put_time (p, (guint64) (span.end - span.start), self->compact_tick);
      p = golanes_varint_put (p, (guint64) (span.state | span.flags << 3));
      p = golanes_varint_put (p, span.reason);
      p = golanes_varint_put (p, span.arg);
      if (span.state == GOLANES_G_WAITING)
        p = golanes_varint_put (p, unblocks != NULL ? (guint64) (_golanes_unblocks_lookup (unblocks, i) + 1) : 0);
      prev_end = span.end;
    }
  free_goroutine_tracks (g);
  self->compact_header_bytes += (gsize) (header_end - record);
  slot = self->loc[gi] & ~LOC_HOT;
  g->index = NO_INDEX;
  g->states = NULL;
  g->extra = NULL;
  g_array_append_val (self->free_slots, slot);
  self->loc[gi] = (guint32) self->cold.len;
  _golanes_cold_store_commit (&self->cold, p);
  self->n_compact++;
  /* A reader of the timeline while it streams in may have made a track
   * from an earlier record of this goroutine (packed, then mentioned
   * again): that one is out of date.  Readers hold no track while the
   * builder runs. */
  if (G_UNLIKELY (g_hash_table_size (self->expanded) > 0))
    g_hash_table_remove (self->expanded, GUINT_TO_POINTER (gi));
}

/* A packed goroutine that the trace mentions again goes back to the live
 * array with its track (its record stays, unused). */
static void
rehydrate (GolanesTimeline *self,
           guint32          gi)
{
  GolanesTimelineGoroutine pub;
  gsize offset = goroutine_loc (self, gi);
  Unblocks *unblocks = NULL;
  Goroutine *g;
  guint bits = 0;

  _golanes_timeline_cold_header (self, gi, offset, &pub, &bits);
  g = alloc_hot (self, gi);
  g->id = pub.id;
  g->parent = pub.parent;
  g->created = pub.created;
  g->ended = pub.ended;
  g->start_func = pub.start_func;
  g->creation_stack = pub.creation_stack;
  g->flags = pub.flags;
  g->b.state = GOLANES_GO_NOT_EXIST;
  g->b.ever_ran = (bits & COLD_EVER_RAN) != 0;
  g->b.named = (bits & COLD_NAMED) != 0;
  g->states = _golanes_timeline_expand_goroutine (self, gi, offset, FALSE, &unblocks);
  if (unblocks != NULL)
    goroutine_ensure_extra (g)->unblocks = unblocks;
  self->n_compact--;
}

/* At the end of the load, a packed goroutine that has regions goes back
 * to the live array, its spans left in the store. */
Goroutine *
_golanes_timeline_promote_cold (GolanesTimeline *self,
                                guint32          gi)
{
  gsize offset = goroutine_loc (self, gi);
  GolanesTimelineGoroutine pub;
  Goroutine blank, *g;

  _golanes_timeline_cold_header (self, gi, offset, &pub, NULL);
  memset (&blank, 0, sizeof blank);
  marray_append (self->goroutines, &blank);
  g = &g_array_index (self->goroutines, Goroutine, self->goroutines->len - 1);
  g->index = gi;
  g->id = pub.id;
  g->parent = pub.parent;
  g->created = pub.created;
  g->ended = pub.ended;
  g->start_func = pub.start_func;
  g->creation_stack = pub.creation_stack;
  g->flags = pub.flags | GOROUTINE_COMPACT;
  g->b.state = GOLANES_GO_NOT_EXIST;
  self->loc[gi] = LOC_HOT | (self->goroutines->len - 1);
  goroutine_ensure_extra (g)->compact = offset;
  return g;
}

/* Look-ups */

/* Ids of the dense range map to goroutine indices + 1 (0: none).  While
 * loading, in a plain array; once finished, packed in blocks of
 * GOID_BLOCK ids, each value a zigzag varint delta from the one before
 * (from 0 at a block's start, whose offset goid_anchors keeps): indices
 * follow ids closely, so most take a byte instead of four. */

static guint32
goid_dense_get (GolanesTimeline *self,
                gint64           goid)
{
  const guint8 *p;
  gint64 v = 0;
  gsize i;

  if ((gsize) goid >= self->goid_dense_len)
    return 0;
  if (self->goid_packed == NULL)
    return self->goid_dense[goid];
  p = self->goid_packed + self->goid_anchors[goid / GOID_BLOCK];
  for (i = (gsize) goid - (gsize) goid % GOID_BLOCK; i <= (gsize) goid; i++)
    {
      guint64 u;

      p = golanes_varint_get (p, &u);
      v += golanes_unzigzag (u);
    }
  return (guint32) v;
}


/* Lookups keep using the dense array until the packed one is whole. */
static void
pack_goids (GolanesTimeline *self,
            const Yield     *yield)
{
  gsize n = self->goid_dense_len, i;
  guint8 *packed, *p;
  guint32 *anchors;
  gint64 prev = 0;

  if (n == 0)
    return;
  packed = g_malloc (n * 5);
  anchors = g_new (guint32, n / GOID_BLOCK + 1);
  p = packed;
  readers_in (yield);
  for (i = 0; i < n; i++)
    {
      if (i % GOID_BLOCK == 0)
        {
          anchors[i / GOID_BLOCK] = (guint32) (p - packed);
          prev = 0;
        }
      p = golanes_varint_put_signed (p, (gint64) self->goid_dense[i] - prev);
      prev = self->goid_dense[i];
    }
  readers_out (yield);
  self->goid_packed_len = (gsize) (p - packed);
  self->goid_anchors = anchors;
  self->goid_packed = g_realloc (packed, self->goid_packed_len);
  golanes_array_free (self->goid_dense, self->goid_dense_len * sizeof (guint32));
  self->goid_dense = NULL;
}

/* The locators in packed fields (see goroutine_loc()): readers come in
 * while they are packed from the array, which goes once they are out. */
static void
pack_locators (GolanesTimeline *self,
               const Yield     *yield)
{
  guint n = self->n_goroutines, i;
  guint8 *packed, *p;
  guint32 *anchors;

  if (n == 0)
    return;
  /* A field of m locators (below 2^32, no dictionary): a head, a shift,
   * the minimum and at most 4m bytes, plus the 7 a writer may pass. */
  packed = g_malloc ((gsize) n * sizeof (guint32) + (gsize) (n / LOC_BLOCK + 1) * 32 + GOLANES_PACK_PAD);
  anchors = g_new (guint32, n / LOC_BLOCK + 1);
  p = packed;
  readers_in (yield);
  for (i = 0; i < n; i += LOC_BLOCK)
    {
      guint64 v[LOC_BLOCK];
      guint k, m = MIN (LOC_BLOCK, n - i);

      for (k = 0; k < m; k++)
        v[k] = self->loc[i + k];
      anchors[i / LOC_BLOCK] = (guint32) (p - packed);
      p = golanes_pack_values (p, v, m, FALSE);
    }
  readers_out (yield);
  memset (p, 0, GOLANES_PACK_PAD);
  self->loc_packed_len = (gsize) (p - packed);
  self->loc_packed = g_realloc (packed, self->loc_packed_len + GOLANES_PACK_PAD);
  self->loc_anchors = anchors;
  golanes_array_free (self->loc, self->loc_cap);
  self->loc = NULL;
  self->loc_cap = 0;
}

/* Ids below goid_dense_len map through the dense array, the others
 * through goid_sparse.  The array covers an id only while that costs at
 * most 8 entries per goroutine (or 2^16 in all): ids come from the file,
 * and one goroutine numbered 2^24 - 1 must not cost 64 MiB.  When it
 * grows, it takes over the sparse ids it now covers; it doubles, so that
 * happens a few times in all. */
static gboolean
goid_dense_grow (GolanesTimeline *self,
                 gint64           goid)
{
  gsize limit = MAX ((gsize) 1 << 16, 8 * ((gsize) self->n_goroutines + 1));
  gsize len;

  if (goid < 0 || goid >= GOID_DENSE_LIMIT || (gsize) goid >= limit)
    return FALSE;
  len = MAX (self->goid_dense_len * 2, 1024);
  while (len <= (gsize) goid)
    len *= 2;
  /* Doubled without touching the new half: 16 MB of page faults at once
   * would hold up a streaming load's readers for 60 ms. */
  self->goid_dense = golanes_array_resize0 (self->goid_dense, self->goid_dense_len * sizeof (guint32),
                                            len * sizeof (guint32));
  self->goid_dense_len = len;
  if (g_hash_table_size (self->goid_sparse) > 0)
    {
      GHashTableIter it;
      gpointer key, value;

      g_hash_table_iter_init (&it, self->goid_sparse);
      while (g_hash_table_iter_next (&it, &key, &value))
        {
          gint64 id = *(gint64 *) key;

          if (id >= 0 && (gsize) id < len)
            {
              self->goid_dense[id] = GPOINTER_TO_UINT (value);
              g_hash_table_iter_remove (&it);
            }
        }
    }
  return TRUE;
}

guint32
_golanes_timeline_goroutine_index (GolanesTimeline *self,
                                   gint64           goid,
                                   gint64           time)
{
  guint32 found = 0, gi;
  Goroutine *g;

  if (goid >= 0 && (gsize) goid < self->goid_dense_len)
    found = goid_dense_get (self, goid);
  else
    found = GPOINTER_TO_UINT (g_hash_table_lookup (self->goid_sparse, &goid));
  if (found != 0)
    {
      if (G_UNLIKELY (!is_hot (self, found - 1)))
        rehydrate (self, found - 1);
      return found - 1;
    }

  gi = self->n_goroutines;
  if (((gsize) gi + 1) * sizeof (guint32) > self->loc_cap)
    {
      gsize cap = MAX (MAX (self->loc_cap * 2, 4096), ((gsize) gi + 1) * sizeof (guint32));

      self->loc = golanes_array_resize (self->loc, self->loc_cap, cap);
      self->loc_cap = cap;
    }
  self->n_goroutines++;
  g = alloc_hot (self, gi);
  g->id = goid;
  g->parent = GOLANES_NO_ID;
  g->created = time;
  g->ended = time;
  g->states = golanes_track_new_contiguous ();
  g->b.state = GOLANES_GO_UNDETERMINED;
  found = gi + 1;

  if ((goid >= 0 && (gsize) goid < self->goid_dense_len) || goid_dense_grow (self, goid))
    self->goid_dense[goid] = found;
  else
    {
      g_hash_table_insert (self->goid_sparse, g_memdup2 (&goid, sizeof goid), GUINT_TO_POINTER (found));
    }
  return found - 1;
}

gint
golanes_timeline_lookup_goroutine (GolanesTimeline *self,
                                   gint64           id)
{
  guint32 found = 0;

  g_return_val_if_fail (self != NULL, -1);

  if (id >= 0 && (gsize) id < self->goid_dense_len)
    found = goid_dense_get (self, id);
  else
    found = GPOINTER_TO_UINT (g_hash_table_lookup (self->goid_sparse, &id));
  return (gint) found - 1;
}

static guint32
proc_index (GolanesTimeline *self,
            gint64           pid)
{
  guint32 *slot, big;
  GolanesTimelineProc p;
  PBuild b;

  if (pid < 0 || pid > G_MAXINT32)
    return NO_INDEX;
  if (pid < PROC_DENSE_LIMIT)
    {
      if ((guint) pid >= self->proc_by_id->len)
        g_array_set_size (self->proc_by_id, pid + 1);
      slot = &g_array_index (self->proc_by_id, guint32, pid);
      if (*slot != 0)
        return *slot - 1;
    }
  else
    {
      big = GPOINTER_TO_UINT (g_hash_table_lookup (self->proc_by_big_id, GINT_TO_POINTER ((gint) pid)));
      if (big != 0)
        return big - 1;
      slot = &big;
    }
  p.id = pid;
  p.goroutines = golanes_track_new ();
  p.states = golanes_track_new_contiguous ();
  p.sweeps = golanes_track_new ();
  g_array_append_val (self->procs, p);
  b.sweep = NO_INDEX;
  b.m = NO_INDEX;
  b.state = GOLANES_PROC_UNDETERMINED;
  g_array_append_val (self->pbuild, b);
  *slot = self->procs->len;
  if (pid >= PROC_DENSE_LIMIT)
    g_hash_table_insert (self->proc_by_big_id, GINT_TO_POINTER ((gint) pid), GUINT_TO_POINTER (*slot));
  return *slot - 1;
}

static guint32
thread_index (GolanesTimeline *self,
              gint64           tid)
{
  gpointer key;
  guint32 found;
  GolanesTimelineThread t;

  if (tid < 0)
    return NO_INDEX;
  if (tid == self->last_tid)
    return self->last_thread;
  key = GSIZE_TO_POINTER ((gsize) tid + 1);
  found = GPOINTER_TO_UINT (g_hash_table_lookup (self->thread_by_id, key));
  if (found == 0)
    {
      t.id = tid;
      t.goroutines = golanes_track_new ();
      g_array_append_val (self->threads, t);
      found = self->threads->len;
      g_hash_table_insert (self->thread_by_id, key, GUINT_TO_POINTER (found));
    }
  self->last_tid = tid;
  self->last_thread = found - 1;
  return found - 1;
}


/* Counts series (golanes-timeline-counts.c) */

guint
golanes_timeline_get_n_count_points (GolanesTimeline *self)
{
  return self->counts.n_points;
}

void
golanes_timeline_get_count_point (GolanesTimeline        *self,
                                  guint                   index,
                                  GolanesGoroutineCounts *out)
{
  g_return_if_fail (index < self->counts.n_points);

  _golanes_count_series_get_point (&self->counts, index, out);
}

gint32
golanes_timeline_get_max_count_total (GolanesTimeline *self)
{
  return self->counts.max_total;
}

void
golanes_timeline_get_counts_at (GolanesTimeline        *self,
                                gint64                  time,
                                GolanesGoroutineCounts *out)
{
  _golanes_count_series_get_at (&self->counts, time, out);
}

void
golanes_timeline_get_counts_near (GolanesTimeline        *self,
                                  gint64                  time,
                                  GolanesGoroutineCounts *out,
                                  guint                  *hint)
{
  _golanes_count_series_get_near (&self->counts, time, out, hint);
}

/* Goroutine transitions */

static guint8
span_state (guint go_state,
            gboolean ever_ran)
{
  switch (go_state)
    {
    case GOLANES_GO_RUNNING:
      return GOLANES_G_RUNNING;
    case GOLANES_GO_RUNNABLE:
      return ever_ran ? GOLANES_G_RUNNABLE : GOLANES_G_CREATED;
    case GOLANES_GO_WAITING:
      return GOLANES_G_WAITING;
    case GOLANES_GO_SYSCALL:
    default:
      return GOLANES_G_SYSCALL;
    }
}

/* The M holding P @pi from @time on. */
static void
m_take_p (GolanesTimeline *self,
          guint32          mi,
          guint32          pi,
          gint64           time)
{
  PBuild *pb = PBUILD (self, pi);
  GolanesTrack *t = THREAD (self, mi)->goroutines;

  if (pb->m == mi && golanes_track_is_open (t) &&
      golanes_track_get_state (t, golanes_track_get_n_spans (t) - 1) == GOLANES_G_RUNNING &&
      golanes_track_get_last_arg (t) == pi)
    return;
  if (pb->m != NO_INDEX && pb->m != mi)
    {
      GolanesTrack *old = THREAD (self, pb->m)->goroutines;
      if (golanes_track_is_open (old) &&
          golanes_track_get_state (old, golanes_track_get_n_spans (old) - 1) == GOLANES_G_RUNNING &&
          golanes_track_get_last_arg (old) == pi)
        golanes_track_close (old, time);
    }
  golanes_track_open (t, time, GOLANES_G_RUNNING, 0, pi, 0);
  pb->m = mi;
}

static void
m_release_p (GolanesTimeline *self,
             guint32          pi,
             gint64           time)
{
  PBuild *pb = PBUILD (self, pi);
  GolanesTrack *t;

  if (pb->m == NO_INDEX)
    return;
  t = THREAD (self, pb->m)->goroutines;
  if (golanes_track_is_open (t) &&
      golanes_track_get_state (t, golanes_track_get_n_spans (t) - 1) == GOLANES_G_RUNNING &&
      golanes_track_get_last_arg (t) == pi)
    golanes_track_close (t, time);
  pb->m = NO_INDEX;
}

/* Closes the M's "in a syscall without a P" span of goroutine @gi. */
static void
m_end_syscall (GolanesTimeline *self,
               guint32          mi,
               guint32          gi,
               gint64           time)
{
  GolanesTrack *t;

  if (mi == NO_INDEX)
    return;
  t = THREAD (self, mi)->goroutines;
  if (golanes_track_is_open (t) &&
      golanes_track_get_state (t, golanes_track_get_n_spans (t) - 1) == GOLANES_G_SYSCALL &&
      golanes_track_get_last_arg (t) == gi)
    golanes_track_close (t, time);
}

static void
close_exec_spans (GolanesTimeline *self,
                  guint32          gi,
                  GBuild          *b,
                  gint64           time)
{
  if (b->p != NO_INDEX)
    {
      GolanesTrack *t = PROC (self, b->p)->goroutines;

      if (golanes_track_is_open (t) && golanes_track_get_last_arg (t) == gi)
        golanes_track_close (t, time);
      b->p = NO_INDEX;
    }
  m_end_syscall (self, b->m, gi, time);
}

static void
open_exec_spans (GolanesTimeline    *self,
                 guint32             gi,
                 GBuild             *b,
                 const GolanesEvent *ev,
                 guint8              state)
{
  guint32 pi = proc_index (self, ev->proc);
  guint32 mi = thread_index (self, ev->thread);

  b->m = mi;
  if (pi != NO_INDEX)
    {
      golanes_track_open (PROC (self, pi)->goroutines, ev->time, state, 0, gi, 0);
      b->p = pi;
      if (mi != NO_INDEX)
        m_take_p (self, mi, pi, ev->time);
    }
  else if (mi != NO_INDEX && state == GOLANES_G_SYSCALL)
    golanes_track_open (THREAD (self, mi)->goroutines, ev->time, GOLANES_G_SYSCALL, 0, gi, 0);
}

static void
handle_goroutine (GolanesTimeline              *self,
                  GolanesTraceReader           *reader,
                  const GolanesEvent           *ev,
                  const GolanesStateTransition *st)
{
  gint64 goid = st->resource.id;
  guint32 gi = _golanes_timeline_goroutine_index (self, goid, ev->time);
  Goroutine *g = GOROUTINE (self, gi);
  GBuild *b = GBUILD (self, gi);
  guint32 stack = 0;
  guint16 reason = 0;
  guint from = st->from, to = st->to;
  gboolean had_open;
  guint n_before;

  if (self->n_compact == 0)
    golanes_tick_count_add (&self->time_ticks, ev->time);
  if (from == to)
    return;
  if (from == GOLANES_GO_UNDETERMINED && b->state != GOLANES_GO_UNDETERMINED &&
      b->state != GOLANES_GO_NOT_EXIST)
    {
      /* A status at a generation boundary: only a real change matters. */
      if (b->state == to)
        return;
      from = b->state;
    }

  if (st->has_stack && st->stack != 0)
    stack = golanes_stack_table_intern (self->stacks, reader, st->stack);
  if (st->reason.len > 0)
    reason = intern_reason (self, st->reason.data, st->reason.len);

  if (!b->named && stack != 0)
    {
      guint n_frames;
      const GolanesFrame *frames = golanes_stack_table_get_frames (self->stacks, stack, &n_frames);
      if (n_frames > 0)
        g->start_func = frames[n_frames - 1].func;
      b->named = TRUE;
    }

  n_before = golanes_track_get_n_spans (g->states);
  had_open = golanes_track_close (g->states, ev->time);
  if (from == GOLANES_GO_RUNNING || from == GOLANES_GO_SYSCALL)
    close_exec_spans (self, gi, b, ev->time);

  if (from == GOLANES_GO_NOT_EXIST)
    {
      gboolean has_ev_stack = FALSE;
      guint64 ev_stack = golanes_event_get_stack (ev, &has_ev_stack);

      if (n_before == 0)
        g->created = ev->time;
      if (ev->goroutine != GOLANES_NO_ID && ev->goroutine != goid)
        g->parent = ev->goroutine;
      if (has_ev_stack && ev_stack != 0)
        g->creation_stack = golanes_stack_table_intern (self->stacks, reader, ev_stack);
    }
  else if (from == GOLANES_GO_UNDETERMINED && n_before == 0)
    {
      g->created = ev->time;
      g->flags |= GOLANES_SPAN_OPEN_START;
    }

  /* Who unblocked a wait. */
  if (from == GOLANES_GO_WAITING && had_open && ev->goroutine != GOLANES_NO_ID &&
      ev->goroutine != goid)
    {
      guint32 by = _golanes_timeline_goroutine_index (self, ev->goroutine, ev->time);
      GoroutineExtra *e;

      g = GOROUTINE (self, gi);
      b = GBUILD (self, gi);
      e = goroutine_ensure_extra (g);

      if (e->unblocks == NULL)
        e->unblocks = g_new0 (Unblocks, 1);
      _golanes_unblocks_add (e->unblocks, n_before - 1, by);
    }

  _golanes_count_series_add (&self->counts, ev->time, from, to);
  b->state = (guint8) to;

  if (to == GOLANES_GO_NOT_EXIST)
    {
      g->ended = ev->time;
      g->flags &= ~GOLANES_SPAN_OPEN;
      compact_goroutine (self, gi);
      return;
    }

  if (to == GOLANES_GO_RUNNING)
    b->ever_ran = TRUE;
  golanes_track_open (g->states, ev->time, span_state (to, b->ever_ran), reason, stack, 0);
  if (to == GOLANES_GO_RUNNING || to == GOLANES_GO_SYSCALL)
    open_exec_spans (self, gi, b, ev, span_state (to, TRUE));
}

static void
handle_proc (GolanesTimeline              *self,
             const GolanesEvent           *ev,
             const GolanesStateTransition *st)
{
  guint32 pi = proc_index (self, st->resource.id);
  GolanesTimelineProc *p;

  if (pi == NO_INDEX || st->from == st->to)
    return;
  if (st->from == GOLANES_PROC_UNDETERMINED && PBUILD (self, pi)->state == st->to)
    return;   /* a status at a generation boundary, nothing new */
  PBUILD (self, pi)->state = (guint8) st->to;
  p = PROC (self, pi);
  golanes_track_close (p->states, ev->time);
  if (st->to == GOLANES_PROC_RUNNING)
    {
      guint32 mi = thread_index (self, ev->thread);
      if (mi != NO_INDEX)
        m_take_p (self, mi, pi, ev->time);
    }
  else
    m_release_p (self, pi, ev->time);
  if (st->to == GOLANES_PROC_RUNNING || st->to == GOLANES_PROC_IDLE)
    golanes_track_open (p->states, ev->time, (guint8) st->to, 0, 0,
                        st->from == GOLANES_PROC_UNDETERMINED ? GOLANES_SPAN_OPEN_START : 0);
  if (st->to == GOLANES_PROC_IDLE || st->to == GOLANES_PROC_NOT_EXIST)
    {
      /* A goroutine in a syscall loses its P: the hand-off. */
      guint n = golanes_track_get_n_spans (p->goroutines);
      if (n > 0 && golanes_track_is_open (p->goroutines))
        {
          GolanesSpan s;
          golanes_track_get_span (p->goroutines, n - 1, &s);
          golanes_track_close (p->goroutines, ev->time);
          if (s.arg < self->n_goroutines && is_hot (self, s.arg) && GBUILD (self, s.arg)->p == pi)
            {
              GBuild *gb = GBUILD (self, s.arg);
              gb->p = NO_INDEX;
              /* Still in the syscall, on its M, without a P. */
              if (s.state == GOLANES_G_SYSCALL && gb->state == GOLANES_GO_SYSCALL && gb->m != NO_INDEX)
                golanes_track_open (THREAD (self, gb->m)->goroutines, ev->time,
                                    GOLANES_G_SYSCALL, 0, s.arg, 0);
            }
        }
    }
}

/* Ranges */

static guint32
new_range (GolanesTimeline *self,
           gint64           start,
           guint8           kind,
           gint64           scope,
           guint16          reason,
           guint8           flags)
{
  GolanesTimelineRange r;

  memset (&r, 0, sizeof r);
  r.start = start;
  r.end = start;
  r.scope = scope;
  r.kind = kind;
  r.reason = reason;
  r.flags = flags | GOLANES_SPAN_OPEN;
  g_array_append_val (self->ranges, r);
  return self->ranges->len - 1;
}

static void
handle_range (GolanesTimeline    *self,
              GolanesTraceReader *reader,
              const GolanesEvent *ev)
{
  GolanesRange rg;
  guint32 *open_slot = NULL;
  GolanesTrack *track = NULL;
  gint64 scope = GOLANES_NO_ID;
  guint8 kind;
  guint16 reason = 0;

  if (!golanes_event_get_range (reader, ev, &rg))
    return;
  switch (rg.type)
    {
    case GOLANES_RANGE_STW:
      kind = GOLANES_GC_RANGE_STW;
      open_slot = &self->open_stw;
      track = self->stw_track;
      scope = rg.scope.id;
      reason = intern_reason (self, rg.detail.data, rg.detail.len);
      break;
    case GOLANES_RANGE_GC_MARK:
      kind = GOLANES_GC_RANGE_MARK;
      open_slot = &self->open_mark;
      track = self->gc_track;
      break;
    case GOLANES_RANGE_GC_SWEEP:
      {
        guint32 pi = proc_index (self, rg.scope.id);
        if (pi == NO_INDEX)
          return;
        kind = GOLANES_GC_RANGE_SWEEP;
        open_slot = &PBUILD (self, pi)->sweep;
        track = PROC (self, pi)->sweeps;
        scope = rg.scope.id;
      }
      break;
    case GOLANES_RANGE_GC_MARK_ASSIST:
      {
        guint32 gi;
        Goroutine *g;
        if (rg.scope.id == GOLANES_NO_ID)
          return;
        gi = _golanes_timeline_goroutine_index (self, rg.scope.id, ev->time);
        g = GOROUTINE (self, gi);
        if (goroutine_ensure_extra (g)->assists == NULL)
          goroutine_ensure_extra (g)->assists = golanes_track_new ();
        kind = GOLANES_GC_RANGE_ASSIST;
        open_slot = &GBUILD (self, gi)->assist;
        track = goroutine_ensure_extra (g)->assists;
        scope = rg.scope.id;
      }
      break;
    default:
      return;
    }

  if (ev->kind == GOLANES_EVENT_RANGE_BEGIN || ev->kind == GOLANES_EVENT_RANGE_ACTIVE)
    {
      guint8 flags = ev->kind == GOLANES_EVENT_RANGE_ACTIVE ? GOLANES_SPAN_OPEN_START : 0;
      if (*open_slot != NO_INDEX)
        {
          if (ev->kind == GOLANES_EVENT_RANGE_ACTIVE)
            return;  /* still under way from the previous generation */
          golanes_track_close (track, ev->time);
          RANGE (self, *open_slot)->end = ev->time;
        }
      *open_slot = new_range (self, ev->time, kind, scope, reason, flags);
      golanes_track_open (track, ev->time, 0, reason, *open_slot, flags);
    }
  else
    {
      GolanesTimelineRange *r;
      if (*open_slot == NO_INDEX)
        {
          /* Ended without a begin we saw. */
          gint64 start = self->start_time;
          guint32 ri = new_range (self, start, kind, scope, reason, GOLANES_SPAN_OPEN_START);
          golanes_track_open (track, start, 0, reason, ri, GOLANES_SPAN_OPEN_START);
          *open_slot = ri;
        }
      r = RANGE (self, *open_slot);
      r->end = ev->time;
      r->flags &= ~GOLANES_SPAN_OPEN;
      if (rg.n_attributes >= 2)
        {
          r->swept = rg.attributes[0];
          r->reclaimed = rg.attributes[1];
        }
      golanes_track_close (track, ev->time);
      *open_slot = NO_INDEX;
    }
}

/* Feeding */

void
golanes_timeline_feed (GolanesTimeline    *self,
                       GolanesTraceReader *reader,
                       const GolanesEvent *ev)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->finished);

  if (self->n_events == 0)
    self->start_time = ev->time;
  self->end_time = ev->time;
  self->n_events++;

  switch (ev->kind)
    {
    case GOLANES_EVENT_SYNC:
      golanes_stack_table_begin_generation (self->stacks);
      memset (self->reason_cache, 0, sizeof self->reason_cache);
      self->last_sync_time = ev->time;
      break;

    case GOLANES_EVENT_STATE_TRANSITION:
      {
        GolanesStateTransition st;
        if (!golanes_event_get_state_transition (reader, ev, &st))
          break;
        if (st.resource.kind == GOLANES_RESOURCE_GOROUTINE)
          handle_goroutine (self, reader, ev, &st);
        else if (st.resource.kind == GOLANES_RESOURCE_PROC)
          handle_proc (self, ev, &st);
      }
      break;

    case GOLANES_EVENT_METRIC:
      {
        const char *name;
        GolanesSeriesPoint pt;
        int kind = -1;

        if (!golanes_event_get_metric (ev, &name, &pt.value))
          break;
        if (strcmp (name, "/memory/classes/heap/objects:bytes") == 0)
          kind = GOLANES_SERIES_HEAP_ALLOC;
        else if (strcmp (name, "/gc/heap/goal:bytes") == 0)
          kind = GOLANES_SERIES_HEAP_GOAL;
        else if (strcmp (name, "/sched/gomaxprocs:threads") == 0)
          kind = GOLANES_SERIES_GOMAXPROCS;
        if (kind < 0)
          break;
        pt.time = ev->time;
        g_array_append_val (self->series[kind], pt);
      }
      break;

    case GOLANES_EVENT_LABEL:
      {
        GolanesStr label;
        guint32 gi;

        if (!golanes_event_get_label (reader, ev, &label) || ev->goroutine == GOLANES_NO_ID)
          break;
        gi = _golanes_timeline_goroutine_index (self, ev->goroutine, ev->time);
        if (GBUILD (self, gi)->state == GOLANES_GO_RUNNING &&
            golanes_track_is_open (GOROUTINE (self, gi)->states))
          golanes_track_set_last_reason (GOROUTINE (self, gi)->states,
                                         intern_reason (self, label.data, label.len));
      }
      break;

    case GOLANES_EVENT_STACK_SAMPLE:
      {
        GolanesTimelineSample s;
        gboolean has_stack = FALSE;
        guint64 stack = golanes_event_get_stack (ev, &has_stack);

        s.time = ev->time;
        s.goroutine = ev->goroutine;
        s.thread = ev->thread;
        s.proc = ev->proc;
        s.stack = (has_stack && stack != 0) ? golanes_stack_table_intern (self->stacks, reader, stack) : 0;
        g_array_append_val (self->samples, s);
      }
      break;

    case GOLANES_EVENT_RANGE_BEGIN:
    case GOLANES_EVENT_RANGE_ACTIVE:
    case GOLANES_EVENT_RANGE_END:
      handle_range (self, reader, ev);
      break;

    case GOLANES_EVENT_TASK_BEGIN:
    case GOLANES_EVENT_TASK_END:
      _golanes_timeline_handle_task (self, reader, ev);
      break;

    case GOLANES_EVENT_REGION_BEGIN:
    case GOLANES_EVENT_REGION_END:
      _golanes_timeline_handle_region (self, reader, ev);
      break;

    case GOLANES_EVENT_LOG:
      _golanes_timeline_handle_log (self, reader, ev);
      break;

    default:
      break;
    }
}

/* Finishing */

/* The live array without its free slots, the locators and the id map
 * without their slack. */
static void
pack_live_goroutines (GolanesTimeline *self,
                      const Yield     *yield)
{
  guint i, k = 0;
  gsize len;

  for (i = 0; i < self->goroutines->len; i++)
    {
      Goroutine *g = &g_array_index (self->goroutines, Goroutine, i);

      if (g->index == NO_INDEX)
        continue;
      if (k != i)
        memcpy (&g_array_index (self->goroutines, Goroutine, k), g, sizeof *g);
      self->loc[g->index] = LOC_HOT | k;
      k++;
    }
  self->goroutines->len = k;
  marray_trim (self->goroutines);

  len = MAX ((gsize) self->n_goroutines * sizeof (guint32), 1);
  if (len < self->loc_cap)
    {
      self->loc = golanes_array_resize (self->loc, self->loc_cap, len);
      self->loc_cap = len;
    }
  len = self->goid_dense_len;
  while (len > 0 && self->goid_dense[len - 1] == 0)
    len--;
  if (len < self->goid_dense_len)
    {
      if (len == 0)
        {
          golanes_array_free (self->goid_dense, self->goid_dense_len * sizeof (guint32));
          self->goid_dense = NULL;
        }
      else
        self->goid_dense = golanes_array_resize (self->goid_dense, self->goid_dense_len * sizeof (guint32),
                                                 len * sizeof (guint32));
      self->goid_dense_len = len;
    }
  pack_goids (self, yield);
  pack_locators (self, yield);
}

/* Readers may come in at each yield: until the model is marked finished
 * at the end, they read it as an unfinished one, whose open spans end at
 * the last event, as the finished tracks' do, and which has no tasks or
 * regions yet (their counts are set after everything they lead to). */
void
golanes_timeline_finish_yielding (GolanesTimeline            *self,
                                  GolanesTimelineYieldFunc    func,
                                  GolanesTimelineReleaseFunc  release,
                                  gpointer                    user_data)
{
  Yield yield = { func, release, user_data };
  GolanesIntervalTree *tree;
  guint i;
  gint64 end;

  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->finished);

  end = self->end_time;

  for (i = 0; i < self->goroutines->len; i++)
    {
      Goroutine *g = &g_array_index (self->goroutines, Goroutine, i);
      GBuild *b = &g->b;

      if (g->index == NO_INDEX)
        continue;
      if (b->state != GOLANES_GO_NOT_EXIST)
        {
          g->ended = end;
          g->flags |= GOLANES_SPAN_OPEN;
        }
      if (g->flags & GOROUTINE_COMPACT)
        continue;
      if (i % 64 == 63 || golanes_track_get_n_spans (g->states) > YIELD_ITEMS)
        yield_now (&yield);
      golanes_track_finish (g->states, end);
      if (goroutine_extra (g) != NULL && goroutine_extra (g)->assists != NULL)
        golanes_track_finish (goroutine_extra (g)->assists, end);
      if (goroutine_unblocks (g) != NULL)
        unblocks_trim (goroutine_unblocks (g));
    }
  for (i = 0; i < self->procs->len; i++)
    {
      GolanesTimelineProc *p = PROC (self, i);

      yield_now (&yield);
      golanes_track_finish (p->goroutines, end);
      golanes_track_finish (p->states, end);
      golanes_track_finish (p->sweeps, end);
    }
  for (i = 0; i < self->threads->len; i++)
    {
      if (i % 64 == 63)
        yield_now (&yield);
      golanes_track_finish (THREAD (self, i)->goroutines, end);
    }
  yield_now (&yield);

  tree = golanes_interval_tree_new ();
  for (i = 0; i < self->ranges->len; i++)
    {
      GolanesTimelineRange *r = RANGE (self, i);
      if (r->flags & GOLANES_SPAN_OPEN)
        r->end = end;
      golanes_interval_tree_add (tree, r->start, r->end, i);
      if (i % YIELD_ITEMS == YIELD_ITEMS - 1)
        yield_now (&yield);
    }
  golanes_interval_tree_build (tree);
  self->range_tree = tree;
  golanes_track_finish (self->gc_track, end);
  golanes_track_finish (self->stw_track, end);
  _golanes_count_series_finish (&self->counts);
  yield_now (&yield);

  _golanes_timeline_finish_regions (self, &yield);
  yield_now (&yield);
  _golanes_timeline_finish_tasks (self, &yield);
  yield_now (&yield);
  free_gbuild (self);
  pack_live_goroutines (self, &yield);
  _golanes_cold_store_seal (&self->cold);
  _golanes_timeline_pack_annotations (self);
  g_array_unref (self->pbuild);
  self->pbuild = NULL;
  self->finished = TRUE;
}

void
golanes_timeline_finish (GolanesTimeline *self)
{
  golanes_timeline_finish_yielding (self, NULL, NULL, NULL);
}

GolanesTimeline *
golanes_timeline_new_from_reader (GolanesTraceReader *reader,
                                  GError            **error)
{
  GolanesTimeline *self = golanes_timeline_new ();
  GolanesEvent ev;

  while (golanes_trace_reader_next (reader, &ev, error))
    golanes_timeline_feed (self, reader, &ev);
  golanes_timeline_finish (self);
  return self;
}

