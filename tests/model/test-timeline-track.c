/* test-timeline-track.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib.h>

#include "golanes-timeline-track.h"

/* The reference: the spans as plain structs, and brute-force queries. */

static gint64
eff_end (const GolanesSpan *s)
{
  return MAX (s->end, s->start + 1);
}

static gboolean
hits (const GolanesSpan *s,
      gint64             t0,
      gint64             t1)
{
  return s->start < t1 && eff_end (s) > t0;
}

static gint64
column (gint64 t0,
        double scale,
        gint64 t)
{
  return (gint64) floor ((double) (t - t0) / scale);
}

/* Random non-overlapping spans: touching, gaps, zero length, long ones
 * (more than 2^32 ns), runs of tiny ones.  Unless @finish, the track is
 * left being built (its last span possibly still open). */
static GolanesTrack *
make_track_full (GRand    *rand,
                 GArray   *ref,
                 guint     n,
                 gboolean  finish)
{
  GolanesTrack *track = g_rand_boolean (rand) ? golanes_track_new () : golanes_track_new_contiguous ();
  gint64 t = g_rand_int_range (rand, -1000, 1000);
  gboolean leave_open = g_rand_boolean (rand);
  gint64 trace_end;
  guint i;

  for (i = 0; i < n; i++)
    {
      GolanesSpan s;
      guint shape = g_rand_int_range (rand, 0, 10);
      gint64 dur;

      if (g_rand_int_range (rand, 0, 3) == 0)
        t += g_rand_int_range (rand, 1, 5000);     /* a gap */
      if (shape == 0)
        dur = 0;
      else if (shape == 1)
        dur = (gint64) G_MAXUINT32 + g_rand_int_range (rand, -2, 100000);   /* long */
      else if (shape <= 5)
        dur = g_rand_int_range (rand, 1, 10);
      else
        dur = g_rand_int_range (rand, 1, 100000);
      s.start = t;
      s.end = t + dur;
      s.state = (guint8) g_rand_int_range (rand, 0, GOLANES_TRACK_MAX_STATES);
      s.reason = (guint16) g_rand_int_range (rand, 0, 65536);
      s.arg = g_rand_int (rand);
      s.flags = (guint8) (g_rand_boolean (rand) ? GOLANES_SPAN_OPEN_START : 0);
      if (i + 1 == n && leave_open)
        {
          golanes_track_open (track, s.start, s.state, s.reason, s.arg, s.flags);
          g_assert_true (golanes_track_is_open (track));
        }
      else if (g_rand_boolean (rand))
        golanes_track_append (track, s.start, s.end, s.state, s.reason, s.arg, s.flags);
      else
        {
          golanes_track_open (track, s.start, s.state, 0, s.arg, s.flags);
          golanes_track_set_last_reason (track, s.reason);
          g_assert_true (golanes_track_close (track, s.end));
          g_assert_false (golanes_track_close (track, s.end + 5));
        }
      g_array_append_val (ref, s);
      t = s.end;
    }
  trace_end = t + g_rand_int_range (rand, 0, 1000);
  if (n > 0 && leave_open)
    {
      GolanesSpan *last = &g_array_index (ref, GolanesSpan, n - 1);
      if (!finish)
        {
          /* An open span reads as ending where it starts. */
          last->end = last->start;
          return track;
        }
      last->end = trace_end;
      last->flags |= GOLANES_SPAN_OPEN;
    }
  if (finish)
    golanes_track_finish (track, trace_end);
  return track;
}

static GolanesTrack *
make_track (GRand  *rand,
            GArray *ref,
            guint   n)
{
  return make_track_full (rand, ref, n, TRUE);
}

