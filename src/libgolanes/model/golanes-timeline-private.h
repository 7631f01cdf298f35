/* golanes-timeline-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _GolanesTimeline GolanesTimeline;

/* Tests: with FALSE, ended goroutines keep their tracks instead of going
 * to the compact store (set before the first event). */
void _golanes_timeline_set_compact (GolanesTimeline *self,
                                    gboolean         compact);

G_END_DECLS
