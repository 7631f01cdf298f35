/* golanes-analyses.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-analyses"

#include "config.h"

#include "golanes-analyses.h"
#include "golanes-memory.h"

struct _GolanesAnalyses
{
  GObject          parent_instance;

  GolanesDocument *document;
  GCancellable    *cancellable;
  gboolean         started;
  guint            pending;      /* mask of parts not finished */
};

G_DEFINE_FINAL_TYPE (GolanesAnalyses, golanes_analyses, G_TYPE_OBJECT)

enum {
  PART_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint n_running;
static gint64 last_done_usec;
/* Analyses held back by _golanes_analyses_hold(), main thread only. */
static gint holding;
static GPtrArray *held;

typedef struct
{
  GolanesAnalyses     *self;
  GolanesDocumentPart  part;
} PartClosure;

guint
_golanes_analyses_get_n_running (void)
{
  return (guint) g_atomic_int_get (&n_running);
}

gint64
_golanes_analyses_get_last_done_usec (void)
{
  return last_done_usec;
}

static void start_parts (GolanesAnalyses *self);

gboolean
_golanes_analyses_is_held (void)
{
  return g_atomic_int_get (&holding);
}

void
_golanes_analyses_hold (gboolean hold)
{
  g_atomic_int_set (&holding, hold);
  if (hold || held == NULL)
    return;
  for (guint i = 0; i < held->len; i++)
    start_parts (g_ptr_array_index (held, i));
  g_clear_pointer (&held, g_ptr_array_unref);
}

static void
part_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  PartClosure *closure = user_data;
  GolanesAnalyses *self = closure->self;
  g_autoptr(GError) error = NULL;
  gboolean cancelled;

  golanes_document_compute_part_finish (self->document, result, &error);
  cancelled = g_cancellable_is_cancelled (self->cancellable) ||
              g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  if (error != NULL && !cancelled)
    g_debug ("Could not compute a part of the trace: %s", error->message);

  self->pending &= ~GOLANES_DOCUMENT_PART_MASK (closure->part);
  last_done_usec = g_get_monotonic_time ();
  g_atomic_int_add (&n_running, -1);
  golanes_allocator_work_end ();
  if (!cancelled)
    g_signal_emit (self, signals[PART_DONE], 0, (guint) closure->part);

  g_object_unref (self);
  g_free (closure);
}

static void
start_part (GolanesAnalyses     *self,
            GolanesDocumentPart  part)
{
  PartClosure *closure = g_new0 (PartClosure, 1);

  closure->self = g_object_ref (self);
  closure->part = part;
  golanes_document_compute_part_async (self->document, part, self->cancellable, part_done_cb, closure);
}

static void
start_parts (GolanesAnalyses *self)
{
  for (guint part = 0; part < GOLANES_DOCUMENT_N_PARTS; part++)
    if (self->pending & GOLANES_DOCUMENT_PART_MASK (part))
      start_part (self, part);
}

void
golanes_analyses_start (GolanesAnalyses *self)
{
  g_return_if_fail (GOLANES_IS_ANALYSES (self));

  if (self->started || g_cancellable_is_cancelled (self->cancellable))
    return;
  self->started = TRUE;

  for (guint part = 0; part < GOLANES_DOCUMENT_N_PARTS; part++)
    if ((GOLANES_DOCUMENT_ANALYSIS_PARTS & GOLANES_DOCUMENT_PART_MASK (part)) != 0 &&
        !golanes_document_is_ready (self->document, part))
      {
        self->pending |= GOLANES_DOCUMENT_PART_MASK (part);
        g_atomic_int_inc (&n_running);
        golanes_allocator_work_begin ();
      }

  if (g_atomic_int_get (&holding))
    {
      if (held == NULL)
        held = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (held, g_object_ref (self));
    }
  else
    start_parts (self);
}

void
golanes_analyses_cancel (GolanesAnalyses *self)
{
  g_return_if_fail (GOLANES_IS_ANALYSES (self));

  g_cancellable_cancel (self->cancellable);
}

GolanesDocument *
golanes_analyses_get_document (GolanesAnalyses *self)
{
  g_return_val_if_fail (GOLANES_IS_ANALYSES (self), NULL);

  return self->document;
}

gboolean
golanes_analyses_is_done (GolanesAnalyses *self)
{
  g_return_val_if_fail (GOLANES_IS_ANALYSES (self), FALSE);

  return self->started && self->pending == 0;
}

static void
golanes_analyses_finalize (GObject *object)
{
  GolanesAnalyses *self = GOLANES_ANALYSES (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->document, golanes_document_unref);

  G_OBJECT_CLASS (golanes_analyses_parent_class)->finalize (object);
}

static void
golanes_analyses_class_init (GolanesAnalysesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = golanes_analyses_finalize;

  /**
   * GolanesAnalyses::part-done:
   * @part: the GolanesDocumentPart that is ready or failed
   */
  signals[PART_DONE] = g_signal_new ("part-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
golanes_analyses_init (GolanesAnalyses *self)
{
  self->cancellable = g_cancellable_new ();
}

GolanesAnalyses *
golanes_analyses_new (GolanesDocument *document)
{
  GolanesAnalyses *self;

  g_return_val_if_fail (document != NULL, NULL);

  self = g_object_new (GOLANES_TYPE_ANALYSES, NULL);
  self->document = golanes_document_ref (document);
  return self;
}
