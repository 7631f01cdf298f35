/* golanes-gc-panel.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-gc-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "golanes-gc-panel.h"
#include "golanes-highlight.h"
#include "golanes-histogram.h"
#include "golanes-mmu-plot.h"
#include "golanes-panel.h"
#include "golanes-panel-row.h"
#include "golanes-panel-util.h"

/* Values of the pause rows. */
enum
{
  PAUSE_START,        /* since the trace start */
  PAUSE_DURATION,
  PAUSE_CYCLE,        /* cycle index, or none */
  PAUSE_GOROUTINE,    /* the goroutine that stopped the world, -1 */
};

/* Values of the cycle rows. */
enum
{
  CYCLE_INDEX,
  CYCLE_START,        /* since the trace start */
  CYCLE_DURATION,
  CYCLE_STW,
  CYCLE_HEAP_BEFORE,
  CYCLE_HEAP_AFTER,
  CYCLE_HEAP_GOAL,
};

struct _GolanesGcPanel
{
  GolanesPanel        parent_instance;

  gint64              trace_start;
  GtkSingleSelection *pause_selection;
  GtkSingleSelection *cycle_selection;

  /* Template widgets */
  GtkLabel           *cycles_label;
  GtkLabel           *pauses_label;
  GtkLabel           *pause_time_label;
  GtkLabel           *p50_label;
  GtkLabel           *p90_label;
  GtkLabel           *p99_label;
  GtkLabel           *max_label;
  GolanesHistogram   *histogram;
  GolanesMmuPlot     *mmu_plot;
  GtkStack           *stack;
  GtkColumnView      *pause_view;
  GtkColumnView      *cycle_view;

  /* "Computing…" until the document's part is ready; waiting is TRUE
   * while the panel shows a document whose part is not. */
  GtkWidget          *status;
  gboolean            waiting;
};

G_DEFINE_FINAL_TYPE (GolanesGcPanel, golanes_gc_panel, GOLANES_TYPE_PANEL)

const char *
golanes_gc_panel_get_title (void)
{
  return _("Garbage Collector");
}

const char *
golanes_gc_panel_get_icon_name (void)
{
  return "user-trash-symbolic";
}

static void
set_duration_label (GtkLabel *label,
                    gint64    ns)
{
  g_autofree char *text = golanes_panel_format_duration (ns);

  gtk_label_set_text (label, text);
}

static void
emit_selection (GolanesGcPanel  *self,
                GolanesPanelRow *row,
                gboolean         is_cycle)
{
  GolanesDocument *document = golanes_panel_get_document (GOLANES_PANEL (self));
  g_autoptr(GolanesHighlight) highlight = NULL;
  g_autofree char *label = NULL;
  GolanesGc *gc;
  gint64 start;
  gint64 end;

  g_assert (GOLANES_IS_GC_PANEL (self));

  if (row == NULL || document == NULL)
    {
      golanes_panel_highlight (GOLANES_PANEL (self), NULL);
      return;
    }

  gc = golanes_document_get_gc (document);

  if (is_cycle)
    {
      const GolanesGcCycle *cycles;
      const GolanesStwPause *pauses;
      const GolanesGcCycle *cycle;
      guint n_cycles;
      guint n_pauses;
      int stw[2];

      cycles = golanes_gc_get_cycles (gc, &n_cycles);
      pauses = golanes_gc_get_pauses (gc, &n_pauses);
      g_assert (golanes_panel_row_get_id (row) < n_cycles);
      cycle = &cycles[golanes_panel_row_get_id (row)];
      start = cycle->start;
      end = cycle->start + cycle->duration;

      /* Translators: a highlight's label; %u is the number of the GC cycle */
      label = g_strdup_printf (_("GC cycle %u"), cycle->index);
      highlight = golanes_highlight_new (label);
      golanes_highlight_append (highlight, GOLANES_HIGHLIGHT_NO_GOROUTINE, start, end);

      stw[0] = cycle->sweep_termination;
      stw[1] = cycle->mark_termination;
      for (guint i = 0; i < G_N_ELEMENTS (stw); i++)
        if (stw[i] >= 0 && (guint) stw[i] < n_pauses && pauses[stw[i]].goroutine >= 0)
          golanes_highlight_append (highlight, pauses[stw[i]].goroutine,
                                    pauses[stw[i]].start, pauses[stw[i]].start + pauses[stw[i]].duration);
    }
  else
    {
      const GolanesStwPause *pauses;
      const GolanesStwPause *pause;
      guint n_pauses;

      pauses = golanes_gc_get_pauses (gc, &n_pauses);
      g_assert (golanes_panel_row_get_id (row) < n_pauses);
      pause = &pauses[golanes_panel_row_get_id (row)];
      start = pause->start;
      end = pause->start + pause->duration;

      highlight = golanes_highlight_new (pause->reason);
      golanes_highlight_append (highlight,
                                pause->goroutine >= 0 ? pause->goroutine : GOLANES_HIGHLIGHT_NO_GOROUTINE,
                                start, end);
    }

  golanes_panel_activate_range (GOLANES_PANEL (self), start, end);
  golanes_panel_highlight (GOLANES_PANEL (self), highlight);
}

