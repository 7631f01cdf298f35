/* golanes-text-buf-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/* A growable byte buffer for building text quickly. */
typedef struct
{
  char  *data;
  gsize  len;
  gsize  cap;
} GolanesTextBuf;

void golanes_text_buf_init   (GolanesTextBuf *buf);
void golanes_text_buf_clear  (GolanesTextBuf *buf);
void golanes_text_buf_grow   (GolanesTextBuf *buf,
                              gsize           extra);

static inline void
golanes_text_buf_reserve (GolanesTextBuf *buf,
                          gsize           extra)
{
  if (G_UNLIKELY (buf->cap - buf->len < extra))
    golanes_text_buf_grow (buf, extra);
}

static inline void
golanes_text_buf_append (GolanesTextBuf *buf,
                         const char     *s,
                         gsize           n)
{
  golanes_text_buf_reserve (buf, n);
  memcpy (buf->data + buf->len, s, n);
  buf->len += n;
}

#define golanes_text_buf_append_lit(buf, lit) \
  golanes_text_buf_append ((buf), (lit), sizeof (lit) - 1)

static inline void
golanes_text_buf_append_c (GolanesTextBuf *buf,
                           char            c)
{
  golanes_text_buf_reserve (buf, 1);
  buf->data[buf->len++] = c;
}

void golanes_text_buf_append_u64    (GolanesTextBuf *buf,
                                     guint64         v);
void golanes_text_buf_append_i64    (GolanesTextBuf *buf,
                                     gint64          v);
void golanes_text_buf_append_hex    (GolanesTextBuf *buf,
                                     guint64         v);
void golanes_text_buf_append_printf (GolanesTextBuf *buf,
                                     const char     *fmt,
                                     ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
