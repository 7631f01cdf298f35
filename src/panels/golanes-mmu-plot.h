/* golanes-mmu-plot.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "golanes-mmu.h"

G_BEGIN_DECLS

/*
 * The minimum mutator utilization curve of `go tool trace`'s /mmu page:
 * window size on a logarithmic x axis, MMU from 0 to 1 on the y axis.
 * Hovering marks the nearest sample and shows its window and MMU in a
 * tooltip.
 */

#define GOLANES_TYPE_MMU_PLOT (golanes_mmu_plot_get_type ())

G_DECLARE_FINAL_TYPE (GolanesMmuPlot, golanes_mmu_plot, GOLANES, MMU_PLOT, GtkWidget)

GtkWidget *golanes_mmu_plot_new           (void);
/* Takes the plot of @mmu (may be NULL to clear); @mmu is not kept. */
void       golanes_mmu_plot_set_mmu       (GolanesMmuPlot *self,
                                           GolanesMmu     *mmu);
guint      golanes_mmu_plot_get_n_points  (GolanesMmuPlot *self);
/* The tooltip of a pointer at @x: the nearest sample's window and MMU
 * ("Window 1.2 ms: MMU 0.734"), or NULL. */
char      *golanes_mmu_plot_describe_at   (GolanesMmuPlot *self,
                                           double          x);

G_END_DECLS
