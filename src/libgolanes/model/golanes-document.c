/* golanes-document.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#ifdef __linux__
#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "golanes-document.h"
#include "golanes-error.h"

/* Streaming: the builder yields to readers every YIELD_EVENTS events. */
#define YIELD_EVENTS     1024

struct _GolanesDocument
{
  gint             ref_count;
  char            *path;        /* or */
  GBytes          *bytes;
  guint64          file_size;
  /* The file as opened when the document was made, or -1: every read of
   * the document reads its first file_size bytes, so the parts agree
   * while it grows and whatever is renamed over its path. */
  int              fd;
  gint64           mtime_nsec;

  /* Guards publishing; the getters read a part's fields only after its
   * ready flag, which is set (atomically, a full barrier) last. */
  GMutex           lock;
  GCond            cond;
  guint            running;     /* mask of parts some thread is computing */
  gint             ready[GOLANES_DOCUMENT_N_PARTS];
  GError          *part_error[GOLANES_DOCUMENT_N_PARTS];

  guint            go_minor;

  /* TIMELINE */
  guint64          n_events;
  guint            n_generations;
  guint64          valid_bytes;
  GError          *read_error;
  GolanesTimeline *timeline;

  /* TIMELINE while it streams: readers hold the gate. */
  GolanesGate             gate;
  GolanesDocumentPublish  publish_func;
  gint64                  publish_interval;
  gpointer                publish_data;
  GolanesTimeline        *loading;       /* once its first generation is in */
  guint64                 loaded_bytes;
  gboolean                analyses_with_timeline;
  /* The feeder threads started for this document (GThread, referenced),
   * until golanes_document_join_workers() or the document's end. */
  GPtrArray              *workers;

  /* GC */
  GolanesGc       *gc;
  GolanesMmu      *mmu;

  /* GOROUTINES: the summary keeps its own stack table. */
  GolanesGoroutineSummary *goroutines;
  GolanesTasks    *tasks;

  /* BLOCKING: the four profiles share a stack table of their own. */
  GolanesStackTable *blocking_stacks;
  GolanesBlocking *blocking[GOLANES_BLOCKING_SCHED + 1];
};

/* What one read of the trace builds. */
typedef struct
{
  guint                    parts;
  guint64                  n_events;
  guint                    n_generations;
  guint64                  valid_bytes;
  GolanesTimeline         *timeline;
  GolanesGc               *gc;
  GolanesMmu              *mmu;
  GolanesGoroutineSummary *goroutines;
  GolanesTasks            *tasks;
  GolanesStackTable       *blocking_stacks;
  GolanesBlocking         *blocking[GOLANES_BLOCKING_SCHED + 1];
  GolanesDocumentProgress  progress;
  gpointer                 progress_data;
  GolanesGate             *gate;       /* held while streaming */
} Pass;

static gboolean
has_part (guint               parts,
          GolanesDocumentPart part)
{
  return (parts & GOLANES_DOCUMENT_PART_MASK (part)) != 0;
}

static void
pass_clear (Pass *pass)
{
  g_clear_pointer (&pass->timeline, golanes_timeline_free);
  g_clear_pointer (&pass->gc, golanes_gc_free);
  g_clear_pointer (&pass->mmu, golanes_mmu_free);
  g_clear_pointer (&pass->tasks, golanes_tasks_free);
  g_clear_pointer (&pass->goroutines, golanes_goroutine_summary_free);
  for (guint k = 0; k < G_N_ELEMENTS (pass->blocking); k++)
    g_clear_pointer (&pass->blocking[k], golanes_blocking_free);
  g_clear_pointer (&pass->blocking_stacks, golanes_stack_table_free);
}