static void
check_spans (GolanesTrack *track,
             GArray       *ref)
{
  guint i;

  g_assert_cmpuint (golanes_track_get_n_spans (track), ==, ref->len);
  for (i = 0; i < ref->len; i++)
    {
      GolanesSpan got;
      const GolanesSpan *want = &g_array_index (ref, GolanesSpan, i);

      golanes_track_get_span (track, i, &got);
      g_assert_cmpint (got.start, ==, want->start);
      g_assert_cmpint (got.end, ==, want->end);
      g_assert_cmpint (got.end, >=, got.start);
      g_assert_cmpuint (got.arg, ==, want->arg);
      g_assert_cmpuint (got.reason, ==, want->reason);
      g_assert_cmpuint (got.state, ==, want->state);
      g_assert_cmpuint (got.flags, ==, want->flags);
      g_assert_cmpint (golanes_track_get_start (track, i), ==, want->start);
      g_assert_cmpint (golanes_track_get_end (track, i), ==, want->end);
      g_assert_cmpuint (golanes_track_get_state (track, i), ==, want->state);
    }
}

static void
check_find (GolanesTrack *track,
            GArray       *ref,
            gint64        t0,
            gint64        t1)
{
  guint first = G_MAXUINT, count, i, want_first = G_MAXUINT, want_count = 0;
  gint at, want_at = -1;

  for (i = 0; i < ref->len; i++)
    if (hits (&g_array_index (ref, GolanesSpan, i), t0, t1))
      {
        if (want_count == 0)
          want_first = i;
        want_count++;
      }
  count = golanes_track_find (track, t0, t1, &first);
  g_assert_cmpuint (count, ==, want_count);
  if (count > 0)
    g_assert_cmpuint (first, ==, want_first);

  for (i = 0; i < ref->len; i++)
    {
      const GolanesSpan *s = &g_array_index (ref, GolanesSpan, i);
      if (s->start <= t0 && t0 < eff_end (s))
        {
          want_at = (gint) i;
          break;
        }
    }
  at = golanes_track_find_at (track, t0);
  g_assert_cmpint (at, ==, want_at);
}

static void
brute_sums (GArray *ref,
            guint   first,
            guint   count,
            gint64 *sums)
{
  guint i;

  memset (sums, 0, sizeof (gint64) * GOLANES_TRACK_MAX_STATES);
  for (i = first; i < first + count; i++)
    {
      const GolanesSpan *s = &g_array_index (ref, GolanesSpan, i);
      sums[s->state] += eff_end (s) - s->start;
    }
}

