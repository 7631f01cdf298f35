/* golanes-trace-reader.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The behaviour (ordering, time conversion, error conditions and their
 * texts) follows Go's internal/trace package of Go 1.26, which defines the
 * meaning of the format; see docs/trace-format.md in the shared notes.
 */

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "golanes-error.h"
#include "golanes-trace-header.h"
#include "golanes-trace-private.h"
#include "golanes-trace-reader.h"

#define MAX_BATCH_SIZE   (64 << 10)
/* Bytes of a file kept in memory for reading batch headers and the string,
 * stack and CPU sample batches; must hold a header plus a whole batch. */
#define WINDOW_SIZE      (256 << 10)
#define MAX_HEADER_BYTES 64
#define MAX_STRING_SIZE  (1 << 10)
#define MAX_FRAMES       128

/* ---- event specifications --------------------------------------------- */

typedef struct
{
  const char *name;
  guint8      nargs;       /* including the timestamp delta for timed events */
  guint8      timed;
  guint8      kind;
  guint8      start_ev;
  gint8       stack_args[2];   /* 1-based wire argument indexes, 0 = none */
  gint8       string_args[2];
  const char *arg_names[6];
} Spec;

#define N_SPECS 137

static const Spec specs[N_SPECS] = {
  [GOLANES_EV_EVENT_BATCH] = { "EventBatch", 4, 0, 0, 0, {0}, {0}, { "gen", "m", "time", "size" } },
  [GOLANES_EV_STACKS] = { "Stacks", 0, 0, 0, 0, {0}, {0}, {0} },
  [GOLANES_EV_STACK] = { "Stack", 2, 0, 0, 0, {0}, {0}, { "id", "nframes" } },
  [GOLANES_EV_STRINGS] = { "Strings", 0, 0, 0, 0, {0}, {0}, {0} },
  [GOLANES_EV_STRING] = { "String", 1, 0, 0, 0, {0}, {0}, { "id" } },
  [GOLANES_EV_CPU_SAMPLES] = { "CPUSamples", 0, 0, 0, 0, {0}, {0}, {0} },
  [GOLANES_EV_CPU_SAMPLE] = { "CPUSample", 5, 0, GOLANES_EVENT_STACK_SAMPLE, 0, {4}, {0}, { "time", "m", "p", "g", "stack" } },
  [GOLANES_EV_FREQUENCY] = { "Frequency", 1, 0, 0, 0, {0}, {0}, { "freq" } },
  [GOLANES_EV_PROCS_CHANGE] = { "ProcsChange", 3, 1, GOLANES_EVENT_METRIC, 0, {2}, {0}, { "dt", "procs_value", "stack" } },
  [GOLANES_EV_PROC_START] = { "ProcStart", 3, 1, GOLANES_EVENT_STATE_TRANSITION, 0, {0}, {0}, { "dt", "p", "p_seq" } },
  [GOLANES_EV_PROC_STOP] = { "ProcStop", 1, 1, GOLANES_EVENT_STATE_TRANSITION, 0, {0}, {0}, { "dt" } },
  [GOLANES_EV_PROC_STEAL] = { "ProcSteal", 4, 1, GOLANES_EVENT_STATE_TRANSITION, 0, {0}, {0}, { "dt", "p", "p_seq", "m" } },
  [GOLANES_EV_PROC_STATUS] = { "ProcStatus", 3, 1, GOLANES_EVENT_STATE_TRANSITION, 0, {0}, {0}, { "dt", "p", "pstatus" } },
  [GOLANES_EV_GO_CREATE] = { "GoCreate", 4, 1, GOLANES_EVENT_STATE_TRANSITION, 0, {3, 2}, {0}, { "dt", "new_g", "new_stack", "stack" } },
  [GOLANES_EV_GO_CREATE_SYSCALL] = { "GoCreateSyscall", 2, 1, GOLANES_EVENT_STATE_TRANSITION, 0, {0}, {0}, { "dt", "new_g" } },
  [GOLANES_EV_GO_START] = { "GoStart", 3, 1, GOLANES_EVENT_STATE_TRANSITION, 0, {0}, {0}, { "dt", "g", "g_seq" } },
  [GOLANES_EV_GO_DESTROY] = { "GoDestroy", 1, 1, GOLANES_EVENT_STATE_TRANSITION, 0, {0}, {0}, { "dt" } },
  [GOLANES_EV_GO_DESTROY_SYSCALL] = { "GoDestroySyscall", 1, 1, GOLANES_EVENT_STATE_TRANSITION, 0, {0}, {0}, { "dt" } },
  [GOLANES_EV_GO_STOP] = { "GoStop", 3, 1, GOLANES_EVENT_STATE_TRANSITION, 0, {2}, {1}, { "dt", "reason_string", "stack" } },
  [GOLANES_EV_GO_BLOCK] = { "GoBlock", 3, 1, GOLANES_EVENT_STATE_TRANSITION, 0, {2}, {1}, { "dt", "reason_string", "stack" } },
  [GOLANES_EV_GO_UNBLOCK] = { "GoUnblock", 4, 1, GOLANES_EVENT_STATE_TRANSITION, 0, {3}, {0}, { "dt", "g", "g_seq", "stack" } },
  [GOLANES_EV_GO_SYSCALL_BEGIN] = { "GoSyscallBegin", 3, 1, GOLANES_EVENT_STATE_TRANSITION, 0, {2}, {0}, { "dt", "p_seq", "stack" } },
  [GOLANES_EV_GO_SYSCALL_END] = { "GoSyscallEnd", 1, 1, GOLANES_EVENT_STATE_TRANSITION, GOLANES_EV_GO_SYSCALL_BEGIN, {0}, {0}, { "dt" } },
  [GOLANES_EV_GO_SYSCALL_END_BLOCKED] = { "GoSyscallEndBlocked", 1, 1, GOLANES_EVENT_STATE_TRANSITION, GOLANES_EV_GO_SYSCALL_BEGIN, {0}, {0}, { "dt" } },
  [GOLANES_EV_GO_STATUS] = { "GoStatus", 4, 1, GOLANES_EVENT_STATE_TRANSITION, 0, {0}, {0}, { "dt", "g", "m", "gstatus" } },
  [GOLANES_EV_STW_BEGIN] = { "STWBegin", 3, 1, GOLANES_EVENT_RANGE_BEGIN, 0, {2}, {1}, { "dt", "kind_string", "stack" } },
  [GOLANES_EV_STW_END] = { "STWEnd", 1, 1, GOLANES_EVENT_RANGE_END, GOLANES_EV_STW_BEGIN, {0}, {0}, { "dt" } },
  [GOLANES_EV_GC_ACTIVE] = { "GCActive", 2, 1, GOLANES_EVENT_RANGE_ACTIVE, GOLANES_EV_GC_BEGIN, {0}, {0}, { "dt", "gc_seq" } },
  [GOLANES_EV_GC_BEGIN] = { "GCBegin", 3, 1, GOLANES_EVENT_RANGE_BEGIN, 0, {2}, {0}, { "dt", "gc_seq", "stack" } },
  [GOLANES_EV_GC_END] = { "GCEnd", 2, 1, GOLANES_EVENT_RANGE_END, GOLANES_EV_GC_BEGIN, {0}, {0}, { "dt", "gc_seq" } },
  [GOLANES_EV_GC_SWEEP_ACTIVE] = { "GCSweepActive", 2, 1, GOLANES_EVENT_RANGE_ACTIVE, GOLANES_EV_GC_SWEEP_BEGIN, {0}, {0}, { "dt", "p" } },
  [GOLANES_EV_GC_SWEEP_BEGIN] = { "GCSweepBegin", 2, 1, GOLANES_EVENT_RANGE_BEGIN, 0, {1}, {0}, { "dt", "stack" } },
  [GOLANES_EV_GC_SWEEP_END] = { "GCSweepEnd", 3, 1, GOLANES_EVENT_RANGE_END, GOLANES_EV_GC_SWEEP_BEGIN, {0}, {0}, { "dt", "swept_value", "reclaimed_value" } },
  [GOLANES_EV_GC_MARK_ASSIST_ACTIVE] = { "GCMarkAssistActive", 2, 1, GOLANES_EVENT_RANGE_ACTIVE, GOLANES_EV_GC_MARK_ASSIST_BEGIN, {0}, {0}, { "dt", "g" } },
  [GOLANES_EV_GC_MARK_ASSIST_BEGIN] = { "GCMarkAssistBegin", 2, 1, GOLANES_EVENT_RANGE_BEGIN, 0, {1}, {0}, { "dt", "stack" } },
  [GOLANES_EV_GC_MARK_ASSIST_END] = { "GCMarkAssistEnd", 1, 1, GOLANES_EVENT_RANGE_END, GOLANES_EV_GC_MARK_ASSIST_BEGIN, {0}, {0}, { "dt" } },
  [GOLANES_EV_HEAP_ALLOC] = { "HeapAlloc", 2, 1, GOLANES_EVENT_METRIC, 0, {0}, {0}, { "dt", "heapalloc_value" } },
  [GOLANES_EV_HEAP_GOAL] = { "HeapGoal", 2, 1, GOLANES_EVENT_METRIC, 0, {0}, {0}, { "dt", "heapgoal_value" } },
  [GOLANES_EV_GO_LABEL] = { "GoLabel", 2, 1, GOLANES_EVENT_LABEL, 0, {0}, {1}, { "dt", "label_string" } },
  [GOLANES_EV_USER_TASK_BEGIN] = { "UserTaskBegin", 5, 1, GOLANES_EVENT_TASK_BEGIN, 0, {4}, {3}, { "dt", "task", "parent_task", "name_string", "stack" } },
  [GOLANES_EV_USER_TASK_END] = { "UserTaskEnd", 3, 1, GOLANES_EVENT_TASK_END, 0, {2}, {0}, { "dt", "task", "stack" } },
  [GOLANES_EV_USER_REGION_BEGIN] = { "UserRegionBegin", 4, 1, GOLANES_EVENT_REGION_BEGIN, 0, {3}, {2}, { "dt", "task", "name_string", "stack" } },
  [GOLANES_EV_USER_REGION_END] = { "UserRegionEnd", 4, 1, GOLANES_EVENT_REGION_END, GOLANES_EV_USER_REGION_BEGIN, {3}, {2}, { "dt", "task", "name_string", "stack" } },
  [GOLANES_EV_USER_LOG] = { "UserLog", 5, 1, GOLANES_EVENT_LOG, 0, {4}, {2, 3}, { "dt", "task", "key_string", "value_string", "stack" } },
  [GOLANES_EV_GO_SWITCH] = { "GoSwitch", 3, 1, GOLANES_EVENT_STATE_TRANSITION, 0, {0}, {0}, { "dt", "g", "g_seq" } },
  [GOLANES_EV_GO_SWITCH_DESTROY] = { "GoSwitchDestroy", 3, 1, GOLANES_EVENT_STATE_TRANSITION, 0, {0}, {0}, { "dt", "g", "g_seq" } },
  [GOLANES_EV_GO_CREATE_BLOCKED] = { "GoCreateBlocked", 4, 1, GOLANES_EVENT_STATE_TRANSITION, 0, {3, 2}, {0}, { "dt", "new_g", "new_stack", "stack" } },
  [GOLANES_EV_GO_STATUS_STACK] = { "GoStatusStack", 5, 1, GOLANES_EVENT_STATE_TRANSITION, 0, {4}, {0}, { "dt", "g", "m", "gstatus", "stack" } },
  [GOLANES_EV_EXPERIMENTAL_BATCH] = { "ExperimentalBatch", 4, 0, 0, 0, {0}, {0}, { "exp", "gen", "m", "time" } },
  [GOLANES_EV_SYNC_BATCH] = { "Sync", 0, 0, 0, 0, {0}, {0}, {0} },
  [GOLANES_EV_CLOCK_SNAPSHOT] = { "ClockSnapshot", 4, 1, 0, 0, {0}, {0}, { "dt", "mono", "sec", "nsec" } },
  [GOLANES_EV_END_OF_GENERATION] = { "EndOfGeneration", 0, 0, 0, 0, {0}, {0}, {0} },
  [GOLANES_EV_SPAN] = { "Span", 4, 1, GOLANES_EVENT_EXPERIMENTAL, 0, {0}, {0}, { "dt", "id", "npages_value", "kindclass" } },
  [GOLANES_EV_SPAN_ALLOC] = { "SpanAlloc", 4, 1, GOLANES_EVENT_EXPERIMENTAL, 0, {0}, {0}, { "dt", "id", "npages_value", "kindclass" } },
  [GOLANES_EV_SPAN_FREE] = { "SpanFree", 2, 1, GOLANES_EVENT_EXPERIMENTAL, 0, {0}, {0}, { "dt", "id" } },
  [GOLANES_EV_HEAP_OBJECT] = { "HeapObject", 3, 1, GOLANES_EVENT_EXPERIMENTAL, 0, {0}, {0}, { "dt", "id", "type" } },
  [GOLANES_EV_HEAP_OBJECT_ALLOC] = { "HeapObjectAlloc", 3, 1, GOLANES_EVENT_EXPERIMENTAL, 0, {0}, {0}, { "dt", "id", "type" } },
  [GOLANES_EV_HEAP_OBJECT_FREE] = { "HeapObjectFree", 2, 1, GOLANES_EVENT_EXPERIMENTAL, 0, {0}, {0}, { "dt", "id" } },
  [GOLANES_EV_GOROUTINE_STACK] = { "GoroutineStack", 3, 1, GOLANES_EVENT_EXPERIMENTAL, 0, {0}, {0}, { "dt", "id", "order" } },
  [GOLANES_EV_GOROUTINE_STACK_ALLOC] = { "GoroutineStackAlloc", 3, 1, GOLANES_EVENT_EXPERIMENTAL, 0, {0}, {0}, { "dt", "id", "order" } },
  [GOLANES_EV_GOROUTINE_STACK_FREE] = { "GoroutineStackFree", 2, 1, GOLANES_EVENT_EXPERIMENTAL, 0, {0}, {0}, { "dt", "id" } },
};

/* Wire goroutine / proc statuses. */
enum { GS_BAD, GS_RUNNABLE, GS_RUNNING, GS_SYSCALL, GS_WAITING };
enum { PS_BAD, PS_RUNNING, PS_IDLE, PS_SYSCALL, PS_ABANDONED };

static const guint8 go_status_to_state[] = {
  GOLANES_GO_UNDETERMINED, GOLANES_GO_RUNNABLE, GOLANES_GO_RUNNING,
  GOLANES_GO_SYSCALL, GOLANES_GO_WAITING,
};
static const guint8 proc_status_to_state[] = {
  GOLANES_PROC_UNDETERMINED, GOLANES_PROC_RUNNING, GOLANES_PROC_IDLE,
  GOLANES_PROC_RUNNING, GOLANES_PROC_IDLE,
};

