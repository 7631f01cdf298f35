/* golanes-window-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "golanes-trace-view.h"
#include "golanes-window.h"

G_BEGIN_DECLS

void _golanes_window_set_drop_highlight (GolanesWindow *self,
                                         gboolean       highlight);

GolanesTraceView *_golanes_window_get_trace_view   (GolanesWindow *self);
AdwWindowTitle   *_golanes_window_get_window_title (GolanesWindow *self);
/* A load runs (the trace may show already, streaming in). */
gboolean          _golanes_window_is_loading       (GolanesWindow *self);
/* The welcome page's list of recent traces (AdwActionRows). */
GtkListBox       *_golanes_window_get_recent_list  (GolanesWindow *self);

G_END_DECLS
