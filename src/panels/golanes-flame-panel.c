/* golanes-flame-panel.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-flame-panel"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "golanes-call-tree.h"
#include "golanes-flame-graph.h"
#include "golanes-flame-panel.h"
#include "golanes-panel-row.h"
#include "golanes-panel-util.h"
#include "golanes-pprof.h"

/*
 * "Flame Graph": where the CPU went (the trace's CPU samples: all of them,
 * the time selection's, the selected goroutine's or its group's) or where
 * goroutines waited (the four blocking profiles, weighted by delay), as a
 * flame graph or a `pprof -top` table, exported as pprof or folded stacks.
 * The tree is built when the panel is shown and what it shows changed.
 */

/* Values of the table rows. */
enum
{
  VALUE_SELF,
  VALUE_SELF_SHARE,   /* hundredths of a percent */
  VALUE_TOTAL,
  VALUE_TOTAL_SHARE,
};

#define BREADCRUMB_MAX 4

struct _GolanesFlamePanel
{
  GolanesPanel        parent_instance;

  GolanesSession     *session;
  GolanesFlameSource  source;
  GolanesFlameScope   scope;
  gboolean            stale;          /* rebuild when next shown */
  gboolean            table_is_time;  /* the table's columns are durations */
  char               *summary;

  GtkWidget          *box;
  GtkWidget          *status;
  GtkDropDown        *source_drop;
  GtkDropDown        *scope_drop;
  GtkDropDown        *type_drop;      /* the task or region type of those scopes */
  GtkStringList      *types;
  GtkWidget          *export_button;
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *graph_button;
  GtkToggleButton    *table_button;
  GtkLabel           *summary_label;
  GtkWidget          *breadcrumb;
  GtkStack           *stack;
  GolanesFlameGraph  *graph;
  GtkColumnView      *table;
  GtkSingleSelection *selection;
  GtkFileChooserNative *chooser;
  gboolean            chooser_pprof;
};

G_DEFINE_FINAL_TYPE (GolanesFlamePanel, golanes_flame_panel, GOLANES_TYPE_PANEL)

const char *
golanes_flame_panel_get_title (void)
{
  return _("Flame Graph");
}

const char *
golanes_flame_panel_get_icon_name (void)
{
  return "utilities-system-monitor-symbolic";
}

static GolanesBlockingKind
blocking_kind (GolanesFlameSource source)
{
  switch (source)
    {
    case GOLANES_FLAME_SOURCE_NET: return GOLANES_BLOCKING_NET;
    case GOLANES_FLAME_SOURCE_SYSCALL: return GOLANES_BLOCKING_SYSCALL;
    case GOLANES_FLAME_SOURCE_SCHED: return GOLANES_BLOCKING_SCHED;
    case GOLANES_FLAME_SOURCE_SYNC:
    case GOLANES_FLAME_SOURCE_CPU:
    default:
      return GOLANES_BLOCKING_SYNC;
    }
}

/* The goroutine id of the selected span, or -1. */
static gint64
selected_goroutine (GolanesFlamePanel *self,
                    GolanesTimeline   *timeline,
                    char             **start_function)
{
  GolanesTimelineGoroutine g;
  guint index = 0, span = 0;

  if (self->session == NULL || !golanes_session_get_selected_span (self->session, &index, &span) ||
      !golanes_timeline_get_goroutine (timeline, index, &g))
    return -1;
  if (start_function != NULL)
    *start_function = golanes_timeline_dup_goroutine_function (timeline, index);
  return g.id;
}

static void
set_summary (GolanesFlamePanel *self,
             const char        *text)
{
  g_free (self->summary);
  self->summary = g_strdup (text);
  gtk_label_set_text (self->summary_label, text != NULL ? text : "");
}