static const char *
go_status_name (guint64 s)
{
  switch (s)
    {
    case GS_RUNNABLE: return "Runnable";
    case GS_RUNNING: return "Running";
    case GS_SYSCALL: return "Syscall";
    case GS_WAITING: return "Waiting";
    default: return "Bad";
    }
}

static const char *
proc_status_name (guint64 s)
{
  switch (s)
    {
    case PS_RUNNING: return "Running";
    case PS_IDLE: return "Idle";
    case PS_SYSCALL: return "Syscall";
    default: return "Bad";
    }
}

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

const char *
golanes_wire_type_name (guint type)
{
  if (type == GOLANES_EV_SYNC)
    return "Sync";
  if (type < N_SPECS && specs[type].name != NULL)
    return specs[type].name;
  return NULL;
}

/* ---- varints ----------------------------------------------------------- */

int
golanes_uvarint (const guint8 *p,
                 gsize         len,
                 guint64      *value)
{
  guint64 x = 0;
  guint s = 0;
  gsize i;

  for (i = 0; i < len; i++)
    {
      guint8 b = p[i];
      if (i == 10)
        return -(int) (i + 1);
      if (b < 0x80)
        {
          if (i == 9 && b > 1)
            return -(int) (i + 1);
          *value = x | ((guint64) b << s);
          return (int) i + 1;
        }
      x |= (guint64) (b & 0x7f) << s;
      s += 7;
    }
  return 0;
}

static inline int
uvarint_fast (const guint8 *p,
              gsize         len,
              guint64      *value)
{
  if (G_LIKELY (len > 0 && p[0] < 0x80))
    {
      *value = p[0];
      return 1;
    }
  if (len > 1 && p[1] < 0x80)
    {
      *value = (guint64) (p[0] & 0x7f) | ((guint64) p[1] << 7);
      return 2;
    }
  return golanes_uvarint (p, len, value);
}

/* Reads like Go's binary.ReadUvarint from a byte stream: 0 on success, else
 * an error text ("EOF", "unexpected EOF" or the overflow message). */
static const char *
read_uvarint (const guint8 *data,
              gsize         len,
              gsize        *pos,
              guint64      *value)
{
  guint64 x = 0;
  guint s = 0;
  int i;

  for (i = 0; i < 10; i++)
    {
      guint8 b;
      if (*pos >= len)
        return i > 0 ? "unexpected EOF" : "EOF";
      b = data[(*pos)++];
      if (b < 0x80)
        {
          if (i == 9 && b > 1)
            return "binary: varint overflows a 64-bit integer";
          *value = x | ((guint64) b << s);
          return NULL;
        }
      x |= (guint64) (b & 0x7f) << s;
      s += 7;
    }
  return "binary: varint overflows a 64-bit integer";
}

/* ---- time -------------------------------------------------------------- */

/* float64 -> int64 as amd64 does it: out of range and NaN give MinInt64. */
static inline gint64
f64_to_i64 (double d)
{
  if (G_LIKELY (d >= -9223372036854775808.0 && d < 9223372036854775808.0))
    return (gint64) d;
  return G_MININT64;
}

static inline gint64
freq_mul (double freq,
          guint64 t)
{
  return f64_to_i64 ((double) t * freq);
}

static inline gint64
add_wrap (gint64 a,
          gint64 b)
{
  return (gint64) ((guint64) a + (guint64) b);
}

/* ---- generations ------------------------------------------------------- */

typedef struct
{
  const guint8 *data;
  guint64       offset;   /* file offset of data[0] */
  guint64       m;
  guint64       time;
  guint32       len;
  guint8        exp;
} Batch;

typedef struct
{
  guint64  m;
  GArray  *batches;   /* of Batch */
} MBatches;

typedef struct
{
  guint64 func_id;
  guint64 file_id;
  guint64 line;
  guint64 pc;
} Frame;

typedef struct
{
  guint32 first;   /* index into stack_pcs */
  guint32 n;
} StackEnt;

/* A table of ids: a hash map for building, then optionally a dense index. */
typedef struct
{
  GolanesIdMap map;      /* id -> entry index */
  GArray      *ids;      /* guint64 id of each entry, in insertion order */
  guint32     *dense;    /* id -> entry index + 1, or NULL */
  guint64      dense_len;
} IdTable;

typedef struct
{
  gint64  time;
  gint64  m, p, g;
  guint64 stack;
  guint64 offset;
} CpuSample;

typedef struct
{
  guint64   gen;
  guint64   min_ts;
  double    freq;
  gboolean  has_freq;
  gboolean  has_clock;
  guint64   snap_time;
  guint64   snap_mono;
  guint64   snap_sec;
  guint64   snap_nsec;

  GArray   *mbatches;      /* of MBatches, in order of first appearance */
  GolanesIdMap m_index;    /* m -> index in mbatches */

  IdTable   strings;
  GArray   *string_vals;   /* GolanesStr */
  IdTable   stacks;
  GArray   *stack_vals;    /* StackEnt */
  GArray   *stack_pcs;     /* guint64 */
  GolanesIdMap pcs;        /* pc -> frame index */
  GArray   *frames;        /* Frame */

  GArray   *cpu_samples;   /* CpuSample, sorted by time once complete */
  GPtrArray *extra;        /* owned strings for TaskEnd */
  GPtrArray *string_data;  /* owned copies of the string batches */
  guint64   serial;
} Gen;

static void
id_table_init (IdTable *t)
{
  golanes_id_map_init (&t->map);
  t->ids = g_array_new (FALSE, FALSE, sizeof (guint64));
  t->dense = NULL;
  t->dense_len = 0;
}

static void
id_table_clear (IdTable *t)
{
  golanes_id_map_clear (&t->map);
  if (t->ids != NULL)
    g_array_unref (t->ids);
  t->ids = NULL;
  g_clear_pointer (&t->dense, g_free);
}

/* Returns the entry index, or -1 if absent.  Id 0 is handled by callers. */
static inline gint64
id_table_get (const IdTable *t,
              guint64        id)
{
  guint64 v;

  if (t->dense != NULL)
    {
      if (id < t->dense_len)
        return (gint64) t->dense[id] - 1;
      return -1;
    }
  if (golanes_id_map_lookup (&t->map, id, &v))
    return (gint64) v;
  return -1;
}

/* Mirrors Go's dataTable.compactify: a dense index when ids are compact. */
static void
id_table_compact (IdTable *t)
{
  guint64 min_id = G_MAXUINT64, max_id = 0, n = t->ids->len, i;

  if (n == 0)
    return;
  for (i = 0; i < n; i++)
    {
      guint64 id = g_array_index (t->ids, guint64, i);
      if (id > max_id)
        max_id = id;
      if (id < min_id)
        min_id = id;
    }
  if (max_id >= G_MAXINT64)
    return;
  if (max_id - min_id > MAX (n, 2 * n))
    return;
  if (min_id > n)
    return;
  t->dense_len = max_id + 1;
  t->dense = g_new0 (guint32, t->dense_len);
  for (i = 0; i < n; i++)
    t->dense[g_array_index (t->ids, guint64, i)] = (guint32) i + 1;
  golanes_id_map_clear (&t->map);
}

static void
free_gstring (gpointer p)
{
  g_string_free (p, TRUE);
}

/* Copies a byte string, which may contain NULs, keeping a terminator. */
static char *
dup_bytes (GolanesStr s)
{
  char *d = g_malloc (s.len + 1);

  memcpy (d, s.data, s.len);
  d[s.len] = '\0';
  return d;
}

static Gen *
gen_new (void)
{
  Gen *g = g_new0 (Gen, 1);

  g->mbatches = g_array_new (FALSE, FALSE, sizeof (MBatches));
  golanes_id_map_init (&g->m_index);
  id_table_init (&g->strings);
  g->string_vals = g_array_new (FALSE, FALSE, sizeof (GolanesStr));
  id_table_init (&g->stacks);
  g->stack_vals = g_array_new (FALSE, FALSE, sizeof (StackEnt));
  g->stack_pcs = g_array_new (FALSE, FALSE, sizeof (guint64));
  golanes_id_map_init (&g->pcs);
  g->frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  g->cpu_samples = g_array_new (FALSE, FALSE, sizeof (CpuSample));
  g->extra = g_ptr_array_new_with_free_func (free_gstring);
  g->string_data = g_ptr_array_new_with_free_func (g_free);
  return g;
}

static void
gen_free (Gen *g)
{
  guint i;

  if (g == NULL)
    return;
  for (i = 0; i < g->mbatches->len; i++)
    g_array_unref (g_array_index (g->mbatches, MBatches, i).batches);
  g_array_unref (g->mbatches);
  golanes_id_map_clear (&g->m_index);
  id_table_clear (&g->strings);
  g_array_unref (g->string_vals);
  id_table_clear (&g->stacks);
  g_array_unref (g->stack_vals);
  g_array_unref (g->stack_pcs);
  golanes_id_map_clear (&g->pcs);
  g_array_unref (g->frames);
  g_array_unref (g->cpu_samples);
  g_ptr_array_unref (g->extra);
  g_ptr_array_unref (g->string_data);
  g_free (g);
}

static gboolean
gen_get_string (const Gen  *g,
                guint64     id,
                GolanesStr *out)
{
  gint64 i;

  if (id == 0)
    {
      out->data = "";
      out->len = 0;
      return TRUE;
    }
  if (g == NULL)
    return FALSE;
  i = id_table_get (&g->strings, id);
  if (i < 0)
    return FALSE;
  *out = g_array_index (g->string_vals, GolanesStr, i);
  return TRUE;
}

static inline gboolean
gen_has_string (const Gen *g,
                guint64    id)
{
  return id == 0 || (g != NULL && id_table_get (&g->strings, id) >= 0);
}

static inline gboolean
gen_has_stack (const Gen *g,
               guint64    id)
{
  return id == 0 || (g != NULL && id_table_get (&g->stacks, id) >= 0);
}

/* ---- ordering state ---------------------------------------------------- */

typedef struct
{
  guint8  typ;
  guint64 desc;
} RangeType;

typedef struct
{
  RangeType *v;
  guint      n;
  guint      cap;
} RangeSet;

typedef struct
{
  guint64 task;
  char   *name;
  gsize   name_len;
} UserRegion;

typedef struct
{
  guint64 gen;
  guint64 seq;
} Seq;

typedef struct GState GState;
struct GState
{
  gint64      id;
  guint8      status;
  Seq         seq;
  UserRegion *regions;
  guint       n_regions;
  guint       cap_regions;
  RangeSet    ranges;
  GState     *next_free;
};

typedef struct
{
  gint64   id;
  guint8   status;
  Seq      seq;
  RangeSet ranges;
} PState;

typedef struct
{
  gint64 g;
  gint64 p;
} MState;

typedef struct
{
  char   *name;
  gsize   name_len;
  guint64 parent;
} TaskState;

enum { GC_UNDETERMINED, GC_NOT_RUNNING, GC_RUNNING };

typedef struct
{
  gint64 g, p, m;
} Ctx;

/* ---- cursors ----------------------------------------------------------- */

typedef struct
{
  guint64        m;
  gpointer       mstate;   /* cached MState of this thread, once known */
  gint64         last_ts;
  MBatches      *list;
  const guint8  *data;     /* bytes of batch data_idx - 1; 0: none loaded */
  guint          data_idx;
  guint8        *buf;      /* owned copy of the current batch (file input) */
  gsize          buf_cap;
  int            fd;       /* -1 for in-memory input */
  guint          idx;
  gsize          off;
  GolanesEvent   ev;    /* last read event */
} Cursor;

/* ---- reader ------------------------------------------------------------ */

struct _GolanesTraceReader
{
  /* The input is either in memory (data, from a GBytes) or a file read with
   * pread into a window (fd); len is its size either way. */
  GBytes       *bytes;
  const guint8 *data;
  int           fd;
  guint8       *win;
  guint64       win_off;
  gsize         win_len;
  guint8       *spill_data;   /* owned bytes of the spill batch (file input) */
  gsize         len;
  gsize         pos;
  guint         version;

  guint64       gen_serial;
  GolanesProgressFunc progress;
  gpointer      progress_data;
  GCancellable *cancellable;

  gint64        last_ts;
  Gen          *gen;
  Cursor      **frontier;
  guint         n_frontier;
  guint         cap_frontier;
  GolanesSortItem *sort_items;
  Cursor      **sort_copy;
  guint         cap_sort;
  Cursor       *cursor_pool;
  guint         cursor_pool_len;
  guint         cpu_next;
  guint         syncs;
  GError       *read_gen_err;
  gboolean      done;
  GError       *sticky;

  gboolean      has_spill;
  Batch         spill;
  guint64       spill_gen;
  GError       *spill_err;
  gboolean      spill_err_sync;

  /* ordering */
  GolanesIdMap  g_states;    /* id -> GState* */
  GolanesIdMap  p_states;    /* id -> PState* */
  GolanesIdMap  m_states;    /* id -> MState* */
  GolanesIdMap  tasks;       /* id -> TaskState* */
  GState       *free_g;
  guint64       gc_seq;
  guint8        gc_state;
  guint64       initial_gen;

  GolanesEvent *queue;
  guint         q_start;
  guint         q_len;
  guint         q_cap;

  guint64       events_since_check;
};

/* ---- errors ------------------------------------------------------------ */

/* The first line of the message is Go's error text; the second line names
 * the byte offset and what was expected there. */
G_GNUC_PRINTF (5, 6) static void
set_error (GError     **error,
           int          code,
           guint64      offset,
           const char  *expected,
           const char  *fmt,
           ...)
{
  va_list ap;
  char *msg;

  va_start (ap, fmt);
  msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_set_error (error, GOLANES_ERROR, code, "%s\n(at byte offset %" G_GUINT64_FORMAT ": %s)",
               msg, offset, expected);
  g_free (msg);
}

static const char *
ev_name (GolanesTraceReader *r,
         guint8              typ,
         char                buf[32])
{
  guint limit;

  switch (r->version)
    {
    case 22: limit = GOLANES_EV_USER_LOG; break;
    case 23: limit = GOLANES_EV_EXPERIMENTAL_BATCH; break;
    case 25: limit = GOLANES_EV_CLOCK_SNAPSHOT; break;
    default: limit = N_SPECS - 1; break;
    }
  if (typ <= limit && specs[typ].name != NULL)
    return specs[typ].name;
  g_snprintf (buf, 32, "Invalid(%u)", typ);
  return buf;
}

/* ---- input ------------------------------------------------------------- */

/* Reads exactly @n bytes at @off of a file; the file may have shrunk since
 * it was opened, which is an error (a mapping would have faulted). */
