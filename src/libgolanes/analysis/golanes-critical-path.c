/* golanes-critical-path.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

#include "golanes-array-private.h"
#include "golanes-critical-path.h"
#include "golanes-error.h"

/* The walk is described in the header and in src/DESIGN.md. */

/* Hops between goroutines that gain no time (creators of creators at the
 * same instant) before the walk gives up on the rest of the interval;
 * only a damaged trace gets there. */
#define MAX_IDLE_HOPS 64

static const char *const kind_names[GOLANES_CRIT_N_KINDS] = {
  "running", "runnable", "waiting", "syscall", "gc", "stw",
};

struct _GolanesCriticalPath
{
  gint64  start;
  gint64  end;
  guint32 goroutine;
  GolanesCritSegment *segments;   /* in time order; a golanes_array */
  guint               n_segments;
};

/* Where the walk is: on @goroutine, which it leaves at @bound (the start
 * of the wait it stands in for, or of the target). */
typedef struct
{
  guint32       goroutine;
  gint64        bound;
  GolanesTrack *track;     /* its states, NULL until looked up */
  GolanesTrack *assists;
  gint          at;        /* the span the walk stands in, -1: look it up */
} Frame;

/* A stop-the-world pause, from the timeline's ranges. */
typedef struct
{
  gint64      start;
  gint64      end;
  const char *reason;
} Pause;

typedef struct
{
  GolanesTimeline   *timeline;
  GolanesStackTable *stacks;
  GHashTable        *functions;  /* stack id -> function string id + 1 */
  GArray            *frames;     /* Frame */
  GArray            *pieces;     /* GolanesSpan: overlays of one segment */
  GArray            *pauses;     /* Pause, by start, made on first use */
  /* The segments, newest first: the thread's scratch array, kept from
   * one walk to the next (see Scratch). */
  GolanesCritSegment *out;
  gsize               out_len;
  gsize               out_cap;
} Walker;

/* A thread's scratch array for segments, kept while the thread lives: a
 * path of a hundred thousand segments spent most of its time getting
 * fresh memory (a mapping, its page faults, unmapping it) for a scratch
 * array it then copied out of. */
typedef struct
{
  GolanesCritSegment *data;
  gsize               cap;
} Scratch;

static void
scratch_free (gpointer data)
{
  Scratch *s = data;

  g_free (s->data);
  g_free (s);
}

static GPrivate scratch_key = G_PRIVATE_INIT (scratch_free);

const char *
golanes_crit_kind_to_string (GolanesCritKind kind)
{
  return kind < GOLANES_CRIT_N_KINDS ? kind_names[kind] : "";
}

static void
walker_init (Walker          *w,
             GolanesTimeline *timeline)
{
  memset (w, 0, sizeof *w);
  w->timeline = timeline;
  w->stacks = golanes_timeline_get_stack_table (timeline);
  w->functions = g_hash_table_new (NULL, NULL);
  w->frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  w->pieces = g_array_new (FALSE, FALSE, sizeof (GolanesSpan));
  {
    Scratch *sc = g_private_get (&scratch_key);

    if (sc != NULL)
      {
        w->out = sc->data;
        w->out_cap = sc->cap;
        sc->data = NULL;
        sc->cap = 0;
      }
  }
}

static void
walker_clear (Walker *w)
{
  g_hash_table_unref (w->functions);
  g_array_unref (w->frames);
  g_array_unref (w->pieces);
  g_clear_pointer (&w->pauses, g_array_unref);
  {
    Scratch *sc = g_private_get (&scratch_key);

    /* Back to the thread, which keeps the larger one. */
    if (sc == NULL)
      {
        sc = g_new0 (Scratch, 1);
        g_private_set (&scratch_key, sc);
      }
    if (w->out_cap > sc->cap)
      {
        g_free (sc->data);
        sc->data = w->out;
        sc->cap = w->out_cap;
      }
    else
      g_free (w->out);
    w->out = NULL;
  }
}

/* Frames of the runtime and of the packages that only carry a wait or a
 * lock (sync's Mutex lives in internal/sync since Go 1.24) say less than
 * the caller that got there. */
static gboolean
is_plumbing (const char *func)
{
  return g_str_has_prefix (func, "runtime.") || g_str_has_prefix (func, "internal/") ||
         g_str_has_prefix (func, "sync.");
}

/* The program's own code: package main, or a package whose import path
 * begins with a host name ("github.com/..."); the standard library's paths
 * have no dot before their first slash. */
