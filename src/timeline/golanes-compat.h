/* golanes-compat.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The one place that branches on the GTK and libadwaita versions (the
 * floor is GTK 4.8 and libadwaita 1.2). */

void     golanes_widget_get_color        (GtkWidget *widget,
                                          GdkRGBA   *color);
void     golanes_widget_get_accent_color (GtkWidget *widget,
                                          GdkRGBA   *color);

/* An AdwFlap, which libadwaita 1.4 deprecates for AdwOverlaySplitView;
 * 1.2 has only the flap. */
gboolean golanes_flap_get_folded         (GtkWidget *flap);
gboolean golanes_flap_get_reveal_flap    (GtkWidget *flap);
void     golanes_flap_set_reveal_flap    (GtkWidget *flap,
                                          gboolean   reveal);

G_END_DECLS
