/* golanes-timeline-annotations.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "golanes-sort-private.h"
#include "golanes-timeline-private.h"
#include "golanes-timeline.h"

/* The timeline's user annotations: tasks, regions and logs as their
 * events come (golanes_timeline_feed() hands them here), then, at the
 * finish, the regions' nesting levels and the tasks' rows, and the
 * tracks of a region level or a task row made on first request. */

/* Tasks, regions, logs */

static guint32
task_index (GolanesTimeline *self,
            guint64          id,
            gboolean         create,
            gint64           time)
{
  guint32 found = GPOINTER_TO_UINT (g_hash_table_lookup (self->task_by_id, &id));
  GolanesTimelineTask t;

  if (found != 0 || !create)
    return found - 1;
  memset (&t, 0, sizeof t);
  t.id = id;
  t.parent = GOLANES_NO_TASK;
  t.parent_index = -1;
  t.start = time;
  t.end = time;
  t.start_goroutine = GOLANES_NO_ID;
  t.end_goroutine = GOLANES_NO_ID;
  t.flags = GOLANES_SPAN_OPEN;
  g_array_append_val (self->tasks, t);
  g_hash_table_insert (self->task_by_id, g_memdup2 (&id, sizeof id),
                       GUINT_TO_POINTER (self->tasks->len));
  return self->tasks->len - 1;
}

void
_golanes_timeline_handle_task (GolanesTimeline    *self,
                               GolanesTraceReader *reader,
                               const GolanesEvent *ev)
{
  GolanesTask task;
  GolanesTimelineTask *t;
  guint32 ti;

  if (!golanes_event_get_task (reader, ev, &task))
    return;
  if (ev->kind == GOLANES_EVENT_TASK_BEGIN)
    {
      if (task_index (self, task.id, FALSE, 0) != NO_INDEX)
        return;
      ti = task_index (self, task.id, TRUE, ev->time);
      t = &g_array_index (self->tasks, GolanesTimelineTask, ti);
      t->parent = task.parent;
      t->start_goroutine = ev->goroutine;
      if (task.type.len > 0)
        t->type = golanes_stack_table_intern_string (self->stacks, task.type.data, task.type.len);
    }
  else
    {
      ti = task_index (self, task.id, FALSE, 0);
      if (ti == NO_INDEX)
        {
          ti = task_index (self, task.id, TRUE, self->start_time);
          g_array_index (self->tasks, GolanesTimelineTask, ti).flags |= GOLANES_SPAN_OPEN_START;
        }
      t = &g_array_index (self->tasks, GolanesTimelineTask, ti);
      if (!(t->flags & GOLANES_SPAN_OPEN))
        return;
      t->end = ev->time;
      t->end_goroutine = ev->goroutine;
      t->flags &= ~GOLANES_SPAN_OPEN;
      if (t->type == 0 && task.type.len > 0)
        t->type = golanes_stack_table_intern_string (self->stacks, task.type.data, task.type.len);
    }
}

