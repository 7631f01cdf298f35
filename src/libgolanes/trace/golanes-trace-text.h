/* golanes-trace-text.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "golanes-trace-private.h"
#include "golanes-trace-reader.h"

G_BEGIN_DECLS

/* Appends @len bytes of @s quoted exactly like Go's strconv.Quote. */
void golanes_text_append_quoted (GolanesTextBuf *buf,
                                 const char     *s,
                                 gsize           len);

/* Appends Unix time @sec.@nsec (nsec in [0, 1e9)) in UTC formatted like
 * Go's time.RFC3339Nano. */
void golanes_text_append_rfc3339nano (GolanesTextBuf *buf,
                                      gint64          sec,
                                      gint64          nsec);

/* Appends the text Go's trace.Event.String() gives for @event (without the
 * final newline that `go tool trace -d=parsed` adds). */
void golanes_text_append_event (GolanesTextBuf     *buf,
                                GolanesTraceReader *reader,
                                const GolanesEvent *event);

/* A formatter caches the text of the stacks of the current generation;
 * use one per reader when formatting many events. */
typedef struct _GolanesTextFormatter GolanesTextFormatter;

GolanesTextFormatter *golanes_text_formatter_new          (void);
void                  golanes_text_formatter_free         (GolanesTextFormatter *fmt);
void                  golanes_text_formatter_append_event (GolanesTextFormatter *fmt,
                                                           GolanesTextBuf       *buf,
                                                           GolanesTraceReader   *reader,
                                                           const GolanesEvent   *event);

G_END_DECLS
