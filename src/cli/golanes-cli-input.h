/* golanes-cli-input.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "golanes-trace-reader.h"

G_BEGIN_DECLS

/* The TRACE argument of a command, opened once: every reader made from it
 * reads the same bytes.  A regular file is read in place up to its size
 * when it was opened (a program may still be writing it; whatever is
 * renamed over its path meanwhile is not read).  Anything else that can
 * be read, a pipe (a FIFO, /dev/stdin in a pipeline, <(...)) or a device,
 * is read whole into memory first: its first byte, and each next one, must
 * come within GOLANES_PIPE_TIMEOUT seconds (10 by default), and it stops
 * early when what came is no trace header (/dev/zero).
 *
 * Every message names the file.  For `events` the first line of an error
 * is the one `go tool trace -d=parsed` prints for the same input. */
typedef struct
{
  const char *command;     /* "events", "summary", ... */
  const char *path;        /* as given, printed as given */
  gboolean    go_style;    /* Go's wording first (events) */
  int         fd;          /* a regular file, or -1 */
  guint64     size;        /* its size when opened, or the bytes that came */
  gint64      mtime_nsec;
  GBytes     *bytes;       /* what came through a pipe or device */
  guint64     valid;       /* end of the last complete generation read */
  gboolean    read_any;    /* a reader was made: the header was good */
  gboolean    broken;      /* an error was printed */
} GolanesCliInput;

/* Opens @path for @command; prints why and returns FALSE if it cannot be
 * read.  Close it with golanes_cli_input_close() either way. */
gboolean            golanes_cli_input_open    (GolanesCliInput *in,
                                               const char      *command,
                                               const char      *path);

/* A new reader from the start of the input, or NULL with @error set (not
 * printed: see golanes_cli_input_print_error()). */
GolanesTraceReader *golanes_cli_input_reader  (GolanesCliInput *in,
                                               GError         **error);

/* Prints @error, which a reader of @in gave, naming the file; then, if
 * the trace was read at all, how much of the file could not be.  With
 * @events_read, as a warning that the events before the error are used. */
void                golanes_cli_input_print_error (GolanesCliInput *in,
                                                   const GError    *error,
                                                   guint64          events_read);

/* Says if the file grew, got shorter or was rewritten since it was
 * opened; frees what @in holds. */
void                golanes_cli_input_close   (GolanesCliInput *in);

G_END_DECLS
