/* golanes-mmu.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "golanes-error.h"
#include "golanes-mmu.h"
#include "golanes-go-math-private.h"
#include "golanes-id-map-private.h"

/*
 * Two halves.  The first builds the utilization functions while events
 * stream by: it keeps, per P, a count of the GC activities running there,
 * the global STW depth, and which goroutines are assisting or are
 * background mark workers, and appends a point to a series whenever the
 * resulting utilization changes.  The second answers MMU queries: each
 * series is cut into at most 1000 equal bands summarised by their minimum
 * utilization and the running integral at their left edge; a query puts a
 * lower bound on every band and refines bands in order of increasing
 * bound until no remaining band can go below what has been found.
 *
 * All arithmetic follows the reference exactly (same operations in the same
 * order on doubles; same heap discipline when picking bands), because the
 * refinement can skip points based on the current bound and so the order
 * of work may show up in the last bits of the result.
 */

#define N_BANDS 1000
#define WORST_PER_DETAILS 10
/* GOMAXPROCS comes from the file and may be anything up to 2^31 - 1.  The
 * Ps below DENSE_PROCS are an array; the others, in the default mode, are
 * made when an event names them (the utilization only needs how many Ps
 * there are and how many do GC work, which are counted), so a trace
 * claiming a billion Ps costs what its events do.  With
 * GOLANES_MMU_PER_PROC every P has a series of its own, which Go makes for
 * all of them: there, only the first MAX_PER_PROC Ps are followed. */
#define DENSE_PROCS  4096
#define MAX_PER_PROC 4096

typedef struct
{
  int   gc;        /* GC activities on this P; > 0 means not mutator */
  guint series;
} ProcUtil;

typedef struct
{
  gint64 time;
  int    n;
} ProcsChange;

typedef struct
{
  double minutil;
  double cumutil;
  gsize  pos;       /* integrator position at the band's left edge */
} Band;

typedef struct
{
  GolanesMutatorUtil *util;
  gsize               n;
  double             *sums;   /* sums[j]: integral of util up to util[j].time */
  Band               *bands;
  gsize               n_bands; /* including the closing band */
  gint64              band_dur;
} Series;

typedef struct
{
  const Series *s;
  gsize         pos;
} Integrator;

typedef struct
{
  guint  series;
  gsize  band;
  double bound;
} BandBound;

typedef struct
{
  double mmu;
  double bound;
  guint  n_worst;
  GArray *worst;    /* GolanesUtilWindow, a heap with the best on top */
} Accumulator;

struct _GolanesMmu
{
  GolanesMmuFlags flags;

  /* streaming state */
  guint       n_procs;      /* GOMAXPROCS (at most MAX_PER_PROC per P) */
  guint       n_gc_procs;   /* Ps with gc > 0 */
  GArray     *procs;        /* ProcUtil of the Ps below MIN (n_procs, DENSE_PROCS) */
  GTree      *sparse_procs; /* P id -> ProcUtil of the others named by events */
  GArray     *procs_changes; /* ProcsChange */
  GPtrArray  *out;          /* GArray of GolanesMutatorUtil per series */
  GolanesIdMap in_assist;   /* goroutine id set */
  GolanesIdMap bg_mark;     /* goroutine id set */
  GolanesIdMap states;      /* goroutine id -> its GolanesGoState */
  int         stw;
  guint       n_sync;
  gboolean    any_event;
  gint64      last_time;
  gboolean    finished;

  /* query state */
  Series     *series;
  guint       n_series;
  /* The plot, made on the first request and kept. */
  gboolean    plot_made;
  gboolean    plot_ok;
  gint64      plot_x_min;
  gint64      plot_x_max;
  gint64      plot_windows[GOLANES_MMU_PLOT_SAMPLES];
  double      plot_mmu[GOLANES_MMU_PLOT_SAMPLES];
  /* The utilization can only change after an event that changed a P's
   * GC count, the stop-the-world count or the Ps; until then, once every
   * series ends at the current value, feeding another time is a no-op. */
  gboolean    changed;
  gboolean    settled;
};

/* ---- flags --------------------------------------------------------------- */

