/* golanes-timeline-layout.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "golanes-document.h"

G_BEGIN_DECLS

/*
 * The timeline's lanes top to bottom, without drawing them: GC, heap,
 * goroutine counts, then groups of lanes, each under a header lane:
 * Procs, threads (collapsed), task rows (if any), goroutines grouped by
 * start function in order of their first goroutine, and the
 * runtime-internal goroutines last (collapsed).  A goroutine lane is
 * followed by a lane per nesting level of its user regions.  A collapsed
 * group keeps only its header, and a goroutine group of more than 200
 * starts collapsed.  Lanes have a y and a height in pixels; the renderer
 * (golanes-timeline-render.h) draws them, the viewer and `golanes-cli
 * render` share one.
 */

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
  float   height;
  guint32 index;
  guint32 group;     /* group of the lane, GOLANES_LANE_NO_GROUP for none */
  guint16 level;
  guint8  kind;      /* GolanesLaneKind */
  guint8  reserved;  /* 0: no padding, so lanes compare as bytes */
} GolanesLane;

#define GOLANES_LANE_NO_GROUP G_MAXUINT32

typedef struct
{
  char            *title;
  GolanesGroupKind kind;
  gboolean         collapsed;
  gboolean         runtime;   /* runtime-internal goroutines */
  gboolean         chosen;    /* collapsed or expanded by hand */
  /* Its members, guint32 indices (goroutines, procs, threads, task rows)
   * in order: read them with golanes_lane_group_get_member() and the
   * like. */
  struct _GolanesMemberList *members;
} GolanesLaneGroup;

guint    golanes_lane_group_get_n_members (const GolanesLaneGroup *group);
guint32  golanes_lane_group_get_member    (const GolanesLaneGroup *group,
                                           guint                   position);
/* Members [@from, @from + @n) into @out. */
void     golanes_lane_group_copy_members  (const GolanesLaneGroup *group,
                                           guint                   from,
                                           guint                   n,
                                           guint32                *out);

typedef struct _GolanesTimelineLayout GolanesTimelineLayout;

GolanesTimelineLayout  *golanes_timeline_layout_new        (GolanesDocument       *document);
void                    golanes_timeline_layout_free       (GolanesTimelineLayout *self);
gboolean                golanes_timeline_layout_update     (GolanesTimelineLayout *self);
gboolean                golanes_timeline_layout_update_some (GolanesTimelineLayout *self,
                                                             guint                  max_goroutines);
gboolean                golanes_timeline_layout_update_within (GolanesTimelineLayout *self,
                                                               guint                  max_goroutines,
                                                               gint64                 deadline);
guint                   golanes_timeline_layout_get_n_pending (GolanesTimelineLayout *self);
guint                   golanes_timeline_layout_get_n_lanes (GolanesTimelineLayout *self);
/* Lanes are made when asked for: a group of a million goroutines costs
 * the layout a few runs of lanes, not a lane each. */
GolanesLane             golanes_timeline_layout_get_lane   (GolanesTimelineLayout *self,
                                                            guint                  index);
double                  golanes_timeline_layout_get_height (GolanesTimelineLayout *self);
/* Changes whenever the lanes do (a group collapsed or expanded). */
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
/* The lane's label in the gutter, translated: "P3", "G21 main.worker",
 * a group header with its member count. */
char                   *golanes_timeline_layout_dup_lane_label     (GolanesTimelineLayout *self,
                                                                    guint                  lane);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GolanesTimelineLayout, golanes_timeline_layout_free)

G_END_DECLS
