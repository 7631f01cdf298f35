/* golanes-trace-reader-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader's internals, shared by its parts and by nothing else:
 *
 *   golanes-trace-spec.c        the wire-format event table and status codes
 *   golanes-trace-batch.c       the input (pread window), batch headers
 *   golanes-trace-generation.c  a generation's batches, strings, stacks, samples
 *   golanes-trace-cursor.c      per-thread batch cursors and the frontier heap
 *   golanes-trace-order.c       the ordering state machine, one function per event
 *   golanes-trace-reader.c      the public reader: opening, merging, next()
 *   golanes-trace-event.c       the public event accessors
 *
 * The behaviour (ordering, time conversion, error conditions and their
 * texts) follows Go's internal/trace package of Go 1.26, which defines the
 * meaning of the format; see docs/trace-format.md in the shared notes.
 */

#pragma once

#include <gio/gio.h>

#include "golanes-trace-private.h"
#include "golanes-trace-reader.h"
#include "golanes-trace-spec-private.h"
#include "golanes-varint-private.h"

G_BEGIN_DECLS

#define GOLANES_MAX_BATCH_SIZE   (64 << 10)
/* Bytes of a file kept in memory for reading batch headers and the string,
 * stack and CPU sample batches; must hold a header plus a whole batch. */
#define GOLANES_WINDOW_SIZE      (256 << 10)
#define GOLANES_MAX_HEADER_BYTES 64
#define GOLANES_MAX_STRING_SIZE  (1 << 10)
#define GOLANES_MAX_FRAMES       128

/* ---- time ---------------------------------------------------------------- */

/* float64 -> int64 as amd64 does it: out of range and NaN give MinInt64. */
static inline gint64
_golanes_f64_to_i64 (double d)
{
  if (G_LIKELY (d >= -9223372036854775808.0 && d < 9223372036854775808.0))
    return (gint64) d;
  return G_MININT64;
}

static inline gint64
_golanes_freq_mul (double  freq,
                   guint64 t)
{
  return _golanes_f64_to_i64 ((double) t * freq);
}

static inline gint64
_golanes_add_wrap (gint64 a,
                   gint64 b)
{
  return (gint64) ((guint64) a + (guint64) b);
}

/* ---- batches and generations --------------------------------------------- */

typedef struct
{
  const guint8 *data;
  guint64       offset;   /* file offset of data[0] */
  guint64       m;
  guint64       time;
  guint32       len;
  guint8        exp;
} GolanesBatch;

/* The event batches of one thread (M) in a generation. */
typedef struct
{
  guint64  m;
  GArray  *batches;   /* of GolanesBatch */
} GolanesThreadBatches;

typedef struct
{
  guint64 func_id;
  guint64 file_id;
  guint64 line;
  guint64 pc;
} GolanesGenFrame;

typedef struct
{
  guint32 first;   /* index into stack_pcs */
  guint32 n;
} GolanesGenStack;

/* A table of ids: a hash map for building, then optionally a dense index. */
typedef struct
{
  GolanesIdMap map;      /* id -> entry index */
  GArray      *ids;      /* guint64 id of each entry, in insertion order */
  guint32     *dense;    /* id -> entry index + 1, or NULL */
  guint64      dense_len;
} GolanesIdTable;

typedef struct
{
  gint64  time;
  gint64  m, p, g;
  guint64 stack;
  guint64 offset;
} GolanesCpuSample;

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

  GArray   *mbatches;      /* of GolanesThreadBatches, in order of first appearance */
  GolanesIdMap m_index;    /* m -> index in mbatches */

  GolanesIdTable strings;
  GArray   *string_vals;   /* GolanesStr */
  GolanesIdTable stacks;
  GArray   *stack_vals;    /* GolanesGenStack */
  GArray   *stack_pcs;     /* guint64 */
  GolanesIdMap pcs;        /* pc -> frame index */
  GArray   *frames;        /* GolanesGenFrame */

  GArray   *cpu_samples;   /* GolanesCpuSample, sorted by time once complete */
  /* Owned names for TaskEnd, each once (extra_index: GString -> index +
   * 1), as Go's addExtraString.  The only part of a generation that grows
   * after it is read (while its events are ordered), so a threaded
   * reader's consumer reads it under extra_lock. */
  GPtrArray *extra;
  GHashTable *extra_index;
  GMutex    extra_lock;
  GPtrArray *string_data;  /* owned copies of the string batches */
  guint64   serial;
  gint      refs;          /* atomic: the reader and a threaded reader's queue */
} GolanesGeneration;

