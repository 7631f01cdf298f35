/* golanes-cli-render.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* golanes-cli render: the viewer's timeline drawn offscreen to a PNG, with
 * the same layout and drawing code as the window.  GSK render nodes are
 * drawn with cairo, so no display is needed. */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <gtk/gtk.h>
#include <pango/pangocairo.h>

#include "golanes-cli-commands.h"
#include "golanes-document.h"
#include "golanes-timeline-render.h"

#define BENCH_VIEWS  30
#define BENCH_ROUNDS 5

typedef struct
{
  GolanesDocument       *document;
  GolanesTimelineLayout *layout;
  PangoContext          *pango;
  int                    width;
  double                 gutter;
  int                    height;
  int                    scale;
  gboolean               dark;
} Renderer;

static GskRenderNode *
build_frame (Renderer *r,
             gint64    start,
             gint64    end)
{
  GolanesTimelineRenderParams params = { 0, };
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GdkRGBA background;

  params.document = r->document;
  params.layout = r->layout;
  params.start = start;
  params.end = end;
  params.width = r->width;
  params.gutter = r->gutter;
  params.height = r->height - GOLANES_TIMELINE_RULER_HEIGHT;
  params.scale = r->scale;
  params.dark = r->dark;
  params.pango = r->pango;
  gdk_rgba_parse (&params.foreground, r->dark ? "#ffffff" : "rgba(0,0,0,0.8)");
  gdk_rgba_parse (&background, r->dark ? "#242424" : "#fafafa");

  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, r->width, r->height));
  golanes_timeline_render_ruler (&params, GOLANES_TIMELINE_RULER_HEIGHT, snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, GOLANES_TIMELINE_RULER_HEIGHT));
  golanes_timeline_render_lanes (&params, snapshot);

  return gtk_snapshot_free_to_node (snapshot);
}

static void
draw_into (cairo_surface_t *surface,
           GskRenderNode   *node)
{
  cairo_t *cr = cairo_create (surface);

  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
}

static cairo_surface_t *
draw_frame (Renderer      *r,
            GskRenderNode *node)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         r->width * r->scale, r->height * r->scale);

  /* Like a window on a HiDPI screen: logical pixels, drawn at @scale. */
  cairo_surface_set_device_scale (surface, r->scale, r->scale);
  draw_into (surface, node);
  return surface;
}

/* The process's CPU time in ms, every thread's (the frame's LOD queries
 * run on worker threads too): unlike the wall clock, it does not count the
 * time other processes on a loaded machine take. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (double *values,
            guint   n,
            double  fraction)
{
  qsort (values, n, sizeof (double), compare_double);
  return values[MAX ((int) ceil (n * fraction) - 1, 0)];
}

/* Frame times for BENCH_VIEWS views from the whole trace down to a 1 µs
 * window around its middle, each built and rasterised in full, in
 * BENCH_ROUNDS sweeps.  Printed: percentiles over every frame, and over
 * the views of each view's median frame, which a hiccup of the machine in
 * one sweep does not move. */
static void
bench_frames (Renderer *r,
              gint64    start,
              gint64    end)
{
  enum { BUILD, FRAME, CPU_BUILD, CPU_FRAME, N_KINDS };
  static const char *const names[N_KINDS] = { "build", "frame", "cpu_build", "cpu_frame" };
  double all[N_KINDS][BENCH_ROUNDS * BENCH_VIEWS];
  double per_view[N_KINDS][BENCH_VIEWS][BENCH_ROUNDS];
  double medians[BENCH_VIEWS];
  gint64 middle = start + (end - start) / 2;
  double ratio = pow ((double) (end - start) / 1000.0, 1.0 / (BENCH_VIEWS - 1));
  GskRenderNode *warm;
  cairo_surface_t *surface;

  /* One untimed frame first: loading fonts is not drawing.  Like a
   * window's back buffer, one surface serves every frame. */
  warm = build_frame (r, start, end);
  surface = draw_frame (r, warm);
  g_clear_pointer (&warm, gsk_render_node_unref);

  for (guint round = 0; round < BENCH_ROUNDS; round++)
    for (guint i = 0; i < BENCH_VIEWS; i++)
      {
        double duration = (double) (end - start) / pow (ratio, i);
        gint64 s = middle - (gint64) (duration / 2);
        gint64 e = s + MAX ((gint64) duration, 1000);
        gint64 t0 = g_get_monotonic_time ();
        double c0 = cpu_ms ();
        double v[N_KINDS];
        GskRenderNode *node;
        double c1;
        gint64 t1;

        s = MAX (s, start);
        e = MIN (e, end);
        node = build_frame (r, s, e);
        t1 = g_get_monotonic_time ();
        c1 = cpu_ms ();
        draw_into (surface, node);
        v[BUILD] = (t1 - t0) / 1000.0;
        v[FRAME] = (g_get_monotonic_time () - t0) / 1000.0;
        v[CPU_BUILD] = c1 - c0;
        v[CPU_FRAME] = cpu_ms () - c0;
        g_clear_pointer (&node, gsk_render_node_unref);
        for (guint k = 0; k < N_KINDS; k++)
          {
            all[k][round * BENCH_VIEWS + i] = v[k];
            per_view[k][i][round] = v[k];
          }
        if (g_getenv ("GOLANES_BENCH_VERBOSE") != NULL)
          printf ("round %u view %2u: %" G_GINT64_FORMAT " ns wide, build %.2f ms, frame %.2f ms (CPU %.2f, %.2f ms)\n",
                  round, i, e - s, v[BUILD], v[FRAME], v[CPU_BUILD], v[CPU_FRAME]);
      }
  cairo_surface_destroy (surface);

  printf ("views=%d rounds=%d width=%d height=%d scale=%d\n", BENCH_VIEWS, BENCH_ROUNDS, r->width, r->height, r->scale);
  printf ("# over all %d frames\n", BENCH_VIEWS * BENCH_ROUNDS);
  for (guint k = 0; k < N_KINDS; k++)
    {
      double p50 = percentile (all[k], BENCH_VIEWS * BENCH_ROUNDS, 0.5);
      double p99 = percentile (all[k], BENCH_VIEWS * BENCH_ROUNDS, 0.99);

      printf ("%s_p50_ms=%.2f %s_p99_ms=%.2f %s_max_ms=%.2f\n", names[k], p50, names[k], p99,
              names[k], all[k][BENCH_VIEWS * BENCH_ROUNDS - 1]);
    }
  printf ("# over the %d views, each view's median of %d frames\n", BENCH_VIEWS, BENCH_ROUNDS);
  for (guint k = 0; k < N_KINDS; k++)
    {
      double p50;
      double p99;

      for (guint i = 0; i < BENCH_VIEWS; i++)
        medians[i] = percentile (per_view[k][i], BENCH_ROUNDS, 0.5);
      p50 = percentile (medians, BENCH_VIEWS, 0.5);
      p99 = percentile (medians, BENCH_VIEWS, 0.99);
      printf ("median_%s_p50_ms=%.2f median_%s_p99_ms=%.2f\n", names[k], p50, names[k], p99);
    }
}

