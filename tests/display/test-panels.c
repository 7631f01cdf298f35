/* test-panels.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The side panels on real documents: rows against the model's numbers,
 * sorting, the signals a selection emits, filtering, and a screenshot of
 * each panel; what their base class promises, and that the trace view
 * gives its panels the document and follows their signals. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "display-utils.h"
#include "golanes-blocking-panel.h"
#include "golanes-busy.h"
#include "golanes-critical-path-panel.h"
#include "golanes-details-panel.h"
#include "golanes-flame-graph.h"
#include "golanes-flame-panel.h"
#include "golanes-document.h"
#include "golanes-gc-panel.h"
#include "golanes-goroutines-panel.h"
#include "golanes-highlight.h"
#include "golanes-histogram.h"
#include "golanes-mmu-plot.h"
#include "golanes-panel.h"
#include "golanes-panel-row.h"
#include "golanes-sort-private.h"
#include "golanes-paced-model.h"
#include "golanes-panel-util.h"
#include "golanes-tasks-panel.h"
#include "golanes-trace-view.h"

typedef struct
{
  guint             n_ranges;
  gint64            range_start;
  gint64            range_end;
  guint             n_goroutines;
  gint64            goid;
  guint             n_highlights;
  GolanesHighlight *highlight;
} Recorder;

static void
activate_range_cb (GtkWidget *panel,
                   gint64     start,
                   gint64     end,
                   Recorder  *rec)
{
  rec->n_ranges++;
  rec->range_start = start;
  rec->range_end = end;
}

static void
activate_goroutine_cb (GtkWidget *panel,
                       gint64     goid,
                       Recorder  *rec)
{
  rec->n_goroutines++;
  rec->goid = goid;
}

static void
highlight_cb (GtkWidget        *panel,
              GolanesHighlight *highlight,
              Recorder         *rec)
{
  rec->n_highlights++;
  g_clear_pointer (&rec->highlight, golanes_highlight_unref);
  if (highlight != NULL)
    rec->highlight = golanes_highlight_ref (highlight);
}

static void
recorder_connect (Recorder  *rec,
                  GtkWidget *panel)
{
  memset (rec, 0, sizeof *rec);
  g_signal_connect (panel, "activate-range", G_CALLBACK (activate_range_cb), rec);
  g_signal_connect (panel, "activate-goroutine", G_CALLBACK (activate_goroutine_cb), rec);
  g_signal_connect (panel, "highlight", G_CALLBACK (highlight_cb), rec);
}

static void
recorder_clear (Recorder *rec)
{
  g_clear_pointer (&rec->highlight, golanes_highlight_unref);
}

static GolanesDocument *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "fixtures", "go1.26", name, NULL);
  g_autoptr(GError) error = NULL;
  GolanesDocument *document = golanes_document_load (path, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static GtkWindow *
show_panel (GtkWidget *panel,
            int        width,
            int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  int minimum;

  /* Narrow enough for the side area next to the timeline. */
  gtk_widget_measure (panel, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("%s: minimum width %d", G_OBJECT_TYPE_NAME (panel), minimum);
  g_assert_cmpint (minimum, <=, 400);
  gtk_widget_measure (panel, GTK_ORIENTATION_VERTICAL, 360, &minimum, NULL, NULL, NULL);
  g_test_message ("%s: minimum height %d at 360 pixels wide", G_OBJECT_TYPE_NAME (panel), minimum);
  g_assert_cmpint (minimum, <=, 450);

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, panel);
  gtk_window_present (window);
  return window;
}

static void
collect_column_views (GtkWidget *widget,
                      GPtrArray *out)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_column_views (child, out);
}

/* The @index-th column view inside @panel, in widget-tree order. */
static GtkColumnView *
get_column_view (GtkWidget *panel,
                 guint      index)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  collect_column_views (panel, views);
  g_assert_cmpuint (index, <, views->len);
  return views->pdata[index];
}

/* Every row of @view: the view itself gets them over a few frames
 * (/panels/paced-rows checks that). */
static GListModel *
view_model (GtkColumnView *view)
{
  golanes_panel_flush_model (view);
  return G_LIST_MODEL (gtk_column_view_get_model (view));
}

static GolanesPanelRow *
view_row (GtkColumnView *view,
          guint          position)
{
  g_autoptr(GObject) item = g_list_model_get_item (view_model (view), position);

  g_assert_nonnull (item);
  return golanes_panel_row_from_item (item);
}

static void
sort_by (GtkColumnView *view,
         const char    *title,
         GtkSortType    direction)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        {
          gtk_column_view_sort_by_column (view, column, direction);
          return;
        }
    }

  g_error ("no column “%s”", title);
}

/* Values @value_index of the rows are in order (ascending or not). */
static void
assert_sorted (GtkColumnView *view,
               guint          value_index,
               gboolean       ascending)
{
  guint n = g_list_model_get_n_items (view_model (view));

  for (guint i = 1; i < n; i++)
    {
      gint64 a = golanes_panel_row_get_value (view_row (view, i - 1), value_index);
      gint64 b = golanes_panel_row_get_value (view_row (view, i), value_index);

      if (ascending)
        g_assert_cmpint (a, <=, b);
      else
        g_assert_cmpint (a, >=, b);
    }
}

static void
select_row (GtkColumnView *view,
            guint          position)
{
  gtk_selection_model_select_item (gtk_column_view_get_model (view), position, TRUE);
}

static gboolean
is_laid_out (gpointer data)
{
  return gtk_widget_get_width (data) > 100;
}

static void
screenshot (GtkWindow  *window,
            const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  display_save_screenshot (window, path);
}

static GtkWidget *find_widget (GtkWidget *widget,
                               GType      type);

/* GolanesHighlight */

static void
test_highlight (void)
{
  g_autoptr(GolanesHighlight) highlight = golanes_highlight_new ("spans");
  const GolanesHighlightSpan *spans;
  guint n_spans;
  gint64 start;
  gint64 end;

  g_assert_false (golanes_highlight_get_bounds (highlight, &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, 0);

  golanes_highlight_append (highlight, 7, 300, 400);
  golanes_highlight_append (highlight, 3, 500, 450);   /* clamped to an empty span */
  golanes_highlight_append (highlight, GOLANES_HIGHLIGHT_NO_GOROUTINE, 100, 200);
  golanes_highlight_append (highlight, 3, 10, 20);
  g_assert_cmpstr (golanes_highlight_get_label (highlight), ==, "spans");
  g_assert_cmpuint (golanes_highlight_get_n_spans (highlight), ==, 4);
  g_assert_cmpint (golanes_highlight_get_span (highlight, 1)->end, ==, 500);

  g_assert_true (golanes_highlight_get_bounds (highlight, &start, &end));
  g_assert_cmpint (start, ==, 10);
  g_assert_cmpint (end, ==, 500);

  golanes_highlight_sort (highlight);
  spans = golanes_highlight_get_spans (highlight, &n_spans);
  g_assert_cmpuint (n_spans, ==, 4);
  g_assert_cmpint (spans[0].goid, ==, GOLANES_HIGHLIGHT_NO_GOROUTINE);
  g_assert_cmpint (spans[1].goid, ==, 3);
  g_assert_cmpint (spans[1].start, ==, 10);
  g_assert_cmpint (spans[2].start, ==, 500);
  g_assert_cmpint (spans[3].goid, ==, 7);

  g_assert_true (golanes_highlight_contains (highlight, 7, 399, 1000));
  g_assert_false (golanes_highlight_contains (highlight, 7, 400, 1000));
  g_assert_true (golanes_highlight_contains (highlight, 3, 500, 501));   /* empty spans still count */
  g_assert_false (golanes_highlight_contains (highlight, 4, 0, 1000));

  /* Boxed: copying takes a reference. */
  {
    GolanesHighlight *copy = g_boxed_copy (GOLANES_TYPE_HIGHLIGHT, highlight);

    g_assert_true (copy == highlight);
    g_boxed_free (GOLANES_TYPE_HIGHLIGHT, copy);
  }
}

/* Tooltips */

/* What @widget answers GTK's tooltip query at (@x, @y): whether it has a
 * tooltip there.  The text itself is the describe_at() of the plot, which
 * its query_tooltip sets. */
static gboolean
query_tooltip (GtkWidget *widget,
               int        x,
               int        y)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (widget, "query-tooltip", x, y, FALSE, tooltip, &shown);
  return shown;
}

/* The tooltip texts of @histogram at every pixel column, checking that
 * the widget shows a tooltip exactly where it has a text. */
static GHashTable *
histogram_tooltips (GolanesHistogram *histogram)
{
  GHashTable *texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (int x = -2; x <= gtk_widget_get_width (GTK_WIDGET (histogram)) + 2; x++)
    {
      char *text = golanes_histogram_describe_at (histogram, x);

      g_assert_cmpint (query_tooltip (GTK_WIDGET (histogram), x, 20), ==, text != NULL);
      if (text != NULL)
        g_hash_table_add (texts, text);
    }
  return texts;
}

/* Hovering the pause histogram shows each bucket's range and the number
 * of pauses in it, counted here from the document's pauses; the widget
 * answers GTK's tooltip query with that text. */
static void
assert_histogram_tooltips (GolanesHistogram      *histogram,
                           const GolanesStwPause *pauses,
                           guint                  n_pauses)
{
  g_autoptr(GHashTable) texts = NULL;
  guint n_buckets = golanes_histogram_get_n_buckets (histogram);
  gboolean found_max = FALSE;
  gint64 max = 0;

  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (histogram)));
  g_assert_true (display_wait_until (is_laid_out, histogram, DISPLAY_WAIT_MSEC));
  texts = histogram_tooltips (histogram);
  g_assert_cmpuint (g_hash_table_size (texts), ==, n_buckets);

  for (guint i = 0; i < n_pauses; i++)
    max = MAX (max, pauses[i].duration);

  for (guint b = 0; b < n_buckets; b++)
    {
      g_autofree char *lower_text = NULL;
      g_autofree char *upper_text = NULL;
      g_autofree char *expected = NULL;
      gint64 lower;
      gint64 upper;
      guint count = 0;

      golanes_histogram_get_bucket (histogram, b, &lower, &upper);
      for (guint i = 0; i < n_pauses; i++)
        if (MAX (pauses[i].duration, 1) >= lower && MAX (pauses[i].duration, 1) < upper)
          count++;
      if (max >= lower && max < upper)
        {
          g_assert_cmpuint (count, >, 0);
          found_max = TRUE;
        }

      lower_text = golanes_panel_format_duration (lower);
      upper_text = golanes_panel_format_duration (upper);
      expected = g_strdup_printf ("%s to %s: %u", lower_text, upper_text, count);
      g_test_message ("histogram bucket %u: %s", b, expected);
      g_assert_true (g_hash_table_contains (texts, expected));
    }
  g_assert_true (found_max);

  /* Left of the bars there is no tooltip. */
  g_assert_null (golanes_histogram_describe_at (histogram, 0));
}

/* Hovering the MMU curve shows the window and the utilization of the
 * nearest sample.  The numbers are go tool trace's for gcheavy.trace with
 * the /mmu page's default flags: tests/gc/goldens/go1.26/gcheavy.mmu.json,
 * plot "stw|background|assist", points [8152651, 0.36036051340846065] and
 * [23278143, 0.4652178225728745] (the last one). */
static void
assert_mmu_tooltips (GolanesMmuPlot *plot)
{
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *last = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (plot));

  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (plot)));
  for (int x = 0; x <= width; x++)
    {
      char *text = golanes_mmu_plot_describe_at (plot, x);

      g_assert_cmpint (query_tooltip (GTK_WIDGET (plot), x, 20), ==, text != NULL);
      if (text != NULL)
        g_hash_table_add (texts, text);
    }
  g_test_message ("MMU plot: %u distinct tooltips over %d pixels", g_hash_table_size (texts), width);
  g_assert_cmpuint (g_hash_table_size (texts), >, GOLANES_MMU_PLOT_SAMPLES / 2);
  g_assert_true (g_hash_table_contains (texts, "Window 8.15 ms: MMU 0.360"));
  g_assert_true (g_hash_table_contains (texts, "Window 23.3 ms: MMU 0.465"));
  /* The rightmost tooltip is the largest window. */
  for (int x = width; last == NULL && x >= 0; x--)
    last = golanes_mmu_plot_describe_at (plot, x);
  g_assert_cmpstr (last, ==, "Window 23.3 ms: MMU 0.465");
}

