/* golanes-panel-util.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-panel-util"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "golanes-busy.h"
#include "golanes-compat.h"
#include "golanes-panel-row.h"
#include "golanes-panel-util.h"

void
golanes_panel_unbind_model (GtkSingleSelection **selection,
                            GCallback            selected_cb,
                            gpointer             user_data)
{
  g_return_if_fail (selection != NULL);

  if (*selection != NULL)
    g_signal_handlers_disconnect_by_func (*selection, selected_cb, user_data);
  *selection = NULL;
}

void
golanes_panel_bind_model (GtkColumnView       *view,
                          GListModel          *model,
                          GtkSingleSelection **selection,
                          GCallback            selected_cb,
                          gpointer             user_data)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (G_IS_LIST_MODEL (model));
  g_return_if_fail (selection != NULL);

  golanes_panel_unbind_model (selection, selected_cb, user_data);
  /* The view owns the selection, which outlives neither it nor the panel. */
  *selection = golanes_panel_set_model (view, model);
  g_signal_connect_object (*selection, "notify::selected", selected_cb, user_data, G_CONNECT_SWAPPED);
}

GolanesTimeline *
golanes_panel_get_timeline (GolanesDocument *document)
{
  return document != NULL ? golanes_document_get_timeline (document) : NULL;
}

const char *
golanes_panel_timeline_string (GolanesTimeline *timeline,
                               guint32          id,
                               const char      *fallback)
{
  const char *str = NULL;

  if (timeline != NULL && id != 0)
    str = golanes_stack_table_get_string (golanes_timeline_get_stack_table (timeline), id, NULL);
  return str != NULL && str[0] != '\0' ? str : fallback;
}

gboolean
golanes_panel_reason_is_sync (const char *reason)
{
  return reason != NULL &&
         (strstr (reason, "chan") != NULL || strstr (reason, "sync") != NULL || strstr (reason, "select") != NULL);
}

gboolean
golanes_panel_reason_is_net (const char *reason)
{
  return g_strcmp0 (reason, "network") == 0;
}

void
golanes_panel_dispose_children (GtkWidget *widget,
                                GType      type)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_dispose_template (widget, type);
  while ((child = gtk_widget_get_first_child (widget)))
    gtk_widget_unparent (child);
}

void
golanes_plot_append_text (GtkWidget     *widget,
                          GtkSnapshot   *snapshot,
                          const char    *text,
                          float          x,
                          float          y,
                          float          xalign,
                          const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = NULL;
  int width;
  int height;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (text != NULL);

  layout = gtk_widget_create_pango_layout (widget, text);
  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x - xalign * width, y - height / 2.0f));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

gboolean
golanes_plot_set_tooltip (GtkTooltip *tooltip,
                          char       *text)
{
  g_autofree char *owned = text;

  if (owned == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, owned);
  return TRUE;
}

void
golanes_plot_get_colors (GtkWidget *widget,
                         GdkRGBA   *fg,
                         GdkRGBA   *accent)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  golanes_widget_get_color (widget, fg);
  golanes_widget_get_accent_color (widget, accent);
}

void
golanes_plot_measure (GtkOrientation  orientation,
                      int             min_width,
                      int             nat_width,
                      int             min_height,
                      int             nat_height,
                      int            *minimum,
                      int            *natural)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? min_width : min_height;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? nat_width : nat_height;
}

GtkWidget *
golanes_panel_status_install (GtkWidget *panel)
{
  GtkWidget *child = gtk_widget_get_first_child (panel);
  GtkWidget *status;
  GtkWidget *spinner;
  GtkWidget *label;

  g_return_val_if_fail (GTK_IS_BOX (child), NULL);

  status = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (status, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (status, "panel-status");
  spinner = golanes_busy_new ();
  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (status), spinner);
  gtk_box_append (GTK_BOX (status), label);
  gtk_widget_set_visible (status, FALSE);
  gtk_box_prepend (GTK_BOX (child), status);
  return status;
}

gboolean
golanes_panel_status_update (GtkWidget           *status,
                             GolanesDocument     *document,
                             GolanesDocumentPart  part)
{
  GtkWidget *spinner;
  GtkWidget *label;
  const GError *error;
  gboolean ready;

  g_return_val_if_fail (GTK_IS_BOX (status), FALSE);

  spinner = gtk_widget_get_first_child (status);
  label = gtk_widget_get_next_sibling (spinner);
  ready = document != NULL && golanes_document_is_ready (document, part);
  error = document != NULL && !ready ? golanes_document_get_part_error (document, part) : NULL;

  if (document == NULL || ready)
    {
      golanes_busy_set_spinning (GOLANES_BUSY (spinner), FALSE);
      gtk_widget_set_visible (status, FALSE);
      return ready;
    }

  if (error != NULL)
    {
      g_autofree char *text = NULL;

      golanes_busy_set_spinning (GOLANES_BUSY (spinner), FALSE);
      gtk_widget_set_visible (spinner, FALSE);
      /* Translators: %s is an error message */
      text = g_strdup_printf (_("This could not be computed: %s"), error->message);
      gtk_label_set_text (GTK_LABEL (label), text);
    }
  else
    {
      gtk_widget_set_visible (spinner, TRUE);
      golanes_busy_set_spinning (GOLANES_BUSY (spinner), TRUE);
      /* Translators: shown in a side panel while its analysis of the trace runs */
      gtk_label_set_text (GTK_LABEL (label), _("Computing…"));
    }
  gtk_widget_set_visible (status, TRUE);
  return FALSE;
}

const char *
golanes_panel_status_get_text (GtkWidget *status)
{
  g_return_val_if_fail (GTK_IS_BOX (status), NULL);

  if (!gtk_widget_get_visible (status))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (status)));
}