static void
pause_selected_cb (GolanesGcPanel     *self,
                   GParamSpec         *pspec,
                   GtkSingleSelection *selection)
{
  g_assert (GOLANES_IS_GC_PANEL (self));

  emit_selection (self, golanes_panel_get_selected (self->pause_view), FALSE);
}

static void
cycle_selected_cb (GolanesGcPanel     *self,
                   GParamSpec         *pspec,
                   GtkSingleSelection *selection)
{
  g_assert (GOLANES_IS_GC_PANEL (self));

  emit_selection (self, golanes_panel_get_selected (self->cycle_view), TRUE);
}

static void
set_models (GolanesGcPanel *self,
            GListModel     *pauses,
            GListModel     *cycles)
{
  g_assert (GOLANES_IS_GC_PANEL (self));

  golanes_panel_bind_model (self->pause_view, pauses, &self->pause_selection,
                            G_CALLBACK (pause_selected_cb), self);
  golanes_panel_bind_model (self->cycle_view, cycles, &self->cycle_selection,
                            G_CALLBACK (cycle_selected_cb), self);
}

static void
golanes_gc_panel_reload (GolanesGcPanel *self)
{
  GolanesDocument *document = golanes_panel_get_document (GOLANES_PANEL (self));
  gboolean ready;
  g_autoptr(GListStore) pause_store = g_list_store_new (GOLANES_TYPE_PANEL_ROW);
  g_autoptr(GListStore) cycle_store = g_list_store_new (GOLANES_TYPE_PANEL_ROW);
  g_autofree gint64 *durations = NULL;
  g_autofree char *cycles_text = NULL;
  g_autofree char *pauses_text = NULL;
  const GolanesGcTotals *totals = NULL;
  GolanesGc *gc = NULL;
  const GolanesStwPause *pauses = NULL;
  const GolanesGcCycle *cycles = NULL;
  guint n_pauses = 0;
  guint n_cycles = 0;

  g_assert (GOLANES_IS_GC_PANEL (self));

  ready = golanes_panel_status_update (self->status, document, GOLANES_DOCUMENT_PART_GC);
  self->waiting = document != NULL && !ready;

  if (ready)
    {
      gc = golanes_document_get_gc (document);
      totals = golanes_gc_get_totals (gc);
      pauses = golanes_gc_get_pauses (gc, &n_pauses);
      cycles = golanes_gc_get_cycles (gc, &n_cycles);
      self->trace_start = totals->trace_start;
    }

  durations = g_new0 (gint64, MAX (n_pauses, 1));
  for (guint i = 0; i < n_pauses; i++)
    {
      g_autoptr(GolanesPanelRow) row = golanes_panel_row_new (pauses[i].reason, i);

      golanes_panel_row_set_value (row, PAUSE_START, pauses[i].start - self->trace_start);
      golanes_panel_row_set_value (row, PAUSE_DURATION, pauses[i].duration);
      if (pauses[i].cycle >= 0)
        golanes_panel_row_set_value (row, PAUSE_CYCLE, cycles[pauses[i].cycle].index);
      golanes_panel_row_set_value (row, PAUSE_GOROUTINE, pauses[i].goroutine);
      g_list_store_append (pause_store, row);
      durations[i] = pauses[i].duration;
    }

  for (guint i = 0; i < n_cycles; i++)
    {
      g_autoptr(GolanesPanelRow) row = golanes_panel_row_new (NULL, i);

      golanes_panel_row_set_value (row, CYCLE_INDEX, cycles[i].index);
      golanes_panel_row_set_value (row, CYCLE_START, cycles[i].start - self->trace_start);
      golanes_panel_row_set_value (row, CYCLE_DURATION, cycles[i].duration);
      golanes_panel_row_set_value (row, CYCLE_STW, cycles[i].stw_total);
      if (cycles[i].has_heap_before)
        golanes_panel_row_set_value (row, CYCLE_HEAP_BEFORE, cycles[i].heap_before);
      if (cycles[i].has_heap_after)
        golanes_panel_row_set_value (row, CYCLE_HEAP_AFTER, cycles[i].heap_after);
      if (cycles[i].has_heap_goal)
        golanes_panel_row_set_value (row, CYCLE_HEAP_GOAL, cycles[i].heap_goal);
      g_list_store_append (cycle_store, row);
    }

  set_models (self, G_LIST_MODEL (pause_store), G_LIST_MODEL (cycle_store));

  cycles_text = g_strdup_printf ("%u", n_cycles);
  pauses_text = g_strdup_printf ("%u", n_pauses);
  gtk_label_set_text (self->cycles_label, cycles_text);
  gtk_label_set_text (self->pauses_label, pauses_text);
  set_duration_label (self->pause_time_label, totals != NULL ? totals->pause_time : 0);
  set_duration_label (self->p50_label, totals != NULL ? totals->pause_p50 : 0);
  set_duration_label (self->p90_label, totals != NULL ? totals->pause_p90 : 0);
  set_duration_label (self->p99_label, totals != NULL ? totals->pause_p99 : 0);
  set_duration_label (self->max_label, totals != NULL ? totals->pause_max : 0);

  golanes_histogram_set_values (self->histogram, durations, n_pauses);
  golanes_mmu_plot_set_mmu (self->mmu_plot,
                            document != NULL ? golanes_document_get_mmu (document) : NULL);
}

