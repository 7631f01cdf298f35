/* golanes-timeline-track.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "golanes-array-private.h"
#include "golanes-bitpack-private.h"
#include "golanes-timeline-track.h"
#include "golanes-varint-private.h"

/* Storage.
 *
 * Spans are kept in blocks of BLOCK (64).  Every block but the last is
 * full.  A block has a fixed-size header (Block: the first start, the last
 * start, the effective end of its last span, its largest effective
 * duration and where its bytes are) and a run of bytes in track->data
 * holding six fields per span: the gap from the previous span's end (0 in
 * a contiguous track), the duration, the state, the flags, the reason and
 * the argument.  Each field is packed with a fixed number of bits per
 * block ("frame of reference": value - the block's minimum), or, for the
 * state, reason and argument, as indices into a small per-block dictionary
 * of its distinct values when that is smaller (stack ids repeat a lot).
 * A field whose values are all equal takes no bits at all.
 *
 * So a span's fields are read in O(1) within its block, and its start in
 * O(position in the block) (a prefix sum of gaps and durations).  The
 * block's bytes begin with the starts of its spans 16, 32 and 48 relative
 * to its first start (32 bits each, NO_ANCHOR if they do not fit), so a
 * query can decode the times of one sub-block of 16 spans only.
 *
 * Spans being built sit unencoded in track->pending (at most one block's
 * worth), so the open last span can still be closed or relabelled; a full
 * pending block is encoded when the next span comes, and the last partial
 * one by golanes_track_finish().
 *
 * LOD summaries: after each block header, the block's effective
 * durations summed per state (32 bits each, G_MAXUINT32 when they do not
 * fit: then the block is decoded; only for the states the track has had so
 * far, see widen_sums()), read in order when a query takes whole
 * blocks; and per-state prefix sums every SUPER blocks (cum) for sums over
 * long ranges.  Tracks of fewer than 4 blocks have neither. */

#define BLOCK_SHIFT 6
#define BLOCK       (1u << BLOCK_SHIFT)
#define NS          GOLANES_TRACK_MAX_STATES
#define PAD         GOLANES_PACK_PAD   /* readable bytes after the data, for unaligned loads */
#define SUPER       16           /* blocks per prefix sum */
#define SUB_SHIFT   4            /* spans per sub-block: 16 */
#define SUB         (1u << SUB_SHIFT)
#define N_SUB       (BLOCK / SUB)
#define ANCHORS     ((N_SUB - 1) * 4)   /* bytes of sub-block anchors */
#define NO_ANCHOR   G_MAXUINT32

enum
{
  F_GAP,
  F_DUR,
  F_STATE,
  F_FLAGS,
  F_REASON,
  F_ARG,
  N_FIELDS
};

typedef struct
{
  gint64  start;
  gint64  end;     /* == start while open */
  guint32 arg;
  guint16 reason;
  guint8  state;
  guint8  flags;
} Raw;

typedef struct
{
  gint64  base;        /* start of the first span */
  gint64  last_start;  /* start of the last span */
  gint64  end;         /* effective end of the last span */
  guint32 offset;      /* of the block's bytes in data */
  guint32 max_dur;     /* largest effective duration, G_MAXUINT32 = that or more */
} Block;

struct _GolanesTrack
{
  guint8   *data;
  gsize     data_len;
  gsize     data_cap;
  guint8   *blocks;       /* encoded blocks: a Block, then stride guint32 sums */
  gint64   *cum;          /* (n_blocks / SUPER + 1) * stride, after finish, or NULL */
  Raw      *pending;      /* spans not encoded yet, from n_blocks * BLOCK on */
  guint64   id;           /* unique, for the span cache */
  guint     bsize;        /* bytes per block in blocks */
  guint     n_blocks;
  guint     cap_blocks;
  guint     stride;       /* states summed: max_state + 1 (at most NS), 0 = no sums */
  guint     n_pending;
  guint     cap_pending;
  guint     n;
  guint8    max_state;
  guint8    last_open;
  guint8    finished;
  guint8    contiguous;
};

#define BLK(track, b)  ((Block *) (void *) ((track)->blocks + (gsize) (b) * (track)->bsize))
#define BSUM(track, b) ((guint32 *) (void *) (BLK (track, b) + 1))

static inline guint
block_bytes (guint stride)
{
  return sizeof (Block) + (stride * sizeof (guint32) + 7) / 8 * 8;
}

/* A decoded block: what scans need. */
typedef struct
{
  guint  b;        /* G_MAXUINT: none yet */
  guint  first;
  guint  n;
  gint64 start[BLOCK];
  gint64 eend[BLOCK];   /* effective ends */
  guint8 state[BLOCK];
} Dec;

static void
grow_blocks (GolanesTrack *track)
{
  guint old = track->cap_blocks, cap = MAX (1, old * 2);

  track->blocks = golanes_array_resize (track->blocks, (gsize) old * track->bsize,
                                        (gsize) cap * track->bsize);
  track->cap_blocks = cap;
}

/* Lays the block headers out with @stride sums each, in room for @cap
 * blocks: moved up (from the last) or down (from the first) to their new
 * places; sums new to them are 0. */
static void
relayout_blocks (GolanesTrack *track,
                 guint         stride,
                 guint         cap)
{
  guint bsize = block_bytes (stride), old = track->bsize, b;

  if (bsize > old)
    {
      track->blocks = golanes_array_resize (track->blocks, (gsize) track->cap_blocks * old,
                                            (gsize) cap * bsize);
      for (b = track->n_blocks; b-- > 1;)
        memmove (track->blocks + (gsize) b * bsize, track->blocks + (gsize) b * old, old);
    }
  else
    {
      if (bsize < old)
        for (b = 1; b < track->n_blocks; b++)
          memmove (track->blocks + (gsize) b * bsize, track->blocks + (gsize) b * old, bsize);
      track->blocks = golanes_array_resize (track->blocks, (gsize) track->cap_blocks * old,
                                            (gsize) cap * bsize);
    }
  track->cap_blocks = cap;
  track->bsize = bsize;
  for (b = 0; stride > track->stride && b < track->n_blocks; b++)
    memset (BSUM (track, b) + track->stride, 0, (stride - track->stride) * sizeof (guint32));
  track->stride = stride;
}

