/* golanes-timeline-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "golanes-bitpack-private.h"
#include "golanes-cold-store-private.h"
#include "golanes-packed-table-private.h"
#include "golanes-timeline-counts-private.h"
#include "golanes-timeline.h"
#include "golanes-varint-private.h"

G_BEGIN_DECLS

/* The timeline model's insides, shared by its builder
 * (golanes-timeline.c), its reading side (golanes-timeline-read.c) and
 * the tests. */

#define GOID_DENSE_LIMIT (1 << 24)
/* P ids come from the file: only those below this index an array. */
#define PROC_DENSE_LIMIT 4096
#define NO_INDEX         G_MAXUINT32
/* Goroutine.flags, beside the public GOLANES_SPAN_* bits: its spans are
 * in the packed store (a goroutine promoted back from it, see
 * promote_cold()), at the offset held in its GoroutineExtra. */
#define GOROUTINE_COMPACT 0x80
#define COMPACT_MAX_SPANS 64
/* Goroutine.flags: its extra field points to a GoroutineExtra. */
#define GOROUTINE_EXTRA   0x40
#define GOROUTINE_PUBLIC_FLAGS (GOLANES_SPAN_OPEN | GOLANES_SPAN_OPEN_START)
/* Locators: a goroutine index maps to a slot of the live array (this bit
 * set) or to the offset of its packed record. */
#define LOC_HOT           0x80000000u
#define COLD_LIMIT        0x7fff0000u
/* The packed store is cut in chunks of 64 KiB; each keeps the creation
 * time of the first record that starts in it, to which the records'
 * times are relative, and the parent of the first record with one (the
 * goroutines that end together mostly have one spawner). */
#define COLD_CHUNK_SHIFT  16

/* An array of records grown in the model's own mappings (no copies while
 * it grows, however large: golanes_array_resize()); its data and
 * len fields read like a GArray's, so g_array_index() works on it. */
typedef struct
{
  gchar *data;
  guint  len;
  guint  elt;
  gsize  cap;   /* bytes */
} MArray;

typedef struct
{
  guint32  p;             /* proc index holding our open P span, or NO_INDEX */
  guint32  m;             /* thread index holding our open M span */
  guint32  assist;        /* open assist range index */
  guint8   state;         /* GolanesGoState */
  guint8   ever_ran;
  guint8   named;
} GBuild;

/* A goroutine in the live array: the public fields, its tracks and what
 * the builder needs.  Goroutines that end with few spans leave it for the
 * packed store. */
typedef struct
{
  gint64        id;
  gint64        parent;
  gint64        created;
  gint64        ended;
  GolanesTrack *states;
  gpointer      extra;            /* GoroutineExtra if GOROUTINE_EXTRA */
  guint32       start_func;
  guint32       creation_stack;
  guint32       index;            /* NO_INDEX: a free slot */
  guint8        flags;
  GBuild        b;
} Goroutine;

typedef struct
{
  guint32 sweep;          /* open sweep range index */
  guint32 m;              /* thread index holding the P, or NO_INDEX */
  guint8  state;          /* GolanesProcState */
} PBuild;

#define REASON_CACHE 64

typedef struct
{
  const char *data;
  gsize       len;
  guint16     id;
} ReasonCacheEntry;

/* Who unblocked a goroutine's waits: (span, goroutine index) pairs in
 * order of span, as varints (the span as a delta from the previous one,
 * the goroutine zigzag-coded against the previous one), with an index
 * entry (first span, byte offset) every UNBLOCK_GROUP pairs, where the
 * deltas start again from 0. */
#define UNBLOCK_GROUP 32

typedef struct
{
  guint8  *data;
  guint32  len;
  guint32  cap;
  guint32 *index;         /* first span, offset per group */
  guint32  n;
  guint32  last_span;
  guint32  last_goroutine;
} Unblocks;

