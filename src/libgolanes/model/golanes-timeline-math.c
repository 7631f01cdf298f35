/* golanes-timeline-math.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "golanes-timeline-math.h"

double
golanes_timeline_time_to_x (gint64 start,
                            gint64 end,
                            double width,
                            gint64 time)
{
  if (end <= start)
    return 0;

  return (double) (time - start) * width / (double) (end - start);
}

gint64
golanes_timeline_x_to_time (gint64 start,
                            gint64 end,
                            double width,
                            double x)
{
  if (width <= 0)
    return start;

  return start + (gint64) llround (x * (double) (end - start) / width);
}

/* The smallest 1, 2 or 5 × 10^k ns step whose ticks are at least
 * @min_spacing pixels apart. */
gint64
golanes_timeline_tick_step (gint64 duration,
                            double width,
                            double min_spacing)
{
  static const gint64 mantissas[] = { 1, 2, 5 };
  double ns_per_px;
  gint64 power = 1;

  if (duration <= 0 || width <= 0)
    return 1;

  ns_per_px = (double) duration / width;

  for (guint k = 0; k < 19; k++)
    {
      for (guint m = 0; m < G_N_ELEMENTS (mantissas); m++)
        {
          gint64 step = mantissas[m] * power;

          if ((double) step / ns_per_px >= min_spacing)
            return step;
        }
      if (power > G_MAXINT64 / 10)
        break;
      power *= 10;
    }

  return power;
}

/* @offset in the unit that suits its magnitude, with as many decimals as
 * @step needs: 1500000 ns with a 500 µs step is "1.5 ms". */
void
golanes_timeline_format_offset (gint64  offset,
                                gint64  step,
                                char   *buf,
                                gsize   len)
{
  gint64 magnitude = ABS (offset);
  const char *unit;
  gint64 scale;
  int decimals = 0;

  if (step <= 0)
    step = 1;
  if (magnitude < step)
    magnitude = step;

  if (magnitude >= G_GINT64_CONSTANT (1000000000))
    unit = "s", scale = 1000000000;
  else if (magnitude >= 1000000)
    unit = "ms", scale = 1000000;
  else if (magnitude >= 1000)
    unit = "µs", scale = 1000;
  else
    unit = "ns", scale = 1;

  for (gint64 s = scale; s > step && decimals < 9; s /= 10)
    decimals++;

  if (offset == 0)
    g_snprintf (buf, len, "0");
  else
    g_snprintf (buf, len, "%.*f %s", decimals, (double) offset / (double) scale, unit);
}

/* "1.25 ms", "830 ns", "2.5 s": three significant digits. */
char *
golanes_timeline_format_duration (gint64 duration)
{
  double value;
  const char *unit;

  if (duration < 1000)
    return g_strdup_printf ("%" G_GINT64_FORMAT " ns", duration);
  if (duration < 1000000)
    value = duration / 1e3, unit = "µs";
  else if (duration < G_GINT64_CONSTANT (1000000000))
    value = duration / 1e6, unit = "ms";
  else
    value = duration / 1e9, unit = "s";

  if (value >= 100)
    return g_strdup_printf ("%.0f %s", value, unit);
  if (value >= 10)
    return g_strdup_printf ("%.1f %s", value, unit);
  return g_strdup_printf ("%.2f %s", value, unit);
}

guint
golanes_timeline_ticks (gint64  start,
                        gint64  end,
                        gint64  origin,
                        double  width,
                        double  min_spacing,
                        GArray *ticks)
{
  gint64 step;
  gint64 first;
  guint n = 0;

  g_return_val_if_fail (ticks != NULL, 0);

  if (end <= start || width <= 0)
    return 0;

  step = golanes_timeline_tick_step (end - start, width, min_spacing);

  /* Ticks sit on multiples of the step counted from the trace start. */
  first = start - origin;
  if (first >= 0)
    first = (first + step - 1) / step * step;
  else
    first = -((-first) / step * step);

  for (gint64 offset = first; origin + offset <= end; offset += step)
    {
      GolanesTick tick;

      tick.time = origin + offset;
      tick.x = golanes_timeline_time_to_x (start, end, width, tick.time);
      golanes_timeline_format_offset (offset, step, tick.label, sizeof tick.label);
      g_array_append_val (ticks, tick);
      n++;
    }

  return n;
}

void
golanes_timeline_clamp_range (gint64  min_time,
                              gint64  max_time,
                              gint64  min_duration,
                              gint64 *start,
                              gint64 *end)
{
  gint64 duration;

  g_return_if_fail (start != NULL && end != NULL);

  duration = *end - *start;
  if (duration < min_duration)
    {
      gint64 center = *start + duration / 2;

      duration = min_duration;
      *start = center - duration / 2;
    }
  if (duration >= max_time - min_time)
    {
      *start = min_time;
      *end = max_time;
      return;
    }
  if (*start < min_time)
    *start = min_time;
  if (*start + duration > max_time)
    *start = max_time - duration;
  *end = *start + duration;
}

void
golanes_timeline_zoom_range (gint64  min_time,
                             gint64  max_time,
                             gint64  min_duration,
                             double  factor,
                             gint64  anchor,
                             gint64 *start,
                             gint64 *end)
{
  gint64 duration;
  gint64 new_start;
  gint64 new_duration;

  g_return_if_fail (start != NULL && end != NULL);

  duration = *end - *start;
  new_duration = (gint64) llround ((double) duration * factor);
  new_start = anchor - (gint64) llround ((double) (anchor - *start) * factor);

  *start = new_start;
  *end = new_start + new_duration;
  golanes_timeline_clamp_range (min_time, max_time, min_duration, start, end);
}
