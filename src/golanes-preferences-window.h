/* golanes-preferences-window.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GOLANES_TYPE_PREFERENCES_WINDOW (golanes_preferences_window_get_type())

G_DECLARE_FINAL_TYPE (GolanesPreferencesWindow, golanes_preferences_window, GOLANES, PREFERENCES_WINDOW, AdwPreferencesWindow)

GolanesPreferencesWindow *golanes_preferences_window_new          (GSettings                *settings);
GSettings                *golanes_preferences_window_get_settings (GolanesPreferencesWindow *self);

G_END_DECLS
