/* golanes-paced-model.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-paced-model"

#include "config.h"

#include "golanes-paced-model.h"

/* A list view makes a row widget for every item it may show (about 200 in
 * GTK 4.8, however few fit), each with a cell and a label per column, and
 * measures them all in the next frame: on a 2-core machine that is
 * 60–120 ms in one main-loop iteration.  Shown in steps, they cost a few
 * frames instead.  The rows are made and measured in the frame's layout,
 * after the tick that gives the items: a step is timed from that tick to
 * the end of the frame's paint, and sized so that the whole frame (the
 * timeline's drawing included) stays within FRAME_BUDGET_USEC. */
#define FIRST_STEP        8
#define MIN_STEP          2
#define FRAME_BUDGET_USEC 6000
struct _GolanesPacedModel
{
  GObject     parent_instance;

  GListModel *model;
  GtkWidget  *widget;       /* weak */
  guint       tick_id;
  GdkFrameClock *clock;     /* while ticking */
  gulong      after_paint_id;
  gint64      step_start;   /* the tick of the step being drawn, or 0 */
  gulong      map_id;
  guint       shown;        /* items given to the view */
  guint       step;
  gboolean    settled;      /* every item shown: changes pass through */
};

static GType
golanes_paced_model_get_item_type (GListModel *list)
{
  GolanesPacedModel *self = GOLANES_PACED_MODEL (list);

  return g_list_model_get_item_type (self->model);
}

static guint
golanes_paced_model_get_n_items (GListModel *list)
{
  return GOLANES_PACED_MODEL (list)->shown;
}

static gpointer
golanes_paced_model_get_item (GListModel *list,
                              guint       position)
{
  GolanesPacedModel *self = GOLANES_PACED_MODEL (list);

  if (position >= self->shown)
    return NULL;
  return g_list_model_get_item (self->model, position);
}

static void
golanes_paced_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = golanes_paced_model_get_item_type;
  iface->get_n_items = golanes_paced_model_get_n_items;
  iface->get_item = golanes_paced_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (GolanesPacedModel, golanes_paced_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, golanes_paced_model_list_model_init))

static void
stop_ticking (GolanesPacedModel *self)
{
  if (self->tick_id != 0 && self->widget != NULL)
    gtk_widget_remove_tick_callback (self->widget, self->tick_id);
  self->tick_id = 0;
  if (self->clock != NULL)
    {
      g_clear_signal_handler (&self->after_paint_id, self->clock);
      g_clear_object (&self->clock);
    }
  self->step_start = 0;
}

/* Shows up to @count more items. */
static void
show_more (GolanesPacedModel *self,
           guint              count)
{
  guint n = g_list_model_get_n_items (self->model);
  guint before = self->shown;

  self->shown = before >= n || count >= n - before ? n : before + count;
  self->settled = self->shown == n;
  if (self->settled)
    stop_ticking (self);
  if (self->shown > before)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, self->shown - before);
}

/* The frame that made the rows of a step is painted: the next step is
 * sized on what it cost.  Items past the rows the view makes cost almost
 * nothing: the step grows quickly there. */
