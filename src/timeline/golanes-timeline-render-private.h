/* golanes-timeline-render-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>
#include <string.h>

#include "golanes-sample-index.h"
#include "golanes-palette.h"
#include "golanes-timeline-layout-private.h"
#include "golanes-timeline-math.h"
#include "golanes-timeline-render.h"

G_BEGIN_DECLS

/*
 * What the pieces of the timeline's renderer share (the lanes top to
 * bottom are libgolanes' GolanesTimelineLayout, whose insides
 * golanes-timeline-layout-private.h shows):
 *   golanes-timeline-frame.c        a frame: its pixel buffer, rows, images and text
 *   golanes-timeline-render.c       the painter loop over the visible lanes, with a
 *                                   table of painters by lane kind; highlights; the ruler
 *   golanes-timeline-paint-spans.c  the painters of lanes of spans: GC, Procs, threads,
 *                                   tasks, goroutines, regions
 *   golanes-timeline-paint-plots.c  the painters of the plots: heap, goroutine counts
 *   golanes-timeline-prefetch.c     the visible lanes' level-of-detail queries, run
 *                                   ahead of drawing on worker threads
 *   golanes-timeline-hit.c          what is under the pointer, and its tooltip
 */

/* Drawing
 *
 * The lanes' backgrounds, spans and goroutine counts are written into one
 * pixel buffer at device resolution (the widget's scale factor) and drawn
 * as a single texture: at overview zoom a lane has a colour for each of
 * thousands of pixel columns, and as render nodes they cost far more to
 * build and to rasterise than the pixels themselves.  Pixel columns are
 * the columns of the level-of-detail queries, so every edge falls on a
 * device pixel and nothing is blended.  Text, the heap plot and the
 * highlights stay render nodes above the texture. */

/* A label inside a span, drawn once the lanes' images are in place. */
typedef struct
{
  double  x;
  double  y;
  double  width;
  double  height;
  double  clip_y;
  double  clip_height;
  GdkRGBA color;
  char   *text;
} Label;

/* A track's level-of-detail items, queried ahead of drawing. */
typedef struct
{
  GolanesTrack *track;
  GArray       *items;   /* GolanesLodItem */
} Prefetch;

typedef struct
{
  const GolanesTimelineRenderParams *p;
  GolanesTimeline *timeline;
  GtkSnapshot     *snapshot;
  PangoLayout     *layout;
  GArray          *items;
  GArray          *labels;     /* Label */
  double           data_width;
  double           ns_per_px;  /* per device pixel column */
  int              scale;
  /* The buffer covers the whole area, gutter included, in device pixels:
   * premultiplied ARGB in native byte order, as cairo's ARGB32.  Each lane
   * shows the part of its rows it drew on. */
  guint32         *pixels;
  int              pw;
  int              ph;
  int              data_x;     /* device column of the data area's left edge */
  int              n_cols;     /* device columns of the data area */
  struct _Pixels  *buffer;
  /* Scratch rows, one per band of a lane, and the columns drawn on. */
  guint32         *rows[3];
  int              ext_x0;
  int              ext_x1;
  /* LOD queries of the visible lanes, run ahead of drawing
   * (_golanes_frame_prefetch). */
  Prefetch        *prefetch;
  guint            n_prefetch;
  guint            next_prefetch;
  /* The goroutine counts at each data column, sampled with the queries
   * when a counts lane is visible; NULL otherwise. */
  GolanesGoroutineCounts *count_cols;
  /* The CPU samples by lane, and the columns of one lane's. */
  GolanesSampleIndex *samples;
  GArray          *marks;      /* int */
} Frame;

/* Laid-out text, kept in the layout's text cache. */
typedef struct
{
  GskRenderNode *node;
  int            width;
  int            height;
} TextEntry;

/* A stop-the-world pause is at least this many pixels wide. */
#define STW_MIN_WIDTH 2

static inline int
frame_scale (const GolanesTimelineRenderParams *p)
{
  return MAX (p->scale, 1);
}

static inline guint32
to_pixel (const GdkRGBA *color)
{
  double a = CLAMP (color->alpha, 0, 1);
  guint32 pa = (guint32) lround (a * 255);
  guint32 pr = (guint32) lround (CLAMP (color->red, 0, 1) * a * 255);
  guint32 pg = (guint32) lround (CLAMP (color->green, 0, 1) * a * 255);
  guint32 pb = (guint32) lround (CLAMP (color->blue, 0, 1) * a * 255);

  return (pa << 24) | (pr << 16) | (pg << 8) | pb;
}

/* Rows of the buffer */

static inline void
row_fill (guint32 *row,
          int      x0,
          int      x1,
          guint32  pixel)
{
  for (int x = x0; x < x1; x++)
    row[x] = pixel;
}

/* Columns [x0, x1) of this lane hold something. */
static inline void
extend (Frame *f,
        int    x0,
        int    x1)
{
  if (x0 >= x1)
    return;
  f->ext_x0 = MIN (f->ext_x0, x0);
  f->ext_x1 = MAX (f->ext_x1, x1);
}

/* The device columns [*x0, *x1) of the data area that @item is drawn on,
 * at least @min wide, given that the items before it in the query were
 * drawn up to column *claimed.  An item starting in a column its
 * predecessor ends in leaves that column to it, unless the item fits in
 * there entirely: then it is drawn over it, so that a short span between
 * two long ones stays visible.  Drawing and hit testing share this. */