static gboolean
is_user_code (const char *func)
{
  const char *slash = strchr (func, '/');
  const char *dot = strchr (func, '.');

  if (g_str_has_prefix (func, "main."))
    return TRUE;
  return slash != NULL && dot != NULL && dot < slash;
}

/* The innermost frame of @stack in the program's own code, else the
 * innermost that is not plumbing, else 0 (the caller falls back to the
 * goroutine's start function). */
static guint32
stack_function (Walker *w,
                guint32 stack)
{
  gpointer cached;
  const GolanesFrame *frames;
  guint n = 0, i;
  guint32 func = 0, outside = 0;

  if (stack == 0)
    return 0;
  cached = g_hash_table_lookup (w->functions, GUINT_TO_POINTER (stack));
  if (cached != NULL)
    return GPOINTER_TO_UINT (cached) - 1;
  frames = golanes_stack_table_get_frames (w->stacks, stack, &n);
  for (i = 0; i < n; i++)
    {
      const char *name = golanes_stack_table_get_string (w->stacks, frames[i].func, NULL);

      if (name == NULL)
        continue;
      if (is_user_code (name))
        {
          func = frames[i].func;
          break;
        }
      if (outside == 0 && !is_plumbing (name))
        outside = frames[i].func;
    }
  if (func == 0)
    func = outside;
  g_hash_table_insert (w->functions, GUINT_TO_POINTER (stack), GUINT_TO_POINTER (func + 1));
  return func;
}

static guint32
start_function (GolanesTimeline *timeline,
                guint32          goroutine)
{
  GolanesTimelineGoroutine g;

  if (!golanes_timeline_get_goroutine (timeline, goroutine, &g))
    return 0;
  return g.start_func;
}

static void
push_segment (Walker     *w,
              guint32     goroutine,
              gint64      start,
              gint64      end,
              guint8      kind,
              const char *reason,
              guint32     function)
{
  GolanesCritSegment s = { start, end, goroutine, function, reason != NULL ? reason : "", kind };

  if (end <= start)
    return;
  if (w->out_len == w->out_cap)
    {
      gsize cap = MAX (w->out_cap * 2, 64);

      w->out = g_renew (GolanesCritSegment, w->out, cap);
#ifdef MADV_POPULATE_WRITE
      /* One call faults the new part in: a page fault each costs more (on
       * virtual machines far more). */
      if (cap * sizeof s >= 256 * 1024)
        {
          guintptr from = ((guintptr) (w->out + w->out_cap) + 4095) & ~(guintptr) 4095;
          guintptr to = (guintptr) (w->out + cap) & ~(guintptr) 4095;

          if (to > from)
            madvise ((gpointer) from, to - from, MADV_POPULATE_WRITE);
        }
#endif
      w->out_cap = cap;
    }
  w->out[w->out_len++] = s;
}

/* Adds the spans of @track overlapping [a, b) to the overlays, with
 * @kind and their reason (assists: "GC mark assist"; STW: its kind). */
static void
collect_overlays (Walker       *w,
                  GolanesTrack *track,
                  gint64        a,
                  gint64        b,
                  guint8        kind)
{
  guint first = 0, n, i;

  if (track == NULL)
    return;
  n = golanes_track_find (track, a, b, &first);
  for (i = first; i < first + n; i++)
    {
      GolanesSpan s;

      golanes_track_get_span (track, i, &s);
      s.start = MAX (s.start, a);
      s.end = MIN (s.end, b);
      if (s.end <= s.start)
        continue;
      s.state = kind;
      g_array_append_val (w->pieces, s);
    }
}

static int
compare_pause (gconstpointer a,
               gconstpointer b)
{
  const Pause *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

/* The pauses overlapping [a, b), as overlays. */
static void
collect_pauses (Walker *w,
                gint64  a,
                gint64  b)
{
  guint lo = 0, hi, i;

  if (w->pauses == NULL)
    {
      guint n = golanes_timeline_get_n_ranges (w->timeline);

      w->pauses = g_array_new (FALSE, FALSE, sizeof (Pause));
      for (i = 0; i < n; i++)
        {
          const GolanesTimelineRange *r = golanes_timeline_get_range (w->timeline, i);
          Pause p = { r->start, r->end, golanes_timeline_get_reason (w->timeline, r->reason) };

          if (r->kind == GOLANES_GC_RANGE_STW && r->end > r->start)
            g_array_append_val (w->pauses, p);
        }
      g_array_sort (w->pauses, compare_pause);
    }
  /* Pauses do not overlap one another: the first that ends after @a. */
  hi = w->pauses->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (w->pauses, Pause, mid).end <= a)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (i = lo; i < w->pauses->len; i++)
    {
      const Pause *p = &g_array_index (w->pauses, Pause, i);
      GolanesSpan s = { MAX (p->start, a), MIN (p->end, b), i, 0, GOLANES_CRIT_STW, 0 };

      if (p->start >= b)
        break;
      if (s.end > s.start)
        g_array_append_val (w->pieces, s);
    }
}

