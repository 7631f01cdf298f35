/* golanes-trace-event.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The public accessors of events: stacks, state transitions, ranges,
 * metrics, labels, tasks, regions, logs, syncs and experimental events
 * (Go's event.go), and the names of the public enumerations.
 */

#include "config.h"

#include <string.h>

#include "golanes-trace-reader-private.h"

/* ---- names ------------------------------------------------------------- */

const char *
golanes_go_state_name (guint state)
{
  static const char *names[] = { "Undetermined", "NotExist", "Runnable", "Running", "Waiting", "Syscall" };
  return state < G_N_ELEMENTS (names) ? names[state] : "Bad";
}

const char *
golanes_proc_state_name (guint state)
{
  static const char *names[] = { "Undetermined", "NotExist", "Running", "Idle" };
  return state < G_N_ELEMENTS (names) ? names[state] : "Bad";
}

const char *
golanes_event_kind_name (guint kind)
{
  static const char *names[] = {
    "Bad", "Sync", "Metric", "Label", "StackSample", "RangeBegin", "RangeActive",
    "RangeEnd", "TaskBegin", "TaskEnd", "RegionBegin", "RegionEnd", "Log",
    "StateTransition", "Experimental",
  };
  return kind < G_N_ELEMENTS (names) ? names[kind] : "Bad";
}

/* ---- details ----------------------------------------------------------- */

guint64
golanes_event_get_stack (const GolanesEvent *ev,
                         gboolean           *has_stack)
{
  const GolanesWireSpec *spec;
  guint64 id = 0;
  gboolean has = FALSE;

  if (ev->type == GOLANES_EV_CPU_SAMPLE)
    {
      /* Go attaches the sample's stack even when its id is 0. */
      has = TRUE;
      id = ev->args[0];
    }
  else if (ev->type != GOLANES_EV_SYNC && ev->type < GOLANES_N_SPECS)
    {
      spec = &_golanes_wire_specs[ev->type];
      if (spec->stack_args[0] != 0)
        {
          id = ev->args[spec->stack_args[0] - 1];
          has = id != 0;
        }
    }
  if (has_stack != NULL)
    *has_stack = has;
  return id;
}

static void
lookup_or_empty (GolanesTraceReader *r,
                 guint64             id,
                 GolanesStr         *out)
{
  golanes_trace_reader_lookup_string (r, id, out);
}

