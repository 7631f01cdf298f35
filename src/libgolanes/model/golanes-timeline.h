/* golanes-timeline.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "golanes-interval-tree.h"
#include "golanes-stack-table.h"
#include "golanes-timeline-track.h"
#include "golanes-trace-reader.h"

G_BEGIN_DECLS

/*
 * The timeline model: every track the viewer draws, built in one pass over
 * the event stream.
 *
 *   GolanesTimeline *tl = golanes_timeline_new ();
 *   while (golanes_trace_reader_next (reader, &ev, &error))
 *     golanes_timeline_feed (tl, reader, &ev);
 *   golanes_timeline_finish (tl);
 *   ... getters, golanes_track_*() queries on the tracks ...
 *   golanes_timeline_free (tl);
 *
 * Stacks and names are interned in the timeline's GolanesStackTable
 * (golanes_timeline_get_stack_table()); "string id" below means an id of
 * that table, "stack id" a stack of it.  Short names (wait reasons, labels,
 * stop-the-world kinds) are 16-bit "reason ids", see
 * golanes_timeline_get_reason().
 *
 * Goroutines, procs and threads are numbered densely in order of first
 * appearance ("index"); spans refer to goroutines by index.
 *
 * Spans that never end (a goroutine still alive, a GC cut off by the end
 * of the trace, a task or region that never ends) end at the trace end and
 * carry GOLANES_SPAN_OPEN.  Things already under way when the trace begins
 * carry GOLANES_SPAN_OPEN_START.
 */

/* States of goroutine spans (golanes_timeline_get_goroutine_states(), and the
 * state of P and M spans). */
typedef enum
{
  GOLANES_G_CREATED,   /* created, not run yet */
  GOLANES_G_RUNNING,
  GOLANES_G_RUNNABLE,
  GOLANES_G_WAITING,
  GOLANES_G_SYSCALL,
  GOLANES_G_N_STATES
} GolanesGSpanState;

/* Kinds of GC ranges. */
typedef enum
{
  GOLANES_GC_RANGE_MARK,     /* concurrent mark phase: one GC cycle */
  GOLANES_GC_RANGE_STW,      /* stop-the-world; reason = its kind */
  GOLANES_GC_RANGE_SWEEP,    /* incremental sweep, on a P */
  GOLANES_GC_RANGE_ASSIST,   /* mark assist, on a goroutine */
} GolanesGcRangeKind;

typedef struct
{
  gint64  start;
  gint64  end;
  gint64  scope;        /* goroutine id (STW, assist), P id (sweep), -1 */
  guint64 swept;        /* sweep: bytes swept, reclaimed */
  guint64 reclaimed;
  guint16 reason;       /* STW: reason id of the kind ("GC mark termination", ...) */
  guint8  kind;         /* GolanesGcRangeKind */
  guint8  flags;        /* GolanesSpanFlags */
} GolanesTimelineRange;

typedef struct
{
  guint32 span;         /* index of a GOLANES_G_WAITING span */
  guint32 goroutine;    /* index of the goroutine that made it runnable */
} GolanesUnblock;

/*
 * A goroutine, as golanes_timeline_get_goroutine() copies it out (the
 * model keeps most goroutines packed, see "Goroutine storage" in
 * golanes-timeline.c).  Its tracks come from getters:
 * golanes_timeline_get_goroutine_states(): arg = stack id at the span
 * start (the transition stack: where it blocked, where it was created,
 * ...), reason = reason id of the transition into the span (wait reason,
 * "preempted", ...; for running spans the goroutine's label such as "GC
 * (dedicated)" if it has one), state = GolanesGSpanState;
 * golanes_timeline_get_goroutine_assists(): arg = range index;
 * golanes_timeline_get_goroutine_region_level (l): arg = region index,
 * regions nested l deep.
 */
typedef struct
{
  gint64          id;
  gint64          parent;          /* goroutine id of the creator, -1 */
  gint64          created;         /* first seen */
  gint64          ended;           /* ceased to exist, or the trace end */
  guint32         start_func;      /* string id, 0 = unknown */
  guint32         creation_stack;  /* stack id where it was created, 0 */
  guint8          flags;           /* GOLANES_SPAN_OPEN / _OPEN_START */
} GolanesTimelineGoroutine;

