/* golanes-call-tree.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "golanes-call-tree.h"
#include "golanes-id-map-private.h"

/* The trees of flame graphs and `pprof -top` tables; see the header. */

const GolanesPprofValueType golanes_cpu_pprof_sample_type = { "samples", "count" };
const GolanesPprofValueType golanes_cpu_pprof_period_type = { "cpu", "nanoseconds" };

typedef struct
{
  guint32 stack;
  gint64  count;
  gint64  weight;
} StackWeight;

struct _GolanesCallTree
{
  GolanesStackTable *stacks;
  GolanesIdMap       stack_slot;   /* stack id -> index in by_stack + 1 */
  GArray            *by_stack;     /* StackWeight, in the order first added */
  GArray            *nodes;        /* GolanesCallNode */
  GArray            *functions;    /* GolanesCallFunction */
  gint64             total_count;
  gboolean           finished;
};

GolanesCallTree *
golanes_call_tree_new (GolanesStackTable *stacks)
{
  GolanesCallTree *self;

  g_return_val_if_fail (stacks != NULL, NULL);

  self = g_new0 (GolanesCallTree, 1);
  self->stacks = stacks;
  golanes_id_map_init (&self->stack_slot);
  self->by_stack = g_array_new (FALSE, FALSE, sizeof (StackWeight));
  self->nodes = g_array_new (FALSE, FALSE, sizeof (GolanesCallNode));
  self->functions = g_array_new (FALSE, FALSE, sizeof (GolanesCallFunction));
  return self;
}

void
golanes_call_tree_free (GolanesCallTree *self)
{
  if (self == NULL)
    return;
  golanes_id_map_clear (&self->stack_slot);
  g_array_unref (self->by_stack);
  g_array_unref (self->nodes);
  g_array_unref (self->functions);
  g_free (self);
}

void
golanes_call_tree_add (GolanesCallTree *self,
                       guint32          stack,
                       gint64           count,
                       gint64           weight)
{
  guint64 *slot;
  StackWeight *w;

  g_return_if_fail (self != NULL && !self->finished);

  slot = golanes_id_map_find (&self->stack_slot, stack);
  if (slot == NULL)
    {
      StackWeight fresh = { stack, 0, 0 };

      g_array_append_val (self->by_stack, fresh);
      golanes_id_map_insert (&self->stack_slot, stack, self->by_stack->len);
      w = &g_array_index (self->by_stack, StackWeight, self->by_stack->len - 1);
    }
  else
    w = &g_array_index (self->by_stack, StackWeight, *slot - 1);
  w->count += count;
  w->weight += weight;
}

static int
compare_string_ids (GolanesStackTable *stacks,
                    guint32            a,
                    guint32            b)
{
  const char *sa, *sb;

  if (a == b)
    return 0;
  sa = golanes_stack_table_get_string (stacks, a, NULL);
  sb = golanes_stack_table_get_string (stacks, b, NULL);
  return strcmp (sa != NULL ? sa : "", sb != NULL ? sb : "");
}

static int
compare_children (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  GolanesCallTree *self = user_data;
  const GolanesCallNode *x = &g_array_index (self->nodes, GolanesCallNode, *(const guint32 *) a);
  const GolanesCallNode *y = &g_array_index (self->nodes, GolanesCallNode, *(const guint32 *) b);

  if (x->total != y->total)
    return x->total > y->total ? -1 : 1;
  return compare_string_ids (self->stacks, x->func, y->func);
}

static int
compare_functions (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  GolanesCallTree *self = user_data;
  const GolanesCallFunction *x = a;
  const GolanesCallFunction *y = b;

  if (x->self != y->self)
    return x->self > y->self ? -1 : 1;
  if (x->total != y->total)
    return x->total > y->total ? -1 : 1;
  return compare_string_ids (self->stacks, x->func, y->func);
}

