/* golanes-varint-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Unsigned LEB128 varints: 7 bits a byte, low first, as in the trace
 * format, the model's own compact encodings (tracks, unblockers, the
 * compact goroutine store, the goroutine summary's records) and protobuf
 * (the pprof writer).
 *
 * golanes_varint_put() and golanes_varint_get() read and write memory the
 * library wrote itself, so they do not check bounds.  Bytes from a file go
 * through golanes_varint_decode() or golanes_varint_read() (the trace
 * reader), which do, exactly as Go's binary.Uvarint and
 * binary.ReadUvarint.
 */

/* Writes @v at @p (at most 10 bytes); returns the byte after it. */
static inline guint8 *
golanes_varint_put (guint8  *p,
                    guint64  v)
{
  while (v >= 0x80)
    {
      *p++ = (guint8) (v | 0x80);
      v >>= 7;
    }
  *p++ = (guint8) v;
  return p;
}

/* Reads a varint at @p into @out; returns the byte after it. */
static inline const guint8 *
golanes_varint_get (const guint8 *p,
                    guint64      *out)
{
  guint64 v = 0;
  guint sh = 0;

  while (*p & 0x80)
    {
      v |= (guint64) (*p++ & 0x7f) << sh;
      sh += 7;
    }
  *out = v | (guint64) *p++ << sh;
  return p;
}

/* Signed values, small in magnitude either way: zigzag coded. */
static inline guint64
golanes_zigzag (gint64 v)
{
  return v < 0 ? ~((guint64) v << 1) : (guint64) v << 1;
}

static inline gint64
golanes_unzigzag (guint64 u)
{
  return (u & 1) ? (gint64) ~(u >> 1) : (gint64) (u >> 1);
}

/* Writes @v zigzag coded; returns the byte after it. */
static inline guint8 *
golanes_varint_put_signed (guint8 *p,
                           gint64  v)
{
  return golanes_varint_put (p, golanes_zigzag (v));
}

/* Reads a zigzag-coded varint at @p into @out; returns the byte after it. */
static inline const guint8 *
golanes_varint_get_signed (const guint8 *p,
                           gint64       *out)
{
  guint64 u;

  p = golanes_varint_get (p, &u);
  *out = golanes_unzigzag (u);
  return p;
}

/* ---- times on a tick ------------------------------------------------------ */

/* A trace's times are mostly multiples of its clock's tick, 2^@tick ns
 * (64 ns on amd64 since Go 1.22).  A multiple is written as
 * (@v >> @tick) << 1, an even number; any other value as the byte 1 and
 * then @v.  @tick 0 writes plain varints.  At most 11 bytes. */
static inline guint8 *
golanes_varint_put_time (guint8  *p,
                         guint64  v,
                         guint    tick)
{
  if (tick == 0)
    return golanes_varint_put (p, v);
  if ((v & ((G_GUINT64_CONSTANT (1) << tick) - 1)) == 0)
    return golanes_varint_put (p, (v >> tick) << 1);
  *p++ = 1;
  return golanes_varint_put (p, v);
}

static inline const guint8 *
golanes_varint_get_time (const guint8 *p,
                         guint64      *out,
                         guint         tick)
{
  guint64 u;

  p = golanes_varint_get (p, &u);
  if (tick == 0)
    *out = u;
  else if (u == 1)
    p = golanes_varint_get (p, out);
  else
    *out = (u >> 1) << tick;
  return p;
}

/* The same for signed values, zigzag coded. */
static inline guint8 *
golanes_varint_put_time_signed (guint8 *p,
                                gint64  v,
                                guint   tick)
{
  if (tick == 0)
    return golanes_varint_put_signed (p, v);
  if (((guint64) v & ((G_GUINT64_CONSTANT (1) << tick) - 1)) == 0)
    return golanes_varint_put (p, golanes_zigzag (v >> tick) << 1);
  *p++ = 1;
  return golanes_varint_put_signed (p, v);
}

static inline const guint8 *
golanes_varint_get_time_signed (const guint8 *p,
                                gint64       *out,
                                guint         tick)
{
  guint64 u;

  p = golanes_varint_get (p, &u);
  if (tick == 0)
    *out = golanes_unzigzag (u);
  else if (u == 1)
    p = golanes_varint_get_signed (p, out);
  else
    *out = (gint64) ((guint64) golanes_unzigzag (u >> 1) << tick);
  return p;
}

/* Finding the tick: how many times seen had each number of low zero bits
 * (up to 16).  Go's ordering moves a time that repeats one in its batch on
 * by 1 ns, so a few times are off any tick. */
#define GOLANES_TICK_MAX 16

typedef struct
{
  guint64 n[GOLANES_TICK_MAX + 1];
} GolanesTickCount;

static inline void
golanes_tick_count_add (GolanesTickCount *c,
                        gint64            time)
{
  guint64 t = (guint64) time | (G_GUINT64_CONSTANT (1) << GOLANES_TICK_MAX);

  c->n[__builtin_ctzll (t)]++;
}

/* The largest tick of which at least 99 % of the times counted are
 * multiples, 0 if none was counted. */
static inline guint
golanes_tick_count_choose (const GolanesTickCount *c)
{
  guint64 total = 0, on = 0;
  guint k;

  for (k = 0; k <= GOLANES_TICK_MAX; k++)
    total += c->n[k];
  for (k = GOLANES_TICK_MAX; k > 0; k--)
    {
      on += c->n[k];
      if (on >= total - total / 100 && on > 0)
        return k;
    }
  return 0;
}

/* ---- bounds-checked decoding, for input (golanes-varint.c) ---------------- */

int golanes_varint_decode_slow (const guint8 *p,
                                gsize         len,
                                guint64      *value);

/* Decodes a varint like Go's binary.Uvarint: returns the number of bytes
 * used (> 0), 0 if @len ran out, or -n on overflow (more than 10 bytes, or
 * a 10th byte above 1).  Inline for the one- and two-byte varints that
 * most event arguments are. */
static inline int
golanes_varint_decode (const guint8 *p,
                       gsize         len,
                       guint64      *value)
{
  if (G_LIKELY (len > 0 && p[0] < 0x80))
    {
      *value = p[0];
      return 1;
    }
  if (len > 1 && p[1] < 0x80)
    {
      *value = (guint64) (p[0] & 0x7f) | ((guint64) p[1] << 7);
      return 2;
    }
  return golanes_varint_decode_slow (p, len, value);
}

/* Reads a varint at *@pos of @data like Go's binary.ReadUvarint from a
 * byte stream, advancing *@pos: NULL on success, else Go's error text
 * ("EOF", "unexpected EOF" or the overflow message). */
const char *golanes_varint_read (const guint8 *data,
                                 gsize         len,
                                 gsize        *pos,
                                 guint64      *value);

G_END_DECLS
