/* golanes-trace-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the trace reader and the text formatter; not installed.
 * The id map, the sort and the text buffer live in base/.
 */

#pragma once

#include <glib.h>

#include "golanes-id-map-private.h"
#include "golanes-sort-private.h"
#include "golanes-text-buf-private.h"