/* Sums the states up to @state from now on.  The blocks keep sums for the
 * states the track has had, not for all it could have: a block of a P's
 * track then takes 40 bytes, not 64, which on a 1 GB trace were 170 MB
 * more at the end of the load than after.  Blocks encoded before sum the
 * new states as 0 (a few times in a track's life, at most). */
static void
widen_sums (GolanesTrack *track,
            guint8        state)
{
  guint stride = MIN ((guint) state + 1, NS);

  if (stride > track->stride)
    relayout_blocks (track, stride, track->cap_blocks);
}

static inline gint64
raw_eff_end (const Raw *r)
{
  return r->end > r->start ? r->end : r->start + 1;
}

#define BLOCK_MAX_BYTES (ANCHORS + N_FIELDS * GOLANES_PACK_MAX_BYTES (BLOCK))

G_STATIC_ASSERT (BLOCK <= GOLANES_PACK_MAX_VALUES);

/* Encodes the pending spans as a block, then appends it to track->data.
 * The block is encoded aside and the data grown to fit it, not to the
 * most a block can take: a model may hold a million tracks of one span
 * (goroutines created and never run), and a few KiB reserved for each,
 * even if trimmed at the end, left the heap in holes. */
static void
encode_pending (GolanesTrack *track)
{
  guint64 v[N_FIELDS][BLOCK], lo[N_FIELDS], hi[N_FIELDS], low[N_FIELDS] = { 0 };
  guint8 buf[BLOCK_MAX_BYTES];
  guint8 *p, *p0;
  gsize used;
  const Raw *r = track->pending;
  guint n = track->n_pending, i, f;
  gint64 prev_end = r[0].start, max_dur = 0, sums[NS];
  Block *blk;

  g_assert (n > 0 && n <= BLOCK);
  if (track->n_blocks == track->cap_blocks)
    grow_blocks (track);
  if (track->data_len > G_MAXUINT32)
    g_error ("timeline track too large");
  memset (sums, 0, sizeof sums);
  {
    guint64 gap_lo = G_MAXUINT64, gap_hi = 0, dur_lo = G_MAXUINT64, dur_hi = 0, gap_low = 0, dur_low = 0;
    guint state_lo = G_MAXUINT, state_hi = 0, flags_lo = G_MAXUINT, flags_hi = 0;
    guint reason_lo = G_MAXUINT, reason_hi = 0;
    guint32 arg_lo = G_MAXUINT32, arg_hi = 0;

    for (i = 0; i < n; i++)
      {
        guint64 gap = (guint64) (r[i].start - prev_end), dur = (guint64) (r[i].end - r[i].start);
        gint64 ed = dur > 0 ? (gint64) dur : 1;
        guint state = r[i].state, flags = r[i].flags, reason = r[i].reason;
        guint32 arg = r[i].arg;

        v[F_GAP][i] = gap;
        v[F_DUR][i] = dur;
        v[F_STATE][i] = state;
        v[F_FLAGS][i] = flags;
        v[F_REASON][i] = reason;
        v[F_ARG][i] = arg;
        gap_lo = MIN (gap_lo, gap);
        gap_hi = MAX (gap_hi, gap);
        gap_low |= gap;
        dur_low |= dur;
        dur_lo = MIN (dur_lo, dur);
        dur_hi = MAX (dur_hi, dur);
        state_lo = MIN (state_lo, state);
        state_hi = MAX (state_hi, state);
        flags_lo = MIN (flags_lo, flags);
        flags_hi = MAX (flags_hi, flags);
        reason_lo = MIN (reason_lo, reason);
        reason_hi = MAX (reason_hi, reason);
        arg_lo = MIN (arg_lo, arg);
        arg_hi = MAX (arg_hi, arg);
        prev_end = r[i].end;
        sums[MIN (state, NS - 1)] += ed;
        max_dur = MAX (max_dur, ed);
      }
    lo[F_GAP] = gap_lo;
    hi[F_GAP] = gap_hi;
    /* Times on the clock's tick: their low zero bits go (the other
     * fields keep theirs). */
    low[F_GAP] = gap_low;
    low[F_DUR] = dur_low;
    low[F_STATE] = low[F_FLAGS] = low[F_REASON] = low[F_ARG] = 1;
    lo[F_DUR] = dur_lo;
    hi[F_DUR] = dur_hi;
    lo[F_STATE] = state_lo;
    hi[F_STATE] = state_hi;
    lo[F_FLAGS] = flags_lo;
    hi[F_FLAGS] = flags_hi;
    lo[F_REASON] = reason_lo;
    hi[F_REASON] = reason_hi;
    lo[F_ARG] = arg_lo;
    hi[F_ARG] = arg_hi;
  }
  p = p0 = buf;
  for (f = 1; f < N_SUB; f++)
    {
      guint k = f * SUB;
      guint64 off = k < n ? (guint64) (r[k].start - r[0].start) : NO_ANCHOR;
      guint32 a = GUINT32_TO_LE (off >= NO_ANCHOR ? NO_ANCHOR : (guint32) off);

      memcpy (p, &a, 4);
      p += 4;
    }
  for (f = 0; f < N_FIELDS; f++)
    p = golanes_pack_values_range (p, v[f], n, lo[f], hi[f], low[f], f >= F_STATE && f != F_FLAGS);
  for (f = 0; f < track->stride; f++)
    BSUM (track, track->n_blocks)[f] = sums[f] >= G_MAXUINT32 ? G_MAXUINT32 : (guint32) sums[f];

  blk = BLK (track, track->n_blocks);
  blk->base = r[0].start;
  blk->last_start = r[n - 1].start;
  blk->end = raw_eff_end (&r[n - 1]);
  blk->offset = (guint32) track->data_len;
  blk->max_dur = max_dur >= G_MAXUINT32 ? G_MAXUINT32 : (guint32) max_dur;
  used = (gsize) (p - p0);
  g_assert (used <= sizeof buf);
  if (track->data_len + used + PAD > track->data_cap)
    {
      gsize cap = MAX (track->data_cap * 2, track->data_len + used + PAD);

      track->data = golanes_array_resize (track->data, track->data_cap, cap);
      track->data_cap = cap;
    }
  memcpy (track->data + track->data_len, buf, used);
  track->data_len += used;
  memset (track->data + track->data_len, 0, PAD);
  track->n_blocks++;
  track->n_pending = 0;
}

static inline guint
block_n (const GolanesTrack *track,
         guint               b)
{
  return MIN (BLOCK, track->n - b * BLOCK);
}

