/* golanes-timeline-view.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-timeline-view"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "golanes-compat.h"
#include "golanes-palette.h"
#include "golanes-time-ruler.h"
#include "golanes-timeline-lanes.h"
#include "golanes-timeline-math.h"
#include "golanes-timeline-view-private.h"

#define MAX_FIND_RESULTS 50
#define WHEEL_ZOOM_STEP  1.25
#define KEY_PAN_FRACTION 0.1

/*
 * The timeline: a ruler over the lanes, a vertical scrollbar, and the
 * interaction.  The GolanesSession holds the view state; this widget maps
 * input to session changes and draws the cheap overlays (selection, hover
 * line, selected span) above the lanes' cached render node.
 */
struct _GolanesTimelineView
{
  GtkWidget              parent_instance;

  GolanesSession        *session;
  GolanesTimelineLayout *layout;

  GtkWidget             *ruler;
  GtkWidget             *body;
  GtkWidget             *lanes;
  GtkWidget             *scrollbar;
  GtkAdjustment         *vadjustment;
  GtkWidget             *find_popover;
  GtkWidget             *find_entry;
  GtkWidget             *find_list;

  /* Pointer state */
  double                 hover_x;
  gboolean               hovering;
  gboolean               selecting;
  double                 drag_start_x;
  double                 drag_start_y;
  gint64                 pan_start;
  gint64                 pan_end;
  gint64                 pinch_start;
  gint64                 pinch_end;
  gint64                 pinch_anchor;
  /* Modifiers for a scroll signal emitted without an event (tests). */
  GdkModifierType        scroll_modifiers;

  /* The gutter: as wide as the widest label measured since the session
   * was set (it widens as groups open, and keeps its width as they
   * close), within what the lanes' width allows. */
  double                 gutter;
  double                 labels_width;
  guint                  labels_serial;

  guint                  n_frames;
  gboolean               frame_pending;
  /* Goroutines that streamed in wait to join the layout: a slice a frame. */
  guint                  layout_tick_id;
};

/* At most 3 ms of laying out goroutines a frame, 65,536 of them: 3.9 M a
 * second at 60 frames a second, ahead of the fastest load (at about 50 ns
 * each; on a busy machine the time is up first). */
#define LAYOUT_SLICE      65536
#define LAYOUT_SLICE_USEC 3000

G_DEFINE_FINAL_TYPE (GolanesTimelineView, golanes_timeline_view, GTK_TYPE_WIDGET)

static GolanesFirstFrameFunc first_frame_func;
static gpointer first_frame_data;

void
golanes_timeline_view_set_first_frame_func (GolanesFirstFrameFunc func,
                                            gpointer              user_data)
{
  first_frame_func = func;
  first_frame_data = user_data;
}

static gboolean
style_is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

gboolean
_golanes_timeline_params_init (GolanesTimelineRenderParams *params,
                               GtkWidget                   *widget,
                               GolanesSession              *session,
                               GolanesTimelineLayout       *layout,
                               double                       width,
                               double                       gutter,
                               double                       scroll_y)
{
  memset (params, 0, sizeof *params);
  if (session == NULL || layout == NULL)
    return FALSE;

  params->document = golanes_session_get_document (session);
  params->layout = layout;
  golanes_session_get_visible (session, &params->start, &params->end);
  params->width = width;
  params->gutter = gutter;
  params->height = gtk_widget_get_height (widget);
  params->scroll_y = scroll_y;
  params->scale = gtk_widget_get_scale_factor (widget);
  params->dark = style_is_dark ();
  golanes_widget_get_color (widget, &params->foreground);
  params->pango = gtk_widget_get_pango_context (widget);
  params->highlight = golanes_session_get_highlight (session, &params->n_highlight);
  params->loaded_end = golanes_session_get_loaded_end (session);
  params->loaded_fraction = golanes_session_get_loaded_fraction (session);
  return TRUE;
}

static void
after_paint_cb (GdkFrameClock       *clock,
                GolanesTimelineView *self)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);
  self->frame_pending = FALSE;
  self->n_frames++;
  if (self->n_frames == 1 && first_frame_func != NULL)
    {
      GolanesFirstFrameFunc func = first_frame_func;

      first_frame_func = NULL;
      func (first_frame_data);
    }
}

/* The lanes drew with data: a frame, counted once it is painted. */
static void
lanes_drawn_cb (GolanesTimelineView *self)
{
  GdkFrameClock *clock;

  if (self->frame_pending)
    return;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    return;
  self->frame_pending = TRUE;
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb), self, 0);
}

void
_golanes_timeline_view_set_scroll_modifiers (GolanesTimelineView *self,
                                             GdkModifierType      modifiers)
{
  g_return_if_fail (GOLANES_IS_TIMELINE_VIEW (self));

  self->scroll_modifiers = modifiers;
}

guint
golanes_timeline_view_get_n_frames (GolanesTimelineView *self)
{
  g_return_val_if_fail (GOLANES_IS_TIMELINE_VIEW (self), 0);

  return self->n_frames;
}

static double
data_width (GolanesTimelineView *self)
{
  return MAX (1, gtk_widget_get_width (self->lanes) - self->gutter);
}

static gint64
time_at (GolanesTimelineView *self,
         double               x)
{
  gint64 start;
  gint64 end;

  golanes_session_get_visible (self->session, &start, &end);
  return golanes_timeline_x_to_time (start, end, data_width (self), x - self->gutter);
}

static double
x_at (GolanesTimelineView *self,
      gint64               time)
{
  gint64 start;
  gint64 end;

  golanes_session_get_visible (self->session, &start, &end);
  return self->gutter + golanes_timeline_time_to_x (start, end, data_width (self), time);
}

static void
update_adjustment_for (GolanesTimelineView *self,
                       double               page)
{
  double upper = self->layout != NULL ? golanes_timeline_layout_get_height (self->layout) : 0;
  double value = gtk_adjustment_get_value (self->vadjustment);

  upper = MAX (upper, page);
  gtk_adjustment_configure (self->vadjustment,
                            CLAMP (value, 0, MAX (0, upper - page)),
                            0, upper, 20, MAX (page * 0.9, 1), page);
}

static void
update_adjustment (GolanesTimelineView *self)
{
  update_adjustment_for (self, gtk_widget_get_height (self->lanes));
}

/* Measures the labels again if the lanes changed, and fits the gutter to
 * them and to the lanes' width; the ruler and the lanes draw with it. */
