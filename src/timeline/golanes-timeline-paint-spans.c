/* golanes-timeline-paint-spans.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-timeline-render"

#include "config.h"

#include "golanes-timeline-render-private.h"

/* The painters of the lanes of spans (GC, Procs, threads, tasks, goroutines
 * and their regions): each writes its query's items as pixel columns into
 * scratch rows, then copies the rows to its bands of the frame. */

static const char *
reason_text (Frame *f,
             guint  reason)
{
  const char *name = reason != 0 ? golanes_timeline_get_reason (f->timeline, reason) : NULL;

  return name != NULL ? name : "";
}

#define CAP_HEIGHT    3
#define ASSIST_HEIGHT 4

static void
draw_goroutine_lane (Frame             *f,
                     const GolanesLane *lane,
                     double             y)
{
  guint32 merged = _golanes_frame_role_pixel (f, GOLANES_COLOR_MERGED);
  guint32 assist = _golanes_frame_role_pixel (f, GOLANES_COLOR_GC_ASSIST);
  guint32 states[GOLANES_TRACK_MAX_STATES];
  guint32 *body = f->rows[0];
  guint32 *top = f->rows[1];
  guint32 *bottom = f->rows[2];
  GolanesTrack *track = golanes_timeline_get_goroutine_states (f->timeline, lane->index);
  guint n = _golanes_frame_query (f, track);
  int claimed = 0;
  int r0;
  int r1;

  for (guint s = 0; s < GOLANES_TRACK_MAX_STATES; s++)
    states[s] = _golanes_frame_role_pixel (f, MIN (s, GOLANES_COLOR_SYSCALL));

  lane_rows (f, y, lane->height, &r0, &r1);
  _golanes_frame_rows_begin (f, 3);

  for (guint i = 0; i < n; i++)
    {
      const GolanesLodItem *item = &g_array_index (f->items, GolanesLodItem, i);
      guint32 pixel = states[MIN (item->state, GOLANES_TRACK_MAX_STATES - 1)];
      int x0;
      int x1;

      item_columns (f, item, 1, &claimed, &x0, &x1);
      extend (f, x0, x1);
      row_fill (body, x0, x1, pixel);
      row_fill (bottom, x0, x1, pixel);
      /* A dark cap tells merged runs from one long span. */
      row_fill (top, x0, x1, item->count > 1 ? merged : pixel);

      if (item->count == 1 && x1 - x0 > 60 * f->scale && item->state != GOLANES_G_RUNNING)
        {
          GolanesSpan span;

          golanes_track_get_span (track, item->first, &span);
          if (span.reason != 0)
            _golanes_frame_queue_label (f, reason_text (f, span.reason), column_x (f, x0) + 3, y,
                                        column_x (f, x1 - x0) - 6, lane, y, &f->p->foreground);
        }
    }

  if (golanes_timeline_get_goroutine_assists (f->timeline, lane->index) != NULL)
    {
      n = _golanes_frame_query (f, golanes_timeline_get_goroutine_assists (f->timeline, lane->index));
      claimed = 0;
      for (guint i = 0; i < n; i++)
        {
          const GolanesLodItem *item = &g_array_index (f->items, GolanesLodItem, i);
          int x0;
          int x1;

          item_columns (f, item, 1, &claimed, &x0, &x1);
      extend (f, x0, x1);
          row_fill (bottom, x0, x1, assist);
        }
    }

  _golanes_frame_put_rows (f, top, r0, r0 + CAP_HEIGHT * f->scale);
  _golanes_frame_put_rows (f, body, r0 + CAP_HEIGHT * f->scale, r1 - ASSIST_HEIGHT * f->scale);
  _golanes_frame_put_rows (f, bottom, r1 - ASSIST_HEIGHT * f->scale, r1);
  _golanes_frame_append_image (f, r0, r1);
}

