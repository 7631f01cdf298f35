/* model-digest.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A SHA-256 of everything a finished timeline model holds, read through
 * its public getters field by field (never struct bytes, whose padding is
 * not data): two models with the same digest are the same model.  Tests
 * use it to compare models built different ways from one trace.
 */

#pragma once

#include <string.h>

#include <glib.h>

#include "golanes-stack-table.h"
#include "golanes-timeline.h"

typedef struct
{
  GChecksum *sum;
  guint64    n_values;
} ModelDigest;

static inline void
digest_i64 (ModelDigest *d,
            gint64       v)
{
  g_checksum_update (d->sum, (const guchar *) &v, sizeof v);
  d->n_values++;
}

static inline void
digest_str (ModelDigest *d,
            const char  *s)
{
  digest_i64 (d, s != NULL ? (gint64) strlen (s) : -1);
  if (s != NULL)
    g_checksum_update (d->sum, (const guchar *) s, strlen (s));
}

static inline void
digest_track (ModelDigest       *d,
              GolanesTimeline   *tl,
              GolanesTrack      *track)
{
  guint n;

  if (track == NULL)
    {
      digest_i64 (d, -1);
      return;
    }
  n = golanes_track_get_n_spans (track);
  digest_i64 (d, n);
  digest_i64 (d, golanes_track_is_open (track));
  for (guint i = 0; i < n; i++)
    {
      GolanesSpan s;

      golanes_track_get_span (track, i, &s);
      digest_i64 (d, s.start);
      digest_i64 (d, s.end);
      digest_i64 (d, s.arg);
      digest_i64 (d, s.state);
      digest_i64 (d, s.flags);
      digest_str (d, golanes_timeline_get_reason (tl, s.reason));
    }
}

static inline void
digest_string_id (ModelDigest       *d,
                  GolanesStackTable *stacks,
                  guint32            id)
{
  gsize len = 0;
  const char *s = golanes_stack_table_get_string (stacks, id, &len);

  digest_i64 (d, (gint64) len);
  if (s != NULL)
    g_checksum_update (d->sum, (const guchar *) s, len);
}

static inline void
digest_stack_id (ModelDigest       *d,
                 GolanesStackTable *stacks,
                 guint32            id)
{
  guint n = 0;
  const GolanesFrame *f = golanes_stack_table_get_frames (stacks, id, &n);

  digest_i64 (d, n);
  for (guint i = 0; f != NULL && i < n; i++)
    {
      digest_i64 (d, (gint64) f[i].pc);
      digest_string_id (d, stacks, f[i].func);
      digest_string_id (d, stacks, f[i].file);
      digest_i64 (d, f[i].line);
    }
}