/* GC panel */

static void
test_gc_panel (void)
{
  g_autoptr(GolanesDocument) document = load_fixture ("gcheavy.trace");
  GolanesGc *gc = golanes_document_get_gc (document);
  const GolanesGcTotals *totals = golanes_gc_get_totals (gc);
  const GolanesStwPause *pauses;
  const GolanesGcCycle *cycles;
  guint n_pauses;
  guint n_cycles;
  GtkWidget *panel = golanes_gc_panel_new ();
  GtkColumnView *pause_view;
  GtkColumnView *cycle_view;
  GolanesPanelRow *row;
  GtkWindow *window;
  Recorder rec;
  g_autofree char *p99 = NULL;

  pauses = golanes_gc_get_pauses (gc, &n_pauses);
  cycles = golanes_gc_get_cycles (gc, &n_cycles);
  g_assert_cmpuint (n_pauses, >, 2);
  g_assert_cmpuint (n_cycles, >, 1);

  recorder_connect (&rec, panel);
  golanes_panel_set_document (GOLANES_PANEL (panel), document);
  window = show_panel (panel, 560, 980);

  pause_view = get_column_view (panel, 0);
  cycle_view = get_column_view (panel, 1);
  g_assert_cmpuint (g_list_model_get_n_items (view_model (pause_view)), ==, n_pauses);
  g_assert_cmpuint (g_list_model_get_n_items (view_model (cycle_view)), ==, n_cycles);
  g_assert_cmpuint (g_list_model_get_n_items (view_model (pause_view)), ==, totals->n_pauses);

  p99 = golanes_panel_format_duration (totals->pause_p99);
  display_assert_shows (panel, p99);

  /* The histogram holds every pause; the MMU plot the document's curve. */
  {
    GolanesHistogram *histogram = GOLANES_HISTOGRAM (find_widget (panel, GOLANES_TYPE_HISTOGRAM));
    GolanesMmuPlot *plot = GOLANES_MMU_PLOT (find_widget (panel, GOLANES_TYPE_MMU_PLOT));
    g_autofree char *readout = NULL;
    guint sum = 0;

    for (guint i = 0; i < golanes_histogram_get_n_buckets (histogram); i++)
      {
        gint64 lower;
        gint64 upper;

        sum += golanes_histogram_get_bucket (histogram, i, &lower, &upper);
        g_assert_cmpint (lower, <, upper);
      }
    g_assert_cmpuint (sum, ==, n_pauses);

    g_assert_cmpuint (golanes_mmu_plot_get_n_points (plot), ==, GOLANES_MMU_PLOT_SAMPLES);
    g_assert_true (display_wait_until (is_laid_out, plot, DISPLAY_WAIT_MSEC));
    readout = golanes_mmu_plot_describe_at (plot, gtk_widget_get_width (GTK_WIDGET (plot)) / 2.0);
    g_assert_nonnull (readout);
    g_assert_nonnull (strstr (readout, "MMU 0."));
    g_assert_null (golanes_mmu_plot_describe_at (plot, -100));

    assert_histogram_tooltips (histogram, pauses, n_pauses);
    assert_mmu_tooltips (plot);
  }

  /* Longest pause first. */
  sort_by (pause_view, "Duration", GTK_SORT_DESCENDING);
  assert_sorted (pause_view, 1, FALSE);
  row = view_row (pause_view, 0);
  g_assert_cmpint (golanes_panel_row_get_value (row, 1), ==, totals->pause_max);

  select_row (pause_view, 0);
  g_assert_cmpuint (rec.n_ranges, ==, 1);
  g_assert_cmpint (rec.range_start, ==, pauses[golanes_panel_row_get_id (row)].start);
  g_assert_cmpint (rec.range_end - rec.range_start, ==, totals->pause_max);
  g_assert_nonnull (rec.highlight);
  g_assert_cmpuint (golanes_highlight_get_n_spans (rec.highlight), ==, 1);
  g_assert_cmpstr (golanes_highlight_get_label (rec.highlight), ==,
                   pauses[golanes_panel_row_get_id (row)].reason);

  screenshot (window, "screenshot-gc-panel.png");

  /* Cycles by start, latest first; selecting one gives its range. */
  sort_by (cycle_view, "Start", GTK_SORT_DESCENDING);
  assert_sorted (cycle_view, 1, FALSE);
  row = view_row (cycle_view, 0);
  g_assert_cmpint (golanes_panel_row_get_id (row), ==, n_cycles - 1);
  select_row (cycle_view, 0);
  g_assert_cmpuint (rec.n_ranges, ==, 2);
  g_assert_cmpint (rec.range_start, ==, cycles[n_cycles - 1].start);
  g_assert_cmpint (rec.range_end, ==, cycles[n_cycles - 1].start + cycles[n_cycles - 1].duration);
  g_assert_nonnull (rec.highlight);

  /* Clearing the document empties the tables. */
  golanes_panel_set_document (GOLANES_PANEL (panel), NULL);
  pause_view = get_column_view (panel, 0);
  g_assert_cmpuint (g_list_model_get_n_items (view_model (pause_view)), ==, 0);

  gtk_window_destroy (window);
  recorder_clear (&rec);
}

/* Goroutines panel */

typedef struct
{
  GListModel *model;
  guint       n_items;
} CountWait;

static gboolean
has_n_items (gpointer data)
{
  CountWait *wait = data;

  return g_list_model_get_n_items (wait->model) == wait->n_items;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The summary's goroutine @id. */
static const GolanesGoroutineInfo *
lookup_info (GolanesGoroutineSummary *summary,
             gint64                   id)
{
  const GolanesGoroutineInfo *info = golanes_goroutine_summary_lookup (summary, id);

  g_assert_nonnull (info);
  return info;
}

/* The time of @info's block reasons that match @pred. */
static gint64
block_time_where (const GolanesGoroutineInfo *info,
                  gboolean                  (*pred) (const char *reason))
{
  gint64 sum = 0;

  for (guint i = 0; i < info->n_block_times; i++)
    if (pred (info->block_times[i].name))
      sum += info->block_times[i].time;
  return sum;
}

static gboolean
is_sync_reason (const char *reason)
{
  return strstr (reason, "chan") != NULL || strstr (reason, "sync") != NULL || strstr (reason, "select") != NULL;
}

static gboolean
is_net_reason (const char *reason)
{
  return strcmp (reason, "network") == 0;
}

static gboolean
is_syscall_reason (const char *reason)
{
  return strcmp (reason, "syscall") == 0;
}

static gboolean
is_any_reason (const char *reason)
{
  return TRUE;
}

static gint64
range_time (const GolanesGoroutineInfo *info)
{
  gint64 sum = 0;

  for (guint i = 0; i < info->n_range_times; i++)
    sum += info->range_times[i].time;
  return sum;
}

/* A goroutine row shows exactly the summary's numbers for it. */
static void
assert_goroutine_row (GolanesPanelRow            *row,
                      const GolanesGoroutineInfo *info)
{
  gint64 syscall_reason = block_time_where (info, is_syscall_reason);

  g_assert_cmpint (golanes_panel_row_get_id (row), ==, info->id);
  g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_GOID), ==, info->id);
  g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_COUNT), ==, GOLANES_PANEL_ROW_NO_VALUE);
  g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_TOTAL), ==, info->total_time);
  g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_EXEC), ==, info->exec_time);
  g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_SCHED_WAIT), ==, info->sched_wait_time);
  g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_BLOCKED), ==,
                   block_time_where (info, is_any_reason) - syscall_reason);
  g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_SYSCALL), ==,
                   info->syscall_time + info->syscall_block_time + syscall_reason);
  g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_SYNC), ==,
                   block_time_where (info, is_sync_reason));
  g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_NET), ==,
                   block_time_where (info, is_net_reason));
  g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_GC), ==, range_time (info));
  g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_UNKNOWN), ==, info->unknown_time);
  /* Go's non-overlapping columns add up to the total. */
  g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_EXEC) +
                   golanes_panel_row_get_value (row, GOLANES_GOROUTINES_SCHED_WAIT) +
                   golanes_panel_row_get_value (row, GOLANES_GOROUTINES_BLOCKED) +
                   golanes_panel_row_get_value (row, GOLANES_GOROUTINES_SYSCALL) +
                   golanes_panel_row_get_value (row, GOLANES_GOROUTINES_UNKNOWN), ==, info->total_time);
}

/* The position of the group row labelled @name, at the top level. */
static guint
find_group (GtkColumnView *view,
            const char    *name)
{
  GListModel *model = view_model (view);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      GolanesPanelRow *row = view_row (view, i);

      if (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_COUNT) != GOLANES_PANEL_ROW_NO_VALUE &&
          g_strcmp0 (golanes_panel_row_get_label (row), name) == 0)
        return i;
    }

  g_error ("no group “%s”", name);
  return 0;
}

static void
set_expanded (GtkColumnView *view,
              guint          position,
              gboolean       expanded)
{
  g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (view_model (view), position);

  g_assert_true (GTK_IS_TREE_LIST_ROW (tree_row));
  gtk_tree_list_row_set_expanded (tree_row, expanded);
}

