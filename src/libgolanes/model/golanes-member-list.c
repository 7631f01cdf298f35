/* golanes-member-list.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "golanes-member-list-private.h"
#include "golanes-varint-private.h"

#define NO_OFFSET G_MAXUINT16

typedef struct
{
  guint8  *data;     /* the tokens after the first member */
  guint32  first;
  guint32  last;
  guint32  pos;      /* of the first member in the list */
  guint16  n;
  guint16  len;
  guint16  cap;
  guint16  tok_at;   /* the last token, if it is a single member */
  guint16  run_at;   /* the count of the last token, if it is a run */
} Block;

struct _GolanesMemberList
{
  Block *blocks;
  guint  n_blocks;
  guint  cap_blocks;
  guint  n;
};

GolanesMemberList *
_golanes_member_list_new (void)
{
  return g_new0 (GolanesMemberList, 1);
}

void
_golanes_member_list_free (GolanesMemberList *self)
{
  if (self == NULL)
    return;
  for (guint b = 0; b < self->n_blocks; b++)
    g_free (self->blocks[b].data);
  g_free (self->blocks);
  g_free (self);
}

guint
_golanes_member_list_get_n (const GolanesMemberList *self)
{
  return self->n;
}

/* Appends @v, larger than every member, to @b, which has room. */
static void
block_append (Block   *b,
              guint32  v)
{
  guint64 t;

  if (b->n == 0)
    {
      b->first = b->last = v;
      b->n = 1;
      b->tok_at = b->run_at = NO_OFFSET;
      return;
    }
  if ((guint) b->len + 12 > b->cap)
    {
      b->cap = (guint16) MIN (MAX (2 * (guint) b->cap, 16), G_MAXUINT16 - 1);
      b->data = g_realloc (b->data, b->cap);
    }
  if (v == b->last + 1 && b->run_at != NO_OFFSET)
    {
      /* One more of the run: its count is the last thing written. */
      golanes_varint_get (b->data + b->run_at, &t);
      b->len = (guint16) (golanes_varint_put (b->data + b->run_at, t + 1) - b->data);
    }
  else if (v == b->last + 1 && b->tok_at != NO_OFFSET)
    {
      /* The last single member starts a run: the same token with its low
       * bit set (as long), then a count of 0. */
      golanes_varint_get (b->data + b->tok_at, &t);
      golanes_varint_put (b->data + b->tok_at, t | 1);
      b->run_at = b->len;
      b->len = (guint16) (golanes_varint_put (b->data + b->len, 0) - b->data);
      b->tok_at = NO_OFFSET;
    }
  else
    {
      b->tok_at = b->len;
      b->run_at = NO_OFFSET;
      b->len = (guint16) (golanes_varint_put (b->data + b->len, (guint64) (v - b->last - 1) << 1) - b->data);
    }
  b->last = v;
  b->n++;
  /* A full block gives back its spare room. */
  if (b->n == GOLANES_MEMBER_BLOCK && b->cap > b->len)
    {
      b->cap = MAX (b->len, 1);
      b->data = g_realloc (b->data, b->cap);
    }
}

/* The members of @b into @out (b->n of them). */
static void
block_decode (const Block *b,
              guint32     *out)
{
  const guint8 *p = b->data;
  guint32 v = b->first;
  guint k = 1;
  guint64 t, c;

  out[0] = v;
  while (k < b->n)
    {
      p = golanes_varint_get (p, &t);
      v += 1 + (guint32) (t >> 1);
      out[k++] = v;
      if (t & 1)
        {
          p = golanes_varint_get (p, &c);
          for (guint64 j = 0; j <= c; j++)
            out[k++] = ++v;
        }
    }
}

/* Walks @b's members until the @index-th (by position, if @by_value is
 * FALSE) or the first >= @value; returns its index in the block (b->n if
 * none), its value in *@out. */
static guint
block_walk (const Block *b,
            gboolean     by_value,
            guint        index,
            guint32      value,
            guint32     *out)
{
  const guint8 *p = b->data;
  guint32 v = b->first;
  guint k = 0;
  guint64 t, c;

  for (;;)
    {
      if (by_value ? v >= value : k == index)
        {
          *out = v;
          return k;
        }
      if (k + 1 >= b->n)
        break;
      p = golanes_varint_get (p, &t);
      v += 1 + (guint32) (t >> 1);
      k++;
      if (t & 1)
        {
          p = golanes_varint_get (p, &c);
          /* The run v, v + 1, ..., v + c + 1, at k .. k + c + 1. */
          if (by_value ? value <= v + (guint32) c + 1 : index <= k + (guint) c + 1)
            {
              guint d = by_value ? (value > v ? value - v : 0) : index - k;

              *out = v + d;
              return k + d;
            }
          v += (guint32) c + 1;
          k += (guint) c + 1;
        }
    }
  *out = 0;
  return b->n;
}

/* The last block whose first member is at a position <= @key (by
 * position) or is <= @key (by value); 0 if none. */