static void
update_gutter (GolanesTimelineView *self)
{
  double gutter;

  if (self->layout != NULL && golanes_timeline_layout_get_serial (self->layout) != self->labels_serial)
    {
      double measured = golanes_timeline_measure_labels (self->layout, gtk_widget_get_pango_context (self->lanes));

      self->labels_width = MAX (self->labels_width, measured);
      self->labels_serial = golanes_timeline_layout_get_serial (self->layout);
    }
  gutter = golanes_timeline_fit_gutter (self->labels_width, gtk_widget_get_width (self->lanes));
  if (gutter == self->gutter)
    return;
  self->gutter = gutter;
  golanes_time_ruler_set_gutter (GOLANES_TIME_RULER (self->ruler), gutter);
  golanes_timeline_lanes_set_gutter (GOLANES_TIMELINE_LANES (self->lanes), gutter);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
layout_changed (GolanesTimelineView *self)
{
  update_gutter (self);
  update_adjustment (self);
  golanes_timeline_lanes_invalidate (GOLANES_TIMELINE_LANES (self->lanes));
}

static void
scroll_to_lane (GolanesTimelineView *self,
                gint                 lane_index)
{
  GolanesLane lane;
  double page;
  double value;

  if (lane_index < 0)
    return;

  lane = golanes_timeline_layout_get_lane (self->layout, lane_index);
  page = gtk_adjustment_get_page_size (self->vadjustment);
  value = gtk_adjustment_get_value (self->vadjustment);
  if (lane.y < value || lane.y + lane.height > value + page)
    gtk_adjustment_set_value (self->vadjustment, MAX (0, lane.y - page / 3));
}

static void
reveal_goroutine_cb (GolanesTimelineView *self,
                     gint64               goroutine_id,
                     GolanesSession      *session)
{
  GolanesTimeline *timeline = golanes_document_get_timeline (golanes_session_get_document (session));
  gint index = golanes_timeline_lookup_goroutine (timeline, goroutine_id);
  gint lane;

  if (index < 0)
    return;

  lane = golanes_timeline_layout_reveal_goroutine (self->layout, index);
  layout_changed (self);
  scroll_to_lane (self, lane);
}

static void
update_actions (GolanesTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has = self->session != NULL;
  gint64 start = 0;
  gint64 end = 0;
  gboolean whole = TRUE;

  if (has)
    {
      golanes_session_get_visible (self->session, &start, &end);
      whole = start == golanes_session_get_start_time (self->session) &&
              end == golanes_session_get_end_time (self->session);
    }

  gtk_widget_action_set_enabled (widget, "timeline.zoom-in", has && end - start > GOLANES_SESSION_MIN_DURATION);
  gtk_widget_action_set_enabled (widget, "timeline.zoom-out", has && !whole);
  gtk_widget_action_set_enabled (widget, "timeline.zoom-fit", has && !whole);
  gtk_widget_action_set_enabled (widget, "timeline.zoom-selection",
                                 has && golanes_session_get_selection (self->session, NULL, NULL));
  gtk_widget_action_set_enabled (widget, "timeline.back", has && golanes_session_get_can_go_back (self->session));
  gtk_widget_action_set_enabled (widget, "timeline.forward", has && golanes_session_get_can_go_forward (self->session));
  gtk_widget_action_set_enabled (widget, "timeline.find", has);
}

static void
session_notify_cb (GolanesTimelineView *self,
                   GParamSpec          *pspec,
                   GolanesSession      *session)
{
  /* The ruler and the lanes follow the session themselves. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_actions (self);
}

/* The ruler and the lanes draw @session with @layout, which the view owns. */
static void
set_children_session (GolanesTimelineView   *self,
                      GolanesSession        *session,
                      GolanesTimelineLayout *layout)
{
  golanes_time_ruler_set_layout (GOLANES_TIME_RULER (self->ruler), layout);
  golanes_time_ruler_set_session (GOLANES_TIME_RULER (self->ruler), session);
  golanes_timeline_lanes_set_layout (GOLANES_TIMELINE_LANES (self->lanes), layout);
  golanes_timeline_lanes_set_session (GOLANES_TIMELINE_LANES (self->lanes), session);
}

/* A new critical path: its goroutines' groups open, and the goroutine
 * it ends on comes into sight. */
static void
critical_path_changed_cb (GolanesTimelineView *self,
                          GolanesSession      *session)
{
  const GolanesCritSegment *segs;
  guint n, i, revealed = 0;
  gint lane = -1;
  guint32 last = G_MAXUINT32;

  segs = golanes_session_get_critical_path (session, &n);
  for (i = n; i-- > 0 && revealed < 64;)
    if (segs[i].goroutine != last)
      {
        gint l = golanes_timeline_layout_reveal_goroutine (self->layout, segs[i].goroutine);

        if (lane < 0)
          lane = l;
        last = segs[i].goroutine;
        revealed++;
      }
  if (n > 0)
    {
      layout_changed (self);
      /* Lanes above it may have opened: find it again. */
      lane = golanes_timeline_layout_get_goroutine_lane (self->layout, segs[n - 1].goroutine);
      if (lane >= 0)
        scroll_to_lane (self, lane);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * golanes_timeline_view_set_session:
 * @session: (nullable): the session to show
 */
static void
stop_layout_tick (GolanesTimelineView *self)
{
  if (self->layout_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->layout_tick_id);
  self->layout_tick_id = 0;
}

/* The next slice of the goroutines that wait for the layout; the lanes
 * are laid out again when a slice added lanes and once all are in. */
static gboolean
layout_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  GolanesTimelineView *self = GOLANES_TIMELINE_VIEW (widget);
  gboolean added;

  if (self->layout == NULL)
    {
      self->layout_tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  added = golanes_timeline_layout_update_within (self->layout, LAYOUT_SLICE,
                                                 g_get_monotonic_time () + LAYOUT_SLICE_USEC);
  if (golanes_timeline_layout_get_n_pending (self->layout) > 0)
    {
      if (added)
        layout_changed (self);
      return G_SOURCE_CONTINUE;
    }
  layout_changed (self);
  self->layout_tick_id = 0;
  return G_SOURCE_REMOVE;
}

void
golanes_timeline_view_set_session (GolanesTimelineView *self,
                                   GolanesSession      *session)
{
  g_return_if_fail (GOLANES_IS_TIMELINE_VIEW (self));
  g_return_if_fail (session == NULL || GOLANES_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      set_children_session (self, NULL, NULL);
    }
  g_clear_object (&self->session);
  stop_layout_tick (self);
  g_clear_pointer (&self->layout, golanes_timeline_layout_free);
  self->n_frames = 0;
  self->labels_width = 0;
  self->labels_serial = 0;

  if (session != NULL)
    {
      self->session = g_object_ref (session);
      self->layout = golanes_timeline_layout_new (golanes_session_get_document (session));
      g_signal_connect_object (session, "notify", G_CALLBACK (session_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "reveal-goroutine", G_CALLBACK (reveal_goroutine_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "critical-path-changed", G_CALLBACK (critical_path_changed_cb), self,
                               G_CONNECT_SWAPPED);
      set_children_session (self, self->session, self->layout);
    }

  gtk_adjustment_set_value (self->vadjustment, 0);
  layout_changed (self);
  update_actions (self);
}

/**
 * golanes_timeline_view_refresh:
 *
 * The session's document grew as it streams in, or finished loading:
 * the extent follows it, the new lanes are added, and all is drawn again.
 */
void
golanes_timeline_view_refresh (GolanesTimelineView *self)
{
  g_return_if_fail (GOLANES_IS_TIMELINE_VIEW (self));

  if (self->session == NULL)
    return;
  golanes_session_update_extent (self->session);
  golanes_timeline_layout_update_within (self->layout, LAYOUT_SLICE, g_get_monotonic_time () + LAYOUT_SLICE_USEC);
  if (golanes_timeline_layout_get_n_pending (self->layout) > 0 && self->layout_tick_id == 0)
    self->layout_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), layout_tick_cb, NULL, NULL);
  layout_changed (self);
  gtk_widget_queue_draw (self->ruler);
  update_actions (self);
}

GolanesSession *
golanes_timeline_view_get_session (GolanesTimelineView *self)
{
  g_return_val_if_fail (GOLANES_IS_TIMELINE_VIEW (self), NULL);

  return self->session;
}

GolanesTimelineLayout *
golanes_timeline_view_get_layout (GolanesTimelineView *self)
{
  g_return_val_if_fail (GOLANES_IS_TIMELINE_VIEW (self), NULL);

  return self->layout;
}

GtkWidget *
golanes_timeline_view_get_lanes (GolanesTimelineView *self)
{
  g_return_val_if_fail (GOLANES_IS_TIMELINE_VIEW (self), NULL);

  return self->lanes;
}

GtkAdjustment *
golanes_timeline_view_get_vadjustment (GolanesTimelineView *self)
{
  g_return_val_if_fail (GOLANES_IS_TIMELINE_VIEW (self), NULL);

  return self->vadjustment;
}

gboolean
golanes_timeline_view_get_point (GolanesTimelineView *self,
                                 gint64               time,
                                 guint                lane,
                                 double              *x,
                                 double              *y)
{
  GolanesLane l;

  g_return_val_if_fail (GOLANES_IS_TIMELINE_VIEW (self), FALSE);

  if (self->layout == NULL || lane >= golanes_timeline_layout_get_n_lanes (self->layout))
    return FALSE;

  l = golanes_timeline_layout_get_lane (self->layout, lane);
  *x = x_at (self, time);
  *y = l.y + l.height / 2 - floor (gtk_adjustment_get_value (self->vadjustment));
  return TRUE;
}

/* Overlay */

/* The lane of region or task row @index (region: of goroutine @index at
 * @level), or -1. */
static gint
find_item_lane (GolanesTimelineView *self,
                GolanesLaneKind      kind,
                guint32              index,
                guint16              level)
{
  guint n = golanes_timeline_layout_get_n_lanes (self->layout);
  guint i = 0;

  if (kind == GOLANES_LANE_REGION)
    {
      gint g = golanes_timeline_layout_get_goroutine_lane (self->layout, index);

      if (g < 0)
        return -1;
      i = (guint) g + 1;
    }
  for (; i < n; i++)
    {
      GolanesLane lane = golanes_timeline_layout_get_lane (self->layout, i);

      if (lane.kind == kind && lane.index == index && (kind != GOLANES_LANE_REGION || lane.level == level))
        return (gint) i;
      /* Region lanes follow their goroutine's; task lanes come before any goroutine's. */
      if (lane.kind == GOLANES_LANE_GOROUTINE)
        return -1;
    }
  return -1;
}

static void
append_ring (GtkSnapshot     *snapshot,
             const GdkRGBA   *color,
             double           x0,
             double           x1,
             double           y,
             double           height)
{
  x1 = MAX (x1, x0 + 2);
  gtk_snapshot_append_border (snapshot,
                              &GSK_ROUNDED_RECT_INIT (x0 - 1, y - 1, x1 - x0 + 2, height + 2),
                              (float[]) { 2, 2, 2, 2 },
                              (GdkRGBA[]) { *color, *color, *color, *color });
}

/* The selected task or region: a ring on its lane. */
static void
snapshot_selected_item (GolanesTimelineView *self,
                        GtkSnapshot         *snapshot)
{
  GolanesTimeline *timeline = golanes_document_get_timeline (golanes_session_get_document (self->session));
  gint task = golanes_session_get_selected_task (self->session);
  gint region = golanes_session_get_selected_region (self->session);
  gint64 start, end;
  gint lane_index = -1;
  GdkRGBA ring;

  if (task >= 0 && (guint) task < golanes_timeline_get_n_tasks (timeline))
    {
      GolanesTimelineTask t_copy;
      const GolanesTimelineTask *t =
        golanes_timeline_get_task (timeline, (guint) task, &t_copy) ? &t_copy : NULL;

      start = t->start;
      end = t->end;
      lane_index = find_item_lane (self, GOLANES_LANE_TASK, t->row, 0);
    }
  else if (region >= 0 && (guint) region < golanes_timeline_get_n_regions (timeline))
    {
      GolanesTimelineRegion r_copy;
      const GolanesTimelineRegion *r =
        golanes_timeline_get_region (timeline, (guint) region, &r_copy) ? &r_copy : NULL;
      gint g = golanes_timeline_lookup_goroutine (timeline, r->goroutine);

      start = r->start;
      end = r->end;
      if (g >= 0)
        lane_index = find_item_lane (self, GOLANES_LANE_REGION, (guint32) g, (guint16) r->level);
    }
  if (lane_index < 0)
    return;
  {
    GolanesLane lane = golanes_timeline_layout_get_lane (self->layout, (guint) lane_index);
    double y = lane.y - floor (gtk_adjustment_get_value (self->vadjustment));

    golanes_widget_get_color (GTK_WIDGET (self), &ring);
    append_ring (snapshot, &ring, x_at (self, start), x_at (self, end), y, lane.height);
  }
}

/* The session's critical path: each stretch on one goroutine ringed on its
 * lane, with a bar of each segment's kind along the lane's bottom, and an
 * arrow where the path goes from one goroutine to the next (from the one
 * that unblocked, or created, to the one it let go on). */
static void
snapshot_critical_path (GolanesTimelineView *self,
                        GtkSnapshot         *snapshot,
                        double               width,
                        double               height)
{
  const GolanesCritSegment *segs;
  guint n, lo, hi, i;
  gint64 vstart, vend;
  double scroll = floor (gtk_adjustment_get_value (self->vadjustment));
  gboolean dark = style_is_dark ();
  GdkRGBA fg;
  cairo_t *cr = NULL;
  gint prev_lane = -1;
  guint32 prev_g = G_MAXUINT32;
  double run_x0 = 0;
  double last_arrow = -G_MAXDOUBLE;
  gint run_lane = -1;

  segs = golanes_session_get_critical_path (self->session, &n);
  if (n == 0)
    return;
  golanes_session_get_visible (self->session, &vstart, &vend);
  golanes_widget_get_color (GTK_WIDGET (self), &fg);

  /* The first segment that ends after the visible start (and the one
   * before it, for the arrow into it). */
  lo = 0;
  hi = n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (segs[mid].end <= vstart)
        lo = mid + 1;
      else
        hi = mid;
    }
  i = lo > 0 ? lo - 1 : 0;

  for (; i < n && segs[i].start <= vend; i++)
    {
      const GolanesCritSegment *s = &segs[i];
      gint lane_index = golanes_timeline_layout_get_goroutine_lane (self->layout, s->goroutine);
      double x0 = x_at (self, s->start);
      double x1 = MAX (x_at (self, s->end), x0 + 1);

      if (s->goroutine != prev_g)
        {
          /* Close the ring of the stretch before, then the arrow. */
          /* Stretches and jumps closer than a few pixels would only
           * blacken the lanes: the bars along the bottom show them. */
          if (run_lane >= 0 && x0 - run_x0 >= 3)
            {
              GolanesLane lane = golanes_timeline_layout_get_lane (self->layout, (guint) run_lane);

              append_ring (snapshot, &fg, run_x0, x0, lane.y - scroll, lane.height);
            }
          if (prev_lane >= 0 && lane_index >= 0 && prev_lane != lane_index && x0 - last_arrow >= 8)
            {
              GolanesLane from = golanes_timeline_layout_get_lane (self->layout, (guint) prev_lane);
              GolanesLane to = golanes_timeline_layout_get_lane (self->layout, (guint) lane_index);
              double y0 = from.y + from.height / 2 - scroll;
              double y1 = to.y + to.height / 2 - scroll;
              double dir = y1 > y0 ? 1 : -1;
              double tip = y1 - dir * to.height / 2;

              if (cr == NULL)
                cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
              gdk_cairo_set_source_rgba (cr, &fg);
              cairo_set_line_width (cr, 1.5);
              cairo_move_to (cr, x0, y0);
              cairo_line_to (cr, x0, tip - dir * 5);
              cairo_stroke (cr);
              cairo_move_to (cr, x0, tip);
              cairo_line_to (cr, x0 - 5, tip - dir * 8);
              cairo_line_to (cr, x0 + 5, tip - dir * 8);
              cairo_close_path (cr);
              cairo_fill (cr);
              last_arrow = x0;
            }
          run_x0 = x0;
          run_lane = lane_index;
          prev_g = s->goroutine;
          prev_lane = lane_index;
        }
      if (lane_index >= 0)
        {
          GolanesLane lane = golanes_timeline_layout_get_lane (self->layout, (guint) lane_index);
          double bar = MIN (4, lane.height / 4);

          gtk_snapshot_append_color (snapshot, golanes_palette_get (golanes_palette_crit_role (s->kind), dark),
                                     &GRAPHENE_RECT_INIT (x0, lane.y - scroll + lane.height - bar, x1 - x0, bar));
        }
    }
  if (run_lane >= 0 && x_at (self, segs[MIN (i, n) - 1].end) - run_x0 >= 3)
    {
      GolanesLane lane = golanes_timeline_layout_get_lane (self->layout, (guint) run_lane);

      append_ring (snapshot, &fg, run_x0, x_at (self, segs[MIN (i, n) - 1].end), lane.y - scroll, lane.height);
    }
  if (cr != NULL)
    cairo_destroy (cr);
}

static void
golanes_timeline_view_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  GolanesTimelineView *self = GOLANES_TIMELINE_VIEW (widget);
  gboolean dark = style_is_dark ();
  graphene_point_t origin;
  double width;
  double height;
  gint64 sel_start;
  gint64 sel_end;
  guint goroutine;
  guint span;

  GTK_WIDGET_CLASS (golanes_timeline_view_parent_class)->snapshot (widget, snapshot);

  if (self->session == NULL ||
      !gtk_widget_compute_point (self->lanes, widget, &GRAPHENE_POINT_INIT (0, 0), &origin))
    return;

  width = gtk_widget_get_width (self->lanes);
  height = gtk_widget_get_height (self->lanes);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &origin);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (self->gutter, 0, width - self->gutter, height));

  if (golanes_session_get_selection (self->session, &sel_start, &sel_end))
    {
      double x0 = x_at (self, sel_start);
      double x1 = MAX (x_at (self, sel_end), x0 + 1);
      GdkRGBA edge = *golanes_palette_get (GOLANES_COLOR_HEAP, dark);
      g_autofree char *duration = golanes_timeline_format_duration (sel_end - sel_start);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, duration);
      GdkRGBA white = { 1, 1, 1, 1 };
      int tw;
      int th;

      gtk_snapshot_append_color (snapshot, golanes_palette_get (GOLANES_COLOR_SELECTION, dark),
                                 &GRAPHENE_RECT_INIT (x0, 0, x1 - x0, height));
      gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (x0, 0, 1, height));
      gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (x1 - 1, 0, 1, height));

      /* Its duration, in a pill at the top. */
      pango_layout_get_pixel_size (layout, &tw, &th);
      gtk_snapshot_append_color (snapshot, &edge,
                                 &GRAPHENE_RECT_INIT ((x0 + x1) / 2 - tw / 2.0 - 6, 4, tw + 12, th + 4));
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (floor ((x0 + x1) / 2 - tw / 2.0), 6));
      gtk_snapshot_append_layout (snapshot, layout, &white);
      gtk_snapshot_restore (snapshot);
    }

  if (golanes_session_get_selected_span (self->session, &goroutine, &span))
    {
      GolanesTimeline *timeline = golanes_document_get_timeline (golanes_session_get_document (self->session));
      GolanesTimelineGoroutine g;
      gboolean have_g = golanes_timeline_get_goroutine (timeline, goroutine, &g);
      gint lane_index = golanes_timeline_layout_get_goroutine_lane (self->layout, goroutine);

      GolanesTrack *states = have_g ? golanes_timeline_get_goroutine_states (timeline, goroutine) : NULL;

      if (have_g && lane_index >= 0 && span < golanes_track_get_n_spans (states))
        {
          GolanesLane lane = golanes_timeline_layout_get_lane (self->layout, lane_index);
          double y = lane.y - floor (gtk_adjustment_get_value (self->vadjustment));
          double x0 = x_at (self, golanes_track_get_start (states, span));
          double x1 = MAX (x_at (self, golanes_track_get_end (states, span)), x0 + 2);
          GdkRGBA ring;

          golanes_widget_get_color (widget, &ring);
          gtk_snapshot_append_border (snapshot,
                                      &GSK_ROUNDED_RECT_INIT (x0 - 1, y - 1, x1 - x0 + 2, lane.height + 2),
                                      (float[]) { 2, 2, 2, 2 },
                                      (GdkRGBA[]) { ring, ring, ring, ring });
        }
    }

  snapshot_selected_item (self, snapshot);
  snapshot_critical_path (self, snapshot, width, height);

  if (self->hovering && self->hover_x >= self->gutter)
    {
      GdkRGBA line;

      golanes_widget_get_color (widget, &line);
      line.alpha *= 0.5;
      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (floor (self->hover_x), 0, 1, height));
    }

  gtk_snapshot_pop (snapshot);
  gtk_snapshot_restore (snapshot);
}

