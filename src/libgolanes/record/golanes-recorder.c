/* golanes-recorder.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "golanes-recorder.h"
#include "golanes-trace-header.h"
#include "golanes-trace-reader.h"

/* See the header.  The HTTP is the little a pprof endpoint needs: one GET,
 * the status line and headers, then the body as it streams in. */

G_DEFINE_QUARK (golanes-record-error-quark, golanes_record_error)

/* Header lines and chunk-size lines longer than this are not HTTP. */
#define MAX_LINE 8192
/* How much of an error answer is read for its message. */
#define MAX_ERROR_BODY 4096
/* Go's trace header is 16 bytes. */
#define HEADER_LEN 16

static const char endpoint_hint[] = "is this the pprof trace endpoint (/debug/pprof/trace)?";

char *
golanes_record_build_url (const char  *url,
                          guint        seconds,
                          GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GString) query = NULL;
  const char *scheme, *q;

  g_return_val_if_fail (url != NULL, NULL);

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED_QUERY | G_URI_FLAGS_ENCODED_PATH, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      g_set_error (error, GOLANES_RECORD_ERROR, GOLANES_RECORD_ERROR_BAD_URL,
                   "“%s” is not an http or https URL (such as http://localhost:6060/debug/pprof/trace)", url);
      return NULL;
    }
  q = g_uri_get_query (uri);
  query = g_string_new (q);
  if (seconds > 0)
    {
      gboolean has = FALSE;

      if (q != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (q, "&", -1);

          for (guint i = 0; parts[i] != NULL; i++)
            if (g_str_has_prefix (parts[i], "seconds="))
              has = TRUE;
        }
      if (!has)
        g_string_append_printf (query, "%sseconds=%u", query->len > 0 ? "&" : "", seconds);
    }
  return g_uri_join (G_URI_FLAGS_ENCODED_QUERY | G_URI_FLAGS_ENCODED_PATH, g_uri_get_scheme (uri),
                     g_uri_get_userinfo (uri), g_uri_get_host (uri), g_uri_get_port (uri),
                     g_uri_get_path (uri)[0] != '\0' ? g_uri_get_path (uri) : "/",
                     query->len > 0 ? query->str : NULL, NULL);
}

/* A line ended by LF (a CR before it dropped), or NULL at the end. */
static char *
read_line (GDataInputStream *in,
           GCancellable     *cancellable,
           GError          **error)
{
  gsize len = 0;
  char *line = g_data_input_stream_read_upto (in, "\n", 1, &len, cancellable, error);

  if (line == NULL)
    return NULL;
  if (len > MAX_LINE)
    {
      g_free (line);
      g_set_error (error, GOLANES_RECORD_ERROR, GOLANES_RECORD_ERROR_NOT_A_TRACE,
                   "the server's answer is not HTTP (a line of %" G_GSIZE_FORMAT " bytes)", len);
      return NULL;
    }
  /* The LF itself. */
  if (g_data_input_stream_read_byte (in, cancellable, NULL) != '\n')
    {
      /* End of stream right after the text: a last, unterminated line. */
    }
  if (len > 0 && line[len - 1] == '\r')
    line[len - 1] = '\0';
  return line;
}

/* What the start of a body looks like, for a message: printable ASCII,
 * the rest escaped. */
static char *
describe_bytes (const guint8 *data,
                gsize         len)
{
  GString *s = g_string_new (NULL);

  for (gsize i = 0; i < len && i < 24; i++)
    {
      if (data[i] >= 0x20 && data[i] < 0x7f && data[i] != '"' && data[i] != '\\')
        g_string_append_c (s, (char) data[i]);
      else
        g_string_append_printf (s, "\\x%02x", data[i]);
    }
  return g_string_free (s, FALSE);
}