/* Orders every node's children (heaviest first, then by name). */
static void
sort_children (GolanesCallTree *self)
{
  GolanesCallNode *nodes = (GolanesCallNode *) (gpointer) self->nodes->data;
  g_autoptr(GArray) kids = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint n = self->nodes->len;

  for (guint i = 0; i < n; i++)
    {
      guint32 c;

      if (nodes[i].first_child == GOLANES_CALL_NODE_NONE ||
          nodes[nodes[i].first_child].next_sibling == GOLANES_CALL_NODE_NONE)
        continue;
      g_array_set_size (kids, 0);
      for (c = nodes[i].first_child; c != GOLANES_CALL_NODE_NONE; c = nodes[c].next_sibling)
        g_array_append_val (kids, c);
      g_array_sort_with_data (kids, compare_children, self);
      nodes[i].first_child = g_array_index (kids, guint32, 0);
      for (guint k = 0; k < kids->len; k++)
        nodes[g_array_index (kids, guint32, k)].next_sibling =
          k + 1 < kids->len ? g_array_index (kids, guint32, k + 1) : GOLANES_CALL_NODE_NONE;
    }
}

void
golanes_call_tree_finish (GolanesCallTree *self)
{
  GolanesIdMap child_of;    /* parent << 32 | func -> node + 1 */
  GolanesIdMap function_of; /* func -> index in functions + 1 */
  GolanesIdMap seen;        /* func -> last stack (+1) that counted it in total */
  GolanesCallNode root = { 0, GOLANES_CALL_NODE_NONE, GOLANES_CALL_NODE_NONE, GOLANES_CALL_NODE_NONE, 0, 0, 0 };

  g_return_if_fail (self != NULL && !self->finished);
  self->finished = TRUE;

  golanes_id_map_init (&child_of);
  golanes_id_map_init (&function_of);
  golanes_id_map_init (&seen);
  g_array_append_val (self->nodes, root);

  for (guint s = 0; s < self->by_stack->len; s++)
    {
      const StackWeight *w = &g_array_index (self->by_stack, StackWeight, s);
      guint n_frames = 0;
      const GolanesFrame *frames = golanes_stack_table_get_frames (self->stacks, w->stack, &n_frames);
      guint32 at = 0;

      self->total_count += w->count;
      g_array_index (self->nodes, GolanesCallNode, 0).total += w->weight;
      if (n_frames == 0)
        {
          g_array_index (self->nodes, GolanesCallNode, 0).self += w->weight;
          continue;
        }

      /* Frames are listed leaf first: walk them from the root. */
      for (guint f = n_frames; f-- > 0;)
        {
          guint32 func = frames[f].func;
          guint64 key = ((guint64) at << 32) | func;
          guint64 *slot = golanes_id_map_find (&child_of, key);
          GolanesCallNode *node;
          guint64 *fslot, *sslot;
          GolanesCallFunction *fn;

          if (slot == NULL)
            {
              GolanesCallNode *parent = &g_array_index (self->nodes, GolanesCallNode, at);
              GolanesCallNode fresh = { func, at, GOLANES_CALL_NODE_NONE, parent->first_child,
                                        parent->depth + 1, 0, 0 };

              parent->first_child = self->nodes->len;
              g_array_append_val (self->nodes, fresh);
              golanes_id_map_insert (&child_of, key, self->nodes->len);
              at = self->nodes->len - 1;
            }
          else
            at = (guint32) (*slot - 1);
          node = &g_array_index (self->nodes, GolanesCallNode, at);
          node->total += w->weight;
          if (f == 0)
            node->self += w->weight;

          fslot = golanes_id_map_find (&function_of, func);
          if (fslot == NULL)
            {
              GolanesCallFunction fresh = { func, 0, 0 };

              g_array_append_val (self->functions, fresh);
              golanes_id_map_insert (&function_of, func, self->functions->len);
              fn = &g_array_index (self->functions, GolanesCallFunction, self->functions->len - 1);
            }
          else
            fn = &g_array_index (self->functions, GolanesCallFunction, *fslot - 1);
          if (f == 0)
            fn->self += w->weight;
          /* A recursive function counts once per stack in its total. */
          sslot = golanes_id_map_find (&seen, func);
          if (sslot == NULL || *sslot != (guint64) s + 1)
            {
              fn->total += w->weight;
              if (sslot == NULL)
                golanes_id_map_insert (&seen, func, (guint64) s + 1);
              else
                *sslot = (guint64) s + 1;
            }
        }
    }

  sort_children (self);
  g_array_sort_with_data (self->functions, compare_functions, self);
  golanes_id_map_clear (&child_of);
  golanes_id_map_clear (&function_of);
  golanes_id_map_clear (&seen);
}

GolanesStackTable *
golanes_call_tree_get_stacks (GolanesCallTree *self)
{
  return self->stacks;
}

guint
golanes_call_tree_get_n_nodes (GolanesCallTree *self)
{
  g_return_val_if_fail (self != NULL && self->finished, 0);
  return self->nodes->len;
}

