/* golanes-cli-summary.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "golanes-cli-analysis.h"
#include "golanes-cli-commands.h"
#include "golanes-duration.h"
#include "golanes-trace-summary.h"

static void
feed_summary (gpointer            analysis,
              GolanesTraceReader *reader,
              const GolanesEvent *event)
{
  golanes_trace_summary_feed (analysis, reader, event);
}

int
golanes_cli_summary (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("TRACE");
  g_autoptr(GError) error = NULL;
  g_autoptr(GolanesTraceSummary) summary = NULL;
  gboolean json = FALSE;
  GolanesCliConsumer consumer;
  const GolanesTraceSummaryInfo *s;
  char d1[GOLANES_DURATION_BUF_SIZE], d2[GOLANES_DURATION_BUF_SIZE], d3[GOLANES_DURATION_BUF_SIZE];
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
                                "Headline figures of a trace: Go version, duration, generations,\n"
                                "events, goroutines, GC cycles, stop-the-world time, peak heap.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "golanes-cli summary: %s\n", error->message);
      return 2;
    }
  if (argc != 2)
    {
      fprintf (stderr, "golanes-cli summary: expected one TRACE argument\n");
      return 2;
    }

  summary = golanes_trace_summary_new ();
  consumer.feed = feed_summary;
  consumer.analysis = summary;
  if (!golanes_cli_run_pass ("summary", argv[1], &consumer, 1, NULL))
    return 1;
  golanes_trace_summary_finish (summary);
  s = golanes_trace_summary_get (summary);

  if (json)
    {
      printf ("{\n  \"go_version\": \"1.%u\",\n  \"start_time\": %" G_GINT64_FORMAT
              ",\n  \"end_time\": %" G_GINT64_FORMAT ",\n  \"duration_ns\": %" G_GINT64_FORMAT
              ",\n  \"generations\": %u,\n  \"events\": %" G_GUINT64_FORMAT
              ",\n  \"goroutines\": %u,\n  \"gc_count\": %u,\n  \"stw_count\": %u"
              ",\n  \"stw_time_ns\": %" G_GINT64_FORMAT ",\n  \"max_stw_ns\": %" G_GINT64_FORMAT
              ",\n  \"peak_heap_bytes\": %" G_GUINT64_FORMAT ",\n  \"max_gomaxprocs\": %"
              G_GUINT64_FORMAT "\n}\n",
              s->go_minor, s->start_time, s->end_time, s->duration, s->n_generations,
              s->n_events, s->n_goroutines, s->n_gc, s->n_stw, s->stw_time, s->max_stw,
              s->peak_heap, s->max_gomaxprocs);
      return 0;
    }

  printf ("Go version:     1.%u\n", s->go_minor);
  printf ("Duration:       %s\n", golanes_format_duration (s->duration, d1));
  printf ("Generations:    %u\n", s->n_generations);
  printf ("Events:         %" G_GUINT64_FORMAT "\n", s->n_events);
  printf ("Goroutines:     %u\n", s->n_goroutines);
  printf ("GC cycles:      %u\n", s->n_gc);
  printf ("Stop-the-world: %u pauses, %s total, %s max\n", s->n_stw,
          golanes_format_duration (s->stw_time, d2), golanes_format_duration (s->max_stw, d3));
  if (s->peak_heap > 0)
    {
      g_autofree char *size = g_format_size_full (s->peak_heap, G_FORMAT_SIZE_IEC_UNITS);

      printf ("Peak heap:      %s (%" G_GUINT64_FORMAT " bytes)\n", size, s->peak_heap);
    }
  else
    printf ("Peak heap:      unknown\n");
  if (s->max_gomaxprocs > 0)
    printf ("GOMAXPROCS:     %" G_GUINT64_FORMAT " (max)\n", s->max_gomaxprocs);
  return 0;
}
