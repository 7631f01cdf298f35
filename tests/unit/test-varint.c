/* test-varint.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The library's one varint coder (base/golanes-varint-private.h): the
 * unchecked coder of its own encodings and the bounds-checked decoders of
 * file input, which must agree with Go's encoding/binary. */

#include "config.h"

#include <string.h>

#include "golanes-varint-private.h"

static void
test_decode (void)
{
  guint64 v = 0;
  const guint8 one[] = { 0x05 };
  const guint8 two[] = { 0xac, 0x02 };
  const guint8 padded[] = { 0xaf, 0xff, 0x83, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00 };
  const guint8 max[] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01 };
  const guint8 over10[] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02 };
  const guint8 over11[] = { 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00 };
  const guint8 trunc[] = { 0x80, 0x80 };

  g_assert_cmpint (golanes_varint_decode (one, sizeof one, &v), ==, 1);
  g_assert_cmpuint (v, ==, 5);
  g_assert_cmpint (golanes_varint_decode (two, sizeof two, &v), ==, 2);
  g_assert_cmpuint (v, ==, 300);
  g_assert_cmpint (golanes_varint_decode (padded, sizeof padded, &v), ==, 10);
  g_assert_cmpuint (v, ==, 65455);
  g_assert_cmpint (golanes_varint_decode (max, sizeof max, &v), ==, 10);
  g_assert_cmpuint (v, ==, G_MAXUINT64);
  g_assert_cmpint (golanes_varint_decode (over10, sizeof over10, &v), <, 0);
  g_assert_cmpint (golanes_varint_decode (over11, sizeof over11, &v), <, 0);
  g_assert_cmpint (golanes_varint_decode (trunc, sizeof trunc, &v), ==, 0);
  g_assert_cmpint (golanes_varint_decode (trunc, 0, &v), ==, 0);
}

static void
test_read (void)
{
  const guint8 two_values[] = { 0xac, 0x02, 0x07 };
  const guint8 max[] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01 };
  const guint8 over10[] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02 };
  const guint8 long10[] = { 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80 };
  const guint8 trunc[] = { 0x80, 0x80 };
  guint64 v = 0;
  gsize pos = 0;

  g_assert_null (golanes_varint_read (two_values, sizeof two_values, &pos, &v));
  g_assert_cmpuint (v, ==, 300);
  g_assert_cmpuint (pos, ==, 2);
  g_assert_null (golanes_varint_read (two_values, sizeof two_values, &pos, &v));
  g_assert_cmpuint (v, ==, 7);
  g_assert_cmpuint (pos, ==, 3);
  g_assert_cmpstr (golanes_varint_read (two_values, sizeof two_values, &pos, &v), ==, "EOF");

  pos = 0;
  g_assert_null (golanes_varint_read (max, sizeof max, &pos, &v));
  g_assert_cmpuint (v, ==, G_MAXUINT64);
  pos = 0;
  g_assert_cmpstr (golanes_varint_read (over10, sizeof over10, &pos, &v), ==,
                   "binary: varint overflows a 64-bit integer");
  pos = 0;
  g_assert_cmpstr (golanes_varint_read (long10, sizeof long10, &pos, &v), ==,
                   "binary: varint overflows a 64-bit integer");
  pos = 0;
  g_assert_cmpstr (golanes_varint_read (trunc, sizeof trunc, &pos, &v), ==, "unexpected EOF");
}

/* What the library writes, it and a file reader read back alike. */
static void
test_round_trip (void)
{
  GRand *rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 20000; i++)
    {
      guint8 buf[10];
      guint bits = g_rand_int_range (rand, 0, 65);
      guint64 v = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
      gint64 sv;
      guint64 got = 0;
      gint64 sgot = 0;
      const guint8 *end;
      guint8 *p;

      v = bits == 64 ? v : v & ((G_GUINT64_CONSTANT (1) << bits) - 1);
      p = golanes_varint_put (buf, v);
      g_assert_cmpuint (p - buf, <=, 10);
      end = golanes_varint_get (buf, &got);
      g_assert_true (end == p);
      g_assert_cmpuint (got, ==, v);
      g_assert_cmpint (golanes_varint_decode (buf, p - buf, &got), ==, p - buf);
      g_assert_cmpuint (got, ==, v);
      g_assert_cmpint (golanes_varint_decode (buf, p - buf - 1, &got), ==, 0);

      sv = (gint64) v;
      p = golanes_varint_put_signed (buf, sv);
      end = golanes_varint_get_signed (buf, &sgot);
      g_assert_true (end == p);
      g_assert_cmpint (sgot, ==, sv);
    }
  g_assert_cmpuint (golanes_zigzag (-1), ==, 1);
  g_assert_cmpuint (golanes_zigzag (1), ==, 2);
  g_assert_cmpint (golanes_unzigzag (G_MAXUINT64), ==, G_MININT64);
  g_rand_free (rand);
}

