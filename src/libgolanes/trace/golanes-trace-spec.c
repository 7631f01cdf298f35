/* golanes-trace-spec.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wire format's event table: each event type's name, arguments, kind
 * and which arguments are stacks or strings (Go's tracev2 spec), the wire
 * goroutine and proc statuses, and the names of both.
 */

#include "config.h"

#include "golanes-trace-reader-private.h"

const GolanesWireSpec _golanes_wire_specs[GOLANES_N_SPECS] = {
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

const guint8 _golanes_go_status_to_state[GOLANES_N_GO_STATUSES] = {
  GOLANES_GO_UNDETERMINED, GOLANES_GO_RUNNABLE, GOLANES_GO_RUNNING,
  GOLANES_GO_SYSCALL, GOLANES_GO_WAITING,
};
const guint8 _golanes_proc_status_to_state[GOLANES_N_PROC_STATUSES] = {
  GOLANES_PROC_UNDETERMINED, GOLANES_PROC_RUNNING, GOLANES_PROC_IDLE,
  GOLANES_PROC_RUNNING, GOLANES_PROC_IDLE,
};

const char *
_golanes_go_status_name (guint64 s)
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

const char *
_golanes_proc_status_name (guint64 s)
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
golanes_wire_type_name (guint type)
{
  if (type == GOLANES_EV_SYNC)
    return "Sync";
  if (type < GOLANES_N_SPECS && _golanes_wire_specs[type].name != NULL)
    return _golanes_wire_specs[type].name;
  return NULL;
}
