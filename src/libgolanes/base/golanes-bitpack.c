/* golanes-bitpack.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writers of packed fields (see golanes-bitpack-private.h); the
 * readers are inline there.
 */

#include "config.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "golanes-bitpack-private.h"

/* Bytes of a field of @n values of width @w as a dictionary of @k
 * entries (without its head and minimum). */
static inline gsize
dict_bytes (guint n,
            guint w,
            guint k)
{
  return 1 + ((gsize) k * w + 7) / 8 + ((gsize) n * golanes_bit_width (k - 1) + 7) / 8;
}

/* Encodes a field whose values lie in [@min, @max].  Writes at most
 * 16 + GOLANES_PACK_MAX_DICT * 8 + n * 8 + 8 bytes. */
guint8 *
golanes_pack_values_range (guint8        *out,
                           const guint64 *v,
                           guint          n,
                           guint64        min,
                           guint64        max,
                           guint64        low,
                           gboolean       try_dict)
{
  guint w = golanes_bit_width (max - min), sh = 0, ws;
  gsize bytes;

  /* The low zero bits of @low, which every value less the minimum has
   * too: fewer than @w, unless every value is the minimum. */
  if (w > 1 && low != 0)
    sh = MIN ((guint) __builtin_ctzll (low), w - 1);
  /* Only where that saves more than the byte the shift takes. */
  if (sh > 0 && ((gsize) n * (w - sh) + 7) / 8 + 1 >= ((gsize) n * w + 7) / 8)
    sh = 0;
  ws = w - sh;
  bytes = ((gsize) n * ws + 7) / 8 + (sh > 0);

  if (try_dict && w > 1)
    {
      guint64 dict[GOLANES_PACK_MAX_DICT];
      guint64 index[GOLANES_PACK_MAX_VALUES];
      guint i, k = 0, kmax = GOLANES_PACK_MAX_DICT, last = 0, j32;

      /* The dictionary grows with its entries: beyond kmax it is never
       * smaller than the plain values. */
      if (dict_bytes (n, w, GOLANES_PACK_MAX_DICT) >= bytes)
        for (kmax = 0; kmax + 1 < GOLANES_PACK_MAX_DICT && dict_bytes (n, w, kmax + 1) < bytes; kmax++)
          ;
      if (kmax > 0 && max <= G_MAXUINT32)
        {
          /* Values of 32 bits (states, reasons, arguments): all entries
           * compared at once. */
          guint32 d32[GOLANES_PACK_MAX_DICT];

          memset (d32, 0, sizeof d32);
          for (i = 0; i < n; i++)
            {
              guint32 x = (guint32) v[i];
              guint j, m = 0;

              if (k > 0 && d32[last] == x)
                {
                  index[i] = last;
                  continue;
                }
#ifdef __SSE2__
              {
                __m128i xv = _mm_set1_epi32 ((int) x);

                m = (guint) _mm_movemask_ps (_mm_castsi128_ps (_mm_cmpeq_epi32 (_mm_loadu_si128 ((const __m128i *) d32), xv))) |
                    (guint) _mm_movemask_ps (_mm_castsi128_ps (_mm_cmpeq_epi32 (_mm_loadu_si128 ((const __m128i *) (d32 + 4)), xv))) << 4 |
                    (guint) _mm_movemask_ps (_mm_castsi128_ps (_mm_cmpeq_epi32 (_mm_loadu_si128 ((const __m128i *) (d32 + 8)), xv))) << 8 |
                    (guint) _mm_movemask_ps (_mm_castsi128_ps (_mm_cmpeq_epi32 (_mm_loadu_si128 ((const __m128i *) (d32 + 12)), xv))) << 12;
              }
#else
              for (j = 0; j < GOLANES_PACK_MAX_DICT; j++)
                m |= (guint) (d32[j] == x) << j;
#endif
              m &= (1u << k) - 1;
              if (m != 0)
                j = (guint) __builtin_ctz (m);
              else
                {
                  if (k == kmax)
                    break;
                  j = k;
                  d32[k++] = x;
                }
              index[i] = j;
              last = j;
            }
          for (j32 = 0; j32 < k; j32++)
            dict[j32] = d32[j32];
        }
      else if (kmax > 0)
        {
          for (i = 0; i < n; i++)
            {
              guint64 x = v[i];
              guint j;

              if (k > 0 && dict[last] == x)
                {
                  index[i] = last;
                  continue;
                }
              for (j = 0; j < k; j++)
                if (dict[j] == x)
                  break;
              if (j == k)
                {
                  if (k == kmax)
                    break;
                  dict[k++] = x;
                }
              index[i] = j;
              last = j;
            }
        }
      if (kmax > 0)
        {
          if (i == n)
            {
              guint wi = golanes_bit_width (k - 1);

              *out++ = (guint8) (w | 0x80);
              out = golanes_varint_put (out, min);
              *out++ = (guint8) (k - 1);
              golanes_bitpack_run (out, dict, k, w, min, 0);
              out += ((gsize) k * w + 7) / 8;
              if (wi > 0)
                golanes_bitpack_run (out, index, n, wi, 0, 0);
              return out + ((gsize) n * wi + 7) / 8;
            }
        }
    }
  if (sh > 0)
    {
      *out++ = (guint8) (ws | 0x40);
      *out++ = (guint8) sh;
    }
  else
    *out++ = (guint8) ws;
  out = golanes_varint_put (out, min);
  if (ws > 0)
    golanes_bitpack_run (out, v, n, ws, min, sh);
  return out + bytes - (sh > 0);
}

guint8 *
golanes_pack_values (guint8        *out,
                     const guint64 *v,
                     guint          n,
                     gboolean       try_dict)
{
  guint64 min, max, low = 0;
  guint i;

  g_return_val_if_fail (n > 0 && n <= GOLANES_PACK_MAX_VALUES, out);
  min = max = low = v[0];
  for (i = 1; i < n; i++)
    {
      if (v[i] < min)
        min = v[i];
      if (v[i] > max)
        max = v[i];
      low |= v[i];
    }
  return golanes_pack_values_range (out, v, n, min, max, low, try_dict);
}

const guint8 *
golanes_unpack_values (const guint8 *p,
                       guint         n,
                       guint64      *out)
{
  GolanesPackedField f;

  g_return_val_if_fail (n <= GOLANES_PACK_MAX_VALUES, p);
  p = golanes_packed_field_parse (p, n, &f);
  golanes_packed_field_unpack (&f, n, out);
  return p;
}
