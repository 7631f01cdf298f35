/* golanes-window-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "golanes-window.h"

G_BEGIN_DECLS

void _golanes_window_set_drop_highlight (GolanesWindow *self,
                                         gboolean       highlight);

G_END_DECLS