typedef struct
{
  GDataInputStream *in;
  GCancellable     *cancellable;
  gboolean          chunked;
  gint64            remaining;   /* Content-Length left, -1: until the end */
  gint64            chunk_left;  /* of the current chunk; -1: read its size */
  gboolean          done;        /* the body ended as its framing says */
} Body;

/* Reads up to @len bytes of the body: > 0, 0 at its proper end, -1 on an
 * error (the connection dropped: @error set, or a framing problem). */
static gssize
body_read (Body   *b,
           guint8 *buf,
           gsize   len,
           GError **error)
{
  gssize n;

  if (b->done)
    return 0;
  if (b->chunked)
    {
      if (b->chunk_left <= 0)
        {
          g_autofree char *line = NULL;
          char *end = NULL;
          guint64 size;

          if (b->chunk_left == 0)
            {
              /* The CRLF after a chunk. */
              g_autofree char *crlf = read_line (b->in, b->cancellable, error);

              if (crlf == NULL)
                return -1;
            }
          line = read_line (b->in, b->cancellable, error);
          if (line == NULL)
            return -1;
          size = g_ascii_strtoull (line, &end, 16);
          if (end == line)
            {
              g_set_error (error, GOLANES_RECORD_ERROR, GOLANES_RECORD_ERROR_IO,
                           "the server's answer is not valid HTTP (a chunk size of “%s”)", line);
              return -1;
            }
          if (size == 0)
            {
              b->done = TRUE;
              return 0;
            }
          b->chunk_left = (gint64) MIN (size, (guint64) G_MAXINT64);
        }
      len = (gsize) MIN ((gint64) len, b->chunk_left);
    }
  else if (b->remaining >= 0)
    {
      if (b->remaining == 0)
        {
          b->done = TRUE;
          return 0;
        }
      len = (gsize) MIN ((gint64) len, b->remaining);
    }

  n = g_input_stream_read (G_INPUT_STREAM (b->in), buf, len, b->cancellable, error);
  if (n < 0)
    return -1;
  if (n == 0)
    {
      if (!b->chunked && b->remaining < 0)
        {
          b->done = TRUE;   /* ended by the connection, as announced */
          return 0;
        }
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED, "the connection closed early");
      return -1;
    }
  if (b->chunked)
    b->chunk_left -= n;
  else if (b->remaining >= 0)
    b->remaining -= n;
  return n;
}

static gboolean
set_connect_error (GError     **error,
                   GError      *local,
                   const char  *host,
                   guint16      port)
{
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    g_set_error (error, GOLANES_RECORD_ERROR, GOLANES_RECORD_ERROR_CONNECT,
                 "nothing is listening at %s:%u (connection refused): is the service running, "
                 "with net/http/pprof on that port?", host, port);
  else if (local->domain == G_RESOLVER_ERROR)
    g_set_error (error, GOLANES_RECORD_ERROR, GOLANES_RECORD_ERROR_CONNECT,
                 "cannot find the host %s: %s", host, local->message);
  else if (local->domain == G_TLS_ERROR)
    g_set_error (error, GOLANES_RECORD_ERROR, GOLANES_RECORD_ERROR_CONNECT,
                 "the secure connection to %s:%u failed: %s", host, port, local->message);
  else
    g_set_error (error, GOLANES_RECORD_ERROR, GOLANES_RECORD_ERROR_CONNECT,
                 "cannot connect to %s:%u: %s", host, port, local->message);
  g_error_free (local);
  return FALSE;
}

