/* golanes-cli-info.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "golanes-cli-commands.h"
#include "golanes-cli-input.h"
#include "golanes-trace-header.h"

int
golanes_cli_info (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("TRACE");
  g_autoptr(GError) error = NULL;
  GolanesTraceHeader header;
  GolanesCliInput in;
  const guint8 *data;
  guint8 buf[64];
  goffset size = 0;
  gssize k;
  gsize n;

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

  if (!golanes_cli_input_open (&in, "info", argv[1]))
    {
      golanes_cli_input_close (&in);
      return 1;
    }
  size = (goffset) in.size;
  if (in.bytes != NULL)
    {
      data = g_bytes_get_data (in.bytes, &n);
      n = MIN (n, sizeof buf);
      memcpy (buf, data, n);
    }
  else
    {
      n = (gsize) MIN (in.size, sizeof buf);
      do
        k = pread (in.fd, buf, n, 0);
      while (k < 0 && errno == EINTR);
      if (k < 0)
        {
          int saved = errno;
          fprintf (stderr, "golanes-cli info: %s: cannot read it: %s\n", argv[1], g_strerror (saved));
          golanes_cli_input_close (&in);
          return 1;
        }
      n = (gsize) k;
    }
  golanes_cli_input_close (&in);
  if (!golanes_trace_header_parse (buf, n, &header, &error))
    {
      fprintf (stderr, "golanes-cli info: %s: %s\n", argv[1], error->message);
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