gboolean
golanes_event_get_state_transition (GolanesTraceReader     *r,
                                    const GolanesEvent     *ev,
                                    GolanesStateTransition *st)
{
  gboolean has;

  if (ev->kind != GOLANES_EVENT_STATE_TRANSITION)
    return FALSE;
  memset (st, 0, sizeof *st);
  st->reason.data = "";
  st->resource.kind = GOLANES_RESOURCE_GOROUTINE;
  switch (ev->type)
    {
    case GOLANES_EV_PROC_START:
      st->resource.kind = GOLANES_RESOURCE_PROC;
      st->resource.id = (gint64) ev->args[0];
      st->from = GOLANES_PROC_IDLE;
      st->to = GOLANES_PROC_RUNNING;
      break;
    case GOLANES_EV_PROC_STOP:
      st->resource.kind = GOLANES_RESOURCE_PROC;
      st->resource.id = ev->proc;
      st->from = GOLANES_PROC_RUNNING;
      st->to = GOLANES_PROC_IDLE;
      break;
    case GOLANES_EV_PROC_STEAL:
      st->resource.kind = GOLANES_RESOURCE_PROC;
      st->resource.id = (gint64) ev->args[0];
      st->from = ev->args[3] == PS_ABANDONED ? GOLANES_PROC_IDLE : GOLANES_PROC_RUNNING;
      st->to = GOLANES_PROC_IDLE;
      break;
    case GOLANES_EV_PROC_STATUS:
      st->resource.kind = GOLANES_RESOURCE_PROC;
      st->resource.id = (gint64) ev->args[0];
      st->from = (guint) ev->args[2];
      st->to = ev->args[1] < G_N_ELEMENTS (_golanes_proc_status_to_state) ? _golanes_proc_status_to_state[ev->args[1]] : 0;
      break;
    case GOLANES_EV_GO_CREATE:
    case GOLANES_EV_GO_CREATE_BLOCKED:
      st->resource.id = (gint64) ev->args[0];
      st->from = GOLANES_GO_NOT_EXIST;
      st->to = ev->type == GOLANES_EV_GO_CREATE_BLOCKED ? GOLANES_GO_WAITING : GOLANES_GO_RUNNABLE;
      st->has_stack = TRUE;
      st->stack = ev->args[1];
      break;
    case GOLANES_EV_GO_CREATE_SYSCALL:
      st->resource.id = (gint64) ev->args[0];
      st->from = GOLANES_GO_NOT_EXIST;
      st->to = GOLANES_GO_SYSCALL;
      break;
    case GOLANES_EV_GO_START:
      st->resource.id = (gint64) ev->args[0];
      st->from = GOLANES_GO_RUNNABLE;
      st->to = GOLANES_GO_RUNNING;
      break;
    case GOLANES_EV_GO_DESTROY:
      st->resource.id = ev->goroutine;
      st->from = GOLANES_GO_RUNNING;
      st->to = GOLANES_GO_NOT_EXIST;
      break;
    case GOLANES_EV_GO_DESTROY_SYSCALL:
      st->resource.id = ev->goroutine;
      st->from = GOLANES_GO_SYSCALL;
      st->to = GOLANES_GO_NOT_EXIST;
      break;
    case GOLANES_EV_GO_STOP:
    case GOLANES_EV_GO_BLOCK:
      st->resource.id = ev->goroutine;
      st->from = GOLANES_GO_RUNNING;
      st->to = ev->type == GOLANES_EV_GO_STOP ? GOLANES_GO_RUNNABLE : GOLANES_GO_WAITING;
      lookup_or_empty (r, ev->args[0], &st->reason);
      st->stack = golanes_event_get_stack (ev, &has);
      st->has_stack = has;
      break;
    case GOLANES_EV_GO_UNBLOCK:
    case GOLANES_EV_GO_SWITCH:
    case GOLANES_EV_GO_SWITCH_DESTROY:
      st->resource.id = (gint64) ev->args[0];
      st->from = GOLANES_GO_WAITING;
      st->to = GOLANES_GO_RUNNABLE;
      break;
    case GOLANES_EV_GO_SYSCALL_BEGIN:
      st->resource.id = ev->goroutine;
      st->from = GOLANES_GO_RUNNING;
      st->to = GOLANES_GO_SYSCALL;
      st->stack = golanes_event_get_stack (ev, &has);
      st->has_stack = has;
      break;
    case GOLANES_EV_GO_SYSCALL_END:
      st->resource.id = ev->goroutine;
      st->from = GOLANES_GO_SYSCALL;
      st->to = GOLANES_GO_RUNNING;
      break;
    case GOLANES_EV_GO_SYSCALL_END_BLOCKED:
      st->resource.id = ev->goroutine;
      st->from = GOLANES_GO_SYSCALL;
      st->to = GOLANES_GO_RUNNABLE;
      break;
    case GOLANES_EV_GO_STATUS:
    case GOLANES_EV_GO_STATUS_STACK:
      {
        guint64 packed = ev->args[2], to = packed & 0xffffffffu;
        st->resource.id = (gint64) ev->args[0];
        st->from = (guint) (packed >> 32);
        st->to = to < G_N_ELEMENTS (_golanes_go_status_to_state) ? _golanes_go_status_to_state[to] : 0;
        st->stack = golanes_event_get_stack (ev, &has);
        st->has_stack = has;
      }
      break;
    default:
      return FALSE;
    }
  return TRUE;
}

gboolean
golanes_event_get_range (GolanesTraceReader *r,
                         const GolanesEvent *ev,
                         GolanesRange       *out)
{
  if (ev->kind != GOLANES_EVENT_RANGE_BEGIN && ev->kind != GOLANES_EVENT_RANGE_ACTIVE &&
      ev->kind != GOLANES_EVENT_RANGE_END)
    return FALSE;
  memset (out, 0, sizeof *out);
  out->detail.data = "";
  switch (ev->type)
    {
    case GOLANES_EV_STW_BEGIN:
    case GOLANES_EV_STW_END:
      out->type = GOLANES_RANGE_STW;
      lookup_or_empty (r, ev->args[0], &out->detail);
      out->scope.kind = GOLANES_RESOURCE_GOROUTINE;
      out->scope.id = ev->goroutine;
      break;
    case GOLANES_EV_GC_BEGIN:
    case GOLANES_EV_GC_ACTIVE:
    case GOLANES_EV_GC_END:
      out->type = GOLANES_RANGE_GC_MARK;
      out->scope.kind = GOLANES_RESOURCE_NONE;
      break;
    case GOLANES_EV_GC_SWEEP_BEGIN:
    case GOLANES_EV_GC_SWEEP_ACTIVE:
    case GOLANES_EV_GC_SWEEP_END:
      out->type = GOLANES_RANGE_GC_SWEEP;
      out->scope.kind = GOLANES_RESOURCE_PROC;
      out->scope.id = ev->type == GOLANES_EV_GC_SWEEP_ACTIVE ? (gint64) ev->args[0] : ev->proc;
      if (ev->type == GOLANES_EV_GC_SWEEP_END)
        {
          out->n_attributes = 2;
          out->attributes[0] = ev->args[0];
          out->attributes[1] = ev->args[1];
        }
      break;
    case GOLANES_EV_GC_MARK_ASSIST_BEGIN:
    case GOLANES_EV_GC_MARK_ASSIST_ACTIVE:
    case GOLANES_EV_GC_MARK_ASSIST_END:
      out->type = GOLANES_RANGE_GC_MARK_ASSIST;
      out->scope.kind = GOLANES_RESOURCE_GOROUTINE;
      out->scope.id = ev->type == GOLANES_EV_GC_MARK_ASSIST_ACTIVE ? (gint64) ev->args[0] : ev->goroutine;
      break;
    default:
      return FALSE;
    }
  return TRUE;
}

