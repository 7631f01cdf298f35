/* golanes-trace-loader.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-trace-loader"

#include "config.h"

#include <glib/gi18n.h>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "golanes-error.h"
#include "golanes-main-gate.h"
#include "golanes-memory.h"
#include "golanes-trace-loader-private.h"

/* Loading runs in a GTask thread: it checks what the file is, probes the
 * header for a clear error on anything that is not a readable trace, then
 * parses the trace into a GolanesDocument (the timeline model and the
 * analyses) with progress after each generation.  The timeline streams:
 * from its first generation on, the main thread is shown the document
 * (the "published" callback) and holds its gate until the load ends. */

#define SNIFF_SIZE 4096
/* A trace file written this recently may still be being written. */
#define RECENT_USEC (5 * G_USEC_PER_SEC)
/* How often a streaming load shows more: ten times a second. */
#define PUBLISH_INTERVAL (100 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  GFile                      *file;
  GolanesTraceLoaderProgress  progress;
  GolanesTraceLoaderPublished published;
  gpointer                    progress_data;
  GDestroyNotify              progress_destroy;
  /* Made by the thread before the timeline streams, then read-only; the
   * main thread's from the first publish on. */
  GolanesTraceSummary        *summary;
  gboolean                    held;       /* main thread: holds the gate */
} LoadData;

typedef struct
{
  GTask   *task;
  goffset  bytes_read;
  goffset  total_bytes;
} ProgressUpdate;

typedef struct
{
  GTask        *task;
  GCancellable *cancellable;
  guint         delay_msec;
  gint64        start_usec;
  gint64        last_post_usec;
} ParseState;

static guint throttle_delay_msec;

G_DEFINE_BOXED_TYPE (GolanesTraceSummary, golanes_trace_summary,
                     golanes_trace_summary_copy, golanes_trace_summary_free)

void
_golanes_trace_loader_set_throttle (guint delay_msec)
{
  g_atomic_int_set (&throttle_delay_msec, delay_msec);
}

/* Test hook: holds a load back before it parses and after each generation,
 * waking up for cancellation. Returns FALSE once cancelled. */
static gboolean
throttle_sleep (guint         delay_msec,
                GCancellable *cancellable)
{
  for (guint slept = 0; slept < delay_msec; slept += 10)
    {
      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;
      g_usleep (10 * G_TIME_SPAN_MILLISECOND);
    }
  return !g_cancellable_is_cancelled (cancellable);
}

GolanesTraceSummary *
golanes_trace_summary_copy (const GolanesTraceSummary *summary)
{
  GolanesTraceSummary *copy;

  g_return_val_if_fail (summary != NULL, NULL);

  copy = g_new0 (GolanesTraceSummary, 1);
  *copy = *summary;
  copy->file = g_object_ref (summary->file);
  copy->display_name = g_strdup (summary->display_name);
  copy->folder = g_strdup (summary->folder);
  copy->document = summary->document != NULL ? golanes_document_ref (summary->document) : NULL;
  copy->analyses = summary->analyses != NULL ? g_object_ref (summary->analyses) : NULL;

  return copy;
}

void
golanes_trace_summary_free (GolanesTraceSummary *summary)
{
  if (summary == NULL)
    return;

  g_clear_object (&summary->file);
  g_clear_pointer (&summary->display_name, g_free);
  g_clear_pointer (&summary->folder, g_free);
  g_clear_pointer (&summary->document, golanes_document_unref);
  g_clear_object (&summary->analyses);
  g_free (summary);
}

/**
 * golanes_trace_summary_dup_go_version:
 *
 * Returns: (transfer full): the Go release that wrote the trace, such as "Go 1.26"
 */
char *
golanes_trace_summary_dup_go_version (const GolanesTraceSummary *summary)
{
  g_return_val_if_fail (summary != NULL, NULL);

  /* Translators: %u is the minor version of a Go release, as in "Go 1.26" */
  return g_strdup_printf (_("Go 1.%u"), summary->go_minor);
}

const char *
golanes_trace_summary_get_format_name (const GolanesTraceSummary *summary)
{
  g_return_val_if_fail (summary != NULL, NULL);

  switch (summary->format)
    {
    case GOLANES_TRACE_FORMAT_V2:
      return _("Generational (Go 1.22 and later)");

    case GOLANES_TRACE_FORMAT_LEGACY:
      return _("Legacy (Go 1.21 and earlier)");

    case GOLANES_TRACE_FORMAT_UNKNOWN:
    default:
      return _("Unknown");
    }
}

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  if (load->progress_destroy != NULL)
    load->progress_destroy (load->progress_data);
  g_clear_pointer (&load->summary, golanes_trace_summary_free);
  g_clear_object (&load->file);
  g_free (load);
}

