/* golanes-timeline-prefetch.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-timeline-render"

#include "config.h"

#include "golanes-timeline-render-private.h"

/* Prefetching.  At overview zoom the LOD queries are most of a frame's
 * work, and they only read finished tracks, so the visible lanes' queries
 * run first, spread over a few worker threads and the calling thread; the
 * drawing that follows stays on the calling thread (snapshots are not
 * thread-safe).  Every thread takes the next unclaimed query until none is
 * left, and the caller waits for the workers it woke. */

/* The level-of-detail items of @track in the frame's window, in f->items.
 * Lanes query their tracks in the order prefetch_collect() lists them, so
 * the answer is usually already there. */
/* While the trace streams in, a track's last span may still be open (its
 * end not read yet): it is drawn up to the loaded end, not as the sliver
 * a query gives it. */
void
_golanes_lod_extend_open (GArray                            *items,
                          GolanesTrack                      *track,
                          const GolanesTimelineRenderParams *p,
                          double                             ns_per_px,
                          int                                n_cols)
{
  gint64 loaded = p->loaded_end, start;
  guint n;
  GolanesLodItem *last = items->len > 0 ? &g_array_index (items, GolanesLodItem, items->len - 1) : NULL;
  gint64 x1, x0;

  if (track == NULL || p->loaded_end <= 0 ||
      golanes_timeline_is_finished (golanes_document_get_timeline (p->document)))
    return;
  n = golanes_track_get_n_spans (track);
  if (n == 0 || !golanes_track_is_open (track))
    return;
  start = golanes_track_get_start (track, n - 1);
  if (start >= p->end || loaded <= p->start || loaded <= start)
    return;
  x1 = CLAMP (golanes_lod_column (p->start, ns_per_px, loaded), 0, n_cols);
  x0 = CLAMP (golanes_lod_column (p->start, ns_per_px, start), 0, n_cols);
  if (last != NULL && last->first + last->count == n)
    {
      if (last->count == 1)
        {
          last->end = MAX (last->end, loaded);
          last->x1 = MAX (last->x1, (gint32) x1);
          return;
        }
      /* Merged with the narrow spans before it: it goes on alone. */
      last->count--;
      x0 = MAX (x0, last->x1);
    }
  if (x1 > x0)
    {
      GolanesLodItem item = { 0, };

      item.start = start;
      item.end = loaded;
      item.first = n - 1;
      item.count = 1;
      item.x0 = (gint32) x0;
      item.x1 = (gint32) x1;
      item.state = golanes_track_get_state (track, n - 1);
      g_array_append_val (items, item);
    }
}

guint
_golanes_frame_query (Frame        *f,
                      GolanesTrack *track)
{
  g_array_set_size (f->items, 0);
  if (track == NULL)
    return 0;
  if (f->next_prefetch < f->n_prefetch && f->prefetch[f->next_prefetch].track == track)
    {
      Prefetch *pf = &f->prefetch[f->next_prefetch++];
      GArray *swap = f->items;

      f->items = pf->items;
      pf->items = swap;
    }
  else
    {
      golanes_track_query_lod (track, f->p->start, f->p->end, f->ns_per_px, f->items);
    }
  _golanes_lod_extend_open (f->items, track, f->p, f->ns_per_px, f->n_cols);
  return f->items->len;
}

#define MAX_PREFETCH_WORKERS 3

/* The counts lane's columns are sampled in this many pieces. */
#define COUNT_CHUNKS 8

typedef struct
{
  const Frame *f;
  Prefetch    *queries;
  guint        n_queries;
  guint        n;         /* queries, then count chunks */
  gint         next;      /* atomic: the next piece of work to claim */
  guint        pending;   /* workers not yet done, under mutex */
  GMutex       mutex;
  GCond        cond;
} PrefetchJob;