static void
test_goroutines_panel (void)
{
  g_autoptr(GolanesDocument) document = load_fixture ("chansel.trace");
  GolanesGoroutineSummary *summary = golanes_document_get_goroutine_summary (document);
  const GolanesGoroutineGroup *groups;
  GtkWidget *panel = golanes_goroutines_panel_new ();
  GtkColumnView *view;
  GolanesPanelRow *row;
  GtkWidget *entry;
  GtkWindow *window;
  GListModel *model;
  Recorder rec;
  CountWait wait;
  guint n_groups = 0;
  guint n_infos = 0;
  guint n_main = 0;
  guint pos;
  gint64 stage_ids[3];
  guint n_stage = 0;
  g_autofree char *goid_text = NULL;

  groups = golanes_goroutine_summary_get_groups (summary, &n_groups);
  golanes_goroutine_summary_get_goroutines (summary, &n_infos);
  g_assert_cmpuint (n_groups, ==, 15);
  for (guint i = 0; i < n_groups; i++)
    if (g_str_has_prefix (groups[i].name, "main."))
      n_main++;

  recorder_connect (&rec, panel);
  golanes_panel_set_document (GOLANES_PANEL (panel), document);
  window = show_panel (panel, 640, 600);

  view = get_column_view (panel, 0);
  model = view_model (view);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_groups);

  /* Unsorted, the groups are the summary's, in its order (Go's: by
   * execution time), with its numbers. */
  for (guint i = 0; i < n_groups; i++)
    {
      row = view_row (view, i);
      g_assert_cmpstr (golanes_panel_row_get_label (row), ==, groups[i].name);
      g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_COUNT), ==, groups[i].count);
      g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_TOTAL), ==, groups[i].total_time);
      g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_EXEC), ==, groups[i].exec_time);
      g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_SCHED_WAIT), ==,
                       groups[i].sched_wait_time);
      g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_UNKNOWN), ==, groups[i].unknown_time);
      g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_BLOCKED) +
                       golanes_panel_row_get_value (row, GOLANES_GOROUTINES_SYSCALL), ==,
                       groups[i].block_time + groups[i].syscall_time + groups[i].syscall_block_time);
    }

  /* Go's numbers for main.main, from go tool trace's /goroutine?name=main.main
   * (tests/analysis/goldens/go1.26/chansel.goroutines.txt): goroutine 1,
   * Total=6.597697ms, Execution time=1.198145ms, Block time (chan receive)
   * =287.104µs, (chan send)=190.976µs, (select)=3.424ms, (sleep)=1.136704ms,
   * Sched wait time=360.768µs, range stop-the-world (start trace)=16.512µs. */
  row = view_row (view, find_group (view, "main.main"));
  g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_COUNT), ==, 1);
  g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_GOID), ==, 1);
  g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_TOTAL), ==, 6597697);
  g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_EXEC), ==, 1198145);
  g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_SCHED_WAIT), ==, 360768);
  g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_SYNC), ==, 287104 + 190976 + 3424000);
  g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_BLOCKED), ==,
                   287104 + 190976 + 3424000 + 1136704);
  g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_NET), ==, 0);
  g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_SYSCALL), ==, 0);
  g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_GC), ==, 16512);
  /* And /goroutines: main.stage has 3 goroutines and 81.472µs of execution. */
  row = view_row (view, find_group (view, "main.stage"));
  g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_COUNT), ==, 3);
  g_assert_cmpint (golanes_panel_row_get_value (row, GOLANES_GOROUTINES_EXEC), ==, 81472);

  /* The columns sort. */
  sort_by (view, "Total", GTK_SORT_DESCENDING);
  assert_sorted (view, GOLANES_GOROUTINES_TOTAL, FALSE);
  sort_by (view, "Sync Block", GTK_SORT_ASCENDING);
  assert_sorted (view, GOLANES_GOROUTINES_SYNC, TRUE);
  sort_by (view, "Sched Wait", GTK_SORT_DESCENDING);
  assert_sorted (view, GOLANES_GOROUTINES_SCHED_WAIT, FALSE);
  sort_by (view, "Count", GTK_SORT_DESCENDING);
  assert_sorted (view, GOLANES_GOROUTINES_COUNT, FALSE);

  /* The largest group, main.stage, expands to its goroutines with the
   * summary's numbers, which add up to the group's. */
  row = view_row (view, 0);
  g_assert_cmpstr (golanes_panel_row_get_label (row), ==, "main.stage");
  set_expanded (view, 0, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_groups + 3);
  {
    gint64 exec = 0;
    gint64 sync = 0;
    gint64 total = 0;

    for (guint i = 1; i <= 3; i++)
      {
        GolanesPanelRow *child = view_row (view, i);
        const GolanesGoroutineInfo *info = lookup_info (summary, golanes_panel_row_get_id (child));

        g_assert_cmpstr (info->name, ==, "main.stage");
        assert_goroutine_row (child, info);
        exec += info->exec_time;
        sync += golanes_panel_row_get_value (child, GOLANES_GOROUTINES_SYNC);
        total += info->total_time;
        stage_ids[n_stage++] = info->id;
      }
    g_assert_cmpint (exec, ==, golanes_panel_row_get_value (row, GOLANES_GOROUTINES_EXEC));
    g_assert_cmpint (sync, ==, golanes_panel_row_get_value (row, GOLANES_GOROUTINES_SYNC));
    g_assert_cmpint (total, ==, golanes_panel_row_get_value (row, GOLANES_GOROUTINES_TOTAL));
  }

  /* Every goroutine's row, each group expanded, matches the summary. */
  for (guint i = n_groups; i-- > 1;)
    set_expanded (view, i + 3, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_groups + n_infos);
  for (guint i = 0; i < n_groups + n_infos; i++)
    {
      GolanesPanelRow *r = view_row (view, i);

      if (golanes_panel_row_get_value (r, GOLANES_GOROUTINES_COUNT) == GOLANES_PANEL_ROW_NO_VALUE)
        assert_goroutine_row (r, lookup_info (summary, golanes_panel_row_get_id (r)));
    }
  for (guint i = n_groups + n_infos; i-- > 1;)
    if (golanes_panel_row_get_value (view_row (view, i), GOLANES_GOROUTINES_COUNT) != GOLANES_PANEL_ROW_NO_VALUE)
      set_expanded (view, i, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_groups + 3);

  /* Selecting the group: its first goroutine, and all their lifetimes. */
  select_row (view, 0);
  g_assert_cmpuint (rec.n_goroutines, ==, 1);
  g_assert_cmpint (rec.goid, ==, MIN (stage_ids[0], MIN (stage_ids[1], stage_ids[2])));
  g_assert_nonnull (rec.highlight);
  g_assert_cmpuint (golanes_highlight_get_n_spans (rec.highlight), ==, 3);
  g_assert_cmpstr (golanes_highlight_get_label (rec.highlight), ==, "main.stage");

  /* Selecting one of its goroutines: that goroutine. */
  row = view_row (view, 2);
  select_row (view, 2);
  g_assert_cmpuint (rec.n_goroutines, ==, 2);
  g_assert_cmpint (rec.goid, ==, golanes_panel_row_get_id (row));
  g_assert_cmpuint (golanes_highlight_get_n_spans (rec.highlight), ==, 1);
  g_assert_cmpint (golanes_highlight_get_span (rec.highlight, 0)->goid, ==, golanes_panel_row_get_id (row));

  display_assert_shows (panel, "Sync Block");
  screenshot (window, "screenshot-goroutines-panel.png");

  set_expanded (view, 0, FALSE);

  /* Typing in the search entry filters by function name. */
  entry = find_widget (panel, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "MAIN.");
  wait.model = model;
  wait.n_items = n_main;
  g_assert_true (display_wait_until (has_n_items, &wait, DISPLAY_WAIT_MSEC));
  for (guint i = 0; i < n_main; i++)
    g_assert_true (g_str_has_prefix (golanes_panel_row_get_label (view_row (view, i)), "main."));
  display_assert_shows (panel, "start functions shown");

  /* A goroutine id finds its group, and only it when expanded. */
  goid_text = g_strdup_printf ("%" G_GINT64_FORMAT, stage_ids[2]);
  golanes_goroutines_panel_set_filter (GOLANES_GOROUTINES_PANEL (panel), goid_text);
  pos = find_group (view, "main.stage");
  set_expanded (view, pos, TRUE);
  g_assert_cmpint (golanes_panel_row_get_id (view_row (view, pos + 1)), ==, stage_ids[2]);
  g_assert_true (pos + 2 == g_list_model_get_n_items (model) ||
                 golanes_panel_row_get_value (view_row (view, pos + 2), GOLANES_GOROUTINES_COUNT) !=
                 GOLANES_PANEL_ROW_NO_VALUE);

  /* Nothing matches. */
  golanes_goroutines_panel_set_filter (GOLANES_GOROUTINES_PANEL (panel), "no such function");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  display_assert_shows (panel, "0 start functions shown");
  golanes_goroutines_panel_set_filter (GOLANES_GOROUTINES_PANEL (panel), "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_groups);

  golanes_panel_set_document (GOLANES_PANEL (panel), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (view_model (get_column_view (panel, 0))), ==, 0);

  gtk_window_destroy (window);
  recorder_clear (&rec);
}

/* Tasks panel */

/* Each type's p50, p90, p99 and max (columns 2 to 5) are the nearest
 * ranks of its complete instances' latencies, sorted here. */
static void
assert_percentiles (GtkColumnView   *view,
                    GolanesTimeline *timeline,
                    gboolean         tasks)
{
  guint n = tasks ? golanes_timeline_get_n_tasks (timeline) : golanes_timeline_get_n_regions (timeline);

  for (guint r = 0; r < g_list_model_get_n_items (view_model (view)); r++)
    {
      GolanesPanelRow *row = view_row (view, r);
      g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
      const double pcts[] = { 50, 90, 99, 100 };

      for (guint i = 0; i < n; i++)
        {
          gint64 start, end;
          guint32 type;
          guint8 flags;

          if (tasks)
            {
              GolanesTimelineTask t_copy;
              const GolanesTimelineTask *t =
                golanes_timeline_get_task (timeline, i, &t_copy) ? &t_copy : NULL;

              type = t->type, start = t->start, end = t->end, flags = t->flags;
            }
          else
            {
              GolanesTimelineRegion g_copy;
              const GolanesTimelineRegion *g =
                golanes_timeline_get_region (timeline, i, &g_copy) ? &g_copy : NULL;

              type = g->type, start = g->start, end = g->end, flags = g->flags;
            }
          if (type == golanes_panel_row_get_id (row) && (flags & (GOLANES_SPAN_OPEN | GOLANES_SPAN_OPEN_START)) == 0)
            {
              gint64 latency = end - start;

              g_array_append_val (latencies, latency);
            }
        }
      if (latencies->len == 0)
        continue;
      g_array_sort (latencies, golanes_compare_int64);
      for (guint k = 0; k < G_N_ELEMENTS (pcts); k++)
        {
          gsize rank = (gsize) ceil (pcts[k] / 100.0 * latencies->len);

          g_assert_cmpint (golanes_panel_row_get_value (row, 2 + k), ==,
                           g_array_index (latencies, gint64, CLAMP (rank, 1, latencies->len) - 1));
        }
    }
}

/* 2,000 request tasks and their regions: the percentiles over many
 * instances with equal latencies, selected without sorting. */
static void
test_tasks_percentiles (void)
{
  g_autoptr(GolanesDocument) document = load_fixture ("servicemini.trace");
  GolanesTimeline *timeline = golanes_document_get_timeline (document);
  GtkWidget *panel = golanes_tasks_panel_new ();
  GtkWindow *window;

  g_assert_cmpuint (golanes_timeline_get_n_tasks (timeline), >=, 2000);
  golanes_panel_set_document (GOLANES_PANEL (panel), document);
  window = show_panel (panel, 640, 600);
  assert_percentiles (get_column_view (panel, 0), timeline, TRUE);
  assert_percentiles (get_column_view (panel, 1), timeline, FALSE);
  gtk_window_destroy (window);
}

static void
test_tasks_panel (void)
{
  g_autoptr(GolanesDocument) document = load_fixture ("annotations.trace");
  GolanesTimeline *timeline = golanes_document_get_timeline (document);
  g_autoptr(GHashTable) task_types = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) region_types = g_hash_table_new (NULL, NULL);
  GtkWidget *panel = golanes_tasks_panel_new ();
  GtkColumnView *task_view;
  GtkColumnView *region_view;
  GolanesPanelRow *row;
  GtkWindow *window;
  Recorder rec;
  guint n_tasks = golanes_timeline_get_n_tasks (timeline);
  guint n_regions = golanes_timeline_get_n_regions (timeline);
  guint n_incomplete = 0;
  gint64 sum = 0;
  gint64 lo = G_MAXINT64;
  gint64 hi = G_MININT64;
  guint n_instances = 0;

  g_assert_cmpuint (n_tasks, >, 0);
  g_assert_cmpuint (n_regions, >, 0);
  for (guint i = 0; i < n_tasks; i++)
    {
      GolanesTimelineTask task_copy;
      const GolanesTimelineTask *task =
        golanes_timeline_get_task (timeline, i, &task_copy) ? &task_copy : NULL;

      g_hash_table_add (task_types, GUINT_TO_POINTER (task->type));
      if (task->flags & (GOLANES_SPAN_OPEN | GOLANES_SPAN_OPEN_START))
        n_incomplete++;
    }
  for (guint i = 0; i < n_regions; i++)
    g_hash_table_add (region_types, GUINT_TO_POINTER (golanes_timeline_get_region_type (timeline, i)));

  recorder_connect (&rec, panel);
  golanes_panel_set_document (GOLANES_PANEL (panel), document);
  window = show_panel (panel, 640, 600);

  task_view = get_column_view (panel, 0);
  region_view = get_column_view (panel, 1);
  g_assert_cmpuint (g_list_model_get_n_items (view_model (task_view)), ==, g_hash_table_size (task_types));
  g_assert_cmpuint (g_list_model_get_n_items (view_model (region_view)), ==, g_hash_table_size (region_types));

  /* Counts and incomplete counts add up to the timeline's. */
  for (guint i = 0; i < g_list_model_get_n_items (view_model (task_view)); i++)
    sum += golanes_panel_row_get_value (view_row (task_view, i), 0);
  g_assert_cmpint (sum, ==, n_tasks);
  sum = 0;
  for (guint i = 0; i < g_list_model_get_n_items (view_model (task_view)); i++)
    sum += golanes_panel_row_get_value (view_row (task_view, i), 1);
  g_assert_cmpint (sum, ==, n_incomplete);
  sum = 0;
  for (guint i = 0; i < g_list_model_get_n_items (view_model (region_view)); i++)
    sum += golanes_panel_row_get_value (view_row (region_view, i), 0);
  g_assert_cmpint (sum, ==, n_regions);
  assert_percentiles (task_view, timeline, TRUE);
  assert_percentiles (region_view, timeline, FALSE);

  sort_by (region_view, "Count", GTK_SORT_DESCENDING);
  assert_sorted (region_view, 0, FALSE);
  sort_by (region_view, "Max", GTK_SORT_ASCENDING);
  assert_sorted (region_view, 5, TRUE);
  sort_by (region_view, "Count", GTK_SORT_DESCENDING);

  /* Selecting a region type: its instances, and the range they span. */
  row = view_row (region_view, 0);
  for (guint i = 0; i < n_regions; i++)
    {
      GolanesTimelineRegion region_copy;
      const GolanesTimelineRegion *region =
        golanes_timeline_get_region (timeline, i, &region_copy) ? &region_copy : NULL;

      if (region->type == golanes_panel_row_get_id (row))
        {
          lo = MIN (lo, region->start);
          hi = MAX (hi, region->end);
          n_instances++;
        }
    }
  g_assert_cmpint (golanes_panel_row_get_value (row, 0), ==, n_instances);
  select_row (region_view, 0);
  g_assert_cmpuint (rec.n_ranges, ==, 1);
  g_assert_cmpint (rec.range_start, ==, lo);
  g_assert_cmpint (rec.range_end, ==, hi);
  g_assert_nonnull (rec.highlight);
  g_assert_cmpuint (golanes_highlight_get_n_spans (rec.highlight), ==, n_instances);
  g_assert_cmpstr (golanes_highlight_get_label (rec.highlight), ==, golanes_panel_row_get_label (row));

  gtk_stack_set_visible_child_name (GTK_STACK (find_widget (panel, GTK_TYPE_STACK)), "regions");
  screenshot (window, "screenshot-tasks-panel.png");

  /* And a task type. */
  select_row (task_view, 0);
  g_assert_cmpuint (rec.n_ranges, ==, 2);
  g_assert_cmpuint (golanes_highlight_get_n_spans (rec.highlight), ==,
                    golanes_panel_row_get_value (view_row (task_view, 0), 0));

  gtk_window_destroy (window);
  recorder_clear (&rec);
}

