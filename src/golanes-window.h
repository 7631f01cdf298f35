/* golanes-window.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "golanes-application.h"

G_BEGIN_DECLS

#define GOLANES_TYPE_WINDOW (golanes_window_get_type())

G_DECLARE_FINAL_TYPE (GolanesWindow, golanes_window, GOLANES, WINDOW, AdwApplicationWindow)

GolanesWindow *golanes_window_new           (GolanesApplication *application);
void           golanes_window_open          (GolanesWindow      *self,
                                             GFile              *file);
void           golanes_window_open_recording (GolanesWindow     *self,
                                              GFile             *file);
gboolean       golanes_window_is_empty      (GolanesWindow      *self);
const char    *golanes_window_get_page_name (GolanesWindow      *self);
GFile         *golanes_window_get_file      (GolanesWindow      *self);

G_END_DECLS