/* Parses the first @n_fields fields of encoded block @b. */
static void
parse_block (const GolanesTrack *track,
             guint               b,
             GolanesPackedField *fields,
             guint               n_fields)
{
  const guint8 *p = track->data + BLK (track, b)->offset + ANCHORS;
  guint n = block_n (track, b), f;

  for (f = 0; f < n_fields; f++)
    p = golanes_packed_field_parse (p, n, &fields[f]);
}

/* Start of span q * SUB of encoded block @b, relative to its first, or
 * NO_ANCHOR. */
static inline guint32
block_anchor (const GolanesTrack *track,
              guint               b,
              guint               q)
{
  guint32 a;

  if (q == 0)
    return 0;
  memcpy (&a, track->data + BLK (track, b)->offset + (q - 1) * 4, 4);
  return GUINT32_FROM_LE (a);
}

static void
decode (const GolanesTrack *track,
        guint               b,
        Dec                *d)
{
  guint i, n;

  if (d->b == b)
    return;
  d->b = b;
  d->first = b * BLOCK;
  if (b >= track->n_blocks)
    {
      n = d->n = track->n_pending;
      for (i = 0; i < n; i++)
        {
          const Raw *r = &track->pending[i];
          d->start[i] = r->start;
          d->eend[i] = raw_eff_end (r);
          d->state[i] = r->state;
        }
      return;
    }
  else
    {
      GolanesPackedField fl[F_STATE + 1];
      guint64 gap[BLOCK], dur[BLOCK], st[BLOCK];
      gint64 s = BLK (track, b)->base;

      n = d->n = block_n (track, b);
      parse_block (track, b, fl, F_STATE + 1);
      golanes_packed_field_unpack (&fl[F_DUR], n, dur);
      if (fl[F_GAP].w == 0 && fl[F_GAP].min == 0)
        {
          for (i = 0; i < n; i++)
            {
              gint64 e = s + (gint64) dur[i];

              d->start[i] = s;
              d->eend[i] = e > s ? e : s + 1;
              s = e;
            }
        }
      else
        {
          golanes_packed_field_unpack (&fl[F_GAP], n, gap);
          for (i = 0; i < n; i++)
            {
              gint64 e;

              s += (gint64) gap[i];
              e = s + (gint64) dur[i];
              d->start[i] = s;
              d->eend[i] = e > s ? e : s + 1;
              s = e;
            }
        }
      golanes_packed_field_unpack (&fl[F_STATE], n, st);
      for (i = 0; i < n; i++)
        d->state[i] = (guint8) st[i];
    }
}

#define DEC_INIT(d) ((d)->b = G_MAXUINT)

/* Adds the effective durations of spans [i, end) of decoded block @d. */
static inline void
add_states (const Dec *d,
            guint      i,
            guint      end,
            gint64    *sums)
{
  guint k;

  for (k = i - d->first; k < end - d->first; k++)
    sums[MIN (d->state[k], NS - 1)] += d->eend[k] - d->start[k];
}

/* Adds the sums of encoded block @b (decoding it into @d if they did not
 * fit in 32 bits). */
static inline void
add_block (const GolanesTrack *track,
           guint               b,
           gint64             *sums,
           Dec                *d)
{
  const guint32 *bs = BSUM (track, b);
  guint s;

  for (s = 0; s < track->stride; s++)
    if (G_UNLIKELY (bs[s] == G_MAXUINT32))
      {
        decode (track, b, d);
        add_states (d, d->first, d->first + d->n, sums);
        return;
      }
  for (s = 0; s < track->stride; s++)
    sums[s] += bs[s];
}

/* Adds the sums of encoded blocks [b0, b1). */
static void
add_blocks (const GolanesTrack *track,
            guint               b0,
            guint               b1,
            gint64             *sums,
            Dec                *d)
{
  guint b = b0, s;

  while (b < b1)
    {
      if (track->cum != NULL && b % SUPER == 0 && b + SUPER <= b1)
        {
          const gint64 *c0 = track->cum + (gsize) (b / SUPER) * track->stride;
          const gint64 *c1 = track->cum + (gsize) (b1 / SUPER) * track->stride;

          for (s = 0; s < track->stride; s++)
            sums[s] += c1[s] - c0[s];
          b = b1 / SUPER * SUPER;
          continue;
        }
      add_block (track, b, sums, d);
      b++;
    }
}

/* Building */

static guint64 next_track_id = 1;

GolanesTrack *
golanes_track_new (void)
{
  GolanesTrack *track = g_new0 (GolanesTrack, 1);

  track->id = __atomic_fetch_add (&next_track_id, 1, __ATOMIC_RELAXED);
  track->stride = 1;
  track->bsize = block_bytes (1);
  return track;
}

GolanesTrack *
golanes_track_new_contiguous (void)
{
  GolanesTrack *track = golanes_track_new ();

  track->contiguous = TRUE;
  return track;
}

void
golanes_track_free (GolanesTrack *track)
{
  if (track == NULL)
    return;
  golanes_array_free (track->data, track->data_cap);
  golanes_array_free (track->blocks, (gsize) track->cap_blocks * track->bsize);
  g_free (track->cum);
  g_free (track->pending);
  g_free (track);
}

static inline Raw *
last_raw (const GolanesTrack *track)
{
  return track->n_pending > 0 ? &track->pending[track->n_pending - 1] : NULL;
}

static guint
push (GolanesTrack *track,
      gint64        start,
      guint8        state,
      guint16       reason,
      guint32       arg,
      guint8        flags)
{
  Raw *r;

  g_return_val_if_fail (!track->finished, G_MAXUINT);

  if (track->n_pending > 0)
    {
      if (track->last_open)
        golanes_track_close (track, start);
      r = last_raw (track);
      if (start < r->end)
        start = r->end;
      if (track->n_pending == BLOCK)
        encode_pending (track);
    }
  if (track->n_pending == track->cap_pending)
    {
      track->cap_pending = MIN (BLOCK, MAX (2, track->cap_pending * 2));
      track->pending = g_renew (Raw, track->pending, track->cap_pending);
    }
  r = &track->pending[track->n_pending++];
  r->start = start;
  r->end = start;
  r->arg = arg;
  r->reason = reason;
  r->state = state;
  r->flags = flags;
  if (state > track->max_state)
    {
      track->max_state = state;
      widen_sums (track, state);
    }
  track->last_open = FALSE;
  return track->n++;
}