/* A P.  @goroutines: state RUNNING or SYSCALL (a goroutine in a syscall
 * still holding the P, until the P is handed off), arg = goroutine index;
 * gaps are idle.  @states: the P's own state, GOLANES_PROC_RUNNING or
 * GOLANES_PROC_IDLE.  @sweeps: arg = range index. */
typedef struct
{
  gint64        id;
  GolanesTrack *goroutines;
  GolanesTrack *states;
  GolanesTrack *sweeps;
} GolanesTimelineProc;

/* An M (OS thread).  @goroutines: spans of state GOLANES_G_RUNNING while
 * the M holds a P (arg = proc index; the goroutine it runs is on that P's
 * track, see golanes_timeline_get_thread_goroutine_at()), and of state
 * GOLANES_G_SYSCALL while it runs a goroutine in a syscall without a P
 * (after the hand-off; arg = goroutine index).  Gaps: the M has no P. */
typedef struct
{
  gint64        id;
  GolanesTrack *goroutines;
} GolanesTimelineThread;

typedef struct
{
  guint64 id;
  guint64 parent;          /* GOLANES_NO_TASK */
  gint32  parent_index;    /* -1 */
  guint32 type;            /* string id */
  gint64  start;
  gint64  end;
  gint64  start_goroutine; /* -1 if unknown */
  gint64  end_goroutine;   /* -1 if it never ended */
  guint32 row;             /* row in golanes_timeline_get_task_rows() */
  guint8  flags;
} GolanesTimelineTask;

typedef struct
{
  gint64  start;
  gint64  end;
  guint64 task;
  gint64  goroutine;  /* id */
  guint32 type;       /* string id */
  guint32 stack;      /* stack id of the begin (or end) event */
  guint32 level;      /* nesting depth on its goroutine */
  guint8  flags;
} GolanesTimelineRegion;

typedef struct
{
  gint64  time;
  gint64  goroutine;
  guint64 task;
  guint32 category;   /* string id */
  guint32 message;    /* string id */
  guint32 stack;
} GolanesTimelineLog;

typedef struct
{
  gint64  time;
  gint64  goroutine;
  gint64  thread;
  gint64  proc;
  guint32 stack;
} GolanesTimelineSample;

typedef struct
{
  gint64  time;
  guint64 value;
} GolanesSeriesPoint;

typedef enum
{
  GOLANES_SERIES_HEAP_ALLOC,
  GOLANES_SERIES_HEAP_GOAL,
  GOLANES_SERIES_GOMAXPROCS,
  GOLANES_N_SERIES
} GolanesSeriesKind;

/* Goroutine counts after a change (or in effect at a time). */
typedef struct
{
  gint64 time;
  gint32 running;
  gint32 runnable;   /* includes created-not-yet-run */
  gint32 waiting;
  gint32 syscall;
} GolanesGoroutineCounts;

typedef struct _GolanesTimeline GolanesTimeline;

GolanesTimeline *golanes_timeline_new    (void);
void             golanes_timeline_free   (GolanesTimeline    *self);
void             golanes_timeline_feed   (GolanesTimeline    *self,
                                          GolanesTraceReader *reader,
                                          const GolanesEvent *event);
void             golanes_timeline_finish (GolanesTimeline    *self);
/* As golanes_timeline_finish(), calling @func between its steps (at most
 * 16 k items of a loop each): a streaming load lets its readers in there.
 * Around its sorts and tree building, which only read the model, it calls
 * @release with TRUE, then FALSE: readers may stay in meanwhile.  They
 * read the model as an unfinished one until it is finished at the end. */
typedef void (*GolanesTimelineYieldFunc)   (gpointer user_data);
typedef void (*GolanesTimelineReleaseFunc) (gboolean release,
                                            gpointer user_data);
void             golanes_timeline_finish_yielding (GolanesTimeline            *self,
                                                   GolanesTimelineYieldFunc    func,
                                                   GolanesTimelineReleaseFunc  release,
                                                   gpointer                    user_data);
/* Convenience: read a whole trace.  On a read error the model holds the
 * events read so far (finished) and @error is set. */
GolanesTimeline *golanes_timeline_new_from_reader (GolanesTraceReader *reader,
                                                   GError            **error);

