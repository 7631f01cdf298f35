/* golanes-goroutines-panel.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-goroutines-panel"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "golanes-goroutines-panel.h"
#include "golanes-highlight.h"
#include "golanes-panel-row.h"

/* Values of the rows, groups and goroutines alike.  The times come from
 * the goroutines' state spans in the timeline: running, runnable (and
 * created but not yet run), waiting, and in a syscall. */
enum
{
  VALUE_COUNT,       /* goroutines in the group; none for a goroutine */
  VALUE_EXEC,
  VALUE_SCHED_WAIT,
  VALUE_BLOCKED,
  VALUE_SYSCALL,
  VALUE_TOTAL,
  VALUE_GOID,        /* the goroutine, or the group's first one */
};

typedef struct
{
  GArray *goroutines;   /* guint timeline indices, in creation order */
  char   *folded;       /* the function name, case-folded for the filter */
} GroupData;

struct _GolanesGoroutinesPanel
{
  GtkWidget           parent_instance;

  GolanesDocument    *document;
  GtkCustomFilter    *filter;
  char               *filter_folded;
  gint64              filter_goid;   /* -1 unless the filter is a number */
  GtkSingleSelection *selection;
  GListModel         *groups;        /* the filtered groups, owned by the view's model */

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkLabel           *summary_label;
  GtkColumnView      *view;
};

enum
{
  ACTIVATE_RANGE,
  ACTIVATE_GOROUTINE,
  HIGHLIGHT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GolanesGoroutinesPanel, golanes_goroutines_panel, GTK_TYPE_WIDGET)

const char *
golanes_goroutines_panel_get_title (void)
{
  return _("Goroutines");
}

const char *
golanes_goroutines_panel_get_icon_name (void)
{
  return "view-list-symbolic";
}

static void
group_data_free (gpointer data)
{
  GroupData *group = data;

  g_array_unref (group->goroutines);
  g_free (group->folded);
  g_free (group);
}

static GolanesTimeline *
get_timeline (GolanesGoroutinesPanel *self)
{
  return self->document != NULL ? golanes_document_get_timeline (self->document) : NULL;
}

static const char *
function_name (GolanesTimeline *timeline,
               guint32          func)
{
  const char *name = NULL;

  if (func != 0)
    name = golanes_stack_table_get_string (golanes_timeline_get_stack_table (timeline), func, NULL);
  return name != NULL && name[0] != '\0' ? name : _("(unknown function)");
}

/* Adds the state times of goroutine @g to @row. */
static void
add_times (GolanesPanelRow                *row,
           const GolanesTimelineGoroutine *g)
{
  gint64 sums[GOLANES_TRACK_MAX_STATES] = { 0 };
  gint64 values[] = { 0, 0, 0, 0 };
  gint64 total;

  if (g->states != NULL)
    golanes_track_sum_states (g->states, 0, golanes_track_get_n_spans (g->states), sums);

  values[0] = sums[GOLANES_G_RUNNING];
  values[1] = sums[GOLANES_G_RUNNABLE] + sums[GOLANES_G_CREATED];
  values[2] = sums[GOLANES_G_WAITING];
  values[3] = sums[GOLANES_G_SYSCALL];
  total = values[0] + values[1] + values[2] + values[3];

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      gint64 old = golanes_panel_row_get_value (row, VALUE_EXEC + i);

      golanes_panel_row_set_value (row, VALUE_EXEC + i,
                                   (old == GOLANES_PANEL_ROW_NO_VALUE ? 0 : old) + values[i]);
    }
  golanes_panel_row_set_value (row, VALUE_TOTAL,
                               MAX (golanes_panel_row_get_value (row, VALUE_TOTAL), 0) + total);
}