void
_golanes_timeline_handle_region (GolanesTimeline    *self,
                                 GolanesTraceReader *reader,
                                 const GolanesEvent *ev)
{
  GolanesRegion rg;
  guint32 gi, type, stack = 0;
  GArray *region_stack;
  gboolean has_stack = FALSE;
  guint64 ev_stack;

  if (!golanes_event_get_region (reader, ev, &rg) || ev->goroutine == GOLANES_NO_ID)
    return;
  gi = _golanes_timeline_goroutine_index (self, ev->goroutine, ev->time);
  type = golanes_stack_table_intern_string (self->stacks, rg.type.data, rg.type.len);
  ev_stack = golanes_event_get_stack (ev, &has_stack);
  if (has_stack && ev_stack != 0)
    stack = golanes_stack_table_intern (self->stacks, reader, ev_stack);
  region_stack = g_hash_table_lookup (self->region_stacks, GUINT_TO_POINTER (gi));
  if (region_stack == NULL)
    {
      region_stack = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_hash_table_insert (self->region_stacks, GUINT_TO_POINTER (gi), region_stack);
    }

  if (ev->kind == GOLANES_EVENT_REGION_BEGIN)
    {
      GolanesTimelineRegion r;

      memset (&r, 0, sizeof r);
      r.start = ev->time;
      r.end = ev->time;
      r.task = rg.task;
      r.goroutine = ev->goroutine;
      r.type = type;
      r.stack = stack;
      r.level = region_stack->len;
      r.flags = GOLANES_SPAN_OPEN;
      g_array_append_val (self->regions, r);
      g_array_append_vals (region_stack, &(guint32) { self->regions->len - 1 }, 1);
    }
  else
    {
      guint k = region_stack->len;
      GolanesTimelineRegion *r;

      /* The innermost open region of that type. */
      while (k > 0 &&
             g_array_index (self->regions, GolanesTimelineRegion,
                            g_array_index (region_stack, guint32, k - 1)).type != type)
        k--;
      if (k == 0)
        {
          GolanesTimelineRegion nr;
          Goroutine *g = GOROUTINE (self, gi);

          memset (&nr, 0, sizeof nr);
          nr.start = MIN (g->created, ev->time);
          nr.end = ev->time;
          nr.task = rg.task;
          nr.goroutine = ev->goroutine;
          nr.type = type;
          nr.stack = stack;
          nr.flags = GOLANES_SPAN_OPEN_START;
          g_array_append_val (self->regions, nr);
          return;
        }
      r = &g_array_index (self->regions, GolanesTimelineRegion,
                          g_array_index (region_stack, guint32, k - 1));
      r->end = ev->time;
      r->flags &= ~GOLANES_SPAN_OPEN;
      g_array_set_size (region_stack, k - 1);
    }
}

void
_golanes_timeline_handle_log (GolanesTimeline    *self,
                              GolanesTraceReader *reader,
                              const GolanesEvent *ev)
{
  GolanesLog log;
  GolanesTimelineLog l;
  gboolean has_stack = FALSE;
  guint64 stack;

  if (!golanes_event_get_log (reader, ev, &log))
    return;
  l.time = ev->time;
  l.goroutine = ev->goroutine;
  l.task = log.task;
  l.category = golanes_stack_table_intern_string (self->stacks, log.category.data, log.category.len);
  l.message = golanes_stack_table_intern_string (self->stacks, log.message.data, log.message.len);
  stack = golanes_event_get_stack (ev, &has_stack);
  l.stack = (has_stack && stack != 0) ? golanes_stack_table_intern (self->stacks, reader, stack) : 0;
  g_array_append_val (self->logs, l);
}

static int
region_order (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const GolanesTimelineRegion *regions = user_data;
  const GolanesTimelineRegion *x = &regions[*(const guint32 *) a];
  const GolanesTimelineRegion *y = &regions[*(const guint32 *) b];

  if (x->goroutine != y->goroutine)
    return x->goroutine < y->goroutine ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;   /* enclosing first */
  return *(const guint32 *) a < *(const guint32 *) b ? -1 : 1;
}

static int
region_level_order (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const GolanesTimelineRegion *regions = user_data;
  const GolanesTimelineRegion *x = &regions[*(const guint32 *) a];
  const GolanesTimelineRegion *y = &regions[*(const guint32 *) b];

  if (x->goroutine != y->goroutine)
    return x->goroutine < y->goroutine ? -1 : 1;
  if (x->level != y->level)
    return x->level < y->level ? -1 : 1;
  return region_order (a, b, user_data);
}

/* Levels = nesting depth, per goroutine.  The regions are then kept in
 * order of goroutine, level and start (self->region_order), from which
 * _golanes_timeline_region_level() makes a level's track when asked:
 * linear in the regions whatever their depth.  What a reader of the
 * unfinished model sees, the goroutines' levels, changes last. */
