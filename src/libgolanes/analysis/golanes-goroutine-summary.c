/* golanes-goroutine-summary.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "golanes-goroutine-summary-private.h"

#define SPARE_MAX   1024

/* A small map from string id to time, as an array: a goroutine meets few
 * block reasons and ranges, most none. */
typedef struct
{
  Entry   *v;
  guint32  len;
  guint32  cap;
} Entries;

/* An open region: its task, begin and type (see GolanesRegionKey). */
typedef struct
{
  guint64  task;
  gint64   start_time;
  guint32  type;
  gboolean has_start;
} Region;

typedef struct
{
  gint64  id;
  guint32 name;
  guint64 pc;
  gint64  creation_time;
  gint64  start_time;
  gint64  end_time;
  gint64  total_time;
  gint64  exec_time;
  gint64  sched_wait_time;
  gint64  syscall_time;
  gint64  syscall_block_time;
  Entries block_times;
  Entries range_times;
  guint64 serial;           /* of this goroutine's state, for its regions */
  guint   n_regions;        /* regions recorded under @serial */

  /* Open intervals; a time of 0 means none, as in Go. */
  gint64  last_start;
  gint64  last_runnable;
  gint64  last_block;
  guint32 last_block_reason;
  gint64  last_syscall;
  gint64  last_syscall_block;
  Entries last_range;       /* range name -> start */
  GArray *active_regions;   /* Region, innermost last */
} GState;

typedef struct
{
  guint64     id;
  guint32     name;
  guint64     parent;
  gboolean    has_start;
  gboolean    has_end;
  gint64      start_time;
  gint64      end_time;
  guint       n_logs;
  guint       n_regions;
  /* The goroutines it touched: the first in @goroutine, the others (a
   * set of gint64) in @goroutines, made for a second one.  A trace may
   * hold a million tasks, nearly all of them on one goroutine. */
  gboolean    has_goroutine;
  gint64      goroutine;
  GHashTable *goroutines;
} TState;

typedef struct
{
  gint64  proc;
  guint32 name;
} ProcRange;

static void store_g    (GolanesGoroutineSummary *self,
                        GState                  *g);
static void store_clear (Store *store);
static void free_live  (GolanesGoroutineSummary *self);

static void
free_region_array (GArray *a)
{
  if (a != NULL)
    g_array_unref (a);
}

static void
g_state_free (gpointer data)
{
  GState *g = data;

  g_free (g->block_times.v);
  g_free (g->range_times.v);
  g_free (g->last_range.v);
  free_region_array (g->active_regions);
  g_free (g);
}

static void
t_state_free (gpointer data)
{
  TState *t = data;

  if (t->goroutines != NULL)
    g_hash_table_unref (t->goroutines);
  g_free (t);
}

GolanesGoroutineSummary *
golanes_goroutine_summary_new (GolanesStackTable *stacks)
{
  GolanesGoroutineSummary *self = g_new0 (GolanesGoroutineSummary, 1);

  _golanes_cold_store_init (&self->store.cold);

  self->own_stacks = stacks == NULL;
  self->stacks = stacks != NULL ? stacks : golanes_stack_table_new ();
  self->tasks = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, t_state_free);
  golanes_id_map_init (&self->by_id);
  golanes_id_map_init (&self->syscalling_p);
  golanes_id_map_init (&self->syscalling_g);
  self->ranges_p = g_array_new (FALSE, FALSE, sizeof (ProcRange));
  self->ranges_p_g = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->str_forever = golanes_stack_table_intern_string (self->stacks, "forever", 7);
  self->strings = g_string_chunk_new (1024);
  self->spare = g_ptr_array_new_with_free_func (g_free);
  golanes_id_map_init (&self->group_of);
  golanes_id_map_init (&self->pc_of);
  self->group_names = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->group_blocks = g_ptr_array_new ();
  self->zero_total = g_array_new (FALSE, FALSE, sizeof (GState *));
  self->info_arrays = g_ptr_array_new_with_free_func (g_free);
  self->groups = g_array_new (FALSE, FALSE, sizeof (GolanesGoroutineGroup));
  _golanes_region_log_init (&self->regions);
  self->task_list = g_array_new (FALSE, FALSE, sizeof (GolanesUserTask));
  return self;
}

void
golanes_goroutine_summary_free (GolanesGoroutineSummary *self)
{
  if (self == NULL)
    return;
  free_live (self);
  g_hash_table_unref (self->tasks);
  golanes_id_map_clear (&self->by_id);
  golanes_id_map_clear (&self->syscalling_p);
  golanes_id_map_clear (&self->syscalling_g);
  g_array_unref (self->ranges_p);
  g_array_unref (self->ranges_p_g);
  g_string_chunk_free (self->strings);
  g_ptr_array_unref (self->spare);
  store_clear (&self->store);
  golanes_id_map_clear (&self->group_of);
  golanes_id_map_clear (&self->pc_of);
  g_array_unref (self->group_names);
  for (guint k = 0; k < self->group_blocks->len; k++)
    {
      Entries *e = g_ptr_array_index (self->group_blocks, k);

      g_free (e->v);
      g_free (e);
    }
  g_ptr_array_unref (self->group_blocks);
  g_array_unref (self->zero_total);
  g_free (self->by_id_order);
  g_free (self->order_anchors);
  g_free (self->group_by_index);
  if (self->infos != NULL)
    g_array_unref (self->infos);
  g_ptr_array_unref (self->info_arrays);
  g_array_unref (self->groups);
  _golanes_region_log_clear (&self->regions);
  g_array_unref (self->task_list);
  if (self->own_stacks)
    golanes_stack_table_free (self->stacks);
  g_free (self);
}

static Entry *
entry_find (Entries *arr,
            guint32  name)
{
  guint i;

  for (i = 0; i < arr->len; i++)
    if (arr->v[i].name == name)
      return &arr->v[i];
  return NULL;
}

static void
entry_append (Entries *arr,
              guint32  name,
              gint64   t)
{
  if (arr->len == arr->cap)
    {
      arr->cap = MAX (2, arr->cap * 2);
      arr->v = g_renew (Entry, arr->v, arr->cap);
    }
  arr->v[arr->len].name = name;
  arr->v[arr->len].time = t;
  arr->len++;
}

static void
entry_add (Entries *arr,
           guint32  name,
           gint64   dt)
{
  Entry *e = entry_find (arr, name);

  if (e != NULL)
    e->time += dt;
  else
    entry_append (arr, name, dt);
}

static void
entry_set (Entries *arr,
           guint32  name,
           gint64   t)
{
  Entry *e = entry_find (arr, name);

  if (e != NULL)
    e->time = t;
  else
    entry_append (arr, name, t);
}

static void
entry_remove (Entries *arr,
              guint32  name)
{
  Entry *e = entry_find (arr, name);

  if (e != NULL)
    *e = arr->v[--arr->len];
}

static gint64 *
int64_dup (gint64 v)
{
  gint64 *p = g_new (gint64, 1);

  *p = v;
  return p;
}

