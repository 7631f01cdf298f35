/* golanes-timeline-track.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE   /* mremap */
#endif

#include "config.h"

#include <math.h>
#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

#include "golanes-timeline-private.h"
#include "golanes-timeline-track.h"

#define BIG_ARRAY (128u << 10)   /* own mapping from here */
#define HUGE_PAGE (2u << 20)     /* ask for huge pages from here */

#if defined(__linux__) && defined(MREMAP_MAYMOVE) && defined(MADV_HUGEPAGE)
static gsize
page_round (gsize size)
{
  return (size + 4095) & ~(gsize) 4095;
}
#endif

gpointer
golanes_timeline_array_resize (gpointer mem,
                               gsize    old_size,
                               gsize    new_size)
{
#if defined(__linux__) && defined(MREMAP_MAYMOVE) && defined(MADV_HUGEPAGE)
  if (new_size >= BIG_ARRAY || old_size >= BIG_ARRAY)
    {
      gpointer q;

      if (old_size < BIG_ARRAY)
        {
          q = mmap (NULL, page_round (new_size), PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
          if (q == MAP_FAILED)
            g_error ("out of memory (%" G_GSIZE_FORMAT " bytes)", new_size);
          if (new_size >= HUGE_PAGE)
            madvise (q, page_round (new_size), MADV_HUGEPAGE);
          if (old_size > 0)
            memcpy (q, mem, old_size);
          g_free (mem);
          return q;
        }
      if (new_size < BIG_ARRAY)
        {
          q = g_malloc (MAX (new_size, 1));
          memcpy (q, mem, new_size);
          munmap (mem, page_round (old_size));
          return q;
        }
      if (page_round (new_size) == page_round (old_size))
        return mem;
      q = mremap (mem, page_round (old_size), page_round (new_size), MREMAP_MAYMOVE);
      if (q == MAP_FAILED)
        g_error ("out of memory (%" G_GSIZE_FORMAT " bytes)", new_size);
      if (new_size > old_size && new_size >= HUGE_PAGE)
        madvise (q, page_round (new_size), MADV_HUGEPAGE);
      return q;
    }
#endif
  return g_realloc (mem, new_size);
}

void
golanes_timeline_array_free (gpointer mem,
                             gsize    size)
{
#if defined(__linux__) && defined(MREMAP_MAYMOVE) && defined(MADV_HUGEPAGE)
  if (size >= BIG_ARRAY)
    {
      munmap (mem, page_round (size));
      return;
    }
#endif
  g_free (mem);
}

#define DUR_LONG    G_MAXUINT32  /* the end is in long_ends */
#define FLAG_BUILD  0x80         /* internal: the span is still open */
#define BLOCK_SHIFT 6
#define BLOCK       (1u << BLOCK_SHIFT)
#define NS          GOLANES_TRACK_MAX_STATES

/* Storage: a record of start (8 bytes), argument (4) and meta (reason |
 * state << 16 | flags << 24, 4 bytes) per span, plus a separate array of
 * 32-bit durations (4) unless the track is contiguous.  In a contiguous
 * track a span ends where the next begins, unless it carries FLAG_GAP;
 * then, like a span whose duration does not fit in 32 bits, its end is in
 * the sorted side table long_ends. */

#define FLAG_GAP    0x40         /* internal: contiguous track, end in long_ends */
#define META(reason, state, flags) \
  ((guint32) (reason) | (guint32) (state) << 16 | (guint32) (flags) << 24)
#define M_REASON(m) ((guint16) ((m) & 0xffff))
#define M_STATE(m)  ((guint8) (((m) >> 16) & 0xff))
#define M_FLAGS(m)  ((guint8) ((m) >> 24))

typedef struct
{
  guint32 index;
  guint32 pad;
  gint64  end;
} LongEnd;

typedef struct
{
  gint64  start;
  guint32 arg;
  guint32 meta;
} Rec;

struct _GolanesTrack
{
  Rec      *recs;
  guint32  *durs;       /* NULL in a contiguous track */
  guint     n;
  guint     cap;
  gboolean  contiguous;
  gint64    last_end;   /* contiguous: end of the last closed span */
  LongEnd  *long_ends;
  guint     n_long;
  guint     cap_long;

  /* LOD, built by finish */
  guint     n_levels;   /* max-tree levels above the spans */
  gint64  **level_max;  /* level_max[l][k]: max effective duration of group k */
  guint    *level_n;
  gint64   *cum;        /* (n_blocks + 1) * NS prefix sums */
  guint     n_blocks;
  gboolean  finished;
};

#define STATE(track, i) M_STATE ((track)->recs[i].meta)

GolanesTrack *
golanes_track_new (void)
{
  return g_new0 (GolanesTrack, 1);
}

GolanesTrack *
golanes_track_new_contiguous (void)
{
  GolanesTrack *track = g_new0 (GolanesTrack, 1);

  track->contiguous = TRUE;
  return track;
}

void
golanes_track_free (GolanesTrack *track)
{
  guint l;

  if (track == NULL)
    return;
  for (l = 0; l < track->n_levels; l++)
    g_free (track->level_max[l]);
  g_free (track->level_max);
  g_free (track->level_n);
  g_free (track->cum);
  g_free (track->long_ends);
  golanes_timeline_array_free (track->recs, (gsize) track->cap * sizeof (Rec));
  if (track->durs != NULL)
    golanes_timeline_array_free (track->durs, (gsize) track->cap * sizeof (guint32));
  g_free (track);
}

static gint64
long_end (const GolanesTrack *track,
          guint               index)
{
  guint lo = 0, hi = track->n_long;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (track->long_ends[mid].index < index)
        lo = mid + 1;
      else
        hi = mid;
    }
  g_assert (lo < track->n_long && track->long_ends[lo].index == index);
  return track->long_ends[lo].end;
}

