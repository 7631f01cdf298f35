/* golanes-goroutines-panel.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-goroutines-panel"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "golanes-goroutine-summary.h"
#include "golanes-goroutines-panel.h"
#include "golanes-highlight.h"
#include "golanes-panel.h"
#include "golanes-panel-row.h"
#include "golanes-panel-util.h"

/*
 * The rows are the document's goroutine summary, the numbers of
 * `go tool trace`'s /goroutines and /goroutine?name= pages: groups by
 * start function, each with its goroutines.  Their values are listed in
 * the header.
 */


typedef struct
{
  char            *name;      /* the start function, as the summary has it */
  char            *folded;    /* the function name, case-folded for the filter */
  GArray          *members;   /* guint32 summary indices by id, made on first need */
  GolanesDocument *document;
} GroupData;

struct _GolanesGoroutinesPanel
{
  GolanesPanel        parent_instance;

  GtkCustomFilter    *filter;
  char               *filter_folded;
  gint64              filter_goid;   /* -1 unless the filter is a number */
  GtkSingleSelection *selection;
  GListModel         *groups;        /* the filtered groups, owned by the view's model */

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkLabel           *summary_label;
  GtkColumnView      *view;

  /* "Computing…" until the document's part is ready; waiting is TRUE
   * while the panel shows a document whose part is not. */
  GtkWidget          *status;
  gboolean            waiting;
};

/* The goroutines of a group as rows, made as the view asks for them: a
 * group can have millions. */
#define GOLANES_TYPE_GOROUTINE_ROWS (golanes_goroutine_rows_get_type ())
G_DECLARE_FINAL_TYPE (GolanesGoroutineRows, golanes_goroutine_rows, GOLANES, GOROUTINE_ROWS, GObject)

struct _GolanesGoroutineRows
{
  GObject          parent_instance;
  GolanesDocument *document;
  GroupData       *group;     /* owned by the group's row, which outlives this */
  GolanesGoroutinesPanel *panel;  /* weak */
  GArray          *members;   /* guint32 summary indices shown: all, or those the filter matches */
  char            *folded;
  GolanesPanelRow **rows;     /* made so far, by position: an item keeps its identity */
};

static GArray *rows_members_for_filter (GolanesGoroutineRows *self);
static void    rows_clear              (GolanesGoroutineRows *self);

static GolanesPanelRow *goroutine_row_new (const GolanesGoroutineInfo *info,
                                           const char                 *folded);

static GType
golanes_goroutine_rows_get_item_type (GListModel *model)
{
  return GOLANES_TYPE_PANEL_ROW;
}

/* The members are found when the view first asks for them (the group is
 * expanded), not when the tree asks whether the group can expand. */
static GArray *
rows_ensure_members (GolanesGoroutineRows *self)
{
  if (self->members == NULL)
    self->members = rows_members_for_filter (self);
  return self->members;
}

static guint
golanes_goroutine_rows_get_n_items (GListModel *model)
{
  return rows_ensure_members (GOLANES_GOROUTINE_ROWS (model))->len;
}

static gpointer
golanes_goroutine_rows_get_item (GListModel *model,
                                 guint       position)
{
  GolanesGoroutineRows *self = GOLANES_GOROUTINE_ROWS (model);
  GolanesGoroutineSummary *summary = golanes_document_get_goroutine_summary (self->document);
  g_autoptr(GolanesGoroutineInfo) info = NULL;

  if (position >= rows_ensure_members (self)->len || summary == NULL)
    return NULL;
  if (self->rows == NULL)
    self->rows = g_new0 (GolanesPanelRow *, self->members->len);
  if (self->rows[position] == NULL)
    {
      info = golanes_goroutine_summary_dup_goroutine (summary, g_array_index (self->members, guint32, position));
      self->rows[position] = goroutine_row_new (info, self->folded);
    }
  return g_object_ref (self->rows[position]);
}

static void
golanes_goroutine_rows_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = golanes_goroutine_rows_get_item_type;
  iface->get_n_items = golanes_goroutine_rows_get_n_items;
  iface->get_item = golanes_goroutine_rows_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (GolanesGoroutineRows, golanes_goroutine_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, golanes_goroutine_rows_list_model_init))

static void
golanes_goroutine_rows_finalize (GObject *object)
{
  GolanesGoroutineRows *self = GOLANES_GOROUTINE_ROWS (object);

  rows_clear (self);
  if (self->panel != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->panel), (gpointer *) &self->panel);
  g_clear_pointer (&self->document, golanes_document_unref);
  g_clear_pointer (&self->members, g_array_unref);
  g_clear_pointer (&self->folded, g_free);
  G_OBJECT_CLASS (golanes_goroutine_rows_parent_class)->finalize (object);
}

