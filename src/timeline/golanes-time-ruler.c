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
 * the start of the trace.  It draws the visible range of its session and
 * follows the session's changes; its view sets the session, the layout
 * and the lanes' width. */
struct _GolanesTimeRuler
{
  GtkWidget              parent_instance;

  GolanesSession        *session;
  GSignalGroup          *session_signals;
  GolanesTimelineLayout *layout;
  int                    lanes_width;
  double                 gutter;
};

G_DEFINE_FINAL_TYPE (GolanesTimeRuler, golanes_time_ruler, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GolanesSession *
golanes_time_ruler_get_session (GolanesTimeRuler *self)
{
  g_return_val_if_fail (GOLANES_IS_TIME_RULER (self), NULL);

  return self->session;
}

/**
 * golanes_time_ruler_set_session:
 * @session: (nullable): the session to show
 */
void
golanes_time_ruler_set_session (GolanesTimeRuler *self,
                                GolanesSession   *session)
{
  g_return_if_fail (GOLANES_IS_TIME_RULER (self));
  g_return_if_fail (session == NULL || GOLANES_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_signal_group_set_target (self->session_signals, session);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
golanes_time_ruler_set_layout (GolanesTimeRuler      *self,
                               GolanesTimelineLayout *layout)
{
  g_return_if_fail (GOLANES_IS_TIME_RULER (self));

  self->layout = layout;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
golanes_time_ruler_set_lanes_width (GolanesTimeRuler *self,
                                    int               width)
{
  g_return_if_fail (GOLANES_IS_TIME_RULER (self));

  if (self->lanes_width == width)
    return;
  self->lanes_width = width;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The width of the lanes' label gutter, which the ruler's data area
 * starts after. */
void
golanes_time_ruler_set_gutter (GolanesTimeRuler *self,
                               double            gutter)
{
  g_return_if_fail (GOLANES_IS_TIME_RULER (self));

  if (self->gutter == gutter)
    return;
  self->gutter = gutter;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
golanes_time_ruler_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  GolanesTimeRuler *self = GOLANES_TIME_RULER (widget);
  GolanesTimelineRenderParams params;

  if (!_golanes_timeline_params_init (&params, widget, self->session, self->layout, self->lanes_width,
                                      self->gutter, 0))
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
    *minimum = *natural = GOLANES_TIMELINE_GUTTER_MIN + 50;
}

static void
golanes_time_ruler_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GolanesTimeRuler *self = GOLANES_TIME_RULER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
golanes_time_ruler_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GolanesTimeRuler *self = GOLANES_TIME_RULER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      golanes_time_ruler_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
golanes_time_ruler_dispose (GObject *object)
{
  GolanesTimeRuler *self = GOLANES_TIME_RULER (object);

  g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->session);
  self->layout = NULL;

  G_OBJECT_CLASS (golanes_time_ruler_parent_class)->dispose (object);
}

static void
golanes_time_ruler_finalize (GObject *object)
{
  GolanesTimeRuler *self = GOLANES_TIME_RULER (object);

  g_clear_object (&self->session_signals);

  G_OBJECT_CLASS (golanes_time_ruler_parent_class)->finalize (object);
}

static void
golanes_time_ruler_class_init (GolanesTimeRulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = golanes_time_ruler_get_property;
  object_class->set_property = golanes_time_ruler_set_property;
  object_class->dispose = golanes_time_ruler_dispose;
  object_class->finalize = golanes_time_ruler_finalize;
  widget_class->snapshot = golanes_time_ruler_snapshot;
  widget_class->measure = golanes_time_ruler_measure;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         GOLANES_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "timeruler");
}

static void
golanes_time_ruler_init (GolanesTimeRuler *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");

  /* The visible range, the document: any change of the session redraws. */
  self->session_signals = g_signal_group_new (GOLANES_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify", G_CALLBACK (gtk_widget_queue_draw), self);
}
