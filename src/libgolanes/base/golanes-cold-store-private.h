/* golanes-cold-store-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * An append-only store of small records, compressed: the timeline's
 * packed goroutines, millions of records of 10 to 100 bytes that are
 * written once and read rarely, and whose neighbours look alike (same
 * functions, same stacks, times a few ticks apart).
 *
 * Records live at offsets of a logical address space cut in units of
 * GOLANES_COLD_UNIT bytes.  A record never crosses a unit: one that might
 * not fit the open unit's rest starts the next one.  A full unit is
 * compressed (zstd, level 1) and its bytes dropped; the open unit stays
 * plain until it fills or the store is sealed.
 *
 * A reader gets a record's bytes through golanes_cold_store_get(): the
 * open unit directly, a closed one decompressed into a cache of the
 * calling thread (GOLANES_COLD_CACHE units, least recently used out), so
 * that readers on several threads need no lock.  The pointer holds until
 * the thread has asked for GOLANES_COLD_CACHE other units, and the open
 * unit's until the next write; the writer and the readers of the open
 * unit must take turns (the timeline's gate).
 */

#define GOLANES_COLD_UNIT_SHIFT 14
#define GOLANES_COLD_UNIT       ((gsize) 1 << GOLANES_COLD_UNIT_SHIFT)
#define GOLANES_COLD_CACHE      16
/* Readable bytes past the end of a record's unit. */
#define GOLANES_COLD_PAD        16

typedef struct
{
  guint64 zoff;   /* of its compressed bytes in zdata */
  guint32 zsize;
  guint32 used;   /* of its GOLANES_COLD_UNIT bytes */
} GolanesColdUnit;

typedef struct
{
  guint8          *open;       /* the open unit's bytes, or NULL */
  gsize            len;        /* logical offset of the next record */
  guint8          *zdata;      /* the closed units, compressed */
  gsize            zlen;
  gsize            zcap;
  GolanesColdUnit *units;      /* one per closed unit, then the open one */
  guint            n_units;    /* closed */
  guint            cap_units;
  gsize            raw;        /* bytes of records written */
  guint64          serial;     /* names the store in the readers' caches */
  gpointer         cctx;       /* the writer's ZSTD_CCtx */
} GolanesColdStore;

void          _golanes_cold_store_init  (GolanesColdStore *self);
void          _golanes_cold_store_clear (GolanesColdStore *self);
/* Where to write the next record, of at most @need bytes
 * (@need <= GOLANES_COLD_UNIT); its offset is self->len. */
guint8       *_golanes_cold_store_begin (GolanesColdStore *self,
                                         gsize             need);
/* The record written from _golanes_cold_store_begin() ends at @end. */
void          _golanes_cold_store_commit (GolanesColdStore *self,
                                          const guint8     *end);
/* Compresses the open unit and frees it: the store is complete. */
void          _golanes_cold_store_seal  (GolanesColdStore *self);
/* The bytes of the record at @offset (followed by at least
 * GOLANES_COLD_PAD readable bytes). */
const guint8 *_golanes_cold_store_get   (const GolanesColdStore *self,
                                         gsize                   offset);
/* Where the record after the one ending at @end begins: @end, or the
 * next unit's start if the record closed its unit. */
gsize         _golanes_cold_store_next  (const GolanesColdStore *self,
                                         gsize                   end);
/* Bytes held: the compressed units, their table and the open unit. */
gsize         _golanes_cold_store_get_memory_size (const GolanesColdStore *self);

/* Reading records one after the other: the unit's bytes are looked up
 * once per unit, not per record. */
typedef struct
{
  const GolanesColdStore *store;
  gsize                   offset;   /* of the next record */
  const guint8           *unit;     /* the bytes of unit_index, or NULL */
  gsize                   unit_index;
} GolanesColdCursor;

static inline void
golanes_cold_cursor_init (GolanesColdCursor      *c,
                          const GolanesColdStore *store,
                          gsize                   offset)
{
  c->store = store;
  c->offset = offset;
  c->unit = NULL;
  c->unit_index = 0;
}

/* The next record's bytes. */
static inline const guint8 *
golanes_cold_cursor_bytes (GolanesColdCursor *c)
{
  gsize u = c->offset >> GOLANES_COLD_UNIT_SHIFT;

  if (c->unit == NULL || u != c->unit_index)
    {
      c->unit = _golanes_cold_store_get (c->store, c->offset) - (c->offset & (GOLANES_COLD_UNIT - 1));
      c->unit_index = u;
    }
  return c->unit + (c->offset & (GOLANES_COLD_UNIT - 1));
}

/* The record read from golanes_cold_cursor_bytes() ended at @end. */
static inline void
golanes_cold_cursor_advance (GolanesColdCursor *c,
                             const guint8      *end)
{
  c->offset = _golanes_cold_store_next (c->store, (c->offset & ~(GOLANES_COLD_UNIT - 1)) +
                                                  (gsize) (end - c->unit));
}

G_END_DECLS