static int
compare_piece_start (gconstpointer a,
                     gconstpointer b)
{
  const GolanesSpan *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  /* Stop-the-world first: it wins where both are. */
  return (int) y->state - (int) x->state;
}

static const char *
overlay_reason (Walker            *w,
                const GolanesSpan *piece)
{
  if (piece->state == GOLANES_CRIT_GC)
    return "GC mark assist";
  return g_array_index (w->pauses, Pause, piece->arg).reason;
}

/* Emits [a, b) on @goroutine as @kind, except where a GC assist (running
 * time only) or a stop-the-world pause covers it.  Emitted newest first. */
static void
emit (Walker       *w,
      guint32       goroutine,
      GolanesTrack *assists,
      gint64        a,
      gint64        b,
      guint8        kind,
      const char   *reason,
      guint32       function)
{
  gint64 t = b;
  guint i;

  g_array_set_size (w->pieces, 0);
  if (kind == GOLANES_CRIT_RUNNING)
    collect_overlays (w, assists, a, b, GOLANES_CRIT_GC);
  if (kind == GOLANES_CRIT_RUNNING || kind == GOLANES_CRIT_RUNNABLE)
    collect_pauses (w, a, b);
  if (w->pieces->len == 0)
    {
      push_segment (w, goroutine, a, b, kind, reason, function);
      return;
    }
  if (w->pieces->len > 1)
    g_array_sort (w->pieces, compare_piece_start);

  /* Walk the overlays from the newest; the earlier-starting one wins
   * where two overlap (they rarely do: an assist stops at a pause). */
  for (i = w->pieces->len; i-- > 0;)
    {
      const GolanesSpan *p = &g_array_index (w->pieces, GolanesSpan, i);
      gint64 ps = p->start, pe = MIN (p->end, t);
      guint j;

      /* An earlier piece reaching past this one's start covers it. */
      for (j = 0; j < i; j++)
        ps = MAX (ps, MIN (g_array_index (w->pieces, GolanesSpan, j).end, pe));
      if (pe <= ps)
        continue;
      push_segment (w, goroutine, pe, t, kind, reason, function);
      push_segment (w, goroutine, ps, pe, p->state, overlay_reason (w, p), function);
      t = ps;
    }
  push_segment (w, goroutine, a, t, kind, reason, function);
}

/* The function a span of @track is charged to: where the goroutine went
 * next (the stack of the event that ended a running span: where it
 * blocked, was preempted or made the syscall), else where the span began,
 * else the goroutine's start function. */
static guint32
span_function (Walker            *w,
               GolanesTrack      *track,
               guint              index,
               const GolanesSpan *span,
               guint32            goroutine)
{
  guint32 func = 0;

  if (span->state == GOLANES_G_RUNNING && index + 1 < golanes_track_get_n_spans (track))
    {
      GolanesSpan next;

      golanes_track_get_span (track, index + 1, &next);
      if (next.start == span->end)
        func = stack_function (w, next.arg);
    }
  else if (span->state != GOLANES_G_RUNNING)
    func = stack_function (w, span->arg);
  if (func == 0)
    func = start_function (w->timeline, goroutine);
  return func;
}

/* The running span of @track that holds the instant before @t, or -1. */
static gint
running_at (GolanesTrack *track,
            gint64        t)
{
  gint si;

  if (track == NULL)
    return -1;
  si = golanes_track_find_at (track, t - 1);
  if (si >= 0 && golanes_track_get_state (track, (guint) si) == GOLANES_G_RUNNING &&
      golanes_track_get_start (track, (guint) si) < t)
    return si;
  return -1;
}

/* The span of the frame's goroutine holding the instant before @t, into
 * @span: the one before the cursor if it does (the walk goes back span by
 * span), else found.  -1 if none does. */
