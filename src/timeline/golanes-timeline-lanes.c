/* golanes-timeline-lanes.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-timeline-lanes"

#include "config.h"

#include <math.h>
#include <string.h>

#include "golanes-timeline-lanes.h"
#include "golanes-timeline-view-private.h"

/* The data layer of the timeline: the visible lanes, drawn into a render
 * node kept until the view, the size, the scale, the theme or the data
 * change, so that the hover line and the selection (drawn by the view
 * above it), tooltips and highlights (drawn here over the node) cost no
 * redraw of the spans.  It draws its session and follows the session's
 * changes; its view sets the session, the layout and the adjustment that
 * scrolls it, and hears of each frame drawn with data ("drawn"). */
struct _GolanesTimelineLanes
{
  GtkWidget              parent_instance;

  GolanesSession        *session;
  GSignalGroup          *session_signals;
  GolanesTimelineLayout *layout;
  GtkAdjustment         *vadjustment;
  double                 gutter;

  GskRenderNode         *cached;
  GolanesTimelineRenderParams key;
  guint                  layout_serial;
  guint                  n_builds;
};

G_DEFINE_FINAL_TYPE (GolanesTimelineLanes, golanes_timeline_lanes, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_VADJUSTMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DRAWN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GolanesSession *
golanes_timeline_lanes_get_session (GolanesTimelineLanes *self)
{
  g_return_val_if_fail (GOLANES_IS_TIMELINE_LANES (self), NULL);

  return self->session;
}

/**
 * golanes_timeline_lanes_set_session:
 * @session: (nullable): the session to show
 */
void
golanes_timeline_lanes_set_session (GolanesTimelineLanes *self,
                                    GolanesSession       *session)
{
  g_return_if_fail (GOLANES_IS_TIMELINE_LANES (self));
  g_return_if_fail (session == NULL || GOLANES_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_signal_group_set_target (self->session_signals, session);
  golanes_timeline_lanes_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
golanes_timeline_lanes_set_layout (GolanesTimelineLanes  *self,
                                   GolanesTimelineLayout *layout)
{
  g_return_if_fail (GOLANES_IS_TIMELINE_LANES (self));

  self->layout = layout;
  golanes_timeline_lanes_invalidate (self);
}

GtkAdjustment *
golanes_timeline_lanes_get_vadjustment (GolanesTimelineLanes *self)
{
  g_return_val_if_fail (GOLANES_IS_TIMELINE_LANES (self), NULL);

  return self->vadjustment;
}

/**
 * golanes_timeline_lanes_set_vadjustment:
 * @vadjustment: (nullable): the vertical scroll position
 */
void
golanes_timeline_lanes_set_vadjustment (GolanesTimelineLanes *self,
                                        GtkAdjustment        *vadjustment)
{
  g_return_if_fail (GOLANES_IS_TIMELINE_LANES (self));
  g_return_if_fail (vadjustment == NULL || GTK_IS_ADJUSTMENT (vadjustment));

  if (self->vadjustment == vadjustment)
    return;

  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_set_object (&self->vadjustment, vadjustment);
  if (vadjustment != NULL)
    g_signal_connect_object (vadjustment, "value-changed", G_CALLBACK (gtk_widget_queue_draw), self,
                             G_CONNECT_SWAPPED);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VADJUSTMENT]);
}

gboolean
golanes_timeline_lanes_get_params (GolanesTimelineLanes        *self,
                                   GolanesTimelineRenderParams *params)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double scroll_y = self->vadjustment != NULL ? floor (gtk_adjustment_get_value (self->vadjustment)) : 0;

  g_return_val_if_fail (GOLANES_IS_TIMELINE_LANES (self), FALSE);

  return _golanes_timeline_params_init (params, widget, self->session, self->layout,
                                        gtk_widget_get_width (widget), self->gutter, scroll_y);
}

/* The width of the label gutter, left of the data area. */
void
golanes_timeline_lanes_set_gutter (GolanesTimelineLanes *self,
                                   double                gutter)
{
  g_return_if_fail (GOLANES_IS_TIMELINE_LANES (self));

  if (self->gutter == gutter)
    return;
  self->gutter = gutter;
  golanes_timeline_lanes_invalidate (self);
}

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
         a->gutter == b->gutter &&
         a->height == b->height &&
         a->scroll_y == b->scroll_y &&
         a->scale == b->scale &&
         a->dark == b->dark &&
         a->pango == b->pango &&
         a->loaded_end == b->loaded_end &&
         gdk_rgba_equal (&a->foreground, &b->foreground);
}

static void
golanes_timeline_lanes_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  GolanesTimelineLanes *self = GOLANES_TIMELINE_LANES (widget);
  GolanesTimelineRenderParams params;
  guint serial;

  if (!golanes_timeline_lanes_get_params (self, &params))
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

  g_signal_emit (self, signals[DRAWN], 0);
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
golanes_timeline_lanes_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  GolanesTimelineLanes *self = GOLANES_TIMELINE_LANES (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
golanes_timeline_lanes_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  GolanesTimelineLanes *self = GOLANES_TIMELINE_LANES (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      golanes_timeline_lanes_set_session (self, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      golanes_timeline_lanes_set_vadjustment (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
golanes_timeline_lanes_dispose (GObject *object)
{
  GolanesTimelineLanes *self = GOLANES_TIMELINE_LANES (object);

  g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->session);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->vadjustment);
  self->layout = NULL;
  g_clear_pointer (&self->cached, gsk_render_node_unref);

  G_OBJECT_CLASS (golanes_timeline_lanes_parent_class)->dispose (object);
}

static void
golanes_timeline_lanes_finalize (GObject *object)
{
  GolanesTimelineLanes *self = GOLANES_TIMELINE_LANES (object);

  g_clear_object (&self->session_signals);

  G_OBJECT_CLASS (golanes_timeline_lanes_parent_class)->finalize (object);
}

static void
golanes_timeline_lanes_class_init (GolanesTimelineLanesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = golanes_timeline_lanes_get_property;
  object_class->set_property = golanes_timeline_lanes_set_property;
  object_class->dispose = golanes_timeline_lanes_dispose;
  object_class->finalize = golanes_timeline_lanes_finalize;
  widget_class->snapshot = golanes_timeline_lanes_snapshot;
  widget_class->size_allocate = golanes_timeline_lanes_size_allocate;
  widget_class->css_changed = golanes_timeline_lanes_css_changed;
  widget_class->measure = golanes_timeline_lanes_measure;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         GOLANES_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VADJUSTMENT] =
    g_param_spec_object ("vadjustment", NULL, NULL,
                         GTK_TYPE_ADJUSTMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after the lanes drew with data, once per snapshot. */
  signals[DRAWN] =
    g_signal_new ("drawn",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "timelinelanes");
}

static void
golanes_timeline_lanes_init (GolanesTimelineLanes *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  /* The visible range, the highlights: any change of the session redraws;
   * the render node is kept unless what it shows changed. */
  self->session_signals = g_signal_group_new (GOLANES_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify", G_CALLBACK (gtk_widget_queue_draw), self);
}