static guint
find_block (const GolanesMemberList *self,
            gboolean                 by_value,
            guint32                  key)
{
  guint lo = 0, hi = self->n_blocks;

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if ((by_value ? self->blocks[mid].first : self->blocks[mid].pos) <= key)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

guint32
_golanes_member_list_get (const GolanesMemberList *self,
                          guint                    position)
{
  const Block *b;
  guint32 v;

  g_return_val_if_fail (position < self->n, 0);
  b = &self->blocks[find_block (self, FALSE, position)];
  block_walk (b, FALSE, position - b->pos, 0, &v);
  return v;
}

void
_golanes_member_list_copy (const GolanesMemberList *self,
                           guint                    from,
                           guint                    n,
                           guint32                 *out)
{
  guint32 vals[GOLANES_MEMBER_BLOCK];
  guint b;

  g_return_if_fail (from <= self->n && n <= self->n - from);
  if (n == 0)
    return;
  for (b = find_block (self, FALSE, from); n > 0; b++)
    {
      const Block *blk = &self->blocks[b];
      guint skip = from - blk->pos, take = MIN (n, (guint) blk->n - skip);

      block_decode (blk, vals);
      memcpy (out, vals + skip, take * sizeof (guint32));
      out += take;
      from += take;
      n -= take;
    }
}

guint
_golanes_member_list_lower_bound (const GolanesMemberList *self,
                                  guint32                  value,
                                  gboolean                *found)
{
  const Block *b;
  guint32 v;
  guint k;

  if (found != NULL)
    *found = FALSE;
  if (self->n_blocks == 0)
    return 0;
  b = &self->blocks[find_block (self, TRUE, value)];
  if (value > b->last)
    return b->pos + b->n;
  k = block_walk (b, TRUE, 0, value, &v);
  if (found != NULL)
    *found = v == value;
  return b->pos + k;
}

static Block *
insert_block (GolanesMemberList *self,
              guint              at)
{
  if (self->n_blocks == self->cap_blocks)
    {
      self->cap_blocks = MAX (8, self->cap_blocks * 2);
      self->blocks = g_renew (Block, self->blocks, self->cap_blocks);
    }
  memmove (&self->blocks[at + 1], &self->blocks[at], (self->n_blocks - at) * sizeof (Block));
  self->n_blocks++;
  memset (&self->blocks[at], 0, sizeof (Block));
  return &self->blocks[at];
}

/* Writes @n members of @vals (sorted) into @b afresh. */
static void
block_fill (Block         *b,
            const guint32 *vals,
            guint          n)
{
  b->n = 0;
  b->len = 0;
  for (guint k = 0; k < n; k++)
    block_append (b, vals[k]);
}

void
_golanes_member_list_add (GolanesMemberList *self,
                          guint32            value)
{
  guint32 vals[GOLANES_MEMBER_BLOCK + 1];
  Block *b;
  guint at, k, n;

  if (self->n_blocks == 0 || value > self->blocks[self->n_blocks - 1].last)
    {
      /* In order, at the end: nearly always. */
      if (self->n_blocks == 0 || self->blocks[self->n_blocks - 1].n == GOLANES_MEMBER_BLOCK)
        insert_block (self, self->n_blocks)->pos = self->n;
      block_append (&self->blocks[self->n_blocks - 1], value);
      self->n++;
      return;
    }

  at = find_block (self, TRUE, value);
  b = &self->blocks[at];
  block_decode (b, vals);
  n = b->n;
  for (k = n; k > 0 && vals[k - 1] > value; k--)
    vals[k] = vals[k - 1];
  g_return_if_fail (k == 0 || vals[k - 1] != value);
  vals[k] = value;
  n++;
  if (n <= GOLANES_MEMBER_BLOCK)
    block_fill (b, vals, n);
  else
    {
      guint half = n / 2;
      guint32 pos = b->pos;

      block_fill (b, vals, half);
      b = insert_block (self, at + 1);   /* moves the blocks */
      b->pos = pos + half;
      block_fill (b, vals + half, n - half);
      at++;
    }
  for (k = at + 1; k < self->n_blocks; k++)
    self->blocks[k].pos++;
  self->n++;
}

void
_golanes_member_list_remove_sorted (GolanesMemberList *self,
                                    const guint32     *remove,
                                    guint              n_remove)
{
  GolanesMemberList kept = { NULL, 0, 0, 0 };
  guint32 vals[GOLANES_MEMBER_BLOCK];
  guint r = 0;

  if (n_remove == 0)
    return;
  for (guint b = 0; b < self->n_blocks; b++)
    {
      block_decode (&self->blocks[b], vals);
      for (guint k = 0; k < self->blocks[b].n; k++)
        {
          while (r < n_remove && remove[r] < vals[k])
            r++;
          if (r < n_remove && remove[r] == vals[k])
            continue;
          _golanes_member_list_add (&kept, vals[k]);
        }
      g_free (self->blocks[b].data);
    }
  g_free (self->blocks);
  *self = kept;
}

gsize
_golanes_member_list_get_memory_size (const GolanesMemberList *self)
{
  gsize size = sizeof *self + (gsize) self->cap_blocks * sizeof (Block);

  for (guint b = 0; b < self->n_blocks; b++)
    size += self->blocks[b].cap;
  return size;
}
