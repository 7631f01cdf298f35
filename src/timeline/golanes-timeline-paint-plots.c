/* golanes-timeline-paint-plots.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-timeline-render"

#include "config.h"

#include "golanes-timeline-render-private.h"

/* The painters of the plots: the heap and the goroutine counts, written
 * into the frame column by column. */

/* Index of the last series point at or before @time (0 if none). */
static guint
series_seek (const GolanesSeriesPoint *points,
             guint                     n,
             gint64                    time)
{
  guint lo = 0;
  guint hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (points[mid].time <= time)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo > 0 ? lo - 1 : 0;
}

/* The lowest and highest value of @points in effect during each of the
 * frame's columns: one pass over the points in view. */
static gboolean
series_columns (Frame                    *f,
                const GolanesSeriesPoint *points,
                guint                     n,
                guint64                  *lo,
                guint64                  *hi)
{
  guint64 level;
  int cur = 0;
  guint i;

  if (n == 0 || f->n_cols <= 0)
    return FALSE;

  i = series_seek (points, n, f->p->start);
  level = points[i].value;
  lo[0] = hi[0] = level;
  for (i++; i < n && points[i].time < f->p->end; i++)
    {
      gint64 col = golanes_lod_column (f->p->start, f->ns_per_px, points[i].time);

      if (col >= f->n_cols)
        break;
      while (cur < col)
        {
          cur++;
          lo[cur] = hi[cur] = level;
        }
      level = points[i].value;
      lo[cur] = MIN (lo[cur], level);
      hi[cur] = MAX (hi[cur], level);
    }
  while (cur < f->n_cols - 1)
    {
      cur++;
      lo[cur] = hi[cur] = level;
    }
  return TRUE;
}

static void
fill_column (Frame   *f,
             int      x,
             int      top,
             int      bottom,
             int      r0,
             int      r1,
             guint32  pixel)
{
  guint32 *p;

  top = MAX (top, MAX (r0, 0));
  bottom = MIN (bottom, MIN (r1, f->ph));
  if (top >= bottom)
    return;
  p = f->pixels + (gsize) top * f->pw + x;
  for (int r = top; r < bottom; r++, p += f->pw)
    *p = pixel;
}

/* The heap in use, filled under a line, and the heap goal dashed, as step
 * plots on device pixels: a column holding several points shows their
 * range as a vertical stroke. */
static void
draw_heap_lane (Frame             *f,
                const GolanesLane *lane,
                double             y)
{
  const GolanesSeriesPoint *points;
  GdkRGBA heap = *golanes_palette_get (GOLANES_COLOR_HEAP, f->p->dark);
  guint32 line = to_pixel (&heap);
  guint32 goal = _golanes_frame_role_pixel (f, GOLANES_COLOR_HEAP_GOAL);
  guint64 max = f->p->layout->heap_max;
  g_autofree guint64 *lo = NULL;
  g_autofree guint64 *hi = NULL;
  guint32 area;
  double scale;
  int goal_width = MAX ((int) lround (1.5 * f->scale), 1);
  int r0;
  int r1;
  guint n;

  if (max == 0 || f->n_cols <= 0)
    return;

  heap.alpha = 0.35;
  area = to_pixel (&heap);
  lane_rows (f, y, lane->height, &r0, &r1);
  scale = (r1 - r0 - 2 * f->scale) / (double) max;
  for (int r = MAX (r0, 0); r < MIN (r1, f->ph); r++)
    memset (f->pixels + (gsize) r * f->pw + f->data_x, 0, (gsize) f->n_cols * sizeof (guint32));
  f->ext_x0 = f->data_x;
  f->ext_x1 = f->data_x + f->n_cols;
  lo = g_new (guint64, f->n_cols);
  hi = g_new (guint64, f->n_cols);

  points = golanes_timeline_get_series (f->timeline, GOLANES_SERIES_HEAP_ALLOC, &n);
  if (series_columns (f, points, n, lo, hi))
    for (int c = 0; c < f->n_cols; c++)
      {
        int top = (int) floor (r1 - hi[c] * scale - f->scale * 0.5);
        int bottom = (int) floor (r1 - lo[c] * scale - f->scale * 0.5) + f->scale;

        fill_column (f, f->data_x + c, top, r1, r0, r1, area);
        fill_column (f, f->data_x + c, top, bottom, r0, r1, line);
      }

  points = golanes_timeline_get_series (f->timeline, GOLANES_SERIES_HEAP_GOAL, &n);
  if (series_columns (f, points, n, lo, hi))
    for (int c = 0; c < f->n_cols; c++)
      {
        int top = (int) floor (r1 - hi[c] * scale - goal_width * 0.5);
        int bottom = (int) floor (r1 - lo[c] * scale - goal_width * 0.5) + goal_width;

        /* Dashes 4 pixels long, 3 apart; a change always shows. */
        if (lo[c] != hi[c] || (c / f->scale) % 7 < 4)
          fill_column (f, f->data_x + c, top, bottom, r0, r1, goal);
      }

  _golanes_frame_append_image (f, r0, r1);
}

