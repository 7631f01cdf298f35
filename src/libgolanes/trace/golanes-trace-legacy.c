/* golanes-trace-legacy.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "golanes-error.h"
#include "golanes-trace-legacy-private.h"
#include "golanes-varint-private.h"

/*
 * Traces of Go 1.11 to 1.21 (headers "go 1.11", "go 1.19", "go 1.21").
 *
 * That format has no generations: each P writes batches of events whose
 * timestamps are deltas in CPU ticks, strings and stacks are defined once
 * anywhere in the file, and the events of all Ps are merged by their
 * goroutines' sequence numbers.  Go reads such a trace whole and converts
 * it into the events of the new format, as one generation; so does this
 * file, as Go's internal/trace/internal/tracev1 and tracev1.go specify:
 *
 *   1. a first pass finds every P's batches and reads the CPU samples;
 *   2. the batches are merged, an event entering the stream only once its
 *      goroutine is in the state it expects (a heap of ready events by
 *      time), then syscall exits get their real times;
 *   3. ticks become nanoseconds, timers' and syscalls' events move to
 *      Go's fake Ps, and the stream is checked as Go checks it;
 *   4. each event is converted on the way out (golanes_trace_reader_next,
 *      golanes-trace-legacy-convert.c):
 *      goroutines that existed before the trace get GoStatus events, an
 *      instant syscall becomes a 1 ns GoSyscallBegin/End pair, and so on.
 *
 * The strings, stacks and frames become one GolanesGeneration, so every
 * look-up, accessor and the -d=parsed text work unchanged.  The whole file
 * is held in memory while it is parsed (as Go does); the parsed events take
 * 72 bytes each until they are handed out.
 */

const LegacyDesc _golanes_legacy_descs[L_COUNT] = {
  [L_NONE] = { "None", 5, 0, 0, {0} },
  [L_BATCH] = { "Batch", 5, 0, 2, { "p", "ticks" } },
  [L_FREQUENCY] = { "Frequency", 5, 0, 1, { "freq" } },
  [L_STACK] = { "Stack", 5, 0, 2, { "id", "siz" } },
  [L_GOMAXPROCS] = { "Gomaxprocs", 5, 1, 1, { "procs" } },
  [L_PROC_START] = { "ProcStart", 5, 0, 1, { "thread" } },
  [L_PROC_STOP] = { "ProcStop", 5, 0, 0, {0} },
  [L_GC_START] = { "GCStart", 5, 1, 1, { "seq" } },
  [L_GC_DONE] = { "GCDone", 5, 0, 0, {0} },
  [L_STW_START] = { "GCSTWStart", 5, 0, 1, { "kindid" } },
  [L_STW_DONE] = { "GCSTWDone", 5, 0, 0, {0} },
  [L_GC_SWEEP_START] = { "GCSweepStart", 5, 1, 0, {0} },
  [L_GC_SWEEP_DONE] = { "GCSweepDone", 5, 0, 2, { "swept", "reclaimed" } },
  [L_GO_CREATE] = { "GoCreate", 5, 1, 2, { "g", "stack" } },
  [L_GO_START] = { "GoStart", 5, 0, 2, { "g", "seq" } },
  [L_GO_END] = { "GoEnd", 5, 0, 0, {0} },
  [L_GO_STOP] = { "GoStop", 5, 1, 0, {0} },
  [L_GO_SCHED] = { "GoSched", 5, 1, 0, {0} },
  [L_GO_PREEMPT] = { "GoPreempt", 5, 1, 0, {0} },
  [L_GO_SLEEP] = { "GoSleep", 5, 1, 0, {0} },
  [L_GO_BLOCK] = { "GoBlock", 5, 1, 0, {0} },
  [L_GO_UNBLOCK] = { "GoUnblock", 5, 1, 2, { "g", "seq" } },
  [L_GO_BLOCK_SEND] = { "GoBlockSend", 5, 1, 0, {0} },
  [L_GO_BLOCK_RECV] = { "GoBlockRecv", 5, 1, 0, {0} },
  [L_GO_BLOCK_SELECT] = { "GoBlockSelect", 5, 1, 0, {0} },
  [L_GO_BLOCK_SYNC] = { "GoBlockSync", 5, 1, 0, {0} },
  [L_GO_BLOCK_COND] = { "GoBlockCond", 5, 1, 0, {0} },
  [L_GO_BLOCK_NET] = { "GoBlockNet", 5, 1, 0, {0} },
  [L_GO_SYSCALL] = { "GoSysCall", 5, 1, 0, {0} },
  [L_GO_SYS_EXIT] = { "GoSysExit", 5, 0, 3, { "g", "seq", "ts" } },
  [L_GO_SYS_BLOCK] = { "GoSysBlock", 5, 0, 0, {0} },
  [L_GO_WAITING] = { "GoWaiting", 5, 0, 1, { "g" } },
  [L_GO_IN_SYSCALL] = { "GoInSyscall", 5, 0, 1, { "g" } },
  [L_HEAP_ALLOC] = { "HeapAlloc", 5, 0, 1, { "mem" } },
  [L_HEAP_GOAL] = { "HeapGoal", 5, 0, 1, { "mem" } },
  [L_TIMER_GOROUTINE] = { "TimerGoroutine", 5, 0, 1, { "g" } },
  [L_FUTILE_WAKEUP] = { "FutileWakeup", 5, 0, 0, {0} },
  [L_STRING] = { "String", 7, 0, 0, {0} },
  [L_GO_START_LOCAL] = { "GoStartLocal", 7, 0, 1, { "g" } },
  [L_GO_UNBLOCK_LOCAL] = { "GoUnblockLocal", 7, 1, 1, { "g" } },
  [L_GO_SYS_EXIT_LOCAL] = { "GoSysExitLocal", 7, 0, 2, { "g", "ts" } },
  [L_GO_START_LABEL] = { "GoStartLabel", 8, 0, 3, { "g", "seq", "labelid" } },
  [L_GO_BLOCK_GC] = { "GoBlockGC", 8, 1, 0, {0} },
  [L_GC_MARK_ASSIST_START] = { "GCMarkAssistStart", 9, 1, 0, {0} },
  [L_GC_MARK_ASSIST_DONE] = { "GCMarkAssistDone", 9, 0, 0, {0} },
  [L_USER_TASK_CREATE] = { "UserTaskCreate", 11, 1, 3, { "taskid", "pid", "typeid" } },
  [L_USER_TASK_END] = { "UserTaskEnd", 11, 1, 1, { "taskid" } },
  [L_USER_REGION] = { "UserRegion", 11, 1, 3, { "taskid", "mode", "typeid" } },
  [L_USER_LOG] = { "UserLog", 11, 1, 2, { "id", "keyid" } },
  [L_CPU_SAMPLE] = { "CPUSample", 19, 1, 3, { "ts", "p", "g" } },
};

/* Short names for this file. */
static const LegacyDesc *const descs = _golanes_legacy_descs;

/* The strings the converter adds (reasons and stop-the-world kinds). */
static const char *const builtins[] = {
  "forever", "preempted", "runtime.Gosched", "sleep", "chan send", "chan receive",
  "network", "sync", "sync.(*Cond).Wait", "select", "", "GC mark assist wait for work",
  /* stop-the-world kinds, from "unknown" on */
  "", "GC mark termination", "GC sweep termination", "write heap dump", "goroutine profile",
  "goroutine profile cleanup", "all goroutine stack trace", "read mem stats", "AllThreadsSyscall",
  "GOMAXPROCS", "start trace", "stop trace", "CountPagesInUse (test)", "ReadMetricsSlow (test)",
  "ReadMemStatsSlow (test)", "PageCachePagesLeaked (test)", "ResetDebugLog (test)",
};
G_STATIC_ASSERT (G_N_ELEMENTS (builtins) == N_BUILTINS);