static void
pass_init (Pass  *pass,
           guint  parts)
{
  pass->parts = parts;
  if (has_part (parts, GOLANES_DOCUMENT_PART_TIMELINE))
    pass->timeline = golanes_timeline_new ();
  if (has_part (parts, GOLANES_DOCUMENT_PART_GC))
    {
      pass->gc = golanes_gc_new ();
      /* The timeline keeps the heap and GOMAXPROCS series. */
      golanes_gc_set_keep_series (pass->gc, FALSE);
      pass->mmu = golanes_mmu_new (GOLANES_MMU_DEFAULT_FLAGS);
    }
  if (has_part (parts, GOLANES_DOCUMENT_PART_GOROUTINES))
    {
      pass->goroutines = golanes_goroutine_summary_new (NULL);
      pass->tasks = golanes_tasks_new (pass->goroutines);
    }
  if (has_part (parts, GOLANES_DOCUMENT_PART_BLOCKING))
    {
      pass->blocking_stacks = golanes_stack_table_new ();
      for (guint k = 0; k < G_N_ELEMENTS (pass->blocking); k++)
        pass->blocking[k] = golanes_blocking_new ((GolanesBlockingKind) k, pass->blocking_stacks);
    }
}

/* The reader reports progress after reading each whole generation, so the
 * last figure before an error is how far the complete generations go. */
static void
on_reader_progress (guint64  consumed,
                    guint64  total,
                    gpointer user_data)
{
  Pass *pass = user_data;

  pass->valid_bytes = consumed;
  if (pass->progress == NULL)
    return;
  /* Between two events: readers may come in while the callback runs. */
  if (pass->gate != NULL)
    golanes_gate_write_leave (pass->gate);
  pass->progress (consumed, total, pass->progress_data);
  if (pass->gate != NULL)
    golanes_gate_write_enter (pass->gate);
}

/* Waiting for the reader's thread, between two events: the builder lets
 * the readers in meanwhile. */
static void
gate_wait_cb (gboolean waiting,
              gpointer gate)
{
  if (waiting)
    golanes_gate_write_leave (gate);
  else
    golanes_gate_write_enter (gate);
}

/* Between two steps of golanes_timeline_finish_yielding(). */
static void
gate_yield_cb (gpointer gate)
{
  golanes_gate_yield (gate);
}

static gboolean
is_cancel_error (const GError *error,
                 GCancellable *cancellable)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_cancellable_is_cancelled (cancellable);
}

static gint64
stat_mtime_nsec (const struct stat *st)
{
  return (gint64) st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st->st_mtim.tv_nsec;
}

static GolanesTraceReader *
open_reader (GolanesDocument  *self,
             GError          **error)
{
  struct stat st;

  /* A file that only grew (a program still writing it) reads as it was;
   * one that got shorter or was rewritten would not give the parts read
   * before. */
  if (self->fd >= 0 && fstat (self->fd, &st) == 0 &&
      ((guint64) st.st_size < self->file_size ||
       ((guint64) st.st_size == self->file_size && stat_mtime_nsec (&st) != self->mtime_nsec)))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "the file changed since it was opened (it %s); open it again",
                   (guint64) st.st_size < self->file_size ? "got shorter" : "was rewritten");
      return NULL;
    }
  if (self->fd >= 0)
    return golanes_trace_reader_new_for_fd (self->fd, self->file_size, error);
  if (self->path != NULL)
    return golanes_trace_reader_new_for_path (self->path, error);
  return golanes_trace_reader_new_for_bytes (self->bytes, error);
}

/* Called with the lock held. */
static void
publish (GolanesDocument *self,
         Pass            *pass,
         GError          *read_error)
{
  if (has_part (pass->parts, GOLANES_DOCUMENT_PART_TIMELINE))
    {
      self->n_events = pass->n_events;
      self->n_generations = pass->n_generations;
      self->valid_bytes = read_error == NULL ? self->file_size : pass->valid_bytes;
      self->read_error = read_error != NULL ? g_error_copy (read_error) : NULL;
      self->timeline = g_steal_pointer (&pass->timeline);
    }
  if (has_part (pass->parts, GOLANES_DOCUMENT_PART_GC))
    {
      self->gc = g_steal_pointer (&pass->gc);
      self->mmu = g_steal_pointer (&pass->mmu);
    }
  if (has_part (pass->parts, GOLANES_DOCUMENT_PART_GOROUTINES))
    {
      self->goroutines = g_steal_pointer (&pass->goroutines);
      self->tasks = g_steal_pointer (&pass->tasks);
    }
  if (has_part (pass->parts, GOLANES_DOCUMENT_PART_BLOCKING))
    {
      self->blocking_stacks = g_steal_pointer (&pass->blocking_stacks);
      for (guint k = 0; k < G_N_ELEMENTS (self->blocking); k++)
        self->blocking[k] = g_steal_pointer (&pass->blocking[k]);
    }
  for (guint part = 0; part < GOLANES_DOCUMENT_N_PARTS; part++)
    if (has_part (pass->parts, part))
      g_atomic_int_set (&self->ready[part], TRUE);
}