static void
golanes_goroutine_rows_class_init (GolanesGoroutineRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = golanes_goroutine_rows_finalize;
}

static void
golanes_goroutine_rows_init (GolanesGoroutineRows *self)
{
}

static void
rows_clear (GolanesGoroutineRows *self)
{
  if (self->rows != NULL)
    for (guint i = 0; self->members != NULL && i < self->members->len; i++)
      g_clear_object (&self->rows[i]);
  g_clear_pointer (&self->rows, g_free);
}

/* The panel's filter changed: show the goroutines it now matches. */
static void
rows_filter_changed_cb (GolanesGoroutineRows *self)
{
  guint old_n;

  if (self->members == NULL)
    return;   /* never shown: nothing to change */
  old_n = self->members->len;
  rows_clear (self);
  g_array_unref (self->members);
  self->members = rows_members_for_filter (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->members->len);
}

static GListModel *
goroutine_rows_new (GolanesGoroutinesPanel *panel,
                    GolanesDocument        *document,
                    GroupData              *group)
{
  GolanesGoroutineRows *self = g_object_new (GOLANES_TYPE_GOROUTINE_ROWS, NULL);

  self->document = golanes_document_ref (document);
  self->group = group;
  self->panel = panel;
  g_object_add_weak_pointer (G_OBJECT (panel), (gpointer *) &self->panel);
  self->folded = g_strdup (group->folded);
  g_signal_connect_object (panel->filter, "changed", G_CALLBACK (rows_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return G_LIST_MODEL (self);
}

G_DEFINE_FINAL_TYPE (GolanesGoroutinesPanel, golanes_goroutines_panel, GOLANES_TYPE_PANEL)

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

  g_clear_pointer (&group->members, g_array_unref);
  g_clear_pointer (&group->document, golanes_document_unref);
  g_free (group->name);
  g_free (group->folded);
  g_free (group);
}

static GolanesGoroutineSummary *
get_summary (GolanesGoroutinesPanel *self)
{
  GolanesDocument *document = golanes_panel_get_document (GOLANES_PANEL (self));

  return document != NULL ? golanes_document_get_goroutine_summary (document) : NULL;
}

/* The name of a group as Go's /goroutines page shows it. */
static const char *
group_name (const char *name)
{
  return name != NULL && name[0] != '\0' ? name : _("(Inactive, no stack trace sampled)");
}

static void
add_value (GolanesPanelRow *row,
           guint            index,
           gint64           value)
{
  gint64 old = golanes_panel_row_get_value (row, index);

  golanes_panel_row_set_value (row, index, (old == GOLANES_PANEL_ROW_NO_VALUE ? 0 : old) + value);
}

/* Adds the times of @info that the summary's groups do not total: the
 * block reasons by class and the special ranges. */
static void
add_reason_times (GolanesPanelRow        *row,
                  const GolanesNamedTime *block_times,
                  guint                   n_block_times,
                  gint64                  gc)
{
  gint64 sync = 0;
  gint64 net = 0;
  gint64 syscall_reason = 0;

  for (guint i = 0; i < n_block_times; i++)
    {
      const GolanesNamedTime *b = &block_times[i];

      if (golanes_panel_reason_is_sync (b->name))
        sync += b->time;
      else if (golanes_panel_reason_is_net (b->name))
        net += b->time;
      /* Go's "Block time (syscall)" column takes this reason too. */
      if (g_strcmp0 (b->name, "syscall") == 0)
        syscall_reason += b->time;
    }

  add_value (row, GOLANES_GOROUTINES_SYNC, sync);
  add_value (row, GOLANES_GOROUTINES_NET, net);
  add_value (row, GOLANES_GOROUTINES_GC, gc);
  add_value (row, GOLANES_GOROUTINES_SYSCALL, syscall_reason);
  add_value (row, GOLANES_GOROUTINES_BLOCKED, -syscall_reason);
}

static GolanesPanelRow *
goroutine_row_new (const GolanesGoroutineInfo *info,
                   const char                 *folded)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, info->id);
  g_autofree char *label = NULL;
  GolanesPanelRow *row;
  gint64 blocked = 0;

  for (guint i = 0; i < info->n_block_times; i++)
    blocked += info->block_times[i].time;

  /* Translators: a row of the goroutines panel; %s is the goroutine id */
  label = g_strdup_printf (_("Goroutine %s"), id);
  row = golanes_panel_row_new (label, info->id);
  golanes_panel_row_set_value (row, GOLANES_GOROUTINES_TOTAL, info->total_time);
  golanes_panel_row_set_value (row, GOLANES_GOROUTINES_EXEC, info->exec_time);
  golanes_panel_row_set_value (row, GOLANES_GOROUTINES_SCHED_WAIT, info->sched_wait_time);
  golanes_panel_row_set_value (row, GOLANES_GOROUTINES_BLOCKED, blocked);
  golanes_panel_row_set_value (row, GOLANES_GOROUTINES_SYSCALL, info->syscall_time + info->syscall_block_time);
  golanes_panel_row_set_value (row, GOLANES_GOROUTINES_UNKNOWN, info->unknown_time);
  golanes_panel_row_set_value (row, GOLANES_GOROUTINES_GOID, info->id);
  {
    gint64 gc = 0;

    for (guint i = 0; i < info->n_range_times; i++)
      gc += info->range_times[i].time;
    add_reason_times (row, info->block_times, info->n_block_times, gc);
  }
  golanes_panel_row_set_data (row, g_strdup (folded), g_free);

  return row;
}

