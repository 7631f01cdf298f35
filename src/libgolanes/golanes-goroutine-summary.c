/* golanes-goroutine-summary.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "golanes-goroutine-summary.h"
#include "golanes-trace-private.h"

/* A duration (or a timestamp) under a string id of the stack table. */
typedef struct
{
  guint32 name;
  gint64  time;
} Entry;

typedef struct
{
  guint64  task;
  guint32  name;
  gint64   goroutine;
  gboolean has_start;
  gboolean has_end;
  gint64   start_time;
  gint64   end_time;
  guint32  frame_func;
  guint32  frame_file;
  guint64  frame_pc;
  guint64  frame_line;
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
  GArray *block_times;      /* Entry */
  GArray *range_times;      /* Entry */
  GArray *regions;          /* Region, finished */

  /* Open intervals; a time of 0 means none, as in Go. */
  gint64  last_start;
  gint64  last_runnable;
  gint64  last_block;
  guint32 last_block_reason;
  gint64  last_syscall;
  gint64  last_syscall_block;
  GArray *last_range;       /* Entry: range name -> start */
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
  GHashTable *goroutines;   /* set of gint64 */
} TState;

typedef struct
{
  gint64  proc;
  guint32 name;
} ProcRange;

struct _GolanesGoroutineSummary
{
  GolanesStackTable *stacks;
  gboolean           own_stacks;
  GHashTable        *goroutines;    /* &GState.id -> GState; its order is the finish order */
  GolanesIdMap       by_id;         /* the same, for look-ups while feeding */
  GHashTable        *tasks;         /* &TState.id -> TState */
  GolanesIdMap       syscalling_p;  /* proc -> goroutine */
  GolanesIdMap       syscalling_g;  /* goroutine -> proc */
  /* The last reason string interned, valid within a generation. */
  const char        *reason_data;
  gsize              reason_len;
  guint32            reason_id;
  GArray            *ranges_p;      /* ProcRange + goroutine, see below */
  GArray            *ranges_p_g;    /* gint64, parallel to ranges_p */
  gint64             first_ts;
  gint64             last_ts;
  gint64             sync_ts;
  guint32            str_forever;
  gboolean           finished;

  GStringChunk      *strings;
  GArray            *infos;         /* GolanesGoroutineInfo */
  GPtrArray         *info_arrays;   /* GArray of GolanesNamedTime, owned */
  GArray            *groups;        /* GolanesGoroutineGroup */
  GArray            *regions;       /* GolanesUserRegion */
  GArray            *task_list;     /* GolanesUserTask */
  gint64             total_exec_time;
};

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

  g_array_unref (g->block_times);
  g_array_unref (g->range_times);
  g_array_unref (g->last_range);
  free_region_array (g->regions);
  free_region_array (g->active_regions);
  g_free (g);
}

static void
t_state_free (gpointer data)
{
  TState *t = data;

  g_hash_table_unref (t->goroutines);
  g_free (t);
}

GolanesGoroutineSummary *
golanes_goroutine_summary_new (GolanesStackTable *stacks)
{
  GolanesGoroutineSummary *self = g_new0 (GolanesGoroutineSummary, 1);

  self->own_stacks = stacks == NULL;
  self->stacks = stacks != NULL ? stacks : golanes_stack_table_new ();
  self->goroutines = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_state_free);
  self->tasks = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, t_state_free);
  golanes_id_map_init (&self->by_id);
  golanes_id_map_init (&self->syscalling_p);
  golanes_id_map_init (&self->syscalling_g);
  self->ranges_p = g_array_new (FALSE, FALSE, sizeof (ProcRange));
  self->ranges_p_g = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->str_forever = golanes_stack_table_intern_string (self->stacks, "forever", 7);
  self->strings = g_string_chunk_new (1024);
  self->infos = g_array_new (FALSE, FALSE, sizeof (GolanesGoroutineInfo));
  self->info_arrays = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->groups = g_array_new (FALSE, FALSE, sizeof (GolanesGoroutineGroup));
  self->regions = g_array_new (FALSE, FALSE, sizeof (GolanesUserRegion));
  self->task_list = g_array_new (FALSE, FALSE, sizeof (GolanesUserTask));
  return self;
}

