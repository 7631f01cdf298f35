/* golanes-sort-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sorting with exactly the element order Go's slices.SortFunc (pattern
 * defeating quicksort) produces for a comparison on @key. */
typedef struct
{
  gint64  key;
  guint64 value;
} GolanesSortItem;

void golanes_sort_items (GolanesSortItem *items,
                         gsize            n);

/* Ascending order of gint64 values, for qsort() and g_array_sort(). */
int  golanes_compare_int64 (gconstpointer a,
                            gconstpointer b);
/* The same for guint32 values. */
int  golanes_compare_uint32 (gconstpointer a,
                             gconstpointer b);

G_END_DECLS