gboolean
golanes_record (const char            *url,
                guint                  seconds,
                const char            *path,
                GCancellable          *cancellable,
                GolanesRecordProgress  progress,
                gpointer               progress_data,
                guint64               *bytes_out,
                gboolean              *truncated_out,
                GError               **error)
{
  g_autofree char *full = NULL;
  g_autofree char *request = NULL;
  g_autofree char *part = NULL;
  g_autofree char *status_line = NULL;
  g_autofree char *content_type = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GSocketClient) client = NULL;
  g_autoptr(GSocketConnection) conn = NULL;
  g_autoptr(GDataInputStream) in = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GFile) part_file = NULL;
  g_autoptr(GError) local = NULL;
  GError *conn_error = NULL;
  const char *host, *scheme;
  gboolean https, chunked = FALSE, truncated = FALSE, ok = FALSE;
  gint64 content_length = -1;
  guint16 port;
  int status = 0;
  guint64 written = 0;
  guint8 buf[65536];
  guint8 head[HEADER_LEN];
  gsize head_len = 0;
  Body body;

  if (bytes_out != NULL)
    *bytes_out = 0;
  if (truncated_out != NULL)
    *truncated_out = FALSE;

  full = golanes_record_build_url (url, seconds, error);
  if (full == NULL)
    return FALSE;
  uri = g_uri_parse (full, G_URI_FLAGS_ENCODED_QUERY | G_URI_FLAGS_ENCODED_PATH, error);
  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  https = g_ascii_strcasecmp (scheme, "https") == 0;
  host = g_uri_get_host (uri);
  port = (guint16) (g_uri_get_port (uri) > 0 ? g_uri_get_port (uri) : https ? 443 : 80);

  client = g_socket_client_new ();
  g_socket_client_set_tls (client, https);
  /* Reads wait through the whole recording: the service writes as its
   * trace buffers fill, and may say nothing for a while. */
  g_socket_client_set_timeout (client, seconds + 30);
  conn = g_socket_client_connect_to_host (client, host, port, cancellable, &conn_error);
  if (conn == NULL)
    return set_connect_error (error, conn_error, host, port);

  request = g_strdup_printf ("GET %s%s%s HTTP/1.1\r\n"
                             "Host: %s:%u\r\n"
                             "User-Agent: Golanes/" PACKAGE_VERSION "\r\n"
                             "Accept: */*\r\n"
                             "Connection: close\r\n"
                             "\r\n",
                             g_uri_get_path (uri), g_uri_get_query (uri) != NULL ? "?" : "",
                             g_uri_get_query (uri) != NULL ? g_uri_get_query (uri) : "",
                             host, port);
  if (!g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (conn)), request, strlen (request),
                                  NULL, cancellable, &local))
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, GOLANES_RECORD_ERROR, GOLANES_RECORD_ERROR_CONNECT,
                     "cannot send the request to %s:%u: %s", host, port, local->message);
      return FALSE;
    }

  in = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (conn)));
  g_buffered_input_stream_set_buffer_size (G_BUFFERED_INPUT_STREAM (in), 65536);

  /* The status line and the headers. */
  status_line = read_line (in, cancellable, &local);
  if (status_line == NULL || !g_str_has_prefix (status_line, "HTTP/1.") || strlen (status_line) < 12)
    {
      if (local != NULL && g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, GOLANES_RECORD_ERROR, GOLANES_RECORD_ERROR_NOT_A_TRACE,
                     "%s:%u did not answer with HTTP%s%s", host, port,
                     local != NULL ? ": " : "", local != NULL ? local->message : "");
      return FALSE;
    }
  status = atoi (status_line + 9);
  for (;;)
    {
      g_autofree char *line = read_line (in, cancellable, &local);
      char *colon;

      if (line == NULL)
        {
          if (local != NULL && g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local));
          else
            g_set_error (error, GOLANES_RECORD_ERROR, GOLANES_RECORD_ERROR_IO,
                         "the connection to %s:%u closed in the middle of the answer's headers", host, port);
          return FALSE;
        }
      if (line[0] == '\0')
        break;
      colon = strchr (line, ':');
      if (colon == NULL)
        continue;
      *colon = '\0';
      g_strstrip (colon + 1);
      if (g_ascii_strcasecmp (line, "Content-Length") == 0)
        content_length = g_ascii_strtoll (colon + 1, NULL, 10);
      else if (g_ascii_strcasecmp (line, "Transfer-Encoding") == 0 && strstr (colon + 1, "chunked") != NULL)
        chunked = TRUE;
      else if (g_ascii_strcasecmp (line, "Content-Type") == 0)
        {
          g_free (content_type);
          content_type = g_strdup (colon + 1);
        }
    }

  body = (Body) { in, cancellable, chunked, chunked ? -1 : content_length, -1, FALSE };

  if (status != 200)
    {
      /* The first line of what the server said, for the message. */
      GString *text = g_string_new (NULL);
      g_autofree char *first = NULL;
      const char *reason = strlen (status_line) > 13 ? status_line + 13 : "";

      while (text->len < MAX_ERROR_BODY)
        {
          gssize n = body_read (&body, buf, MIN (sizeof buf, MAX_ERROR_BODY - text->len), NULL);

          if (n <= 0)
            break;
          g_string_append_len (text, (const char *) buf, n);
        }
      first = g_strdup (text->str);
      g_strstrip (first);
      if (strchr (first, '\n') != NULL)
        *strchr (first, '\n') = '\0';
      g_string_free (text, TRUE);
      if (status == 500 && g_str_has_prefix (first, "Could not enable tracing"))
        g_set_error (error, GOLANES_RECORD_ERROR, GOLANES_RECORD_ERROR_ALREADY_TRACING,
                     "the service could not start tracing: “%s”: tracing is already enabled in it "
                     "(another recording, or the service's own trace.Start); Go records one trace at a time",
                     first);
      else if (status == 404)
        g_set_error (error, GOLANES_RECORD_ERROR, GOLANES_RECORD_ERROR_HTTP,
                     "the server answered 404 %s for %s: %s", reason, g_uri_get_path (uri), endpoint_hint);
      else
        g_set_error (error, GOLANES_RECORD_ERROR, GOLANES_RECORD_ERROR_HTTP,
                     "the server answered %d %s%s%s", status, reason,
                     first[0] != '\0' ? ": " : "", first);
      return FALSE;
    }
  if (content_type != NULL && g_str_has_prefix (content_type, "text/html"))
    {
      g_set_error (error, GOLANES_RECORD_ERROR, GOLANES_RECORD_ERROR_NOT_A_TRACE,
                   "the server sent an HTML page, not a trace: %s", endpoint_hint);
      return FALSE;
    }

  /* The first bytes say whether it is a trace at all. */
  while (head_len < HEADER_LEN)
    {
      gssize n = body_read (&body, head + head_len, HEADER_LEN - head_len, &local);

      if (n < 0)
        {
          if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          break;
        }
      if (n == 0)
        break;
      head_len += (gsize) n;
    }
  {
    GolanesTraceHeader hdr;

    if (head_len < HEADER_LEN || !golanes_trace_header_parse (head, head_len, &hdr, NULL))
      {
        g_autofree char *start = describe_bytes (head, head_len);

        if (head_len > 0 && (head[0] == '<' || (head_len > 1 && head[1] == '<')))
          g_set_error (error, GOLANES_RECORD_ERROR, GOLANES_RECORD_ERROR_NOT_A_TRACE,
                       "the server sent an HTML page, not a trace: %s", endpoint_hint);
        else if (head_len == 0)
          g_set_error (error, GOLANES_RECORD_ERROR, GOLANES_RECORD_ERROR_NOT_A_TRACE,
                       "the server's answer is empty, not a Go execution trace: %s", endpoint_hint);
        else
          g_set_error (error, GOLANES_RECORD_ERROR, GOLANES_RECORD_ERROR_NOT_A_TRACE,
                       "the server's answer is not a Go execution trace (it begins with “%s”): %s",
                       start, endpoint_hint);
        return FALSE;
      }
  }

  /* Into a file beside @path, renamed once done. */
  part = g_strconcat (path, ".part", NULL);
  part_file = g_file_new_for_path (part);
  out = g_file_replace (part_file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, &local);
  if (out == NULL)
    {
      g_set_error (error, GOLANES_RECORD_ERROR, GOLANES_RECORD_ERROR_IO, "cannot write %s: %s", path, local->message);
      return FALSE;
    }
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), head, head_len, NULL, cancellable, &local))
    goto write_failed;
  written = head_len;
  if (progress != NULL)
    progress (written, progress_data);

  for (;;)
    {
      gssize n = body_read (&body, buf, sizeof buf, &local);

      if (n == 0)
        break;
      if (n < 0)
        {
          if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            goto cancelled;
          /* A trace has begun: keep what arrived. */
          truncated = TRUE;
          g_clear_error (&local);
          break;
        }
      if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), buf, (gsize) n, NULL, cancellable, &local))
        goto write_failed;
      written += (guint64) n;
      if (progress != NULL)
        progress (written, progress_data);
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &local))
    goto write_failed;
  /* A body ended by the connection, or one that ended early but framed
   * as complete, says nothing of the trace: read it to its end. */
  if (!truncated)
    {
      g_autoptr(GolanesTraceReader) r = golanes_trace_reader_new_for_path (part, &local);
      GolanesEvent ev;

      if (r != NULL)
        {
          golanes_trace_reader_set_cancellable (r, cancellable);
          while (golanes_trace_reader_next (r, &ev, &local))
            ;
        }
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_unlink (part);
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      truncated = local != NULL;
      g_clear_error (&local);
    }
  if (g_rename (part, path) != 0)
    {
      int saved = errno;

      g_set_error (error, GOLANES_RECORD_ERROR, GOLANES_RECORD_ERROR_IO, "cannot write %s: %s", path,
                   g_strerror (saved));
      g_unlink (part);
      return FALSE;
    }
  ok = TRUE;
  if (bytes_out != NULL)
    *bytes_out = written;
  if (truncated_out != NULL)
    *truncated_out = truncated;
  return ok;