static inline gint64
rec_end (const GolanesTrack *track,
         guint               index)
{
  if (track->durs != NULL)
    {
      guint32 d = track->durs[index];
      if (G_LIKELY (d != DUR_LONG))
        return track->recs[index].start + d;
      return long_end (track, index);
    }
  if (G_UNLIKELY (M_FLAGS (track->recs[index].meta) & FLAG_GAP))
    return long_end (track, index);
  if (index + 1 < track->n)
    return track->recs[index + 1].start;
  return track->last_end;
}

static inline gint64
eff_end (const GolanesTrack *track,
         guint               index)
{
  gint64 e = rec_end (track, index);
  gint64 s = track->recs[index].start;

  return e > s ? e : s + 1;
}

static inline gint64
eff_dur (const GolanesTrack *track,
         guint               index)
{
  return eff_end (track, index) - track->recs[index].start;
}

static void
add_long_end (GolanesTrack *track,
              guint         index,
              gint64        end)
{
  if (track->n_long == track->cap_long)
    {
      track->cap_long = MAX (4, track->cap_long * 2);
      track->long_ends = g_renew (LongEnd, track->long_ends, track->cap_long);
    }
  track->long_ends[track->n_long].index = index;
  track->long_ends[track->n_long].pad = 0;
  track->long_ends[track->n_long].end = end;
  track->n_long++;
}

/* Sets the end of the last span. */
static void
set_end (GolanesTrack *track,
         gint64        end)
{
  guint index = track->n - 1;
  gint64 d;

  if (end < track->recs[index].start)
    end = track->recs[index].start;
  if (track->contiguous)
    {
      track->last_end = end;
      return;
    }
  d = end - track->recs[index].start;
  if (d < DUR_LONG)
    {
      track->durs[index] = (guint32) d;
      return;
    }
  track->durs[index] = DUR_LONG;
  add_long_end (track, index, end);
}

static void
grow (GolanesTrack *track,
      guint         cap)
{
  gsize old = track->cap, new = cap;

  track->recs = golanes_timeline_array_resize (track->recs, old * sizeof (Rec), new * sizeof (Rec));
  if (!track->contiguous)
    track->durs = golanes_timeline_array_resize (track->durs, old * sizeof (guint32), new * sizeof (guint32));
  track->cap = cap;
}

