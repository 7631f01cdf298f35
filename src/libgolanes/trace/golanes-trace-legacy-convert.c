/* golanes-trace-legacy-convert.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "golanes-error.h"
#include "golanes-trace-legacy-private.h"

/* The second half of the pre-1.22 reader (see golanes-trace-legacy.c):
 * each parsed event becomes zero or more events of the new format, as
 * Go's tracev1.go converts them, when golanes_trace_reader_next() asks. */

static void
event_init (GolanesEvent *out,
            guint8        type,
            gint64        time,
            gint64        g,
            gint64        p,
            gint64        m)
{
  memset (out, 0, sizeof *out);
  out->type = type;
  out->kind = _golanes_wire_specs[type].kind;
  out->time = time;
  out->goroutine = g;
  out->proc = p;
  out->thread = m;
}

static gint64
proc_m (GolanesLegacy *l,
        gint32         p)
{
  gint64 *m = g_hash_table_lookup (l->proc_ms, GINT_TO_POINTER (p));

  return m != NULL ? *m : GOLANES_NO_ID;
}

static guint64
stw_reason (GolanesLegacy *l,
            guint64        kind)
{
  guint64 r = 0;

  if (l->ver < 21)
    r = kind == 0 || kind == 1 ? kind + 1 : 0;
  else if (l->ver == 21)
    r = kind < N_STW_REASONS ? kind : 0;
  return l->builtin_base + B_STW_UNKNOWN + r;
}

static void
forget_pre_init (GolanesLegacy *l,
                 guint64        g)
{
  gpointer at = g_hash_table_lookup (l->created_index, &g);

  if (at != NULL)
    {
      g_array_index (l->created_pre_init, guint64, GPOINTER_TO_UINT (at) - 1) = 0;
      g_hash_table_remove (l->created_index, &g);
    }
}

static void
go_status (GolanesEvent *out,
           gint64        time,
           gint64        g,
           gint64        p,
           gint64        m,
           guint64       goid,
           guint64       status)
{
  event_init (out, GOLANES_EV_GO_STATUS, time, g, p, m);
  out->args[0] = goid;
  out->args[1] = G_MAXUINT64;
  out->args[2] = status;   /* from Undetermined: the high half is 0 */
}

/* Converts events[l->next++] into @out (1), or skips it (0), queuing any
 * further events it becomes in l->extra; -1 on error. */