write_failed:
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    goto cancelled;
  g_set_error (error, GOLANES_RECORD_ERROR, GOLANES_RECORD_ERROR_IO, "cannot write %s: %s", path, local->message);
  g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
  g_unlink (part);
  return FALSE;

cancelled:
  g_propagate_error (error, g_steal_pointer (&local));
  g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
  g_unlink (part);
  return FALSE;
}

typedef struct
{
  char                  *url;
  guint                  seconds;
  char                  *path;
  GolanesRecordProgress  progress;
  gpointer               progress_data;
  guint64                bytes;
  gboolean               truncated;
} RecordTask;

static void
record_task_free (RecordTask *t)
{
  g_free (t->url);
  g_free (t->path);
  g_free (t);
}

static void
record_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  RecordTask *t = data;
  GError *error = NULL;

  if (golanes_record (t->url, t->seconds, t->path, cancellable, t->progress, t->progress_data,
                      &t->bytes, &t->truncated, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
golanes_record_async (const char            *url,
                      guint                  seconds,
                      const char            *path,
                      GCancellable          *cancellable,
                      GolanesRecordProgress  progress,
                      gpointer               progress_data,
                      GAsyncReadyCallback    callback,
                      gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  RecordTask *t = g_new0 (RecordTask, 1);

  t->url = g_strdup (url);
  t->seconds = seconds;
  t->path = g_strdup (path);
  t->progress = progress;
  t->progress_data = progress_data;
  g_task_set_source_tag (task, golanes_record_async);
  g_task_set_task_data (task, t, (GDestroyNotify) record_task_free);
  g_task_run_in_thread (task, record_thread);
}

gboolean
golanes_record_finish (GAsyncResult *result,
                       guint64      *bytes,
                       gboolean     *truncated,
                       GError      **error)
{
  RecordTask *t = g_task_get_task_data (G_TASK (result));

  if (bytes != NULL)
    *bytes = t->bytes;
  if (truncated != NULL)
    *truncated = t->truncated;
  return g_task_propagate_boolean (G_TASK (result), error);
}