static GState *
g_state_new (GolanesGoroutineSummary *self,
             gint64                   id,
             gint64                   creation_time)
{
  GState *g;

  if (self->spare->len > 0)
    {
      g = g_ptr_array_steal_index_fast (self->spare, self->spare->len - 1);
      memset (g, 0, sizeof *g);
    }
  else
    g = g_new0 (GState, 1);
  g->id = id;
  g->creation_time = creation_time;
  g->serial = self->next_serial++;
  /* Replaces any earlier live goroutine of this id, like Go's map store. */
  {
    guint64 *slot = golanes_id_map_find (&self->by_id, (guint64) id);

    if (slot != NULL)
      {
        GState *old = (GState *) (gsize) *slot;

        _golanes_region_log_drop (&self->regions, old->serial, old->n_regions);
        g_state_free (old);
        *slot = (guint64) (gsize) g;
      }
    else
      golanes_id_map_insert (&self->by_id, (guint64) id, (guint64) (gsize) g);
  }
  return g;
}

static GState *
lookup_g (GolanesGoroutineSummary *self,
          gint64                   id)
{
  guint64 v;

  if (golanes_id_map_lookup (&self->by_id, (guint64) id, &v))
    return (GState *) (gsize) v;
  return NULL;
}

static TState *
get_or_add_task (GolanesGoroutineSummary *self,
                 guint64                  id)
{
  TState *t = g_hash_table_lookup (self->tasks, &id);

  if (t == NULL)
    {
      t = g_new0 (TState, 1);
      t->id = id;
      t->parent = GOLANES_NO_TASK;
      g_hash_table_insert (self->tasks, &t->id, t);
    }
  return t;
}

static void
task_add_goroutine (TState *t,
                    gint64  goroutine)
{
  if (!t->has_goroutine)
    {
      t->has_goroutine = TRUE;
      t->goroutine = goroutine;
      return;
    }
  if (goroutine == t->goroutine)
    return;
  if (t->goroutines == NULL)
    t->goroutines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (!g_hash_table_contains (t->goroutines, &goroutine))
    g_hash_table_add (t->goroutines, int64_dup (goroutine));
}

static guint32
intern (GolanesGoroutineSummary *self,
        GolanesStr               s)
{
  return golanes_stack_table_intern_string (self->stacks, s.data, s.len);
}

/* Reasons come from the generation's string table, whose strings stay put
 * until the next Sync: the same string is interned once per run. */
static guint32
intern_reason (GolanesGoroutineSummary *self,
               GolanesStr               s)
{
  if (s.data != self->reason_data || s.len != self->reason_len)
    {
      self->reason_data = s.data;
      self->reason_len = s.len;
      self->reason_id = intern (self, s);
    }
  return self->reason_id;
}

static const char *
table_string (GolanesGoroutineSummary *self,
              guint32                  id)
{
  const char *s = id != 0 ? golanes_stack_table_get_string (self->stacks, id, NULL) : NULL;

  return s != NULL ? s : "";
}

gboolean
golanes_is_system_goroutine (const char *name)
{
  return name == NULL || name[0] == '\0' ||
         (strcmp (name, "runtime.main") != 0 && g_str_has_prefix (name, "runtime."));
}

/* The type of a region named @name (a string id) that begins at @event:
 * with the outermost frame of the event's stack, if it has one. */
static guint32
region_type (GolanesGoroutineSummary *self,
             GolanesTraceReader      *reader,
             const GolanesEvent      *event,
             guint32                  name)
{
  GolanesStackFrame frames[GOLANES_MAX_STACK_FRAMES];
  GolanesRegionKey key = { name, 0, 0, 0, 0 };
  gboolean has_stack = FALSE;
  guint64 id = event != NULL ? golanes_event_get_stack (event, &has_stack) : 0;
  int n;

  if (has_stack)
    {
      n = golanes_trace_reader_get_stack (reader, id, frames, G_N_ELEMENTS (frames));
      if (n > 0)
        {
          n = MIN (n, (int) G_N_ELEMENTS (frames));
          key.func = intern (self, frames[n - 1].func);
          key.file = intern (self, frames[n - 1].file);
          key.pc = frames[n - 1].pc;
          key.line = frames[n - 1].line;
        }
    }
  return _golanes_region_log_intern_type (&self->regions, &key);
}

/* Records a region of @g that ended at @end_time, or is still open at the
 * trace end (!@has_end). */
static void
record_region (GolanesGoroutineSummary *self,
               GState                  *g,
               guint32                  type,
               gboolean                 has_start,
               gint64                   start_time,
               gboolean                 has_end,
               gint64                   end_time)
{
  _golanes_region_log_append (&self->regions, g->serial, type, has_start, start_time, has_end, end_time);
  g->n_regions++;
}

/* Closes the goroutine's books at @t: pending intervals are added, open
 * regions of user goroutines end at @trigger (or stay open at the trace
 * end), and the pending state is dropped. */
static void
finalize_g (GolanesGoroutineSummary *self,
            GState                  *g,
            gint64                   t,
            const GolanesEvent      *trigger)
{
  guint i;

  if (trigger != NULL)
    g->end_time = trigger->time;
  if (g->total_time == 0)
    g->total_time = t - g->creation_time;
  if (g->last_start != 0)
    g->exec_time += t - g->last_start;
  if (g->last_runnable != 0)
    g->sched_wait_time += t - g->last_runnable;
  if (g->last_block != 0)
    entry_add (&g->block_times, g->last_block_reason, t - g->last_block);
  if (g->last_syscall != 0)
    g->syscall_time += t - g->last_syscall;
  /* Go's quirk: the blocked part of a syscall still open here is counted
   * as sched wait time too. */
  if (g->last_syscall_block != 0)
    g->sched_wait_time += t - g->last_syscall_block;
  for (i = 0; i < g->last_range.len; i++)
    entry_add (&g->range_times, g->last_range.v[i].name, t - g->last_range.v[i].time);

  /* Runtime goroutines can inherit a task at creation but are never part
   * of regions. */
  if (g->active_regions != NULL && !golanes_is_system_goroutine (table_string (self, g->name)))
    {
      for (i = 0; i < g->active_regions->len; i++)
        {
          const Region *r = &g_array_index (g->active_regions, Region, i);

          record_region (self, g, r->type, r->has_start, r->start_time,
                         trigger != NULL, trigger != NULL ? trigger->time : 0);
        }
    }

  g->last_start = 0;
  g->last_runnable = 0;
  g->last_block = 0;
  g->last_block_reason = 0;
  g->last_syscall = 0;
  g->last_syscall_block = 0;
  g->last_range.len = 0;
  if (g->active_regions != NULL)
    g_array_set_size (g->active_regions, 0);
}

