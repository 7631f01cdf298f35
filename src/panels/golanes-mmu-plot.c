/* golanes-mmu-plot.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-mmu-plot"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "golanes-mmu-plot.h"
#include "golanes-panel-row.h"
#include "golanes-panel-util.h"

#define MARGIN_LEFT   36
#define MARGIN_RIGHT  12
#define MARGIN_TOP    8
#define MARGIN_BOTTOM 20

struct _GolanesMmuPlot
{
  GtkWidget  parent_instance;

  guint      n_points;
  gint64     windows[GOLANES_MMU_PLOT_SAMPLES];
  double     mmu[GOLANES_MMU_PLOT_SAMPLES];
  double     log_min;
  double     log_max;

  gboolean   hovering;
  double     hover_x;

  GdkRGBA    fg;
  GdkRGBA    accent;
};

G_DEFINE_FINAL_TYPE (GolanesMmuPlot, golanes_mmu_plot, GTK_TYPE_WIDGET)

void
golanes_mmu_plot_set_mmu (GolanesMmuPlot *self,
                          GolanesMmu     *mmu)
{
  gint64 x_min;
  gint64 x_max;

  g_return_if_fail (GOLANES_IS_MMU_PLOT (self));

  self->n_points = 0;
  if (mmu != NULL &&
      golanes_mmu_get_plot (mmu, &x_min, &x_max, self->windows, self->mmu))
    {
      self->n_points = GOLANES_MMU_PLOT_SAMPLES;
      self->log_min = log10 ((double) MAX (x_min, 1));
      self->log_max = log10 ((double) MAX (x_max, 1));
      if (self->log_max <= self->log_min)
        self->log_max = self->log_min + 1;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
golanes_mmu_plot_get_n_points (GolanesMmuPlot *self)
{
  g_return_val_if_fail (GOLANES_IS_MMU_PLOT (self), 0);

  return self->n_points;
}

static double
x_of_window (GolanesMmuPlot *self,
             double          plot_w,
             gint64          window)
{
  double l = log10 ((double) MAX (window, 1));

  return MARGIN_LEFT + plot_w * (l - self->log_min) / (self->log_max - self->log_min);
}

/* The sample nearest to pointer column @x. */
static int
sample_at (GolanesMmuPlot *self,
           double          x)
{
  double plot_w = gtk_widget_get_width (GTK_WIDGET (self)) - MARGIN_LEFT - MARGIN_RIGHT;
  double best = G_MAXDOUBLE;
  int found = -1;

  if (self->n_points == 0 || plot_w <= 0 || x < MARGIN_LEFT - 4 || x > MARGIN_LEFT + plot_w + 4)
    return -1;

  for (guint i = 0; i < self->n_points; i++)
    {
      double d = fabs (x_of_window (self, plot_w, self->windows[i]) - x);

      if (d < best)
        {
          best = d;
          found = i;
        }
    }

  return found;
}

char *
golanes_mmu_plot_describe_at (GolanesMmuPlot *self,
                              double          x)
{
  g_autofree char *window = NULL;
  int i;

  g_return_val_if_fail (GOLANES_IS_MMU_PLOT (self), NULL);

  i = sample_at (self, x);
  if (i < 0)
    return NULL;

  window = golanes_panel_format_duration (self->windows[i]);
  /* Translators: the MMU plot's readout: a window size and its minimum mutator utilization */
  return g_strdup_printf (_("Window %s: MMU %.3f"), window, self->mmu[i]);
}

