/* golanes-busy.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-busy"

#include "config.h"

#include <math.h>

#include "golanes-busy.h"
#include "golanes-compat.h"

#define SIZE        16
#define STEPS       16          /* positions a turn */
#define STEP_MSEC   (1000 / STEPS)   /* a turn a second, as GtkSpinner */
#define LINE_WIDTH  2.0

struct _GolanesBusy
{
  GtkWidget parent_instance;

  guint     timer;
  guint     steps;
  gboolean  spinning;
};

G_DEFINE_FINAL_TYPE (GolanesBusy, golanes_busy, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SPINNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
step_cb (gpointer user_data)
{
  GolanesBusy *self = user_data;

  self->steps++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_CONTINUE;
}

/* Turns while it can be seen and is asked to. */
static void
update_timer (GolanesBusy *self,
              gboolean     mapped)
{
  gboolean run = self->spinning && mapped;

  if (run && self->timer == 0)
    {
      self->timer = g_timeout_add (STEP_MSEC, step_cb, self);
      g_source_set_name_by_id (self->timer, "[golanes] busy step");
    }
  else if (!run && self->timer != 0)
    g_clear_handle_id (&self->timer, g_source_remove);
}

static void
golanes_busy_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (golanes_busy_parent_class)->map (widget);
  update_timer (GOLANES_BUSY (widget), TRUE);
}

static void
golanes_busy_unmap (GtkWidget *widget)
{
  update_timer (GOLANES_BUSY (widget), FALSE);
  GTK_WIDGET_CLASS (golanes_busy_parent_class)->unmap (widget);
}

static void
golanes_busy_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = *natural = SIZE;
}

/* A faint ring and an arc of a quarter of it that moves round. */
static void
golanes_busy_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  GolanesBusy *self = GOLANES_BUSY (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double size = MIN (width, height);
  double radius = (size - LINE_WIDTH) / 2;
  double start;
  GdkRGBA color;
  cairo_t *cr;

  if (!self->spinning || radius <= 0)
    return;
  golanes_widget_get_color (widget, &color);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha * 0.2);
  cairo_arc (cr, width / 2.0, height / 2.0, radius, 0, 2 * G_PI);
  cairo_stroke (cr);
  start = 2 * G_PI * (self->steps % STEPS) / STEPS - G_PI / 2;
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha);
  cairo_arc (cr, width / 2.0, height / 2.0, radius, start, start + G_PI / 2);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
golanes_busy_dispose (GObject *object)
{
  GolanesBusy *self = GOLANES_BUSY (object);

  g_clear_handle_id (&self->timer, g_source_remove);
  G_OBJECT_CLASS (golanes_busy_parent_class)->dispose (object);
}

static void
golanes_busy_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GolanesBusy *self = GOLANES_BUSY (object);

  switch (prop_id)
    {
    case PROP_SPINNING:
      g_value_set_boolean (value, self->spinning);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
golanes_busy_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GolanesBusy *self = GOLANES_BUSY (object);

  switch (prop_id)
    {
    case PROP_SPINNING:
      golanes_busy_set_spinning (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
golanes_busy_class_init (GolanesBusyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = golanes_busy_dispose;
  object_class->get_property = golanes_busy_get_property;
  object_class->set_property = golanes_busy_set_property;

  widget_class->map = golanes_busy_map;
  widget_class->unmap = golanes_busy_unmap;
  widget_class->measure = golanes_busy_measure;
  widget_class->snapshot = golanes_busy_snapshot;

  properties[PROP_SPINNING] =
    g_param_spec_boolean ("spinning", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "busy");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
golanes_busy_init (GolanesBusy *self)
{
}

GtkWidget *
golanes_busy_new (void)
{
  return g_object_new (GOLANES_TYPE_BUSY, NULL);
}

void
golanes_busy_set_spinning (GolanesBusy *self,
                           gboolean     spinning)
{
  g_return_if_fail (GOLANES_IS_BUSY (self));

  spinning = !!spinning;
  if (self->spinning == spinning)
    return;
  self->spinning = spinning;
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_BUSY, spinning, -1);
  update_timer (self, gtk_widget_get_mapped (GTK_WIDGET (self)));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPINNING]);
}

gboolean
golanes_busy_get_spinning (GolanesBusy *self)
{
  g_return_val_if_fail (GOLANES_IS_BUSY (self), FALSE);

  return self->spinning;
}

guint
golanes_busy_get_steps (GolanesBusy *self)
{
  g_return_val_if_fail (GOLANES_IS_BUSY (self), 0);

  return self->steps;
}