static guint
push (GolanesTrack *track,
      gint64        start,
      guint8        state,
      guint16       reason,
      guint32       arg,
      guint8        flags)
{
  g_return_val_if_fail (!track->finished, G_MAXUINT);

  if (track->n > 0)
    {
      guint last = track->n - 1;
      gint64 prev_end;

      if (M_FLAGS (track->recs[last].meta) & FLAG_BUILD)
        golanes_track_close (track, start);
      prev_end = rec_end (track, last);
      if (start < prev_end)
        start = prev_end;
      if (track->contiguous && start > prev_end)
        {
          /* A gap: the previous span's end goes to the side table. */
          track->recs[last].meta |= (guint32) FLAG_GAP << 24;
          add_long_end (track, last, prev_end);
        }
    }
  if (track->n == track->cap)
    grow (track, track->cap < 4 ? 4 : track->cap * 2);
  track->recs[track->n].start = start;
  if (track->durs != NULL)
    track->durs[track->n] = 0;
  track->recs[track->n].arg = arg;
  track->recs[track->n].meta = META (reason, state, flags & ~(FLAG_BUILD | FLAG_GAP));
  track->n++;
  if (track->contiguous)
    track->last_end = start;
  return track->n - 1;
}

guint
golanes_track_append (GolanesTrack *track,
                      gint64        start,
                      gint64        end,
                      guint8        state,
                      guint16       reason,
                      guint32       arg,
                      guint8        flags)
{
  guint i = push (track, start, state, reason, arg, flags);

  if (i != G_MAXUINT)
    set_end (track, end);
  return i;
}

guint
golanes_track_open (GolanesTrack *track,
                    gint64        start,
                    guint8        state,
                    guint16       reason,
                    guint32       arg,
                    guint8        flags)
{
  guint i = push (track, start, state, reason, arg, flags);

  if (i != G_MAXUINT)
    track->recs[i].meta |= (guint32) FLAG_BUILD << 24;
  return i;
}

gboolean
golanes_track_close (GolanesTrack *track,
                     gint64        end)
{
  guint last;

  if (track->n == 0)
    return FALSE;
  last = track->n - 1;
  if (!(M_FLAGS (track->recs[last].meta) & FLAG_BUILD))
    return FALSE;
  track->recs[last].meta &= ~((guint32) FLAG_BUILD << 24);
  set_end (track, end);
  return TRUE;
}

gboolean
golanes_track_is_open (const GolanesTrack *track)
{
  return track->n > 0 && (M_FLAGS (track->recs[track->n - 1].meta) & FLAG_BUILD) != 0;
}

guint32
golanes_track_get_last_arg (const GolanesTrack *track)
{
  g_return_val_if_fail (track->n > 0, 0);
  return track->recs[track->n - 1].arg;
}

void
golanes_track_set_last_reason (GolanesTrack *track,
                               guint16       reason)
{
  if (track->n > 0)
    track->recs[track->n - 1].meta = (track->recs[track->n - 1].meta & 0xffff0000u) | reason;
}

