/* golanes-tasks-panel.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-tasks-panel"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "golanes-highlight.h"
#include "golanes-histogram.h"
#include "golanes-panel.h"
#include "golanes-panel-row.h"
#include "golanes-panel-util.h"
#include "golanes-tasks-panel.h"

/* Values of the rows (one per task or region type).  The latencies are
 * over the complete instances: nearest-rank percentiles. */
enum
{
  VALUE_COUNT,
  VALUE_INCOMPLETE,
  VALUE_P50,
  VALUE_P90,
  VALUE_P99,
  VALUE_MAX,
};

struct _GolanesTasksPanel
{
  GolanesPanel        parent_instance;

  GtkSingleSelection *task_selection;
  GtkSingleSelection *region_selection;

  /* Template widgets */
  GtkStack           *stack;
  GtkColumnView      *task_view;
  GtkColumnView      *region_view;
  GtkLabel           *histogram_label;
  GtkWidget          *path_button;
  GolanesHistogram   *histogram;

  /* "Computing…" until the document's part is ready; waiting is TRUE
   * while the panel shows a document whose part is not. */
  GtkWidget          *status;
  gboolean            waiting;
};

G_DEFINE_FINAL_TYPE (GolanesTasksPanel, golanes_tasks_panel, GOLANES_TYPE_PANEL)

