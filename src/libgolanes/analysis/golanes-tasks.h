/* golanes-tasks.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "golanes-goroutine-summary.h"

G_BEGIN_DECLS

/*
 * Latency statistics of user tasks and regions (runtime/trace.NewTask,
 * WithRegion/StartRegion), grouped like the /usertasks and /userregions
 * pages of `go tool trace`:
 *
 *  - tasks by name; the count includes tasks whose begin or end is not in
 *    the trace (and tasks only ever named as a parent), the latencies and
 *    the histogram only complete tasks (end - begin);
 *  - regions by name and the outermost frame of the stack at their begin;
 *    a missing begin or end counts as the trace start or end, so every
 *    region has a latency (and incomplete ones are counted apart too).
 *
 * Percentiles are nearest-rank over the latencies.  The histogram is Go's
 * TimeHistogram: five buckets per decade, bucket i starting at
 * 10^(i/5) ns; Go shows the buckets from @min_bucket to @max_bucket.
 */

typedef struct _GolanesTasks GolanesTasks;

typedef struct
{
  const char   *name;
  guint         count;
  guint         n_incomplete;
  guint         n_latencies;     /* latencies behind the figures below */
  gint64        total;
  gint64        p50;
  gint64        p90;
  gint64        p99;
  gint64        max;
  int           min_bucket;
  int           max_bucket;
  const guint  *buckets;         /* max_bucket + 1 counts */
  /* Regions only: the fingerprint frame ("" and 0 if none). */
  const char   *frame_func;
  const char   *frame_file;
  guint64       frame_pc;
  guint64       frame_line;
} GolanesLatencyStats;

/* @summary may be NULL: the tasks then keep (and feed) their own goroutine
 * summary.  A shared summary must be fed and finished by the caller
 * before golanes_tasks_finish(). */
GolanesTasks *golanes_tasks_new    (GolanesGoroutineSummary *summary);
void          golanes_tasks_free   (GolanesTasks            *self);
void          golanes_tasks_feed   (GolanesTasks            *self,
                                    GolanesTraceReader      *reader,
                                    const GolanesEvent      *event);
void          golanes_tasks_finish (GolanesTasks            *self);

GolanesGoroutineSummary   *golanes_tasks_get_summary (GolanesTasks *self);
/* Sorted by name. */
const GolanesLatencyStats *golanes_tasks_get_tasks   (GolanesTasks *self,
                                                      guint        *n);
/* Sorted by name, then frame PC. */
const GolanesLatencyStats *golanes_tasks_get_regions (GolanesTasks *self,
                                                      guint        *n);

/* Go's TimeHistogram bucket of a duration, and the smallest duration of a
 * bucket. */
int    golanes_histogram_bucket     (gint64 duration);
gint64 golanes_histogram_bucket_min (int    bucket);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GolanesTasks, golanes_tasks_free)

G_END_DECLS
