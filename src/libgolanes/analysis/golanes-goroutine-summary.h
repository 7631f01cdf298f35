/* golanes-goroutine-summary.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "golanes-stack-table.h"
#include "golanes-trace-reader.h"

G_BEGIN_DECLS

/*
 * Per-goroutine time accounting with the semantics of Go's
 * internal/trace Summarizer (Go 1.26), which `go tool trace` shows on its
 * /goroutines and /goroutine?name=... pages, plus the user tasks and
 * regions that the Summarizer collects on the way (see golanes-tasks.h).
 *
 * Go's quirks are kept on purpose, so that the numbers match:
 *  - a goroutine first seen in an undetermined state was created at the
 *    last Sync (or the first event), and the time since then counts in the
 *    state it is found in;
 *  - a syscall that is still open at the end and whose P was taken away
 *    adds the time since then to the sched wait time as well;
 *  - goroutines that ended with a total time of 0 get the time to the end
 *    of the trace as their total;
 *  - "Block time (syscall)" on the pages is the syscall block time plus any
 *    block reason literally named "syscall".
 *
 * Feed every event of one pass, then call golanes_goroutine_summary_finish()
 * once before the getters.  Strings returned live as long as the summary.
 */

typedef struct _GolanesGoroutineSummary GolanesGoroutineSummary;

/* A named duration: a block reason, a range or a page column. */
typedef struct
{
  const char *name;
  gint64      time;      /* nanoseconds */
} GolanesNamedTime;

/* The order of a goroutine page's columns, as Go's goroutine page sorts
 * them: "Execution time" first, then by name (strcmp-style result). */
int golanes_goroutine_summary_compare_columns (const char *a,
                                               const char *b);

typedef struct
{
  gint64                  id;
  const char             *name;            /* start function, "" if never seen */
  guint64                 pc;              /* PC of that frame */
  gint64                  creation_time;   /* trace clock, ns */
  gint64                  start_time;      /* 0 if it never ran */
  gint64                  end_time;        /* 0 if it never ended */
  gint64                  total_time;
  gint64                  exec_time;
  gint64                  sched_wait_time;
  gint64                  syscall_time;
  gint64                  syscall_block_time;
  gint64                  unknown_time;
  /* Sorted by name.  Reasons and ranges that were entered but took no time
   * are listed with 0, as Go's maps have them. */
  const GolanesNamedTime *block_times;
  guint                   n_block_times;
  const GolanesNamedTime *range_times;
  guint                   n_range_times;
  /* The columns of the /goroutine page (Go's NonOverlappingStats):
   * "Execution time" first, then by name. */
  const GolanesNamedTime *stats;
  guint                   n_stats;
} GolanesGoroutineInfo;

/* Goroutines grouped by start function, as on the /goroutines page. */
typedef struct
{
  const char *name;
  guint       count;
  gint64      exec_time;
  gint64      total_time;
  gint64      sched_wait_time;
  gint64      syscall_time;
  gint64      syscall_block_time;
  gint64      block_time;       /* all reasons */
  gint64      unknown_time;
  gint64      range_time;       /* all special ranges (GC, stop-the-world) */
  gint64      first_id;         /* the lowest goroutine id in the group */
  /* The block time by reason, sorted by name. */
  const GolanesNamedTime *block_times;
  guint       n_block_times;
} GolanesGoroutineGroup;

/* A user region type: the region's name and the outermost frame of the
 * stack at its begin (Go's region "fingerprint"; "" and 0 if none).  A
 * region that a goroutine inherited at creation from its creator's region
 * has an empty name. */
typedef struct
{
  const char *name;
  const char *frame_func;
  const char *frame_file;
  guint64     frame_pc;
  guint64     frame_line;
} GolanesRegionType;

/* A user region as the Summarizer records it.  Regions whose begin or end
 * is not in the trace have @has_start / @has_end FALSE (and a time of 0).
 * An inherited region starts at the goroutine's creation. */
typedef struct
{
  guint    type;         /* index into the region types */
  gboolean has_start;
  gboolean has_end;
  gint64   start_time;
  gint64   end_time;
} GolanesUserRegion;

/* Reads the regions one by one (they are kept packed). */
typedef struct
{
  /*< private >*/
  gpointer      log;
  const guint8 *p;
  const guint8 *end;
  guint64       last_serial;
  gint64        last_end;
} GolanesRegionIter;