static gint
frame_span (Walker      *w,
            Frame       *f,
            gint64       t,
            GolanesSpan *span)
{
  gint si;

  if (f->track == NULL)
    {
      f->track = golanes_timeline_get_goroutine_states (w->timeline, f->goroutine);
      f->assists = golanes_timeline_get_goroutine_assists (w->timeline, f->goroutine);
      if (f->track == NULL)
        return -1;
    }
  for (si = f->at; si >= 0 && si >= f->at - 1; si--)
    {
      golanes_track_get_span (f->track, (guint) si, span);
      if (span->start < t && t <= span->end)
        return f->at = si;
    }
  si = golanes_track_find_at (f->track, t - 1);
  if (si >= 0)
    {
      golanes_track_get_span (f->track, (guint) si, span);
      if (span->start >= t)
        si = -1;
    }
  return f->at = si;
}

/* Walks back from @end on @goroutine to @start; fills @path. */
static void
walk (Walker              *w,
      GolanesCriticalPath *path)
{
  GolanesTimeline *tl = w->timeline;
  gint64 t = path->end;
  guint idle_hops = 0;
  Frame first = { path->goroutine, path->start, NULL, NULL, -1 };

  g_array_set_size (w->frames, 0);
  g_array_append_val (w->frames, first);
  w->out_len = 0;

  while (t > path->start)
    {
      Frame *top = &g_array_index (w->frames, Frame, w->frames->len - 1);
      guint32 g = top->goroutine;
      gint64 bound = top->bound;
      GolanesSpan span;
      gint si;
      gint64 a;
      guint32 func;

      if (t <= bound && w->frames->len > 1)
        {
          /* Back at the start of the wait this goroutine stood in for. */
          g_array_set_size (w->frames, w->frames->len - 1);
          continue;
        }

      si = frame_span (w, top, t, &span);
      if (si < 0)
        {
          GolanesTimelineGoroutine info;
          gint parent = -1;
          guint n_spans = top->track != NULL ? golanes_track_get_n_spans (top->track) : 0;
          gint64 last_end = n_spans > 0 ? golanes_track_get_end (top->track, n_spans - 1) : G_MININT64;

          /* After the goroutine ended: nothing ran for it. */
          if (n_spans > 0 && t > last_end)
            {
              a = MAX (last_end, bound);
              push_segment (w, g, a, t, GOLANES_CRIT_WAITING, "goroutine ended", start_function (tl, g));
              t = a;
              idle_hops = 0;
              continue;
            }
          /* Before the goroutine existed: its creator's time. */
          if (golanes_timeline_get_goroutine (tl, g, &info) &&
              !(info.flags & GOLANES_SPAN_OPEN_START) && t <= info.created &&
              info.parent >= 0)
            parent = golanes_timeline_lookup_goroutine (tl, info.parent);
          if (parent >= 0 && (guint32) parent != g && idle_hops < MAX_IDLE_HOPS)
            {
              top->goroutine = (guint32) parent;
              top->track = NULL;
              top->at = -1;
              idle_hops++;
              continue;
            }
          /* Not in the trace (before it began, or a damaged trace). */
          push_segment (w, g, bound, t, GOLANES_CRIT_WAITING, "not traced", start_function (tl, g));
          t = bound;
          idle_hops = 0;
          continue;
        }

      a = MAX (span.start, bound);
      func = span_function (w, top->track, (guint) si, &span, g);
      switch (span.state)
        {
        case GOLANES_G_RUNNING:
          if (span.reason != 0)
            {
              /* A labelled goroutine: the GC's workers. */
              const char *label = golanes_timeline_get_reason (tl, span.reason);

              if (g_str_has_prefix (label, "GC"))
                {
                  emit (w, g, top->assists, a, t, GOLANES_CRIT_GC, label, func);
                  break;
                }
            }
          emit (w, g, top->assists, a, t, GOLANES_CRIT_RUNNING, "", func);
          break;

        case GOLANES_G_CREATED:
          emit (w, g, top->assists, a, t, GOLANES_CRIT_RUNNABLE, "created", func);
          break;

        case GOLANES_G_RUNNABLE:
          emit (w, g, top->assists, a, t, GOLANES_CRIT_RUNNABLE,
                golanes_timeline_get_reason (tl, span.reason), func);
          break;

        case GOLANES_G_SYSCALL:
          emit (w, g, top->assists, a, t, GOLANES_CRIT_SYSCALL, "", func);
          break;

        case GOLANES_G_WAITING:
        default:
          {
            gint by = span.end == t && !(span.flags & GOLANES_SPAN_OPEN) ?
                      golanes_timeline_get_unblocker (tl, g, (guint) si) : -1;
            GolanesTrack *by_track = by >= 0 && (guint32) by != g ?
                                     golanes_timeline_get_goroutine_states (tl, (guint32) by) : NULL;
            gint by_at = running_at (by_track, t);

            if (by_at >= 0)
              {
                Frame next = { (guint32) by, a, by_track,
                               golanes_timeline_get_goroutine_assists (tl, (guint32) by), by_at };

                g_array_append_val (w->frames, next);
                idle_hops = 0;
                continue;
              }
            emit (w, g, top->assists, a, t, GOLANES_CRIT_WAITING,
                  golanes_timeline_get_reason (tl, span.reason), func);
          }
          break;
        }
      t = a;
      idle_hops = 0;
    }

  /* Newest first -> time order, merging neighbours that say the same,
   * in place; the path takes the array, cut to its size. */
  {
    GolanesCritSegment *segs = w->out;
    gsize n = w->out_len, i, kept = 0;

    for (i = 0; i < n / 2; i++)
      {
        GolanesCritSegment tmp = segs[i];

        segs[i] = segs[n - 1 - i];
        segs[n - 1 - i] = tmp;
      }
    for (i = 0; i < n; i++)
      {
        if (kept > 0)
          {
            GolanesCritSegment *p = &segs[kept - 1];

            if (p->end == segs[i].start && p->goroutine == segs[i].goroutine && p->kind == segs[i].kind &&
                p->function == segs[i].function && strcmp (p->reason, segs[i].reason) == 0)
              {
                p->end = segs[i].end;
                continue;
              }
          }
        segs[kept++] = segs[i];
      }
    /* Out of the scratch array into one of its own. */
    path->segments = golanes_array_resize (NULL, 0, MAX (kept, 1) * sizeof *segs);
#ifdef MADV_POPULATE_WRITE
    if (kept * sizeof *segs >= 256 * 1024)
      madvise (path->segments, kept * sizeof *segs & ~(gsize) 4095, MADV_POPULATE_WRITE);
#endif
    memcpy (path->segments, segs, kept * sizeof *segs);
    path->n_segments = (guint) kept;
  }
}

