/* golanes-blocking-panel.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "golanes-panel.h"

G_BEGIN_DECLS

/*
 * The blocking side panel: the four profiles of `go tool trace -pprof`
 * (synchronization, network, syscalls, scheduler latency), one at a time,
 * as a sortable table of stacks with their count, delay and share of the
 * profile's delay, the full stack of the selected row, and the profile's
 * delay by reason.
 *
 * Selecting a stack emits highlight with its blocking intervals.  The
 * signals are those of every side panel (see golanes-panel.h).
 */

typedef enum
{
  GOLANES_BLOCKING_PANEL_SYNC,
  GOLANES_BLOCKING_PANEL_NET,
  GOLANES_BLOCKING_PANEL_SYSCALL,
  GOLANES_BLOCKING_PANEL_SCHED,
} GolanesBlockingPanelProfile;

#define GOLANES_TYPE_BLOCKING_PANEL (golanes_blocking_panel_get_type ())

G_DECLARE_FINAL_TYPE (GolanesBlockingPanel, golanes_blocking_panel, GOLANES, BLOCKING_PANEL, GolanesPanel)

GtkWidget                  *golanes_blocking_panel_new           (void);
void                        golanes_blocking_panel_set_profile   (GolanesBlockingPanel        *self,
                                                                  GolanesBlockingPanelProfile  profile);
GolanesBlockingPanelProfile golanes_blocking_panel_get_profile   (GolanesBlockingPanel        *self);
/* The stack shown for the selected row, one frame a line ("" if none). */
const char                 *golanes_blocking_panel_get_stack_text (GolanesBlockingPanel       *self);
const char                 *golanes_blocking_panel_get_title     (void);
const char                 *golanes_blocking_panel_get_icon_name (void);

G_END_DECLS
