/* golanes-cli-gc.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "golanes-cli-commands.h"
#include "golanes-cli-input.h"
#include "golanes-gc.h"
#include "golanes-trace-reader.h"

static void
append_json_string (GString    *out,
                    const char *s)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) s; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if (*p < 0x20)
        g_string_append_printf (out, "\\u%04x", *p);
      else
        g_string_append_c (out, (char) *p);
    }
  g_string_append_c (out, '"');
}

static void
append_ms (GString *out,
           gint64   ns)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.3f", ns / 1e6));
}

static void
append_mib (GString *out,
            gboolean has,
            guint64  bytes)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!has)
    g_string_append (out, "-");
  else
    g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.2f", bytes / 1048576.0));
}

static void
append_opt_u64 (GString *out,
                gboolean has,
                guint64  v)
{
  if (has)
    g_string_append_printf (out, "%" G_GUINT64_FORMAT, v);
  else
    g_string_append (out, "null");
}

static void
append_series_json (GString               *out,
                    const char            *name,
                    const GolanesGcSample *s,
                    guint                  n)
{
  g_string_append_printf (out, ",\"%s\":[", name);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s[%" G_GINT64_FORMAT ",%" G_GUINT64_FORMAT "]",
                            i ? "," : "", s[i].time, s[i].value);
  g_string_append_c (out, ']');
}

static void
print_json (GString   *out,
            GolanesGc *gc)
{
  const GolanesGcTotals *t = golanes_gc_get_totals (gc);
  guint n_cycles, n_pauses, n;
  const GolanesGcCycle *cycles = golanes_gc_get_cycles (gc, &n_cycles);
  const GolanesStwPause *pauses = golanes_gc_get_pauses (gc, &n_pauses);
  const GolanesGcSample *s;

  g_string_append_printf (out,
                          "{\"totals\":{\"traceStart\":%" G_GINT64_FORMAT
                          ",\"traceEnd\":%" G_GINT64_FORMAT
                          ",\"cycles\":%u,\"openCycles\":%u"
                          ",\"markTime\":%" G_GINT64_FORMAT
                          ",\"pauses\":%u,\"gcPauses\":%u"
                          ",\"pauseTime\":%" G_GINT64_FORMAT
                          ",\"gcPauseTime\":%" G_GINT64_FORMAT
                          ",\"pauseP50\":%" G_GINT64_FORMAT
                          ",\"pauseP90\":%" G_GINT64_FORMAT
                          ",\"pauseP99\":%" G_GINT64_FORMAT
                          ",\"pauseMax\":%" G_GINT64_FORMAT
                          ",\"assists\":%u,\"assistTime\":%" G_GINT64_FORMAT
                          ",\"sweeps\":%u,\"sweepTime\":%" G_GINT64_FORMAT
                          ",\"sweptBytes\":%" G_GUINT64_FORMAT
                          ",\"reclaimedBytes\":%" G_GUINT64_FORMAT "}",
                          t->trace_start, t->trace_end, t->n_cycles, t->n_open_cycles,
                          t->mark_time, t->n_pauses, t->n_gc_pauses, t->pause_time,
                          t->gc_pause_time, t->pause_p50, t->pause_p90, t->pause_p99,
                          t->pause_max, t->n_assists, t->assist_time, t->n_sweeps,
                          t->sweep_time, t->swept_bytes, t->reclaimed_bytes);

  g_string_append (out, ",\"cycles\":[");
  for (guint i = 0; i < n_cycles; i++)
    {
      const GolanesGcCycle *c = &cycles[i];

      g_string_append_printf (out,
                              "%s{\"index\":%u,\"start\":%" G_GINT64_FORMAT
                              ",\"duration\":%" G_GINT64_FORMAT
                              ",\"markStart\":%" G_GINT64_FORMAT
                              ",\"markDuration\":%" G_GINT64_FORMAT
                              ",\"open\":%s,\"beganBeforeTrace\":%s"
                              ",\"sweepTermination\":%d,\"markTermination\":%d"
                              ",\"stwTime\":%" G_GINT64_FORMAT ",\"heapBefore\":",
                              i ? "," : "", c->index, c->start, c->duration,
                              c->mark_start, c->mark_duration,
                              c->open ? "true" : "false",
                              c->began_before_trace ? "true" : "false",
                              c->sweep_termination, c->mark_termination, c->stw_total);
      append_opt_u64 (out, c->has_heap_before, c->heap_before);
      g_string_append (out, ",\"heapAfter\":");
      append_opt_u64 (out, c->has_heap_after, c->heap_after);
      g_string_append (out, ",\"heapGoal\":");
      append_opt_u64 (out, c->has_heap_goal, c->heap_goal);
      g_string_append (out, ",\"nextHeapGoal\":");
      append_opt_u64 (out, c->has_next_heap_goal, c->next_heap_goal);
      g_string_append_printf (out,
                              ",\"assists\":%u,\"assistTime\":%" G_GINT64_FORMAT
                              ",\"sweeps\":%u,\"sweepTime\":%" G_GINT64_FORMAT
                              ",\"sweptBytes\":%" G_GUINT64_FORMAT
                              ",\"reclaimedBytes\":%" G_GUINT64_FORMAT "}",
                              c->n_assists, c->assist_time, c->n_sweeps,
                              c->sweep_time, c->swept_bytes, c->reclaimed_bytes);
    }
  g_string_append (out, "],\"pauses\":[");
  for (guint i = 0; i < n_pauses; i++)
    {
      const GolanesStwPause *p = &pauses[i];

      g_string_append_printf (out, "%s{\"start\":%" G_GINT64_FORMAT
                              ",\"duration\":%" G_GINT64_FORMAT
                              ",\"open\":%s,\"reason\":",
                              i ? "," : "", p->start, p->duration,
                              p->open ? "true" : "false");
      append_json_string (out, p->reason);
      g_string_append_printf (out, ",\"gc\":%s,\"goroutine\":%" G_GINT64_FORMAT
                              ",\"cycle\":%d}",
                              p->gc ? "true" : "false", p->goroutine, p->cycle);
    }
  g_string_append_c (out, ']');
  s = golanes_gc_get_heap_series (gc, &n);
  append_series_json (out, "heap", s, n);
  s = golanes_gc_get_heap_goal_series (gc, &n);
  append_series_json (out, "heapGoal", s, n);
  s = golanes_gc_get_gomaxprocs_series (gc, &n);
  append_series_json (out, "gomaxprocs", s, n);
  g_string_append (out, "}\n");
}

static void
print_text (GString   *out,
            GolanesGc *gc)
{
  const GolanesGcTotals *t = golanes_gc_get_totals (gc);
  guint n_cycles, n_pauses;
  const GolanesGcCycle *cycles = golanes_gc_get_cycles (gc, &n_cycles);
  const GolanesStwPause *pauses = golanes_gc_get_pauses (gc, &n_pauses);
  gint64 span = t->trace_end - t->trace_start;

  g_string_append_printf (out, "GC cycles: %u", t->n_cycles);
  if (t->n_open_cycles > 0)
    g_string_append_printf (out, " (%u cut by the end of the trace)", t->n_open_cycles);
  g_string_append (out, "\n\n");
  if (n_cycles > 0)
    {
      g_string_append_printf (out, "%4s %14s %10s %10s %10s %10s %10s %10s %10s %8s %10s\n",
                              "#", "start (ms)", "dur (ms)", "mark (ms)", "STW (ms)",
                              "before MiB", "after MiB", "goal MiB", "assists",
                              "sweeps", "assist ms");
      for (guint i = 0; i < n_cycles; i++)
        {
          const GolanesGcCycle *c = &cycles[i];
          g_autoptr(GString) f = g_string_new (NULL);

          g_string_append_printf (out, "%4u ", c->index + 1);
          g_string_truncate (f, 0);
          append_ms (f, c->start - t->trace_start);
          g_string_append_printf (out, "%14s ", f->str);
          g_string_truncate (f, 0);
          append_ms (f, c->duration);
          if (c->open)
            g_string_append_c (f, '+');
          g_string_append_printf (out, "%10s ", f->str);
          g_string_truncate (f, 0);
          append_ms (f, c->mark_duration);
          g_string_append_printf (out, "%10s ", f->str);
          g_string_truncate (f, 0);
          append_ms (f, c->stw_total);
          g_string_append_printf (out, "%10s ", f->str);
          g_string_truncate (f, 0);
          append_mib (f, c->has_heap_before, c->heap_before);
          g_string_append_printf (out, "%10s ", f->str);
          g_string_truncate (f, 0);
          append_mib (f, c->has_heap_after, c->heap_after);
          g_string_append_printf (out, "%10s ", f->str);
          g_string_truncate (f, 0);
          append_mib (f, c->has_heap_goal, c->heap_goal);
          g_string_append_printf (out, "%10s %10u %8u ", f->str, c->n_assists, c->n_sweeps);
          g_string_truncate (f, 0);
          append_ms (f, c->assist_time);
          g_string_append_printf (out, "%10s\n", f->str);
        }
      g_string_append (out, "\n");
    }

  g_string_append_printf (out, "Stop-the-world pauses: %u (%u for the GC)\n",
                          t->n_pauses, t->n_gc_pauses);
  for (guint i = 0; i < n_pauses; i++)
    {
      const GolanesStwPause *p = &pauses[i];
      g_autoptr(GString) a = g_string_new (NULL);
      g_autoptr(GString) b = g_string_new (NULL);

      append_ms (a, p->start - t->trace_start);
      append_ms (b, p->duration);
      g_string_append_printf (out, "  at %12s ms  %10s ms%s  %s", a->str, b->str,
                              p->open ? "+" : " ", p->reason);
      if (p->cycle >= 0)
        g_string_append_printf (out, " (cycle %d)", p->cycle + 1);
      g_string_append_c (out, '\n');
    }

  g_string_append (out, "\nTotals\n");
  {
    g_autoptr(GString) f = g_string_new (NULL);
    char pct[G_ASCII_DTOSTR_BUF_SIZE];

    append_ms (f, span);
    g_string_append_printf (out, "  trace span          %s ms\n", f->str);
    g_string_truncate (f, 0);
    append_ms (f, t->mark_time);
    g_string_append_printf (out, "  mark phases         %s ms\n", f->str);
    g_string_truncate (f, 0);
    append_ms (f, t->gc_pause_time);
    g_string_append_printf (out, "  GC pauses           %s ms (%s%% of the trace)\n", f->str,
                            g_ascii_formatd (pct, sizeof pct, "%.3f",
                                             span > 0 ? 100.0 * t->gc_pause_time / span : 0.0));
    g_string_truncate (f, 0);
    append_ms (f, t->pause_time);
    g_string_append_printf (out, "  all pauses          %s ms\n", f->str);
    g_string_truncate (f, 0);
    append_ms (f, t->pause_p50);
    g_string_append (f, " / ");
    append_ms (f, t->pause_p90);
    g_string_append (f, " / ");
    append_ms (f, t->pause_p99);
    g_string_append (f, " / ");
    append_ms (f, t->pause_max);
    g_string_append_printf (out, "  pause p50/p90/p99/max  %s ms\n", f->str);
    g_string_truncate (f, 0);
    append_ms (f, t->assist_time);
    g_string_append_printf (out, "  mark assists        %u, %s ms\n", t->n_assists, f->str);
    g_string_truncate (f, 0);
    append_ms (f, t->sweep_time);
    g_string_append_printf (out, "  sweeps              %u, %s ms, %" G_GUINT64_FORMAT
                            " bytes swept, %" G_GUINT64_FORMAT " reclaimed\n",
                            t->n_sweeps, f->str, t->swept_bytes, t->reclaimed_bytes);
  }
}

int
golanes_cli_gc (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("TRACE");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { NULL }
  };
  GolanesTraceReader *reader;
  GolanesGc *gc;
  GolanesEvent ev;
  GolanesCliInput in;
  guint64 n_events = 0, n_useful = 0;
  int status = 0;

  g_option_context_set_summary (context,
                                "GC cycles with their pauses, heap sizes, assists and\n"
                                "sweeps; all stop-the-world pauses; heap, heap goal and\n"
                                "GOMAXPROCS over time.  Times in the JSON are in ns.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "golanes-cli gc: %s\n", error->message);
      return 2;
    }
  if (argc != 2)
    {
      fprintf (stderr, "golanes-cli gc: expected one TRACE argument\n");
      return 2;
    }

  if (!golanes_cli_input_open (&in, "gc", argv[1]))
    {
      golanes_cli_input_close (&in);
      return 1;
    }
  reader = golanes_cli_input_reader (&in, &error);
  if (reader == NULL)
    {
      golanes_cli_input_print_error (&in, error, 0);
      golanes_cli_input_close (&in);
      return 1;
    }
  gc = golanes_gc_new ();
  while (golanes_trace_reader_next (reader, &ev, &error))
    {
      golanes_gc_feed (gc, reader, &ev);
      n_events++;
      if (ev.kind != GOLANES_EVENT_SYNC)
        n_useful++;
    }
  golanes_gc_finish (gc);
  if (error != NULL)
    {
      golanes_cli_input_print_error (&in, error, n_useful > 0 ? n_events : 0);
      status = 1;
    }

  if (json)
    print_json (out, gc);
  else
    print_text (out, gc);
  fwrite (out->str, 1, out->len, stdout);

  golanes_gc_free (gc);
  golanes_trace_reader_free (reader);
  golanes_cli_input_close (&in);
  return status;
}
