/* golanes-interval-tree.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "golanes-interval-tree.h"

/* An implicit interval tree over an array sorted by start, in the style of
 * Heng Li's cgranges: leaves are the even indices, node i at level k has the
 * k lowest bits set and children i - 2^(k-1) and i + 2^(k-1).  Each node's
 * @max is the largest (effective) end in its subtree. */

typedef struct
{
  gint64  start;
  gint64  end;
  gint64  max;
  guint32 value;
  guint32 seq;
} Node;

struct _GolanesIntervalTree
{
  Node    *nodes;
  guint    n;
  guint    cap;
  int      max_level;
  gboolean built;
};

GolanesIntervalTree *
golanes_interval_tree_new (void)
{
  GolanesIntervalTree *tree = g_new0 (GolanesIntervalTree, 1);

  tree->max_level = -1;
  return tree;
}

void
golanes_interval_tree_free (GolanesIntervalTree *tree)
{
  if (tree == NULL)
    return;
  g_free (tree->nodes);
  g_free (tree);
}

void
golanes_interval_tree_add (GolanesIntervalTree *tree,
                           gint64               start,
                           gint64               end,
                           guint32              value)
{
  Node *node;

  g_return_if_fail (tree != NULL);

  if (tree->n == tree->cap)
    {
      tree->cap = MAX (16, tree->cap * 2);
      tree->nodes = g_renew (Node, tree->nodes, tree->cap);
    }
  node = &tree->nodes[tree->n];
  node->start = start;
  node->end = MAX (end, start + 1);
  node->max = node->end;
  node->value = value;
  node->seq = tree->n;
  tree->n++;
  tree->built = FALSE;
}

static int
node_cmp (const void *a,
          const void *b)
{
  const Node *x = a;
  const Node *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->seq < y->seq ? -1 : (x->seq > y->seq);
}

void
golanes_interval_tree_build (GolanesIntervalTree *tree)
{
  Node *a;
  gint64 n, i, last_i = 0, last = 0;
  int k;

  g_return_if_fail (tree != NULL);

  tree->built = TRUE;
  if (tree->cap > tree->n)
    {
      tree->cap = tree->n;
      tree->nodes = g_renew (Node, tree->nodes, MAX (tree->cap, 1));
    }
  a = tree->nodes;
  n = tree->n;
  if (n == 0)
    {
      tree->max_level = -1;
      return;
    }
  qsort (a, n, sizeof (Node), node_cmp);

  for (i = 0; i < n; i += 2)
    {
      last_i = i;
      last = a[i].max = a[i].end;
    }
  for (k = 1; ((gint64) 1 << k) <= n; k++)
    {
      gint64 x = (gint64) 1 << (k - 1);
      gint64 i0 = (x << 1) - 1;
      gint64 step = x << 2;

      for (i = i0; i < n; i += step)
        {
          gint64 el = a[i - x].max;
          gint64 er = i + x < n ? a[i + x].max : last;
          gint64 e = a[i].end;

          e = MAX (e, el);
          e = MAX (e, er);
          a[i].max = e;
        }
      last_i = (last_i >> k & 1) ? last_i - x : last_i + x;
      if (last_i < n && a[last_i].max > last)
        last = a[last_i].max;
    }
  tree->max_level = k - 1;
}

guint
golanes_interval_tree_get_size (GolanesIntervalTree *tree)
{
  return tree->n;
}

typedef struct
{
  gint64 x;
  int    k;
  int    w;
} StackItem;

guint
golanes_interval_tree_query (GolanesIntervalTree *tree,
                             gint64               t0,
                             gint64               t1,
                             GArray              *out)
{
  StackItem stack[64];
  const Node *a;
  gint64 n;
  guint found = 0;
  int t = 0;

  g_return_val_if_fail (tree != NULL, 0);
  g_return_val_if_fail (out != NULL, 0);

  if (!tree->built)
    golanes_interval_tree_build (tree);
  if (tree->n == 0 || t0 >= t1)
    return 0;

  a = tree->nodes;
  n = tree->n;
  stack[t].k = tree->max_level;
  stack[t].x = ((gint64) 1 << tree->max_level) - 1;
  stack[t].w = 0;
  t++;
  while (t > 0)
    {
      StackItem z = stack[--t];

      if (z.k <= 3)
        {
          gint64 i0 = z.x >> z.k << z.k;
          gint64 i1 = i0 + ((gint64) 1 << (z.k + 1)) - 1;
          gint64 i;

          if (i1 > n)
            i1 = n;
          for (i = i0; i < i1 && a[i].start < t1; i++)
            if (a[i].end > t0)
              {
                g_array_append_val (out, a[i].value);
                found++;
              }
        }
      else if (z.w == 0)
        {
          gint64 y = z.x - ((gint64) 1 << (z.k - 1));

          stack[t].k = z.k;
          stack[t].x = z.x;
          stack[t].w = 1;
          t++;
          if (y >= n || a[y].max > t0)
            {
              stack[t].k = z.k - 1;
              stack[t].x = y;
              stack[t].w = 0;
              t++;
            }
        }
      else if (z.x < n && a[z.x].start < t1)
        {
          if (a[z.x].end > t0)
            {
              g_array_append_val (out, a[z.x].value);
              found++;
            }
          stack[t].k = z.k - 1;
          stack[t].x = z.x + ((gint64) 1 << (z.k - 1));
          stack[t].w = 0;
          t++;
        }
    }
  return found;
}

gsize
golanes_interval_tree_get_memory_size (GolanesIntervalTree *tree)
{
  return sizeof (*tree) + (gsize) tree->cap * sizeof (Node);
}