static void
goroutine_transition (GolanesGoroutineSummary *self,
                      GolanesTraceReader      *reader,
                      const GolanesEvent      *event,
                      const GolanesStateTransition *st)
{
  gint64 id = st->resource.id;
  gint64 t = event->time;
  GState *g = lookup_g (self, id);
  guint32 reason;

  if (st->from == st->to)
    return;

  switch (st->from)
    {
    case GOLANES_GO_UNDETERMINED:
      {
        /* First seen already existing: it was there at the last Sync, and
         * has been in its current state since then. */
        gint64 dt = t - self->sync_ts;

        g = g_state_new (self, id, self->sync_ts);
        switch (st->to)
          {
          case GOLANES_GO_RUNNING:
            g->exec_time += dt;
            break;
          case GOLANES_GO_WAITING:
            entry_add (&g->block_times, intern_reason (self, st->reason), dt);
            break;
          case GOLANES_GO_RUNNABLE:
            g->sched_wait_time += dt;
            break;
          case GOLANES_GO_SYSCALL:
            /* Without a P the syscall was already blocked. */
            if (event->proc == GOLANES_NO_ID)
              g->syscall_block_time += dt;
            else
              g->syscall_time += dt;
            break;
          default:
            break;
          }
      }
      break;
    case GOLANES_GO_NOT_EXIST:
      {
        GState *creator = lookup_g (self, event->goroutine);

        g = g_state_new (self, id, t);
        /* A goroutine created inside a region inherits its task through a
         * nameless region that starts at the creation. */
        if (creator != NULL && creator->active_regions != NULL && creator->active_regions->len > 0)
          {
            Region r = { 0 };

            r.task = g_array_index (creator->active_regions, Region,
                                    creator->active_regions->len - 1).task;
            r.has_start = TRUE;
            r.start_time = t;
            r.type = region_type (self, reader, event, 0);
            g->active_regions = g_array_new (FALSE, FALSE, sizeof (Region));
            g_array_append_val (g->active_regions, r);
          }
      }
      break;
    case GOLANES_GO_RUNNING:
      if (g == NULL)
        g = g_state_new (self, id, self->sync_ts);
      /* (Go adds t - 0 if it never saw the start; that cannot happen for
       * a goroutine that is known to be running.) */
      if (g->last_start != 0)
        g->exec_time += t - g->last_start;
      g->last_start = 0;
      break;
    case GOLANES_GO_WAITING:
      if (g == NULL)
        g = g_state_new (self, id, self->sync_ts);
      if (g->last_block != 0)
        {
          entry_add (&g->block_times, g->last_block_reason, t - g->last_block);
          g->last_block = 0;
        }
      break;
    case GOLANES_GO_RUNNABLE:
      if (g == NULL)
        g = g_state_new (self, id, self->sync_ts);
      if (g->last_runnable != 0)
        {
          g->sched_wait_time += t - g->last_runnable;
          g->last_runnable = 0;
        }
      break;
    case GOLANES_GO_SYSCALL:
      if (g == NULL)
        g = g_state_new (self, id, self->sync_ts);
      if (g->last_syscall != 0)
        {
          guint64 bound = 0;

          if (g->last_syscall_block != 0)
            {
              g->syscall_block_time += t - g->last_syscall_block;
              g->syscall_time += g->last_syscall_block - g->last_syscall;
            }
          else
            g->syscall_time += t - g->last_syscall;
          g->last_syscall = 0;
          g->last_syscall_block = 0;

          /* Unbind; like Go, a missing binding reads as P 0. */
          golanes_id_map_lookup (&self->syscalling_g, (guint64) id, &bound);
          golanes_id_map_remove (&self->syscalling_p, bound);
          golanes_id_map_remove (&self->syscalling_g, (guint64) id);
        }
      break;
    default:
      if (g == NULL)
        g = g_state_new (self, id, self->sync_ts);
      break;
    }

  /* Name the goroutine after the root frame of the first transition stack
   * seen. */
  if (g->name == 0 && st->has_stack && st->stack != 0)
    {
      /* Through the table's stacks: a generation's stack ids are looked
       * up once, not hashed again for each of a million goroutines. */
      guint n;
      const GolanesFrame *frames =
        golanes_stack_table_get_frames (self->stacks, golanes_stack_table_intern (self->stacks, reader, st->stack), &n);

      if (n > 0)
        {
          g->pc = frames[n - 1].pc;
          g->name = frames[n - 1].func;
        }
    }

  switch (st->to)
    {
    case GOLANES_GO_RUNNING:
      g->last_start = t;
      if (g->start_time == 0)
        g->start_time = t;
      break;
    case GOLANES_GO_RUNNABLE:
      g->last_runnable = t;
      break;
    case GOLANES_GO_WAITING:
      reason = intern_reason (self, st->reason);
      if (reason != self->str_forever)
        {
          g->last_block = t;
          g->last_block_reason = reason;
          break;
        }
      /* Blocked forever: as good as gone. */
      finalize_g (self, g, t, event);
      break;
    case GOLANES_GO_NOT_EXIST:
      finalize_g (self, g, t, event);
      store_g (self, g);
      break;
    case GOLANES_GO_SYSCALL:
      golanes_id_map_replace (&self->syscalling_p, (guint64) event->proc, (guint64) id);
      golanes_id_map_replace (&self->syscalling_g, (guint64) id, (guint64) event->proc);
      g->last_syscall = t;
      break;
    default:
      break;
    }
}

static void
proc_transition (GolanesGoroutineSummary      *self,
                 const GolanesEvent           *event,
                 const GolanesStateTransition *st)
{
  gint64 proc = st->resource.id;
  guint64 goid;

  /* A P going idle under a goroutine in a syscall: the syscall blocked. */
  if (st->from == st->to || st->to != GOLANES_PROC_IDLE)
    return;
  if (golanes_id_map_lookup (&self->syscalling_p, (guint64) proc, &goid))
    {
      GState *g = lookup_g (self, (gint64) goid);

      if (g != NULL)
        g->last_syscall_block = event->time;
      golanes_id_map_remove (&self->syscalling_p, (guint64) proc);
    }
}

static guint32
range_name (GolanesGoroutineSummary *self,
            const GolanesRange      *r)
{
  switch (r->type)
    {
    case GOLANES_RANGE_STW:
      {
        g_autofree char *s = g_strdup_printf ("stop-the-world (%.*s)", (int) r->detail.len,
                                              r->detail.data != NULL ? r->detail.data : "");

        return golanes_stack_table_intern_string (self->stacks, s, strlen (s));
      }
    case GOLANES_RANGE_GC_MARK:
      return golanes_stack_table_intern_string (self->stacks, "GC concurrent mark phase", 24);
    case GOLANES_RANGE_GC_SWEEP:
      return golanes_stack_table_intern_string (self->stacks, "GC incremental sweep", 20);
    case GOLANES_RANGE_GC_MARK_ASSIST:
      return golanes_stack_table_intern_string (self->stacks, "GC mark assist", 14);
    default:
      return 0;
    }
}

static gint
find_range_p (GolanesGoroutineSummary *self,
              gint64                   proc,
              guint32                  name)
{
  guint i;

  for (i = 0; i < self->ranges_p->len; i++)
    {
      const ProcRange *pr = &g_array_index (self->ranges_p, ProcRange, i);

      if (pr->proc == proc && pr->name == name)
        return (gint) i;
    }
  return -1;
}