static gboolean
progress_update_dispatch (gpointer data)
{
  ProgressUpdate *update = data;
  LoadData *load = g_task_get_task_data (update->task);

  /* A cancelled load no longer has anyone to report to: the receiver may
   * already be disposed. */
  if (!g_cancellable_is_cancelled (g_task_get_cancellable (update->task)) &&
      load->progress != NULL)
    load->progress (update->bytes_read, update->total_bytes, load->progress_data);

  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  g_clear_object (&update->task);
  g_free (update);
}

static void
post_progress (GTask   *task,
               goffset  bytes_read,
               goffset  total_bytes)
{
  ProgressUpdate *update;

  update = g_new0 (ProgressUpdate, 1);
  update->task = g_object_ref (task);
  update->bytes_read = bytes_read;
  update->total_bytes = total_bytes;

  g_main_context_invoke_full (g_task_get_context (task),
                              G_PRIORITY_DEFAULT,
                              progress_update_dispatch,
                              update,
                              progress_update_free);
}

/* On the main thread: the timeline grew. */
static gboolean
published_dispatch (gpointer data)
{
  GTask *task = data;
  LoadData *load = g_task_get_task_data (task);

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return G_SOURCE_REMOVE;
  if (!load->held)
    {
      golanes_main_gate_hold (load->summary->document);
      load->held = TRUE;
    }
  if (load->published != NULL)
    load->published (load->summary, load->progress_data);
  return G_SOURCE_REMOVE;
}

/* On the main thread: the load ended, one way or another. */
static gboolean
release_dispatch (gpointer data)
{
  GTask *task = data;
  LoadData *load = g_task_get_task_data (task);

  if (load->held)
    {
      golanes_main_gate_release (load->summary->document);
      load->held = FALSE;
    }
  return G_SOURCE_REMOVE;
}

/* On the loading thread, inside the document's gate: only posts. */
static void
on_publish (GolanesDocument *document,
            gpointer         user_data)
{
  ParseState *state = user_data;
  gint64 now = g_get_monotonic_time ();

  /* The main thread reads the timeline to draw it, and the builder waits
   * meanwhile: the longer the load, the rarer the redraws (about twelve
   * over any load after its first second), so they stay a small part of it. */
  if (state->last_post_usec != 0 &&
      now - state->last_post_usec < MAX (PUBLISH_INTERVAL, (now - state->start_usec) / 8))
    return;
  state->last_post_usec = now;
  g_main_context_invoke_full (g_task_get_context (state->task), G_PRIORITY_DEFAULT,
                              published_dispatch, g_object_ref (state->task), g_object_unref);
}

/* Explains a file that does not start with a trace header by what it
 * looks like instead, so that a PNG renamed trace.out says so. */
static GError *
not_a_trace_error (GFile        *file,
                   GCancellable *cancellable)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree guint8 *buf = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *description = NULL;
  gsize n_read = 0;

  stream = g_file_read (file, cancellable, NULL);
  if (stream == NULL)
    goto generic;

  buf = g_malloc (SNIFF_SIZE);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buf, SNIFF_SIZE, &n_read,
                                cancellable, NULL) ||
      n_read == 0)
    goto generic;

  content_type = g_content_type_guess (NULL, buf, n_read, NULL);
  if (content_type == NULL || g_content_type_is_unknown (content_type))
    goto generic;

  if (g_content_type_is_a (content_type, "text/plain"))
    return g_error_new_literal (GOLANES_ERROR, GOLANES_ERROR_NOT_A_TRACE,
                                _("It is a text file, not a Go execution trace."));

  description = g_content_type_get_description (content_type);
  if (description != NULL)
    /* Translators: %s is a kind of file, such as "PNG image" */
    return g_error_new (GOLANES_ERROR, GOLANES_ERROR_NOT_A_TRACE,
                        _("It is a file of type “%s”, not a Go execution trace."),
                        description);

generic:
  return g_error_new_literal (GOLANES_ERROR, GOLANES_ERROR_NOT_A_TRACE,
                              _("It is not a Go execution trace: it does not start with "
                                "a Go trace header."));
}

