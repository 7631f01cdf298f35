/* golanes-flame-panel.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "golanes-panel.h"
#include "golanes-session.h"

G_BEGIN_DECLS

/* What the flame graph shows. */
typedef enum
{
  GOLANES_FLAME_SOURCE_CPU,
  GOLANES_FLAME_SOURCE_SYNC,
  GOLANES_FLAME_SOURCE_NET,
  GOLANES_FLAME_SOURCE_SYSCALL,
  GOLANES_FLAME_SOURCE_SCHED,
} GolanesFlameSource;

/* Which CPU samples. */
typedef enum
{
  GOLANES_FLAME_SCOPE_ALL,
  GOLANES_FLAME_SCOPE_SELECTION,   /* the timeline's time selection */
  GOLANES_FLAME_SCOPE_GOROUTINE,   /* the selected goroutine */
  GOLANES_FLAME_SCOPE_GROUP,       /* goroutines of its start function */
  GOLANES_FLAME_SCOPE_TASK,        /* inside the regions of tasks of a type */
  GOLANES_FLAME_SCOPE_REGION,      /* inside regions of a type */
} GolanesFlameScope;

#define GOLANES_TYPE_FLAME_PANEL (golanes_flame_panel_get_type ())

G_DECLARE_FINAL_TYPE (GolanesFlamePanel, golanes_flame_panel, GOLANES, FLAME_PANEL, GolanesPanel)

GtkWidget  *golanes_flame_panel_new            (void);
const char *golanes_flame_panel_get_title      (void);
const char *golanes_flame_panel_get_icon_name  (void);
void        golanes_flame_panel_set_session    (GolanesFlamePanel *self,
                                                GolanesSession    *session);
void        golanes_flame_panel_set_source     (GolanesFlamePanel *self,
                                                GolanesFlameSource source);
void        golanes_flame_panel_set_scope      (GolanesFlamePanel *self,
                                                GolanesFlameScope  scope);
/* The task or region type of those scopes (one the trace has). */
void        golanes_flame_panel_set_type       (GolanesFlamePanel *self,
                                                const char        *type);
void        golanes_flame_panel_set_search     (GolanesFlamePanel *self,
                                                const char        *text);
/* Shows the top functions table instead of the flame graph, or back. */
void        golanes_flame_panel_show_table     (GolanesFlamePanel *self,
                                                gboolean           table);
GtkWidget  *golanes_flame_panel_get_graph      (GolanesFlamePanel *self);
/* The shown profile as folded stacks or gzipped pprof, for exports and
 * tests; NULL when there is none. */
char       *golanes_flame_panel_dup_folded     (GolanesFlamePanel *self);
GBytes     *golanes_flame_panel_dup_pprof      (GolanesFlamePanel *self,
                                                GError           **error);
/* What the summary line says ("1,234 samples · 12 % matched"). */
const char *golanes_flame_panel_get_summary    (GolanesFlamePanel *self);

G_END_DECLS
