/* golanes-trace-util.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "golanes-trace-private.h"

/* ---- id map ------------------------------------------------------------ */

void
golanes_id_map_init (GolanesIdMap *map)
{
  memset (map, 0, sizeof *map);
}

void
golanes_id_map_clear (GolanesIdMap *map)
{
  g_free (map->keys);
  g_free (map->values);
  g_free (map->used);
  memset (map, 0, sizeof *map);
}

static void
id_map_resize (GolanesIdMap *map,
               guint         cap)
{
  GolanesIdMap old = *map;
  guint i;

  map->keys = g_new (guint64, cap);
  map->values = g_new (guint64, cap);
  map->used = g_new0 (guint8, cap);
  map->mask = cap - 1;
  map->count = 0;
  if (old.used != NULL)
    for (i = 0; i <= old.mask; i++)
      if (old.used[i])
        golanes_id_map_insert (map, old.keys[i], old.values[i]);
  g_free (old.keys);
  g_free (old.values);
  g_free (old.used);
}

static guint
id_map_slot (GolanesIdMap *map,
             guint64       key,
             gboolean     *found)
{
  guint i;

  if (map->used == NULL || (map->count + 1) * 4 > (map->mask + 1) * 3)
    id_map_resize (map, map->used == NULL ? 16 : (map->mask + 1) * 2);
  for (i = golanes_id_map_hash (key, map->mask); map->used[i]; i = (i + 1) & map->mask)
    if (map->keys[i] == key)
      {
        *found = TRUE;
        return i;
      }
  *found = FALSE;
  return i;
}

gboolean
golanes_id_map_insert (GolanesIdMap *map,
                       guint64       key,
                       guint64       value)
{
  gboolean found;
  guint i = id_map_slot (map, key, &found);

  if (found)
    return FALSE;
  map->used[i] = 1;
  map->keys[i] = key;
  map->values[i] = value;
  map->count++;
  return TRUE;
}

void
golanes_id_map_replace (GolanesIdMap *map,
                        guint64       key,
                        guint64       value)
{
  gboolean found;
  guint i = id_map_slot (map, key, &found);

  if (!found)
    {
      map->used[i] = 1;
      map->keys[i] = key;
      map->count++;
    }
  map->values[i] = value;
}

gboolean
golanes_id_map_remove (GolanesIdMap *map,
                       guint64       key)
{
  guint i, j;

  if (map->count == 0)
    return FALSE;
  for (i = golanes_id_map_hash (key, map->mask); map->used[i]; i = (i + 1) & map->mask)
    if (map->keys[i] == key)
      break;
  if (!map->used[i])
    return FALSE;

  /* Backward-shift deletion keeps probe chains intact without tombstones. */
  map->used[i] = 0;
  map->count--;
  for (j = (i + 1) & map->mask; map->used[j]; j = (j + 1) & map->mask)
    {
      guint home = golanes_id_map_hash (map->keys[j], map->mask);
      gboolean movable;

      if (i <= j)
        movable = home <= i || home > j;
      else
        movable = home <= i && home > j;
      if (movable)
        {
          map->keys[i] = map->keys[j];
          map->values[i] = map->values[j];
          map->used[i] = 1;
          map->used[j] = 0;
          i = j;
        }
    }
  return TRUE;
}

/* ---- sorting ----------------------------------------------------------- */

/* The element order must equal Go's generic pdqsort (slices.SortFunc with a
 * three-way comparison), including how it treats equal keys. */

#define LESS(a, b) (items[(a)].key < items[(b)].key)

static inline void
swap_items (GolanesSortItem *items,
            gsize            a,
            gsize            b)
{
  GolanesSortItem t = items[a];
  items[a] = items[b];
  items[b] = t;
}

static void
insertion_sort (GolanesSortItem *items,
                gssize           a,
                gssize           b)
{
  gssize i, j;

  for (i = a + 1; i < b; i++)
    for (j = i; j > a && LESS (j, j - 1); j--)
      swap_items (items, j, j - 1);
}

static void
sift_down (GolanesSortItem *items,
           gssize           lo,
           gssize           hi,
           gssize           first)
{
  gssize root = lo;

  for (;;)
    {
      gssize child = 2 * root + 1;
      if (child >= hi)
        return;
      if (child + 1 < hi && LESS (first + child, first + child + 1))
        child++;
      if (!LESS (first + root, first + child))
        return;
      swap_items (items, first + root, first + child);
      root = child;
    }
}

static void
heap_sort (GolanesSortItem *items,
           gssize           a,
           gssize           b)
{
  gssize first = a, hi = b - a, i;

  for (i = (hi - 1) / 2; i >= 0; i--)
    sift_down (items, i, hi, first);
  for (i = hi - 1; i >= 0; i--)
    {
      swap_items (items, first, first + i);
      sift_down (items, 0, i, first);
    }
}