gboolean
golanes_mmu_flags_parse (const char      *text,
                         GolanesMmuFlags *flags,
                         GError         **error)
{
  g_auto(GStrv) parts = NULL;
  guint result = 0;

  parts = g_strsplit_set (text != NULL ? text : "", ",|", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *p = g_strstrip (parts[i]);

      if (*p == '\0' || g_ascii_strcasecmp (p, "system") == 0)
        continue;
      if (g_ascii_strcasecmp (p, "stw") == 0)
        result |= GOLANES_MMU_STW;
      else if (g_ascii_strcasecmp (p, "background") == 0)
        result |= GOLANES_MMU_BACKGROUND;
      else if (g_ascii_strcasecmp (p, "assist") == 0)
        result |= GOLANES_MMU_ASSIST;
      else if (g_ascii_strcasecmp (p, "sweep") == 0)
        result |= GOLANES_MMU_SWEEP;
      else if (g_ascii_strcasecmp (p, "perproc") == 0 ||
               g_ascii_strcasecmp (p, "per-proc") == 0)
        result |= GOLANES_MMU_PER_PROC;
      else
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "unknown MMU flag '%s' (expected stw, background, "
                       "assist, sweep or perproc)", p);
          return FALSE;
        }
    }
  *flags = (GolanesMmuFlags) result;
  return TRUE;
}

char *
golanes_mmu_flags_to_string (GolanesMmuFlags flags)
{
  GString *s = g_string_new (NULL);

  if (flags & GOLANES_MMU_PER_PROC)
    g_string_append (s, "|perProc");
  if (flags & GOLANES_MMU_STW)
    g_string_append (s, "|stw");
  if (flags & GOLANES_MMU_BACKGROUND)
    g_string_append (s, "|background");
  if (flags & GOLANES_MMU_ASSIST)
    g_string_append (s, "|assist");
  if (flags & GOLANES_MMU_SWEEP)
    g_string_append (s, "|sweep");
  if (s->len > 0)
    g_string_erase (s, 0, 1);
  return g_string_free (s, FALSE);
}

/* ---- building the utilization functions ------------------------------- */

static gint
compare_proc_ids (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  gsize x = GPOINTER_TO_SIZE (a), y = GPOINTER_TO_SIZE (b);

  return x < y ? -1 : x > y;
}

GolanesMmu *
golanes_mmu_new (GolanesMmuFlags flags)
{
  GolanesMmu *self = g_new0 (GolanesMmu, 1);

  self->flags = flags;
  self->procs = g_array_new (FALSE, TRUE, sizeof (ProcUtil));
  self->sparse_procs = g_tree_new_full (compare_proc_ids, NULL, NULL, g_free);
  self->procs_changes = g_array_new (FALSE, TRUE, sizeof (ProcsChange));
  self->out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  golanes_id_map_init (&self->in_assist);
  golanes_id_map_init (&self->bg_mark);
  golanes_id_map_init (&self->states);
  return self;
}

static void
free_series (GolanesMmu *self)
{
  for (guint i = 0; i < self->n_series; i++)
    {
      g_free (self->series[i].sums);
      g_free (self->series[i].bands);
    }
  g_clear_pointer (&self->series, g_free);
  self->n_series = 0;
}

void
golanes_mmu_free (GolanesMmu *self)
{
  if (self == NULL)
    return;
  free_series (self);
  g_array_unref (self->procs);
  g_tree_unref (self->sparse_procs);
  g_array_unref (self->procs_changes);
  g_ptr_array_unref (self->out);
  golanes_id_map_clear (&self->in_assist);
  golanes_id_map_clear (&self->bg_mark);
  golanes_id_map_clear (&self->states);
  g_free (self);
}

GolanesMmuFlags
golanes_mmu_get_flags (GolanesMmu *self)
{
  return self->flags;
}

static void
set_add (GolanesIdMap *set,
         gint64        id)
{
  golanes_id_map_insert (set, (guint64) id, 0);
}

static inline gboolean
set_has (const GolanesIdMap *set,
         gint64              id)
{
  return golanes_id_map_lookup (set, (guint64) id, NULL);
}

static gboolean
go_state_executing (guint state)
{
  return state == GOLANES_GO_RUNNING || state == GOLANES_GO_SYSCALL;
}

static gboolean
goroutine_executing (GolanesMmu *self,
                     gint64      g)
{
  guint64 state;

  return golanes_id_map_lookup (&self->states, (guint64) g, &state) && go_state_executing ((guint) state);
}

static void
add_util (GArray *series,
          gint64  time,
          double  util)
{
  if (series->len > 0)
    {
      GolanesMutatorUtil *last = &g_array_index (series, GolanesMutatorUtil,
                                                 series->len - 1);
      if (last->util == util)
        return;
      if (last->time == time)
        {
          if (util < last->util)
            last->util = util;
          return;
        }
    }
  {
    GolanesMutatorUtil mu = { time, util };
    g_array_append_val (series, mu);
  }
}

static gboolean
series_ends_at (GArray *series,
                double  util)
{
  return series->len > 0 && g_array_index (series, GolanesMutatorUtil, series->len - 1).util == util;
}

