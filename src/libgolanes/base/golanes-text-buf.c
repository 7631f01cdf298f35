/* golanes-text-buf.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "golanes-text-buf-private.h"

void
golanes_text_buf_init (GolanesTextBuf *buf)
{
  buf->cap = 256;
  buf->len = 0;
  buf->data = g_malloc (buf->cap);
}

void
golanes_text_buf_clear (GolanesTextBuf *buf)
{
  g_free (buf->data);
  buf->data = NULL;
  buf->len = buf->cap = 0;
}

void
golanes_text_buf_grow (GolanesTextBuf *buf,
                       gsize           extra)
{
  gsize cap = buf->cap ? buf->cap : 256;

  while (cap - buf->len < extra)
    cap *= 2;
  buf->data = g_realloc (buf->data, cap);
  buf->cap = cap;
}

static const char digit_pairs[] =
  "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
  "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
  "8081828384858687888990919293949596979899";

void
golanes_text_buf_append_u64 (GolanesTextBuf *buf,
                             guint64         v)
{
  char tmp[24];
  int i = sizeof tmp;

  while (v >= 100)
    {
      guint d = (guint) (v % 100);
      v /= 100;
      i -= 2;
      tmp[i] = digit_pairs[2 * d];
      tmp[i + 1] = digit_pairs[2 * d + 1];
    }
  if (v >= 10)
    {
      i -= 2;
      tmp[i] = digit_pairs[2 * v];
      tmp[i + 1] = digit_pairs[2 * v + 1];
    }
  else
    tmp[--i] = (char) ('0' + v);
  golanes_text_buf_reserve (buf, sizeof tmp);
  memcpy (buf->data + buf->len, tmp + i, sizeof tmp - i);
  buf->len += sizeof tmp - i;
}

void
golanes_text_buf_append_i64 (GolanesTextBuf *buf,
                             gint64          v)
{
  if (v < 0)
    {
      golanes_text_buf_append_c (buf, '-');
      golanes_text_buf_append_u64 (buf, (guint64) 0 - (guint64) v);
    }
  else
    golanes_text_buf_append_u64 (buf, (guint64) v);
}

void
golanes_text_buf_append_hex (GolanesTextBuf *buf,
                             guint64         v)
{
  static const char digits[] = "0123456789abcdef";
  char tmp[20];
  int i = sizeof tmp;

  do
    {
      tmp[--i] = digits[v & 0xf];
      v >>= 4;
    }
  while (v != 0);
  golanes_text_buf_append (buf, tmp + i, sizeof tmp - i);
}

void
golanes_text_buf_append_printf (GolanesTextBuf *buf,
                                const char     *fmt,
                                ...)
{
  va_list ap;
  int n;

  va_start (ap, fmt);
  n = vsnprintf (NULL, 0, fmt, ap);
  va_end (ap);
  if (n <= 0)
    return;
  golanes_text_buf_reserve (buf, (gsize) n + 1);
  va_start (ap, fmt);
  vsnprintf (buf->data + buf->len, (gsize) n + 1, fmt, ap);
  va_end (ap);
  buf->len += (gsize) n;
}
