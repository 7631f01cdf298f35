/* golanes-timeline-hit.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-timeline-render"

#include "config.h"

#include <glib/gi18n.h>

#include "golanes-timeline-render-private.h"

/* Hit testing: the item under the pointer, found by the query and columns
 * the frame drew, and its tooltip. */

/* How far up from a lane's bottom edge its CPU sample marks are hit. */
#define SAMPLE_HIT_HEIGHT 5

const char *
golanes_timeline_state_name (guint state)
{
  switch (state)
    {
    case GOLANES_G_CREATED:
      return _("created");
    case GOLANES_G_RUNNING:
      return _("running");
    case GOLANES_G_RUNNABLE:
      return _("runnable");
    case GOLANES_G_WAITING:
      return _("waiting");
    case GOLANES_G_SYSCALL:
      return _("in syscall");
    default:
      return _("unknown");
    }
}

/* The item of @items drawn on @column, as the frame drew them: the last
 * one, since a later item is drawn over an earlier one. */
static void
find_item (GArray         *items,
           gint64          column,
           int             min,
           int             n_cols,
           GolanesLodItem *out)
{
  int claimed = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const GolanesLodItem *item = &g_array_index (items, GolanesLodItem, i);
      int x0;
      int x1;

      lod_columns (item, min, n_cols, &claimed, &x0, &x1);
      if (column >= x0 && column < x1)
        *out = *item;
      else if (item->x0 > column)
        break;
    }
}

gboolean
golanes_timeline_hit_test (const GolanesTimelineRenderParams *p,
                           double                             x,
                           double                             y,
                           GolanesTimelineHit                *hit)
{
  GolanesTimeline *timeline;
  GolanesLane lane;
  g_autoptr(GArray) items = NULL;
  double gutter = golanes_timeline_params_get_gutter (p);
  double data_width = p->width - gutter;
  double ns_per_px;
  gint64 column;
  int n_cols;
  gint index;
  int scale;

  g_return_val_if_fail (hit != NULL, FALSE);

  memset (hit, 0, sizeof *hit);
  hit->lane = -1;
  index = golanes_timeline_layout_find_lane (p->layout, y + p->scroll_y);
  if (index < 0)
    return FALSE;

  lane = golanes_timeline_layout_get_lane (p->layout, index);
  hit->lane = index;
  hit->kind = lane.kind;
  hit->index = lane.index;
  hit->level = lane.level;

  if (x < gutter || data_width <= 0)
    return TRUE;

  timeline = golanes_document_get_timeline (p->document);
  switch ((GolanesLaneKind) lane.kind)
    {
    case GOLANES_LANE_GC:
      hit->track = golanes_timeline_get_stw_track (timeline);
      break;
    case GOLANES_LANE_PROC:
      hit->track = golanes_timeline_get_proc (timeline, lane.index)->goroutines;
      break;
    case GOLANES_LANE_THREAD:
      hit->track = golanes_timeline_get_thread (timeline, lane.index)->goroutines;
      break;
    case GOLANES_LANE_TASK:
      hit->track = golanes_timeline_get_task_row (timeline, lane.index);
      break;
    case GOLANES_LANE_GOROUTINE:
      hit->track = golanes_timeline_get_goroutine_states (timeline, lane.index);
      break;
    case GOLANES_LANE_REGION:
      hit->track = golanes_timeline_get_goroutine_region_level (timeline, lane.index, lane.level);
      break;
    case GOLANES_LANE_HEADER:
    case GOLANES_LANE_HEAP:
    case GOLANES_LANE_COUNTS:
    default:
      return TRUE;
    }

  /* The same query the frame drew, on the same device pixel columns, so
   * the tooltip describes exactly the rectangle under the pointer, merged
   * or not.  Where items share a column the later one is drawn. */
  scale = frame_scale (p);
  ns_per_px = (double) (p->end - p->start) / (data_width * scale);
  n_cols = (int) ceil (p->width * scale) - (int) gutter * scale;
  items = g_array_new (FALSE, FALSE, sizeof (GolanesLodItem));
  golanes_track_query_lod (hit->track, p->start, p->end, ns_per_px, items);
  _golanes_lod_extend_open (items, hit->track, p, ns_per_px, n_cols);
  column = (gint64) floor ((x - gutter) * scale);
  find_item (items, column, lane.kind == GOLANES_LANE_GC ? STW_MIN_WIDTH * scale : 1, n_cols, &hit->item);

  /* The CPU sample marks along a lane's bottom edge: those within a
   * pixel of the pointer's column. */
  if ((lane.kind == GOLANES_LANE_GOROUTINE || lane.kind == GOLANES_LANE_PROC) &&
      y + p->scroll_y >= lane.y + lane.height - SAMPLE_HIT_HEIGHT && golanes_timeline_get_n_samples (timeline) > 0)
    {
      GolanesSampleIndex *samples = _golanes_frame_sample_index (p->layout, timeline);
      const guint32 *list;
      guint n = 0;

      if (lane.kind == GOLANES_LANE_GOROUTINE)
        list = golanes_sample_index_get_goroutine (samples, golanes_timeline_get_goroutine_id (timeline, lane.index), &n);
      else
        list = golanes_sample_index_get_proc (samples, golanes_timeline_get_proc (timeline, lane.index)->id, &n);
      for (guint i = golanes_sample_index_lower_bound (timeline, list, n, p->start + (gint64) ((column - scale) * ns_per_px));
           i < n; i++)
        {
          gint64 col = (gint64) floor ((double) (golanes_timeline_get_sample (timeline, list[i])->time - p->start) / ns_per_px);

          if (col > column + scale)
            break;
          if (col < column - scale)
            continue;
          if (hit->n_samples++ == 0)
            hit->sample = list[i];
        }
    }

  /* A pause in the GC lane is thin: fall back to the cycle under it. */
  if (hit->item.count == 0 && lane.kind == GOLANES_LANE_GC)
    {
      hit->track = golanes_timeline_get_gc_track (timeline);
      g_array_set_size (items, 0);
      golanes_track_query_lod (hit->track, p->start, p->end, ns_per_px, items);
      find_item (items, column, 1, n_cols, &hit->item);
    }

  return TRUE;
}