static void
check_lod (GolanesTrack *track,
           GArray       *ref,
           gint64        t0,
           gint64        t1,
           double        scale)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (GolanesLodItem));
  guint n, i, k, want_first = G_MAXUINT, want_count = 0, covered = 0, next;
  gint64 n_cols;

  n = golanes_track_query_lod (track, t0, t1, scale, items);
  g_assert_cmpuint (n, ==, items->len);
  for (i = 0; i < ref->len; i++)
    if (hits (&g_array_index (ref, GolanesSpan, i), t0, t1))
      {
        if (want_count == 0)
          want_first = i;
        want_count++;
      }
  if (t1 <= t0 || want_count == 0)
    {
      g_assert_cmpuint (items->len, ==, 0);
      return;
    }
  n_cols = column (t0, scale, t1 - 1) + 1;
  g_assert_cmpint (items->len, <=, 2 * n_cols + 2);

  next = want_first;
  for (k = 0; k < items->len; k++)
    {
      const GolanesLodItem *it = &g_array_index (items, GolanesLodItem, k);
      const GolanesSpan *first = &g_array_index (ref, GolanesSpan, it->first);
      const GolanesSpan *last;
      gint64 x0, x1, c;

      /* The union of the items is exactly the spans in the window, each once. */
      g_assert_cmpuint (it->first, ==, next);
      g_assert_cmpuint (it->count, >=, 1);
      next = it->first + it->count;
      g_assert_cmpuint (next, <=, want_first + want_count);
      covered += it->count;
      last = &g_array_index (ref, GolanesSpan, next - 1);

      g_assert_cmpint (it->start, ==, first->start);
      g_assert_cmpint (it->end, ==, eff_end (last));

      /* Pixel extent. */
      x0 = CLAMP (column (t0, scale, MAX (first->start, t0)), 0, n_cols);
      x1 = CLAMP (column (t0, scale, MIN (eff_end (last), t1) - 1) + 1, 0, n_cols);
      if (x1 <= x0)
        x1 = x0 + 1;
      g_assert_cmpint (it->x0, ==, x0);
      g_assert_cmpint (it->x1, ==, x1);

      if (it->count == 1)
        g_assert_cmpuint (it->state, ==, first->state);
      else
        {
          gint64 sums[GOLANES_TRACK_MAX_STATES];
          guint s, best = 0;

          /* Only narrow spans, all starting in the first one's column. */
          c = column (t0, scale, MAX (first->start, t0));
          for (i = it->first; i < next; i++)
            {
              const GolanesSpan *sp = &g_array_index (ref, GolanesSpan, i);
              g_assert_cmpfloat ((double) (eff_end (sp) - sp->start), <, 2 * scale);
              g_assert_cmpint (column (t0, scale, MAX (sp->start, t0)), ==, c);
            }
          brute_sums (ref, it->first, it->count, sums);
          for (s = 1; s < GOLANES_TRACK_MAX_STATES; s++)
            if (sums[s] > sums[best])
              best = s;
          g_assert_cmpuint (it->state, ==, best);
        }

      /* A run stops only where it must: the next span is wide or starts
       * in a later column. */
      if (next < want_first + want_count &&
          (double) (eff_end (first) - first->start) < 2 * scale)
        {
          const GolanesSpan *after = &g_array_index (ref, GolanesSpan, next);
          gboolean after_wide = (double) (eff_end (after) - after->start) >= 2 * scale;
          g_assert_true (after_wide ||
                         column (t0, scale, after->start) > column (t0, scale, MAX (first->start, t0)));
        }
    }
  g_assert_cmpuint (covered, ==, want_count);
}

static void
test_random_queries (void)
{
  guint seed;

  for (seed = 0; seed < 200; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(GArray) ref = g_array_new (FALSE, FALSE, sizeof (GolanesSpan));
      g_autoptr(GolanesTrack) track = NULL;
      guint n, q;
      gint64 lo, hi;

      n = seed < 4 ? seed : (guint) g_rand_int_range (rand, 0, seed % 10 == 0 ? 20000 : 700);
      track = make_track (rand, ref, n);
      check_spans (track, ref);
      lo = n > 0 ? g_array_index (ref, GolanesSpan, 0).start - 100 : -100;
      hi = n > 0 ? g_array_index (ref, GolanesSpan, n - 1).end + 100 : 100;

      for (q = 0; q < 40; q++)
        {
          gint64 t0 = lo + (gint64) (g_rand_double (rand) * (double) (hi - lo));
          gint64 t1 = t0 + (gint64) (g_rand_double (rand) * (double) (hi - lo) / (1 + q % 5)) - 3;
          guint a = n > 0 ? (guint) g_rand_int_range (rand, 0, n + 1) : 0;
          guint b = n > 0 ? (guint) g_rand_int_range (rand, 0, n + 1) : 0;
          gint64 sums[GOLANES_TRACK_MAX_STATES], want[GOLANES_TRACK_MAX_STATES];

          check_find (track, ref, t0, t1);
          if (a > b)
            {
              guint tmp = a;
              a = b;
              b = tmp;
            }
          golanes_track_sum_states (track, a, b - a, sums);
          brute_sums (ref, a, b - a, want);
          g_assert_cmpmem (sums, sizeof sums, want, sizeof want);
        }
      /* Windows at span edges. */
      for (q = 0; q < MIN (n, 30u); q++)
        {
          const GolanesSpan *s = &g_array_index (ref, GolanesSpan, g_rand_int_range (rand, 0, n));
          check_find (track, ref, s->start, s->start + 1);
          check_find (track, ref, s->end, s->end + 1);
          check_find (track, ref, s->start - 1, s->start);
        }
    }
}