void
golanes_goroutine_summary_free (GolanesGoroutineSummary *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->goroutines);
  g_hash_table_unref (self->tasks);
  golanes_id_map_clear (&self->by_id);
  golanes_id_map_clear (&self->syscalling_p);
  golanes_id_map_clear (&self->syscalling_g);
  g_array_unref (self->ranges_p);
  g_array_unref (self->ranges_p_g);
  g_string_chunk_free (self->strings);
  g_array_unref (self->infos);
  g_ptr_array_unref (self->info_arrays);
  g_array_unref (self->groups);
  g_array_unref (self->regions);
  g_array_unref (self->task_list);
  if (self->own_stacks)
    golanes_stack_table_free (self->stacks);
  g_free (self);
}

/* Small maps from string id to time, kept as arrays: a goroutine meets few
 * block reasons and ranges. */

static Entry *
entry_find (GArray  *arr,
            guint32  name)
{
  guint i;

  for (i = 0; i < arr->len; i++)
    if (g_array_index (arr, Entry, i).name == name)
      return &g_array_index (arr, Entry, i);
  return NULL;
}

static void
entry_add (GArray  *arr,
           guint32  name,
           gint64   dt)
{
  Entry *e = entry_find (arr, name);
  Entry fresh = { name, dt };

  if (e != NULL)
    e->time += dt;
  else
    g_array_append_val (arr, fresh);
}

static void
entry_set (GArray  *arr,
           guint32  name,
           gint64   t)
{
  Entry *e = entry_find (arr, name);
  Entry fresh = { name, t };

  if (e != NULL)
    e->time = t;
  else
    g_array_append_val (arr, fresh);
}

static void
entry_remove (GArray  *arr,
              guint32  name)
{
  guint i;

  for (i = 0; i < arr->len; i++)
    if (g_array_index (arr, Entry, i).name == name)
      {
        g_array_remove_index_fast (arr, i);
        return;
      }
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
  GState *g = g_new0 (GState, 1);

  g->id = id;
  g->creation_time = creation_time;
  g->block_times = g_array_new (FALSE, FALSE, sizeof (Entry));
  g->range_times = g_array_new (FALSE, FALSE, sizeof (Entry));
  g->last_range = g_array_new (FALSE, FALSE, sizeof (Entry));
  /* Replaces any earlier goroutine of this id, like Go's map store. */
  g_hash_table_replace (self->goroutines, &g->id, g);
  golanes_id_map_replace (&self->by_id, (guint64) id, (guint64) (gsize) g);
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
      t->goroutines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_hash_table_insert (self->tasks, &t->id, t);
    }
  return t;
}