static gboolean
group_has_goroutine (GolanesTimeline *timeline,
                     GroupData       *group,
                     gint64           goid)
{
  for (guint i = 0; i < group->goroutines->len; i++)
    if (golanes_timeline_get_goroutine (timeline, g_array_index (group->goroutines, guint, i))->id == goid)
      return TRUE;
  return FALSE;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  GolanesGoroutinesPanel *self = user_data;
  GolanesPanelRow *row = GOLANES_PANEL_ROW (item);
  GolanesTimeline *timeline = get_timeline (self);

  if (self->filter_folded == NULL || timeline == NULL)
    return TRUE;

  if (golanes_panel_row_get_value (row, VALUE_COUNT) != GOLANES_PANEL_ROW_NO_VALUE)
    {
      GroupData *group = golanes_panel_row_get_data (row);

      return strstr (group->folded, self->filter_folded) != NULL ||
             (self->filter_goid >= 0 && group_has_goroutine (timeline, group, self->filter_goid));
    }
  else
    {
      const char *folded = golanes_panel_row_get_data (row);

      return strstr (folded, self->filter_folded) != NULL ||
             golanes_panel_row_get_id (row) == self->filter_goid;
    }
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  GolanesGoroutinesPanel *self = user_data;
  GolanesPanelRow *group_row = GOLANES_PANEL_ROW (item);
  GolanesTimeline *timeline = get_timeline (self);
  GroupData *group;
  GListStore *store;

  if (golanes_panel_row_get_value (group_row, VALUE_COUNT) == GOLANES_PANEL_ROW_NO_VALUE || timeline == NULL)
    return NULL;

  group = golanes_panel_row_get_data (group_row);
  store = g_list_store_new (GOLANES_TYPE_PANEL_ROW);

  for (guint i = 0; i < group->goroutines->len; i++)
    {
      const GolanesTimelineGoroutine *g =
        golanes_timeline_get_goroutine (timeline, g_array_index (group->goroutines, guint, i));
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, g->id);
      g_autofree char *label = NULL;
      g_autoptr(GolanesPanelRow) row = NULL;

      /* Translators: a row of the goroutines panel; %s is the goroutine id */
      label = g_strdup_printf (_("Goroutine %s"), id);
      row = golanes_panel_row_new (label, g->id);
      add_times (row, g);
      golanes_panel_row_set_value (row, VALUE_GOID, g->id);
      golanes_panel_row_set_data (row, g_strdup (group->folded), g_free);
      g_list_store_append (store, row);
    }

  return G_LIST_MODEL (gtk_filter_list_model_new (G_LIST_MODEL (store),
                                                  g_object_ref (GTK_FILTER (self->filter))));
}

static void
update_summary (GolanesGoroutinesPanel *self)
{
  GolanesTimeline *timeline = get_timeline (self);
  g_autofree char *goroutines = NULL;
  g_autofree char *text = NULL;
  guint n_goroutines = timeline != NULL ? golanes_timeline_get_n_goroutines (timeline) : 0;
  guint n_groups = self->groups != NULL ? g_list_model_get_n_items (self->groups) : 0;

  goroutines = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u goroutine", "%u goroutines", n_goroutines),
                                n_goroutines);
  /* Translators: "1200 goroutines, 14 start functions shown" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u start function shown",
                                       "%s, %u start functions shown", n_groups),
                          goroutines, n_groups);
  gtk_label_set_text (self->summary_label, text);
}

static void
apply_filter (GolanesGoroutinesPanel *self,
              const char             *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *end = NULL;
  gint64 goid;

  g_assert (GOLANES_IS_GOROUTINES_PANEL (self));

  g_clear_pointer (&self->filter_folded, g_free);
  self->filter_goid = -1;

  if (stripped[0] != '\0')
    {
      self->filter_folded = g_utf8_casefold (stripped, -1);
      goid = g_ascii_strtoll (stripped, &end, 10);
      if (end != NULL && *end == '\0' && goid >= 0)
        self->filter_goid = goid;
    }

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_summary (self);
}

static void
search_changed_cb (GolanesGoroutinesPanel *self,
                   GtkSearchEntry         *entry)
{
  g_assert (GOLANES_IS_GOROUTINES_PANEL (self));

  apply_filter (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

void
golanes_goroutines_panel_set_filter (GolanesGoroutinesPanel *self,
                                     const char             *text)
{
  g_return_if_fail (GOLANES_IS_GOROUTINES_PANEL (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* Now, not after the entry's search delay. */
  apply_filter (self, text);
}

