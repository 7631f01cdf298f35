/* golanes-busy.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * A spinner that costs only a small repaint a few times a second.
 * GtkSpinner spins by a CSS animation that makes a frame at the display's
 * rate and lays out the window in each, which on X11 also asks the server
 * for the work area: while a panel computes and the trace loads, that
 * took about 10 % of a core on the main thread, and the main thread holds
 * the loading model up whenever it runs.  This one turns in steps, from a
 * timer, only while it is mapped and spinning, and only redraws itself.
 */

#define GOLANES_TYPE_BUSY (golanes_busy_get_type ())

G_DECLARE_FINAL_TYPE (GolanesBusy, golanes_busy, GOLANES, BUSY, GtkWidget)

GtkWidget *golanes_busy_new          (void);
void       golanes_busy_set_spinning (GolanesBusy *self,
                                      gboolean     spinning);
gboolean   golanes_busy_get_spinning (GolanesBusy *self);
/* The steps turned so far (tests: it turns while mapped, not otherwise). */
guint      golanes_busy_get_steps    (GolanesBusy *self);

G_END_DECLS