/* Feeds one event to the analyses of @parts. */
static void
feed_analyses (Pass               *pass,
               guint               parts,
               GolanesTraceReader *reader,
               const GolanesEvent *ev)
{
  if (has_part (parts, GOLANES_DOCUMENT_PART_GC))
    {
      golanes_gc_feed (pass->gc, reader, ev);
      golanes_mmu_feed (pass->mmu, reader, ev);
    }
  if (has_part (parts, GOLANES_DOCUMENT_PART_GOROUTINES))
    {
      golanes_goroutine_summary_feed (pass->goroutines, reader, ev);
      golanes_tasks_feed (pass->tasks, reader, ev);
    }
  if (has_part (parts, GOLANES_DOCUMENT_PART_BLOCKING))
    golanes_blocking_feed_many (pass->blocking, G_N_ELEMENTS (pass->blocking), reader, ev);
}

static void
finish_analyses (Pass  *pass,
                 guint  parts)
{
  if (has_part (parts, GOLANES_DOCUMENT_PART_GC))
    {
      gint64 x_min, x_max, windows[GOLANES_MMU_PLOT_SAMPLES];
      double mmu[GOLANES_MMU_PLOT_SAMPLES];

      golanes_gc_finish (pass->gc);
      golanes_mmu_finish (pass->mmu);
      /* The MMU plot takes a hundred MMU queries: made here, on the
       * thread that finished, the GC panel shows it without a wait. */
      golanes_mmu_get_plot (pass->mmu, &x_min, &x_max, windows, mmu);
    }
  if (has_part (parts, GOLANES_DOCUMENT_PART_GOROUTINES))
    {
      golanes_goroutine_summary_finish (pass->goroutines);
      golanes_tasks_finish (pass->tasks);
    }
  if (has_part (parts, GOLANES_DOCUMENT_PART_BLOCKING))
    for (guint k = 0; k < G_N_ELEMENTS (pass->blocking); k++)
      golanes_blocking_finish (pass->blocking[k]);
}

/* Analyses fed on a thread of their own from a tee of the pass's reader
 * (one decoding of the trace, several cores modelling it).  A feeder owns
 * its parts' objects and publishes them itself when it is done, after the
 * timeline's pass may have returned. */
typedef struct
{
  GolanesDocument    *document;
  Pass                pass;
  GolanesTraceReader *reader;
  GCancellable       *cancellable;
} Feeder;

static void conclude (GolanesDocument *self,
                      Pass            *pass,
                      guint            parts,
                      guint            go_minor,
                      gboolean         ok,
                      const GError    *read_error,
                      GCancellable    *cancellable);

static gpointer
feeder_thread (gpointer data)
{
  Feeder *f = data;
  g_autoptr(GError) error = NULL;
  GolanesEvent ev;
  gboolean ok;

  while (golanes_trace_reader_next (f->reader, &ev, &error))
    feed_analyses (&f->pass, f->pass.parts, f->reader, &ev);
  ok = error == NULL || !is_cancel_error (error, f->cancellable);
  if (ok)
    finish_analyses (&f->pass, f->pass.parts);
  conclude (f->document, &f->pass, f->pass.parts, golanes_trace_reader_get_go_minor (f->reader),
            ok, error, f->cancellable);

  golanes_trace_reader_free (f->reader);
  pass_clear (&f->pass);
  g_clear_object (&f->cancellable);
  golanes_document_unref (f->document);
  g_free (f);
  return NULL;
}

/* Publishes the parts of @parts that @pass has built (@ok), or records
 * why they failed, and lets other threads claim what is left. */