static void
selected_cb (GolanesGoroutinesPanel *self,
             GParamSpec             *pspec,
             GtkSingleSelection     *selection)
{
  g_autoptr(GolanesHighlight) highlight = NULL;
  GolanesTimeline *timeline = get_timeline (self);
  GolanesPanelRow *row;

  g_assert (GOLANES_IS_GOROUTINES_PANEL (self));

  row = golanes_panel_get_selected (self->view);
  if (row == NULL || timeline == NULL)
    {
      g_signal_emit (self, signals[HIGHLIGHT], 0, NULL);
      return;
    }

  if (golanes_panel_row_get_value (row, VALUE_COUNT) != GOLANES_PANEL_ROW_NO_VALUE)
    {
      GroupData *group = golanes_panel_row_get_data (row);

      highlight = golanes_highlight_new (golanes_panel_row_get_label (row));
      for (guint i = 0; i < group->goroutines->len; i++)
        {
          const GolanesTimelineGoroutine *g =
            golanes_timeline_get_goroutine (timeline, g_array_index (group->goroutines, guint, i));

          golanes_highlight_append (highlight, g->id, g->created, g->ended);
        }
    }
  else
    {
      gint index = golanes_timeline_lookup_goroutine (timeline, golanes_panel_row_get_id (row));
      const GolanesTimelineGoroutine *g;

      g_assert (index >= 0);
      g = golanes_timeline_get_goroutine (timeline, index);
      highlight = golanes_highlight_new (golanes_panel_row_get_label (row));
      golanes_highlight_append (highlight, g->id, g->created, g->ended);
    }

  g_signal_emit (self, signals[ACTIVATE_GOROUTINE], 0, golanes_panel_row_get_value (row, VALUE_GOID));
  g_signal_emit (self, signals[HIGHLIGHT], 0, highlight);
}

static int
compare_groups (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GolanesPanelRow *ra = *(GolanesPanelRow **) a;
  GolanesPanelRow *rb = *(GolanesPanelRow **) b;
  gint64 ca = golanes_panel_row_get_value (ra, VALUE_COUNT);
  gint64 cb = golanes_panel_row_get_value (rb, VALUE_COUNT);

  if (ca != cb)
    return ca > cb ? -1 : 1;
  return g_utf8_collate (golanes_panel_row_get_label (ra), golanes_panel_row_get_label (rb));
}

static void
golanes_goroutines_panel_reload (GolanesGoroutinesPanel *self)
{
  g_autoptr(GListStore) store = g_list_store_new (GOLANES_TYPE_PANEL_ROW);
  g_autoptr(GHashTable) by_func = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_object_unref);
  GolanesTimeline *timeline = get_timeline (self);
  GtkFilterListModel *filtered;
  GtkTreeListModel *tree;
  guint n = timeline != NULL ? golanes_timeline_get_n_goroutines (timeline) : 0;

  g_assert (GOLANES_IS_GOROUTINES_PANEL (self));

  for (guint i = 0; i < n; i++)
    {
      const GolanesTimelineGoroutine *g = golanes_timeline_get_goroutine (timeline, i);
      GolanesPanelRow *row = g_hash_table_lookup (by_func, GUINT_TO_POINTER (g->start_func));
      GroupData *group;

      if (row == NULL)
        {
          const char *name = function_name (timeline, g->start_func);

          row = golanes_panel_row_new (name, g->start_func);
          group = g_new0 (GroupData, 1);
          group->goroutines = g_array_new (FALSE, FALSE, sizeof (guint));
          group->folded = g_utf8_casefold (name, -1);
          golanes_panel_row_set_data (row, group, group_data_free);
          golanes_panel_row_set_value (row, VALUE_COUNT, 0);
          golanes_panel_row_set_value (row, VALUE_GOID, g->id);
          g_hash_table_insert (by_func, GUINT_TO_POINTER (g->start_func), row);
          g_ptr_array_add (groups, row);
        }

      group = golanes_panel_row_get_data (row);
      g_array_append_val (group->goroutines, i);
      golanes_panel_row_set_value (row, VALUE_COUNT, group->goroutines->len);
      add_times (row, g);
    }

  g_ptr_array_sort_with_data (groups, compare_groups, NULL);
  g_list_store_splice (store, 0, 0, groups->pdata, groups->len);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selected_cb, self);

  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_steal_pointer (&store)),
                                        g_object_ref (GTK_FILTER (self->filter)));
  tree = gtk_tree_list_model_new (G_LIST_MODEL (filtered), FALSE, FALSE,
                                  create_children_cb, self, NULL);
  self->selection = golanes_panel_set_model (self->view, G_LIST_MODEL (tree));
  self->groups = G_LIST_MODEL (filtered);
  g_object_unref (tree);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selected_cb), self, G_CONNECT_SWAPPED);

  update_summary (self);
}

