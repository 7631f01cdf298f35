/* golanes-trace-loader-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "golanes-trace-loader.h"

G_BEGIN_DECLS

/* For tests: wait @delay_msec before parsing and after each generation,
 * so that progress and cancellation can be observed on a small file. Zero
 * restores the default. */
void _golanes_trace_loader_set_throttle (guint delay_msec);

G_END_DECLS