char *
golanes_timeline_describe_hit (GolanesDocument          *document,
                               const GolanesTimelineHit *hit)
{
  GolanesTimeline *timeline = golanes_document_get_timeline (document);
  GolanesStackTable *strings = golanes_timeline_get_stack_table (timeline);
  gint64 origin = golanes_timeline_get_start_time (timeline);
  g_autofree char *duration = NULL;
  g_autofree char *at = NULL;
  GString *out;
  GolanesSpan span;

  g_return_val_if_fail (hit != NULL, NULL);

  if (hit->n_samples > 0)
    {
      const GolanesTimelineSample *s = golanes_timeline_get_sample (timeline, hit->sample);
      guint n_frames = 0;
      const GolanesFrame *frames = s->stack != 0 ? golanes_stack_table_get_frames (strings, s->stack, &n_frames) : NULL;
      const char *func = n_frames > 0 ? golanes_stack_table_get_string (strings, frames[0].func, NULL) : NULL;

      out = g_string_new (NULL);
      /* Translators: CPU samples marked under the pointer on the timeline */
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u CPU sample", "%u CPU samples", hit->n_samples),
                              hit->n_samples);
      g_string_append_printf (out, "\nG%" G_GINT64_FORMAT " in %s", s->goroutine, func != NULL ? func : "?");
      at = golanes_timeline_format_duration (s->time - origin);
      g_string_append_c (out, '\n');
      g_string_append_printf (out, _("At %s"), at);
      return g_string_free (out, FALSE);
    }

  if (hit->item.count == 0 || hit->track == NULL)
    return NULL;

  out = g_string_new (NULL);
  duration = golanes_timeline_format_duration (hit->item.end - hit->item.start);
  at = golanes_timeline_format_duration (hit->item.start - origin);

  if (hit->item.count > 1)
    {
      /* Translators: a run of spans too short to draw one by one */
      g_string_append_printf (out, _("%u spans merged, mostly %s"), hit->item.count,
                              hit->kind == GOLANES_LANE_GOROUTINE ? golanes_timeline_state_name (hit->item.state)
                                                                 : golanes_timeline_state_name (GOLANES_G_RUNNING));
      g_string_append_c (out, '\n');
      g_string_append_printf (out, _("Start: %s  Duration: %s"), at, duration);
      return g_string_free (out, FALSE);
    }

  golanes_track_get_span (hit->track, hit->item.first, &span);

  switch ((GolanesLaneKind) hit->kind)
    {
    case GOLANES_LANE_GOROUTINE:
      {
        g_autofree char *func = golanes_timeline_dup_goroutine_function (timeline, hit->index);
        const char *reason = span.reason != 0 ? golanes_timeline_get_reason (timeline, span.reason) : NULL;

        g_string_append_printf (out, "G%" G_GINT64_FORMAT " %s\n",
                                golanes_timeline_get_goroutine_id (timeline, hit->index), func);
        g_string_append (out, golanes_timeline_state_name (span.state));
        if (reason != NULL && reason[0] != '\0')
          g_string_append_printf (out, " (%s)", reason);
      }
      break;
    case GOLANES_LANE_PROC:
    case GOLANES_LANE_THREAD:
      {
        GolanesTimelineGoroutine g;

        if ((hit->kind == GOLANES_LANE_PROC || span.state == GOLANES_G_SYSCALL) &&
            golanes_timeline_get_goroutine (timeline, span.arg, &g))
          {
            g_autofree char *func = golanes_timeline_dup_goroutine_function (timeline, span.arg);

            g_string_append_printf (out, "G%" G_GINT64_FORMAT " %s\n", g.id, func);
          }
        g_string_append (out, golanes_timeline_state_name (span.state));
      }
      break;
    case GOLANES_LANE_GC:
      {
        const GolanesTimelineRange *range = golanes_timeline_get_range (timeline, span.arg);
        const char *reason = range != NULL && range->reason != 0 ? golanes_timeline_get_reason (timeline, range->reason) : NULL;

        if (range != NULL && range->kind == GOLANES_GC_RANGE_STW)
          g_string_append_printf (out, _("Stop-the-world pause: %s"), reason != NULL ? reason : "");
        else
          g_string_append (out, _("GC mark phase"));
      }
      break;
    case GOLANES_LANE_TASK:
    case GOLANES_LANE_REGION:
      {
        guint32 type = hit->kind == GOLANES_LANE_TASK ? golanes_timeline_get_task_type (timeline, span.arg)
                                                      : golanes_timeline_get_region_type (timeline, span.arg);
        gsize len = 0;
        const char *name = type != 0 ? golanes_stack_table_get_string (strings, type, &len) : NULL;
        g_autofree char *valid = name != NULL ? g_utf8_make_valid (name, len) : g_strdup ("");

        g_string_append_printf (out, hit->kind == GOLANES_LANE_TASK ? _("Task %s") : _("Region %s"), valid);
      }
      break;
    case GOLANES_LANE_HEADER:
    case GOLANES_LANE_HEAP:
    case GOLANES_LANE_COUNTS:
    default:
      break;
    }

  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Start: %s  Duration: %s"), at, duration);
  return g_string_free (out, FALSE);
}