static GolanesCriticalPath *
path_new (guint32 goroutine,
          gint64  start,
          gint64  end)
{
  GolanesCriticalPath *self = g_new0 (GolanesCriticalPath, 1);

  self->goroutine = goroutine;
  self->start = start;
  self->end = end;
  return self;
}

static GolanesCriticalPath *
compute (Walker  *w,
         guint32  goroutine,
         gint64   start,
         gint64   end)
{
  GolanesCriticalPath *self = path_new (goroutine, start, end);

  walk (w, self);
  return self;
}

GolanesCriticalPath *
golanes_critical_path_new (GolanesTimeline *timeline,
                           guint            goroutine,
                           gint64           start,
                           gint64           end,
                           GError         **error)
{
  GolanesCriticalPath *self;
  Walker w;

  g_return_val_if_fail (timeline != NULL, NULL);

  if (goroutine >= golanes_timeline_get_n_goroutines (timeline))
    {
      g_set_error (error, GOLANES_ERROR, GOLANES_ERROR_MALFORMED, "no goroutine with index %u",
                   goroutine);
      return NULL;
    }
  if (end <= start)
    {
      g_set_error (error, GOLANES_ERROR, GOLANES_ERROR_MALFORMED,
                   "the interval %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT " ns is empty", start, end);
      return NULL;
    }
  if (start < golanes_timeline_get_start_time (timeline) ||
      end > golanes_timeline_get_end_time (timeline))
    {
      g_set_error (error, GOLANES_ERROR, GOLANES_ERROR_MALFORMED,
                   "the interval %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT " ns is not inside the "
                   "trace (%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT " ns)", start, end,
                   golanes_timeline_get_start_time (timeline),
                   golanes_timeline_get_end_time (timeline));
      return NULL;
    }
  walker_init (&w, timeline);
  self = compute (&w, goroutine, start, end);
  walker_clear (&w);
  return self;
}

/* The goroutine and interval of task @index; FALSE if it has neither an
 * end goroutine nor a start goroutine, or no length. */