/* What few goroutines have, kept apart from their records.  Its regions
 * are region_order[region_first, + region_count) of the timeline, by
 * level; the track of a level is made from them on first request (any
 * thread, under expand_lock) and kept in region_levels (NULL until the
 * first request, then n_region_levels pointers, NULL until made): a
 * goroutine may nest regions a million deep, and a track costs far more
 * than the region's bytes in the file, so only the lanes drawn get one. */
typedef struct
{
  GolanesTrack  *assists;          /* NULL if none */
  GolanesTrack **region_levels;
  guint          n_region_levels;
  guint32        region_first;
  guint32        region_count;
  Unblocks      *unblocks;         /* NULL if none */
  gsize          compact;          /* record offset, if GOROUTINE_COMPACT */
} GoroutineExtra;

static inline GoroutineExtra *
goroutine_extra (const Goroutine *g)
{
  return (g->flags & GOROUTINE_EXTRA) ? g->extra : NULL;
}

static inline GoroutineExtra *
goroutine_ensure_extra (Goroutine *g)
{
  GoroutineExtra *e;

  if (g->flags & GOROUTINE_EXTRA)
    return g->extra;
  e = g_new0 (GoroutineExtra, 1);
  g->extra = e;
  g->flags |= GOROUTINE_EXTRA;
  return e;
}

static inline Unblocks *
goroutine_unblocks (const Goroutine *g)
{
  GoroutineExtra *e = goroutine_extra (g);

  return e != NULL ? e->unblocks : NULL;
}

struct _GolanesTimeline
{
  GolanesStackTable *stacks;
  GPtrArray         *reasons;        /* char *, index = reason id */
  ReasonCacheEntry   reason_cache[REASON_CACHE];
  GArray            *reason_by_string; /* guint16 per string id: reason id + 1 */

  gint64    start_time;
  gint64    end_time;
  guint64   n_events;
  gboolean  finished;
  gint64    last_sync_time;

  MArray     *goroutines;            /* Goroutine: the live array, see "Goroutine storage" */
  GArray     *free_slots;            /* guint32 slots of it to reuse */
  guint32    *loc;                   /* per goroutine index: LOC_HOT | slot, or record offset;
                                      * NULL once finished, see goroutine_loc() */
  guint       n_goroutines;
  gsize       loc_cap;               /* bytes */
  guint8     *loc_packed;            /* once finished: the locators, LOC_BLOCK a packed field */
  gsize       loc_packed_len;
  guint32    *loc_anchors;           /* byte offset of each field in loc_packed */
  GolanesColdStore cold;             /* packed records of ended goroutines */
  gsize       compact_header_bytes;  /* of the records' bytes, their headers' */
  GolanesTickCount time_ticks;       /* of the goroutine transitions' times, until the first record */
  guint       compact_tick;          /* of the records' times, fixed at the first */
  gint        forced_tick;           /* tests: compact_tick + 1, 0 to find it */
  gint64     *chunk_base;            /* per COLD_CHUNK_SHIFT chunk of it: 2 x */
  gsize       n_chunks;
  guint       n_compact;
  gboolean    no_compact;            /* tests: keep every goroutine's track */
  GMutex      expand_lock;           /* taken to make a compact goroutine's track */
  GHashTable *expanded;              /* goroutine index -> track made from its record */
  gboolean    gbuild_freed;
  GHashTable *region_stacks;         /* goroutine index -> GArray of open region indices */
  guint32    *goid_dense;            /* goid -> index + 1, while loading */
  gsize       goid_dense_len;        /* ids it covers */
  guint8     *goid_packed;           /* the same once finished, see pack_goids() */
  gsize       goid_packed_len;
  guint32    *goid_anchors;
  GHashTable *goid_sparse;           /* goid -> index + 1 */

  GArray     *procs;                 /* GolanesTimelineProc */
  GArray     *pbuild;
  GArray     *proc_by_id;            /* guint32 index + 1 by P id, below PROC_DENSE_LIMIT */
  GHashTable *proc_by_big_id;        /* P id -> index + 1, the others */

  GArray     *threads;               /* GolanesTimelineThread */
  GHashTable *thread_by_id;          /* tid + 1 -> index + 1 */
  gint64      last_tid;
  guint32     last_thread;

