/* golanes-timeline-view-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "golanes-timeline-view.h"

G_BEGIN_DECLS

/* Fills @params for the current state; FALSE when there is no session. */
gboolean _golanes_timeline_view_get_params (GolanesTimelineView         *self,
                                            GtkWidget                   *child,
                                            GolanesTimelineRenderParams *params);
void     _golanes_timeline_view_lanes_drawn (GolanesTimelineView        *self);
/* The modifiers a "scroll" signal emitted without an event (by a test)
 * is handled with. */
void     _golanes_timeline_view_set_scroll_modifiers (GolanesTimelineView *self,
                                                      GdkModifierType      modifiers);

G_END_DECLS
