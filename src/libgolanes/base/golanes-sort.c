/* golanes-sort.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "golanes-sort-private.h"

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

int
golanes_compare_int64 (gconstpointer a,
                       gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

int
golanes_compare_uint32 (gconstpointer a,
                        gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}