static gboolean
probe_header (GFile               *file,
              GolanesTraceHeader  *header,
              GCancellable        *cancellable,
              GError             **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) local_error = NULL;
  gboolean ret;

  if (path != NULL)
    {
      ret = golanes_trace_header_read_file (path, header, NULL, &local_error);
    }
  else
    {
      g_autoptr(GFileInputStream) stream = NULL;
      guint8 buf[GOLANES_TRACE_HEADER_SIZE * 2];
      gsize n_read = 0;

      stream = g_file_read (file, cancellable, &local_error);
      ret = stream != NULL &&
            g_input_stream_read_all (G_INPUT_STREAM (stream), buf, sizeof buf, &n_read,
                                     cancellable, &local_error) &&
            golanes_trace_header_parse (buf, n_read, header, &local_error);
    }

  if (ret)
    return TRUE;

  if (g_error_matches (local_error, GOLANES_ERROR, GOLANES_ERROR_NOT_A_TRACE))
    *error = not_a_trace_error (file, cancellable);
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                         _("You do not have permission to read it."));
  else if (local_error->domain == G_IO_ERROR && local_error->code == G_IO_ERROR_CANCELLED)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    /* Translators: %s is a system error message */
    g_set_error (error, local_error->domain, local_error->code,
                 _("It could not be read: %s."), local_error->message);

  return FALSE;
}

static gboolean
check_version (const GolanesTraceHeader  *header,
               GError                   **error)
{
  g_autoptr(GError) local_error = NULL;

  if (golanes_trace_header_supported (header, &local_error))
    return TRUE;

  g_set_error (error, GOLANES_ERROR, GOLANES_ERROR_UNSUPPORTED_VERSION,
               /* Translators: %u is the minor version of a Go release */
               _("It is a Go execution trace of an unknown version (go 1.%u) that this "
                 "version of Golanes cannot read."),
               header->go_minor);

  return FALSE;
}

static void
on_parse_progress (guint64  consumed,
                   guint64  total,
                   gpointer user_data)
{
  ParseState *state = user_data;

  post_progress (state->task, (goffset) consumed, (goffset) total);
  if (state->delay_msec > 0)
    throttle_sleep (state->delay_msec, state->cancellable);
}

/* Parses the whole trace into the timeline model and the analyses. Local
 * files are mapped; anything else (a GVfs location) is read into memory. */
static gboolean
start_analyses_cb (gpointer data)
{
  golanes_analyses_start (data);
  return G_SOURCE_REMOVE;
}

/* Loads the timeline part of @file's document on this thread.  With three
 * cores or more the analysis parts are fed beside it from the same
 * decoding (golanes_document_set_analyses_with_timeline()); with fewer,
 * the timeline's pass takes both cores (decoding and modelling) and the
 * analyses start once it is loaded, which is when their panels fill in
 * anyway.  They start from the task's main context, where they report. */
static GolanesDocument *
load_document (GTask                *task,
               GFile                *file,
               ParseState           *state,
               GolanesTraceSummary  *summary,
               GolanesAnalyses     **analyses,
               GCancellable         *cancellable,
               GError              **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GolanesDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean beside;
  gboolean ok;

  if (path != NULL)
    {
      document = golanes_document_new_for_path (path);
    }
  else
    {
      bytes = g_file_load_bytes (file, cancellable, NULL, error);
      if (bytes == NULL)
        return NULL;
      document = golanes_document_new_for_bytes (bytes);
    }

  *analyses = golanes_analyses_new (document);
  beside = g_get_num_processors () >= 3 || !golanes_trace_reader_threaded_default ();
  if (beside)
    g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT, start_analyses_cb,
                                g_object_ref (*analyses), g_object_unref);

  summary->document = golanes_document_ref (document);
  summary->analyses = g_object_ref (*analyses);
  golanes_document_set_streaming (document, PUBLISH_INTERVAL, on_publish, state);
  /* One decoding of the file for the timeline and the analyses, unless
   * a test holds the analyses back. */
  golanes_document_set_analyses_with_timeline (document, beside && !_golanes_analyses_is_held ());

  ok = golanes_document_compute_parts (document, GOLANES_DOCUMENT_PART_MASK (GOLANES_DOCUMENT_PART_TIMELINE),
                                       path != NULL ? on_parse_progress : NULL, state,
                                       cancellable, error);
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT,
                              release_dispatch, g_object_ref (task), g_object_unref);
  if (ok && !beside)
    g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT, start_analyses_cb,
                                g_object_ref (*analyses), g_object_unref);
  if (!ok)
    {
      golanes_analyses_cancel (*analyses);
      g_clear_object (analyses);
      return NULL;
    }
  return g_steal_pointer (&document);
}