/* Blocking panel */

typedef struct
{
  guint   n_spans;
  gint64  delay;
  guint   n_stacks;
  guint   n_reasons;
} ProfileTotals;

/* The document's profile for @profile: what `go tool trace -pprof`
 * gives, as the analysis suite checks. */
static void
profile_totals (GolanesDocument             *document,
                GolanesBlockingPanelProfile  profile,
                ProfileTotals               *out)
{
  static const GolanesBlockingKind kinds[] = {
    [GOLANES_BLOCKING_PANEL_SYNC] = GOLANES_BLOCKING_SYNC,
    [GOLANES_BLOCKING_PANEL_NET] = GOLANES_BLOCKING_NET,
    [GOLANES_BLOCKING_PANEL_SYSCALL] = GOLANES_BLOCKING_SYSCALL,
    [GOLANES_BLOCKING_PANEL_SCHED] = GOLANES_BLOCKING_SCHED,
  };
  GolanesBlocking *blocking = golanes_document_get_blocking (document, kinds[profile]);

  memset (out, 0, sizeof *out);
  out->n_spans = (guint) golanes_blocking_get_total_count (blocking);
  out->delay = golanes_blocking_get_total_delay (blocking);
  golanes_blocking_get_records (blocking, &out->n_stacks);
  golanes_blocking_get_reasons (blocking, &out->n_reasons);
}

static gint64
sum_values (GtkColumnView *view,
            guint          value_index)
{
  gint64 sum = 0;

  for (guint i = 0; i < g_list_model_get_n_items (view_model (view)); i++)
    sum += golanes_panel_row_get_value (view_row (view, i), value_index);
  return sum;
}

static void
test_blocking_panel (void)
{
  g_autoptr(GolanesDocument) document = load_fixture ("chansel.trace");
  GolanesTimeline *timeline = golanes_document_get_timeline (document);
  GtkWidget *panel = golanes_blocking_panel_new ();
  GolanesBlockingPanel *blocking = GOLANES_BLOCKING_PANEL (panel);
  GtkColumnView *stack_view;
  GtkColumnView *reason_view;
  GolanesPanelRow *row;
  GtkWindow *window;
  ProfileTotals totals;
  Recorder rec;
  gint64 delay;

  recorder_connect (&rec, panel);
  golanes_panel_set_document (GOLANES_PANEL (blocking), document);
  window = show_panel (panel, 560, 860);
  stack_view = get_column_view (panel, 0);
  reason_view = get_column_view (panel, 1);

  /* Synchronization: the rows are the document's profile. */
  g_assert_cmpint (golanes_blocking_panel_get_profile (blocking), ==, GOLANES_BLOCKING_PANEL_SYNC);
  profile_totals (document, GOLANES_BLOCKING_PANEL_SYNC, &totals);
  g_assert_cmpuint (totals.n_spans, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (view_model (stack_view)), ==, totals.n_stacks);
  g_assert_cmpuint (g_list_model_get_n_items (view_model (reason_view)), ==, totals.n_reasons);
  g_assert_cmpint (sum_values (stack_view, 0), ==, totals.n_spans);
  g_assert_cmpint (sum_values (stack_view, 1), ==, totals.delay);
  g_assert_cmpint (sum_values (reason_view, 0), ==, totals.n_spans);
  g_assert_cmpint (sum_values (reason_view, 1), ==, totals.delay);

  sort_by (stack_view, "Count", GTK_SORT_ASCENDING);
  assert_sorted (stack_view, 0, TRUE);
  sort_by (stack_view, "Delay", GTK_SORT_DESCENDING);
  assert_sorted (stack_view, 1, FALSE);
  row = view_row (stack_view, 0);
  delay = golanes_panel_row_get_value (row, 1);
  g_assert_cmpint (golanes_panel_row_get_value (row, 2), ==, (gint64) (10000.0 * delay / totals.delay + 0.5));

  /* Selecting a stack shows it and highlights the spans charged to it:
   * goroutine state spans that start with that stack, within the trace. */
  g_assert_cmpstr (golanes_blocking_panel_get_stack_text (blocking), ==, "");
  select_row (stack_view, 0);
  g_assert_nonnull (rec.highlight);
  g_assert_cmpuint (golanes_highlight_get_n_spans (rec.highlight), >, 0);
  {
    const GolanesHighlightSpan *spans;
    guint n_spans;

    spans = golanes_highlight_get_spans (rec.highlight, &n_spans);
    for (guint i = 0; i < n_spans; i++)
      {
        int index = golanes_timeline_lookup_goroutine (timeline, spans[i].goid);
        GolanesSpan span;
        int at;

        g_assert_cmpint (index, >=, 0);
        at = golanes_track_find_at (golanes_timeline_get_goroutine_states (timeline, index), spans[i].start);
        g_assert_cmpint (at, >=, 0);
        golanes_track_get_span (golanes_timeline_get_goroutine_states (timeline, index), at, &span);
        g_assert_cmpint (span.start, ==, spans[i].start);
        g_assert_cmpint (span.end, ==, spans[i].end);
        /* The profile's stacks are in its own table: the same PCs. */
        {
          GolanesStackTable *own = golanes_blocking_get_stack_table (golanes_document_get_blocking (document, GOLANES_BLOCKING_SYNC));
          const GolanesFrame *fa, *fb;
          guint nfa = 0, nfb = 0;

          g_assert_true (own != golanes_timeline_get_stack_table (timeline));
          fa = golanes_stack_table_get_frames (golanes_timeline_get_stack_table (timeline), span.arg, &nfa);
          fb = golanes_stack_table_get_frames (own, golanes_panel_row_get_id (row), &nfb);
          g_assert_cmpuint (nfa, ==, nfb);
          g_assert_cmpuint (nfa, >, 0);
          for (guint f = 0; f < nfa; f++)
            g_assert_cmpuint (fa[f].pc, ==, fb[f].pc);
        }
        g_assert_cmpint (span.state, ==, GOLANES_G_WAITING);
      }
  }
  {
    g_auto(GStrv) top = g_strsplit (golanes_panel_row_get_label (row), " ← ", 2);

    g_assert_true (g_str_has_prefix (golanes_blocking_panel_get_stack_text (blocking), top[0]));
    if (top[1] != NULL)
      g_assert_nonnull (strstr (golanes_blocking_panel_get_stack_text (blocking), top[1]));
  }
  g_assert_nonnull (strstr (golanes_blocking_panel_get_stack_text (blocking), ".go:"));
  display_assert_shows (panel, golanes_blocking_panel_get_stack_text (blocking));

  screenshot (window, "screenshot-blocking-panel.png");

  /* The scheduler profile, switched with its toggle button. */
  {
    g_autoptr(GPtrArray) toggles = g_ptr_array_new ();
    GtkWidget *box = gtk_widget_get_parent (find_widget (panel, GTK_TYPE_TOGGLE_BUTTON));

    for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
      g_ptr_array_add (toggles, child);
    g_assert_cmpuint (toggles->len, ==, 4);
    gtk_toggle_button_set_active (toggles->pdata[GOLANES_BLOCKING_PANEL_SCHED], TRUE);
  }
  g_assert_cmpint (golanes_blocking_panel_get_profile (blocking), ==, GOLANES_BLOCKING_PANEL_SCHED);
  g_assert_cmpstr (golanes_blocking_panel_get_stack_text (blocking), ==, "");
  profile_totals (document, GOLANES_BLOCKING_PANEL_SCHED, &totals);
  g_assert_cmpuint (totals.n_spans, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (view_model (stack_view)), ==, totals.n_stacks);
  g_assert_cmpint (sum_values (stack_view, 0), ==, totals.n_spans);
  g_assert_cmpint (sum_values (stack_view, 1), ==, totals.delay);

  /* Network and syscalls, set directly. */
  golanes_blocking_panel_set_profile (blocking, GOLANES_BLOCKING_PANEL_SYSCALL);
  profile_totals (document, GOLANES_BLOCKING_PANEL_SYSCALL, &totals);
  g_assert_cmpuint (g_list_model_get_n_items (view_model (stack_view)), ==, totals.n_stacks);
  g_assert_cmpint (sum_values (stack_view, 0), ==, totals.n_spans);
  golanes_blocking_panel_set_profile (blocking, GOLANES_BLOCKING_PANEL_NET);
  profile_totals (document, GOLANES_BLOCKING_PANEL_NET, &totals);
  g_assert_cmpuint (g_list_model_get_n_items (view_model (stack_view)), ==, totals.n_stacks);

  golanes_panel_set_document (GOLANES_PANEL (blocking), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (view_model (get_column_view (panel, 0))), ==, 0);

  gtk_window_destroy (window);
  recorder_clear (&rec);
}

/* The base class */

/* A panel that records what its base class tells it. */
#define TEST_TYPE_PANEL (test_panel_get_type ())

G_DECLARE_FINAL_TYPE (TestPanel, test_panel, TEST, PANEL, GolanesPanel)

struct _TestPanel
{
  GolanesPanel     parent_instance;

  guint            n_changed;
  GolanesDocument *previous;   /* as last told, not a reference */
};

G_DEFINE_FINAL_TYPE (TestPanel, test_panel, GOLANES_TYPE_PANEL)

static void
test_panel_document_changed (GolanesPanel    *panel,
                             GolanesDocument *previous)
{
  TestPanel *self = TEST_PANEL (panel);

  self->n_changed++;
  self->previous = previous;
  /* The previous document lives for the call. */
  if (previous != NULL)
    g_assert_nonnull (golanes_document_get_timeline (previous));
}

static void
test_panel_class_init (TestPanelClass *klass)
{
  GOLANES_PANEL_CLASS (klass)->document_changed = test_panel_document_changed;
}

