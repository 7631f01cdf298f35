/* golanes-trace-reader.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The public reader: opening a file or bytes, reading generation after
 * generation, and merging the threads' events through the ordering into
 * one stream (Go's reader.go); the look-ups in the current generation.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "golanes-error.h"
#include "golanes-trace-header.h"
#include "golanes-trace-reader-private.h"

/* ---- errors ------------------------------------------------------------ */

/* The first line of the message is Go's error text; the second line names
 * the byte offset and what was expected there. */
void
_golanes_trace_set_error (GError     **error,
                          int          code,
                          guint64      offset,
                          const char  *expected,
                          const char  *fmt,
                          ...)
{
  va_list ap;
  char *msg;

  va_start (ap, fmt);
  msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_set_error (error, GOLANES_ERROR, code, "%s\n(at byte offset %" G_GUINT64_FORMAT ": %s)",
               msg, offset, expected);
  g_free (msg);
}

/* ---- opening and closing ----------------------------------------------- */

/* Parses the header from the first bytes of the input.  For a file they
 * are read in growing prefixes, since Go lets runs of spaces and leading
 * zeros make the header arbitrarily long; a prefix is only extended while
 * it holds nothing but bytes a header can be made of, so anything else is
 * decided on its first 4 KiB. */
static gboolean
reader_parse_header (GolanesTraceReader *r,
                     GolanesTraceHeader *hdr,
                     GError            **error)
{
  GError *local = NULL;
  guint8 *buf = NULL;
  gsize n;

  if (r->data != NULL)
    {
      if (golanes_trace_header_parse (r->data, r->len, hdr, &local))
        return TRUE;
    }
  else
    for (n = MIN (r->len, (gsize) 4096);; n = MIN (r->len, 2 * n))
      {
        gsize k;

        buf = g_realloc (buf, MAX (n, 1));
        if (!_golanes_pread_full (r->fd, buf, n, 0, error))
          {
            g_free (buf);
            return FALSE;
          }
        g_clear_error (&local);
        if (golanes_trace_header_parse (buf, n, hdr, &local))
          {
            g_free (buf);
            return TRUE;
          }
        for (k = 0; k < n && strchr ("go1.trace \t\r\v\f0123456789", buf[k]) != NULL; k++)
          ;
        if (n == r->len || k < n)
          break;
      }
  g_free (buf);
  g_set_error (error, local->domain, local->code,
               "%s\n(at byte offset 0: a header \"go 1.N trace\" followed by three NUL bytes)",
               local->message);
  g_error_free (local);
  return FALSE;
}

static GolanesTraceReader *
reader_new (const guint8 *data,
            int           fd,
            gsize         len,
            GError      **error)
{
  GolanesTraceHeader hdr;
  GolanesTraceReader *r;
  GError *local = NULL;

  r = g_new0 (GolanesTraceReader, 1);
  r->data = data;
  r->fd = fd;
  r->len = len;
  if (!reader_parse_header (r, &hdr, error))
    {
      g_free (r);
      return NULL;
    }
  if (!golanes_trace_header_supported (&hdr, &local))
    {
      g_set_error (error, local->domain, local->code,
                   "%s\n(at byte offset 0: a trace version of 1.11, 1.19, 1.21, 1.22, 1.23, 1.25 or 1.26)",
                   local->message);
      g_error_free (local);
      g_free (r);
      return NULL;
    }
  r->pos = hdr.header_len;
  r->version = hdr.go_minor;
  r->is_legacy = hdr.format == GOLANES_TRACE_FORMAT_LEGACY;
  _golanes_ordering_init (&r->order, r->version);
  return r;
}

/* What a path that is not a regular file names, for the error. */
static const char *
file_kind (mode_t mode)
{
  if (S_ISDIR (mode))
    return "it is a folder, not a trace file";
  if (S_ISFIFO (mode))
    return "it is a named pipe (FIFO), not a regular file";
  if (S_ISCHR (mode))
    return "it is a character device, not a regular file";
  if (S_ISBLK (mode))
    return "it is a block device, not a regular file";
  if (S_ISSOCK (mode))
    return "it is a socket, not a regular file";
  return "it is not a regular file";
}

/* The file is read with pread in bounded pieces rather than mapped: a
 * mapping would stay resident page by page as it is read, so the peak
 * memory would grow with the file (and fault if the file were truncated
 * meanwhile).  It is opened without blocking, so that a FIFO with no
 * writer fails at once instead of hanging; only regular files are read. */