static void
golanes_mmu_plot_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  GolanesMmuPlot *self = GOLANES_MMU_PLOT (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float plot_w = width - MARGIN_LEFT - MARGIN_RIGHT;
  float plot_h = height - MARGIN_TOP - MARGIN_BOTTOM;
  GdkRGBA axis = self->fg;
  GdkRGBA grid = self->fg;
  GdkRGBA dim = self->fg;
  cairo_t *cr;
  int hover;

  if (plot_w <= 0 || plot_h <= 0)
    return;

  axis.alpha *= 0.4f;
  grid.alpha *= 0.1f;
  dim.alpha *= 0.7f;

  if (self->n_points == 0)
    {
      golanes_plot_append_text (widget, snapshot, _("No MMU data"), width / 2.0f, height / 2.0f, 0.5f, &dim);
      return;
    }

  /* Utilization axis and grid at 0, 0.5, 1. */
  for (guint i = 0; i <= 2; i++)
    {
      static const char *labels[] = { "0", "0.5", "1" };
      float y = MARGIN_TOP + plot_h - plot_h * i / 2.0f;

      gtk_snapshot_append_color (snapshot, i == 0 ? &axis : &grid,
                                 &GRAPHENE_RECT_INIT (MARGIN_LEFT, y, plot_w, 1));
      golanes_plot_append_text (widget, snapshot, labels[i], MARGIN_LEFT - 4, y, 1.0f, &dim);
    }
  gtk_snapshot_append_color (snapshot, &axis,
                             &GRAPHENE_RECT_INIT (MARGIN_LEFT - 1, MARGIN_TOP, 1, plot_h + 1));

  /* Window axis: a tick per decade, labelled every other one if crowded. */
  {
    int first = (int) ceil (self->log_min - 1e-9);
    int last = (int) floor (self->log_max + 1e-9);
    int step = (last - first) > 4 ? 2 : 1;

    for (int d = first; d <= last; d++)
      {
        double v = pow (10, d);
        float x = x_of_window (self, plot_w, (gint64) v);

        gtk_snapshot_append_color (snapshot, &grid, &GRAPHENE_RECT_INIT (x, MARGIN_TOP, 1, plot_h));
        gtk_snapshot_append_color (snapshot, &axis, &GRAPHENE_RECT_INIT (x, MARGIN_TOP + plot_h, 1, 4));
        if ((d - first) % step == 0)
          {
            g_autofree char *text = golanes_panel_format_duration ((gint64) v);

            golanes_plot_append_text (widget, snapshot, text,
                         CLAMP (x, MARGIN_LEFT + 12, width - 20), height - MARGIN_BOTTOM / 2.0f + 2,
                         0.5f, &dim);
          }
      }
  }

  /* The curve (a path, so cairo). */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (MARGIN_LEFT - 2, MARGIN_TOP - 2,
                                                                 plot_w + 4, plot_h + 4));
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  gdk_cairo_set_source_rgba (cr, &self->accent);
  for (guint i = 0; i < self->n_points; i++)
    {
      double x = x_of_window (self, plot_w, self->windows[i]);
      double y = MARGIN_TOP + plot_h * (1 - CLAMP (self->mmu[i], 0, 1));

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);

  /* The sample under the pointer; its numbers are in the tooltip. */
  hover = self->hovering ? sample_at (self, self->hover_x) : -1;
  if (hover >= 0)
    {
      float x = x_of_window (self, plot_w, self->windows[hover]);
      float y = MARGIN_TOP + plot_h * (1 - CLAMP (self->mmu[hover], 0, 1));

      gtk_snapshot_append_color (snapshot, &axis, &GRAPHENE_RECT_INIT (x, MARGIN_TOP, 1, plot_h));
      gtk_snapshot_append_color (snapshot, &self->accent, &GRAPHENE_RECT_INIT (x - 3, y - 3, 7, 7));
    }
}

static gboolean
golanes_mmu_plot_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard_mode,
                                GtkTooltip *tooltip)
{
  return golanes_plot_set_tooltip (tooltip, golanes_mmu_plot_describe_at (GOLANES_MMU_PLOT (widget), x));
}

static void
motion_cb (GolanesMmuPlot           *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  g_assert (GOLANES_IS_MMU_PLOT (self));

  self->hovering = TRUE;
  self->hover_x = x;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
leave_cb (GolanesMmuPlot           *self,
          GtkEventControllerMotion *motion)
{
  g_assert (GOLANES_IS_MMU_PLOT (self));

  self->hovering = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
golanes_mmu_plot_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GolanesMmuPlot *self = GOLANES_MMU_PLOT (widget);

  GTK_WIDGET_CLASS (golanes_mmu_plot_parent_class)->css_changed (widget, change);

  golanes_plot_get_colors (widget, &self->fg, &self->accent);

  gtk_widget_queue_draw (widget);
}

static void
golanes_mmu_plot_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  golanes_plot_measure (orientation, 160, 320, 72, 140, minimum, natural);
}

static void
golanes_mmu_plot_class_init (GolanesMmuPlotClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = golanes_mmu_plot_snapshot;
  widget_class->measure = golanes_mmu_plot_measure;
  widget_class->css_changed = golanes_mmu_plot_css_changed;
  widget_class->query_tooltip = golanes_mmu_plot_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "mmuplot");
}

static void
golanes_mmu_plot_init (GolanesMmuPlot *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  self->fg = (GdkRGBA) { 0, 0, 0, 1 };
  gdk_rgba_parse (&self->accent, "#3584e4");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
golanes_mmu_plot_new (void)
{
  return g_object_new (GOLANES_TYPE_MMU_PLOT, NULL);
}