static GolanesPanelRow *
group_row_new (GolanesDocument             *document,
               const GolanesGoroutineGroup *group,
               guint                        index)
{
  const char *name = group_name (group->name);
  GolanesPanelRow *row = golanes_panel_row_new (name, index);
  GroupData *data = g_new0 (GroupData, 1);

  data->name = g_strdup (group->name);
  data->document = golanes_document_ref (document);
  data->folded = g_utf8_casefold (name, -1);
  golanes_panel_row_set_data (row, data, group_data_free);

  golanes_panel_row_set_value (row, GOLANES_GOROUTINES_COUNT, group->count);
  golanes_panel_row_set_value (row, GOLANES_GOROUTINES_TOTAL, group->total_time);
  golanes_panel_row_set_value (row, GOLANES_GOROUTINES_EXEC, group->exec_time);
  golanes_panel_row_set_value (row, GOLANES_GOROUTINES_SCHED_WAIT, group->sched_wait_time);
  golanes_panel_row_set_value (row, GOLANES_GOROUTINES_BLOCKED, group->block_time);
  golanes_panel_row_set_value (row, GOLANES_GOROUTINES_SYSCALL, group->syscall_time + group->syscall_block_time);
  golanes_panel_row_set_value (row, GOLANES_GOROUTINES_UNKNOWN, group->unknown_time);
  golanes_panel_row_set_value (row, GOLANES_GOROUTINES_GOID, group->first_id);
  add_reason_times (row, group->block_times, group->n_block_times, group->range_time);

  return row;
}

static GArray *
group_members (GroupData *group)
{
  GolanesGoroutineSummary *summary = golanes_document_get_goroutine_summary (group->document);

  if (group->members == NULL && summary != NULL)
    group->members = golanes_goroutine_summary_dup_group_members (summary, group->name);
  return group->members;
}

static gboolean
is_group (GolanesPanelRow *row)
{
  return golanes_panel_row_get_value (row, GOLANES_GOROUTINES_COUNT) != GOLANES_PANEL_ROW_NO_VALUE;
}