const GolanesCallNode *
golanes_call_tree_get_node (GolanesCallTree *self,
                            guint            index)
{
  g_return_val_if_fail (self != NULL && self->finished && index < self->nodes->len, NULL);
  return &g_array_index (self->nodes, GolanesCallNode, index);
}

const char *
golanes_call_tree_get_name (GolanesCallTree *self,
                            guint            index)
{
  const GolanesCallNode *node = golanes_call_tree_get_node (self, index);
  const char *name;

  if (node == NULL || index == 0)
    return "";
  name = golanes_stack_table_get_string (self->stacks, node->func, NULL);
  return name != NULL ? name : "";
}

guint
golanes_call_tree_find_child (GolanesCallTree *self,
                              guint            parent,
                              const char      *name)
{
  g_return_val_if_fail (self != NULL && self->finished && parent < self->nodes->len, GOLANES_CALL_NODE_NONE);

  for (guint32 c = g_array_index (self->nodes, GolanesCallNode, parent).first_child; c != GOLANES_CALL_NODE_NONE;
       c = g_array_index (self->nodes, GolanesCallNode, c).next_sibling)
    if (g_strcmp0 (golanes_call_tree_get_name (self, c), name) == 0)
      return c;
  return GOLANES_CALL_NODE_NONE;
}

gint64
golanes_call_tree_get_total (GolanesCallTree *self)
{
  g_return_val_if_fail (self != NULL && self->finished, 0);
  return g_array_index (self->nodes, GolanesCallNode, 0).total;
}

gint64
golanes_call_tree_get_count (GolanesCallTree *self)
{
  g_return_val_if_fail (self != NULL && self->finished, 0);
  return self->total_count;
}

guint
golanes_call_tree_get_n_stacks (GolanesCallTree *self)
{
  return self->by_stack->len;
}

const GolanesCallFunction *
golanes_call_tree_get_functions (GolanesCallTree *self,
                                 guint           *n_functions)
{
  g_return_val_if_fail (self != NULL && self->finished, NULL);
  *n_functions = self->functions->len;
  return (const GolanesCallFunction *) (gconstpointer) self->functions->data;
}

gint64
golanes_call_tree_marked_total (GolanesCallTree *self,
                                guint            from,
                                const guint8    *marked)
{
  g_autoptr(GArray) pending = NULL;
  gint64 sum = 0;

  g_return_val_if_fail (self != NULL && self->finished, 0);
  if (marked == NULL || from >= self->nodes->len)
    return 0;

  pending = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_array_append_val (pending, from);
  while (pending->len > 0)
    {
      guint32 i = g_array_index (pending, guint32, pending->len - 1);
      const GolanesCallNode *node = &g_array_index (self->nodes, GolanesCallNode, i);

      g_array_set_size (pending, pending->len - 1);
      if (i != 0 && marked[i])
        {
          sum += node->total;
          continue;
        }
      for (guint32 c = node->first_child; c != GOLANES_CALL_NODE_NONE;
           c = g_array_index (self->nodes, GolanesCallNode, c).next_sibling)
        g_array_append_val (pending, c);
    }
  return sum;
}

gint64
golanes_call_tree_match_total (GolanesCallTree *self,
                               guint            from,
                               const char      *needle)
{
  g_autofree guint8 *marked = NULL;

  g_return_val_if_fail (self != NULL && self->finished, 0);
  if (needle == NULL || needle[0] == '\0')
    return 0;
  marked = g_new0 (guint8, self->nodes->len);
  for (guint i = 1; i < self->nodes->len; i++)
    marked[i] = strstr (golanes_call_tree_get_name (self, i), needle) != NULL;
  return golanes_call_tree_marked_total (self, from, marked);
}

