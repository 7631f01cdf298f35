/* test-timeline-math.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The timeline's pure arithmetic: no widgets, no display. */

#include "config.h"

#include "golanes-timeline-math.h"

static void
test_mapping (void)
{
  g_assert_cmpfloat (golanes_timeline_time_to_x (1000, 2000, 100, 1000), ==, 0);
  g_assert_cmpfloat (golanes_timeline_time_to_x (1000, 2000, 100, 1500), ==, 50);
  g_assert_cmpfloat (golanes_timeline_time_to_x (1000, 2000, 100, 2000), ==, 100);
  g_assert_cmpfloat (golanes_timeline_time_to_x (1000, 2000, 100, 500), ==, -50);
  g_assert_cmpint (golanes_timeline_x_to_time (1000, 2000, 100, 25), ==, 1250);
  g_assert_cmpint (golanes_timeline_x_to_time (1000, 2000, 100, 0), ==, 1000);

  /* Round trips at a 1 ns resolution over a long trace. */
  for (gint64 t = 0; t <= G_GINT64_CONSTANT (10000000000); t += G_GINT64_CONSTANT (1234567891))
    {
      double x = golanes_timeline_time_to_x (0, G_GINT64_CONSTANT (10000000000), 1e10, t);

      g_assert_cmpint (golanes_timeline_x_to_time (0, G_GINT64_CONSTANT (10000000000), 1e10, x), ==, t);
    }
}

static void
test_tick_step (void)
{
  /* 1 s over 1000 px with ticks at least 100 px apart: 100 ms. */
  g_assert_cmpint (golanes_timeline_tick_step (1000000000, 1000, 100), ==, 100000000);
  /* 1 s over 1000 px, 110 px: 200 ms. */
  g_assert_cmpint (golanes_timeline_tick_step (1000000000, 1000, 110), ==, 200000000);
  /* 1 µs over 1920 px, 110 px: 100 ns. */
  g_assert_cmpint (golanes_timeline_tick_step (1000, 1920, 110), ==, 100);
  /* 3 ms over 1000 px, 110 px: 500 µs. */
  g_assert_cmpint (golanes_timeline_tick_step (3000000, 1000, 110), ==, 500000);
}

static void
test_ticks (void)
{
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (GolanesTick));
  const GolanesTick *t;

  /* 0 .. 1 s of a trace starting at 5000 ns, 1000 px. */
  g_assert_cmpuint (golanes_timeline_ticks (5000, 5000 + 1000000000, 5000, 1000, 100, ticks), ==, 11);
  t = &g_array_index (ticks, GolanesTick, 0);
  g_assert_cmpint (t->time, ==, 5000);
  g_assert_cmpstr (t->label, ==, "0");
  t = &g_array_index (ticks, GolanesTick, 1);
  g_assert_cmpint (t->time, ==, 5000 + 100000000);
  g_assert_cmpfloat (t->x, ==, 100);
  g_assert_cmpstr (t->label, ==, "100 ms");
  t = &g_array_index (ticks, GolanesTick, 10);
  g_assert_cmpstr (t->label, ==, "1.0 s");

  /* A window that does not start on a tick: the first is the next
   * multiple of the step from the trace start. */
  g_array_set_size (ticks, 0);
  golanes_timeline_ticks (1250, 1250 + 3000000, 0, 1000, 110, ticks);
  t = &g_array_index (ticks, GolanesTick, 0);
  g_assert_cmpint (t->time, ==, 500000);
  g_assert_cmpstr (t->label, ==, "500 µs");
  t = &g_array_index (ticks, GolanesTick, 1);
  g_assert_cmpstr (t->label, ==, "1.0 ms");

  /* Deep zoom: 1 µs at 1.2 s keeps nanosecond precision. */
  g_array_set_size (ticks, 0);
  golanes_timeline_ticks (1200000000, 1200001000, 0, 1920, 110, ticks);
  t = &g_array_index (ticks, GolanesTick, 1);
  g_assert_cmpint (t->time, ==, 1200000100);
  g_assert_cmpstr (t->label, ==, "1.2000001 s");
}

static void
test_format (void)
{
  g_autofree char *a = golanes_timeline_format_duration (830);
  g_autofree char *b = golanes_timeline_format_duration (1250000);
  g_autofree char *c = golanes_timeline_format_duration (2500000000);
  g_autofree char *d = golanes_timeline_format_duration (119000000);

  g_assert_cmpstr (a, ==, "830 ns");
  g_assert_cmpstr (b, ==, "1.25 ms");
  g_assert_cmpstr (c, ==, "2.50 s");
  g_assert_cmpstr (d, ==, "119 ms");
}

static void
test_zoom (void)
{
  gint64 start = 0;
  gint64 end = 1000;

  /* Zoom in around 250: it stays at the same place. */
  golanes_timeline_zoom_range (0, 1000, 10, 0.5, 250, &start, &end);
  g_assert_cmpint (start, ==, 125);
  g_assert_cmpint (end, ==, 625);

  /* Out again, beyond the trace: clamped to it. */
  golanes_timeline_zoom_range (0, 1000, 10, 4, 125, &start, &end);
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, 1000);

  /* Not shorter than the minimum. */
  start = 500;
  end = 502;
  golanes_timeline_clamp_range (0, 1000, 10, &start, &end);
  g_assert_cmpint (end - start, ==, 10);
  g_assert_cmpint (start, ==, 496);

  /* Pushed back inside at the edges. */
  start = 950;
  end = 1100;
  golanes_timeline_clamp_range (0, 1000, 10, &start, &end);
  g_assert_cmpint (start, ==, 850);
  g_assert_cmpint (end, ==, 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline-math/mapping", test_mapping);
  g_test_add_func ("/timeline-math/tick-step", test_tick_step);
  g_test_add_func ("/timeline-math/ticks", test_ticks);
  g_test_add_func ("/timeline-math/format", test_format);
  g_test_add_func ("/timeline-math/zoom", test_zoom);

  return g_test_run ();
}
