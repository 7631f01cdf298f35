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
#define SAMPLE_HEIGHT 4

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

  _golanes_frame_sample_columns (f, lane);
  _golanes_frame_put_rows (f, top, r0, r0 + CAP_HEIGHT * f->scale);
  _golanes_frame_put_rows (f, body, r0 + CAP_HEIGHT * f->scale, r1 - ASSIST_HEIGHT * f->scale);
  _golanes_frame_put_rows (f, bottom, r1 - ASSIST_HEIGHT * f->scale, r1);
  /* CPU samples: ticks along the lane's bottom edge. */
  _golanes_frame_put_marks (f, r1 - SAMPLE_HEIGHT * f->scale, r1);
  _golanes_frame_append_image (f, r0, r1);
}

/* How a span of a one-row lane looks: its pixel and, where it is wide
 * enough, its label (NULL for none; the loop frees it). */
typedef guint32 (*SpanLookFunc) (Frame             *f,
                                 const GolanesLane *lane,
                                 const GolanesSpan *span,
                                 int                columns,
                                 char             **label);

/* The loop of every one-row lane: each visible item merged or as
 * @look_func paints it, labels queued over the image. */
static void
draw_row_lane (Frame             *f,
               const GolanesLane *lane,
               double             y,
               GolanesTrack      *track,
               SpanLookFunc       look_func)
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
      g_autofree char *label = NULL;
      GolanesSpan span;
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
      row_fill (row, x0, x1, look_func (f, lane, &span, x1 - x0, &label));
      if (label != NULL)
        _golanes_frame_queue_label (f, label, column_x (f, x0) + 3, y, column_x (f, x1 - x0) - 6, lane, y, &label_color);
    }

  if (lane->kind == GOLANES_LANE_PROC)
    _golanes_frame_sample_columns (f, lane);
  else
    g_array_set_size (f->marks, 0);
  _golanes_frame_put_rows (f, row, r0, r1);
  _golanes_frame_put_marks (f, r1 - SAMPLE_HEIGHT * f->scale, r1);
  _golanes_frame_append_image (f, r0, r1);
}

/* Tasks and regions: one colour, the type's name as label. */
static guint32
named_span_look (Frame             *f,
                 const GolanesLane *lane,
                 const GolanesSpan *span,
                 int                columns,
                 char             **label)
{
  gboolean task = lane->kind == GOLANES_LANE_TASK;

  if (columns > 30 * f->scale)
    {
      guint32 type = task ? golanes_timeline_get_task_type (f->timeline, span->arg)
                          : golanes_timeline_get_region_type (f->timeline, span->arg);
      gsize len = 0;
      const char *name = type != 0 ? golanes_stack_table_get_string (golanes_timeline_get_stack_table (f->timeline),
                                                                     type, &len)
                                   : NULL;

      if (name != NULL && len > 0)
        *label = g_utf8_make_valid (name, len);
    }
  return _golanes_frame_role_pixel (f, task ? GOLANES_COLOR_TASK : GOLANES_COLOR_REGION);
}

/* Procs: a running goroutine in its own colour, labelled with its id;
 * threads: the state's colour. */
static guint32
proc_span_look (Frame             *f,
                const GolanesLane *lane,
                const GolanesSpan *span,
                int                columns,
                char             **label)
{
  gboolean by_goroutine = lane->kind == GOLANES_LANE_PROC;
  GdkRGBA color;

  if (by_goroutine && span->state == GOLANES_G_RUNNING)
    golanes_palette_goroutine (span->arg, f->p->dark, &color);
  else
    color = *golanes_palette_get (span->state, f->p->dark);

  if (by_goroutine && columns > 28 * f->scale)
    {
      GolanesTimelineGoroutine g;

      if (golanes_timeline_get_goroutine (f->timeline, span->arg, &g))
        *label = g_strdup_printf ("G%" G_GINT64_FORMAT, g.id);
    }
  return to_pixel (&color);
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
  draw_row_lane (f, lane, y, golanes_timeline_get_proc (f->timeline, lane->index)->goroutines, proc_span_look);
}

static void
draw_thread_lane (Frame             *f,
                  const GolanesLane *lane,
                  double             y)
{
  draw_row_lane (f, lane, y, golanes_timeline_get_thread (f->timeline, lane->index)->goroutines, proc_span_look);
}

static void
draw_task_lane (Frame             *f,
                const GolanesLane *lane,
                double             y)
{
  draw_row_lane (f, lane, y, golanes_timeline_get_task_row (f->timeline, lane->index), named_span_look);
}

static void
draw_region_lane (Frame             *f,
                  const GolanesLane *lane,
                  double             y)
{
  draw_row_lane (f, lane, y, golanes_timeline_get_goroutine_region_level (f->timeline, lane->index, lane->level),
                 named_span_look);
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