static void
golanes_gc_panel_document_changed (GolanesPanel    *panel,
                                   GolanesDocument *previous)
{
  GolanesGcPanel *self = GOLANES_GC_PANEL (panel);

  /* The same document again: its part may have become ready since. */
  if (previous == golanes_panel_get_document (panel) && !self->waiting)
    return;
  self->trace_start = 0;

  golanes_gc_panel_reload (self);
}

static void
golanes_gc_panel_dispose (GObject *object)
{
  GolanesGcPanel *self = (GolanesGcPanel *) object;

  golanes_panel_unbind_model (&self->pause_selection, G_CALLBACK (pause_selected_cb), self);
  golanes_panel_unbind_model (&self->cycle_selection, G_CALLBACK (cycle_selected_cb), self);

  golanes_panel_dispose_children (GTK_WIDGET (self), GOLANES_TYPE_GC_PANEL);

  G_OBJECT_CLASS (golanes_gc_panel_parent_class)->dispose (object);
}

static void
golanes_gc_panel_class_init (GolanesGcPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GolanesPanelClass *panel_class = GOLANES_PANEL_CLASS (klass);

  object_class->dispose = golanes_gc_panel_dispose;
  panel_class->document_changed = golanes_gc_panel_document_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/panels/golanes-gc-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, GolanesGcPanel, cycles_label);
  gtk_widget_class_bind_template_child (widget_class, GolanesGcPanel, pauses_label);
  gtk_widget_class_bind_template_child (widget_class, GolanesGcPanel, pause_time_label);
  gtk_widget_class_bind_template_child (widget_class, GolanesGcPanel, p50_label);
  gtk_widget_class_bind_template_child (widget_class, GolanesGcPanel, p90_label);
  gtk_widget_class_bind_template_child (widget_class, GolanesGcPanel, p99_label);
  gtk_widget_class_bind_template_child (widget_class, GolanesGcPanel, max_label);
  gtk_widget_class_bind_template_child (widget_class, GolanesGcPanel, histogram);
  gtk_widget_class_bind_template_child (widget_class, GolanesGcPanel, mmu_plot);
  gtk_widget_class_bind_template_child (widget_class, GolanesGcPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, GolanesGcPanel, pause_view);
  gtk_widget_class_bind_template_child (widget_class, GolanesGcPanel, cycle_view);

  gtk_widget_class_set_css_name (widget_class, "gcpanel");

  g_type_ensure (GOLANES_TYPE_HISTOGRAM);
  g_type_ensure (GOLANES_TYPE_MMU_PLOT);
}

static void
golanes_gc_panel_init (GolanesGcPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->status = golanes_panel_status_install (GTK_WIDGET (self));

  golanes_panel_add_column (self->pause_view, _("Start"), GOLANES_PANEL_COLUMN_DURATION, PAUSE_START, FALSE);
  golanes_panel_add_column (self->pause_view, _("Duration"), GOLANES_PANEL_COLUMN_DURATION, PAUSE_DURATION, FALSE);
  /* The reason, long and ellipsized, last: the numbers stay in view in a
   * narrow panel. */
  golanes_panel_add_column (self->pause_view, _("Cycle"), GOLANES_PANEL_COLUMN_COUNT, PAUSE_CYCLE, FALSE);
  golanes_panel_add_column (self->pause_view, _("Reason"), GOLANES_PANEL_COLUMN_LABEL, 0, TRUE);

  golanes_panel_add_column (self->cycle_view, _("Cycle"), GOLANES_PANEL_COLUMN_COUNT, CYCLE_INDEX, FALSE);
  golanes_panel_add_column (self->cycle_view, _("Start"), GOLANES_PANEL_COLUMN_DURATION, CYCLE_START, FALSE);
  golanes_panel_add_column (self->cycle_view, _("Duration"), GOLANES_PANEL_COLUMN_DURATION, CYCLE_DURATION, FALSE);
  golanes_panel_add_column (self->cycle_view, _("Stopped"), GOLANES_PANEL_COLUMN_DURATION, CYCLE_STW, FALSE);
  golanes_panel_add_column (self->cycle_view, _("Heap Before"), GOLANES_PANEL_COLUMN_BYTES, CYCLE_HEAP_BEFORE, FALSE);
  golanes_panel_add_column (self->cycle_view, _("Heap After"), GOLANES_PANEL_COLUMN_BYTES, CYCLE_HEAP_AFTER, FALSE);
  golanes_panel_add_column (self->cycle_view, _("Heap Goal"), GOLANES_PANEL_COLUMN_BYTES, CYCLE_HEAP_GOAL, FALSE);

  golanes_gc_panel_reload (self);
}

GtkWidget *
golanes_gc_panel_new (void)
{
  return g_object_new (GOLANES_TYPE_GC_PANEL, NULL);
}
