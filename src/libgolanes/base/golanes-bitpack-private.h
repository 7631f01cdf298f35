/* golanes-bitpack-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <glib.h>

#include "golanes-varint-private.h"

G_BEGIN_DECLS

/*
 * Bit packing of up to 64 values at a time, as the timeline's tracks and
 * counts store their fields: a frame of reference (value - minimum, in the
 * fewest bits that hold them all) or, when asked for and smaller, a
 * dictionary of up to 16 distinct values and an index per value.  A field
 * whose values are all equal takes no bits at all.
 *
 * Without a dictionary, the values less the minimum drop the low bits
 * they all share: trace times are multiples of the clock's tick (64 ns on
 * amd64), so their low bits are zero throughout a field.
 *
 * A packed field: a byte (width | 0x80 for a dictionary, width | 0x40 and
 * a byte of shift when the values are shifted, 0 < width < 64), the
 * minimum as a varint; with a dictionary, a byte (entries - 1), the
 * entries and then the indices, packed; otherwise the values (less the
 * minimum, shifted right), packed.  Packed arrays start on a byte and hold
 * their values LSB first.
 *
 * Writers write whole 64-bit words, so up to 7 zero bytes past the packed
 * ones: golanes_pack_values() writes at most GOLANES_PACK_MAX_BYTES (n)
 * bytes.  Readers load whole words too and may read up to 16 bytes past
 * the packed ones: keep GOLANES_PACK_PAD readable bytes after the last
 * packed field.
 *
 * The readers are inline: the tracks read a span's fields in O(1) with
 * golanes_packed_field_get() and whole blocks with
 * golanes_packed_field_unpack() on every query.
 */

#define GOLANES_PACK_MAX_VALUES   64
#define GOLANES_PACK_MAX_DICT     16   /* the dictionary search compares 16 at once */
#define GOLANES_PACK_MAX_BYTES(n) (16 + GOLANES_PACK_MAX_DICT * 8 + (gsize) (n) * 8 + 8)
#define GOLANES_PACK_PAD          16

/* A parsed packed field. */
typedef struct
{
  const guint8 *vals;
  const guint8 *idx;    /* dictionary indices, or NULL */
  guint64       min;
  guint8        w;
  guint8        wi;
  guint8        k;      /* dictionary entries */
  guint8        sh;     /* the values' shift, without a dictionary */
} GolanesPackedField;

/* ---- bits ---------------------------------------------------------------- */

static inline guint64
golanes_bitpack_load64 (const guint8 *p)
{
  guint64 v;

  memcpy (&v, p, sizeof v);
  return GUINT64_FROM_LE (v);
}

static inline void
golanes_bitpack_store64 (guint8  *p,
                         guint64  v)
{
  v = GUINT64_TO_LE (v);
  memcpy (p, &v, sizeof v);
}

/* The @w bits (0 <= @w <= 64) at bit @pos of @base. */
static inline guint64
golanes_bitpack_get (const guint8 *base,
                     gsize         pos,
                     guint         w)
{
  const guint8 *p;
  guint sh;
  guint64 v;

  if (w == 0)
    return 0;
  p = base + (pos >> 3);
  sh = pos & 7;
  v = golanes_bitpack_load64 (p) >> sh;
  if (sh + w > 64)
    v |= (guint64) p[8] << (64 - sh);
  return w == 64 ? v : v & ((G_GUINT64_CONSTANT (1) << w) - 1);
}

/* The bits needed to hold @v: 0 for 0, 64 from 2^63 up. */
static inline guint
golanes_bit_width (guint64 v)
{
  return v == 0 ? 0 : 64 - (guint) __builtin_clzll (v);
}

/* ---- packing runs ------------------------------------------------------- */

/* Packs @n values ((@v[i] - @min) >> @sh, each < 2^@w, 0 < @w <= 64) LSB
 * first from @out, a 64-bit word at a time: writes whole words, so up to 7
 * zero bytes past the packed ones. */
static inline void
golanes_bitpack_run (guint8        *out,
                     const guint64 *v,
                     guint          n,
                     guint          w,
                     guint64        min,
                     guint          sh)
{
  guint64 acc = 0;
  guint i, fill = 0;

  for (i = 0; i < n; i++)
    {
      guint64 x = (v[i] - min) >> sh;

      acc |= x << fill;
      fill += w;
      if (fill >= 64)
        {
          golanes_bitpack_store64 (out, acc);
          out += 8;
          fill -= 64;
          acc = fill > 0 ? x >> (w - fill) : 0;
        }
    }
  if (fill > 0)
    golanes_bitpack_store64 (out, acc);
}

