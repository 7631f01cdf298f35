/* golanes-goroutines-panel.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "golanes-document.h"

G_BEGIN_DECLS

/*
 * The goroutines side panel: goroutines grouped by start function with
 * their count and where their time went (running, waiting to be
 * scheduled, blocked, in syscalls), each group expandable to its
 * goroutines, and a search entry that filters by function name or
 * goroutine id.
 *
 * Selecting a group emits activate-goroutine with its first goroutine and
 * highlight with the lifetimes of all its goroutines; selecting a
 * goroutine, the same for that goroutine alone.  The signals are those of
 * every side panel (see golanes-gc-panel.h).
 */

#define GOLANES_TYPE_GOROUTINES_PANEL (golanes_goroutines_panel_get_type ())

G_DECLARE_FINAL_TYPE (GolanesGoroutinesPanel, golanes_goroutines_panel, GOLANES, GOROUTINES_PANEL, GtkWidget)

GtkWidget       *golanes_goroutines_panel_new           (void);
void             golanes_goroutines_panel_set_document  (GolanesGoroutinesPanel *self,
                                                         GolanesDocument        *document);
GolanesDocument *golanes_goroutines_panel_get_document  (GolanesGoroutinesPanel *self);
/* The text the groups are filtered by ("" for none). */
void             golanes_goroutines_panel_set_filter    (GolanesGoroutinesPanel *self,
                                                         const char             *text);
const char      *golanes_goroutines_panel_get_title     (void);
const char      *golanes_goroutines_panel_get_icon_name (void);

G_END_DECLS
