/* fuzz-reader.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer harness: the trace reader and its text output.  Each input is
 * read as a whole trace, every event is formatted the way `golanes-cli
 * events` prints it, and every stack an event names is looked up.  A read
 * error is a normal outcome; a crash, a leak, a sanitizer report or a
 * timeout is a bug.
 */

#include <stdint.h>
#include <stddef.h>

#include <glib.h>

#include "golanes-text-buf-private.h"
#include "golanes-trace-reader.h"
#include "golanes-trace-text.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  GolanesTraceReader *reader;
  GolanesTextFormatter *fmt;
  GolanesTextBuf out;
  GolanesEvent ev;

  reader = golanes_trace_reader_new_for_bytes (bytes, &error);
  if (reader == NULL)
    {
      g_assert (error != NULL && error->message != NULL);
      return 0;
    }
  /* One thread: the threaded reader is exercised by fuzz-document. */
  golanes_trace_reader_set_threaded (reader, FALSE);

  fmt = golanes_text_formatter_new ();
  golanes_text_buf_init (&out);
  while (golanes_trace_reader_next (reader, &ev, &error))
    {
      GolanesStackFrame frames[64];
      gboolean has_stack = FALSE;
      guint64 stack = golanes_event_get_stack (&ev, &has_stack);

      golanes_text_formatter_append_event (fmt, &out, reader, &ev);
      golanes_text_buf_append_c (&out, '\n');
      if (out.len > (1u << 20))
        out.len = 0;
      if (has_stack && stack != 0)
        golanes_trace_reader_get_stack (reader, stack, frames, G_N_ELEMENTS (frames));
    }
  g_assert (error == NULL || error->message != NULL);

  golanes_text_buf_clear (&out);
  golanes_text_formatter_free (fmt);
  golanes_trace_reader_free (reader);
  return 0;
}
