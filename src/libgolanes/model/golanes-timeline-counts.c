/* golanes-timeline-counts.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "golanes-array-private.h"
#include "golanes-bitpack-private.h"
#include "golanes-timeline-counts-private.h"

/* The goroutine counts series of the timeline model; see
 * golanes-timeline-counts-private.h. */

/* Goroutine classes in the counts series. */
enum
{
  CLASS_NONE,
  CLASS_RUNNING,
  CLASS_RUNNABLE,
  CLASS_WAITING,
  CLASS_SYSCALL,
};

static guint
go_class (guint state)
{
  switch (state)
    {
    case GOLANES_GO_RUNNING:
      return CLASS_RUNNING;
    case GOLANES_GO_RUNNABLE:
      return CLASS_RUNNABLE;
    case GOLANES_GO_WAITING:
      return CLASS_WAITING;
    case GOLANES_GO_SYSCALL:
      return CLASS_SYSCALL;
    default:
      return CLASS_NONE;
    }
}

static inline void
apply_code (gint32 *counts,
            guint8  code)
{
  guint from = code >> 3, to = code & 7;

  if (from != CLASS_NONE)
    counts[from - 1]--;
  if (to != CLASS_NONE)
    counts[to - 1]++;
}

/* Packs the pending points into the last block. */
static void
flush_points (GolanesCountSeries *self)
{
  guint8 buf[4 * 5 + 2 * GOLANES_PACK_MAX_BYTES (GOLANES_COUNT_BLOCK) + GOLANES_PACK_PAD], *p = buf;
  GolanesCountBlock *last;
  guint i;

  if (self->n_pend == 0)
    return;
  last = &self->blocks[self->n_blocks - 1];
  for (i = 0; i < 4; i++)
    p = golanes_varint_put_signed (p, self->pend_counts[i]);
  p = golanes_pack_values (p, self->pend_dt, self->n_pend, FALSE);
  p = golanes_pack_values (p, self->pend_code, self->n_pend, TRUE);
  if (self->len + (gsize) (p - buf) + GOLANES_PACK_PAD > self->cap)
    {
      gsize cap = MAX (MAX (self->cap * 2, 4096),
                       self->len + (gsize) (p - buf) + GOLANES_PACK_PAD);

      self->data = golanes_array_resize (self->data, self->cap, cap);
      self->cap = cap;
    }
  if (self->len > G_MAXUINT32)
    g_error ("too many goroutine count points");
  last->offset = (guint32) self->len;
  memcpy (self->data + self->len, buf, p - buf);
  self->len += p - buf;
  memset (self->data + self->len, 0, GOLANES_PACK_PAD);
  self->n_pend = 0;
}

void
_golanes_count_series_add (GolanesCountSeries *self,
                           gint64              time,
                           guint               from_state,
                           guint               to_state)
{
  guint from = go_class (from_state), to = go_class (to_state);
  guint8 code = (guint8) (from << 3 | to);

  if (from == to)
    return;
  if (self->n_blocks == 0 || self->n_pend == GOLANES_COUNT_BLOCK ||
      time < self->last_time)
    {
      GolanesCountBlock b;

      flush_points (self);
      b.base = time;
      b.first = self->n_points;
      b.offset = 0;
      memcpy (self->pend_counts, self->cur, sizeof self->pend_counts);
      if (self->n_blocks == self->cap_blocks)
        {
          guint cap = MAX (64, self->cap_blocks * 2);

          self->blocks = golanes_array_resize (self->blocks,
                                               (gsize) self->cap_blocks * sizeof (GolanesCountBlock),
                                               (gsize) cap * sizeof (GolanesCountBlock));
          self->cap_blocks = cap;
        }
      self->blocks[self->n_blocks++] = b;
      self->last_time = time;
    }
  self->pend_dt[self->n_pend] = (guint64) (time - self->last_time);
  self->pend_code[self->n_pend] = code;
  self->n_pend++;
  self->last_time = time;
  self->n_points++;
  apply_code (self->cur, code);
  self->cur_total += (to != CLASS_NONE) - (from != CLASS_NONE);
  self->max_total = MAX (self->max_total, self->cur_total);
}

/* The points of block @k: returns how many, the counts before them in
 * @counts, their deltas and codes in @dt and @code. */
static guint
block_points (const GolanesCountSeries *self,
              guint                     k,
              gint32                   *counts,
              guint64                  *dt,
              guint64                  *code)
{
  const GolanesCountBlock *b = &self->blocks[k];
  guint n, i;
  const guint8 *p;

  if (k + 1 == self->n_blocks && self->n_pend > 0)
    {
      n = self->n_pend;
      memcpy (counts, self->pend_counts, sizeof self->pend_counts);
      memcpy (dt, self->pend_dt, n * sizeof (guint64));
      memcpy (code, self->pend_code, n * sizeof (guint64));
      return n;
    }
  n = (k + 1 < self->n_blocks
       ? self->blocks[k + 1].first : self->n_points) - b->first;
  p = self->data + b->offset;
  for (i = 0; i < 4; i++)
    {
      gint64 c;

      p = golanes_varint_get_signed (p, &c);
      counts[i] = (gint32) c;
    }
  p = golanes_unpack_values (p, n, dt);
  golanes_unpack_values (p, n, code);
  return n;
}