/* The summary index of goroutine @goid if it is in @group, or -1. */
static gint
group_find_goroutine (GroupData *group,
                      gint64     goid)
{
  GolanesGoroutineSummary *summary = golanes_document_get_goroutine_summary (group->document);
  g_autoptr(GolanesGoroutineInfo) info = NULL;
  gint index;

  if (summary == NULL || (index = golanes_goroutine_summary_find (summary, goid)) < 0)
    return -1;
  info = golanes_goroutine_summary_dup_goroutine (summary, (guint) index);
  return g_strcmp0 (info->name, group->name) == 0 ? index : -1;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  GolanesGoroutinesPanel *self = user_data;
  GolanesPanelRow *row = GOLANES_PANEL_ROW (item);

  if (self->filter_folded == NULL)
    return TRUE;

  if (is_group (row))
    {
      GroupData *group = golanes_panel_row_get_data (row);

      return strstr (group->folded, self->filter_folded) != NULL ||
             (self->filter_goid >= 0 && group_find_goroutine (group, self->filter_goid) >= 0);
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
  GroupData *group;

  if (!is_group (group_row))
    return NULL;

  group = golanes_panel_row_get_data (group_row);
  if (golanes_document_get_goroutine_summary (group->document) == NULL)
    return NULL;
  return goroutine_rows_new (self, group->document, group);
}

/* Every goroutine of a group has the group's name: with a filter that the
 * name does not match, only the goroutine with the filter's id can. */
static GArray *
rows_members_for_filter (GolanesGoroutineRows *self)
{
  GolanesGoroutinesPanel *panel = self->panel;
  GArray *one;
  gint index;

  if (panel == NULL || panel->filter_folded == NULL || strstr (self->folded, panel->filter_folded) != NULL)
    return g_array_ref (group_members (self->group));
  one = g_array_new (FALSE, FALSE, sizeof (guint32));
  index = panel->filter_goid >= 0 ? group_find_goroutine (self->group, panel->filter_goid) : -1;
  if (index >= 0)
    {
      guint32 k = (guint32) index;

      g_array_append_val (one, k);
    }
  return one;
}

static void
update_summary (GolanesGoroutinesPanel *self)
{
  GolanesGoroutineSummary *summary = get_summary (self);
  g_autofree char *goroutines = NULL;
  g_autofree char *text = NULL;
  guint n_goroutines = 0;
  guint n_groups = self->groups != NULL ? g_list_model_get_n_items (self->groups) : 0;

  if (summary != NULL)
    n_goroutines = golanes_goroutine_summary_get_n_goroutines (summary);

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

/* Highlights the lifetime of goroutine @goid on the timeline, if it has a
 * lane there. */
static void
append_lifetime (GolanesHighlight *highlight,
                 GolanesTimeline  *timeline,
                 gint64            goid)
{
  gint index = golanes_timeline_lookup_goroutine (timeline, goid);
  GolanesTimelineGoroutine g;

  if (index < 0)
    return;
  golanes_timeline_get_goroutine (timeline, index, &g);
  golanes_highlight_append (highlight, g.id, g.created, g.ended);
}

static void
selected_cb (GolanesGoroutinesPanel *self,
             GParamSpec             *pspec,
             GtkSingleSelection     *selection)
{
  GolanesDocument *document = golanes_panel_get_document (GOLANES_PANEL (self));
  g_autoptr(GolanesHighlight) highlight = NULL;
  GolanesTimeline *timeline = golanes_panel_get_timeline (document);
  GolanesPanelRow *row;

  g_assert (GOLANES_IS_GOROUTINES_PANEL (self));

  row = golanes_panel_get_selected (self->view);
  if (row == NULL || timeline == NULL)
    {
      golanes_panel_highlight (GOLANES_PANEL (self), NULL);
      return;
    }

  highlight = golanes_highlight_new (golanes_panel_row_get_label (row));
  if (is_group (row))
    {
      GroupData *group = golanes_panel_row_get_data (row);
      GolanesGoroutineSummary *summary = golanes_document_get_goroutine_summary (group->document);
      GArray *members = group_members (group);

      for (guint i = 0; members != NULL && i < members->len; i++)
        append_lifetime (highlight, timeline,
                         golanes_goroutine_summary_get_goroutine_id (summary, g_array_index (members, guint32, i)));
    }
  else
    {
      append_lifetime (highlight, timeline, golanes_panel_row_get_id (row));
    }

  golanes_panel_activate_goroutine (GOLANES_PANEL (self),
                                    golanes_panel_row_get_value (row, GOLANES_GOROUTINES_GOID));
  golanes_panel_highlight (GOLANES_PANEL (self), highlight);
}

/* The groups in the summary's order (by execution time, as Go lists
 * them), each with its goroutines and the times it does not total. */
static void
golanes_goroutines_panel_reload (GolanesGoroutinesPanel *self)
{
  GolanesDocument *document = golanes_panel_get_document (GOLANES_PANEL (self));
  gboolean ready;
  g_autoptr(GListStore) store = g_list_store_new (GOLANES_TYPE_PANEL_ROW);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  GolanesGoroutineSummary *summary = get_summary (self);
  const GolanesGoroutineGroup *groups = NULL;
  GtkFilterListModel *filtered;
  GtkTreeListModel *tree;
  guint n_groups = 0;

  g_assert (GOLANES_IS_GOROUTINES_PANEL (self));

  ready = golanes_panel_status_update (self->status, document, GOLANES_DOCUMENT_PART_GOROUTINES);
  self->waiting = document != NULL && !ready;

  if (summary != NULL)
    {
      groups = golanes_goroutine_summary_get_groups (summary, &n_groups);
    }

  for (guint i = 0; i < n_groups; i++)
    g_ptr_array_add (rows, group_row_new (document, &groups[i], i));

  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);

  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_steal_pointer (&store)),
                                        g_object_ref (GTK_FILTER (self->filter)));
  tree = gtk_tree_list_model_new (G_LIST_MODEL (filtered), FALSE, FALSE,
                                  create_children_cb, self, NULL);
  self->groups = G_LIST_MODEL (filtered);
  golanes_panel_bind_model (self->view, G_LIST_MODEL (tree), &self->selection,
                            G_CALLBACK (selected_cb), self);
  g_object_unref (tree);

  update_summary (self);
}

