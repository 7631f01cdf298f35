/* golanes-trace-spec-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wire format of Go's execution traces (Go's tracev2 spec): the event
 * types, each type's arguments, the wire goroutine and proc statuses.
 * Private to the library: callers outside it see events through their
 * #GolanesEventKind and the golanes_event_get_*() accessors.  The parser
 * tests include it to write wire-format input.
 */

#pragma once

#include <glib.h>

#include "golanes-trace-reader.h"

G_BEGIN_DECLS

/* Wire event types (the first byte of an event in the file). */
typedef enum
{
  GOLANES_EV_NONE = 0,
  GOLANES_EV_EVENT_BATCH = 1,
  GOLANES_EV_STACKS = 2,
  GOLANES_EV_STACK = 3,
  GOLANES_EV_STRINGS = 4,
  GOLANES_EV_STRING = 5,
  GOLANES_EV_CPU_SAMPLES = 6,
  GOLANES_EV_CPU_SAMPLE = 7,
  GOLANES_EV_FREQUENCY = 8,
  GOLANES_EV_PROCS_CHANGE = 9,
  GOLANES_EV_PROC_START = 10,
  GOLANES_EV_PROC_STOP = 11,
  GOLANES_EV_PROC_STEAL = 12,
  GOLANES_EV_PROC_STATUS = 13,
  GOLANES_EV_GO_CREATE = 14,
  GOLANES_EV_GO_CREATE_SYSCALL = 15,
  GOLANES_EV_GO_START = 16,
  GOLANES_EV_GO_DESTROY = 17,
  GOLANES_EV_GO_DESTROY_SYSCALL = 18,
  GOLANES_EV_GO_STOP = 19,
  GOLANES_EV_GO_BLOCK = 20,
  GOLANES_EV_GO_UNBLOCK = 21,
  GOLANES_EV_GO_SYSCALL_BEGIN = 22,
  GOLANES_EV_GO_SYSCALL_END = 23,
  GOLANES_EV_GO_SYSCALL_END_BLOCKED = 24,
  GOLANES_EV_GO_STATUS = 25,
  GOLANES_EV_STW_BEGIN = 26,
  GOLANES_EV_STW_END = 27,
  GOLANES_EV_GC_ACTIVE = 28,
  GOLANES_EV_GC_BEGIN = 29,
  GOLANES_EV_GC_END = 30,
  GOLANES_EV_GC_SWEEP_ACTIVE = 31,
  GOLANES_EV_GC_SWEEP_BEGIN = 32,
  GOLANES_EV_GC_SWEEP_END = 33,
  GOLANES_EV_GC_MARK_ASSIST_ACTIVE = 34,
  GOLANES_EV_GC_MARK_ASSIST_BEGIN = 35,
  GOLANES_EV_GC_MARK_ASSIST_END = 36,
  GOLANES_EV_HEAP_ALLOC = 37,
  GOLANES_EV_HEAP_GOAL = 38,
  GOLANES_EV_GO_LABEL = 39,
  GOLANES_EV_USER_TASK_BEGIN = 40,
  GOLANES_EV_USER_TASK_END = 41,
  GOLANES_EV_USER_REGION_BEGIN = 42,
  GOLANES_EV_USER_REGION_END = 43,
  GOLANES_EV_USER_LOG = 44,
  GOLANES_EV_GO_SWITCH = 45,
  GOLANES_EV_GO_SWITCH_DESTROY = 46,
  GOLANES_EV_GO_CREATE_BLOCKED = 47,
  GOLANES_EV_GO_STATUS_STACK = 48,
  GOLANES_EV_EXPERIMENTAL_BATCH = 49,
  GOLANES_EV_SYNC_BATCH = 50,
  GOLANES_EV_CLOCK_SNAPSHOT = 51,
  GOLANES_EV_END_OF_GENERATION = 52,
  GOLANES_EV_SPAN = 128,
  GOLANES_EV_SPAN_ALLOC = 129,
  GOLANES_EV_SPAN_FREE = 130,
  GOLANES_EV_HEAP_OBJECT = 131,
  GOLANES_EV_HEAP_OBJECT_ALLOC = 132,
  GOLANES_EV_HEAP_OBJECT_FREE = 133,
  GOLANES_EV_GOROUTINE_STACK = 134,
  GOLANES_EV_GOROUTINE_STACK_ALLOC = 135,
  GOLANES_EV_GOROUTINE_STACK_FREE = 136,
  GOLANES_EV_SYNC = 255,           /* synthesized Sync event (not on the wire) */
} GolanesWireType;

/* ---- event specifications (golanes-trace-spec.c) ----------------------- */

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
} GolanesWireSpec;

#define GOLANES_N_SPECS 137

extern const GolanesWireSpec _golanes_wire_specs[GOLANES_N_SPECS];

/* Wire goroutine / proc statuses. */
enum { GS_BAD, GS_RUNNABLE, GS_RUNNING, GS_SYSCALL, GS_WAITING };
enum { PS_BAD, PS_RUNNING, PS_IDLE, PS_SYSCALL, PS_ABANDONED };

#define GOLANES_N_GO_STATUSES   5
#define GOLANES_N_PROC_STATUSES 5

/* Wire status -> GolanesGoState / GolanesProcState. */
extern const guint8 _golanes_go_status_to_state[GOLANES_N_GO_STATUSES];
extern const guint8 _golanes_proc_status_to_state[GOLANES_N_PROC_STATUSES];

const char *_golanes_go_status_name   (guint64 status);
const char *_golanes_proc_status_name (guint64 status);
/* The event's name as Go's version @version of the format spells it, or
 * "Invalid(N)" written to @buf.  Inline: the ordering asks for it on every
 * event, for error messages it seldom writes. */
static inline const char *
_golanes_wire_event_name (guint  version,
                          guint8 typ,
                          char   buf[32])
{
  guint limit;

  switch (version)
    {
    case 22: limit = GOLANES_EV_USER_LOG; break;
    case 23: limit = GOLANES_EV_EXPERIMENTAL_BATCH; break;
    case 25: limit = GOLANES_EV_CLOCK_SNAPSHOT; break;
    default: limit = GOLANES_N_SPECS - 1; break;
    }
  if (typ <= limit && _golanes_wire_specs[typ].name != NULL)
    return _golanes_wire_specs[typ].name;
  g_snprintf (buf, 32, "Invalid(%u)", typ);
  return buf;
}

/* The event's name in the latest version of the format ("Sync" for the
 * synthesized Sync event), or NULL for an unknown type. */
const char *golanes_wire_type_name (guint type);

G_END_DECLS
