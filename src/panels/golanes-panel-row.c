/* golanes-panel-row.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-panel-row"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "golanes-palette.h"
#include "golanes-panel-row.h"
#include "golanes-paced-model.h"

#define BREAKDOWN_N_PARTS 4

/* The bar of a GOLANES_PANEL_COLUMN_BREAKDOWN cell. */
#define GOLANES_TYPE_BREAKDOWN_BAR (golanes_breakdown_bar_get_type ())
G_DECLARE_FINAL_TYPE (GolanesBreakdownBar, golanes_breakdown_bar, GOLANES, BREAKDOWN_BAR, GtkWidget)

struct _GolanesBreakdownBar
{
  GtkWidget parent_instance;
  gint64    parts[BREAKDOWN_N_PARTS];
};

G_DEFINE_FINAL_TYPE (GolanesBreakdownBar, golanes_breakdown_bar, GTK_TYPE_WIDGET)

static const GolanesColorRole breakdown_roles[BREAKDOWN_N_PARTS] = {
  GOLANES_COLOR_RUNNING,
  GOLANES_COLOR_RUNNABLE,
  GOLANES_COLOR_WAITING,
  GOLANES_COLOR_SYSCALL,
};

static void
golanes_breakdown_bar_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  GolanesBreakdownBar *self = GOLANES_BREAKDOWN_BAR (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gint64 total = 0;
  float x = 0;

  for (guint i = 0; i < BREAKDOWN_N_PARTS; i++)
    total += MAX (self->parts[i], 0);
  if (total <= 0 || width <= 0)
    return;

  for (guint i = 0; i < BREAKDOWN_N_PARTS; i++)
    {
      float w = (float) width * MAX (self->parts[i], 0) / total;

      if (w > 0)
        gtk_snapshot_append_color (snapshot, golanes_palette_get (breakdown_roles[i], dark),
                                   &GRAPHENE_RECT_INIT (x, 0, w, height));
      x += w;
    }
}

static void
golanes_breakdown_bar_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 40 : 10;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 80 : 10;
}

static void
golanes_breakdown_bar_class_init (GolanesBreakdownBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = golanes_breakdown_bar_snapshot;
  widget_class->measure = golanes_breakdown_bar_measure;
  gtk_widget_class_set_css_name (widget_class, "breakdownbar");
}

