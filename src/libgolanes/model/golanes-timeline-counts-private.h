/* golanes-timeline-counts-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "golanes-timeline.h"

G_BEGIN_DECLS

/* The goroutine counts series: how many goroutines run, wait to run,
 * wait and sit in a syscall, as a point per change.  Points come in
 * blocks of up to GOLANES_COUNT_BLOCK: per point the time since the
 * previous one and its code (the class left << 3 | the class entered),
 * each bit-packed per block (golanes_pack_values()); the points of the
 * last block wait unpacked until it is full.  A block's bytes start with
 * the counts before its first point (four zigzag varints), so that a
 * look-up decodes one block; the header keeps only where it starts. */
#define GOLANES_COUNT_BLOCK 64

typedef struct
{
  gint64  base;           /* time of the block's first point */
  guint32 first;          /* index of its first point */
  guint32 offset;         /* of its bytes in data, once packed */
} GolanesCountBlock;

typedef struct
{
  GolanesCountBlock *blocks;
  guint              n_blocks;
  guint              cap_blocks;
  guint8            *data;
  gsize              len;
  gsize              cap;
  guint64            pend_dt[GOLANES_COUNT_BLOCK];   /* ns since the previous point */
  guint64            pend_code[GOLANES_COUNT_BLOCK];
  guint              n_pend;
  gint32             pend_counts[4]; /* before the last block's first point */
  gint64             last_time;
  guint              n_points;
  gint32             cur[4];
  gint32             cur_total;     /* sum of cur */
  gint32             max_total;
} GolanesCountSeries;

/* A zeroed GolanesCountSeries is empty and ready. */
void  _golanes_count_series_clear           (GolanesCountSeries     *self);
/* A goroutine went from GolanesGoState @from to @to at @time. */
void  _golanes_count_series_add             (GolanesCountSeries     *self,
                                             gint64                  time,
                                             guint                   from,
                                             guint                   to);
/* Packs the last block and gives back unused room. */
void  _golanes_count_series_finish          (GolanesCountSeries     *self);
gsize _golanes_count_series_get_memory_size (const GolanesCountSeries *self);
void  _golanes_count_series_get_point       (const GolanesCountSeries *self,
                                             guint                   index,
                                             GolanesGoroutineCounts *out);
void  _golanes_count_series_get_at          (const GolanesCountSeries *self,
                                             gint64                  time,
                                             GolanesGoroutineCounts *out);
/* The same, searching from block *@hint, where it leaves the block found:
 * for look-ups of times in order. */
void  _golanes_count_series_get_near        (const GolanesCountSeries *self,
                                             gint64                  time,
                                             GolanesGoroutineCounts *out,
                                             guint                  *hint);

G_END_DECLS
