/* golanes-palette.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk/gdk.h>

G_BEGIN_DECLS

/* Every colour the timeline draws with, in one place, for light and dark
 * styles.  Goroutine states first, so that a GolanesGSpanState is a role. */
typedef enum
{
  GOLANES_COLOR_CREATED,
  GOLANES_COLOR_RUNNING,
  GOLANES_COLOR_RUNNABLE,
  GOLANES_COLOR_WAITING,
  GOLANES_COLOR_SYSCALL,
  GOLANES_COLOR_GC_MARK,
  GOLANES_COLOR_GC_STW,
  GOLANES_COLOR_GC_SWEEP,
  GOLANES_COLOR_GC_ASSIST,
  GOLANES_COLOR_HEAP,
  GOLANES_COLOR_HEAP_GOAL,
  GOLANES_COLOR_REGION,
  GOLANES_COLOR_TASK,
  GOLANES_COLOR_MERGED,
  GOLANES_COLOR_HIGHLIGHT,
  GOLANES_COLOR_SELECTION,
  GOLANES_COLOR_LANE_ALT,
  GOLANES_COLOR_GRID,
  GOLANES_COLOR_HEADER,
  GOLANES_COLOR_CPU_SAMPLE,
  GOLANES_N_COLORS
} GolanesColorRole;

typedef struct
{
  GolanesColorRole role;
  const char      *label;   /* translated */
} GolanesLegendEntry;

/* The role of a critical path segment's kind (GolanesCritKind). */
GolanesColorRole          golanes_palette_crit_role  (guint            kind);
const GdkRGBA            *golanes_palette_get        (GolanesColorRole role,
                                                      gboolean         dark);
/* A stable colour for goroutine @index on the P and M lanes. */
void                      golanes_palette_goroutine  (guint            index,
                                                      gboolean         dark,
                                                      GdkRGBA         *color);
/* The entries a legend shows, in order. */
const GolanesLegendEntry *golanes_palette_get_legend (guint           *n_entries);

G_END_DECLS