static gboolean
pread_full (int       fd,
            guint8   *buf,
            gsize     n,
            guint64   off,
            GError  **error)
{
  gsize done = 0;

  while (done < n)
    {
      gssize k = pread (fd, buf + done, n - done, (off_t) (off + done));

      if (k < 0 && errno == EINTR)
        continue;
      if (k <= 0)
        {
          int saved = errno;
          g_set_error (error, G_FILE_ERROR, k < 0 ? g_file_error_from_errno (saved) : G_FILE_ERROR_IO,
                       "reading the trace at byte offset %" G_GUINT64_FORMAT ": %s",
                       off + done, k < 0 ? g_strerror (saved) : "the file got shorter");
          return FALSE;
        }
      done += (gsize) k;
    }
  return TRUE;
}

/* Returns the bytes at @off, at most @want of them, *avail of them present
 * (fewer only at the end of the input).  For file input they live in the
 * reader's window and stay valid until the next call. */
static const guint8 *
input_get (GolanesTraceReader *r,
           guint64             off,
           gsize               want,
           gsize              *avail,
           GError            **error)
{
  gsize n;

  g_assert (want <= WINDOW_SIZE && off <= r->len);
  n = MIN (want, r->len - off);
  *avail = n;
  if (r->data != NULL)
    return r->data + off;
  if (off >= r->win_off && off + n <= r->win_off + r->win_len)
    return r->win + (off - r->win_off);
  if (r->win == NULL)
    r->win = g_malloc (WINDOW_SIZE);
  r->win_len = 0;
  r->win_off = off;
  if (!pread_full (r->fd, r->win, MIN (WINDOW_SIZE, r->len - off), off, error))
    return NULL;
  r->win_len = MIN (WINDOW_SIZE, r->len - off);
  return r->win;
}

/* ---- batch reading ----------------------------------------------------- */

typedef enum
{
  READ_OK,
  READ_EOF,
  READ_ERROR,
} ReadResult;

/* Reads the next batch at r->pos like Go's readBatch.  For an
 * EndOfGeneration byte the batch has len 0 and exp 0 and *is_eog is set. */
static ReadResult
read_batch (GolanesTraceReader *r,
            Batch              *b,
            guint64            *gen,
            gboolean           *is_eog,
            GError            **error)
{
  const guint8 *d;
  gsize len, pos = 0, start = r->pos;
  guint8 typ;
  guint64 m, ts, size;
  const char *e;

  /* The header is parsed from at most MAX_HEADER_BYTES bytes, more than its
   * five varints can take before they fail; positions below are relative to
   * start. */
  *is_eog = FALSE;
  *gen = 0;
  memset (b, 0, sizeof *b);
  if (start >= r->len)
    return READ_EOF;
  d = input_get (r, start, MAX_HEADER_BYTES, &len, error);
  if (d == NULL)
    return READ_ERROR;
  typ = d[pos++];
  if (typ == GOLANES_EV_END_OF_GENERATION)
    {
      r->pos = start + pos;
      *is_eog = TRUE;
      b->m = G_MAXUINT64;
      b->offset = start;
      return READ_OK;
    }
  if (typ != GOLANES_EV_EVENT_BATCH && typ != GOLANES_EV_EXPERIMENTAL_BATCH)
    {
      set_error (error, GOLANES_ERROR_MALFORMED, start, "a batch header (byte 1 or 49)",
                 "expected batch event, got event %u", typ);
      return READ_ERROR;
    }
  if (typ == GOLANES_EV_EXPERIMENTAL_BATCH)
    {
      if (pos >= len)
        {
          /* Go returns the bare io.EOF here, which ends the trace quietly. */
          r->pos = start + pos;
          return READ_EOF;
        }
      b->exp = d[pos++];
    }
  if ((e = read_uvarint (d, len, &pos, gen)) != NULL)
    {
      set_error (error, GOLANES_ERROR_TRUNCATED, start + pos, "the batch generation number (varint)",
                 "error reading batch gen: %s", e);
      return READ_ERROR;
    }
  if ((e = read_uvarint (d, len, &pos, &m)) != NULL)
    {
      set_error (error, GOLANES_ERROR_TRUNCATED, start + pos, "the batch thread id (varint)",
                 "error reading batch M ID: %s", e);
      return READ_ERROR;
    }
  if ((e = read_uvarint (d, len, &pos, &ts)) != NULL)
    {
      set_error (error, GOLANES_ERROR_TRUNCATED, start + pos, "the batch timestamp (varint)",
                 "error reading batch timestamp: %s", e);
      return READ_ERROR;
    }
  if ((e = read_uvarint (d, len, &pos, &size)) != NULL)
    {
      set_error (error, GOLANES_ERROR_TRUNCATED, start + pos, "the batch size (varint)",
                 "error reading batch size: %s", e);
      return READ_ERROR;
    }
  pos += start;   /* absolute from here on */
  if (size > MAX_BATCH_SIZE)
    {
      set_error (error, GOLANES_ERROR_MALFORMED, pos, "a batch size of at most 65536 bytes",
                 "invalid batch size %" G_GUINT64_FORMAT ", maximum is %d", size, MAX_BATCH_SIZE);
      return READ_ERROR;
    }
  if (r->len - pos < size)
    {
      set_error (error, GOLANES_ERROR_TRUNCATED, pos, "batch data up to the declared size",
                 "failed to read full batch: read %" G_GSIZE_FORMAT " but wanted %" G_GUINT64_FORMAT,
                 r->len - pos, size);
      return READ_ERROR;
    }
  b->data = input_get (r, pos, size, &len, error);
  if (b->data == NULL)
    return READ_ERROR;
  b->offset = pos;
  b->len = (guint32) size;
  b->m = m;
  b->time = ts;
  r->pos = pos + size;
  return READ_OK;
}

static void
format_stack_for_error (GString      *s,
                        const guint64 *pcs,
                        guint         n)
{
  guint i;

  for (i = 0; i < n; i++)
    g_string_append_printf (s, "\t0x%" G_GINT64_MODIFIER "x\n", pcs[i]);
}

static gboolean
add_strings (Gen         *g,
             const Batch *b,
             GError     **error)
{
  gsize pos = 1;
  const char *e;
  const guint8 *copy;

  /* The strings outlive the batch bytes (a window of the file). */
  copy = g_memdup2 (b->data, b->len);
  g_ptr_array_add (g->string_data, (gpointer) copy);
  while (pos < b->len)
    {
      guint64 id, slen, off = b->offset + pos;
      guint8 ev = b->data[pos++];
      GolanesStr s;

      if (ev != GOLANES_EV_STRING)
        {
          set_error (error, GOLANES_ERROR_MALFORMED, off, "a String event (byte 5)",
                     "expected string event, got %u", ev);
          return FALSE;
        }
      if ((e = read_uvarint (b->data, b->len, &pos, &id)) != NULL ||
          (e = read_uvarint (b->data, b->len, &pos, &slen)) != NULL)
        {
          set_error (error, GOLANES_ERROR_TRUNCATED, b->offset + pos, "a string id and length (varints)",
                     "%s", e);
          return FALSE;
        }
      if (slen > MAX_STRING_SIZE)
        {
          set_error (error, GOLANES_ERROR_MALFORMED, b->offset + pos, "a string of at most 1024 bytes",
                     "invalid string size %" G_GUINT64_FORMAT ", maximum is %d", slen, MAX_STRING_SIZE);
          return FALSE;
        }
      if (b->len - pos < slen)
        {
          set_error (error, GOLANES_ERROR_TRUNCATED, b->offset + pos, "string bytes within the batch",
                     "failed to read full string: read %" G_GSIZE_FORMAT " but wanted %" G_GUINT64_FORMAT,
                     b->len - pos, slen);
          return FALSE;
        }
      s.data = (const char *) copy + pos;
      s.len = slen;
      pos += slen;
      {
        GolanesStr existing;
        if (id == 0 || id_table_get (&g->strings, id) >= 0)
          {
            gen_get_string (g, id, &existing);
            set_error (error, GOLANES_ERROR_MALFORMED, off, "a string id not used before in this generation",
                       "multiple strings with the same ID: id=%" G_GUINT64_FORMAT ", new=%.*s, existing=%.*s",
                       id, (int) s.len, s.data, (int) existing.len, existing.data);
            return FALSE;
          }
        golanes_id_map_insert (&g->strings.map, id, g->string_vals->len);
        g_array_append_val (g->strings.ids, id);
        g_array_append_val (g->string_vals, s);
      }
    }
  return TRUE;
}

static gboolean
add_stacks (Gen         *g,
            const Batch *b,
            GError     **error)
{
  gsize pos = 1;
  const char *e;
  static const char *what[] = { "PC", "funcID", "fileID", "line" };

  while (pos < b->len)
    {
      guint64 id, nframes, i, off = b->offset + pos;
      guint8 ev = b->data[pos++];
      StackEnt ent;

      if (ev != GOLANES_EV_STACK)
        {
          set_error (error, GOLANES_ERROR_MALFORMED, off, "a Stack event (byte 3)",
                     "expected stack event, got %u", ev);
          return FALSE;
        }
      if ((e = read_uvarint (b->data, b->len, &pos, &id)) != NULL ||
          (e = read_uvarint (b->data, b->len, &pos, &nframes)) != NULL)
        {
          set_error (error, GOLANES_ERROR_TRUNCATED, b->offset + pos, "a stack id and frame count (varints)",
                     "%s", e);
          return FALSE;
        }
      if (nframes > MAX_FRAMES)
        {
          set_error (error, GOLANES_ERROR_MALFORMED, b->offset + pos, "at most 128 frames",
                     "invalid stack size %" G_GUINT64_FORMAT ", maximum is %d", nframes, MAX_FRAMES);
          return FALSE;
        }
      ent.first = g->stack_pcs->len;
      ent.n = (guint32) nframes;
      for (i = 0; i < nframes; i++)
        {
          guint64 v[4];
          int k;
          Frame f;

          for (k = 0; k < 4; k++)
            if ((e = read_uvarint (b->data, b->len, &pos, &v[k])) != NULL)
              {
                set_error (error, GOLANES_ERROR_TRUNCATED, b->offset + pos, "a stack frame (4 varints)",
                           "reading frame %" G_GUINT64_FORMAT "'s %s for stack %" G_GUINT64_FORMAT ": %s",
                           i + 1, what[k], id, e);
                return FALSE;
              }
          g_array_append_val (g->stack_pcs, v[0]);
          if (!golanes_id_map_lookup (&g->pcs, v[0], NULL))
            {
              f.pc = v[0];
              f.func_id = v[1];
              f.file_id = v[2];
              f.line = v[3];
              golanes_id_map_insert (&g->pcs, v[0], g->frames->len);
              g_array_append_val (g->frames, f);
            }
        }
      if (id == 0 || id_table_get (&g->stacks, id) >= 0)
        {
          GString *s = g_string_new (NULL);
          gint64 ex = id == 0 ? -1 : id_table_get (&g->stacks, id);

          g_string_append_printf (s, "multiple trace.stacks with the same ID: id=%" G_GUINT64_FORMAT ", new=", id);
          format_stack_for_error (s, &g_array_index (g->stack_pcs, guint64, ent.first), ent.n);
          g_string_append (s, ", existing=");
          if (ex >= 0)
            {
              StackEnt *x = &g_array_index (g->stack_vals, StackEnt, ex);
              format_stack_for_error (s, &g_array_index (g->stack_pcs, guint64, x->first), x->n);
            }
          set_error (error, GOLANES_ERROR_MALFORMED, off, "a stack id not used before in this generation",
                     "%s", s->str);
          g_string_free (s, TRUE);
          return FALSE;
        }
      golanes_id_map_insert (&g->stacks.map, id, g->stack_vals->len);
      g_array_append_val (g->stacks.ids, id);
      g_array_append_val (g->stack_vals, ent);
    }
  return TRUE;
}

static gboolean
add_cpu_samples (Gen         *g,
                 const Batch *b,
                 GError     **error)
{
  gsize pos = 1;
  const char *e;

  while (pos < b->len)
    {
      guint64 v[5], off = b->offset + pos;
      guint8 ev = b->data[pos++];
      CpuSample s;
      int k;

      if (ev != GOLANES_EV_CPU_SAMPLE)
        {
          set_error (error, GOLANES_ERROR_MALFORMED, off, "a CPUSample event (byte 7)",
                     "expected CPU sample event, got %u", ev);
          return FALSE;
        }
      for (k = 0; k < 5; k++)
        if ((e = read_uvarint (b->data, b->len, &pos, &v[k])) != NULL)
          {
            set_error (error, GOLANES_ERROR_TRUNCATED, b->offset + pos, "a CPU sample (5 varints)", "%s", e);
            return FALSE;
          }
      s.time = (gint64) v[0];
      s.m = (gint64) v[1];
      s.p = (gint64) v[2];
      s.g = v[3] == 0 ? -1 : (gint64) v[3];
      s.stack = v[4];
      s.offset = off;
      g_array_append_val (g->cpu_samples, s);
    }
  return TRUE;
}

static gboolean
set_sync_batch (Gen                *g,
                const Batch        *b,
                guint               version,
                GError            **error)
{
  gsize pos = 0;
  guint64 last = b->time;
  const char *e;

  if (version >= 25)
    pos = 1;
  while (pos < b->len)
    {
      guint64 off = b->offset + pos;
      guint8 ev = b->data[pos++];

      if (ev == GOLANES_EV_FREQUENCY)
        {
          guint64 f;
          if (g->has_freq)
            {
              set_error (error, GOLANES_ERROR_MALFORMED, off, "a single frequency per generation",
                         "found multiple frequency events");
              return FALSE;
            }
          if ((e = read_uvarint (b->data, b->len, &pos, &f)) != NULL)
            {
              set_error (error, GOLANES_ERROR_TRUNCATED, b->offset + pos, "the frequency (varint)", "%s", e);
              return FALSE;
            }
          g->freq = 1.0 / ((double) f / 1e9);
          g->has_freq = g->freq != 0;
        }
      else if (ev == GOLANES_EV_CLOCK_SNAPSHOT && version >= 25)
        {
          guint64 v[4];
          int k;

          if (g->has_clock)
            {
              set_error (error, GOLANES_ERROR_MALFORMED, off, "a single clock snapshot per generation",
                         "found multiple clock snapshot events");
              return FALSE;
            }
          g->has_clock = TRUE;
          for (k = 0; k < 4; k++)
            if ((e = read_uvarint (b->data, b->len, &pos, &v[k])) != NULL)
              {
                set_error (error, GOLANES_ERROR_TRUNCATED, b->offset + pos, "a clock snapshot (4 varints)", "%s", e);
                return FALSE;
              }
          last += v[0];
          g->snap_time = last;
          g->snap_mono = v[1];
          g->snap_sec = v[2];
          g->snap_nsec = v[3];
        }
      else
        {
          set_error (error, GOLANES_ERROR_MALFORMED, off, "a Frequency or ClockSnapshot event",
                     "expected frequency or clock snapshot event, got %u", ev);
          return FALSE;
        }
    }
  return TRUE;
}

