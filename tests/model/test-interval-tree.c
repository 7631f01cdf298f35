/* test-interval-tree.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "golanes-interval-tree.h"

typedef struct
{
  gint64 start;
  gint64 end;
} Iv;

static gboolean
hits (const Iv *iv,
      gint64    t0,
      gint64    t1)
{
  gint64 e = MAX (iv->end, iv->start + 1);

  return t0 < t1 && iv->start < t1 && e > t0;
}

/* Random intervals: nested, touching, zero-length, identical, sparse. */
static void
make_intervals (GRand *rand,
                GArray *ivs,
                guint   n,
                gint64  span)
{
  guint i;

  for (i = 0; i < n; i++)
    {
      Iv iv;
      guint shape = g_rand_int_range (rand, 0, 6);

      iv.start = g_rand_int_range (rand, 0, (gint32) span);
      switch (shape)
        {
        case 0:
          iv.end = iv.start;                       /* zero length */
          break;
        case 1:
          if (ivs->len > 0)                         /* touching the previous */
            {
              iv.start = g_array_index (ivs, Iv, ivs->len - 1).end;
              iv.end = iv.start + g_rand_int_range (rand, 1, 50);
              break;
            }
          iv.end = iv.start + 1;
          break;
        case 2:
          if (ivs->len > 0)                         /* nested in a previous one */
            {
              Iv outer = g_array_index (ivs, Iv, g_rand_int_range (rand, 0, ivs->len));
              gint64 len = outer.end - outer.start;
              iv.start = outer.start + (len > 0 ? g_rand_int_range (rand, 0, (gint32) len + 1) : 0);
              iv.end = iv.start + (outer.end > iv.start ? g_rand_int_range (rand, 0, (gint32) (outer.end - iv.start) + 1) : 0);
              break;
            }
          iv.end = iv.start + 3;
          break;
        case 3:
          if (ivs->len > 0)                         /* identical */
            {
              iv = g_array_index (ivs, Iv, g_rand_int_range (rand, 0, ivs->len));
              break;
            }
          iv.end = iv.start + 2;
          break;
        case 4:
          iv.end = iv.start + g_rand_int_range (rand, 0, (gint32) span);  /* long */
          break;
        default:
          iv.end = iv.start + g_rand_int_range (rand, 1, 20);
          break;
        }
      g_array_append_val (ivs, iv);
    }
}

static void
check_query (GolanesIntervalTree *tree,
             GArray              *ivs,
             gint64               t0,
             gint64               t1)
{
  g_autoptr(GArray) got = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) want = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree gboolean *seen = g_new0 (gboolean, ivs->len + 1);
  guint i, n;

  n = golanes_interval_tree_query (tree, t0, t1, got);
  g_assert_cmpuint (n, ==, got->len);
  for (i = 0; i < ivs->len; i++)
    if (hits (&g_array_index (ivs, Iv, i), t0, t1))
      g_array_append_val (want, i);
  g_assert_cmpuint (got->len, ==, want->len);
  for (i = 0; i < got->len; i++)
    {
      guint32 v = g_array_index (got, guint32, i);
      g_assert_cmpuint (v, <, ivs->len);
      g_assert_false (seen[v]);
      seen[v] = TRUE;
      g_assert_true (hits (&g_array_index (ivs, Iv, v), t0, t1));
      /* In order of start, ties in order of addition. */
      if (i > 0)
        {
          guint32 p = g_array_index (got, guint32, i - 1);
          const Iv *a = &g_array_index (ivs, Iv, p);
          const Iv *b = &g_array_index (ivs, Iv, v);
          g_assert_true (a->start < b->start || (a->start == b->start && p < v));
        }
    }
}

static void
test_random (void)
{
  guint seed;

  for (seed = 0; seed < 300; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(GArray) ivs = g_array_new (FALSE, FALSE, sizeof (Iv));
      g_autoptr(GolanesIntervalTree) tree = golanes_interval_tree_new ();
      guint n, q, i;
      gint64 span;

      n = seed < 3 ? seed : (guint) g_rand_int_range (rand, 0, seed < 250 ? 200 : 5000);
      span = g_rand_int_range (rand, 10, 100000);
      make_intervals (rand, ivs, n, span);
      for (i = 0; i < ivs->len; i++)
        golanes_interval_tree_add (tree, g_array_index (ivs, Iv, i).start,
                                   g_array_index (ivs, Iv, i).end, i);
      golanes_interval_tree_build (tree);
      g_assert_cmpuint (golanes_interval_tree_get_size (tree), ==, n);

      for (q = 0; q < 60; q++)
        {
          gint64 t0 = g_rand_int_range (rand, -10, (gint32) span * 2 + 10);
          gint64 t1 = t0 + g_rand_int_range (rand, -2, (gint32) span / (1 + q % 7));
          check_query (tree, ivs, t0, t1);
        }
      /* Windows at the edges of intervals. */
      for (i = 0; i < MIN (ivs->len, 40u); i++)
        {
          const Iv *iv = &g_array_index (ivs, Iv, i);
          check_query (tree, ivs, iv->start, iv->start + 1);
          check_query (tree, ivs, iv->end, iv->end + 1);
          check_query (tree, ivs, iv->end - 1, iv->end);
          check_query (tree, ivs, iv->start - 1, iv->start);
        }
      check_query (tree, ivs, G_MININT64 / 2, G_MAXINT64 / 2);
    }
}

static void
test_empty (void)
{
  g_autoptr(GolanesIntervalTree) tree = golanes_interval_tree_new ();
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (guint32));

  g_assert_cmpuint (golanes_interval_tree_query (tree, 0, 100, out), ==, 0);
  golanes_interval_tree_add (tree, 5, 3, 7);   /* clamped to zero length at 5 */
  g_assert_cmpuint (golanes_interval_tree_query (tree, 0, 5, out), ==, 0);
  g_assert_cmpuint (golanes_interval_tree_query (tree, 5, 6, out), ==, 1);
  g_assert_cmpuint (g_array_index (out, guint32, 0), ==, 7);
  g_assert_cmpuint (golanes_interval_tree_query (tree, 6, 5, out), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/interval-tree/empty", test_empty);
  g_test_add_func ("/interval-tree/random", test_random);
  return g_test_run ();
}