/* Returns the hex digest; *n_values (if not NULL) counts what went in. */
static inline char *
model_digest (GolanesTimeline *tl,
              guint64         *n_values)
{
  ModelDigest d = { g_checksum_new (G_CHECKSUM_SHA256), 0 };
  GolanesStackTable *stacks = golanes_timeline_get_stack_table (tl);
  char *hex;

  digest_i64 (&d, golanes_timeline_is_finished (tl));
  digest_i64 (&d, golanes_timeline_get_start_time (tl));
  digest_i64 (&d, golanes_timeline_get_end_time (tl));
  digest_i64 (&d, (gint64) golanes_timeline_get_n_events (tl));
  digest_i64 (&d, (gint64) golanes_timeline_get_n_spans (tl));

  digest_i64 (&d, golanes_timeline_get_n_goroutines (tl));
  digest_i64 (&d, golanes_timeline_get_n_compact_goroutines (tl));
  for (guint i = 0; i < golanes_timeline_get_n_goroutines (tl); i++)
    {
      GolanesTimelineGoroutine g;
      g_autofree char *func = golanes_timeline_dup_goroutine_function (tl, i);
      guint levels = golanes_timeline_get_goroutine_n_region_levels (tl, i);

      g_assert_true (golanes_timeline_get_goroutine (tl, i, &g));
      digest_i64 (&d, g.id);
      digest_i64 (&d, g.parent);
      digest_i64 (&d, g.created);
      digest_i64 (&d, g.ended);
      digest_string_id (&d, stacks, g.start_func);
      digest_stack_id (&d, stacks, g.creation_stack);
      digest_i64 (&d, g.flags);
      digest_str (&d, func);
      digest_track (&d, tl, golanes_timeline_get_goroutine_states (tl, i));
      digest_track (&d, tl, golanes_timeline_get_goroutine_assists (tl, i));
      digest_i64 (&d, levels);
      for (guint l = 0; l < levels; l++)
        digest_track (&d, tl, golanes_timeline_get_goroutine_region_level (tl, i, l));
    }

  digest_i64 (&d, golanes_timeline_get_n_procs (tl));
  for (guint i = 0; i < golanes_timeline_get_n_procs (tl); i++)
    {
      const GolanesTimelineProc *p = golanes_timeline_get_proc (tl, i);

      digest_i64 (&d, p->id);
      digest_track (&d, tl, p->goroutines);
      digest_track (&d, tl, p->states);
      digest_track (&d, tl, p->sweeps);
    }
  digest_i64 (&d, golanes_timeline_get_n_threads (tl));
  for (guint i = 0; i < golanes_timeline_get_n_threads (tl); i++)
    {
      const GolanesTimelineThread *t = golanes_timeline_get_thread (tl, i);

      digest_i64 (&d, t->id);
      digest_track (&d, tl, t->goroutines);
    }

  digest_i64 (&d, golanes_timeline_get_n_ranges (tl));
  for (guint i = 0; i < golanes_timeline_get_n_ranges (tl); i++)
    {
      const GolanesTimelineRange *r = golanes_timeline_get_range (tl, i);

      digest_i64 (&d, r->start);
      digest_i64 (&d, r->end);
      digest_i64 (&d, r->scope);
      digest_i64 (&d, (gint64) r->swept);
      digest_i64 (&d, (gint64) r->reclaimed);
      digest_str (&d, golanes_timeline_get_reason (tl, r->reason));
      digest_i64 (&d, r->kind);
      digest_i64 (&d, r->flags);
    }
  digest_track (&d, tl, golanes_timeline_get_gc_track (tl));
  digest_track (&d, tl, golanes_timeline_get_stw_track (tl));

  for (guint k = 0; k < GOLANES_N_SERIES; k++)
    {
      guint n = 0;
      const GolanesSeriesPoint *pts = golanes_timeline_get_series (tl, k, &n);

      digest_i64 (&d, n);
      for (guint i = 0; i < n; i++)
        {
          digest_i64 (&d, pts[i].time);
          digest_i64 (&d, (gint64) pts[i].value);
        }
    }
  digest_i64 (&d, golanes_timeline_get_n_count_points (tl));
  for (guint i = 0; i < golanes_timeline_get_n_count_points (tl); i++)
    {
      GolanesGoroutineCounts c;

      golanes_timeline_get_count_point (tl, i, &c);
      digest_i64 (&d, c.time);
      digest_i64 (&d, c.running);
      digest_i64 (&d, c.runnable);
      digest_i64 (&d, c.waiting);
      digest_i64 (&d, c.syscall);
    }

  digest_i64 (&d, golanes_timeline_get_n_tasks (tl));
  for (guint i = 0; i < golanes_timeline_get_n_tasks (tl); i++)
    {
      GolanesTimelineTask t_copy;
      const GolanesTimelineTask *t = golanes_timeline_get_task (tl, i, &t_copy) ? &t_copy : NULL;

      digest_i64 (&d, (gint64) t->id);
      digest_i64 (&d, (gint64) t->parent);
      digest_i64 (&d, t->parent_index);
      digest_string_id (&d, stacks, t->type);
      digest_i64 (&d, t->start);
      digest_i64 (&d, t->end);
      digest_i64 (&d, t->start_goroutine);
      digest_i64 (&d, t->end_goroutine);
      digest_i64 (&d, t->row);
      digest_i64 (&d, t->flags);
    }
  digest_i64 (&d, golanes_timeline_get_n_task_rows (tl));
  for (guint i = 0; i < golanes_timeline_get_n_task_rows (tl); i++)
    digest_track (&d, tl, golanes_timeline_get_task_row (tl, i));
  digest_i64 (&d, golanes_timeline_get_n_regions (tl));
  for (guint i = 0; i < golanes_timeline_get_n_regions (tl); i++)
    {
      GolanesTimelineRegion r_copy;
      const GolanesTimelineRegion *r = golanes_timeline_get_region (tl, i, &r_copy) ? &r_copy : NULL;

      digest_i64 (&d, r->start);
      digest_i64 (&d, r->end);
      digest_i64 (&d, (gint64) r->task);
      digest_i64 (&d, r->goroutine);
      digest_string_id (&d, stacks, r->type);
      digest_stack_id (&d, stacks, r->stack);
      digest_i64 (&d, r->level);
      digest_i64 (&d, r->flags);
    }
  digest_i64 (&d, golanes_timeline_get_n_logs (tl));
  for (guint i = 0; i < golanes_timeline_get_n_logs (tl); i++)
    {
      GolanesTimelineLog l_copy;
      const GolanesTimelineLog *l = golanes_timeline_get_log (tl, i, &l_copy) ? &l_copy : NULL;

      digest_i64 (&d, l->time);
      digest_i64 (&d, l->goroutine);
      digest_i64 (&d, (gint64) l->task);
      digest_string_id (&d, stacks, l->category);
      digest_string_id (&d, stacks, l->message);
      digest_stack_id (&d, stacks, l->stack);
    }
  digest_i64 (&d, golanes_timeline_get_n_samples (tl));
  for (guint i = 0; i < golanes_timeline_get_n_samples (tl); i++)
    {
      const GolanesTimelineSample *s = golanes_timeline_get_sample (tl, i);

      digest_i64 (&d, s->time);
      digest_i64 (&d, s->goroutine);
      digest_i64 (&d, s->thread);
      digest_i64 (&d, s->proc);
      digest_stack_id (&d, stacks, s->stack);
    }
  /* The interned stacks themselves, in the order they were made. */
  digest_i64 (&d, golanes_stack_table_get_n_stacks (stacks));
  for (guint i = 0; i < golanes_stack_table_get_n_stacks (stacks); i++)
    digest_stack_id (&d, stacks, i);

  if (n_values != NULL)
    *n_values = d.n_values;
  hex = g_strdup (g_checksum_get_string (d.sum));
  g_checksum_free (d.sum);
  return hex;
}