static gboolean
task_target (GolanesTimeline *timeline,
             guint            index,
             guint32         *goroutine,
             gint64          *start,
             gint64          *end)
{
  GolanesTimelineTask task_copy;
  const GolanesTimelineTask *task =
    golanes_timeline_get_task (timeline, index, &task_copy) ? &task_copy : NULL;
  gint g = -1;

  if (task->end_goroutine >= 0)
    g = golanes_timeline_lookup_goroutine (timeline, task->end_goroutine);
  if (g < 0 && task->start_goroutine >= 0)
    g = golanes_timeline_lookup_goroutine (timeline, task->start_goroutine);
  if (g < 0 || task->end <= task->start)
    return FALSE;
  *goroutine = (guint32) g;
  *start = task->start;
  *end = task->end;
  return TRUE;
}

static gboolean
region_target (GolanesTimeline *timeline,
               guint            index,
               guint32         *goroutine,
               gint64          *start,
               gint64          *end)
{
  GolanesTimelineRegion region_copy;
  const GolanesTimelineRegion *region =
    golanes_timeline_get_region (timeline, index, &region_copy) ? &region_copy : NULL;
  gint g = golanes_timeline_lookup_goroutine (timeline, region->goroutine);

  if (g < 0 || region->end <= region->start)
    return FALSE;
  *goroutine = (guint32) g;
  *start = region->start;
  *end = region->end;
  return TRUE;
}

GolanesCriticalPath *
golanes_critical_path_new_for_task (GolanesTimeline *timeline,
                                    guint            task,
                                    GError         **error)
{
  guint32 g;
  gint64 start, end;

  g_return_val_if_fail (timeline != NULL, NULL);
  if (task >= golanes_timeline_get_n_tasks (timeline))
    {
      g_set_error (error, GOLANES_ERROR, GOLANES_ERROR_MALFORMED, "no task with index %u", task);
      return NULL;
    }
  if (!task_target (timeline, task, &g, &start, &end))
    {
      g_set_error (error, GOLANES_ERROR, GOLANES_ERROR_MALFORMED,
                   "task %" G_GUINT64_FORMAT " has no goroutine or no length",
                   golanes_timeline_get_task_id (timeline, task));
      return NULL;
    }
  return golanes_critical_path_new (timeline, g, start, end, error);
}

GolanesCriticalPath *
golanes_critical_path_new_for_region (GolanesTimeline *timeline,
                                      guint            region,
                                      GError         **error)
{
  guint32 g;
  gint64 start, end;

  g_return_val_if_fail (timeline != NULL, NULL);
  if (region >= golanes_timeline_get_n_regions (timeline))
    {
      g_set_error (error, GOLANES_ERROR, GOLANES_ERROR_MALFORMED, "no region with index %u", region);
      return NULL;
    }
  if (!region_target (timeline, region, &g, &start, &end))
    {
      g_set_error (error, GOLANES_ERROR, GOLANES_ERROR_MALFORMED,
                   "the region has no goroutine or no length");
      return NULL;
    }
  return golanes_critical_path_new (timeline, g, start, end, error);
}

void
golanes_critical_path_free (GolanesCriticalPath *self)
{
  if (self == NULL)
    return;
  golanes_array_free (self->segments, MAX (self->n_segments, 1) * sizeof (GolanesCritSegment));
  g_free (self);
}

gint64
golanes_critical_path_get_start (GolanesCriticalPath *self)
{
  return self->start;
}

gint64
golanes_critical_path_get_end (GolanesCriticalPath *self)
{
  return self->end;
}

guint
golanes_critical_path_get_goroutine (GolanesCriticalPath *self)
{
  return self->goroutine;
}

const GolanesCritSegment *
golanes_critical_path_get_segments (GolanesCriticalPath *self,
                                    guint               *n_segments)
{
  *n_segments = self->n_segments;
  return self->segments;
}

/* Breakdowns */

typedef struct
{
  GHashTable *goroutines;       /* key + 1 -> index in by_goroutine + 1 */
  GHashTable *start_functions;
  GHashTable *functions;
} BreakdownMaps;

typedef struct
{
  GolanesCritBreakdown public;
  BreakdownMaps        maps;
} Breakdown;

GolanesCritBreakdown *
golanes_crit_breakdown_new (void)
{
  Breakdown *b = g_new0 (Breakdown, 1);

  b->public.by_goroutine = g_array_new (FALSE, FALSE, sizeof (GolanesCritEntry));
  b->public.by_start_function = g_array_new (FALSE, FALSE, sizeof (GolanesCritEntry));
  b->public.by_function = g_array_new (FALSE, FALSE, sizeof (GolanesCritEntry));
  b->maps.goroutines = g_hash_table_new (NULL, NULL);
  b->maps.start_functions = g_hash_table_new (NULL, NULL);
  b->maps.functions = g_hash_table_new (NULL, NULL);
  return &b->public;
}