  GArray       *ranges;              /* GolanesTimelineRange */
  GolanesTrack *gc_track;
  GolanesTrack *stw_track;
  guint32       open_mark;
  guint32       open_stw;
  GolanesIntervalTree *range_tree;

  GArray     *series[GOLANES_N_SERIES];

  GolanesCountSeries counts;

  GArray     *tasks;                 /* GolanesTimelineTask */
  GolanesPackedTable task_table;     /* the same, packed at the finish */
  GHashTable *task_by_id;            /* guint64 * -> index + 1 */
  /* Task rows, once finished: the tasks of row r are
   * task_row_order[task_row_first[r], task_row_first[r + 1]); the row's
   * track is made from them on first request (under expand_lock) and
   * kept in task_row_tracks[r], as for region levels. */
  guint       n_task_rows;
  guint32    *task_row_order;
  guint32    *task_row_first;        /* n_task_rows + 1 */
  GolanesTrack **task_row_tracks;
  GolanesIntervalTree *task_tree;

  GArray     *regions;               /* GolanesTimelineRegion, while loading */
  GolanesPackedTable region_table;   /* the same, packed at the finish (_golanes_timeline_pack_annotations()) */
  guint32    *region_order;          /* region indices by goroutine, level, start */
  GArray     *region_goroutines;     /* guint32: the goroutines with region levels, in order; NULL until the finish */
  GolanesIntervalTree *region_tree;

  GArray     *logs;                  /* GolanesTimelineLog, while loading */
  GolanesPackedTable log_table;      /* the same, packed at the finish */
  GArray     *samples;
};

/* Goroutine @gi's locator.  While loading, the builder writes them to a
 * plain array; the finish packs them (pack_locators()) in fields of
 * LOC_BLOCK (golanes_pack_values()): consecutive goroutines mostly end
 * one after the other, so their records lie close together and a
 * locator takes about 14 bits instead of 32. */
#define LOC_BLOCK 32

static inline guint32
goroutine_loc (GolanesTimeline *self,
               guint32          gi)
{
  GolanesPackedField f;
  guint32 block = gi / LOC_BLOCK;

  if (G_LIKELY (self->loc != NULL))
    return self->loc[gi];
  golanes_packed_field_parse (self->loc_packed + self->loc_anchors[block],
                              MIN (LOC_BLOCK, self->n_goroutines - block * LOC_BLOCK), &f);
  return (guint32) golanes_packed_field_get (&f, gi % LOC_BLOCK);
}

static inline gboolean
is_hot (GolanesTimeline *self,
        guint32          gi)
{
  return (goroutine_loc (self, gi) & LOC_HOT) != 0;
}

static inline Goroutine *
hot_goroutine (GolanesTimeline *self,
               guint32          gi)
{
  return &g_array_index (self->goroutines, Goroutine, goroutine_loc (self, gi) & ~LOC_HOT);
}

#define GOROUTINE(self, i) hot_goroutine ((self), (i))
#define GBUILD(self, i)    (&hot_goroutine ((self), (i))->b)
#define PROC(self, i)      (&g_array_index ((self)->procs, GolanesTimelineProc, (i)))
#define PBUILD(self, i)    (&g_array_index ((self)->pbuild, PBuild, (i)))
#define THREAD(self, i)    (&g_array_index ((self)->threads, GolanesTimelineThread, (i)))
#define RANGE(self, i)     (&g_array_index ((self)->ranges, GolanesTimelineRange, (i)))

/* Goroutine ids of the dense range map to indices in blocks of
 * GOID_BLOCK (golanes-timeline.c, pack_goids()). */
#define GOID_BLOCK 16

/* The builder's (golanes-timeline.c). */
void  _golanes_unblocks_add    (Unblocks       *u,
                                guint32         span,
                                guint32         goroutine);
gint  _golanes_unblocks_lookup (const Unblocks *u,
                                guint32         span);
gsize _golanes_unblocks_size   (const Unblocks *u);

