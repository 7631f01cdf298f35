/* golanes-document.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "golanes-blocking.h"
#include "golanes-gc.h"
#include "golanes-goroutine-summary.h"
#include "golanes-mmu.h"
#include "golanes-tasks.h"
#include "golanes-timeline.h"
#include "golanes-trace-reader.h"

G_BEGIN_DECLS

/*
 * A loaded trace: the timeline model and the analyses (GC, MMU, goroutine
 * summaries, the four blocking profiles, task and region latencies), all
 * built in one pass over the reader's event stream and sharing one stack
 * table.  This is what the viewer shows and
 * what the CLI renders; it needs no display and may be built on any
 * thread, then handed to another.
 *
 * A trace that breaks part-way (truncated, corrupt tail) still loads: the
 * document holds every event read before the error, golanes_document_get_
 * read_error() says what went wrong and golanes_document_get_lost_bytes()
 * how much of the file could not be used, the way `go tool trace` reports
 * "Lost X% of the latest trace data".
 */

typedef struct _GolanesDocument GolanesDocument;

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
GolanesDocument *golanes_document_ref             (GolanesDocument *self);
void             golanes_document_unref           (GolanesDocument *self);

guint            golanes_document_get_go_minor    (GolanesDocument *self);
guint64          golanes_document_get_file_size   (GolanesDocument *self);
guint64          golanes_document_get_n_events    (GolanesDocument *self);
guint            golanes_document_get_n_generations (GolanesDocument *self);
/* The error that ended reading early, or NULL for a complete trace. */
const GError    *golanes_document_get_read_error  (GolanesDocument *self);
guint64          golanes_document_get_lost_bytes  (GolanesDocument *self);

GolanesTimeline *golanes_document_get_timeline    (GolanesDocument *self);
GolanesGc       *golanes_document_get_gc          (GolanesDocument *self);
/* The MMU with the /mmu page's default flags (STW, background, assist). */
GolanesMmu      *golanes_document_get_mmu         (GolanesDocument *self);
/* Go's per-goroutine summaries (the goroutine analysis pages). */
GolanesGoroutineSummary *golanes_document_get_goroutine_summary (GolanesDocument *self);
/* The blocking profile of `go tool trace -pprof=KIND`; its stacks are in
 * the timeline's stack table. */
GolanesBlocking *golanes_document_get_blocking    (GolanesDocument     *self,
                                                   GolanesBlockingKind  kind);
GolanesTasks    *golanes_document_get_tasks       (GolanesDocument *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GolanesDocument, golanes_document_unref)

G_END_DECLS
