/* golanes-packed-table-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A table of rows of up to GOLANES_TABLE_MAX_COLS 64-bit columns, read by
 * row in O(1): the timeline's tasks, regions and logs, a few hundred thousand
 * rows of times, ids and string ids that a struct array keeps in 40 to 48
 * bytes a row.
 *
 * Rows come in blocks of GOLANES_TABLE_BLOCK; a block packs each column
 * as a field (golanes_pack_values(): a frame of reference, or a
 * dictionary for the columns that ask for one), one after the other, and
 * a table of offsets finds a block's bytes.  The rows of the last block
 * wait unpacked until it is full or the table is finished.  Values are
 * kept exactly, whatever they are; a column of nearby values (times in
 * order, ids of one task or goroutine, a few string ids) takes a few bits
 * a row.
 */

#define GOLANES_TABLE_BLOCK    64
#define GOLANES_TABLE_MAX_COLS 10

typedef struct
{
  guint    n_cols;
  guint32  dict_cols;    /* bit c: try a dictionary for column c */
  guint    n_rows;
  guint8  *data;
  gsize    len;
  gsize    cap;
  guint32 *offsets;      /* of each packed block's bytes in data */
  guint    cap_blocks;
  guint64 *pend;         /* the last block's rows, unpacked, n_cols each */
  guint    n_pend;
} GolanesPackedTable;

void  _golanes_packed_table_init   (GolanesPackedTable *self,
                                    guint               n_cols,
                                    guint32             dict_cols);
void  _golanes_packed_table_clear  (GolanesPackedTable *self);
void  _golanes_packed_table_append (GolanesPackedTable *self,
                                    const guint64      *row);
/* Packs the last block and gives back unused room. */
void  _golanes_packed_table_finish (GolanesPackedTable *self);
/* Row @row (< self->n_rows) into @out, n_cols values. */
void  _golanes_packed_table_get    (const GolanesPackedTable *self,
                                    guint                     row,
                                    guint64                  *out);
gsize _golanes_packed_table_get_memory_size (const GolanesPackedTable *self);

G_END_DECLS