/* Input */

static gboolean
scroll_cb (GolanesTimelineView      *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  GdkModifierType state = event != NULL ? gdk_event_get_modifier_state (event) : self->scroll_modifiers;
  gboolean discrete = event == NULL || gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  gint64 start;
  gint64 end;
  double ns_per_px;

  if (self->session == NULL)
    return FALSE;

  golanes_session_get_visible (self->session, &start, &end);
  ns_per_px = (double) (end - start) / data_width (self);

  if (state & GDK_CONTROL_MASK)
    {
      double factor = discrete ? pow (WHEEL_ZOOM_STEP, dy) : exp (dy * 0.01);
      double x = self->hovering ? self->hover_x : self->gutter + data_width (self) / 2;

      golanes_session_zoom (self->session, factor, time_at (self, MAX (x, self->gutter)), FALSE);
      return TRUE;
    }

  if (state & GDK_SHIFT_MASK)
    {
      dx = dy;
      dy = 0;
    }

  if (dx != 0)
    {
      double px = discrete ? dx * data_width (self) * KEY_PAN_FRACTION : dx;

      golanes_session_pan (self->session, (gint64) (px * ns_per_px));
    }
  if (dy != 0)
    {
      double step = discrete ? dy * 60 : dy;

      gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + step);
    }

  return TRUE;
}