static void
set_end (GolanesTrack *track,
         gint64        end)
{
  Raw *r = last_raw (track);

  r->end = MAX (end, r->start);
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
    track->last_open = TRUE;
  return i;
}

gboolean
golanes_track_close (GolanesTrack *track,
                     gint64        end)
{
  if (!track->last_open)
    return FALSE;
  track->last_open = FALSE;
  set_end (track, end);
  return TRUE;
}

gboolean
golanes_track_is_open (const GolanesTrack *track)
{
  return track->last_open;
}

guint32
golanes_track_get_last_arg (const GolanesTrack *track)
{
  GolanesSpan s;

  g_return_val_if_fail (track->n > 0, 0);
  if (track->n_pending > 0)
    return track->pending[track->n_pending - 1].arg;
  golanes_track_get_span (track, track->n - 1, &s);
  return s.arg;
}

void
golanes_track_set_last_reason (GolanesTrack *track,
                               guint16       reason)
{
  if (track->n_pending > 0)
    track->pending[track->n_pending - 1].reason = reason;
}

void
golanes_track_finish (GolanesTrack *track,
                      gint64        trace_end)
{
  guint stride, b;

  g_return_if_fail (!track->finished);

  if (track->last_open)
    {
      track->pending[track->n_pending - 1].flags |= GOLANES_SPAN_OPEN;
      golanes_track_close (track, trace_end);
    }
  if (track->n_pending > 0)
    encode_pending (track);
  g_free (track->pending);
  track->pending = NULL;
  track->cap_pending = 0;
  track->finished = TRUE;

  if (track->data_cap > track->data_len + PAD)
    {
      track->data = golanes_array_resize (track->data, track->data_cap, track->data_len + PAD);
      track->data_cap = track->data_len + PAD;
    }
  /* Keep the sums only where blocks have neighbours to skip. */
  stride = track->n_blocks < 4 ? 0 : track->stride;
  relayout_blocks (track, stride, track->n_blocks);
  if (stride > 0)
    {
      Dec d;
      gint64 acc[NS];

      track->cum = g_new (gint64, (gsize) (track->n_blocks / SUPER + 1) * stride);
      memset (acc, 0, sizeof acc);
      DEC_INIT (&d);
      for (b = 0; b < track->n_blocks; b++)
        {
          if (b % SUPER == 0)
            memcpy (track->cum + (gsize) (b / SUPER) * stride, acc, stride * sizeof (gint64));
          add_block (track, b, acc, &d);
        }
      if (b % SUPER == 0)
        memcpy (track->cum + (gsize) (b / SUPER) * stride, acc, stride * sizeof (gint64));
    }
}

/* Reading */

guint
golanes_track_get_n_spans (const GolanesTrack *track)
{
  return track->n;
}

/* Start and end of span @k of encoded block @b. */
static void
block_span_times (const GolanesTrack       *track,
                  guint                     b,
                  guint                     k,
                  const GolanesPackedField *fl,
                  gint64                   *start,
                  gint64                   *end)
{
  gint64 s = BLK (track, b)->base;
  guint i, i0 = 0;
  guint32 a = block_anchor (track, b, k >> SUB_SHIFT);

  /* From the start of the sub-block when it is known. */
  if (a != NO_ANCHOR)
    {
      s += a;
      i0 = k & ~(SUB - 1);
    }
  if (fl[F_GAP].w == 0 && fl[F_GAP].min == 0)
    {
      for (i = i0; i < k; i++)
        s += (gint64) golanes_packed_field_get (&fl[F_DUR], i);
    }
  else
    {
      for (i = i0; i < k; i++)
        s += (gint64) (golanes_packed_field_get (&fl[F_DUR], i) + golanes_packed_field_get (&fl[F_GAP], i + 1));
    }
  *start = s;
  *end = s + (gint64) golanes_packed_field_get (&fl[F_DUR], k);
}

/* Readers (the renderer) often read consecutive spans: each thread keeps
 * the last block it read twice decoded.  Encoded blocks never change, and
 * tracks are told apart by an id that is never reused. */
typedef struct
{
  guint64 id;        /* 0: none */
  guint   b;
  gboolean full;     /* the arrays hold block b */
  gint64  start[BLOCK];
  gint64  end[BLOCK];
  guint32 arg[BLOCK];
  guint16 reason[BLOCK];
  guint8  state[BLOCK];
  guint8  flags[BLOCK];
} SpanCache;

static __thread SpanCache span_cache;

static void
decode_full (const GolanesTrack *track,
             guint               b,
             SpanCache          *sc)
{
  GolanesPackedField fl[N_FIELDS];
  guint64 gap[BLOCK], dur[BLOCK], v[BLOCK];
  guint n = block_n (track, b), k;
  gint64 s = BLK (track, b)->base;

  parse_block (track, b, fl, N_FIELDS);
  golanes_packed_field_unpack (&fl[F_GAP], n, gap);
  golanes_packed_field_unpack (&fl[F_DUR], n, dur);
  for (k = 0; k < n; k++)
    {
      s += (gint64) gap[k];
      sc->start[k] = s;
      s += (gint64) dur[k];
      sc->end[k] = s;
    }
  golanes_packed_field_unpack (&fl[F_STATE], n, v);
  for (k = 0; k < n; k++)
    sc->state[k] = (guint8) v[k];
  golanes_packed_field_unpack (&fl[F_FLAGS], n, v);
  for (k = 0; k < n; k++)
    sc->flags[k] = (guint8) v[k];
  golanes_packed_field_unpack (&fl[F_REASON], n, v);
  for (k = 0; k < n; k++)
    sc->reason[k] = (guint16) v[k];
  golanes_packed_field_unpack (&fl[F_ARG], n, v);
  for (k = 0; k < n; k++)
    sc->arg[k] = (guint32) v[k];
}

/* The cache holding encoded block @b of @track, or NULL (the first read
 * of a block only marks it). */
static SpanCache *
cached_block (const GolanesTrack *track,
              guint               b)
{
  SpanCache *sc = &span_cache;

  if (sc->id == track->id && sc->b == b)
    {
      if (!sc->full)
        {
          decode_full (track, b, sc);
          sc->full = TRUE;
        }
      return sc;
    }
  sc->id = track->id;
  sc->b = b;
  sc->full = FALSE;
  return NULL;
}