void
_golanes_timeline_finish_regions (GolanesTimeline *self,
                                  const Yield     *yield)
{
  GolanesTimelineRegion *regions = (GolanesTimelineRegion *) (void *) self->regions->data;
  guint n = self->regions->len, i, k;
  guint32 *order = g_new (guint32, MAX (n, 1));
  GArray *stack = g_array_new (FALSE, FALSE, sizeof (guint32));
  GArray *with_levels;

  for (i = 0; i < n; i++)
    {
      if (regions[i].flags & GOLANES_SPAN_OPEN)
        regions[i].end = self->end_time;
      order[i] = i;
      if (i % YIELD_ITEMS == YIELD_ITEMS - 1)
        yield_now (yield);
    }
  readers_in (yield);
  g_qsort_with_data (order, n, sizeof (guint32), region_order, regions);
  readers_out (yield);

  for (i = 0; i < n; i = k)
    {
      gint64 goid = regions[order[i]].goroutine;

      g_array_set_size (stack, 0);
      for (k = i; k < n && regions[order[k]].goroutine == goid; k++)
        {
          GolanesTimelineRegion *r = &regions[order[k]];

          while (stack->len > 0 &&
                 MAX (regions[g_array_index (stack, guint32, stack->len - 1)].end,
                      regions[g_array_index (stack, guint32, stack->len - 1)].start + 1) <= r->start)
            g_array_set_size (stack, stack->len - 1);
          r->level = stack->len;
          g_array_append_val (stack, order[k]);
        }
      if (i / YIELD_ITEMS != k / YIELD_ITEMS)
        yield_now (yield);
    }
  g_array_unref (stack);

  /* Within a level the order is the one above: region_order's. */
  readers_in (yield);
  g_qsort_with_data (order, n, sizeof (guint32), region_level_order, regions);
  readers_out (yield);
  self->region_order = order;
  with_levels = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (i = 0; i < n; i = k)
    {
      gint64 goid = regions[order[i]].goroutine;
      gint gidx = golanes_timeline_lookup_goroutine (self, goid);
      Goroutine *g = gidx < 0 ? NULL : is_hot (self, gidx) ? GOROUTINE (self, gidx) : _golanes_timeline_promote_cold (self, gidx);
      guint n_levels = 0;

      for (k = i; k < n && regions[order[k]].goroutine == goid; k++)
        n_levels = MAX (n_levels, regions[order[k]].level + 1);
      if (g != NULL && (goroutine_extra (g) == NULL || goroutine_extra (g)->n_region_levels == 0))
        {
          GoroutineExtra *e = goroutine_ensure_extra (g);

          e->region_first = i;
          e->region_count = k - i;
          e->n_region_levels = n_levels;
          g_array_append_val (with_levels, gidx);
        }
    }
  g_array_sort (with_levels, golanes_compare_uint32);
  self->region_goroutines = with_levels;
}

/* The packed tables' columns (see golanes-packed-table-private.h): ids
 * that may be "none" (-1, G_MAXUINT64) are kept plus one, so that none is
 * 0 beside the ids. */
enum { R_START, R_LENGTH, R_TASK, R_GOROUTINE, R_TYPE, R_STACK, R_LEVEL, R_FLAGS, R_COLS };
enum { L_TIME, L_GOROUTINE, L_TASK, L_CATEGORY, L_MESSAGE, L_STACK, L_COLS };
enum { T_ID, T_PARENT, T_PARENT_INDEX, T_TYPE, T_START, T_LENGTH, T_START_G, T_END_G, T_ROW, T_FLAGS, T_COLS };

void
_golanes_timeline_task_at (GolanesTimeline     *self,
                           guint                index,
                           GolanesTimelineTask *out)
{
  guint64 row[T_COLS];

  if (self->tasks != NULL)
    {
      *out = g_array_index (self->tasks, GolanesTimelineTask, index);
      return;
    }
  _golanes_packed_table_get (&self->task_table, index, row);
  memset (out, 0, sizeof *out);
  out->id = row[T_ID];
  out->parent = row[T_PARENT] - 1;
  out->parent_index = (gint32) (row[T_PARENT_INDEX] - 1);
  out->type = (guint32) row[T_TYPE];
  out->start = (gint64) row[T_START];
  out->end = (gint64) (row[T_START] + row[T_LENGTH]);
  out->start_goroutine = (gint64) (row[T_START_G] - 1);
  out->end_goroutine = (gint64) (row[T_END_G] - 1);
  out->row = (guint32) row[T_ROW];
  out->flags = (guint8) row[T_FLAGS];
}

