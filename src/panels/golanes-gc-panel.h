/* golanes-gc-panel.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "golanes-panel.h"

G_BEGIN_DECLS

/*
 * The garbage collector side panel: pause totals and percentiles, a
 * histogram of pause durations, the MMU curve, and sortable tables of the
 * stop-the-world pauses and of the GC cycles.
 *
 * Selecting a pause or a cycle emits activate-range with its range and
 * highlight with it (a pause on the goroutine that stopped the world);
 * clearing the selection emits highlight with NULL.  The signals are
 * those of every side panel (see golanes-panel.h).
 */

#define GOLANES_TYPE_GC_PANEL (golanes_gc_panel_get_type ())

G_DECLARE_FINAL_TYPE (GolanesGcPanel, golanes_gc_panel, GOLANES, GC_PANEL, GolanesPanel)

GtkWidget       *golanes_gc_panel_new           (void);
/* For the panel switcher. */
const char      *golanes_gc_panel_get_title     (void);
const char      *golanes_gc_panel_get_icon_name (void);

G_END_DECLS