static void
zoom_begin_cb (GolanesTimelineView *self,
               GdkEventSequence    *sequence,
               GtkGesture          *gesture)
{
  double x;
  double y;

  if (self->session == NULL)
    return;
  /* Without touch points (a signal emitted by a test), around the
   * pointer or the middle. */
  if (!gtk_gesture_is_active (gesture) || !gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    x = self->hovering ? self->hover_x : self->gutter + data_width (self) / 2;
  golanes_session_get_visible (self->session, &self->pinch_start, &self->pinch_end);
  self->pinch_anchor = time_at (self, MAX (x, self->gutter));
}

static void
zoom_scale_changed_cb (GolanesTimelineView *self,
                       double               scale,
                       GtkGestureZoom      *gesture)
{
  gint64 start;
  gint64 end;

  if (self->session == NULL || scale <= 0)
    return;

  start = self->pinch_start;
  end = self->pinch_end;
  golanes_timeline_zoom_range (golanes_session_get_start_time (self->session),
                               golanes_session_get_end_time (self->session),
                               GOLANES_SESSION_MIN_DURATION, 1.0 / scale, self->pinch_anchor,
                               &start, &end);
  golanes_session_set_visible (self->session, start, end, FALSE);
}

static void
motion_cb (GolanesTimelineView      *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  self->hovering = TRUE;
  self->hover_x = x;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
leave_cb (GolanesTimelineView      *self,
          GtkEventControllerMotion *controller)
{
  self->hovering = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
golanes_timeline_view_set_group_collapsed (GolanesTimelineView *self,
                                           guint                group,
                                           gboolean             collapsed)
{
  g_return_if_fail (GOLANES_IS_TIMELINE_VIEW (self));
  g_return_if_fail (self->layout != NULL && group < golanes_timeline_layout_get_n_groups (self->layout));

  golanes_timeline_layout_set_group_collapsed (self->layout, group, collapsed);
  layout_changed (self);
}

void
golanes_timeline_view_click (GolanesTimelineView *self,
                             double               x,
                             double               y)
{
  GolanesTimelineRenderParams params;
  GolanesTimelineHit hit;

  g_return_if_fail (GOLANES_IS_TIMELINE_VIEW (self));

  if (!golanes_timeline_lanes_get_params (GOLANES_TIMELINE_LANES (self->lanes), &params) ||
      !golanes_timeline_hit_test (&params, x, y, &hit))
    {
      if (self->session != NULL)
        golanes_session_select_span (self->session, -1, -1);
      return;
    }

  if (hit.kind == GOLANES_LANE_HEADER)
    {
      const GolanesLaneGroup *group = golanes_timeline_layout_get_group (self->layout, hit.index);

      golanes_timeline_view_set_group_collapsed (self, hit.index, !group->collapsed);
      return;
    }

  golanes_session_clear_selection (self->session);

  /* A CPU sample mark: the sample, and its goroutine's span then. */
  if (hit.n_samples > 0)
    {
      golanes_session_select_sample (self->session, (gint) hit.sample);
      return;
    }

  if (hit.kind == GOLANES_LANE_GOROUTINE && hit.item.count > 0)
    {
      guint span = hit.item.first;

      /* In a merged run, the span under the pointer. */
      if (hit.item.count > 1)
        {
          gint at = golanes_track_find_at (hit.track, time_at (self, x));

          if (at >= 0)
            span = at;
        }
      golanes_session_select_span (self->session, hit.index, span);
      return;
    }

  if ((hit.kind == GOLANES_LANE_PROC || hit.kind == GOLANES_LANE_THREAD) && hit.item.count == 1)
    {
      GolanesTimeline *timeline = golanes_document_get_timeline (params.document);
      GolanesSpan span;

      golanes_track_get_span (hit.track, hit.item.first, &span);
      if (hit.kind == GOLANES_LANE_PROC && span.arg < golanes_timeline_get_n_goroutines (timeline))
        {
          gint at = golanes_track_find_at (golanes_timeline_get_goroutine_states (timeline, span.arg),
                                           time_at (self, x));

          if (at >= 0)
            golanes_session_select_span (self->session, span.arg, at);
          return;
        }
    }

  if (hit.kind == GOLANES_LANE_GC && hit.item.count > 0)
    {
      golanes_session_set_selection (self->session, hit.item.start, hit.item.end);
      return;
    }

  /* A task or a region: the one under the pointer. */
  if ((hit.kind == GOLANES_LANE_TASK || hit.kind == GOLANES_LANE_REGION) && hit.item.count > 0)
    {
      gint at = hit.item.count > 1 ? golanes_track_find_at (hit.track, time_at (self, x)) : (gint) hit.item.first;
      GolanesSpan span;

      if (at >= 0)
        {
          golanes_track_get_span (hit.track, (guint) at, &span);
          if (hit.kind == GOLANES_LANE_TASK)
            golanes_session_select_task (self->session, (gint) span.arg);
          else
            golanes_session_select_region (self->session, (gint) span.arg);
          return;
        }
    }

  golanes_session_select_span (self->session, -1, -1);
}

static void
drag_begin_cb (GolanesTimelineView *self,
               double               x,
               double               y,
               GtkGestureDrag      *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (self->session == NULL)
    return;

  gtk_widget_grab_focus (self->lanes);
  self->drag_start_x = x;
  self->drag_start_y = y;
  self->selecting = FALSE;
  golanes_session_get_visible (self->session, &self->pan_start, &self->pan_end);
  if (button == GDK_BUTTON_MIDDLE)
    gtk_widget_set_cursor_from_name (self->lanes, "grabbing");
}

static void
drag_update_cb (GolanesTimelineView *self,
                double               dx,
                double               dy,
                GtkGestureDrag      *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  double ns_per_px;

  if (self->session == NULL)
    return;

  if (button == GDK_BUTTON_MIDDLE || gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)) == self->ruler)
    {
      ns_per_px = (double) (self->pan_end - self->pan_start) / data_width (self);
      golanes_session_set_visible (self->session,
                                   self->pan_start - (gint64) (dx * ns_per_px),
                                   self->pan_end - (gint64) (dx * ns_per_px), FALSE);
      if (button == GDK_BUTTON_MIDDLE)
        gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) - dy);
      return;
    }

  if (self->drag_start_x < self->gutter)
    return;

  if (!self->selecting && fabs (dx) < 3)
    return;

  self->selecting = TRUE;
  golanes_session_set_selection (self->session,
                                 time_at (self, self->drag_start_x),
                                 time_at (self, MAX (self->drag_start_x + dx, self->gutter)));
}