/* ---- errors ------------------------------------------------------------- */

static const char malformed_varint[] = "malformatted base-128 varint";

gboolean
_golanes_legacy_fail (GError    **error,
      int         code,
      guint64     offset,
      const char *fmt,
      ...)
{
  va_list ap;
  g_autofree char *msg = NULL;

  va_start (ap, fmt);
  msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  _golanes_trace_set_error (error, code, offset, "an event of the pre-1.22 trace format", "%s", msg);
  return FALSE;
}

#define fail _golanes_legacy_fail   /* its short name in this file */

/* ---- reading ------------------------------------------------------------ */

static gboolean
read_val (GolanesLegacy *l,
          guint64       *v)
{
  int n = golanes_varint_decode (l->data + l->off, l->len - l->off, v);

  if (n <= 0)
    return FALSE;
  l->off += (gsize) n;
  return TRUE;
}

static gboolean
discard (GolanesLegacy *l,
         guint64        n)
{
  if (n > l->len - l->off)
    return FALSE;
  l->off += (gsize) n;
  return TRUE;
}

enum
{
  SKIP_ARGS = 1 << 0,
  SKIP_STRINGS = 1 << 1,
};

/* Go's readRawEvent: 1 on an event, 0 at the end, -1 on error. */
static int
read_raw (GolanesLegacy *l,
          guint          flags,
          Raw           *raw,
          GError       **error)
{
  gsize start = l->off;
  guint8 b, typ, narg;
  guint64 v, id, ln;

  if (l->off >= l->len)
    return 0;
  b = l->data[l->off++];
  typ = b & 0x3f;
  narg = (guint8) ((b >> 6) + 1);
  raw->offset = start;
  raw->n_args = 0;
  raw->sarg = NULL;
  raw->sarg_len = 0;
  if (typ == L_NONE || typ >= L_COUNT || descs[typ].min_version > l->ver)
    return fail (error, GOLANES_ERROR_MALFORMED, start, "unknown event type %u", typ) ? 0 : -1;

  switch (typ)
    {
    case L_STRING:
      if (flags & SKIP_STRINGS)
        {
          if (!read_val (l, &id))
            return fail (error, GOLANES_ERROR_MALFORMED, l->off, "%s", malformed_varint), -1;
          if (!read_val (l, &ln))
            return fail (error, GOLANES_ERROR_MALFORMED, l->off, "%s", malformed_varint), -1;
          if (!discard (l, ln))
            return fail (error, GOLANES_ERROR_TRUNCATED, l->off, "failed to read trace: EOF"), -1;
        }
      else
        {
          if (!read_val (l, &id))
            return fail (error, GOLANES_ERROR_MALFORMED, l->off, "%s", malformed_varint), -1;
          if (id == 0)
            return fail (error, GOLANES_ERROR_MALFORMED, start, "string has invalid id 0"), -1;
          if (g_hash_table_contains (l->strings, &id))
            return fail (error, GOLANES_ERROR_MALFORMED, start, "string has duplicate id %" G_GUINT64_FORMAT, id), -1;
          if (!read_val (l, &ln))
            return fail (error, GOLANES_ERROR_MALFORMED, l->off, "%s", malformed_varint), -1;
          if (ln == 0)
            return fail (error, GOLANES_ERROR_MALFORMED, start, "string has invalid length 0"), -1;
          if (ln > 1000000)
            return fail (error, GOLANES_ERROR_MALFORMED, start, "string has too large length %" G_GUINT64_FORMAT, ln), -1;
          if (ln > l->len - l->off)
            return fail (error, GOLANES_ERROR_TRUNCATED, l->off, "failed to read trace: unexpected EOF"), -1;
          {
            guint64 *key = g_new (guint64, 1);

            *key = id;
            g_hash_table_insert (l->strings, key, g_bytes_new (l->data + l->off, (gsize) ln));
            l->max_string = MAX (l->max_string, id);
          }
          l->off += (gsize) ln;
        }
      raw->type = L_NONE;
      return 1;

    case L_BATCH:
      if (narg != 2)
        return fail (error, GOLANES_ERROR_MALFORMED, start,
                     "EvBatch has wrong number of arguments: got %u, want 2", narg), -1;
      if (!read_val (l, &id))
        return fail (error, GOLANES_ERROR_MALFORMED, l->off, "%s", malformed_varint), -1;
      if (id != G_MAXUINT64 && id > G_MAXINT32)
        return fail (error, GOLANES_ERROR_MALFORMED, start, "processor ID %" G_GUINT64_FORMAT
                     " is larger than maximum of %" G_GUINT64_FORMAT, id, G_MAXUINT64), -1;
      if (!read_val (l, &v))
        return fail (error, GOLANES_ERROR_MALFORMED, l->off, "%s", malformed_varint), -1;
      raw->type = L_BATCH;
      raw->batch_pid = id == G_MAXUINT64 ? -1 : (gint32) id;
      raw->args[0] = id;
      raw->args[1] = v;
      raw->n_args = 2;
      return 1;

    default:
      raw->type = typ;
      if (narg <= 3)
        {
          guint i;

          for (i = 0; i < narg; i++)
            {
              if (!read_val (l, &v))
                return fail (error, GOLANES_ERROR_MALFORMED, l->off, "failed to read event %u argument: %s",
                             typ, malformed_varint), -1;
              if (!(flags & SKIP_ARGS))
                raw->args[raw->n_args++] = v;
            }
        }
      else
        {
          if (!read_val (l, &v))
            return fail (error, GOLANES_ERROR_MALFORMED, l->off, "failed to read event %u argument: %s",
                         typ, malformed_varint), -1;
          if (v > 2048)
            return fail (error, GOLANES_ERROR_MALFORMED, start, "failed to read event %u argument: length-prefixed "
                         "argument too big: %" G_GUINT64_FORMAT " bytes, limit is 2048", typ, v), -1;
          if (!(flags & SKIP_ARGS) || typ == L_CPU_SAMPLE)
            {
              const guint8 *p, *end;

              if (v > l->len - l->off)
                return fail (error, GOLANES_ERROR_TRUNCATED, l->off, "failed to read trace: unexpected EOF"), -1;
              p = l->data + l->off;
              end = p + v;
              l->off += (gsize) v;
              while (p < end)
                {
                  guint64 a;
                  int n = golanes_varint_decode (p, (gsize) (end - p), &a);

                  if (n <= 0)
                    return fail (error, GOLANES_ERROR_MALFORMED, (guint64) (p - l->data), "%s", malformed_varint), -1;
                  p += n;
                  raw->args[raw->n_args++] = a;
                }
            }
          else if (!discard (l, v))
            return fail (error, GOLANES_ERROR_TRUNCATED, l->off, "failed to read trace: EOF"), -1;

          if (typ == L_USER_LOG)
            {
              if (!(flags & SKIP_ARGS))
                {
                  if (!read_val (l, &ln))
                    return fail (error, GOLANES_ERROR_MALFORMED, l->off, "%s", malformed_varint), -1;
                  if (ln > 1000000)
                    return fail (error, GOLANES_ERROR_MALFORMED, start, "string is too large (len=%" G_GUINT64_FORMAT ")", ln), -1;
                  if (ln > l->len - l->off)
                    return fail (error, GOLANES_ERROR_TRUNCATED, l->off, "failed to read trace: unexpected EOF"), -1;
                  raw->sarg = l->data + l->off;
                  raw->sarg_len = (gsize) ln;
                  l->off += (gsize) ln;
                }
              else
                {
                  if (!read_val (l, &ln))
                    return fail (error, GOLANES_ERROR_MALFORMED, l->off, "%s", malformed_varint), -1;
                  /* Go ends the pass here as if at the end of the file. */
                  if (!discard (l, ln))
                    return 0;
                }
            }
        }
      return 1;
    }
}

