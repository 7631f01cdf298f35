/* golanes-trace-reader.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Streaming reader for Go execution traces in the generational format
 * (headers "go 1.22", "go 1.23", "go 1.25" and "go 1.26").
 *
 * The reader consumes the input one generation at a time.  For
 * each generation it builds the string table, the stack table and the CPU
 * samples, then merges the per-thread event batches into one stream using
 * the same ordering rules as Go's internal/trace package, so that the
 * sequence of events (and their times and scheduling contexts) is identical
 * to what Go's trace.Reader returns.
 *
 * Events are plain structs (GolanesEvent).  Strings and stacks referenced by
 * an event live in the tables of the generation that is current when the
 * event is returned; they stay valid until the next call to
 * golanes_trace_reader_next() (or until the event callback returns).
 *
 * Memory use is bounded by the tables of the largest generation, not by the
 * file: a file is read with pread, its batch headers and string, stack and
 * CPU sample batches through a 256 KiB window, and each thread's event
 * batches one at a time (at most 64 KiB each) while they are merged.  When a
 * generation has been consumed its tables are released.  The ordering state
 * (one small record per live goroutine, proc and thread) persists for the
 * whole trace.
 *
 * Errors are GOLANES_ERROR codes, except G_IO_ERROR_CANCELLED once the
 * reader's cancellable (golanes_trace_reader_set_cancellable()) is
 * cancelled and G_FILE_ERROR for a file that cannot be read (also one
 * that is not a regular file: a FIFO, a device, a folder) or that got
 * shorter while it was read.  For a GOLANES_ERROR the first line of the
 * message is the text Go's parser gives for the same problem; a second
 * line names the byte offset in the file and what was expected there.  Input is never trusted:
 * sizes, lengths, counts and ids are bounded before anything is allocated.
 *
 * A reader must be used from one thread at a time.
 *
 * Typical use:
 *
 *   GolanesTraceReader *r = golanes_trace_reader_new_for_path (path, &error);
 *   GolanesEvent ev;
 *   while (golanes_trace_reader_next (r, &ev, &error))
 *     handle (r, &ev);
 *   if (error != NULL)
 *     ... the trace is broken; the events returned so far are valid ...
 *   golanes_trace_reader_free (r);
 */

/* Public event kinds (Go's trace.EventKind). */
typedef enum
{
  GOLANES_EVENT_BAD,
  GOLANES_EVENT_SYNC,
  GOLANES_EVENT_METRIC,
  GOLANES_EVENT_LABEL,
  GOLANES_EVENT_STACK_SAMPLE,
  GOLANES_EVENT_RANGE_BEGIN,
  GOLANES_EVENT_RANGE_ACTIVE,
  GOLANES_EVENT_RANGE_END,
  GOLANES_EVENT_TASK_BEGIN,
  GOLANES_EVENT_TASK_END,
  GOLANES_EVENT_REGION_BEGIN,
  GOLANES_EVENT_REGION_END,
  GOLANES_EVENT_LOG,
  GOLANES_EVENT_STATE_TRANSITION,
  GOLANES_EVENT_EXPERIMENTAL,
} GolanesEventKind;

/* "No goroutine / proc / thread" in the context fields. */
#define GOLANES_NO_ID   ((gint64) -1)
/* Go's trace.NoTask. */
#define GOLANES_NO_TASK G_MAXUINT64

/*
 * GolanesEvent:
 * @time: nanoseconds on the trace clock, strictly increasing over the stream
 * @thread: M (OS thread id) or -1
 * @proc: P or -1
 * @goroutine: G or -1; the context *before* the event took effect
 * @args: wire arguments without the timestamp delta, after the ordering
 *   pass rewrote them (e.g. STWEnd carries the kind of its STWBegin); use the
 *   golanes_event_get_*() helpers rather than reading them directly
 * @offset: byte offset of the event in the file (0 for synthesized events)
 * @type: the event's type byte on the wire, for the library's own use
 * @kind: a #GolanesEventKind
 */
typedef struct
{
  gint64  time;
  gint64  thread;
  gint64  proc;
  gint64  goroutine;
  guint64 args[4];
  guint64 offset;
  guint8  type;
  guint8  kind;
} GolanesEvent;

/* Strings in the trace are byte strings, not NUL-terminated, not validated. */
typedef struct
{
  const char *data;
  gsize       len;
} GolanesStr;

typedef struct
{
  guint64    pc;
  GolanesStr func;
  GolanesStr file;
  guint64    line;
} GolanesStackFrame;

#define GOLANES_MAX_STACK_FRAMES 128

