/* golanes-trace-summary.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "golanes-trace-reader.h"

G_BEGIN_DECLS

/*
 * Headline figures of a trace, from one pass over its events:
 *
 *  - duration: last event time - first event time;
 *  - generations: Sync events;
 *  - goroutines: distinct goroutine ids that have a state transition;
 *  - GC count: "GC concurrent mark phase" ranges begun (plus one already
 *    running when the trace starts);
 *  - STW: number and total time of stop-the-world ranges, those open at the
 *    start counted from the first Sync and those still open at the end up
 *    to the last event;
 *  - peak heap: maximum of the HeapAlloc metric
 *    (/memory/classes/heap/objects:bytes); peak GOMAXPROCS likewise.
 */

typedef struct _GolanesTraceSummary GolanesTraceSummary;

typedef struct
{
  guint   go_minor;          /* 0 if unknown */
  gint64  start_time;
  gint64  end_time;
  gint64  duration;
  guint64 n_events;
  guint   n_generations;
  guint   n_goroutines;
  guint   n_gc;
  guint   n_stw;
  gint64  stw_time;
  gint64  max_stw;
  guint64 peak_heap;         /* bytes, 0 if no metric */
  guint64 max_gomaxprocs;
} GolanesTraceSummaryInfo;

GolanesTraceSummary           *golanes_trace_summary_new    (void);
void                           golanes_trace_summary_free   (GolanesTraceSummary *self);
void                           golanes_trace_summary_feed   (GolanesTraceSummary *self,
                                                             GolanesTraceReader  *reader,
                                                             const GolanesEvent  *event);
void                           golanes_trace_summary_finish (GolanesTraceSummary *self);
const GolanesTraceSummaryInfo *golanes_trace_summary_get    (GolanesTraceSummary *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GolanesTraceSummary, golanes_trace_summary_free)

G_END_DECLS
