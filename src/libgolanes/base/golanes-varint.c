/* golanes-varint.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bounds-checked varint decoding for bytes from a file, as Go's
 * encoding/binary does it.
 */

#include "config.h"

#include "golanes-varint-private.h"

int
golanes_varint_decode_slow (const guint8 *p,
                            gsize         len,
                            guint64      *value)
{
  guint64 x = 0;
  guint s = 0;
  gsize i;

  for (i = 0; i < len; i++)
    {
      guint8 b = p[i];
      if (i == 10)
        return -(int) (i + 1);
      if (b < 0x80)
        {
          if (i == 9 && b > 1)
            return -(int) (i + 1);
          *value = x | ((guint64) b << s);
          return (int) i + 1;
        }
      x |= (guint64) (b & 0x7f) << s;
      s += 7;
    }
  return 0;
}

const char *
golanes_varint_read (const guint8 *data,
                     gsize         len,
                     gsize        *pos,
                     guint64      *value)
{
  guint64 x = 0;
  guint s = 0;
  int i;

  for (i = 0; i < 10; i++)
    {
      guint8 b;
      if (*pos >= len)
        return i > 0 ? "unexpected EOF" : "EOF";
      b = data[(*pos)++];
      if (b < 0x80)
        {
          if (i == 9 && b > 1)
            return "binary: varint overflows a 64-bit integer";
          *value = x | ((guint64) b << s);
          return NULL;
        }
      x |= (guint64) (b & 0x7f) << s;
      s += 7;
    }
  return "binary: varint overflows a 64-bit integer";
}