static void
counts_at_column (const Frame            *f,
                  int                     c,
                  GolanesGoroutineCounts *out,
                  guint                  *hint)
{
  golanes_timeline_get_counts_near (f->timeline, f->p->start + (gint64) ((c + 0.5) * f->ns_per_px), out, hint);
}

static gboolean
same_counts (const GolanesGoroutineCounts *a,
             const GolanesGoroutineCounts *b)
{
  return a->time == b->time && a->running == b->running && a->runnable == b->runnable &&
         a->waiting == b->waiting && a->syscall == b->syscall;
}

/* The counts in effect at the middle of each of the columns [@c0, @n),
 * into @cols[@c0..@n).  Counts
 * come with the time of the change they follow, so two columns with the
 * same one have no change between them: runs of equal columns are found
 * by galloping instead of one lookup per column. */
void
_golanes_frame_sample_counts (const Frame            *f,
                              GolanesGoroutineCounts *cols,
                              int                     c0,
                              int                     n)
{
  int c = c0;
  guint hint = 0;

  if (c >= n)
    return;
  counts_at_column (f, c, &cols[c], &hint);
  while (c < n)
    {
      GolanesGoroutineCounts probe;
      int lo = c;
      int hi = n;
      int step = 1;

      /* cols[c] is known; find the last column with the same counts. */
      while (lo + step < n)
        {
          counts_at_column (f, lo + step, &probe, &hint);
          if (!same_counts (&probe, &cols[c]))
            {
              hi = lo + step;
              cols[hi] = probe;
              break;
            }
          lo += step;
          step *= 2;
        }
      while (hi - lo > 1)
        {
          int mid = lo + (hi - lo) / 2;

          counts_at_column (f, mid, &probe, &hint);
          if (same_counts (&probe, &cols[c]))
            lo = mid;
          else
            {
              hi = mid;
              cols[hi] = probe;
            }
        }
      for (int i = c + 1; i <= lo; i++)
        cols[i] = cols[c];
      c = lo + 1;
      /* cols[hi] holds the counts of the first differing column probed
       * last at that index, unless hi is the end. */
      if (c < n && c != hi)
        counts_at_column (f, c, &cols[c], &hint);
    }
}

static void
draw_counts_lane (Frame             *f,
                  const GolanesLane *lane,
                  double             y)
{
  static const GolanesColorRole roles[] = {
    GOLANES_COLOR_RUNNING, GOLANES_COLOR_RUNNABLE, GOLANES_COLOR_WAITING,
  };
  gint32 max = f->p->layout->count_max;
  guint32 pixels[G_N_ELEMENTS (roles)];
  g_autofree GolanesGoroutineCounts *own_cols = NULL;
  const GolanesGoroutineCounts *cols;
  double scale;
  int r0;
  int r1;

  if (max <= 0 || f->n_cols <= 0)
    return;

  lane_rows (f, y, lane->height, &r0, &r1);
  scale = (r1 - r0 - 2 * f->scale) / (double) max;
  for (guint k = 0; k < G_N_ELEMENTS (roles); k++)
    pixels[k] = _golanes_frame_role_pixel (f, roles[k]);
  for (int r = MAX (r0, 0); r < MIN (r1, f->ph); r++)
    memset (f->pixels + (gsize) r * f->pw + f->data_x, 0, (gsize) f->n_cols * sizeof (guint32));
  f->ext_x0 = f->data_x;
  f->ext_x1 = f->data_x + f->n_cols;

  /* Per column: the counts in effect at its middle, stacked from the
   * bottom of the lane. */
  cols = f->count_cols;
  if (cols == NULL)
    {
      own_cols = g_new (GolanesGoroutineCounts, f->n_cols);
      _golanes_frame_sample_counts (f, own_cols, 0, f->n_cols);
      cols = own_cols;
    }
  for (int c = 0; c < f->n_cols; c++)
    {
      const GolanesGoroutineCounts *counts = &cols[c];
      int level[G_N_ELEMENTS (roles)];
      int from = r1;

      level[0] = counts->running;
      level[1] = level[0] + counts->runnable;
      level[2] = level[1] + counts->waiting + counts->syscall;

      for (guint k = 0; k < G_N_ELEMENTS (roles); k++)
        {
          int to = r1 - (int) lround (level[k] * scale);
          guint32 *p;

          to = MAX (to, MAX (r0, 0));
          from = MIN (from, f->ph);
          if (to < from)
            {
              p = f->pixels + (gsize) to * f->pw + f->data_x + c;
              for (int r = to; r < from; r++, p += f->pw)
                *p = pixels[k];
            }
          from = MIN (from, to);
        }
    }

  _golanes_frame_append_image (f, r0, r1);
}


/* The counts lane's columns are sampled with the queries. */
static void
prefetch_counts (Frame             *f,
                 const GolanesLane *lane,
                 GArray            *list)
{
  if (f->count_cols == NULL && f->n_cols > 0 && f->p->layout->count_max > 0)
    f->count_cols = g_new (GolanesGoroutineCounts, f->n_cols);
}

const GolanesLanePainter _golanes_heap_painter = { NULL, draw_heap_lane };
const GolanesLanePainter _golanes_counts_painter = { prefetch_counts, draw_counts_lane };
