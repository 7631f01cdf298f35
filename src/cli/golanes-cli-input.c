/* golanes-cli-input.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "golanes-cli-input.h"
#include "golanes-error.h"
#include "golanes-trace-header.h"

/* How long a pipe may keep us waiting for its first byte. */
#define PIPE_TIMEOUT_DEFAULT_S 10
/* What a pipe may bring: all of it is held in memory. */
#define PIPE_MAX_BYTES         (G_GUINT64_CONSTANT (4) << 30)
#define PIPE_CHUNK             (256 * 1024)
/* Enough of a pipe to tell a trace header from anything else. */
#define SNIFF_BYTES            4096
/* A file written this recently may still be being written. */
#define RECENT_MSEC            5000

static const char go_not_a_trace[] = "bad file format: not a Go execution trace?";

static gint64
mtime_nsec (const struct stat *st)
{
  return (gint64) st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st->st_mtim.tv_nsec;
}

/* Prints "golanes-cli COMMAND: PATH: " and the rest. */
G_GNUC_PRINTF (2, 3)
static void
print_message (GolanesCliInput *in,
               const char      *fmt,
               ...)
{
  va_list ap;

  fprintf (stderr, "golanes-cli %s: %s: ", in->command, in->path);
  va_start (ap, fmt);
  vfprintf (stderr, fmt, ap);
  va_end (ap);
  fputc ('\n', stderr);
}

