/* golanes-goroutines-panel.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "golanes-panel.h"

G_BEGIN_DECLS

/*
 * The goroutines side panel: the document's goroutine summary, the numbers
 * of `go tool trace`'s /goroutines and /goroutine?name= pages.  Goroutines
 * are grouped by start function with their count and where their time
 * went as Go accounts it (total, execution, scheduler wait, blocked, of
 * which synchronization and network, syscalls, GC special ranges,
 * unknown); each group expands to its goroutines, and a search entry
 * filters by function name or goroutine id.  The rows start in Go's order
 * (by execution time) and sort by any column.
 *
 * Selecting a group emits activate-goroutine with its first goroutine and
 * highlight with the lifetimes of all its goroutines; selecting a
 * goroutine, the same for that goroutine alone.  The signals are those of
 * every side panel (see golanes-panel.h).
 */

/* The values of the rows (golanes_panel_row_get_value()), in nanoseconds
 * but the count and the id.  The times are Go's: the first four are its
 * non-overlapping columns and the breakdown bar's parts. */
typedef enum
{
  GOLANES_GOROUTINES_COUNT,       /* goroutines in a group; none for a goroutine */
  GOLANES_GOROUTINES_TOTAL,       /* "Total" */
  GOLANES_GOROUTINES_EXEC,        /* "Execution time" */
  GOLANES_GOROUTINES_SCHED_WAIT,  /* "Sched wait time" */
  GOLANES_GOROUTINES_BLOCKED,     /* every "Block time (...)" but syscall */
  GOLANES_GOROUTINES_SYSCALL,     /* "Syscall execution time" + "Block time (syscall)" */
  GOLANES_GOROUTINES_SYNC,        /* block reasons with "chan", "sync" or "select",
                                   * the -pprof=sync class */
  GOLANES_GOROUTINES_NET,         /* block reason "network", the -pprof=net class */
  GOLANES_GOROUTINES_GC,          /* special ranges (GC mark assist, incremental
                                   * sweep, stop-the-world), which overlap the rest */
  GOLANES_GOROUTINES_UNKNOWN,     /* "Unknown time" */
  GOLANES_GOROUTINES_GOID,        /* the goroutine, or a group's first one */
} GolanesGoroutinesValue;

#define GOLANES_TYPE_GOROUTINES_PANEL (golanes_goroutines_panel_get_type ())

G_DECLARE_FINAL_TYPE (GolanesGoroutinesPanel, golanes_goroutines_panel, GOLANES, GOROUTINES_PANEL, GolanesPanel)

GtkWidget       *golanes_goroutines_panel_new           (void);
/* The text the groups are filtered by ("" for none). */
void             golanes_goroutines_panel_set_filter    (GolanesGoroutinesPanel *self,
                                                         const char             *text);
const char      *golanes_goroutines_panel_get_title     (void);
const char      *golanes_goroutines_panel_get_icon_name (void);

G_END_DECLS
