/* golanes-compat.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "golanes-compat.h"

/* The widget's foreground colour. */
void
golanes_widget_get_color (GtkWidget *widget,
                          GdkRGBA   *color)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (color != NULL);

#if GTK_CHECK_VERSION (4, 10, 0)
  /* Newer than the GDK_VERSION_MAX_ALLOWED ceiling, which marks it
   * unavailable: allowed here, behind the version check. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_widget_get_color (widget, color);
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
#endif
}

/* The theme's accent colour, as used for text and lines; Adwaita's blue
 * when the theme names none. */
void
golanes_widget_get_accent_color (GtkWidget *widget,
                                 GdkRGBA   *color)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (color != NULL);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_color", color))
    gdk_rgba_parse (color, "#3584e4");
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* AdwFlap is deprecated from libadwaita 1.4 on, for AdwOverlaySplitView,
 * which 1.2 lacks: the flap is used on every version, and only here. */

gboolean
golanes_flap_get_folded (GtkWidget *flap)
{
  gboolean folded;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_return_val_if_fail (ADW_IS_FLAP (flap), FALSE);

  folded = adw_flap_get_folded (ADW_FLAP (flap));
  G_GNUC_END_IGNORE_DEPRECATIONS

  return folded;
}

gboolean
golanes_flap_get_reveal_flap (GtkWidget *flap)
{
  gboolean reveal;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_return_val_if_fail (ADW_IS_FLAP (flap), FALSE);

  reveal = adw_flap_get_reveal_flap (ADW_FLAP (flap));
  G_GNUC_END_IGNORE_DEPRECATIONS

  return reveal;
}

void
golanes_flap_set_reveal_flap (GtkWidget *flap,
                              gboolean   reveal)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_return_if_fail (ADW_IS_FLAP (flap));

  adw_flap_set_reveal_flap (ADW_FLAP (flap), reveal);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

void
golanes_skip_unused_gl (void)
{
  gboolean disable_var = gtk_get_major_version () > 4 ||
                         (gtk_get_major_version () == 4 && gtk_get_minor_version () >= 16);

  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") != 0)
    return;
  if (disable_var)
    g_setenv ("GDK_DISABLE", "gl", FALSE);
  else
    g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
}