/* Go's rawEvent.argNum. */
static guint
arg_num (const Raw *raw)
{
  const LegacyDesc *d = &descs[raw->type];
  guint n;

  if (raw->type == L_STACK)
    return raw->n_args;
  n = d->n_args + d->stack;
  if (raw->type == L_BATCH || raw->type == L_FREQUENCY || raw->type == L_TIMER_GOROUTINE)
    return n;
  return n + 1;
}

static ProcBatches *
proc_batches (GolanesLegacy *l,
              gint32         pid,
              gboolean       create)
{
  gpointer at = g_hash_table_lookup (l->proc_index, GINT_TO_POINTER (pid));

  if (at == NULL)
    {
      ProcBatches pb = { pid, NULL, 0 };

      if (!create)
        return NULL;
      pb.batches = g_array_new (FALSE, FALSE, sizeof (BatchOffset));
      g_array_append_val (l->procs, pb);
      at = GUINT_TO_POINTER (l->procs->len);
      g_hash_table_insert (l->proc_index, GINT_TO_POINTER (pid), at);
    }
  return &g_array_index (l->procs, ProcBatches, GPOINTER_TO_UINT (at) - 1);
}

/* Go's collectBatchesAndCPUSamples. */
static gboolean
collect_batches (GolanesLegacy *l,
                 Raw           *raw,
                 GError       **error)
{
  gint32 cur_p = 0;

  for (;;)
    {
      ProcBatches *pb;
      int res = read_raw (l, SKIP_ARGS | SKIP_STRINGS, raw, error);

      if (res < 0)
        return FALSE;
      if (res == 0)
        return TRUE;
      if (raw->type == L_NONE)
        continue;
      if (raw->type == L_BATCH)
        {
          BatchOffset bo = { raw->offset, 0 };

          pb = proc_batches (l, raw->batch_pid, TRUE);
          g_array_append_val (pb->batches, bo);
          cur_p = raw->batch_pid;
        }
      pb = proc_batches (l, cur_p, FALSE);
      if (pb == NULL || pb->batches->len == 0)
        return fail (error, GOLANES_ERROR_MALFORMED, raw->offset,
                     "read event %u with current P of %d, but P has no batches yet", raw->type, cur_p);
      g_array_index (pb->batches, BatchOffset, pb->batches->len - 1).n_events++;

      if (raw->type == L_CPU_SAMPLE)
        {
          LEvent e = { 0, };
          guint narg = arg_num (raw), i;

          if (raw->n_args != narg)
            return fail (error, GOLANES_ERROR_MALFORMED, raw->offset,
                         "CPU sample has wrong number of arguments: want %u, got %u", narg, raw->n_args);
          e.type = L_CPU_SAMPLE;
          for (i = 1; i < narg; i++)
            {
              if (i == narg - 1)
                e.stk = (guint32) raw->args[i];
              else
                e.args[i - 1] = raw->args[i];
            }
          e.ts = (gint64) e.args[0];
          e.p = (gint32) e.args[1];
          e.g = e.args[2];
          e.args[0] = 0;
          e.offset = raw->offset;
          g_array_append_val (l->cpu_samples, e);
        }
    }
}

/* Go's parseEvent: fills @ev (type L_NONE for events that are not kept). */
static gboolean
parse_event (GolanesLegacy *l,
             const Raw     *raw,
             LEvent        *ev,
             GError       **error)
{
  const LegacyDesc *d = &descs[raw->type];
  guint narg = arg_num (raw), i;

  if (raw->n_args != narg)
    return fail (error, GOLANES_ERROR_MALFORMED, raw->offset, "%s has wrong number of arguments: want %u, got %u",
                 d->name, narg, raw->n_args);
  switch (raw->type)
    {
    case L_BATCH:
      g_hash_table_insert (l->last_gs, GINT_TO_POINTER (l->last_p), g_memdup2 (&l->last_g, sizeof l->last_g));
      if (raw->args[0] != G_MAXUINT64 && raw->args[0] > G_MAXINT32)
        return fail (error, GOLANES_ERROR_MALFORMED, raw->offset, "processor ID %" G_GUINT64_FORMAT
                     " is larger than maximum of %d", raw->args[0], G_MAXINT32);
      l->last_p = raw->args[0] == G_MAXUINT64 ? -1 : (gint32) raw->args[0];
      {
        guint64 *g = g_hash_table_lookup (l->last_gs, GINT_TO_POINTER (l->last_p));

        l->last_g = g != NULL ? *g : 0;
      }
      l->last_ts = (gint64) raw->args[1];
      break;

    case L_FREQUENCY:
      l->ticks_per_sec = (gint64) raw->args[0];
      if (l->ticks_per_sec <= 0)
        return fail (error, GOLANES_ERROR_INVALID_ORDER, raw->offset, "time stamps out of order");
      break;

    case L_TIMER_GOROUTINE:
      g_hash_table_add (l->timer_goids, g_memdup2 (&raw->args[0], sizeof (guint64)));
      break;

    case L_STACK:
      {
        guint64 size, id;

        if (raw->n_args < 2)
          return fail (error, GOLANES_ERROR_MALFORMED, raw->offset,
                       "EvStack has wrong number of arguments: want at least 2, got %u", raw->n_args);
        size = raw->args[1];
        if (size > 1000)
          return fail (error, GOLANES_ERROR_MALFORMED, raw->offset, "EvStack has bad number of frames: %" G_GUINT64_FORMAT, size);
        if (raw->n_args != 2 + 4 * size)
          return fail (error, GOLANES_ERROR_MALFORMED, raw->offset,
                       "EvStack has wrong number of arguments: want %" G_GUINT64_FORMAT ", got %u",
                       2 + 4 * size, raw->n_args);
        id = (guint32) raw->args[0];
        if (id != 0 && size > 0)
          {
            GArray *pcs = g_array_sized_new (FALSE, FALSE, sizeof (guint64), (guint) size);

            for (i = 0; i < size; i++)
              {
                guint64 pc = raw->args[2 + i * 4];

                g_array_append_val (pcs, pc);
                if (!g_hash_table_contains (l->pcs, &pc))
                  {
                    GolanesGenFrame f = { raw->args[3 + i * 4], raw->args[4 + i * 4],
                                          (guint64) (gint64) raw->args[5 + i * 4], pc };

                    g_array_append_val (l->frames, f);
                    g_hash_table_insert (l->pcs, g_memdup2 (&pc, sizeof pc), GUINT_TO_POINTER (l->frames->len));
                  }
              }
            g_hash_table_insert (l->stacks, GUINT_TO_POINTER ((guint32) id), pcs);
          }
      }
      break;

    case L_CPU_SAMPLE:
      break;

    default:
      memset (ev, 0, sizeof *ev);
      ev->type = raw->type;
      ev->p = l->last_p;
      ev->g = l->last_g;
      ev->offset = raw->offset;
      ev->ts = (gint64) ((guint64) l->last_ts + raw->args[0]);
      l->last_ts = ev->ts;
      for (i = 1; i < narg; i++)
        {
          if (i == narg - 1 && d->stack)
            ev->stk = (guint32) raw->args[i];
          else
            ev->args[i - 1] = raw->args[i];
        }
      switch (raw->type)
        {
        case L_GO_START:
        case L_GO_START_LOCAL:
        case L_GO_START_LABEL:
          l->last_g = ev->args[0];
          ev->g = l->last_g;
          break;
        case L_GO_END: case L_GO_STOP: case L_GO_SCHED: case L_GO_PREEMPT: case L_GO_SLEEP:
        case L_GO_BLOCK: case L_GO_BLOCK_SEND: case L_GO_BLOCK_RECV: case L_GO_BLOCK_SELECT:
        case L_GO_BLOCK_SYNC: case L_GO_BLOCK_COND: case L_GO_BLOCK_NET: case L_GO_SYS_BLOCK:
        case L_GO_BLOCK_GC:
          l->last_g = 0;
          break;
        case L_GO_SYS_EXIT:
        case L_GO_WAITING:
        case L_GO_IN_SYSCALL:
          ev->g = ev->args[0];
          break;
        case L_USER_LOG:
          {
            g_autoptr(GBytes) s = g_bytes_new (raw->sarg, raw->sarg_len);
            gpointer at = g_hash_table_lookup (l->inline_index, s);

            if (at == NULL)
              {
                g_ptr_array_add (l->inline_strings, g_bytes_ref (s));
                at = GUINT_TO_POINTER (l->inline_strings->len);
                g_hash_table_insert (l->inline_index, g_bytes_ref (s), at);
              }
            ev->args[3] = GPOINTER_TO_UINT (at) - 1;
          }
          break;
        default:
          break;
        }
      return TRUE;
    }
  ev->type = L_NONE;
  return TRUE;
}