/* Returns the entry index, or -1 if absent.  Id 0 is handled by callers. */
static inline gint64
_golanes_id_table_get (const GolanesIdTable *t,
                       guint64               id)
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

static inline gboolean
_golanes_generation_has_string (const GolanesGeneration *g,
                                guint64                  id)
{
  return id == 0 || (g != NULL && _golanes_id_table_get (&g->strings, id) >= 0);
}

static inline gboolean
_golanes_generation_has_stack (const GolanesGeneration *g,
                               guint64                  id)
{
  return id == 0 || (g != NULL && _golanes_id_table_get (&g->stacks, id) >= 0);
}

GolanesGeneration *_golanes_generation_ref (GolanesGeneration *g);
/* An empty generation, and the dense indices of its filled tables (as
 * Go's compactify), for the legacy reader that builds one itself. */
GolanesGeneration *_golanes_generation_new (void);
void     _golanes_generation_compact    (GolanesGeneration *g);
/* The 1-based index in g->extra of a copy of @data, added if new. */
guint64  _golanes_generation_add_extra  (GolanesGeneration *g,
                                         const char        *data,
                                         gsize              len);
/* Drops a reference (the last one frees); NULL is ignored. */
void     _golanes_generation_free       (GolanesGeneration *g);
gboolean _golanes_generation_get_string (const GolanesGeneration *g,
                                         guint64                  id,
                                         GolanesStr              *out);

/* ---- batch cursors (golanes-trace-cursor.c) ------------------------------ */

typedef struct
{
  guint64               m;
  gpointer              mstate;   /* the ordering's record of this thread, once known */
  gint64                last_ts;
  GolanesThreadBatches *list;
  const guint8         *data;     /* bytes of batch data_idx - 1; 0: none loaded */
  guint                 data_idx;
  guint8               *buf;      /* owned copy of the current batch (file input) */
  gsize                 buf_cap;
  int                   fd;       /* -1 for in-memory input */
  guint                 idx;
  gsize                 off;
  GolanesEvent          ev;       /* last read event */
} GolanesBatchCursor;

/* ---- the ordering (golanes-trace-order.c) -------------------------------- */

typedef struct _GolanesGState GolanesGState;

/* What Go's ordering emulates of the scheduler, for the whole trace, and
 * the queue of events it has put in order. */
typedef struct
{
  guint          version;     /* the format's Go minor version, for names */
  GolanesIdMap   g_states;    /* id -> GolanesGState* */
  GolanesIdMap   p_states;    /* id -> proc state */
  GolanesIdMap   m_states;    /* id -> thread state */
  GolanesIdMap   tasks;       /* id -> task state */
  GHashTable    *names;       /* the names of open regions and tasks, once each */
  GolanesGState *free_g;      /* records of ended goroutines, for reuse */
  guint64        gc_seq;
  guint8         gc_state;
  guint64        initial_gen;

  GolanesEvent  *queue;
  guint          q_start;
  guint          q_len;
  guint          q_cap;
} GolanesOrdering;

void     _golanes_ordering_init    (GolanesOrdering *o,
                                    guint            version);
void     _golanes_ordering_clear   (GolanesOrdering *o);
/* Tries to take @ev, read on thread @m, into the order.  Returns 1 if it
 * was taken (queued, maybe with events made from it), 0 if it cannot be
 * yet, -1 on error.  *@mcache caches the thread's record. */
int      _golanes_ordering_advance (GolanesOrdering   *o,
                                    GolanesEvent      *ev,
                                    guint64            m,
                                    gpointer          *mcache,
                                    GolanesGeneration *g,
                                    GError           **error);

/* Takes the oldest ordered event off the queue (inline: once per event). */
static inline gboolean
_golanes_ordering_next (GolanesOrdering *o,
                        GolanesEvent    *out)
{
  if (o->q_len == 0)
    return FALSE;
  *out = o->queue[o->q_start];
  o->q_start = (o->q_start + 1) % o->q_cap;
  o->q_len--;
  return TRUE;
}

/* ---- the reader (golanes-trace-reader.c) --------------------------------- */

typedef struct _GolanesTracePipe GolanesTracePipe;

/* A pre-1.22 trace, parsed whole and converted as it is read
 * (golanes-trace-legacy.c). */
typedef struct _GolanesLegacy GolanesLegacy;

gboolean _golanes_legacy_parse (GolanesTraceReader *r,
                                GError            **error);
int      _golanes_legacy_next  (GolanesTraceReader *r,
                                GolanesEvent       *out,
                                GError            **error);