void
golanes_track_finish (GolanesTrack *track,
                      gint64        trace_end)
{
  guint l, k, b;
  guint n_level;
  gint64 *prev;
  gint64 acc[NS];

  g_return_if_fail (!track->finished);

  if (golanes_track_is_open (track))
    {
      track->recs[track->n - 1].meta |= (guint32) GOLANES_SPAN_OPEN << 24;
      golanes_track_close (track, trace_end);
    }
  track->finished = TRUE;
  if (track->cap > track->n)
    grow (track, track->n);
  if (track->cap_long > track->n_long)
    {
      track->cap_long = track->n_long;
      track->long_ends = g_renew (LongEnd, track->long_ends, track->cap_long);
    }
  if (track->n == 0)
    return;

  /* Per-state prefix sums every BLOCK spans, and the first level of the
   * max-tree, in one pass. */
  track->n_blocks = (track->n + BLOCK - 1) >> BLOCK_SHIFT;
  track->cum = g_new (gint64, (gsize) (track->n_blocks + 1) * NS);
  if (track->n > BLOCK)
    {
      track->level_max = g_new0 (gint64 *, 8);
      track->level_n = g_new0 (guint, 8);
      track->level_max[0] = g_new (gint64, track->n_blocks);
      track->level_n[0] = track->n_blocks;
    }
  memset (acc, 0, sizeof acc);
  for (b = 0; b < track->n_blocks; b++)
    {
      guint i0 = b << BLOCK_SHIFT;
      guint i1 = MIN (track->n, i0 + BLOCK);
      gint64 m = 0;
      guint i;

      memcpy (&track->cum[(gsize) b * NS], acc, sizeof acc);
      for (i = i0; i < i1; i++)
        {
          gint64 d = eff_dur (track, i);
          acc[MIN (STATE (track, i), NS - 1)] += d;
          if (d > m)
            m = d;
        }
      if (track->level_max != NULL)
        track->level_max[0][b] = m;
    }
  memcpy (&track->cum[(gsize) track->n_blocks * NS], acc, sizeof acc);

  /* Higher levels of the max-tree. */
  if (track->level_max == NULL)
    return;
  prev = track->level_max[0];
  n_level = track->n_blocks;
  for (l = 1; n_level > BLOCK; l++)
    {
      guint n_next = (n_level + BLOCK - 1) >> BLOCK_SHIFT;
      gint64 *next = g_new (gint64, n_next);

      g_assert (l < 8);
      for (k = 0; k < n_next; k++)
        {
          guint i0 = k << BLOCK_SHIFT;
          guint i1 = MIN (n_level, i0 + BLOCK);
          gint64 m = 0;
          guint i;

          for (i = i0; i < i1; i++)
            if (prev[i] > m)
              m = prev[i];
          next[k] = m;
        }
      track->level_max[l] = next;
      track->level_n[l] = n_next;
      prev = next;
      n_level = n_next;
    }
  track->n_levels = l;
}

guint
golanes_track_get_n_spans (const GolanesTrack *track)
{
  return track->n;
}

void
golanes_track_get_span (const GolanesTrack *track,
                        guint               index,
                        GolanesSpan        *out)
{
  guint32 m;

  g_return_if_fail (index < track->n);

  m = track->recs[index].meta;
  out->start = track->recs[index].start;
  out->end = (M_FLAGS (m) & FLAG_BUILD) ? out->start : rec_end (track, index);
  out->arg = track->recs[index].arg;
  out->reason = M_REASON (m);
  out->state = M_STATE (m);
  out->flags = M_FLAGS (m) & ~(FLAG_BUILD | FLAG_GAP);
}

gint64
golanes_track_get_start (const GolanesTrack *track,
                         guint               index)
{
  return track->recs[index].start;
}

gint64
golanes_track_get_end (const GolanesTrack *track,
                       guint               index)
{
  return rec_end (track, index);
}

guint8
golanes_track_get_state (const GolanesTrack *track,
                         guint               index)
{
  return STATE (track, index);
}

