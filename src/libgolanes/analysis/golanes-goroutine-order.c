/* golanes-goroutine-order.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The id order of a goroutine summary's store, found at its finish: the
 * store keeps goroutines in the order their books were closed, the
 * goroutines page and its look-ups by id want them by id.
 */

#include "config.h"

#include "golanes-goroutine-summary-private.h"

static const guint8 *scan_record (GolanesGoroutineSummary *self,
                                  const guint8            *p,
                                  gint64                  *last_id,
                                  guint32                 *name);

/* Packs @order (record indices in id order) into self->by_id_order. */
static void
pack_order (GolanesGoroutineSummary *self,
            const guint32           *order,
            guint                    n)
{
  gsize size = 1;
  guint8 *p, scratch[10];
  gint64 prev = 0;
  guint i;

  /* Measured first: an allocation of the worst case (5 bytes each) would
   * be a peak of its own beside @order. */
  for (i = 0; i < n; i++)
    {
      if (i % STORE_GROUP == 0)
        prev = 0;
      size += (gsize) (golanes_varint_put_signed (scratch, (gint64) order[i] - prev) - scratch);
      prev = order[i];
    }
  self->by_id_order = g_malloc (size);
  self->order_anchors = g_new (guint64, n / STORE_GROUP + 1);
  p = self->by_id_order;
  for (i = 0; i < n; i++)
    {
      if (i % STORE_GROUP == 0)
        {
          self->order_anchors[i / STORE_GROUP] = (guint64) (p - self->by_id_order);
          prev = 0;
        }
      p = golanes_varint_put_signed (p, (gint64) order[i] - prev);
      prev = order[i];
    }
  self->order_len = (gsize) (p - self->by_id_order);
}


static int
compare_order (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  const gint64 *ids = data;
  gint64 x = ids[*(const guint32 *) a], y = ids[*(const guint32 *) b];

  if (x != y)
    return x < y ? -1 : 1;
  return *(const guint32 *) a < *(const guint32 *) b ? -1 : 1;
}

/* Record indices in id order, through a table indexed by id, which
 * goroutine ids, dense in nearly every trace, allow in linear time and in
 * one array: the table is compacted in place into the order.  Reads the
 * records and puts each one's group into @record_group on the way.
 * Returns NULL when the ids are too sparse or one repeats (then every
 * record's group is put all the same). */
static guint32 *
order_by_table (GolanesGoroutineSummary *self,
                guint8                  *record_group)
{
  const Store *st = &self->store;
  g_autofree guint32 *table = NULL;
  GolanesColdCursor c;
  gint64 last_id = 0;
  guint32 cached_name = 0;
  guint64 *cached_slot = NULL, range = 0, i, k = 0;
  gboolean dense;
  guint32 name;

  /* In unsigned arithmetic: ids from the file span the whole of gint64. */
  dense = st->n > 0 && (guint64) st->max_id - (guint64) st->min_id < (guint64) st->n * 4;
  if (dense)
    {
      range = (guint64) st->max_id - (guint64) st->min_id + 1;
      table = g_new0 (guint32, range);
    }
  golanes_cold_cursor_init (&c, &st->cold, 0);
  for (i = 0; i < st->n; i++)
    {
      if (i % STORE_GROUP == 0)
        last_id = 0;
      golanes_cold_cursor_advance (&c, scan_record (self, golanes_cold_cursor_bytes (&c), &last_id, &name));
      if (name != cached_name || cached_slot == NULL)
        {
          cached_name = name;
          cached_slot = golanes_id_map_find (&self->group_of, name);
        }
      group_put (record_group, self->group_width, (guint) i,
                 cached_slot != NULL ? (guint32) (*cached_slot - 1) : 0);
      if (dense)
        {
          guint32 *slot = &table[(guint64) last_id - (guint64) st->min_id];

          dense = *slot == 0;
          *slot = (guint32) i + 1;
        }
    }
  if (!dense)
    return NULL;
  for (i = 0; i < range; i++)
    if (table[i] != 0)
      table[k++] = table[i] - 1;
  return g_steal_pointer (&table);
}

/* A record on its way into id order: its id, index and group. */
typedef struct
{
  gint64  id;
  guint32 record;
  guint32 group;
} Pending;

#define ORDER_WINDOW 65536   /* ids, a power of two */

static inline gboolean
pending_before (const Pending *a,
                const Pending *b)
{
  return a->id != b->id ? a->id < b->id : a->record < b->record;
}

/* A pass over the records in the order they were closed. */
typedef struct
{
  GolanesColdCursor c;
  gint64            last_id;
  guint32           cached_name;
  guint64          *cached_slot;
} RecordPass;

static inline const guint8 *
skip_varint (const guint8 *p)
{
  while (*p++ & 0x80)
    ;
  return p;
}

/* Past a time on @tick (golanes_varint_put_time()); @maybe_none: or the
 * byte 3 for none (put_time_since()). */
static inline const guint8 *
skip_time (const guint8 *p,
           guint         tick,
           gboolean      maybe_none)
{
  if (tick > 0 && (*p == 1 || (maybe_none && *p == 3)))
    return *p++ == 1 ? skip_varint (p) : p;
  return skip_varint (p);
}