/* The packed records' decoding (golanes-timeline-read.c). */
const guint8 *_golanes_timeline_cold_header      (GolanesTimeline          *self,
                                                  guint32                   gi,
                                                  gsize                     offset,
                                                  GolanesTimelineGoroutine *out,
                                                  guint                    *bits);
GolanesTrack *_golanes_timeline_expand_goroutine (GolanesTimeline          *self,
                                                  guint32                   gi,
                                                  gsize                     offset,
                                                  gboolean                  finish,
                                                  Unblocks                **unblocks);

/* golanes_timeline_finish_yielding() lets readers in between its steps,
 * each at most YIELD_ITEMS items of a loop or one sort. */
#define YIELD_ITEMS 16384

typedef struct
{
  GolanesTimelineYieldFunc   func;
  GolanesTimelineReleaseFunc release;
  gpointer                   data;
} Yield;

static inline void
yield_now (const Yield *yield)
{
  if (yield->func != NULL)
    yield->func (yield->data);
}

/* Between readers_in() and readers_out() the builder only reads the model
 * and writes what is its own (a tree, an order not published yet), so
 * readers may be in all along: the sorts do not hold them up. */
static inline void
readers_in (const Yield *yield)
{
  if (yield->release != NULL)
    yield->release (TRUE, yield->data);
}

static inline void
readers_out (const Yield *yield)
{
  if (yield->release != NULL)
    yield->release (FALSE, yield->data);
}

/* Goroutine @goid's index as of @time, made if new (golanes-timeline.c),
 * and a packed goroutine brought back to the live array. */
guint32    _golanes_timeline_goroutine_index (GolanesTimeline *self,
                                              gint64           goid,
                                              gint64           time);
Goroutine *_golanes_timeline_promote_cold    (GolanesTimeline *self,
                                              guint32          gi);

/* User annotations (golanes-timeline-annotations.c): tasks, regions and
 * logs as events come, then the regions' nesting levels and the tasks'
 * rows at the finish. */
void _golanes_timeline_handle_task     (GolanesTimeline    *self,
                                        GolanesTraceReader *reader,
                                        const GolanesEvent *ev);
void _golanes_timeline_handle_region   (GolanesTimeline    *self,
                                        GolanesTraceReader *reader,
                                        const GolanesEvent *ev);
void _golanes_timeline_handle_log      (GolanesTimeline    *self,
                                        GolanesTraceReader *reader,
                                        const GolanesEvent *ev);
/* Region @index, from the array while loading, else from the table. */
void _golanes_timeline_region_at       (GolanesTimeline       *self,
                                        guint                  index,
                                        GolanesTimelineRegion *out);
void _golanes_timeline_task_at         (GolanesTimeline       *self,
                                        guint                  index,
                                        GolanesTimelineTask   *out);
void _golanes_timeline_log_at          (GolanesTimeline       *self,
                                        guint                  index,
                                        GolanesTimelineLog    *out);
/* Moves the tasks, the regions and the logs to their packed tables, at
 * the finish. */
void _golanes_timeline_pack_annotations (GolanesTimeline    *self);
void _golanes_timeline_finish_regions  (GolanesTimeline    *self,
                                        const Yield        *yield);
void _golanes_timeline_finish_tasks    (GolanesTimeline    *self,
                                        const Yield        *yield);

/* The tracks of region levels and task rows, made on first request
 * (golanes-timeline-annotations.c). */
GolanesTrack *_golanes_timeline_region_level     (GolanesTimeline          *self,
                                                  GoroutineExtra           *e,
                                                  guint                     level);
GolanesTrack *_golanes_timeline_task_row         (GolanesTimeline          *self,
                                                  guint                     row);

/* Tests: with FALSE, ended goroutines keep their tracks instead of going
 * to the compact store (set before the first event). */
void _golanes_timeline_set_compact (GolanesTimeline *self,
                                    gboolean         compact);
/* Tests: the compact store writes its times on a tick of 2^@tick ns
 * whatever the trace's own (set before the first event). */
void _golanes_timeline_set_time_tick (GolanesTimeline *self,
                                      guint            tick);

G_END_DECLS
