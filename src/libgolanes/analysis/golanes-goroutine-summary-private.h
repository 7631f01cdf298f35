/* golanes-goroutine-summary-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "golanes-goroutine-summary.h"

G_BEGIN_DECLS

/* Tests: the records write their times on a tick of 2^@tick ns whatever
 * the trace's own (set before the first event). */
void _golanes_goroutine_summary_set_time_tick (GolanesGoroutineSummary *self,
                                               guint                    tick);

G_END_DECLS