static void
range_event (GolanesGoroutineSummary *self,
             GolanesTraceReader      *reader,
             const GolanesEvent      *event)
{
  GolanesRange r;
  GState *g = NULL;
  guint32 name;
  gint idx;

  if (!golanes_event_get_range (reader, event, &r))
    return;
  name = range_name (self, &r);

  if (event->kind == GOLANES_EVENT_RANGE_BEGIN || event->kind == GOLANES_EVENT_RANGE_ACTIVE)
    {
      if (r.scope.kind == GOLANES_RESOURCE_GOROUTINE)
        g = lookup_g (self, r.scope.id);
      else if (r.scope.kind == GOLANES_RESOURCE_PROC)
        {
          /* P ranges (sweeps) are credited to the goroutine running on the
           * P, if it is still the one there when the range ends. */
          g = lookup_g (self, event->goroutine);
          if (g != NULL)
            {
              idx = find_range_p (self, r.scope.id, name);
              if (idx < 0)
                {
                  ProcRange pr = { r.scope.id, name };

                  g_array_append_val (self->ranges_p, pr);
                  g_array_append_val (self->ranges_p_g, event->goroutine);
                }
              else
                g_array_index (self->ranges_p_g, gint64, idx) = event->goroutine;
            }
        }
      if (g == NULL)
        return;
      if (event->kind == GOLANES_EVENT_RANGE_ACTIVE)
        {
          /* Already open at the last Sync. */
          Entry *e = entry_find (&g->last_range, name);

          if (e != NULL && e->time != 0)
            entry_add (&g->range_times, name, self->sync_ts - e->time);
          entry_set (&g->last_range, name, self->sync_ts);
        }
      else
        entry_set (&g->last_range, name, event->time);
      return;
    }

  /* Range end. */
  if (r.scope.kind == GOLANES_RESOURCE_GOROUTINE)
    g = lookup_g (self, r.scope.id);
  else if (r.scope.kind == GOLANES_RESOURCE_PROC)
    {
      idx = find_range_p (self, r.scope.id, name);
      if (idx >= 0)
        {
          gint64 goid = g_array_index (self->ranges_p_g, gint64, idx);

          if (goid == event->goroutine)
            g = lookup_g (self, goid);
          g_array_remove_index_fast (self->ranges_p, idx);
          g_array_remove_index_fast (self->ranges_p_g, idx);
        }
    }
  if (g == NULL)
    return;
  {
    Entry *e = entry_find (&g->last_range, name);

    if (e == NULL || e->time == 0)
      return;
    entry_add (&g->range_times, name, event->time - e->time);
    entry_remove (&g->last_range, name);
  }
}

static void
region_event (GolanesGoroutineSummary *self,
              GolanesTraceReader      *reader,
              const GolanesEvent      *event)
{
  GolanesRegion reg;
  GState *g = lookup_g (self, event->goroutine);
  TState *task;
  Region r = { 0 };

  if (!golanes_event_get_region (reader, event, &reg))
    return;

  if (event->kind == GOLANES_EVENT_REGION_BEGIN)
    {
      task = get_or_add_task (self, reg.task);
      task->n_regions++;
      task_add_goroutine (task, event->goroutine);
      /* (Go requires the goroutine to be known; a region on an unknown one
       * is dropped here instead.) */
      if (g == NULL)
        return;
      r.task = reg.task;
      r.has_start = TRUE;
      r.start_time = event->time;
      r.type = region_type (self, reader, event, intern (self, reg.type));
      if (g->active_regions == NULL)
        g->active_regions = g_array_new (FALSE, FALSE, sizeof (Region));
      g_array_append_val (g->active_regions, r);
      return;
    }

  if (g == NULL)
    return;
  if (g->active_regions != NULL && g->active_regions->len > 0)
    {
      /* The innermost open region ends, whatever its name. */
      r = g_array_index (g->active_regions, Region, g->active_regions->len - 1);
      g_array_set_size (g->active_regions, g->active_regions->len - 1);
    }
  else
    {
      /* Ended without a begin in the trace. */
      r.task = reg.task;
      r.type = region_type (self, reader, NULL, intern (self, reg.type));
      task = get_or_add_task (self, reg.task);
      task_add_goroutine (task, g->id);
      task->n_regions++;
    }
  record_region (self, g, r.type, r.has_start, r.start_time, TRUE, event->time);
}

static void
task_event (GolanesGoroutineSummary *self,
            GolanesTraceReader      *reader,
            const GolanesEvent      *event)
{
  GolanesTask info;
  TState *task;

  if (!golanes_event_get_task (reader, event, &info))
    return;
  task = get_or_add_task (self, info.id);
  task->name = intern (self, info.type);
  task_add_goroutine (task, event->goroutine);
  if (event->kind == GOLANES_EVENT_TASK_BEGIN)
    {
      task->has_start = TRUE;
      task->start_time = event->time;
    }
  else
    {
      task->has_end = TRUE;
      task->end_time = event->time;
    }
  /* The parent is linked once; it may be a task never seen otherwise. */
  if (info.parent != GOLANES_NO_TASK && task->parent == GOLANES_NO_TASK)
    {
      get_or_add_task (self, info.parent);
      task->parent = info.parent;
    }
}

void
golanes_goroutine_summary_feed (GolanesGoroutineSummary *self,
                                GolanesTraceReader      *reader,
                                const GolanesEvent      *event)
{
  g_return_if_fail (self != NULL && !self->finished);

  if (self->sync_ts == 0)
    {
      self->sync_ts = event->time;
      self->first_ts = event->time;
    }
  self->last_ts = event->time;
  if (self->store.n == 0)
    golanes_tick_count_add (&self->time_ticks, event->time);

  switch (event->kind)
    {
    case GOLANES_EVENT_SYNC:
      self->sync_ts = event->time;
      self->reason_data = NULL;
      golanes_stack_table_begin_generation (self->stacks);
      break;
    case GOLANES_EVENT_STATE_TRANSITION:
      {
        GolanesStateTransition st;

        if (!golanes_event_get_state_transition (reader, event, &st))
          break;
        if (st.resource.kind == GOLANES_RESOURCE_GOROUTINE)
          goroutine_transition (self, reader, event, &st);
        else if (st.resource.kind == GOLANES_RESOURCE_PROC)
          proc_transition (self, event, &st);
      }
      break;
    case GOLANES_EVENT_RANGE_BEGIN:
    case GOLANES_EVENT_RANGE_ACTIVE:
    case GOLANES_EVENT_RANGE_END:
      range_event (self, reader, event);
      break;
    case GOLANES_EVENT_REGION_BEGIN:
    case GOLANES_EVENT_REGION_END:
      region_event (self, reader, event);
      break;
    case GOLANES_EVENT_TASK_BEGIN:
    case GOLANES_EVENT_TASK_END:
      task_event (self, reader, event);
      break;
    case GOLANES_EVENT_LOG:
      {
        GolanesLog log;
        TState *task;

        if (!golanes_event_get_log (reader, event, &log))
          break;
        task = get_or_add_task (self, log.task);
        task_add_goroutine (task, event->goroutine);
        task->n_logs++;
      }
      break;
    default:
      break;
    }
}