void
_golanes_timeline_region_at (GolanesTimeline       *self,
                             guint                  index,
                             GolanesTimelineRegion *out)
{
  guint64 row[R_COLS];

  if (self->regions != NULL)
    {
      *out = g_array_index (self->regions, GolanesTimelineRegion, index);
      return;
    }
  _golanes_packed_table_get (&self->region_table, index, row);
  memset (out, 0, sizeof *out);
  out->start = (gint64) row[R_START];
  out->end = (gint64) (row[R_START] + row[R_LENGTH]);
  out->task = row[R_TASK] - 1;
  out->goroutine = (gint64) (row[R_GOROUTINE] - 1);
  out->type = (guint32) row[R_TYPE];
  out->stack = (guint32) row[R_STACK];
  out->level = (guint32) row[R_LEVEL];
  out->flags = (guint8) row[R_FLAGS];
}

void
_golanes_timeline_log_at (GolanesTimeline    *self,
                          guint               index,
                          GolanesTimelineLog *out)
{
  guint64 row[L_COLS];

  if (self->logs != NULL)
    {
      *out = g_array_index (self->logs, GolanesTimelineLog, index);
      return;
    }
  _golanes_packed_table_get (&self->log_table, index, row);
  memset (out, 0, sizeof *out);
  out->time = (gint64) row[L_TIME];
  out->goroutine = (gint64) (row[L_GOROUTINE] - 1);
  out->task = row[L_TASK] - 1;
  out->category = (guint32) row[L_CATEGORY];
  out->message = (guint32) row[L_MESSAGE];
  out->stack = (guint32) row[L_STACK];
}

void
_golanes_timeline_pack_annotations (GolanesTimeline *self)
{
  guint i;

  if (self->tasks != NULL)
    {
      _golanes_packed_table_init (&self->task_table, T_COLS,
                                  1u << T_TYPE | 1u << T_ROW | 1u << T_FLAGS);
      for (i = 0; i < self->tasks->len; i++)
        {
          const GolanesTimelineTask *t = &g_array_index (self->tasks, GolanesTimelineTask, i);
          guint64 row[T_COLS];

          row[T_ID] = t->id;
          row[T_PARENT] = t->parent + 1;
          row[T_PARENT_INDEX] = (guint64) (gint64) t->parent_index + 1;
          row[T_TYPE] = t->type;
          row[T_START] = (guint64) t->start;
          row[T_LENGTH] = (guint64) t->end - (guint64) t->start;
          row[T_START_G] = (guint64) t->start_goroutine + 1;
          row[T_END_G] = (guint64) t->end_goroutine + 1;
          row[T_ROW] = t->row;
          row[T_FLAGS] = t->flags;
          _golanes_packed_table_append (&self->task_table, row);
        }
      _golanes_packed_table_finish (&self->task_table);
      g_clear_pointer (&self->tasks, g_array_unref);
    }
  if (self->regions != NULL)
    {
      _golanes_packed_table_init (&self->region_table, R_COLS,
                                  1u << R_TYPE | 1u << R_STACK | 1u << R_LEVEL | 1u << R_FLAGS);
      for (i = 0; i < self->regions->len; i++)
        {
          const GolanesTimelineRegion *r = &g_array_index (self->regions, GolanesTimelineRegion, i);
          guint64 row[R_COLS];

          row[R_START] = (guint64) r->start;
          row[R_LENGTH] = (guint64) r->end - (guint64) r->start;
          row[R_TASK] = r->task + 1;
          row[R_GOROUTINE] = (guint64) r->goroutine + 1;
          row[R_TYPE] = r->type;
          row[R_STACK] = r->stack;
          row[R_LEVEL] = r->level;
          row[R_FLAGS] = r->flags;
          _golanes_packed_table_append (&self->region_table, row);
        }
      _golanes_packed_table_finish (&self->region_table);
      g_clear_pointer (&self->regions, g_array_unref);
    }
  if (self->logs != NULL)
    {
      _golanes_packed_table_init (&self->log_table, L_COLS,
                                  1u << L_CATEGORY | 1u << L_MESSAGE | 1u << L_STACK);
      for (i = 0; i < self->logs->len; i++)
        {
          const GolanesTimelineLog *l = &g_array_index (self->logs, GolanesTimelineLog, i);
          guint64 row[L_COLS];

          row[L_TIME] = (guint64) l->time;
          row[L_GOROUTINE] = (guint64) l->goroutine + 1;
          row[L_TASK] = l->task + 1;
          row[L_CATEGORY] = l->category;
          row[L_MESSAGE] = l->message;
          row[L_STACK] = l->stack;
          _golanes_packed_table_append (&self->log_table, row);
        }
      _golanes_packed_table_finish (&self->log_table);
      g_clear_pointer (&self->logs, g_array_unref);
    }
}

