/* fuzz-document.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer harness: the whole document load, as the app does it (the
 * timeline model and every analysis part, with the threaded reader when
 * the machine has more than one core), then a walk over everything the
 * panels read: every field of the model (model-digest.h), the lane layout
 * and its labels, GC cycles, pauses and series, MMU curves and worst
 * windows, goroutine summaries and groups, the four blocking profiles
 * encoded as pprof, and the task and region statistics.
 */

#include <stdint.h>
#include <stddef.h>
#include <string.h>

#include <glib.h>

#include "golanes-blocking.h"
#include "golanes-document.h"
#include "golanes-gc.h"
#include "golanes-goroutine-summary.h"
#include "golanes-mmu.h"
#include "golanes-pprof.h"
#include "golanes-tasks.h"
#include "golanes-timeline-layout.h"

#include "model/model-digest.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Keeps a value alive so that reading it is not optimised away. */
static volatile guint64 sink;

static void
walk_gc (GolanesGc *gc)
{
  const GolanesGcCycle *cycles;
  const GolanesStwPause *pauses;
  const GolanesGcSample *samples;
  guint n;

  if (gc == NULL)
    return;
  cycles = golanes_gc_get_cycles (gc, &n);
  for (guint i = 0; i < n; i++)
    sink += (guint64) cycles[i].start;
  pauses = golanes_gc_get_pauses (gc, &n);
  for (guint i = 0; i < n; i++)
    sink += (guint64) pauses[i].start;
  sink += (guint64) golanes_gc_get_totals (gc)->n_cycles;
  samples = golanes_gc_get_heap_series (gc, &n);
  sink += n > 0 ? (guint64) samples[n - 1].value : 0;
  samples = golanes_gc_get_heap_goal_series (gc, &n);
  sink += n > 0 ? (guint64) samples[n - 1].value : 0;
  samples = golanes_gc_get_gomaxprocs_series (gc, &n);
  sink += n > 0 ? (guint64) samples[n - 1].value : 0;
}

static void
walk_mmu (GolanesMmu *mmu)
{
  static const gint64 windows[] = { 0, 1, 1000, 1000000, G_GINT64_CONSTANT (1000000000) };
  gint64 x_min, x_max, plot_windows[GOLANES_MMU_PLOT_SAMPLES];
  double plot_mmu[GOLANES_MMU_PLOT_SAMPLES];
  GolanesUtilWindow worst[5];

  if (mmu == NULL)
    return;
  for (guint i = 0; i < golanes_mmu_get_n_series (mmu); i++)
    {
      gsize n;
      const GolanesMutatorUtil *series = golanes_mmu_get_series (mmu, i, &n);

      sink += n > 0 ? (guint64) series[n - 1].time : 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      sink += (guint64) (golanes_mmu_get_mmu (mmu, windows[i]) * 1000);
      sink += golanes_mmu_get_worst_windows (mmu, windows[i], G_N_ELEMENTS (worst), worst);
    }
  if (golanes_mmu_get_plot (mmu, &x_min, &x_max, plot_windows, plot_mmu))
    sink += (guint64) x_max;
}

static void
walk_summary (GolanesGoroutineSummary *summary)
{
  const GolanesGoroutineGroup *groups;
  guint n, n_goroutines;

  if (summary == NULL)
    return;
  n_goroutines = golanes_goroutine_summary_get_n_goroutines (summary);
  /* The per-goroutine look-ups the panel makes, on a bounded sample. */
  for (guint i = 0; i < n_goroutines; i += 1 + n_goroutines / 64)
    {
      GolanesGoroutineInfo *info = golanes_goroutine_summary_dup_goroutine (summary, i);

      sink += (guint64) golanes_goroutine_summary_find (summary, info->id);
      golanes_goroutine_info_free (info);
    }
  groups = golanes_goroutine_summary_get_groups (summary, &n);
  for (guint i = 0; i < n && i < 64; i++)
    {
      g_autoptr(GArray) members = golanes_goroutine_summary_dup_group_members (summary, groups[i].name);

      sink += members != NULL ? members->len : 0;
    }
  golanes_goroutine_summary_get_goroutines (summary, &n);
  sink += n;
  {
    const GolanesRegionType *types = golanes_goroutine_summary_get_region_types (summary, &n);
    GolanesRegionIter it;
    GolanesUserRegion r;
    guint n_read = 0;

    golanes_goroutine_summary_region_iter_init (summary, &it);
    while (golanes_region_iter_next (&it, &r))
      {
        g_assert (r.type < n);
        sink += strlen (types[r.type].name) + (guint64) (r.end_time - r.start_time);
        n_read++;
      }
    g_assert (n_read == golanes_goroutine_summary_get_n_regions (summary));
  }
  golanes_goroutine_summary_get_tasks (summary, &n);
  sink += n;
  sink += golanes_goroutine_summary_get_memory_size (summary);
}

static void
walk_blocking (GolanesBlocking *blocking)
{
  const GolanesBlockingRecord *records;
  g_autoptr(GBytes) profile = NULL;
  guint n;

  if (blocking == NULL)
    return;
  records = golanes_blocking_get_records (blocking, &n);
  sink += n > 0 ? (guint64) records[0].delay : 0;
  golanes_blocking_get_reasons (blocking, &n);
  sink += n;
  golanes_blocking_get_groups (blocking, &n);
  sink += n;
  profile = golanes_pprof_encode_blocking (blocking);
  sink += g_bytes_get_size (profile);
}

static void
walk_tasks (GolanesTasks *tasks)
{
  guint n;

  if (tasks == NULL)
    return;
  golanes_tasks_get_tasks (tasks, &n);
  sink += n;
  golanes_tasks_get_regions (tasks, &n);
  sink += n;
  walk_summary (golanes_tasks_get_summary (tasks));
}

static void
walk_layout (GolanesDocument *document)
{
  g_autoptr(GolanesTimelineLayout) layout = golanes_timeline_layout_new (document);
  guint n;

  golanes_timeline_layout_update (layout);
  n = golanes_timeline_layout_get_n_lanes (layout);
  for (guint i = 0; i < n && i < 256; i++)
    {
      g_autofree char *label = golanes_timeline_layout_dup_lane_label (layout, i);

      sink += label != NULL ? strlen (label) : 0;
    }
  sink += (guint64) golanes_timeline_layout_get_height (layout);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GolanesDocument) document = NULL;
  GolanesTimeline *timeline;

  document = golanes_document_load_bytes (bytes, NULL, &error);
  if (document == NULL)
    {
      g_assert (error != NULL && error->message != NULL);
      return 0;
    }

  timeline = golanes_document_get_timeline (document);
  if (timeline != NULL)
    {
      g_autofree char *digest = model_digest (timeline, NULL);

      sink += digest != NULL ? (guint64) digest[0] : 0;
      walk_layout (document);
    }
  walk_gc (golanes_document_get_gc (document));
  walk_mmu (golanes_document_get_mmu (document));
  walk_summary (golanes_document_get_goroutine_summary (document));
  for (guint kind = GOLANES_BLOCKING_SYNC; kind <= GOLANES_BLOCKING_SCHED; kind++)
    walk_blocking (golanes_document_get_blocking (document, kind));
  walk_tasks (golanes_document_get_tasks (document));
  /* The feeders end before the input does, so that what they allocate is
   * freed within the run that made it (or LeakSanitizer would see it). */
  golanes_document_join_workers (document);
  return 0;
}
