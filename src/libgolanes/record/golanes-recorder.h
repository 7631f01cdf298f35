/* golanes-recorder.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Recording a trace from a running Go service: an HTTP GET of its
 * net/http/pprof trace endpoint ("http://localhost:6060/debug/pprof/trace",
 * with "seconds=N" added to the query when @seconds is not 0) or of a
 * handler that writes a flight-recorder snapshot (@seconds 0: fetched once).
 * The body is streamed into a file next to @path and renamed to @path once
 * it is known to be a trace; on an error nothing is left at @path.  A
 * connection that drops after a trace has begun leaves what arrived at
 * @path, a truncated trace: *@truncated is then TRUE and the call succeeds.
 *
 * Plain GIO (GSocketClient, and its TLS for https, from glib-networking):
 * HTTP/1.1 with "Connection: close", bodies sized by Content-Length, chunked
 * or ended by the connection.  Errors are GOLANES_RECORD_ERROR with a
 * message for the user; G_IO_ERROR_CANCELLED when cancelled.
 */

#define GOLANES_RECORD_ERROR (golanes_record_error_quark ())

typedef enum
{
  GOLANES_RECORD_ERROR_BAD_URL,         /* not an http or https URL */
  GOLANES_RECORD_ERROR_CONNECT,         /* nothing listening, no such host, TLS */
  GOLANES_RECORD_ERROR_HTTP,            /* an HTTP status other than 200 */
  GOLANES_RECORD_ERROR_ALREADY_TRACING, /* the service traces already */
  GOLANES_RECORD_ERROR_NOT_A_TRACE,     /* an HTML page, or other bytes */
  GOLANES_RECORD_ERROR_IO,              /* reading or writing failed */
} GolanesRecordError;

GQuark golanes_record_error_quark (void);

/* Called on the recording thread as bytes arrive. */
typedef void (*GolanesRecordProgress) (guint64  bytes,
                                       gpointer user_data);

/* The URL that is fetched: @url with "seconds=@seconds" in its query
 * unless @seconds is 0 or it has one; NULL and an error if @url is not
 * an http or https URL. */
char    *golanes_record_build_url (const char  *url,
                                   guint        seconds,
                                   GError     **error);

/* Records synchronously (blocking; the CLI, and the thread of
 * golanes_record_async()).  *@bytes: the bytes written. */
gboolean golanes_record          (const char             *url,
                                  guint                   seconds,
                                  const char             *path,
                                  GCancellable           *cancellable,
                                  GolanesRecordProgress   progress,
                                  gpointer                progress_data,
                                  guint64                *bytes,
                                  gboolean               *truncated,
                                  GError                **error);

void     golanes_record_async    (const char             *url,
                                  guint                   seconds,
                                  const char             *path,
                                  GCancellable           *cancellable,
                                  GolanesRecordProgress   progress,
                                  gpointer                progress_data,
                                  GAsyncReadyCallback     callback,
                                  gpointer                user_data);
gboolean golanes_record_finish   (GAsyncResult           *result,
                                  guint64                *bytes,
                                  gboolean               *truncated,
                                  GError                **error);

G_END_DECLS