enum
{
  CRITICAL_PATH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
golanes_tasks_panel_get_title (void)
{
  return _("Tasks and Regions");
}

const char *
golanes_tasks_panel_get_icon_name (void)
{
  return "task-due-symbolic";
}

static GolanesTimeline *
get_timeline (GolanesTasksPanel *self)
{
  return golanes_panel_get_timeline (golanes_panel_get_document (GOLANES_PANEL (self)));
}

static const char *
type_name (GolanesTimeline *timeline,
           guint32          type)
{
  return golanes_panel_timeline_string (timeline, type, _("(unnamed)"));
}

/* Nearest rank: the index of the smallest value with at least @p % of
 * the @n values at or below it, once they are in order. */
static gsize
percentile_index (gsize  n,
                  double p)
{
  gsize rank = (gsize) ceil (p / 100.0 * n);

  return CLAMP (rank, 1, n) - 1;
}

/* Puts in v[k] the value it would have sorted, the smaller ones before
 * and the others after, in expected linear time (random pivots, which a
 * crafted trace cannot foresee): the percentiles of 100,000 latencies
 * without sorting them, on the main thread. */
static void
select_nth (gint64 *v,
            gsize   lo,
            gsize   hi,         /* exclusive */
            gsize   k,
            GRand  *rand)
{
  while (hi - lo > 1)
    {
      gint64 pivot = v[lo + (gsize) g_rand_int_range (rand, 0, (gint32) MIN (hi - lo, (gsize) G_MAXINT32))];
      gsize lt = lo, i = lo, gt = hi;

      /* Three ways: < pivot, = pivot, > pivot. */
      while (i < gt)
        {
          if (v[i] < pivot)
            {
              gint64 t = v[i]; v[i] = v[lt]; v[lt] = t;
              lt++, i++;
            }
          else if (v[i] > pivot)
            {
              gint64 t;

              gt--;
              t = v[i]; v[i] = v[gt]; v[gt] = t;
            }
          else
            i++;
        }
      if (k < lt)
        hi = lt;
      else if (k >= gt)
        lo = gt;
      else
        return;
    }
}

typedef struct
{
  GolanesPanelRow *row;
  GArray          *instances;   /* guint */
  GArray          *latencies;   /* gint64, complete instances */
  guint            incomplete;
} TypeStats;

static TypeStats *
lookup_type (GHashTable      *types,
             GPtrArray       *order,
             GolanesTimeline *timeline,
             guint32          type)
{
  TypeStats *stats = g_hash_table_lookup (types, GUINT_TO_POINTER (type));

  if (stats == NULL)
    {
      stats = g_new0 (TypeStats, 1);
      stats->row = golanes_panel_row_new (type_name (timeline, type), type);
      stats->instances = g_array_new (FALSE, FALSE, sizeof (guint));
      stats->latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (types, GUINT_TO_POINTER (type), stats);
      g_ptr_array_add (order, stats);
    }

  return stats;
}

static void
add_instance (TypeStats *stats,
              guint      index,
              gint64     start,
              gint64     end,
              guint8     flags)
{
  g_array_append_val (stats->instances, index);
  if ((flags & (GOLANES_SPAN_OPEN | GOLANES_SPAN_OPEN_START)) != 0)
    {
      stats->incomplete++;
    }
  else
    {
      gint64 latency = end - start;

      g_array_append_val (stats->latencies, latency);
    }
}

/* Turns the collected stats into a store of rows (the instances go to the
 * rows' data) and frees them. */
static GListStore *
finish_types (GPtrArray *order)
{
  GListStore *store = g_list_store_new (GOLANES_TYPE_PANEL_ROW);
  g_autoptr(GRand) rand = g_rand_new_with_seed (0x9e3779b9u);

  for (guint i = 0; i < order->len; i++)
    {
      TypeStats *stats = order->pdata[i];

      golanes_panel_row_set_value (stats->row, VALUE_COUNT, stats->instances->len);
      golanes_panel_row_set_value (stats->row, VALUE_INCOMPLETE, stats->incomplete);
      if (stats->latencies->len > 0)
        {
          gint64 *v = (gint64 *) (void *) stats->latencies->data;
          gsize n = stats->latencies->len;
          gsize k50 = percentile_index (n, 50), k90 = percentile_index (n, 90), k99 = percentile_index (n, 99);
          gint64 max = G_MININT64;

          /* Each selection leaves the larger values after its index. */
          select_nth (v, 0, n, k50, rand);
          select_nth (v, k50, n, k90, rand);
          select_nth (v, k90, n, k99, rand);
          for (gsize i = k99; i < n; i++)
            max = MAX (max, v[i]);
          golanes_panel_row_set_value (stats->row, VALUE_P50, v[k50]);
          golanes_panel_row_set_value (stats->row, VALUE_P90, v[k90]);
          golanes_panel_row_set_value (stats->row, VALUE_P99, v[k99]);
          golanes_panel_row_set_value (stats->row, VALUE_MAX, max);
        }
      golanes_panel_row_set_data (stats->row, g_steal_pointer (&stats->instances),
                                  (GDestroyNotify) g_array_unref);
      g_list_store_append (store, stats->row);

      g_object_unref (stats->row);
      g_array_unref (stats->latencies);
      g_free (stats);
    }

  return store;
}

static void
emit_selection (GolanesTasksPanel *self,
                GolanesPanelRow   *row,
                gboolean           is_task)
{
  g_autoptr(GolanesHighlight) highlight = NULL;
  g_autofree gint64 *latencies = NULL;
  g_autofree char *heading = NULL;
  guint n_latencies = 0;
  GolanesTimeline *timeline = get_timeline (self);
  GArray *instances;
  gint64 start;
  gint64 end;

  g_assert (GOLANES_IS_TASKS_PANEL (self));

  if (row == NULL || timeline == NULL)
    {
      gtk_label_set_text (self->histogram_label, _("Latency"));
      golanes_histogram_set_values (self->histogram, NULL, 0);
      golanes_panel_highlight (GOLANES_PANEL (self), NULL);
      return;
    }

  instances = golanes_panel_row_get_data (row);
  highlight = golanes_highlight_new (golanes_panel_row_get_label (row));
  latencies = g_new0 (gint64, MAX (instances->len, 1));

  for (guint i = 0; i < instances->len; i++)
    {
      guint index = g_array_index (instances, guint, i);

      if (is_task)
        {
          GolanesTimelineTask task_copy;
          const GolanesTimelineTask *task =
            golanes_timeline_get_task (timeline, index, &task_copy) ? &task_copy : NULL;

          golanes_highlight_append (highlight,
                                    task->start_goroutine >= 0 ? task->start_goroutine : GOLANES_HIGHLIGHT_NO_GOROUTINE,
                                    task->start, task->end);
          if ((task->flags & (GOLANES_SPAN_OPEN | GOLANES_SPAN_OPEN_START)) == 0)
            latencies[n_latencies++] = task->end - task->start;
        }
      else
        {
          GolanesTimelineRegion region_copy;
          const GolanesTimelineRegion *region =
            golanes_timeline_get_region (timeline, index, &region_copy) ? &region_copy : NULL;

          golanes_highlight_append (highlight, region->goroutine, region->start, region->end);
          if ((region->flags & (GOLANES_SPAN_OPEN | GOLANES_SPAN_OPEN_START)) == 0)
            latencies[n_latencies++] = region->end - region->start;
        }
    }

  /* Translators: the heading of the latency histogram; %s is a task or region type */
  heading = g_strdup_printf (_("Latency of “%s”"), golanes_panel_row_get_label (row));
  gtk_label_set_text (self->histogram_label, heading);
  golanes_histogram_set_values (self->histogram, latencies, n_latencies);

  if (golanes_highlight_get_bounds (highlight, &start, &end))
    golanes_panel_activate_range (GOLANES_PANEL (self), start, end);
  golanes_panel_highlight (GOLANES_PANEL (self), highlight);
}

static void
task_selected_cb (GolanesTasksPanel  *self,
                  GParamSpec         *pspec,
                  GtkSingleSelection *selection)
{
  g_assert (GOLANES_IS_TASKS_PANEL (self));

  emit_selection (self, golanes_panel_get_selected (self->task_view), TRUE);
}

static void
region_selected_cb (GolanesTasksPanel  *self,
                    GParamSpec         *pspec,
                    GtkSingleSelection *selection)
{
  g_assert (GOLANES_IS_TASKS_PANEL (self));

  emit_selection (self, golanes_panel_get_selected (self->region_view), FALSE);
}

/* The type selected on the page shown, and whether it is a task type. */
static GolanesPanelRow *
shown_type (GolanesTasksPanel *self,
            gboolean          *task)
{
  *task = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "tasks") == 0;
  if (self->waiting)
    return NULL;
  return golanes_panel_get_selected (*task ? self->task_view : self->region_view);
}

