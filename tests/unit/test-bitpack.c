/* test-bitpack.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The bit packer of the timeline's tracks and counts
 * (base/golanes-bitpack-private.h): runs of any width, dictionary indices
 * and whole packed fields read back as they were written. */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "golanes-bitpack-private.h"

static guint64
rand64 (GRand *rand)
{
  return (guint64) g_rand_int (rand) << 32 | g_rand_int (rand);
}

static guint64
low_bits (guint64 v,
          guint   w)
{
  return w == 64 ? v : v & ((G_GUINT64_CONSTANT (1) << w) - 1);
}

static void
test_bit_width (void)
{
  g_assert_cmpuint (golanes_bit_width (0), ==, 0);
  for (guint k = 0; k < 64; k++)
    {
      g_assert_cmpuint (golanes_bit_width (G_GUINT64_CONSTANT (1) << k), ==, k + 1);
      g_assert_cmpuint (golanes_bit_width ((G_GUINT64_CONSTANT (1) << k) | 1), ==, k + 1);
    }
  g_assert_cmpuint (golanes_bit_width (G_MAXUINT64), ==, 64);
}

/* Runs of every width from 0 to 64: each value comes back by its bit
 * position, one at a time and a block at a time; the writer writes whole
 * zero-padded words and nothing past them. */
static void
test_runs (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  for (guint round = 0; round < 20000; round++)
    {
      guint8 buf[GOLANES_PACK_MAX_VALUES * 8 + 8 + GOLANES_PACK_PAD];
      guint64 v[GOLANES_PACK_MAX_VALUES], back[GOLANES_PACK_MAX_VALUES];
      guint w = round < 65 ? round : (guint) g_rand_int_range (rand, 0, 65);
      guint n = g_rand_int_range (rand, 1, GOLANES_PACK_MAX_VALUES + 1);
      guint64 min = round % 5 == 0 ? 0 : rand64 (rand);
      gsize bytes = ((gsize) n * w + 7) / 8, words = ((gsize) n * w + 63) / 64;
      GolanesPackedField f = { buf, NULL, min, (guint8) w, 0, 0, 0 };
      guint i;

      for (i = 0; i < n; i++)
        {
          guint64 x = low_bits (rand64 (rand), w);

          /* Often the extremes: all ones, zero. */
          if (g_rand_int_range (rand, 0, 4) == 0)
            x = g_rand_boolean (rand) ? low_bits (G_MAXUINT64, w) : 0;
          v[i] = min + x;
        }
      memset (buf, 0xa5, sizeof buf);
      memset (buf, 0, words * 8);
      if (w > 0)
        golanes_bitpack_run (buf, v, n, w, min, 0);
      for (i = 0; i < n; i++)
        g_assert_cmpuint (min + golanes_bitpack_get (buf, (gsize) i * w, w), ==, v[i]);
      for (i = bytes; i < words * 8; i++)
        g_assert_cmpuint (buf[i], ==, 0);
      for (i = words * 8; i < sizeof buf; i++)
        g_assert_cmpuint (buf[i], ==, 0xa5);

      memset (back, 0, sizeof back);
      golanes_packed_field_unpack (&f, n, back);
      for (i = 0; i < n; i++)
        {
          g_assert_cmpuint (back[i], ==, v[i]);
          g_assert_cmpuint (golanes_packed_field_get (&f, i), ==, v[i]);
        }
    }
}

/* Dictionary indices of 1 to 7 bits, read back directly and as the
 * index of a dictionary field of any value width. */
