/* golanes-goroutine-summary-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "golanes-cold-store-private.h"
#include "golanes-goroutine-summary.h"
#include "golanes-id-map-private.h"
#include "golanes-region-log-private.h"
#include "golanes-varint-private.h"

G_BEGIN_DECLS

/* The insides of a goroutine summary, shared by golanes-goroutine-summary.c
 * (the books, the store's writer and reader, the output) and
 * golanes-goroutine-order.c (the id order of the store, at the finish). */

/* A duration (or a timestamp) under a string id of the stack table. */
typedef struct
{
  guint32 name;
  gint64  time;
} Entry;

/* The goroutines whose books are closed, one record each, as varints:
 * the id and the creation time as deltas from the previous record (from 0
 * at every STORE_GROUP-th record, whose offset the anchors keep), the
 * name, the PC against the first PC seen under that name, the start and
 * end against the creation (0 for none), a shape word (the SHAPE_* bits
 * and the number of block reasons above them), then the times the shape
 * does not leave out: total, sched wait (from start - creation), exec,
 * syscall, syscall block;
 * the block reasons as (string id, time) pairs, and if any, the number
 * of ranges and their pairs.  The total is left out when it is end -
 * creation, the exec time when it is what the total leaves over the
 * other times.  Times and durations are on the trace's tick
 * (golanes_varint_put_time()), found at the first record: a short-lived
 * goroutine takes about 14 bytes, some 9 once compressed. */
#define STORE_GROUP 16
#define SHAPE_TOTAL_IS_LIFE   0x01
#define SHAPE_EXEC_IS_REST    0x02
#define SHAPE_SYSCALL         0x04
#define SHAPE_SYSCALL_BLOCK   0x08
#define SHAPE_RANGES          0x10
#define SHAPE_BLOCKS_SHIFT    5

typedef struct
{
  GolanesColdStore cold;  /* the records, compressed (golanes-cold-store-private.h) */
  guint64 *anchors;       /* offset of every STORE_GROUP-th record */
  guint    n;
  gint64   last_id;
  gint64   last_creation;
  gint64   min_id;        /* of the records, if n > 0 */
  gint64   max_id;
  guint    tick;          /* of the records' times, fixed at the first */
  gint     forced_tick;   /* tests: tick + 1, 0 to find it */
} Store;

/* A record read back. */
typedef struct
{
  gint64  id;
  guint32 name;
  guint64 pc;
  gint64  creation_time;
  gint64  start_time;
  gint64  end_time;
  gint64  total_time;
  gint64  exec_time;
  gint64  sched_wait_time;
  gint64  syscall_time;
  gint64  syscall_block_time;
  guint   n_blocks;
  guint   n_ranges;
  Entry   pairs[64];      /* blocks, then ranges; more are dropped */
} Record;

struct _GolanesGoroutineSummary
{
  GolanesStackTable *stacks;
  gboolean           own_stacks;
  GolanesIdMap       by_id;         /* goroutine id -> GState *, the live ones */
  GHashTable        *tasks;         /* &TState.id -> TState */
  GolanesIdMap       syscalling_p;  /* proc -> goroutine */
  GolanesIdMap       syscalling_g;  /* goroutine -> proc */
  /* The last reason string interned, valid within a generation. */
  const char        *reason_data;
  gsize              reason_len;
  guint32            reason_id;
  GArray            *ranges_p;      /* ProcRange + goroutine, see below */
  GArray            *ranges_p_g;    /* gint64, parallel to ranges_p */
  gint64             first_ts;
  gint64             last_ts;
  gint64             sync_ts;
  guint32            str_forever;
  gboolean           finished;
  GolanesTickCount   time_ticks;    /* of the events' times, until the first record */
  guint              order_window;  /* tests: instead of ORDER_WINDOW */
  guint              n_late;        /* records too late for the window, G_MAXUINT: not by it */

  GStringChunk      *strings;
  GPtrArray         *spare;         /* GState of ended goroutines to reuse, up to SPARE_MAX */
  Store              store;         /* the goroutines whose books are closed */
  GolanesIdMap       group_of;      /* name string id -> group index + 1 */
  GolanesIdMap       pc_of;         /* name string id -> first PC */
  GArray            *group_names;   /* guint32 string id per group */
  GPtrArray         *group_blocks;  /* Entries * per group: block time by reason */
  GArray            *zero_total;    /* GState *: ended at their creation, see store_g */
  /* Record indices sorted by goroutine id, as zigzag varint deltas
   * (from 0 at every STORE_GROUP-th, whose offset order_anchors keeps):
   * records are closed roughly in id order, so most take a byte. */
  guint8            *by_id_order;
  gsize              order_len;
  guint64           *order_anchors;
  /* The group (index into group_names) of each goroutine in id order,
   * group_width bytes each: a group's members without a pass over the
   * records. */
  guint8            *group_by_index;
  guint              group_width;
  GArray            *infos;         /* GolanesGoroutineInfo, made on first request */
  GPtrArray         *info_arrays;   /* GolanesGoroutineInfo allocations behind infos */
  GArray            *groups;        /* GolanesGoroutineGroup */
  GolanesRegionLog   regions;       /* see golanes-region-log-private.h */
  guint64            next_serial;   /* of goroutine states */
  GArray            *task_list;     /* GolanesUserTask */
  gint64             total_exec_time;
};


static inline void
group_put (guint8 *a,
           guint   width,
           guint   i,
           guint32 v)
{
  if (width == 1)
    a[i] = (guint8) v;
  else if (width == 2)
    ((guint16 *) (gpointer) a)[i] = (guint16) v;
  else
    ((guint32 *) (gpointer) a)[i] = v;
}


static inline guint32
group_get (const guint8 *a,
           guint         width,
           guint         i)
{
  if (width == 1)
    return a[i];
  if (width == 2)
    return ((const guint16 *) (gconstpointer) a)[i];
  return ((const guint32 *) (gconstpointer) a)[i];
}

/* Puts the store in id order at the finish: self->by_id_order,
 * order_anchors and group_by_index (golanes-goroutine-order.c). */
void _golanes_goroutine_summary_order_by_id (GolanesGoroutineSummary *self);

/* Tests: the records write their times on a tick of 2^@tick ns whatever
 * the trace's own (set before the first event). */
void _golanes_goroutine_summary_set_time_tick (GolanesGoroutineSummary *self,
                                               guint                    tick);

/* Tests: the finish puts the goroutines in id order through a window of
 * @window records (65,536), and if that is too small, as before, through
 * a table of them all. */
void _golanes_goroutine_summary_set_order_window (GolanesGoroutineSummary *self,
                                                  guint                    window);
/* How many records came too late for the window and were merged in;
 * G_MAXUINT when the order was found through the table. */
guint _golanes_goroutine_summary_get_n_late (GolanesGoroutineSummary *self);

G_END_DECLS