void
golanes_goroutines_panel_set_document (GolanesGoroutinesPanel *self,
                                       GolanesDocument        *document)
{
  g_return_if_fail (GOLANES_IS_GOROUTINES_PANEL (self));

  if (self->document == document)
    return;

  /* The old tree's children models refer to the old document. */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selected_cb, self);
  gtk_column_view_set_model (self->view, NULL);
  self->selection = NULL;
  self->groups = NULL;

  g_clear_pointer (&self->document, golanes_document_unref);
  if (document != NULL)
    self->document = golanes_document_ref (document);

  golanes_goroutines_panel_reload (self);
}

GolanesDocument *
golanes_goroutines_panel_get_document (GolanesGoroutinesPanel *self)
{
  g_return_val_if_fail (GOLANES_IS_GOROUTINES_PANEL (self), NULL);

  return self->document;
}

static void
golanes_goroutines_panel_dispose (GObject *object)
{
  GolanesGoroutinesPanel *self = (GolanesGoroutinesPanel *) object;
  GtkWidget *child;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selected_cb, self);
  if (self->view != NULL)
    gtk_column_view_set_model (self->view, NULL);
  self->selection = NULL;
  self->groups = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), GOLANES_TYPE_GOROUTINES_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->filter);
  g_clear_pointer (&self->filter_folded, g_free);
  g_clear_pointer (&self->document, golanes_document_unref);

  G_OBJECT_CLASS (golanes_goroutines_panel_parent_class)->dispose (object);
}

static void
golanes_goroutines_panel_class_init (GolanesGoroutinesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = golanes_goroutines_panel_dispose;

  signals[ACTIVATE_RANGE] =
    g_signal_new ("activate-range", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[ACTIVATE_GOROUTINE] =
    g_signal_new ("activate-goroutine", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[HIGHLIGHT] =
    g_signal_new ("highlight", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GOLANES_TYPE_HIGHLIGHT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/golanes/Golanes/golanes-goroutines-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, GolanesGoroutinesPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GolanesGoroutinesPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GolanesGoroutinesPanel, view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_set_css_name (widget_class, "goroutinespanel");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
golanes_goroutines_panel_init (GolanesGoroutinesPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter_goid = -1;
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);

  golanes_panel_add_column (self->view, _("Start Function"), GOLANES_PANEL_COLUMN_LABEL, 0, TRUE);
  golanes_panel_add_column (self->view, _("Count"), GOLANES_PANEL_COLUMN_COUNT, VALUE_COUNT, FALSE);
  golanes_panel_add_column (self->view, _("Breakdown"), GOLANES_PANEL_COLUMN_BREAKDOWN, VALUE_EXEC, FALSE);
  golanes_panel_add_column (self->view, _("Execution"), GOLANES_PANEL_COLUMN_DURATION, VALUE_EXEC, FALSE);
  golanes_panel_add_column (self->view, _("Sched Wait"), GOLANES_PANEL_COLUMN_DURATION, VALUE_SCHED_WAIT, FALSE);
  golanes_panel_add_column (self->view, _("Blocked"), GOLANES_PANEL_COLUMN_DURATION, VALUE_BLOCKED, FALSE);
  golanes_panel_add_column (self->view, _("Syscall"), GOLANES_PANEL_COLUMN_DURATION, VALUE_SYSCALL, FALSE);
  golanes_panel_add_column (self->view, _("Total"), GOLANES_PANEL_COLUMN_DURATION, VALUE_TOTAL, FALSE);

  golanes_goroutines_panel_reload (self);
}

GtkWidget *
golanes_goroutines_panel_new (void)
{
  return g_object_new (GOLANES_TYPE_GOROUTINES_PANEL, NULL);
}
