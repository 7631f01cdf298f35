/* golanes-document.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "golanes-blocking.h"
#include "golanes-gate.h"
#include "golanes-gc.h"
#include "golanes-goroutine-summary.h"
#include "golanes-mmu.h"
#include "golanes-tasks.h"
#include "golanes-timeline.h"
#include "golanes-trace-reader.h"

G_BEGIN_DECLS

/*
 * A loaded trace: the timeline model and the analyses (GC, MMU, goroutine
 * summaries, the four blocking profiles, task and region latencies).  This
 * is what the viewer shows and what the CLI renders; it needs no display
 * and may be built on any thread, then handed to another.
 *
 * The document is made of parts (GolanesDocumentPart), each built by
 * streaming consumers with a stack table of its own.  Parts may be computed
 * together in one pass (golanes_document_load() computes them all) or each
 * by a read of its own, on any thread, concurrently with the others:
 * golanes_document_new_for_path() makes an empty document and
 * golanes_document_compute_part() fills one part in, publishing it under a
 * lock.  A part's getters return NULL (or 0) until golanes_document_is_ready()
 * says it is ready; once ready it never changes.
 *
 * A trace that breaks part-way (truncated, corrupt tail) still loads: the
 * document holds every event read before the error, golanes_document_get_
 * read_error() says what went wrong and golanes_document_get_lost_bytes()
 * how much of the file could not be used, the way `go tool trace` reports
 * "Lost X% of the latest trace data".
 */

typedef struct _GolanesDocument GolanesDocument;

/* A boxed type: g_boxed_copy() takes a reference, g_boxed_free() drops it. */
#define GOLANES_TYPE_DOCUMENT (golanes_document_get_type ())

GType            golanes_document_get_type        (void) G_GNUC_CONST;

typedef enum
{
  /* The timeline model, the event and generation counts, the read error
   * and lost bytes. */
  GOLANES_DOCUMENT_PART_TIMELINE,
  /* GC cycles and pauses, MMU. */
  GOLANES_DOCUMENT_PART_GC,
  /* Goroutine summaries and, built on them, task and region latencies. */
  GOLANES_DOCUMENT_PART_GOROUTINES,
  /* The four blocking profiles. */
  GOLANES_DOCUMENT_PART_BLOCKING,
} GolanesDocumentPart;

#define GOLANES_DOCUMENT_N_PARTS 4
#define GOLANES_DOCUMENT_PART_MASK(part) (1u << (part))
#define GOLANES_DOCUMENT_ALL_PARTS ((1u << GOLANES_DOCUMENT_N_PARTS) - 1)
#define GOLANES_DOCUMENT_ANALYSIS_PARTS (GOLANES_DOCUMENT_ALL_PARTS & \
                                         ~GOLANES_DOCUMENT_PART_MASK (GOLANES_DOCUMENT_PART_TIMELINE))

/* Called on the loading thread: @consumed of @total bytes of the file. */
typedef void (*GolanesDocumentProgress) (guint64  consumed,
                                         guint64  total,
                                         gpointer user_data);

GolanesDocument *golanes_document_load            (const char              *path,
                                                   GolanesDocumentProgress  progress,
                                                   gpointer                 progress_data,
                                                   GCancellable            *cancellable,
                                                   GError                 **error);
GolanesDocument *golanes_document_load_bytes      (GBytes                  *bytes,
                                                   GCancellable            *cancellable,
                                                   GError                 **error);
/* Only the timeline part; the others can then be computed. */
GolanesDocument *golanes_document_load_timeline   (const char              *path,
                                                   GolanesDocumentProgress  progress,
                                                   gpointer                 progress_data,
                                                   GCancellable            *cancellable,
                                                   GError                 **error);

/* A document with no part ready yet; nothing is read until a part is
 * computed.  A regular file is opened now and stays open: every part reads
 * its first golanes_document_get_file_size() bytes, so the parts agree
 * while a program still appends to it and whatever is renamed over @path;
 * a part computed after the file got shorter or was rewritten fails with
 * a G_FILE_ERROR saying so.  Anything else (missing, a FIFO, a folder)
 * fails when a part is computed. */
GolanesDocument *golanes_document_new_for_path    (const char              *path);
GolanesDocument *golanes_document_new_for_bytes   (GBytes                  *bytes);

/* Computes the parts in the mask @parts in one read of the document's file
 * or bytes, on the calling thread, and publishes them.  Parts already ready
 * are skipped; a part another thread is computing is waited for.  A trace
 * that breaks part-way still makes every part ready, from the same
 * complete generations.  Fails if the trace cannot be opened or on
 * cancellation (G_IO_ERROR_CANCELLED); the failure of anything but a
 * cancellation is kept as the parts' error
 * (golanes_document_get_part_error()).  @progress reports on the calling
 * thread. */
