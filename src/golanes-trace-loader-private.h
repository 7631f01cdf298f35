/* golanes-trace-loader-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "golanes-trace-loader.h"

G_BEGIN_DECLS

/* For tests: read in chunks of @chunk_size bytes and sleep @delay_msec
 * after each one, so that progress and cancellation can be observed on a
 * small file. Zero restores the defaults. */
void _golanes_trace_loader_set_throttle (gsize chunk_size,
                                         guint delay_msec);

G_END_DECLS
