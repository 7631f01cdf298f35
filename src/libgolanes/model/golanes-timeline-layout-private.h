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

struct _GolanesTimelineLayout
{
  GolanesDocument *document;
  GArray          *lanes;      /* GolanesLane */
  GPtrArray       *groups;     /* GolanesLaneGroup */
  gint32          *goroutine_lane;
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
