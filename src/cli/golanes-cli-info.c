/* golanes-cli-info.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "golanes-cli-commands.h"
#include "golanes-trace-header.h"

int
golanes_cli_info (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("TRACE");
  g_autoptr(GError) error = NULL;
  GolanesTraceHeader header;
  goffset size = 0;

  g_option_context_set_summary (context, "Show the Go version and size of a trace without parsing it.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "golanes-cli info: %s\n", error->message);
      return 2;
    }
  if (argc != 2)
    {
      fprintf (stderr, "golanes-cli info: expected one TRACE argument\n");
      return 2;
    }

  if (!golanes_trace_header_read_file (argv[1], &header, &size, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }

  printf ("file: %s\n", argv[1]);
  printf ("size: %" G_GOFFSET_FORMAT " bytes\n", size);
  printf ("go version: 1.%u\n", header.go_minor);
  printf ("format: %s\n",
          header.format == GOLANES_TRACE_FORMAT_V2 ? "generations (Go 1.22+)" :
          header.format == GOLANES_TRACE_FORMAT_LEGACY ? "legacy (Go 1.11-1.21)" : "unknown");
  if (!golanes_trace_header_supported (&header, &error))
    {
      printf ("supported: no (%s)\n", error->message);
      return 1;
    }
  printf ("supported: yes\n");
  return 0;
}
