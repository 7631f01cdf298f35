/* golanes-analyses.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "golanes-document.h"

G_BEGIN_DECLS

/*
 * The analysis parts of a document (GC, goroutines, blocking) being
 * computed, each by its own read of the trace on a thread of its own, in
 * parallel with each other and with the timeline.  "part-done" is emitted
 * in the main context of the thread that called golanes_analyses_start()
 * when a part is ready or has failed (golanes_document_get_part_error());
 * never after golanes_analyses_cancel().
 */

#define GOLANES_TYPE_ANALYSES (golanes_analyses_get_type ())

G_DECLARE_FINAL_TYPE (GolanesAnalyses, golanes_analyses, GOLANES, ANALYSES, GObject)

GolanesAnalyses *golanes_analyses_new          (GolanesDocument *document);
/* Starts every analysis part that is not ready yet; once only. */
void             golanes_analyses_start        (GolanesAnalyses *self);
/* Thread-safe. */
void             golanes_analyses_cancel       (GolanesAnalyses *self);
GolanesDocument *golanes_analyses_get_document (GolanesAnalyses *self);
/* Whether every part has finished, ready or failed. */
gboolean         golanes_analyses_is_done      (GolanesAnalyses *self);

/* For --profile-startup and tests: the number of parts being computed in
 * the process, the time (g_get_monotonic_time()) the last one finished;
 * and, while held, analyses that start only once the hold is released. */
guint            _golanes_analyses_get_n_running      (void);
gint64           _golanes_analyses_get_last_done_usec (void);
void             _golanes_analyses_hold               (gboolean hold);
gboolean         _golanes_analyses_is_held            (void);

G_END_DECLS