static void
draw_named_spans (Frame             *f,
                  const GolanesLane *lane,
                  double             y,
                  GolanesTrack      *track,
                  GolanesColorRole   role)
{
  GolanesStackTable *strings = golanes_timeline_get_stack_table (f->timeline);
  guint32 color = _golanes_frame_role_pixel (f, role);
  guint32 merged = _golanes_frame_role_pixel (f, GOLANES_COLOR_MERGED);
  GdkRGBA label_color = { 1, 1, 1, 1 };
  guint32 *row = f->rows[0];
  guint n = _golanes_frame_query (f, track);
  int claimed = 0;
  int r0;
  int r1;

  lane_rows (f, y, lane->height, &r0, &r1);
  _golanes_frame_rows_begin (f, 1);

  for (guint i = 0; i < n; i++)
    {
      const GolanesLodItem *item = &g_array_index (f->items, GolanesLodItem, i);
      int x0;
      int x1;

      item_columns (f, item, 1, &claimed, &x0, &x1);
      extend (f, x0, x1);
      row_fill (row, x0, x1, item->count > 1 ? merged : color);
      if (item->count == 1 && x1 - x0 > 30 * f->scale)
        {
          GolanesSpan span;
          guint32 type = 0;
          const char *name;
          gsize len = 0;

          golanes_track_get_span (track, item->first, &span);
          if (lane->kind == GOLANES_LANE_TASK)
            type = golanes_timeline_get_task (f->timeline, span.arg)->type;
          else
            type = golanes_timeline_get_region (f->timeline, span.arg)->type;
          name = type != 0 ? golanes_stack_table_get_string (strings, type, &len) : NULL;
          if (name != NULL && len > 0)
            {
              g_autofree char *valid = g_utf8_make_valid (name, len);

              _golanes_frame_queue_label (f, valid, column_x (f, x0) + 3, y, column_x (f, x1 - x0) - 6, lane, y, &label_color);
            }
        }
    }

  _golanes_frame_put_rows (f, row, r0, r1);
  _golanes_frame_append_image (f, r0, r1);
}

static void
draw_proc_like (Frame             *f,
                const GolanesLane *lane,
                double             y,
                GolanesTrack      *track,
                gboolean           by_goroutine)
{
  guint32 merged = _golanes_frame_role_pixel (f, GOLANES_COLOR_MERGED);
  GdkRGBA label_color = { 1, 1, 1, 1 };
  guint32 *row = f->rows[0];
  guint n = _golanes_frame_query (f, track);
  int claimed = 0;
  int r0;
  int r1;

  lane_rows (f, y, lane->height, &r0, &r1);
  _golanes_frame_rows_begin (f, 1);

  for (guint i = 0; i < n; i++)
    {
      const GolanesLodItem *item = &g_array_index (f->items, GolanesLodItem, i);
      GolanesSpan span;
      GdkRGBA color;
      int x0;
      int x1;

      item_columns (f, item, 1, &claimed, &x0, &x1);
      extend (f, x0, x1);
      if (item->count > 1)
        {
          row_fill (row, x0, x1, merged);
          continue;
        }

      golanes_track_get_span (track, item->first, &span);
      if (by_goroutine && span.state == GOLANES_G_RUNNING)
        golanes_palette_goroutine (span.arg, f->p->dark, &color);
      else
        color = *golanes_palette_get (span.state, f->p->dark);
      row_fill (row, x0, x1, to_pixel (&color));

      if (by_goroutine && x1 - x0 > 28 * f->scale)
        {
          GolanesTimelineGoroutine g;
          char label[32];

          if (golanes_timeline_get_goroutine (f->timeline, span.arg, &g))
            {
              g_snprintf (label, sizeof label, "G%" G_GINT64_FORMAT, g.id);
              _golanes_frame_queue_label (f, label, column_x (f, x0) + 3, y, column_x (f, x1 - x0) - 6, lane, y, &label_color);
            }
        }
    }

  _golanes_frame_put_rows (f, row, r0, r1);
  _golanes_frame_append_image (f, r0, r1);
}

#define GC_MARK_INSET 4