gboolean
golanes_event_get_metric (const GolanesEvent *ev,
                          const char        **name,
                          guint64            *value)
{
  switch (ev->type)
    {
    case GOLANES_EV_PROCS_CHANGE:
      *name = "/sched/gomaxprocs:threads";
      break;
    case GOLANES_EV_HEAP_ALLOC:
      *name = "/memory/classes/heap/objects:bytes";
      break;
    case GOLANES_EV_HEAP_GOAL:
      *name = "/gc/heap/goal:bytes";
      break;
    default:
      return FALSE;
    }
  *value = ev->args[0];
  return TRUE;
}

gboolean
golanes_event_get_label (GolanesTraceReader *r,
                         const GolanesEvent *ev,
                         GolanesStr         *label)
{
  if (ev->type != GOLANES_EV_GO_LABEL)
    return FALSE;
  lookup_or_empty (r, ev->args[0], label);
  return TRUE;
}

gboolean
golanes_event_get_task (GolanesTraceReader *r,
                        const GolanesEvent *ev,
                        GolanesTask        *out)
{
  out->id = ev->args[0];
  if (ev->type == GOLANES_EV_USER_TASK_BEGIN)
    {
      out->parent = ev->args[1];
      lookup_or_empty (r, ev->args[2], &out->type);
      return TRUE;
    }
  if (ev->type == GOLANES_EV_USER_TASK_END)
    {
      out->parent = ev->args[2];
      out->type.data = "";
      out->type.len = 0;
      if (ev->args[3] != 0 && r->gen != NULL)
        {
          GString *name = NULL;

          g_mutex_lock (&r->gen->extra_lock);
          if (ev->args[3] <= r->gen->extra->len)
            name = g_ptr_array_index (r->gen->extra, ev->args[3] - 1);
          g_mutex_unlock (&r->gen->extra_lock);
          if (name != NULL)
            {
              out->type.data = name->str;
              out->type.len = name->len;
            }
        }
      return TRUE;
    }
  return FALSE;
}

gboolean
golanes_event_get_region (GolanesTraceReader *r,
                          const GolanesEvent *ev,
                          GolanesRegion      *out)
{
  if (ev->type != GOLANES_EV_USER_REGION_BEGIN && ev->type != GOLANES_EV_USER_REGION_END)
    return FALSE;
  out->task = ev->args[0];
  lookup_or_empty (r, ev->args[1], &out->type);
  return TRUE;
}

gboolean
golanes_event_get_log (GolanesTraceReader *r,
                       const GolanesEvent *ev,
                       GolanesLog         *out)
{
  if (ev->type != GOLANES_EV_USER_LOG)
    return FALSE;
  out->task = ev->args[0];
  lookup_or_empty (r, ev->args[1], &out->category);
  lookup_or_empty (r, ev->args[2], &out->message);
  return TRUE;
}

gboolean
golanes_event_get_sync (GolanesTraceReader *r,
                        const GolanesEvent *ev,
                        GolanesSync        *out)
{
  if (ev->type != GOLANES_EV_SYNC)
    return FALSE;
  memset (out, 0, sizeof *out);
  out->n = (guint) ev->args[0];
  if (ev->args[1] && r->gen != NULL && r->gen->has_clock)
    {
      gint64 sec = (gint64) r->gen->snap_sec, nsec = (gint64) r->gen->snap_nsec;

      out->has_clock_snapshot = TRUE;
      out->snapshot_trace_time = _golanes_freq_mul (r->gen->freq, r->gen->snap_time);
      out->snapshot_mono = r->gen->snap_mono;
      if (nsec < 0 || nsec >= 1000000000)
        {
          gint64 n = nsec / 1000000000;
          sec = _golanes_add_wrap (sec, n);
          nsec -= n * 1000000000;
          if (nsec < 0)
            {
              nsec += 1000000000;
              sec = _golanes_add_wrap (sec, -1);
            }
        }
      out->snapshot_wall_sec = sec;
      out->snapshot_wall_nsec = nsec;
    }
  return TRUE;
}

gboolean
golanes_event_get_experimental (const GolanesEvent  *ev,
                                const char         **name,
                                const char * const **arg_names,
                                guint               *n_args)
{
  const GolanesWireSpec *spec;

  if (ev->kind != GOLANES_EVENT_EXPERIMENTAL || ev->type >= GOLANES_N_SPECS)
    return FALSE;
  spec = &_golanes_wire_specs[ev->type];
  *name = spec->name;
  *arg_names = spec->arg_names + 1;
  *n_args = spec->nargs - 1;
  return TRUE;
}
