/* golanes-trace-pipe.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The threaded reader.  Reading a trace is two kinds of work: decoding and
 * ordering (batches, varints, string and stack tables, Go's scheduling
 * state machine), and whatever the caller does with each event (build the
 * timeline model, feed the analyses).  A threaded reader does the first on
 * a thread of its own, so the two overlap on two cores.
 *
 * When a threaded reader starts, its whole reading state moves to an inner
 * reader owned by the thread; the outer reader, the caller's, keeps only
 * its current generation, which the look-ups (strings, stacks, task names)
 * read.  The thread fills a ring of chunks with ordered events.  A chunk
 * holds the events of one generation only, and a reference to it: when the
 * caller reaches a chunk the outer reader's generation becomes the chunk's,
 * exactly when the plain reader would switch (at the Sync event that starts
 * it).  Progress reports travel the same way, so the caller sees them in
 * the same place of the event stream as without the thread.  The events,
 * their order and their errors are those of the plain reader; only the
 * thread they are computed on differs.
 *
 * A pipe can have several consumers (golanes_trace_reader_new_tee()): the
 * timeline model and the analyses read one decoding of the trace on
 * threads of their own.  Chunks are numbered; each consumer has its own
 * number, and a chunk is filled again once every consumer attached when
 * it was published has moved past it.
 */

#include "config.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "golanes-trace-reader-private.h"

/* 8 chunks of 4096 events of 80 bytes: 2.5 MiB of queue, a few
 * milliseconds of the model's work, which covers the reading of most
 * generations' batches.  (Smaller rings, down to 8 x 512, measured the
 * same on bigtrace; what mattered was keeping the consumer's cursor off
 * the thread's cache lines.) */
#define PIPE_CHUNK_EVENTS 4096
#define PIPE_N_CHUNKS     8

typedef struct
{
  /* Aligned for put_event()'s stores (malloc() aligns to 16 here). */
  GolanesEvent       events[PIPE_CHUNK_EVENTS] __attribute__ ((aligned (16)));
  guint              n;
  GolanesGeneration *gen;           /* a reference */
  gboolean           has_progress;
  guint64            consumed;
  guint64            total;
  gboolean           end;           /* no chunk follows */
  GError            *error;         /* with end: the reader's error */
  guint              remaining;     /* consumers yet to move past it */
} PipeChunk;

struct _GolanesTracePipe
{
  gint                refs;         /* atomic: the consumers */
  GolanesTraceReader *inner;
  GThread            *thread;

  GMutex              lock;
  GCond               cond;
  guint               n_consumers;  /* attached */
  guint64             n_published;  /* chunks 0 .. n_published - 1 are out */
  gboolean            stop;
  PipeChunk          *chunks;

  /* The thread's own fields, on a cache line of their own: the number of
   * the chunk it fills, and a progress report waiting for its event. */
  struct {
    guint64           seq;
    gboolean          progress_pending;
    guint64           consumed;
    guint64           total;
  } __attribute__ ((aligned (64))) in;
};

static void
on_inner_progress (guint64  consumed,
                   guint64  total,
                   gpointer user_data)
{
  GolanesTracePipe *pipe = user_data;

  pipe->in.progress_pending = TRUE;
  pipe->in.consumed = consumed;
  pipe->in.total = total;
}

/* Waits until the next chunk's slot is free and makes it empty; NULL when
 * told to stop. */
static PipeChunk *
producer_take (GolanesTracePipe *pipe)
{
  PipeChunk *c = &pipe->chunks[pipe->in.seq % PIPE_N_CHUNKS];

  g_mutex_lock (&pipe->lock);
  while (c->remaining > 0 && !pipe->stop)
    g_cond_wait (&pipe->cond, &pipe->lock);
  if (pipe->stop)
    {
      g_mutex_unlock (&pipe->lock);
      return NULL;
    }
  g_mutex_unlock (&pipe->lock);

  _golanes_generation_free (c->gen);
  g_clear_error (&c->error);
  c->n = 0;
  c->gen = _golanes_generation_ref (pipe->inner->gen);
  c->has_progress = pipe->in.progress_pending;
  c->consumed = pipe->in.consumed;
  c->total = pipe->in.total;
  c->end = FALSE;
  pipe->in.progress_pending = FALSE;
  return c;
}