static void
entry_add (GArray     *list,
           GHashTable *map,
           guint32     key,
           gint64      time)
{
  gpointer at = g_hash_table_lookup (map, GUINT_TO_POINTER (key + 1));

  if (at == NULL)
    {
      GolanesCritEntry e = { key, 0 };

      g_array_append_val (list, e);
      at = GUINT_TO_POINTER (list->len);
      g_hash_table_insert (map, GUINT_TO_POINTER (key + 1), at);
    }
  g_array_index (list, GolanesCritEntry, GPOINTER_TO_UINT (at) - 1).total += time;
}

void
golanes_crit_breakdown_add (GolanesCritBreakdown *self,
                            GolanesTimeline      *timeline,
                            GolanesCriticalPath  *path)
{
  Breakdown *b = (Breakdown *) self;
  guint i;

  self->n_paths++;
  self->wall += path->end - path->start;
  for (i = 0; i < path->n_segments; i++)
    {
      const GolanesCritSegment *s = &path->segments[i];
      gint64 d = s->end - s->start;

      self->by_kind[s->kind] += d;
      entry_add (self->by_goroutine, b->maps.goroutines, s->goroutine, d);
      entry_add (self->by_start_function, b->maps.start_functions,
                 start_function (timeline, s->goroutine), d);
      entry_add (self->by_function, b->maps.functions, s->function, d);
    }
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const GolanesCritEntry *x = a, *y = b;

  if (x->total != y->total)
    return x->total > y->total ? -1 : 1;
  return x->key < y->key ? -1 : x->key > y->key;
}

void
golanes_crit_breakdown_finish (GolanesCritBreakdown *self)
{
  Breakdown *b = (Breakdown *) self;

  g_array_sort (self->by_goroutine, compare_entries);
  g_array_sort (self->by_start_function, compare_entries);
  g_array_sort (self->by_function, compare_entries);
  g_clear_pointer (&b->maps.goroutines, g_hash_table_unref);
  g_clear_pointer (&b->maps.start_functions, g_hash_table_unref);
  g_clear_pointer (&b->maps.functions, g_hash_table_unref);
}

void
golanes_crit_breakdown_free (GolanesCritBreakdown *self)
{
  Breakdown *b = (Breakdown *) self;

  if (self == NULL)
    return;
  g_array_unref (self->by_goroutine);
  g_array_unref (self->by_start_function);
  g_array_unref (self->by_function);
  g_clear_pointer (&b->maps.goroutines, g_hash_table_unref);
  g_clear_pointer (&b->maps.start_functions, g_hash_table_unref);
  g_clear_pointer (&b->maps.functions, g_hash_table_unref);
  g_free (b);
}

/* Aggregates */

struct _GolanesCritAggregate
{
  GPtrArray            *instances;  /* GolanesCriticalPath, by start */
  gint                  median;
  gint64                p99;
  GolanesCritBreakdown *median_breakdown;
  GolanesCritBreakdown *slowest_breakdown;
};

static int
compare_length (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  GolanesCriticalPath *x = g_ptr_array_index ((GPtrArray *) data, *(const guint *) a);
  GolanesCriticalPath *y = g_ptr_array_index ((GPtrArray *) data, *(const guint *) b);
  gint64 lx = x->end - x->start, ly = y->end - y->start;

  if (lx != ly)
    return lx < ly ? -1 : 1;
  return *(const guint *) a < *(const guint *) b ? -1 : 1;
}

static int
compare_path_start (gconstpointer a,
                    gconstpointer b)
{
  const GolanesCriticalPath *x = *(GolanesCriticalPath *const *) a;
  const GolanesCriticalPath *y = *(GolanesCriticalPath *const *) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->goroutine < y->goroutine ? -1 : x->goroutine > y->goroutine;
}