static void
test_panel_init (TestPanel *self)
{
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
test_base (void)
{
  g_autoptr(GolanesDocument) first = load_fixture ("annotations.trace");
  g_autoptr(GolanesDocument) second = load_fixture ("chansel.trace");
  g_autoptr(GolanesHighlight) highlight = golanes_highlight_new ("spans");
  GtkWidget *widget = g_object_ref_sink (g_object_new (TEST_TYPE_PANEL, NULL));
  GolanesPanel *panel = GOLANES_PANEL (widget);
  TestPanel *test = TEST_PANEL (widget);
  GolanesDocument *document = NULL;
  guint n_notify = 0;
  Recorder rec;

  g_assert_true (G_TYPE_IS_ABSTRACT (GOLANES_TYPE_PANEL));
  g_assert_true (g_type_is_a (GOLANES_TYPE_GC_PANEL, GOLANES_TYPE_PANEL));
  g_assert_true (g_type_is_a (GOLANES_TYPE_GOROUTINES_PANEL, GOLANES_TYPE_PANEL));
  g_assert_true (g_type_is_a (GOLANES_TYPE_TASKS_PANEL, GOLANES_TYPE_PANEL));
  g_assert_true (g_type_is_a (GOLANES_TYPE_BLOCKING_PANEL, GOLANES_TYPE_PANEL));
  g_assert_null (golanes_panel_get_document (panel));
  g_signal_connect (widget, "notify::document", G_CALLBACK (count_cb), &n_notify);

  golanes_panel_set_document (panel, first);
  g_assert_true (golanes_panel_get_document (panel) == first);
  g_assert_cmpuint (test->n_changed, ==, 1);
  g_assert_null (test->previous);
  g_assert_cmpuint (n_notify, ==, 1);

  /* The same document again, as when a part of it is computed: the
   * subclass is told, the property does not change. */
  golanes_panel_set_document (panel, first);
  g_assert_cmpuint (test->n_changed, ==, 2);
  g_assert_true (test->previous == first);
  g_assert_cmpuint (n_notify, ==, 1);

  /* Through the property. */
  g_object_set (widget, "document", second, NULL);
  g_assert_cmpuint (test->n_changed, ==, 3);
  g_assert_true (test->previous == first);
  g_assert_cmpuint (n_notify, ==, 2);
  g_object_get (widget, "document", &document, NULL);
  g_assert_true (document == second);
  g_clear_pointer (&document, golanes_document_unref);

  golanes_panel_set_document (panel, NULL);
  g_assert_null (golanes_panel_get_document (panel));
  g_assert_cmpuint (test->n_changed, ==, 4);
  g_assert_true (test->previous == second);
  g_assert_cmpuint (n_notify, ==, 3);

  /* The signals, as a subclass emits them. */
  recorder_connect (&rec, widget);
  golanes_panel_activate_range (panel, 10, 20);
  g_assert_cmpuint (rec.n_ranges, ==, 1);
  g_assert_cmpint (rec.range_start, ==, 10);
  g_assert_cmpint (rec.range_end, ==, 20);
  golanes_panel_activate_goroutine (panel, 7);
  g_assert_cmpuint (rec.n_goroutines, ==, 1);
  g_assert_cmpint (rec.goid, ==, 7);
  golanes_panel_highlight (panel, highlight);
  g_assert_true (rec.highlight == highlight);
  golanes_panel_highlight (panel, NULL);
  g_assert_cmpuint (rec.n_highlights, ==, 2);
  g_assert_null (rec.highlight);

  recorder_clear (&rec);
  g_object_unref (widget);
}

/* In the trace view */

typedef struct
{
  GolanesTraceView    *view;
  GolanesTraceSummary *summary;
  GError              *error;
  gboolean             done;
} LoadWait;

/* As the window does: the view has the summary before the main loop runs
 * again, so it hears every part's "part-done". */
static void
trace_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  LoadWait *load = data;

  load->summary = golanes_trace_loader_load_finish (result, &load->error);
  if (load->summary != NULL)
    golanes_trace_view_set_summary (load->view, load->summary);
  load->done = TRUE;
}

/* The text of a panel's status area (first in its box), or NULL. */
static const char *
panel_status_text (GtkWidget *panel)
{
  return golanes_panel_status_get_text (gtk_widget_get_first_child (gtk_widget_get_first_child (panel)));
}

static gboolean
is_shown (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/* The busy indicator of a panel's status area. */
static GolanesBusy *
panel_busy (GtkWidget *panel)
{
  return GOLANES_BUSY (gtk_widget_get_first_child (gtk_widget_get_first_child (gtk_widget_get_first_child (panel))));
}

/* @node drawn into a new image of @width x @height, on white when
 * @opaque. */
static cairo_surface_t *
node_image (GskRenderNode *node,
            int            width,
            int            height,
            gboolean       opaque)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  if (opaque)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
    }
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* How @widget looks now, drawn through its paintable, on white when
 * @opaque. */
static cairo_surface_t *
widget_image (GtkWidget *widget,
              gboolean   opaque)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  return node_image (node, width, height, opaque);
}

/* Draws @busy as it is now; returns the image and, in *ink, how many of
 * its pixels are not transparent. */
static cairo_surface_t *
draw_busy (GolanesBusy *busy,
           guint       *ink)
{
  int width = gtk_widget_get_width (GTK_WIDGET (busy));
  int height = gtk_widget_get_height (GTK_WIDGET (busy));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;

  g_assert_cmpint (width, >=, 16);
  g_assert_cmpint (height, >=, 16);
  /* Its own drawing, not the paintable of the last frame: the step timer
   * may have asked for a new frame (and dropped the last) just before. */
  GTK_WIDGET_GET_CLASS (busy)->snapshot (GTK_WIDGET (busy), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  surface = node_image (node, width, height, FALSE);
  *ink = 0;
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    {
      const guint32 *row = (const guint32 *) (gpointer) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface));

      for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
        *ink += (row[x] >> 24) != 0;
    }
  return surface;
}

/* Saves how @widget looks now, for the eye. */
static void
save_widget_png (GtkWidget  *widget,
                 const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  cairo_surface_t *surface = widget_image (widget, TRUE);

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_test_message ("screenshot: %s", path);
}

/* Pixels that differ between two images of the same size. */
static guint
count_changed_surface_pixels (cairo_surface_t *sa,
                              cairo_surface_t *sb)
{
  guint n = 0;

  g_assert_cmpint (cairo_image_surface_get_width (sa), ==, cairo_image_surface_get_width (sb));
  g_assert_cmpint (cairo_image_surface_get_height (sa), ==, cairo_image_surface_get_height (sb));
  for (int y = 0; y < cairo_image_surface_get_height (sa); y++)
    {
      const guint32 *ra = (const guint32 *) (gpointer) (cairo_image_surface_get_data (sa) + y * cairo_image_surface_get_stride (sa));
      const guint32 *rb = (const guint32 *) (gpointer) (cairo_image_surface_get_data (sb) + y * cairo_image_surface_get_stride (sb));

      for (int x = 0; x < cairo_image_surface_get_width (sa); x++)
        n += ra[x] != rb[x];
    }
  return n;
}

static gboolean
load_done (gpointer data)
{
  return ((LoadWait *) data)->done;
}

static gboolean
analyses_done (gpointer data)
{
  /* Done, and every panel filled in with what they computed. */
  return golanes_analyses_is_done (data) && _golanes_trace_view_get_n_refreshing () == 0;
}

/* The button labelled @label under @widget, or NULL. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean flame_has_tree (gpointer data);

static void
test_trace_view (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "fixtures", "go1.26", "annotations.trace", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GolanesHighlight) highlight = golanes_highlight_new ("spans");
  GtkWidget *view = golanes_trace_view_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  LoadWait load = { GOLANES_TRACE_VIEW (view), NULL, NULL, FALSE };
  g_autoptr(GListModel) pages = NULL;
  GtkWidget *stack;
  GolanesAnalyses *analyses;
  GolanesSession *session;
  GolanesTimeline *timeline;
  gint64 trace_start;
  gint64 trace_end;
  gint64 goid;
  guint n_pages;

  gtk_window_set_default_size (window, 1280, 800);
  gtk_window_set_child (window, view);
  gtk_window_present (window);

  /* The analysis parts wait until they are let go, so that the panels
   * first have the document without their parts, however slow the
   * machine. */
  _golanes_analyses_hold (TRUE);
  golanes_trace_loader_load_async (file, NULL, NULL, NULL, NULL, NULL, trace_loaded_cb, &load);
  g_assert_true (display_wait_until (load_done, &load, DISPLAY_WAIT_MSEC));
  g_assert_no_error (load.error);
  g_assert_nonnull (load.summary);
  stack = gtk_widget_get_parent (golanes_trace_view_get_panel (GOLANES_TRACE_VIEW (view), "gc"));
  /* The flame graph's CPU samples are in the timeline, which is ready. */
  for (GtkWidget *panel = gtk_widget_get_first_child (stack); panel; panel = gtk_widget_get_next_sibling (panel))
    g_assert_cmpstr (panel_status_text (panel), ==,
                     GOLANES_IS_FLAME_PANEL (panel) || GOLANES_IS_CRITICAL_PATH_PANEL (panel) ? NULL : "Computing…");
  /* The shown panel's busy indicator turns and draws the turn; a hidden
   * panel's waits, without a timer. */
  {
    GtkWidget *gc = golanes_trace_view_get_panel (GOLANES_TRACE_VIEW (view), "gc");
    GolanesBusy *shown = panel_busy (gc);
    GolanesBusy *hidden = panel_busy (golanes_trace_view_get_panel (GOLANES_TRACE_VIEW (view), "blocking"));
    cairo_surface_t *before, *after;
    guint steps, ink_before, ink_after;

    gtk_stack_set_visible_child (GTK_STACK (stack), gc);
    g_assert_true (display_wait_until (is_shown, shown, DISPLAY_WAIT_MSEC));
    g_assert_true (golanes_busy_get_spinning (shown));
    g_assert_true (golanes_busy_get_spinning (hidden));
    g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (hidden)));
    steps = golanes_busy_get_steps (shown);
    before = draw_busy (shown, &ink_before);
    display_spin (250);
    g_assert_true (golanes_busy_get_spinning (shown));
    after = draw_busy (shown, &ink_after);
    g_assert_cmpuint (golanes_busy_get_steps (shown), >=, steps + 2);
    g_assert_cmpuint (golanes_busy_get_steps (hidden), ==, 0);
    /* A ring of 16 px with a quarter drawn strong: tens of pixels. */
    g_assert_cmpuint (ink_before, >, 40);
    g_assert_cmpuint (ink_after, >, 40);
    g_assert_cmpuint (count_changed_surface_pixels (before, after), >, 0);
    cairo_surface_destroy (before);
    cairo_surface_destroy (after);
    save_widget_png (gc, "panel-computing.png");
  }
  /* Given the same document again as each part is done, they fill in. */
  analyses = golanes_trace_view_get_analyses (GOLANES_TRACE_VIEW (view));
  g_assert_nonnull (analyses);
  g_assert_false (golanes_analyses_is_done (analyses));
  _golanes_analyses_hold (FALSE);
  g_assert_true (display_wait_until (analyses_done, analyses, DISPLAY_WAIT_MSEC));
  /* Done: no panel's indicator turns any more. */
  {
    GolanesBusy *shown = panel_busy (golanes_trace_view_get_panel (GOLANES_TRACE_VIEW (view), "gc"));
    guint steps = golanes_busy_get_steps (shown);

    g_assert_false (golanes_busy_get_spinning (shown));
    display_spin (150);
    g_assert_cmpuint (golanes_busy_get_steps (shown), ==, steps);
  }

  session = golanes_trace_view_get_session (GOLANES_TRACE_VIEW (view));
  timeline = golanes_document_get_timeline (load.summary->document);
  trace_start = golanes_session_get_start_time (session);
  trace_end = golanes_session_get_end_time (session);
  g_assert_cmpuint (golanes_timeline_get_n_goroutines (timeline), >, 0);
  goid = golanes_timeline_get_goroutine_id (timeline, 0);

  pages = G_LIST_MODEL (gtk_stack_get_pages (GTK_STACK (stack)));
  n_pages = g_list_model_get_n_items (pages);
  g_assert_cmpuint (n_pages, ==, 6);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (pages, i);
      GtkStackPage *page = GTK_STACK_PAGE (item);
      const char *name = gtk_stack_page_get_name (page);
      GtkWidget *panel = gtk_stack_page_get_child (page);
      GolanesDocument *document = NULL;
      const GolanesSessionInterval *intervals;
      guint n_intervals = 0;
      guint goroutine = G_MAXUINT;
      guint span = G_MAXUINT;
      gint64 start = trace_start + (trace_end - trace_start) / 4 + (gint64) i * 1000;
      gint64 end = start + (trace_end - trace_start) / 8;
      gint64 visible_start;
      gint64 visible_end;

      g_test_message ("panel %s", name);
      g_assert_true (GOLANES_IS_PANEL (panel));
      g_assert_true (golanes_trace_view_get_panel (GOLANES_TRACE_VIEW (view), name) == panel);
      g_object_get (panel, "document", &document, NULL);
      g_assert_true (document == load.summary->document);
      g_clear_pointer (&document, golanes_document_unref);
      g_assert_null (panel_status_text (panel));

      /* activate-range zooms the timeline to the range, with a margin,
       * and highlights it. */
      golanes_session_zoom_fit (session);
      g_signal_emit_by_name (panel, "activate-range", start, end);
      golanes_session_get_visible (session, &visible_start, &visible_end);
      g_assert_cmpint (visible_start, <, start);
      g_assert_cmpint (visible_end, >, end);
      g_assert_cmpint (visible_end - visible_start, <, (trace_end - trace_start) / 2);
      intervals = golanes_session_get_highlight (session, &n_intervals);
      g_assert_cmpuint (n_intervals, ==, 1);
      g_assert_cmpint (intervals[0].start, ==, start);
      g_assert_cmpint (intervals[0].end, ==, end);

      /* activate-goroutine selects the goroutine's first span. */
      golanes_session_select_span (session, -1, -1);
      g_signal_emit_by_name (panel, "activate-goroutine", goid);
      g_assert_true (golanes_session_get_selected_span (session, &goroutine, &span));
      g_assert_cmpuint (goroutine, ==, 0);
      g_assert_cmpuint (span, ==, 0);

      /* highlight shows the panel's spans; NULL clears them. */
      g_signal_emit_by_name (panel, "highlight", highlight);
      g_assert_cmpstr (golanes_session_get_highlight_label (session), ==, "spans");
      g_signal_emit_by_name (panel, "highlight", NULL);
      golanes_session_get_highlight (session, &n_intervals);
      g_assert_cmpuint (n_intervals, ==, 0);
    }

  /* The blocking panel's "Show as Flame Graph" opens the flame graph of
   * its profile: the network one here, weighted by its delay. */
  {
    GtkWidget *blocking = golanes_trace_view_get_panel (GOLANES_TRACE_VIEW (view), "blocking");
    GtkWidget *flame = golanes_trace_view_get_panel (GOLANES_TRACE_VIEW (view), "flame");
    GtkWidget *button = find_button (blocking, "Show as Flame Graph");
    GolanesCallTree *tree;

    g_assert_nonnull (button);
    golanes_blocking_panel_set_profile (GOLANES_BLOCKING_PANEL (blocking), GOLANES_BLOCKING_PANEL_NET);
    gtk_stack_set_visible_child (GTK_STACK (stack), blocking);
    g_signal_emit_by_name (button, "clicked");
    g_assert_true (gtk_stack_get_visible_child (GTK_STACK (stack)) == flame);
    g_assert_true (display_wait_until (flame_has_tree, golanes_flame_panel_get_graph (GOLANES_FLAME_PANEL (flame)),
                                       DISPLAY_WAIT_MSEC));
    tree = golanes_flame_graph_get_tree (GOLANES_FLAME_GRAPH (golanes_flame_panel_get_graph (GOLANES_FLAME_PANEL (flame))));
    g_assert_cmpint (golanes_call_tree_get_total (tree), ==,
                     golanes_blocking_get_total_delay (golanes_document_get_blocking (load.summary->document,
                                                                                      GOLANES_BLOCKING_NET)));
  }

  gtk_window_destroy (window);
  golanes_trace_summary_free (load.summary);
}


