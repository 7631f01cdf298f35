/* golanes-timeline-lanes.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GOLANES_TYPE_TIMELINE_LANES (golanes_timeline_lanes_get_type ())

G_DECLARE_FINAL_TYPE (GolanesTimelineLanes, golanes_timeline_lanes, GOLANES, TIMELINE_LANES, GtkWidget)

void  golanes_timeline_lanes_invalidate   (GolanesTimelineLanes *self);
/* How many times the lanes' render node was built (for tests). */
guint golanes_timeline_lanes_get_n_builds (GolanesTimelineLanes *self);

G_END_DECLS
