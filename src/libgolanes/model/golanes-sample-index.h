/* golanes-sample-index.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "golanes-timeline.h"

G_BEGIN_DECLS

/*
 * The CPU samples of a timeline by goroutine and by P: for a lane, the
 * indices of its samples (golanes_timeline_get_sample()) in time order.
 * Built from the samples the timeline has when updated, again when it
 * has more (a trace streaming in).  One thread at a time.
 */

typedef struct _GolanesSampleIndex GolanesSampleIndex;

GolanesSampleIndex *golanes_sample_index_new           (void);
void                golanes_sample_index_free          (GolanesSampleIndex *self);
/* Indexes @timeline's samples if it has others than those indexed. */
void                golanes_sample_index_update        (GolanesSampleIndex *self,
                                                        GolanesTimeline    *timeline);
const guint32      *golanes_sample_index_get_goroutine (GolanesSampleIndex *self,
                                                        gint64              goid,
                                                        guint              *n_samples);
const guint32      *golanes_sample_index_get_proc      (GolanesSampleIndex *self,
                                                        gint64              proc,
                                                        guint              *n_samples);
/* The first entry of @samples (@n of them, in time order) at or after
 * @time, or @n. */
guint               golanes_sample_index_lower_bound   (GolanesTimeline    *timeline,
                                                        const guint32      *samples,
                                                        guint               n,
                                                        gint64              time);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GolanesSampleIndex, golanes_sample_index_free)

G_END_DECLS