/* Go prints syscall errors in lower case ("no such file or directory"). */
static char *
go_style_errno (int err)
{
  char *s = g_strdup (g_strerror (err));

  if (s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z'))
    s[0] = (char) (s[0] - 'A' + 'a');
  return s;
}

static const char *
stream_kind (mode_t mode)
{
  if (S_ISFIFO (mode))
    return "pipe";
  if (S_ISCHR (mode))
    return "character device";
  if (S_ISBLK (mode))
    return "block device";
  if (S_ISSOCK (mode))
    return "socket";
  return "file";
}

static guint
pipe_timeout_s (void)
{
  const char *env = g_getenv ("GOLANES_PIPE_TIMEOUT");
  guint64 s;

  if (env == NULL || *env == '\0')
    return PIPE_TIMEOUT_DEFAULT_S;
  s = g_ascii_strtoull (env, NULL, 10);
  return (guint) CLAMP (s, 1, 24 * 3600);
}

/* Whether @data (@len bytes, the start of the input) can still become a
 * trace header, as the reader decides it: Go reads "go 1.%d trace" with
 * any runs of spaces and leading zeros. */
static gboolean
may_be_header (const guint8 *data,
               gsize         len)
{
  GolanesTraceHeader header;

  if (golanes_trace_header_parse (data, len, &header, NULL))
    return TRUE;
  for (gsize k = 0; k < len; k++)
    if (data[k] == '\0' || strchr ("go1.trace \t\r\v\f0123456789", data[k]) == NULL)
      return FALSE;
  return TRUE;
}

/* Reads a pipe or a device to its end into memory.  Its first byte, and
 * each next one, must come within the timeout (a Go program tracing into
 * a pipe writes at least once a second); what does not start like a trace
 * is read no further than needed to say so. */
static gboolean
read_stream (GolanesCliInput   *in,
             int                fd,
             const struct stat *st)
{
  guint timeout_s = pipe_timeout_s ();
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_s * G_USEC_PER_SEC;
  guint8 *buf = NULL;
  gsize len = 0, cap = 0;
  gboolean sniffed = FALSE;

  for (;;)
    {
      struct pollfd pfd = { fd, POLLIN, 0 };
      gint64 left = deadline - g_get_monotonic_time ();
      gssize n;
      int k;

      if (left <= 0)
        {
          if (len == 0)
            print_message (in, "nothing came through this %s in %u s; "
                           "is a program writing the trace to it?",
                           stream_kind (st->st_mode), timeout_s);
          else
            print_message (in, "nothing more came through this %s for %u s after %"
                           G_GSIZE_FORMAT " bytes; is the program writing to it stuck?",
                           stream_kind (st->st_mode), timeout_s, len);
          g_free (buf);
          return FALSE;
        }
      k = poll (&pfd, 1, (int) MIN ((left + 999) / 1000, G_MAXINT));
      if (k < 0 && errno == EINTR)
        continue;
      if (k < 0)
        {
          int saved = errno;
          print_message (in, "cannot wait for data: %s", g_strerror (saved));
          g_free (buf);
          return FALSE;
        }
      if (k == 0)
        continue;

      if (cap - len < PIPE_CHUNK)
        {
          gsize want = MIN (MAX (2 * cap, len + PIPE_CHUNK), PIPE_MAX_BYTES + PIPE_CHUNK);
          guint8 *more = g_try_realloc (buf, want);

          if (more == NULL)
            {
              print_message (in, "out of memory after reading %" G_GSIZE_FORMAT " bytes of this %s "
                             "into memory: save the trace to a file and open that",
                             len, stream_kind (st->st_mode));
              g_free (buf);
              return FALSE;
            }
          buf = more;
          cap = want;
        }
      n = read (fd, buf + len, PIPE_CHUNK);
      if (n < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (n < 0)
        {
          int saved = errno;
          print_message (in, "reading failed after %" G_GSIZE_FORMAT " bytes: %s",
                         len, g_strerror (saved));
          g_free (buf);
          return FALSE;
        }
      if (n == 0)
        break;
      len += (gsize) n;
      deadline = g_get_monotonic_time () + (gint64) timeout_s * G_USEC_PER_SEC;
      if (!sniffed && len >= SNIFF_BYTES)
        {
          sniffed = TRUE;
          /* The reader says what is wrong with it. */
          if (!may_be_header (buf, len))
            break;
        }
      if (len > PIPE_MAX_BYTES)
        {
          print_message (in, "more than %" G_GUINT64_FORMAT " GiB came through this %s, "
                         "which is read into memory: save the trace to a file and open that",
                         PIPE_MAX_BYTES >> 30, stream_kind (st->st_mode));
          g_free (buf);
          return FALSE;
        }
    }

  if (len == 0)
    {
      if (in->go_style)
        fprintf (stderr, "%s\n(nothing came through %s)\n", go_not_a_trace, in->path);
      else
        print_message (in, "nothing came through this %s: it was closed before any data",
                       stream_kind (st->st_mode));
      g_free (buf);
      return FALSE;
    }
  in->bytes = g_bytes_new_take (g_realloc (buf, len), len);
  in->size = len;
  return TRUE;
}

gboolean
golanes_cli_input_open (GolanesCliInput *in,
                        const char      *command,
                        const char      *path)
{
  struct stat st;
  int fd;

  memset (in, 0, sizeof *in);
  in->command = command;
  in->path = path;
  in->go_style = g_str_equal (command, "events");
  in->fd = -1;

  /* Without blocking: a FIFO nobody writes to must not hang the open. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved = errno;

      if (in->go_style)
        {
          g_autofree char *msg = go_style_errno (saved);
          fprintf (stderr, "failed to read trace file: open %s: %s\n", path, msg);
        }
      else
        print_message (in, "cannot open it: %s", g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) != 0)
    {
      int saved = errno;
      print_message (in, "cannot read it: %s", g_strerror (saved));
      close (fd);
      return FALSE;
    }

  if (S_ISDIR (st.st_mode))
    {
      if (in->go_style)
        fprintf (stderr, "%s\n(%s is a directory)\n", go_not_a_trace, path);
      else
        print_message (in, "it is a folder, not a trace file");
      close (fd);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      gboolean ok = read_stream (in, fd, &st);

      close (fd);
      return ok;
    }

  if (st.st_size == 0)
    {
      if (in->go_style)
        fprintf (stderr, "%s\n(%s is empty)\n", go_not_a_trace, path);
      else
        print_message (in, "the file is empty, not a Go execution trace");
      close (fd);
      return FALSE;
    }
  in->fd = fd;
  in->size = (guint64) st.st_size;
  in->mtime_nsec = mtime_nsec (&st);
  return TRUE;
}

/* The reader reports progress after each whole generation: the last
 * figure before an error is how far the complete generations go. */
static void
on_progress (guint64  consumed,
             guint64  total,
             gpointer user_data)
{
  GolanesCliInput *in = user_data;

  in->valid = consumed;
}

GolanesTraceReader *
golanes_cli_input_reader (GolanesCliInput *in,
                          GError         **error)
{
  GolanesTraceReader *reader;

  if (in->bytes != NULL)
    reader = golanes_trace_reader_new_for_bytes (in->bytes, error);
  else
    reader = golanes_trace_reader_new_for_fd (in->fd, in->size, error);
  if (reader == NULL)
    return NULL;
  in->valid = 0;
  in->read_any = TRUE;
  golanes_trace_reader_set_progress_func (reader, on_progress, in);
  return reader;
}

/* Names the file in the "(at byte offset N: ...)" line of a reader's
 * error: "(at byte offset N of PATH: ...)". */
static char *
name_file_in_message (const char *message,
                      const char *path)
{
  static const char marker[] = "\n(at byte offset ";
  const char *at = strstr (message, marker);
  const char *colon;

  if (at == NULL)
    return NULL;
  at += sizeof marker - 1;
  for (colon = at; g_ascii_isdigit (*colon); colon++)
    ;
  if (colon == at || *colon != ':')
    return NULL;
  return g_strdup_printf ("%.*s of %s%s", (int) (colon - message), message, path, colon);
}

void
golanes_cli_input_print_error (GolanesCliInput *in,
                               const GError    *error,
                               guint64          events_read)
{
  in->broken = TRUE;
  if (in->go_style && error->domain == GOLANES_ERROR)
    {
      /* Go's own line first, as `go tool trace -d=parsed` prints it. */
      g_autofree char *named = name_file_in_message (error->message, in->path);

      if (named != NULL)
        fprintf (stderr, "%s\n", named);
      else
        fprintf (stderr, "%s\n(in %s)\n", error->message, in->path);
    }
  else if (events_read > 0)
    fprintf (stderr, "golanes-cli %s: warning: %s: the trace is broken after %" G_GUINT64_FORMAT
             " events; analysing those: %s\n", in->command, in->path, events_read, error->message);
  else
    print_message (in, "%s", error->message);

  /* The header was good: how much of the file the error cost. */
  if (in->read_any && in->size > 0 && in->valid == 0)
    print_message (in, "no generation of the trace could be read, none of the %" G_GUINT64_FORMAT
                   " bytes of the %s", in->size, in->bytes != NULL ? "input" : "file");
  else if (in->read_any && in->size > 0 && in->valid < in->size)
    {
      guint64 lost = in->size - in->valid;

      print_message (in, "%.1f%% of the %s (%" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
                     " bytes, from byte offset %" G_GUINT64_FORMAT " on) could not be read",
                     100.0 * (double) lost / (double) in->size,
                     in->bytes != NULL ? "input" : "file", lost, in->size, in->valid);
    }
}

void
golanes_cli_input_close (GolanesCliInput *in)
{
  struct stat st;

  if (in->fd >= 0 && fstat (in->fd, &st) == 0)
    {
      guint64 now = (guint64) st.st_size;

      if (now > in->size)
        print_message (in, "the file grew from %" G_GUINT64_FORMAT " to %" G_GUINT64_FORMAT
                       " bytes while it was read: a program is probably still writing it; "
                       "only its first %" G_GUINT64_FORMAT " bytes were read",
                       in->size, now, in->size);
      else if (now < in->size)
        print_message (in, "the file got shorter while it was read (from %" G_GUINT64_FORMAT
                       " to %" G_GUINT64_FORMAT " bytes): it was truncated or rewritten",
                       in->size, now);
      else if (mtime_nsec (&st) != in->mtime_nsec)
        print_message (in, "the file was rewritten while it was read");
      else if (in->broken)
        {
          /* A trace that ends broken and was written a moment ago is
           * most likely being written still. */
          gint64 age_ms = (g_get_real_time () * 1000 - in->mtime_nsec) / 1000000;

          if (age_ms >= 0 && age_ms < RECENT_MSEC)
            print_message (in, "the file was last written %.1f s ago: "
                           "a program may still be writing it", age_ms / 1000.0);
        }
    }
  if (in->fd >= 0)
    close (in->fd);
  in->fd = -1;
  g_clear_pointer (&in->bytes, g_bytes_unref);
}