static GArray *
out_series (GolanesMmu *self,
            guint       i)
{
  return g_ptr_array_index (self->out, i);
}

static ProcUtil *
proc_at (GolanesMmu *self,
         gint64      p)
{
  ProcUtil *pu;

  if (p < 0 || p >= (gint64) self->n_procs)
    return NULL;
  if (p < (gint64) self->procs->len)
    return &g_array_index (self->procs, ProcUtil, p);
  pu = g_tree_lookup (self->sparse_procs, GSIZE_TO_POINTER ((gsize) p));
  if (pu == NULL)
    {
      pu = g_new0 (ProcUtil, 1);   /* series 0: not per P here */
      g_tree_insert (self->sparse_procs, GSIZE_TO_POINTER ((gsize) p), pu);
    }
  return pu;
}

/* Changes a P's GC count, counting the Ps with work. */
static void
proc_gc_add (GolanesMmu *self,
             ProcUtil   *p,
             int         delta)
{
  gboolean was = p->gc > 0;

  p->gc += delta;
  if (!was && p->gc > 0)
    self->n_gc_procs++;
  else if (was && p->gc <= 0)
    self->n_gc_procs--;
}

/* Forgets the Ps from self->n_procs up, in time proportional to them. */
static void
drop_sparse_procs (GolanesMmu *self)
{
  GTreeNode *last;

  while ((last = g_tree_node_last (self->sparse_procs)) != NULL &&
         GPOINTER_TO_SIZE (g_tree_node_key (last)) >= self->n_procs)
    {
      if (((ProcUtil *) g_tree_node_value (last))->gc > 0)
        self->n_gc_procs--;
      g_tree_remove (self->sparse_procs, g_tree_node_key (last));
    }
}

static void
handle_gomaxprocs (GolanesMmu *self,
                   gint64      time,
                   guint64     value)
{
  guint n = (guint) MIN (value, (guint64) G_MAXINT);
  gboolean per_proc = (self->flags & GOLANES_MMU_PER_PROC) != 0;
  guint dense;

  if (per_proc)
    n = MIN (n, MAX_PER_PROC);
  dense = MIN (n, DENSE_PROCS);
  if (self->procs->len > dense)
    {
      for (guint i = dense; i < self->procs->len; i++)
        {
          if (per_proc)
            add_util (out_series (self, g_array_index (self->procs, ProcUtil, i).series),
                      time, 0.0);
          if (g_array_index (self->procs, ProcUtil, i).gc > 0)
            self->n_gc_procs--;
        }
      g_array_set_size (self->procs, dense);
    }
  self->n_procs = n;
  drop_sparse_procs (self);
  while (self->procs->len < dense)
    {
      ProcUtil pu = { 0, 0 };

      if (per_proc || self->out->len == 0)
        {
          GArray *s = g_array_new (FALSE, FALSE, sizeof (GolanesMutatorUtil));
          GolanesMutatorUtil first = { time, 1.0 };

          g_array_append_val (s, first);
          pu.series = self->out->len;
          g_ptr_array_add (self->out, s);
        }
      g_array_append_val (self->procs, pu);
    }
  if (self->procs_changes->len == 0 ||
      g_array_index (self->procs_changes, ProcsChange,
                     self->procs_changes->len - 1).n != (int) n)
    {
      ProcsChange pc = { time, (int) n };
      g_array_append_val (self->procs_changes, pc);
    }
}

/* A range that was already running when the trace started: take away one
 * P's share of utilization from everything recorded so far. */
static void
subtract_active_range (GolanesMmu *self)
{
  GArray *s = out_series (self, 0);
  guint mi = 0, pi = 0;

  while (mi < s->len)
    {
      GolanesMutatorUtil *u = &g_array_index (s, GolanesMutatorUtil, mi);

      if (pi + 1 < self->procs_changes->len &&
          g_array_index (self->procs_changes, ProcsChange, pi + 1).time < u->time)
        {
          pi++;
          continue;
        }
      u->util -= (double) 1 / (double) g_array_index (self->procs_changes,
                                                      ProcsChange, pi).n;
      if (u->util < 0)
        u->util = 0;
      mi++;
    }
}

static gboolean
range_is_gc_stw (GolanesMmu         *self,
                 const GolanesRange *r)
{
  return (self->flags & GOLANES_MMU_STW) != 0 &&
         r->type == GOLANES_RANGE_STW &&
         g_strstr_len (r->detail.data, (gssize) r->detail.len, "GC") != NULL;
}

static gboolean
range_is_assist (GolanesMmu         *self,
                 const GolanesRange *r)
{
  return (self->flags & GOLANES_MMU_ASSIST) != 0 &&
         r->type == GOLANES_RANGE_GC_MARK_ASSIST;
}