static void
test_random_lod (void)
{
  guint seed;

  for (seed = 0; seed < 200; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (1000 + seed);
      g_autoptr(GArray) ref = g_array_new (FALSE, FALSE, sizeof (GolanesSpan));
      g_autoptr(GolanesTrack) track = NULL;
      guint n, q;
      gint64 lo, hi;

      n = seed < 4 ? seed : (guint) g_rand_int_range (rand, 0, seed % 8 == 0 ? 30000 : 900);
      track = make_track (rand, ref, n);
      lo = n > 0 ? g_array_index (ref, GolanesSpan, 0).start - 100 : -100;
      hi = n > 0 ? g_array_index (ref, GolanesSpan, n - 1).end + 100 : 100;

      for (q = 0; q < 25; q++)
        {
          gint64 t0 = lo + (gint64) (g_rand_double (rand) * (double) (hi - lo)) - 50;
          gint64 width = (gint64) (g_rand_double (rand) * (double) (hi - lo) / (1 + q % 4)) + 1;
          guint cols = (guint) g_rand_int_range (rand, 1, 3000);
          double scale = (double) width / cols;

          if (q % 6 == 0)
            {
              scale = g_rand_double_range (rand, 0.2, 3.0);   /* deep zoom */
              width = (gint64) (cols * scale) + 1;
            }
          if (q % 6 == 1)
            {
              t0 = lo;                                        /* everything */
              width = hi - lo;
              scale = (double) width / cols;
            }
          if (q % 11 == 5)
            width = 0;
          check_lod (track, ref, t0, t0 + width, scale);
        }
    }
}

static void
test_lod_cost (void)
{
  /* Many tiny spans: the item count follows the pixels, not the spans. */
  g_autoptr(GolanesTrack) track = golanes_track_new ();
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (GolanesLodItem));
  guint i, total = 0;

  for (i = 0; i < 200000; i++)
    golanes_track_append (track, (gint64) i * 10, (gint64) i * 10 + 3 + (i % 97 == 0 ? 100000 : 0),
                          (guint8) (i % 3), 0, i, 0);
  golanes_track_finish (track, 3000000);
  g_assert_cmpuint (golanes_track_query_lod (track, 0, 2000000, 1000.0, items), <=, 2 * 2000 + 2);
  for (i = 0; i < items->len; i++)
    total += g_array_index (items, GolanesLodItem, i).count;
  g_assert_cmpuint (total, ==, golanes_track_find (track, 0, 2000000, NULL));
}

static void
test_empty (void)
{
  g_autoptr(GolanesTrack) track = golanes_track_new ();
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (GolanesLodItem));
  gint64 sums[GOLANES_TRACK_MAX_STATES];

  g_assert_false (golanes_track_close (track, 10));
  golanes_track_finish (track, 100);
  g_assert_cmpuint (golanes_track_get_n_spans (track), ==, 0);
  g_assert_cmpuint (golanes_track_find (track, 0, 100, NULL), ==, 0);
  g_assert_cmpint (golanes_track_find_at (track, 5), ==, -1);
  g_assert_cmpuint (golanes_track_query_lod (track, 0, 100, 1.0, items), ==, 0);
  golanes_track_sum_states (track, 0, 0, sums);
  g_assert_cmpint (sums[0], ==, 0);
}

static void
test_overlap_clamped (void)
{
  g_autoptr(GolanesTrack) track = golanes_track_new ();
  GolanesSpan s;

  golanes_track_append (track, 10, 20, 1, 0, 0, 0);
  golanes_track_append (track, 15, 30, 2, 0, 0, 0);   /* moved to 20 */
  golanes_track_append (track, 25, 22, 3, 0, 0, 0);   /* moved to 30, zero length */
  golanes_track_finish (track, 100);
  golanes_track_get_span (track, 1, &s);
  g_assert_cmpint (s.start, ==, 20);
  g_assert_cmpint (s.end, ==, 30);
  golanes_track_get_span (track, 2, &s);
  g_assert_cmpint (s.start, ==, 30);
  g_assert_cmpint (s.end, ==, 30);
  g_assert_cmpint (golanes_track_find_at (track, 30), ==, 2);
}

