/* bench-flame.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The flame graph's costs (issue: build the tree of a 1 M-sample selection
 * in at most 200 ms, draw a frame in at most 8 ms at 1920x1080):
 *
 *   bench-flame TRACE|--synthetic [N_SAMPLES] [--png OUT]
 *
 * --synthetic makes 100,000 distinct stacks instead of a trace's: 5 to
 * 40 frames deep, callers drawn from a tree of 20,000 functions in 200
 * packages, so that the graph has the width and depth of a big service.
 *
 * The trace's own CPU samples are few (100 a second per thread), so the
 * selection is made of N_SAMPLES (default 1,000,000) samples over the
 * stacks the trace holds (every stack of its timeline's table, real
 * depths and fan-out), drawn with a skew so that a few stacks are hot, as
 * in a real profile: the tree is built from them as the panel builds it
 * (golanes_call_tree_add, then finish).  If the trace has CPU samples of
 * its own, the tree of all of them is timed too.  Then frames of
 * 1920x1080 logical pixels are drawn at scale 1 and 2, zoomed out, with a
 * search highlighting frames, and zoomed into the heaviest child; the
 * median and the worst of 20 each are printed.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "golanes-call-tree.h"
#include "golanes-document.h"
#include "golanes-flame-graph.h"

#define FRAMES 20

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Frames into @surface, kept from one series to the next as the widget
 * keeps its pixel buffer. */
static void
time_frames (const char      *what,
             GolanesCallTree *tree,
             guint            zoom,
             const char      *search,
             int              scale,
             PangoContext    *pango,
             cairo_surface_t *surface,
             const char      *png)
{
  const int width = 1920, height = 1080;
  g_autofree guint8 *matches = NULL;
  double ms[FRAMES];
  double first = 0;
  guint drawn = 0;
  guint n = golanes_call_tree_get_n_nodes (tree);

  if (search != NULL)
    {
      matches = g_new0 (guint8, n);
      for (guint i = 1; i < n; i++)
        matches[i] = strstr (golanes_call_tree_get_name (tree, i), search) != NULL;
    }
  for (int k = -1; k < FRAMES; k++)
    {
      GolanesFlameParams params = { tree, zoom, search, matches, FALSE, FALSE, width, height, scale };
      gint64 t0 = g_get_monotonic_time ();
      cairo_t *cr = cairo_create (surface);

      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      cairo_scale (cr, scale, scale);
      drawn = golanes_flame_render (cr, pango, &params);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      if (k >= 0)
        ms[k] = (g_get_monotonic_time () - t0) / 1000.0;
      else
        first = (g_get_monotonic_time () - t0) / 1000.0;
    }
  if (g_getenv ("BENCH_FLAME_ALL") != NULL)
    for (int k = 0; k < FRAMES; k++)
      printf (" %.1f", ms[k]);
  qsort (ms, FRAMES, sizeof (double), compare_double);
  printf ("frame %-28s scale %d: %6.2f ms median, %6.2f ms worst of %d (%u frames drawn; first %.2f ms)\n",
          what, scale, ms[FRAMES / 2], ms[FRAMES - 1], FRAMES, drawn, first);
  if (png != NULL)
    cairo_surface_write_to_png (surface, png);
}

/* @n distinct stacks: each function has a caller among the functions
 * made before it, so paths share prefixes as real call trees do. */
