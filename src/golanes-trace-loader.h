/* golanes-trace-loader.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "golanes-analyses.h"
#include "golanes-document.h"
#include "golanes-trace-header.h"

G_BEGIN_DECLS

#define GOLANES_TYPE_TRACE_SUMMARY (golanes_trace_summary_get_type ())

/* What happened to the file while it was read, for a trace that ends
 * in an error. */
typedef enum
{
  GOLANES_TRACE_FILE_UNCHANGED,
  GOLANES_TRACE_FILE_GROWING,   /* it grew, or was written a moment ago */
  GOLANES_TRACE_FILE_CHANGED,   /* it got shorter or was rewritten */
} GolanesTraceFileState;

/* A loaded trace: what the file is, and the parsed document. */
typedef struct
{
  GFile              *file;
  char               *display_name;
  char               *folder;       /* parse name of the parent, or NULL */
  goffset             size;
  guint               go_minor;
  GolanesTraceFormat  format;
  /* Its timeline part is ready; the analysis parts are computed by
   * @analyses, started when the timeline's load was. */
  GolanesDocument    *document;
  GolanesAnalyses    *analyses;
  /* Set once the load ends with a read error. */
  GolanesTraceFileState file_state;
} GolanesTraceSummary;

/* Called on the main thread while a load runs. */
typedef void (*GolanesTraceLoaderProgress) (goffset  bytes_read,
                                            goffset  total_bytes,
                                            gpointer user_data);
/* Called on the main thread when more of the timeline is in: the first
 * time after its first generation, then as it grows (see
 * golanes_document_set_streaming()); @summary is the one the load will
 * return, its document still loading.  The main thread holds the
 * document's gate (golanes-main-gate.h) from the first call on. */
typedef void (*GolanesTraceLoaderPublished) (const GolanesTraceSummary *summary,
                                             gpointer                   user_data);

GType                golanes_trace_summary_get_type       (void) G_GNUC_CONST;
GolanesTraceSummary *golanes_trace_summary_copy           (const GolanesTraceSummary *summary);
void                 golanes_trace_summary_free           (GolanesTraceSummary       *summary);
char                *golanes_trace_summary_dup_go_version (const GolanesTraceSummary *summary);
const char          *golanes_trace_summary_get_format_name (const GolanesTraceSummary *summary);

void                 golanes_trace_loader_load_async      (GFile                      *file,
                                                           GCancellable               *cancellable,
                                                           GolanesTraceLoaderProgress  progress,
                                                           GolanesTraceLoaderPublished published,
                                                           gpointer                    progress_data,
                                                           GDestroyNotify              progress_destroy,
                                                           GAsyncReadyCallback         callback,
                                                           gpointer                    user_data);
GolanesTraceSummary *golanes_trace_loader_load_finish     (GAsyncResult               *result,
                                                           GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GolanesTraceSummary, golanes_trace_summary_free)

G_END_DECLS