/* Go's loadBatch: the events of @pb's next batch into @out; FALSE with no
 * error when it has none left. */
static gboolean
load_batch (GolanesLegacy *l,
            ProcBatches   *pb,
            GArray        *out,
            Raw           *raw,
            GError       **error)
{
  gboolean got_header = FALSE;
  BatchOffset *bo;
  LEvent ev;

  g_array_set_size (out, 0);
  if (pb->next >= pb->batches->len)
    return FALSE;
  bo = &g_array_index (pb->batches, BatchOffset, pb->next++);
  l->off = bo->offset;
  for (;;)
    {
      int res = read_raw (l, 0, raw, error);

      if (res < 0)
        return FALSE;
      if (res == 0)
        break;
      if (raw->type == L_NONE || raw->type == L_CPU_SAMPLE)
        continue;
      if (raw->type == L_BATCH)
        {
          if (got_header)
            break;
          got_header = TRUE;
        }
      if (!parse_event (l, raw, &ev, error))
        return FALSE;
      if (ev.type != L_NONE)
        g_array_append_val (out, ev);
    }
  return TRUE;
}

/* ---- merging (Go's parseEventBatches and its order.go) -------------------- */

#define UNORDERED G_MAXUINT64
#define GARBAGE   (G_MAXUINT64 - 1)
#define NOSEQ     G_MAXUINT64
#define SEQINC    (G_MAXUINT64 - 1)

enum { G_DEAD, G_RUNNABLE, G_RUNNING, G_WAITING };

static guint64
state_transition (const LEvent *ev,
                  GState       *init,
                  GState       *next)
{
  switch (ev->type)
    {
    case L_GO_CREATE:
      *init = (GState) { 0, G_DEAD };
      *next = (GState) { 1, G_RUNNABLE };
      return ev->args[0];
    case L_GO_WAITING:
    case L_GO_IN_SYSCALL:
      *init = (GState) { 1, G_RUNNABLE };
      *next = (GState) { 2, G_WAITING };
      return ev->g;
    case L_GO_START:
    case L_GO_START_LABEL:
      *init = (GState) { ev->args[1], G_RUNNABLE };
      *next = (GState) { ev->args[1] + 1, G_RUNNING };
      return ev->g;
    case L_GO_START_LOCAL:
      *init = (GState) { NOSEQ, G_RUNNABLE };
      *next = (GState) { SEQINC, G_RUNNING };
      return ev->g;
    case L_GO_BLOCK: case L_GO_BLOCK_SEND: case L_GO_BLOCK_RECV: case L_GO_BLOCK_SELECT:
    case L_GO_BLOCK_SYNC: case L_GO_BLOCK_COND: case L_GO_BLOCK_NET: case L_GO_SLEEP:
    case L_GO_SYS_BLOCK: case L_GO_BLOCK_GC:
      *init = (GState) { NOSEQ, G_RUNNING };
      *next = (GState) { NOSEQ, G_WAITING };
      return ev->g;
    case L_GO_SCHED:
    case L_GO_PREEMPT:
      *init = (GState) { NOSEQ, G_RUNNING };
      *next = (GState) { NOSEQ, G_RUNNABLE };
      return ev->g;
    case L_GO_UNBLOCK:
    case L_GO_SYS_EXIT:
      *init = (GState) { ev->args[1], G_WAITING };
      *next = (GState) { ev->args[1] + 1, G_RUNNABLE };
      return ev->args[0];
    case L_GO_UNBLOCK_LOCAL:
    case L_GO_SYS_EXIT_LOCAL:
      *init = (GState) { NOSEQ, G_WAITING };
      *next = (GState) { SEQINC, G_RUNNABLE };
      return ev->args[0];
    case L_GC_START:
      *init = (GState) { ev->args[0], G_DEAD };
      *next = (GState) { ev->args[0] + 1, G_DEAD };
      return GARBAGE;
    default:
      *init = *next = (GState) { 0, 0 };
      return UNORDERED;
    }
}

static GState
gstate_get (GHashTable *gs,
            guint64     g)
{
  GState *s = g_hash_table_lookup (gs, &g);

  return s != NULL ? *s : (GState) { 0, G_DEAD };
}

static gboolean
transition_ready (guint64 g,
                  GState  curr,
                  GState  init)
{
  return g == UNORDERED || ((init.seq == NOSEQ || init.seq == curr.seq) && init.status == curr.status);
}

/* A heap of ready events by time: each entry names a MergeProc whose
 * current event (events[pos - 1], taken) it holds. */
typedef struct
{
  LEvent ev;
  guint  proc;
} HeapItem;

static void
heap_push (GArray         *h,
           const HeapItem *item)
{
  guint j = h->len;

  g_array_append_val (h, *item);
  while (j > 0)
    {
      guint i = (j - 1) / 2;
      HeapItem *a = &g_array_index (h, HeapItem, i), *b = &g_array_index (h, HeapItem, j), t;

      if (!(b->ev.ts < a->ev.ts))
        break;
      t = *a;
      *a = *b;
      *b = t;
      j = i;
    }
}

static HeapItem
heap_pop (GArray *h)
{
  guint n = h->len - 1, i = 0;
  HeapItem top = g_array_index (h, HeapItem, 0);

  g_array_index (h, HeapItem, 0) = g_array_index (h, HeapItem, n);
  g_array_set_size (h, n);
  for (;;)
    {
      guint j = 2 * i + 1, k;
      HeapItem *a, *b, t;

      if (j >= n)
        break;
      k = j;
      if (j + 1 < n && g_array_index (h, HeapItem, j + 1).ev.ts < g_array_index (h, HeapItem, j).ev.ts)
        k = j + 1;
      a = &g_array_index (h, HeapItem, i);
      b = &g_array_index (h, HeapItem, k);
      if (!(b->ev.ts < a->ev.ts))
        break;
      t = *a;
      *a = *b;
      *b = t;
      i = k;
    }
  return top;
}

static int
compare_ts (gconstpointer a,
            gconstpointer b)
{
  const LEvent *x = a, *y = b;

  if (x->ts != y->ts)
    return x->ts < y->ts ? -1 : 1;
  /* Stable: by position (the offset is unique per event of a batch, and
   * the merge order is kept for equal times). */
  return 0;
}