void
golanes_track_get_span (const GolanesTrack *track,
                        guint               index,
                        GolanesSpan        *out)
{
  guint b = index >> BLOCK_SHIFT, k = index & (BLOCK - 1);
  GolanesPackedField fl[N_FIELDS];
  SpanCache *sc;

  g_return_if_fail (index < track->n);

  if (b >= track->n_blocks)
    {
      const Raw *r = &track->pending[k];

      out->start = r->start;
      out->end = r->end;
      out->arg = r->arg;
      out->reason = r->reason;
      out->state = r->state;
      out->flags = r->flags;
      return;
    }
  sc = cached_block (track, b);
  if (sc != NULL)
    {
      out->start = sc->start[k];
      out->end = sc->end[k];
      out->arg = sc->arg[k];
      out->reason = sc->reason[k];
      out->state = sc->state[k];
      out->flags = sc->flags[k];
      return;
    }
  parse_block (track, b, fl, N_FIELDS);
  block_span_times (track, b, k, fl, &out->start, &out->end);
  out->arg = (guint32) golanes_packed_field_get (&fl[F_ARG], k);
  out->reason = (guint16) golanes_packed_field_get (&fl[F_REASON], k);
  out->state = (guint8) golanes_packed_field_get (&fl[F_STATE], k);
  out->flags = (guint8) golanes_packed_field_get (&fl[F_FLAGS], k);
}

gint64
golanes_track_get_start (const GolanesTrack *track,
                         guint               index)
{
  guint b = index >> BLOCK_SHIFT, k = index & (BLOCK - 1);
  GolanesPackedField fl[N_FIELDS];
  gint64 s, e;

  g_return_val_if_fail (index < track->n, 0);
  if (b >= track->n_blocks)
    return track->pending[k].start;
  if (k == 0)
    return BLK (track, b)->base;
  if (span_cache.full && span_cache.id == track->id && span_cache.b == b)
    return span_cache.start[k];
  parse_block (track, b, fl, N_FIELDS);
  block_span_times (track, b, k, fl, &s, &e);
  return s;
}

gint64
golanes_track_get_end (const GolanesTrack *track,
                       guint               index)
{
  guint b = index >> BLOCK_SHIFT, k = index & (BLOCK - 1);
  GolanesPackedField fl[N_FIELDS];
  gint64 s, e;

  g_return_val_if_fail (index < track->n, 0);
  if (b >= track->n_blocks)
    return track->pending[k].end;
  if (span_cache.full && span_cache.id == track->id && span_cache.b == b)
    return span_cache.end[k];
  parse_block (track, b, fl, N_FIELDS);
  block_span_times (track, b, k, fl, &s, &e);
  return e;
}

guint8
golanes_track_get_state (const GolanesTrack *track,
                         guint               index)
{
  guint b = index >> BLOCK_SHIFT, k = index & (BLOCK - 1);
  const guint8 *p;
  GolanesPackedField f;
  guint i, n;

  g_return_val_if_fail (index < track->n, 0);
  if (b >= track->n_blocks)
    return track->pending[k].state;
  p = track->data + BLK (track, b)->offset + ANCHORS;
  n = block_n (track, b);
  for (i = 0; i <= F_STATE; i++)
    p = golanes_packed_field_parse (p, n, &f);
  return (guint8) golanes_packed_field_get (&f, k);
}

static inline guint
n_all_blocks (const GolanesTrack *track)
{
  return track->n_blocks + (track->n_pending > 0);
}

/* First index in [lo, n) whose effective end is > t. */
static guint
lower_by_end (const GolanesTrack *track,
              guint               lo,
              gint64              t,
              Dec                *d)
{
  guint a = lo >> BLOCK_SHIFT, z = track->n_blocks, k;

  if (lo >= track->n)
    return track->n;
  /* First encoded block from a on whose last effective end is > t. */
  while (a < z)
    {
      guint mid = a + (z - a) / 2;
      if (BLK (track, mid)->end > t)
        z = mid;
      else
        a = mid + 1;
    }
  if (a >= n_all_blocks (track))
    return track->n;
  decode (track, a, d);
  k = lo > d->first ? lo - d->first : 0;
  for (; k < d->n; k++)
    if (d->eend[k] > t)
      return d->first + k;
  return MIN (track->n, d->first + d->n);
}

/* First index in [lo, n) whose start is >= t. */
static guint
lower_by_start (const GolanesTrack *track,
                guint               lo,
                gint64              t,
                Dec                *d)
{
  guint a = lo >> BLOCK_SHIFT, z = track->n_blocks, k;

  if (lo >= track->n)
    return track->n;
  while (a < z)
    {
      guint mid = a + (z - a) / 2;
      if (BLK (track, mid)->last_start >= t)
        z = mid;
      else
        a = mid + 1;
    }
  if (a >= n_all_blocks (track))
    return track->n;
  decode (track, a, d);
  k = lo > d->first ? lo - d->first : 0;
  for (; k < d->n; k++)
    if (d->start[k] >= t)
      return d->first + k;
  return MIN (track->n, d->first + d->n);
}

guint
golanes_track_find (const GolanesTrack *track,
                    gint64              t0,
                    gint64              t1,
                    guint              *first)
{
  guint lo, hi;
  Dec d;

  DEC_INIT (&d);
  lo = lower_by_end (track, 0, t0, &d);
  hi = lower_by_start (track, lo, t1, &d);
  if (first != NULL)
    *first = lo;
  return hi > lo ? hi - lo : 0;
}

gint
golanes_track_find_at (const GolanesTrack *track,
                       gint64              time)
{
  Dec d;
  guint i;

  DEC_INIT (&d);
  i = lower_by_end (track, 0, time, &d);
  if (i < track->n && d.start[i - d.first] <= time)
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
  Dec d;

  memset (sums, 0, sizeof (gint64) * NS);
  if (count == 0)
    return;
  g_return_if_fail (end <= track->n);

  DEC_INIT (&d);
  i = first;
  while (i < end)
    {
      guint b = i >> BLOCK_SHIFT;

      if ((i & (BLOCK - 1)) == 0 && track->stride > 0 && b < track->n_blocks &&
          (b + 1) * BLOCK <= end)
        {
          guint b1 = MIN (end >> BLOCK_SHIFT, track->n_blocks);

          add_blocks (track, b, b1, sums, &d);
          i = b1 * BLOCK;
          continue;
        }
      decode (track, b, &d);
      add_states (&d, i, MIN (end, d.first + d.n), sums);
      i = MIN (end, d.first + d.n);
    }
}