typedef struct
{
  guint64     id;
  const char *name;
  guint64     parent;         /* GOLANES_NO_TASK if none */
  gboolean    has_start;
  gboolean    has_end;
  gint64      start_time;
  gint64      end_time;
  guint       n_logs;
  guint       n_regions;
  guint       n_goroutines;
} GolanesUserTask;

/* @stacks may be NULL (the summary keeps its own table) or shared. */
GolanesGoroutineSummary *golanes_goroutine_summary_new    (GolanesStackTable       *stacks);
void                     golanes_goroutine_summary_free   (GolanesGoroutineSummary *self);
void                     golanes_goroutine_summary_feed   (GolanesGoroutineSummary *self,
                                                           GolanesTraceReader      *reader,
                                                           const GolanesEvent      *event);
void                     golanes_goroutine_summary_finish (GolanesGoroutineSummary *self);

/* Time of the first and of the last event fed. */
gint64                       golanes_goroutine_summary_get_start_time  (GolanesGoroutineSummary *self);
gint64                       golanes_goroutine_summary_get_end_time    (GolanesGoroutineSummary *self);
/* The goroutines, one at a time, by index in goroutine id order.  The
 * summary keeps about 20 bytes per goroutine; an info is made on request
 * (free it with golanes_goroutine_info_free()).  Call these from one
 * thread at a time. */
guint                        golanes_goroutine_summary_get_n_goroutines (GolanesGoroutineSummary *self);
gint64                       golanes_goroutine_summary_get_goroutine_id (GolanesGoroutineSummary *self,
                                                                         guint                    index);
GolanesGoroutineInfo        *golanes_goroutine_summary_dup_goroutine    (GolanesGoroutineSummary *self,
                                                                         guint                    index);
/* The index of goroutine @id, or -1. */
gint                         golanes_goroutine_summary_find             (GolanesGoroutineSummary *self,
                                                                         gint64                   id);
/* Indices (guint32, ascending) of the goroutines whose start function is
 * @name (a group's name). */
GArray                      *golanes_goroutine_summary_dup_group_members (GolanesGoroutineSummary *self,
                                                                          const char              *name);
void                         golanes_goroutine_info_free                (GolanesGoroutineInfo    *info);
/* Bytes the finished summary keeps for its goroutines (not counting the
 * full list below, made only when asked for). */
gsize                        golanes_goroutine_summary_get_memory_size  (GolanesGoroutineSummary *self);
/* Bytes the finished summary keeps for its regions and their types. */
gsize                        golanes_goroutine_summary_get_region_memory_size (GolanesGoroutineSummary *self);

/* Every goroutine at once, sorted by goroutine id: made on first request
 * (about 200 bytes per goroutine), for small traces and tests. */
const GolanesGoroutineInfo  *golanes_goroutine_summary_get_goroutines  (GolanesGoroutineSummary *self,
                                                                        guint                   *n);
const GolanesGoroutineInfo  *golanes_goroutine_summary_lookup          (GolanesGoroutineSummary *self,
                                                                        gint64                   id);
/* Sorted by execution time, descending, then by name. */
const GolanesGoroutineGroup *golanes_goroutine_summary_get_groups      (GolanesGoroutineSummary *self,
                                                                        guint                   *n);
gint64                       golanes_goroutine_summary_get_total_exec_time (GolanesGoroutineSummary *self);
/* All regions of all goroutines, in the order they ended (those open at
 * the trace end last), and their types. */
guint                        golanes_goroutine_summary_get_n_regions    (GolanesGoroutineSummary *self);
const GolanesRegionType     *golanes_goroutine_summary_get_region_types (GolanesGoroutineSummary *self,
                                                                         guint                   *n);
void                         golanes_goroutine_summary_region_iter_init (GolanesGoroutineSummary *self,
                                                                         GolanesRegionIter       *iter);
gboolean                     golanes_region_iter_next                   (GolanesRegionIter       *iter,
                                                                         GolanesUserRegion       *region);
/* Sorted by task id. */
const GolanesUserTask       *golanes_goroutine_summary_get_tasks       (GolanesGoroutineSummary *self,
                                                                        guint                   *n);

/* Go's rule for runtime goroutines: no name, or "runtime." but not
 * "runtime.main". */
gboolean golanes_is_system_goroutine (const char *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GolanesGoroutineSummary, golanes_goroutine_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GolanesGoroutineInfo, golanes_goroutine_info_free)

G_END_DECLS