static void
draw_gc_lane (Frame             *f,
              const GolanesLane *lane,
              double             y)
{
  GdkRGBA label_color = { 1, 1, 1, 1 };
  GolanesTrack *stw = golanes_timeline_get_stw_track (f->timeline);
  guint32 mark = _golanes_frame_role_pixel (f, GOLANES_COLOR_GC_MARK);
  guint32 pause = _golanes_frame_role_pixel (f, GOLANES_COLOR_GC_STW);
  guint32 *inner = f->rows[0];
  guint32 *outer = f->rows[1];
  guint n = _golanes_frame_query (f, golanes_timeline_get_gc_track (f->timeline));
  int claimed = 0;
  int r0;
  int r1;

  lane_rows (f, y, lane->height, &r0, &r1);
  _golanes_frame_rows_begin (f, 2);

  for (guint i = 0; i < n; i++)
    {
      const GolanesLodItem *item = &g_array_index (f->items, GolanesLodItem, i);
      int x0;
      int x1;

      item_columns (f, item, 1, &claimed, &x0, &x1);
      extend (f, x0, x1);
      row_fill (inner, x0, x1, mark);
    }

  /* Pauses drawn over the cycles, full height, in the strong colour. */
  n = _golanes_frame_query (f, stw);
  claimed = 0;
  for (guint i = 0; i < n; i++)
    {
      const GolanesLodItem *item = &g_array_index (f->items, GolanesLodItem, i);
      int x0;
      int x1;

      item_columns (f, item, STW_MIN_WIDTH * f->scale, &claimed, &x0, &x1);
      extend (f, x0, x1);
      row_fill (inner, x0, x1, pause);
      row_fill (outer, x0, x1, pause);
      if (item->count == 1 && x1 - x0 > 40 * f->scale)
        {
          GolanesSpan span;
          const GolanesTimelineRange *range;

          golanes_track_get_span (stw, item->first, &span);
          range = golanes_timeline_get_range (f->timeline, span.arg);
          if (range != NULL)
            _golanes_frame_queue_label (f, reason_text (f, range->reason), column_x (f, x0) + 3, y,
                                        column_x (f, x1 - x0) - 6, lane, y, &label_color);
        }
    }

  _golanes_frame_put_rows (f, outer, r0, r0 + GC_MARK_INSET * f->scale);
  _golanes_frame_put_rows (f, inner, r0 + GC_MARK_INSET * f->scale, r1 - GC_MARK_INSET * f->scale);
  _golanes_frame_put_rows (f, outer, r1 - GC_MARK_INSET * f->scale, r1);
  _golanes_frame_append_image (f, r0, r1);
}


static void
draw_proc_lane (Frame             *f,
                const GolanesLane *lane,
                double             y)
{
  draw_proc_like (f, lane, y, golanes_timeline_get_proc (f->timeline, lane->index)->goroutines, TRUE);
}

static void
draw_thread_lane (Frame             *f,
                  const GolanesLane *lane,
                  double             y)
{
  draw_proc_like (f, lane, y, golanes_timeline_get_thread (f->timeline, lane->index)->goroutines, FALSE);
}

static void
draw_task_lane (Frame             *f,
                const GolanesLane *lane,
                double             y)
{
  draw_named_spans (f, lane, y, golanes_timeline_get_task_row (f->timeline, lane->index),
                    GOLANES_COLOR_TASK);
}

static void
draw_region_lane (Frame             *f,
                  const GolanesLane *lane,
                  double             y)
{
  draw_named_spans (f, lane, y,
                    golanes_timeline_get_goroutine_region_level (f->timeline, lane->index, lane->level),
                    GOLANES_COLOR_REGION);
}

/* The tracks each lane queries, in the order its draw function does. */

static void
prefetch_gc (Frame             *f,
             const GolanesLane *lane,
             GArray            *list)
{
  _golanes_prefetch_add (list, golanes_timeline_get_gc_track (f->timeline));
  _golanes_prefetch_add (list, golanes_timeline_get_stw_track (f->timeline));
}

static void
prefetch_proc (Frame             *f,
               const GolanesLane *lane,
               GArray            *list)
{
  _golanes_prefetch_add (list, golanes_timeline_get_proc (f->timeline, lane->index)->goroutines);
}

static void
prefetch_thread (Frame             *f,
                 const GolanesLane *lane,
                 GArray            *list)
{
  _golanes_prefetch_add (list, golanes_timeline_get_thread (f->timeline, lane->index)->goroutines);
}

static void
prefetch_task (Frame             *f,
               const GolanesLane *lane,
               GArray            *list)
{
  _golanes_prefetch_add (list, golanes_timeline_get_task_row (f->timeline, lane->index));
}

static void
prefetch_goroutine (Frame             *f,
                    const GolanesLane *lane,
                    GArray            *list)
{
  _golanes_prefetch_add (list, golanes_timeline_get_goroutine_states (f->timeline, lane->index));
  _golanes_prefetch_add (list, golanes_timeline_get_goroutine_assists (f->timeline, lane->index));
}

static void
prefetch_region (Frame             *f,
                 const GolanesLane *lane,
                 GArray            *list)
{
  _golanes_prefetch_add (list, golanes_timeline_get_goroutine_region_level (f->timeline, lane->index, lane->level));
}

const GolanesLanePainter _golanes_gc_painter = { prefetch_gc, draw_gc_lane };
const GolanesLanePainter _golanes_proc_painter = { prefetch_proc, draw_proc_lane };
const GolanesLanePainter _golanes_thread_painter = { prefetch_thread, draw_thread_lane };
const GolanesLanePainter _golanes_task_painter = { prefetch_task, draw_task_lane };
const GolanesLanePainter _golanes_goroutine_painter = { prefetch_goroutine, draw_goroutine_lane };
const GolanesLanePainter _golanes_region_painter = { prefetch_region, draw_region_lane };
