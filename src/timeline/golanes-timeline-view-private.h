/* golanes-timeline-view-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "golanes-timeline-view.h"

G_BEGIN_DECLS

/* Fills @params for drawing @session with @layout in @widget (the ruler
 * or the lanes), @width wide (the lanes' width: ruler and lanes share the
 * data area, so that ticks line up), with the label gutter @gutter wide, and scrolled to @scroll_y; the style
 * is @widget's.  FALSE when there is no session or layout. */
gboolean _golanes_timeline_params_init (GolanesTimelineRenderParams *params,
                                        GtkWidget                   *widget,
                                        GolanesSession              *session,
                                        GolanesTimelineLayout       *layout,
                                        double                       width,
                                        double                       gutter,
                                        double                       scroll_y);
/* The modifiers a "scroll" signal emitted without an event (by a test)
 * is handled with. */
void     _golanes_timeline_view_set_scroll_modifiers (GolanesTimelineView *self,
                                                      GdkModifierType      modifiers);

G_END_DECLS