static void
update_path_button (GolanesTasksPanel *self)
{
  gboolean task;

  gtk_widget_set_sensitive (self->path_button, shown_type (self, &task) != NULL && get_timeline (self) != NULL);
}

static void
path_clicked_cb (GolanesTasksPanel *self)
{
  GolanesTimeline *timeline = get_timeline (self);
  GolanesPanelRow *row;
  gboolean task;

  row = shown_type (self, &task);
  if (row == NULL || timeline == NULL)
    return;
  g_signal_emit (self, signals[CRITICAL_PATH], 0, task,
                 golanes_panel_timeline_string (timeline, (guint32) golanes_panel_row_get_id (row), ""));
}

static void
golanes_tasks_panel_reload (GolanesTasksPanel *self)
{
  GolanesDocument *document = golanes_panel_get_document (GOLANES_PANEL (self));
  gboolean ready;
  g_autoptr(GHashTable) task_types = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) region_types = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) task_order = g_ptr_array_new ();
  g_autoptr(GPtrArray) region_order = g_ptr_array_new ();
  g_autoptr(GListStore) tasks = NULL;
  g_autoptr(GListStore) regions = NULL;
  GolanesTimeline *timeline = get_timeline (self);
  guint n_tasks = timeline != NULL ? golanes_timeline_get_n_tasks (timeline) : 0;
  guint n_regions = timeline != NULL ? golanes_timeline_get_n_regions (timeline) : 0;

  g_assert (GOLANES_IS_TASKS_PANEL (self));

  ready = golanes_panel_status_update (self->status, document, GOLANES_DOCUMENT_PART_GOROUTINES);
  self->waiting = document != NULL && !ready;
  /* The tasks and regions are shown with the goroutine analysis, which
   * holds their latencies. */
  if (!ready)
    {
      timeline = NULL;
      n_tasks = 0;
      n_regions = 0;
    }

  for (guint i = 0; i < n_tasks; i++)
    {
      GolanesTimelineTask task_copy;
      const GolanesTimelineTask *task =
        golanes_timeline_get_task (timeline, i, &task_copy) ? &task_copy : NULL;

      add_instance (lookup_type (task_types, task_order, timeline, task->type),
                    i, task->start, task->end, task->flags);
    }

  for (guint i = 0; i < n_regions; i++)
    {
      GolanesTimelineRegion region_copy;
      const GolanesTimelineRegion *region =
        golanes_timeline_get_region (timeline, i, &region_copy) ? &region_copy : NULL;

      add_instance (lookup_type (region_types, region_order, timeline, region->type),
                    i, region->start, region->end, region->flags);
    }

  tasks = finish_types (task_order);
  regions = finish_types (region_order);

  golanes_panel_bind_model (self->task_view, G_LIST_MODEL (tasks), &self->task_selection,
                            G_CALLBACK (task_selected_cb), self);
  golanes_panel_bind_model (self->region_view, G_LIST_MODEL (regions), &self->region_selection,
                            G_CALLBACK (region_selected_cb), self);

  /* Show regions when there are no tasks. */
  gtk_stack_set_visible_child_name (self->stack, n_tasks == 0 && n_regions > 0 ? "regions" : "tasks");

  gtk_label_set_text (self->histogram_label, _("Latency"));
  golanes_histogram_set_values (self->histogram, NULL, 0);
  update_path_button (self);
}