/* Queries over a track's whole time range and random windows, against
 * the brute force. */
static void
check_all (GolanesTrack *track,
           GArray       *ref,
           GRand        *rand,
           guint         n_queries)
{
  guint n = ref->len, q;
  gint64 lo = n > 0 ? g_array_index (ref, GolanesSpan, 0).start - 100 : -100;
  gint64 hi = n > 0 ? MAX (g_array_index (ref, GolanesSpan, n - 1).end,
                           g_array_index (ref, GolanesSpan, n - 1).start + 1) + 100 : 100;

  check_spans (track, ref);
  for (q = 0; q < n_queries; q++)
    {
      gint64 t0 = lo + (gint64) (g_rand_double (rand) * (double) (hi - lo));
      gint64 width = (gint64) (g_rand_double (rand) * (double) (hi - t0)) + 1;
      guint cols = (guint) g_rand_int_range (rand, 1, 2500);
      guint a = n > 0 ? (guint) g_rand_int_range (rand, 0, n + 1) : 0;
      guint b = n > 0 ? (guint) g_rand_int_range (rand, 0, n + 1) : 0;
      gint64 sums[GOLANES_TRACK_MAX_STATES], want[GOLANES_TRACK_MAX_STATES];

      if (q % 4 == 0)
        {
          t0 = lo;
          width = hi - lo;
        }
      check_find (track, ref, t0, t0 + width);
      check_lod (track, ref, t0, t0 + width, (double) width / cols);
      if (a > b)
        {
          guint tmp = a;
          a = b;
          b = tmp;
        }
      golanes_track_sum_states (track, a, b - a, sums);
      brute_sums (ref, a, b - a, want);
      g_assert_cmpmem (sums, sizeof sums, want, sizeof want);
    }
  for (q = 0; q < MIN (n, 40u); q++)
    {
      const GolanesSpan *sp = &g_array_index (ref, GolanesSpan, g_rand_int_range (rand, 0, n));
      check_find (track, ref, sp->start, sp->start + 1);
      check_find (track, ref, sp->end, sp->end + 1);
    }
}

/* Sizes around the blocks of 64 spans and their sub-blocks of 16. */
static void
test_block_edges (void)
{
  static const guint sizes[] = { 1, 15, 16, 17, 63, 64, 65, 127, 128, 129, 255, 256, 257,
                                 1023, 1024, 1025, 4095, 4096, 4097 };
  guint k, seed;

  for (k = 0; k < G_N_ELEMENTS (sizes); k++)
    for (seed = 0; seed < 6; seed++)
      {
        g_autoptr(GRand) rand = g_rand_new_with_seed (5000 + k * 10 + seed);
        g_autoptr(GArray) ref = g_array_new (FALSE, FALSE, sizeof (GolanesSpan));
        g_autoptr(GolanesTrack) track = make_track (rand, ref, sizes[k]);

        check_all (track, ref, rand, 30);
      }
}

/* Every read works while the track is still being built: the encoded
 * blocks and the spans still waiting, the last one maybe open. */
static void
test_while_building (void)
{
  guint seed;

  for (seed = 0; seed < 60; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (7000 + seed);
      g_autoptr(GArray) ref = g_array_new (FALSE, FALSE, sizeof (GolanesSpan));
      guint n = (guint) g_rand_int_range (rand, 0, seed % 5 == 0 ? 5000 : 400);
      g_autoptr(GolanesTrack) track = make_track_full (rand, ref, n, FALSE);

      check_all (track, ref, rand, 25);
      if (n > 0)
        g_assert_cmpuint (golanes_track_get_last_arg (track), ==,
                          g_array_index (ref, GolanesSpan, n - 1).arg);
    }
}

/* States that first appear late, after thousands of blocks (a P that
 * first runs GC work an hour in): the blocks' per-state sums grow with the
 * states the track has had, their headers moving as they widen.  Queried
 * while building, at each new state, and finished. */
