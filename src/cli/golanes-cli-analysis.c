/* golanes-cli-analysis.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "golanes-cli-analysis.h"
#include "golanes-cli-input.h"
#include "golanes-duration.h"

gboolean
golanes_cli_run_pass (const char               *command,
                      const char               *path,
                      const GolanesCliConsumer *consumers,
                      guint                     n_consumers,
                      guint                    *go_minor)
{
  g_autoptr(GError) error = NULL;
  GolanesCliInput in;
  GolanesTraceReader *reader;
  GolanesEvent ev;
  guint64 n_events = 0, n_useful = 0;
  guint i;

  if (!golanes_cli_input_open (&in, command, path))
    {
      golanes_cli_input_close (&in);
      return FALSE;
    }
  reader = golanes_cli_input_reader (&in, &error);
  if (reader == NULL)
    {
      golanes_cli_input_print_error (&in, error, 0);
      golanes_cli_input_close (&in);
      return FALSE;
    }
  if (go_minor != NULL)
    *go_minor = golanes_trace_reader_get_go_minor (reader);

  while (golanes_trace_reader_next (reader, &ev, &error))
    {
      for (i = 0; i < n_consumers; i++)
        consumers[i].feed (consumers[i].analysis, reader, &ev);
      n_events++;
      if (ev.kind != GOLANES_EVENT_SYNC)
        n_useful++;
    }
  golanes_trace_reader_free (reader);

  if (error != NULL)
    {
      /* Sync events alone (a trace broken in its first generation) are
       * nothing to analyse. */
      golanes_cli_input_print_error (&in, error, n_useful > 0 ? n_events : 0);
      golanes_cli_input_close (&in);
      return n_useful > 0;
    }
  golanes_cli_input_close (&in);
  return TRUE;
}

void
golanes_cli_print_duration (gint64 ns,
                            int    width)
{
  char buf[GOLANES_DURATION_BUF_SIZE];
  int n;

  golanes_format_duration (ns, buf);
  n = (int) g_utf8_strlen (buf, -1);
  printf ("%*s%s", MAX (width - n, 0), "", buf);
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