static void
conclude (GolanesDocument *self,
          Pass            *pass,
          guint            parts,
          guint            go_minor,
          gboolean         ok,
          const GError    *read_error,
          GCancellable    *cancellable)
{
  g_mutex_lock (&self->lock);
  if (ok)
    {
      if (self->go_minor == 0)
        self->go_minor = go_minor;
      /* A read error that is not a cancellation only ends the trace early. */
      g_assert (pass->parts == parts);
      publish (self, pass, (GError *) read_error);
    }
  else if (!is_cancel_error (read_error, cancellable))
    {
      for (guint part = 0; part < GOLANES_DOCUMENT_N_PARTS; part++)
        if (has_part (parts, part))
          {
            g_clear_error (&self->part_error[part]);
            self->part_error[part] = g_error_copy (read_error);
          }
    }
  self->running &= ~parts;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

/* The groups of analysis parts that get a thread of their own beside the
 * timeline's: all of them together on two cores (three threads: the
 * decoding, the timeline, the analyses), each on its own with more. */
static guint
split_feeders (guint  parts,
               guint *groups)
{
  guint analyses = parts & GOLANES_DOCUMENT_ANALYSIS_PARTS, n = 0;

  if (!has_part (parts, GOLANES_DOCUMENT_PART_TIMELINE) || analyses == 0 ||
      !golanes_trace_reader_threaded_default ())
    return 0;
  if (g_get_num_processors () < 4)
    {
      groups[n++] = analyses;
      return n;
    }
  for (guint part = 0; part < GOLANES_DOCUMENT_N_PARTS; part++)
    if (has_part (analyses, part))
      groups[n++] = GOLANES_DOCUMENT_PART_MASK (part);
  return n;
}

/* Computes the parts in @parts, which this thread has claimed, in one
 * read: the timeline and the analyses left with it on this thread, other
 * analyses on feeder threads reading the same decoding. */
static gboolean
run_pass (GolanesDocument         *self,
          guint                    parts,
          GolanesDocumentProgress  progress,
          gpointer                 progress_data,
          GCancellable            *cancellable,
          GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  GolanesTraceReader *reader;
  Pass pass = { 0 };
  GolanesEvent ev;
  gboolean ok = FALSE;
  gboolean streaming = FALSE;
  gint64 last_publish = 0;
  guint64 published_events = 0;
  guint groups[GOLANES_DOCUMENT_N_PARTS];
  guint here = parts;

  pass.progress = progress;
  pass.progress_data = progress_data;

  reader = open_reader (self, &local_error);
  if (reader == NULL)
    {
      conclude (self, &pass, parts, 0, FALSE, local_error, cancellable);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  golanes_trace_reader_set_progress_func (reader, on_reader_progress, &pass);
  golanes_trace_reader_set_cancellable (reader, cancellable);
  golanes_trace_reader_set_threaded (reader, golanes_trace_reader_threaded_default ());

  for (guint i = 0, n = split_feeders (parts, groups); i < n; i++)
    {
      g_autoptr(GError) tee_error = NULL;
      GolanesTraceReader *tee = golanes_trace_reader_new_tee (reader, &tee_error);
      Feeder *f;
      GThread *thread;

      if (tee == NULL)
        {
          /* Without a thread for them the analyses are fed here. */
          g_debug ("Feeding the analyses on the timeline's thread: %s", tee_error->message);
          break;
        }
      f = g_new0 (Feeder, 1);
      f->document = golanes_document_ref (self);
      f->reader = tee;
      f->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
      pass_init (&f->pass, groups[i]);
      thread = g_thread_try_new ("golanes-feeder", feeder_thread, f, &tee_error);
      if (thread == NULL)
        {
          g_debug ("Feeding the analyses on the timeline's thread: %s", tee_error->message);
          golanes_trace_reader_free (tee);
          pass_clear (&f->pass);
          g_clear_object (&f->cancellable);
          golanes_document_unref (f->document);
          g_free (f);
          break;
        }
      g_mutex_lock (&self->lock);
      g_ptr_array_add (self->workers, thread);
      g_mutex_unlock (&self->lock);
      here &= ~groups[i];
    }
  pass_init (&pass, here);

  if (pass.timeline != NULL && self->publish_func != NULL)
    {
      streaming = TRUE;
      pass.gate = &self->gate;
      golanes_gate_write_enter (&self->gate);
      golanes_trace_reader_set_wait_func (reader, gate_wait_cb, &self->gate);
    }

  while (golanes_trace_reader_next (reader, &ev, &local_error))
    {
      pass.n_events++;
      if (ev.kind == GOLANES_EVENT_SYNC)
        pass.n_generations++;
      if (pass.timeline != NULL)
        golanes_timeline_feed (pass.timeline, reader, &ev);
      if (streaming &&
          (pass.n_events % YIELD_EVENTS == 0 || ev.kind == GOLANES_EVENT_SYNC))
        {
          gint64 now = g_get_monotonic_time ();

          /* Between two events the model is whole up to the last one:
           * show it at the end of each generation and every interval. */
          if (pass.n_events > published_events + 1 &&
              (published_events == 0 || now - last_publish >= self->publish_interval ||
               ev.kind == GOLANES_EVENT_SYNC))
            {
              self->loaded_bytes = pass.valid_bytes;
              g_atomic_pointer_set (&self->loading, pass.timeline);
              self->publish_func (self, self->publish_data);
              published_events = pass.n_events;
              last_publish = now;
            }
          golanes_gate_yield (&self->gate);
        }
      feed_analyses (&pass, here, reader, &ev);
    }
  golanes_trace_reader_set_progress_func (reader, NULL, NULL);
  golanes_trace_reader_set_wait_func (reader, NULL, NULL);

  ok = local_error == NULL || !is_cancel_error (local_error, cancellable);
  if (ok)
    {
      /* Every generation ends with a Sync event, the last one included;
       * the count of generations is one less. */
      if (pass.n_generations > 0)
        pass.n_generations--;
      if (pass.timeline != NULL)
        golanes_timeline_finish_yielding (pass.timeline, streaming ? gate_yield_cb : NULL,
                                          streaming ? gate_wait_cb : NULL, &self->gate);
      finish_analyses (&pass, here);
    }
  if (streaming && !ok)
    g_atomic_pointer_set (&self->loading, NULL);
  /* The timeline is shown while the feeders finish. */
  conclude (self, &pass, here, golanes_trace_reader_get_go_minor (reader), ok, local_error, cancellable);
  if (streaming)
    golanes_gate_write_leave (&self->gate);
  golanes_trace_reader_free (reader);

  pass_clear (&pass);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

static guint
ready_mask (GolanesDocument *self)
{
  guint mask = 0;

  for (guint part = 0; part < GOLANES_DOCUMENT_N_PARTS; part++)
    if (g_atomic_int_get (&self->ready[part]))
      mask |= GOLANES_DOCUMENT_PART_MASK (part);
  return mask;
}

gboolean
golanes_document_compute_parts (GolanesDocument         *self,
                                guint                    parts,
                                GolanesDocumentProgress  progress,
                                gpointer                 progress_data,
                                GCancellable            *cancellable,
                                GError                 **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail ((parts & ~GOLANES_DOCUMENT_ALL_PARTS) == 0, FALSE);

  for (;;)
    {
      guint wanted;
      guint claim;

      g_mutex_lock (&self->lock);
      wanted = parts & ~ready_mask (self);
      claim = wanted & ~self->running;
      if (wanted != 0 && claim == 0)
        {
          /* Another thread computes what is left: wait for it, then take
           * over whatever it failed to compute. */
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              g_mutex_unlock (&self->lock);
              return FALSE;
            }
          g_cond_wait_until (&self->cond, &self->lock,
                             g_get_monotonic_time () + 50 * G_TIME_SPAN_MILLISECOND);
          g_mutex_unlock (&self->lock);
          continue;
        }
      /* The timeline's pass may also feed the analyses nobody computes
       * yet, from the same decoding of the trace (see run_pass()). */
      if (has_part (claim, GOLANES_DOCUMENT_PART_TIMELINE) && self->analyses_with_timeline &&
          golanes_trace_reader_threaded_default ())
        claim |= GOLANES_DOCUMENT_ANALYSIS_PARTS & ~ready_mask (self) & ~self->running;
      self->running |= claim;
      for (guint part = 0; part < GOLANES_DOCUMENT_N_PARTS; part++)
        if (has_part (claim, part))
          g_clear_error (&self->part_error[part]);
      g_mutex_unlock (&self->lock);

      if (wanted == 0)
        return TRUE;
      if (!run_pass (self, claim, progress, progress_data, cancellable, error))
        return FALSE;
    }
}

gboolean
golanes_document_compute_part (GolanesDocument      *self,
                               GolanesDocumentPart   part,
                               GCancellable         *cancellable,
                               GError              **error)
{
  g_return_val_if_fail ((guint) part < GOLANES_DOCUMENT_N_PARTS, FALSE);

  return golanes_document_compute_parts (self, GOLANES_DOCUMENT_PART_MASK (part),
                                         NULL, NULL, cancellable, error);
}

typedef struct
{
  GTask               *task;
  GolanesDocumentPart  part;
} AsyncPart;

static gpointer
compute_part_thread (gpointer data)
{
  AsyncPart *async = data;
  GolanesDocument *self = g_task_get_task_data (async->task);
  GError *error = NULL;
  guint mask = GOLANES_DOCUMENT_PART_MASK (async->part);

#ifdef __linux__
  /* On Linux the nice value is per thread: this one yields to the
   * timeline's and the main loop's. */
  if (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 10) != 0)
    g_debug ("Could not lower the priority of an analysis thread");
#endif

  /* On two cores, one core is the timeline's: one pass (one parse)
   * computes every analysis part there, and the threads of the other parts
   * wait for it instead of parsing the file again beside it. */
  if (g_get_num_processors () <= 2 && has_part (GOLANES_DOCUMENT_ANALYSIS_PARTS, async->part))
    mask = GOLANES_DOCUMENT_ANALYSIS_PARTS;
  if (golanes_document_compute_parts (self, mask, NULL, NULL, g_task_get_cancellable (async->task), &error))
    g_task_return_boolean (async->task, TRUE);
  else
    g_task_return_error (async->task, error);

  g_object_unref (async->task);
  g_free (async);
  return NULL;
}

void
golanes_document_compute_part_async (GolanesDocument     *self,
                                     GolanesDocumentPart  part,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  AsyncPart *async;
  GThread *thread;

  g_return_if_fail (self != NULL);
  g_return_if_fail ((guint) part < GOLANES_DOCUMENT_N_PARTS);

  async = g_new0 (AsyncPart, 1);
  async->task = g_task_new (NULL, cancellable, callback, user_data);
  async->part = part;
  g_task_set_source_tag (async->task, golanes_document_compute_part_async);
  g_task_set_task_data (async->task, golanes_document_ref (self), (GDestroyNotify) golanes_document_unref);

  thread = g_thread_try_new ("golanes-part", compute_part_thread, async, &error);
  if (thread == NULL)
    {
      g_task_return_error (async->task, g_steal_pointer (&error));
      g_object_unref (async->task);
      g_free (async);
      return;
    }
  g_thread_unref (thread);
}

gboolean
golanes_document_compute_part_finish (GolanesDocument  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_task_data (G_TASK (result)) == self, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
golanes_document_is_ready (GolanesDocument     *self,
                           GolanesDocumentPart  part)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail ((guint) part < GOLANES_DOCUMENT_N_PARTS, FALSE);

  return g_atomic_int_get (&self->ready[part]);
}

const GError *
golanes_document_get_part_error (GolanesDocument     *self,
                                 GolanesDocumentPart  part)
{
  const GError *error;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) part < GOLANES_DOCUMENT_N_PARTS, NULL);

  /* A part's error is replaced only when it is computed again. */
  g_mutex_lock (&self->lock);
  error = self->part_error[part];
  g_mutex_unlock (&self->lock);
  return error;
}

