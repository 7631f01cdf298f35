/* golanes-trace-header.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "golanes-error.h"
#include "golanes-trace-header.h"

/* Spaces as Go's fmt scanning sees them, newlines excluded. */
static gsize
skip_spaces (const guint8 *data,
             gsize         len,
             gsize         pos)
{
  while (pos < len && (data[pos] == ' ' || data[pos] == '\t' || data[pos] == '\r' ||
                       data[pos] == '\v' || data[pos] == '\f'))
    pos++;
  return pos;
}

/* The header is "go 1.N trace" followed by three NULs.  Go reads it with
 * fmt.Fscanf and the format "go 1.%d trace\x00\x00\x00" into a uint32, so a
 * space in the format stands for one or more spaces, %d skips spaces before
 * the number and accepts leading zeros; then it looks the minor up in its
 * table of known versions.  We accept exactly the same inputs so that the
 * error text names the same failure. */
gboolean
golanes_trace_header_parse (const guint8       *data,
                            gsize               len,
                            GolanesTraceHeader *header,
                            GError            **error)
{
  static const char suffix[] = "trace\0\0\0";
  gsize pos, next;
  guint64 minor = 0;
  gsize digits = 0;

  g_return_val_if_fail (header != NULL, FALSE);

  memset (header, 0, sizeof *header);

  if (len < 2 || memcmp (data, "go", 2) != 0)
    goto not_a_trace;
  next = skip_spaces (data, len, 2);
  if (next == 2 || len - next < 2 || memcmp (data + next, "1.", 2) != 0)
    goto not_a_trace;
  pos = skip_spaces (data, len, next + 2);

  while (pos < len && data[pos] >= '0' && data[pos] <= '9')
    {
      minor = minor * 10 + (data[pos] - '0');
      if (minor > G_MAXUINT32)
        goto not_a_trace;
      pos++;
      digits++;
    }
  if (digits == 0)
    goto not_a_trace;

  next = skip_spaces (data, len, pos);
  if (next == pos)
    goto not_a_trace;
  pos = next;
  if (len - pos < sizeof suffix - 1 || memcmp (data + pos, suffix, sizeof suffix - 1) != 0)
    goto not_a_trace;
  pos += sizeof suffix - 1;

  header->go_minor = (guint) minor;
  header->header_len = (guint) pos;
  if (minor >= 22)
    header->format = GOLANES_TRACE_FORMAT_V2;
  else if (minor == 11 || minor == 19 || minor == 21)
    header->format = GOLANES_TRACE_FORMAT_LEGACY;
  else
    header->format = GOLANES_TRACE_FORMAT_UNKNOWN;
  return TRUE;

not_a_trace:
  g_set_error_literal (error, GOLANES_ERROR, GOLANES_ERROR_NOT_A_TRACE,
                       "bad file format: not a Go execution trace?");
  return FALSE;
}

/* Versions whose wire format Golanes decodes: 1.22, 1.23 (also written by
 * Go 1.24), 1.25 and 1.26, and the pre-1.22 format of 1.11 (written by Go
 * 1.11 to 1.18), 1.19 (1.19 and 1.20) and 1.21. */
gboolean
golanes_trace_header_supported (const GolanesTraceHeader *header,
                                GError                  **error)
{
  switch (header->go_minor)
    {
    case 22:
    case 23:
    case 25:
    case 26:
      return TRUE;

    case 11:
    case 19:
    case 21:
      /* The pre-1.22 format (Go 1.11 to 1.21), converted as Go does. */
      return TRUE;

    default:
      g_set_error (error, GOLANES_ERROR, GOLANES_ERROR_UNSUPPORTED_VERSION,
                   "unknown or unsupported trace version go 1.%u", header->go_minor);
      return FALSE;
    }
}

/* Reads just the header and the size of a file: cheap enough to run before
 * deciding whether to parse it. */
gboolean
golanes_trace_header_read_file (const char         *path,
                                GolanesTraceHeader *header,
                                goffset            *size,
                                GError            **error)
{
  guint8 buf[32];
  struct stat st;
  ssize_t n;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  /* Without blocking: a FIFO with no writer is refused below, not waited for. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "%s", g_strerror (saved));
      return FALSE;
    }

  if (fstat (fd, &st) != 0)
    {
      int saved = errno;
      close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
      return FALSE;
    }

  if (S_ISDIR (st.st_mode))
    {
      close (fd);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           "it is a folder, not a trace file");
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           "it is not a regular file");
      return FALSE;
    }

  if (size != NULL)
    *size = st.st_size;

  do
    n = read (fd, buf, sizeof buf);
  while (n < 0 && errno == EINTR);

  if (n < 0)
    {
      int saved = errno;
      close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
      return FALSE;
    }
  close (fd);

  if (n == 0)
    {
      g_set_error_literal (error, GOLANES_ERROR, GOLANES_ERROR_NOT_A_TRACE,
                           "the file is empty");
      return FALSE;
    }

  return golanes_trace_header_parse (buf, (gsize) n, header, error);
}