/* An event that syscall exit times moved, with its place before. */
typedef struct
{
  LEvent  ev;
  guint32 index;
} Moved;

static int
compare_moved (gconstpointer a,
               gconstpointer b)
{
  const Moved *x = a, *y = b;

  if (x->ev.ts != y->ev.ts)
    return x->ev.ts < y->ev.ts ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* Go's sort.Stable by time, after the events flagged in @moved (a bit per
 * event) got new times: the others are still in order, so the moved ones
 * are taken out, sorted and merged back from the end, ties going by their
 * places before.  Linear but for the moved ones' sort, and in place. */
static void
resort_moved (GArray        *events,
              const guint8  *moved)
{
  LEvent *a = (LEvent *) (gpointer) events->data;
  guint n = events->len, na = 0, i;
  g_autoptr(GArray) b = g_array_new (FALSE, FALSE, sizeof (Moved));
  g_autofree guint32 *index = NULL;
  gint64 ia, ib, w;

  for (i = 0; i < n; i++)
    if (moved[i / 8] & (1u << (i % 8)))
      {
        Moved m = { a[i], i };

        g_array_append_val (b, m);
      }
  if (b->len == 0)
    return;
  index = g_new (guint32, n - b->len);
  for (i = 0; i < n; i++)
    if (!(moved[i / 8] & (1u << (i % 8))))
      {
        index[na] = i;
        a[na++] = a[i];
      }
  g_array_sort (b, compare_moved);
  ia = (gint64) na - 1;
  ib = (gint64) b->len - 1;
  for (w = (gint64) n - 1; ib >= 0; w--)
    {
      const Moved *m = &g_array_index (b, Moved, ib);

      if (ia >= 0 && (a[ia].ts > m->ev.ts || (a[ia].ts == m->ev.ts && index[ia] > m->index)))
        a[w] = a[ia--];
      else
        a[w] = m->ev, ib--;
    }
}

static gboolean
merge_batches (GolanesLegacy *l,
               Raw           *raw,
               GError       **error)
{
  g_autoptr(GArray) mprocs = g_array_new (FALSE, TRUE, sizeof (MergeProc));
  g_autoptr(GArray) available = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) frontier = g_array_new (FALSE, FALSE, sizeof (HeapItem));
  g_autoptr(GHashTable) gs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) last_sys_block = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autofree guint8 *moved = NULL;
  guint i;
  gboolean ok = TRUE;

  g_array_sort (l->cpu_samples, compare_ts);
  {
    /* Every event counted by the first pass, at most: sized once, the
     * array is never copied as it grows (pages it does not use are never
     * touched). */
    guint64 total = l->cpu_samples->len;

    for (i = 0; i < l->procs->len; i++)
      {
        GArray *b = g_array_index (l->procs, ProcBatches, i).batches;

        for (guint k = 0; k < b->len; k++)
          total += g_array_index (b, BatchOffset, k).n_events;
      }
    g_array_unref (l->events);
    l->events = g_array_sized_new (FALSE, FALSE, sizeof (LEvent), (guint) MIN (total, G_MAXUINT / 2));
  }
  for (i = 0; i < l->procs->len; i++)
    {
      MergeProc mp = { (gint32) i, g_array_new (FALSE, FALSE, sizeof (LEvent)), 0, FALSE };

      g_array_append_val (mprocs, mp);
    }
  {
    MergeProc mp = { -1, l->cpu_samples, 0, FALSE };

    l->cpu_samples = g_array_new (FALSE, FALSE, sizeof (LEvent));
    g_array_append_val (mprocs, mp);
  }
  for (i = 0; i < mprocs->len; i++)
    g_array_append_val (available, i);

  for (;;)
    {
      for (i = 0; i < available->len; i++)
        {
          guint pi = g_array_index (available, guint, i);
          MergeProc *mp = &g_array_index (mprocs, MergeProc, pi);
          LEvent *ev;
          GState init, next;
          guint64 g;
          HeapItem item;

          while (mp->pos >= mp->events->len)
            {
              if (mp->pid < 0 ||
                  !load_batch (l, &g_array_index (l->procs, ProcBatches, mp->pid), mp->events, raw, error))
                {
                  if (error != NULL && *error != NULL)
                    {
                      ok = FALSE;
                      goto out;
                    }
                  if (mp->pid >= 0 && g_array_index (l->procs, ProcBatches, mp->pid).next <
                                      g_array_index (l->procs, ProcBatches, mp->pid).batches->len)
                    continue;
                  mp->done = TRUE;
                  break;
                }
              mp->pos = 0;
            }
          if (mp->done)
            {
              g_array_remove_index_fast (available, i);
              i--;
              continue;
            }
          ev = &g_array_index (mp->events, LEvent, mp->pos);
          g = state_transition (ev, &init, &next);
          if (!transition_ready (g, gstate_get (gs, g), init))
            continue;
          item.ev = *ev;
          item.proc = pi;
          mp->pos++;
          g_array_remove_index_fast (available, i);
          i--;
          heap_push (frontier, &item);
        }

      if (frontier->len == 0)
        {
          for (i = 0; i < mprocs->len; i++)
            if (!g_array_index (mprocs, MergeProc, i).done)
              {
                ok = fail (error, GOLANES_ERROR_INVALID_ORDER, 0, "no consistent ordering of events possible");
                goto out;
              }
          break;
        }
      {
        HeapItem f = heap_pop (frontier);
        GState init, next, curr;
        guint64 g = state_transition (&f.ev, &init, &next);

        if (f.ev.type == L_GO_START_LOCAL)
          f.ev.type = L_GO_START;
        else if (f.ev.type == L_GO_UNBLOCK_LOCAL)
          f.ev.type = L_GO_UNBLOCK;
        else if (f.ev.type == L_GO_SYS_EXIT_LOCAL)
          f.ev.type = L_GO_SYS_EXIT;
        g_array_append_val (l->events, f.ev);

        if (g != UNORDERED)
          {
            curr = gstate_get (gs, g);
            if (!transition_ready (g, curr, init))
              {
                ok = fail (error, GOLANES_ERROR_INVALID_ORDER, f.ev.offset,
                           "encountered impossible goroutine state transition");
                goto out;
              }
            if (next.seq == NOSEQ)
              next.seq = curr.seq;
            else if (next.seq == SEQINC)
              next.seq = curr.seq + 1;
            g_hash_table_insert (gs, g_memdup2 (&g, sizeof g), g_memdup2 (&next, sizeof next));
          }
        g_array_append_val (available, f.proc);
      }
    }

  for (i = 1; i < l->events->len; i++)
    if (g_array_index (l->events, LEvent, i).ts < g_array_index (l->events, LEvent, i - 1).ts)
      {
        ok = fail (error, GOLANES_ERROR_INVALID_ORDER, g_array_index (l->events, LEvent, i).offset,
                   "time stamps out of order");
        goto out;
      }

  /* Syscall exits at their real times. */
  moved = g_new0 (guint8, l->events->len / 8 + 1);
  for (i = 0; i < l->events->len; i++)
    {
      LEvent *ev = &g_array_index (l->events, LEvent, i);

      if (ev->type == L_GO_SYS_BLOCK || ev->type == L_GO_IN_SYSCALL)
        g_hash_table_insert (last_sys_block, g_memdup2 (&ev->g, sizeof ev->g), g_memdup2 (&ev->ts, sizeof ev->ts));
      else if (ev->type == L_GO_SYS_EXIT)
        {
          gint64 ts = (gint64) ev->args[2], *block;

          if (ts == 0)
            continue;
          block = g_hash_table_lookup (last_sys_block, &ev->g);
          if (block == NULL || *block == 0)
            {
              ok = fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, "stray syscall exit");
              goto out;
            }
          if (ts < *block)
            {
              ok = fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, "time stamps out of order");
              goto out;
            }
          if (ev->ts != ts)
            moved[i / 8] |= (guint8) (1u << (i % 8));
          ev->ts = ts;
        }
    }
  resort_moved (l->events, moved);