static void
drag_end_cb (GolanesTimelineView *self,
             double               dx,
             double               dy,
             GtkGestureDrag      *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  gtk_widget_set_cursor (self->lanes, NULL);
  if (self->session == NULL)
    return;

  if (button == GDK_BUTTON_PRIMARY &&
      gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)) == self->lanes &&
      !self->selecting && fabs (dx) < 3 && fabs (dy) < 3)
    golanes_timeline_view_click (self, self->drag_start_x, self->drag_start_y);

  self->selecting = FALSE;
}

static gboolean
query_tooltip_cb (GolanesTimelineView *self,
                  int                  x,
                  int                  y,
                  gboolean             keyboard,
                  GtkTooltip          *tooltip,
                  GtkWidget           *lanes)
{
  GolanesTimelineRenderParams params;
  GolanesTimelineHit hit;
  g_autofree char *text = NULL;

  if (keyboard || !golanes_timeline_lanes_get_params (GOLANES_TIMELINE_LANES (lanes), &params) ||
      !golanes_timeline_hit_test (&params, x, y, &hit))
    return FALSE;

  text = golanes_timeline_describe_hit (params.document, &hit);
  if (text == NULL)
    {
      if (x >= self->gutter || hit.lane < 0)
        return FALSE;
      text = golanes_timeline_layout_dup_lane_label (self->layout, hit.lane);
    }

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
vadjustment_changed_cb (GolanesTimelineView *self)
{
  /* The lanes follow their adjustment themselves. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Find */

static void
find_row_activated_cb (GolanesTimelineView *self,
                       GtkListBoxRow       *row,
                       GtkListBox          *list)
{
  gint64 goid = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "golanes-goid"));

  gtk_popover_popdown (GTK_POPOVER (self->find_popover));
  if (self->session == NULL)
    return;
  golanes_session_reveal_goroutine (self->session, goid);
  {
    GolanesTimeline *timeline = golanes_document_get_timeline (golanes_session_get_document (self->session));
    gint index = golanes_timeline_lookup_goroutine (timeline, goid);

    if (index >= 0)
      golanes_session_select_span (self->session, index, 0);
  }
}

