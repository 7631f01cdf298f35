/* golanes-cli-goroutines.c
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
#include "golanes-goroutine-summary.h"

#define INACTIVE_NAME "(Inactive, no stack trace sampled)"

/* printf's field widths count bytes; durations may hold a 2-byte 'µ'. */
static void
print_padded (const char *s,
              int         width)
{
  int n = (int) g_utf8_strlen (s, -1);

  printf ("%*s%s", MAX (width - n, 0), "", s);
}

static void
print_duration (gint64 ns,
                int    width)
{
  char buf[GOLANES_DURATION_BUF_SIZE];

  print_padded (golanes_format_duration (ns, buf), width);
}

static void
print_groups (GolanesGoroutineSummary *summary)
{
  guint n = 0, i;
  const GolanesGoroutineGroup *groups = golanes_goroutine_summary_get_groups (summary, &n);

  printf ("%6s  %14s  %14s  %14s  %14s  %14s  %s\n", "Count", "Execution", "Sched wait",
          "Blocked", "Syscall", "Unknown", "Start location");
  for (i = 0; i < n; i++)
    {
      printf ("%6u  ", groups[i].count);
      print_duration (groups[i].exec_time, 14);
      printf ("  ");
      print_duration (groups[i].sched_wait_time, 14);
      printf ("  ");
      print_duration (groups[i].block_time + groups[i].syscall_block_time, 14);
      printf ("  ");
      print_duration (groups[i].syscall_time, 14);
      printf ("  ");
      print_duration (groups[i].unknown_time, 14);
      printf ("  %s\n", groups[i].name[0] != '\0' ? groups[i].name : INACTIVE_NAME);
    }
}

static gboolean
in_group (const GolanesGoroutineInfo *info,
          const char                 *group)
{
  return group == NULL || strcmp (info->name, group) == 0;
}

/* The columns of a group page: every stat that any member has. */
static GPtrArray *
collect_columns (const GolanesGoroutineInfo *infos,
                 guint                       n,
                 const char                 *group,
                 gboolean                    ranges)
{
  GPtrArray *cols = g_ptr_array_new ();
  guint i, j;

  for (i = 0; i < n; i++)
    {
      const GolanesNamedTime *list = ranges ? infos[i].range_times : infos[i].stats;
      guint len = ranges ? infos[i].n_range_times : infos[i].n_stats;

      if (!in_group (&infos[i], group))
        continue;
      for (j = 0; j < len; j++)
        if (!g_ptr_array_find_with_equal_func (cols, list[j].name, g_str_equal, NULL))
          g_ptr_array_add (cols, (gpointer) list[j].name);
    }
  return cols;
}

static gint64
named_lookup (const GolanesNamedTime *list,
              guint                   len,
              const char             *name)
{
  guint i;

  for (i = 0; i < len; i++)
    if (strcmp (list[i].name, name) == 0)
      return list[i].time;
  return 0;
}

static int
compare_columns (gconstpointer a,
                 gconstpointer b)
{
  return golanes_goroutine_summary_compare_columns (*(const char * const *) a, *(const char * const *) b);
}

