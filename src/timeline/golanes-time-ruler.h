/* golanes-time-ruler.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GOLANES_TYPE_TIME_RULER (golanes_time_ruler_get_type ())

G_DECLARE_FINAL_TYPE (GolanesTimeRuler, golanes_time_ruler, GOLANES, TIME_RULER, GtkWidget)

G_END_DECLS
