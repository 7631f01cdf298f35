/* golanes-cli-tasks.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "golanes-cli-analysis.h"
#include "golanes-cli-commands.h"
#include "golanes-duration.h"
#include "golanes-tasks.h"

static void
print_table (const GolanesLatencyStats *stats,
             guint                      n,
             gboolean                   regions)
{
  guint i;

  printf ("%7s  %10s  %12s  %12s  %12s  %12s  %s\n", "Count", "Incomplete",
          "p50", "p90", "p99", "max", regions ? "Region type / start location" : "Task type");
  for (i = 0; i < n; i++)
    {
      const GolanesLatencyStats *s = &stats[i];

      printf ("%7u  %10u", s->count, s->n_incomplete);
      if (s->n_latencies > 0)
        {
          printf ("  ");
          golanes_cli_print_duration (s->p50, 12);
          printf ("  ");
          golanes_cli_print_duration (s->p90, 12);
          printf ("  ");
          golanes_cli_print_duration (s->p99, 12);
          printf ("  ");
          golanes_cli_print_duration (s->max, 12);
        }
      else
        printf ("  %12s  %12s  %12s  %12s", "-", "-", "-", "-");
      if (regions)
        printf ("  \"%s\" %s @ 0x%" G_GINT64_MODIFIER "x %s:%" G_GUINT64_FORMAT "\n",
                s->name, s->frame_func, s->frame_pc, s->frame_file, s->frame_line);
      else
        printf ("  %s\n", s->name[0] != '\0' ? s->name : "(no name)");
    }
}

static void
print_json (const GolanesLatencyStats *stats,
            guint                      n,
            gboolean                   regions)
{
  g_autoptr(GString) out = g_string_new (regions ? "{\n  \"regions\": [" : "{\n  \"tasks\": [");
  guint i;
  int b;

  for (i = 0; i < n; i++)
    {
      const GolanesLatencyStats *s = &stats[i];

      g_string_append (out, i == 0 ? "\n    {\"name\": " : ",\n    {\"name\": ");
      golanes_cli_json_string (out, s->name);
      if (regions)
        {
          g_string_append (out, ", \"frame\": {\"func\": ");
          golanes_cli_json_string (out, s->frame_func);
          g_string_append (out, ", \"file\": ");
          golanes_cli_json_string (out, s->frame_file);
          g_string_append_printf (out, ", \"line\": %" G_GUINT64_FORMAT ", \"pc\": %"
                                  G_GUINT64_FORMAT "}", s->frame_line, s->frame_pc);
        }
      g_string_append_printf (out, ", \"count\": %u, \"incomplete\": %u, \"n_latencies\": %u, "
                              "\"total_ns\": %" G_GINT64_FORMAT ", \"p50_ns\": %" G_GINT64_FORMAT
                              ", \"p90_ns\": %" G_GINT64_FORMAT ", \"p99_ns\": %" G_GINT64_FORMAT
                              ", \"max_ns\": %" G_GINT64_FORMAT,
                              s->count, s->n_incomplete, s->n_latencies, s->total,
                              s->p50, s->p90, s->p99, s->max);
      g_string_append (out, ", \"histogram\": [");
      if (s->n_latencies > 0)
        for (b = s->min_bucket; b <= s->max_bucket; b++)
          g_string_append_printf (out, "%s{\"bucket\": %d, \"min_ns\": %" G_GINT64_FORMAT
                                  ", \"count\": %u}", b == s->min_bucket ? "" : ", ", b,
                                  golanes_histogram_bucket_min (b), s->buckets[b]);
      g_string_append_printf (out, "], \"histogram_end_ns\": %" G_GINT64_FORMAT "}",
                              s->n_latencies > 0 ? golanes_histogram_bucket_min (s->max_bucket + 1) : 0);
    }
  g_string_append (out, n > 0 ? "\n  ]\n}\n" : "]\n}\n");
  fwrite (out->str, 1, out->len, stdout);
}

static void
feed_tasks (gpointer            analysis,
            GolanesTraceReader *reader,
            const GolanesEvent *event)
{
  golanes_tasks_feed (analysis, reader, event);
}

static int
run (int      argc,
     char   **argv,
     gboolean regions)
{
  const char *cmd = regions ? "regions" : "tasks";
  g_autoptr(GOptionContext) context = g_option_context_new ("TRACE");
  g_autoptr(GError) error = NULL;
  g_autoptr(GolanesTasks) tasks = NULL;
  gboolean json = FALSE;
  GolanesCliConsumer consumer;
  const GolanesLatencyStats *stats;
  guint n = 0;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { NULL }
  };

  g_option_context_set_summary (context, regions ?
                                "User regions grouped by type and start location: count,\n"
                                "incomplete ones and latency percentiles, like 'go tool trace'\n"
                                "/userregions (a missing begin or end counts as the trace start\n"
                                "or end)." :
                                "User tasks grouped by type: count, incomplete ones and latency\n"
                                "percentiles of the complete ones, like 'go tool trace'\n"
                                "/usertasks.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "golanes-cli %s: %s\n", cmd, error->message);
      return 2;
    }
  if (argc != 2)
    {
      fprintf (stderr, "golanes-cli %s: expected one TRACE argument\n", cmd);
      return 2;
    }

  tasks = golanes_tasks_new (NULL);
  consumer.feed = feed_tasks;
  consumer.analysis = tasks;
  if (!golanes_cli_run_pass (cmd, argv[1], &consumer, 1, NULL))
    return 1;
  golanes_tasks_finish (tasks);

  stats = regions ? golanes_tasks_get_regions (tasks, &n) : golanes_tasks_get_tasks (tasks, &n);
  if (json)
    print_json (stats, n, regions);
  else
    print_table (stats, n, regions);
  return 0;
}

int
golanes_cli_tasks (int    argc,
                   char **argv)
{
  return run (argc, argv, FALSE);
}

int
golanes_cli_regions (int    argc,
                     char **argv)
{
  return run (argc, argv, TRUE);
}
