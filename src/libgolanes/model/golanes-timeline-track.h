/* golanes-timeline-track.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * One row of the timeline: a sequence of non-overlapping spans sorted by
 * time (s[i] <= e[i] <= s[i+1]).
 *
 * Storage: blocks of 64 spans.  A block has a 32-byte header (its first
 * and last start, the effective end of its last span, its largest
 * effective duration) followed by its states' summed durations, and
 * packed bytes: the starts of its spans 16, 32 and 48, then per span the
 * gap since the previous span's end, the duration, the state, the flags,
 * the reason and the argument, each field with a fixed number of bits per
 * block relative to the block's minimum, or, for the state, reason and
 * argument, as an index into the block's dictionary of distinct values
 * when that is smaller.  Constant fields (no gaps in a contiguous track,
 * reasons that are all 0) take no bits.  Typically 3 to 5 bytes per span
 * all told, whatever the durations (64-bit times throughout).  Reading a
 * span decodes within its block: O(64).  The spans of the last block stay
 * unencoded while the track is built, so the open last span can be closed
 * or relabelled, and every read works during the build too.
 * golanes_track_new_contiguous() is kept for callers; it stores the same
 * way.
 *
 * Conventions shared by every query:
 *  - a span [s, e) has an effective end max(e, s + 1), so a zero-length
 *    span is still visible and still counted;
 *  - a span intersects the window [t0, t1) when s < t1 and its effective
 *    end > t0.
 *
 * golanes_track_finish() closes a span left open (flagging it
 * GOLANES_SPAN_OPEN), encodes the last block and keeps the level-of-detail
 * summaries for the states the track uses: the per-block sums, and prefix
 * sums every 16 blocks (none for tracks of fewer than 4 blocks).
 */

typedef enum
{
  GOLANES_SPAN_OPEN       = 1 << 0, /* never ended: ends at the trace end */
  GOLANES_SPAN_OPEN_START = 1 << 1, /* began before the trace (or its begin is missing) */
} GolanesSpanFlags;

/* States on one track must be < GOLANES_TRACK_MAX_STATES for the LOD's
 * dominant-state sums. */
#define GOLANES_TRACK_MAX_STATES 8

typedef struct
{
  gint64  start;
  gint64  end;     /* >= start */
  guint32 arg;     /* meaning depends on the track: stack id, goroutine index, ... */
  guint16 reason;  /* meaning depends on the track: reason id, label id, P, ... */
  guint8  state;
  guint8  flags;   /* GolanesSpanFlags */
} GolanesSpan;

/*
 * One thing to draw in a level-of-detail query.  @count == 1: the span
 * @first itself.  @count > 1: the run of spans [@first, @first + @count),
 * each narrower than 2 pixels, merged; @state is then the state that covers
 * the most time (effective durations; ties go to the lower state).
 * [@x0, @x1) are the pixel columns it covers, relative to t0 and clipped to
 * the window (x1 > x0 always).
 */
typedef struct
{
  gint64  start;
  gint64  end;    /* effective end of the last span */
  guint32 first;
  guint32 count;
  gint32  x0;
  gint32  x1;
  guint8  state;
} GolanesLodItem;

typedef struct _GolanesTrack GolanesTrack;

GolanesTrack *golanes_track_new        (void);
GolanesTrack *golanes_track_new_contiguous (void);
void          golanes_track_free       (GolanesTrack *track);

/* Building.  A span starting before the previous span's end is moved to
 * that end (tracks never overlap).  Only the last span can be open. */
guint         golanes_track_append     (GolanesTrack *track,
                                        gint64        start,
                                        gint64        end,
                                        guint8        state,
                                        guint16       reason,
                                        guint32       arg,
                                        guint8        flags);
guint         golanes_track_open       (GolanesTrack *track,
                                        gint64        start,
                                        guint8        state,
                                        guint16       reason,
                                        guint32       arg,
                                        guint8        flags);
/* Closes the last span if it is open; returns FALSE if none was. */
gboolean      golanes_track_close      (GolanesTrack *track,
                                        gint64        end);
gboolean      golanes_track_is_open    (const GolanesTrack *track);
void          golanes_track_set_last_reason (GolanesTrack *track,
                                             guint16       reason);
guint32       golanes_track_get_last_arg    (const GolanesTrack *track);
/* Closes an open span at @trace_end (flag GOLANES_SPAN_OPEN), trims the
 * storage and builds the LOD summaries.  No more spans after this. */
void          golanes_track_finish     (GolanesTrack *track,
                                        gint64        trace_end);

/* Reading. */
guint         golanes_track_get_n_spans (const GolanesTrack *track);
void          golanes_track_get_span    (const GolanesTrack *track,
                                         guint               index,
                                         GolanesSpan        *out);
gint64        golanes_track_get_start   (const GolanesTrack *track,
                                         guint               index);
gint64        golanes_track_get_end     (const GolanesTrack *track,
                                         guint               index);
guint8        golanes_track_get_state   (const GolanesTrack *track,
                                         guint               index);
/* Spans intersecting [t0, t1): returns the count, *first the first index. */
guint         golanes_track_find        (const GolanesTrack *track,
                                         gint64              t0,
                                         gint64              t1,
                                         guint              *first);
/* The span containing @time (s <= time < effective end), or -1. */
gint          golanes_track_find_at     (const GolanesTrack *track,
                                         gint64              time);
/* Total effective duration per state of the spans [first, first + count);
 * @sums has GOLANES_TRACK_MAX_STATES entries.  O(64 + states): at most two
 * (three on tracks of fewer than 4 blocks) blocks decoded. */
void          golanes_track_sum_states  (const GolanesTrack *track,
                                         guint               first,
                                         guint               count,
                                         gint64             *sums);

/* Level of detail: appends to @items (GolanesLodItem) what to draw for
 * the window [t0, t1) at @ns_per_px nanoseconds per pixel column (column c
 * covers [t0 + c * ns_per_px, t0 + (c + 1) * ns_per_px)).  Spans at least
 * 2 pixels wide come out individually; consecutive narrower spans that
 * start in the same column are merged.  Every span intersecting the window
 * is covered by exactly one item.  At most about 1.5 items per column plus
 * two.  The cost is O(log n) to find the window, then per item about one
 * sub-block of 16 spans decoded (a whole block when runs are shorter than
 * a block) plus one header read per block of 64 spans merged whole.  The
 * window must have fewer than 2^31 columns.  Returns the
 * number of items appended. */
guint         golanes_track_query_lod   (const GolanesTrack *track,
                                         gint64              t0,
                                         gint64              t1,
                                         double              ns_per_px,
                                         GArray             *items);
/* The pixel column of @time in a LOD query (can be negative). */
gint64        golanes_lod_column        (gint64              t0,
                                         double              ns_per_px,
                                         gint64              time);

gsize         golanes_track_get_memory_size (const GolanesTrack *track);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GolanesTrack, golanes_track_free)

G_END_DECLS
