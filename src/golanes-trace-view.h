/* golanes-trace-view.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "golanes-analyses.h"

#include "golanes-details-panel.h"
#include "golanes-panel.h"
#include "golanes-session.h"
#include "golanes-timeline-view.h"
#include "golanes-trace-loader.h"

G_BEGIN_DECLS

#define GOLANES_TYPE_TRACE_VIEW (golanes_trace_view_get_type ())

G_DECLARE_FINAL_TYPE (GolanesTraceView, golanes_trace_view, GOLANES, TRACE_VIEW, GtkWidget)

GtkWidget           *golanes_trace_view_new          (void);
void                 golanes_trace_view_set_summary  (GolanesTraceView          *self,
                                                      const GolanesTraceSummary *summary);
GolanesSession      *golanes_trace_view_get_session  (GolanesTraceView *self);
GolanesTimelineView *golanes_trace_view_get_timeline (GolanesTraceView *self);
GolanesDetailsPanel *golanes_trace_view_get_details  (GolanesTraceView *self);
/* Adds a side panel as the page @name of the side area, titled @title;
 * its "activate-range", "activate-goroutine" and "highlight" signals
 * drive the session, and it is given the document, again whenever a part
 * of it is computed. */
void                 golanes_trace_view_add_panel    (GolanesTraceView *self,
                                                      GolanesPanel     *panel,
                                                      const char       *name,
                                                      const char       *title);
GtkWidget           *golanes_trace_view_get_panel    (GolanesTraceView *self,
                                                      const char       *name);
gboolean             golanes_trace_view_get_side_panel_visible (GolanesTraceView *self);
gboolean             golanes_trace_view_get_side_panel_folded  (GolanesTraceView *self);
int                  golanes_trace_view_get_side_panel_width   (GolanesTraceView *self);
void                 _golanes_trace_view_drag_side_panel_edge  (GolanesTraceView *self,
                                                                double            offset_x);
/* The truncation banner's text, or NULL when it is hidden. */
const char          *golanes_trace_view_get_banner_text (GolanesTraceView *self);

/* When a trace view last showed a trace (g_get_monotonic_time ()). */
void                 golanes_trace_view_clear        (GolanesTraceView          *self);
/* When a trace was last shown whole (its load ended). */
gint64               _golanes_trace_view_get_last_shown_usec (void);
/* How many trace views have panels still to fill in with a part that is
 * done (they fill in one per main-loop iteration). */
guint                _golanes_trace_view_get_n_refreshing    (void);

/* What computes the shown document's analysis parts, or NULL. */
GolanesAnalyses     *golanes_trace_view_get_analyses   (GolanesTraceView *self);

G_END_DECLS