static void
prefetch_drain (PrefetchJob *job)
{
  for (;;)
    {
      guint i = (guint) g_atomic_int_add (&job->next, 1);

      if (i >= job->n)
        return;
      if (i < job->n_queries)
        golanes_track_query_lod (job->queries[i].track, job->f->p->start, job->f->p->end,
                                 job->f->ns_per_px, job->queries[i].items);
      else
        {
          int n_cols = job->f->n_cols;
          guint k = i - job->n_queries;

          _golanes_frame_sample_counts (job->f, job->f->count_cols,
                                        (int) ((gint64) n_cols * k / COUNT_CHUNKS),
                                        (int) ((gint64) n_cols * (k + 1) / COUNT_CHUNKS));
        }
    }
}

static void
prefetch_worker (gpointer data,
                 gpointer user_data G_GNUC_UNUSED)
{
  PrefetchJob *job = data;

  prefetch_drain (job);
  g_mutex_lock (&job->mutex);
  if (--job->pending == 0)
    g_cond_signal (&job->cond);
  g_mutex_unlock (&job->mutex);
}

static GThreadPool *
prefetch_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    {
      int workers = MIN ((int) g_get_num_processors () - 1, MAX_PREFETCH_WORKERS);
      GThreadPool *created = NULL;

      if (workers > 0)
        created = g_thread_pool_new (prefetch_worker, NULL, workers, FALSE, NULL);
      /* g_once_init_leave() needs a non-NULL value: a sentinel for none. */
      g_once_init_leave (&pool, created != NULL ? created : (GThreadPool *) &pool);
    }
  return pool == (GThreadPool *) &pool ? NULL : pool;
}

void
_golanes_prefetch_add (GArray       *list,
                       GolanesTrack *track)
{
  Prefetch pf;

  if (track == NULL)
    return;
  pf.track = track;
  pf.items = g_array_new (FALSE, FALSE, sizeof (GolanesLodItem));
  g_array_append_val (list, pf);
}

/* The tracks the lanes [first, last) query, in the order they query them;
 * and the counts lane's columns if it is among them.  Each lane's painter
 * lists its own. */
static void
prefetch_collect (Frame  *f,
                  guint   first,
                  guint   last,
                  GArray *list)
{
  for (guint i = first; i < last; i++)
    {
      GolanesLane lane = golanes_timeline_layout_get_lane (f->p->layout, i);
      const GolanesLanePainter *painter = _golanes_lane_painter (lane.kind);

      if (painter != NULL && painter->prefetch != NULL)
        painter->prefetch (f, &lane, list);
    }
}

/* Runs the queries of the lanes [first, last) for _golanes_frame_query()
 * to find, and samples the goroutine counts into f->count_cols. */
void
_golanes_frame_prefetch (Frame *f,
                         guint  first,
                         guint  last)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (Prefetch));
  GThreadPool *pool;
  PrefetchJob job = { 0, };
  guint woken = 0;

  prefetch_collect (f, first, last, list);
  f->n_prefetch = list->len;
  f->next_prefetch = 0;
  f->prefetch = (Prefetch *) (gpointer) g_array_free (list, FALSE);

  job.f = f;
  job.queries = f->prefetch;
  job.n_queries = f->n_prefetch;
  job.n = job.n_queries + (f->count_cols != NULL ? COUNT_CHUNKS : 0);
  if (job.n == 0)
    return;
  g_mutex_init (&job.mutex);
  g_cond_init (&job.cond);

  pool = job.n > 1 ? prefetch_pool () : NULL;
  if (pool != NULL)
    {
      woken = MIN ((guint) g_thread_pool_get_max_threads (pool), job.n - 1);
      job.pending = woken;
      for (guint i = 0; i < woken; i++)
        g_thread_pool_push (pool, &job, NULL);
    }

  prefetch_drain (&job);

  g_mutex_lock (&job.mutex);
  while (job.pending > 0)
    g_cond_wait (&job.cond, &job.mutex);
  g_mutex_unlock (&job.mutex);
  g_mutex_clear (&job.mutex);
  g_cond_clear (&job.cond);
}

void
_golanes_frame_prefetch_free (Frame *f)
{
  for (guint i = 0; i < f->n_prefetch; i++)
    g_array_unref (f->prefetch[i].items);
  g_clear_pointer (&f->prefetch, g_free);
  g_clear_pointer (&f->count_cols, g_free);
  f->n_prefetch = 0;
  f->next_prefetch = 0;
}