/* GolanesCriticalPathPanel */

static gboolean
path_ready (gpointer data)
{
  return !golanes_critical_path_panel_is_busy (data);
}

/* The session draws exactly @path. */
static void
assert_session_path (GolanesSession      *session,
                     GolanesCriticalPath *path)
{
  const GolanesCritSegment *want, *got;
  guint n_want, n_got;

  want = golanes_critical_path_get_segments (path, &n_want);
  got = golanes_session_get_critical_path (session, &n_got);
  g_assert_cmpuint (n_got, ==, n_want);
  for (guint i = 0; i < n_want; i++)
    {
      g_assert_cmpint (got[i].start, ==, want[i].start);
      g_assert_cmpint (got[i].end, ==, want[i].end);
      g_assert_cmpuint (got[i].goroutine, ==, want[i].goroutine);
      g_assert_cmpuint (got[i].kind, ==, want[i].kind);
    }
}

/* Each kind of @b is a row "Title\tduration\tshare" of the panel. */
static void
assert_kind_rows (const char                 *text,
                  const GolanesCritBreakdown *b)
{
  static const char *titles[] = { "Running", "Runnable", "Waiting", "Syscall", "GC",
                                  "Stop-the-world" };

  for (guint k = 0; k < GOLANES_CRIT_N_KINDS; k++)
    {
      g_autofree char *duration = golanes_panel_format_duration (b->by_kind[k] / MAX (b->n_paths, 1));
      g_autofree char *row = g_strdup_printf ("\n%s\t%s\t", titles[k], duration);

      if (b->by_kind[k] > 0 && strstr (text, row) == NULL)
        g_error ("no row %s in:\n%s", row + 1, text);
    }
}

/* Pixels that differ between two screenshots of the same size. */
static guint
count_changed_pixels (const char *a,
                      const char *b)
{
  cairo_surface_t *sa = cairo_image_surface_create_from_png (a);
  cairo_surface_t *sb = cairo_image_surface_create_from_png (b);
  guint n;

  g_assert_cmpint (cairo_surface_status (sa), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_status (sb), ==, CAIRO_STATUS_SUCCESS);
  n = count_changed_surface_pixels (sa, sb);
  cairo_surface_destroy (sa);
  cairo_surface_destroy (sb);
  return n;
}

/* GOLANES_CRITPATH_SCREENSHOT_TRACE: another trace with "request" tasks
 * (the service benchmark's) for the screenshots of the docs. */
static void
test_critical_path_panel (void)
{
  g_autofree char *path = g_getenv ("GOLANES_CRITPATH_SCREENSHOT_TRACE") != NULL ?
    g_strdup (g_getenv ("GOLANES_CRITPATH_SCREENSHOT_TRACE")) :
    g_test_build_filename (G_TEST_DIST, "..", "fixtures", "go1.26", "servicemini.trace", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *with_path = g_test_build_filename (G_TEST_BUILT, "screenshot-critical-path.png", NULL);
  g_autofree char *without_path = g_test_build_filename (G_TEST_BUILT, "screenshot-critical-path-cleared.png", NULL);
  GtkWidget *view = golanes_trace_view_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  LoadWait load = { GOLANES_TRACE_VIEW (view), NULL, NULL, FALSE };
  GolanesCriticalPathPanel *panel;
  GolanesDetailsPanel *details;
  GtkWidget *stack, *tasks;
  GolanesSession *session;
  GolanesTimeline *timeline;
  GolanesStackTable *strings;
  g_autoptr(GolanesCriticalPath) expected = NULL;
  g_autoptr(GolanesCritBreakdown) breakdown = golanes_crit_breakdown_new ();
  g_autoptr(GolanesCritAggregate) aggregate = NULL;
  g_autofree char *text = NULL;
  g_autofree char *heading = NULL;
  gint longest = -1;
  GolanesTimelineTask longest_task;
  guint goroutine, span, n_segments, n_goroutines = 0;
  Recorder rec;

  gtk_window_set_default_size (window, 1600, 1000);
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  golanes_trace_loader_load_async (file, NULL, NULL, NULL, NULL, NULL, trace_loaded_cb, &load);
  g_assert_true (display_wait_until (load_done, &load, DISPLAY_WAIT_MSEC));
  g_assert_no_error (load.error);
  g_assert_true (display_wait_until (analyses_done, golanes_trace_view_get_analyses (GOLANES_TRACE_VIEW (view)),
                                     DISPLAY_WAIT_MSEC));

  session = golanes_trace_view_get_session (GOLANES_TRACE_VIEW (view));
  timeline = golanes_document_get_timeline (load.summary->document);
  strings = golanes_timeline_get_stack_table (timeline);
  panel = GOLANES_CRITICAL_PATH_PANEL (golanes_trace_view_get_panel (GOLANES_TRACE_VIEW (view), "critical-path"));
  details = golanes_trace_view_get_details (GOLANES_TRACE_VIEW (view));
  stack = gtk_widget_get_parent (GTK_WIDGET (panel));
  recorder_connect (&rec, GTK_WIDGET (panel));

  /* Nothing selected: the page says how to ask. */
  gtk_stack_set_visible_child (GTK_STACK (stack), GTK_WIDGET (panel));
  display_assert_shows (GTK_WIDGET (panel), "Why Did It Take So Long?");

  /* The longest complete request task. */
  memset (&longest_task, 0, sizeof longest_task);
  for (guint i = 0; i < golanes_timeline_get_n_tasks (timeline); i++)
    {
      GolanesTimelineTask t_copy;
      const GolanesTimelineTask *t = golanes_timeline_get_task (timeline, i, &t_copy) ? &t_copy : NULL;

      if ((t->flags & (GOLANES_SPAN_OPEN | GOLANES_SPAN_OPEN_START)) == 0 &&
          g_strcmp0 (golanes_stack_table_get_string (strings, t->type, NULL), "request") == 0 &&
          (longest < 0 || t->end - t->start > longest_task.end - longest_task.start))
        {
          longest = (gint) i;
          longest_task = *t;
        }
    }
  g_assert_cmpint (longest, >=, 0);
  expected = golanes_critical_path_new_for_task (timeline, (guint) longest, NULL);
  g_assert_nonnull (expected);
  golanes_crit_breakdown_add (breakdown, timeline, expected);
  golanes_crit_breakdown_finish (breakdown);

  /* Selected on the timeline, the task's details offer its path; the
   * action computes it, shows the page and draws it. */
  golanes_session_select_task (session, longest);
  heading = g_strdup_printf ("Task %" G_GUINT64_FORMAT " “request”", longest_task.id);
  display_assert_shows (GTK_WIDGET (details), heading);
  g_assert_nonnull (golanes_details_panel_get_path_button (details));
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "gc");
  g_assert_true (gtk_widget_activate_action (view, "trace.critical-path", NULL));
  g_assert_true (gtk_stack_get_visible_child (GTK_STACK (stack)) == GTK_WIDGET (panel));
  g_assert_true (display_wait_until (path_ready, panel, DISPLAY_WAIT_MSEC));
  g_assert_cmpstr (golanes_critical_path_panel_get_heading (panel), ==, heading);
  assert_session_path (session, expected);
  text = golanes_critical_path_panel_dup_text (panel);
  g_test_message ("%s", text);
  assert_kind_rows (text, breakdown);
  /* The goroutines on the path, each a row; its steps, each a row. */
  golanes_critical_path_get_segments (expected, &n_segments);
  n_goroutines = breakdown->by_goroutine->len;
  for (guint i = 0; i < MIN (n_goroutines, 50); i++)
    {
      const GolanesCritEntry *e = &g_array_index (breakdown->by_goroutine, GolanesCritEntry, i);
      g_autofree char *row = g_strdup_printf ("\nG%" G_GINT64_FORMAT " ", golanes_timeline_get_goroutine_id (timeline, e->key));

      g_assert_nonnull (strstr (text, row));
    }
  g_assert_nonnull (strstr (text, "## Steps\n"));
  g_assert_cmpuint (g_strv_length (g_strsplit (strstr (text, "## Steps\n"), "\n", -1)), >=, MIN (n_segments, 500));

  /* Zoomed to the path, the timeline shows it: rings, bars and arrows
   * that go when the path is cleared. */
  g_signal_emit_by_name (panel, "activate-range", golanes_critical_path_get_start (expected),
                         golanes_critical_path_get_end (expected));
  display_spin (300);
  display_save_screenshot (window, with_path);
  golanes_session_set_critical_path (session, NULL, NULL);
  display_spin (300);
  display_save_screenshot (window, without_path);
  g_assert_cmpuint (count_changed_pixels (with_path, without_path), >, 500);
  golanes_critical_path_panel_clear (panel);
  display_assert_shows (GTK_WIDGET (panel), "Why Did It Take So Long?");

  /* A goroutine's span: from the goroutine's start to the span's end. */
  {
    const GolanesCritSegment *segs = golanes_critical_path_get_segments (expected, &n_segments);
    GolanesTrack *states;
    GolanesTimelineGoroutine g;
    g_autoptr(GolanesCriticalPath) want = NULL;

    goroutine = segs[n_segments - 1].goroutine;
    states = golanes_timeline_get_goroutine_states (timeline, goroutine);
    span = (guint) golanes_track_find_at (states, segs[n_segments - 1].end - 1);
    g_assert_true (golanes_timeline_get_goroutine (timeline, goroutine, &g));
    golanes_session_select_span (session, (gint) goroutine, (gint) span);
    g_assert_cmpint (golanes_session_get_selected_task (session), ==, -1);
    g_assert_true (gtk_widget_activate_action (view, "trace.critical-path", NULL));
    g_assert_true (display_wait_until (path_ready, panel, DISPLAY_WAIT_MSEC));
    want = golanes_critical_path_new (timeline, goroutine, MAX (g.created, golanes_timeline_get_start_time (timeline)),
                                      golanes_track_get_end (states, span), NULL);
    assert_session_path (session, want);
    g_assert_true (g_str_has_prefix (golanes_critical_path_panel_get_heading (panel), "Goroutine G"));
  }

  /* Every request: the tasks panel's button shows the type's median and
   * slowest 1%, and draws the median, then the slowest, instance. */
  tasks = golanes_trace_view_get_panel (GOLANES_TRACE_VIEW (view), "tasks");
  gtk_stack_set_visible_child (GTK_STACK (stack), tasks);
  select_row (get_column_view (tasks, 0), 0);
  g_signal_emit_by_name (find_button (tasks, "Critical _Path"), "clicked");
  g_assert_true (gtk_stack_get_visible_child (GTK_STACK (stack)) == GTK_WIDGET (panel));
  g_assert_true (display_wait_until (path_ready, panel, DISPLAY_WAIT_MSEC));
  g_assert_cmpstr (golanes_critical_path_panel_get_heading (panel), ==, "Tasks “request”");
  aggregate = golanes_crit_aggregate_new_for_task_type (timeline, "request");
  assert_session_path (session, golanes_crit_aggregate_get_instance (aggregate,
                                                                    (guint) golanes_crit_aggregate_get_median (aggregate)));
  g_clear_pointer (&text, g_free);
  text = golanes_critical_path_panel_dup_text (panel);
  assert_kind_rows (text, golanes_crit_aggregate_get_median_breakdown (aggregate));
  {
    g_autofree char *summary = g_strdup_printf ("# %u complete instances", golanes_crit_aggregate_get_n_instances (aggregate));

    g_assert_nonnull (strstr (text, summary));
  }
  display_spin (200);
  screenshot (window, "screenshot-critical-path-type.png");

  golanes_critical_path_panel_show_slowest (panel, TRUE);
  assert_session_path (session, expected);
  display_spin (200);
  screenshot (window, "screenshot-critical-path-slowest.png");
  g_clear_pointer (&text, g_free);
  text = golanes_critical_path_panel_dup_text (panel);
  assert_kind_rows (text, golanes_crit_aggregate_get_slowest_breakdown (aggregate));
  g_assert_nonnull (strstr (text, "## Slowest 1%: mean per instance, by kind\n"));

  /* A goroutine row reveals its goroutine. */
  golanes_critical_path_panel_show_slowest (panel, FALSE);
  golanes_critical_path_panel_show_task (panel, (guint) longest);
  g_assert_true (display_wait_until (path_ready, panel, DISPLAY_WAIT_MSEC));
  {
    GtkWidget *list = find_widget (GTK_WIDGET (panel), GTK_TYPE_LIST_BOX);
    GtkListBoxRow *row;

    /* The second list is by goroutine. */
    list = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (list));
    g_assert_true (GTK_IS_LIST_BOX (list));
    row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
    g_signal_emit_by_name (list, "row-activated", row);
    g_assert_cmpuint (rec.n_goroutines, ==, 1);
    g_assert_cmpint (rec.goid, ==, golanes_timeline_get_goroutine_id (timeline,
                                   g_array_index (breakdown->by_goroutine, GolanesCritEntry, 0).key));
  }
  recorder_clear (&rec);
  gtk_window_destroy (window);
  golanes_trace_summary_free (load.summary);
}