int
golanes_cli_render (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GolanesDocument) document = NULL;
  g_autoptr(GolanesTimelineLayout) layout = NULL;
  PangoContext *pango = NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autofree char *output = NULL;
  gint64 start = -1;
  gint64 end = -1;
  int width = 1920;
  int height = 1080;
  int scale = 1;
  gboolean dark = FALSE;
  gboolean bench = FALSE;
  gboolean expand = FALSE;
  GolanesTimeline *timeline;
  GskRenderNode *node;
  cairo_surface_t *surface;
  cairo_status_t status;
  Renderer r;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "PNG file to write", "OUT.png" },
    { "start", 0, 0, G_OPTION_ARG_INT64, &start, "Start of the view, ns since the trace start", "NS" },
    { "end", 0, 0, G_OPTION_ARG_INT64, &end, "End of the view, ns since the trace start", "NS" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Width in pixels (1920)", "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Height in pixels (1080)", "H" },
    { "scale", 0, 0, G_OPTION_ARG_INT, &scale, "Device pixels per pixel, as on a HiDPI screen (1)", "N" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark colours", NULL },
    { "expand-all", 0, 0, G_OPTION_ARG_NONE, &expand, "Expand every lane group", NULL },
    { "bench-frames", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &bench,
      "Time 30 views from the whole trace down to 1 µs and print p50/p99", NULL },
    { NULL }
  };

  /* Registers the render node types, which gtk_init() would otherwise do. */
  g_type_ensure (GSK_TYPE_COLOR_NODE);

  context = g_option_context_new ("TRACE - draw the timeline into a PNG");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "golanes-cli render: %s\n", error->message);
      return 2;
    }
  if (argc != 2 || (output == NULL && !bench) || width < 2 * GOLANES_TIMELINE_GUTTER_MIN || height < 64 ||
      scale < 1 || scale > 4)
    {
      fprintf (stderr, "Usage: golanes-cli render TRACE -o OUT.png [--start NS --end NS --width W --height H --scale N]\n");
      return 2;
    }

  document = golanes_document_load_timeline (argv[1], NULL, NULL, NULL, &error);
  if (document == NULL)
    {
      fprintf (stderr, "golanes-cli render: %s: %s\n", argv[1], error->message);
      return 1;
    }
  timeline = golanes_document_get_timeline (document);

  layout = golanes_timeline_layout_new (document);
  if (expand)
    for (guint g = 0; g < golanes_timeline_layout_get_n_groups (layout); g++)
      golanes_timeline_layout_set_group_collapsed (layout, g, FALSE);

  pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  font = pango_font_description_from_string ("Sans 10");
  pango_context_set_font_description (pango, font);

  r.document = document;
  r.layout = layout;
  r.pango = pango;
  r.width = width;
  r.gutter = golanes_timeline_fit_gutter (golanes_timeline_measure_labels (layout, pango), width);
  r.height = height;
  r.scale = scale;
  r.dark = dark;

  start = start < 0 ? golanes_timeline_get_start_time (timeline)
                    : golanes_timeline_get_start_time (timeline) + start;
  end = end < 0 ? golanes_timeline_get_end_time (timeline)
                : golanes_timeline_get_start_time (timeline) + end;
  if (end <= start)
    {
      fprintf (stderr, "golanes-cli render: the view ends before it starts\n");
      g_object_unref (pango);
      return 2;
    }

  if (bench)
    bench_frames (&r, start, end);
  if (output == NULL)
    {
      g_object_unref (pango);
      return 0;
    }

  node = build_frame (&r, start, end);
  surface = draw_frame (&r, node);
  g_clear_pointer (&node, gsk_render_node_unref);
  g_object_unref (pango);
  status = cairo_surface_write_to_png (surface, output);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      fprintf (stderr, "golanes-cli render: %s: %s\n", output, cairo_status_to_string (status));
      return 1;
    }

  return 0;
}