/* Output. */

static const char *
copy_string (GolanesGoroutineSummary *self,
             guint32                  id)
{
  return g_string_chunk_insert_const (self->strings, table_string (self, id));
}

static const char *
copy_string_cb (gpointer data,
                guint32  id)
{
  return copy_string (data, id);
}

static void
store_clear (Store *store)
{
  _golanes_cold_store_clear (&store->cold);
  g_free (store->anchors);
  memset (store, 0, sizeof *store);
}

static void
free_live (GolanesGoroutineSummary *self)
{
  guint i;

  for (i = 0; self->by_id.count > 0 && i <= self->by_id.mask; i++)
    if (self->by_id.used[i])
      g_state_free ((GState *) (gsize) self->by_id.values[i]);
  golanes_id_map_clear (&self->by_id);
  golanes_id_map_init (&self->by_id);
  if (self->zero_total != NULL)
    {
      for (i = 0; i < self->zero_total->len; i++)
        g_state_free (g_array_index (self->zero_total, GState *, i));
      g_array_set_size (self->zero_total, 0);
    }
}

/* Go's "Unknown time": the part of the total no state accounts for. */
static gint64
unknown_time (const Record *r)
{
  gint64 sum = r->exec_time + r->sched_wait_time + r->syscall_time + r->syscall_block_time;
  guint i;

  for (i = 0; i < r->n_blocks; i++)
    sum += r->pairs[i].time;
  return sum < r->total_time ? r->total_time - sum : 0;
}

static void
add_to_group (GolanesGoroutineSummary *self,
              const Record            *r)
{
  guint64 *slot = golanes_id_map_find (&self->group_of, r->name);
  GolanesGoroutineGroup *grp;
  guint i;

  if (slot == NULL)
    {
      GolanesGoroutineGroup fresh = { NULL };

      g_array_append_val (self->groups, fresh);
      g_array_append_val (self->group_names, r->name);
      g_ptr_array_add (self->group_blocks, g_new0 (Entries, 1));
      golanes_id_map_insert (&self->group_of, r->name, self->groups->len);
      grp = &g_array_index (self->groups, GolanesGoroutineGroup, self->groups->len - 1);
    }
  else
    grp = &g_array_index (self->groups, GolanesGoroutineGroup, *slot - 1);
  if (grp->count == 0 || r->id < grp->first_id)
    grp->first_id = r->id;
  grp->count++;
  grp->exec_time += r->exec_time;
  grp->total_time += r->total_time;
  grp->sched_wait_time += r->sched_wait_time;
  grp->syscall_time += r->syscall_time;
  grp->syscall_block_time += r->syscall_block_time;
  grp->unknown_time += unknown_time (r);
  for (i = 0; i < r->n_blocks; i++)
    {
      grp->block_time += r->pairs[i].time;
      entry_add (g_ptr_array_index (self->group_blocks, slot == NULL ? self->groups->len - 1 : *slot - 1),
                 r->pairs[i].name, r->pairs[i].time);
    }
  for (i = 0; i < r->n_ranges; i++)
    grp->range_time += r->pairs[r->n_blocks + i].time;
  self->total_exec_time += r->exec_time;
}

/* A time @t since @since, or none for 0: on a tick of 2^@tick ns a multiple
 * or the long form (golanes_varint_put_time()), and the byte 3 for none,
 * which that never writes; without a tick, 0 for none and 1 + @t - @since
 * otherwise. */
static guint8 *
put_time_since (guint8  *p,
                gint64   t,
                gint64   since,
                guint    tick)
{
  if (tick == 0)
    return golanes_varint_put (p, t == 0 ? 0 : (guint64) (t - since) + 1);
  if (t == 0)
    {
      *p++ = 3;
      return p;
    }
  return golanes_varint_put_time (p, (guint64) (t - since), tick);
}

static const guint8 *
get_time_since (const guint8 *p,
                gint64        since,
                guint         tick,
                gint64       *t)
{
  guint64 u;

  if (tick == 0)
    {
      p = golanes_varint_get (p, &u);
      *t = u == 0 ? 0 : since + (gint64) (u - 1);
      return p;
    }
  if (*p == 3)
    {
      *t = 0;
      return p + 1;
    }
  p = golanes_varint_get_time (p, &u, tick);
  *t = since + (gint64) u;
  return p;
}

/* Appends @g, whose books are closed, to the store and its group, and
 * frees it.  A goroutine that ended at its creation keeps its state until
 * the finish: Go then gives it the time to the end of the trace. */