typedef enum
{
  GOLANES_RESOURCE_NONE,
  GOLANES_RESOURCE_GOROUTINE,
  GOLANES_RESOURCE_PROC,
  GOLANES_RESOURCE_THREAD,
} GolanesResourceKind;

typedef struct
{
  GolanesResourceKind kind;
  gint64              id;
} GolanesResource;

/* Goroutine states (Go's trace.GoState). */
typedef enum
{
  GOLANES_GO_UNDETERMINED,
  GOLANES_GO_NOT_EXIST,
  GOLANES_GO_RUNNABLE,
  GOLANES_GO_RUNNING,
  GOLANES_GO_WAITING,
  GOLANES_GO_SYSCALL,
} GolanesGoState;

/* Proc states (Go's trace.ProcState). */
typedef enum
{
  GOLANES_PROC_UNDETERMINED,
  GOLANES_PROC_NOT_EXIST,
  GOLANES_PROC_RUNNING,
  GOLANES_PROC_IDLE,
} GolanesProcState;

/*
 * A state change of a goroutine or a proc.  @from and @to are
 * #GolanesGoState values for goroutines and #GolanesProcState values for
 * procs.  @has_stack says whether a transition stack is attached; @stack
 * may then still be 0 (an empty stack).
 */
typedef struct
{
  GolanesResource resource;
  guint           from;
  guint           to;
  GolanesStr      reason;
  gboolean        has_stack;
  guint64         stack;
} GolanesStateTransition;

typedef enum
{
  GOLANES_RANGE_STW,            /* "stop-the-world (<detail>)", scope goroutine */
  GOLANES_RANGE_GC_MARK,        /* "GC concurrent mark phase", scope none */
  GOLANES_RANGE_GC_SWEEP,       /* "GC incremental sweep", scope proc */
  GOLANES_RANGE_GC_MARK_ASSIST, /* "GC mark assist", scope goroutine */
} GolanesRangeType;

typedef struct
{
  GolanesRangeType type;
  GolanesStr       detail;     /* the stop-the-world kind, else empty */
  GolanesResource  scope;
  guint            n_attributes; /* 2 for GC sweep end: bytes swept/reclaimed */
  guint64          attributes[2];
} GolanesRange;

typedef struct
{
  guint64    id;
  guint64    parent;          /* GOLANES_NO_TASK if none */
  GolanesStr type;
} GolanesTask;

typedef struct
{
  guint64    task;
  GolanesStr type;
} GolanesRegion;

typedef struct
{
  guint64    task;
  GolanesStr category;
  GolanesStr message;
} GolanesLog;

typedef struct
{
  guint     n;                  /* 1-based count of Sync events */
  gboolean  has_clock_snapshot;
  gint64    snapshot_trace_time; /* trace time of the snapshot (ns) */
  guint64   snapshot_mono;
  gint64    snapshot_wall_sec;   /* Unix seconds (normalised), UTC */
  gint64    snapshot_wall_nsec;
} GolanesSync;

typedef struct _GolanesTraceReader GolanesTraceReader;

/* Called after each generation has been read: @consumed of @total bytes. */
typedef void (*GolanesProgressFunc) (guint64  consumed,
                                     guint64  total,
                                     gpointer user_data);

/* Return FALSE to stop golanes_trace_reader_foreach() early. */
typedef gboolean (*GolanesEventFunc) (GolanesTraceReader *reader,
                                      const GolanesEvent *event,
                                      gpointer            user_data);

GolanesTraceReader *golanes_trace_reader_new_for_path  (const char   *path,
                                                        GError      **error);
GolanesTraceReader *golanes_trace_reader_new_for_bytes (GBytes       *bytes,
                                                        GError      **error);
/* Reads the first @len bytes of the regular file open as @fd (which stays
 * the caller's; the reader reads a duplicate): every reader made so reads
 * the same file, whatever is renamed over its path since, and the same
 * bytes of it while the file only grows.  A file that got shorter than
 * @len fails with a G_FILE_ERROR where the bytes are missing. */
GolanesTraceReader *golanes_trace_reader_new_for_fd    (int           fd,
                                                        guint64       len,
                                                        GError      **error);
void                golanes_trace_reader_free          (GolanesTraceReader *reader);

guint    golanes_trace_reader_get_go_minor (GolanesTraceReader *reader);
void     golanes_trace_reader_set_progress_func (GolanesTraceReader *reader,
                                                 GolanesProgressFunc func,
                                                 gpointer            user_data);
void     golanes_trace_reader_set_cancellable   (GolanesTraceReader *reader,
                                                 GCancellable       *cancellable);