/* Reads only the id and the name of the record at @p (read_record() in
 * golanes-goroutine-summary.c reads all of it); returns where the next
 * one begins. */
static const guint8 *
scan_record (GolanesGoroutineSummary *self,
             const guint8            *p,
             gint64                  *last_id,
             guint32                 *name)
{
  guint tick = self->store.tick;
  guint64 u, shape, n, i;
  gint64 d;

  p = golanes_varint_get_signed (p, &d);
  *last_id += d;
  p = golanes_varint_get (p, &u);
  *name = (guint32) u;
  p = skip_varint (p);                 /* PC */
  p = skip_time (p, tick, FALSE);      /* creation */
  p = skip_time (p, tick, TRUE);       /* start */
  p = skip_time (p, tick, TRUE);       /* end */
  p = golanes_varint_get (p, &shape);
  if (!(shape & SHAPE_TOTAL_IS_LIFE))
    p = skip_time (p, tick, FALSE);
  p = skip_time (p, tick, FALSE);      /* sched wait */
  if (!(shape & SHAPE_EXEC_IS_REST))
    p = skip_time (p, tick, FALSE);
  if (shape & SHAPE_SYSCALL)
    p = skip_time (p, tick, FALSE);
  if (shape & SHAPE_SYSCALL_BLOCK)
    p = skip_time (p, tick, FALSE);
  n = shape >> SHAPE_BLOCKS_SHIFT;
  for (i = 0; i < n; i++)
    p = skip_time (skip_varint (p), tick, FALSE);
  if (shape & SHAPE_RANGES)
    {
      p = golanes_varint_get (p, &n);
      for (i = 0; i < n; i++)
        p = skip_time (skip_varint (p), tick, FALSE);
    }
  return p;
}

static Pending
record_pass_next (GolanesGoroutineSummary *self,
                  RecordPass              *rp,
                  guint                    i)
{
  Pending x;
  guint32 name;

  if (i % STORE_GROUP == 0)
    rp->last_id = 0;
  golanes_cold_cursor_advance (&rp->c, scan_record (self, golanes_cold_cursor_bytes (&rp->c), &rp->last_id, &name));
  if (name != rp->cached_name || rp->cached_slot == NULL)
    {
      rp->cached_name = name;
      rp->cached_slot = golanes_id_map_find (&self->group_of, name);
    }
  x.id = rp->last_id;
  x.record = i;
  x.group = rp->cached_slot != NULL ? (guint32) (*rp->cached_slot - 1) : 0;
  return x;
}

static int
compare_pending_record (gconstpointer a,
                        gconstpointer b)
{
  guint32 x = ((const Pending *) a)->record, y = ((const Pending *) b)->record;

  return x < y ? -1 : x > y;
}

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  return pending_before (a, b) ? -1 : pending_before (b, a);
}

/* Appends @y at position @out of the id order being written. */
static void
order_put (GolanesGoroutineSummary *self,
           guint8                 **order,
           gsize                   *len,
           gsize                   *cap,
           guint64                 *anchors,
           guint8                  *groups,
           gint64                  *prev,
           guint                    out,
           const Pending           *y)
{
  if (*len + 10 > *cap)
    {
      *cap = MAX (*cap * 2, *len + 10);
      *order = g_realloc (*order, *cap);
    }
  if (out % STORE_GROUP == 0)
    {
      anchors[out / STORE_GROUP] = *len;
      *prev = 0;
    }
  *len += (gsize) (golanes_varint_put_signed (*order + *len, (gint64) y->record - *prev) - (*order + *len));
  *prev = y->record;
  group_put (groups, self->group_width, out, y->group);
}

/* Puts the id order and each goroutine's group in place without an array
 * of all the records.  Goroutine ids are dense and the records closed
 * roughly in id order: a window of ORDER_WINDOW ids, a slot each, slides
 * up with the largest id seen, and the ids it leaves behind go out in
 * order.  The first pass finds the records that come too late for it,
 * below the window (long-lived goroutines closed at the end, an id that
 * repeats), the second writes the order, merging them in.  Returns FALSE,
 * having put nothing, when the ids are too sparse or more than one record
 * in 16 comes late. */
