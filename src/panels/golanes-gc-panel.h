/* golanes-gc-panel.h
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
 * The garbage collector side panel: pause totals and percentiles, a
 * histogram of pause durations, the MMU curve, and sortable tables of the
 * stop-the-world pauses and of the GC cycles.
 *
 * Signals (the same on every side panel):
 *   activate-range (gint64 start, gint64 end): zoom the timeline to this
 *     range (trace clock, ns) and highlight it; emitted when a pause or a
 *     cycle is selected.
 *   activate-goroutine (gint64 goid): scroll the timeline to a goroutine.
 *   highlight (GolanesHighlight *or NULL): highlight these spans; emitted
 *     with the selected pause (on the goroutine that stopped the world) or
 *     cycle, NULL when the selection is cleared.
 */

#define GOLANES_TYPE_GC_PANEL (golanes_gc_panel_get_type ())

G_DECLARE_FINAL_TYPE (GolanesGcPanel, golanes_gc_panel, GOLANES, GC_PANEL, GtkWidget)

GtkWidget       *golanes_gc_panel_new           (void);
void             golanes_gc_panel_set_document  (GolanesGcPanel  *self,
                                                 GolanesDocument *document);
GolanesDocument *golanes_gc_panel_get_document  (GolanesGcPanel  *self);
/* For the panel switcher. */
const char      *golanes_gc_panel_get_title     (void);
const char      *golanes_gc_panel_get_icon_name (void);

G_END_DECLS