static int
compare_lines (const void *a,
               const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

void
golanes_call_tree_write_folded (GolanesCallTree *self,
                                gboolean         use_weight,
                                GString         *out)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree gint64 *counts = NULL;
  GString *line = g_string_new (NULL);

  g_return_if_fail (self != NULL && self->finished);

  /* A node's count is its stacks' counts: sum them per node from the
   * distinct stacks, then a line per node that stacks end at. */
  counts = g_new0 (gint64, self->nodes->len);
  if (!use_weight)
    {
      GolanesIdMap child_of;

      golanes_id_map_init (&child_of);
      for (guint i = 1; i < self->nodes->len; i++)
        {
          const GolanesCallNode *n = &g_array_index (self->nodes, GolanesCallNode, i);

          golanes_id_map_insert (&child_of, ((guint64) n->parent << 32) | n->func, i);
        }
      for (guint s = 0; s < self->by_stack->len; s++)
        {
          const StackWeight *w = &g_array_index (self->by_stack, StackWeight, s);
          guint n_frames = 0;
          const GolanesFrame *frames = golanes_stack_table_get_frames (self->stacks, w->stack, &n_frames);
          guint64 at = 0;

          for (guint f = n_frames; f-- > 0;)
            at = *golanes_id_map_find (&child_of, (at << 32) | frames[f].func);
          counts[at] += w->count;
        }
      golanes_id_map_clear (&child_of);
    }
  else
    for (guint i = 0; i < self->nodes->len; i++)
      counts[i] = g_array_index (self->nodes, GolanesCallNode, i).self;

  for (guint i = 1; i < self->nodes->len; i++)
    {
      guint32 at;

      if (counts[i] == 0)
        continue;
      g_array_set_size (path, 0);
      for (at = i; at != 0; at = g_array_index (self->nodes, GolanesCallNode, at).parent)
        g_array_append_val (path, at);
      g_string_truncate (line, 0);
      for (guint k = path->len; k-- > 0;)
        {
          g_string_append (line, golanes_call_tree_get_name (self, g_array_index (path, guint32, k)));
          if (k > 0)
            g_string_append_c (line, ';');
        }
      g_string_append_printf (line, " %" G_GINT64_FORMAT, counts[i]);
      g_ptr_array_add (lines, g_strdup (line->str));
    }
  g_string_free (line, TRUE);

  qsort (lines->pdata, lines->len, sizeof (gpointer), compare_lines);
  for (guint i = 0; i < lines->len; i++)
    {
      g_string_append (out, g_ptr_array_index (lines, i));
      g_string_append_c (out, '\n');
    }
}

GBytes *
golanes_call_tree_encode_pprof (GolanesCallTree             *self,
                                const GolanesPprofValueType *types,
                                guint                        n_types,
                                const GolanesPprofValueType *period_type,
                                gint64                       period)
{
  guint n = self->by_stack->len;
  g_autofree guint32 *stacks = g_new (guint32, MAX (n, 1));
  g_autofree gint64 *values = g_new (gint64, MAX (n, 1) * 2);

  g_return_val_if_fail (n_types == 1 || n_types == 2, NULL);

  for (guint i = 0; i < n; i++)
    {
      const StackWeight *w = &g_array_index (self->by_stack, StackWeight, i);

      stacks[i] = w->stack;
      values[i * n_types] = w->count;
      if (n_types == 2)
        values[i * n_types + 1] = w->weight;
    }
  return golanes_pprof_encode (self->stacks, types, n_types, period_type, period, stacks, values, n);
}

/* Whether goroutine @goid started in @function; @memo keeps the answer
 * per goroutine (1 yes, 2 no) and @by_func per string id. */
static gboolean
in_group (GolanesTimeline *timeline,
          const char      *function,
          gint64           goid,
          GolanesIdMap    *memo,
          GolanesIdMap    *by_func)
{
  guint64 *known = golanes_id_map_find (memo, (guint64) goid);
  GolanesTimelineGoroutine g;
  gint index;
  gboolean yes = FALSE;

  if (known != NULL)
    return *known == 1;
  index = golanes_timeline_lookup_goroutine (timeline, goid);
  if (index >= 0 && golanes_timeline_get_goroutine (timeline, (guint) index, &g) && g.start_func != 0)
    {
      guint64 *f = golanes_id_map_find (by_func, g.start_func);

      if (f == NULL)
        {
          const char *name = golanes_stack_table_get_string (golanes_timeline_get_stack_table (timeline),
                                                             g.start_func, NULL);

          yes = g_strcmp0 (name, function) == 0;
          golanes_id_map_insert (by_func, g.start_func, yes ? 1 : 2);
        }
      else
        yes = *f == 1;
    }
  golanes_id_map_insert (memo, (guint64) goid, yes ? 1 : 2);
  return yes;
}

/* Whether the string @id of @timeline's table is @want; @memo keeps the
 * answers (1 yes, 2 no) per id. */