/* Whether goroutine @index's function contains @query.  A trace has
 * millions of goroutines but few start functions: each function is
 * folded and compared once, its answer kept in @by_func (by string id:
 * 0 unknown, 1 no, 2 yes). */
static gboolean
goroutine_matches (GolanesTimeline *timeline,
                   guint            index,
                   const char      *query,
                   GByteArray      *by_func)
{
  GolanesTimelineGoroutine g;
  g_autofree char *func = NULL;
  g_autofree char *folded = NULL;
  gboolean match;

  golanes_timeline_get_goroutine (timeline, index, &g);
  if (g.start_func < by_func->len && by_func->data[g.start_func] != 0)
    return by_func->data[g.start_func] == 2;

  func = golanes_timeline_dup_goroutine_function (timeline, index);
  folded = g_utf8_casefold (func, -1);
  match = strstr (folded, query) != NULL;
  if (g.start_func >= by_func->len)
    {
      guint old = by_func->len;

      g_byte_array_set_size (by_func, MAX (g.start_func + 1, 2 * old));
      memset (by_func->data + old, 0, by_func->len - old);
    }
  by_func->data[g.start_func] = match ? 2 : 1;
  return match;
}

/* The goroutines whose function contains @query (folded): their count,
 * and the first @max of them in index order in @matches (guint32).  The
 * layout's groups are by start function, so a group's title answers for
 * all its goroutines at once; only the runtime group's goroutines (of
 * many functions) and those the layout has not taken in yet are asked one
 * by one. */
static guint
find_by_function (GolanesTimelineView *self,
                  GolanesTimeline     *timeline,
                  const char          *query,
                  guint                max,
                  GArray              *matches)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  g_autoptr(GArray) single = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GByteArray) by_func = g_byte_array_new ();
  g_autofree guint *at = NULL;
  guint n_goroutines = golanes_timeline_get_n_goroutines (timeline);
  guint laid_out = n_goroutines - MIN (n_goroutines, golanes_timeline_layout_get_n_pending (self->layout));
  guint found = 0;

  for (guint g = 0; g < golanes_timeline_layout_get_n_groups (self->layout); g++)
    {
      const GolanesLaneGroup *group = golanes_timeline_layout_get_group (self->layout, g);

      if (group->kind != GOLANES_GROUP_GOROUTINES)
        continue;
      if (group->runtime)
        {
          guint n_members = golanes_lane_group_get_n_members (group);
          g_autofree guint32 *members = g_new (guint32, MAX (n_members, 1));

          golanes_lane_group_copy_members (group, 0, n_members, members);
          for (guint m = 0; m < n_members; m++)
            if (goroutine_matches (timeline, members[m], query, by_func))
              g_array_append_val (single, members[m]);
        }
      else
        {
          g_autofree char *folded = g_utf8_casefold (group->title, -1);

          if (strstr (folded, query) != NULL)
            g_ptr_array_add (lists, (gpointer) group);
        }
    }
  for (guint32 i = laid_out; i < n_goroutines; i++)
    if (goroutine_matches (timeline, i, query, by_func))
      g_array_append_val (single, i);

  /* The groups and the single ones are each in index order: merged, as
   * far as @max (the last list is @single). */
  at = g_new0 (guint, lists->len + 1);
  for (guint l = 0; l < lists->len; l++)
    found += golanes_lane_group_get_n_members (lists->pdata[l]);
  found += single->len;
  while (matches->len < MIN (found, max))
    {
      guint best = G_MAXUINT;
      guint32 least = G_MAXUINT32;

      for (guint l = 0; l <= lists->len; l++)
        {
          guint32 head;

          if (l < lists->len)
            {
              if (at[l] >= golanes_lane_group_get_n_members (lists->pdata[l]))
                continue;
              head = golanes_lane_group_get_member (lists->pdata[l], at[l]);
            }
          else
            {
              if (at[l] >= single->len)
                continue;
              head = g_array_index (single, guint32, at[l]);
            }
          if (head < least)
            {
              least = head;
              best = l;
            }
        }
      at[best]++;
      g_array_append_val (matches, least);
    }
  return found;
}