/* Every getter works while the model is built, between two events fed
 * (the streaming load reads it so, inside the document's gate): it shows
 * the events fed so far, with open spans and ranges ending at the latest
 * event (golanes_timeline_get_end_time()).  Tasks, task rows and regions
 * appear at golanes_timeline_finish(). */
gboolean          golanes_timeline_is_finished      (GolanesTimeline *self);

GolanesStackTable *golanes_timeline_get_stack_table (GolanesTimeline *self);
const char       *golanes_timeline_get_reason       (GolanesTimeline *self,
                                                     guint16          reason);
gint64            golanes_timeline_get_start_time   (GolanesTimeline *self);
gint64            golanes_timeline_get_end_time     (GolanesTimeline *self);
guint64           golanes_timeline_get_n_events     (GolanesTimeline *self);

guint                           golanes_timeline_get_n_goroutines (GolanesTimeline *self);
/* Copies goroutine @index into @out; FALSE (and @out zeroed) if there is
 * no such goroutine. */
gboolean                        golanes_timeline_get_goroutine    (GolanesTimeline          *self,
                                                                   guint                     index,
                                                                   GolanesTimelineGoroutine *out);
/* Its id alone, or -1. */
gint64                          golanes_timeline_get_goroutine_id (GolanesTimeline *self,
                                                                   guint            index);
/* Its start function, "main.worker" (valid UTF-8), or "" when unknown. */
char                           *golanes_timeline_dup_goroutine_function (GolanesTimeline *self,
                                                                         guint            index);
/* Index of goroutine @id, or -1. */
gint                            golanes_timeline_lookup_goroutine (GolanesTimeline *self,
                                                                   gint64           id);
/* The goroutine's state spans.  The track of a short-lived goroutine
 * that ended is made from the packed store on first request (any
 * thread) and kept. */
GolanesTrack                   *golanes_timeline_get_goroutine_states (GolanesTimeline *self,
                                                                       guint            index);
/* The goroutine's state spans into @spans (GolanesSpan), without making
 * its track. */
void                            golanes_timeline_read_goroutine_spans (GolanesTimeline *self,
                                                                       guint            index,
                                                                       GArray          *spans);
/* Its GC mark assists (NULL if none) and its regions by nesting level. */
GolanesTrack                   *golanes_timeline_get_goroutine_assists (GolanesTimeline *self,
                                                                        guint            index);
guint                           golanes_timeline_get_goroutine_n_region_levels (GolanesTimeline *self,
                                                                                guint            index);
GolanesTrack                   *golanes_timeline_get_goroutine_region_level (GolanesTimeline *self,
                                                                             guint            index,
                                                                             guint            level);
/* The goroutines (indices, ascending) with a region level, known once
 * the model is finished: a layout of millions of goroutines finds the
 * few that have region lanes without asking each. */
const guint32                  *golanes_timeline_get_region_goroutines (GolanesTimeline *self,
                                                                        guint           *n);
/* Bytes the finished model keeps for its goroutines beyond their spans
 * (records, the id map, the few goroutines' extras); @span_bytes: the
 * bytes of their spans (state, assist and region tracks, compact store). */
gsize                           golanes_timeline_get_goroutine_memory_size (GolanesTimeline *self,
                                                                            gsize           *span_bytes);
/* How many goroutines are kept compactly. */
guint                           golanes_timeline_get_n_compact_goroutines (GolanesTimeline *self);
/* The goroutine index that unblocked waiting span @span of goroutine
 * @index, or -1 (not unblocked by a goroutine, or not a waiting span). */
gint                            golanes_timeline_get_unblocker    (GolanesTimeline *self,
                                                                   guint            index,
                                                                   guint            span);

guint                       golanes_timeline_get_n_procs   (GolanesTimeline *self);
const GolanesTimelineProc  *golanes_timeline_get_proc      (GolanesTimeline *self,
                                                            guint            index);
guint                       golanes_timeline_get_n_threads (GolanesTimeline *self);
const GolanesTimelineThread *golanes_timeline_get_thread   (GolanesTimeline *self,
                                                            guint            index);
/* The goroutine index M @index runs at @time, or -1. */
gint                        golanes_timeline_get_thread_goroutine_at (GolanesTimeline *self,
                                                                      guint            index,
                                                                      gint64           time);