static gboolean
string_is (GolanesTimeline *timeline,
           guint32          id,
           const char      *want,
           GolanesIdMap    *memo)
{
  guint64 *known = golanes_id_map_find (memo, id);
  gboolean yes;

  if (known != NULL)
    return *known == 1;
  yes = id != 0 && g_strcmp0 (golanes_stack_table_get_string (golanes_timeline_get_stack_table (timeline), id, NULL),
                              want) == 0;
  golanes_id_map_insert (memo, id, yes ? 1 : 2);
  return yes;
}

/* Whether sample @s falls in a region of the filter's region type, or in
 * a region of a task of its task type, at any nesting level. */
static gboolean
in_region (GolanesTimeline              *timeline,
           const GolanesCpuFilter       *filter,
           const GolanesTimelineSample  *s,
           GolanesIdMap                 *type_memo,
           GolanesIdMap                 *task_types)
{
  gint index = golanes_timeline_lookup_goroutine (timeline, s->goroutine);
  guint n_levels;

  if (index < 0)
    return FALSE;
  n_levels = golanes_timeline_get_goroutine_n_region_levels (timeline, (guint) index);
  for (guint level = 0; level < n_levels; level++)
    {
      GolanesTrack *track = golanes_timeline_get_goroutine_region_level (timeline, (guint) index, level);
      gint at = track != NULL ? golanes_track_find_at (track, s->time) : -1;
      GolanesTimelineRegion region_copy;
      const GolanesTimelineRegion *region = &region_copy;
      GolanesSpan span;

      if (at < 0)
        continue;
      golanes_track_get_span (track, (guint) at, &span);
      if (!golanes_timeline_get_region (timeline, span.arg, &region_copy))
        continue;
      if (filter->region_type != NULL && string_is (timeline, region->type, filter->region_type, type_memo))
        return TRUE;
      if (filter->task_type != NULL)
        {
          guint64 type = 0;

          if (golanes_id_map_lookup (task_types, region->task, &type) &&
              string_is (timeline, (guint32) type, filter->task_type, type_memo))
            return TRUE;
        }
    }
  return FALSE;
}

GolanesCallTree *
golanes_call_tree_new_cpu (GolanesTimeline        *timeline,
                           const GolanesCpuFilter *filter)
{
  GolanesCallTree *self = golanes_call_tree_new (golanes_timeline_get_stack_table (timeline));
  GolanesIdMap memo, by_func, type_memo, task_types;
  guint n = golanes_timeline_get_n_samples (timeline);

  golanes_id_map_init (&memo);
  golanes_id_map_init (&by_func);
  golanes_id_map_init (&type_memo);
  golanes_id_map_init (&task_types);
  if (filter->task_type != NULL)
    for (guint i = 0; i < golanes_timeline_get_n_tasks (timeline); i++)
      {
        GolanesTimelineTask t_copy;
        const GolanesTimelineTask *t = golanes_timeline_get_task (timeline, i, &t_copy) ? &t_copy : NULL;

        golanes_id_map_replace (&task_types, t->id, t->type);
      }
  for (guint i = 0; i < n; i++)
    {
      const GolanesTimelineSample *s = golanes_timeline_get_sample (timeline, i);

      if (s->time < filter->start || s->time >= filter->end)
        continue;
      if (filter->goroutine >= 0 && s->goroutine != filter->goroutine)
        continue;
      if (filter->start_function != NULL &&
          !in_group (timeline, filter->start_function, s->goroutine, &memo, &by_func))
        continue;
      if ((filter->region_type != NULL || filter->task_type != NULL) &&
          !in_region (timeline, filter, s, &type_memo, &task_types))
        continue;
      golanes_call_tree_add (self, s->stack, 1, 1);
    }
  golanes_id_map_clear (&memo);
  golanes_id_map_clear (&by_func);
  golanes_id_map_clear (&type_memo);
  golanes_id_map_clear (&task_types);
  golanes_call_tree_finish (self);
  return self;
}

GolanesCallTree *
golanes_call_tree_new_blocking (GolanesBlocking *blocking)
{
  GolanesCallTree *self = golanes_call_tree_new (golanes_blocking_get_stack_table (blocking));
  guint n = 0;
  const GolanesBlockingRecord *records = golanes_blocking_get_records (blocking, &n);

  for (guint i = 0; i < n; i++)
    golanes_call_tree_add (self, records[i].stack, (gint64) records[i].count, records[i].delay);
  golanes_call_tree_finish (self);
  return self;
}