/* Event batches are kept as their place in the input; for file input their
 * bytes are read again when a cursor gets to them. */
static gboolean
process_batch (Gen         *g,
               const Batch *b,
               guint        version,
               gboolean     in_memory,
               GError     **error)
{
  guint8 first = b->len > 0 ? b->data[0] : 0;

  if (b->exp == 0 && b->len > 0 && first == GOLANES_EV_STRINGS)
    return add_strings (g, b, error);
  if (b->exp == 0 && b->len > 0 && first == GOLANES_EV_STACKS)
    return add_stacks (g, b, error);
  if (b->exp == 0 && b->len > 0 && first == GOLANES_EV_CPU_SAMPLES)
    return add_cpu_samples (g, b, error);
  if (b->exp == 0 && b->len > 0 &&
      ((first == GOLANES_EV_FREQUENCY && version < 25) ||
       (first == GOLANES_EV_SYNC_BATCH && version >= 25)))
    return set_sync_batch (g, b, version, error);
  if (b->exp != 0)
    return TRUE;    /* experimental side data is not exposed as events */
  if (b->len > 0 && first == GOLANES_EV_END_OF_GENERATION)
    {
      set_error (error, GOLANES_ERROR_MALFORMED, b->offset, "event data, not an end-of-generation marker",
                 "internal error: unexpectedly processing EndOfGeneration; broken trace?");
      return FALSE;
    }
  {
    guint64 idx;
    MBatches *mb;

    if (!golanes_id_map_lookup (&g->m_index, b->m, &idx))
      {
        MBatches nmb;
        idx = g->mbatches->len;
        nmb.m = b->m;
        nmb.batches = g_array_new (FALSE, FALSE, sizeof (Batch));
        g_array_append_val (g->mbatches, nmb);
        golanes_id_map_insert (&g->m_index, b->m, idx);
      }
    mb = &g_array_index (g->mbatches, MBatches, idx);
    g_array_append_val (mb->batches, *b);
    if (!in_memory)
      g_array_index (mb->batches, Batch, mb->batches->len - 1).data = NULL;
  }
  return TRUE;
}

static void
note_min_ts (Gen         *g,
             const Batch *b)
{
  if (g->min_ts == 0 || b->time < g->min_ts)
    g->min_ts = b->time;
}

static gboolean
validate_stack (GolanesTraceReader *r,
                Gen                *g,
                guint64             sid,
                const StackEnt     *se,
                GError            **error)
{
  guint k;

  for (k = 0; k < se->n; k++)
    {
      guint64 pc = g_array_index (g->stack_pcs, guint64, se->first + k), fi = 0;
      Frame *f;

      golanes_id_map_lookup (&g->pcs, pc, &fi);
      f = &g_array_index (g->frames, Frame, fi);
      if (!gen_has_string (g, f->func_id))
        {
          set_error (error, GOLANES_ERROR_MALFORMED, r->pos, "stack frames naming existing strings",
                     "found invalid func string ID %" G_GUINT64_FORMAT " for stack %" G_GUINT64_FORMAT, f->func_id, sid);
          return FALSE;
        }
      if (!gen_has_string (g, f->file_id))
        {
          set_error (error, GOLANES_ERROR_MALFORMED, r->pos, "stack frames naming existing strings",
                     "found invalid file string ID %" G_GUINT64_FORMAT " for stack %" G_GUINT64_FORMAT, f->file_id, sid);
          return FALSE;
        }
    }
  return TRUE;
}

/* Common checks once all batches of a generation are in. */
static gboolean
finish_generation (GolanesTraceReader *r,
                   Gen                *g,
                   GError            **error)
{
  guint i;
  GolanesSortItem *items;
  GArray *sorted;

  if (!g->has_freq)
    {
      set_error (error, GOLANES_ERROR_MALFORMED, r->pos, "a frequency event in the generation",
                 "no frequency event found");
      return FALSE;
    }
  if (r->version >= 25 && !g->has_clock)
    {
      set_error (error, GOLANES_ERROR_MALFORMED, r->pos, "a clock snapshot in the generation",
                 "no clock snapshot event found");
      return FALSE;
    }
  id_table_compact (&g->stacks);
  id_table_compact (&g->strings);

  /* Every frame must name existing strings; a compacted table is walked in
   * id order, like Go does. */
  if (g->stacks.dense != NULL)
    {
      guint64 id;
      for (id = 0; id < g->stacks.dense_len; id++)
        if (g->stacks.dense[id] != 0 &&
            !validate_stack (r, g, id, &g_array_index (g->stack_vals, StackEnt, g->stacks.dense[id] - 1), error))
          return FALSE;
    }
  else
    for (i = 0; i < g->stacks.ids->len; i++)
      if (!validate_stack (r, g, g_array_index (g->stacks.ids, guint64, i),
                           &g_array_index (g->stack_vals, StackEnt, i), error))
        return FALSE;

  /* CPU sample times, then a sort identical to Go's. */
  for (i = 0; i < g->cpu_samples->len; i++)
    {
      CpuSample *s = &g_array_index (g->cpu_samples, CpuSample, i);
      s->time = freq_mul (g->freq, (guint64) s->time);
    }
  if (g->cpu_samples->len > 1)
    {
      items = g_new (GolanesSortItem, g->cpu_samples->len);
      for (i = 0; i < g->cpu_samples->len; i++)
        {
          items[i].key = g_array_index (g->cpu_samples, CpuSample, i).time;
          items[i].value = i;
        }
      golanes_sort_items (items, g->cpu_samples->len);
      sorted = g_array_sized_new (FALSE, FALSE, sizeof (CpuSample), g->cpu_samples->len);
      for (i = 0; i < g->cpu_samples->len; i++)
        g_array_append_val (sorted, g_array_index (g->cpu_samples, CpuSample, items[i].value));
      g_array_unref (g->cpu_samples);
      g->cpu_samples = sorted;
      g_free (items);
    }
  return TRUE;
}

/* Go 1.26+: a generation ends with an EndOfGeneration byte.  Returns NULL
 * with no error at the end of the trace. */
static Gen *
read_generation (GolanesTraceReader *r,
                 GError            **error)
{
  Gen *g = gen_new ();
  gboolean any = FALSE, gen_set = FALSE;

  for (;;)
    {
      Batch b;
      guint64 bgen;
      gboolean eog;
      ReadResult rr = read_batch (r, &b, &bgen, &eog, error);

      if (rr == READ_EOF)
        {
          if (any)
            {
              set_error (error, GOLANES_ERROR_TRUNCATED, r->pos, "an end-of-generation marker (byte 52)",
                         "incomplete generation found; trace likely truncated");
              gen_free (g);
              return NULL;
            }
          gen_free (g);
          return NULL;
        }
      if (rr == READ_ERROR)
        {
          gen_free (g);
          return NULL;
        }
      if (!gen_set || g->gen == 0)
        {
          g->gen = bgen;
          gen_set = TRUE;
        }
      if (eog)
        break;
      any = TRUE;
      if (bgen == 0)
        {
          set_error (error, GOLANES_ERROR_MALFORMED, b.offset, "a generation number above 0",
                     "invalid generation number %" G_GUINT64_FORMAT, bgen);
          gen_free (g);
          return NULL;
        }
      if (bgen != g->gen)
        {
          set_error (error, GOLANES_ERROR_MALFORMED, b.offset, "a batch of the current generation",
                     "broken trace: missing end-of-generation event, or generations are interleaved");
          gen_free (g);
          return NULL;
        }
      note_min_ts (g, &b);
      if (!process_batch (g, &b, r->version, r->data != NULL, error))
        {
          gen_free (g);
          return NULL;
        }
    }
  if (!finish_generation (r, g, error))
    {
      gen_free (g);
      return NULL;
    }
  return g;
}

/* Before Go 1.26: a generation ends where a batch of the next one starts. */
static Gen *
read_generation_with_spill (GolanesTraceReader *r,
                            GError            **error)
{
  Gen *g = gen_new ();

  if (r->has_spill)
    {
      Batch sb = r->spill;
      g->gen = r->spill_gen;
      g->min_ts = sb.time;
      r->has_spill = FALSE;
      if (!process_batch (g, &sb, r->version, r->data != NULL, error))
        {
          gen_free (g);
          return NULL;
        }
    }
  for (;;)
    {
      Batch b;
      guint64 bgen;
      gboolean eog;
      GError *local = NULL;
      ReadResult rr = read_batch (r, &b, &bgen, &eog, &local);

      if (rr == READ_EOF)
        break;
      if (rr == READ_ERROR)
        {
          if (g->gen != 0)
            {
              r->spill_err = local;
              break;
            }
          g_propagate_error (error, local);
          gen_free (g);
          return NULL;
        }
      if (bgen == 0)
        {
          set_error (error, GOLANES_ERROR_MALFORMED, b.offset, "a generation number above 0",
                     "invalid generation number %" G_GUINT64_FORMAT, bgen);
          gen_free (g);
          return NULL;
        }
      if (g->gen == 0)
        g->gen = bgen;
      if (bgen == g->gen + 1)
        {
          r->spill = b;
          if (r->data == NULL)
            {
              /* The window moves on before the spill batch is processed. */
              g_free (r->spill_data);
              r->spill_data = g_memdup2 (b.data, b.len);
              r->spill.data = r->spill_data;
            }
          r->spill_gen = bgen;
          r->has_spill = TRUE;
          break;
        }
      if (bgen != g->gen)
        {
          set_error (error, GOLANES_ERROR_MALFORMED, b.offset, "a batch of the current or the next generation",
                     "generations out of order");
          gen_free (g);
          return NULL;
        }
      note_min_ts (g, &b);
      if (!process_batch (g, &b, r->version, r->data != NULL, error))
        {
          gen_free (g);
          return NULL;
        }
    }
  if (!finish_generation (r, g, error))
    {
      gen_free (g);
      return NULL;
    }
  return g;
}

/* ---- cursors and the frontier heap ------------------------------------- */

/* Returns 1 with a new event, 0 when the thread has no more events, -1 on
 * error. */
static int
cursor_next (Cursor  *c,
             double   freq,
             GError **error)
{
  MBatches *mb = c->list;
  const Batch *b;
  const guint8 *p;
  gsize len, n;
  guint8 typ;
  const Spec *spec;
  guint64 dt;
  int k, nb;

  while (c->idx < mb->batches->len &&
         g_array_index (mb->batches, Batch, c->idx).len == c->off)
    {
      c->idx++;
      c->off = 0;
      c->last_ts = 0;
    }
  if (c->idx == mb->batches->len)
    return 0;
  b = &g_array_index (mb->batches, Batch, c->idx);
  if (c->last_ts == 0)
    c->last_ts = freq_mul (freq, b->time);
  if (G_UNLIKELY (c->data_idx != c->idx + 1))
    {
      /* Entering a batch: file input reads it into the cursor's buffer, so
       * only the batches being merged are in memory. */
      if (c->fd < 0)
        c->data = b->data;
      else
        {
          if (c->buf_cap < b->len)
            {
              c->buf_cap = MAX ((gsize) b->len, MIN (2 * c->buf_cap, (gsize) MAX_BATCH_SIZE));
              c->buf = g_realloc (c->buf, c->buf_cap);
            }
          if (!pread_full (c->fd, c->buf, b->len, b->offset, error))
            return -1;
          c->data = c->buf;
        }
      c->data_idx = c->idx + 1;
    }

  p = c->data + c->off;
  len = b->len - c->off;
  typ = p[0];
  if (typ >= N_SPECS)
    {
      set_error (error, GOLANES_ERROR_MALFORMED, b->offset + c->off, "a known event type",
                 "found invalid event type: %u", typ);
      return -1;
    }
  spec = &specs[typ];
  if (spec->nargs == 0 || !spec->timed)
    {
      set_error (error, GOLANES_ERROR_MALFORMED, b->offset + c->off, "a timed event",
                 "found event without a timestamp: type=%u", typ);
      return -1;
    }
  n = 1;
  nb = uvarint_fast (p + n, len - n, &dt);
  if (nb <= 0)
    {
      set_error (error, GOLANES_ERROR_MALFORMED, b->offset + c->off + n, "a timestamp delta (varint)",
                 "found invalid uvarint for timestamp");
      return -1;
    }
  n += nb;
  c->ev.args[0] = c->ev.args[1] = c->ev.args[2] = c->ev.args[3] = 0;
  for (k = 0; k < spec->nargs - 1; k++)
    {
      nb = uvarint_fast (p + n, len - n, &c->ev.args[k]);
      if (nb <= 0)
        {
          set_error (error, GOLANES_ERROR_MALFORMED, b->offset + c->off + n, "an event argument (varint)",
                     "found invalid uvarint");
          return -1;
        }
      n += nb;
    }
  c->ev.type = typ;
  c->ev.kind = spec->kind;
  c->ev.offset = b->offset + c->off;
  c->ev.time = add_wrap (freq_mul (freq, dt), c->last_ts);
  c->last_ts = c->ev.time;
  c->off += n;
  return 1;
}

static inline void
heap_swap (Cursor **h,
           guint    a,
           guint    b)
{
  Cursor *t = h[a];
  h[a] = h[b];
  h[b] = t;
}

static guint
heap_sift_up (Cursor **h,
              guint    i)
{
  while (i > 0 && h[(i - 1) / 2]->ev.time > h[i]->ev.time)
    {
      heap_swap (h, (i - 1) / 2, i);
      i = (i - 1) / 2;
    }
  return i;
}

static void
heap_sift_down (Cursor **h,
                guint    n,
                guint    i)
{
  for (;;)
    {
      guint m = i, c1 = 2 * i + 1, c2 = 2 * i + 2;
      gint64 mt = i < n ? h[i]->ev.time : G_MAXINT64;

      if (c1 < n && h[c1]->ev.time < mt)
        {
          mt = h[c1]->ev.time;
          m = c1;
        }
      if (c2 < n && h[c2]->ev.time < mt)
        m = c2;
      if (m == i)
        return;
      heap_swap (h, i, m);
      i = m;
    }
}

static void
heap_update (GolanesTraceReader *r,
             guint               i)
{
  if (heap_sift_up (r->frontier, i) != i)
    return;
  heap_sift_down (r->frontier, r->n_frontier, i);
}

