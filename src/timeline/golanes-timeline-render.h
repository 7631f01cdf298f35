/* golanes-timeline-render.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "golanes-document.h"
#include "golanes-session.h"

G_BEGIN_DECLS

/*
 * The timeline's lanes and how they are drawn, without a widget: the
 * viewer, `golanes-cli render` and the benchmarks share this code.
 *
 * A GolanesTimelineLayout lists the lanes top to bottom (GC, heap,
 * goroutine counts, Procs, threads, tasks, then goroutines grouped by start
 * function); collapsed groups keep only their header.  The render
 * functions draw the lanes visible in a window of [start, end) × [scroll_y,
 * scroll_y + height) into a GtkSnapshot, asking each lane's track for its
 * level of detail so that a frame costs the visible lanes and columns.
 */

#define GOLANES_TIMELINE_GUTTER 190
#define GOLANES_TIMELINE_RULER_HEIGHT 28

typedef enum
{
  GOLANES_LANE_HEADER,      /* index = group */
  GOLANES_LANE_GC,
  GOLANES_LANE_HEAP,
  GOLANES_LANE_COUNTS,
  GOLANES_LANE_PROC,        /* index = proc index */
  GOLANES_LANE_THREAD,      /* index = thread index */
  GOLANES_LANE_TASK,        /* index = task row */
  GOLANES_LANE_GOROUTINE,   /* index = goroutine index */
  GOLANES_LANE_REGION,      /* index = goroutine index, level */
} GolanesLaneKind;

typedef enum
{
  GOLANES_GROUP_PROCS,
  GOLANES_GROUP_THREADS,
  GOLANES_GROUP_TASKS,
  GOLANES_GROUP_GOROUTINES,
} GolanesGroupKind;

typedef struct
{
  double  y;
  double  height;
  guint32 index;
  guint16 level;
  guint8  kind;      /* GolanesLaneKind */
  guint8  group;     /* group of the lane, G_MAXUINT8 for none */
} GolanesLane;

typedef struct
{
  char            *title;
  GolanesGroupKind kind;
  gboolean         collapsed;
  gboolean         runtime;   /* runtime-internal goroutines */
  GArray          *members;   /* guint32 indices (goroutines, procs, threads, task rows) */
} GolanesLaneGroup;

typedef struct _GolanesTimelineLayout GolanesTimelineLayout;

GolanesTimelineLayout  *golanes_timeline_layout_new        (GolanesDocument       *document);
void                    golanes_timeline_layout_free       (GolanesTimelineLayout *self);
guint                   golanes_timeline_layout_get_n_lanes (GolanesTimelineLayout *self);
const GolanesLane      *golanes_timeline_layout_get_lane   (GolanesTimelineLayout *self,
                                                            guint                  index);
double                  golanes_timeline_layout_get_height (GolanesTimelineLayout *self);
guint                   golanes_timeline_layout_get_serial (GolanesTimelineLayout *self);
/* The lane at @y (in content coordinates), or -1. */
gint                    golanes_timeline_layout_find_lane  (GolanesTimelineLayout *self,
                                                            double                 y);
guint                   golanes_timeline_layout_get_n_groups (GolanesTimelineLayout *self);
const GolanesLaneGroup *golanes_timeline_layout_get_group  (GolanesTimelineLayout *self,
                                                            guint                  group);
void                    golanes_timeline_layout_set_group_collapsed (GolanesTimelineLayout *self,
                                                                     guint                  group,
                                                                     gboolean               collapsed);
/* The lane of goroutine @goroutine (an index), or -1 while its group is
 * collapsed. */
gint                    golanes_timeline_layout_get_goroutine_lane (GolanesTimelineLayout *self,
                                                                    guint                  goroutine);
/* Expands the goroutine's group if needed; returns its lane. */
gint                    golanes_timeline_layout_reveal_goroutine   (GolanesTimelineLayout *self,
                                                                    guint                  goroutine);
guint                   golanes_timeline_layout_count_lanes        (GolanesTimelineLayout *self,
                                                                    GolanesLaneKind        kind);
char                   *golanes_timeline_layout_dup_lane_label     (GolanesTimelineLayout *self,
                                                                    guint                  lane);

typedef struct
{
  GolanesDocument              *document;
  GolanesTimelineLayout        *layout;
  gint64                        start;
  gint64                        end;
  double                        width;     /* the whole area, gutter included */
  double                        height;
  double                        scroll_y;
  /* Device pixels per logical pixel (the widget's scale factor); spans
   * are drawn and hit-tested on device pixel columns.  0 counts as 1. */
  int                           scale;
  gboolean                      dark;
  GdkRGBA                       foreground;
  PangoContext                 *pango;
  const GolanesSessionInterval *highlight;
  guint                         n_highlight;
} GolanesTimelineRenderParams;

void golanes_timeline_render_lanes (const GolanesTimelineRenderParams *params,
                                    GtkSnapshot                       *snapshot);
/* The highlighted ranges alone, as render_lanes() draws them on top. */
void golanes_timeline_render_highlights (const GolanesTimelineRenderParams *params,
                                         GtkSnapshot                       *snapshot);
/* The ruler: a strip @height high with ticks for [start, end). */
void golanes_timeline_render_ruler (const GolanesTimelineRenderParams *params,
                                    double                             height,
                                    GtkSnapshot                       *snapshot);

typedef struct
{
  gint           lane;
  GolanesLaneKind kind;
  guint32        index;
  guint16        level;
  GolanesLodItem item;      /* count 0: nothing under the pointer */
  GolanesTrack  *track;
} GolanesTimelineHit;

gboolean golanes_timeline_hit_test (const GolanesTimelineRenderParams *params,
                                    double                             x,
                                    double                             y,
                                    GolanesTimelineHit                *hit);
/* A tooltip for what @hit found (Pango markup-free text). */
char    *golanes_timeline_describe_hit (GolanesDocument          *document,
                                        const GolanesTimelineHit *hit);
const char *golanes_timeline_state_name (guint state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GolanesTimelineLayout, golanes_timeline_layout_free)

G_END_DECLS