static void
test_late_states (void)
{
  guint seed;

  for (seed = 0; seed < 12; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (9100 + seed);
      g_autoptr(GArray) ref = g_array_new (FALSE, FALSE, sizeof (GolanesSpan));
      g_autoptr(GolanesTrack) track = seed % 2 == 0 ? golanes_track_new () : golanes_track_new_contiguous ();
      guint step = (guint) g_rand_int_range (rand, 50, 3000), top = 0;
      guint n = step * GOLANES_TRACK_MAX_STATES + (guint) g_rand_int_range (rand, 0, 500);
      gint64 t = 0;

      for (guint i = 0; i < n; i++)
        {
          GolanesSpan s;
          /* Now and then a state two or three above the last new one. */
          guint cap = MIN (GOLANES_TRACK_MAX_STATES - 1, i / step + (seed % 3 == 0 && i % 977 == 5 ? 2 : 0));

          t += g_rand_int_range (rand, 0, 3) == 0 ? g_rand_int_range (rand, 1, 500) : 0;
          s.start = t;
          s.end = t + g_rand_int_range (rand, 0, 2000);
          s.state = (guint8) (i % step == 0 ? cap : (guint) g_rand_int_range (rand, 0, (gint32) cap + 1));
          s.reason = (guint16) g_rand_int_range (rand, 0, 4);
          s.arg = (guint32) g_rand_int_range (rand, 0, 100);
          s.flags = 0;
          golanes_track_append (track, s.start, s.end, s.state, s.reason, s.arg, s.flags);
          g_array_append_val (ref, s);
          t = s.end;
          if (s.state > top)
            {
              top = s.state;
              check_all (track, ref, rand, 4);
            }
        }
      check_all (track, ref, rand, 10);
      golanes_track_finish (track, t + 10);
      check_all (track, ref, rand, 10);
    }
}

/* Durations and gaps far beyond 32 bits, on their own and mixed with tiny
 * spans: blocks whose largest duration, per-state sums and sub-block
 * starts do not fit in their 32-bit summaries, seen at scales below and
 * above 2^32 ns per pixel. */
static void
test_long_spans (void)
{
  guint seed;

  for (seed = 0; seed < 40; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (9000 + seed);
      g_autoptr(GArray) ref = g_array_new (FALSE, FALSE, sizeof (GolanesSpan));
      g_autoptr(GolanesTrack) track = seed % 2 ? golanes_track_new () : golanes_track_new_contiguous ();
      guint n = (guint) g_rand_int_range (rand, 1, 3000), i, q;
      gint64 t = (gint64) g_rand_int (rand) << 20;

      for (i = 0; i < n; i++)
        {
          GolanesSpan s;
          guint shape = g_rand_int_range (rand, 0, 8);

          if (shape == 0)
            t += (gint64) g_rand_int (rand) << g_rand_int_range (rand, 0, 12);   /* a long gap */
          s.start = t;
          if (shape <= 1)
            s.end = t + ((gint64) g_rand_int (rand) << g_rand_int_range (rand, 0, 10));
          else if (shape == 2)
            s.end = t;
          else
            s.end = t + g_rand_int_range (rand, 1, seed % 3 == 0 ? 1000 : 50);
          s.state = (guint8) g_rand_int_range (rand, 0, 3 + seed % 5);
          s.reason = (guint16) (g_rand_boolean (rand) ? 65535 : g_rand_int_range (rand, 0, 3));
          s.arg = seed % 4 == 0 ? g_rand_int (rand) : (guint32) (G_MAXUINT32 - g_rand_int_range (rand, 0, 3));
          s.flags = (guint8) g_rand_int_range (rand, 0, 4);
          golanes_track_append (track, s.start, s.end, s.state, s.reason, s.arg, s.flags);
          g_array_append_val (ref, s);
          t = s.end;
        }
      golanes_track_finish (track, t + 10);
      check_all (track, ref, rand, 20);
      /* Scales around and beyond 2^32 ns per pixel. */
      for (q = 0; q < 12; q++)
        {
          gint64 lo = g_array_index (ref, GolanesSpan, 0).start;
          double scale = ldexp (1.0, 26 + (int) q);
          gint64 width = (gint64) (scale * g_rand_int_range (rand, 1, 3000));

          check_lod (track, ref, lo - 5, lo - 5 + width, scale);
        }
    }
}