static void
print_group_page (GolanesGoroutineSummary *summary,
                  const char              *group)
{
  guint n = 0, i, j, count = 0;
  const GolanesGoroutineInfo *infos = golanes_goroutine_summary_get_goroutines (summary, &n);
  gint64 total_exec = golanes_goroutine_summary_get_total_exec_time (summary);
  gint64 exec = 0;
  g_autoptr(GPtrArray) cols = collect_columns (infos, n, group, FALSE);
  g_autoptr(GPtrArray) range_cols = collect_columns (infos, n, group, TRUE);

  g_ptr_array_sort (cols, compare_columns);
  g_ptr_array_sort (range_cols, compare_columns);
  for (i = 0; i < n; i++)
    if (in_group (&infos[i], group))
      {
        count++;
        exec += infos[i].exec_time;
      }

  printf ("Goroutine start location: %s\n", group[0] != '\0' ? group : INACTIVE_NAME);
  printf ("Count: %u\n", count);
  if (total_exec > 0)
    printf ("Execution time: %.2f%% of total program execution time\n",
            (double) exec / (double) total_exec * 100);
  printf ("\n%10s  %14s", "Goroutine", "Total");
  for (j = 0; j < cols->len; j++)
    {
      printf ("  ");
      print_padded (g_ptr_array_index (cols, j), 14);
    }
  printf ("\n");
  for (i = 0; i < n; i++)
    {
      if (!in_group (&infos[i], group))
        continue;
      printf ("%10" G_GINT64_FORMAT "  ", infos[i].id);
      print_duration (infos[i].total_time, 14);
      for (j = 0; j < cols->len; j++)
        {
          const char *col = g_ptr_array_index (cols, j);

          printf ("  ");
          print_duration (named_lookup (infos[i].stats, infos[i].n_stats, col),
                          MAX (14, (int) g_utf8_strlen (col, -1)));
        }
      printf ("\n");
    }

  if (range_cols->len == 0)
    return;
  printf ("\nSpecial ranges:\n%10s  %14s", "Goroutine", "Total");
  for (j = 0; j < range_cols->len; j++)
    {
      printf ("  ");
      print_padded (g_ptr_array_index (range_cols, j), 14);
    }
  printf ("\n");
  for (i = 0; i < n; i++)
    {
      gint64 sum = 0;

      if (!in_group (&infos[i], group))
        continue;
      for (j = 0; j < infos[i].n_range_times; j++)
        sum += infos[i].range_times[j].time;
      if (sum == 0)
        continue;
      printf ("%10" G_GINT64_FORMAT "  ", infos[i].id);
      print_duration (infos[i].total_time, 14);
      for (j = 0; j < range_cols->len; j++)
        {
          const char *col = g_ptr_array_index (range_cols, j);

          printf ("  ");
          print_duration (named_lookup (infos[i].range_times, infos[i].n_range_times, col),
                          MAX (14, (int) g_utf8_strlen (col, -1)));
        }
      printf ("\n");
    }
}

static void
json_named (GString                *out,
            const char             *key,
            const GolanesNamedTime *list,
            guint                   len)
{
  guint i;

  g_string_append_printf (out, ", \"%s\": {", key);
  for (i = 0; i < len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      golanes_cli_json_string (out, list[i].name);
      g_string_append_printf (out, ": %" G_GINT64_FORMAT, list[i].time);
    }
  g_string_append (out, "}");
}