static gboolean
range_is_sweep (GolanesMmu         *self,
                const GolanesRange *r)
{
  return (self->flags & GOLANES_MMU_SWEEP) != 0 &&
         r->type == GOLANES_RANGE_GC_SWEEP;
}

static void
handle_range (GolanesMmu         *self,
              const GolanesEvent *event,
              const GolanesRange *r,
              int                 delta)
{
  ProcUtil *p;

  if (range_is_gc_stw (self, r))
    {
      self->stw += delta;
      return;
    }
  if (!range_is_sweep (self, r) && !range_is_assist (self, r))
    return;
  p = proc_at (self, event->proc);
  if (p == NULL)
    return;
  proc_gc_add (self, p, delta);
  if (r->type == GOLANES_RANGE_GC_MARK_ASSIST &&
      r->scope.kind == GOLANES_RESOURCE_GOROUTINE &&
      r->scope.id != GOLANES_NO_ID)
    {
      if (delta > 0)
        set_add (&self->in_assist, r->scope.id);
      else
        golanes_id_map_remove (&self->in_assist, (guint64) r->scope.id);
    }
}

static void
handle_range_active (GolanesMmu         *self,
                     const GolanesEvent *event,
                     const GolanesRange *r)
{
  gboolean fix = FALSE;

  /* After a whole generation, active ranges only repeat what is known. */
  if (self->n_sync > 1)
    return;
  if (range_is_assist (self, r))
    fix = goroutine_executing (self, event->goroutine);
  else if (range_is_sweep (self, r))
    fix = TRUE;
  if (fix && (self->flags & GOLANES_MMU_PER_PROC) == 0)
    subtract_active_range (self);
  handle_range (self, event, r, +1);
}

static void
handle_transition (GolanesMmu                   *self,
                   const GolanesEvent           *event,
                   const GolanesStateTransition *st)
{
  gint64 g = st->resource.id;
  gboolean was, is;

  if (st->resource.kind != GOLANES_RESOURCE_GOROUTINE)
    return;
  was = go_state_executing (st->from);
  is = go_state_executing (st->to);
  if (set_has (&self->in_assist, g) || set_has (&self->bg_mark, g))
    {
      ProcUtil *p = proc_at (self, event->proc);

      if (p != NULL && !was && is)
        proc_gc_add (self, p, +1);
      else if (p != NULL && was && !is)
        proc_gc_add (self, p, -1);
      self->changed = TRUE;
    }
  {
    guint64 *state = golanes_id_map_find (&self->states, (guint64) g);

    /* An unknown goroutine reads as not executing, like one that ended:
     * ended ones are forgotten. */
    if (st->to == GOLANES_GO_NOT_EXIST)
      golanes_id_map_remove (&self->states, (guint64) g);
    else if (state != NULL)
      *state = st->to;
    else
      golanes_id_map_replace (&self->states, (guint64) g, st->to);
  }
}

static void
handle_label (GolanesMmu         *self,
              GolanesTraceReader *reader,
              const GolanesEvent *event)
{
  GolanesStr label;
  ProcUtil *p;

  if ((self->flags & GOLANES_MMU_BACKGROUND) == 0 ||
      !golanes_event_get_label (reader, event, &label))
    return;
  if (label.len < 3 || memcmp (label.data, "GC ", 3) != 0)
    return;
  if (label.len == 9 && memcmp (label.data, "GC (idle)", 9) == 0)
    return;
  /* Per P, dedicated workers do not delay goroutines: they have their P to
   * themselves. */
  if ((self->flags & GOLANES_MMU_PER_PROC) != 0 &&
      label.len == 14 && memcmp (label.data, "GC (dedicated)", 14) == 0)
    return;
  p = proc_at (self, event->proc);
  if (p == NULL)
    return;
  set_add (&self->bg_mark, event->goroutine);
  proc_gc_add (self, p, +1);
}