static void
test_index (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);

  for (guint round = 0; round < 20000; round++)
    {
      guint8 dict_buf[GOLANES_PACK_MAX_DICT * 8 + 8 + GOLANES_PACK_PAD];
      guint8 idx_buf[GOLANES_PACK_MAX_VALUES + 8 + GOLANES_PACK_PAD];
      guint64 dict[GOLANES_PACK_MAX_DICT], back[GOLANES_PACK_MAX_VALUES];
      guint64 index[GOLANES_PACK_MAX_VALUES];
      guint wi = g_rand_int_range (rand, 1, 8);
      guint w = g_rand_int_range (rand, 0, 65);
      guint k = MIN (G_GUINT64_CONSTANT (1) << wi, GOLANES_PACK_MAX_DICT);
      guint n = g_rand_int_range (rand, 1, GOLANES_PACK_MAX_VALUES + 1);
      guint64 min = rand64 (rand);
      gsize words = ((gsize) n * wi + 63) / 64;
      GolanesPackedField f;
      guint i;

      for (i = 0; i < k; i++)
        dict[i] = min + low_bits (rand64 (rand), w);
      for (i = 0; i < n; i++)
        index[i] = (guint64) (round % 3 == 0 ? low_bits (G_MAXUINT64, wi) % k
                                            : g_rand_int_range (rand, 0, k));
      if (wi < 7 && (1u << wi) <= GOLANES_PACK_MAX_DICT)
        index[0] = (1u << wi) - 1;   /* the widest index */

      memset (idx_buf, 0xa5, sizeof idx_buf);
      memset (idx_buf, 0, words * 8);
      golanes_bitpack_run (idx_buf, index, n, wi, 0, 0);
      for (i = 0; i < n; i++)
        g_assert_cmpuint (golanes_bitpack_get (idx_buf, (gsize) i * wi, wi), ==, index[i]);
      for (i = words * 8; i < sizeof idx_buf; i++)
        g_assert_cmpuint (idx_buf[i], ==, 0xa5);

      memset (dict_buf, 0, sizeof dict_buf);
      if (w > 0)
        golanes_bitpack_run (dict_buf, dict, k, w, min, 0);
      f.vals = dict_buf;
      f.idx = idx_buf;
      f.min = min;
      f.w = (guint8) w;
      f.wi = (guint8) wi;
      f.k = (guint8) k;
      f.sh = 0;
      memset (back, 0, sizeof back);
      golanes_packed_field_unpack (&f, n, back);
      for (i = 0; i < n; i++)
        {
          g_assert_cmpuint (back[i], ==, dict[index[i]]);
          g_assert_cmpuint (golanes_packed_field_get (&f, i), ==, dict[index[i]]);
        }
    }
}

static guint
ref_bit_width (guint64 v)
{
  guint w = 0;

  while (v != 0)
    {
      w++;
      v >>= 1;
    }
  return w;
}

static gsize
ref_varint_len (guint64 v)
{
  gsize len = 1;

  while (v >= 0x80)
    {
      len++;
      v >>= 7;
    }
  return len;
}

/* Packed fields round-trip and take exactly the smaller of the plain
 * frame of reference (without the low zero bits all values share) and
 * the dictionary of up to 16 distinct values. */
