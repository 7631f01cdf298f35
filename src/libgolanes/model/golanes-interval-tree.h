/* golanes-interval-tree.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A static interval index: intervals are added once, golanes_interval_tree_build()
 * sorts them, and from then on the tree answers "which intervals intersect
 * [t0, t1)" in O(log n + k).
 *
 * Layout: the intervals sorted by start form an implicit balanced binary
 * tree (node i is at level k if its k lowest bits are 1; its children are
 * i ± 2^(k-1)), each node augmented with the largest end in its subtree.
 * Memory: 32 bytes per interval, no pointers.
 *
 * Intersection uses the timeline's convention: an interval [s, e) with an
 * effective end of max(e, s + 1) (so a zero-length interval at s is hit by
 * any window that contains s) intersects the window [t0, t1) when
 * s < t1 and max(e, s + 1) > t0.
 */

typedef struct _GolanesIntervalTree GolanesIntervalTree;

GolanesIntervalTree *golanes_interval_tree_new        (void);
void                 golanes_interval_tree_free       (GolanesIntervalTree *tree);
/* Intervals with end < start are clamped to zero length. */
void                 golanes_interval_tree_add        (GolanesIntervalTree *tree,
                                                       gint64               start,
                                                       gint64               end,
                                                       guint32              value);
void                 golanes_interval_tree_build      (GolanesIntervalTree *tree);
guint                golanes_interval_tree_get_size   (GolanesIntervalTree *tree);
/* Appends the values (guint32) of the intervals intersecting [t0, t1) to
 * @out, in order of start (ties: order of addition).  Returns how many. */
guint                golanes_interval_tree_query      (GolanesIntervalTree *tree,
                                                       gint64               t0,
                                                       gint64               t1,
                                                       GArray              *out);
gsize                golanes_interval_tree_get_memory_size (GolanesIntervalTree *tree);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GolanesIntervalTree, golanes_interval_tree_free)

G_END_DECLS
