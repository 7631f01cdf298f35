/* golanes-cli-cpu.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "golanes-call-tree.h"
#include "golanes-cli-commands.h"
#include "golanes-document.h"
#include "golanes-pprof.h"

/* `golanes-cli cpu`: the CPU samples of a trace (or of a time range, a
 * goroutine or a goroutine group) as `pprof -top`'s table, folded stacks
 * or a pprof file. */

static void
print_top (GolanesCallTree *tree,
           guint            limit)
{
  guint n = 0;
  const GolanesCallFunction *fns = golanes_call_tree_get_functions (tree, &n);
  gint64 total = golanes_call_tree_get_total (tree);
  gint64 sum = 0;

  printf ("%" G_GINT64_FORMAT " samples in %u distinct stacks, %u functions\n",
          total, golanes_call_tree_get_n_stacks (tree), n);
  printf ("%10s %7s %7s %10s %7s  %s\n", "flat", "flat%", "sum%", "cum", "cum%", "function");
  for (guint i = 0; i < n && (limit == 0 || i < limit); i++)
    {
      const char *name = golanes_stack_table_get_string (golanes_call_tree_get_stacks (tree), fns[i].func, NULL);
      double d = total > 0 ? (double) total : 1.0;

      sum += fns[i].self;
      printf ("%10" G_GINT64_FORMAT " %6.2f%% %6.2f%% %10" G_GINT64_FORMAT " %6.2f%%  %s\n",
              fns[i].self, 100.0 * (double) fns[i].self / d, 100.0 * (double) sum / d,
              fns[i].total, 100.0 * (double) fns[i].total / d, name != NULL ? name : "");
    }
}

static gboolean
write_all (const char  *path,
           const void  *data,
           gsize        len,
           GError     **error)
{
  FILE *f;

  if (g_strcmp0 (path, "-") == 0)
    return fwrite (data, 1, len, stdout) == len;
  f = fopen (path, "wb");
  if (f == NULL || fwrite (data, 1, len, f) != len || fclose (f) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

int
golanes_cli_cpu (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("TRACE");
  g_autoptr(GError) error = NULL;
  g_autoptr(GolanesDocument) document = NULL;
  g_autoptr(GolanesCallTree) tree = NULL;
  g_autofree char *pprof_path = NULL;
  g_autofree char *group = NULL;
  g_autofree char *region = NULL;
  g_autofree char *task = NULL;
  gint64 start = -1, end = -1, goroutine = -1;
  gboolean folded = FALSE;
  gint limit = 0;
  GolanesCpuFilter filter = GOLANES_CPU_FILTER_ALL;
  GolanesTimeline *timeline;
  GOptionEntry entries[] = {
    { "start", 0, 0, G_OPTION_ARG_INT64, &start, "Only samples from NS after the trace's start", "NS" },
    { "end", 0, 0, G_OPTION_ARG_INT64, &end, "Only samples before NS after the trace's start", "NS" },
    { "goroutine", 'g', 0, G_OPTION_ARG_INT64, &goroutine, "Only the samples of goroutine ID", "ID" },
    { "group", 0, 0, G_OPTION_ARG_STRING, &group,
      "Only the samples of goroutines started by FUNCTION", "FUNCTION" },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region,
      "Only the samples taken inside a region of type TYPE", "TYPE" },
    { "task", 0, 0, G_OPTION_ARG_STRING, &task,
      "Only the samples taken inside a region of a task of type TYPE", "TYPE" },
    { "folded", 0, 0, G_OPTION_ARG_NONE, &folded,
      "Print folded stacks (flamegraph.pl, speedscope) instead of the table", NULL },
    { "pprof", 0, 0, G_OPTION_ARG_FILENAME, &pprof_path,
      "Also write the profile as gzipped pprof to OUT (- for stdout)", "OUT" },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, "Print only the N heaviest functions", "N" },
    { NULL }
  };

  g_option_context_set_summary (context,
                                "Where the CPU went: the CPU samples the trace holds (written while\n"
                                "CPU profiling ran) as 'go tool pprof -top' lists them, flat (the\n"
                                "function was running) and cumulative (it was on the stack).");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "golanes-cli cpu: %s\n", error->message);
      return 2;
    }
  if (argc != 2 || limit < 0 || (start >= 0 && end >= 0 && end <= start))
    {
      fprintf (stderr, "Usage: golanes-cli cpu TRACE [--start NS --end NS] [--goroutine ID] [--group FUNCTION]"
                       " [--region TYPE] [--task TYPE] [--pprof OUT] [--folded]\n");
      return 2;
    }

  document = golanes_document_load_timeline (argv[1], NULL, NULL, NULL, &error);
  if (document == NULL)
    {
      fprintf (stderr, "golanes-cli cpu: %s: %s\n", argv[1], error->message);
      return 1;
    }
  timeline = golanes_document_get_timeline (document);
  if (start >= 0)
    filter.start = golanes_timeline_get_start_time (timeline) + start;
  if (end >= 0)
    filter.end = golanes_timeline_get_start_time (timeline) + end;
  filter.goroutine = goroutine;
  filter.start_function = group;
  filter.region_type = region;
  filter.task_type = task;
  tree = golanes_call_tree_new_cpu (timeline, &filter);

  if (pprof_path != NULL)
    {
      g_autoptr(GBytes) raw = golanes_call_tree_encode_pprof (tree, &golanes_cpu_pprof_sample_type, 1,
                                                              &golanes_cpu_pprof_period_type,
                                                              GOLANES_CPU_PPROF_PERIOD);
      g_autoptr(GBytes) gz = golanes_pprof_gzip (raw, &error);
      gsize len = 0;
      const void *data = gz != NULL ? g_bytes_get_data (gz, &len) : NULL;

      if (gz == NULL || !write_all (pprof_path, data, len, &error))
        {
          fprintf (stderr, "golanes-cli cpu: %s\n", error->message);
          return 1;
        }
      if (g_strcmp0 (pprof_path, "-") == 0)
        return 0;
    }

  if (folded)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      golanes_call_tree_write_folded (tree, FALSE, out);
      fwrite (out->str, 1, out->len, stdout);
    }
  else
    print_top (tree, (guint) limit);
  return 0;
}
