/* golanes-timeline-math.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The pure arithmetic of the timeline: mapping between nanoseconds and
 * pixels, the ruler's ticks and labels, and zooming and panning a visible
 * range inside the trace.  No widgets, so unit tests need no display.
 */

typedef struct
{
  gint64 time;        /* absolute trace time of the tick */
  double x;           /* its position, relative to the data area */
  char   label[32];   /* time since the trace start, "1.25 ms" */
} GolanesTick;

double  golanes_timeline_time_to_x   (gint64  start,
                                      gint64  end,
                                      double  width,
                                      gint64  time);
gint64  golanes_timeline_x_to_time   (gint64  start,
                                      gint64  end,
                                      double  width,
                                      double  x);
gint64  golanes_timeline_tick_step   (gint64  duration,
                                      double  width,
                                      double  min_spacing);
guint   golanes_timeline_ticks       (gint64  start,
                                      gint64  end,
                                      gint64  origin,
                                      double  width,
                                      double  min_spacing,
                                      GArray *ticks);
void    golanes_timeline_format_offset (gint64  offset,
                                        gint64  step,
                                        char   *buf,
                                        gsize   len);
char   *golanes_timeline_format_duration (gint64 duration);

/* Clamps [*start, *end) into [min_time, max_time] keeping its duration
 * where possible, and at least @min_duration long. */
void    golanes_timeline_clamp_range (gint64  min_time,
                                      gint64  max_time,
                                      gint64  min_duration,
                                      gint64 *start,
                                      gint64 *end);
/* Scales [*start, *end) by @factor (< 1 zooms in) keeping @anchor at the
 * same place, then clamps. */
void    golanes_timeline_zoom_range  (gint64  min_time,
                                      gint64  max_time,
                                      gint64  min_duration,
                                      double  factor,
                                      gint64  anchor,
                                      gint64 *start,
                                      gint64 *end);

G_END_DECLS