/* GolanesFlamePanel */

static gboolean
flame_has_tree (gpointer data)
{
  return golanes_flame_graph_get_tree (GOLANES_FLAME_GRAPH (data)) != NULL &&
         gtk_widget_get_height (GTK_WIDGET (data)) > 0;
}

/* How many pixels of row @row (of GOLANES_FLAME_ROW_HEIGHT) of @surface
 * are painted. */
static guint
flame_row_pixels (cairo_surface_t *surface,
                  guint            row)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int y = (int) row * GOLANES_FLAME_ROW_HEIGHT + GOLANES_FLAME_ROW_HEIGHT / 2;
  guint n = 0;

  for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
    n += data[y * stride + x * 4 + 3] != 0;
  return n;
}

/* The child of @parent named @name, which must exist. */
static guint
child_of (GolanesCallTree *tree,
          guint            parent,
          const char      *name)
{
  guint c = golanes_call_tree_find_child (tree, parent, name);

  g_assert_cmpuint (c, !=, GOLANES_CALL_NODE_NONE);
  return c;
}

static void
test_flame_panel (void)
{
  g_autoptr(GolanesDocument) document = load_fixture ("cpuprof.trace");
  GolanesTimeline *timeline = golanes_document_get_timeline (document);
  g_autoptr(GolanesSession) session = golanes_session_new (document);
  GolanesCpuFilter all = GOLANES_CPU_FILTER_ALL;
  g_autoptr(GolanesCallTree) expected = golanes_call_tree_new_cpu (timeline, &all);
  g_autoptr(GString) expected_folded = g_string_new (NULL);
  g_autofree char *folded = NULL;
  g_autofree char *n_text = NULL;
  g_autoptr(GBytes) pprof = NULL;
  GtkWidget *panel = golanes_flame_panel_new ();
  GolanesFlamePanel *flame = GOLANES_FLAME_PANEL (panel);
  GolanesFlameGraph *graph = GOLANES_FLAME_GRAPH (golanes_flame_panel_get_graph (flame));
  GolanesCallTree *tree;
  guint n_samples = golanes_timeline_get_n_samples (timeline);
  guint goroutine_main, warm, hot, n_depth = 0;
  gint64 goid = -1, goid_samples = 0;
  GtkWindow *window;

  g_assert_cmpuint (n_samples, >, 0);
  golanes_panel_set_document (GOLANES_PANEL (panel), document);
  golanes_flame_panel_set_session (flame, session);
  window = show_panel (panel, 640, 640);
  g_assert_true (display_wait_until (flame_has_tree, graph, DISPLAY_WAIT_MSEC));

  /* The whole trace's samples: every one, as the library counts them. */
  tree = golanes_flame_graph_get_tree (graph);
  g_assert_cmpint (golanes_call_tree_get_total (tree), ==, n_samples);
  golanes_call_tree_write_folded (expected, FALSE, expected_folded);
  folded = golanes_flame_panel_dup_folded (flame);
  g_assert_cmpstr (folded, ==, expected_folded->str);
  n_text = g_strdup_printf ("%u samples", n_samples);
  g_assert_true (g_str_has_prefix (golanes_flame_panel_get_summary (flame), n_text));
  pprof = golanes_flame_panel_dup_pprof (flame, NULL);
  g_assert_nonnull (pprof);
  g_assert_cmpuint (g_bytes_get_size (pprof), >, 20);

  /* Drawn: the root and every level of the deepest stack have frames,
   * the root row spans the width; nothing is drawn below. */
  for (guint i = 0; i < golanes_call_tree_get_n_nodes (tree); i++)
    n_depth = MAX (n_depth, golanes_call_tree_get_node (tree, i)->depth);
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, (int) (n_depth + 3) * GOLANES_FLAME_ROW_HEIGHT);
    cairo_t *cr = cairo_create (surface);
    GolanesFlameParams params = { tree, 0, NULL, NULL, FALSE, FALSE, 600, (int) (n_depth + 3) * GOLANES_FLAME_ROW_HEIGHT, 1 };
    guint drawn = golanes_flame_render (cr, gtk_widget_get_pango_context (panel), &params);

    cairo_surface_flush (surface);
    g_assert_cmpuint (drawn, ==, golanes_call_tree_get_n_nodes (tree));
    g_assert_cmpuint (flame_row_pixels (surface, 0), >=, 598);
    for (guint row = 1; row <= n_depth; row++)
      g_assert_cmpuint (flame_row_pixels (surface, row), >, 0);
    g_assert_cmpuint (flame_row_pixels (surface, n_depth + 1), ==, 0);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  /* The frames under the pointer: the heaviest path from the left. */
  goroutine_main = child_of (tree, child_of (tree, 0, "runtime.goexit"), "main.main.func1");
  warm = child_of (tree, goroutine_main, "main.warm");
  hot = child_of (tree, warm, "main.hot");
  g_assert_cmpuint (golanes_flame_node_at (tree, 0, 600, 5, 3.5 * GOLANES_FLAME_ROW_HEIGHT), ==, warm);
  g_assert_cmpuint (golanes_flame_node_at (tree, 0, 600, 5, 4.5 * GOLANES_FLAME_ROW_HEIGHT), ==, hot);
  g_assert_cmpuint (golanes_flame_node_at (tree, 0, 600, 5, (n_depth + 2) * GOLANES_FLAME_ROW_HEIGHT), ==,
                    GOLANES_CALL_NODE_NONE);
  {
    g_autofree char *tip = golanes_flame_graph_describe (graph, hot);

    g_assert_true (g_str_has_prefix (tip, "main.hot\nSelf: "));
  }

  /* Zoomed into main.warm: its row is the full width, its ancestors stay
   * above it, the breadcrumb leads back. */
  golanes_flame_graph_set_zoom (graph, warm);
  g_assert_cmpuint (golanes_flame_graph_get_zoom (graph), ==, warm);
  g_assert_cmpuint (golanes_flame_node_at (tree, warm, 600, 590, 3.5 * GOLANES_FLAME_ROW_HEIGHT), ==, warm);
  g_assert_cmpuint (golanes_flame_node_at (tree, warm, 600, 590, 0.5 * GOLANES_FLAME_ROW_HEIGHT), ==, 0);
  display_assert_shows (panel, "main.warm");
  display_spin (100);
  screenshot (window, "screenshot-flame-zoomed.png");
  golanes_flame_graph_set_zoom (graph, 0);

  /* Search: main.hot is under every sample; asyncPreempt under some. */
  golanes_flame_panel_set_search (flame, "HOT");
  g_assert_cmpint (golanes_flame_graph_get_matched (graph), ==, golanes_call_tree_match_total (tree, 0, "main.hot"));
  golanes_flame_panel_set_search (flame, "asyncPreempt");
  {
    gint64 matched = golanes_call_tree_match_total (tree, 0, "asyncPreempt");
    g_autofree char *share = g_strdup_printf ("%.1f%%", 100.0 * (double) matched / (double) n_samples);

    g_assert_cmpint (golanes_flame_graph_get_matched (graph), ==, matched);
    g_assert_nonnull (strstr (golanes_flame_panel_get_summary (flame), share));
  }
  golanes_flame_panel_set_search (flame, NULL);

  /* One goroutine's samples: the selected span's goroutine. */
  for (guint i = 0; i < n_samples && goid < 0; i++)
    goid = golanes_timeline_get_sample (timeline, i)->goroutine;
  for (guint i = 0; i < n_samples; i++)
    goid_samples += golanes_timeline_get_sample (timeline, i)->goroutine == goid;
  golanes_session_select_span (session, golanes_timeline_lookup_goroutine (timeline, goid), 0);
  golanes_flame_panel_set_scope (flame, GOLANES_FLAME_SCOPE_GOROUTINE);
  tree = golanes_flame_graph_get_tree (graph);
  g_assert_nonnull (tree);
  g_assert_cmpint (golanes_call_tree_get_total (tree), ==, goid_samples);
  g_assert_cmpint (goid_samples, <, n_samples);

  /* A time selection with no samples in it says so. */
  golanes_flame_panel_set_scope (flame, GOLANES_FLAME_SCOPE_SELECTION);
  golanes_session_set_selection (session, golanes_timeline_get_start_time (timeline),
                                 golanes_timeline_get_start_time (timeline) + 1);
  tree = golanes_flame_graph_get_tree (graph);
  g_assert_nonnull (tree);
  g_assert_cmpint (golanes_call_tree_get_total (tree), ==, 0);
  g_assert_true (g_str_has_prefix (golanes_flame_panel_get_summary (flame), "No CPU samples here"));
  golanes_flame_panel_set_scope (flame, GOLANES_FLAME_SCOPE_ALL);

  /* The blocking profiles, weighted by delay. */
  golanes_flame_panel_set_source (flame, GOLANES_FLAME_SOURCE_SYNC);
  tree = golanes_flame_graph_get_tree (graph);
  g_assert_cmpint (golanes_call_tree_get_total (tree), ==,
                   golanes_blocking_get_total_delay (golanes_document_get_blocking (document, GOLANES_BLOCKING_SYNC)));
  golanes_flame_panel_set_source (flame, GOLANES_FLAME_SOURCE_CPU);
  golanes_flame_panel_show_table (flame, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (view_model (get_column_view (panel, 0))), ==,
                    ({ guint n = 0; golanes_call_tree_get_functions (golanes_flame_graph_get_tree (graph), &n); n; }));
  golanes_flame_panel_show_table (flame, FALSE);
  display_spin (100);
  screenshot (window, "screenshot-flame-panel.png");

  /* A region type: its list is the trace's region types; cpuprof has
   * none, annotations has some but no samples (check-cpu --regions
   * checks which samples a type takes). */
  golanes_flame_panel_set_scope (flame, GOLANES_FLAME_SCOPE_REGION);
  g_assert_null (golanes_flame_graph_get_tree (graph));
  g_assert_true (g_str_has_prefix (golanes_flame_panel_get_summary (flame), "This trace has no regions"));
  {
    g_autoptr(GolanesDocument) annotations = load_fixture ("annotations.trace");
    GolanesTimeline *atl = golanes_document_get_timeline (annotations);
    const char *first = golanes_stack_table_get_string (golanes_timeline_get_stack_table (atl),
                                                        golanes_timeline_get_region_type (atl, 0), NULL);

    golanes_panel_set_document (GOLANES_PANEL (panel), annotations);
    golanes_flame_panel_set_type (flame, first);
    tree = golanes_flame_graph_get_tree (graph);
    g_assert_nonnull (tree);
    g_assert_cmpint (golanes_call_tree_get_total (tree), ==, 0);
    g_assert_true (g_str_has_prefix (golanes_flame_panel_get_summary (flame), "No CPU samples here"));
    golanes_flame_panel_set_scope (flame, GOLANES_FLAME_SCOPE_TASK);
    g_assert_nonnull (golanes_flame_graph_get_tree (graph));
    golanes_panel_set_document (GOLANES_PANEL (panel), document);
  }
  golanes_flame_panel_set_scope (flame, GOLANES_FLAME_SCOPE_ALL);

  /* For the README: the same panel on a trace of one's choice. */
  if (g_getenv ("GOLANES_FLAME_SCREENSHOT_TRACE") != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GolanesDocument) other = golanes_document_load (g_getenv ("GOLANES_FLAME_SCREENSHOT_TRACE"),
                                                                NULL, NULL, NULL, &error);

      g_assert_no_error (error);
      golanes_panel_set_document (GOLANES_PANEL (panel), other);
      gtk_window_set_default_size (window, 900, 700);
      display_spin (300);
      golanes_flame_panel_set_search (flame, "json");
      display_spin (300);
      screenshot (window, "screenshot-flame-search.png");
      golanes_flame_panel_set_search (flame, NULL);
      golanes_flame_panel_set_source (flame, GOLANES_FLAME_SOURCE_SYNC);
      display_spin (300);
      screenshot (window, "screenshot-flame-blocking.png");
      golanes_flame_panel_set_source (flame, GOLANES_FLAME_SOURCE_CPU);
      golanes_flame_panel_show_table (flame, TRUE);
      display_spin (300);
      screenshot (window, "screenshot-flame-top.png");
      golanes_panel_set_document (GOLANES_PANEL (panel), NULL);
    }

  gtk_window_destroy (window);
}

