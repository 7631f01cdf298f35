/* golanes-tasks-panel.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "golanes-panel.h"

G_BEGIN_DECLS

/*
 * The user annotations side panel: per task type and per region type,
 * the number of instances, how many are incomplete (begun before or not
 * ended by the end of the trace), and the latency percentiles of the
 * complete ones, with a latency histogram of the selected type.
 *
 * Selecting a type emits highlight with its instances (the region's
 * goroutine, or the goroutine that created the task) and activate-range
 * spanning them all.  The signals are those of every side panel (see
 * golanes-panel.h).
 */

#define GOLANES_TYPE_TASKS_PANEL (golanes_tasks_panel_get_type ())

G_DECLARE_FINAL_TYPE (GolanesTasksPanel, golanes_tasks_panel, GOLANES, TASKS_PANEL, GolanesPanel)

GtkWidget       *golanes_tasks_panel_new           (void);
const char      *golanes_tasks_panel_get_title     (void);
const char      *golanes_tasks_panel_get_icon_name (void);

G_END_DECLS
