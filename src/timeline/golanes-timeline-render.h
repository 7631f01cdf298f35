/* golanes-timeline-render.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "golanes-document.h"
#include "golanes-session.h"
#include "golanes-timeline-layout.h"

G_BEGIN_DECLS

/*
 * How the timeline's lanes are drawn, without a widget: the viewer,
 * `golanes-cli render` and the benchmarks share this code.
 *
 * The lanes are those of a GolanesTimelineLayout (golanes-timeline-layout.h
 * in libgolanes, included here).  The render functions draw the lanes
 * visible in a window of [start, end) × [scroll_y, scroll_y + height)
 * into a GtkSnapshot, asking each lane's track for its level of detail so
 * that a frame costs the visible lanes and columns.
 */

/* The gutter, left of the data area, holds the lane labels.  It is as
 * wide as the widest label (golanes_timeline_measure_labels()) but never
 * narrower than GOLANES_TIMELINE_GUTTER_MIN nor wider than
 * GOLANES_TIMELINE_GUTTER_SHARE of the lanes (golanes_timeline_fit_gutter());
 * a label still too wide loses the middle of its function name.
 * GOLANES_TIMELINE_GUTTER is the width of params that set none. */
#define GOLANES_TIMELINE_GUTTER       190
#define GOLANES_TIMELINE_GUTTER_MIN   150
#define GOLANES_TIMELINE_GUTTER_SHARE 0.3
#define GOLANES_TIMELINE_RULER_HEIGHT 28

typedef struct
{
  GolanesDocument              *document;
  GolanesTimelineLayout        *layout;
  gint64                        start;
  gint64                        end;
  double                        width;     /* the whole area, gutter included */
  double                        gutter;    /* whole pixels; 0: GOLANES_TIMELINE_GUTTER */
  double                        height;
  double                        scroll_y;
  /* Device pixels per logical pixel (the widget's scale factor); spans
   * are drawn and hit-tested on device pixel columns.  0 counts as 1. */
  int                           scale;
  gboolean                      dark;
  GdkRGBA                       foreground;
  PangoContext                 *pango;
  const GolanesSessionInterval *highlight;
  guint                         n_highlight;
  /* While the trace streams in: the timeline is read up to @loaded_end
   * (the part after it is hatched), @loaded_fraction of the file.  0: all
   * of it. */
  gint64                        loaded_end;
  double                        loaded_fraction;
} GolanesTimelineRenderParams;

void golanes_timeline_render_lanes (const GolanesTimelineRenderParams *params,
                                    GtkSnapshot                       *snapshot);
/* The width the lane labels of @layout ask for in the gutter, padding
 * included, in the font @pango gives them. */
double golanes_timeline_measure_labels (GolanesTimelineLayout *layout,
                                       PangoContext          *pango);
/* The gutter for labels @labels_width wide in lanes @width wide. */
double golanes_timeline_fit_gutter     (double                 labels_width,
                                       double                 width);
/* The gutter @params draw with. */
double golanes_timeline_params_get_gutter (const GolanesTimelineRenderParams *params);
/* The highlighted ranges alone, as render_lanes() draws them on top. */
void golanes_timeline_render_highlights (const GolanesTimelineRenderParams *params,
                                         GtkSnapshot                       *snapshot);
/* The ruler: a strip @height high with ticks for [start, end). */
void golanes_timeline_render_ruler (const GolanesTimelineRenderParams *params,
                                    double                             height,
                                    GtkSnapshot                       *snapshot);

typedef struct
{
  gint           lane;
  GolanesLaneKind kind;
  guint32        index;
  guint16        level;
  GolanesLodItem item;      /* count 0: nothing under the pointer */
  GolanesTrack  *track;
  /* The CPU samples marked under the pointer (at a goroutine's or a P's
   * lane's bottom edge): how many, and the first. */
  guint          n_samples;
  guint32        sample;
} GolanesTimelineHit;

gboolean golanes_timeline_hit_test (const GolanesTimelineRenderParams *params,
                                    double                             x,
                                    double                             y,
                                    GolanesTimelineHit                *hit);
/* A tooltip for what @hit found (Pango markup-free text). */
char    *golanes_timeline_describe_hit (GolanesDocument          *document,
                                        const GolanesTimelineHit *hit);
const char *golanes_timeline_state_name (guint state);

G_END_DECLS
