/* golanes-time-ruler.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-time-ruler"

#include "config.h"

#include "golanes-time-ruler.h"
#include "golanes-timeline-view-private.h"

/* The ruler above the lanes: adaptive ticks labelled with the time since
 * the start of the trace.  Its view owns the state. */
struct _GolanesTimeRuler
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (GolanesTimeRuler, golanes_time_ruler, GTK_TYPE_WIDGET)

static void
golanes_time_ruler_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  GtkWidget *view = gtk_widget_get_ancestor (widget, GOLANES_TYPE_TIMELINE_VIEW);
  GolanesTimelineRenderParams params;

  if (view == NULL || !_golanes_timeline_view_get_params (GOLANES_TIMELINE_VIEW (view), widget, &params))
    return;

  golanes_timeline_render_ruler (&params, gtk_widget_get_height (widget), snapshot);
}

static void
golanes_time_ruler_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = GOLANES_TIMELINE_RULER_HEIGHT;
  else
    *minimum = *natural = GOLANES_TIMELINE_GUTTER + 50;
}

static void
golanes_time_ruler_class_init (GolanesTimeRulerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = golanes_time_ruler_snapshot;
  widget_class->measure = golanes_time_ruler_measure;

  gtk_widget_class_set_css_name (widget_class, "timeruler");
}

static void
golanes_time_ruler_init (GolanesTimeRuler *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
}