static void
golanes_breakdown_bar_init (GolanesBreakdownBar *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

static void
golanes_breakdown_bar_set_parts (GolanesBreakdownBar *self,
                                 const gint64        *parts)
{
  static const char *names[BREAKDOWN_N_PARTS] = {
    N_("Execution"), N_("Sched wait"), N_("Blocked"), N_("Syscall"),
  };
  GString *tooltip = g_string_new (NULL);
  gint64 total = 0;

  for (guint i = 0; i < BREAKDOWN_N_PARTS; i++)
    {
      self->parts[i] = parts[i] == GOLANES_PANEL_ROW_NO_VALUE ? 0 : parts[i];
      total += MAX (self->parts[i], 0);
    }

  for (guint i = 0; total > 0 && i < BREAKDOWN_N_PARTS; i++)
    g_string_append_printf (tooltip, "%s%s %.0f %%", tooltip->len > 0 ? "\n" : "",
                            _(names[i]), 100.0 * MAX (self->parts[i], 0) / total);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip->len > 0 ? tooltip->str : NULL);
  g_string_free (tooltip, TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static double
breakdown_first_share (GolanesPanelRow *row,
                       guint            value_index);

struct _GolanesPanelRow
{
  GObject         parent_instance;

  char           *label;
  char           *collate_key;
  gint64          id;
  gint64          values[GOLANES_PANEL_ROW_N_VALUES];
  GListModel     *children;
  gpointer        data;
  GDestroyNotify  data_destroy;
};

G_DEFINE_FINAL_TYPE (GolanesPanelRow, golanes_panel_row, G_TYPE_OBJECT)

static void
golanes_panel_row_finalize (GObject *object)
{
  GolanesPanelRow *self = (GolanesPanelRow *) object;

  if (self->data_destroy != NULL)
    self->data_destroy (self->data);
  g_clear_object (&self->children);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->collate_key, g_free);

  G_OBJECT_CLASS (golanes_panel_row_parent_class)->finalize (object);
}

static void
golanes_panel_row_class_init (GolanesPanelRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = golanes_panel_row_finalize;
}

static void
golanes_panel_row_init (GolanesPanelRow *self)
{
  for (guint i = 0; i < GOLANES_PANEL_ROW_N_VALUES; i++)
    self->values[i] = GOLANES_PANEL_ROW_NO_VALUE;
}

GolanesPanelRow *
golanes_panel_row_new (const char *label,
                       gint64      id)
{
  GolanesPanelRow *self = g_object_new (GOLANES_TYPE_PANEL_ROW, NULL);

  self->label = g_strdup (label != NULL ? label : "");
  self->id = id;

  return self;
}

const char *
golanes_panel_row_get_label (GolanesPanelRow *self)
{
  g_return_val_if_fail (GOLANES_IS_PANEL_ROW (self), NULL);

  return self->label;
}

static const char *
golanes_panel_row_get_collate_key (GolanesPanelRow *self)
{
  g_assert (GOLANES_IS_PANEL_ROW (self));

  if (self->collate_key == NULL)
    self->collate_key = g_utf8_collate_key (self->label, -1);
  return self->collate_key;
}

gint64
golanes_panel_row_get_id (GolanesPanelRow *self)
{
  g_return_val_if_fail (GOLANES_IS_PANEL_ROW (self), 0);

  return self->id;
}

gint64
golanes_panel_row_get_value (GolanesPanelRow *self,
                             guint            index)
{
  g_return_val_if_fail (GOLANES_IS_PANEL_ROW (self), GOLANES_PANEL_ROW_NO_VALUE);
  g_return_val_if_fail (index < GOLANES_PANEL_ROW_N_VALUES, GOLANES_PANEL_ROW_NO_VALUE);

  return self->values[index];
}

void
golanes_panel_row_set_value (GolanesPanelRow *self,
                             guint            index,
                             gint64           value)
{
  g_return_if_fail (GOLANES_IS_PANEL_ROW (self));
  g_return_if_fail (index < GOLANES_PANEL_ROW_N_VALUES);

  self->values[index] = value;
}

/* The first part's share of a breakdown, for sorting. */
static double
breakdown_first_share (GolanesPanelRow *row,
                       guint            value_index)
{
  gint64 total = 0;

  for (guint i = 0; i < BREAKDOWN_N_PARTS; i++)
    if (row->values[value_index + i] != GOLANES_PANEL_ROW_NO_VALUE)
      total += MAX (row->values[value_index + i], 0);

  if (total <= 0 || row->values[value_index] == GOLANES_PANEL_ROW_NO_VALUE)
    return 0;
  return (double) row->values[value_index] / total;
}

GListModel *
golanes_panel_row_get_children (GolanesPanelRow *self)
{
  g_return_val_if_fail (GOLANES_IS_PANEL_ROW (self), NULL);

  return self->children;
}

void
golanes_panel_row_set_children (GolanesPanelRow *self,
                                GListModel      *children)
{
  g_return_if_fail (GOLANES_IS_PANEL_ROW (self));
  g_return_if_fail (children == NULL || G_IS_LIST_MODEL (children));

  g_set_object (&self->children, children);
}

gpointer
golanes_panel_row_get_data (GolanesPanelRow *self)
{
  g_return_val_if_fail (GOLANES_IS_PANEL_ROW (self), NULL);

  return self->data;
}

void
golanes_panel_row_set_data (GolanesPanelRow *self,
                            gpointer         data,
                            GDestroyNotify   destroy)
{
  g_return_if_fail (GOLANES_IS_PANEL_ROW (self));

  if (self->data_destroy != NULL)
    self->data_destroy (self->data);
  self->data = data;
  self->data_destroy = destroy;
}

GolanesPanelRow *
golanes_panel_row_from_item (gpointer item)
{
  if (GTK_IS_TREE_LIST_ROW (item))
    {
      g_autoptr(GObject) inner = gtk_tree_list_row_get_item (item);

      /* The tree list model holds the item. */
      return GOLANES_IS_PANEL_ROW (inner) ? GOLANES_PANEL_ROW (inner) : NULL;
    }

  return GOLANES_IS_PANEL_ROW (item) ? GOLANES_PANEL_ROW (item) : NULL;
}

char *
golanes_panel_format_duration (gint64 ns)
{
  static const struct { gint64 scale; const char *unit; } units[] = {
    { G_GINT64_CONSTANT (1000000000), "s" },
    { 1000000, "ms" },
    { 1000, "µs" },
  };
  gint64 abs_ns = ns < 0 ? -ns : ns;

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      if (abs_ns >= units[i].scale)
        {
          double v = (double) ns / (double) units[i].scale;
          double av = v < 0 ? -v : v;
          char number[G_ASCII_DTOSTR_BUF_SIZE];
          gsize len;

          /* Three significant digits, without trailing zeros. */
          g_snprintf (number, sizeof number, av >= 100 ? "%.0f" : av >= 10 ? "%.1f" : "%.2f", v);
          len = strlen (number);
          if (strpbrk (number, ".,") != NULL)
            {
              while (len > 0 && number[len - 1] == '0')
                number[--len] = '\0';
              if (len > 0 && (number[len - 1] == '.' || number[len - 1] == ','))
                number[--len] = '\0';
            }

          return g_strdup_printf ("%s %s", number, units[i].unit);
        }
    }

  return g_strdup_printf ("%" G_GINT64_FORMAT " ns", ns);
}