static void
producer_publish (GolanesTracePipe *pipe,
                  PipeChunk        *c)
{
#ifdef __SSE2__
  /* The streamed events are out before the chunk is. */
  _mm_sfence ();
#endif
  g_mutex_lock (&pipe->lock);
  c->remaining = pipe->n_consumers;
  pipe->n_published++;
  g_cond_broadcast (&pipe->cond);
  g_mutex_unlock (&pipe->lock);
  pipe->in.seq++;
}

/* Writes an event into a chunk.  The consumers read the chunk on other
 * cores: a plain store would first fetch each line back from their
 * caches (the chunk was read there a lap of the ring before), which cost
 * more than the decoding itself.  Streaming stores skip that fetch. */
static inline void
put_event (GolanesEvent       *dst,
           const GolanesEvent *src)
{
#ifdef __SSE2__
  G_STATIC_ASSERT (sizeof (GolanesEvent) % sizeof (__m128i) == 0);
  __m128i *d = (gpointer) dst;
  const __m128i *s = (gconstpointer) src;

  for (guint i = 0; i < sizeof (GolanesEvent) / sizeof (__m128i); i++)
    _mm_stream_si128 (d + i, _mm_loadu_si128 (s + i));
#else
  *dst = *src;
#endif
}

static gpointer
producer_thread (gpointer data)
{
  GolanesTracePipe *pipe = data;
  GolanesTraceReader *in = pipe->inner;
  PipeChunk *c = NULL;
  GError *error = NULL;
  GolanesEvent ev;

  for (;;)
    {
      gboolean ok = golanes_trace_reader_next (in, &ev, &error);

      /* A chunk ends where the generation changes or progress is to be
       * reported, so that both reach the consumers with their event. */
      if (c != NULL && (c->n == PIPE_CHUNK_EVENTS || c->gen != in->gen || pipe->in.progress_pending))
        {
          producer_publish (pipe, c);
          c = NULL;
        }
      if (c == NULL && (c = producer_take (pipe)) == NULL)
        break;
      if (!ok)
        {
          c->end = TRUE;
          c->error = error;
          producer_publish (pipe, c);
          break;
        }
      put_event (&c->events[c->n++], &ev);
    }
  return NULL;
}

static void
consumer_init (GolanesTraceReader *r,
               GolanesTracePipe   *pipe,
               guint               version,
               GolanesProgressFunc progress,
               gpointer            progress_data,
               GCancellable       *cancellable)
{
  memset (r, 0, sizeof *r);
  r->fd = -1;
  r->version = version;
  r->progress = progress;
  r->progress_data = progress_data;
  r->cancellable = cancellable;
  r->threaded = TRUE;
  r->pipe = pipe;
  _golanes_ordering_init (&r->order, version);
}

gboolean
_golanes_trace_pipe_start (GolanesTraceReader *r,
                           GError            **error)
{
  GolanesTracePipe *pipe;
  GolanesTraceReader *inner;

  pipe = g_new0 (GolanesTracePipe, 1);
  pipe->chunks = g_new0 (PipeChunk, PIPE_N_CHUNKS);
  pipe->refs = 1;
  pipe->n_consumers = 1;
  g_mutex_init (&pipe->lock);
  g_cond_init (&pipe->cond);

  inner = g_new (GolanesTraceReader, 1);
  *inner = *r;
  inner->threaded = FALSE;
  inner->progress = on_inner_progress;
  inner->progress_data = pipe;
  inner->wait = NULL;
  if (r->cancellable != NULL)
    g_object_ref (r->cancellable);
  pipe->inner = inner;

  pipe->thread = g_thread_try_new ("golanes-reader", producer_thread, pipe, error);
  if (pipe->thread == NULL)
    {
      g_clear_object (&inner->cancellable);
      g_free (inner);
      g_free (pipe->chunks);
      g_mutex_clear (&pipe->lock);
      g_cond_clear (&pipe->cond);
      g_free (pipe);
      return FALSE;
    }

  /* The outer reader keeps what a consumer uses and owns nothing else:
   * the input, the ordering and the cursors are the thread's now. */
  {
    GolanesTraceWaitFunc wait = r->wait;
    gpointer wait_data = r->wait_data;

    consumer_init (r, pipe, inner->version, r->progress, r->progress_data, r->cancellable);
    r->wait = wait;
    r->wait_data = wait_data;
  }
  return TRUE;
}