GolanesTraceReader *
golanes_trace_reader_new_for_path (const char *path,
                                   GError    **error)
{
  GolanesTraceReader *r;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved = errno;
      char *display = g_filename_display_name (path);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Failed to open file \u201c%s\u201d: open() failed: %s", display, g_strerror (saved));
      g_free (display);
      return NULL;
    }
  if (fstat (fd, &st) < 0)
    {
      int saved = errno;
      char *display = g_filename_display_name (path);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Failed to read file \u201c%s\u201d: %s", display, g_strerror (saved));
      g_free (display);
      close (fd);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      char *display = g_filename_display_name (path);
      g_set_error (error, G_FILE_ERROR, S_ISDIR (st.st_mode) ? G_FILE_ERROR_ISDIR : G_FILE_ERROR_FAILED,
                   "Failed to read file \u201c%s\u201d: %s", display, file_kind (st.st_mode));
      g_free (display);
      close (fd);
      return NULL;
    }
  r = reader_new (NULL, fd, (gsize) st.st_size, error);
  if (r == NULL)
    close (fd);
  return r;
}

GolanesTraceReader *
golanes_trace_reader_new_for_fd (int      fd,
                                 guint64  len,
                                 GError **error)
{
  GolanesTraceReader *r;
  int own;

  g_return_val_if_fail (fd >= 0, NULL);

  own = fcntl (fd, F_DUPFD_CLOEXEC, 0);
  if (own < 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Failed to read the trace: %s", g_strerror (saved));
      return NULL;
    }
  r = reader_new (NULL, own, (gsize) len, error);
  if (r == NULL)
    close (own);
  return r;
}

GolanesTraceReader *
golanes_trace_reader_new_for_bytes (GBytes  *bytes,
                                    GError **error)
{
  GolanesTraceReader *r;
  gsize len;
  const guint8 *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL)
    data = (const guint8 *) "";
  r = reader_new (data, -1, len, error);
  if (r != NULL)
    r->bytes = g_bytes_ref (bytes);
  return r;
}

void
golanes_trace_reader_free (GolanesTraceReader *r)
{
  guint i;

  if (r == NULL)
    return;
  if (r->pipe != NULL)
    _golanes_trace_pipe_release (r);
  _golanes_generation_free (r->gen);
  _golanes_legacy_free (r->legacy);
  g_free (r->frontier);
  for (i = 0; i < r->cursor_pool_len; i++)
    g_free (r->cursor_pool[i].buf);
  g_free (r->cursor_pool);
  g_free (r->sort_items);
  g_free (r->sort_copy);
  g_clear_error (&r->read_gen_err);
  g_clear_error (&r->sticky);
  g_clear_error (&r->spill_err);
  _golanes_ordering_clear (&r->order);
  g_clear_object (&r->cancellable);
  if (r->data == NULL && r->fd >= 0)
    close (r->fd);
  g_free (r->win);
  g_free (r->spill_data);
  if (r->bytes != NULL)
    g_bytes_unref (r->bytes);
  g_free (r);
}

guint
golanes_trace_reader_get_go_minor (GolanesTraceReader *r)
{
  return r->version;
}

void
golanes_trace_reader_set_progress_func (GolanesTraceReader *r,
                                        GolanesProgressFunc func,
                                        gpointer            user_data)
{
  r->progress = func;
  r->progress_data = user_data;
}

void
golanes_trace_reader_set_wait_func (GolanesTraceReader   *r,
                                    GolanesTraceWaitFunc  func,
                                    gpointer              user_data)
{
  r->wait = func;
  r->wait_data = user_data;
}

void
golanes_trace_reader_set_threaded (GolanesTraceReader *r,
                                   gboolean            threaded)
{
  g_return_if_fail (r->pipe == NULL);

  r->threaded = threaded;
}

gboolean
golanes_trace_reader_threaded_default (void)
{
  static gsize once = 0;
  static gboolean threaded;

  if (g_once_init_enter (&once))
    {
      const char *env = g_getenv ("GOLANES_THREADS");
      guint64 n = g_get_num_processors ();

      if (env != NULL && *env != '\0')
        n = g_ascii_strtoull (env, NULL, 10);
      threaded = n > 1;
      g_once_init_leave (&once, 1);
    }
  return threaded;
}

GolanesTraceReader *
golanes_trace_reader_new_tee (GolanesTraceReader *r,
                              GError            **error)
{
  g_return_val_if_fail (r != NULL, NULL);
  g_return_val_if_fail (r->pipe == NULL || r->pipe_cur == NULL, NULL);

  if (r->pipe == NULL)
    {
      if (!_golanes_trace_pipe_start (r, error))
        return NULL;
    }
  return _golanes_trace_pipe_add_consumer (r);
}