static void
after_paint_cb (GdkFrameClock     *clock,
                GolanesPacedModel *self)
{
  gint64 spent;

  if (self->step_start == 0)
    return;
  spent = g_get_monotonic_time () - self->step_start;
  self->step_start = 0;
  if (spent < FRAME_BUDGET_USEC / 2)
    self->step = self->step <= G_MAXUINT / 4 ? self->step * 4 : G_MAXUINT;
  else if (spent > FRAME_BUDGET_USEC)
    self->step = MAX (MIN_STEP, (guint) ((guint64) self->step * FRAME_BUDGET_USEC / (guint64) spent));
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  GolanesPacedModel *self = user_data;

  /* A hidden view waits to be shown: see map_cb. */
  if (!gtk_widget_get_mapped (widget))
    {
      self->tick_id = 0;
      stop_ticking (self);
      return G_SOURCE_REMOVE;
    }

  /* A step still unpainted (a frame that did not paint) waits. */
  if (self->step_start != 0 && g_get_monotonic_time () - self->step_start < G_USEC_PER_SEC / 10)
    return G_SOURCE_CONTINUE;
  self->step_start = g_get_monotonic_time ();
  show_more (self, self->step);

  if (self->settled)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
start_ticking (GolanesPacedModel *self)
{
  if (self->settled || self->tick_id != 0 || self->widget == NULL || !gtk_widget_get_mapped (self->widget))
    return;
  self->tick_id = gtk_widget_add_tick_callback (self->widget, tick_cb, self, NULL);
  self->clock = g_object_ref (gtk_widget_get_frame_clock (self->widget));
  self->after_paint_id = g_signal_connect (self->clock, "after-paint", G_CALLBACK (after_paint_cb), self);
}

static void
map_cb (GolanesPacedModel *self)
{
  start_ticking (self);
}

static void
items_changed_cb (GolanesPacedModel *self,
                  guint              position,
                  guint              removed,
                  guint              added,
                  GListModel        *model)
{
  guint before = self->shown;

  if (self->settled)
    {
      self->shown = before - removed + added;
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }
  if (position >= before)
    return;
  /* A change inside the shown items: everything from @position on is
   * given again, as far as was shown. */
  self->shown = MIN (before, g_list_model_get_n_items (model));
  self->settled = self->shown == g_list_model_get_n_items (model);
  if (self->settled)
    stop_ticking (self);
  g_list_model_items_changed (G_LIST_MODEL (self), position, before - position, self->shown - position);
}

static void
golanes_paced_model_dispose (GObject *object)
{
  GolanesPacedModel *self = GOLANES_PACED_MODEL (object);

  stop_ticking (self);
  if (self->widget != NULL)
    {
      g_clear_signal_handler (&self->map_id, self->widget);
      g_object_remove_weak_pointer (G_OBJECT (self->widget), (gpointer *) &self->widget);
      self->widget = NULL;
    }
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (golanes_paced_model_parent_class)->dispose (object);
}

static void
golanes_paced_model_class_init (GolanesPacedModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = golanes_paced_model_dispose;
}

static void
golanes_paced_model_init (GolanesPacedModel *self)
{
  self->step = FIRST_STEP;
}

/**
 * golanes_paced_model_new:
 * @model: (transfer full): the items
 * @widget: the list view whose frames pace the items
 *
 * Returns: (transfer full): a model that holds the first few of @model's
 *   items and grows, one step per frame while @widget is shown, until it
 *   holds them all
 */
GolanesPacedModel *
golanes_paced_model_new (GListModel *model,
                         GtkWidget  *widget)
{
  GolanesPacedModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  self = g_object_new (GOLANES_TYPE_PACED_MODEL, NULL);
  self->model = model;
  self->widget = widget;
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &self->widget);
  self->shown = MIN (g_list_model_get_n_items (model), FIRST_STEP);
  self->settled = self->shown == g_list_model_get_n_items (model);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (items_changed_cb), self);
  self->map_id = g_signal_connect_swapped (widget, "map", G_CALLBACK (map_cb), self);
  start_ticking (self);

  return self;
}

GListModel *
golanes_paced_model_get_model (GolanesPacedModel *self)
{
  g_return_val_if_fail (GOLANES_IS_PACED_MODEL (self), NULL);

  return self->model;
}

void
golanes_paced_model_flush (GolanesPacedModel *self)
{
  g_return_if_fail (GOLANES_IS_PACED_MODEL (self));

  if (!self->settled)
    show_more (self, G_MAXUINT);
}

gboolean
golanes_paced_model_is_settled (GolanesPacedModel *self)
{
  g_return_val_if_fail (GOLANES_IS_PACED_MODEL (self), FALSE);

  return self->settled;
}
