/* golanes-timeline-layout-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "golanes-timeline-layout.h"
#include "golanes-id-map-private.h"

G_BEGIN_DECLS

/* The layout's insides, for the renderer (src/timeline/) and the tests. */

/* Lanes are kept as runs of lanes of one kind and height, one below the
 * other, so that a group of millions of goroutines costs a few runs, not
 * a lane each: a lane of a run is made when asked for. */
typedef enum
{
  LANE_RUN_ONE,       /* one lane: index is its index */
  LANE_RUN_MEMBERS,   /* lane i: the group's member member + i */
  LANE_RUN_LEVELS,    /* lane i: goroutine index's region level i */
} LaneRunType;

typedef struct
{
  double  y;          /* of its first lane */
  guint32 first;      /* its first lane's number */
  guint32 n;          /* its lanes */
  guint32 index;
  guint32 member;     /* position in the group of its (first) member */
  guint32 group;      /* GOLANES_LANE_NO_GROUP for none */
  float   height;
  guint8  kind;       /* GolanesLaneKind */
  guint8  type;       /* LaneRunType */
} LaneRun;

struct _GolanesTimelineLayout
{
  GolanesDocument *document;
  GArray          *runs;       /* LaneRun, top to bottom */
  guint            n_lanes;
  GPtrArray       *groups;     /* GolanesLaneGroup */
  GPtrArray       *groups_by_id; /* the same, in order of making */
  /* Goroutine index -> its group's id, in 1, 2 or 4 bytes (as few as
   * the ids need: a byte a goroutine in nearly every trace); all ones for
   * a goroutine not taken in yet.  goroutine_group_len entries. */
  guint8          *goroutine_group;
  guint            goroutine_group_width;
  guint            goroutine_group_len;
  guint            n_goroutines;
  guint            n_procs;
  guint            n_threads;
  guint            n_task_rows;
  GHashTable      *by_function;   /* start function -> its GolanesLaneGroup */
  GolanesIdMap     group_of_func; /* start function string id -> its GolanesLaneGroup * */
  GolanesLaneGroup *runtime_group;
  GArray          *unnamed;       /* guint32: goroutines of no known name yet, in order */
  double           height;
  guint            serial;
  guint64          heap_max;   /* the heap plot's scale */
  gint32           count_max;  /* the goroutine counts plot's scale */
  /* What the renderer keeps for as long as the layout lives (its cache of
   * laid-out text), freed with the layout by @render_data_free. */
  gpointer         render_data;
  GDestroyNotify   render_data_free;
};

/* The first lane whose bottom is below @y. */
guint _golanes_timeline_layout_first_lane_below (GolanesTimelineLayout *self,
                                                 double                 y);

G_END_DECLS