static GolanesCritAggregate *
aggregate_new (GolanesTimeline *timeline,
               const char      *type,
               gboolean         tasks)
{
  GolanesCritAggregate *self = g_new0 (GolanesCritAggregate, 1);
  GolanesStackTable *stacks = golanes_timeline_get_stack_table (timeline);
  guint n = tasks ? golanes_timeline_get_n_tasks (timeline) : golanes_timeline_get_n_regions (timeline);
  g_autofree guint *order = NULL;
  guint i, count, rank;
  Walker w;

  self->instances = g_ptr_array_new_with_free_func ((GDestroyNotify) golanes_critical_path_free);
  self->median = -1;
  self->median_breakdown = golanes_crit_breakdown_new ();
  self->slowest_breakdown = golanes_crit_breakdown_new ();
  walker_init (&w, timeline);

  for (i = 0; i < n; i++)
    {
      guint32 name, g;
      guint8 flags;
      gint64 start, end;
      const char *s;

      if (tasks)
        {
          GolanesTimelineTask t_copy;
          const GolanesTimelineTask *t = golanes_timeline_get_task (timeline, i, &t_copy) ? &t_copy : NULL;

          name = t->type;
          flags = t->flags;
        }
      else
        {
          GolanesTimelineRegion r_copy;
          const GolanesTimelineRegion *r =
            golanes_timeline_get_region (timeline, i, &r_copy) ? &r_copy : NULL;

          name = r->type;
          flags = r->flags;
        }
      if (flags & (GOLANES_SPAN_OPEN | GOLANES_SPAN_OPEN_START))
        continue;
      s = golanes_stack_table_get_string (stacks, name, NULL);
      if (s == NULL || strcmp (s, type) != 0)
        continue;
      if (!(tasks ? task_target (timeline, i, &g, &start, &end) :
            region_target (timeline, i, &g, &start, &end)))
        continue;
      g_ptr_array_add (self->instances, compute (&w, g, start, end));
    }
  walker_clear (&w);
  g_ptr_array_sort (self->instances, compare_path_start);

  count = self->instances->len;
  if (count > 0)
    {
      order = g_new (guint, count);
      for (i = 0; i < count; i++)
        order[i] = i;
      g_qsort_with_data (order, (gint) count, sizeof (guint), compare_length, self->instances);
      self->median = (gint) order[(count - 1) / 2];
      golanes_crit_breakdown_add (self->median_breakdown, timeline,
                                  g_ptr_array_index (self->instances, self->median));
      /* Nearest rank: the smallest length with 99% at or below it. */
      rank = (guint) ((count * 99 + 99) / 100);
      rank = CLAMP (rank, 1, count);
      {
        GolanesCriticalPath *p = g_ptr_array_index (self->instances, order[rank - 1]);

        self->p99 = p->end - p->start;
      }
      for (i = rank - 1; i < count; i++)
        golanes_crit_breakdown_add (self->slowest_breakdown, timeline,
                                    g_ptr_array_index (self->instances, order[i]));
    }
  golanes_crit_breakdown_finish (self->median_breakdown);
  golanes_crit_breakdown_finish (self->slowest_breakdown);
  return self;
}

GolanesCritAggregate *
golanes_crit_aggregate_new_for_task_type (GolanesTimeline *timeline,
                                          const char      *type)
{
  g_return_val_if_fail (timeline != NULL && type != NULL, NULL);
  return aggregate_new (timeline, type, TRUE);
}

GolanesCritAggregate *
golanes_crit_aggregate_new_for_region_type (GolanesTimeline *timeline,
                                            const char      *type)
{
  g_return_val_if_fail (timeline != NULL && type != NULL, NULL);
  return aggregate_new (timeline, type, FALSE);
}

void
golanes_crit_aggregate_free (GolanesCritAggregate *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->instances);
  golanes_crit_breakdown_free (self->median_breakdown);
  golanes_crit_breakdown_free (self->slowest_breakdown);
  g_free (self);
}

guint
golanes_crit_aggregate_get_n_instances (GolanesCritAggregate *self)
{
  return self->instances->len;
}

GolanesCriticalPath *
golanes_crit_aggregate_get_instance (GolanesCritAggregate *self,
                                     guint                 index)
{
  g_return_val_if_fail (index < self->instances->len, NULL);
  return g_ptr_array_index (self->instances, index);
}

gint
golanes_crit_aggregate_get_median (GolanesCritAggregate *self)
{
  return self->median;
}

const GolanesCritBreakdown *
golanes_crit_aggregate_get_median_breakdown (GolanesCritAggregate *self)
{
  return self->median_breakdown;
}

const GolanesCritBreakdown *
golanes_crit_aggregate_get_slowest_breakdown (GolanesCritAggregate *self)
{
  return self->slowest_breakdown;
}

gint64
golanes_crit_aggregate_get_p99 (GolanesCritAggregate *self)
{
  return self->p99;
}
