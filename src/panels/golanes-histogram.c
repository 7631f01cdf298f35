/* golanes-histogram.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-histogram"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "golanes-histogram.h"
#include "golanes-panel-row.h"
#include "golanes-panel-util.h"

#define MARGIN_LEFT   36
#define MARGIN_RIGHT  8
#define MARGIN_TOP    8
#define MARGIN_BOTTOM 20
#define BAR_GAP       1

struct _GolanesHistogram
{
  GtkWidget  parent_instance;

  GArray    *edges;    /* gint64, n_buckets + 1 */
  GArray    *counts;   /* guint, n_buckets */
  guint      max_count;

  GdkRGBA    fg;
  GdkRGBA    accent;
};

G_DEFINE_FINAL_TYPE (GolanesHistogram, golanes_histogram, GTK_TYPE_WIDGET)

/* 1, 2, 5 × 10^k: the bucket edge @i (edge 0 is 1 ns). */
static gint64
edge_value (guint i)
{
  static const gint64 steps[] = { 1, 2, 5 };
  gint64 v = steps[i % 3];

  for (guint k = 0; k < i / 3; k++)
    v *= 10;
  return v;
}

static guint
edge_index_below (gint64 ns)
{
  guint i = 0;

  while (i < 54 && edge_value (i + 1) <= ns)
    i++;
  return i;
}