/* A threaded reader (or a tee) calls @func with TRUE before it waits for
 * the thread to decode more events, and with FALSE once it has them: a
 * caller that holds a lock others wait for can let go of it meanwhile. */
typedef void (*GolanesTraceWaitFunc) (gboolean waiting,
                                      gpointer user_data);
void     golanes_trace_reader_set_wait_func     (GolanesTraceReader   *reader,
                                                 GolanesTraceWaitFunc  func,
                                                 gpointer              user_data);
/* Decode and order the events on a thread of their own, ahead of the
 * caller, which then only copies them out: the stream, the look-ups and
 * the errors are unchanged.  Call before the first golanes_trace_reader_next(),
 * after golanes_trace_reader_set_cancellable(). */
void     golanes_trace_reader_set_threaded      (GolanesTraceReader *reader,
                                                 gboolean            threaded);
/* Another reader of @reader's events, for a consumer on another thread:
 * @reader becomes threaded (decoding once, on its own thread) and hands
 * every event to each of its readers, with their own look-ups, progress
 * function and cancellable.  Call before reading from @reader, after
 * golanes_trace_reader_set_cancellable() (the thread stops when that is
 * cancelled).  Read each to the end or free it: the queue is bounded,
 * so a reader left behind holds up the others. */
GolanesTraceReader *golanes_trace_reader_new_tee (GolanesTraceReader *reader,
                                                  GError            **error);
/* Whether readers should be threaded here: with more than one core, or
 * as many threads as the environment variable GOLANES_THREADS says (1:
 * one thread, the caller's). */
gboolean golanes_trace_reader_threaded_default  (void);

/* Returns TRUE and fills @event, or FALSE at the end (error unset) or on
 * error.  After an error every further call fails with the same error. */
gboolean golanes_trace_reader_next    (GolanesTraceReader *reader,
                                       GolanesEvent       *event,
                                       GError            **error);
gboolean golanes_trace_reader_foreach (GolanesTraceReader *reader,
                                       GolanesEventFunc    func,
                                       gpointer            user_data,
                                       GError            **error);

/* Changes whenever a new generation becomes current (0: none), so that
 * callers can cache data derived from its tables. */
guint64  golanes_trace_reader_get_generation_serial (GolanesTraceReader *reader);

/* Table look-ups in the current generation.  Id 0 is always the empty
 * string / the empty stack. */
gboolean golanes_trace_reader_lookup_string (GolanesTraceReader *reader,
                                             guint64             id,
                                             GolanesStr         *out);
/* Fills up to @max frames (innermost first) and returns the number of
 * frames of the stack, or -1 if the id is unknown. */
int      golanes_trace_reader_get_stack     (GolanesTraceReader *reader,
                                             guint64             stack_id,
                                             GolanesStackFrame  *frames,
                                             guint               max);

/* Event details.  Each returns FALSE if the event is not of that kind. */
guint64  golanes_event_get_stack            (const GolanesEvent *event,
                                             gboolean           *has_stack);
gboolean golanes_event_get_state_transition (GolanesTraceReader     *reader,
                                             const GolanesEvent     *event,
                                             GolanesStateTransition *out);
gboolean golanes_event_get_range            (GolanesTraceReader *reader,
                                             const GolanesEvent *event,
                                             GolanesRange       *out);
gboolean golanes_event_get_metric           (const GolanesEvent *event,
                                             const char        **name,
                                             guint64            *value);
gboolean golanes_event_get_label            (GolanesTraceReader *reader,
                                             const GolanesEvent *event,
                                             GolanesStr         *label);
gboolean golanes_event_get_task             (GolanesTraceReader *reader,
                                             const GolanesEvent *event,
                                             GolanesTask        *out);
gboolean golanes_event_get_region           (GolanesTraceReader *reader,
                                             const GolanesEvent *event,
                                             GolanesRegion      *out);
gboolean golanes_event_get_log              (GolanesTraceReader *reader,
                                             const GolanesEvent *event,
                                             GolanesLog         *out);
gboolean golanes_event_get_sync             (GolanesTraceReader *reader,
                                             const GolanesEvent *event,
                                             GolanesSync        *out);
/* Experimental events: name and argument names (NULL-terminated, static). */
gboolean golanes_event_get_experimental     (const GolanesEvent  *event,
                                             const char         **name,
                                             const char * const **arg_names,
                                             guint               *n_args);

const char *golanes_event_kind_name  (guint kind);
const char *golanes_go_state_name    (guint state);
const char *golanes_proc_state_name  (guint state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GolanesTraceReader, golanes_trace_reader_free)

G_END_DECLS