GolanesTrack *
_golanes_timeline_region_level (GolanesTimeline *self,
                                GoroutineExtra  *e,
                                guint            level)
{
  GolanesTrack **levels = __atomic_load_n (&e->region_levels, __ATOMIC_ACQUIRE);
  GolanesTrack *track;
  guint32 lo, hi;

  g_assert (level < e->n_region_levels);
  if (levels != NULL && (track = __atomic_load_n (&levels[level], __ATOMIC_ACQUIRE)) != NULL)
    return track;

  g_mutex_lock (&self->expand_lock);
  if (e->region_levels == NULL)
    __atomic_store_n (&e->region_levels, g_new0 (GolanesTrack *, e->n_region_levels), __ATOMIC_RELEASE);
  track = e->region_levels[level];
  if (track == NULL)
    {
      /* The first of the goroutine's regions at @level or deeper. */
      lo = e->region_first;
      hi = e->region_first + e->region_count;
      while (lo < hi)
        {
          guint32 mid = lo + (hi - lo) / 2;
          GolanesTimelineRegion r;

          _golanes_timeline_region_at (self, self->region_order[mid], &r);
          if (r.level < level)
            lo = mid + 1;
          else
            hi = mid;
        }
      track = golanes_track_new ();
      for (; lo < e->region_first + e->region_count; lo++)
        {
          GolanesTimelineRegion r;

          _golanes_timeline_region_at (self, self->region_order[lo], &r);
          if (r.level != level)
            break;
          golanes_track_append (track, r.start, r.end, 0, 0, self->region_order[lo], r.flags);
        }
      golanes_track_finish (track, self->end_time);
      __atomic_store_n (&e->region_levels[level], track, __ATOMIC_RELEASE);
    }
  g_mutex_unlock (&self->expand_lock);
  return track;
}

static int
task_order (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  const GolanesTimelineTask *tasks = user_data;
  const GolanesTimelineTask *x = &tasks[*(const guint32 *) a];
  const GolanesTimelineTask *y = &tasks[*(const guint32 *) b];

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return *(const guint32 *) a < *(const guint32 *) b ? -1 : 1;
}

/* Binary min-heaps for the rows of _golanes_timeline__golanes_timeline_finish_tasks(): of busy rows by the
 * time they end, and of free rows by number. */
typedef struct
{
  gint64  end;
  guint32 row;
} BusyRow;

static void
busy_push (GArray  *heap,
           gint64   end,
           guint32  row)
{
  BusyRow v = { end, row };
  BusyRow *h;
  guint i;

  g_array_append_val (heap, v);
  h = (BusyRow *) (void *) heap->data;
  for (i = heap->len - 1; i > 0 && h[(i - 1) / 2].end > v.end; i = (i - 1) / 2)
    h[i] = h[(i - 1) / 2];
  h[i] = v;
}

static void
busy_pop (GArray *heap)
{
  BusyRow *h = (BusyRow *) (void *) heap->data;
  BusyRow v = h[heap->len - 1];
  guint n = heap->len - 1, i = 0;

  for (;;)
    {
      guint c = 2 * i + 1;

      if (c >= n)
        break;
      if (c + 1 < n && h[c + 1].end < h[c].end)
        c++;
      if (h[c].end >= v.end)
        break;
      h[i] = h[c];
      i = c;
    }
  if (n > 0)
    h[i] = v;
  g_array_set_size (heap, n);
}

static void
free_push (GArray  *heap,
           guint32  row)
{
  guint32 *h;
  guint i;

  g_array_append_val (heap, row);
  h = (guint32 *) (void *) heap->data;
  for (i = heap->len - 1; i > 0 && h[(i - 1) / 2] > row; i = (i - 1) / 2)
    h[i] = h[(i - 1) / 2];
  h[i] = row;
}