static void
task_add_goroutine (TState *t,
                    gint64  goroutine)
{
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

/* Fills the outermost frame of the event's own stack into @r. */
static void
region_frame_from_event (GolanesGoroutineSummary *self,
                         GolanesTraceReader      *reader,
                         const GolanesEvent      *event,
                         Region                  *r)
{
  GolanesStackFrame frames[GOLANES_MAX_STACK_FRAMES];
  gboolean has_stack;
  guint64 id = golanes_event_get_stack (event, &has_stack);
  int n;

  if (!has_stack)
    return;
  n = golanes_trace_reader_get_stack (reader, id, frames, G_N_ELEMENTS (frames));
  if (n <= 0)
    return;
  n = MIN (n, (int) G_N_ELEMENTS (frames));
  r->frame_func = intern (self, frames[n - 1].func);
  r->frame_file = intern (self, frames[n - 1].file);
  r->frame_pc = frames[n - 1].pc;
  r->frame_line = frames[n - 1].line;
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
    entry_add (g->block_times, g->last_block_reason, t - g->last_block);
  if (g->last_syscall != 0)
    g->syscall_time += t - g->last_syscall;
  /* Go's quirk: the blocked part of a syscall still open here is counted
   * as sched wait time too. */
  if (g->last_syscall_block != 0)
    g->sched_wait_time += t - g->last_syscall_block;
  for (i = 0; i < g->last_range->len; i++)
    {
      const Entry *e = &g_array_index (g->last_range, Entry, i);

      entry_add (g->range_times, e->name, t - e->time);
    }

  /* Runtime goroutines can inherit a task at creation but are never part
   * of regions. */
  if (g->active_regions != NULL && !golanes_is_system_goroutine (table_string (self, g->name)))
    {
      for (i = 0; i < g->active_regions->len; i++)
        {
          Region r = g_array_index (g->active_regions, Region, i);

          r.has_end = trigger != NULL;
          r.end_time = trigger != NULL ? trigger->time : 0;
          if (g->regions == NULL)
            g->regions = g_array_new (FALSE, FALSE, sizeof (Region));
          g_array_append_val (g->regions, r);
        }
    }

  g->last_start = 0;
  g->last_runnable = 0;
  g->last_block = 0;
  g->last_block_reason = 0;
  g->last_syscall = 0;
  g->last_syscall_block = 0;
  g_array_set_size (g->last_range, 0);
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
            entry_add (g->block_times, intern_reason (self, st->reason), dt);
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
            r.goroutine = id;
            r.has_start = TRUE;
            r.start_time = t;
            region_frame_from_event (self, reader, event, &r);
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
          entry_add (g->block_times, g->last_block_reason, t - g->last_block);
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
      GolanesStackFrame frames[GOLANES_MAX_STACK_FRAMES];
      int n = golanes_trace_reader_get_stack (reader, st->stack, frames, G_N_ELEMENTS (frames));

      if (n > 0)
        {
          n = MIN (n, (int) G_N_ELEMENTS (frames));
          g->pc = frames[n - 1].pc;
          g->name = intern (self, frames[n - 1].func);
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
          Entry *e = entry_find (g->last_range, name);

          if (e != NULL && e->time != 0)
            entry_add (g->range_times, name, self->sync_ts - e->time);
          entry_set (g->last_range, name, self->sync_ts);
        }
      else
        entry_set (g->last_range, name, event->time);
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
    Entry *e = entry_find (g->last_range, name);

    if (e == NULL || e->time == 0)
      return;
    entry_add (g->range_times, name, event->time - e->time);
    entry_remove (g->last_range, name);
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
      r.name = intern (self, reg.type);
      r.goroutine = g->id;
      r.has_start = TRUE;
      r.start_time = event->time;
      region_frame_from_event (self, reader, event, &r);
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
      r.name = intern (self, reg.type);
      r.goroutine = g->id;
      task = get_or_add_task (self, reg.task);
      task_add_goroutine (task, g->id);
      task->n_regions++;
    }
  r.has_end = TRUE;
  r.end_time = event->time;
  if (g->regions == NULL)
    g->regions = g_array_new (FALSE, FALSE, sizeof (Region));
  g_array_append_val (g->regions, r);
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

static int
compare_named (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const GolanesNamedTime *) a)->name, ((const GolanesNamedTime *) b)->name);
}

static int
compare_stats (gconstpointer a,
               gconstpointer b)
{
  const char *x = ((const GolanesNamedTime *) a)->name;
  const char *y = ((const GolanesNamedTime *) b)->name;
  gboolean xe = strcmp (x, "Execution time") == 0;
  gboolean ye = strcmp (y, "Execution time") == 0;

  if (xe != ye)
    return xe ? -1 : 1;
  return strcmp (x, y);
}

static GArray *
named_times (GolanesGoroutineSummary *self,
             GArray                  *entries)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (GolanesNamedTime), entries->len);
  guint i;

  for (i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      GolanesNamedTime nt = { copy_string (self, e->name), e->time };

      g_array_append_val (out, nt);
    }
  g_array_sort (out, compare_named);
  g_ptr_array_add (self->info_arrays, out);
  return out;
}