static guint
fill_find_results (GolanesTimelineView *self,
                   const char          *text,
                   gint                *first)
{
  GolanesTimeline *timeline;
  g_autofree char *query = NULL;
  gint64 query_id = -1;
  const char *digits;
  GtkWidget *child;
  guint found = 0;
  g_autoptr(GArray) matches = NULL;

  *first = -1;
  while ((child = gtk_widget_get_first_child (self->find_list)))
    gtk_list_box_remove (GTK_LIST_BOX (self->find_list), child);

  if (self->session == NULL || text == NULL)
    return 0;

  query = g_utf8_casefold (text, -1);
  g_strstrip (query);
  if (query[0] == '\0')
    return 0;

  /* "123" or "G123" finds goroutine 123. */
  digits = (query[0] == 'g' && g_ascii_isdigit (query[1])) ? query + 1 : query;
  if (g_ascii_isdigit (digits[0]))
    {
      char *end = NULL;
      gint64 v = g_ascii_strtoll (digits, &end, 10);

      if (end != NULL && *end == '\0')
        query_id = v;
    }

  timeline = golanes_document_get_timeline (golanes_session_get_document (self->session));
  matches = g_array_new (FALSE, FALSE, sizeof (guint32));
  /* An id is looked up, not searched for. */
  if (query_id >= 0)
    {
      gint index = golanes_timeline_lookup_goroutine (timeline, query_id);

      if (index >= 0)
        g_array_append_val (matches, index);
      found = matches->len;
    }
  else
    found = find_by_function (self, timeline, query, MAX_FIND_RESULTS, matches);

  if (matches->len > 0)
    *first = g_array_index (matches, guint32, 0);
  for (guint k = 0; k < matches->len; k++)
    {
      guint32 i = g_array_index (matches, guint32, k);
      gint64 goid = golanes_timeline_get_goroutine_id (timeline, i);
      g_autofree char *func = golanes_timeline_dup_goroutine_function (timeline, i);
      g_autofree char *label = g_strdup_printf ("G%" G_GINT64_FORMAT "  %s", goid, func);
      GtkWidget *row = gtk_label_new (label);

      gtk_label_set_xalign (GTK_LABEL (row), 0);
      gtk_label_set_ellipsize (GTK_LABEL (row), PANGO_ELLIPSIZE_END);
      gtk_widget_set_margin_start (row, 6);
      gtk_widget_set_margin_end (row, 6);
      gtk_widget_set_margin_top (row, 4);
      gtk_widget_set_margin_bottom (row, 4);
      gtk_list_box_append (GTK_LIST_BOX (self->find_list), row);
      g_object_set_data (G_OBJECT (gtk_widget_get_parent (row)), "golanes-goid", GSIZE_TO_POINTER (goid));
    }

  return found;
}

guint
golanes_timeline_view_find (GolanesTimelineView *self,
                            const char          *query)
{
  GolanesTimeline *timeline;
  guint found;
  gint first;

  g_return_val_if_fail (GOLANES_IS_TIMELINE_VIEW (self), 0);

  found = fill_find_results (self, query, &first);
  if (first >= 0)
    {
      timeline = golanes_document_get_timeline (golanes_session_get_document (self->session));
      golanes_session_reveal_goroutine (self->session, golanes_timeline_get_goroutine_id (timeline, first));
      golanes_session_select_span (self->session, first, 0);
    }
  return found;
}

static void
find_changed_cb (GolanesTimelineView *self,
                 GtkSearchEntry      *entry)
{
  gint first;

  fill_find_results (self, gtk_editable_get_text (GTK_EDITABLE (entry)), &first);
}

static void
find_activate_cb (GolanesTimelineView *self,
                  GtkSearchEntry      *entry)
{
  golanes_timeline_view_find (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_popover_popdown (GTK_POPOVER (self->find_popover));
}

/* Actions */

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GolanesTimelineView *self = GOLANES_TIMELINE_VIEW (widget);
  gint64 start;
  gint64 end;

  if (self->session == NULL)
    return;

  golanes_session_get_visible (self->session, &start, &end);
  if (g_str_equal (action_name, "timeline.zoom-in"))
    golanes_session_zoom (self->session, 0.5, start + (end - start) / 2, TRUE);
  else if (g_str_equal (action_name, "timeline.zoom-out"))
    golanes_session_zoom (self->session, 2.0, start + (end - start) / 2, TRUE);
  else if (g_str_equal (action_name, "timeline.zoom-fit"))
    golanes_session_zoom_fit (self->session);
  else if (g_str_equal (action_name, "timeline.zoom-selection"))
    {
      if (golanes_session_zoom_to_selection (self->session))
        golanes_session_clear_selection (self->session);
    }
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GolanesTimelineView *self = GOLANES_TIMELINE_VIEW (widget);

  if (self->session == NULL)
    return;

  if (g_str_equal (action_name, "timeline.back"))
    golanes_session_go_back (self->session);
  else
    golanes_session_go_forward (self->session);
}

static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  GolanesTimelineView *self = GOLANES_TIMELINE_VIEW (widget);
  gint64 start;
  gint64 end;
  gint64 duration;

  if (self->session == NULL)
    return;

  golanes_session_get_visible (self->session, &start, &end);
  duration = end - start;
  if (g_str_equal (action_name, "timeline.pan-left"))
    golanes_session_set_visible (self->session, start - (gint64) (duration * KEY_PAN_FRACTION),
                                 end - (gint64) (duration * KEY_PAN_FRACTION), FALSE);
  else if (g_str_equal (action_name, "timeline.pan-right"))
    golanes_session_set_visible (self->session, start + (gint64) (duration * KEY_PAN_FRACTION),
                                 end + (gint64) (duration * KEY_PAN_FRACTION), FALSE);
  else if (g_str_equal (action_name, "timeline.pan-start"))
    golanes_session_set_visible (self->session, golanes_session_get_start_time (self->session),
                                 golanes_session_get_start_time (self->session) + duration, TRUE);
  else if (g_str_equal (action_name, "timeline.pan-end"))
    golanes_session_set_visible (self->session, golanes_session_get_end_time (self->session) - duration,
                                 golanes_session_get_end_time (self->session), TRUE);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GolanesTimelineView *self = GOLANES_TIMELINE_VIEW (widget);
  graphene_point_t p;

  if (gtk_widget_compute_point (self->lanes, widget, &GRAPHENE_POINT_INIT (self->gutter / 2, 0), &p))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->find_popover),
                                 &(GdkRectangle) { (int) p.x, (int) p.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->find_popover));
  gtk_widget_grab_focus (self->find_entry);
}