out:
  for (i = 0; i < mprocs->len; i++)
    g_array_unref (g_array_index (mprocs, MergeProc, i).events);
  return ok;
}

/* ---- checking (Go's postProcessTrace) ------------------------------------ */

/* Go's Event.String, quoted as %q does for these plain strings. */
static char *
event_quoted (GolanesLegacy *l,
              const LEvent  *ev)
{
  const LegacyDesc *d = &descs[ev->type];
  GString *s = g_string_new ("\"");
  guint i;

  g_string_append_printf (s, "%" G_GINT64_FORMAT " %s p=%d g=%" G_GUINT64_FORMAT " stk=%u",
                          ev->ts, d->name, ev->p, ev->g, ev->stk);
  for (i = 0; i < d->n_args && i < 3; i++)
    g_string_append_printf (s, " %s=%" G_GUINT64_FORMAT, d->args[i], ev->args[i]);
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

typedef struct
{
  guint8  state;
  gint64  ev;          /* index of the event that put it in its state, -1 */
  gint64  ev_create;   /* -1 */
  gboolean assist;
  gboolean start;
} GDesc;

typedef struct
{
  gboolean running;
  guint64  g;
  gboolean sweep;
} PDesc;

static GDesc *
gdesc (GHashTable *gs,
       guint64     g)
{
  GDesc *d = g_hash_table_lookup (gs, &g);

  if (d == NULL)
    {
      d = g_new0 (GDesc, 1);
      d->ev = d->ev_create = -1;
      g_hash_table_insert (gs, g_memdup2 (&g, sizeof g), d);
    }
  return d;
}

static PDesc *
pdesc (GHashTable *ps,
       gint32      p)
{
  PDesc *d = g_hash_table_lookup (ps, GINT_TO_POINTER (p));

  if (d == NULL)
    {
      d = g_new0 (PDesc, 1);
      g_hash_table_insert (ps, GINT_TO_POINTER (p), d);
    }
  return d;
}

static gboolean
check_running (const PDesc  *p,
               const GDesc  *g,
               const LEvent *ev,
               gboolean      allow_g0,
               GError      **error)
{
  const char *name = descs[ev->type].name;

  if (g->state != G_RUNNING)
    return fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, "g %" G_GUINT64_FORMAT " is not running while %s (time %"
                 G_GINT64_FORMAT ")", ev->g, name, ev->ts);
  if (p->g != ev->g)
    return fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, "p %d is not running g %" G_GUINT64_FORMAT " while %s (time %"
                 G_GINT64_FORMAT ")", ev->p, ev->g, name, ev->ts);
  if (!allow_g0 && ev->g == 0)
    return fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, "g 0 did %s (time %" G_GINT64_FORMAT ")", name, ev->ts);
  return TRUE;
}

