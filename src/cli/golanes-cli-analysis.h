/* golanes-cli-analysis.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "golanes-trace-reader.h"

G_BEGIN_DECLS

/* Shared plumbing of the analysis commands (goroutines, blocking, tasks,
 * regions, summary): one pass over a trace feeding several consumers, and
 * JSON text helpers. */

typedef void (*GolanesCliFeedFunc) (gpointer            analysis,
                                    GolanesTraceReader *reader,
                                    const GolanesEvent *event);

typedef struct
{
  GolanesCliFeedFunc feed;
  gpointer           analysis;
} GolanesCliConsumer;

/* Reads @path once, handing every event to each consumer in turn.  A trace
 * that breaks after some events is analysed up to the break, with a warning
 * on stderr, like `go tool trace` does.  Returns FALSE (after printing the
 * reason) if the trace cannot be read at all.  @go_minor may be NULL. */
gboolean golanes_cli_run_pass (const char               *command,
                               const char               *path,
                               const GolanesCliConsumer *consumers,
                               guint                     n_consumers,
                               guint                    *go_minor);

/* Prints @ns as a duration right-aligned in @width characters (printf's
 * field widths count bytes, and durations may hold a 2-byte 'µ'). */
void     golanes_cli_print_duration (gint64 ns,
                                     int    width);

/* Appends @s (NUL-terminated, may be NULL for "") as a JSON string. */
void     golanes_cli_json_string (GString    *out,
                                  const char *s);

G_END_DECLS