void     _golanes_legacy_free  (GolanesLegacy      *l);

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
  GolanesTraceWaitFunc wait;
  gpointer      wait_data;
  GCancellable *cancellable;

  gint64        last_ts;
  GolanesGeneration *gen;
  GolanesBatchCursor **frontier;
  guint         n_frontier;
  guint         cap_frontier;
  GolanesSortItem *sort_items;
  GolanesBatchCursor **sort_copy;
  guint         cap_sort;
  GolanesBatchCursor *cursor_pool;
  guint         cursor_pool_len;
  guint         cpu_next;
  guint         syncs;
  GError       *read_gen_err;
  gboolean      done;
  GError       *sticky;

  gboolean      has_spill;
  GolanesBatch  spill;
  guint64       spill_gen;
  GError       *spill_err;
  gboolean      spill_err_sync;

  GolanesOrdering order;

  /* Pre-1.22 traces: whether the reader has parsed the file yet, and
   * what it holds then. */
  gboolean      is_legacy;
  GolanesLegacy *legacy;

  guint64       events_since_check;

  /* A threaded reader: its pipe, and where this reader (one of the
   * pipe's consumers) has got in it. */
  gboolean      threaded;
  GolanesTracePipe *pipe;   /* set once a threaded reader has started */
  guint64       pipe_seq;   /* the chunk read now, or next */
  gpointer      pipe_cur;   /* that chunk once taken, or NULL */
  guint         pipe_pos;
};

/* The first line of the message is Go's error text; the second line names
 * the byte offset and what was expected there. */
void _golanes_trace_set_error (GError     **error,
                               int          code,
                               guint64      offset,
                               const char  *expected,
                               const char  *fmt,
                               ...) G_GNUC_PRINTF (5, 6);

/* ---- the threaded reader (golanes-trace-pipe.c) -------------------------- */

/* Moves the reading state of @r to a reader on a new thread, which orders
 * events into a ring of chunks; @r becomes the pipe's first consumer: it
 * hands the events out, switching its current generation (for the
 * look-ups) and reporting progress as each chunk that carries them comes
 * up.  FALSE (and an error) if no thread could be started: @r is then
 * unchanged. */
gboolean _golanes_trace_pipe_start   (GolanesTraceReader *r,
                                      GError            **error);
/* A new reader, another consumer of @r's started pipe. */
GolanesTraceReader *_golanes_trace_pipe_add_consumer (GolanesTraceReader *r);
gboolean _golanes_trace_pipe_next    (GolanesTraceReader *r,
                                      GolanesEvent       *event,
                                      GError            **error);
/* Detaches @r from its pipe; the last consumer stops the thread and frees
 * what it owns. */
void     _golanes_trace_pipe_release (GolanesTraceReader *r);

/* ---- input and batches (golanes-trace-batch.c) --------------------------- */

typedef enum
{
  GOLANES_READ_OK,
  GOLANES_READ_EOF,
  GOLANES_READ_ERROR,
} GolanesReadResult;

gboolean          _golanes_pread_full     (int                 fd,
                                           guint8             *buf,
                                           gsize               n,
                                           guint64             off,
                                           GError            **error);
GolanesReadResult _golanes_read_batch     (GolanesTraceReader *r,
                                           GolanesBatch       *b,
                                           guint64            *gen,
                                           gboolean           *is_eog,
                                           GError            **error);

/* ---- reading generations (golanes-trace-generation.c) -------------------- */

/* Go 1.26+: up to an EndOfGeneration byte.  NULL without an error at the
 * end of the trace. */
GolanesGeneration *_golanes_read_generation            (GolanesTraceReader *r,
                                                        GError            **error);
/* Before Go 1.26: up to the first batch of the next generation, which is
 * kept as the reader's spill batch. */
GolanesGeneration *_golanes_read_generation_with_spill (GolanesTraceReader *r,
                                                        GError            **error);

/* ---- the frontier (golanes-trace-cursor.c) ------------------------------- */

/* Returns 1 with a new event in c->ev, 0 when the thread has no more
 * events, -1 on error. */
int  _golanes_batch_cursor_next (GolanesBatchCursor *c,
                                 double              freq,
                                 GError            **error);

/* The reader's frontier is a min-heap of cursors on their event's time. */
void _golanes_frontier_insert (GolanesTraceReader *r,
                               GolanesBatchCursor *c);
void _golanes_frontier_update (GolanesTraceReader *r,
                               guint               i);
void _golanes_frontier_remove (GolanesTraceReader *r,
                               guint               i);
/* Sorts the frontier by time exactly as Go's slices.SortFunc does. */
void _golanes_frontier_sort   (GolanesTraceReader *r);

G_END_DECLS