GolanesTraceReader *
_golanes_trace_pipe_add_consumer (GolanesTraceReader *r)
{
  GolanesTracePipe *pipe = r->pipe;
  GolanesTraceReader *other = g_new (GolanesTraceReader, 1);

  consumer_init (other, pipe, r->version, NULL, NULL,
                 r->cancellable != NULL ? g_object_ref (r->cancellable) : NULL);
  g_atomic_int_inc (&pipe->refs);
  g_mutex_lock (&pipe->lock);
  /* It reads from the oldest chunk @r has not moved past. */
  other->pipe_seq = r->pipe_seq;
  for (guint64 seq = other->pipe_seq; seq < pipe->n_published; seq++)
    pipe->chunks[seq % PIPE_N_CHUNKS].remaining++;
  pipe->n_consumers++;
  g_mutex_unlock (&pipe->lock);
  return other;
}

gboolean
_golanes_trace_pipe_next (GolanesTraceReader *r,
                          GolanesEvent       *event,
                          GError            **error)
{
  GolanesTracePipe *pipe = r->pipe;

  for (;;)
    {
      PipeChunk *c = r->pipe_cur;
      gboolean waited;

      if (c != NULL && r->pipe_pos < c->n)
        {
          /* The events come from memory (see put_event()): ask ahead. */
          __builtin_prefetch (&c->events[MIN (r->pipe_pos + 8, PIPE_CHUNK_EVENTS - 1)]);
          *event = c->events[r->pipe_pos++];
          return TRUE;
        }
      if (c != NULL && c->end)
        {
          if (c->error != NULL)
            {
              r->sticky = g_error_copy (c->error);
              g_propagate_error (error, g_error_copy (r->sticky));
            }
          else
            r->done = TRUE;
          return FALSE;
        }

      /* The thread may be far ahead, or done: a cancelled reader stops
       * at the next chunk, as the plain one does within 65536 events. */
      if (g_cancellable_set_error_if_cancelled (r->cancellable, &r->sticky))
        {
          g_propagate_error (error, g_error_copy (r->sticky));
          return FALSE;
        }

      g_mutex_lock (&pipe->lock);
      if (c != NULL)
        {
          if (--c->remaining == 0)
            g_cond_broadcast (&pipe->cond);
          r->pipe_seq++;
        }
      waited = pipe->n_published <= r->pipe_seq && r->wait != NULL;
      if (waited)
        {
          g_mutex_unlock (&pipe->lock);
          r->wait (TRUE, r->wait_data);
          g_mutex_lock (&pipe->lock);
        }
      while (pipe->n_published <= r->pipe_seq)
        g_cond_wait (&pipe->cond, &pipe->lock);
      c = r->pipe_cur = &pipe->chunks[r->pipe_seq % PIPE_N_CHUNKS];
      g_mutex_unlock (&pipe->lock);
      if (waited)
        r->wait (FALSE, r->wait_data);

      r->pipe_pos = 0;
      _golanes_generation_free (r->gen);
      r->gen = _golanes_generation_ref (c->gen);
      if (c->has_progress && r->progress != NULL)
        r->progress (c->consumed, c->total, r->progress_data);
    }
}

void
_golanes_trace_pipe_release (GolanesTraceReader *r)
{
  GolanesTracePipe *pipe = r->pipe;

  /* Moves past every chunk it still holds up. */
  g_mutex_lock (&pipe->lock);
  for (guint64 seq = r->pipe_seq; seq < pipe->n_published; seq++)
    pipe->chunks[seq % PIPE_N_CHUNKS].remaining--;
  pipe->n_consumers--;
  if (pipe->n_consumers == 0)
    pipe->stop = TRUE;
  g_cond_broadcast (&pipe->cond);
  g_mutex_unlock (&pipe->lock);
  r->pipe = NULL;

  if (!g_atomic_int_dec_and_test (&pipe->refs))
    return;
  g_thread_join (pipe->thread);
  for (guint i = 0; i < PIPE_N_CHUNKS; i++)
    {
      _golanes_generation_free (pipe->chunks[i].gen);
      g_clear_error (&pipe->chunks[i].error);
    }
  golanes_trace_reader_free (pipe->inner);
  g_free (pipe->chunks);
  g_mutex_clear (&pipe->lock);
  g_cond_clear (&pipe->cond);
  g_free (pipe);
}
