/* golanes-cli-critical-path.c
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
#include "golanes-critical-path.h"
#include "golanes-document.h"
#include "golanes-duration.h"

static const char *
string_of (GolanesTimeline *timeline,
           guint32          id)
{
  const char *s = id != 0 ? golanes_stack_table_get_string (golanes_timeline_get_stack_table (timeline),
                                                            id, NULL) : NULL;

  return s != NULL ? s : "";
}

static guint32
start_function_of (GolanesTimeline *timeline,
                   guint32          goroutine)
{
  GolanesTimelineGoroutine g;

  return golanes_timeline_get_goroutine (timeline, goroutine, &g) ? g.start_func : 0;
}

static void
path_json (GString             *out,
           GolanesTimeline     *timeline,
           GolanesCriticalPath *path,
           const char          *indent)
{
  const GolanesCritSegment *segs;
  guint n, i;

  segs = golanes_critical_path_get_segments (path, &n);
  g_string_append_printf (out, "{\"goroutine\": %" G_GINT64_FORMAT ", \"start_ns\": %" G_GINT64_FORMAT
                          ", \"end_ns\": %" G_GINT64_FORMAT ", \"segments\": [",
                          golanes_timeline_get_goroutine_id (timeline, golanes_critical_path_get_goroutine (path)),
                          golanes_critical_path_get_start (path), golanes_critical_path_get_end (path));
  for (i = 0; i < n; i++)
    {
      const GolanesCritSegment *s = &segs[i];

      g_string_append_printf (out, "%s\n%s  {\"goroutine\": %" G_GINT64_FORMAT ", \"start_ns\": %"
                              G_GINT64_FORMAT ", \"end_ns\": %" G_GINT64_FORMAT ", \"kind\": \"%s\", "
                              "\"reason\": ", i == 0 ? "" : ",", indent,
                              golanes_timeline_get_goroutine_id (timeline, s->goroutine),
                              s->start, s->end, golanes_crit_kind_to_string (s->kind));
      golanes_cli_json_string (out, s->reason);
      g_string_append (out, ", \"function\": ");
      golanes_cli_json_string (out, string_of (timeline, s->function));
      g_string_append (out, ", \"start_function\": ");
      golanes_cli_json_string (out, string_of (timeline, start_function_of (timeline, s->goroutine)));
      g_string_append_c (out, '}');
    }
  g_string_append_printf (out, n > 0 ? "\n%s]}" : "]}", indent);
}

static void
print_breakdown (GolanesTimeline            *timeline,
                 const GolanesCritBreakdown *b,
                 gboolean                    by_start_function)
{
  const GArray *lists[2] = { by_start_function ? b->by_start_function : b->by_goroutine, b->by_function };
  const char *titles[2] = { by_start_function ? "By goroutine start function" : "By goroutine",
                            "By function" };
  int k, l;

  printf ("By kind\n");
  for (k = 0; k < GOLANES_CRIT_N_KINDS; k++)
    if (b->by_kind[k] > 0)
      {
        printf ("  ");
        golanes_cli_print_duration (b->by_kind[k], 12);
        printf ("  %5.1f%%  %s\n", b->wall > 0 ? 100.0 * (double) b->by_kind[k] / (double) b->wall : 0.0,
                golanes_crit_kind_to_string (k));
      }
  for (l = 0; l < 2; l++)
    {
      guint i;

      printf ("%s\n", titles[l]);
      for (i = 0; i < lists[l]->len && i < 10; i++)
        {
          const GolanesCritEntry *e = &g_array_index (lists[l], GolanesCritEntry, i);

          printf ("  ");
          golanes_cli_print_duration (e->total, 12);
          printf ("  %5.1f%%  ", b->wall > 0 ? 100.0 * (double) e->total / (double) b->wall : 0.0);
          if (l == 0 && !by_start_function)
            printf ("G%" G_GINT64_FORMAT " %s\n", golanes_timeline_get_goroutine_id (timeline, e->key),
                    string_of (timeline, start_function_of (timeline, e->key)));
          else
            printf ("%s\n", e->key != 0 ? string_of (timeline, e->key) : "(unknown)");
        }
      if (lists[l]->len > 10)
        printf ("  ... %u more\n", lists[l]->len - 10);
    }
}

static void
print_path (GolanesTimeline     *timeline,
            GolanesCriticalPath *path)
{
  g_autoptr(GolanesCritBreakdown) b = golanes_crit_breakdown_new ();
  const GolanesCritSegment *segs;
  guint n, i;
  gint64 base = golanes_timeline_get_start_time (timeline);

  segs = golanes_critical_path_get_segments (path, &n);
  printf ("Critical path of G%" G_GINT64_FORMAT " from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT
          " ns: ", golanes_timeline_get_goroutine_id (timeline, golanes_critical_path_get_goroutine (path)),
          golanes_critical_path_get_start (path), golanes_critical_path_get_end (path));
  golanes_cli_print_duration (golanes_critical_path_get_end (path) - golanes_critical_path_get_start (path), 0);
  printf (", %u segments\n", n);
  printf ("%14s  %12s  %-9s  %-10s  %-20s  %s\n", "Start", "Duration", "Kind", "Goroutine", "Reason",
          "Function");
  for (i = 0; i < n; i++)
    {
      const GolanesCritSegment *s = &segs[i];
      char start[GOLANES_DURATION_BUF_SIZE];
      g_autofree char *gid = g_strdup_printf ("G%" G_GINT64_FORMAT,
                                              golanes_timeline_get_goroutine_id (timeline, s->goroutine));

      golanes_format_duration (s->start - base, start);
      printf ("%14s  ", start);
      golanes_cli_print_duration (s->end - s->start, 12);
      printf ("  %-9s  %-10s  %-20s  %s\n", golanes_crit_kind_to_string (s->kind), gid, s->reason,
              s->function != 0 ? string_of (timeline, s->function) : "(unknown)");
    }
  golanes_crit_breakdown_add (b, timeline, path);
  golanes_crit_breakdown_finish (b);
  print_breakdown (timeline, b, FALSE);
}

static int
run_aggregate (GolanesTimeline *timeline,
               const char      *type,
               gboolean         tasks,
               gboolean         json)
{
  g_autoptr(GolanesCritAggregate) agg = tasks ?
    golanes_crit_aggregate_new_for_task_type (timeline, type) :
    golanes_crit_aggregate_new_for_region_type (timeline, type);
  guint n = golanes_crit_aggregate_get_n_instances (agg), i;

  if (json)
    {
      g_autoptr(GString) out = g_string_new ("{\"instances\": [");

      for (i = 0; i < n; i++)
        {
          g_string_append (out, i == 0 ? "\n  " : ",\n  ");
          path_json (out, timeline, golanes_crit_aggregate_get_instance (agg, i), "  ");
        }
      g_string_append (out, n > 0 ? "\n]}\n" : "]}\n");
      fwrite (out->str, 1, out->len, stdout);
      return 0;
    }

  if (n == 0)
    {
      printf ("No complete %s of type \"%s\".\n", tasks ? "task" : "region", type);
      return 0;
    }
  printf ("%u complete %s of type \"%s\"; median ", n, tasks ? "tasks" : "regions", type);
  {
    GolanesCriticalPath *m = golanes_crit_aggregate_get_instance (agg, (guint) golanes_crit_aggregate_get_median (agg));

    golanes_cli_print_duration (golanes_critical_path_get_end (m) - golanes_critical_path_get_start (m), 0);
  }
  printf (", p99 ");
  golanes_cli_print_duration (golanes_crit_aggregate_get_p99 (agg), 0);
  printf ("\n\nThe median instance:\n");
  print_path (timeline, golanes_crit_aggregate_get_instance (agg, (guint) golanes_crit_aggregate_get_median (agg)));
  printf ("\nThe slowest 1%% (%u instances, summed):\n",
          golanes_crit_aggregate_get_slowest_breakdown (agg)->n_paths);
  print_breakdown (timeline, golanes_crit_aggregate_get_slowest_breakdown (agg), TRUE);
  return 0;
}

int
golanes_cli_critical_path (int    argc,
                           char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("TRACE");
  g_autoptr(GError) error = NULL;
  g_autoptr(GolanesDocument) document = NULL;
  g_autoptr(GolanesCriticalPath) path = NULL;
  g_autofree char *region_type = NULL;
  g_autofree char *task_type = NULL;
  gint64 task = -1, goroutine = -1, start = -1, end = -1;
  gboolean json = FALSE;
  GolanesTimeline *timeline;
  int targets;
  GOptionEntry entries[] = {
    { "task", 0, 0, G_OPTION_ARG_INT64, &task, "The task with id ID, from its creation to its end", "ID" },
    { "task-type", 0, 0, G_OPTION_ARG_STRING, &task_type, "Every complete task of type NAME", "NAME" },
    { "region-type", 0, 0, G_OPTION_ARG_STRING, &region_type, "Every complete region of type NAME", "NAME" },
    { "goroutine", 'g', 0, G_OPTION_ARG_INT64, &goroutine, "Goroutine ID between --start and --end", "ID" },
    { "start", 0, 0, G_OPTION_ARG_INT64, &start, "Start time (the trace's own, as Time= in go tool trace -d=parsed)", "NS" },
    { "end", 0, 0, G_OPTION_ARG_INT64, &end, "End time (the trace's own)", "NS" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
                                "Why a task, a region or a goroutine took as long as it did: walking\n"
                                "back from its end, the time goes to the goroutine's own work, to\n"
                                "scheduler latency, to syscalls, GC and stop-the-world pauses, or, while\n"
                                "it waited, to the goroutine that woke it up (followed back to the start\n"
                                "of the wait) or to the wait's reason.  The segments tile the interval.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "golanes-cli critical-path: %s\n", error->message);
      return 2;
    }
  targets = (task >= 0) + (task_type != NULL) + (region_type != NULL) + (goroutine >= 0);
  if (argc != 2 || targets != 1 || (goroutine >= 0) != (start >= 0 && end >= 0) ||
      (goroutine < 0 && (start >= 0 || end >= 0)))
    {
      fprintf (stderr, "Usage: golanes-cli critical-path TRACE (--task ID | --task-type NAME | "
                       "--region-type NAME | --goroutine ID --start NS --end NS) [--json]\n");
      return 2;
    }

  document = golanes_document_load_timeline (argv[1], NULL, NULL, NULL, &error);
  if (document == NULL)
    {
      fprintf (stderr, "golanes-cli critical-path: %s: %s\n", argv[1], error->message);
      return 1;
    }
  timeline = golanes_document_get_timeline (document);

  if (task_type != NULL || region_type != NULL)
    return run_aggregate (timeline, task_type != NULL ? task_type : region_type, task_type != NULL, json);

  if (task >= 0)
    {
      guint i, n = golanes_timeline_get_n_tasks (timeline);

      for (i = 0; i < n; i++)
        if (golanes_timeline_get_task_id (timeline, i) == (guint64) task)
          break;
      if (i == n)
        {
          fprintf (stderr, "golanes-cli critical-path: %s: no task with id %" G_GINT64_FORMAT "\n",
                   argv[1], task);
          return 1;
        }
      path = golanes_critical_path_new_for_task (timeline, i, &error);
    }
  else
    {
      gint gi = golanes_timeline_lookup_goroutine (timeline, goroutine);

      if (gi < 0)
        {
          fprintf (stderr, "golanes-cli critical-path: %s: no goroutine with id %" G_GINT64_FORMAT "\n",
                   argv[1], goroutine);
          return 1;
        }
      path = golanes_critical_path_new (timeline, (guint) gi, start, end, &error);
    }
  if (path == NULL)
    {
      fprintf (stderr, "golanes-cli critical-path: %s: %s\n", argv[1], error->message);
      return 1;
    }

  if (json)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      path_json (out, timeline, path, "");
      g_string_append_c (out, '\n');
      fwrite (out->str, 1, out->len, stdout);
    }
  else
    print_path (timeline, path);
  return 0;
}