static int
convert (GolanesLegacy      *l,
         GolanesGeneration  *gen,
         GolanesEvent       *out,
         GError            **error)
{
  const LEvent *ev = &g_array_index (l->events, LEvent, l->next);
  const LegacyDesc *d = &_golanes_legacy_descs[ev->type];
  guint8 type = 0;
  guint64 args[4];
  gint64 g, m;
  guint i;

  memcpy (args, ev->args, sizeof args);
  l->next++;

  switch (ev->type)
    {
    case L_GOMAXPROCS:
      type = GOLANES_EV_PROCS_CHANGE;
      if (l->pre_init)
        {
          /* Goroutines there before the trace, neither waiting, in a
           * syscall nor started: runnable. */
          l->pre_init = FALSE;
          for (i = 0; i < l->created_pre_init->len; i++)
            {
              guint64 goid = g_array_index (l->created_pre_init, guint64, i);
              GolanesEvent e;

              if (goid == 0)
                continue;   /* started, waiting or in a syscall since */
              go_status (&e, ev->ts, GOLANES_NO_ID, GOLANES_NO_ID, GOLANES_NO_ID, goid, GS_RUNNABLE);
              g_array_append_val (l->extra, e);
            }
          g_array_set_size (l->created_pre_init, 0);
          g_hash_table_remove_all (l->created_index);
          return 0;
        }
      break;
    case L_PROC_START:
      {
        gint64 *t = g_new (gint64, 1);

        *t = (gint64) ev->args[0];
        g_hash_table_insert (l->proc_ms, GINT_TO_POINTER (ev->p), t);
        memset (args, 0, sizeof args);
        args[0] = (guint64) (gint64) ev->p;
        if (g_hash_table_contains (l->seen_procs, GINT_TO_POINTER (ev->p)))
          type = GOLANES_EV_PROC_START;
        else
          {
            g_hash_table_add (l->seen_procs, GINT_TO_POINTER (ev->p));
            type = GOLANES_EV_PROC_STATUS;
            args[1] = PS_RUNNING;
          }
      }
      break;
    case L_PROC_STOP:
      memset (args, 0, sizeof args);
      args[0] = (guint64) (gint64) ev->p;
      if (g_hash_table_contains (l->seen_procs, GINT_TO_POINTER (ev->p)))
        type = GOLANES_EV_PROC_STOP;
      else
        {
          g_hash_table_add (l->seen_procs, GINT_TO_POINTER (ev->p));
          type = GOLANES_EV_PROC_STATUS;
          args[1] = PS_IDLE;
        }
      break;
    case L_GC_START:
      type = GOLANES_EV_GC_BEGIN;
      break;
    case L_GC_DONE:
      type = GOLANES_EV_GC_END;
      break;
    case L_STW_START:
      l->last_stw_reason = stw_reason (l, ev->args[0]);
      type = GOLANES_EV_STW_BEGIN;
      memset (args, 0, sizeof args);
      args[0] = l->last_stw_reason;
      break;
    case L_STW_DONE:
      type = GOLANES_EV_STW_END;
      memset (args, 0, sizeof args);
      args[0] = l->last_stw_reason;
      break;
    case L_GC_SWEEP_START:
      type = GOLANES_EV_GC_SWEEP_BEGIN;
      break;
    case L_GC_SWEEP_DONE:
      type = GOLANES_EV_GC_SWEEP_END;
      break;
    case L_GO_CREATE:
      if (l->pre_init)
        {
          guint64 goid = ev->args[0];

          if (!g_hash_table_contains (l->created_index, &goid))
            {
              g_array_append_val (l->created_pre_init, goid);
              g_hash_table_insert (l->created_index, g_memdup2 (&goid, sizeof goid),
                                   GUINT_TO_POINTER (l->created_pre_init->len));
            }
          return 0;
        }
      type = GOLANES_EV_GO_CREATE;
      break;
    case L_GO_START:
      if (l->pre_init)
        {
          type = GOLANES_EV_GO_STATUS;
          memset (args, 0, sizeof args);
          args[0] = ev->args[0];
          args[1] = G_MAXUINT64;
          args[2] = GS_RUNNING;
          forget_pre_init (l, ev->args[0]);
        }
      else
        type = GOLANES_EV_GO_START;
      break;
    case L_GO_START_LABEL:
      {
        GolanesEvent label;

        m = proc_m (l, ev->p);
        event_init (&label, GOLANES_EV_GO_LABEL, ev->ts, (gint64) ev->g, ev->p, m);
        label.args[0] = ev->args[2];
        label.offset = ev->offset;
        /* Go replaces what was queued. */
        g_array_set_size (l->extra, 0);
        l->extra_pos = 0;
        g_array_append_val (l->extra, label);
        event_init (out, GOLANES_EV_GO_START, ev->ts, (gint64) ev->g, ev->p, m);
        memcpy (out->args, args, sizeof args);
        out->offset = ev->offset;
        return 1;
      }
    case L_GO_END:
      type = GOLANES_EV_GO_DESTROY;
      break;
    case L_GO_STOP:
    case L_GO_SCHED:
    case L_GO_PREEMPT:
    case L_GO_SLEEP:
    case L_GO_BLOCK:
    case L_GO_BLOCK_SEND:
    case L_GO_BLOCK_RECV:
    case L_GO_BLOCK_SELECT:
    case L_GO_BLOCK_SYNC:
    case L_GO_BLOCK_COND:
    case L_GO_BLOCK_NET:
    case L_GO_BLOCK_GC:
      {
        guint reason;

        switch (ev->type)
          {
          case L_GO_STOP: reason = B_FOREVER; break;
          case L_GO_SCHED: reason = B_GOSCHED; break;
          case L_GO_PREEMPT: reason = B_PREEMPTED; break;
          case L_GO_SLEEP: reason = B_SLEEP; break;
          case L_GO_BLOCK: reason = B_EMPTY; break;
          case L_GO_BLOCK_SEND: reason = B_CHAN_SEND; break;
          case L_GO_BLOCK_RECV: reason = B_CHAN_RECV; break;
          case L_GO_BLOCK_SELECT: reason = B_SELECT; break;
          case L_GO_BLOCK_SYNC: reason = B_SYNC; break;
          case L_GO_BLOCK_COND: reason = B_SYNC_COND; break;
          case L_GO_BLOCK_NET: reason = B_NETWORK; break;
          default: reason = B_MARK_ASSIST_WAIT; break;
          }
        type = ev->type == L_GO_SCHED || ev->type == L_GO_PREEMPT ? GOLANES_EV_GO_STOP : GOLANES_EV_GO_BLOCK;
        memset (args, 0, sizeof args);
        args[0] = l->builtin_base + reason;
        args[1] = ev->stk;
      }
      break;
    case L_GO_UNBLOCK:
      type = GOLANES_EV_GO_UNBLOCK;
      break;
    case L_GO_SYSCALL:
      {
        /* Whether the goroutine's next event is a GoSysBlock (found for
         * every syscall in one pass, see mark_blocking_syscalls()). */
        gboolean blocked = ev->args[3] != 0;

        memset (args, 0, sizeof args);
        args[1] = ev->stk;
        if (!blocked)
          {
            GolanesEvent end;

            m = proc_m (l, ev->p);
            event_init (out, GOLANES_EV_GO_SYSCALL_BEGIN, ev->ts, (gint64) ev->g, ev->p, m);
            memcpy (out->args, args, sizeof args);
            out->offset = ev->offset;
            event_init (&end, GOLANES_EV_GO_SYSCALL_END, _golanes_add_wrap (ev->ts, 1), (gint64) ev->g, ev->p, m);
            g_array_append_val (l->extra, end);
            return 1;
          }
        type = GOLANES_EV_GO_SYSCALL_BEGIN;
      }
      break;
    case L_GO_SYS_EXIT:
      type = GOLANES_EV_GO_SYSCALL_END_BLOCKED;
      break;
    case L_GO_SYS_BLOCK:
      return 0;
    case L_GO_WAITING:
    case L_GO_IN_SYSCALL:
      type = GOLANES_EV_GO_STATUS;
      memset (args, 0, sizeof args);
      args[0] = ev->args[0];
      args[1] = G_MAXUINT64;
      args[2] = ev->type == L_GO_WAITING ? GS_WAITING : GS_SYSCALL;
      forget_pre_init (l, ev->args[0]);
      break;
    case L_HEAP_ALLOC:
      type = GOLANES_EV_HEAP_ALLOC;
      break;
    case L_HEAP_GOAL:
      type = GOLANES_EV_HEAP_GOAL;
      break;
    case L_GC_MARK_ASSIST_START:
      type = GOLANES_EV_GC_MARK_ASSIST_BEGIN;
      break;
    case L_GC_MARK_ASSIST_DONE:
      type = GOLANES_EV_GC_MARK_ASSIST_END;
      break;
    case L_USER_TASK_CREATE:
      {
        TaskState *ts = g_new (TaskState, 1);

        type = GOLANES_EV_USER_TASK_BEGIN;
        memset (args, 0, sizeof args);
        args[0] = ev->args[0];
        args[1] = ev->args[1] == 0 ? GOLANES_NO_TASK : ev->args[1];
        args[2] = ev->args[2];
        args[3] = ev->stk;
        ts->name = ev->args[2];
        ts->parent = ev->args[1];
        g_hash_table_insert (l->tasks, g_memdup2 (&ev->args[0], sizeof (guint64)), ts);
      }
      break;
    case L_USER_TASK_END:
      {
        TaskState *ts = g_hash_table_lookup (l->tasks, &ev->args[0]);
        GolanesStr name = { "", 0 };

        type = GOLANES_EV_USER_TASK_END;
        memset (args, 0, sizeof args);
        args[0] = ev->args[0];
        args[1] = ev->args[1];
        if (ts != NULL)
          {
            _golanes_generation_get_string (gen, ts->name, &name);
            args[2] = ts->parent;
          }
        else
          args[2] = GOLANES_NO_TASK;
        args[3] = _golanes_generation_add_extra (gen, name.data, name.len);
        if (ts != NULL)
          g_hash_table_remove (l->tasks, &ev->args[0]);
      }
      break;
    case L_USER_REGION:
      type = ev->args[1] == 0 ? GOLANES_EV_USER_REGION_BEGIN :
             ev->args[1] == 1 ? GOLANES_EV_USER_REGION_END : 0;
      memset (args, 0, sizeof args);
      args[0] = ev->args[0];
      args[1] = ev->args[2];
      args[2] = ev->stk;
      break;
    case L_USER_LOG:
      type = GOLANES_EV_USER_LOG;
      memset (args, 0, sizeof args);
      args[0] = ev->args[0];
      args[1] = ev->args[1];
      args[2] = l->inline_base + ev->args[3];
      args[3] = ev->stk;
      break;
    case L_CPU_SAMPLE:
      event_init (out, GOLANES_EV_CPU_SAMPLE, ev->ts, ev->g == 0 ? GOLANES_NO_ID : (gint64) ev->g, ev->p,
                  GOLANES_NO_ID);
      out->args[0] = ev->stk;
      out->offset = ev->offset;
      return 1;
    default:
      return _golanes_legacy_fail (error, GOLANES_ERROR_MALFORMED, ev->offset, "unexpected event type %u", ev->type) ? 0 : -1;
    }

  if (type == 0)
    return _golanes_legacy_fail (error, GOLANES_ERROR_MALFORMED, ev->offset, "unexpected event type %u", ev->type) ? 0 : -1;
  if (d->stack && _golanes_wire_specs[type].stack_args[0] != 0)
    args[_golanes_wire_specs[type].stack_args[0] - 1] = ev->stk;

  m = GOLANES_NO_ID;
  if (ev->p != -1)
    m = proc_m (l, ev->p);
  if (ev->type == L_PROC_STOP)
    g_hash_table_remove (l->proc_ms, GINT_TO_POINTER (ev->p));
  g = ev->g == 0 ? GOLANES_NO_ID : (gint64) ev->g;
  event_init (out, type, ev->ts, g, ev->p, m);
  memcpy (out->args, args, sizeof args);
  out->offset = ev->offset;
  return 1;
}