char *
golanes_panel_format_bytes (gint64 bytes)
{
  static const char *units[] = { "KiB", "MiB", "GiB", "TiB" };
  double v = (double) bytes;
  int unit = -1;

  while ((v >= 1024.0 || v <= -1024.0) && unit + 1 < (int) G_N_ELEMENTS (units))
    {
      v /= 1024.0;
      unit++;
    }

  if (unit < 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT " B", bytes);
  return g_strdup_printf (v >= 100 || v <= -100 ? "%.0f %s" : "%.1f %s", v, units[unit]);
}

static char *
format_value (GolanesPanelRow          *row,
              GolanesPanelColumnFormat  format,
              guint                     value_index)
{
  gint64 value;

  if (format == GOLANES_PANEL_COLUMN_LABEL)
    return g_strdup (row->label);

  value = row->values[value_index];
  if (value == GOLANES_PANEL_ROW_NO_VALUE)
    return g_strdup ("—");

  switch (format)
    {
    case GOLANES_PANEL_COLUMN_COUNT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, value);
    case GOLANES_PANEL_COLUMN_DURATION:
      return golanes_panel_format_duration (value);
    case GOLANES_PANEL_COLUMN_BYTES:
      return golanes_panel_format_bytes (value);
    case GOLANES_PANEL_COLUMN_PERCENT:
      return g_strdup_printf ("%.1f %%", value / 100.0);
    case GOLANES_PANEL_COLUMN_BREAKDOWN:
    case GOLANES_PANEL_COLUMN_LABEL:
    default:
      return g_strdup (row->label);
    }
}

typedef struct
{
  GolanesPanelColumnFormat format;
  guint                    value_index;
} ColumnInfo;

/* A name cut short shows whole in its tooltip.  The text is asked for
 * when the pointer rests on the cell, not set on every row bound: a view
 * binds hundreds of rows when it gets a model. */
static gboolean
label_query_tooltip_cb (GtkWidget  *label,
                        int         x,
                        int         y,
                        gboolean    keyboard_mode,
                        GtkTooltip *tooltip,
                        gpointer    user_data)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  if (text == NULL || text[0] == '\0' ||
      !pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               ColumnInfo               *info)
{
  GtkWidget *label;

  if (info->format == GOLANES_PANEL_COLUMN_BREAKDOWN)
    {
      gtk_list_item_set_child (list_item, g_object_new (GOLANES_TYPE_BREAKDOWN_BAR, NULL));
      return;
    }

  label = gtk_label_new (NULL);
  if (info->format == GOLANES_PANEL_COLUMN_LABEL)
    {
      GtkWidget *expander = gtk_tree_expander_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_width_chars (GTK_LABEL (label), 16);
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (label_query_tooltip_cb), NULL);
      gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
      gtk_list_item_set_child (list_item, expander);
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
      gtk_widget_add_css_class (label, "numeric");
      gtk_list_item_set_child (list_item, label);
    }
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              ColumnInfo               *info)
{
  gpointer item = gtk_list_item_get_item (list_item);
  GolanesPanelRow *row = golanes_panel_row_from_item (item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  g_autofree char *text = NULL;

  if (row == NULL)
    return;

  if (info->format == GOLANES_PANEL_COLUMN_BREAKDOWN)
    {
      golanes_breakdown_bar_set_parts (GOLANES_BREAKDOWN_BAR (child), &row->values[info->value_index]);
      return;
    }

  text = format_value (row, info->format, info->value_index);

  if (GTK_IS_TREE_EXPANDER (child))
    {
      GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (child));

      gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (child),
                                      GTK_IS_TREE_LIST_ROW (item) ? item : NULL);
      gtk_label_set_text (GTK_LABEL (label), text);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (child), text);
    }
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                ColumnInfo               *info)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  if (GTK_IS_TREE_EXPANDER (child))
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (child), NULL);
}