static void
store_g (GolanesGoroutineSummary *self,
         GState                  *g)
{
  Store *st = &self->store;
  guint64 *slot = golanes_id_map_find (&self->by_id, (guint64) g->id);
  guint n_pairs = MIN (g->block_times.len, 64) + MIN (g->range_times.len, 64 - MIN (g->block_times.len, 64));
  guint8 *record, *p;
  guint64 pc0, shape;
  gint64 blocked;
  Record r;
  guint i;

  if (slot != NULL && (GState *) (gsize) *slot == g)
    golanes_id_map_remove (&self->by_id, (guint64) g->id);
  if (g->total_time == 0 && !self->finished)
    {
      g_array_append_val (self->zero_total, g);
      return;
    }

  record = _golanes_cold_store_begin (&st->cold, 16 * 11 + (gsize) n_pairs * 21);
  /* The tick of the times seen so far holds for nearly every later one. */
  if (st->n == 0)
    st->tick = st->forced_tick > 0 ? (guint) st->forced_tick - 1 : golanes_tick_count_choose (&self->time_ticks);
  if (st->n % STORE_GROUP == 0)
    {
      guint k = st->n / STORE_GROUP;

      if ((k & (k - 1)) == 0)
        st->anchors = g_renew (guint64, st->anchors, MAX (1, 2 * k));
      st->anchors[k] = st->cold.len;
      st->last_id = 0;
      st->last_creation = 0;
    }
  if (!golanes_id_map_lookup (&self->pc_of, g->name, &pc0))
    {
      pc0 = g->pc;
      golanes_id_map_insert (&self->pc_of, g->name, pc0);
    }

  if (st->n == 0 || g->id < st->min_id)
    st->min_id = g->id;
  if (st->n == 0 || g->id > st->max_id)
    st->max_id = g->id;
  p = record;
  p = golanes_varint_put_signed (p, g->id - st->last_id);
  p = golanes_varint_put (p, g->name);
  p = golanes_varint_put_signed (p, (gint64) (g->pc - pc0));
  p = golanes_varint_put_time_signed (p, g->creation_time - st->last_creation, st->tick);
  p = put_time_since (p, g->start_time, g->creation_time, st->tick);
  p = put_time_since (p, g->end_time, g->creation_time, st->tick);

  memset (&r, 0, offsetof (Record, pairs));
  r.id = g->id;
  r.name = g->name;
  r.total_time = g->total_time;
  r.exec_time = g->exec_time;
  r.sched_wait_time = g->sched_wait_time;
  r.syscall_time = g->syscall_time;
  r.syscall_block_time = g->syscall_block_time;
  r.n_blocks = MIN (g->block_times.len, 64);
  r.n_ranges = n_pairs - r.n_blocks;
  blocked = 0;
  for (i = 0; i < r.n_blocks; i++)
    {
      r.pairs[i] = g->block_times.v[i];
      blocked += r.pairs[i].time;
    }
  shape = r.n_blocks << SHAPE_BLOCKS_SHIFT;
  if (g->end_time != 0 && g->total_time == g->end_time - g->creation_time)
    shape |= SHAPE_TOTAL_IS_LIFE;
  if (g->exec_time == g->total_time - g->sched_wait_time - g->syscall_time - g->syscall_block_time - blocked)
    shape |= SHAPE_EXEC_IS_REST;
  if (g->syscall_time != 0)
    shape |= SHAPE_SYSCALL;
  if (g->syscall_block_time != 0)
    shape |= SHAPE_SYSCALL_BLOCK;
  if (r.n_ranges > 0)
    shape |= SHAPE_RANGES;
  p = golanes_varint_put (p, shape);
  if (!(shape & SHAPE_TOTAL_IS_LIFE))
    p = golanes_varint_put_time (p, (guint64) g->total_time, st->tick);
  /* Most goroutines wait to run only from their creation to their start. */
  p = golanes_varint_put_time_signed (p, g->sched_wait_time - (g->start_time != 0 ? g->start_time - g->creation_time : 0),
                                      st->tick);
  if (!(shape & SHAPE_EXEC_IS_REST))
    p = golanes_varint_put_time (p, (guint64) g->exec_time, st->tick);
  if (shape & SHAPE_SYSCALL)
    p = golanes_varint_put_time (p, (guint64) g->syscall_time, st->tick);
  if (shape & SHAPE_SYSCALL_BLOCK)
    p = golanes_varint_put_time (p, (guint64) g->syscall_block_time, st->tick);
  for (i = 0; i < r.n_blocks; i++)
    {
      p = golanes_varint_put (p, r.pairs[i].name);
      p = golanes_varint_put_time (p, (guint64) r.pairs[i].time, st->tick);
    }
  if (r.n_ranges > 0)
    p = golanes_varint_put (p, r.n_ranges);
  for (i = 0; i < r.n_ranges; i++)
    {
      r.pairs[r.n_blocks + i] = g->range_times.v[i];
      p = golanes_varint_put (p, g->range_times.v[i].name);
      p = golanes_varint_put_time (p, (guint64) g->range_times.v[i].time, st->tick);
    }
  _golanes_cold_store_commit (&st->cold, p);
  st->last_id = g->id;
  st->last_creation = g->creation_time;
  st->n++;

  add_to_group (self, &r);
  /* Most goroutines of a busy trace end with nothing allocated: their
   * state is kept for the next one. */
  if (self->spare->len < SPARE_MAX && g->block_times.v == NULL && g->range_times.v == NULL &&
      g->last_range.v == NULL && g->active_regions == NULL)
    g_ptr_array_add (self->spare, g);
  else
    g_state_free (g);
}

/* Reads the record at @p; @last_id and @last_creation carry the deltas. */
static const guint8 *
read_record (GolanesGoroutineSummary *self,
             const guint8            *p,
             gint64                  *last_id,
             gint64                  *last_creation,
             Record                  *r)
{
  guint tick = self->store.tick;
  guint64 u, n, i, shape;
  gint64 d, blocked;

  p = golanes_varint_get_signed (p, &d);
  r->id = *last_id + d;
  *last_id = r->id;
  p = golanes_varint_get (p, &u);
  r->name = (guint32) u;
  p = golanes_varint_get_signed (p, &d);
  if (!golanes_id_map_lookup (&self->pc_of, r->name, &u))
    u = 0;
  r->pc = u + (guint64) d;
  p = golanes_varint_get_time_signed (p, &d, tick);
  r->creation_time = *last_creation + d;
  *last_creation = r->creation_time;
  p = get_time_since (p, r->creation_time, tick, &r->start_time);
  p = get_time_since (p, r->creation_time, tick, &r->end_time);
  p = golanes_varint_get (p, &shape);
  if (shape & SHAPE_TOTAL_IS_LIFE)
    r->total_time = r->end_time - r->creation_time;
  else
    {
      p = golanes_varint_get_time (p, &u, tick);
      r->total_time = (gint64) u;
    }
  p = golanes_varint_get_time_signed (p, &d, tick);
  r->sched_wait_time = (r->start_time != 0 ? r->start_time - r->creation_time : 0) + d;
  r->exec_time = 0;
  if (!(shape & SHAPE_EXEC_IS_REST))
    {
      p = golanes_varint_get_time (p, &u, tick);
      r->exec_time = (gint64) u;
    }
  r->syscall_time = 0;
  if (shape & SHAPE_SYSCALL)
    {
      p = golanes_varint_get_time (p, &u, tick);
      r->syscall_time = (gint64) u;
    }
  r->syscall_block_time = 0;
  if (shape & SHAPE_SYSCALL_BLOCK)
    {
      p = golanes_varint_get_time (p, &u, tick);
      r->syscall_block_time = (gint64) u;
    }
  n = shape >> SHAPE_BLOCKS_SHIFT;
  r->n_blocks = (guint) n;
  blocked = 0;
  for (i = 0; i < n; i++)
    {
      p = golanes_varint_get (p, &u);
      r->pairs[i].name = (guint32) u;
      p = golanes_varint_get_time (p, &u, tick);
      r->pairs[i].time = (gint64) u;
      blocked += r->pairs[i].time;
    }
  if (shape & SHAPE_EXEC_IS_REST)
    r->exec_time = r->total_time - r->sched_wait_time - r->syscall_time - r->syscall_block_time - blocked;
  n = 0;
  if (shape & SHAPE_RANGES)
    p = golanes_varint_get (p, &n);
  r->n_ranges = (guint) n;
  for (i = 0; i < n; i++)
    {
      p = golanes_varint_get (p, &u);
      r->pairs[r->n_blocks + i].name = (guint32) u;
      p = golanes_varint_get_time (p, &u, tick);
      r->pairs[r->n_blocks + i].time = (gint64) u;
    }
  return p;
}

/* The record index at @index of the id order. */
static guint32
order_at (GolanesGoroutineSummary *self,
          guint                    index)
{
  const guint8 *p = self->by_id_order + self->order_anchors[index / STORE_GROUP];
  gint64 v = 0, d;
  guint i;

  for (i = index - index % STORE_GROUP; i <= index; i++)
    {
      p = golanes_varint_get_signed (p, &d);
      v += d;
    }
  return (guint32) v;
}

/* Record @k of the store (in the order the books were closed). */
static void
get_record (GolanesGoroutineSummary *self,
            guint                    k,
            Record                  *r)
{
  const Store *st = &self->store;
  GolanesColdCursor c;
  gint64 last_id = 0, last_creation = 0;
  guint i;

  golanes_cold_cursor_init (&c, &st->cold, st->anchors[k / STORE_GROUP]);
  for (i = k - k % STORE_GROUP; i <= k; i++)
    {
      const guint8 *p = golanes_cold_cursor_bytes (&c);

      golanes_cold_cursor_advance (&c, read_record (self, p, &last_id, &last_creation, r));
    }
}

