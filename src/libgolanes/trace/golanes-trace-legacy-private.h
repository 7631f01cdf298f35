/* golanes-trace-legacy-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "golanes-trace-reader-private.h"

G_BEGIN_DECLS

/*
 * The insides of the pre-1.22 reader, shared by its two halves:
 * golanes-trace-legacy.c reads, merges and checks the file into events
 * of the old format, golanes-trace-legacy-convert.c turns them into the
 * new format's as the reader hands them out.
 */

/* The legacy event types (Go's runtime/trace.go before 1.22). */
enum
{
  L_NONE, L_BATCH, L_FREQUENCY, L_STACK, L_GOMAXPROCS, L_PROC_START, L_PROC_STOP,
  L_GC_START, L_GC_DONE, L_STW_START, L_STW_DONE, L_GC_SWEEP_START, L_GC_SWEEP_DONE,
  L_GO_CREATE, L_GO_START, L_GO_END, L_GO_STOP, L_GO_SCHED, L_GO_PREEMPT, L_GO_SLEEP,
  L_GO_BLOCK, L_GO_UNBLOCK, L_GO_BLOCK_SEND, L_GO_BLOCK_RECV, L_GO_BLOCK_SELECT,
  L_GO_BLOCK_SYNC, L_GO_BLOCK_COND, L_GO_BLOCK_NET, L_GO_SYSCALL, L_GO_SYS_EXIT,
  L_GO_SYS_BLOCK, L_GO_WAITING, L_GO_IN_SYSCALL, L_HEAP_ALLOC, L_HEAP_GOAL,
  L_TIMER_GOROUTINE, L_FUTILE_WAKEUP, L_STRING, L_GO_START_LOCAL, L_GO_UNBLOCK_LOCAL,
  L_GO_SYS_EXIT_LOCAL, L_GO_START_LABEL, L_GO_BLOCK_GC, L_GC_MARK_ASSIST_START,
  L_GC_MARK_ASSIST_DONE, L_USER_TASK_CREATE, L_USER_TASK_END, L_USER_REGION, L_USER_LOG,
  L_CPU_SAMPLE,
  L_COUNT
};

typedef struct
{
  const char *name;
  guint8      min_version;
  guint8      stack;     /* the last argument is a stack id */
  guint8      n_args;    /* arguments besides the timestamp and the stack */
  const char *args[3];
} LegacyDesc;

extern const LegacyDesc _golanes_legacy_descs[L_COUNT];

/* Go's fake Ps for events no real P owns. */
#define FAKE_P    1000000
#define TIMER_P   (FAKE_P + 1)
#define NETPOLL_P (FAKE_P + 2)
#define SYSCALL_P (FAKE_P + 3)
#define GC_P      (FAKE_P + 4)
#define PROFILE_P (FAKE_P + 5)

enum
{
  B_FOREVER, B_PREEMPTED, B_GOSCHED, B_SLEEP, B_CHAN_SEND, B_CHAN_RECV, B_NETWORK,
  B_SYNC, B_SYNC_COND, B_SELECT, B_EMPTY, B_MARK_ASSIST_WAIT, B_STW_UNKNOWN,
  N_BUILTINS = B_STW_UNKNOWN + 17
};
#define N_STW_REASONS 17

/* A parsed legacy event (Go's tracev1.Event, with its byte offset). */
typedef struct
{
  gint64  ts;
  guint64 g;
  guint64 args[4];
  guint64 offset;
  guint32 stk;
  gint32  p;
  guint8  type;
} LEvent;

/* A raw event as read (Go's rawEvent). */
typedef struct
{
  guint8   type;
  guint64  args[2048 / 1 + 8];  /* a length-prefixed event has at most 2048 bytes of varints */
  guint    n_args;
  const guint8 *sarg;           /* UserLog's value string */
  gsize    sarg_len;
  gint32   batch_pid;
  gsize    offset;
} Raw;

typedef struct
{
  gsize offset;
  guint n_events;
} BatchOffset;

typedef struct
{
  gint32  pid;
  GArray *batches;   /* BatchOffset */
  guint   next;      /* the next batch to load */
} ProcBatches;

typedef struct
{
  gint32  pid;       /* index into procs, or -1 for the CPU samples */
  GArray *events;    /* LEvent: the loaded batch */
  guint   pos;
  gboolean done;
} MergeProc;

typedef struct
{
  guint64 seq;
  guint8  status;
} GState;

typedef struct
{
  guint64 name;      /* string id of the type */
  guint64 parent;
} TaskState;

struct _GolanesLegacy
{
  const guint8 *data;
  gsize         len;
  guint8       *owned;         /* the file's bytes, when read from a file */
  gsize         off;
  guint         ver;

  GHashTable   *strings;        /* guint64 id -> GBytes */
  guint64       max_string;
  GPtrArray    *inline_strings; /* GBytes */
  GHashTable   *inline_index;   /* GBytes -> index + 1 */
  GArray       *procs;          /* ProcBatches */
  GHashTable   *proc_index;     /* pid -> index + 1 */
  GHashTable   *stacks;         /* guint32 id -> GArray of guint64 pcs */
  GHashTable   *pcs;            /* pc -> frame index + 1 */
  GArray       *frames;         /* GolanesGenFrame */
  gint64        ticks_per_sec;
  GArray       *cpu_samples;    /* LEvent */
  GHashTable   *timer_goids;

  /* parseEvent's state */
  gint64        last_ts;
  guint64       last_g;
  GHashTable   *last_gs;        /* pid -> g */
  gint32        last_p;

  GArray       *events;         /* LEvent, the merged stream */

  /* The converter. */
  guint         next;
  gboolean      pre_init;
  GArray       *created_pre_init;   /* guint64 goids, 0 = removed */
  GHashTable   *created_index;      /* goid -> index + 1 */
  GHashTable   *seen_procs;
  GHashTable   *proc_ms;            /* pid -> thread */
  GHashTable   *tasks;              /* task id -> TaskState */
  guint64       last_stw_reason;
  guint64       inline_base;        /* string id of inline string 0 */
  guint64       builtin_base;       /* string id of builtin 0 */
  GArray       *extra;              /* GolanesEvent queued */
  guint         extra_pos;
  gboolean      first_sync_done;
  gboolean      ended;
};

/* Sets a GOLANES_ERROR for the legacy format; returns FALSE. */
gboolean _golanes_legacy_fail (GError    **error,
                               int         code,
                               guint64     offset,
                               const char *fmt,
                               ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
