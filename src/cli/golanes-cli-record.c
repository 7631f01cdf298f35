/* golanes-cli-record.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "golanes-cli-commands.h"
#include "golanes-recorder.h"

int
golanes_cli_record (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *out = NULL;
  g_autofree char *full = NULL;
  gint seconds = 5;
  guint64 bytes = 0;
  gboolean truncated = FALSE;
  GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url,
      "The service's trace endpoint, e.g. http://localhost:6060/debug/pprof/trace", "URL" },
    { "seconds", 0, 0, G_OPTION_ARG_INT, &seconds,
      "How long to record (default 5); 0 fetches the URL once, e.g. a flight-recorder snapshot", "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out, "Write the trace to OUT.trace", "OUT.trace" },
    { NULL }
  };

  g_option_context_set_summary (context,
                                "Records a trace from a running Go service through its net/http/pprof\n"
                                "endpoint (or a handler that writes a flight-recorder snapshot) into a file.\n"
                                "Exit status: 0 a trace was written; 1 an error, nothing written; 3 the\n"
                                "connection dropped, and what arrived was written (a truncated trace).");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "golanes-cli record: %s\n", error->message);
      return 2;
    }
  if (argc != 1 || url == NULL || out == NULL || seconds < 0 || seconds > 24 * 3600)
    {
      fprintf (stderr, "Usage: golanes-cli record --url URL [--seconds N] -o OUT.trace\n");
      return 2;
    }

  full = golanes_record_build_url (url, (guint) seconds, &error);
  if (full == NULL)
    {
      fprintf (stderr, "golanes-cli record: %s\n", error->message);
      return 1;
    }
  if (seconds > 0)
    printf ("Recording %d s from %s…\n", seconds, full);
  else
    printf ("Fetching %s…\n", full);
  fflush (stdout);

  if (!golanes_record (url, (guint) seconds, out, NULL, NULL, NULL, &bytes, &truncated, &error))
    {
      fprintf (stderr, "golanes-cli record: %s\n", error->message);
      return 1;
    }
  if (truncated)
    {
      fprintf (stderr, "golanes-cli record: the trace ended early, after %" G_GUINT64_FORMAT " bytes: "
               "%s holds what arrived, a truncated trace\n", bytes, out);
      return 3;
    }
  printf ("Wrote %" G_GUINT64_FORMAT " bytes to %s\n", bytes, out);
  return 0;
}
