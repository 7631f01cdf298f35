/* golanes-compat.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The one place that branches on the GTK version (the floor is GTK 4.8). */

void golanes_widget_get_color        (GtkWidget *widget,
                                      GdkRGBA   *color);
void golanes_widget_get_accent_color (GtkWidget *widget,
                                      GdkRGBA   *color);

G_END_DECLS
