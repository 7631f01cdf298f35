/* golanes-critical-path.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "golanes-timeline.h"

G_BEGIN_DECLS

/*
 * Critical paths: why a task, a region or a stretch of a goroutine took
 * as long as it did.
 *
 * The walk starts at the end of the target interval on its goroutine and
 * goes backward in time.  Running time is the goroutine's own work,
 * runnable time is scheduler latency, a syscall is a syscall; a wait that
 * another goroutine ended hands the walk to that goroutine, from the
 * moment it unblocked the waiter back to the moment the wait began; a wait
 * nobody ended (sleep, timers, the network poller, the runtime) is charged
 * to its reason.  Time before a goroutine existed goes to the goroutine
 * that created it.  GC mark assists, GC workers and stop-the-world pauses
 * on the path are kinds of their own.  The segments tile the target
 * interval exactly: in time order, without gaps or overlaps.  src/DESIGN.md
 * ("Critical paths") gives the rules and a worked example.
 *
 * A path reads a finished timeline (its goroutines' tracks are made on
 * demand, which is thread-safe), so paths can be computed on any thread.
 */

typedef enum
{
  GOLANES_CRIT_RUNNING,
  GOLANES_CRIT_RUNNABLE,
  GOLANES_CRIT_WAITING,
  GOLANES_CRIT_SYSCALL,
  GOLANES_CRIT_GC,
  GOLANES_CRIT_STW,
  GOLANES_CRIT_N_KINDS
} GolanesCritKind;

typedef struct
{
  gint64      start;
  gint64      end;
  guint32     goroutine;  /* index in the timeline */
  guint32     function;   /* string id of the timeline's stack table, 0 */
  const char *reason;     /* wait reason, STW kind, GC label; "" if none */
  guint8      kind;       /* GolanesCritKind */
} GolanesCritSegment;

typedef struct _GolanesCriticalPath GolanesCriticalPath;

/* The path of goroutine @goroutine (an index) over [@start, @end). */
GolanesCriticalPath *golanes_critical_path_new             (GolanesTimeline *timeline,
                                                            guint            goroutine,
                                                            gint64           start,
                                                            gint64           end,
                                                            GError         **error);
/* A task, from its creation to its end, walked back from the goroutine
 * that ended it (or, for a task that never ended, the one that made it,
 * from the trace end). */
GolanesCriticalPath *golanes_critical_path_new_for_task    (GolanesTimeline *timeline,
                                                            guint            task,
                                                            GError         **error);
GolanesCriticalPath *golanes_critical_path_new_for_region  (GolanesTimeline *timeline,
                                                            guint            region,
                                                            GError         **error);
void                 golanes_critical_path_free            (GolanesCriticalPath *self);

gint64                    golanes_critical_path_get_start      (GolanesCriticalPath *self);
gint64                    golanes_critical_path_get_end        (GolanesCriticalPath *self);
guint                     golanes_critical_path_get_goroutine  (GolanesCriticalPath *self);
const GolanesCritSegment *golanes_critical_path_get_segments   (GolanesCriticalPath *self,
                                                                guint               *n_segments);
/* "running", "runnable", "waiting", "syscall", "gc", "stw". */
const char               *golanes_crit_kind_to_string          (GolanesCritKind      kind);

/*
 * A breakdown: where the time of one or more paths went, per kind, per
 * goroutine (or, over several paths, per goroutine start function) and
 * per function, each list sorted by time, largest first.  The totals of
 * each list sum to the paths' wall time.
 */
typedef struct
{
  guint32 key;     /* goroutine index, or string id (start function, function) */
  gint64  total;
} GolanesCritEntry;

typedef struct
{
  guint   n_paths;
  gint64  wall;                          /* sum of the paths' lengths */
  gint64  by_kind[GOLANES_CRIT_N_KINDS];
  GArray *by_goroutine;                  /* GolanesCritEntry, key = goroutine index */
  GArray *by_start_function;             /* GolanesCritEntry, key = string id */
  GArray *by_function;                   /* GolanesCritEntry, key = string id (0: unknown) */
} GolanesCritBreakdown;

GolanesCritBreakdown *golanes_crit_breakdown_new    (void);
void                  golanes_crit_breakdown_add    (GolanesCritBreakdown *self,
                                                     GolanesTimeline      *timeline,
                                                     GolanesCriticalPath  *path);
/* Sorts the lists; call once, after the last add. */
void                  golanes_crit_breakdown_finish (GolanesCritBreakdown *self);
void                  golanes_crit_breakdown_free   (GolanesCritBreakdown *self);

/*
 * Every complete instance of a task type or a region type, with the
 * breakdown of the median instance (by length, the lower median) and of
 * the slowest 1% (the instances at least as long as the nearest-rank
 * 99th percentile, summed: divide by n_paths for the mean).
 */
typedef struct _GolanesCritAggregate GolanesCritAggregate;

GolanesCritAggregate *golanes_crit_aggregate_new_for_task_type   (GolanesTimeline *timeline,
                                                                  const char      *type);
GolanesCritAggregate *golanes_crit_aggregate_new_for_region_type (GolanesTimeline *timeline,
                                                                  const char      *type);
void                  golanes_crit_aggregate_free           (GolanesCritAggregate *self);
/* Instances in order of their start. */
guint                 golanes_crit_aggregate_get_n_instances (GolanesCritAggregate *self);
GolanesCriticalPath  *golanes_crit_aggregate_get_instance    (GolanesCritAggregate *self,
                                                              guint                 index);
/* The median instance's index, or -1 when there is none. */
gint                  golanes_crit_aggregate_get_median      (GolanesCritAggregate *self);
const GolanesCritBreakdown *golanes_crit_aggregate_get_median_breakdown (GolanesCritAggregate *self);
const GolanesCritBreakdown *golanes_crit_aggregate_get_slowest_breakdown (GolanesCritAggregate *self);
gint64                golanes_crit_aggregate_get_p99         (GolanesCritAggregate *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GolanesCriticalPath, golanes_critical_path_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GolanesCritBreakdown, golanes_crit_breakdown_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GolanesCritAggregate, golanes_crit_aggregate_free)

G_END_DECLS
