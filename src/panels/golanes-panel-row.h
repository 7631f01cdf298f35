/* golanes-panel-row.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * The item of the side panels' tables: a label, an id and a few numbers,
 * shown by columns made with golanes_panel_add_column(), which sorts them
 * through the column view's sorter.  A row may have children (the
 * goroutines of a group) and carry panel data.
 */

#define GOLANES_PANEL_ROW_N_VALUES 12
#define GOLANES_PANEL_ROW_NO_VALUE G_MININT64

#define GOLANES_TYPE_PANEL_ROW (golanes_panel_row_get_type ())

G_DECLARE_FINAL_TYPE (GolanesPanelRow, golanes_panel_row, GOLANES, PANEL_ROW, GObject)

typedef enum
{
  GOLANES_PANEL_COLUMN_LABEL,     /* the label, sorted by collation */
  GOLANES_PANEL_COLUMN_COUNT,     /* a value as an integer */
  GOLANES_PANEL_COLUMN_DURATION,  /* a value in nanoseconds */
  GOLANES_PANEL_COLUMN_BYTES,     /* a value in bytes */
  GOLANES_PANEL_COLUMN_PERCENT,   /* a value in hundredths of a percent */
  GOLANES_PANEL_COLUMN_BREAKDOWN, /* values index..index+3 (running, runnable,
                                   * waiting, syscall time) as a stacked bar
                                   * in the goroutine state colours; sorted
                                   * by the running share */
} GolanesPanelColumnFormat;

GolanesPanelRow *golanes_panel_row_new          (const char      *label,
                                                 gint64           id);
const char      *golanes_panel_row_get_label    (GolanesPanelRow *self);
gint64           golanes_panel_row_get_id       (GolanesPanelRow *self);
gint64           golanes_panel_row_get_value    (GolanesPanelRow *self,
                                                 guint            index);
void             golanes_panel_row_set_value    (GolanesPanelRow *self,
                                                 guint            index,
                                                 gint64           value);
GListModel      *golanes_panel_row_get_children (GolanesPanelRow *self);
void             golanes_panel_row_set_children (GolanesPanelRow *self,
                                                 GListModel      *children);
gpointer         golanes_panel_row_get_data     (GolanesPanelRow *self);
void             golanes_panel_row_set_data     (GolanesPanelRow *self,
                                                 gpointer         data,
                                                 GDestroyNotify   destroy);

/* The panel row of a column view item (a GolanesPanelRow, or a
 * GtkTreeListRow holding one); NULL for anything else. */
GolanesPanelRow *golanes_panel_row_from_item    (gpointer         item);

GtkColumnViewColumn *golanes_panel_add_column   (GtkColumnView            *view,
                                                 const char               *title,
                                                 GolanesPanelColumnFormat  format,
                                                 guint                    value_index,
                                                 gboolean                 expand);
/* Wraps @model in a sort model driven by @view's column sorter, a paced
 * model (the view gets its rows over a few frames, see
 * golanes-paced-model.h) and a single selection without autoselect, and
 * sets it on @view.  For a GtkTreeListModel the rows are sorted within
 * their parents.  Returns the selection (owned by @view). */
GtkSingleSelection  *golanes_panel_set_model    (GtkColumnView            *view,
                                                 GListModel               *model);
/* Gives @view every row of its model now, not over the next frames. */
void                 golanes_panel_flush_model  (GtkColumnView            *view);
/* The selected panel row, or NULL. */
GolanesPanelRow     *golanes_panel_get_selected (GtkColumnView            *view);

/* Short human-readable forms: "1.23 ms", "12.3 MiB", "99.5 %". */
char *golanes_panel_format_duration (gint64 ns);
char *golanes_panel_format_bytes    (gint64 bytes);

G_END_DECLS