static void
golanes_tasks_panel_document_changed (GolanesPanel    *panel,
                                      GolanesDocument *previous)
{
  GolanesTasksPanel *self = GOLANES_TASKS_PANEL (panel);

  /* The same document again: its part may have become ready since. */
  if (previous == golanes_panel_get_document (panel) && !self->waiting)
    return;

  golanes_tasks_panel_reload (self);
}

static void
golanes_tasks_panel_dispose (GObject *object)
{
  GolanesTasksPanel *self = (GolanesTasksPanel *) object;

  golanes_panel_unbind_model (&self->task_selection, G_CALLBACK (task_selected_cb), self);
  golanes_panel_unbind_model (&self->region_selection, G_CALLBACK (region_selected_cb), self);

  golanes_panel_dispose_children (GTK_WIDGET (self), GOLANES_TYPE_TASKS_PANEL);

  G_OBJECT_CLASS (golanes_tasks_panel_parent_class)->dispose (object);
}

static void
golanes_tasks_panel_class_init (GolanesTasksPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GolanesPanelClass *panel_class = GOLANES_PANEL_CLASS (klass);

  object_class->dispose = golanes_tasks_panel_dispose;
  panel_class->document_changed = golanes_tasks_panel_document_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/panels/golanes-tasks-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, GolanesTasksPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, GolanesTasksPanel, task_view);
  gtk_widget_class_bind_template_child (widget_class, GolanesTasksPanel, region_view);
  gtk_widget_class_bind_template_child (widget_class, GolanesTasksPanel, histogram_label);
  gtk_widget_class_bind_template_child (widget_class, GolanesTasksPanel, histogram);
  gtk_widget_class_bind_template_child (widget_class, GolanesTasksPanel, path_button);

  /* "Critical Path" pressed on a type: (is it a task type, its name). */
  signals[CRITICAL_PATH] =
    g_signal_new ("critical-path", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "taskspanel");

  g_type_ensure (GOLANES_TYPE_HISTOGRAM);
}

static void
golanes_tasks_panel_init (GolanesTasksPanel *self)
{
  GtkColumnView *views[2];

  gtk_widget_init_template (GTK_WIDGET (self));
  self->status = golanes_panel_status_install (GTK_WIDGET (self));

  views[0] = self->task_view;
  views[1] = self->region_view;
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      golanes_panel_add_column (views[i], _("Type"), GOLANES_PANEL_COLUMN_LABEL, 0, TRUE);
      golanes_panel_add_column (views[i], _("Count"), GOLANES_PANEL_COLUMN_COUNT, VALUE_COUNT, FALSE);
      golanes_panel_add_column (views[i], _("Incomplete"), GOLANES_PANEL_COLUMN_COUNT, VALUE_INCOMPLETE, FALSE);
      golanes_panel_add_column (views[i], _("p50"), GOLANES_PANEL_COLUMN_DURATION, VALUE_P50, FALSE);
      golanes_panel_add_column (views[i], _("p90"), GOLANES_PANEL_COLUMN_DURATION, VALUE_P90, FALSE);
      golanes_panel_add_column (views[i], _("p99"), GOLANES_PANEL_COLUMN_DURATION, VALUE_P99, FALSE);
      golanes_panel_add_column (views[i], _("Max"), GOLANES_PANEL_COLUMN_DURATION, VALUE_MAX, FALSE);
    }

  g_signal_connect_swapped (self->path_button, "clicked", G_CALLBACK (path_clicked_cb), self);
  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (update_path_button), self);
  golanes_tasks_panel_reload (self);
}

GtkWidget *
golanes_tasks_panel_new (void)
{
  return g_object_new (GOLANES_TYPE_TASKS_PANEL, NULL);
}
