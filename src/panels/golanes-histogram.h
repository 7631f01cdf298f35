/* golanes-histogram.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * A histogram of durations in logarithmic buckets (1, 2 and 5 times each
 * power of ten nanoseconds), drawn with bars, a count axis and a duration
 * axis.  Hovering a bar shows its range and count in a tooltip.
 */

#define GOLANES_TYPE_HISTOGRAM (golanes_histogram_get_type ())

G_DECLARE_FINAL_TYPE (GolanesHistogram, golanes_histogram, GOLANES, HISTOGRAM, GtkWidget)

GtkWidget *golanes_histogram_new          (void);
void       golanes_histogram_set_values   (GolanesHistogram *self,
                                           const gint64     *durations,
                                           guint             n_durations);
guint      golanes_histogram_get_n_buckets (GolanesHistogram *self);
/* Bucket @index covers [*lower, *upper) nanoseconds; returns its count. */
guint      golanes_histogram_get_bucket   (GolanesHistogram *self,
                                           guint             index,
                                           gint64           *lower,
                                           gint64           *upper);
/* The tooltip of a pointer at @x: the bucket's range and count ("10 µs to
 * 20 µs: 12"), or NULL outside the bars. */
char      *golanes_histogram_describe_at  (GolanesHistogram *self,
                                           double            x);

G_END_DECLS
