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

/* Tests: the finish puts the goroutines in id order through a window of
 * @window records (65,536), and if that is too small, as before, through
 * a table of them all. */
void _golanes_goroutine_summary_set_order_window (GolanesGoroutineSummary *self,
                                                  guint                    window);
/* How many records came too late for the window and were merged in;
 * G_MAXUINT when the order was found through the table. */
guint _golanes_goroutine_summary_get_n_late (GolanesGoroutineSummary *self);

G_END_DECLS
