/* golanes-blocking.h
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
 * Blocking profiles: where goroutines wait, per stack, with the same
 * numbers as `go tool trace -pprof=KIND` of Go 1.26.
 *
 * A goroutine is followed from the transition that puts it in the tracked
 * state (for an accepted reason) until its next transition into another
 * state.  That interval is charged to the stack of the transition that
 * started it, clipped to the goroutine's lifetime as the goroutine summary
 * defines it (first start to end, or trace end if it never ended; from 0
 * if it never ran).  Go 1.26 no longer skips transitions without a stack
 * (golang/go#74850), and neither do we.
 *
 *   sync     Waiting, reason containing "chan", "sync" or "select"
 *   net      Waiting, reason "network"
 *   syscall  Syscall, any reason
 *   sched    Runnable, any reason
 *
 * Feed every event of one pass over the reader, then call
 * golanes_blocking_finish() once before the getters.
 */

typedef enum
{
  GOLANES_BLOCKING_SYNC,
  GOLANES_BLOCKING_NET,
  GOLANES_BLOCKING_SYSCALL,
  GOLANES_BLOCKING_SCHED,
} GolanesBlockingKind;

typedef struct _GolanesBlocking GolanesBlocking;

/* One stack of the profile.  @stack is an id in the stack table. */
typedef struct
{
  guint32 stack;
  guint64 count;
  gint64  delay;     /* nanoseconds */
} GolanesBlockingRecord;

/* A breakdown row: by blocking reason or by goroutine start function.
 * @name lives as long as the profile; it may be "". */
typedef struct
{
  const char *name;
  guint64     count;
  gint64      delay;
} GolanesBlockingGroup;

gboolean         golanes_blocking_kind_from_string (const char          *str,
                                                    GolanesBlockingKind *kind);
const char      *golanes_blocking_kind_to_string   (GolanesBlockingKind  kind);

/* @stacks may be NULL (the profile then keeps its own table) or shared
 * with other analyses of the same pass. */
GolanesBlocking *golanes_blocking_new    (GolanesBlockingKind  kind,
                                          GolanesStackTable   *stacks);
void             golanes_blocking_free   (GolanesBlocking     *self);
void             golanes_blocking_feed   (GolanesBlocking     *self,
                                          GolanesTraceReader  *reader,
                                          const GolanesEvent  *event);
/* Feeds @event to @n profiles, decoding it once; the same as feeding it to
 * each. */
void             golanes_blocking_feed_many (GolanesBlocking *const *profiles,
                                             guint                  n,
                                             GolanesTraceReader    *reader,
                                             const GolanesEvent    *event);
void             golanes_blocking_finish (GolanesBlocking     *self);

GolanesBlockingKind          golanes_blocking_get_kind        (GolanesBlocking *self);
GolanesStackTable           *golanes_blocking_get_stack_table (GolanesBlocking *self);
/* Records sorted by delay, then count, descending.  Stacks with the same
 * PCs are merged, like Go does. */
const GolanesBlockingRecord *golanes_blocking_get_records     (GolanesBlocking *self,
                                                               guint           *n_records);
/* Sorted by delay, then count, descending, then name. */
const GolanesBlockingGroup  *golanes_blocking_get_reasons     (GolanesBlocking *self,
                                                               guint           *n_groups);
const GolanesBlockingGroup  *golanes_blocking_get_groups      (GolanesBlocking *self,
                                                               guint           *n_groups);
guint64                      golanes_blocking_get_total_count (GolanesBlocking *self);
gint64                       golanes_blocking_get_total_delay (GolanesBlocking *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GolanesBlocking, golanes_blocking_free)

G_END_DECLS
