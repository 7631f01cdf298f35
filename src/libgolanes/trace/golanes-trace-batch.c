/* golanes-trace-batch.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading batches from the input: the pread window over a file and the
 * batch header that starts every batch (Go's batch.go).
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "golanes-error.h"
#include "golanes-trace-reader-private.h"

/* ---- input ------------------------------------------------------------- */

/* Reads exactly @n bytes at @off of a file; the file may have shrunk since
 * it was opened, which is an error (a mapping would have faulted). */
gboolean
_golanes_pread_full (int      fd,
                     guint8  *buf,
                     gsize    n,
                     guint64  off,
                     GError **error)
{
  gsize done = 0;

  while (done < n)
    {
      gssize k = pread (fd, buf + done, n - done, (off_t) (off + done));

      if (k < 0 && errno == EINTR)
        continue;
      if (k <= 0)
        {
          int saved = errno;
          g_set_error (error, G_FILE_ERROR, k < 0 ? g_file_error_from_errno (saved) : G_FILE_ERROR_IO,
                       "reading the trace at byte offset %" G_GUINT64_FORMAT ": %s",
                       off + done, k < 0 ? g_strerror (saved) : "the file got shorter");
          return FALSE;
        }
      done += (gsize) k;
    }
  return TRUE;
}

/* Returns the bytes at @off, at most @want of them, *avail of them present
 * (fewer only at the end of the input).  For file input they live in the
 * reader's window and stay valid until the next call. */
static const guint8 *
input_get (GolanesTraceReader *r,
           guint64             off,
           gsize               want,
           gsize              *avail,
           GError            **error)
{
  gsize n;

  g_assert (want <= GOLANES_WINDOW_SIZE && off <= r->len);
  n = MIN (want, r->len - off);
  *avail = n;
  if (r->data != NULL)
    return r->data + off;
  if (off >= r->win_off && off + n <= r->win_off + r->win_len)
    return r->win + (off - r->win_off);
  if (r->win == NULL)
    r->win = g_malloc (GOLANES_WINDOW_SIZE);
  r->win_len = 0;
  r->win_off = off;
  if (!_golanes_pread_full (r->fd, r->win, MIN (GOLANES_WINDOW_SIZE, r->len - off), off, error))
    return NULL;
  r->win_len = MIN (GOLANES_WINDOW_SIZE, r->len - off);
  return r->win;
}

/* ---- batch headers ----------------------------------------------------- */

/* Reads the next batch at r->pos like Go's readBatch.  For an
 * EndOfGeneration byte the batch has len 0 and exp 0 and *is_eog is set. */
GolanesReadResult
_golanes_read_batch (GolanesTraceReader *r,
                     GolanesBatch       *b,
                     guint64            *gen,
                     gboolean           *is_eog,
                     GError            **error)
{
  const guint8 *d;
  gsize len, pos = 0, start = r->pos;
  guint8 typ;
  guint64 m, ts, size;
  const char *e;

  /* The header is parsed from at most GOLANES_MAX_HEADER_BYTES bytes, more than its
   * five varints can take before they fail; positions below are relative to
   * start. */
  *is_eog = FALSE;
  *gen = 0;
  memset (b, 0, sizeof *b);
  if (start >= r->len)
    return GOLANES_READ_EOF;
  d = input_get (r, start, GOLANES_MAX_HEADER_BYTES, &len, error);
  if (d == NULL)
    return GOLANES_READ_ERROR;
  typ = d[pos++];
  if (typ == GOLANES_EV_END_OF_GENERATION)
    {
      r->pos = start + pos;
      *is_eog = TRUE;
      b->m = G_MAXUINT64;
      b->offset = start;
      return GOLANES_READ_OK;
    }
  if (typ != GOLANES_EV_EVENT_BATCH && typ != GOLANES_EV_EXPERIMENTAL_BATCH)
    {
      _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, start, "a batch header (byte 1 or 49)",
                                "expected batch event, got event %u", typ);
      return GOLANES_READ_ERROR;
    }
  if (typ == GOLANES_EV_EXPERIMENTAL_BATCH)
    {
      if (pos >= len)
        {
          /* Go returns the bare io.EOF here, which ends the trace quietly. */
          r->pos = start + pos;
          return GOLANES_READ_EOF;
        }
      b->exp = d[pos++];
    }
  if ((e = golanes_varint_read (d, len, &pos, gen)) != NULL)
    {
      _golanes_trace_set_error (error, GOLANES_ERROR_TRUNCATED, start + pos, "the batch generation number (varint)",
                                "error reading batch gen: %s", e);
      return GOLANES_READ_ERROR;
    }
  if ((e = golanes_varint_read (d, len, &pos, &m)) != NULL)
    {
      _golanes_trace_set_error (error, GOLANES_ERROR_TRUNCATED, start + pos, "the batch thread id (varint)",
                                "error reading batch M ID: %s", e);
      return GOLANES_READ_ERROR;
    }
  if ((e = golanes_varint_read (d, len, &pos, &ts)) != NULL)
    {
      _golanes_trace_set_error (error, GOLANES_ERROR_TRUNCATED, start + pos, "the batch timestamp (varint)",
                                "error reading batch timestamp: %s", e);
      return GOLANES_READ_ERROR;
    }
  if ((e = golanes_varint_read (d, len, &pos, &size)) != NULL)
    {
      _golanes_trace_set_error (error, GOLANES_ERROR_TRUNCATED, start + pos, "the batch size (varint)",
                                "error reading batch size: %s", e);
      return GOLANES_READ_ERROR;
    }
  pos += start;   /* absolute from here on */
  if (size > GOLANES_MAX_BATCH_SIZE)
    {
      _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, pos, "a batch size of at most 65536 bytes",
                                "invalid batch size %" G_GUINT64_FORMAT ", maximum is %d", size, GOLANES_MAX_BATCH_SIZE);
      return GOLANES_READ_ERROR;
    }
  if (r->len - pos < size)
    {
      _golanes_trace_set_error (error, GOLANES_ERROR_TRUNCATED, pos, "batch data up to the declared size",
                                "failed to read full batch: read %" G_GSIZE_FORMAT " but wanted %" G_GUINT64_FORMAT,
                                r->len - pos, size);
      return GOLANES_READ_ERROR;
    }
  b->data = input_get (r, pos, size, &len, error);
  if (b->data == NULL)
    return GOLANES_READ_ERROR;
  b->offset = pos;
  b->len = (guint32) size;
  b->m = m;
  b->time = ts;
  r->pos = pos + size;
  return GOLANES_READ_OK;
}