static void
heap_remove (GolanesTraceReader *r,
             guint               i)
{
  Cursor **h = r->frontier;

  while (i > 0)
    {
      heap_swap (h, (i - 1) / 2, i);
      i = (i - 1) / 2;
    }
  heap_swap (h, 0, r->n_frontier - 1);
  r->n_frontier--;
  heap_sift_down (h, r->n_frontier, 0);
}

static void
heap_insert (GolanesTraceReader *r,
             Cursor             *c)
{
  if (r->n_frontier == r->cap_frontier)
    {
      r->cap_frontier = MAX (8, r->cap_frontier * 2);
      r->frontier = g_renew (Cursor *, r->frontier, r->cap_frontier);
    }
  r->frontier[r->n_frontier++] = c;
  heap_sift_up (r->frontier, r->n_frontier - 1);
}

static void
sort_frontier (GolanesTraceReader *r)
{
  guint n = r->n_frontier, i;

  if (r->cap_sort < n)
    {
      r->cap_sort = MAX (n, 2 * r->cap_sort);
      r->sort_items = g_renew (GolanesSortItem, r->sort_items, r->cap_sort);
      r->sort_copy = g_renew (Cursor *, r->sort_copy, r->cap_sort);
    }
  for (i = 0; i < n; i++)
    {
      r->sort_items[i].key = r->frontier[i]->ev.time;
      r->sort_items[i].value = i;
      r->sort_copy[i] = r->frontier[i];
    }
  golanes_sort_items (r->sort_items, n);
  for (i = 0; i < n; i++)
    r->frontier[i] = r->sort_copy[r->sort_items[i].value];
}

/* ---- ordering queue ---------------------------------------------------- */

static GolanesEvent *
queue_push (GolanesTraceReader *r)
{
  GolanesEvent *slot;

  if (r->q_len == r->q_cap)
    {
      guint ncap = MAX (8, r->q_cap * 2), i;
      GolanesEvent *nq = g_new (GolanesEvent, ncap);
      for (i = 0; i < r->q_len; i++)
        nq[i] = r->queue[(r->q_start + i) % r->q_cap];
      g_free (r->queue);
      r->queue = nq;
      r->q_cap = ncap;
      r->q_start = 0;
    }
  slot = &r->queue[(r->q_start + r->q_len) % r->q_cap];
  r->q_len++;
  return slot;
}

static gboolean
queue_pop (GolanesTraceReader *r,
           GolanesEvent       *out)
{
  if (r->q_len == 0)
    return FALSE;
  *out = r->queue[r->q_start];
  r->q_start = (r->q_start + 1) % r->q_cap;
  r->q_len--;
  return TRUE;
}

static void
push_event (GolanesTraceReader *r,
            const GolanesEvent *ev,
            Ctx                 ctx)
{
  GolanesEvent *slot = queue_push (r);

  *slot = *ev;
  slot->thread = ctx.m;
  slot->proc = ctx.p;
  slot->goroutine = ctx.g;
}

static void
push_made (GolanesTraceReader *r,
           Ctx                 ctx,
           guint8              typ,
           gint64              time,
           guint64             a0,
           guint64             a1)
{
  GolanesEvent ev;

  memset (&ev, 0, sizeof ev);
  ev.type = typ;
  ev.kind = specs[typ].kind;
  ev.time = time;
  ev.args[0] = a0;
  ev.args[1] = a1;
  push_event (r, &ev, ctx);
}

/* ---- ordering state helpers -------------------------------------------- */

static inline GState *
get_g (GolanesTraceReader *r,
       gint64              id)
{
  guint64 v;
  if (golanes_id_map_lookup (&r->g_states, (guint64) id, &v))
    return (GState *) (gsize) v;
  return NULL;
}

static inline PState *
get_p (GolanesTraceReader *r,
       gint64              id)
{
  guint64 v;
  if (golanes_id_map_lookup (&r->p_states, (guint64) id, &v))
    return (PState *) (gsize) v;
  return NULL;
}

static inline MState *
get_m (GolanesTraceReader *r,
       gint64              id)
{
  guint64 v;
  if (golanes_id_map_lookup (&r->m_states, (guint64) id, &v))
    return (MState *) (gsize) v;
  return NULL;
}

static MState *
new_m (GolanesTraceReader *r,
       gint64              id,
       gint64              g,
       gint64              p)
{
  MState *ms = g_new (MState, 1);
  ms->g = g;
  ms->p = p;
  golanes_id_map_replace (&r->m_states, (guint64) id, (guint64) (gsize) ms);
  return ms;
}

static GState *
new_g (GolanesTraceReader *r,
       gint64              id,
       guint8              status,
       guint64             gen)
{
  GState *gs = r->free_g;

  if (gs != NULL)
    r->free_g = gs->next_free;
  else
    gs = g_new0 (GState, 1);
  gs->id = id;
  gs->status = status;
  gs->seq.gen = gen;
  gs->seq.seq = 0;
  gs->n_regions = 0;
  gs->ranges.n = 0;
  gs->next_free = NULL;
  golanes_id_map_replace (&r->g_states, (guint64) id, (guint64) (gsize) gs);
  return gs;
}

static void
delete_g (GolanesTraceReader *r,
          gint64              id)
{
  GState *gs = get_g (r, id);
  guint i;

  if (gs == NULL)
    return;
  golanes_id_map_remove (&r->g_states, (guint64) id);
  for (i = 0; i < gs->n_regions; i++)
    g_free (gs->regions[i].name);
  gs->n_regions = 0;
  gs->ranges.n = 0;
  gs->next_free = r->free_g;
  r->free_g = gs;
}

static void
free_g_state (GState *gs)
{
  guint i;

  for (i = 0; i < gs->n_regions; i++)
    g_free (gs->regions[i].name);
  g_free (gs->regions);
  g_free (gs->ranges.v);
  g_free (gs);
}

static inline gboolean
seq_succeeds (guint64 gen,
              guint64 seq,
              Seq     prev)
{
  return gen == prev.gen && seq == prev.seq + 1;
}

static guint8
range_start_type (guint8 typ)
{
  return specs[typ].start_ev != 0 ? specs[typ].start_ev : typ;
}

static gboolean
range_has (const RangeSet *s,
           RangeType       t)
{
  guint i;
  for (i = 0; i < s->n; i++)
    if (s->v[i].typ == t.typ && s->v[i].desc == t.desc)
      return TRUE;
  return FALSE;
}

static void
range_add (RangeSet *s,
           RangeType t)
{
  if (s->n == s->cap)
    {
      s->cap = MAX (4, s->cap * 2);
      s->v = g_renew (RangeType, s->v, s->cap);
    }
  s->v[s->n++] = t;
}

static char *
range_set_string (const RangeSet *s)
{
  GString *str = g_string_new ("[");
  guint i;

  for (i = 0; i < s->n; i++)
    g_string_append_printf (str, "%s{%u %" G_GUINT64_FORMAT "}", i ? " " : "", s->v[i].typ, s->v[i].desc);
  g_string_append_c (str, ']');
  return g_string_free (str, FALSE);
}

static gboolean
range_begin (RangeSet   *s,
             RangeType   t,
             guint64     off,
             GError    **error)
{
  if (range_has (s, t))
    {
      set_error (error, GOLANES_ERROR_INVALID_ORDER, off, "a range that is not already in flight",
                 "discovered event already in-flight for when starting event %s", specs[t.typ].name);
      return FALSE;
    }
  range_add (s, t);
  return TRUE;
}

static gboolean
range_active (RangeSet   *s,
              RangeType   t,
              gboolean    initial,
              guint64     off,
              GError    **error)
{
  if (initial)
    {
      if (range_has (s, t))
        {
          set_error (error, GOLANES_ERROR_INVALID_ORDER, off, "a range not yet seen in the first generation",
                     "found named active range already in first gen: {%u %" G_GUINT64_FORMAT "}", t.typ, t.desc);
          return FALSE;
        }
      range_add (s, t);
    }
  else if (!range_has (s, t))
    {
      char *set = range_set_string (s);
      set_error (error, GOLANES_ERROR_INVALID_ORDER, off, "a range that was active in the previous generation",
                 "resource is missing active range: %s %s", specs[t.typ].name, set);
      g_free (set);
      return FALSE;
    }
  return TRUE;
}

static gboolean
range_end (RangeSet  *s,
           guint8     typ,
           guint64   *desc,
           guint64    off,
           GError   **error)
{
  guint8 st = specs[typ].start_ev;
  guint i;

  for (i = 0; i < s->n; i++)
    if (s->v[i].typ == st)
      {
        *desc = s->v[i].desc;
        s->v[i] = s->v[s->n - 1];
        s->n--;
        return TRUE;
      }
  set_error (error, GOLANES_ERROR_INVALID_ORDER, off, "a matching begin event",
             "tried to end event %s, but not in-flight", specs[st].name ? specs[st].name : "");
  return FALSE;
}

enum { MUST_NOT, MAY, MUST };

static gboolean
validate_ctx (Ctx         c,
              int         m,
              int         p,
              int         g,
              guint64     off,
              GError    **error)
{
  const char *msg = NULL;

  if (m == MUST && c.m == -1)
    msg = "expected a thread but didn't have one";
  else if (m == MUST_NOT && c.m != -1)
    msg = "expected no thread but had one";
  else if (p == MUST && c.p == -1)
    msg = "expected a proc but didn't have one";
  else if (p == MUST_NOT && c.p != -1)
    msg = "expected no proc but had one";
  else if (g == MUST && c.g == -1)
    msg = "expected a goroutine but didn't have one";
  else if (g == MUST_NOT && c.g != -1)
    msg = "expected no goroutine but had one";
  if (msg == NULL)
    return TRUE;
  set_error (error, GOLANES_ERROR_INVALID_ORDER, off, "an event valid in its scheduling context", "%s", msg);
  return FALSE;
}

#define USER_GO(c, off, error) validate_ctx ((c), MUST, MUST, MUST, (off), (error))

static void
queue_ev (GolanesTraceReader *r,
          const GolanesEvent *ev,
          Ctx                 ctx)
{
  push_event (r, ev, ctx);
}

#define ORDER_ERR(...) \
  G_STMT_START { set_error (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, __VA_ARGS__); return -1; } G_STMT_END

/* Returns 1 if the event was consumed (queued), 0 if it is not ready yet, -1
 * on error.  *nctx receives the thread's new context. */
