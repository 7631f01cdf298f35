/* golanes-paced-model.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GOLANES_TYPE_PACED_MODEL (golanes_paced_model_get_type ())

G_DECLARE_FINAL_TYPE (GolanesPacedModel, golanes_paced_model, GOLANES, PACED_MODEL, GObject)

/* A list model that shows @model's items to a list view a few at a time,
 * one step per frame of @widget, so that a view given thousands of rows
 * makes its row widgets over several frames instead of stalling one.
 * Once every item is shown, changes of @model pass through unchanged. */
GolanesPacedModel *golanes_paced_model_new        (GListModel        *model,
                                                   GtkWidget         *widget);
GListModel        *golanes_paced_model_get_model  (GolanesPacedModel *self);
/* Shows every item now. */
void               golanes_paced_model_flush      (GolanesPacedModel *self);
gboolean           golanes_paced_model_is_settled (GolanesPacedModel *self);

G_END_DECLS