/* Many distinct arguments and reasons in a block (more than a dictionary
 * holds), every state, and extreme values. */
static void
test_values (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint pattern;

  for (pattern = 0; pattern < 6; pattern++)
    {
      g_autoptr(GArray) ref = g_array_new (FALSE, FALSE, sizeof (GolanesSpan));
      g_autoptr(GolanesTrack) track = golanes_track_new_contiguous ();
      guint i, n = 700;
      gint64 t = G_MININT64 / 4;

      for (i = 0; i < n; i++)
        {
          GolanesSpan s;

          s.start = t;
          s.end = t + 1 + i % 7;
          switch (pattern)
            {
            case 0:   /* all distinct */
              s.arg = i * 2654435761u;
              s.reason = (guint16) (i * 7919);
              break;
            case 1:   /* 17 distinct: one more than a dictionary */
              s.arg = (i % 17) * 1000003u;
              s.reason = (guint16) (i % 17);
              break;
            case 2:   /* 16 distinct */
              s.arg = G_MAXUINT32 - i % 16;
              s.reason = (guint16) (65535 - i % 16);
              break;
            case 3:   /* constant */
              s.arg = G_MAXUINT32;
              s.reason = 65535;
              break;
            case 4:   /* two values far apart */
              s.arg = i % 2 ? G_MAXUINT32 : 0;
              s.reason = i % 3 ? 65535 : 0;
              break;
            default:
              s.arg = g_rand_int (rand);
              s.reason = (guint16) g_rand_int (rand);
              break;
            }
          s.state = (guint8) (pattern == 5 ? g_rand_int_range (rand, 0, GOLANES_TRACK_MAX_STATES) : i % GOLANES_TRACK_MAX_STATES);
          s.flags = (guint8) (i % 3 == 0 ? GOLANES_SPAN_OPEN_START : 0);
          golanes_track_append (track, s.start, s.end, s.state, s.reason, s.arg, s.flags);
          g_array_append_val (ref, s);
          t = s.end + (pattern == 4 && i % 50 == 0 ? (gint64) 1 << 40 : 0);
        }
      golanes_track_finish (track, t);
      check_all (track, ref, rand, 30);
    }
}

/* Storage stays small: a busy contiguous track of short spans with a few
 * stack ids costs a few bytes per span. */
static void
test_compact (void)
{
  g_autoptr(GolanesTrack) track = golanes_track_new_contiguous ();
  guint i, n = 100000;
  gint64 t = 1000000;

  for (i = 0; i < n; i++)
    {
      golanes_track_open (track, t, (guint8) (1 + i % 3), (guint16) (i % 5 == 0 ? 3 : 0), i % 4 == 0 ? 17 : 0, 0);
      t += 300 + (i * 37) % 500;
      golanes_track_close (track, t);
    }
  golanes_track_finish (track, t);
  g_assert_cmpuint (golanes_track_get_memory_size (track), <, (gsize) n * 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/track/empty", test_empty);
  g_test_add_func ("/track/overlap-clamped", test_overlap_clamped);
  g_test_add_func ("/track/random-queries", test_random_queries);
  g_test_add_func ("/track/random-lod", test_random_lod);
  g_test_add_func ("/track/lod-cost", test_lod_cost);
  g_test_add_func ("/track/block-edges", test_block_edges);
  g_test_add_func ("/track/while-building", test_while_building);
  g_test_add_func ("/track/long-spans", test_long_spans);
  g_test_add_func ("/track/late-states", test_late_states);
  g_test_add_func ("/track/values", test_values);
  g_test_add_func ("/track/compact", test_compact);
  return g_test_run ();
}