/* First index in [lo, hi) whose effective end is > t. */
static guint
lower_by_end (const GolanesTrack *track,
              guint               lo,
              guint               hi,
              gint64              t)
{
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (eff_end (track, mid) > t)
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

/* First index in [lo, hi) whose start is >= t. */
static guint
lower_by_start (const GolanesTrack *track,
                guint               lo,
                guint               hi,
                gint64              t)
{
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (track->recs[mid].start >= t)
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

guint
golanes_track_find (const GolanesTrack *track,
                    gint64              t0,
                    gint64              t1,
                    guint              *first)
{
  guint lo, hi;

  lo = lower_by_end (track, 0, track->n, t0);
  hi = lower_by_start (track, lo, track->n, t1);
  if (first != NULL)
    *first = lo;
  return hi > lo ? hi - lo : 0;
}

gint
golanes_track_find_at (const GolanesTrack *track,
                       gint64              time)
{
  guint i = lower_by_end (track, 0, track->n, time);

  if (i < track->n && track->recs[i].start <= time)
    return (gint) i;
  return -1;
}

void
golanes_track_sum_states (const GolanesTrack *track,
                          guint               first,
                          guint               count,
                          gint64             *sums)
{
  guint i, end = first + count;

  memset (sums, 0, sizeof (gint64) * NS);
  if (count == 0)
    return;
  g_return_if_fail (end <= track->n);

  if (track->cum == NULL || count <= 2 * BLOCK)
    {
      for (i = first; i < end; i++)
        sums[MIN (STATE (track, i), NS - 1)] += eff_dur (track, i);
      return;
    }
  else
    {
      guint b1 = end >> BLOCK_SHIFT;
      guint b0 = first >> BLOCK_SHIFT;
      guint s;

      for (s = 0; s < NS; s++)
        sums[s] = track->cum[(gsize) b1 * NS + s] - track->cum[(gsize) b0 * NS + s];
      for (i = b1 << BLOCK_SHIFT; i < end; i++)
        sums[MIN (STATE (track, i), NS - 1)] += eff_dur (track, i);
      for (i = b0 << BLOCK_SHIFT; i < first; i++)
        sums[MIN (STATE (track, i), NS - 1)] -= eff_dur (track, i);
    }
}

static inline gint64
level_value (const GolanesTrack *track,
             guint               level,
             guint               k)
{
  return level == 0 ? eff_dur (track, k) : track->level_max[level - 1][k];
}

static inline guint
level_count (const GolanesTrack *track,
             guint               level)
{
  return level == 0 ? track->n : track->level_n[level - 1];
}

/* First index k in [a, b) at @level with value >= w, or b. */
static guint
find_wide (const GolanesTrack *track,
           guint               level,
           guint               a,
           guint               b,
           double              w)
{
  guint group_end, k, g, ga, gb;

  if (a >= b)
    return b;
  if (level >= track->n_levels)
    {
      for (k = a; k < b; k++)
        if ((double) level_value (track, level, k) >= w)
          return k;
      return b;
    }
  group_end = MIN (b, ((a >> BLOCK_SHIFT) + 1) << BLOCK_SHIFT);
  for (k = a; k < group_end; k++)
    if ((double) level_value (track, level, k) >= w)
      return k;
  if (group_end >= b)
    return b;
  ga = group_end >> BLOCK_SHIFT;
  gb = (b + BLOCK - 1) >> BLOCK_SHIFT;
  g = find_wide (track, level + 1, ga, MIN (gb, level_count (track, level + 1)), w);
  if (g >= gb || g >= level_count (track, level + 1))
    return b;
  for (k = g << BLOCK_SHIFT; k < b && k < ((g + 1) << BLOCK_SHIFT); k++)
    if ((double) level_value (track, level, k) >= w)
      return k;
  return b;
}

/* Like lower_by_start, galloping from @lo: O(log (result - lo)). */
static guint
gallop_by_start (const GolanesTrack *track,
                 guint               lo,
                 guint               hi,
                 gint64              t)
{
  guint step = 1, prev = lo;

  while (lo < hi && track->recs[lo].start < t)
    {
      prev = lo + 1;
      lo = (hi - lo > step) ? lo + step : hi;
      step *= 2;
    }
  return lower_by_start (track, prev, lo, t);
}

gint64
golanes_lod_column (gint64 t0,
                    double ns_per_px,
                    gint64 time)
{
  return (gint64) floor ((double) (time - t0) / ns_per_px);
}

/* Smallest time t with column(t) > c. */
static gint64
column_boundary (gint64 t0,
                 double ns_per_px,
                 gint64 c)
{
  gint64 t = t0 + (gint64) ceil ((double) (c + 1) * ns_per_px);

  while (golanes_lod_column (t0, ns_per_px, t - 1) > c)
    t--;
  while (golanes_lod_column (t0, ns_per_px, t) <= c)
    t++;
  return t;
}

static gint32
clip_col (gint64 c,
          gint64 n_cols)
{
  if (c < 0)
    return 0;
  if (c > n_cols)
    return (gint32) n_cols;
  return (gint32) c;
}

static void
emit (const GolanesTrack *track,
      GArray             *items,
      gint64              t0,
      gint64              t1,
      double              ns_per_px,
      gint64              n_cols,
      guint               first,
      guint               count,
      guint8              state)
{
  GolanesLodItem item;
  gint64 s = track->recs[first].start;
  gint64 e = eff_end (track, first + count - 1);
  gint64 c0, c1;

  c0 = golanes_lod_column (t0, ns_per_px, MAX (s, t0));
  /* Last column touched by [s, e): the column of e - 1. */
  c1 = golanes_lod_column (t0, ns_per_px, MIN (e, t1) - 1) + 1;
  item.start = s;
  item.end = e;
  item.first = first;
  item.count = count;
  item.x0 = clip_col (c0, n_cols);
  item.x1 = clip_col (c1, n_cols);
  if (item.x1 <= item.x0)
    item.x1 = item.x0 + 1;
  item.state = state;
  g_array_append_val (items, item);
}

guint
golanes_track_query_lod (const GolanesTrack *track,
                         gint64              t0,
                         gint64              t1,
                         double              ns_per_px,
                         GArray             *items)
{
  guint lo, hi, i, appended = 0;
  gint64 n_cols;
  double wide = 2.0 * ns_per_px;

  g_return_val_if_fail (track != NULL, 0);
  g_return_val_if_fail (items != NULL, 0);
  g_return_val_if_fail (ns_per_px > 0, 0);

  if (t1 <= t0 || track->n == 0)
    return 0;
  n_cols = golanes_lod_column (t0, ns_per_px, t1 - 1) + 1;
  g_return_val_if_fail (n_cols <= G_MAXINT32, 0);
  lo = lower_by_end (track, 0, track->n, t0);
  hi = lower_by_start (track, lo, track->n, t1);
  i = lo;
  while (i < hi)
    {
      gint64 c, boundary;
      guint j, jw;

      if ((double) eff_dur (track, i) >= wide)
        {
          emit (track, items, t0, t1, ns_per_px, n_cols, i, 1, STATE (track, i));
          appended++;
          i++;
          continue;
        }
      c = golanes_lod_column (t0, ns_per_px, MAX (track->recs[i].start, t0));
      boundary = column_boundary (t0, ns_per_px, c);
      j = gallop_by_start (track, i + 1, hi, boundary);
      if (track->finished && track->n_levels > 0)
        jw = find_wide (track, 0, i + 1, j, wide);
      else
        {
          for (jw = i + 1; jw < j; jw++)
            if ((double) eff_dur (track, jw) >= wide)
              break;
        }
      j = MIN (j, jw);
      if (j - i == 1)
        emit (track, items, t0, t1, ns_per_px, n_cols, i, 1, STATE (track, i));
      else
        {
          gint64 sums[NS];
          guint s, best = 0;

          golanes_track_sum_states (track, i, j - i, sums);
          for (s = 1; s < NS; s++)
            if (sums[s] > sums[best])
              best = s;
          emit (track, items, t0, t1, ns_per_px, n_cols, i, j - i, (guint8) best);
        }
      appended++;
      i = j;
    }
  return appended;
}

gsize
golanes_track_get_memory_size (const GolanesTrack *track)
{
  gsize size = sizeof (*track);
  guint l;

  size += (gsize) track->cap * sizeof (Rec);
  if (track->durs != NULL)
    size += (gsize) track->cap * sizeof (guint32);
  size += (gsize) track->cap_long * sizeof (LongEnd);
  if (track->cum != NULL)
    size += (gsize) (track->n_blocks + 1) * NS * sizeof (gint64);
  for (l = 0; l < track->n_levels; l++)
    size += (gsize) track->level_n[l] * sizeof (gint64) + sizeof (gint64 *) + sizeof (guint);
  return size;
}
