/* golanes-critical-path-panel.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "golanes-panel.h"
#include "golanes-session.h"

G_BEGIN_DECLS

#define GOLANES_TYPE_CRITICAL_PATH_PANEL (golanes_critical_path_panel_get_type ())

G_DECLARE_FINAL_TYPE (GolanesCriticalPathPanel, golanes_critical_path_panel, GOLANES, CRITICAL_PATH_PANEL, GolanesPanel)

GtkWidget  *golanes_critical_path_panel_new            (void);
const char *golanes_critical_path_panel_get_title      (void);
const char *golanes_critical_path_panel_get_icon_name  (void);
/* The session the panel draws its path on (the timeline's). */
void        golanes_critical_path_panel_set_session    (GolanesCriticalPathPanel *self,
                                                        GolanesSession           *session);

/* What to explain; each computes on a worker thread, then shows the
 * breakdown and draws the path (for a type: its median instance) on the
 * session's timeline. */
void        golanes_critical_path_panel_show_task      (GolanesCriticalPathPanel *self,
                                                        guint                     task);
void        golanes_critical_path_panel_show_region    (GolanesCriticalPathPanel *self,
                                                        guint                     region);
void        golanes_critical_path_panel_show_goroutine (GolanesCriticalPathPanel *self,
                                                        guint                     goroutine,
                                                        gint64                    start,
                                                        gint64                    end);
void        golanes_critical_path_panel_show_type      (GolanesCriticalPathPanel *self,
                                                        gboolean                  task,
                                                        const char               *type);
/* Forgets the path and takes it off the timeline. */
void        golanes_critical_path_panel_clear          (GolanesCriticalPathPanel *self);

/* For tests: TRUE while computing; the heading and summary shown; the
 * breakdown as text ("kind\tduration\tshare" lines per section). */
gboolean    golanes_critical_path_panel_is_busy        (GolanesCriticalPathPanel *self);
const char *golanes_critical_path_panel_get_heading    (GolanesCriticalPathPanel *self);
char       *golanes_critical_path_panel_dup_text       (GolanesCriticalPathPanel *self);
/* Shows the slowest 1% (TRUE) or the median (FALSE) of a type. */
void        golanes_critical_path_panel_show_slowest   (GolanesCriticalPathPanel *self,
                                                        gboolean                  slowest);

G_END_DECLS