static void
update_summary (GolanesFlamePanel *self)
{
  GolanesCallTree *tree = golanes_flame_graph_get_tree (self->graph);
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (tree == NULL)
    return;
  total = golanes_flame_graph_format_weight (self->graph, golanes_call_tree_get_total (tree));
  if (search != NULL && search[0] != '\0')
    {
      gint64 zoom_total = golanes_call_tree_get_node (tree, golanes_flame_graph_get_zoom (self->graph))->total;
      gint64 matched = golanes_flame_graph_get_matched (self->graph);

      /* Translators: the flame graph's summary while searching: the
       * weight of all stacks, then the share of the shown frames that
       * match */
      text = g_strdup_printf (_("%s · “%s” matches %.1f%%"), total, search,
                              zoom_total > 0 ? 100.0 * (double) matched / (double) zoom_total : 0.0);
    }
  else if (golanes_call_tree_get_total (tree) == 0)
    text = g_strdup (self->source == GOLANES_FLAME_SOURCE_CPU
                     ? _("No CPU samples here. Traces hold them when CPU profiling runs with the trace (go test -cpuprofile, pprof.StartCPUProfile).")
                     : _("Nothing waited here."));
  else
    /* Translators: the flame graph's summary: the weight of all stacks,
     * then how many distinct stacks make it */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s in %u stack", "%s in %u stacks",
                                         golanes_call_tree_get_n_stacks (tree)),
                            total, golanes_call_tree_get_n_stacks (tree));
  set_summary (self, text);
}

static void
crumb_clicked_cb (GtkButton         *button,
                  GolanesFlamePanel *self)
{
  golanes_flame_graph_set_zoom (self->graph, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "node")));
}

static void
add_crumb (GolanesFlamePanel *self,
           const char        *label,
           guint              node,
           gboolean           current)
{
  GtkWidget *button;

  if (gtk_widget_get_first_child (self->breadcrumb) != NULL)
    gtk_box_append (GTK_BOX (self->breadcrumb), gtk_label_new ("›"));
  button = gtk_button_new_with_label (label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_sensitive (button, !current);
  gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), PANGO_ELLIPSIZE_START);
  gtk_label_set_max_width_chars (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 24);
  gtk_widget_set_tooltip_text (button, label);
  g_object_set_data (G_OBJECT (button), "node", GUINT_TO_POINTER (node));
  g_signal_connect (button, "clicked", G_CALLBACK (crumb_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->breadcrumb), button);
}

/* "All › … › caller › zoomed": the way back out of a zoom. */
static void
update_breadcrumb (GolanesFlamePanel *self)
{
  GolanesCallTree *tree = golanes_flame_graph_get_tree (self->graph);
  guint zoom = golanes_flame_graph_get_zoom (self->graph);
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint32));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->breadcrumb)) != NULL)
    gtk_box_remove (GTK_BOX (self->breadcrumb), child);
  gtk_widget_set_visible (self->breadcrumb, tree != NULL && zoom != 0);
  if (tree == NULL || zoom == 0)
    return;

  for (guint32 at = zoom; at != 0; at = golanes_call_tree_get_node (tree, at)->parent)
    g_array_append_val (path, at);
  add_crumb (self, _("All"), 0, FALSE);
  for (guint i = path->len; i-- > 0;)
    {
      if (i >= BREADCRUMB_MAX && i != path->len - 1)
        {
          if (i == BREADCRUMB_MAX)
            gtk_box_append (GTK_BOX (self->breadcrumb), gtk_label_new ("› …"));
          continue;
        }
      add_crumb (self, golanes_call_tree_get_name (tree, g_array_index (path, guint32, i)),
                 g_array_index (path, guint32, i), i == 0);
    }
}

static void
zoom_changed_cb (GolanesFlamePanel *self)
{
  update_breadcrumb (self);
  update_summary (self);
}

static void
set_table_columns (GolanesFlamePanel *self,
                   gboolean           is_time)
{
  GListModel *columns = gtk_column_view_get_columns (self->table);
  GolanesPanelColumnFormat format = is_time ? GOLANES_PANEL_COLUMN_DURATION : GOLANES_PANEL_COLUMN_COUNT;

  if (g_list_model_get_n_items (columns) > 0 && self->table_is_time == is_time)
    return;
  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->table, column);
    }
  self->table_is_time = is_time;
  golanes_panel_add_column (self->table, _("Function"), GOLANES_PANEL_COLUMN_LABEL, 0, TRUE);
  golanes_panel_add_column (self->table, _("Self"), format, VALUE_SELF, FALSE);
  golanes_panel_add_column (self->table, _("Self %"), GOLANES_PANEL_COLUMN_PERCENT, VALUE_SELF_SHARE, FALSE);
  golanes_panel_add_column (self->table, _("Total"), format, VALUE_TOTAL, FALSE);
  golanes_panel_add_column (self->table, _("Total %"), GOLANES_PANEL_COLUMN_PERCENT, VALUE_TOTAL_SHARE, FALSE);
}