/* ---- packed fields ------------------------------------------------------ */

/* Packs @n values (0 < @n <= GOLANES_PACK_MAX_VALUES) that lie in
 * [@min, @max] as a field at @out, with @try_dict as a dictionary when
 * that is smaller; returns where its bytes end (golanes-bitpack.c).
 * @low: the values (or the values less @min) or-ed together, whose low
 * zero bits are left out; 1 to keep every bit. */
guint8       *golanes_pack_values_range (guint8        *out,
                                         const guint64 *values,
                                         guint          n,
                                         guint64        min,
                                         guint64        max,
                                         guint64        low,
                                         gboolean       try_dict);
/* The same, finding the minimum and maximum. */
guint8       *golanes_pack_values       (guint8        *out,
                                         const guint64 *values,
                                         guint          n,
                                         gboolean       try_dict);
/* Reads back a field of @n values into @out; returns where it ends. */
const guint8 *golanes_unpack_values     (const guint8  *p,
                                         guint          n,
                                         guint64       *out);

/* Parses the field of @n values at @p into @f; returns where it ends. */
static inline const guint8 *
golanes_packed_field_parse (const guint8       *p,
                            guint               n,
                            GolanesPackedField *f)
{
  guint8 head = *p++;

  f->w = head & 0x7f;
  f->sh = 0;
  if ((head & 0x80) == 0 && head > 64)
    {
      f->w = head & 0x3f;
      f->sh = *p++;
    }
  p = golanes_varint_get (p, &f->min);
  if (head & 0x80)
    {
      guint k = (guint) *p++ + 1;

      f->k = (guint8) k;
      f->wi = (guint8) golanes_bit_width (k - 1);
      f->vals = p;
      p += ((gsize) k * f->w + 7) / 8;
      f->idx = p;
      p += ((gsize) n * f->wi + 7) / 8;
    }
  else
    {
      f->wi = 0;
      f->idx = NULL;
      f->vals = p;
      p += ((gsize) n * f->w + 7) / 8;
    }
  return p;
}

/* Value @k of a parsed field. */
static inline guint64
golanes_packed_field_get (const GolanesPackedField *f,
                          guint                     k)
{
  if (f->idx != NULL)
    {
      guint j = (guint) golanes_bitpack_get (f->idx, (gsize) k * f->wi, f->wi);
      return f->min + golanes_bitpack_get (f->vals, (gsize) j * f->w, f->w);
    }
  return f->min + (golanes_bitpack_get (f->vals, (gsize) k * f->w, f->w) << f->sh);
}

/* Values [0, @n) of a parsed field. */
static inline void
golanes_packed_field_unpack (const GolanesPackedField *f,
                             guint                     n,
                             guint64                  *out)
{
  guint i, w = f->w, sh = f->sh;
  guint64 min = f->min;

  if (f->idx != NULL)
    {
      guint64 dict[GOLANES_PACK_MAX_DICT], mask;
      guint wi = f->wi;

      for (i = 0; i < f->k; i++)
        dict[i] = min + golanes_bitpack_get (f->vals, (gsize) i * w, w);
      if (wi == 0)
        {
          for (i = 0; i < n; i++)
            out[i] = dict[0];
          return;
        }
      mask = (G_GUINT64_CONSTANT (1) << wi) - 1;
      for (i = 0; i < n; i++)
        {
          gsize pos = (gsize) i * wi;
          out[i] = dict[(golanes_bitpack_load64 (f->idx + (pos >> 3)) >> (pos & 7)) & mask];
        }
    }
  else if (w == 0)
    {
      for (i = 0; i < n; i++)
        out[i] = min;
    }
  else if (w <= 56)
    {
      guint64 mask = (G_GUINT64_CONSTANT (1) << w) - 1;

      for (i = 0; i < n; i++)
        {
          gsize pos = (gsize) i * w;
          out[i] = min + (((golanes_bitpack_load64 (f->vals + (pos >> 3)) >> (pos & 7)) & mask) << sh);
        }
    }
  else
    {
      for (i = 0; i < n; i++)
        out[i] = min + (golanes_bitpack_get (f->vals, (gsize) i * w, w) << sh);
    }
}

G_END_DECLS