/* The next event of a legacy trace (golanes_trace_reader_next() makes
 * times strictly increasing, as Go's converter does): 1, 0 at the end, -1
 * on error. */
int
_golanes_legacy_next (GolanesTraceReader *r,
                      GolanesEvent       *out,
                      GError            **error)
{
  GolanesLegacy *l = r->legacy;

  if (l->ended)
    return 0;
  if (!l->first_sync_done)
    {
      l->first_sync_done = TRUE;
      if (l->events->len > 0)
        {
          memset (out, 0, sizeof *out);
          out->type = GOLANES_EV_SYNC;
          out->kind = GOLANES_EVENT_SYNC;
          out->thread = out->proc = out->goroutine = GOLANES_NO_ID;
          out->time = _golanes_add_wrap (g_array_index (l->events, LEvent, 0).ts, -1);
          out->args[0] = ++r->syncs;
          out->args[1] = TRUE;
          return 1;
        }
    }
  for (;;)
    {
      int res;

      if (l->extra_pos < l->extra->len)
        {
          *out = g_array_index (l->extra, GolanesEvent, l->extra_pos++);
          if (l->extra_pos == l->extra->len)
            {
              g_array_set_size (l->extra, 0);
              l->extra_pos = 0;
            }
          return 1;
        }
      if (l->next >= l->events->len)
        break;
      res = convert (l, r->gen, out, error);
      if (res != 0)
        {
          if (l->next == l->events->len && l->extra->len == 0)
            g_array_set_size (l->events, 0), l->next = 0;
          return res;
        }
    }
  /* The end: the last Sync, one nanosecond after the last event. */
  l->ended = TRUE;
  g_array_set_size (l->events, 0);
  memset (out, 0, sizeof *out);
  out->type = GOLANES_EV_SYNC;
  out->kind = GOLANES_EVENT_SYNC;
  out->thread = out->proc = out->goroutine = GOLANES_NO_ID;
  out->time = r->last_ts == G_MININT64 ? 0 : _golanes_add_wrap (r->last_ts, 1);
  out->args[0] = ++r->syncs;
  r->done = TRUE;
  return 1;
}
