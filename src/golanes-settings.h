/* golanes-settings.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The same schema for the stable and the Development profile. */
#define GOLANES_SETTINGS_SCHEMA_ID "io.github.golanes.Golanes"

GSettings *golanes_settings_new                 (void);
void       golanes_settings_bind_style_manager  (GSettings       *settings,
                                                 AdwStyleManager *style_manager);
gboolean   golanes_settings_window_size_is_sane (GdkDisplay      *display,
                                                 int              width,
                                                 int              height);
void       golanes_settings_restore_window      (GSettings       *settings,
                                                 GtkWindow       *window);
void       golanes_settings_save_window         (GSettings       *settings,
                                                 GtkWindow       *window);
int        golanes_settings_clamp_int           (GSettings       *settings,
                                                 const char      *key,
                                                 int              value);

G_END_DECLS