void
golanes_histogram_set_values (GolanesHistogram *self,
                              const gint64     *durations,
                              guint             n_durations)
{
  gint64 lo = G_MAXINT64;
  gint64 hi = 0;
  guint first;
  guint last;

  g_return_if_fail (GOLANES_IS_HISTOGRAM (self));
  g_return_if_fail (durations != NULL || n_durations == 0);

  g_array_set_size (self->edges, 0);
  g_array_set_size (self->counts, 0);
  self->max_count = 0;

  for (guint i = 0; i < n_durations; i++)
    {
      lo = MIN (lo, MAX (durations[i], 1));
      hi = MAX (hi, MAX (durations[i], 1));
    }

  if (n_durations > 0)
    {
      first = edge_index_below (lo);
      last = edge_index_below (hi) + 1;
      /* At least a decade wide, so a few values still look like a histogram. */
      while (last - first < 3)
        {
          if (first > 0)
            first--;
          else
            last++;
        }

      for (guint i = first; i <= last; i++)
        {
          gint64 edge = edge_value (i);

          g_array_append_val (self->edges, edge);
        }
      g_array_set_size (self->counts, last - first);
      memset (self->counts->data, 0, sizeof (guint) * self->counts->len);

      for (guint i = 0; i < n_durations; i++)
        {
          guint b = edge_index_below (MAX (durations[i], 1)) - first;

          g_array_index (self->counts, guint, b)++;
          self->max_count = MAX (self->max_count, g_array_index (self->counts, guint, b));
        }
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
golanes_histogram_get_n_buckets (GolanesHistogram *self)
{
  g_return_val_if_fail (GOLANES_IS_HISTOGRAM (self), 0);

  return self->counts->len;
}

guint
golanes_histogram_get_bucket (GolanesHistogram *self,
                              guint             index,
                              gint64           *lower,
                              gint64           *upper)
{
  g_return_val_if_fail (GOLANES_IS_HISTOGRAM (self), 0);
  g_return_val_if_fail (index < self->counts->len, 0);

  if (lower != NULL)
    *lower = g_array_index (self->edges, gint64, index);
  if (upper != NULL)
    *upper = g_array_index (self->edges, gint64, index + 1);
  return g_array_index (self->counts, guint, index);
}

static void
golanes_histogram_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  GolanesHistogram *self = GOLANES_HISTOGRAM (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float plot_w = width - MARGIN_LEFT - MARGIN_RIGHT;
  float plot_h = height - MARGIN_TOP - MARGIN_BOTTOM;
  GdkRGBA axis = self->fg;
  GdkRGBA dim = self->fg;
  g_autofree char *max_text = NULL;
  guint n = self->counts->len;

  if (plot_w <= 0 || plot_h <= 0)
    return;

  axis.alpha *= 0.4f;
  dim.alpha *= 0.7f;

  if (n == 0)
    {
      golanes_plot_append_text (widget, snapshot, _("No data"), width / 2.0f, height / 2.0f, 0.5f, &dim);
      return;
    }

  /* Bars */
  for (guint i = 0; i < n; i++)
    {
      guint count = g_array_index (self->counts, guint, i);
      float x0 = MARGIN_LEFT + plot_w * i / n;
      float x1 = MARGIN_LEFT + plot_w * (i + 1) / n - BAR_GAP;
      float h = self->max_count > 0 ? plot_h * count / self->max_count : 0;

      if (count > 0 && h < 1)
        h = 1;
      if (h > 0)
        gtk_snapshot_append_color (snapshot, &self->accent,
                                   &GRAPHENE_RECT_INIT (x0, MARGIN_TOP + plot_h - h, MAX (x1 - x0, 1), h));
    }

  /* Axes */
  gtk_snapshot_append_color (snapshot, &axis,
                             &GRAPHENE_RECT_INIT (MARGIN_LEFT, MARGIN_TOP + plot_h, plot_w, 1));
  gtk_snapshot_append_color (snapshot, &axis,
                             &GRAPHENE_RECT_INIT (MARGIN_LEFT - 1, MARGIN_TOP, 1, plot_h + 1));

  /* Count axis: 0 and the largest bucket. */
  max_text = g_strdup_printf ("%u", self->max_count);
  golanes_plot_append_text (widget, snapshot, max_text, MARGIN_LEFT - 4, MARGIN_TOP + 4, 1.0f, &dim);
  golanes_plot_append_text (widget, snapshot, "0", MARGIN_LEFT - 4, MARGIN_TOP + plot_h - 4, 1.0f, &dim);

  /* Duration axis: the decades (edges 1 × 10^k), or every edge if few. */
  for (guint i = 0; i <= n; i++)
    {
      gint64 edge = g_array_index (self->edges, gint64, i);
      g_autofree char *text = NULL;
      float x = MARGIN_LEFT + plot_w * i / n;
      gint64 e = edge;

      while (e % 10 == 0)
        e /= 10;
      if (e != 1 && n > 6)
        continue;

      text = golanes_panel_format_duration (edge);
      gtk_snapshot_append_color (snapshot, &axis, &GRAPHENE_RECT_INIT (x, MARGIN_TOP + plot_h, 1, 4));
      golanes_plot_append_text (widget, snapshot, text,
                   CLAMP (x, MARGIN_LEFT + 16, width - 24), height - MARGIN_BOTTOM / 2.0f + 2,
                   0.5f, &dim);
    }
}

char *
golanes_histogram_describe_at (GolanesHistogram *self,
                               double            x)
{
  float plot_w;
  g_autofree char *lower = NULL;
  g_autofree char *upper = NULL;
  gint64 lo;
  gint64 hi;
  guint count;
  int bucket;

  g_return_val_if_fail (GOLANES_IS_HISTOGRAM (self), NULL);

  plot_w = gtk_widget_get_width (GTK_WIDGET (self)) - MARGIN_LEFT - MARGIN_RIGHT;
  if (self->counts->len == 0 || plot_w <= 0 || x < MARGIN_LEFT)
    return NULL;

  bucket = (int) ((x - MARGIN_LEFT) * self->counts->len / plot_w);
  if (bucket < 0 || (guint) bucket >= self->counts->len)
    return NULL;

  count = golanes_histogram_get_bucket (self, bucket, &lo, &hi);
  lower = golanes_panel_format_duration (lo);
  upper = golanes_panel_format_duration (hi);
  /* Translators: a histogram bar's tooltip: the range of its bucket, then
   * how many values fall in it: "10 µs to 20 µs: 12" */
  return g_strdup_printf (_("%s to %s: %u"), lower, upper, count);
}

static gboolean
golanes_histogram_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard_mode,
                                 GtkTooltip *tooltip)
{
  return golanes_plot_set_tooltip (tooltip, golanes_histogram_describe_at (GOLANES_HISTOGRAM (widget), x));
}

static void
golanes_histogram_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GolanesHistogram *self = GOLANES_HISTOGRAM (widget);

  GTK_WIDGET_CLASS (golanes_histogram_parent_class)->css_changed (widget, change);

  golanes_plot_get_colors (widget, &self->fg, &self->accent);

  gtk_widget_queue_draw (widget);
}

static void
golanes_histogram_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  golanes_plot_measure (orientation, 160, 320, 60, 120, minimum, natural);
}

static void
golanes_histogram_finalize (GObject *object)
{
  GolanesHistogram *self = (GolanesHistogram *) object;

  g_clear_pointer (&self->edges, g_array_unref);
  g_clear_pointer (&self->counts, g_array_unref);

  G_OBJECT_CLASS (golanes_histogram_parent_class)->finalize (object);
}

static void
golanes_histogram_class_init (GolanesHistogramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = golanes_histogram_finalize;

  widget_class->snapshot = golanes_histogram_snapshot;
  widget_class->measure = golanes_histogram_measure;
  widget_class->css_changed = golanes_histogram_css_changed;
  widget_class->query_tooltip = golanes_histogram_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "histogram");
}

static void
golanes_histogram_init (GolanesHistogram *self)
{
  self->edges = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->counts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->fg = (GdkRGBA) { 0, 0, 0, 1 };
  gdk_rgba_parse (&self->accent, "#3584e4");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
golanes_histogram_new (void)
{
  return g_object_new (GOLANES_TYPE_HISTOGRAM, NULL);
}
