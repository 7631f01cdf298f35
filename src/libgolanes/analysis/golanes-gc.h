/* golanes-gc.h
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
 * Garbage collector analysis: a streaming consumer.  Feed it every event of
 * the reader (in the same pass as other analyses), call golanes_gc_finish(),
 * then read the results, which stay valid until golanes_gc_free().
 *
 * A GC cycle is one "GC concurrent mark phase" range together with the
 * stop-the-world pause that precedes the marking ("GC sweep termination")
 * and the one that ends it ("GC mark termination").  Anything still running
 * when the trace ends is cut there and flagged open; durations are never
 * negative.
 */

/* A (time, value) point of a step series: the value holds from @time on. */
typedef struct
{
  gint64  time;
  guint64 value;
} GolanesGcSample;

typedef struct
{
  gint64   start;
  gint64   duration;   /* up to the end of the trace if @open */
  gboolean open;       /* still stopped when the trace ended */
  char    *reason;     /* the kind, e.g. "GC mark termination", "start trace" */
  gboolean gc;         /* the reason mentions GC (what MMU counts as GC STW) */
  gint64   goroutine;  /* the goroutine that stopped the world, or -1 */
  int      cycle;      /* index of the GC cycle it belongs to, or -1 */
} GolanesStwPause;

typedef struct
{
  guint    index;
  gint64   start;            /* earliest of sweep termination and mark begin */
  gint64   duration;         /* to the end of mark termination (or trace) */
  gint64   mark_start;       /* "GC concurrent mark phase" */
  gint64   mark_duration;
  gboolean open;             /* the trace ended before the cycle did */
  gboolean began_before_trace; /* the mark phase was already running */
  int      sweep_termination; /* index into the pauses, or -1 */
  int      mark_termination;  /* index into the pauses, or -1 */
  gint64   stw_total;        /* both pauses */

  gboolean has_heap_before;  /* last heap-in-use value before the cycle */
  guint64  heap_before;
  gboolean has_heap_after;   /* first heap-in-use value after the cycle */
  guint64  heap_after;
  gboolean has_heap_goal;    /* the goal in force when the cycle began */
  guint64  heap_goal;
  gboolean has_next_heap_goal; /* the goal the cycle set */
  guint64  next_heap_goal;

  guint    n_assists;        /* mark assists begun during the cycle */
  gint64   assist_time;      /* summed over goroutines, including the time
                              * they sat parked waiting for assist credit,
                              * so it can exceed the cycle's duration */
  guint    n_sweeps;         /* incremental sweeps begun after this cycle */
  gint64   sweep_time;       /*   started and before the next one */
  guint64  swept_bytes;
  guint64  reclaimed_bytes;
} GolanesGcCycle;

typedef struct
{
  gint64  trace_start;       /* first and last event */
  gint64  trace_end;

  guint   n_cycles;
  guint   n_open_cycles;
  gint64  mark_time;         /* sum of mark phases */

  guint   n_pauses;          /* every stop-the-world */
  guint   n_gc_pauses;       /* those for the GC */
  gint64  pause_time;
  gint64  gc_pause_time;
  /* Over every pause; nearest-rank percentiles (the smallest duration with
   * at least p% of the pauses at or below it); 0 without pauses. */
  gint64  pause_p50;
  gint64  pause_p90;
  gint64  pause_p99;
  gint64  pause_max;

  guint   n_assists;
  gint64  assist_time;
  guint   n_sweeps;
  gint64  sweep_time;
  guint64 swept_bytes;
  guint64 reclaimed_bytes;
} GolanesGcTotals;

typedef struct _GolanesGc GolanesGc;

GolanesGc *golanes_gc_new    (void);
/* Before the first event: keep only the last value of each series (the
 * cycles need no more), so that the series getters give at most one
 * sample.  The document does, since its timeline holds the series
 * (golanes_timeline_get_series()). */
void       golanes_gc_set_keep_series (GolanesGc *self,
                                       gboolean   keep);
void       golanes_gc_free   (GolanesGc          *self);
void       golanes_gc_feed   (GolanesGc          *self,
                              GolanesTraceReader *reader,
                              const GolanesEvent *event);
void       golanes_gc_finish (GolanesGc          *self);

const GolanesGcCycle  *golanes_gc_get_cycles (GolanesGc *self,
                                              guint     *n_cycles);
const GolanesStwPause *golanes_gc_get_pauses (GolanesGc *self,
                                              guint     *n_pauses);
const GolanesGcTotals *golanes_gc_get_totals (GolanesGc *self);

/* Step series without repeated values: heap in use
 * (/memory/classes/heap/objects:bytes), heap goal (/gc/heap/goal:bytes)
 * and GOMAXPROCS (/sched/gomaxprocs:threads). */
const GolanesGcSample *golanes_gc_get_heap_series       (GolanesGc *self,
                                                         guint     *n_samples);
const GolanesGcSample *golanes_gc_get_heap_goal_series  (GolanesGc *self,
                                                         guint     *n_samples);
const GolanesGcSample *golanes_gc_get_gomaxprocs_series (GolanesGc *self,
                                                         guint     *n_samples);

G_END_DECLS