/* Documents made and not yet freed, in this process. */
static gint n_alive;

guint
_golanes_document_get_n_alive (void)
{
  return (guint) g_atomic_int_get (&n_alive);
}

static GolanesDocument *
document_new (void)
{
  GolanesDocument *self = g_new0 (GolanesDocument, 1);

  g_atomic_int_inc (&n_alive);
  self->ref_count = 1;
  self->workers = g_ptr_array_new ();
  self->fd = -1;
  g_mutex_init (&self->lock);
  golanes_gate_init (&self->gate);
  g_cond_init (&self->cond);
  return self;
}

GolanesDocument *
golanes_document_new_for_path (const char *path)
{
  GolanesDocument *self;
  struct stat st;

  g_return_val_if_fail (path != NULL, NULL);

  self = document_new ();
  self->path = g_strdup (path);
  /* Without blocking, so that a FIFO is refused by the reader, not waited for. */
  self->fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (self->fd >= 0 && (fstat (self->fd, &st) != 0 || !S_ISREG (st.st_mode)))
    {
      close (self->fd);
      self->fd = -1;
    }
  if (self->fd >= 0)
    {
      self->file_size = (guint64) st.st_size;
      self->mtime_nsec = stat_mtime_nsec (&st);
    }
  else
    self->file_size = g_stat (path, &st) == 0 ? (guint64) st.st_size : 0;
  return self;
}