static gboolean
order_by_window (GolanesGoroutineSummary *self)
{
  const Store *st = &self->store;
  guint window = self->order_window > 0 ? self->order_window : ORDER_WINDOW;
  g_autofree Pending *slots = NULL;
  g_autoptr(GArray) late = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_autofree guint8 *order = NULL;
  g_autofree guint64 *anchors = NULL;
  g_autofree guint8 *groups = NULL;
  g_autofree guint32 *late_records = NULL;
  gint64 prev = 0;
  gsize len = 0, cap = MAX (st->n, 16) + 16;
  guint out = 0, i, pass, next_late = 0, merged = 0;

  /* In unsigned arithmetic: ids from the file span the whole of gint64. */
  if (st->n == 0 || (guint64) st->max_id - (guint64) st->min_id >= (guint64) st->n * 4)
    return FALSE;
  g_return_val_if_fail ((window & (window - 1)) == 0, FALSE);
  slots = g_new (Pending, window);

  for (pass = 0; pass < 2; pass++)
    {
      RecordPass rp = { .last_id = 0, .cached_name = 0, .cached_slot = NULL };
      guint64 base = 0, top;  /* the window: ids - min_id in [base, base + window) */
      guint mask = window - 1;

      golanes_cold_cursor_init (&rp.c, &st->cold, 0);
      for (i = 0; i < window; i++)
        slots[i].record = G_MAXUINT32;
      for (i = 0; i <= st->n; i++)
        {
          Pending x = { 0, 0, 0 };
          guint64 at;

          if (i < st->n)
            {
              x = record_pass_next (self, &rp, i);
              /* The second pass leaves the late ones to the merge. */
              if (pass == 1 && next_late < late->len && late_records[next_late] == i)
                {
                  next_late++;
                  continue;
                }
              at = (guint64) x.id - (guint64) st->min_id;
            }
          else
            at = base + 2 * (guint64) window;  /* everything goes out */

          if (at < base || (at < base + window && slots[at & mask].record != G_MAXUINT32))
            {
              /* The second pass sees the same window, less the late ones. */
              if (pass == 1)
                return FALSE;
              g_array_append_val (late, x);
              if (late->len > st->n / 16 + 16)
                return FALSE;
              continue;
            }
          /* The window slides up to @at; the ids below it go out. */
          top = at >= base + window ? at - window + 1 : base;
          for (; base < top; base++)
            {
              Pending *y = &slots[base & mask];

              if (y->record == G_MAXUINT32)
                {
                  /* Past a stretch of empty slots at once. */
                  if (top - base > window)
                    {
                      guint64 k, next = top;

                      for (k = 1; k < window; k++)
                        if (slots[(base + k) & mask].record != G_MAXUINT32)
                          {
                            next = base + k;
                            break;
                          }
                      base = MIN (next, top) - 1;
                    }
                  continue;
                }
              if (pass == 1)
                {
                  while (merged < late->len && pending_before (&g_array_index (late, Pending, merged), y))
                    order_put (self, &order, &len, &cap, anchors, groups, &prev, out++,
                               &g_array_index (late, Pending, merged++));
                  order_put (self, &order, &len, &cap, anchors, groups, &prev, out++, y);
                }
              y->record = G_MAXUINT32;
            }
          if (i < st->n)
            slots[at & mask] = x;
        }
      if (pass == 0)
        {
          /* The late ones by record, to skip, then by id, to merge. */
          g_array_sort (late, compare_pending_record);
          late_records = g_new (guint32, MAX (late->len, 1));
          for (i = 0; i < late->len; i++)
            late_records[i] = g_array_index (late, Pending, i).record;
          g_array_sort (late, compare_pending);
          order = g_malloc (cap);
          anchors = g_new (guint64, st->n / STORE_GROUP + 1);
          groups = g_malloc ((gsize) st->n * self->group_width);
        }
    }
  while (merged < late->len)
    order_put (self, &order, &len, &cap, anchors, groups, &prev, out++, &g_array_index (late, Pending, merged++));
  if (out != st->n)
    return FALSE;
  self->n_late = late->len;
  self->by_id_order = g_realloc (g_steal_pointer (&order), MAX (len, 1));
  self->order_len = len;
  self->order_anchors = g_steal_pointer (&anchors);
  self->group_by_index = g_steal_pointer (&groups);
  return TRUE;
}

/* The same by a sort, for any ids. */
static guint32 *
order_by_sort (GolanesGoroutineSummary *self)
{
  const Store *st = &self->store;
  g_autofree gint64 *ids = g_new (gint64, MAX (st->n, 1));
  guint32 *order = g_new (guint32, MAX (st->n, 1));
  GolanesColdCursor c;
  gint64 last_id = 0;
  guint32 name;
  guint i;

  golanes_cold_cursor_init (&c, &st->cold, 0);
  for (i = 0; i < st->n; i++)
    {
      if (i % STORE_GROUP == 0)
        last_id = 0;
      golanes_cold_cursor_advance (&c, scan_record (self, golanes_cold_cursor_bytes (&c), &last_id, &name));
      ids[i] = last_id;
      order[i] = i;
    }
  g_qsort_with_data (order, st->n, sizeof (guint32), compare_order, ids);
  return order;
}

void
_golanes_goroutine_summary_order_by_id (GolanesGoroutineSummary *self)
{
  g_autofree guint32 *order = NULL;
  g_autofree guint8 *record_group = NULL;
  guint i;

  if (order_by_window (self))
    return;
  self->n_late = G_MAXUINT;
  record_group = g_malloc ((gsize) MAX (self->store.n, 1) * self->group_width);
  order = order_by_table (self, record_group);
  if (order == NULL)
    order = order_by_sort (self);
  pack_order (self, order, self->store.n);
  self->group_by_index = g_malloc ((gsize) MAX (self->store.n, 1) * self->group_width);
  for (i = 0; i < self->store.n; i++)
    group_put (self->group_by_index, self->group_width, i,
               group_get (record_group, self->group_width, order[i]));
}