void
golanes_mmu_feed (GolanesMmu         *self,
                  GolanesTraceReader *reader,
                  const GolanesEvent *event)
{
  g_return_if_fail (!self->finished);

  self->any_event = TRUE;
  self->last_time = event->time;

  switch (event->kind)
    {
    case GOLANES_EVENT_SYNC:
      {
        GolanesSync sync;

        if (golanes_event_get_sync (reader, event, &sync))
          self->n_sync = sync.n;
      }
      break;
    case GOLANES_EVENT_METRIC:
      {
        const char *name;
        guint64 value;

        if (golanes_event_get_metric (event, &name, &value) &&
            strcmp (name, "/sched/gomaxprocs:threads") == 0)
          handle_gomaxprocs (self, event->time, value);
      }
      break;
    default:
      break;
    }

  if (self->n_procs == 0)
    return;

  switch (event->kind)
    {
    case GOLANES_EVENT_STATE_TRANSITION:
      break;
    default:
      self->changed = TRUE;
      break;
    }
  switch (event->kind)
    {
    case GOLANES_EVENT_RANGE_ACTIVE:
    case GOLANES_EVENT_RANGE_BEGIN:
    case GOLANES_EVENT_RANGE_END:
      {
        GolanesRange r;

        if (!golanes_event_get_range (reader, event, &r))
          break;
        if (event->kind == GOLANES_EVENT_RANGE_ACTIVE)
          handle_range_active (self, event, &r);
        else
          handle_range (self, event, &r,
                        event->kind == GOLANES_EVENT_RANGE_BEGIN ? +1 : -1);
      }
      break;
    case GOLANES_EVENT_STATE_TRANSITION:
      {
        GolanesStateTransition st;

        if (golanes_event_get_state_transition (reader, event, &st))
          handle_transition (self, event, &st);
      }
      break;
    case GOLANES_EVENT_LABEL:
      handle_label (self, reader, event);
      break;
    default:
      break;
    }

  if (!self->changed && self->settled)
    return;
  self->changed = FALSE;
  self->settled = TRUE;
  if ((self->flags & GOLANES_MMU_PER_PROC) == 0)
    {
      guint gc_ps = 0;
      double util;

      gc_ps = self->stw > 0 ? self->n_procs : self->n_gc_procs;
      util = 1 - (double) gc_ps / (double) self->n_procs;
      add_util (out_series (self, 0), event->time, util);
      self->settled = series_ends_at (out_series (self, 0), util);
    }
  else
    {
      for (guint i = 0; i < self->procs->len; i++)
        {
          ProcUtil *p = &g_array_index (self->procs, ProcUtil, i);
          double util = (self->stw > 0 || p->gc > 0) ? 0.0 : 1.0;

          add_util (out_series (self, p->series), event->time, util);
          if (!series_ends_at (out_series (self, p->series), util))
            self->settled = FALSE;
        }
    }
}

/* ---- MMU curve ------------------------------------------------------------ */

static double
integrator_advance (Integrator *in,
                    gint64      time)
{
  const GolanesMutatorUtil *util = in->s->util;
  gsize n = in->s->n, pos = in->pos;
  double partial = 0;

  if (pos + 8 < n && util[pos + 8].time > time)
    {
      while (pos + 1 < n && util[pos + 1].time <= time)
        pos++;
    }
  else
    {
      gsize l = pos, r = n;

      while (l < r)
        {
          gsize h = l + (r - l) / 2;

          if (util[h].time <= time)
            l = h + 1;
          else
            r = h;
        }
      pos = l - 1;
    }
  in->pos = pos;
  if (time != util[pos].time)
    partial = util[pos].util * (double) (time - util[pos].time);
  return in->s->sums[pos] + partial;
}

static gint64
integrator_next (const Integrator *in,
                 gint64            time)
{
  for (gsize i = in->pos; i < in->s->n; i++)
    if (in->s->util[i].time > time)
      return in->s->util[i].time;
  return G_MAXINT64;
}

static void
band_time (const Series *s,
           gsize         i,
           gint64       *start,
           gint64       *end)
{
  *start = (gint64) i * s->band_dur + s->util[0].time;
  *end = *start + s->band_dur;
}

static void
series_init (Series *s,
             GArray *util)
{
  GolanesMutatorUtil prev = { 0, 0 };
  double sum = 0;
  gsize n_bands;
  gint64 dur;
  Integrator left;

  s->util = (GolanesMutatorUtil *) (gpointer) util->data;
  s->n = util->len;
  s->sums = g_new (double, s->n);
  for (gsize j = 0; j < s->n; j++)
    {
      sum += prev.util * (double) (s->util[j].time - prev.time);
      s->sums[j] = sum;
      prev = s->util[j];
    }

  n_bands = MIN ((gsize) N_BANDS, s->n);
  dur = s->util[s->n - 1].time - s->util[0].time;
  s->band_dur = (dur + (gint64) n_bands - 1) / (gint64) n_bands;
  if (s->band_dur < 1)
    s->band_dur = 1;
  s->n_bands = n_bands + 1;
  s->bands = g_new (Band, s->n_bands);

  left.s = s;
  left.pos = 0;
  for (gsize i = 0; i < s->n_bands; i++)
    {
      gint64 start, end;
      double cum, minutil = 1.0;

      band_time (s, i, &start, &end);
      cum = integrator_advance (&left, start);
      for (gsize k = left.pos; k < s->n && s->util[k].time < end; k++)
        if (s->util[k].util < minutil)
          minutil = s->util[k].util;
      s->bands[i].minutil = minutil;
      s->bands[i].cumutil = cum;
      s->bands[i].pos = left.pos;
    }
}

