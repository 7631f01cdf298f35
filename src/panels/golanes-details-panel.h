/* golanes-details-panel.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "golanes-session.h"

G_BEGIN_DECLS

/*
 * The details of the session's selected span, below the timeline.  Not a
 * GolanesPanel: it is no page of the side area and has no document of its
 * own; it follows the session and drives it directly (the "unblocked by"
 * button selects the unblocking span).
 */

#define GOLANES_TYPE_DETAILS_PANEL (golanes_details_panel_get_type ())

G_DECLARE_FINAL_TYPE (GolanesDetailsPanel, golanes_details_panel, GOLANES, DETAILS_PANEL, GtkWidget)

GtkWidget *golanes_details_panel_new         (void);
void       golanes_details_panel_set_session (GolanesDetailsPanel *self,
                                              GolanesSession      *session);
/* Everything the panel shows, one line per label: for tests. */
char      *golanes_details_panel_dup_text    (GolanesDetailsPanel *self);
/* The "unblocked by" button, or NULL when the span has none. */
GtkWidget *golanes_details_panel_get_path_button (GolanesDetailsPanel *self);
GtkWidget *golanes_details_panel_get_unblocker_button (GolanesDetailsPanel *self);

G_END_DECLS
