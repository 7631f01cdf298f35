/* golanes-time-ruler.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "golanes-session.h"
#include "golanes-timeline-render.h"

G_BEGIN_DECLS

#define GOLANES_TYPE_TIME_RULER (golanes_time_ruler_get_type ())

G_DECLARE_FINAL_TYPE (GolanesTimeRuler, golanes_time_ruler, GOLANES, TIME_RULER, GtkWidget)

GolanesSession *golanes_time_ruler_get_session     (GolanesTimeRuler      *self);
void            golanes_time_ruler_set_session     (GolanesTimeRuler      *self,
                                                    GolanesSession        *session);
/* The layout of the session's document, owned by the caller, who unsets
 * it before freeing it. */
void            golanes_time_ruler_set_layout      (GolanesTimeRuler      *self,
                                                    GolanesTimelineLayout *layout);
/* The width of the lanes below, gutter included: the ticks line up with
 * their columns. */
void            golanes_time_ruler_set_lanes_width (GolanesTimeRuler      *self,
                                                    int                    width);
void            golanes_time_ruler_set_gutter      (GolanesTimeRuler      *self,
                                                    double                 gutter);

G_END_DECLS