static int
compare_named (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const GolanesNamedTime *) a)->name, ((const GolanesNamedTime *) b)->name);
}

int
golanes_goroutine_summary_compare_columns (const char *a,
                                           const char *b)
{
  gboolean ae = strcmp (a, "Execution time") == 0;
  gboolean be = strcmp (b, "Execution time") == 0;

  if (ae != be)
    return ae ? -1 : 1;
  return strcmp (a, b);
}

static int
compare_stats (gconstpointer a,
               gconstpointer b)
{
  return golanes_goroutine_summary_compare_columns (((const GolanesNamedTime *) a)->name,
                                                    ((const GolanesNamedTime *) b)->name);
}

static void
stat_add (GolanesNamedTime *stats,
          guint            *n,
          const char       *name,
          gint64            t)
{
  guint i;

  for (i = 0; i < *n; i++)
    if (strcmp (stats[i].name, name) == 0)
      {
        stats[i].time += t;
        return;
      }
  stats[*n].name = name;
  stats[*n].time = t;
  (*n)++;
}

/* The info of record @r in one allocation: the struct, then its block
 * times, range times and page columns. */
static GolanesGoroutineInfo *
info_from_record (GolanesGoroutineSummary *self,
                  const Record            *r)
{
  guint n_stats_max = 5 + r->n_blocks, i;
  GolanesGoroutineInfo *info;
  GolanesNamedTime *blocks, *ranges, *stats;
  guint n_stats = 0;

  info = g_malloc0 (sizeof *info + (r->n_blocks + r->n_ranges + n_stats_max) * sizeof (GolanesNamedTime));
  blocks = (GolanesNamedTime *) (info + 1);
  ranges = blocks + r->n_blocks;
  stats = ranges + r->n_ranges;

  info->id = r->id;
  info->name = copy_string (self, r->name);
  info->pc = r->pc;
  info->creation_time = r->creation_time;
  info->start_time = r->start_time;
  info->end_time = r->end_time;
  info->total_time = r->total_time;
  info->exec_time = r->exec_time;
  info->sched_wait_time = r->sched_wait_time;
  info->syscall_time = r->syscall_time;
  info->syscall_block_time = r->syscall_block_time;
  info->unknown_time = unknown_time (r);
  for (i = 0; i < r->n_blocks; i++)
    {
      blocks[i].name = copy_string (self, r->pairs[i].name);
      blocks[i].time = r->pairs[i].time;
    }
  qsort (blocks, r->n_blocks, sizeof *blocks, compare_named);
  for (i = 0; i < r->n_ranges; i++)
    {
      ranges[i].name = copy_string (self, r->pairs[r->n_blocks + i].name);
      ranges[i].time = r->pairs[r->n_blocks + i].time;
    }
  qsort (ranges, r->n_ranges, sizeof *ranges, compare_named);

  stat_add (stats, &n_stats, "Execution time", info->exec_time);
  stat_add (stats, &n_stats, "Sched wait time", info->sched_wait_time);
  stat_add (stats, &n_stats, "Syscall execution time", info->syscall_time);
  stat_add (stats, &n_stats, "Block time (syscall)", info->syscall_block_time);
  stat_add (stats, &n_stats, "Unknown time", info->unknown_time);
  for (i = 0; i < r->n_blocks; i++)
    {
      g_autofree char *col = g_strdup_printf ("Block time (%s)", blocks[i].name);

      /* A reason named "syscall" lands in the syscall block column. */
      stat_add (stats, &n_stats, g_string_chunk_insert_const (self->strings, col), blocks[i].time);
    }
  qsort (stats, n_stats, sizeof *stats, compare_stats);

  info->block_times = blocks;
  info->n_block_times = r->n_blocks;
  info->range_times = ranges;
  info->n_range_times = r->n_ranges;
  info->stats = stats;
  info->n_stats = n_stats;
  return info;
}

static int
compare_group (gconstpointer a,
               gconstpointer b)
{
  const GolanesGoroutineGroup *x = a, *y = b;

  if (x->exec_time != y->exec_time)
    return x->exec_time > y->exec_time ? -1 : 1;
  return strcmp (x->name, y->name);
}

static int
compare_task (gconstpointer a,
              gconstpointer b)
{
  guint64 x = ((const GolanesUserTask *) a)->id;
  guint64 y = ((const GolanesUserTask *) b)->id;

  return x < y ? -1 : x > y;
}

void
golanes_goroutine_summary_finish (GolanesGoroutineSummary *self)
{
  GHashTableIter iter;
  gpointer value;
  g_autoptr(GPtrArray) live = g_ptr_array_new ();
  guint i;

  g_return_if_fail (self != NULL && !self->finished);
  self->finished = TRUE;

  for (i = 0; self->by_id.count > 0 && i <= self->by_id.mask; i++)
    if (self->by_id.used[i])
      g_ptr_array_add (live, (gpointer) (gsize) self->by_id.values[i]);
  for (i = 0; i < self->zero_total->len; i++)
    g_ptr_array_add (live, g_array_index (self->zero_total, GState *, i));
  g_array_set_size (self->zero_total, 0);
  for (i = 0; i < live->len; i++)
    {
      finalize_g (self, g_ptr_array_index (live, i), self->last_ts, NULL);
      store_g (self, g_ptr_array_index (live, i));
    }

  _golanes_cold_store_seal (&self->store.cold);
  /* The goroutines in id order, and the group of each. */
  self->group_width = self->groups->len <= G_MAXUINT8 + 1 ? 1 : self->groups->len <= G_MAXUINT16 + 1 ? 2 : 4;
  _golanes_goroutine_summary_order_by_id (self);

  _golanes_region_log_finish (&self->regions, copy_string_cb, self);

  for (i = 0; i < self->groups->len; i++)
    {
      GolanesGoroutineGroup *grp = &g_array_index (self->groups, GolanesGoroutineGroup, i);
      Entries *e = g_ptr_array_index (self->group_blocks, i);
      GolanesNamedTime *blocks = g_new (GolanesNamedTime, MAX (e->len, 1));
      guint k;

      grp->name = copy_string (self, g_array_index (self->group_names, guint32, i));
      for (k = 0; k < e->len; k++)
        {
          blocks[k].name = copy_string (self, e->v[k].name);
          blocks[k].time = e->v[k].time;
        }
      qsort (blocks, e->len, sizeof *blocks, compare_named);
      grp->block_times = blocks;
      grp->n_block_times = e->len;
      g_ptr_array_add (self->info_arrays, blocks);
    }
  g_array_sort (self->groups, compare_group);

  g_hash_table_iter_init (&iter, self->tasks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      TState *t = value;
      GolanesUserTask ut;

      ut.id = t->id;
      ut.name = copy_string (self, t->name);
      ut.parent = t->parent;
      ut.has_start = t->has_start;
      ut.has_end = t->has_end;
      ut.start_time = t->start_time;
      ut.end_time = t->end_time;
      ut.n_logs = t->n_logs;
      ut.n_regions = t->n_regions;
      ut.n_goroutines = (t->has_goroutine ? 1 : 0) + (t->goroutines != NULL ? g_hash_table_size (t->goroutines) : 0);
      g_array_append_val (self->task_list, ut);
    }
  g_array_sort (self->task_list, compare_task);
  /* Their books are closed: the list holds all they tell. */
  g_hash_table_remove_all (self->tasks);
}

