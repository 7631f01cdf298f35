/* golanes-timeline-lanes.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "golanes-session.h"
#include "golanes-timeline-render.h"

G_BEGIN_DECLS

#define GOLANES_TYPE_TIMELINE_LANES (golanes_timeline_lanes_get_type ())

G_DECLARE_FINAL_TYPE (GolanesTimelineLanes, golanes_timeline_lanes, GOLANES, TIMELINE_LANES, GtkWidget)

GolanesSession *golanes_timeline_lanes_get_session     (GolanesTimelineLanes        *self);
void            golanes_timeline_lanes_set_session     (GolanesTimelineLanes        *self,
                                                        GolanesSession              *session);
/* The layout of the session's document, owned by the caller, who unsets
 * it before freeing it. */
void            golanes_timeline_lanes_set_layout      (GolanesTimelineLanes        *self,
                                                        GolanesTimelineLayout       *layout);
GtkAdjustment  *golanes_timeline_lanes_get_vadjustment (GolanesTimelineLanes        *self);
/* The vertical scroll position, in content coordinates. */
void            golanes_timeline_lanes_set_vadjustment (GolanesTimelineLanes        *self,
                                                        GtkAdjustment               *vadjustment);
/* Fills @params as the lanes draw now; FALSE without a session. */
gboolean        golanes_timeline_lanes_get_params      (GolanesTimelineLanes        *self,
                                                        GolanesTimelineRenderParams *params);

void            golanes_timeline_lanes_set_gutter      (GolanesTimelineLanes        *self,
                                                        double                       gutter);
void            golanes_timeline_lanes_invalidate      (GolanesTimelineLanes        *self);
/* How many times the lanes' render node was built (for tests). */
guint           golanes_timeline_lanes_get_n_builds    (GolanesTimelineLanes        *self);

G_END_DECLS
