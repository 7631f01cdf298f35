/* bench-model.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib.h>

#include "golanes-document.h"
#include "golanes-timeline.h"

/* Load-time and memory figures of the timeline model (not a test: it
 * prints numbers).  Usage: bench-model TRACE
 *
 * 1. parse only: read every event, do nothing with it;
 * 2. load: read every event into the timeline model and finish it, with
 *    the reader on the caller's thread and (with two cores or more) with
 *    the threaded reader.
 * Both report wall-clock and CPU (user + system) time, since a busy
 * machine stretches the wall clock.  The model's memory is reported from
 * its own accounting and from the process: anonymous resident memory
 * after the load minus before (RssAnon, after malloc_trim) and the peak
 * resident set (VmHWM, with the reader's bounded read buffers). */

static double
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
wall_now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static gint64
status_kb (const char *field)
{
  g_autofree char *contents = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &contents, NULL, NULL))
    return -1;
  p = strstr (contents, field);
  if (p == NULL)
    return -1;
  return g_ascii_strtoll (p + strlen (field) + 1, NULL, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  GolanesTraceReader *reader;
  GolanesTimeline *tl;
  GolanesEvent ev;
  guint64 n_events = 0, n_spans;
  double w0, c0, parse_wall, parse_cpu, load_wall, load_cpu, feed_cpu = 0;
  double threaded_wall = 0, threaded_cpu = 0;
  gint64 anon_before, anon_after, hwm;
  gsize model_bytes;
  guint i, n_tracks = 0;

  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-model TRACE\n");
      return 2;
    }

  /* Parse only. */
  w0 = wall_now ();
  c0 = cpu_now ();
  reader = golanes_trace_reader_new_for_path (argv[1], &error);
  if (reader == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  while (golanes_trace_reader_next (reader, &ev, &error))
    n_events++;
  golanes_trace_reader_free (reader);
  parse_wall = wall_now () - w0;
  parse_cpu = cpu_now () - c0;
  if (error != NULL)
    fprintf (stderr, "warning: %s\n", error->message);
  g_clear_error (&error);

  /* Parse + model with the threaded reader, when this machine has the
   * cores for it: the speed-up of overlapping decoding and modelling. */
  if (golanes_trace_reader_threaded_default ())
    {
      w0 = wall_now ();
      c0 = cpu_now ();
      reader = golanes_trace_reader_new_for_path (argv[1], &error);
      g_assert_no_error (error);
      golanes_trace_reader_set_threaded (reader, TRUE);
      tl = golanes_timeline_new ();
      while (golanes_trace_reader_next (reader, &ev, &error))
        golanes_timeline_feed (tl, reader, &ev);
      golanes_trace_reader_free (reader);
      golanes_timeline_finish (tl);
      threaded_wall = wall_now () - w0;
      threaded_cpu = cpu_now () - c0;
      golanes_timeline_free (tl);
      g_clear_error (&error);
    }

  malloc_trim (0);
  anon_before = status_kb ("RssAnon:");

  /* Parse + model. */
  w0 = wall_now ();
  c0 = cpu_now ();
  reader = golanes_trace_reader_new_for_path (argv[1], &error);
  g_assert_no_error (error);
  tl = golanes_timeline_new ();
  while (golanes_trace_reader_next (reader, &ev, &error))
    golanes_timeline_feed (tl, reader, &ev);
  golanes_trace_reader_free (reader);
  feed_cpu = cpu_now () - c0;
  golanes_timeline_finish (tl);
  load_wall = wall_now () - w0;
  load_cpu = cpu_now () - c0;
  g_clear_error (&error);

  malloc_trim (0);
  anon_after = status_kb ("RssAnon:");
  hwm = status_kb ("VmHWM:");
  model_bytes = golanes_timeline_get_memory_size (tl);
  n_spans = golanes_timeline_get_n_spans (tl);
  n_tracks = golanes_timeline_get_n_goroutines (tl) + 3 * golanes_timeline_get_n_procs (tl) +
             golanes_timeline_get_n_threads (tl) + 2 + golanes_timeline_get_n_task_rows (tl);
  for (i = 0; i < golanes_timeline_get_n_goroutines (tl); i++)
    {
      n_tracks += golanes_timeline_get_goroutine_n_region_levels (tl, i) +
                  (golanes_timeline_get_goroutine_assists (tl, i) != NULL);
    }

  printf ("trace:                 %s\n", argv[1]);
  printf ("events:                %" G_GUINT64_FORMAT "\n", n_events);
  printf ("goroutines/procs/threads: %u / %u / %u (%u tracks)\n",
          golanes_timeline_get_n_goroutines (tl), golanes_timeline_get_n_procs (tl),
          golanes_timeline_get_n_threads (tl), n_tracks);
  printf ("spans:                 %" G_GUINT64_FORMAT " (%.2f per event)\n",
          n_spans, n_events ? (double) n_spans / n_events : 0.0);
  printf ("parse only:            %.3f s wall, %.3f s cpu\n", parse_wall, parse_cpu);
  printf ("load (parse + model):  %.3f s wall, %.3f s cpu\n", load_wall, load_cpu);
  if (threaded_wall > 0)
    printf ("load, threaded reader: %.3f s wall, %.3f s cpu (%.2fx faster than one thread)\n",
            threaded_wall, threaded_cpu, load_wall / threaded_wall);
  else
    printf ("load, threaded reader: not measured (one core, or GOLANES_THREADS=1)\n");
  printf ("model build:           %.3f s cpu (feed %.3f s + finish %.3f s)\n",
          load_cpu - parse_cpu, feed_cpu - parse_cpu, load_cpu - feed_cpu);
  printf ("model bytes (own):     %" G_GSIZE_FORMAT " (%.1f bytes/event, %.1f bytes/span)\n",
          model_bytes, n_events ? (double) model_bytes / n_events : 0.0,
          n_spans ? (double) model_bytes / n_spans : 0.0);
  printf ("model bytes (RssAnon): %" G_GINT64_FORMAT " (%.1f bytes/event)\n",
          (anon_after - anon_before) * 1024,
          n_events ? (double) (anon_after - anon_before) * 1024 / n_events : 0.0);
  printf ("peak RSS (VmHWM):      %" G_GINT64_FORMAT " kB (%.1f bytes/event, the whole process)\n",
          hwm, n_events ? (double) hwm * 1024 / n_events : 0.0);

  /* Level-of-detail queries: every P track and the ten busiest goroutine
   * tracks, whole trace and a 1% window, 1920 columns. */
  {
    g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (GolanesLodItem));
    GPtrArray *tracks = g_ptr_array_new ();
    gint64 start = golanes_timeline_get_start_time (tl);
    gint64 end = golanes_timeline_get_end_time (tl);
    guint best[10] = { 0 }, best_n[10] = { 0 }, n_best = 0, k, rounds = 20, r;
    g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (GolanesSpan));
    guint64 n_items = 0, n_spans_covered = 0, n_queries = 0;
    double w, by_window[2] = { 0, 0 };

    for (i = 0; i < golanes_timeline_get_n_procs (tl); i++)
      g_ptr_array_add (tracks, golanes_timeline_get_proc (tl, i)->goroutines);
    /* Counted without making the tracks of packed goroutines. */
    for (i = 0; i < golanes_timeline_get_n_goroutines (tl); i++)
      {
        guint n;

        golanes_timeline_read_goroutine_spans (tl, i, spans);
        n = spans->len;
        for (k = 0; k < n_best; k++)
          if (n > best_n[k])
            break;
        if (k < 10)
          {
            memmove (best + k + 1, best + k, (MIN (n_best, 9) - k) * sizeof (guint));
            memmove (best_n + k + 1, best_n + k, (MIN (n_best, 9) - k) * sizeof (guint));
            best[k] = i;
            best_n[k] = n;
            n_best = MIN (n_best + 1, 10);
          }
      }
    for (k = 0; k < n_best; k++)
      g_ptr_array_add (tracks, golanes_timeline_get_goroutine_states (tl, best[k]));

    w = cpu_now ();
    for (r = 0; r < rounds; r++)
      for (k = 0; k < tracks->len; k++)
        {
          gint64 t0 = r % 2 == 0 ? start : start + (end - start) / 2;
          gint64 t1 = r % 2 == 0 ? end + 1 : t0 + (end - start) / 100 + 1;
          guint j;

          double q0 = cpu_now ();

          g_array_set_size (items, 0);
          golanes_track_query_lod (tracks->pdata[k], t0, t1, (double) (t1 - t0) / 1920, items);
          by_window[r % 2] += cpu_now () - q0;
          n_items += items->len;
          for (j = 0; j < items->len; j++)
            n_spans_covered += g_array_index (items, GolanesLodItem, j).count;
          n_queries++;
        }
    w = cpu_now () - w;
    printf ("LOD queries (1920 px): %" G_GUINT64_FORMAT " on %u tracks, %.1f us cpu each, "
            "%.0f items and %.0f spans per query\n",
            n_queries, tracks->len, w * 1e6 / n_queries,
            (double) n_items / n_queries, (double) n_spans_covered / n_queries);
    printf ("  whole trace / 1%% window: %.1f / %.1f us cpu each\n",
            by_window[0] * 1e6 / (n_queries / 2), by_window[1] * 1e6 / (n_queries / 2));
    g_ptr_array_unref (tracks);
  }

  golanes_timeline_free (tl);

  /* Everything, as the CLI and the tests load it: the timeline and every
   * analysis in one pass.  Its CPU per event, set against bigtrace's
   * (few goroutines), gives what a goroutine costs beyond its events
   * (run-bench prints that); its bytes per goroutine are the model's
   * goroutine bytes beyond spans and the goroutine summary's, the one
   * analysis that keeps a record per goroutine. */
  {
    GolanesDocument *doc;
    GolanesGoroutineSummary *summary;
    gsize g_bytes, s_bytes;
    guint n_g;

    w0 = wall_now ();
    c0 = cpu_now ();
    doc = golanes_document_load (argv[1], NULL, NULL, NULL, &error);
    if (doc == NULL)
      {
        fprintf (stderr, "%s\n", error->message);
        return 1;
      }
    load_wall = wall_now () - w0;
    load_cpu = cpu_now () - c0;
    tl = golanes_document_get_timeline (doc);
    summary = golanes_document_get_goroutine_summary (doc);
    n_g = MAX (golanes_timeline_get_n_goroutines (tl), 1);
    g_bytes = golanes_timeline_get_goroutine_memory_size (tl, NULL);
    s_bytes = golanes_goroutine_summary_get_memory_size (summary);
    printf ("all parts (one pass):  %.3f s wall, %.3f s cpu (%.1f ns cpu/event)\n",
            load_wall, load_cpu, n_events ? load_cpu * 1e9 / n_events : 0.0);
    printf ("bytes per goroutine:   %.1f (model %.1f + goroutine summary %.1f), beyond spans\n",
            (double) (g_bytes + s_bytes) / n_g, (double) g_bytes / n_g, (double) s_bytes / n_g);
    golanes_document_unref (doc);
  }
  return 0;
}