GolanesDocument *
golanes_document_new_for_bytes (GBytes *bytes)
{
  GolanesDocument *self;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = document_new ();
  self->bytes = g_bytes_ref (bytes);
  self->file_size = g_bytes_get_size (bytes);
  return self;
}

static GolanesDocument *
load_parts (GolanesDocument         *doc,
            guint                    parts,
            GolanesDocumentProgress  progress,
            gpointer                 progress_data,
            GCancellable            *cancellable,
            GError                 **error)
{
  golanes_document_set_analyses_with_timeline (doc, (parts & GOLANES_DOCUMENT_ANALYSIS_PARTS) != 0);
  if (!golanes_document_compute_parts (doc, parts, progress, progress_data, cancellable, error))
    {
      golanes_document_unref (doc);
      return NULL;
    }
  return doc;
}

GolanesDocument *
golanes_document_load (const char              *path,
                       GolanesDocumentProgress  progress,
                       gpointer                 progress_data,
                       GCancellable            *cancellable,
                       GError                 **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return load_parts (golanes_document_new_for_path (path), GOLANES_DOCUMENT_ALL_PARTS,
                     progress, progress_data, cancellable, error);
}

GolanesDocument *
golanes_document_load_timeline (const char              *path,
                                GolanesDocumentProgress  progress,
                                gpointer                 progress_data,
                                GCancellable            *cancellable,
                                GError                 **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return load_parts (golanes_document_new_for_path (path),
                     GOLANES_DOCUMENT_PART_MASK (GOLANES_DOCUMENT_PART_TIMELINE),
                     progress, progress_data, cancellable, error);
}

