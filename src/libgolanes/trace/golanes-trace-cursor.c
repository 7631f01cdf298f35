/* golanes-trace-cursor.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The batch cursors, one per thread, that read a generation's events in
 * the order each thread wrote them, and the reader's frontier: a min-heap
 * of the cursors on the time of their next event (Go's batchcursor.go).
 */

#include "config.h"

#include "golanes-error.h"
#include "golanes-trace-reader-private.h"

/* ---- cursors ----------------------------------------------------------- */

/* Returns 1 with a new event, 0 when the thread has no more events, -1 on
 * error. */
int
_golanes_batch_cursor_next (GolanesBatchCursor *c,
                            double              freq,
                            GError            **error)
{
  GolanesThreadBatches *mb = c->list;
  const GolanesBatch *b;
  const guint8 *p;
  gsize len, n;
  guint8 typ;
  const GolanesWireSpec *spec;
  guint64 dt;
  int k, nb;

  while (c->idx < mb->batches->len &&
         g_array_index (mb->batches, GolanesBatch, c->idx).len == c->off)
    {
      c->idx++;
      c->off = 0;
      c->last_ts = 0;
    }
  if (c->idx == mb->batches->len)
    return 0;
  b = &g_array_index (mb->batches, GolanesBatch, c->idx);
  if (c->last_ts == 0)
    c->last_ts = _golanes_freq_mul (freq, b->time);
  if (G_UNLIKELY (c->data_idx != c->idx + 1))
    {
      /* Entering a batch: file input reads it into the cursor's buffer, so
       * only the batches being merged are in memory. */
      if (c->fd < 0)
        c->data = b->data;
      else
        {
          if (c->buf_cap < b->len)
            {
              c->buf_cap = MAX ((gsize) b->len, MIN (2 * c->buf_cap, (gsize) GOLANES_MAX_BATCH_SIZE));
              c->buf = g_realloc (c->buf, c->buf_cap);
            }
          if (!_golanes_pread_full (c->fd, c->buf, b->len, b->offset, error))
            return -1;
          c->data = c->buf;
        }
      c->data_idx = c->idx + 1;
    }

  p = c->data + c->off;
  len = b->len - c->off;
  typ = p[0];
  if (typ >= GOLANES_N_SPECS)
    {
      _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, b->offset + c->off, "a known event type",
                                "found invalid event type: %u", typ);
      return -1;
    }
  spec = &_golanes_wire_specs[typ];
  if (spec->nargs == 0 || !spec->timed)
    {
      _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, b->offset + c->off, "a timed event",
                                "found event without a timestamp: type=%u", typ);
      return -1;
    }
  n = 1;
  nb = golanes_varint_decode (p + n, len - n, &dt);
  if (nb <= 0)
    {
      _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, b->offset + c->off + n, "a timestamp delta (varint)",
                                "found invalid uvarint for timestamp");
      return -1;
    }
  n += nb;
  c->ev.args[0] = c->ev.args[1] = c->ev.args[2] = c->ev.args[3] = 0;
  for (k = 0; k < spec->nargs - 1; k++)
    {
      nb = golanes_varint_decode (p + n, len - n, &c->ev.args[k]);
      if (nb <= 0)
        {
          _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, b->offset + c->off + n, "an event argument (varint)",
                                    "found invalid uvarint");
          return -1;
        }
      n += nb;
    }
  c->ev.type = typ;
  c->ev.kind = spec->kind;
  c->ev.offset = b->offset + c->off;
  c->ev.time = _golanes_add_wrap (_golanes_freq_mul (freq, dt), c->last_ts);
  c->last_ts = c->ev.time;
  c->off += n;
  return 1;
}

/* ---- the frontier heap ------------------------------------------------- */

static inline void
heap_swap (GolanesBatchCursor **h,
           guint                a,
           guint                b)
{
  GolanesBatchCursor *t = h[a];
  h[a] = h[b];
  h[b] = t;
}

static guint
heap_sift_up (GolanesBatchCursor **h,
              guint                i)
{
  while (i > 0 && h[(i - 1) / 2]->ev.time > h[i]->ev.time)
    {
      heap_swap (h, (i - 1) / 2, i);
      i = (i - 1) / 2;
    }
  return i;
}

static void
heap_sift_down (GolanesBatchCursor **h,
                guint                n,
                guint                i)
{
  for (;;)
    {
      guint m = i, c1 = 2 * i + 1, c2 = 2 * i + 2;
      gint64 mt = i < n ? h[i]->ev.time : G_MAXINT64;

      if (c1 < n && h[c1]->ev.time < mt)
        {
          mt = h[c1]->ev.time;
          m = c1;
        }
      if (c2 < n && h[c2]->ev.time < mt)
        m = c2;
      if (m == i)
        return;
      heap_swap (h, i, m);
      i = m;
    }
}

void
_golanes_frontier_update (GolanesTraceReader *r,
                          guint               i)
{
  if (heap_sift_up (r->frontier, i) != i)
    return;
  heap_sift_down (r->frontier, r->n_frontier, i);
}

void
_golanes_frontier_remove (GolanesTraceReader *r,
                          guint               i)
{
  GolanesBatchCursor **h = r->frontier;

  while (i > 0)
    {
      heap_swap (h, (i - 1) / 2, i);
      i = (i - 1) / 2;
    }
  heap_swap (h, 0, r->n_frontier - 1);
  r->n_frontier--;
  heap_sift_down (h, r->n_frontier, 0);
}

void
_golanes_frontier_insert (GolanesTraceReader *r,
                          GolanesBatchCursor *c)
{
  if (r->n_frontier == r->cap_frontier)
    {
      r->cap_frontier = MAX (8, r->cap_frontier * 2);
      r->frontier = g_renew (GolanesBatchCursor *, r->frontier, r->cap_frontier);
    }
  r->frontier[r->n_frontier++] = c;
  heap_sift_up (r->frontier, r->n_frontier - 1);
}

void
_golanes_frontier_sort (GolanesTraceReader *r)
{
  guint n = r->n_frontier, i;

  if (r->cap_sort < n)
    {
      r->cap_sort = MAX (n, 2 * r->cap_sort);
      r->sort_items = g_renew (GolanesSortItem, r->sort_items, r->cap_sort);
      r->sort_copy = g_renew (GolanesBatchCursor *, r->sort_copy, r->cap_sort);
    }
  for (i = 0; i < n; i++)
    {
      r->sort_items[i].key = r->frontier[i]->ev.time;
      r->sort_items[i].value = i;
      r->sort_copy[i] = r->frontier[i];
    }
  golanes_sort_items (r->sort_items, n);
  for (i = 0; i < n; i++)
    r->frontier[i] = r->sort_copy[r->sort_items[i].value];
}