static void
make_synthetic (GolanesStackTable *table,
                guint              n)
{
  enum { N_FUNCS = 20000, MAX_DEPTH = 40 };
  guint32 seed = 777;
  g_autofree guint *parent = g_new (guint, N_FUNCS);
  g_autofree char **names = g_new0 (char *, N_FUNCS);
  GolanesStackFrame frames[MAX_DEPTH];
  guint made = 0;

  for (guint f = 0; f < N_FUNCS; f++)
    {
      seed = seed * 1664525u + 1013904223u;
      parent[f] = f < 8 ? G_MAXUINT : (seed >> 8) % f;
      names[f] = g_strdup_printf ("example.com/svc/pkg%u.Func%u", (seed >> 4) % 200, f);
    }
  while (made < n)
    {
      guint depth = 0;
      guint f;

      seed = seed * 1664525u + 1013904223u;
      f = (seed >> 8) % N_FUNCS;
      /* Leaf first, up the callers, at most MAX_DEPTH frames. */
      for (; f != G_MAXUINT && depth < MAX_DEPTH; f = parent[f], depth++)
        {
          frames[depth].pc = 0x400000 + f * 16 + made % 7;
          frames[depth].func.data = names[f];
          frames[depth].func.len = strlen (names[f]);
          frames[depth].file.data = "svc.go";
          frames[depth].file.len = 6;
          frames[depth].line = 10 + made % 97;
        }
      if (depth >= 5)
        {
          golanes_stack_table_intern_frames (table, frames, depth);
          made++;
        }
    }
  for (guint f = 0; f < N_FUNCS; f++)
    g_free (names[f]);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GolanesDocument) document = NULL;
  g_autoptr(GolanesCallTree) tree = NULL;
  g_autoptr(GolanesStackTable) synthetic = NULL;
  PangoContext *pango = NULL;
  PangoFontDescription *font;
  GolanesStackTable *stacks;
  GolanesTimeline *timeline;
  const char *png = NULL;
  guint64 n_samples = 1000000;
  guint n_stacks, heaviest = 0;
  guint32 seed = 12345;
  gint64 t0;
  double build_ms;
  int arg = 1;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-flame TRACE [N_SAMPLES] [--png OUT]\n");
      return 2;
    }
  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], "--png") == 0 && i + 1 < argc)
      png = argv[i + 1];
  if (argc > 2 && argv[2][0] != '-')
    n_samples = g_ascii_strtoull (argv[2], NULL, 10);

  if (strcmp (argv[arg], "--synthetic") == 0)
    {
      synthetic = golanes_stack_table_new ();
      make_synthetic (synthetic, 100000);
      stacks = synthetic;
      timeline = NULL;
    }
  else
    {
      document = golanes_document_load_timeline (argv[arg], NULL, NULL, NULL, &error);
      if (document == NULL)
        {
          fprintf (stderr, "bench-flame: %s: %s\n", argv[arg], error->message);
          return 1;
        }
      timeline = golanes_document_get_timeline (document);
      stacks = golanes_timeline_get_stack_table (timeline);
    }
  n_stacks = golanes_stack_table_get_n_stacks (stacks);
  if (n_stacks < 2)
    {
      fprintf (stderr, "bench-flame: %s holds no stacks\n", argv[arg]);
      return 1;
    }

  /* The selection: stack ids 1..n_stacks-1, skewed (the square of a
   * uniform draw favours the low ids), from a fixed seed. */
  t0 = g_get_monotonic_time ();
  tree = golanes_call_tree_new (stacks);
  for (guint64 i = 0; i < n_samples; i++)
    {
      double u;

      seed = seed * 1664525u + 1013904223u;
      u = (double) (seed >> 8) / (double) (1u << 24);
      golanes_call_tree_add (tree, 1 + (guint32) (u * u * (n_stacks - 1)), 1, 1);
    }
  golanes_call_tree_finish (tree);
  build_ms = (g_get_monotonic_time () - t0) / 1000.0;
  printf ("trace %s: %u stacks in its table, %u CPU samples of its own\n", argv[arg], n_stacks,
          timeline != NULL ? golanes_timeline_get_n_samples (timeline) : 0);
  printf ("build %" G_GUINT64_FORMAT " samples over %u distinct stacks: %.1f ms -> %u nodes, %u functions"
          " (goal <= 200 ms)\n",
          n_samples, golanes_call_tree_get_n_stacks (tree), build_ms, golanes_call_tree_get_n_nodes (tree),
          ({ guint n = 0; golanes_call_tree_get_functions (tree, &n); n; }));
  if (timeline != NULL && golanes_timeline_get_n_samples (timeline) > 0)
    {
      GolanesCpuFilter all = GOLANES_CPU_FILTER_ALL;
      g_autoptr(GolanesCallTree) own = NULL;

      t0 = g_get_monotonic_time ();
      own = golanes_call_tree_new_cpu (timeline, &all);
      printf ("build the trace's own %u samples: %.1f ms\n", golanes_timeline_get_n_samples (timeline),
              (g_get_monotonic_time () - t0) / 1000.0);
    }

  pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  font = pango_font_description_from_string ("Sans 9");
  pango_context_set_font_description (pango, font);
  pango_font_description_free (font);

  /* The heaviest path's second frame, to zoom into. */
  {
    const GolanesCallNode *root = golanes_call_tree_get_node (tree, 0);

    if (root->first_child != GOLANES_CALL_NODE_NONE)
      {
        const GolanesCallNode *c = golanes_call_tree_get_node (tree, root->first_child);

        heaviest = c->first_child != GOLANES_CALL_NODE_NONE ? c->first_child : root->first_child;
      }
  }
  for (int scale = 1; scale <= 2; scale++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920 * scale, 1080 * scale);

      time_frames ("(all)", tree, 0, NULL, scale, pango, surface, scale == 1 ? png : NULL);
      time_frames ("(search \"runtime.\")", tree, 0, "runtime.", scale, pango, surface, NULL);
      time_frames ("(zoomed in)", tree, heaviest, NULL, scale, pango, surface, NULL);
      cairo_surface_destroy (surface);
    }
  printf ("goal: a frame <= 8 ms at 1920x1080\n");
  g_object_unref (pango);
  return 0;
}