void
golanes_trace_reader_set_cancellable (GolanesTraceReader *r,
                                      GCancellable       *cancellable)
{
  g_clear_object (&r->cancellable);
  if (cancellable != NULL)
    r->cancellable = g_object_ref (cancellable);
}

/* ---- generations ------------------------------------------------------- */

static void
make_sync (GolanesEvent *ev,
           gint64        time,
           guint         n,
           gboolean      with_table)
{
  memset (ev, 0, sizeof *ev);
  ev->type = GOLANES_EV_SYNC;
  ev->kind = GOLANES_EVENT_SYNC;
  ev->thread = ev->proc = ev->goroutine = -1;
  ev->time = time;
  ev->args[0] = n;
  ev->args[1] = with_table;
}

/* At the end of the trace (its last Sync comes next, the queue is empty)
 * the ordering's state of every goroutine, P, thread and task still open
 * is of no more use: it goes now, not when the reader is freed, which may
 * be after its consumer has built what it keeps (a trace may hold a
 * million goroutines that never ended). */
static void
end_ordering (GolanesTraceReader *r)
{
  g_assert (r->order.q_len == 0);
  _golanes_ordering_clear (&r->order);
  _golanes_ordering_init (&r->order, r->version);
}

/* Installs a freshly read generation and produces its Sync event. */
static int
install_gen (GolanesTraceReader *r,
             GolanesGeneration  *g,
             GolanesEvent       *out,
             GError            **error)
{
  guint i;

  if (g == NULL)
    {
      _golanes_generation_free (r->gen);
      r->gen = NULL;
      r->done = TRUE;
      end_ordering (r);
      r->syncs++;
      make_sync (out, r->last_ts, r->syncs, FALSE);
      return 1;
    }
  _golanes_generation_free (r->gen);
  r->gen = g;
  g->serial = ++r->gen_serial;
  r->cpu_next = 0;

  if (r->progress != NULL)
    r->progress (r->pos, r->len, r->progress_data);

  if (r->cursor_pool_len < g->mbatches->len)
    {
      /* The cursors keep their batch buffers from one generation to the
       * next. */
      r->cursor_pool = g_renew (GolanesBatchCursor, r->cursor_pool, g->mbatches->len);
      memset (r->cursor_pool + r->cursor_pool_len, 0,
              (g->mbatches->len - r->cursor_pool_len) * sizeof (GolanesBatchCursor));
      r->cursor_pool_len = g->mbatches->len;
    }
  r->n_frontier = 0;
  for (i = 0; i < g->mbatches->len; i++)
    {
      GolanesBatchCursor *c = &r->cursor_pool[i];
      guint8 *buf = c->buf;
      gsize buf_cap = c->buf_cap;
      int res;

      memset (c, 0, sizeof *c);
      c->buf = buf;
      c->buf_cap = buf_cap;
      c->fd = r->data != NULL ? -1 : r->fd;
      c->list = &g_array_index (g->mbatches, GolanesThreadBatches, i);
      c->m = c->list->m;
      res = _golanes_batch_cursor_next (c, g->freq, error);
      if (res < 0)
        return -1;
      if (res == 0)
        continue;
      _golanes_frontier_insert (r, c);
    }
  r->syncs++;
  make_sync (out, _golanes_freq_mul (g->freq, g->min_ts), r->syncs, TRUE);
  return 1;
}

static int
next_gen_with_spill (GolanesTraceReader *r,
                     GolanesEvent       *out,
                     GError            **error)
{
  GolanesGeneration *g;
  GError *local = NULL;

  if (r->spill_err != NULL)
    {
      if (r->spill_err_sync)
        {
          g_propagate_error (error, g_error_copy (r->spill_err));
          return -1;
        }
      r->spill_err_sync = TRUE;
      r->syncs++;
      make_sync (out, r->last_ts, r->syncs, FALSE);
      return 1;
    }
  if (r->gen != NULL && !r->has_spill)
    {
      r->done = TRUE;
      end_ordering (r);
      r->syncs++;
      make_sync (out, r->last_ts, r->syncs, FALSE);
      return 1;
    }
  g = _golanes_read_generation_with_spill (r, &local);
  if (g == NULL)
    {
      /* Go reports the failure after one more Sync event. */
      _golanes_generation_free (r->gen);
      r->gen = NULL;
      if (local != NULL)
        {
          g_clear_error (&r->spill_err);
          r->spill_err = local;
        }
      else if (r->spill_err == NULL)
        _golanes_trace_set_error (&r->spill_err, GOLANES_ERROR_TRUNCATED, r->pos, "a generation", "no frequency event found");
      r->spill_err_sync = TRUE;
      r->syncs++;
      make_sync (out, r->last_ts, r->syncs, FALSE);
      return 1;
    }
  return install_gen (r, g, out, error);
}

