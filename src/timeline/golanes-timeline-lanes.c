/* golanes-timeline-lanes.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-timeline-lanes"

#include "config.h"

#include <string.h>

#include "golanes-timeline-lanes.h"
#include "golanes-timeline-view-private.h"

/* The data layer of the timeline: the visible lanes, drawn into a render
 * node kept until the view, the size, the scale, the theme or the data
 * change, so that the hover line and the selection (drawn by the view
 * above it), tooltips and highlights (drawn here over the node) cost no
 * redraw of the spans. */
struct _GolanesTimelineLanes
{
  GtkWidget      parent_instance;

  GskRenderNode *cached;
  GolanesTimelineRenderParams key;
  guint          layout_serial;
  guint          n_builds;
};

G_DEFINE_FINAL_TYPE (GolanesTimelineLanes, golanes_timeline_lanes, GTK_TYPE_WIDGET)

void
golanes_timeline_lanes_invalidate (GolanesTimelineLanes *self)
{
  g_return_if_fail (GOLANES_IS_TIMELINE_LANES (self));

  g_clear_pointer (&self->cached, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
golanes_timeline_lanes_get_n_builds (GolanesTimelineLanes *self)
{
  g_return_val_if_fail (GOLANES_IS_TIMELINE_LANES (self), 0);

  return self->n_builds;
}

static gboolean
same_key (const GolanesTimelineRenderParams *a,
          const GolanesTimelineRenderParams *b)
{
  return a->document == b->document &&
         a->layout == b->layout &&
         a->start == b->start &&
         a->end == b->end &&
         a->width == b->width &&
         a->height == b->height &&
         a->scroll_y == b->scroll_y &&
         a->scale == b->scale &&
         a->dark == b->dark &&
         a->pango == b->pango &&
         gdk_rgba_equal (&a->foreground, &b->foreground);
}

static void
golanes_timeline_lanes_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  GolanesTimelineLanes *self = GOLANES_TIMELINE_LANES (widget);
  GtkWidget *view = gtk_widget_get_ancestor (widget, GOLANES_TYPE_TIMELINE_VIEW);
  GolanesTimelineRenderParams params;
  guint serial;

  if (view == NULL || !_golanes_timeline_view_get_params (GOLANES_TIMELINE_VIEW (view), widget, &params))
    return;

  serial = golanes_timeline_layout_get_serial (params.layout);
  if (self->cached == NULL || !same_key (&self->key, &params) || serial != self->layout_serial)
    {
      GtkSnapshot *child = gtk_snapshot_new ();
      GolanesTimelineRenderParams plain = params;

      plain.highlight = NULL;
      plain.n_highlight = 0;
      g_clear_pointer (&self->cached, gsk_render_node_unref);
      golanes_timeline_render_lanes (&plain, child);
      self->cached = gtk_snapshot_free_to_node (child);
      self->key = plain;
      self->layout_serial = serial;
      self->n_builds++;
    }

  if (self->cached != NULL)
    gtk_snapshot_append_node (snapshot, self->cached);
  golanes_timeline_render_highlights (&params, snapshot);

  _golanes_timeline_view_lanes_drawn (GOLANES_TIMELINE_VIEW (view));
}

static void
golanes_timeline_lanes_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  GolanesTimelineLanes *self = GOLANES_TIMELINE_LANES (widget);

  g_clear_pointer (&self->cached, gsk_render_node_unref);
}

static void
golanes_timeline_lanes_css_changed (GtkWidget         *widget,
                                    GtkCssStyleChange *change)
{
  GolanesTimelineLanes *self = GOLANES_TIMELINE_LANES (widget);

  GTK_WIDGET_CLASS (golanes_timeline_lanes_parent_class)->css_changed (widget, change);
  g_clear_pointer (&self->cached, gsk_render_node_unref);
}

static void
golanes_timeline_lanes_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 300 : 100;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 900 : 400;
}

static void
golanes_timeline_lanes_dispose (GObject *object)
{
  GolanesTimelineLanes *self = GOLANES_TIMELINE_LANES (object);

  g_clear_pointer (&self->cached, gsk_render_node_unref);

  G_OBJECT_CLASS (golanes_timeline_lanes_parent_class)->dispose (object);
}

static void
golanes_timeline_lanes_class_init (GolanesTimelineLanesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = golanes_timeline_lanes_dispose;
  widget_class->snapshot = golanes_timeline_lanes_snapshot;
  widget_class->size_allocate = golanes_timeline_lanes_size_allocate;
  widget_class->css_changed = golanes_timeline_lanes_css_changed;
  widget_class->measure = golanes_timeline_lanes_measure;

  gtk_widget_class_set_css_name (widget_class, "timelinelanes");
}

static void
golanes_timeline_lanes_init (GolanesTimelineLanes *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}