/* floor() and ceil() to an integer, without a libm call: exact for the
 * doubles that fit in a gint64. */
static inline gint64
floor_to_int (double x)
{
  gint64 t = (gint64) x;

  return (double) t > x ? t - 1 : t;
}

static inline gint64
ceil_to_int (double x)
{
  gint64 t = (gint64) x;

  return (double) t < x ? t + 1 : t;
}

static inline gint64
lod_column (gint64 t0,
            double ns_per_px,
            gint64 time)
{
  return floor_to_int ((double) (time - t0) / ns_per_px);
}

gint64
golanes_lod_column (gint64 t0,
                    double ns_per_px,
                    gint64 time)
{
  return lod_column (t0, ns_per_px, time);
}

/* Smallest time t with column(t) > c. */
static gint64
column_boundary (gint64 t0,
                 double ns_per_px,
                 gint64 c)
{
  gint64 t = t0 + ceil_to_int ((double) (c + 1) * ns_per_px);

  while (lod_column (t0, ns_per_px, t - 1) > c)
    t--;
  while (lod_column (t0, ns_per_px, t) <= c)
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
emit (GArray *items,
      gint64  t0,
      gint64  t1,
      double  ns_per_px,
      gint64  n_cols,
      guint   first,
      guint   count,
      gint64  s,
      gint64  e,
      guint8  state)
{
  GolanesLodItem item;
  gint64 c0, c1;

  c0 = lod_column (t0, ns_per_px, MAX (s, t0));
  /* Last column touched by [s, e): the column of e - 1. */
  c1 = lod_column (t0, ns_per_px, MIN (e, t1) - 1) + 1;
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

/* The header test for "no span as wide as @wide": max_dur < the result.
 * A 32-bit max_dur m is < wide exactly when m < ceil (wide); max_dur ==
 * G_MAXUINT32 (that or more) never passes. */
static inline guint32
narrow_limit (double wide)
{
  if (wide >= (double) G_MAXUINT32)
    return G_MAXUINT32;
  return (guint32) ceil_to_int (wide);
}

/* Whether no span of encoded block @b is as wide as the query's wide. */
static inline gboolean
block_narrow (const GolanesTrack *track,
              guint               b,
              guint32             limit)
{
  return BLK (track, b)->max_dur < limit;
}

/* Whether every span of encoded block @b is narrow and starts before
 * @boundary, so a run can take it whole. */
static inline gboolean
block_fits (const GolanesTrack *track,
            guint               b,
            gint64              boundary,
            guint32             limit)
{
  const Block *blk = BLK (track, b);

  return blk->last_start < boundary && blk->max_dur < limit;
}

/* The block a LOD query walks: its times decoded a sub-block at a time,
 * its states at once, on demand. */
typedef struct
{
  guint    b;          /* G_MAXUINT: none */
  guint    first;
  guint    n;
  gboolean packed;     /* an encoded block, not the pending spans */
  guint    have;       /* bit q: times of sub-block q; HAVE_STATES */
  gboolean eager;      /* decode whole blocks at once */
  GolanesPackedField fl[F_STATE + 1];
  const guint8 *states_at;   /* the state field, not parsed yet, or NULL */
  gint64   start[BLOCK];
  gint64   eend[BLOCK];
  guint8   state[BLOCK];
} Cur;

#define HAVE_STATES (1u << N_SUB)
#define HAVE_ALL    (HAVE_STATES | ((1u << N_SUB) - 1))

static void
cur_load (const GolanesTrack *track,
          Cur                *c,
          guint               b)
{
  guint k;

  if (c->b == b)
    return;
  c->b = b;
  c->first = b * BLOCK;
  if (b >= track->n_blocks)
    {
      c->packed = FALSE;
      c->n = track->n_pending;
      for (k = 0; k < c->n; k++)
        {
          const Raw *r = &track->pending[k];

          c->start[k] = r->start;
          c->eend[k] = raw_eff_end (r);
          c->state[k] = r->state;
        }
      c->have = HAVE_STATES | ((1u << N_SUB) - 1);
      return;
    }
  c->packed = TRUE;
  c->n = block_n (track, b);
  c->have = 0;
  {
    const guint8 *p = track->data + BLK (track, b)->offset + ANCHORS;

    p = golanes_packed_field_parse (p, c->n, &c->fl[F_GAP]);
    c->states_at = golanes_packed_field_parse (p, c->n, &c->fl[F_DUR]);
  }
  if (c->eager)
    {
      guint64 v[BLOCK];
      gint64 s = BLK (track, b)->base;

      golanes_packed_field_unpack (&c->fl[F_DUR], c->n, v);
      if (c->fl[F_GAP].w == 0 && c->fl[F_GAP].min == 0)
        for (k = 0; k < c->n; k++)
          {
            gint64 e = s + (gint64) v[k];

            c->start[k] = s;
            c->eend[k] = e > s ? e : s + 1;
            s = e;
          }
      else
        {
          guint64 g[BLOCK];

          golanes_packed_field_unpack (&c->fl[F_GAP], c->n, g);
          for (k = 0; k < c->n; k++)
            {
              gint64 e;

              s += (gint64) g[k];
              e = s + (gint64) v[k];
              c->start[k] = s;
              c->eend[k] = e > s ? e : s + 1;
              s = e;
            }
        }
      golanes_packed_field_parse (c->states_at, c->n, &c->fl[F_STATE]);
      c->states_at = NULL;
      golanes_packed_field_unpack (&c->fl[F_STATE], c->n, v);
      for (k = 0; k < c->n; k++)
        c->state[k] = (guint8) v[k];
      c->have = HAVE_STATES | ((1u << N_SUB) - 1);
    }
}

static void
cur_times (const GolanesTrack *track,
           Cur                *c,
           guint               q)
{
  guint k, k0 = q * SUB, k1 = MIN (c->n, k0 + SUB);
  guint32 a = block_anchor (track, c->b, q);
  gint64 s;

  if (a == NO_ANCHOR)
    {
      /* From the end of the previous sub-block (q > 0: anchor 0 is 0). */
      if (!(c->have & (1u << (q - 1))))
        cur_times (track, c, q - 1);
      s = c->start[k0 - 1] + (gint64) golanes_packed_field_get (&c->fl[F_DUR], k0 - 1) +
          (gint64) golanes_packed_field_get (&c->fl[F_GAP], k0);
    }
  else
    s = BLK (track, c->b)->base + a;
  if (c->fl[F_GAP].w == 0 && c->fl[F_GAP].min == 0 && c->fl[F_DUR].idx == NULL &&
      c->fl[F_DUR].w <= 56)
    {
      /* No gaps, durations by frame of reference: the common case. */
      const guint8 *vals = c->fl[F_DUR].vals;
      guint w = c->fl[F_DUR].w, sh = c->fl[F_DUR].sh;
      guint64 mask = (G_GUINT64_CONSTANT (1) << w) - 1, min = c->fl[F_DUR].min;

      for (k = k0; k < k1; k++)
        {
          gsize pos = (gsize) k * w;
          gint64 e = s + (gint64) (min + (((golanes_bitpack_load64 (vals + (pos >> 3)) >> (pos & 7)) & mask) << sh));

          c->start[k] = s;
          c->eend[k] = e > s ? e : s + 1;
          s = e;
        }
    }
  else
    for (k = k0; k < k1; k++)
      {
        gint64 e;

        if (k > k0)
          s += (gint64) golanes_packed_field_get (&c->fl[F_GAP], k);
        e = s + (gint64) golanes_packed_field_get (&c->fl[F_DUR], k);
        c->start[k] = s;
        c->eend[k] = e > s ? e : s + 1;
        s = e;
      }
  c->have |= 1u << q;
}

static inline void
cur_need (const GolanesTrack *track,
          Cur                *c,
          guint               k)
{
  if (!(c->have & (1u << (k >> SUB_SHIFT))))
    cur_times (track, c, k >> SUB_SHIFT);
}

static void
cur_states (Cur *c)
{
  guint64 st[BLOCK];
  guint k;

  if (c->have & HAVE_STATES)
    return;
  if (c->states_at != NULL)
    {
      golanes_packed_field_parse (c->states_at, c->n, &c->fl[F_STATE]);
      c->states_at = NULL;
    }
  golanes_packed_field_unpack (&c->fl[F_STATE], c->n, st);
  for (k = 0; k < c->n; k++)
    c->state[k] = (guint8) st[k];
  c->have |= HAVE_STATES;
}

static inline guint8
cur_state (Cur   *c,
           guint  k)
{
  if ((c->have & HAVE_STATES) || !c->packed)
    return c->state[k];
  if (c->states_at != NULL)
    {
      golanes_packed_field_parse (c->states_at, c->n, &c->fl[F_STATE]);
      c->states_at = NULL;
    }
  return (guint8) golanes_packed_field_get (&c->fl[F_STATE], k);
}

/* First k in [k, kend) of the loaded block whose span starts at or after
 * @boundary or (unless the block is @narrow) is @wide or wider; kend if
 * none. */
static guint
cur_run_end (const GolanesTrack *track,
             Cur                *c,
             guint               k,
             guint               kend,
             gint64              boundary,
             double              wide,
             gboolean            narrow)
{
  if (narrow)
    {
      /* Only the starts matter: skip the sub-blocks that start before
       * the boundary's. */
      guint q = k >> SUB_SHIFT;
      gint64 base = BLK (track, c->b)->base;

      while ((q + 1) * SUB < kend)
        {
          guint32 a = block_anchor (track, c->b, q + 1);

          if (a == NO_ANCHOR || base + a >= boundary)
            break;
          q++;
        }
      if (q * SUB > k)
        k = q * SUB;
    }
  for (; k < kend; k++)
    {
      cur_need (track, c, k);
      if (c->start[k] >= boundary)
        return k;
      if (!narrow && (double) (c->eend[k] - c->start[k]) >= wide)
        return k;
    }
  return kend;
}

static inline guint
argmax (const gint64 *sums)
{
  guint s, m = 0;

  for (s = 1; s < NS; s++)
    if (sums[s] > sums[m])
      m = s;
  return m;
}

/* Adds the exact sums of spans [k0, k1) of the loaded block. */
static void
cur_add_states (const GolanesTrack *track,
                Cur                *c,
                guint               k0,
                guint               k1,
                gint64             *sums)
{
  guint k, q;

  cur_states (c);
  for (q = k0 >> SUB_SHIFT; q * SUB < k1; q++)
    if (!(c->have & (1u << q)))
      cur_times (track, c, q);
  for (k = k0; k < k1; k++)
    sums[MIN (c->state[k], NS - 1)] += c->eend[k] - c->start[k];
}

/* Whether the state with the largest sum is the same whatever up to
 * @bound more is added to any of the first @ns states (the only ones the
 * track has); then *best is it. */
static gboolean
decisive (const gint64 *known,
          guint         ns,
          gint64        bound,
          guint        *best)
{
  guint s, m = 0;

  for (s = 1; s < ns; s++)
    if (known[s] > known[m])
      m = s;
  *best = m;
  for (s = 0; s < ns; s++)
    {
      if (s == m)
        continue;
      if (s < m ? known[m] <= known[s] + bound : known[m] < known[s] + bound)
        return FALSE;
    }
  return TRUE;
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
  guint ns;
  guint32 limit;
  Dec d;
  Cur cur[2], *c = &cur[0], *o = &cur[1];

  g_return_val_if_fail (track != NULL, 0);
  g_return_val_if_fail (items != NULL, 0);
  g_return_val_if_fail (ns_per_px > 0, 0);

  if (t1 <= t0 || track->n == 0)
    return 0;
  ns = track->stride > 0 ? track->stride : NS;   /* the states in use */
  limit = narrow_limit (wide);
  n_cols = lod_column (t0, ns_per_px, t1 - 1) + 1;
  g_return_val_if_fail (n_cols <= G_MAXINT32, 0);
  DEC_INIT (&d);
  lo = lower_by_end (track, 0, t0, &d);
  hi = lower_by_start (track, lo, t1, &d);

  /* Two blocks at hand: the one where the current run starts (c) and the
   * one where it stops (o).  Decoding sub-blocks of 16 spans on demand
   * pays when runs are long: more than a block per column. */
  cur[0].b = cur[1].b = G_MAXUINT;
  cur[0].eager = cur[1].eager = (hi - lo) / (guint64) n_cols < BLOCK;
  i = lo;
  while (i < hi)
    {
      guint b = i >> BLOCK_SHIFT, k, j, kk, kend, n_parts = 1;
      guint part_k0[2], part_k1[2];
      gint64 s, e, boundary, known[NS], part_bound[2] = { 0, 0 };
      guint8 state;
      gboolean narrow, head_exact = FALSE, tail_exact = FALSE;

      if (c->b != b && o->b == b)
        {
          Cur *tmp = c;
          c = o;
          o = tmp;
        }
      cur_load (track, c, b);
      k = i - c->first;
      cur_need (track, c, k);
      s = c->start[k];
      e = c->eend[k];
      state = cur_state (c, k);
      if ((double) (e - s) >= wide)
        {
          emit (items, t0, t1, ns_per_px, n_cols, i, 1, s, e, state);
          appended++;
          i++;
          continue;
        }

      /* A run of narrow spans starting in this column: first to the end
       * of its block, or where it stops in there. */
      boundary = column_boundary (t0, ns_per_px,
                                  lod_column (t0, ns_per_px, MAX (s, t0)));
      memset (known, 0, sizeof known);
      narrow = c->packed && block_narrow (track, b, limit);
      kend = MIN (c->n, hi - c->first);
      if (c->have == HAVE_ALL)
        {
          /* All decoded: scan and sum at once. */
          known[MIN (state, NS - 1)] += e - s;
          for (kk = k + 1; kk < kend; kk++)
            {
              gint64 ed = c->eend[kk] - c->start[kk];

              if (c->start[kk] >= boundary || (double) ed >= wide)
                break;
              known[MIN (c->state[kk], NS - 1)] += ed;
            }
          e = c->eend[kk - 1];
          head_exact = TRUE;
        }
      else if (narrow && kend == c->n && BLK (track, b)->last_start < boundary)
        {
          kk = c->n;
          e = BLK (track, b)->end;
        }
      else
        {
          kk = cur_run_end (track, c, k + 1, kend, boundary, wide, narrow);
          cur_need (track, c, kk - 1);
          e = c->eend[kk - 1];
        }
      j = c->first + kk;
      part_k0[0] = k;
      part_k1[0] = kk;
      part_bound[0] = (e - s) + (kk - k);

      /* Then over whole blocks, and into the one where it stops. */
      if (kk == c->n && j < hi)
        {
          guint nb = b + 1;

          for (;;)
            {
              guint nb0 = nb;

              if (track->stride > 0)
                {
                  guint nt = nb;

                  /* Find where the run stops first, to fetch that block's
                   * bytes while the sums of the blocks before it add up. */
                  while (nt < track->n_blocks && (nt + 1) * BLOCK <= hi &&
                         block_fits (track, nt, boundary, limit))
                    nt++;
                  if (nt < track->n_blocks)
                    {
                      const guint8 *bytes = track->data + BLK (track, nt)->offset;

                      __builtin_prefetch (bytes);
                      __builtin_prefetch (bytes + 64);
                      __builtin_prefetch (bytes + 128);
                    }
                  if (nt > nb)
                    {
                      guint64 acc[NS] = { 0, };
                      guint st;

                      for (; nb < nt; nb++)
                        {
                          const guint32 *bs = BSUM (track, nb);
                          guint32 all = G_MAXUINT32;

                          for (st = 0; st < ns; st++)
                            {
                              acc[st] += bs[st];
                              all &= bs[st] == G_MAXUINT32 ? 0 : G_MAXUINT32;
                            }
                          if (G_UNLIKELY (all == 0))
                            {
                              /* Sums too large for the header. */
                              for (st = 0; st < ns; st++)
                                acc[st] -= bs[st];
                              add_block (track, nb, known, &d);
                            }
                        }
                      for (st = 0; st < ns; st++)
                        known[st] += (gint64) acc[st];
                    }
                }
              if (nb > nb0)
                {
                  e = BLK (track, nb - 1)->end;
                  j = nb * BLOCK;
                }
              if (j >= hi)
                break;
              cur_load (track, o, nb);
              kend = MIN (o->n, hi - o->first);
              tail_exact = o->have == HAVE_ALL;
              if (tail_exact)
                for (kk = 0; kk < kend; kk++)
                  {
                    gint64 ed = o->eend[kk] - o->start[kk];

                    if (o->start[kk] >= boundary || (double) ed >= wide)
                      break;
                    known[MIN (o->state[kk], NS - 1)] += ed;
                  }
              else
                kk = cur_run_end (track, o, 0, kend, boundary, wide,
                                  o->packed && block_narrow (track, nb, limit));
              if (kk == o->n)
                {
                  /* Taken whole after all (a duration too long for its
                   * header): add it exactly and go on. */
                  if (!tail_exact)
                    cur_add_states (track, o, 0, o->n, known);
                  e = o->eend[o->n - 1];
                  j = o->first + o->n;
                  nb++;
                  if (j >= hi)
                    break;
                  continue;
                }
              if (kk > 0)
                {
                  cur_need (track, o, kk - 1);
                  e = o->eend[kk - 1];
                  part_k0[1] = 0;
                  part_k1[1] = kk;
                  part_bound[1] = (e - (o->packed ? BLK (track, nb)->base : o->start[0])) + kk;
                  n_parts = 2;
                  j = o->first + kk;
                }
              break;
            }
        }

      if (j - i > 1)
        {
          guint best;

          /* The dominant state: from the sums so far when the partial
           * blocks not summed yet cannot change it; else with them summed,
           * the last one first. */
          gint64 b0 = head_exact ? 0 : part_bound[0];
          gint64 b1 = n_parts < 2 || tail_exact ? 0 : part_bound[1];

          if (b0 + b1 == 0 || !decisive (known, ns, b0 + b1, &best))
            {
              gboolean done = FALSE;

              if (b1 > 0)
                cur_add_states (track, o, part_k0[1], part_k1[1], known);
              if (b0 > 0)
                {
                  done = decisive (known, ns, b0, &best);
                  if (!done)
                    cur_add_states (track, c, part_k0[0], part_k1[0], known);
                }
              if (!done)
                best = argmax (known);
            }
          state = (guint8) best;
        }
      emit (items, t0, t1, ns_per_px, n_cols, i, j - i, s, e, state);
      appended++;
      i = j;
    }
  return appended;
}

gsize
golanes_track_get_memory_size (const GolanesTrack *track)
{
  gsize size = sizeof (*track);

  size += track->data_cap;
  size += (gsize) track->cap_blocks * track->bsize;
  if (track->cum != NULL)
    size += (gsize) (track->n_blocks / SUPER + 1) * track->stride * sizeof (gint64);
  size += (gsize) track->cap_pending * sizeof (Raw);
  return size;
}