/* Paced rows: a view given many rows gets them over several frames, a
 * few at first, and its model's signals always describe its items. */
typedef struct
{
  GListModel *model;
  GPtrArray  *mirror;      /* the items as the signals tell them */
  GtkWidget  *widget;
  guint       n_steps;
  gint64      last_frame;
  guint       n_same_frame;
} Paced;

static void
paced_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        Paced      *paced)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (paced->widget);
  gint64 frame = clock != NULL ? gdk_frame_clock_get_frame_counter (clock) : -1;

  g_assert_cmpuint (position + removed, <=, paced->mirror->len);
  g_ptr_array_remove_range (paced->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (paced->mirror, position + i, g_list_model_get_item (model, position + i));
  g_assert_cmpuint (paced->mirror->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < paced->mirror->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_assert_true (item == paced->mirror->pdata[i]);
    }
  if (removed == 0 && position == paced->mirror->len - added)
    {
      paced->n_steps++;
      if (frame == paced->last_frame)
        paced->n_same_frame++;
      paced->last_frame = frame;
    }
}

static gboolean
paced_settled (gpointer data)
{
  return golanes_paced_model_is_settled (data);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
bind_string_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static GtkStringList *
numbers (guint n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", i);

      gtk_string_list_append (list, text);
    }
  return list;
}

static void
assert_same_items (GListModel *a,
                   GListModel *b)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(GObject) x = g_list_model_get_item (a, i);
      g_autoptr(GObject) y = g_list_model_get_item (b, i);

      g_assert_true (x == y);
    }
}

static void
test_paced_rows (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_autoptr(GtkStringList) store = numbers (3000);
  g_autoptr(GtkStringList) second = numbers (3000);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GPtrArray) mirror = g_ptr_array_new_with_free_func (g_object_unref);
  GolanesPacedModel *paced_model;
  GtkSingleSelection *selection;
  Paced paced = { 0 };

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_string_cb), NULL);
  gtk_column_view_append_column (view, gtk_column_view_column_new ("n", factory));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (view));
  gtk_window_set_child (window, scrolled);
  gtk_window_set_default_size (window, 400, 600);

  /* Not shown yet: a first few rows, which stay until the view is shown. */
  selection = golanes_panel_set_model (view, G_LIST_MODEL (store));
  paced_model = GOLANES_PACED_MODEL (gtk_single_selection_get_model (selection));
  paced.model = G_LIST_MODEL (paced_model);
  paced.mirror = mirror;
  paced.widget = GTK_WIDGET (view);
  paced.last_frame = -1;
  for (guint i = 0; i < g_list_model_get_n_items (paced.model); i++)
    g_ptr_array_add (mirror, g_list_model_get_item (paced.model, i));
  g_signal_connect (paced_model, "items-changed", G_CALLBACK (paced_items_changed_cb), &paced);
  g_assert_cmpuint (g_list_model_get_n_items (paced.model), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (paced.model), <=, 16);
  display_spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (paced.model), <=, 16);

  /* Shown: the rest comes in steps, each in a frame of its own, in order. */
  gtk_window_present (window);
  g_assert_true (display_wait_until (paced_settled, paced_model, 5000));
  g_assert_cmpuint (paced.n_steps, >=, 2);
  g_assert_cmpuint (paced.n_same_frame, ==, 0);
  assert_same_items (paced.model, golanes_paced_model_get_model (paced_model));

  /* Settled: changes pass through as they are. */
  gtk_string_list_splice (store, 5, 10, (const char *[]) { "a", "b", "c", NULL });
  g_assert_cmpuint (g_list_model_get_n_items (paced.model), ==, 2993);
  assert_same_items (paced.model, golanes_paced_model_get_model (paced_model));

  /* A change while it grows, inside the rows given so far and past them. */
  selection = golanes_panel_set_model (view, G_LIST_MODEL (second));
  paced_model = GOLANES_PACED_MODEL (gtk_single_selection_get_model (selection));
  g_ptr_array_set_size (mirror, 0);
  paced.model = G_LIST_MODEL (paced_model);
  paced.n_steps = 0;
  for (guint i = 0; i < g_list_model_get_n_items (paced.model); i++)
    g_ptr_array_add (mirror, g_list_model_get_item (paced.model, i));
  g_signal_connect (paced_model, "items-changed", G_CALLBACK (paced_items_changed_cb), &paced);
  g_assert_false (golanes_paced_model_is_settled (paced_model));
  gtk_string_list_splice (second, 2, 3, NULL);
  gtk_string_list_splice (second, 2500, 1, (const char *[]) { "x", NULL });
  g_assert_true (display_wait_until (paced_settled, paced_model, 5000));
  assert_same_items (paced.model, G_LIST_MODEL (second));

  /* Hidden, it waits; golanes_panel_flush_model() gives every row. */
  gtk_widget_set_visible (GTK_WIDGET (view), FALSE);
  selection = golanes_panel_set_model (view, G_LIST_MODEL (store));
  paced_model = GOLANES_PACED_MODEL (gtk_single_selection_get_model (selection));
  display_spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paced_model)), <=, 16);
  gtk_widget_set_visible (GTK_WIDGET (view), TRUE);
  g_assert_true (display_wait_until (paced_settled, paced_model, 5000));
  assert_same_items (G_LIST_MODEL (paced_model), G_LIST_MODEL (store));
  selection = golanes_panel_set_model (view, G_LIST_MODEL (second));
  golanes_panel_flush_model (view);
  g_assert_true (golanes_paced_model_is_settled (GOLANES_PACED_MODEL (gtk_single_selection_get_model (selection))));
  assert_same_items (gtk_single_selection_get_model (selection), G_LIST_MODEL (second));

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/golanes/Golanes/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func ("/golanes/panels/highlight", test_highlight);
  g_test_add_func ("/golanes/panels/base", test_base);
  g_test_add_func ("/golanes/panels/gc", test_gc_panel);
  g_test_add_func ("/golanes/panels/goroutines", test_goroutines_panel);
  g_test_add_func ("/golanes/panels/tasks", test_tasks_panel);
  g_test_add_func ("/golanes/panels/tasks-percentiles", test_tasks_percentiles);
  g_test_add_func ("/golanes/panels/blocking", test_blocking_panel);
  g_test_add_func ("/golanes/panels/flame", test_flame_panel);
  g_test_add_func ("/golanes/panels/critical-path", test_critical_path_panel);
  g_test_add_func ("/golanes/panels/trace-view", test_trace_view);
  g_test_add_func ("/golanes/panels/paced-rows", test_paced_rows);

  return g_test_run ();
}
