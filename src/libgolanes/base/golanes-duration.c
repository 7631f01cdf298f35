/* golanes-duration.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "golanes-duration.h"

/* The text is built backwards from the end of a scratch buffer. */

static guint
put_int (char    *tmp,
         guint    w,
         guint64  v)
{
  if (v == 0)
    {
      tmp[--w] = '0';
      return w;
    }
  while (v > 0)
    {
      tmp[--w] = (char) ('0' + v % 10);
      v /= 10;
    }
  return w;
}

/* Writes the @digits lowest decimal digits of *v as a fraction (".5",
 * ".000001"), leaving out trailing zeros and the point when all are zero;
 * divides *v by 10^digits. */
static guint
put_fraction (char    *tmp,
              guint    w,
              guint64 *v,
              guint    digits)
{
  gboolean seen_nonzero = FALSE;
  guint i;

  for (i = 0; i < digits; i++)
    {
      guint d = (guint) (*v % 10);

      seen_nonzero = seen_nonzero || d != 0;
      if (seen_nonzero)
        tmp[--w] = (char) ('0' + d);
      *v /= 10;
    }
  if (seen_nonzero)
    tmp[--w] = '.';
  return w;
}

char *
golanes_format_duration (gint64  ns,
                         char   *buf)
{
  char tmp[GOLANES_DURATION_BUF_SIZE];
  guint w = sizeof tmp;
  gboolean negative = ns < 0;
  guint64 u = negative ? (guint64) 0 - (guint64) ns : (guint64) ns;

  if (u == 0)
    {
      strcpy (buf, "0s");
      return buf;
    }

  if (u < G_GUINT64_CONSTANT (1000000000))
    {
      guint digits;

      tmp[--w] = 's';
      if (u < 1000)
        {
          digits = 0;
          tmp[--w] = 'n';
        }
      else if (u < 1000000)
        {
          digits = 3;
          /* U+00B5 MICRO SIGN, like Go */
          tmp[--w] = '\xb5';
          tmp[--w] = '\xc2';
        }
      else
        {
          digits = 6;
          tmp[--w] = 'm';
        }
      w = put_fraction (tmp, w, &u, digits);
      w = put_int (tmp, w, u);
    }
  else
    {
      tmp[--w] = 's';
      w = put_fraction (tmp, w, &u, 9);
      w = put_int (tmp, w, u % 60);
      u /= 60;
      if (u > 0)
        {
          tmp[--w] = 'm';
          w = put_int (tmp, w, u % 60);
          u /= 60;
          if (u > 0)
            {
              tmp[--w] = 'h';
              w = put_int (tmp, w, u);
            }
        }
    }

  if (negative)
    tmp[--w] = '-';
  memcpy (buf, tmp + w, sizeof tmp - w);
  buf[sizeof tmp - w] = '\0';
  return buf;
}
