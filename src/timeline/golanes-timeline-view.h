/* golanes-timeline-view.h
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

#define GOLANES_TYPE_TIMELINE_VIEW (golanes_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (GolanesTimelineView, golanes_timeline_view, GOLANES, TIMELINE_VIEW, GtkWidget)

GtkWidget             *golanes_timeline_view_new         (void);
GolanesSession        *golanes_timeline_view_get_session (GolanesTimelineView *self);
void                   golanes_timeline_view_refresh     (GolanesTimelineView *self);
void                   golanes_timeline_view_set_session (GolanesTimelineView *self,
                                                          GolanesSession      *session);
GolanesTimelineLayout *golanes_timeline_view_get_layout  (GolanesTimelineView *self);
/* The lanes area (where spans are drawn and clicked). */
GtkWidget             *golanes_timeline_view_get_lanes   (GolanesTimelineView *self);
GtkAdjustment         *golanes_timeline_view_get_vadjustment (GolanesTimelineView *self);
/* Where the lanes area puts (@time, lane @lane): for tests and tools. */
gboolean               golanes_timeline_view_get_point   (GolanesTimelineView *self,
                                                          gint64               time,
                                                          guint                lane,
                                                          double              *x,
                                                          double              *y);
/* Collapses or expands lane group @group, as a click on its header does. */
void                   golanes_timeline_view_set_group_collapsed (GolanesTimelineView *self,
                                                                  guint                group,
                                                                  gboolean             collapsed);
/* What a click at (@x, @y) in the lanes area does. */
void                   golanes_timeline_view_click       (GolanesTimelineView *self,
                                                          double               x,
                                                          double               y);
/* Goroutines whose id or start function matches @query; jumps to the
 * first.  Returns the number of matches. */
guint                  golanes_timeline_view_find        (GolanesTimelineView *self,
                                                          const char          *query);
/* Frames the lanes drew with data since the session was set. */
guint                  golanes_timeline_view_get_n_frames (GolanesTimelineView *self);

typedef void (*GolanesFirstFrameFunc) (gpointer user_data);
/* Called once, after the first frame any timeline view paints with data
 * (for --profile-startup). */
void                   golanes_timeline_view_set_first_frame_func (GolanesFirstFrameFunc func,
                                                                   gpointer              user_data);

G_END_DECLS
