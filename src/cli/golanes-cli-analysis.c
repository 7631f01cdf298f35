/* golanes-cli-analysis.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "golanes-cli-analysis.h"

gboolean
golanes_cli_run_pass (const char               *command,
                      const char               *path,
                      const GolanesCliConsumer *consumers,
                      guint                     n_consumers,
                      guint                    *go_minor)
{
  g_autoptr(GError) error = NULL;
  GolanesTraceReader *reader;
  GolanesEvent ev;
  guint64 n_events = 0;
  guint i;

  reader = golanes_trace_reader_new_for_path (path, &error);
  if (reader == NULL)
    {
      fprintf (stderr, "golanes-cli %s: %s: %s\n", command, path, error->message);
      return FALSE;
    }
  if (go_minor != NULL)
    *go_minor = golanes_trace_reader_get_go_minor (reader);

  while (golanes_trace_reader_next (reader, &ev, &error))
    {
      for (i = 0; i < n_consumers; i++)
        consumers[i].feed (consumers[i].analysis, reader, &ev);
      n_events++;
    }
  golanes_trace_reader_free (reader);

  if (error != NULL)
    {
      if (n_events == 0)
        {
          fprintf (stderr, "golanes-cli %s: %s: %s\n", command, path, error->message);
          return FALSE;
        }
      fprintf (stderr, "golanes-cli %s: warning: %s: the trace is broken after %" G_GUINT64_FORMAT
               " events; analysing those: %s\n", command, path, n_events, error->message);
    }
  return TRUE;
}

void
golanes_cli_json_string (GString    *out,
                         const char *s)
{
  g_autofree char *valid = NULL;
  const unsigned char *p;

  if (s == NULL)
    s = "";
  if (!g_utf8_validate (s, -1, NULL))
    s = valid = g_utf8_make_valid (s, -1);
  g_string_append_c (out, '"');
  for (p = (const unsigned char *) s; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
          break;
        }
    }
  g_string_append_c (out, '"');
}