static void
stat_add (GArray     *stats,
          const char *name,
          gint64      t)
{
  guint i;
  GolanesNamedTime nt = { name, t };

  for (i = 0; i < stats->len; i++)
    if (strcmp (g_array_index (stats, GolanesNamedTime, i).name, name) == 0)
      {
        g_array_index (stats, GolanesNamedTime, i).time += t;
        return;
      }
  g_array_append_val (stats, nt);
}

static int
compare_info (gconstpointer a,
              gconstpointer b)
{
  gint64 x = ((const GolanesGoroutineInfo *) a)->id;
  gint64 y = ((const GolanesGoroutineInfo *) b)->id;

  return x < y ? -1 : x > y;
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
compare_region (gconstpointer a,
                gconstpointer b)
{
  const GolanesUserRegion *x = a, *y = b;

  if (x->goroutine != y->goroutine)
    return x->goroutine < y->goroutine ? -1 : 1;
  if (x->has_start != y->has_start)
    return x->has_start ? 1 : -1;
  if (x->start_time != y->start_time)
    return x->start_time < y->start_time ? -1 : 1;
  return 0;
}

static int
compare_task (gconstpointer a,
              gconstpointer b)
{
  guint64 x = ((const GolanesUserTask *) a)->id;
  guint64 y = ((const GolanesUserTask *) b)->id;

  return x < y ? -1 : x > y;
}

static void
build_info (GolanesGoroutineSummary *self,
            GState                  *g)
{
  GolanesGoroutineInfo info = { 0 };
  GArray *blocks = named_times (self, g->block_times);
  GArray *ranges = named_times (self, g->range_times);
  GArray *stats = g_array_new (FALSE, FALSE, sizeof (GolanesNamedTime));
  gint64 sum;
  guint i;

  info.id = g->id;
  info.name = copy_string (self, g->name);
  info.pc = g->pc;
  info.creation_time = g->creation_time;
  info.start_time = g->start_time;
  info.end_time = g->end_time;
  info.total_time = g->total_time;
  info.exec_time = g->exec_time;
  info.sched_wait_time = g->sched_wait_time;
  info.syscall_time = g->syscall_time;
  info.syscall_block_time = g->syscall_block_time;

  sum = g->exec_time + g->sched_wait_time + g->syscall_time + g->syscall_block_time;
  for (i = 0; i < blocks->len; i++)
    sum += g_array_index (blocks, GolanesNamedTime, i).time;
  info.unknown_time = sum < g->total_time ? g->total_time - sum : 0;

  stat_add (stats, "Execution time", info.exec_time);
  stat_add (stats, "Sched wait time", info.sched_wait_time);
  stat_add (stats, "Syscall execution time", info.syscall_time);
  stat_add (stats, "Block time (syscall)", info.syscall_block_time);
  stat_add (stats, "Unknown time", info.unknown_time);
  for (i = 0; i < blocks->len; i++)
    {
      const GolanesNamedTime *b = &g_array_index (blocks, GolanesNamedTime, i);
      g_autofree char *col = g_strdup_printf ("Block time (%s)", b->name);

      /* A reason named "syscall" lands in the syscall block column. */
      stat_add (stats, g_string_chunk_insert_const (self->strings, col), b->time);
    }
  g_array_sort (stats, compare_stats);
  g_ptr_array_add (self->info_arrays, stats);

  info.block_times = (const GolanesNamedTime *) (gpointer) blocks->data;
  info.n_block_times = blocks->len;
  info.range_times = (const GolanesNamedTime *) (gpointer) ranges->data;
  info.n_range_times = ranges->len;
  info.stats = (const GolanesNamedTime *) (gpointer) stats->data;
  info.n_stats = stats->len;
  g_array_append_val (self->infos, info);

  if (g->regions != NULL)
    for (i = 0; i < g->regions->len; i++)
      {
        const Region *r = &g_array_index (g->regions, Region, i);
        GolanesUserRegion ur;

        ur.task = r->task;
        ur.name = copy_string (self, r->name);
        ur.goroutine = g->id;
        ur.has_start = r->has_start;
        ur.has_end = r->has_end;
        ur.start_time = r->start_time;
        ur.end_time = r->end_time;
        ur.frame_func = copy_string (self, r->frame_func);
        ur.frame_file = copy_string (self, r->frame_file);
        ur.frame_pc = r->frame_pc;
        ur.frame_line = r->frame_line;
        g_array_append_val (self->regions, ur);
      }
}

void
golanes_goroutine_summary_finish (GolanesGoroutineSummary *self)
{
  GHashTableIter iter;
  gpointer value;
  GHashTable *by_name;
  guint i, j;

  g_return_if_fail (self != NULL && !self->finished);
  self->finished = TRUE;

  g_hash_table_iter_init (&iter, self->goroutines);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      finalize_g (self, value, self->last_ts, NULL);
      build_info (self, value);
    }
  g_array_sort (self->infos, compare_info);
  g_array_sort (self->regions, compare_region);

  by_name = g_hash_table_new (g_str_hash, g_str_equal);
  for (i = 0; i < self->infos->len; i++)
    {
      const GolanesGoroutineInfo *info = &g_array_index (self->infos, GolanesGoroutineInfo, i);
      gpointer idx = g_hash_table_lookup (by_name, info->name);
      GolanesGoroutineGroup *grp;

      if (idx == NULL)
        {
          GolanesGoroutineGroup fresh = { info->name };

          g_array_append_val (self->groups, fresh);
          idx = GUINT_TO_POINTER (self->groups->len);
          g_hash_table_insert (by_name, (gpointer) info->name, idx);
        }
      grp = &g_array_index (self->groups, GolanesGoroutineGroup, GPOINTER_TO_UINT (idx) - 1);
      grp->count++;
      grp->exec_time += info->exec_time;
      grp->total_time += info->total_time;
      grp->sched_wait_time += info->sched_wait_time;
      grp->syscall_time += info->syscall_time;
      grp->syscall_block_time += info->syscall_block_time;
      grp->unknown_time += info->unknown_time;
      for (j = 0; j < info->n_block_times; j++)
        grp->block_time += info->block_times[j].time;
      self->total_exec_time += info->exec_time;
    }
  g_hash_table_unref (by_name);
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
      ut.n_goroutines = g_hash_table_size (t->goroutines);
      g_array_append_val (self->task_list, ut);
    }
  g_array_sort (self->task_list, compare_task);
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

