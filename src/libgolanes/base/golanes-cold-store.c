/* golanes-cold-store.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <zstd.h>

#include "golanes-array-private.h"
#include "golanes-cold-store-private.h"

/* Level 1: 16 KiB units of packed goroutines compress about 2.5 times at
 * some 270 MB/s, and read back at some 630 MB/s (26 µs a unit). */
#define COLD_LEVEL 1

static guint64 next_serial = 1;

void
_golanes_cold_store_init (GolanesColdStore *self)
{
  memset (self, 0, sizeof *self);
  self->serial = __atomic_fetch_add (&next_serial, 1, __ATOMIC_RELAXED);
}

void
_golanes_cold_store_clear (GolanesColdStore *self)
{
  g_free (self->open);
  golanes_array_free (self->zdata, self->zcap);
  golanes_array_free (self->units, (gsize) self->cap_units * sizeof (GolanesColdUnit));
  if (self->cctx != NULL)
    ZSTD_freeCCtx (self->cctx);
  memset (self, 0, sizeof *self);
}

static gsize
open_used (const GolanesColdStore *self)
{
  return self->len - ((gsize) self->n_units << GOLANES_COLD_UNIT_SHIFT);
}

/* Compresses the open unit (if it holds anything) and opens the next. */
static void
close_unit (GolanesColdStore *self)
{
  gsize used = open_used (self), bound, z;
  GolanesColdUnit *u;

  if (self->open == NULL)
    return;
  if (self->n_units == self->cap_units)
    {
      guint cap = MAX (64, self->cap_units * 2);

      self->units = golanes_array_resize (self->units,
                                          (gsize) self->cap_units * sizeof (GolanesColdUnit),
                                          (gsize) cap * sizeof (GolanesColdUnit));
      self->cap_units = cap;
    }
  bound = ZSTD_compressBound (used);
  if (self->zlen + bound > self->zcap)
    {
      gsize cap = MAX (MAX (self->zcap * 2, 65536), self->zlen + bound);

      self->zdata = golanes_array_resize (self->zdata, self->zcap, cap);
      self->zcap = cap;
    }
  if (self->cctx == NULL)
    self->cctx = ZSTD_createCCtx ();
  if (self->cctx == NULL)
    g_error ("out of memory for a compression context");
  z = ZSTD_compressCCtx (self->cctx, self->zdata + self->zlen, bound, self->open, used, COLD_LEVEL);
  if (ZSTD_isError (z))
    g_error ("compressing packed records: %s", ZSTD_getErrorName (z));
  u = &self->units[self->n_units++];
  u->zoff = self->zlen;
  u->zsize = (guint32) z;
  u->used = (guint32) used;
  self->zlen += z;
  self->len = (gsize) self->n_units << GOLANES_COLD_UNIT_SHIFT;
}

guint8 *
_golanes_cold_store_begin (GolanesColdStore *self,
                           gsize             need)
{
  g_assert (need <= GOLANES_COLD_UNIT);

  if (self->open == NULL)
    self->open = g_malloc0 (GOLANES_COLD_UNIT + GOLANES_COLD_PAD);
  else if (open_used (self) + need > GOLANES_COLD_UNIT)
    close_unit (self);
  return self->open + open_used (self);
}

void
_golanes_cold_store_commit (GolanesColdStore *self,
                            const guint8     *end)
{
  gsize n = (gsize) (end - (self->open + open_used (self)));

  g_assert (open_used (self) + n <= GOLANES_COLD_UNIT);
  self->len += n;
  self->raw += n;
}

void
_golanes_cold_store_seal (GolanesColdStore *self)
{
  if (self->open != NULL && open_used (self) > 0)
    close_unit (self);
  g_clear_pointer (&self->open, g_free);
  if (self->zcap > self->zlen)
    {
      self->zdata = golanes_array_resize (self->zdata, self->zcap, self->zlen);
      self->zcap = self->zlen;
    }
  if (self->cctx != NULL)
    {
      ZSTD_freeCCtx (self->cctx);
      self->cctx = NULL;
    }
}

/* Reading: each thread keeps the units it decompressed last. */

typedef struct
{
  guint64 serial;   /* of the store, 0 for none */
  guint64 unit;
  guint64 stamp;
  guint8 *bytes;
} CacheEntry;

typedef struct
{
  CacheEntry  entries[GOLANES_COLD_CACHE];
  guint64     clock;
  ZSTD_DCtx  *dctx;
} Cache;

static void
cache_free (gpointer data)
{
  Cache *c = data;
  guint i;

  for (i = 0; i < GOLANES_COLD_CACHE; i++)
    g_free (c->entries[i].bytes);
  if (c->dctx != NULL)
    ZSTD_freeDCtx (c->dctx);
  g_free (c);
}

static GPrivate cache_key = G_PRIVATE_INIT (cache_free);

static const guint8 *
cached_unit (const GolanesColdStore *self,
             guint64                 unit)
{
  Cache *c = g_private_get (&cache_key);
  CacheEntry *e, *oldest;
  const GolanesColdUnit *u;
  gsize n;
  guint i;

  g_assert (self->serial != 0);
  if (c == NULL)
    {
      c = g_new0 (Cache, 1);
      c->dctx = ZSTD_createDCtx ();
      if (c->dctx == NULL)
        g_error ("out of memory for a decompression context");
      g_private_set (&cache_key, c);
    }
  c->clock++;
  oldest = &c->entries[0];
  for (i = 0; i < GOLANES_COLD_CACHE; i++)
    {
      e = &c->entries[i];
      if (e->serial == self->serial && e->unit == unit)
        {
          e->stamp = c->clock;
          return e->bytes;
        }
      if (e->stamp < oldest->stamp)
        oldest = e;
    }
  e = oldest;
  if (e->bytes == NULL)
    e->bytes = g_malloc0 (GOLANES_COLD_UNIT + GOLANES_COLD_PAD);
  u = &self->units[unit];
  n = ZSTD_decompressDCtx (c->dctx, e->bytes, GOLANES_COLD_UNIT, self->zdata + u->zoff, u->zsize);
  if (ZSTD_isError (n) || n != u->used)
    g_error ("packed records of unit %" G_GUINT64_FORMAT " do not read back", unit);
  e->serial = self->serial;
  e->unit = unit;
  e->stamp = c->clock;
  return e->bytes;
}

const guint8 *
_golanes_cold_store_get (const GolanesColdStore *self,
                         gsize                   offset)
{
  guint64 unit = offset >> GOLANES_COLD_UNIT_SHIFT;

  g_assert (offset < self->len);
  if (unit == self->n_units)
    return self->open + (offset & (GOLANES_COLD_UNIT - 1));
  return cached_unit (self, unit) + (offset & (GOLANES_COLD_UNIT - 1));
}

gsize
_golanes_cold_store_next (const GolanesColdStore *self,
                          gsize                   end)
{
  guint64 unit = end >> GOLANES_COLD_UNIT_SHIFT;

  if (unit < self->n_units && (end & (GOLANES_COLD_UNIT - 1)) == self->units[unit].used)
    return (gsize) (unit + 1) << GOLANES_COLD_UNIT_SHIFT;
  return end;
}

gsize
_golanes_cold_store_get_memory_size (const GolanesColdStore *self)
{
  return self->zcap + (gsize) self->cap_units * sizeof (GolanesColdUnit) +
         (self->open != NULL ? GOLANES_COLD_UNIT + GOLANES_COLD_PAD : 0);
}