static void
table_selected_cb (GolanesFlamePanel  *self,
                   GParamSpec         *pspec,
                   GtkSingleSelection *selection)
{
  GolanesPanelRow *row = golanes_panel_get_selected (self->table);

  /* The function's frames light up in the flame graph. */
  if (row != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), golanes_panel_row_get_label (row));
}

static void
fill_table (GolanesFlamePanel *self,
            GolanesCallTree   *tree,
            gboolean           is_time)
{
  g_autoptr(GListStore) store = g_list_store_new (GOLANES_TYPE_PANEL_ROW);
  guint n = 0;
  const GolanesCallFunction *fns = tree != NULL ? golanes_call_tree_get_functions (tree, &n) : NULL;
  double all = tree != NULL ? MAX ((double) golanes_call_tree_get_total (tree), 1.0) : 1.0;

  set_table_columns (self, is_time);
  for (guint i = 0; i < n; i++)
    {
      const char *name = golanes_stack_table_get_string (golanes_call_tree_get_stacks (tree), fns[i].func, NULL);
      g_autoptr(GolanesPanelRow) row = golanes_panel_row_new (name != NULL ? name : "", i);

      golanes_panel_row_set_value (row, VALUE_SELF, fns[i].self);
      golanes_panel_row_set_value (row, VALUE_SELF_SHARE, (gint64) (10000.0 * (double) fns[i].self / all + 0.5));
      golanes_panel_row_set_value (row, VALUE_TOTAL, fns[i].total);
      golanes_panel_row_set_value (row, VALUE_TOTAL_SHARE, (gint64) (10000.0 * (double) fns[i].total / all + 0.5));
      g_list_store_append (store, row);
    }
  golanes_panel_bind_model (self->table, G_LIST_MODEL (store), &self->selection,
                            G_CALLBACK (table_selected_cb), self);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The task (@tasks) or region types of @timeline, sorted, into the type
 * drop-down, keeping the one chosen if it is still there. */
static void
fill_types (GolanesFlamePanel *self,
            GolanesTimeline   *timeline,
            gboolean           tasks)
{
  GolanesStackTable *strings = golanes_timeline_get_stack_table (timeline);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GtkStringObject *chosen = gtk_drop_down_get_selected_item (self->type_drop);
  g_autofree char *keep = chosen != NULL ? g_strdup (gtk_string_object_get_string (chosen)) : NULL;
  guint n = tasks ? golanes_timeline_get_n_tasks (timeline) : golanes_timeline_get_n_regions (timeline);
  guint select = 0;

  for (guint i = 0; i < n; i++)
    {
      guint32 type = tasks ? golanes_timeline_get_task_type (timeline, i)
                           : golanes_timeline_get_region_type (timeline, i);
      const char *name = type != 0 ? golanes_stack_table_get_string (strings, type, NULL) : NULL;

      if (name != NULL && name[0] != '\0' && g_hash_table_add (seen, (gpointer) name))
        g_ptr_array_add (names, (gpointer) name);
    }
  g_ptr_array_sort (names, compare_names);
  /* The same types (the same trace): the list and its choice stay. */
  if (names->len == g_list_model_get_n_items (G_LIST_MODEL (self->types)))
    {
      guint i;

      for (i = 0; i < names->len; i++)
        if (g_strcmp0 (gtk_string_list_get_string (self->types, i), g_ptr_array_index (names, i)) != 0)
          break;
      if (i == names->len)
        return;
    }
  g_signal_handlers_block_matched (self->type_drop, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_string_list_splice (self->types, 0, g_list_model_get_n_items (G_LIST_MODEL (self->types)), NULL);
  for (guint i = 0; i < names->len; i++)
    {
      gtk_string_list_append (self->types, g_ptr_array_index (names, i));
      if (g_strcmp0 (keep, g_ptr_array_index (names, i)) == 0)
        select = i;
    }
  gtk_drop_down_set_selected (self->type_drop, names->len > 0 ? select : GTK_INVALID_LIST_POSITION);
  g_signal_handlers_unblock_matched (self->type_drop, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

/* The tree of what the panel shows, or NULL (with the summary saying
 * why) if it cannot be made yet. */
static GolanesCallTree *
build_tree (GolanesFlamePanel *self,
            GolanesDocument   *document,
            gboolean          *is_time)
{
  GolanesTimeline *timeline;
  GolanesCpuFilter filter = GOLANES_CPU_FILTER_ALL;
  g_autofree char *function = NULL;

  *is_time = self->source != GOLANES_FLAME_SOURCE_CPU;
  if (self->source != GOLANES_FLAME_SOURCE_CPU)
    {
      if (!golanes_panel_status_update (self->status, document, GOLANES_DOCUMENT_PART_BLOCKING))
        return NULL;
      return golanes_call_tree_new_blocking (golanes_document_get_blocking (document, blocking_kind (self->source)));
    }

  if (!golanes_panel_status_update (self->status, document, GOLANES_DOCUMENT_PART_TIMELINE))
    return NULL;
  timeline = golanes_document_get_timeline (document);
  switch (self->scope)
    {
    case GOLANES_FLAME_SCOPE_SELECTION:
      if (self->session == NULL || !golanes_session_get_selection (self->session, &filter.start, &filter.end))
        {
          set_summary (self, _("Select a time range on the timeline (drag on the time axis) to see its CPU samples."));
          return NULL;
        }
      break;
    case GOLANES_FLAME_SCOPE_GOROUTINE:
    case GOLANES_FLAME_SCOPE_GROUP:
      filter.goroutine = selected_goroutine (self, timeline, &function);
      if (filter.goroutine < 0)
        {
          set_summary (self, _("Select a goroutine's span on the timeline to see its CPU samples."));
          return NULL;
        }
      if (self->scope == GOLANES_FLAME_SCOPE_GROUP)
        {
          filter.goroutine = -1;
          filter.start_function = function;
        }
      break;
    case GOLANES_FLAME_SCOPE_TASK:
    case GOLANES_FLAME_SCOPE_REGION:
      {
        GtkStringObject *item;

        fill_types (self, timeline, self->scope == GOLANES_FLAME_SCOPE_TASK);
        item = gtk_drop_down_get_selected_item (self->type_drop);
        if (item == NULL)
          {
            set_summary (self, self->scope == GOLANES_FLAME_SCOPE_TASK
                               ? _("This trace has no tasks (runtime/trace.NewTask).")
                               : _("This trace has no regions (runtime/trace.WithRegion, StartRegion)."));
            return NULL;
          }
        function = g_strdup (gtk_string_object_get_string (item));
        if (self->scope == GOLANES_FLAME_SCOPE_TASK)
          filter.task_type = function;
        else
          filter.region_type = function;
      }
      break;
    case GOLANES_FLAME_SCOPE_ALL:
    default:
      break;
    }
  return golanes_call_tree_new_cpu (timeline, &filter);
}

static void
rebuild (GolanesFlamePanel *self)
{
  GolanesDocument *document = golanes_panel_get_document (GOLANES_PANEL (self));
  GolanesCallTree *tree = NULL;
  gboolean is_time = FALSE;

  self->stale = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->scope_drop), self->source == GOLANES_FLAME_SOURCE_CPU);
  gtk_widget_set_visible (GTK_WIDGET (self->type_drop), self->source == GOLANES_FLAME_SOURCE_CPU &&
                          (self->scope == GOLANES_FLAME_SCOPE_TASK || self->scope == GOLANES_FLAME_SCOPE_REGION));
  if (document != NULL)
    tree = build_tree (self, document, &is_time);
  else
    golanes_panel_status_update (self->status, NULL, GOLANES_DOCUMENT_PART_TIMELINE);
  if (tree == NULL && (document == NULL || golanes_panel_status_get_text (self->status) != NULL))
    set_summary (self, NULL);
  golanes_flame_graph_set_tree (self->graph, tree, is_time);
  golanes_flame_graph_set_search (self->graph, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  fill_table (self, tree, is_time);
  gtk_widget_set_sensitive (self->export_button, tree != NULL);
  update_breadcrumb (self);
  if (tree != NULL)
    update_summary (self);
}

/* Rebuilds now if the panel is shown, else when it is. */
static void
queue_rebuild (GolanesFlamePanel *self)
{
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
}

static void
map_cb (GolanesFlamePanel *self)
{
  if (self->stale)
    rebuild (self);
}

static void
golanes_flame_panel_document_changed (GolanesPanel    *panel,
                                      GolanesDocument *previous)
{
  GolanesFlamePanel *self = GOLANES_FLAME_PANEL (panel);

  /* The same document again: a part is done; the tree changes only if it
   * is the one this panel waits for. */
  if (previous == golanes_panel_get_document (panel) && golanes_flame_graph_get_tree (self->graph) != NULL)
    return;
  queue_rebuild (self);
}

static void
selection_changed_cb (GolanesFlamePanel *self)
{
  if (self->source == GOLANES_FLAME_SOURCE_CPU && self->scope != GOLANES_FLAME_SCOPE_ALL)
    queue_rebuild (self);
}

void
golanes_flame_panel_set_session (GolanesFlamePanel *self,
                                 GolanesSession    *session)
{
  g_return_if_fail (GOLANES_IS_FLAME_PANEL (self));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::selection-start", G_CALLBACK (selection_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::selection-end", G_CALLBACK (selection_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::has-selection", G_CALLBACK (selection_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::selected-span", G_CALLBACK (selection_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  selection_changed_cb (self);
}

void
golanes_flame_panel_set_source (GolanesFlamePanel  *self,
                                GolanesFlameSource  source)
{
  g_return_if_fail (GOLANES_IS_FLAME_PANEL (self));
  gtk_drop_down_set_selected (self->source_drop, source);
}

void
golanes_flame_panel_set_scope (GolanesFlamePanel *self,
                               GolanesFlameScope  scope)
{
  g_return_if_fail (GOLANES_IS_FLAME_PANEL (self));
  gtk_drop_down_set_selected (self->scope_drop, scope);
}

void
golanes_flame_panel_set_type (GolanesFlamePanel *self,
                              const char        *type)
{
  g_return_if_fail (GOLANES_IS_FLAME_PANEL (self));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->types)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->types, i), type) == 0)
      gtk_drop_down_set_selected (self->type_drop, i);
}

void
golanes_flame_panel_set_search (GolanesFlamePanel *self,
                                const char        *text)
{
  g_return_if_fail (GOLANES_IS_FLAME_PANEL (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  golanes_flame_graph_set_search (self->graph, text);
  update_summary (self);
}

void
golanes_flame_panel_show_table (GolanesFlamePanel *self,
                                gboolean           table)
{
  g_return_if_fail (GOLANES_IS_FLAME_PANEL (self));
  gtk_toggle_button_set_active (table ? self->table_button : self->graph_button, TRUE);
}

GtkWidget *
golanes_flame_panel_get_graph (GolanesFlamePanel *self)
{
  g_return_val_if_fail (GOLANES_IS_FLAME_PANEL (self), NULL);
  return GTK_WIDGET (self->graph);
}

const char *
golanes_flame_panel_get_summary (GolanesFlamePanel *self)
{
  g_return_val_if_fail (GOLANES_IS_FLAME_PANEL (self), NULL);
  return self->summary;
}

char *
golanes_flame_panel_dup_folded (GolanesFlamePanel *self)
{
  GolanesCallTree *tree = golanes_flame_graph_get_tree (self->graph);
  GString *out;

  if (tree == NULL)
    return NULL;
  out = g_string_new (NULL);
  /* Blocking profiles fold their delays (in ns), CPU profiles samples. */
  golanes_call_tree_write_folded (tree, self->source != GOLANES_FLAME_SOURCE_CPU, out);
  return g_string_free (out, FALSE);
}

GBytes *
golanes_flame_panel_dup_pprof (GolanesFlamePanel *self,
                               GError           **error)
{
  static const GolanesPprofValueType blocking_types[] = {
    { "contentions", "count" },
    { "delay", "nanoseconds" },
  };
  static const GolanesPprofValueType blocking_period = { "trace", "count" };
  GolanesCallTree *tree = golanes_flame_graph_get_tree (self->graph);
  g_autoptr(GBytes) raw = NULL;

  if (tree == NULL)
    return NULL;
  if (self->source == GOLANES_FLAME_SOURCE_CPU)
    raw = golanes_call_tree_encode_pprof (tree, &golanes_cpu_pprof_sample_type, 1,
                                          &golanes_cpu_pprof_period_type, GOLANES_CPU_PPROF_PERIOD);
  else
    raw = golanes_call_tree_encode_pprof (tree, blocking_types, 2, &blocking_period, 1);
  return golanes_pprof_gzip (raw, error);
}

static void
chooser_response_cb (GtkNativeDialog   *dialog,
                     int                response,
                     GolanesFlamePanel *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL)
    {
      if (self->chooser_pprof)
        bytes = golanes_flame_panel_dup_pprof (self, &error);
      else
        {
          char *text = golanes_flame_panel_dup_folded (self);

          bytes = text != NULL ? g_bytes_new_take (text, strlen (text)) : NULL;
        }
      if (bytes != NULL)
        g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                 G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error);
      if (error != NULL)
        {
          g_autofree char *name = g_file_get_parse_name (file);
          /* Translators: %s is a file name, then why it could not be written */
          g_autofree char *text = g_strdup_printf (_("Could not save %s: %s"), name, error->message);

          set_summary (self, text);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
}

static void
export (GolanesFlamePanel *self,
        gboolean           pprof)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *names[] = { "cpu", "sync", "net", "syscall", "sched" };
  g_autofree char *name = NULL;

  if (self->chooser != NULL || golanes_flame_graph_get_tree (self->graph) == NULL)
    return;
  self->chooser_pprof = pprof;
  self->chooser = gtk_file_chooser_native_new (pprof ? _("Export as pprof") : _("Export Folded Stacks"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  name = g_strdup_printf ("%s%s", names[self->source], pprof ? ".pb.gz" : ".folded");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_pprof_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  export (GOLANES_FLAME_PANEL (widget), TRUE);
}

static void
export_folded_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  export (GOLANES_FLAME_PANEL (widget), FALSE);
}

static void
source_changed_cb (GolanesFlamePanel *self)
{
  self->source = (GolanesFlameSource) gtk_drop_down_get_selected (self->source_drop);
  queue_rebuild (self);
}

static void
scope_changed_cb (GolanesFlamePanel *self)
{
  self->scope = (GolanesFlameScope) gtk_drop_down_get_selected (self->scope_drop);
  queue_rebuild (self);
}

static void
search_changed_cb (GolanesFlamePanel *self)
{
  golanes_flame_graph_set_search (self->graph, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_summary (self);
}

static void
view_toggled_cb (GolanesFlamePanel *self)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    gtk_toggle_button_get_active (self->table_button) ? "table" : "graph");
}

static void
golanes_flame_panel_dispose (GObject *object)
{
  GolanesFlamePanel *self = GOLANES_FLAME_PANEL (object);
  GtkWidget *child;

  golanes_panel_unbind_model (&self->selection, G_CALLBACK (table_selected_cb), self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (golanes_flame_panel_parent_class)->dispose (object);
}

static void
golanes_flame_panel_finalize (GObject *object)
{
  GolanesFlamePanel *self = GOLANES_FLAME_PANEL (object);

  g_free (self->summary);
  g_clear_object (&self->types);
  G_OBJECT_CLASS (golanes_flame_panel_parent_class)->finalize (object);
}

static void
golanes_flame_panel_class_init (GolanesFlamePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GolanesPanelClass *panel_class = GOLANES_PANEL_CLASS (klass);

  object_class->dispose = golanes_flame_panel_dispose;
  object_class->finalize = golanes_flame_panel_finalize;
  panel_class->document_changed = golanes_flame_panel_document_changed;

  gtk_widget_class_install_action (widget_class, "flame.export-pprof", NULL, export_pprof_action);
  gtk_widget_class_install_action (widget_class, "flame.export-folded", NULL, export_folded_action);
}

static GtkWidget *
hbox (int spacing)
{
  return gtk_box_new (GTK_ORIENTATION_HORIZONTAL, spacing);
}

static void
golanes_flame_panel_init (GolanesFlamePanel *self)
{
  static const char * const sources[] = {
    N_("CPU samples"), N_("Sync blocking"), N_("Network blocking"), N_("Syscalls"), N_("Scheduler latency"), NULL
  };
  static const char * const scopes[] = {
    N_("Whole trace"), N_("Time selection"), N_("Selected goroutine"), N_("Its start function"),
    N_("Tasks of a type"), N_("Regions of a type"), NULL
  };
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GtkStringList) source_list = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) scope_list = gtk_string_list_new (NULL);
  GtkWidget *row, *scroll, *views;

  for (guint i = 0; sources[i] != NULL; i++)
    gtk_string_list_append (source_list, _(sources[i]));
  for (guint i = 0; scopes[i] != NULL; i++)
    gtk_string_list_append (scope_list, _(scopes[i]));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_set_margin_top (self->box, 12);
  gtk_widget_set_margin_bottom (self->box, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->status = golanes_panel_status_install (GTK_WIDGET (self));

  row = hbox (6);
  self->source_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (source_list)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->source_drop), _("What the flame graph weighs"));
  self->scope_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (scope_list)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->scope_drop), _("Which CPU samples"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->scope_drop), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->scope_drop), GTK_ALIGN_START);
  g_menu_append (menu, _("Export as _pprof…"), "flame.export-pprof");
  g_menu_append (menu, _("Export _Folded Stacks…"), "flame.export-folded");
  self->export_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->export_button), "document-save-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->export_button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (self->export_button, _("Export"));
  self->types = gtk_string_list_new (NULL);
  self->type_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->types)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->type_drop), _("Which task or region type"));
  gtk_widget_set_visible (GTK_WIDGET (self->type_drop), FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->scope_drop), FALSE);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->source_drop));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->scope_drop));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->type_drop));
  {
    GtkWidget *spacer = hbox (0);

    gtk_widget_set_hexpand (spacer, TRUE);
    gtk_box_append (GTK_BOX (row), spacer);
  }
  gtk_box_append (GTK_BOX (row), self->export_button);
  gtk_box_append (GTK_BOX (self->box), row);

  row = hbox (6);
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Highlight functions"), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  views = hbox (0);
  gtk_widget_add_css_class (views, "linked");
  self->graph_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("Graph")));
  self->table_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("Top")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->table_button), _("Functions by their own weight, as pprof -top"));
  gtk_toggle_button_set_group (self->table_button, self->graph_button);
  gtk_toggle_button_set_active (self->graph_button, TRUE);
  gtk_box_append (GTK_BOX (views), GTK_WIDGET (self->graph_button));
  gtk_box_append (GTK_BOX (views), GTK_WIDGET (self->table_button));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (row), views);
  gtk_box_append (GTK_BOX (self->box), row);

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "dim-label");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->summary_label));

  self->breadcrumb = hbox (0);
  gtk_widget_set_visible (self->breadcrumb, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->breadcrumb);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  self->graph = GOLANES_FLAME_GRAPH (golanes_flame_graph_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->graph), GTK_ALIGN_START);
  scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), GTK_WIDGET (self->graph));
  gtk_widget_add_css_class (scroll, "card");
  gtk_stack_add_named (self->stack, scroll, "graph");
  self->table = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "data-table");
  scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), GTK_WIDGET (self->table));
  gtk_widget_add_css_class (scroll, "card");
  gtk_stack_add_named (self->stack, scroll, "table");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));

  g_signal_connect_swapped (self->source_drop, "notify::selected", G_CALLBACK (source_changed_cb), self);
  g_signal_connect_swapped (self->scope_drop, "notify::selected", G_CALLBACK (scope_changed_cb), self);
  g_signal_connect_swapped (self->type_drop, "notify::selected", G_CALLBACK (queue_rebuild), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->table_button, "toggled", G_CALLBACK (view_toggled_cb), self);
  g_signal_connect_swapped (self->graph, "notify::zoom", G_CALLBACK (zoom_changed_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);

  set_table_columns (self, FALSE);
  rebuild (self);
}

GtkWidget *
golanes_flame_panel_new (void)
{
  return g_object_new (GOLANES_TYPE_FLAME_PANEL, NULL);
}