static int
advance (GolanesTraceReader *r,
         GolanesEvent       *ev,
         guint64             gen,
         Ctx                 cur,
         Ctx                *nctx,
         GError            **error)
{
  char nb[32];
  const char *en;
  guint8 typ = ev->type;

  *nctx = cur;
  switch (typ)
    {
    case GOLANES_EV_PROC_STATUS:
      {
        gint64 pid = (gint64) ev->args[0];
        guint64 status = ev->args[1];
        guint64 old_state;
        PState *ps;

        if (status >= G_N_ELEMENTS (proc_status_to_state))
          ORDER_ERR ("a proc status between 1 and 4", "invalid status for proc %" G_GINT64_FORMAT ": %" G_GUINT64_FORMAT,
                     pid, status & 0xff);
        old_state = proc_status_to_state[status];
        ps = get_p (r, pid);
        if (ps != NULL)
          {
            if (status == PS_ABANDONED && ps->status == PS_SYSCALL)
              {
                old_state = GOLANES_PROC_RUNNING;
                ev->args[1] = PS_SYSCALL;
              }
            else if (status == PS_ABANDONED && ps->status == PS_ABANDONED)
              {
                old_state = GOLANES_PROC_IDLE;
                ev->args[1] = PS_ABANDONED;
              }
            else if (ps->status != status)
              ORDER_ERR ("the proc status recorded earlier",
                         "inconsistent status for proc %" G_GINT64_FORMAT ": old %s vs. new %s",
                         pid, proc_status_name (ps->status), proc_status_name (status));
            ps->seq.gen = gen;
            ps->seq.seq = 0;
          }
        else
          {
            ps = g_new0 (PState, 1);
            ps->id = pid;
            ps->status = (guint8) status;
            ps->seq.gen = gen;
            golanes_id_map_replace (&r->p_states, (guint64) pid, (guint64) (gsize) ps);
            old_state = gen == r->initial_gen ? GOLANES_PROC_UNDETERMINED : GOLANES_PROC_NOT_EXIST;
          }
        ev->args[2] = old_state;
        if (status == PS_RUNNING || status == PS_SYSCALL)
          nctx->p = pid;
        if (status == PS_ABANDONED && old_state == GOLANES_PROC_RUNNING)
          {
            gboolean found = FALSE;
            guint i;
            for (i = 0; r->m_states.used != NULL && i <= r->m_states.mask; i++)
              if (r->m_states.used[i])
                {
                  MState *ms = (MState *) (gsize) r->m_states.values[i];
                  if (ms->p == pid)
                    {
                      cur.m = (gint64) r->m_states.keys[i];
                      cur.p = pid;
                      cur.g = ms->g;
                      found = TRUE;
                    }
                }
            if (!found)
              ORDER_ERR ("a thread holding the proc",
                         "failed to find sched context for proc %" G_GINT64_FORMAT " that's about to be stolen", pid);
          }
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_PROC_START:
      {
        gint64 pid = (gint64) ev->args[0];
        PState *ps = get_p (r, pid);

        if (ps == NULL || ps->status != PS_IDLE || !seq_succeeds (gen, ev->args[1], ps->seq) || cur.p != -1)
          return 0;
        if (!validate_ctx (cur, MUST, MUST_NOT, MAY, ev->offset, error))
          return -1;
        ps->status = PS_RUNNING;
        ps->seq.gen = gen;
        ps->seq.seq = ev->args[1];
        nctx->p = pid;
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_PROC_STOP:
      {
        PState *ps = get_p (r, cur.p);

        en = ev_name (r, typ, nb);
        if (ps == NULL)
          ORDER_ERR ("a proc on the thread", "event %s for proc (%" G_GINT64_FORMAT ") that doesn't exist", en, cur.p);
        if (ps->status != PS_RUNNING && ps->status != PS_SYSCALL)
          ORDER_ERR ("a running proc", "%s event for proc that's not Running or Syscall", en);
        if (!validate_ctx (cur, MUST, MUST, MAY, ev->offset, error))
          return -1;
        ps->status = PS_IDLE;
        nctx->p = -1;
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_PROC_STEAL:
      {
        gint64 pid = (gint64) ev->args[0];
        PState *ps = get_p (r, pid);
        guint8 old;
        gint64 mid;
        MState *ms;

        if (ps == NULL || (ps->status != PS_SYSCALL && ps->status != PS_ABANDONED) ||
            !seq_succeeds (gen, ev->args[1], ps->seq))
          return 0;
        if (!validate_ctx (cur, MUST, MAY, MAY, ev->offset, error))
          return -1;
        old = ps->status;
        ev->args[3] = old;
        ps->status = PS_IDLE;
        ps->seq.gen = gen;
        ps->seq.seq = ev->args[1];
        if (old == PS_ABANDONED)
          {
            queue_ev (r, ev, cur);
            return 1;
          }
        mid = (gint64) ev->args[2];
        if (mid == cur.m)
          {
            if (cur.p != pid)
              ORDER_ERR ("the stolen proc on the stealing thread",
                         "tried to self-steal proc %" G_GINT64_FORMAT " (thread %" G_GINT64_FORMAT "), but got proc %" G_GINT64_FORMAT " instead",
                         pid, mid, cur.p);
            nctx->p = -1;
            queue_ev (r, ev, cur);
            return 1;
          }
        ms = get_m (r, mid);
        if (ms == NULL)
          ORDER_ERR ("a known thread", "stole proc from non-existent thread %" G_GINT64_FORMAT, mid);
        if (ms->p != pid)
          ORDER_ERR ("the thread holding the proc",
                     "tried to steal proc %" G_GINT64_FORMAT " from thread %" G_GINT64_FORMAT ", but got proc %" G_GINT64_FORMAT " instead",
                     pid, mid, ms->p);
        ms->p = -1;
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_GO_STATUS:
    case GOLANES_EV_GO_STATUS_STACK:
      {
        gint64 gid = (gint64) ev->args[0];
        gint64 mid = (gint64) ev->args[1];
        guint64 status = ev->args[2];
        guint64 old_state;
        GState *gs;

        if (status >= G_N_ELEMENTS (go_status_to_state))
          ORDER_ERR ("a goroutine status between 1 and 4", "invalid status for goroutine %" G_GINT64_FORMAT ": %" G_GUINT64_FORMAT,
                     gid, status & 0xff);
        old_state = go_status_to_state[status];
        gs = get_g (r, gid);
        if (gs != NULL)
          {
            if (gs->status != status)
              ORDER_ERR ("the goroutine status recorded earlier",
                         "inconsistent status for goroutine %" G_GINT64_FORMAT ": old %s vs. new %s",
                         gid, go_status_name (gs->status), go_status_name (status));
            gs->seq.gen = gen;
            gs->seq.seq = 0;
          }
        else if (gen == r->initial_gen)
          {
            new_g (r, gid, (guint8) status, gen);
            old_state = GOLANES_GO_UNDETERMINED;
          }
        else
          ORDER_ERR ("a goroutine known from an earlier generation",
                     "found goroutine status for new goroutine after the first generation: id=%" G_GINT64_FORMAT " status=%s",
                     gid, go_status_name (status));
        ev->args[2] = old_state << 32 | status;

        if (status == GS_RUNNING)
          nctx->g = gid;
        else if (status == GS_SYSCALL)
          {
            if (mid == -1)
              ORDER_ERR ("a thread for a goroutine in a syscall", "found goroutine %" G_GINT64_FORMAT " in syscall without a thread", gid);
            if (mid == cur.m)
              {
                if (gen != r->initial_gen && cur.g != gid)
                  ORDER_ERR ("the goroutine on its thread",
                             "inconsistent thread for syscalling goroutine %" G_GINT64_FORMAT ": thread has goroutine %" G_GINT64_FORMAT,
                             gid, cur.g);
                nctx->g = gid;
              }
            else
              {
                MState *ms = get_m (r, mid);
                if (ms != NULL)
                  {
                    if (ms->g != gid)
                      ORDER_ERR ("the goroutine on its thread",
                                 "inconsistent thread for syscalling goroutine %" G_GINT64_FORMAT ": thread has goroutine %" G_GINT64_FORMAT,
                                 gid, ms->g);
                    cur.g = ms->g;
                  }
                else
                  new_m (r, mid, gid, -1);
                cur.m = mid;
              }
          }
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_GO_CREATE:
    case GOLANES_EV_GO_CREATE_BLOCKED:
      {
        GState *gs;
        gint64 newgid = (gint64) ev->args[0];

        if (!validate_ctx (cur, MUST, MUST, MAY, ev->offset, error))
          return -1;
        gs = get_g (r, cur.g);
        if (gs != NULL && gs->status != GS_RUNNING)
          ORDER_ERR ("a running creator", "%s event for goroutine that's not Running", ev_name (r, typ, nb));
        if (get_g (r, newgid) != NULL)
          ORDER_ERR ("a goroutine id not in use", "tried to create goroutine (%" G_GINT64_FORMAT ") that already exists", newgid);
        new_g (r, newgid, typ == GOLANES_EV_GO_CREATE_BLOCKED ? GS_WAITING : GS_RUNNABLE, gen);
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_GO_DESTROY:
    case GOLANES_EV_GO_STOP:
    case GOLANES_EV_GO_BLOCK:
      {
        GState *gs;

        if (!USER_GO (cur, ev->offset, error))
          return -1;
        gs = get_g (r, cur.g);
        en = ev_name (r, typ, nb);
        if (gs == NULL)
          ORDER_ERR ("a known goroutine", "event %s for goroutine (%" G_GINT64_FORMAT ") that doesn't exist", en, cur.g);
        if (gs->status != GS_RUNNING)
          ORDER_ERR ("a running goroutine", "%s event for goroutine that's not Running", en);
        if (typ == GOLANES_EV_GO_DESTROY)
          delete_g (r, cur.g);
        else
          gs->status = typ == GOLANES_EV_GO_STOP ? GS_RUNNABLE : GS_WAITING;
        nctx->g = -1;
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_GO_START:
      {
        gint64 gid = (gint64) ev->args[0];
        GState *gs = get_g (r, gid);

        if (gs == NULL || gs->status != GS_RUNNABLE || !seq_succeeds (gen, ev->args[1], gs->seq))
          return 0;
        if (!validate_ctx (cur, MUST, MUST, MUST_NOT, ev->offset, error))
          return -1;
        gs->status = GS_RUNNING;
        gs->seq.gen = gen;
        gs->seq.seq = ev->args[1];
        nctx->g = gid;
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_GO_UNBLOCK:
      {
        GState *gs = get_g (r, (gint64) ev->args[0]);

        if (gs == NULL || gs->status != GS_WAITING || !seq_succeeds (gen, ev->args[1], gs->seq))
          return 0;
        gs->status = GS_RUNNABLE;
        gs->seq.gen = gen;
        gs->seq.seq = ev->args[1];
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_GO_SWITCH:
    case GOLANES_EV_GO_SWITCH_DESTROY:
      {
        GState *cs, *ns;
        gint64 nextg = (gint64) ev->args[0];
        Ctx start;

        if (!USER_GO (cur, ev->offset, error))
          return -1;
        cs = get_g (r, cur.g);
        en = ev_name (r, typ, nb);
        if (cs == NULL)
          ORDER_ERR ("a known goroutine", "event %s for goroutine (%" G_GINT64_FORMAT ") that doesn't exist", en, cur.g);
        if (cs->status != GS_RUNNING)
          ORDER_ERR ("a running goroutine", "%s event for goroutine that's not Running", en);
        ns = get_g (r, nextg);
        if (ns == NULL || ns->status != GS_WAITING || !seq_succeeds (gen, ev->args[1], ns->seq))
          return 0;
        queue_ev (r, ev, cur);
        if (typ == GOLANES_EV_GO_SWITCH)
          {
            cs->status = GS_WAITING;
            push_made (r, cur, GOLANES_EV_GO_BLOCK, ev->time, 0, 0);
          }
        else
          {
            delete_g (r, cur.g);
            push_made (r, cur, GOLANES_EV_GO_DESTROY, ev->time, 0, 0);
          }
        ns->status = GS_RUNNING;
        ns->seq.gen = gen;
        ns->seq.seq = ev->args[1];
        nctx->g = nextg;
        start = cur;
        start.g = -1;
        push_made (r, start, GOLANES_EV_GO_START, ev->time, (guint64) nextg, ev->args[1]);
        return 1;
      }

    case GOLANES_EV_GO_SYSCALL_BEGIN:
      {
        GState *gs;
        PState *ps;

        if (!USER_GO (cur, ev->offset, error))
          return -1;
        gs = get_g (r, cur.g);
        en = ev_name (r, typ, nb);
        if (gs == NULL)
          ORDER_ERR ("a known goroutine", "event %s for goroutine (%" G_GINT64_FORMAT ") that doesn't exist", en, cur.g);
        if (gs->status != GS_RUNNING)
          ORDER_ERR ("a running goroutine", "%s event for goroutine that's not Running", en);
        gs->status = GS_SYSCALL;
        ps = get_p (r, cur.p);
        if (ps == NULL)
          ORDER_ERR ("a known proc", "uninitialized proc %" G_GINT64_FORMAT " found during %s", cur.p, en);
        ps->status = PS_SYSCALL;
        if (!seq_succeeds (gen, ev->args[0], ps->seq))
          ORDER_ERR ("the next proc sequence number",
                     "failed to advance %s: can't make sequence: %" G_GUINT64_FORMAT " (gen=%" G_GUINT64_FORMAT ") -> %" G_GUINT64_FORMAT " (gen=%" G_GUINT64_FORMAT ")",
                     en, ps->seq.seq, ps->seq.gen, ev->args[0], gen);
        ps->seq.gen = gen;
        ps->seq.seq = ev->args[0];
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_GO_SYSCALL_END:
      {
        GState *gs;
        PState *ps;

        if (!USER_GO (cur, ev->offset, error))
          return -1;
        gs = get_g (r, cur.g);
        en = ev_name (r, typ, nb);
        if (gs == NULL)
          ORDER_ERR ("a known goroutine", "event %s for goroutine (%" G_GINT64_FORMAT ") that doesn't exist", en, cur.g);
        if (gs->status != GS_SYSCALL)
          ORDER_ERR ("a goroutine in a syscall", "%s event for goroutine that's not Running", en);
        gs->status = GS_RUNNING;
        ps = get_p (r, cur.p);
        if (ps == NULL)
          ORDER_ERR ("a known proc", "uninitialized proc %" G_GINT64_FORMAT " found during %s", cur.p, en);
        if (ps->status != PS_SYSCALL)
          ORDER_ERR ("a proc in a syscall", "expected proc %" G_GINT64_FORMAT " in state Syscall, but got %s instead",
                     cur.p, proc_status_name (ps->status));
        ps->status = PS_RUNNING;
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_GO_SYSCALL_END_BLOCKED:
      {
        GState *gs;

        en = ev_name (r, typ, nb);
        if (cur.p != -1)
          {
            PState *ps = get_p (r, cur.p);
            if (ps == NULL)
              ORDER_ERR ("a known proc", "uninitialized proc %" G_GINT64_FORMAT " found during %s", cur.p, en);
            if (ps->status == PS_SYSCALL)
              return 0;
          }
        if (!validate_ctx (cur, MUST, MAY, MUST, ev->offset, error))
          return -1;
        gs = get_g (r, cur.g);
        if (gs == NULL)
          ORDER_ERR ("a known goroutine", "event %s for goroutine (%" G_GINT64_FORMAT ") that doesn't exist", en, cur.g);
        if (gs->status != GS_SYSCALL)
          ORDER_ERR ("a goroutine in a syscall", "%s event for goroutine that's not Running", en);
        nctx->g = -1;
        gs->status = GS_RUNNABLE;
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_GO_CREATE_SYSCALL:
      {
        gint64 newgid = (gint64) ev->args[0];

        if (!validate_ctx (cur, MUST, MAY, MUST_NOT, ev->offset, error))
          return -1;
        if (get_g (r, newgid) != NULL)
          ORDER_ERR ("a goroutine id not in use", "tried to create goroutine (%" G_GINT64_FORMAT ") in syscall that already exists", newgid);
        new_g (r, newgid, GS_SYSCALL, gen);
        nctx->g = newgid;
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_GO_DESTROY_SYSCALL:
      {
        GState *gs;

        if (!validate_ctx (cur, MUST, MAY, MUST, ev->offset, error))
          return -1;
        gs = get_g (r, cur.g);
        en = ev_name (r, typ, nb);
        if (gs == NULL)
          ORDER_ERR ("a known goroutine", "event %s for goroutine (%" G_GINT64_FORMAT ") that doesn't exist", en, cur.g);
        if (gs->status != GS_SYSCALL)
          ORDER_ERR ("a goroutine in a syscall", "%s event for goroutine that's not Syscall", en);
        delete_g (r, cur.g);
        nctx->g = -1;
        if (cur.p != -1)
          {
            PState *ps = get_p (r, cur.p);
            GolanesEvent steal;
            if (ps == NULL)
              ORDER_ERR ("a known proc", "found invalid proc %" G_GINT64_FORMAT " during %s", cur.p, en);
            if (ps->status != PS_SYSCALL)
              ORDER_ERR ("a proc in a syscall", "proc %" G_GINT64_FORMAT " in unexpected state %s during %s",
                         cur.p, proc_status_name (ps->status), en);
            ps->status = PS_ABANDONED;
            nctx->p = -1;
            memset (&steal, 0, sizeof steal);
            steal.type = GOLANES_EV_PROC_STEAL;
            steal.kind = GOLANES_EVENT_STATE_TRANSITION;
            steal.time = ev->time;
            steal.args[0] = (guint64) cur.p;
            steal.args[3] = PS_SYSCALL;
            push_event (r, &steal, cur);
          }
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_USER_TASK_BEGIN:
      {
        guint64 id = ev->args[0], parent = ev->args[1];
        GolanesStr name;
        TaskState *ts;

        if (golanes_id_map_lookup (&r->tasks, id, NULL))
          ORDER_ERR ("a task id not in use", "task ID conflict: %" G_GUINT64_FORMAT, id);
        if (parent == 0)
          {
            parent = GOLANES_NO_TASK;
            ev->args[1] = GOLANES_NO_TASK;
          }
        if (!gen_get_string (r->gen, ev->args[2], &name))
          ORDER_ERR ("a known string id", "invalid string ID %" G_GUINT64_FORMAT " for %u event", ev->args[2], typ);
        ts = g_new (TaskState, 1);
        ts->name = dup_bytes (name);
        ts->name_len = name.len;
        ts->parent = parent;
        golanes_id_map_replace (&r->tasks, id, (guint64) (gsize) ts);
        if (!USER_GO (cur, ev->offset, error))
          return -1;
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_USER_TASK_END:
      {
        guint64 id = ev->args[0], v;

        if (golanes_id_map_lookup (&r->tasks, id, &v))
          {
            TaskState *ts = (TaskState *) (gsize) v;
            ev->args[2] = ts->parent;
            if (ts->name_len == 0)
              {
                ev->args[3] = 0;
                g_free (ts->name);
              }
            else
              {
                GString *copy = g_string_new_len (ts->name, (gssize) ts->name_len);
                g_ptr_array_add (r->gen->extra, copy);
                g_free (ts->name);
                ev->args[3] = r->gen->extra->len;
              }
            g_free (ts);
            golanes_id_map_remove (&r->tasks, id);
          }
        else
          {
            ev->args[2] = GOLANES_NO_TASK;
            ev->args[3] = 0;
          }
        if (!USER_GO (cur, ev->offset, error))
          return -1;
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_USER_REGION_BEGIN:
    case GOLANES_EV_USER_REGION_END:
      {
        GolanesStr name;
        GState *gs;

        if (!USER_GO (cur, ev->offset, error))
          return -1;
        if (!gen_get_string (r->gen, ev->args[1], &name))
          ORDER_ERR ("a known string id", "invalid string ID %" G_GUINT64_FORMAT " for %u event", ev->args[1], typ);
        gs = get_g (r, cur.g);
        if (gs == NULL)
          ORDER_ERR ("a known goroutine", "encountered %s without known state for current goroutine %" G_GINT64_FORMAT,
                     typ == GOLANES_EV_USER_REGION_BEGIN ? "EvUserRegionBegin" : "EvUserRegionEnd", cur.g);
        if (typ == GOLANES_EV_USER_REGION_BEGIN)
          {
            UserRegion *ur;
            if (gs->n_regions == gs->cap_regions)
              {
                gs->cap_regions = MAX (4, gs->cap_regions * 2);
                gs->regions = g_renew (UserRegion, gs->regions, gs->cap_regions);
              }
            ur = &gs->regions[gs->n_regions++];
            ur->task = ev->args[0];
            ur->name = dup_bytes (name);
            ur->name_len = name.len;
          }
        else if (gs->n_regions > 0)
          {
            UserRegion *top = &gs->regions[gs->n_regions - 1];
            if (top->task != ev->args[0] || top->name_len != name.len ||
                memcmp (top->name, name.data, name.len) != 0)
              ORDER_ERR ("the end of the innermost open region",
                         "misuse of region in goroutine %" G_GINT64_FORMAT ": region end {%" G_GUINT64_FORMAT " %.*s} when the inner-most active region start event is {%" G_GUINT64_FORMAT " %s}",
                         gs->id, ev->args[0], (int) name.len, name.data, top->task, top->name);
            g_free (top->name);
            gs->n_regions--;
          }
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_GC_ACTIVE:
      {
        guint64 seq = ev->args[0];

        if (gen == r->initial_gen)
          {
            if (r->gc_state != GC_UNDETERMINED)
              ORDER_ERR ("GCActive as the first GC event", "GCActive in the first generation isn't first GC event");
            r->gc_seq = seq;
            r->gc_state = GC_RUNNING;
            queue_ev (r, ev, cur);
            return 1;
          }
        if (seq != r->gc_seq + 1)
          return 0;
        if (r->gc_state != GC_RUNNING)
          ORDER_ERR ("a running GC", "encountered GCActive while GC was not in progress");
        r->gc_seq = seq;
        if (!USER_GO (cur, ev->offset, error))
          return -1;
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_GC_BEGIN:
      {
        guint64 seq = ev->args[0];

        if (r->gc_state == GC_UNDETERMINED)
          {
            r->gc_seq = seq;
            r->gc_state = GC_RUNNING;
            queue_ev (r, ev, cur);
            return 1;
          }
        if (seq != r->gc_seq + 1)
          return 0;
        if (r->gc_state == GC_RUNNING)
          ORDER_ERR ("no GC in progress", "encountered GCBegin while GC was already in progress");
        r->gc_seq = seq;
        r->gc_state = GC_RUNNING;
        if (!USER_GO (cur, ev->offset, error))
          return -1;
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_GC_END:
      {
        guint64 seq = ev->args[0];

        if (seq != r->gc_seq + 1)
          return 0;
        if (r->gc_state == GC_NOT_RUNNING)
          ORDER_ERR ("a GC in progress", "encountered GCEnd when GC was not in progress");
        if (r->gc_state == GC_UNDETERMINED)
          ORDER_ERR ("a GC in progress", "encountered GCEnd when GC was in an undetermined state");
        r->gc_seq = seq;
        r->gc_state = GC_NOT_RUNNING;
        if (!USER_GO (cur, ev->offset, error))
          return -1;
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_PROCS_CHANGE:
    case GOLANES_EV_GO_LABEL:
    case GOLANES_EV_USER_LOG:
      if (!USER_GO (cur, ev->offset, error))
        return -1;
      queue_ev (r, ev, cur);
      return 1;

    case GOLANES_EV_HEAP_ALLOC:
    case GOLANES_EV_HEAP_GOAL:
      if (!validate_ctx (cur, MUST, MUST, MAY, ev->offset, error))
        return -1;
      queue_ev (r, ev, cur);
      return 1;

    case GOLANES_EV_GC_SWEEP_BEGIN:
      {
        RangeType t = { range_start_type (typ), 0 };
        PState *ps;

        if (!validate_ctx (cur, MUST, MUST, MAY, ev->offset, error))
          return -1;
        ps = get_p (r, cur.p);
        if (ps == NULL)
          ORDER_ERR ("a known proc", "uninitialized proc %" G_GINT64_FORMAT " found during %s", cur.p, ev_name (r, typ, nb));
        if (!range_begin (&ps->ranges, t, ev->offset, error))
          return -1;
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_GC_SWEEP_ACTIVE:
      {
        RangeType t = { range_start_type (typ), 0 };
        gint64 pid = (gint64) ev->args[0];
        PState *ps = get_p (r, pid);

        if (ps == NULL)
          ORDER_ERR ("a known proc", "encountered GCSweepActive for unknown proc %" G_GINT64_FORMAT, pid);
        if (!range_active (&ps->ranges, t, gen == r->initial_gen, ev->offset, error))
          return -1;
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_GC_SWEEP_END:
      {
        PState *ps;
        guint64 desc;

        if (!validate_ctx (cur, MUST, MUST, MAY, ev->offset, error))
          return -1;
        ps = get_p (r, cur.p);
        if (ps == NULL)
          ORDER_ERR ("a known proc", "uninitialized proc %" G_GINT64_FORMAT " found during %s", cur.p, ev_name (r, typ, nb));
        if (!range_end (&ps->ranges, typ, &desc, ev->offset, error))
          return -1;
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_STW_BEGIN:
    case GOLANES_EV_GC_MARK_ASSIST_BEGIN:
      {
        RangeType t;
        GState *gs;

        if (!USER_GO (cur, ev->offset, error))
          return -1;
        t.typ = range_start_type (typ);
        t.desc = typ == GOLANES_EV_STW_BEGIN ? ev->args[0] : 0;
        gs = get_g (r, cur.g);
        if (gs == NULL)
          ORDER_ERR ("a known goroutine", "encountered event of type %u without known state for current goroutine %" G_GINT64_FORMAT, typ, cur.g);
        if (!range_begin (&gs->ranges, t, ev->offset, error))
          return -1;
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_GC_MARK_ASSIST_ACTIVE:
      {
        RangeType t = { range_start_type (typ), 0 };
        gint64 gid = (gint64) ev->args[0];
        GState *gs = get_g (r, gid);

        if (gs == NULL)
          ORDER_ERR ("a known goroutine", "uninitialized goroutine %" G_GINT64_FORMAT " found during %s", gid, ev_name (r, typ, nb));
        if (!range_active (&gs->ranges, t, gen == r->initial_gen, ev->offset, error))
          return -1;
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_STW_END:
    case GOLANES_EV_GC_MARK_ASSIST_END:
      {
        GState *gs;
        guint64 desc;

        if (!USER_GO (cur, ev->offset, error))
          return -1;
        gs = get_g (r, cur.g);
        if (gs == NULL)
          ORDER_ERR ("a known goroutine", "encountered event of type %u without known state for current goroutine %" G_GINT64_FORMAT, typ, cur.g);
        if (!range_end (&gs->ranges, typ, &desc, ev->offset, error))
          return -1;
        if (typ == GOLANES_EV_STW_END)
          ev->args[0] = desc;
        queue_ev (r, ev, cur);
        return 1;
      }

    case GOLANES_EV_SPAN:
    case GOLANES_EV_SPAN_ALLOC:
    case GOLANES_EV_SPAN_FREE:
    case GOLANES_EV_HEAP_OBJECT:
    case GOLANES_EV_HEAP_OBJECT_ALLOC:
    case GOLANES_EV_HEAP_OBJECT_FREE:
    case GOLANES_EV_GOROUTINE_STACK:
    case GOLANES_EV_GOROUTINE_STACK_ALLOC:
    case GOLANES_EV_GOROUTINE_STACK_FREE:
      if (!validate_ctx (cur, MUST, MAY, MAY, ev->offset, error))
        return -1;
      queue_ev (r, ev, cur);
      return 1;

    default:
      ORDER_ERR ("an event type the ordering knows", "bad event type found while ordering: %u", typ);
    }
}

static int
order_advance (GolanesTraceReader *r,
               GolanesEvent       *ev,
               guint64             m,
               gpointer           *mcache,
               guint64             gen,
               GError            **error)
{
  Ctx cur, nctx;
  MState *ms = NULL;
  int res;

  if (r->initial_gen == 0)
    r->initial_gen = gen;
  cur.m = (gint64) m;
  if (cur.m == -1)
    {
      cur.p = -1;
      cur.g = -1;
    }
  else
    {
      ms = *mcache;
      if (ms == NULL)
        {
          ms = get_m (r, cur.m);
          if (ms == NULL)
            ms = new_m (r, cur.m, -1, -1);
          *mcache = ms;
        }
      cur.p = ms->p;
      cur.g = ms->g;
    }
  res = advance (r, ev, gen, cur, &nctx, error);
  if (res == 1 && ms != NULL)
    {
      ms->p = nctx.p;
      ms->g = nctx.g;
    }
  return res;
}

/* ---- reader ------------------------------------------------------------ */

/* Parses the header from the first bytes of the input.  For a file they
 * are read in growing prefixes, since Go lets runs of spaces and leading
 * zeros make the header arbitrarily long; a prefix is only extended while
 * it holds nothing but bytes a header can be made of, so anything else is
 * decided on its first 4 KiB. */
static gboolean
reader_parse_header (GolanesTraceReader *r,
                     GolanesTraceHeader *hdr,
                     GError            **error)
{
  GError *local = NULL;
  guint8 *buf = NULL;
  gsize n;

  if (r->data != NULL)
    {
      if (golanes_trace_header_parse (r->data, r->len, hdr, &local))
        return TRUE;
    }
  else
    for (n = MIN (r->len, (gsize) 4096);; n = MIN (r->len, 2 * n))
      {
        gsize k;

        buf = g_realloc (buf, MAX (n, 1));
        if (!pread_full (r->fd, buf, n, 0, error))
          {
            g_free (buf);
            return FALSE;
          }
        g_clear_error (&local);
        if (golanes_trace_header_parse (buf, n, hdr, &local))
          {
            g_free (buf);
            return TRUE;
          }
        for (k = 0; k < n && strchr ("go1.trace \t\r\v\f0123456789", buf[k]) != NULL; k++)
          ;
        if (n == r->len || k < n)
          break;
      }
  g_free (buf);
  g_set_error (error, local->domain, local->code,
               "%s\n(at byte offset 0: a header \"go 1.N trace\" followed by three NUL bytes)",
               local->message);
  g_error_free (local);
  return FALSE;
}

static GolanesTraceReader *
reader_new (const guint8 *data,
            int           fd,
            gsize         len,
            GError      **error)
{
  GolanesTraceHeader hdr;
  GolanesTraceReader *r;
  GError *local = NULL;

  r = g_new0 (GolanesTraceReader, 1);
  r->data = data;
  r->fd = fd;
  r->len = len;
  if (!reader_parse_header (r, &hdr, error))
    {
      g_free (r);
      return NULL;
    }
  if (!golanes_trace_header_supported (&hdr, &local))
    {
      g_set_error (error, local->domain, local->code,
                   "%s\n(at byte offset 0: a trace version of 1.22, 1.23, 1.25 or 1.26)",
                   local->message);
      g_error_free (local);
      g_free (r);
      return NULL;
    }
  r->pos = hdr.header_len;
  r->version = hdr.go_minor;
  golanes_id_map_init (&r->g_states);
  golanes_id_map_init (&r->p_states);
  golanes_id_map_init (&r->m_states);
  golanes_id_map_init (&r->tasks);
  return r;
}

/* The file is read with pread in bounded pieces rather than mapped: a
 * mapping would stay resident page by page as it is read, so the peak
 * memory would grow with the file. */
GolanesTraceReader *
golanes_trace_reader_new_for_path (const char *path,
                                   GError    **error)
{
  GolanesTraceReader *r;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      char *display = g_filename_display_name (path);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Failed to open file \u201c%s\u201d: open() failed: %s", display, g_strerror (saved));
      g_free (display);
      return NULL;
    }
  if (fstat (fd, &st) < 0 || !S_ISREG (st.st_mode))
    {
      int saved = S_ISDIR (st.st_mode) ? EISDIR : errno;
      char *display = g_filename_display_name (path);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Failed to read file \u201c%s\u201d: %s", display,
                   saved != 0 ? g_strerror (saved) : "not a regular file");
      g_free (display);
      close (fd);
      return NULL;
    }
  r = reader_new (NULL, fd, (gsize) st.st_size, error);
  if (r == NULL)
    close (fd);
  return r;
}

GolanesTraceReader *
golanes_trace_reader_new_for_bytes (GBytes  *bytes,
                                    GError **error)
{
  GolanesTraceReader *r;
  gsize len;
  const guint8 *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL)
    data = (const guint8 *) "";
  r = reader_new (data, -1, len, error);
  if (r != NULL)
    r->bytes = g_bytes_ref (bytes);
  return r;
}

static void
free_map_values (GolanesIdMap *map,
                 void        (*fn) (gpointer))
{
  guint i;

  for (i = 0; map->used != NULL && i <= map->mask; i++)
    if (map->used[i])
      fn ((gpointer) (gsize) map->values[i]);
  golanes_id_map_clear (map);
}

static void
free_p_state (gpointer p)
{
  PState *ps = p;
  g_free (ps->ranges.v);
  g_free (ps);
}

static void
free_task (gpointer p)
{
  TaskState *ts = p;
  g_free (ts->name);
  g_free (ts);
}

static void
free_g_state_cb (gpointer p)
{
  free_g_state (p);
}

void
golanes_trace_reader_free (GolanesTraceReader *r)
{
  guint i;

  if (r == NULL)
    return;
  gen_free (r->gen);
  g_free (r->frontier);
  for (i = 0; i < r->cursor_pool_len; i++)
    g_free (r->cursor_pool[i].buf);
  g_free (r->cursor_pool);
  g_free (r->sort_items);
  g_free (r->sort_copy);
  g_clear_error (&r->read_gen_err);
  g_clear_error (&r->sticky);
  g_clear_error (&r->spill_err);
  free_map_values (&r->g_states, free_g_state_cb);
  free_map_values (&r->p_states, free_p_state);
  free_map_values (&r->m_states, g_free);
  free_map_values (&r->tasks, free_task);
  while (r->free_g != NULL)
    {
      GState *n = r->free_g->next_free;
      free_g_state (r->free_g);
      r->free_g = n;
    }
  g_free (r->queue);
  g_clear_object (&r->cancellable);
  if (r->data == NULL && r->fd >= 0)
    close (r->fd);
  g_free (r->win);
  g_free (r->spill_data);
  if (r->bytes != NULL)
    g_bytes_unref (r->bytes);
  g_free (r);
}

guint
golanes_trace_reader_get_go_minor (GolanesTraceReader *r)
{
  return r->version;
}

void
golanes_trace_reader_set_progress_func (GolanesTraceReader *r,
                                        GolanesProgressFunc func,
                                        gpointer            user_data)
{
  r->progress = func;
  r->progress_data = user_data;
}

void
golanes_trace_reader_set_cancellable (GolanesTraceReader *r,
                                      GCancellable       *cancellable)
{
  g_clear_object (&r->cancellable);
  if (cancellable != NULL)
    r->cancellable = g_object_ref (cancellable);
}

static void
make_sync (GolanesEvent *ev,
           gint64        time,
           guint         n,
           gboolean      with_table)
{
  memset (ev, 0, sizeof *ev);
  ev->type = GOLANES_EV_SYNC;
  ev->kind = GOLANES_EVENT_SYNC;
  ev->thread = ev->proc = ev->goroutine = -1;
  ev->time = time;
  ev->args[0] = n;
  ev->args[1] = with_table;
}

/* Installs a freshly read generation and produces its Sync event. */
static int
install_gen (GolanesTraceReader *r,
             Gen                *g,
             GolanesEvent       *out,
             GError            **error)
{
  guint i;

  if (g == NULL)
    {
      gen_free (r->gen);
      r->gen = NULL;
      r->done = TRUE;
      r->syncs++;
      make_sync (out, r->last_ts, r->syncs, FALSE);
      return 1;
    }
  gen_free (r->gen);
  r->gen = g;
  g->serial = ++r->gen_serial;
  r->cpu_next = 0;

  if (r->progress != NULL)
    r->progress (r->pos, r->len, r->progress_data);

  if (r->cursor_pool_len < g->mbatches->len)
    {
      /* The cursors keep their batch buffers from one generation to the
       * next. */
      r->cursor_pool = g_renew (Cursor, r->cursor_pool, g->mbatches->len);
      memset (r->cursor_pool + r->cursor_pool_len, 0,
              (g->mbatches->len - r->cursor_pool_len) * sizeof (Cursor));
      r->cursor_pool_len = g->mbatches->len;
    }
  r->n_frontier = 0;
  for (i = 0; i < g->mbatches->len; i++)
    {
      Cursor *c = &r->cursor_pool[i];
      guint8 *buf = c->buf;
      gsize buf_cap = c->buf_cap;
      int res;

      memset (c, 0, sizeof *c);
      c->buf = buf;
      c->buf_cap = buf_cap;
      c->fd = r->data != NULL ? -1 : r->fd;
      c->list = &g_array_index (g->mbatches, MBatches, i);
      c->m = c->list->m;
      res = cursor_next (c, g->freq, error);
      if (res < 0)
        return -1;
      if (res == 0)
        continue;
      heap_insert (r, c);
    }
  r->syncs++;
  make_sync (out, freq_mul (g->freq, g->min_ts), r->syncs, TRUE);
  return 1;
}

static int
next_gen_with_spill (GolanesTraceReader *r,
                     GolanesEvent       *out,
                     GError            **error)
{
  Gen *g;
  GError *local = NULL;

  if (r->spill_err != NULL)
    {
      if (r->spill_err_sync)
        {
          g_propagate_error (error, g_error_copy (r->spill_err));
          return -1;
        }
      r->spill_err_sync = TRUE;
      r->syncs++;
      make_sync (out, r->last_ts, r->syncs, FALSE);
      return 1;
    }
  if (r->gen != NULL && !r->has_spill)
    {
      r->done = TRUE;
      r->syncs++;
      make_sync (out, r->last_ts, r->syncs, FALSE);
      return 1;
    }
  g = read_generation_with_spill (r, &local);
  if (g == NULL)
    {
      /* Go reports the failure after one more Sync event. */
      gen_free (r->gen);
      r->gen = NULL;
      if (local != NULL)
        {
          g_clear_error (&r->spill_err);
          r->spill_err = local;
        }
      else if (r->spill_err == NULL)
        set_error (&r->spill_err, GOLANES_ERROR_TRUNCATED, r->pos, "a generation", "no frequency event found");
      r->spill_err_sync = TRUE;
      r->syncs++;
      make_sync (out, r->last_ts, r->syncs, FALSE);
      return 1;
    }
  return install_gen (r, g, out, error);
}

static gboolean
validate_ids (GolanesTraceReader *r,
              const GolanesEvent *ev,
              GError            **error)
{
  const Spec *spec;
  int i;

  if (ev->type == GOLANES_EV_SYNC)
    return TRUE;
  spec = &specs[ev->type];
  for (i = 0; i < 2 && spec->stack_args[i] != 0; i++)
    {
      guint64 id = ev->type == GOLANES_EV_CPU_SAMPLE ? 0 : ev->args[spec->stack_args[i] - 1];
      if (!gen_has_stack (r->gen, id))
        {
          set_error (error, GOLANES_ERROR_MALFORMED, ev->offset, "a stack id defined in this generation",
                     "found invalid stack ID %" G_GUINT64_FORMAT " for event %s", id, spec->name);
          return FALSE;
        }
    }
  for (i = 0; i < 2 && spec->string_args[i] != 0; i++)
    {
      guint64 id = ev->args[spec->string_args[i] - 1];
      if (!gen_has_string (r->gen, id))
        {
          set_error (error, GOLANES_ERROR_MALFORMED, ev->offset, "a string id defined in this generation",
                     "found invalid string ID %" G_GUINT64_FORMAT " for event %s", id, spec->name);
          return FALSE;
        }
    }
  return TRUE;
}

static int
try_advance (GolanesTraceReader *r,
             guint               i,
             GError            **error)
{
  Cursor *c = r->frontier[i];
  int res = order_advance (r, &c->ev, c->m, &c->mstate, r->gen->gen, error);

  if (res <= 0)
    return res;
  res = cursor_next (c, r->gen->freq, error);
  if (res < 0)
    return -1;
  if (res > 0)
    heap_update (r, i);
  else
    heap_remove (r, i);
  return 1;
}

static int
read_event_raw (GolanesTraceReader *r,
                GolanesEvent       *out,
                GError            **error)
{
  int res;
  guint i;

  if (queue_pop (r, out))
    return 1;

  if (r->n_frontier == 0 && (r->gen == NULL || r->cpu_next >= r->gen->cpu_samples->len))
    {
      Gen *g;
      GError *local = NULL;

      if (r->cancellable != NULL && g_cancellable_is_cancelled (r->cancellable))
        {
          g_set_error_literal (error, GOLANES_ERROR, GOLANES_ERROR_CANCELLED, "cancelled");
          return -1;
        }
      if (r->version < 26)
        return next_gen_with_spill (r, out, error);
      if (r->read_gen_err != NULL)
        {
          g_propagate_error (error, g_error_copy (r->read_gen_err));
          return -1;
        }
      g = read_generation (r, &local);
      if (local != NULL)
        {
          r->read_gen_err = local;
          gen_free (r->gen);
          r->gen = NULL;
          r->syncs++;
          make_sync (out, r->last_ts, r->syncs, FALSE);
          return 1;
        }
      return install_gen (r, g, out, error);
    }

  if (r->gen != NULL && r->cpu_next < r->gen->cpu_samples->len)
    {
      CpuSample *s = &g_array_index (r->gen->cpu_samples, CpuSample, r->cpu_next);
      if (r->n_frontier == 0 || s->time < r->frontier[0]->ev.time)
        {
          memset (out, 0, sizeof *out);
          out->type = GOLANES_EV_CPU_SAMPLE;
          out->kind = GOLANES_EVENT_STACK_SAMPLE;
          out->time = s->time;
          out->thread = s->m;
          out->proc = s->p;
          out->goroutine = s->g;
          out->args[0] = s->stack;
          out->offset = s->offset;
          r->cpu_next++;
          return 1;
        }
    }

  res = try_advance (r, 0, error);
  if (res < 0)
    return -1;
  if (res == 0)
    {
      gboolean ok = FALSE;
      sort_frontier (r);
      for (i = 1; i < r->n_frontier; i++)
        {
          res = try_advance (r, i, error);
          if (res < 0)
            return -1;
          if (res > 0)
            {
              ok = TRUE;
              break;
            }
        }
      if (!ok)
        {
          set_error (error, GOLANES_ERROR_INVALID_ORDER, r->frontier[0]->ev.offset,
                     "an event whose preconditions can be met by some thread",
                     "broken trace: failed to advance: frontier:\n[gen=%" G_GUINT64_FORMAT "]",
                     r->gen->gen);
          return -1;
        }
    }
  if (!queue_pop (r, out))
    {
      set_error (error, GOLANES_ERROR_INVALID_ORDER, 0, "a queued event", "internal error: advance successful, but queue is empty");
      return -1;
    }
  return 1;
}

gboolean
golanes_trace_reader_next (GolanesTraceReader *r,
                           GolanesEvent       *event,
                           GError            **error)
{
  GError *local = NULL;
  int res;

  g_return_val_if_fail (r != NULL, FALSE);

  if (r->sticky != NULL)
    {
      g_propagate_error (error, g_error_copy (r->sticky));
      return FALSE;
    }
  if (r->done)
    return FALSE;

  if (G_UNLIKELY (r->cancellable != NULL && (++r->events_since_check & 0xffff) == 0 &&
                  g_cancellable_is_cancelled (r->cancellable)))
    {
      g_set_error_literal (&local, GOLANES_ERROR, GOLANES_ERROR_CANCELLED, "cancelled");
      res = -1;
    }
  else
    res = read_event_raw (r, event, &local);
  if (res > 0 && !validate_ids (r, event, &local))
    res = -1;
  if (res < 0)
    {
      r->sticky = local;
      g_propagate_error (error, g_error_copy (local));
      return FALSE;
    }
  if (event->time <= r->last_ts)
    event->time = add_wrap (r->last_ts, 1);
  r->last_ts = event->time;
  return TRUE;
}

gboolean
golanes_trace_reader_foreach (GolanesTraceReader *r,
                              GolanesEventFunc    func,
                              gpointer            user_data,
                              GError            **error)
{
  GolanesEvent ev;

  while (golanes_trace_reader_next (r, &ev, error))
    if (!func (r, &ev, user_data))
      return TRUE;
  return error == NULL || *error == NULL ? (r->sticky == NULL) : FALSE;
}

/* ---- look-ups and event details ----------------------------------------- */

guint64
golanes_trace_reader_get_generation_serial (GolanesTraceReader *r)
{
  return r->gen != NULL ? r->gen->serial : 0;
}

gboolean
golanes_trace_reader_lookup_string (GolanesTraceReader *r,
                                    guint64             id,
                                    GolanesStr         *out)
{
  if (!gen_get_string (r->gen, id, out))
    {
      out->data = "";
      out->len = 0;
      return FALSE;
    }
  return TRUE;
}

int
golanes_trace_reader_get_stack (GolanesTraceReader *r,
                                guint64             stack_id,
                                GolanesStackFrame  *frames,
                                guint               max)
{
  gint64 ix;
  StackEnt *se;
  guint i;

  if (stack_id == 0)
    return 0;
  if (r->gen == NULL)
    return -1;
  ix = id_table_get (&r->gen->stacks, stack_id);
  if (ix < 0)
    return -1;
  se = &g_array_index (r->gen->stack_vals, StackEnt, ix);
  for (i = 0; i < se->n && i < max; i++)
    {
      guint64 pc = g_array_index (r->gen->stack_pcs, guint64, se->first + i), fi = 0;
      Frame *f;

      golanes_id_map_lookup (&r->gen->pcs, pc, &fi);
      f = &g_array_index (r->gen->frames, Frame, fi);
      frames[i].pc = f->pc;
      frames[i].line = f->line;
      gen_get_string (r->gen, f->func_id, &frames[i].func);
      gen_get_string (r->gen, f->file_id, &frames[i].file);
    }
  return (int) se->n;
}

guint64
golanes_event_get_stack (const GolanesEvent *ev,
                         gboolean           *has_stack)
{
  const Spec *spec;
  guint64 id = 0;
  gboolean has = FALSE;

  if (ev->type == GOLANES_EV_CPU_SAMPLE)
    {
      /* Go attaches the sample's stack even when its id is 0. */
      has = TRUE;
      id = ev->args[0];
    }
  else if (ev->type != GOLANES_EV_SYNC && ev->type < N_SPECS)
    {
      spec = &specs[ev->type];
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
      st->to = ev->args[1] < G_N_ELEMENTS (proc_status_to_state) ? proc_status_to_state[ev->args[1]] : 0;
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
        st->to = to < G_N_ELEMENTS (go_status_to_state) ? go_status_to_state[to] : 0;
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
      if (ev->args[3] != 0 && r->gen != NULL && ev->args[3] <= r->gen->extra->len)
        {
          GString *name = g_ptr_array_index (r->gen->extra, ev->args[3] - 1);
          out->type.data = name->str;
          out->type.len = name->len;
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
      out->snapshot_trace_time = freq_mul (r->gen->freq, r->gen->snap_time);
      out->snapshot_mono = r->gen->snap_mono;
      if (nsec < 0 || nsec >= 1000000000)
        {
          gint64 n = nsec / 1000000000;
          sec = add_wrap (sec, n);
          nsec -= n * 1000000000;
          if (nsec < 0)
            {
              nsec += 1000000000;
              sec = add_wrap (sec, -1);
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
  const Spec *spec;

  if (ev->kind != GOLANES_EVENT_EXPERIMENTAL || ev->type >= N_SPECS)
    return FALSE;
  spec = &specs[ev->type];
  *name = spec->name;
  *arg_names = spec->arg_names + 1;
  *n_args = spec->nargs - 1;
  return TRUE;
}