static void
fill_counts (GolanesGoroutineCounts *out,
             gint64                  time,
             const gint32           *counts)
{
  out->time = time;
  out->running = counts[CLASS_RUNNING - 1];
  out->runnable = counts[CLASS_RUNNABLE - 1];
  out->waiting = counts[CLASS_WAITING - 1];
  out->syscall = counts[CLASS_SYSCALL - 1];
}

void
_golanes_count_series_get_point (const GolanesCountSeries *self,
                                 guint                     index,
                                 GolanesGoroutineCounts   *out)
{
  guint lo = 0, hi = self->n_blocks, i;
  const GolanesCountBlock *b;
  gint32 counts[4];
  guint64 dt[GOLANES_COUNT_BLOCK], code[GOLANES_COUNT_BLOCK];
  gint64 t;

  g_return_if_fail (index < self->n_points);

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (self->blocks[mid].first <= index)
        lo = mid;
      else
        hi = mid;
    }
  b = &self->blocks[lo];
  block_points (self, lo, counts, dt, code);
  t = b->base;
  for (i = 0; i + b->first <= index; i++)
    {
      apply_code (counts, (guint8) code[i]);
      t += (gint64) dt[i];
    }
  fill_counts (out, t, counts);
}

void
_golanes_count_series_get_at (const GolanesCountSeries *self,
                              gint64                    time,
                              GolanesGoroutineCounts   *out)
{
  guint hint = 0;

  _golanes_count_series_get_near (self, time, out, &hint);
}

/* The last block that starts at or before @time (blocks[0].base <= time),
 * searched outwards from block @k: the columns of a plot ask for times in
 * order, a few blocks apart, and the blocks near the last one are in the
 * cache where a search of the whole array is not. */
static guint
block_at (const GolanesCountSeries *self,
          gint64                    time,
          guint                     k)
{
  guint lo, hi, step = 1;

  k = MIN (k, self->n_blocks - 1);
  if (self->blocks[k].base <= time)
    {
      lo = k;
      hi = k + 1;
      while (hi < self->n_blocks && self->blocks[hi].base <= time)
        {
          lo = hi;
          hi = MIN (hi + step, self->n_blocks);
          step *= 2;
        }
    }
  else
    {
      hi = k;
      lo = k;
      while (lo > 0 && self->blocks[lo].base > time)
        {
          hi = lo;
          lo = lo > step ? lo - step : 0;
          step *= 2;
        }
      hi = MAX (hi, lo + 1);
    }
  /* blocks[lo].base <= time, and blocks[hi] (if any) starts after it. */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->blocks[mid].base <= time)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

void
_golanes_count_series_get_near (const GolanesCountSeries *self,
                                gint64                    time,
                                GolanesGoroutineCounts   *out,
                                guint                    *hint)
{
  guint lo, i, n;
  const GolanesCountBlock *b;
  gint32 counts[4] = { 0, 0, 0, 0 };
  guint64 dt[GOLANES_COUNT_BLOCK], code[GOLANES_COUNT_BLOCK];
  gint64 t = time;

  if (self->n_blocks == 0 || self->blocks[0].base > time)
    {
      fill_counts (out, time, counts);
      return;
    }
  lo = block_at (self, time, *hint);
  *hint = lo;
  b = &self->blocks[lo];
  n = block_points (self, lo, counts, dt, code);
  t = b->base;
  for (i = 0; i < n && t + (gint64) dt[i] <= time; i++)
    {
      t += (gint64) dt[i];
      apply_code (counts, (guint8) code[i]);
    }
  fill_counts (out, t, counts);
}

void
_golanes_count_series_finish (GolanesCountSeries *self)
{
  flush_points (self);
  if (self->cap > self->len + GOLANES_PACK_PAD)
    {
      self->data = golanes_array_resize (self->data, self->cap, self->len + GOLANES_PACK_PAD);
      self->cap = self->len + GOLANES_PACK_PAD;
    }
  if (self->cap_blocks > self->n_blocks)
    {
      self->blocks = golanes_array_resize (self->blocks,
                                           (gsize) self->cap_blocks * sizeof (GolanesCountBlock),
                                           (gsize) self->n_blocks * sizeof (GolanesCountBlock));
      self->cap_blocks = self->n_blocks;
    }
}

gsize
_golanes_count_series_get_memory_size (const GolanesCountSeries *self)
{
  return sizeof (GArray) + 16 + (gsize) self->cap_blocks * sizeof (GolanesCountBlock) + self->cap;
}

void
_golanes_count_series_clear (GolanesCountSeries *self)
{
  golanes_array_free (self->blocks, (gsize) self->cap_blocks * sizeof (GolanesCountBlock));
  golanes_array_free (self->data, self->cap);
  memset (self, 0, sizeof *self);
}