/* Times on a tick of 2^0 to 2^16 ns read back exactly, multiples or not,
 * to the extremes of 64 bits; a multiple takes as many bytes as a plain
 * varint of the value over the tick, with one bit more. */
static void
test_time (void)
{
  GRand *rand = g_rand_new_with_seed (11);
  static const guint64 edges[] = { 0, 1, 63, 64, 65, G_MAXINT64, (guint64) G_MAXINT64 + 1, G_MAXUINT64,
                                   G_MAXUINT64 - 63, (guint64) G_MININT64 + 64 };
  guint n_multiples = 0, n_others = 0;

  for (guint i = 0; i < 40000; i++)
    {
      guint8 buf[12], plain[10];
      guint tick = i % 17;
      guint bits = g_rand_int_range (rand, 0, 65);
      guint64 v = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
      guint64 got = 0;
      gint64 sgot = 0;
      const guint8 *end;
      guint8 *p;

      if (i < 17 * G_N_ELEMENTS (edges))
        v = edges[i / 17];
      else
        {
          v = bits == 64 ? v : v & ((G_GUINT64_CONSTANT (1) << bits) - 1);
          if (g_rand_boolean (rand))
            v &= ~((G_GUINT64_CONSTANT (1) << tick) - 1);
        }

      p = golanes_varint_put_time (buf, v, tick);
      g_assert_cmpuint (p - buf, <=, 11);
      end = golanes_varint_get_time (buf, &got, tick);
      g_assert_true (end == p);
      g_assert_cmpuint (got, ==, v);
      if (tick > 0 && (v & ((G_GUINT64_CONSTANT (1) << tick) - 1)) == 0)
        {
          n_multiples++;
          g_assert_cmpint (p - buf, ==, golanes_varint_put (plain, (v >> tick) << 1) - plain);
        }
      else if (tick > 0)
        {
          n_others++;
          g_assert_cmpuint (buf[0], ==, 1);
        }

      p = golanes_varint_put_time_signed (buf, (gint64) v, tick);
      g_assert_cmpuint (p - buf, <=, 11);
      end = golanes_varint_get_time_signed (buf, &sgot, tick);
      g_assert_true (end == p);
      g_assert_cmpint (sgot, ==, (gint64) v);
    }
  g_assert_cmpuint (n_multiples, >, 10000);
  g_assert_cmpuint (n_others, >, 10000);
  g_rand_free (rand);
}

/* The tick is the largest that 99 % of the times are on. */
static void
test_tick_count (void)
{
  GolanesTickCount c = { { 0 } };

  g_assert_cmpuint (golanes_tick_count_choose (&c), ==, 0);
  golanes_tick_count_add (&c, 0);
  g_assert_cmpuint (golanes_tick_count_choose (&c), ==, 16);
  memset (&c, 0, sizeof c);
  for (gint64 t = 64; t <= 64 * 1000; t += 64)
    golanes_tick_count_add (&c, t);
  g_assert_cmpuint (golanes_tick_count_choose (&c), ==, 6);
  /* Ten times moved on by 1 ns keep it, eleven do not. */
  for (gint64 t = 1; t <= 64 * 10; t += 64)
    golanes_tick_count_add (&c, t);
  g_assert_cmpuint (golanes_tick_count_choose (&c), ==, 6);
  golanes_tick_count_add (&c, 3);
  g_assert_cmpuint (golanes_tick_count_choose (&c), ==, 0);
  /* Times on 2^40 count as on 2^16. */
  memset (&c, 0, sizeof c);
  golanes_tick_count_add (&c, G_GINT64_CONSTANT (1) << 40);
  g_assert_cmpuint (golanes_tick_count_choose (&c), ==, 16);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/varint/decode", test_decode);
  g_test_add_func ("/varint/read", test_read);
  g_test_add_func ("/varint/round-trip", test_round_trip);
  g_test_add_func ("/varint/time", test_time);
  g_test_add_func ("/varint/tick-count", test_tick_count);

  return g_test_run ();
}
