/* golanes-cli-events.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "golanes-cli-commands.h"
#include "golanes-cli-input.h"
#include "golanes-error.h"
#include "golanes-trace-reader.h"
#include "golanes-trace-text.h"

#define FLUSH_AT (1 << 20)

static void
flush_out (GolanesTextBuf *out)
{
  if (out->len > 0)
    fwrite (out->data, 1, out->len, stdout);
  out->len = 0;
}

int
golanes_cli_events (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("TRACE");
  g_autoptr(GError) error = NULL;
  gboolean count_only = FALSE, format_only = FALSE;
  GOptionEntry entries[] = {
    { "count", 'c', 0, G_OPTION_ARG_NONE, &count_only,
      "Only parse; print the number of events, events/s and MB/s", NULL },
    { "format-only", 0, 0, G_OPTION_ARG_NONE, &format_only,
      "Parse and format but discard the text; print events/s and MB/s", NULL },
    { NULL }
  };
  GolanesTraceReader *reader;
  GolanesTextBuf out;
  GolanesTextFormatter *fmt;
  GolanesEvent ev;
  guint64 n = 0;
  gint64 t0, t1;
  GolanesCliInput in;
  int status = 0;

  g_option_context_set_summary (context,
                                "Print the events of a trace exactly like\n"
                                "'go tool trace -d=parsed TRACE' does.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "golanes-cli events: %s\n", error->message);
      return 2;
    }
  if (argc != 2)
    {
      fprintf (stderr, "golanes-cli events: expected one TRACE argument\n");
      return 2;
    }

  if (!golanes_cli_input_open (&in, "events", argv[1]))
    {
      golanes_cli_input_close (&in);
      return 1;
    }

  t0 = g_get_monotonic_time ();
  reader = golanes_cli_input_reader (&in, &error);
  if (reader == NULL)
    {
      golanes_cli_input_print_error (&in, error, 0);
      golanes_cli_input_close (&in);
      return 1;
    }
  golanes_trace_reader_set_threaded (reader, golanes_trace_reader_threaded_default ());

  fmt = golanes_text_formatter_new ();
  golanes_text_buf_init (&out);
  golanes_text_buf_grow (&out, FLUSH_AT + 65536);
  if (count_only)
    {
      while (golanes_trace_reader_next (reader, &ev, &error))
        n++;
    }
  else if (format_only)
    {
      while (golanes_trace_reader_next (reader, &ev, &error))
        {
          golanes_text_formatter_append_event (fmt, &out, reader, &ev);
          golanes_text_buf_append_c (&out, '\n');
          out.len = 0;
          n++;
        }
    }
  else
    {
      while (golanes_trace_reader_next (reader, &ev, &error))
        {
          golanes_text_formatter_append_event (fmt, &out, reader, &ev);
          golanes_text_buf_append_c (&out, '\n');
          if (out.len >= FLUSH_AT)
            flush_out (&out);
          n++;
        }
      flush_out (&out);
    }
  fflush (stdout);
  t1 = g_get_monotonic_time ();

  if (error != NULL)
    {
      golanes_cli_input_print_error (&in, error, 0);
      status = 1;
    }
  if (count_only || format_only)
    {
      double secs = (t1 - t0) / 1e6;
      if (secs <= 0)
        secs = 1e-6;
      printf ("events: %" G_GUINT64_FORMAT "\n", n);
      printf ("bytes: %" G_GINT64_FORMAT "\n", (gint64) in.size);
      printf ("seconds: %.3f\n", secs);
      printf ("events/s: %.0f\n", n / secs);
      printf ("MB/s: %.1f\n", in.size / secs / 1e6);
    }

  golanes_text_buf_clear (&out);
  golanes_text_formatter_free (fmt);
  golanes_trace_reader_free (reader);
  golanes_cli_input_close (&in);
  return status;
}
