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
 * Varints of the model's own compact encodings (tracks, unblockers, the
 * compact goroutine store, the goroutine summary's records): 7 bits a
 * byte, low first, as in the trace format.  These read memory the library
 * wrote itself, so they do not check bounds; bytes from a file go through
 * golanes_uvarint() (golanes-trace-reader.h), which does.  The pprof
 * writer (protobuf varints are the same code) uses them too.
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

G_END_DECLS
