/* golanes-cli.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "golanes-cli-commands.h"
#include "golanes-memory.h"

static const GolanesCliCommand commands[] = {
  { "info", "Show the Go version and size of a trace without parsing it", golanes_cli_info },
  { "events", "Print the parsed events like 'go tool trace -d=parsed'", golanes_cli_events },
  { "gc", "GC cycles, stop-the-world pauses, heap and GOMAXPROCS over time", golanes_cli_gc },
  { "mmu", "Minimum mutator utilization like 'go tool trace' /mmu", golanes_cli_mmu },
  { "blocking", "Blocking profiles (sync, net, syscall, sched) like 'go tool trace -pprof'", golanes_cli_blocking },
  { "cpu", "Where the CPU went: the trace's CPU samples as a top table, folded stacks or pprof", golanes_cli_cpu },
  { "critical-path", "Why a task, region or goroutine took so long: its critical path", golanes_cli_critical_path },
  { "goroutines", "Per-goroutine time accounting like 'go tool trace' /goroutines", golanes_cli_goroutines },
  { "tasks", "User task latencies by type like 'go tool trace' /usertasks", golanes_cli_tasks },
  { "regions", "User region latencies by type like 'go tool trace' /userregions", golanes_cli_regions },
  { "summary", "Go version, duration, goroutines, GC, stop-the-world time, peak heap", golanes_cli_summary },
#ifdef GOLANES_CLI_RENDER
  { "record", "Record a trace from a running Go service's net/http/pprof endpoint", golanes_cli_record },
  { "render", "Draw the timeline into a PNG, as the viewer shows it", golanes_cli_render },
#endif
};

static void
print_usage (FILE *out)
{
  fprintf (out,
           "Usage:\n"
           "  golanes-cli COMMAND [OPTION...] TRACE\n"
           "\n"
           "Read Go execution traces (runtime/trace, go test -trace) from the command line.\n"
           "TRACE may also be a pipe (a FIFO, /dev/stdin, <(...)), which is read into memory;\n"
           "it must not stay silent for GOLANES_PIPE_TIMEOUT seconds (10 by default).\n"
           "\n"
           "Commands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-12s %s\n", commands[i].name, commands[i].summary);
  fprintf (out,
           "\n"
           "Options:\n"
           "  -h, --help     Show this help\n"
           "  --version      Show the version\n"
           "\n"
           "Run 'golanes-cli COMMAND --help' for the options of a command.\n");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  golanes_tune_allocator ();

  if (argc < 2)
    {
      print_usage (stderr);
      return 2;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return 0;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("golanes-cli %s (GLib %u.%u.%u)\n", PACKAGE_VERSION,
              glib_major_version, glib_minor_version, glib_micro_version);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  fprintf (stderr, "golanes-cli: unknown command '%s'\n\n", argv[1]);
  print_usage (stderr);
  return 2;
}