static void
test_values (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint round, n_shifted = 0;

  for (round = 0; round < 20000; round++)
    {
      guint8 buf[GOLANES_PACK_MAX_BYTES (64) + GOLANES_PACK_PAD];
      guint64 v[64], back[64], distinct[64], base, min, max;
      guint n = g_rand_int_range (rand, 1, 65), n_distinct = 0, i, j, w, shift, tick, sh = 0;
      guint64 low = 0;
      guint k = g_rand_int_range (rand, 1, 22);
      gboolean try_dict = round % 4 != 0;
      gsize expect, plain;
      const guint8 *end;
      guint8 *p;

      shift = g_rand_int_range (rand, 0, 65);
      /* Every other round, values on a tick of 2^0 to 2^8, like times. */
      tick = round % 2 != 0 ? g_rand_int_range (rand, 0, 9) : 0;
      base = round % 7 == 0 ? G_MAXUINT64 - ((guint64) g_rand_int (rand) << 8) : g_rand_int (rand);
      if (round % 4 == 1)
        base &= ~((G_GUINT64_CONSTANT (1) << tick) - 1);
      for (i = 0; i < k; i++)
        distinct[i] = shift == 64 ? ((guint64) g_rand_int (rand) << 32 | g_rand_int (rand))
                                  : base + ((((guint64) g_rand_int (rand) << 32 | g_rand_int (rand)) >> shift) << tick);
      for (i = 0; i < n; i++)
        v[i] = distinct[round % 3 == 0 ? i * k / n : g_rand_int_range (rand, 0, k)];
      min = max = v[0];
      for (i = 0; i < n; i++)
        {
          min = MIN (min, v[i]);
          max = MAX (max, v[i]);
          for (j = 0; j < n_distinct; j++)
            if (distinct[j] == v[i])
              break;
          if (j == n_distinct)
            distinct[n_distinct++] = v[i];
        }
      w = ref_bit_width (max - min);
      /* The low zero bits the values share are left out, for a byte
       * more, ... */
      for (i = 0; i < n; i++)
        low |= v[i];
      if (w > 1)
        while ((low >> sh & 1) == 0 && sh + 1 < w)
          sh++;
      /* ... where that saves more than the byte the shift takes. */
      if (sh > 0 && ((gsize) n * (w - sh) + 7) / 8 + 1 >= ((gsize) n * w + 7) / 8)
        sh = 0;
      plain = ((gsize) n * (w - sh) + 7) / 8 + (sh > 0);
      expect = 1 + ref_varint_len (min) + plain;
      if (try_dict && w > 1 && n_distinct <= 16)
        {
          gsize dict = 1 + ((gsize) n_distinct * w + 7) / 8 +
                       ((gsize) n * ref_bit_width (n_distinct - 1) + 7) / 8;

          if (dict < plain)
            expect = 1 + ref_varint_len (min) + dict;
        }
      memset (buf, 0xa5, sizeof buf);
      p = golanes_pack_values (buf, v, n, try_dict);
      g_assert_cmpuint (p - buf, ==, expect);
      memset (back, 0, sizeof back);
      end = golanes_unpack_values (buf, n, back);
      g_assert_true (end == p);
      for (i = 0; i < n; i++)
        g_assert_cmpuint (back[i], ==, v[i]);
      {
        GolanesPackedField f;

        g_assert_true (golanes_packed_field_parse (buf, n, &f) == p);
        g_assert_true ((f.idx != NULL) == (expect < 1 + ref_varint_len (min) + plain));
        g_assert_cmpuint (f.idx != NULL ? 0 : f.sh, ==, f.idx != NULL ? 0 : sh);
        for (i = 0; i < n; i++)
          g_assert_cmpuint (golanes_packed_field_get (&f, i), ==, v[i]);
        if (f.idx == NULL && f.sh > 0)
          n_shifted++;
      }
      /* With the values themselves or-ed as the hint, or 1 for no shift:
       * the same values back, the hint's shift no larger. */
      {
        guint8 buf2[GOLANES_PACK_MAX_BYTES (64) + GOLANES_PACK_PAD];
        guint64 or_v = 0;
        GolanesPackedField f;
        guint8 *p2;

        for (i = 0; i < n; i++)
          or_v |= v[i];
        for (guint h = 0; h < 2; h++)
          {
            p2 = golanes_pack_values_range (buf2, v, n, min, max, h == 0 ? 1 : or_v, try_dict);
            g_assert_true (golanes_packed_field_parse (buf2, n, &f) == p2);
            g_assert_cmpuint (p2 - buf2, >=, p - buf);
            if (f.idx == NULL)
              g_assert_cmpuint (f.sh, <=, h == 0 ? 0 : sh);
            for (i = 0; i < n; i++)
              g_assert_cmpuint (golanes_packed_field_get (&f, i), ==, v[i]);
          }
      }
    }
  /* Shifted fields were made and read. */
  g_assert_cmpuint (n_shifted, >, 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bitpack/bit-width", test_bit_width);
  g_test_add_func ("/bitpack/runs", test_runs);
  g_test_add_func ("/bitpack/index", test_index);
  g_test_add_func ("/bitpack/values", test_values);

  return g_test_run ();
}
