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

/* Before GTK starts: when the cairo renderer is asked for
 * (GSK_RENDERER=cairo), tells GDK not to set up OpenGL, which nothing
 * then draws with.  On X11 GDK would otherwise load Mesa (and LLVM with
 * it) only to pick a visual: about 60 MB resident.  GTK 4.16 takes
 * GDK_DISABLE=gl, older ones GDK_DEBUG=gl-disable; a value the user set
 * is left alone. */
void     golanes_skip_unused_gl          (void);

G_END_DECLS