static inline void
lod_columns (const GolanesLodItem *item,
             int                   min,
             int                   n_cols,
             int                  *claimed,
             int                  *x0,
             int                  *x1)
{
  int a = CLAMP (item->x0, 0, n_cols);
  int b = CLAMP (item->x1, a, n_cols);

  if (b - a < min)
    b = MIN (a + min, n_cols);
  if (a < *claimed && b > *claimed)
    a = *claimed;
  *claimed = MAX (*claimed, b);
  *x0 = a;
  *x1 = b;
}

/* The same in buffer columns, for the items of one query in order. */
static inline void
item_columns (const Frame          *f,
              const GolanesLodItem *item,
              int                   min,
              int                  *claimed,
              int                  *x0,
              int                  *x1)
{
  lod_columns (item, min, f->n_cols, claimed, x0, x1);
  *x0 += f->data_x;
  *x1 += f->data_x;
}

/* The device rows [top, bottom) of a lane at @y, clipped to the buffer. */
static inline void
lane_rows (const Frame *f,
           double       y,
           double       height,
           int         *top,
           int         *bottom)
{
  *top = (int) lround (y * f->scale);
  *bottom = (int) lround ((y + height) * f->scale);
}

static inline double
column_x (const Frame *f,
          int          x)
{
  return (double) x / f->scale;
}


void                   _golanes_frame_init         (Frame                             *f,
                                                    const GolanesTimelineRenderParams *p,
                                                    GtkSnapshot                       *snapshot);
/* The frame's pixel buffer and scratch rows, until free_pixels(). */
void                   _golanes_frame_alloc_pixels (Frame                             *f);
void                   _golanes_frame_free_pixels  (Frame                             *f);
void                   _golanes_frame_fill         (Frame                             *f,
                                                    double                             x,
                                                    double                             y,
                                                    double                             w,
                                                    double                             h,
                                                    const GdkRGBA                     *color);
guint32                _golanes_frame_role_pixel   (const Frame                       *f,
                                                    GolanesColorRole                   role);
const TextEntry       *_golanes_frame_text_entry   (Frame                             *f,
                                                    const char                        *str,
                                                    int                                width,
                                                    const GdkRGBA                     *color);
gboolean               _golanes_frame_text         (Frame                             *f,
                                                    const char                        *str,
                                                    double                             x,
                                                    double                             y,
                                                    double                             max_width,
                                                    double                             lane_height,
                                                    const GdkRGBA                     *color);
void                   _golanes_frame_queue_label  (Frame                             *f,
                                                    const char                        *str,
                                                    double                             x,
                                                    double                             y,
                                                    double                             max_width,
                                                    const GolanesLane                  *lane,
                                                    double                             lane_y,
                                                    const GdkRGBA                     *color);
GHashTable            *_golanes_frame_label_widths (GolanesTimelineLayout             *layout,
                                                    PangoContext                      *pango);
GolanesSampleIndex    *_golanes_frame_sample_index (GolanesTimelineLayout             *layout,
                                                    GolanesTimeline                   *timeline);
void                   _golanes_frame_sample_columns (Frame                           *f,
                                                      const GolanesLane               *lane);
void                   _golanes_frame_put_marks    (Frame                             *f,
                                                    int                                r0,
                                                    int                                r1);
void                   _golanes_frame_put_rows     (Frame                             *f,
                                                    const guint32                     *row,
                                                    int                                r0,
                                                    int                                r1);
void                   _golanes_frame_rows_begin   (Frame                             *f,
                                                    int                                n);
void                   _golanes_frame_append_image (Frame                             *f,
                                                    int                                r0,
                                                    int                                r1);

/* Lane painters, one per kind of lane but headers (the painter loop
 * draws a header's background and title itself). */
typedef struct
{
  /* Lists the tracks draw() queries, in the order it queries them, with
   * _golanes_prefetch_add(); NULL for none. */
  void (*prefetch) (Frame             *f,
                    const GolanesLane *lane,
                    GArray            *list);
  /* Draws the lane's spans or plot at @y in the frame. */
  void (*draw)     (Frame             *f,
                    const GolanesLane *lane,
                    double             y);
} GolanesLanePainter;

extern const GolanesLanePainter _golanes_gc_painter;
extern const GolanesLanePainter _golanes_heap_painter;
extern const GolanesLanePainter _golanes_counts_painter;
extern const GolanesLanePainter _golanes_proc_painter;
extern const GolanesLanePainter _golanes_thread_painter;
extern const GolanesLanePainter _golanes_task_painter;
extern const GolanesLanePainter _golanes_goroutine_painter;
extern const GolanesLanePainter _golanes_region_painter;

/* The painter of lanes of @kind, or NULL (headers). */
const GolanesLanePainter *_golanes_lane_painter (guint kind);

/* Prefetching */
void  _golanes_prefetch_add        (GArray       *list,
                                    GolanesTrack *track);
void  _golanes_frame_prefetch      (Frame        *f,
                                    guint         first,
                                    guint         last);
void  _golanes_frame_prefetch_free (Frame        *f);
/* While the trace streams in: a track's open last span, drawn (and hit)
 * up to the loaded end instead of as a sliver at its start. */
void  _golanes_lod_extend_open      (GArray                            *items,
                                     GolanesTrack                      *track,
                                     const GolanesTimelineRenderParams *p,
                                     double                             ns_per_px,
                                     int                                n_cols);
guint _golanes_frame_query         (Frame        *f,
                                    GolanesTrack *track);

/* The goroutine counts at the middle of the columns [@c0, @n). */
void  _golanes_frame_sample_counts (const Frame            *f,
                                    GolanesGoroutineCounts *cols,
                                    int                     c0,
                                    int                     n);

G_END_DECLS