void
golanes_mmu_finish (GolanesMmu *self)
{
  if (self->finished)
    return;
  self->finished = TRUE;
  if (!self->any_event)
    {
      g_ptr_array_set_size (self->out, 0);
      return;
    }
  /* Every P ends at 0; without GOLANES_MMU_PER_PROC they share series 0. */
  for (guint i = 0; i < self->procs->len; i++)
    add_util (out_series (self, g_array_index (self->procs, ProcUtil, i).series),
              self->last_time, 0.0);

  self->n_series = self->out->len;
  self->series = g_new0 (Series, MAX (self->n_series, 1));
  for (guint i = 0; i < self->n_series; i++)
    series_init (&self->series[i], out_series (self, i));
}

guint
golanes_mmu_get_n_series (GolanesMmu *self)
{
  return self->out->len;
}

const GolanesMutatorUtil *
golanes_mmu_get_series (GolanesMmu *self,
                        guint       index,
                        gsize      *n_points)
{
  GArray *s;

  g_return_val_if_fail (index < self->out->len, NULL);
  s = out_series (self, index);
  if (n_points != NULL)
    *n_points = s->len;
  return (const GolanesMutatorUtil *) (gpointer) s->data;
}

/* Min-heap of band bounds, with the sift rules of Go's container/heap so
 * that bands of equal bound come out in the same order. */
static void
bands_down (BandBound *h,
            gsize      i0,
            gsize      n)
{
  gsize i = i0;

  for (;;)
    {
      gsize j1 = 2 * i + 1, j;
      BandBound tmp;

      if (j1 >= n)
        break;
      j = j1;
      if (j1 + 1 < n && h[j1 + 1].bound < h[j1].bound)
        j = j1 + 1;
      if (!(h[j].bound < h[i].bound))
        break;
      tmp = h[i];
      h[i] = h[j];
      h[j] = tmp;
      i = j;
    }
}

/* The worst-window heap keeps the best of the worst on top. */
static gboolean
worst_less (const GolanesUtilWindow *a,
            const GolanesUtilWindow *b)
{
  if (a->mutator_util != b->mutator_util)
    return a->mutator_util > b->mutator_util;
  return a->time > b->time;
}

static void
worst_swap (GArray *h,
            guint   i,
            guint   j)
{
  GolanesUtilWindow *w = (GolanesUtilWindow *) (gpointer) h->data;
  GolanesUtilWindow tmp = w[i];

  w[i] = w[j];
  w[j] = tmp;
}

static gboolean
worst_down (GArray *h,
            guint   i0,
            guint   n)
{
  GolanesUtilWindow *w = (GolanesUtilWindow *) (gpointer) h->data;
  guint i = i0;

  for (;;)
    {
      guint j1 = 2 * i + 1, j;

      if (j1 >= n)
        break;
      j = j1;
      if (j1 + 1 < n && worst_less (&w[j1 + 1], &w[j1]))
        j = j1 + 1;
      if (!worst_less (&w[j], &w[i]))
        break;
      worst_swap (h, i, j);
      i = j;
    }
  return i > i0;
}

static void
worst_up (GArray *h,
          guint   j)
{
  GolanesUtilWindow *w = (GolanesUtilWindow *) (gpointer) h->data;

  while (j > 0)
    {
      guint i = (j - 1) / 2;

      if (!worst_less (&w[j], &w[i]))
        break;
      worst_swap (h, i, j);
      j = i;
    }
}

static void
worst_push (GArray                  *h,
            const GolanesUtilWindow *w)
{
  g_array_append_val (h, *w);
  worst_up (h, h->len - 1);
}

static void
worst_pop (GArray *h)
{
  guint n = h->len - 1;

  worst_swap (h, 0, n);
  worst_down (h, 0, n);
  g_array_set_size (h, n);
}

static void
worst_remove (GArray *h,
              guint   i)
{
  guint n = h->len - 1;

  if (n != i)
    {
      worst_swap (h, i, n);
      if (!worst_down (h, i, n))
        worst_up (h, i);
    }
  g_array_set_size (h, n);
}

/* Records the windowed utilization @mu at @time; TRUE when nothing more can
 * change the result. */
