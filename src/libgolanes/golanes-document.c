/* golanes-document.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "golanes-document.h"
#include "golanes-error.h"

struct _GolanesDocument
{
  gint             ref_count;
  guint            go_minor;
  guint64          file_size;
  guint64          n_events;
  guint            n_generations;
  guint64          valid_bytes;
  GError          *read_error;
  GolanesTimeline *timeline;
  GolanesGc       *gc;
  GolanesMmu      *mmu;
  GolanesGoroutineSummary *goroutines;
  GolanesBlocking *blocking[GOLANES_BLOCKING_SCHED + 1];
  GolanesTasks    *tasks;
};

typedef struct
{
  GolanesDocument         *doc;
  GolanesDocumentProgress  progress;
  gpointer                 progress_data;
} LoadState;

/* The reader reports progress after reading each whole generation, so the
 * last figure before an error is how far the complete generations go. */
static void
on_reader_progress (guint64  consumed,
                    guint64  total,
                    gpointer user_data)
{
  LoadState *state = user_data;

  state->doc->valid_bytes = consumed;
  if (state->progress != NULL)
    state->progress (consumed, total, state->progress_data);
}

static GolanesDocument *
load_from_reader (GolanesTraceReader      *reader,
                  guint64                  file_size,
                  GolanesDocumentProgress  progress,
                  gpointer                 progress_data,
                  GCancellable            *cancellable,
                  GError                 **error)
{
  g_autoptr(GolanesDocument) doc = g_new0 (GolanesDocument, 1);
  g_autoptr(GError) local_error = NULL;
  LoadState state = { doc, progress, progress_data };
  GolanesStackTable *stacks;
  GolanesEvent ev;

  doc->ref_count = 1;
  doc->file_size = file_size;
  doc->go_minor = golanes_trace_reader_get_go_minor (reader);
  doc->timeline = golanes_timeline_new ();
  doc->gc = golanes_gc_new ();
  doc->mmu = golanes_mmu_new (GOLANES_MMU_DEFAULT_FLAGS);
  stacks = golanes_timeline_get_stack_table (doc->timeline);
  doc->goroutines = golanes_goroutine_summary_new (stacks);
  for (guint k = 0; k < G_N_ELEMENTS (doc->blocking); k++)
    doc->blocking[k] = golanes_blocking_new ((GolanesBlockingKind) k, stacks);
  doc->tasks = golanes_tasks_new (doc->goroutines);

  golanes_trace_reader_set_progress_func (reader, on_reader_progress, &state);
  golanes_trace_reader_set_cancellable (reader, cancellable);

  while (golanes_trace_reader_next (reader, &ev, &local_error))
    {
      doc->n_events++;
      if (ev.kind == GOLANES_EVENT_SYNC)
        doc->n_generations++;
      golanes_timeline_feed (doc->timeline, reader, &ev);
      golanes_gc_feed (doc->gc, reader, &ev);
      golanes_mmu_feed (doc->mmu, reader, &ev);
      golanes_goroutine_summary_feed (doc->goroutines, reader, &ev);
      golanes_blocking_feed_many (doc->blocking, G_N_ELEMENTS (doc->blocking), reader, &ev);
      golanes_tasks_feed (doc->tasks, reader, &ev);
    }
  golanes_trace_reader_set_progress_func (reader, NULL, NULL);

  if (local_error != NULL &&
      (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
       g_error_matches (local_error, GOLANES_ERROR, GOLANES_ERROR_CANCELLED) ||
       g_cancellable_is_cancelled (cancellable)))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* Every generation ends with a Sync event, the last one included; the
   * count of generations is one less. */
  if (doc->n_generations > 0)
    doc->n_generations--;
  if (local_error == NULL)
    doc->valid_bytes = file_size;
  doc->read_error = g_steal_pointer (&local_error);

  golanes_timeline_finish (doc->timeline);
  golanes_gc_finish (doc->gc);
  golanes_mmu_finish (doc->mmu);
  golanes_goroutine_summary_finish (doc->goroutines);
  for (guint k = 0; k < G_N_ELEMENTS (doc->blocking); k++)
    golanes_blocking_finish (doc->blocking[k]);
  golanes_tasks_finish (doc->tasks);

  return g_steal_pointer (&doc);
}

GolanesDocument *
golanes_document_load (const char              *path,
                       GolanesDocumentProgress  progress,
                       gpointer                 progress_data,
                       GCancellable            *cancellable,
                       GError                 **error)
{
  GolanesTraceReader *reader;
  GolanesDocument *doc;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  reader = golanes_trace_reader_new_for_path (path, error);
  if (reader == NULL)
    return NULL;

  doc = load_from_reader (reader, g_stat (path, &st) == 0 ? (guint64) st.st_size : 0,
                          progress, progress_data, cancellable, error);
  golanes_trace_reader_free (reader);
  return doc;
}

GolanesDocument *
golanes_document_load_bytes (GBytes        *bytes,
                             GCancellable  *cancellable,
                             GError       **error)
{
  GolanesTraceReader *reader;
  GolanesDocument *doc;

  g_return_val_if_fail (bytes != NULL, NULL);

  reader = golanes_trace_reader_new_for_bytes (bytes, error);
  if (reader == NULL)
    return NULL;

  doc = load_from_reader (reader, g_bytes_get_size (bytes), NULL, NULL, cancellable, error);
  golanes_trace_reader_free (reader);
  return doc;
}

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
  g_clear_error (&self->read_error);
  g_free (self);
}

guint
golanes_document_get_go_minor (GolanesDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->go_minor;
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
  return self->n_events;
}

guint
golanes_document_get_n_generations (GolanesDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_generations;
}

const GError *
golanes_document_get_read_error (GolanesDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->read_error;
}

guint64
golanes_document_get_lost_bytes (GolanesDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->file_size > self->valid_bytes ? self->file_size - self->valid_bytes : 0;
}

GolanesTimeline *
golanes_document_get_timeline (GolanesDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->timeline;
}

GolanesGc *
golanes_document_get_gc (GolanesDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->gc;
}

GolanesMmu *
golanes_document_get_mmu (GolanesDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->mmu;
}

GolanesGoroutineSummary *
golanes_document_get_goroutine_summary (GolanesDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->goroutines;
}

GolanesBlocking *
golanes_document_get_blocking (GolanesDocument     *self,
                               GolanesBlockingKind  kind)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (self->blocking), NULL);
  return self->blocking[kind];
}

GolanesTasks *
golanes_document_get_tasks (GolanesDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->tasks;
}