static void
golanes_timeline_view_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  GolanesTimelineView *self = GOLANES_TIMELINE_VIEW (widget);
  int ruler_height;

  gtk_widget_measure (self->ruler, GTK_ORIENTATION_VERTICAL, width, &ruler_height, NULL, NULL, NULL);
  gtk_widget_allocate (self->ruler, width, ruler_height, -1, NULL);
  /* Before the scrollbar is allocated, so that it never sees a stale range. */
  update_adjustment_for (self, MAX (0, height - ruler_height));
  gtk_widget_allocate (self->body, width, MAX (0, height - ruler_height), -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, ruler_height)));
  golanes_time_ruler_set_lanes_width (GOLANES_TIME_RULER (self->ruler), gtk_widget_get_width (self->lanes));
  update_gutter (self);
  gtk_popover_present (GTK_POPOVER (self->find_popover));
}

static void
golanes_timeline_view_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  GolanesTimelineView *self = GOLANES_TIMELINE_VIEW (widget);
  int ruler_min;
  int ruler_nat;
  int body_min;
  int body_nat;

  gtk_widget_measure (self->ruler, orientation, -1, &ruler_min, &ruler_nat, NULL, NULL);
  gtk_widget_measure (self->body, orientation, -1, &body_min, &body_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = ruler_min + body_min;
      *natural = ruler_nat + body_nat;
    }
  else
    {
      *minimum = MAX (ruler_min, body_min);
      *natural = MAX (ruler_nat, body_nat);
    }
}

static void
golanes_timeline_view_dispose (GObject *object)
{
  GolanesTimelineView *self = GOLANES_TIMELINE_VIEW (object);
  GtkWidget *child;

  /* The children still have a session only on the first dispose. */
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      set_children_session (self, NULL, NULL);
    }
  g_clear_object (&self->session);
  stop_layout_tick (self);
  g_clear_pointer (&self->layout, golanes_timeline_layout_free);
  g_clear_pointer (&self->find_popover, gtk_widget_unparent);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (golanes_timeline_view_parent_class)->dispose (object);
}

static void
golanes_timeline_view_class_init (GolanesTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = golanes_timeline_view_dispose;
  widget_class->snapshot = golanes_timeline_view_snapshot;
  widget_class->size_allocate = golanes_timeline_view_size_allocate;
  widget_class->measure = golanes_timeline_view_measure;

  gtk_widget_class_set_css_name (widget_class, "timelineview");

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-selection", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.back", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "timeline.forward", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "timeline.pan-left", NULL, pan_action);
  gtk_widget_class_install_action (widget_class, "timeline.pan-right", NULL, pan_action);
  gtk_widget_class_install_action (widget_class, "timeline.pan-start", NULL, pan_action);
  gtk_widget_class_install_action (widget_class, "timeline.pan-end", NULL, pan_action);
  gtk_widget_class_install_action (widget_class, "timeline.find", NULL, find_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_SHIFT_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "timeline.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "timeline.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, 0, "timeline.zoom-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "timeline.pan-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "timeline.pan-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "timeline.pan-start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "timeline.pan-end", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "timeline.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "timeline.forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "timeline.find", NULL);

  g_type_ensure (GOLANES_TYPE_TIME_RULER);
  g_type_ensure (GOLANES_TYPE_TIMELINE_LANES);
}

static GtkGesture *
add_drag (GolanesTimelineView *self,
          GtkWidget           *widget,
          guint                button)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), button);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (drag_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));
  return drag;
}

static void
golanes_timeline_view_init (GolanesTimelineView *self)
{
  GtkEventController *controller;
  GtkGesture *zoom;
  GtkWidget *box;
  GtkWidget *scroller;

  self->gutter = GOLANES_TIMELINE_GUTTER;

  self->ruler = g_object_new (GOLANES_TYPE_TIME_RULER, NULL);
  gtk_widget_set_parent (self->ruler, GTK_WIDGET (self));

  box = self->body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_vexpand (box, TRUE);
  gtk_widget_set_parent (box, GTK_WIDGET (self));

  self->lanes = g_object_new (GOLANES_TYPE_TIMELINE_LANES, NULL);
  gtk_widget_set_hexpand (self->lanes, TRUE);
  gtk_widget_set_vexpand (self->lanes, TRUE);
  gtk_box_append (GTK_BOX (box), self->lanes);

  self->vadjustment = gtk_adjustment_new (0, 0, 0, 20, 200, 0);
  g_signal_connect_object (self->vadjustment, "value-changed", G_CALLBACK (vadjustment_changed_cb), self,
                           G_CONNECT_SWAPPED);
  golanes_timeline_lanes_set_vadjustment (GOLANES_TIMELINE_LANES (self->lanes), self->vadjustment);
  g_signal_connect_object (self->lanes, "drawn", G_CALLBACK (lanes_drawn_cb), self, G_CONNECT_SWAPPED);
  self->scrollbar = gtk_scrollbar_new (GTK_ORIENTATION_VERTICAL, self->vadjustment);
  gtk_box_append (GTK_BOX (box), self->scrollbar);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->lanes, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->lanes, controller);

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect_object (zoom, "begin", G_CALLBACK (zoom_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->lanes, GTK_EVENT_CONTROLLER (zoom));

  add_drag (self, self->lanes, GDK_BUTTON_PRIMARY);
  add_drag (self, self->lanes, GDK_BUTTON_MIDDLE);
  add_drag (self, self->ruler, GDK_BUTTON_PRIMARY);

  g_signal_connect_object (self->lanes, "query-tooltip", G_CALLBACK (query_tooltip_cb), self, G_CONNECT_SWAPPED);

  /* Find goroutines */
  self->find_popover = gtk_popover_new ();
  gtk_widget_set_parent (self->find_popover, GTK_WIDGET (self));
  gtk_popover_set_position (GTK_POPOVER (self->find_popover), GTK_POS_BOTTOM);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->find_entry = gtk_search_entry_new ();
  g_object_set (self->find_entry, "placeholder-text", _("Goroutine id or function"), NULL);
  g_signal_connect_object (self->find_entry, "search-changed", G_CALLBACK (find_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->find_entry, "activate", G_CALLBACK (find_activate_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), self->find_entry);
  self->find_list = gtk_list_box_new ();
  g_signal_connect_object (self->find_list, "row-activated", G_CALLBACK (find_row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_size_request (scroller, 320, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->find_list);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (self->find_popover), box);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->ruler, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->lanes, G_CONNECT_SWAPPED);

  update_actions (self);
}

GtkWidget *
golanes_timeline_view_new (void)
{
  return g_object_new (GOLANES_TYPE_TIMELINE_VIEW, NULL);
}