static void
golanes_goroutines_panel_document_changed (GolanesPanel    *panel,
                                           GolanesDocument *previous)
{
  GolanesGoroutinesPanel *self = GOLANES_GOROUTINES_PANEL (panel);

  /* The same document again: its part may have become ready since. */
  if (previous == golanes_panel_get_document (panel) && !self->waiting)
    return;

  /* The old tree's rows point into the previous document's summary,
   * which lives until this returns. */
  golanes_panel_unbind_model (&self->selection, G_CALLBACK (selected_cb), self);
  gtk_column_view_set_model (self->view, NULL);
  self->groups = NULL;

  golanes_goroutines_panel_reload (self);
}

static void
golanes_goroutines_panel_dispose (GObject *object)
{
  GolanesGoroutinesPanel *self = (GolanesGoroutinesPanel *) object;

  golanes_panel_unbind_model (&self->selection, G_CALLBACK (selected_cb), self);
  if (self->view != NULL)
    gtk_column_view_set_model (self->view, NULL);
  self->groups = NULL;

  golanes_panel_dispose_children (GTK_WIDGET (self), GOLANES_TYPE_GOROUTINES_PANEL);

  g_clear_object (&self->filter);
  g_clear_pointer (&self->filter_folded, g_free);

  G_OBJECT_CLASS (golanes_goroutines_panel_parent_class)->dispose (object);
}

static void
golanes_goroutines_panel_class_init (GolanesGoroutinesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GolanesPanelClass *panel_class = GOLANES_PANEL_CLASS (klass);

  object_class->dispose = golanes_goroutines_panel_dispose;
  panel_class->document_changed = golanes_goroutines_panel_document_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/panels/golanes-goroutines-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, GolanesGoroutinesPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GolanesGoroutinesPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GolanesGoroutinesPanel, view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_set_css_name (widget_class, "goroutinespanel");
}

static void
golanes_goroutines_panel_init (GolanesGoroutinesPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->status = golanes_panel_status_install (GTK_WIDGET (self));

  self->filter_goid = -1;
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);

  golanes_panel_add_column (self->view, _("Start Function"), GOLANES_PANEL_COLUMN_LABEL, 0, TRUE);
  golanes_panel_add_column (self->view, _("Count"), GOLANES_PANEL_COLUMN_COUNT, GOLANES_GOROUTINES_COUNT, FALSE);
  golanes_panel_add_column (self->view, _("Breakdown"), GOLANES_PANEL_COLUMN_BREAKDOWN, GOLANES_GOROUTINES_EXEC, FALSE);
  golanes_panel_add_column (self->view, _("Total"), GOLANES_PANEL_COLUMN_DURATION, GOLANES_GOROUTINES_TOTAL, FALSE);
  golanes_panel_add_column (self->view, _("Execution"), GOLANES_PANEL_COLUMN_DURATION, GOLANES_GOROUTINES_EXEC, FALSE);
  golanes_panel_add_column (self->view, _("Sched Wait"), GOLANES_PANEL_COLUMN_DURATION, GOLANES_GOROUTINES_SCHED_WAIT, FALSE);
  golanes_panel_add_column (self->view, _("Blocked"), GOLANES_PANEL_COLUMN_DURATION, GOLANES_GOROUTINES_BLOCKED, FALSE);
  golanes_panel_add_column (self->view, _("Sync Block"), GOLANES_PANEL_COLUMN_DURATION, GOLANES_GOROUTINES_SYNC, FALSE);
  golanes_panel_add_column (self->view, _("Network"), GOLANES_PANEL_COLUMN_DURATION, GOLANES_GOROUTINES_NET, FALSE);
  golanes_panel_add_column (self->view, _("Syscall"), GOLANES_PANEL_COLUMN_DURATION, GOLANES_GOROUTINES_SYSCALL, FALSE);
  golanes_panel_add_column (self->view, _("GC"), GOLANES_PANEL_COLUMN_DURATION, GOLANES_GOROUTINES_GC, FALSE);
  golanes_panel_add_column (self->view, _("Unknown"), GOLANES_PANEL_COLUMN_DURATION, GOLANES_GOROUTINES_UNKNOWN, FALSE);

  golanes_goroutines_panel_reload (self);
}

GtkWidget *
golanes_goroutines_panel_new (void)
{
  return g_object_new (GOLANES_TYPE_GOROUTINES_PANEL, NULL);
}