static gboolean
post_process (GolanesLegacy *l,
              GError       **error)
{
  g_autoptr(GHashTable) gs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) ps = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) tasks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) regions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         (GDestroyNotify) g_array_unref);
  LEvent *events = (LEvent *) (gpointer) l->events->data;
  gboolean in_gc = FALSE, in_stw = FALSE;
  guint i;

  gdesc (gs, 0)->state = G_RUNNING;

  for (i = 0; i < l->events->len; i++)
    {
      LEvent *ev = &events[i];
      GDesc *g;
      PDesc *p;

      switch (ev->type)
        {
        case L_PROC_START:
          p = pdesc (ps, ev->p);
          if (p->running)
            return fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, "p %d is running before start (time %" G_GINT64_FORMAT ")", ev->p, ev->ts);
          p->running = TRUE;
          break;
        case L_PROC_STOP:
          p = pdesc (ps, ev->p);
          if (!p->running)
            return fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, "p %d is not running before stop (time %" G_GINT64_FORMAT ")", ev->p, ev->ts);
          if (p->g != 0)
            return fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, "p %d is running a goroutine %" G_GUINT64_FORMAT " during stop (time %" G_GINT64_FORMAT ")",
                         ev->p, p->g, ev->ts);
          p->running = FALSE;
          break;
        case L_GC_START:
          if (in_gc)
            return fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, "previous GC is not ended before a new one (time %" G_GINT64_FORMAT ")", ev->ts);
          in_gc = TRUE;
          ev->p = GC_P;
          break;
        case L_GC_DONE:
          if (!in_gc)
            return fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, "bogus GC end (time %" G_GINT64_FORMAT ")", ev->ts);
          in_gc = FALSE;
          break;
        case L_STW_START:
          if (in_stw)
            return fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, "previous STW is not ended before a new one (time %" G_GINT64_FORMAT ")", ev->ts);
          in_stw = TRUE;
          break;
        case L_STW_DONE:
          if (!in_stw)
            return fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, "bogus STW end (time %" G_GINT64_FORMAT ")", ev->ts);
          in_stw = FALSE;
          break;
        case L_GC_SWEEP_START:
          p = pdesc (ps, ev->p);
          if (p->sweep)
            return fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, "previous sweeping is not ended before a new one (time %" G_GINT64_FORMAT ")", ev->ts);
          p->sweep = TRUE;
          break;
        case L_GC_MARK_ASSIST_START:
          g = gdesc (gs, ev->g);
          if (g->assist)
            return fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, "previous mark assist is not ended before a new one (time %" G_GINT64_FORMAT ")", ev->ts);
          g->assist = TRUE;
          break;
        case L_GC_MARK_ASSIST_DONE:
          gdesc (gs, ev->g)->assist = FALSE;
          break;
        case L_GC_SWEEP_DONE:
          p = pdesc (ps, ev->p);
          if (!p->sweep)
            return fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, "bogus sweeping end (time %" G_GINT64_FORMAT ")", ev->ts);
          p->sweep = FALSE;
          break;
        case L_GO_WAITING:
        case L_GO_IN_SYSCALL:
          g = gdesc (gs, ev->g);
          if (g->state != G_RUNNABLE)
            return fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, "g %" G_GUINT64_FORMAT " is not runnable before %s (time %" G_GINT64_FORMAT ")",
                         ev->g, ev->type == L_GO_WAITING ? "EvGoWaiting" : "EvGoInSyscall", ev->ts);
          g->state = G_WAITING;
          g->ev = i;
          break;
        case L_GO_CREATE:
          g = gdesc (gs, ev->g);
          p = pdesc (ps, ev->p);
          if (!check_running (p, g, ev, TRUE, error))
            return FALSE;
          if (g_hash_table_contains (gs, &ev->args[0]))
            return fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, "g %" G_GUINT64_FORMAT " already exists (time %" G_GINT64_FORMAT ")", ev->args[0], ev->ts);
          g = gdesc (gs, ev->args[0]);
          g->state = G_RUNNABLE;
          g->ev = i;
          g->ev_create = i;
          break;
        case L_GO_START:
        case L_GO_START_LABEL:
          g = gdesc (gs, ev->g);
          p = pdesc (ps, ev->p);
          if (g->state != G_RUNNABLE)
            return fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, "g %" G_GUINT64_FORMAT " is not runnable before start (time %" G_GINT64_FORMAT ")", ev->g, ev->ts);
          if (p->g != 0)
            return fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, "p %d is already running g %" G_GUINT64_FORMAT " while start g %" G_GUINT64_FORMAT " (time %" G_GINT64_FORMAT ")",
                         ev->p, p->g, ev->g, ev->ts);
          g->state = G_RUNNING;
          g->start = TRUE;
          p->g = ev->g;
          if (g->ev_create >= 0)
            {
              ev->stk = (guint32) events[g->ev_create].args[1];
              g->ev_create = -1;
            }
          g->ev = -1;
          break;
        case L_GO_END:
        case L_GO_STOP:
          g = gdesc (gs, ev->g);
          p = pdesc (ps, ev->p);
          if (!check_running (p, g, ev, FALSE, error))
            return FALSE;
          g->start = FALSE;
          g->state = G_DEAD;
          p->g = 0;
          if (ev->type == L_GO_END)
            g_hash_table_remove (regions, &ev->g);
          break;
        case L_GO_SCHED:
        case L_GO_PREEMPT:
          g = gdesc (gs, ev->g);
          p = pdesc (ps, ev->p);
          if (!check_running (p, g, ev, FALSE, error))
            return FALSE;
          g->state = G_RUNNABLE;
          g->start = FALSE;
          p->g = 0;
          g->ev = i;
          break;
        case L_GO_UNBLOCK:
          {
            GDesc *g1;

            g = gdesc (gs, ev->g);
            p = pdesc (ps, ev->p);
            if (g->state != G_RUNNING)
              return fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, "g %" G_GUINT64_FORMAT " is not running while unpark (time %" G_GINT64_FORMAT ")", ev->g, ev->ts);
            if (ev->p != TIMER_P && p->g != ev->g)
              return fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, "p %d is not running g %" G_GUINT64_FORMAT " while unpark (time %" G_GINT64_FORMAT ")",
                           ev->p, ev->g, ev->ts);
            g1 = gdesc (gs, ev->args[0]);
            if (g1->state != G_WAITING)
              return fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, "g %" G_GUINT64_FORMAT " is not waiting before unpark (time %" G_GINT64_FORMAT ")",
                           ev->args[0], ev->ts);
            if (g1->ev >= 0 && events[g1->ev].type == L_GO_BLOCK_NET)
              ev->p = NETPOLL_P;
            g1->state = G_RUNNABLE;
            g1->ev = i;
          }
          break;
        case L_GO_SYSCALL:
          g = gdesc (gs, ev->g);
          p = pdesc (ps, ev->p);
          if (!check_running (p, g, ev, FALSE, error))
            return FALSE;
          g->ev = i;
          break;
        case L_GO_SYS_BLOCK:
          g = gdesc (gs, ev->g);
          p = pdesc (ps, ev->p);
          if (!check_running (p, g, ev, FALSE, error))
            return FALSE;
          g->state = G_WAITING;
          g->start = FALSE;
          p->g = 0;
          break;
        case L_GO_SYS_EXIT:
          g = gdesc (gs, ev->g);
          if (g->state != G_WAITING)
            return fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, "g %" G_GUINT64_FORMAT " is not waiting during syscall exit (time %" G_GINT64_FORMAT ")", ev->g, ev->ts);
          g->state = G_RUNNABLE;
          g->ev = i;
          break;
        case L_GO_SLEEP: case L_GO_BLOCK: case L_GO_BLOCK_SEND: case L_GO_BLOCK_RECV:
        case L_GO_BLOCK_SELECT: case L_GO_BLOCK_SYNC: case L_GO_BLOCK_COND: case L_GO_BLOCK_NET:
        case L_GO_BLOCK_GC:
          g = gdesc (gs, ev->g);
          p = pdesc (ps, ev->p);
          if (!check_running (p, g, ev, FALSE, error))
            return FALSE;
          g->state = G_WAITING;
          g->ev = i;
          g->start = FALSE;
          p->g = 0;
          break;
        case L_USER_TASK_CREATE:
          {
            gpointer prev = g_hash_table_lookup (tasks, &ev->args[0]);

            if (prev != NULL)
              {
                g_autofree char *a = event_quoted (l, ev);
                g_autofree char *b = event_quoted (l, &events[GPOINTER_TO_SIZE (prev) - 1]);

                return fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, "task id conflicts (id:%" G_GUINT64_FORMAT "), %s vs %s",
                             ev->args[0], a, b);
              }
            g_hash_table_insert (tasks, g_memdup2 (&ev->args[0], sizeof (guint64)), GSIZE_TO_POINTER ((gsize) i + 1));
          }
          break;
        case L_USER_TASK_END:
          g_hash_table_remove (tasks, &ev->args[0]);
          break;
        case L_USER_REGION:
          {
            GArray *stack = g_hash_table_lookup (regions, &ev->g);
            guint64 mode = ev->args[1];

            if (mode == 0)
              {
                if (stack == NULL)
                  {
                    stack = g_array_new (FALSE, FALSE, sizeof (guint));
                    g_hash_table_insert (regions, g_memdup2 (&ev->g, sizeof ev->g), stack);
                  }
                g_array_append_val (stack, i);
              }
            else if (mode == 1)
              {
                if (stack != NULL && stack->len > 0)
                  {
                    const LEvent *s = &events[g_array_index (stack, guint, stack->len - 1)];

                    if (s->args[0] != ev->args[0] || s->args[2] != ev->args[2])
                      {
                        g_autofree char *a = event_quoted (l, ev);
                        g_autofree char *b = event_quoted (l, s);

                        return fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset,
                                     "misuse of region in goroutine %" G_GUINT64_FORMAT ": span end %s when the inner-most active span start event is %s",
                                     ev->g, a, b);
                      }
                    if (stack->len > 1)
                      g_array_set_size (stack, stack->len - 1);
                    else
                      g_hash_table_remove (regions, &ev->g);
                  }
              }
            else
              {
                g_autofree char *a = event_quoted (l, ev);

                return fail (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, "invalid user region mode: %s", a);
              }
          }
          break;
        default:
          break;
        }

      if (ev->stk != 0)
        {
          GArray *stk = g_hash_table_lookup (l->stacks, GUINT_TO_POINTER (ev->stk));

          if (stk == NULL || stk->len == 0)
            ev->stk = 0;
        }
    }
  return TRUE;
}

/* ---- the generation ------------------------------------------------------- */

static void
add_string (GolanesGeneration *g,
            guint64            id,
            const char        *data,
            gsize              len,
            GString           *store,
            GArray            *fixups)
{
  GolanesStr s = { NULL, len };
  gsize at = store->len;

  g_string_append_len (store, data, (gssize) len);
  golanes_id_map_insert (&g->strings.map, id, g->string_vals->len);
  g_array_append_val (g->strings.ids, id);
  g_array_append_val (g->string_vals, s);
  g_array_append_val (fixups, at);
}