void
_golanes_goroutine_summary_set_time_tick (GolanesGoroutineSummary *self,
                                          guint                    tick)
{
  g_return_if_fail (tick <= 16 && self->store.n == 0);
  self->store.forced_tick = (gint) tick + 1;
}

void
_golanes_goroutine_summary_set_order_window (GolanesGoroutineSummary *self,
                                             guint                    window)
{
  g_return_if_fail (window > 0 && !self->finished);
  self->order_window = window;
}

guint
_golanes_goroutine_summary_get_n_late (GolanesGoroutineSummary *self)
{
  return self->n_late;
}

gint64
golanes_goroutine_summary_get_start_time (GolanesGoroutineSummary *self)
{
  return self->first_ts;
}

gint64
golanes_goroutine_summary_get_end_time (GolanesGoroutineSummary *self)
{
  return self->last_ts;
}

guint
golanes_goroutine_summary_get_n_goroutines (GolanesGoroutineSummary *self)
{
  g_return_val_if_fail (self->finished, 0);
  return self->store.n;
}

gint64
golanes_goroutine_summary_get_goroutine_id (GolanesGoroutineSummary *self,
                                            guint                    index)
{
  Record r;

  g_return_val_if_fail (self->finished && index < self->store.n, -1);
  get_record (self, order_at (self, index), &r);
  return r.id;
}

GolanesGoroutineInfo *
golanes_goroutine_summary_dup_goroutine (GolanesGoroutineSummary *self,
                                         guint                    index)
{
  Record r;

  g_return_val_if_fail (self->finished && index < self->store.n, NULL);
  get_record (self, order_at (self, index), &r);
  return info_from_record (self, &r);
}

gint
golanes_goroutine_summary_find (GolanesGoroutineSummary *self,
                                gint64                   id)
{
  guint lo = 0, hi = self->store.n;

  g_return_val_if_fail (self->finished, -1);
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gint64 v = golanes_goroutine_summary_get_goroutine_id (self, mid);

      if (v < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < self->store.n && golanes_goroutine_summary_get_goroutine_id (self, lo) == id ? (gint) lo : -1;
}

GArray *
golanes_goroutine_summary_dup_group_members (GolanesGoroutineSummary *self,
                                             const char              *name)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 group = G_MAXUINT32;
  guint i;

  g_return_val_if_fail (self->finished, out);
  for (i = 0; i < self->group_names->len; i++)
    if (strcmp (table_string (self, g_array_index (self->group_names, guint32, i)), name) == 0)
      {
        group = i;
        break;
      }
  if (group == G_MAXUINT32)
    return out;
  /* One pass over a byte (or two, or four) per goroutine, in id order. */
  for (i = 0; i < self->store.n; i++)
    if (group_get (self->group_by_index, self->group_width, i) == group)
      g_array_append_val (out, i);
  return out;
}

void
golanes_goroutine_info_free (GolanesGoroutineInfo *info)
{
  g_free (info);
}

/* The whole list, made on first request; each info points into
 * info_arrays. */
static void
ensure_infos (GolanesGoroutineSummary *self)
{
  guint i;

  if (self->infos != NULL)
    return;
  self->infos = g_array_sized_new (FALSE, FALSE, sizeof (GolanesGoroutineInfo), self->store.n);
  for (i = 0; i < self->store.n; i++)
    {
      GolanesGoroutineInfo *info = golanes_goroutine_summary_dup_goroutine (self, i);

      g_array_append_val (self->infos, *info);
      g_ptr_array_add (self->info_arrays, info);
    }
}

const GolanesGoroutineInfo *
golanes_goroutine_summary_get_goroutines (GolanesGoroutineSummary *self,
                                          guint                   *n)
{
  g_return_val_if_fail (self->finished, NULL);
  ensure_infos (self);
  *n = self->infos->len;
  return (const GolanesGoroutineInfo *) (gpointer) self->infos->data;
}

const GolanesGoroutineInfo *
golanes_goroutine_summary_lookup (GolanesGoroutineSummary *self,
                                  gint64                   id)
{
  gint index;

  g_return_val_if_fail (self->finished, NULL);
  index = golanes_goroutine_summary_find (self, id);
  if (index < 0)
    return NULL;
  ensure_infos (self);
  return &g_array_index (self->infos, GolanesGoroutineInfo, index);
}

const GolanesGoroutineGroup *
golanes_goroutine_summary_get_groups (GolanesGoroutineSummary *self,
                                      guint                   *n)
{
  g_return_val_if_fail (self->finished, NULL);
  *n = self->groups->len;
  return (const GolanesGoroutineGroup *) (gpointer) self->groups->data;
}

gint64
golanes_goroutine_summary_get_total_exec_time (GolanesGoroutineSummary *self)
{
  return self->total_exec_time;
}

guint
golanes_goroutine_summary_get_n_regions (GolanesGoroutineSummary *self)
{
  g_return_val_if_fail (self->finished, 0);
  return self->regions.n;
}

const GolanesRegionType *
golanes_goroutine_summary_get_region_types (GolanesGoroutineSummary *self,
                                            guint                   *n)
{
  g_return_val_if_fail (self->finished, NULL);
  *n = self->regions.types->len;
  return (const GolanesRegionType *) (gpointer) self->regions.types->data;
}

void
golanes_goroutine_summary_region_iter_init (GolanesGoroutineSummary *self,
                                            GolanesRegionIter       *iter)
{
  g_return_if_fail (self->finished);
  _golanes_region_log_iter_init (&self->regions, iter);
}

const GolanesUserTask *
golanes_goroutine_summary_get_tasks (GolanesGoroutineSummary *self,
                                     guint                   *n)
{
  g_return_val_if_fail (self->finished, NULL);
  *n = self->task_list->len;
  return (const GolanesUserTask *) (gpointer) self->task_list->data;
}

gsize
golanes_goroutine_summary_get_memory_size (GolanesGoroutineSummary *self)
{
  return sizeof *self + _golanes_cold_store_get_memory_size (&self->store.cold) +
         sizeof (guint64) * (self->store.n / STORE_GROUP + 1) * 2 +
         (self->by_id_order != NULL ? self->order_len + sizeof (guint64) * (self->store.n / STORE_GROUP + 1) : 0) +
         (self->group_by_index != NULL ? (gsize) MAX (self->store.n, 1) * self->group_width : 0) +
         self->groups->len * (sizeof (GolanesGoroutineGroup) + sizeof (guint32));
}

gsize
golanes_goroutine_summary_get_region_memory_size (GolanesGoroutineSummary *self)
{
  return _golanes_region_log_get_memory_size (&self->regions);
}