static guint
bit_len (guint64 x)
{
  return x == 0 ? 0 : 64 - (guint) __builtin_clzll (x);
}

static void
break_patterns (GolanesSortItem *items,
                gssize           a,
                gssize           b)
{
  gssize length = b - a;

  if (length >= 8)
    {
      guint64 random = (guint64) length;
      guint64 modulus = G_GUINT64_CONSTANT (1) << bit_len ((guint64) length);
      gssize idx;

      for (idx = a + (length / 4) * 2 - 1; idx <= a + (length / 4) * 2 + 1; idx++)
        {
          gssize other;

          random ^= random << 13;
          random ^= random >> 7;
          random ^= random << 17;
          other = (gssize) (random & (modulus - 1));
          if (other >= length)
            other -= length;
          swap_items (items, idx, a + other);
        }
    }
}

static void
order2 (GolanesSortItem *items,
        gssize          *a,
        gssize          *b,
        int             *swaps)
{
  if (LESS (*b, *a))
    {
      gssize t = *a;
      (*swaps)++;
      *a = *b;
      *b = t;
    }
}

static gssize
median3 (GolanesSortItem *items,
         gssize           a,
         gssize           b,
         gssize           c,
         int             *swaps)
{
  order2 (items, &a, &b, swaps);
  order2 (items, &b, &c, swaps);
  order2 (items, &a, &b, swaps);
  return b;
}

enum { HINT_UNKNOWN, HINT_INCREASING, HINT_DECREASING };

static gssize
choose_pivot (GolanesSortItem *items,
              gssize           a,
              gssize           b,
              int             *hint)
{
  gssize l = b - a;
  int swaps = 0;
  gssize i = a + l / 4 * 1, j = a + l / 4 * 2, k = a + l / 4 * 3;

  if (l >= 8)
    {
      if (l >= 50)
        {
          i = median3 (items, i - 1, i, i + 1, &swaps);
          j = median3 (items, j - 1, j, j + 1, &swaps);
          k = median3 (items, k - 1, k, k + 1, &swaps);
        }
      j = median3 (items, i, j, k, &swaps);
    }
  if (swaps == 0)
    *hint = HINT_INCREASING;
  else if (swaps == 12)
    *hint = HINT_DECREASING;
  else
    *hint = HINT_UNKNOWN;
  return j;
}

static gboolean
partial_insertion_sort (GolanesSortItem *items,
                        gssize           a,
                        gssize           b)
{
  gssize i = a + 1, j, k;

  for (j = 0; j < 5; j++)
    {
      while (i < b && !LESS (i, i - 1))
        i++;
      if (i == b)
        return TRUE;
      if (b - a < 50)
        return FALSE;
      swap_items (items, i, i - 1);
      if (i - a >= 2)
        for (k = i - 1; k >= 1; k--)
          {
            if (!LESS (k, k - 1))
              break;
            swap_items (items, k, k - 1);
          }
      if (b - i >= 2)
        for (k = i + 1; k < b; k++)
          {
            if (!LESS (k, k - 1))
              break;
            swap_items (items, k, k - 1);
          }
    }
  return FALSE;
}

static gssize
partition_equal (GolanesSortItem *items,
                 gssize           a,
                 gssize           b,
                 gssize           pivot)
{
  gssize i, j;

  swap_items (items, a, pivot);
  i = a + 1;
  j = b - 1;
  for (;;)
    {
      while (i <= j && !LESS (a, i))
        i++;
      while (i <= j && LESS (a, j))
        j--;
      if (i > j)
        break;
      swap_items (items, i, j);
      i++;
      j--;
    }
  return i;
}

static gssize
partition (GolanesSortItem *items,
           gssize           a,
           gssize           b,
           gssize           pivot,
           gboolean        *already)
{
  gssize i, j;

  swap_items (items, a, pivot);
  i = a + 1;
  j = b - 1;
  while (i <= j && LESS (i, a))
    i++;
  while (i <= j && !LESS (j, a))
    j--;
  if (i > j)
    {
      swap_items (items, j, a);
      *already = TRUE;
      return j;
    }
  swap_items (items, i, j);
  i++;
  j--;
  for (;;)
    {
      while (i <= j && LESS (i, a))
        i++;
      while (i <= j && !LESS (j, a))
        j--;
      if (i > j)
        break;
      swap_items (items, i, j);
      i++;
      j--;
    }
  swap_items (items, j, a);
  *already = FALSE;
  return j;
}

