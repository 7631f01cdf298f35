/* golanes-cli-blocking.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "golanes-blocking.h"
#include "golanes-cli-analysis.h"
#include "golanes-cli-commands.h"
#include "golanes-duration.h"
#include "golanes-pprof.h"

static const char *
table_string (GolanesStackTable *stacks,
              guint32            id)
{
  const char *s = id != 0 ? golanes_stack_table_get_string (stacks, id, NULL) : NULL;

  return s != NULL ? s : "";
}

static void
print_groups (const char                 *title,
              const GolanesBlockingGroup *groups,
              guint                       n,
              const char                 *empty_name)
{
  guint i;

  printf ("\n%s:\n", title);
  printf ("%10s  %16s  %s\n", "Count", "Delay", "Name");
  for (i = 0; i < n; i++)
    {
      printf ("%10" G_GUINT64_FORMAT "  ", groups[i].count);
      golanes_cli_print_duration (groups[i].delay, 16);
      printf ("  %s\n", groups[i].name[0] != '\0' ? groups[i].name : empty_name);
    }
}

static void
print_table (GolanesBlocking *prof)
{
  GolanesStackTable *stacks = golanes_blocking_get_stack_table (prof);
  char dur[GOLANES_DURATION_BUF_SIZE];
  const GolanesBlockingRecord *recs;
  const GolanesBlockingGroup *groups;
  guint n = 0, i, j;

  recs = golanes_blocking_get_records (prof, &n);
  printf ("Blocking profile (%s): %u stacks, %" G_GUINT64_FORMAT " contentions, %s total delay\n",
          golanes_blocking_kind_to_string (golanes_blocking_get_kind (prof)), n,
          golanes_blocking_get_total_count (prof),
          golanes_format_duration (golanes_blocking_get_total_delay (prof), dur));
  printf ("\n%10s  %16s  %s\n", "Count", "Delay", "Stack");
  for (i = 0; i < n; i++)
    {
      guint n_frames = 0;
      const GolanesFrame *frames = golanes_stack_table_get_frames (stacks, recs[i].stack, &n_frames);

      printf ("%10" G_GUINT64_FORMAT "  ", recs[i].count);
      golanes_cli_print_duration (recs[i].delay, 16);
      printf ("  ");
      if (n_frames == 0)
        printf ("(no stack)\n");
      for (j = 0; j < n_frames; j++)
        printf ("%s%s %s:%u\n", j == 0 ? "" : "                              ",
                table_string (stacks, frames[j].func), table_string (stacks, frames[j].file),
                frames[j].line);
    }

  groups = golanes_blocking_get_reasons (prof, &n);
  print_groups ("By reason", groups, n, "(no reason)");
  groups = golanes_blocking_get_groups (prof, &n);
  print_groups ("By goroutine start function", groups, n, "(Inactive, no stack trace sampled)");
}

static void
json_groups (GString                    *out,
             const char                 *key,
             const GolanesBlockingGroup *groups,
             guint                       n)
{
  guint i;

  g_string_append_printf (out, ",\n  \"%s\": [", key);
  for (i = 0; i < n; i++)
    {
      g_string_append (out, i == 0 ? "\n    {\"name\": " : ",\n    {\"name\": ");
      golanes_cli_json_string (out, groups[i].name);
      g_string_append_printf (out, ", \"count\": %" G_GUINT64_FORMAT ", \"delay_ns\": %" G_GINT64_FORMAT "}",
                              groups[i].count, groups[i].delay);
    }
  g_string_append (out, n > 0 ? "\n  ]" : "]");
}

static void
print_json (GolanesBlocking *prof)
{
  GolanesStackTable *stacks = golanes_blocking_get_stack_table (prof);
  g_autoptr(GString) out = g_string_new (NULL);
  const GolanesBlockingRecord *recs;
  const GolanesBlockingGroup *groups;
  guint n = 0, i, j;

  g_string_append_printf (out, "{\n  \"kind\": \"%s\",\n  \"total_count\": %" G_GUINT64_FORMAT
                          ",\n  \"total_delay_ns\": %" G_GINT64_FORMAT ",\n  \"records\": [",
                          golanes_blocking_kind_to_string (golanes_blocking_get_kind (prof)),
                          golanes_blocking_get_total_count (prof),
                          golanes_blocking_get_total_delay (prof));
  recs = golanes_blocking_get_records (prof, &n);
  for (i = 0; i < n; i++)
    {
      guint n_frames = 0;
      const GolanesFrame *frames = golanes_stack_table_get_frames (stacks, recs[i].stack, &n_frames);

      g_string_append_printf (out, "%s\n    {\"count\": %" G_GUINT64_FORMAT ", \"delay_ns\": %"
                              G_GINT64_FORMAT ", \"stack\": [", i == 0 ? "" : ",",
                              recs[i].count, recs[i].delay);
      for (j = 0; j < n_frames; j++)
        {
          g_string_append (out, j == 0 ? "\n      {\"func\": " : ",\n      {\"func\": ");
          golanes_cli_json_string (out, table_string (stacks, frames[j].func));
          g_string_append (out, ", \"file\": ");
          golanes_cli_json_string (out, table_string (stacks, frames[j].file));
          g_string_append_printf (out, ", \"line\": %u, \"pc\": %" G_GUINT64_FORMAT "}",
                                  frames[j].line, frames[j].pc);
        }
      g_string_append (out, n_frames > 0 ? "\n    ]}" : "]}");
    }
  g_string_append (out, n > 0 ? "\n  ]" : "]");
  groups = golanes_blocking_get_reasons (prof, &n);
  json_groups (out, "reasons", groups, n);
  groups = golanes_blocking_get_groups (prof, &n);
  json_groups (out, "groups", groups, n);
  g_string_append (out, "\n}\n");
  fwrite (out->str, 1, out->len, stdout);
}

static void
feed_blocking (gpointer            analysis,
               GolanesTraceReader *reader,
               const GolanesEvent *event)
{
  golanes_blocking_feed (analysis, reader, event);
}

int
golanes_cli_blocking (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("TRACE");
  g_autoptr(GError) error = NULL;
  g_autofree char *kind_str = NULL;
  g_autofree char *pprof_path = NULL;
  g_autoptr(GolanesBlocking) prof = NULL;
  gboolean json = FALSE;
  GolanesBlockingKind kind;
  GolanesCliConsumer consumer;
  GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_str,
      "Profile kind: sync, net, syscall or sched", "KIND" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { "pprof", 0, 0, G_OPTION_ARG_FILENAME, &pprof_path,
      "Also write the profile as gzipped pprof to OUT (- for stdout)", "OUT" },
    { NULL }
  };

  g_option_context_set_summary (context,
                                "Where goroutines wait, per stack: the profile of\n"
                                "'go tool trace -pprof=KIND TRACE' (Go 1.26), with a breakdown\n"
                                "by blocking reason and by goroutine start function.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "golanes-cli blocking: %s\n", error->message);
      return 2;
    }
  if (argc != 2)
    {
      fprintf (stderr, "golanes-cli blocking: expected one TRACE argument\n");
      return 2;
    }
  if (kind_str == NULL || !golanes_blocking_kind_from_string (kind_str, &kind))
    {
      fprintf (stderr, "golanes-cli blocking: --kind must be sync, net, syscall or sched\n");
      return 2;
    }

  prof = golanes_blocking_new (kind, NULL);
  consumer.feed = feed_blocking;
  consumer.analysis = prof;
  if (!golanes_cli_run_pass ("blocking", argv[1], &consumer, 1, NULL))
    return 1;
  golanes_blocking_finish (prof);

  if (pprof_path != NULL)
    {
      if (!golanes_pprof_write_blocking (prof, pprof_path, &error))
        {
          fprintf (stderr, "golanes-cli blocking: %s\n", error->message);
          return 1;
        }
      if (g_strcmp0 (pprof_path, "-") == 0)
        return 0;
    }
  if (json)
    print_json (prof);
  else
    print_table (prof);
  return 0;
}