static int
compare_rows_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  ColumnInfo *info = user_data;
  GolanesPanelRow *ra = golanes_panel_row_from_item ((gpointer) a);
  GolanesPanelRow *rb = golanes_panel_row_from_item ((gpointer) b);
  gint64 va;
  gint64 vb;

  if (ra == NULL || rb == NULL)
    return GTK_ORDERING_EQUAL;

  if (info->format == GOLANES_PANEL_COLUMN_LABEL)
    {
      int cmp = strcmp (golanes_panel_row_get_collate_key (ra),
                        golanes_panel_row_get_collate_key (rb));

      if (cmp == 0 && ra->id != rb->id)
        return ra->id < rb->id ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
      return gtk_ordering_from_cmpfunc (cmp);
    }

  if (info->format == GOLANES_PANEL_COLUMN_BREAKDOWN)
    {
      double sa = breakdown_first_share (ra, info->value_index);
      double sb = breakdown_first_share (rb, info->value_index);

      if (sa != sb)
        return sa < sb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
      return GTK_ORDERING_EQUAL;
    }

  va = ra->values[info->value_index];
  vb = rb->values[info->value_index];
  if (va != vb)
    return va < vb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  return GTK_ORDERING_EQUAL;
}

GtkColumnViewColumn *
golanes_panel_add_column (GtkColumnView            *view,
                          const char               *title,
                          GolanesPanelColumnFormat  format,
                          guint                     value_index,
                          gboolean                  expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;
  ColumnInfo *info;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);
  g_return_val_if_fail (value_index < GOLANES_PANEL_ROW_N_VALUES, NULL);
  g_return_val_if_fail (format != GOLANES_PANEL_COLUMN_BREAKDOWN ||
                        value_index + BREAKDOWN_N_PARTS <= GOLANES_PANEL_ROW_N_VALUES, NULL);

  info = g_new0 (ColumnInfo, 1);
  info->format = format;
  info->value_index = value_index;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), info);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), info);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), info);
  g_object_set_data_full (G_OBJECT (factory), "golanes-column-info", info, g_free);

  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows_cb, info, NULL));

  column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);

  return column;
}

GtkSingleSelection *
golanes_panel_set_model (GtkColumnView *view,
                         GListModel    *model)
{
  GtkSorter *sorter;
  GtkSortListModel *sorted;
  GolanesPacedModel *paced;
  GtkSingleSelection *selection;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  sorter = g_object_ref (gtk_column_view_get_sorter (view));
  if (GTK_IS_TREE_LIST_MODEL (model))
    sorter = GTK_SORTER (gtk_tree_list_row_sorter_new (sorter));

  sorted = gtk_sort_list_model_new (g_object_ref (model), sorter);
  paced = golanes_paced_model_new (G_LIST_MODEL (sorted), GTK_WIDGET (view));
  selection = gtk_single_selection_new (G_LIST_MODEL (paced));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);

  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  return selection;
}

void
golanes_panel_flush_model (GtkColumnView *view)
{
  GtkSelectionModel *model;
  GListModel *rows;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  model = gtk_column_view_get_model (view);
  if (!GTK_IS_SINGLE_SELECTION (model))
    return;
  rows = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model));
  if (GOLANES_IS_PACED_MODEL (rows))
    golanes_paced_model_flush (GOLANES_PACED_MODEL (rows));
}

GolanesPanelRow *
golanes_panel_get_selected (GtkColumnView *view)
{
  GtkSelectionModel *model;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  model = gtk_column_view_get_model (view);
  if (!GTK_IS_SINGLE_SELECTION (model))
    return NULL;

  return golanes_panel_row_from_item (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model)));
}