static guint32
free_pop (GArray *heap)
{
  guint32 *h = (guint32 *) (void *) heap->data;
  guint32 top = h[0], v = h[heap->len - 1];
  guint n = heap->len - 1, i = 0;

  for (;;)
    {
      guint c = 2 * i + 1;

      if (c >= n)
        break;
      if (c + 1 < n && h[c + 1] < h[c])
        c++;
      if (h[c] >= v)
        break;
      h[i] = h[c];
      i = c;
    }
  if (n > 0)
    h[i] = v;
  g_array_set_size (heap, n);
  return top;
}

/* Tasks in rows: in order of start, each in the first row free by then
 * (first fit; the rows busy and free are heaps, so a trace of a million
 * tasks open at once takes n log n, not n^2).  A row's track is made on
 * first request, by _golanes_timeline_task_row().  The count of rows,
 * which readers of the unfinished model see, is set last. */
void
_golanes_timeline_finish_tasks (GolanesTimeline *self,
                                const Yield     *yield)
{
  GolanesTimelineTask *tasks = (GolanesTimelineTask *) (void *) self->tasks->data;
  guint n = self->tasks->len, i, r, n_rows = 0;
  guint32 *order = g_new (guint32, MAX (n, 1));
  GArray *busy = g_array_new (FALSE, FALSE, sizeof (BusyRow));
  GArray *free_rows = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (i = 0; i < n; i++)
    {
      if (tasks[i].flags & GOLANES_SPAN_OPEN)
        tasks[i].end = self->end_time;
      if (tasks[i].parent != GOLANES_NO_TASK)
        tasks[i].parent_index = (gint32) task_index (self, tasks[i].parent, FALSE, 0);
      order[i] = i;
      if (i % YIELD_ITEMS == YIELD_ITEMS - 1)
        yield_now (yield);
    }
  readers_in (yield);
  g_qsort_with_data (order, n, sizeof (guint32), task_order, tasks);
  readers_out (yield);
  for (i = 0; i < n; i++)
    {
      GolanesTimelineTask *t = &tasks[order[i]];

      while (busy->len > 0 && g_array_index (busy, BusyRow, 0).end <= t->start)
        {
          free_push (free_rows, g_array_index (busy, BusyRow, 0).row);
          busy_pop (busy);
        }
      r = free_rows->len > 0 ? free_pop (free_rows) : n_rows++;
      busy_push (busy, MAX (t->end, t->start + 1), r);
      t->row = r;
      if (i % YIELD_ITEMS == YIELD_ITEMS - 1)
        yield_now (yield);
    }
  g_array_unref (busy);
  g_array_unref (free_rows);

  /* The tasks of each row, in the order above. */
  self->task_row_first = g_new0 (guint32, n_rows + 1);
  for (i = 0; i < n; i++)
    self->task_row_first[tasks[i].row + 1]++;
  for (r = 0; r < n_rows; r++)
    self->task_row_first[r + 1] += self->task_row_first[r];
  self->task_row_order = g_new (guint32, MAX (n, 1));
  {
    g_autofree guint32 *fill = g_memdup2 (self->task_row_first, (n_rows + 1) * sizeof (guint32));

    for (i = 0; i < n; i++)
      self->task_row_order[fill[tasks[order[i]].row]++] = order[i];
  }
  self->task_row_tracks = g_new0 (GolanesTrack *, MAX (n_rows, 1));
  self->n_task_rows = n_rows;
  g_free (order);
}

GolanesTrack *
_golanes_timeline_task_row (GolanesTimeline *self,
                            guint            row)
{
  GolanesTrack *track = __atomic_load_n (&self->task_row_tracks[row], __ATOMIC_ACQUIRE);
  guint32 k;

  if (track != NULL)
    return track;
  g_mutex_lock (&self->expand_lock);
  track = self->task_row_tracks[row];
  if (track == NULL)
    {
      track = golanes_track_new ();
      for (k = self->task_row_first[row]; k < self->task_row_first[row + 1]; k++)
        {
          GolanesTimelineTask t;

          _golanes_timeline_task_at (self, self->task_row_order[k], &t);
          golanes_track_append (track, t.start, t.end, 0, 0, self->task_row_order[k], t.flags);
        }
      golanes_track_finish (track, self->end_time);
      __atomic_store_n (&self->task_row_tracks[row], track, __ATOMIC_RELEASE);
    }
  g_mutex_unlock (&self->expand_lock);
  return track;
}