static gint64
modified_usec (GFileInfo *info)
{
  return (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC +
         g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
}

/* For a trace that ends in an error: whether its file is still being
 * written (it grew since it was opened, or was written a moment ago: a
 * program tracing into it) or changed under the load (it got shorter or
 * was rewritten).  @before is the file as the load found it, @read the
 * size the document read. */
static GolanesTraceFileState
file_state_after_load (GFile        *file,
                       GFileInfo    *before,
                       guint64       read,
                       GCancellable *cancellable)
{
  g_autoptr(GFileInfo) now = NULL;
  guint64 size;
  gint64 modified;

  now = g_file_query_info (file,
                           G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                           G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                           G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                           G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (now == NULL)
    return GOLANES_TRACE_FILE_CHANGED;   /* it is gone */
  size = (guint64) g_file_info_get_size (now);
  modified = modified_usec (now);
  if (size > read || (guint64) g_file_info_get_size (before) < read)
    return GOLANES_TRACE_FILE_GROWING;
  if (size < read || modified != modified_usec (before))
    return GOLANES_TRACE_FILE_CHANGED;
  if (g_get_real_time () - modified < RECENT_USEC)
    return GOLANES_TRACE_FILE_GROWING;
  return GOLANES_TRACE_FILE_UNCHANGED;
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GolanesDocument) document = NULL;
  g_autoptr(GolanesAnalyses) analyses = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GError) error = NULL;
  GolanesTraceSummary *summary;
  GolanesTraceHeader header;
  ParseState state = { 0 };
  goffset total;
  guint delay_msec;

  g_assert (G_IS_TASK (task));
  g_assert (load != NULL);

  info = g_file_query_info (load->file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_ACCESS_CAN_READ ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE,
                            cancellable,
                            &error);
  if (info == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                 "%s", _("The file does not exist."));
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, error->domain, error->code,
                                 _("It could not be read: %s."), error->message);
      return;
    }

  /* Only regular files are opened: opening a FIFO would block this
   * thread until something writes to it. */
  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      break;

    case G_FILE_TYPE_DIRECTORY:
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                               "%s", _("It is a folder, not a trace file."));
      return;

    case G_FILE_TYPE_UNKNOWN:
    case G_FILE_TYPE_SYMBOLIC_LINK:
    case G_FILE_TYPE_SPECIAL:
    case G_FILE_TYPE_SHORTCUT:
    case G_FILE_TYPE_MOUNTABLE:
    default:
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                               "%s", _("It is not a regular file but a device, pipe or socket."));
      return;
    }

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ) &&
      !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                               "%s", _("You do not have permission to read it."));
      return;
    }

  total = g_file_info_get_size (info);
  if (total == 0)
    {
      g_task_return_new_error (task, GOLANES_ERROR, GOLANES_ERROR_NOT_A_TRACE,
                               "%s", _("The file is empty."));
      return;
    }

  if (!probe_header (load->file, &header, cancellable, &error) ||
      !check_version (&header, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  delay_msec = (guint) g_atomic_int_get (&throttle_delay_msec);
  post_progress (task, 0, total);
  if (delay_msec > 0 && !throttle_sleep (delay_msec, cancellable))
    {
      g_task_return_error_if_cancelled (task);
      return;
    }

  parent = g_file_get_parent (load->file);

  summary = g_new0 (GolanesTraceSummary, 1);
  summary->file = g_object_ref (load->file);
  summary->display_name = g_strdup (g_file_info_get_display_name (info));
  summary->folder = parent != NULL ? g_file_get_parse_name (parent) : NULL;
  summary->size = total;
  summary->go_minor = header.go_minor;
  summary->format = header.format;
  load->summary = summary;

  state.task = task;
  state.cancellable = cancellable;
  state.delay_msec = delay_msec;
  state.start_usec = g_get_monotonic_time ();
  document = load_document (task, load->file, &state, summary, &analyses, cancellable, &error);
  if (document == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_cancellable_is_cancelled (cancellable))
        g_prefix_error (&error, "%s ", _("It could not be read:"));
      else
        g_clear_error (&error);
      if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_error_if_cancelled (task);
      return;
    }
  post_progress (task, total, total);

  if (golanes_document_get_read_error (document) != NULL)
    {
      const GError *read_error = golanes_document_get_read_error (document);

      summary->file_state = file_state_after_load (load->file, info,
                                                   golanes_document_get_file_size (document),
                                                   cancellable);
      /* Sync events alone (one per generation, and one at the error):
       * the trace broke in its first generation and there is nothing to
       * show. */
      if (golanes_document_get_n_events (document) <= golanes_document_get_n_generations (document) + 1)
        {
          golanes_analyses_cancel (analyses);
          if (g_task_return_error_if_cancelled (task))
            return;
          if (summary->file_state == GOLANES_TRACE_FILE_GROWING)
            g_task_return_new_error (task, read_error->domain, read_error->code,
                                     /* Translators: %s is an error message */
                                     _("Not one part of it could be read yet: it is still being "
                                       "written. Open it again in a moment. %s"),
                                     read_error->message);
          else
            g_task_return_new_error (task, read_error->domain, read_error->code,
                                     /* Translators: %s is an error message */
                                     _("Not one part of it could be read: it breaks before the end "
                                       "of its first generation. %s"),
                                     read_error->message);
          return;
        }
    }

  if (g_task_return_error_if_cancelled (task))
    {
      golanes_analyses_cancel (analyses);
      return;
    }

  g_task_return_pointer (task, golanes_trace_summary_copy (summary),
                         (GDestroyNotify) golanes_trace_summary_free);
}