static void
pdqsort (GolanesSortItem *items,
         gssize           a,
         gssize           b,
         guint            limit)
{
  gboolean was_balanced = TRUE, was_partitioned = TRUE;

  for (;;)
    {
      gssize length = b - a, pivot, mid, left, right;
      int hint;

      if (length <= 12)
        {
          insertion_sort (items, a, b);
          return;
        }
      if (limit == 0)
        {
          heap_sort (items, a, b);
          return;
        }
      if (!was_balanced)
        {
          break_patterns (items, a, b);
          limit--;
        }

      pivot = choose_pivot (items, a, b, &hint);
      if (hint == HINT_DECREASING)
        {
          gssize i = a, j = b - 1;
          while (i < j)
            {
              swap_items (items, i, j);
              i++;
              j--;
            }
          pivot = (b - 1) - (pivot - a);
          hint = HINT_INCREASING;
        }

      if (was_balanced && was_partitioned && hint == HINT_INCREASING &&
          partial_insertion_sort (items, a, b))
        return;

      if (a > 0 && !LESS (a - 1, pivot))
        {
          a = partition_equal (items, a, b, pivot);
          continue;
        }

      mid = partition (items, a, b, pivot, &was_partitioned);
      left = mid - a;
      right = b - mid;
      if (left < right)
        {
          was_balanced = left >= length / 8;
          pdqsort (items, a, mid, limit);
          a = mid + 1;
        }
      else
        {
          was_balanced = right >= length / 8;
          pdqsort (items, mid + 1, b, limit);
          b = mid;
        }
    }
}

#undef LESS

void
golanes_sort_items (GolanesSortItem *items,
                    gsize            n)
{
  pdqsort (items, 0, (gssize) n, bit_len (n));
}

/* ---- text buffer ------------------------------------------------------- */

void
golanes_text_buf_init (GolanesTextBuf *buf)
{
  buf->cap = 256;
  buf->len = 0;
  buf->data = g_malloc (buf->cap);
}

void
golanes_text_buf_clear (GolanesTextBuf *buf)
{
  g_free (buf->data);
  buf->data = NULL;
  buf->len = buf->cap = 0;
}

void
golanes_text_buf_grow (GolanesTextBuf *buf,
                       gsize           extra)
{
  gsize cap = buf->cap ? buf->cap : 256;

  while (cap - buf->len < extra)
    cap *= 2;
  buf->data = g_realloc (buf->data, cap);
  buf->cap = cap;
}

static const char digit_pairs[] =
  "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
  "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
  "8081828384858687888990919293949596979899";

void
golanes_text_buf_append_u64 (GolanesTextBuf *buf,
                             guint64         v)
{
  char tmp[24];
  int i = sizeof tmp;

  while (v >= 100)
    {
      guint d = (guint) (v % 100);
      v /= 100;
      i -= 2;
      tmp[i] = digit_pairs[2 * d];
      tmp[i + 1] = digit_pairs[2 * d + 1];
    }
  if (v >= 10)
    {
      i -= 2;
      tmp[i] = digit_pairs[2 * v];
      tmp[i + 1] = digit_pairs[2 * v + 1];
    }
  else
    tmp[--i] = (char) ('0' + v);
  golanes_text_buf_reserve (buf, sizeof tmp);
  memcpy (buf->data + buf->len, tmp + i, sizeof tmp - i);
  buf->len += sizeof tmp - i;
}

void
golanes_text_buf_append_i64 (GolanesTextBuf *buf,
                             gint64          v)
{
  if (v < 0)
    {
      golanes_text_buf_append_c (buf, '-');
      golanes_text_buf_append_u64 (buf, (guint64) 0 - (guint64) v);
    }
  else
    golanes_text_buf_append_u64 (buf, (guint64) v);
}

void
golanes_text_buf_append_hex (GolanesTextBuf *buf,
                             guint64         v)
{
  static const char digits[] = "0123456789abcdef";
  char tmp[20];
  int i = sizeof tmp;

  do
    {
      tmp[--i] = digits[v & 0xf];
      v >>= 4;
    }
  while (v != 0);
  golanes_text_buf_append (buf, tmp + i, sizeof tmp - i);
}

void
golanes_text_buf_append_printf (GolanesTextBuf *buf,
                                const char     *fmt,
                                ...)
{
  va_list ap;
  int n;

  va_start (ap, fmt);
  n = vsnprintf (NULL, 0, fmt, ap);
  va_end (ap);
  if (n <= 0)
    return;
  golanes_text_buf_reserve (buf, (gsize) n + 1);
  va_start (ap, fmt);
  vsnprintf (buf->data + buf->len, (gsize) n + 1, fmt, ap);
  va_end (ap);
  buf->len += (gsize) n;
}