static gboolean
acc_add (Accumulator *acc,
         gint64       time,
         double       mu,
         gint64       window)
{
  GolanesUtilWindow *w;

  if (mu < acc->mmu)
    acc->mmu = mu;
  acc->bound = acc->mmu;

  if (acc->n_worst == 0)
    return mu == 0;

  w = (GolanesUtilWindow *) (gpointer) acc->worst->data;
  if (acc->worst->len < acc->n_worst || mu < w[0].mutator_util)
    {
      gboolean keep = FALSE;

      for (guint i = 0; i < acc->worst->len; i++)
        {
          const GolanesUtilWindow *ui = &w[i];

          if (time + window > ui->time && ui->time + window > time)
            {
              if (ui->mutator_util <= mu)
                keep = TRUE;
              else
                worst_remove (acc->worst, i);
              break;
            }
        }
      if (!keep)
        {
          GolanesUtilWindow nw = { time, mu };

          worst_push (acc->worst, &nw);
          if (acc->worst->len > acc->n_worst)
            worst_pop (acc->worst);
        }
    }

  w = (GolanesUtilWindow *) (gpointer) acc->worst->data;
  if (acc->worst->len < acc->n_worst)
    acc->bound = 1.0;
  else if (w[0].mutator_util > acc->bound)
    acc->bound = w[0].mutator_util;

  return acc->worst->len == acc->n_worst && w[0].mutator_util == 0;
}

static void
band_mmu (const Series *s,
          gsize         band,
          gint64        window,
          Accumulator  *acc)
{
  Integrator left, right;
  gint64 time, end_time, util_end;

  left.s = s;
  left.pos = s->bands[band].pos;
  right = left;
  band_time (s, band, &time, &end_time);
  util_end = s->util[s->n - 1].time - window;
  if (util_end < end_time)
    end_time = util_end;

  for (;;)
    {
      double r = integrator_advance (&right, time + window);
      double l = integrator_advance (&left, time);
      double mu = (r - l) / (double) window;
      gint64 min_time, t1, t2;

      if (acc_add (acc, time, mu, window))
        break;
      if (time == end_time)
        break;

      /* The windowed utilization changes by at most 1/window per ns. */
      min_time = time + (gint64) ((mu - acc->bound) * (double) window);

      t1 = integrator_next (&left, time);
      t2 = integrator_next (&right, time + window) - window;
      time = t1 < t2 ? t1 : t2;
      if (time < min_time)
        time = min_time;
      if (time >= end_time)
        time = end_time;
    }
}

/* Lower bounds of the utilization of the windows starting in each band. */
static void
series_band_bounds (const Series *s,
                    guint         index,
                    gint64        window,
                    GArray       *out)
{
  gint64 min_bands = (window + s->band_dur - 1) / s->band_dur;
  gint64 max_bands = (window + 2 * (s->band_dur - 1)) / s->band_dur;
  gint64 tail = window % s->band_dur;
  gint64 n_util = (gint64) s->n_bands - max_bands + 1;

  if (min_bands < 1 || max_bands < 1)
    return;
  for (gint64 i = 0; i < n_util; i++)
    {
      double total = 0;
      double l = s->bands[i].minutil;
      double r1 = s->bands[i + min_bands - 1].minutil;
      double r2 = s->bands[i + max_bands - 1].minutil;
      double lo = l < (r1 < r2 ? r1 : r2) ? l : (r1 < r2 ? r1 : r2);
      BandBound bb;

      if (min_bands == 1)
        total += lo * (double) window;
      else
        {
          double mid = 0.0;

          total += lo * (double) s->band_dur;
          if (lo == l)
            mid = r1 < r2 ? r1 : r2;
          else if (lo == r1)
            mid = l < r2 ? l : r2;
          else if (lo == r2)
            mid = l < r1 ? l : r1;
          total += mid * (double) tail;
        }
      if (min_bands > 2)
        total += s->bands[i + min_bands - 1].cumutil - s->bands[i + 1].cumutil;

      bb.series = index;
      bb.band = (gsize) i;
      bb.bound = total / (double) window;
      g_array_append_val (out, bb);
    }
}

static void
curve_mmu (GolanesMmu  *self,
           gint64       window,
           Accumulator *acc)
{
  g_autoptr(GArray) bounds = NULL;
  g_autofree gint64 *windows = NULL;
  BandBound *h;
  gsize n;

  if (window <= 0)
    {
      acc->mmu = 0;
      return;
    }

  bounds = g_array_new (FALSE, FALSE, sizeof (BandBound));
  windows = g_new (gint64, MAX (self->n_series, 1));
  for (guint i = 0; i < self->n_series; i++)
    {
      const Series *s = &self->series[i];
      gint64 span = s->util[s->n - 1].time - s->util[0].time;

      windows[i] = window > span ? span : window;
      /* A series without extent has no window (the reference fails). */
      if (windows[i] > 0)
        series_band_bounds (s, i, windows[i], bounds);
    }

  h = (BandBound *) (gpointer) bounds->data;
  n = bounds->len;
  if (n > 1)
    for (gsize i = n / 2; i-- > 0;)
      bands_down (h, i, n);

  while (n > 0 && h[0].bound < acc->bound)
    {
      band_mmu (&self->series[h[0].series], h[0].band, windows[h[0].series], acc);
      n--;
      {
        BandBound tmp = h[0];
        h[0] = h[n];
        h[n] = tmp;
      }
      bands_down (h, 0, n);
    }
}