GolanesDocument *
golanes_document_load_bytes (GBytes        *bytes,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return load_parts (golanes_document_new_for_bytes (bytes), GOLANES_DOCUMENT_ALL_PARTS,
                     NULL, NULL, cancellable, error);
}

G_DEFINE_BOXED_TYPE (GolanesDocument, golanes_document,
                     golanes_document_ref, golanes_document_unref)

GolanesDocument *
golanes_document_ref (GolanesDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
golanes_document_unref (GolanesDocument *self)
{
  if (self == NULL || !g_atomic_int_dec_and_test (&self->ref_count))
    return;

  g_clear_pointer (&self->timeline, golanes_timeline_free);
  g_clear_pointer (&self->gc, golanes_gc_free);
  g_clear_pointer (&self->mmu, golanes_mmu_free);
  g_clear_pointer (&self->tasks, golanes_tasks_free);
  for (guint k = 0; k < G_N_ELEMENTS (self->blocking); k++)
    g_clear_pointer (&self->blocking[k], golanes_blocking_free);
  g_clear_pointer (&self->goroutines, golanes_goroutine_summary_free);
  g_clear_pointer (&self->blocking_stacks, golanes_stack_table_free);
  g_clear_error (&self->read_error);
  for (guint part = 0; part < GOLANES_DOCUMENT_N_PARTS; part++)
    g_clear_error (&self->part_error[part]);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->path);
  if (self->fd >= 0)
    close (self->fd);
  /* The feeders nobody joined: each let go of the document before it
   * ended (this may be one of them, which must not join itself). */
  for (guint i = 0; i < self->workers->len; i++)
    g_thread_unref (self->workers->pdata[i]);
  g_ptr_array_unref (self->workers);
  golanes_gate_clear (&self->gate);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
  g_atomic_int_add (&n_alive, -1);
#ifdef HAVE_MALLOC_TRIM
  /* A document is most of the process's heap: hand the pages it freed,
   * in every thread's arena, back to the system now rather than keep
   * them until the next trace needs them. */
  malloc_trim (0);
#endif
}