/* GC: every range, plus tracks of them (arg = range index). */
guint                       golanes_timeline_get_n_ranges  (GolanesTimeline *self);
const GolanesTimelineRange *golanes_timeline_get_range     (GolanesTimeline *self,
                                                            guint            index);
GolanesTrack               *golanes_timeline_get_gc_track  (GolanesTimeline *self);
GolanesTrack               *golanes_timeline_get_stw_track (GolanesTimeline *self);
/* Indices (guint32) of GC ranges of any kind intersecting [t0, t1). */
guint                       golanes_timeline_query_ranges  (GolanesTimeline *self,
                                                            gint64           t0,
                                                            gint64           t1,
                                                            GArray          *out);

const GolanesSeriesPoint *golanes_timeline_get_series (GolanesTimeline  *self,
                                                       GolanesSeriesKind kind,
                                                       guint            *n_points);

guint    golanes_timeline_get_n_count_points (GolanesTimeline        *self);
void     golanes_timeline_get_count_point    (GolanesTimeline        *self,
                                              guint                   index,
                                              GolanesGoroutineCounts *out);
/* The largest running + runnable + waiting + syscall total at any point. */
gint32   golanes_timeline_get_max_count_total (GolanesTimeline       *self);
/* The counts in effect at @time (all zero before the first change). */
void     golanes_timeline_get_counts_at      (GolanesTimeline        *self,
                                              gint64                  time,
                                              GolanesGoroutineCounts *out);
/* The same for times asked in about increasing order: @hint (0 at first)
 * keeps where the last one was found. */
void     golanes_timeline_get_counts_near    (GolanesTimeline        *self,
                                              gint64                  time,
                                              GolanesGoroutineCounts *out,
                                              guint                  *hint);

guint                      golanes_timeline_get_n_tasks   (GolanesTimeline *self);
/* Copies task @index into @out; FALSE (and @out zeroed) if there is none.
 * Tasks are kept packed. */
gboolean                   golanes_timeline_get_task      (GolanesTimeline     *self,
                                                           guint                index,
                                                           GolanesTimelineTask *out);
/* Task @index's type (a string id, 0 if none) and id. */
guint32                    golanes_timeline_get_task_type (GolanesTimeline *self,
                                                           guint            index);
guint64                    golanes_timeline_get_task_id   (GolanesTimeline *self,
                                                           guint            index);
/* Tasks packed into non-overlapping rows (arg = task index). */
guint                      golanes_timeline_get_n_task_rows (GolanesTimeline *self);
GolanesTrack              *golanes_timeline_get_task_row    (GolanesTimeline *self,
                                                             guint            row);
guint                      golanes_timeline_query_tasks   (GolanesTimeline *self,
                                                           gint64           t0,
                                                           gint64           t1,
                                                           GArray          *out);

guint                        golanes_timeline_get_n_regions (GolanesTimeline *self);
/* Copies region @index into @out; FALSE (and @out zeroed) if there is
 * none.  Regions are kept packed. */
gboolean                     golanes_timeline_get_region    (GolanesTimeline       *self,
                                                             guint                  index,
                                                             GolanesTimelineRegion *out);
/* The type (a string id) of region @index, 0 if there is none. */
guint32                      golanes_timeline_get_region_type (GolanesTimeline *self,
                                                               guint            index);
guint                        golanes_timeline_query_regions (GolanesTimeline *self,
                                                             gint64           t0,
                                                             gint64           t1,
                                                             GArray          *out);

guint                     golanes_timeline_get_n_logs    (GolanesTimeline *self);
/* Copies log @index into @out, as golanes_timeline_get_region(). */
gboolean                  golanes_timeline_get_log       (GolanesTimeline    *self,
                                                          guint               index,
                                                          GolanesTimelineLog *out);
guint                        golanes_timeline_get_n_samples (GolanesTimeline *self);
const GolanesTimelineSample *golanes_timeline_get_sample    (GolanesTimeline *self,
                                                             guint            index);

/* Bytes held by the finished model (including its stack table). */
gsize    golanes_timeline_get_memory_size (GolanesTimeline *self);
guint64  golanes_timeline_get_n_spans     (GolanesTimeline *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GolanesTimeline, golanes_timeline_free)

G_END_DECLS