double
golanes_mmu_get_mmu (GolanesMmu *self,
                     gint64      window)
{
  Accumulator acc = { 1.0, 1.0, 0, NULL };

  g_return_val_if_fail (self->finished, 0.0);
  curve_mmu (self, window, &acc);
  return acc.mmu;
}

static int
compare_worst (gconstpointer a,
               gconstpointer b)
{
  const GolanesUtilWindow *x = a, *y = b;

  /* lowest utilization first, then earliest */
  if (worst_less (x, y))
    return 1;
  if (worst_less (y, x))
    return -1;
  return 0;
}

guint
golanes_mmu_get_worst_windows (GolanesMmu        *self,
                               gint64             window,
                               guint              n,
                               GolanesUtilWindow *out)
{
  Accumulator acc = { 1.0, 1.0, n, NULL };
  guint len;

  g_return_val_if_fail (self->finished, 0);
  if (n == 0)
    return 0;
  acc.worst = g_array_new (FALSE, FALSE, sizeof (GolanesUtilWindow));
  curve_mmu (self, window, &acc);
  if (acc.worst->len > 1)
    qsort (acc.worst->data, acc.worst->len, sizeof (GolanesUtilWindow), compare_worst);
  len = MIN (acc.worst->len, n);
  if (len > 0)
    memcpy (out, acc.worst->data, len * sizeof (GolanesUtilWindow));
  g_array_unref (acc.worst);
  return len;
}

static gboolean
make_plot (GolanesMmu *self,
           gint64     *x_min,
           gint64     *x_max,
           gint64      windows[GOLANES_MMU_PLOT_SAMPLES],
           double      mmu[GOLANES_MMU_PLOT_SAMPLES])
{
  gint64 lo, hi, first, last;
  double log_min, log_max;

  if (self->n_series == 0)
    return FALSE;

  lo = G_GINT64_CONSTANT (1000000000);
  while (lo > 1)
    {
      if (golanes_mmu_get_mmu (self, lo) < 0.0001)
        break;
      lo /= 1000;
    }
  hi = lo * 1000000;
  first = self->series[0].util[0].time;
  last = self->series[0].util[self->series[0].n - 1].time;
  for (guint i = 1; i < self->n_series; i++)
    {
      const Series *s = &self->series[i];

      if (s->util[0].time < first)
        first = s->util[0].time;
      if (s->util[s->n - 1].time > last)
        last = s->util[s->n - 1].time;
    }
  if (hi > last - first)
    hi = last - first;
  /* A trace of no duration (or whose P series end before they start, as
   * a broken one can): one window size, not the logarithm of 0. */
  if (hi < lo)
    hi = lo;

  log_min = golanes_go_log ((double) lo);
  log_max = golanes_go_log ((double) hi);
  for (int i = 0; i < GOLANES_MMU_PLOT_SAMPLES; i++)
    {
      double e = (double) i / (double) (GOLANES_MMU_PLOT_SAMPLES - 1) * (log_max - log_min) + log_min;

      windows[i] = (gint64) golanes_go_exp (e);
      mmu[i] = golanes_mmu_get_mmu (self, windows[i]);
    }
  *x_min = lo;
  *x_max = hi;
  return TRUE;
}

gboolean
golanes_mmu_get_plot (GolanesMmu *self,
                      gint64     *x_min,
                      gint64     *x_max,
                      gint64      windows[GOLANES_MMU_PLOT_SAMPLES],
                      double      mmu[GOLANES_MMU_PLOT_SAMPLES])
{
  g_return_val_if_fail (self->finished, FALSE);
  if (!self->plot_made)
    {
      self->plot_ok = make_plot (self, &self->plot_x_min, &self->plot_x_max,
                                 self->plot_windows, self->plot_mmu);
      self->plot_made = TRUE;
    }
  if (!self->plot_ok)
    return FALSE;
  *x_min = self->plot_x_min;
  *x_max = self->plot_x_max;
  memcpy (windows, self->plot_windows, sizeof self->plot_windows);
  memcpy (mmu, self->plot_mmu, sizeof self->plot_mmu);
  return TRUE;
}
