/* hostile-load.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * hostile-load TRACE: loads a trace as the application does, every part
 * of the document in one pass (golanes_document_load(): the timeline, and
 * the GC, goroutines and blocking analyses fed from the same decoding),
 * then lays out its lanes with every group expanded and reads what a
 * window shows: the first and last lanes' labels and their spans over the
 * whole trace, and each analysis part.  For check-hostile, which runs it
 * under an address-space limit and a timeout.  Exits 0, or 1 with the
 * file and the error on stderr when the trace is broken.
 */

#include "config.h"

#include <stdio.h>

#include "golanes-document.h"
#include "golanes-memory.h"
#include "golanes-timeline-layout.h"

/* Lanes read at each end of the layout: a window shows a few dozen. */
#define LANES_READ 64

static GolanesTrack *
lane_track (GolanesTimeline   *timeline,
            const GolanesLane *lane)
{
  switch (lane->kind)
    {
    case GOLANES_LANE_PROC:
      return golanes_timeline_get_proc (timeline, lane->index)->goroutines;
    case GOLANES_LANE_THREAD:
      return golanes_timeline_get_thread (timeline, lane->index)->goroutines;
    case GOLANES_LANE_TASK:
      return golanes_timeline_get_task_row (timeline, lane->index);
    case GOLANES_LANE_GOROUTINE:
      return golanes_timeline_get_goroutine_states (timeline, lane->index);
    case GOLANES_LANE_REGION:
      return golanes_timeline_get_goroutine_region_level (timeline, lane->index, lane->level);
    default:
      return NULL;
    }
}

static guint64
read_lane (GolanesTimelineLayout *layout,
           GolanesTimeline       *timeline,
           guint                  i,
           GArray                *items)
{
  GolanesLane lane = golanes_timeline_layout_get_lane (layout, i);
  g_autofree char *label = golanes_timeline_layout_dup_lane_label (layout, i);
  gint64 start = golanes_timeline_get_start_time (timeline);
  gint64 end = golanes_timeline_get_end_time (timeline);
  GolanesTrack *track = lane_track (timeline, &lane);

  if (track == NULL || end <= start)
    return strlen (label);
  g_array_set_size (items, 0);
  /* The whole trace over 1920 pixels, as the window opens. */
  golanes_track_query_lod (track, start, end, (double) (end - start) / 1920, items);
  return strlen (label) + items->len;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GolanesDocument) document = NULL;
  g_autoptr(GolanesTimelineLayout) layout = NULL;
  g_autoptr(GArray) items = NULL;
  const GError *read_error;
  GolanesTimeline *timeline;
  guint64 seen = 0;
  guint n_lanes, n;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: hostile-load TRACE\n");
      return 2;
    }
  golanes_tune_allocator ();

  document = golanes_document_load (argv[1], NULL, NULL, NULL, &error);
  if (document == NULL)
    {
      fprintf (stderr, "hostile-load: %s: %s\n", argv[1], error->message);
      return 1;
    }
  read_error = golanes_document_get_read_error (document);
  if (read_error != NULL)
    fprintf (stderr, "hostile-load: %s: %s\n", argv[1], read_error->message);
  timeline = golanes_document_get_timeline (document);
  if (timeline == NULL)
    {
      const GError *e = golanes_document_get_part_error (document, GOLANES_DOCUMENT_PART_TIMELINE);

      fprintf (stderr, "hostile-load: %s: no timeline: %s\n", argv[1], e != NULL ? e->message : "?");
      return 1;
    }

  layout = golanes_timeline_layout_new (document);
  for (guint g = 0; g < golanes_timeline_layout_get_n_groups (layout); g++)
    golanes_timeline_layout_set_group_collapsed (layout, g, FALSE);
  items = g_array_new (FALSE, FALSE, sizeof (GolanesLodItem));
  n_lanes = golanes_timeline_layout_get_n_lanes (layout);
  for (guint i = 0; i < MIN (n_lanes, LANES_READ); i++)
    seen += read_lane (layout, timeline, i, items);
  for (guint i = MAX (n_lanes, LANES_READ) - LANES_READ; i < n_lanes; i++)
    seen += read_lane (layout, timeline, i, items);

  if (golanes_document_get_gc (document) != NULL && golanes_document_get_mmu (document) != NULL)
    seen += (guint64) (1000 * golanes_mmu_get_mmu (golanes_document_get_mmu (document), 1000000));
  if (golanes_document_get_tasks (document) != NULL)
    {
      golanes_tasks_get_tasks (golanes_document_get_tasks (document), &n);
      seen += n;
      golanes_tasks_get_regions (golanes_document_get_tasks (document), &n);
      seen += n;
    }
  if (golanes_document_get_goroutine_summary (document) != NULL)
    seen += golanes_goroutine_summary_get_n_goroutines (golanes_document_get_goroutine_summary (document));
  for (guint k = GOLANES_BLOCKING_SYNC; k <= GOLANES_BLOCKING_SCHED; k++)
    {
      GolanesBlocking *b = golanes_document_get_blocking (document, k);

      if (b != NULL)
        seen += golanes_blocking_get_total_count (b);
    }

  printf ("events: %" G_GUINT64_FORMAT "\nlanes: %u\nread: %" G_GUINT64_FORMAT "\n",
          golanes_document_get_n_events (document), n_lanes, seen);
  return read_error != NULL ? 1 : 0;
}