static void
print_json (GolanesGoroutineSummary *summary,
            const char              *group)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = 0, i;
  const GolanesGoroutineGroup *groups = golanes_goroutine_summary_get_groups (summary, &n);
  const GolanesGoroutineInfo *infos;
  gboolean first = TRUE;

  g_string_append_printf (out, "{\n  \"start_time\": %" G_GINT64_FORMAT ",\n  \"end_time\": %"
                          G_GINT64_FORMAT ",\n  \"total_exec_time\": %" G_GINT64_FORMAT
                          ",\n  \"groups\": [",
                          golanes_goroutine_summary_get_start_time (summary),
                          golanes_goroutine_summary_get_end_time (summary),
                          golanes_goroutine_summary_get_total_exec_time (summary));
  for (i = 0; i < n; i++)
    {
      if (group != NULL && strcmp (groups[i].name, group) != 0)
        continue;
      g_string_append (out, first ? "\n    {\"name\": " : ",\n    {\"name\": ");
      first = FALSE;
      golanes_cli_json_string (out, groups[i].name);
      g_string_append_printf (out, ", \"count\": %u, \"exec_time\": %" G_GINT64_FORMAT
                              ", \"total_time\": %" G_GINT64_FORMAT ", \"sched_wait_time\": %"
                              G_GINT64_FORMAT ", \"block_time\": %" G_GINT64_FORMAT
                              ", \"syscall_time\": %" G_GINT64_FORMAT ", \"syscall_block_time\": %"
                              G_GINT64_FORMAT ", \"unknown_time\": %" G_GINT64_FORMAT "}",
                              groups[i].count, groups[i].exec_time, groups[i].total_time,
                              groups[i].sched_wait_time, groups[i].block_time,
                              groups[i].syscall_time, groups[i].syscall_block_time,
                              groups[i].unknown_time);
    }
  g_string_append (out, first ? "],\n  \"goroutines\": [" : "\n  ],\n  \"goroutines\": [");

  infos = golanes_goroutine_summary_get_goroutines (summary, &n);
  first = TRUE;
  for (i = 0; i < n; i++)
    {
      const GolanesGoroutineInfo *g = &infos[i];

      if (!in_group (g, group))
        continue;
      g_string_append_printf (out, "%s\n    {\"id\": %" G_GINT64_FORMAT ", \"name\": ",
                              first ? "" : ",", g->id);
      first = FALSE;
      golanes_cli_json_string (out, g->name);
      g_string_append_printf (out, ", \"pc\": %" G_GUINT64_FORMAT ", \"creation_time\": %"
                              G_GINT64_FORMAT ", \"start_time\": %" G_GINT64_FORMAT
                              ", \"end_time\": %" G_GINT64_FORMAT ", \"total_time\": %"
                              G_GINT64_FORMAT ", \"exec_time\": %" G_GINT64_FORMAT
                              ", \"sched_wait_time\": %" G_GINT64_FORMAT ", \"syscall_time\": %"
                              G_GINT64_FORMAT ", \"syscall_block_time\": %" G_GINT64_FORMAT
                              ", \"unknown_time\": %" G_GINT64_FORMAT,
                              g->pc, g->creation_time, g->start_time, g->end_time, g->total_time,
                              g->exec_time, g->sched_wait_time, g->syscall_time,
                              g->syscall_block_time, g->unknown_time);
      json_named (out, "block_times", g->block_times, g->n_block_times);
      json_named (out, "range_times", g->range_times, g->n_range_times);
      json_named (out, "stats", g->stats, g->n_stats);
      g_string_append (out, "}");
    }
  g_string_append (out, first ? "]\n}\n" : "\n  ]\n}\n");
  fwrite (out->str, 1, out->len, stdout);
}

static void
feed_summary (gpointer            analysis,
              GolanesTraceReader *reader,
              const GolanesEvent *event)
{
  golanes_goroutine_summary_feed (analysis, reader, event);
}

int
golanes_cli_goroutines (int    argc,
                        char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("TRACE");
  g_autoptr(GError) error = NULL;
  g_autoptr(GolanesGoroutineSummary) summary = NULL;
  g_autofree char *group = NULL;
  gboolean json = FALSE;
  GolanesCliConsumer consumer;
  GOptionEntry entries[] = {
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group,
      "Show the goroutines of one start function (\"\" for unnamed ones)", "NAME" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
                                "Where goroutines spend their time, grouped by start function,\n"
                                "like the goroutine pages of 'go tool trace'.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "golanes-cli goroutines: %s\n", error->message);
      return 2;
    }
  if (argc != 2)
    {
      fprintf (stderr, "golanes-cli goroutines: expected one TRACE argument\n");
      return 2;
    }

  summary = golanes_goroutine_summary_new (NULL);
  consumer.feed = feed_summary;
  consumer.analysis = summary;
  if (!golanes_cli_run_pass ("goroutines", argv[1], &consumer, 1, NULL))
    return 1;
  golanes_goroutine_summary_finish (summary);

  if (json)
    print_json (summary, group);
  else if (group != NULL)
    print_group_page (summary, group);
  else
    print_groups (summary);
  return 0;
}