const GolanesGoroutineInfo *
golanes_goroutine_summary_get_goroutines (GolanesGoroutineSummary *self,
                                          guint                   *n)
{
  g_return_val_if_fail (self->finished, NULL);
  *n = self->infos->len;
  return (const GolanesGoroutineInfo *) (gpointer) self->infos->data;
}

const GolanesGoroutineInfo *
golanes_goroutine_summary_lookup (GolanesGoroutineSummary *self,
                                  gint64                   id)
{
  GolanesGoroutineInfo key = { 0 };

  g_return_val_if_fail (self->finished, NULL);
  key.id = id;
  return bsearch (&key, self->infos->data, self->infos->len, sizeof (GolanesGoroutineInfo),
                  compare_info);
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

const GolanesUserRegion *
golanes_goroutine_summary_get_regions (GolanesGoroutineSummary *self,
                                       guint                   *n)
{
  g_return_val_if_fail (self->finished, NULL);
  *n = self->regions->len;
  return (const GolanesUserRegion *) (gpointer) self->regions->data;
}

const GolanesUserTask *
golanes_goroutine_summary_get_tasks (GolanesGoroutineSummary *self,
                                     guint                   *n)
{
  g_return_val_if_fail (self->finished, NULL);
  *n = self->task_list->len;
  return (const GolanesUserTask *) (gpointer) self->task_list->data;
}
