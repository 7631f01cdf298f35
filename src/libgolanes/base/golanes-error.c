/* golanes-error.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "golanes-error.h"

G_DEFINE_QUARK (golanes-error-quark, golanes_error)
