/* golanes-cli-events.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "golanes-cli-commands.h"
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

/* Go prints syscall errors in lower case ("no such file or directory"). */
static char *
go_style_errno (int err)
{
  char *s = g_strdup (g_strerror (err));

  if (s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z'))
    s[0] = (char) (s[0] - 'A' + 'a');
  return s;
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
  struct stat st;
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

  if (stat (argv[1], &st) != 0)
    {
      int saved = errno;
      g_autofree char *msg = go_style_errno (saved);
      fprintf (stderr, "failed to read trace file: open %s: %s\n", argv[1], msg);
      return 1;
    }
  if (S_ISDIR (st.st_mode))
    {
      fprintf (stderr, "bad file format: not a Go execution trace?\n(%s is a directory)\n", argv[1]);
      return 1;
    }

  t0 = g_get_monotonic_time ();
  reader = golanes_trace_reader_new_for_path (argv[1], &error);
  if (reader == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
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
      fprintf (stderr, "%s\n", error->message);
      status = 1;
    }
  if (count_only || format_only)
    {
      double secs = (t1 - t0) / 1e6;
      if (secs <= 0)
        secs = 1e-6;
      printf ("events: %" G_GUINT64_FORMAT "\n", n);
      printf ("bytes: %" G_GINT64_FORMAT "\n", (gint64) st.st_size);
      printf ("seconds: %.3f\n", secs);
      printf ("events/s: %.0f\n", n / secs);
      printf ("MB/s: %.1f\n", st.st_size / secs / 1e6);
    }

  golanes_text_buf_clear (&out);
  golanes_text_formatter_free (fmt);
  golanes_trace_reader_free (reader);
  return status;
}