/* ---- events ------------------------------------------------------------ */

static gboolean
validate_ids (GolanesTraceReader *r,
              const GolanesEvent *ev,
              GError            **error)
{
  const GolanesWireSpec *spec;
  int i;

  if (ev->type == GOLANES_EV_SYNC)
    return TRUE;
  spec = &_golanes_wire_specs[ev->type];
  for (i = 0; i < 2 && spec->stack_args[i] != 0; i++)
    {
      guint64 id = ev->type == GOLANES_EV_CPU_SAMPLE ? 0 : ev->args[spec->stack_args[i] - 1];
      if (!_golanes_generation_has_stack (r->gen, id))
        {
          _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, ev->offset, "a stack id defined in this generation",
                                    "found invalid stack ID %" G_GUINT64_FORMAT " for event %s", id, spec->name);
          return FALSE;
        }
    }
  for (i = 0; i < 2 && spec->string_args[i] != 0; i++)
    {
      guint64 id = ev->args[spec->string_args[i] - 1];
      if (!_golanes_generation_has_string (r->gen, id))
        {
          _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, ev->offset, "a string id defined in this generation",
                                    "found invalid string ID %" G_GUINT64_FORMAT " for event %s", id, spec->name);
          return FALSE;
        }
    }
  return TRUE;
}

static int
try_advance (GolanesTraceReader *r,
             guint               i,
             GError            **error)
{
  GolanesBatchCursor *c = r->frontier[i];
  int res = _golanes_ordering_advance (&r->order, &c->ev, c->m, &c->mstate, r->gen, error);

  if (res <= 0)
    return res;
  res = _golanes_batch_cursor_next (c, r->gen->freq, error);
  if (res < 0)
    return -1;
  if (res > 0)
    _golanes_frontier_update (r, i);
  else
    _golanes_frontier_remove (r, i);
  return 1;
}

static int
read_event_raw (GolanesTraceReader *r,
                GolanesEvent       *out,
                GError            **error)
{
  int res;
  guint i;

  if (G_UNLIKELY (r->is_legacy))
    {
      /* Parsed whole on the first read, on the reader's thread. */
      if (r->legacy == NULL && !_golanes_legacy_parse (r, error))
        return -1;
      return _golanes_legacy_next (r, out, error);
    }

  if (_golanes_ordering_next (&r->order, out))
    return 1;

  if (r->n_frontier == 0 && (r->gen == NULL || r->cpu_next >= r->gen->cpu_samples->len))
    {
      GolanesGeneration *g;
      GError *local = NULL;

      if (g_cancellable_set_error_if_cancelled (r->cancellable, error))
        return -1;
      if (r->version < 26)
        return next_gen_with_spill (r, out, error);
      if (r->read_gen_err != NULL)
        {
          g_propagate_error (error, g_error_copy (r->read_gen_err));
          return -1;
        }
      g = _golanes_read_generation (r, &local);
      if (local != NULL)
        {
          r->read_gen_err = local;
          _golanes_generation_free (r->gen);
          r->gen = NULL;
          r->syncs++;
          make_sync (out, r->last_ts, r->syncs, FALSE);
          return 1;
        }
      return install_gen (r, g, out, error);
    }

  if (r->gen != NULL && r->cpu_next < r->gen->cpu_samples->len)
    {
      GolanesCpuSample *s = &g_array_index (r->gen->cpu_samples, GolanesCpuSample, r->cpu_next);
      if (r->n_frontier == 0 || s->time < r->frontier[0]->ev.time)
        {
          memset (out, 0, sizeof *out);
          out->type = GOLANES_EV_CPU_SAMPLE;
          out->kind = GOLANES_EVENT_STACK_SAMPLE;
          out->time = s->time;
          out->thread = s->m;
          out->proc = s->p;
          out->goroutine = s->g;
          out->args[0] = s->stack;
          out->offset = s->offset;
          r->cpu_next++;
          return 1;
        }
    }

  res = try_advance (r, 0, error);
  if (res < 0)
    return -1;
  if (res == 0)
    {
      gboolean ok = FALSE;
      _golanes_frontier_sort (r);
      for (i = 1; i < r->n_frontier; i++)
        {
          res = try_advance (r, i, error);
          if (res < 0)
            return -1;
          if (res > 0)
            {
              ok = TRUE;
              break;
            }
        }
      if (!ok)
        {
          _golanes_trace_set_error (error, GOLANES_ERROR_INVALID_ORDER, r->frontier[0]->ev.offset,
                                    "an event whose preconditions can be met by some thread",
                                    "broken trace: failed to advance: frontier:\n[gen=%" G_GUINT64_FORMAT "]",
                                    r->gen->gen);
          return -1;
        }
    }
  if (!_golanes_ordering_next (&r->order, out))
    {
      _golanes_trace_set_error (error, GOLANES_ERROR_INVALID_ORDER, 0, "a queued event", "internal error: advance successful, but queue is empty");
      return -1;
    }
  return 1;
}