/* The load runs on a thread of its own rather than GIO's pool: on Linux
 * it lowers its nice value (per thread there), which the threads it
 * starts inherit (the reader's, the feeders'), and no pool thread may
 * raise it back.  At nice 5 the main thread and the display server come
 * first when they wake: on two cores the window's longest stall while a
 * trace loads fell from 55-57 ms to under 50 (3 of 9 runs over 50 ms,
 * then none), and the loads got no slower. */
static gpointer
load_thread (gpointer data)
{
  GTask *task = data;

#ifdef __linux__
  if (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 5) != 0)
    g_debug ("Could not lower the priority of the loading thread");
#endif
  load_worker (task, g_task_get_source_object (task), g_task_get_task_data (task),
               g_task_get_cancellable (task));
  g_object_unref (task);
  return NULL;
}

typedef struct
{
  GAsyncReadyCallback callback;
  gpointer            user_data;
} LoadDone;

/* The load ended: the allocator may keep blocks for reuse again (unless
 * another load or an analysis runs). */
static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  LoadDone *done = data;

  golanes_allocator_work_end ();
  if (done->callback != NULL)
    done->callback (source, result, done->user_data);
  g_free (done);
}

/**
 * golanes_trace_loader_load_async:
 * @file: the trace to load
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable): called on the calling thread's main context with
 *   the number of bytes read so far; never called after @cancellable is
 *   cancelled
 * @published: (nullable): called on the calling thread's main context as
 *   the timeline streams in; never called after @cancellable is cancelled
 * @progress_data: data for @progress and @published
 * @progress_destroy: (nullable): frees @progress_data when the load ends
 * @callback: called when the load completes
 * @user_data: data for @callback
 *
 * Loads @file on a worker thread.
 */
void
golanes_trace_loader_load_async (GFile                      *file,
                                 GCancellable               *cancellable,
                                 GolanesTraceLoaderProgress  progress,
                                 GolanesTraceLoaderPublished published,
                                 gpointer                    progress_data,
                                 GDestroyNotify              progress_destroy,
                                 GAsyncReadyCallback         callback,
                                 gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  LoadData *load;
  LoadDone *done;
  GThread *thread;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  load = g_new0 (LoadData, 1);
  load->file = g_object_ref (file);
  load->progress = progress;
  load->published = published;
  load->progress_data = progress_data;
  load->progress_destroy = progress_destroy;

  done = g_new0 (LoadDone, 1);
  done->callback = callback;
  done->user_data = user_data;
  golanes_allocator_work_begin ();
  task = g_task_new (NULL, cancellable, load_done_cb, done);
  g_task_set_source_tag (task, golanes_trace_loader_load_async);
  g_task_set_task_data (task, load, load_data_free);
  thread = g_thread_try_new ("golanes-load", load_thread, g_object_ref (task), &error);
  if (thread == NULL)
    {
      g_object_unref (task);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_thread_unref (thread);
}

/**
 * golanes_trace_loader_load_finish:
 *
 * Returns: (transfer full): the summary of the loaded trace, or %NULL with
 *   @error set; a cancelled load fails with %G_IO_ERROR_CANCELLED
 */
GolanesTraceSummary *
golanes_trace_loader_load_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