static GolanesGeneration *
build_generation (GolanesLegacy *l)
{
  GolanesGeneration *g = _golanes_generation_new ();
  g_autoptr(GArray) fixups = g_array_new (FALSE, FALSE, sizeof (gsize));
  GString *store = g_string_new (NULL);
  GHashTableIter it;
  gpointer key, value;
  guint i;

  g->gen = 1;
  g_hash_table_iter_init (&it, l->strings);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      gsize len;
      const char *data = g_bytes_get_data (value, &len);

      add_string (g, *(guint64 *) key, data, len, store, fixups);
    }
  l->inline_base = l->max_string + 1;
  for (i = 0; i < l->inline_strings->len; i++)
    {
      gsize len;
      const char *data = g_bytes_get_data (g_ptr_array_index (l->inline_strings, i), &len);

      add_string (g, l->inline_base + i, data, len, store, fixups);
    }
  l->builtin_base = l->inline_base + l->inline_strings->len;
  for (i = 0; i < N_BUILTINS; i++)
    add_string (g, l->builtin_base + i, builtins[i], strlen (builtins[i]), store, fixups);
  /* The strings' bytes moved as the store grew: point at them now. */
  for (i = 0; i < g->string_vals->len; i++)
    g_array_index (g->string_vals, GolanesStr, i).data = store->str + g_array_index (fixups, gsize, i);
  g_ptr_array_add (g->string_data, g_string_free (store, FALSE));

  g_hash_table_iter_init (&it, l->stacks);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      GArray *pcs = value;
      GolanesGenStack se = { g->stack_pcs->len, pcs->len };
      guint64 id = GPOINTER_TO_UINT (key);

      g_array_append_vals (g->stack_pcs, pcs->data, pcs->len);
      golanes_id_map_insert (&g->stacks.map, id, g->stack_vals->len);
      g_array_append_val (g->stacks.ids, id);
      g_array_append_val (g->stack_vals, se);
    }
  for (i = 0; i < l->frames->len; i++)
    {
      GolanesGenFrame *f = &g_array_index (l->frames, GolanesGenFrame, i);

      golanes_id_map_insert (&g->pcs, f->pc, g->frames->len);
      g_array_append_val (g->frames, *f);
    }
  _golanes_generation_compact (g);
  return g;
}

/* Marks (args[3] = 1) each GoSysCall whose goroutine's next event is a
 * GoSysBlock: one pass from the end, where Go looks ahead from each
 * syscall (quadratic when goroutines end in one). */
static void
mark_blocking_syscalls (GolanesLegacy *l)
{
  g_autoptr(GHashTable) next_type = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint i;

  for (i = l->events->len; i-- > 0;)
    {
      LEvent *ev = &g_array_index (l->events, LEvent, i);

      if (ev->type == L_GO_SYSCALL)
        ev->args[3] = GPOINTER_TO_UINT (g_hash_table_lookup (next_type, &ev->g)) == L_GO_SYS_BLOCK + 1;
      g_hash_table_replace (next_type, g_memdup2 (&ev->g, sizeof ev->g), GUINT_TO_POINTER (ev->type + 1u));
    }
}

/* ---- the public part ------------------------------------------------------ */

static void
legacy_free (GolanesLegacy *l)
{
  if (l == NULL)
    return;
  g_free (l->owned);
  g_hash_table_unref (l->strings);
  g_ptr_array_unref (l->inline_strings);
  g_hash_table_unref (l->inline_index);
  for (guint i = 0; i < l->procs->len; i++)
    g_array_unref (g_array_index (l->procs, ProcBatches, i).batches);
  g_array_unref (l->procs);
  g_hash_table_unref (l->proc_index);
  g_hash_table_unref (l->stacks);
  g_hash_table_unref (l->pcs);
  g_array_unref (l->frames);
  g_array_unref (l->cpu_samples);
  g_hash_table_unref (l->timer_goids);
  g_hash_table_unref (l->last_gs);
  g_array_unref (l->events);
  g_array_unref (l->created_pre_init);
  g_hash_table_unref (l->created_index);
  g_hash_table_unref (l->seen_procs);
  g_hash_table_unref (l->proc_ms);
  g_hash_table_unref (l->tasks);
  g_array_unref (l->extra);
  g_free (l);
}

void
_golanes_legacy_free (GolanesLegacy *l)
{
  legacy_free (l);
}

static guint
bytes_hash (gconstpointer b)
{
  return g_bytes_hash (b);
}

static gboolean
bytes_equal (gconstpointer a,
             gconstpointer b)
{
  return g_bytes_equal (a, b);
}

static GolanesLegacy *
legacy_new (void)
{
  GolanesLegacy *l = g_new0 (GolanesLegacy, 1);

  l->strings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_bytes_unref);
  l->inline_strings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  l->inline_index = g_hash_table_new_full (bytes_hash, bytes_equal, (GDestroyNotify) g_bytes_unref, NULL);
  l->procs = g_array_new (FALSE, FALSE, sizeof (ProcBatches));
  l->proc_index = g_hash_table_new (NULL, NULL);
  l->stacks = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  l->pcs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  l->frames = g_array_new (FALSE, FALSE, sizeof (GolanesGenFrame));
  l->cpu_samples = g_array_new (FALSE, FALSE, sizeof (LEvent));
  l->timer_goids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  l->last_gs = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  l->events = g_array_new (FALSE, FALSE, sizeof (LEvent));
  l->pre_init = TRUE;
  l->created_pre_init = g_array_new (FALSE, FALSE, sizeof (guint64));
  l->created_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  l->seen_procs = g_hash_table_new (NULL, NULL);
  l->proc_ms = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  l->tasks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  l->extra = g_array_new (FALSE, FALSE, sizeof (GolanesEvent));
  return l;
}

/* Parses the whole legacy trace of @r (its header read); on success
 * @r->legacy and @r->gen are set. */
gboolean
_golanes_legacy_parse (GolanesTraceReader *r,
                       GError            **error)
{
  GolanesLegacy *l = legacy_new ();
  Raw *raw = g_new (Raw, 1);
  gboolean ok = FALSE;
  guint i;

  l->ver = r->version;
  if (r->data != NULL)
    {
      l->data = r->data;
      l->len = r->len;
    }
  else
    {
      l->owned = g_try_malloc (MAX (r->len, 1));
      if (l->owned == NULL)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOMEM, "not enough memory to read the %" G_GSIZE_FORMAT
                       "-byte trace", r->len);
          goto out;
        }
      if (!_golanes_pread_full (r->fd, l->owned, r->len, 0, error))
        goto out;
      l->data = l->owned;
      l->len = r->len;
    }
  l->off = r->pos;

  if (!collect_batches (l, raw, error) || !merge_batches (l, raw, error))
    goto out;
  if (l->ticks_per_sec == 0)
    {
      fail (error, GOLANES_ERROR_MALFORMED, 0, "no EvFrequency event");
      goto out;
    }
  if (l->events->len > 0)
    {
      gint64 min_ts = g_array_index (l->events, LEvent, 0).ts;
      double freq = 1e9 / (double) l->ticks_per_sec;

      for (i = 0; i < l->events->len; i++)
        {
          LEvent *ev = &g_array_index (l->events, LEvent, i);

          ev->ts = _golanes_f64_to_i64 ((double) (gint64) ((guint64) ev->ts - (guint64) min_ts) * freq);
          if (ev->type == L_GO_UNBLOCK && g_hash_table_contains (l->timer_goids, &ev->g))
            ev->p = TIMER_P;
          if (ev->type == L_GO_SYS_EXIT)
            ev->p = SYSCALL_P;
        }
    }
  if (!post_process (l, error))
    goto out;
  mark_blocking_syscalls (l);
  if (l->max_string + 1 + l->inline_strings->len + N_BUILTINS < l->max_string)
    {
      fail (error, GOLANES_ERROR_MALFORMED, 0, "trace contains too many strings");
      goto out;
    }

  /* What the look-ups need from here on is in the generation. */
  r->gen = build_generation (l);
  r->gen->serial = ++r->gen_serial;
  g_hash_table_remove_all (l->strings);
  g_hash_table_remove_all (l->stacks);
  g_hash_table_remove_all (l->pcs);
  g_array_set_size (l->frames, 0);
  g_clear_pointer (&l->owned, g_free);
  l->data = NULL;
  r->legacy = l;
  r->last_ts = G_MININT64;
  if (r->progress != NULL)
    r->progress (r->len, r->len, r->progress_data);
  ok = TRUE;

out:
  g_free (raw);
  if (!ok)
    legacy_free (l);
  return ok;
}