gboolean
golanes_trace_reader_next (GolanesTraceReader *r,
                           GolanesEvent       *event,
                           GError            **error)
{
  GError *local = NULL;
  int res;

  g_return_val_if_fail (r != NULL, FALSE);

  if (r->sticky != NULL)
    {
      g_propagate_error (error, g_error_copy (r->sticky));
      return FALSE;
    }
  if (r->done)
    return FALSE;

  if (G_UNLIKELY (r->threaded))
    {
      /* Without a thread the same reader reads on in this one. */
      if (r->pipe == NULL && !_golanes_trace_pipe_start (r, &local))
        {
          g_warning ("Reading on one thread: %s", local->message);
          g_clear_error (&local);
          r->threaded = FALSE;
        }
      else
        return _golanes_trace_pipe_next (r, event, error);
    }

  if (G_UNLIKELY (r->cancellable != NULL && (++r->events_since_check & 0xffff) == 0 &&
                  g_cancellable_set_error_if_cancelled (r->cancellable, &local)))
    res = -1;
  else
    res = read_event_raw (r, event, &local);
  /* Go checks no ids of a legacy trace: an unknown one reads as empty. */
  if (res > 0 && !r->is_legacy && !validate_ids (r, event, &local))
    res = -1;
  if (res < 0)
    {
      r->sticky = local;
      g_propagate_error (error, g_error_copy (local));
      return FALSE;
    }
  if (event->time <= r->last_ts)
    event->time = _golanes_add_wrap (r->last_ts, 1);
  r->last_ts = event->time;
  return TRUE;
}

gboolean
golanes_trace_reader_foreach (GolanesTraceReader *r,
                              GolanesEventFunc    func,
                              gpointer            user_data,
                              GError            **error)
{
  GolanesEvent ev;

  while (golanes_trace_reader_next (r, &ev, error))
    if (!func (r, &ev, user_data))
      return TRUE;
  return error == NULL || *error == NULL ? (r->sticky == NULL) : FALSE;
}

/* ---- look-ups ---------------------------------------------------------- */

guint64
golanes_trace_reader_get_generation_serial (GolanesTraceReader *r)
{
  return r->gen != NULL ? r->gen->serial : 0;
}

gboolean
golanes_trace_reader_lookup_string (GolanesTraceReader *r,
                                    guint64             id,
                                    GolanesStr         *out)
{
  if (!_golanes_generation_get_string (r->gen, id, out))
    {
      out->data = "";
      out->len = 0;
      return FALSE;
    }
  return TRUE;
}

int
golanes_trace_reader_get_stack (GolanesTraceReader *r,
                                guint64             stack_id,
                                GolanesStackFrame  *frames,
                                guint               max)
{
  gint64 ix;
  GolanesGenStack *se;
  guint i;

  if (stack_id == 0)
    return 0;
  if (r->gen == NULL)
    return -1;
  ix = _golanes_id_table_get (&r->gen->stacks, stack_id);
  if (ix < 0)
    return -1;
  se = &g_array_index (r->gen->stack_vals, GolanesGenStack, ix);
  for (i = 0; i < se->n && i < max; i++)
    {
      guint64 pc = g_array_index (r->gen->stack_pcs, guint64, se->first + i), fi = 0;
      GolanesGenFrame *f;

      frames[i].func.data = frames[i].file.data = "";
      frames[i].func.len = frames[i].file.len = 0;
      frames[i].pc = pc;
      frames[i].line = 0;
      if (!golanes_id_map_lookup (&r->gen->pcs, pc, &fi) || fi >= r->gen->frames->len)
        continue;
      f = &g_array_index (r->gen->frames, GolanesGenFrame, fi);
      frames[i].pc = f->pc;
      frames[i].line = f->line;
      /* A string id a (legacy) trace never defined reads as empty, as in Go. */
      if (!_golanes_generation_get_string (r->gen, f->func_id, &frames[i].func))
        frames[i].func.data = "", frames[i].func.len = 0;
      if (!_golanes_generation_get_string (r->gen, f->file_id, &frames[i].file))
        frames[i].file.data = "", frames[i].file.len = 0;
    }
  return (int) se->n;
}
