/* golanes-packed-table.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "golanes-array-private.h"
#include "golanes-bitpack-private.h"
#include "golanes-packed-table-private.h"

void
_golanes_packed_table_init (GolanesPackedTable *self,
                            guint               n_cols,
                            guint32             dict_cols)
{
  g_assert (n_cols > 0 && n_cols <= GOLANES_TABLE_MAX_COLS);

  memset (self, 0, sizeof *self);
  self->n_cols = n_cols;
  self->dict_cols = dict_cols;
}

void
_golanes_packed_table_clear (GolanesPackedTable *self)
{
  golanes_array_free (self->data, self->cap);
  golanes_array_free (self->offsets, (gsize) self->cap_blocks * sizeof (guint32));
  g_free (self->pend);
  memset (self, 0, sizeof *self);
}

/* Packs the pending rows as a block. */
static void
flush_rows (GolanesPackedTable *self)
{
  guint8 buf[GOLANES_TABLE_MAX_COLS * GOLANES_PACK_MAX_BYTES (GOLANES_TABLE_BLOCK) + GOLANES_PACK_PAD];
  guint8 *p = buf;
  guint64 col[GOLANES_TABLE_BLOCK];
  guint n = self->n_pend, c, i, block;

  if (n == 0)
    return;
  for (c = 0; c < self->n_cols; c++)
    {
      for (i = 0; i < n; i++)
        col[i] = self->pend[(gsize) i * self->n_cols + c];
      p = golanes_pack_values (p, col, n, (self->dict_cols >> c) & 1);
    }
  block = (self->n_rows - n) / GOLANES_TABLE_BLOCK;
  if (block >= self->cap_blocks)
    {
      guint cap = MAX (64, self->cap_blocks * 2);

      self->offsets = golanes_array_resize (self->offsets, (gsize) self->cap_blocks * sizeof (guint32),
                                            (gsize) cap * sizeof (guint32));
      self->cap_blocks = cap;
    }
  if (self->len + (gsize) (p - buf) + GOLANES_PACK_PAD > self->cap)
    {
      gsize cap = MAX (MAX (self->cap * 2, 4096), self->len + (gsize) (p - buf) + GOLANES_PACK_PAD);

      self->data = golanes_array_resize (self->data, self->cap, cap);
      self->cap = cap;
    }
  if (self->len > G_MAXUINT32)
    g_error ("a packed table of more than 4 GiB");
  self->offsets[block] = (guint32) self->len;
  memcpy (self->data + self->len, buf, p - buf);
  self->len += p - buf;
  memset (self->data + self->len, 0, GOLANES_PACK_PAD);
  self->n_pend = 0;
}

void
_golanes_packed_table_append (GolanesPackedTable *self,
                              const guint64      *row)
{
  if (self->pend == NULL)
    self->pend = g_new (guint64, (gsize) GOLANES_TABLE_BLOCK * self->n_cols);
  memcpy (self->pend + (gsize) self->n_pend * self->n_cols, row, self->n_cols * sizeof (guint64));
  self->n_pend++;
  self->n_rows++;
  if (self->n_pend == GOLANES_TABLE_BLOCK)
    flush_rows (self);
}

void
_golanes_packed_table_finish (GolanesPackedTable *self)
{
  guint n_blocks = (self->n_rows + GOLANES_TABLE_BLOCK - 1) / GOLANES_TABLE_BLOCK;

  flush_rows (self);
  g_clear_pointer (&self->pend, g_free);
  if (self->cap > self->len + GOLANES_PACK_PAD)
    {
      self->data = golanes_array_resize (self->data, self->cap, self->len + GOLANES_PACK_PAD);
      self->cap = self->len + GOLANES_PACK_PAD;
    }
  if (self->cap_blocks > n_blocks)
    {
      self->offsets = golanes_array_resize (self->offsets, (gsize) self->cap_blocks * sizeof (guint32),
                                            (gsize) n_blocks * sizeof (guint32));
      self->cap_blocks = n_blocks;
    }
}

void
_golanes_packed_table_get (const GolanesPackedTable *self,
                           guint                     row,
                           guint64                  *out)
{
  guint block = row / GOLANES_TABLE_BLOCK, k = row % GOLANES_TABLE_BLOCK, n, c;
  const guint8 *p;

  g_assert (row < self->n_rows);
  if (row >= self->n_rows - self->n_pend)
    {
      memcpy (out, self->pend + (gsize) (row - (self->n_rows - self->n_pend)) * self->n_cols,
              self->n_cols * sizeof (guint64));
      return;
    }
  n = MIN (GOLANES_TABLE_BLOCK, self->n_rows - block * GOLANES_TABLE_BLOCK);
  p = self->data + self->offsets[block];
  for (c = 0; c < self->n_cols; c++)
    {
      GolanesPackedField f;

      p = golanes_packed_field_parse (p, n, &f);
      out[c] = golanes_packed_field_get (&f, k);
    }
}

gsize
_golanes_packed_table_get_memory_size (const GolanesPackedTable *self)
{
  return self->cap + (gsize) self->cap_blocks * sizeof (guint32) +
         (self->pend != NULL ? (gsize) GOLANES_TABLE_BLOCK * self->n_cols * sizeof (guint64) : 0);
}