void
golanes_document_join_workers (GolanesDocument *self)
{
  g_autoptr(GPtrArray) workers = g_ptr_array_new ();

  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  g_ptr_array_extend_and_steal (workers, g_steal_pointer (&self->workers));
  self->workers = g_ptr_array_new ();
  g_mutex_unlock (&self->lock);
  for (guint i = 0; i < workers->len; i++)
    g_thread_join (workers->pdata[i]);
}

guint
golanes_document_get_go_minor (GolanesDocument *self)
{
  guint go_minor;

  g_return_val_if_fail (self != NULL, 0);
  g_mutex_lock (&self->lock);
  go_minor = self->go_minor;
  g_mutex_unlock (&self->lock);
  return go_minor;
}

guint64
golanes_document_get_file_size (GolanesDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->file_size;
}

guint64
golanes_document_get_n_events (GolanesDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return golanes_document_is_ready (self, GOLANES_DOCUMENT_PART_TIMELINE) ? self->n_events : 0;
}

guint
golanes_document_get_n_generations (GolanesDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return golanes_document_is_ready (self, GOLANES_DOCUMENT_PART_TIMELINE) ? self->n_generations : 0;
}

const GError *
golanes_document_get_read_error (GolanesDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return golanes_document_is_ready (self, GOLANES_DOCUMENT_PART_TIMELINE) ? self->read_error : NULL;
}

guint64
golanes_document_get_lost_bytes (GolanesDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);
  if (!golanes_document_is_ready (self, GOLANES_DOCUMENT_PART_TIMELINE))
    return 0;
  return self->file_size > self->valid_bytes ? self->file_size - self->valid_bytes : 0;
}

GolanesTimeline *
golanes_document_get_timeline (GolanesDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (golanes_document_is_ready (self, GOLANES_DOCUMENT_PART_TIMELINE))
    return self->timeline;
  return g_atomic_pointer_get (&self->loading);
}

void
golanes_document_set_streaming (GolanesDocument        *self,
                                gint64                  interval_usec,
                                GolanesDocumentPublish  publish,
                                gpointer                user_data)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!golanes_document_is_ready (self, GOLANES_DOCUMENT_PART_TIMELINE));

  g_mutex_lock (&self->lock);
  self->publish_func = publish;
  self->publish_data = user_data;
  self->publish_interval = interval_usec;
  g_mutex_unlock (&self->lock);
}

void
golanes_document_set_analyses_with_timeline (GolanesDocument *self,
                                             gboolean         with_timeline)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  self->analyses_with_timeline = with_timeline;
  g_mutex_unlock (&self->lock);
}

GolanesGate *
golanes_document_get_gate (GolanesDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->gate;
}

gboolean
golanes_document_is_loading (GolanesDocument *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return !golanes_document_is_ready (self, GOLANES_DOCUMENT_PART_TIMELINE) &&
         g_atomic_pointer_get (&self->loading) != NULL;
}

guint64
golanes_document_get_loaded_bytes (GolanesDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);
  if (golanes_document_is_ready (self, GOLANES_DOCUMENT_PART_TIMELINE))
    return self->valid_bytes;
  return self->loaded_bytes;
}

GolanesGc *
golanes_document_get_gc (GolanesDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return golanes_document_is_ready (self, GOLANES_DOCUMENT_PART_GC) ? self->gc : NULL;
}

GolanesMmu *
golanes_document_get_mmu (GolanesDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return golanes_document_is_ready (self, GOLANES_DOCUMENT_PART_GC) ? self->mmu : NULL;
}

GolanesGoroutineSummary *
golanes_document_get_goroutine_summary (GolanesDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return golanes_document_is_ready (self, GOLANES_DOCUMENT_PART_GOROUTINES) ? self->goroutines : NULL;
}

GolanesBlocking *
golanes_document_get_blocking (GolanesDocument     *self,
                               GolanesBlockingKind  kind)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (self->blocking), NULL);
  return golanes_document_is_ready (self, GOLANES_DOCUMENT_PART_BLOCKING) ? self->blocking[kind] : NULL;
}

GolanesTasks *
golanes_document_get_tasks (GolanesDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return golanes_document_is_ready (self, GOLANES_DOCUMENT_PART_GOROUTINES) ? self->tasks : NULL;
}