gboolean         golanes_document_compute_parts   (GolanesDocument         *self,
                                                   guint                    parts,
                                                   GolanesDocumentProgress  progress,
                                                   gpointer                 progress_data,
                                                   GCancellable            *cancellable,
                                                   GError                 **error);
gboolean         golanes_document_compute_part    (GolanesDocument         *self,
                                                   GolanesDocumentPart      part,
                                                   GCancellable            *cancellable,
                                                   GError                 **error);
/* Computes @part on a new thread of its own, at a lower CPU priority than
 * the caller's threads (so that the timeline keeps a core); @callback runs
 * in the thread-default main context of the caller. */
void             golanes_document_compute_part_async  (GolanesDocument     *self,
                                                       GolanesDocumentPart  part,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean         golanes_document_compute_part_finish (GolanesDocument     *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
gboolean         golanes_document_is_ready        (GolanesDocument         *self,
                                                   GolanesDocumentPart      part);
/* Why computing @part failed, or NULL. */
const GError    *golanes_document_get_part_error  (GolanesDocument         *self,
                                                   GolanesDocumentPart      part);

/* Streaming the timeline part.  Set before the part is computed: the
 * thread that computes it then holds the document's gate while it models
 * the trace, yielding to readers between events; at each generation's end
 * and every @interval_usec (checked every 1024 events) it makes the
 * timeline built so far visible through golanes_document_get_timeline()
 * and calls @publish.  @publish runs on that thread inside the gate: it
 * must not wait for a reader (post to a main loop instead).  Readers enter
 * the gate with golanes_gate_read_enter() around every use of the timeline
 * (and of anything got from it) until the part is ready. */
typedef void (*GolanesDocumentPublish) (GolanesDocument *document,
                                        gpointer         user_data);

void             golanes_document_set_streaming   (GolanesDocument        *self,
                                                   gint64                  interval_usec,
                                                   GolanesDocumentPublish  publish,
                                                   gpointer                user_data);
/* Whether a pass that computes the timeline also computes the analysis
 * parts nobody computes yet, each group on a thread of its own reading the
 * timeline's decoding of the trace (with a threaded reader only).  The
 * pass returns once the timeline is ready; the analyses are published as
 * they finish.  Off by default. */
void             golanes_document_set_analyses_with_timeline (GolanesDocument *self,
                                                              gboolean         with_timeline);
GolanesGate     *golanes_document_get_gate        (GolanesDocument *self);
/* TRUE from the first publish of a streaming load until its timeline part
 * is ready. */
gboolean         golanes_document_is_loading      (GolanesDocument *self);
/* The bytes of the file up to the end of the generation being modelled
 * (inside the gate while loading); once ready, the valid bytes. */
guint64          golanes_document_get_loaded_bytes (GolanesDocument *self);

GolanesDocument *golanes_document_ref             (GolanesDocument *self);
/* Waits until every thread the document started to feed its analyses
 * has ended (they hold a reference to it while they run); nothing needs
 * to, but a caller that must know they are gone (a test, a fuzzer) can. */
void             golanes_document_join_workers    (GolanesDocument *self);
/* For tests: documents made and not yet freed in this process. */
guint            _golanes_document_get_n_alive    (void);
void             golanes_document_unref           (GolanesDocument *self);

guint            golanes_document_get_go_minor    (GolanesDocument *self);
guint64          golanes_document_get_file_size   (GolanesDocument *self);
guint64          golanes_document_get_n_events    (GolanesDocument *self);
guint            golanes_document_get_n_generations (GolanesDocument *self);
/* The error that ended reading early, or NULL for a complete trace. */
const GError    *golanes_document_get_read_error  (GolanesDocument *self);
guint64          golanes_document_get_lost_bytes  (GolanesDocument *self);

/* The timeline once its part is ready; while a streaming load computes it
 * (golanes_document_set_streaming()), the part of it loaded so far, to be
 * read only inside the document's gate. */
GolanesTimeline *golanes_document_get_timeline    (GolanesDocument *self);
GolanesGc       *golanes_document_get_gc          (GolanesDocument *self);
/* The MMU with the /mmu page's default flags (STW, background, assist). */
GolanesMmu      *golanes_document_get_mmu         (GolanesDocument *self);
/* Go's per-goroutine summaries (the goroutine analysis pages). */
GolanesGoroutineSummary *golanes_document_get_goroutine_summary (GolanesDocument *self);
/* The blocking profile of `go tool trace -pprof=KIND`; its stacks are in
 * its own stack table (golanes_blocking_get_stack_table()), shared by the
 * four profiles but not with the timeline. */
GolanesBlocking *golanes_document_get_blocking    (GolanesDocument     *self,
                                                   GolanesBlockingKind  kind);
GolanesTasks    *golanes_document_get_tasks       (GolanesDocument *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GolanesDocument, golanes_document_unref)

G_END_DECLS
