/* golanes-blocking.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "golanes-blocking.h"
#include "golanes-trace-private.h"

/* A closed interval whose goroutine had not run yet when it closed: its
 * share depends on whether the goroutine ever runs, known only at the end. */
typedef struct
{
  gint64  start;
  gint64  end;
  guint32 stack;
  guint32 reason;
} Pending;

typedef struct
{
  gint64   id;
  /* What the goroutine summary knows of this goroutine: its lifetime. */
  gboolean in_summary;
  guint32  name;            /* string id, 0 while unnamed */
  gint64   start_time;      /* 0: never ran */
  gint64   end_time;        /* 0: never ended */
  /* The open interval in the tracked state, if any. */
  gboolean tracking;
  gint64   track_start;
  guint32  track_stack;
  guint32  track_reason;
  GArray  *pending;         /* Pending, or NULL */
  /* What was charged to this goroutine. */
  guint64  count;
  gint64   delay;
} GoState;

typedef struct
{
  guint32 key;              /* stack id or string id */
  guint64 count;
  gint64  delay;
  gint64  last_end;         /* end of the latest interval charged */
} Acc;

struct _GolanesBlocking
{
  GolanesBlockingKind kind;
  GolanesStackTable  *stacks;
  gboolean            own_stacks;
  GHashTable         *goroutines;    /* &GoState.id -> GoState; its order is the finish order */
  GolanesIdMap        by_id;         /* the same, for look-ups while feeding */
  GArray             *by_stack;      /* Acc */
  GArray             *stack_index;   /* guint32 by stack id: index + 1, or 0 */
  GArray             *by_reason;     /* Acc */
  GArray             *reason_index;  /* guint32 by string id: index + 1, or 0 */
  /* The last reason string seen, valid within a generation. */
  const char         *reason_data;
  gsize               reason_len;
  guint32             reason_id;
  gboolean            reason_accepted;
  gint64              last_time;
  gboolean            finished;

  GArray             *records;       /* GolanesBlockingRecord */
  GArray             *reasons;       /* GolanesBlockingGroup */
  GArray             *groups;        /* GolanesBlockingGroup */
  GStringChunk       *names;         /* copies of the group names */
  guint64             total_count;
  gint64              total_delay;
};

static const char * const kind_names[] = { "sync", "net", "syscall", "sched" };

gboolean
golanes_blocking_kind_from_string (const char          *str,
                                   GolanesBlockingKind *kind)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (str, kind_names[i]) == 0)
      {
        *kind = (GolanesBlockingKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
golanes_blocking_kind_to_string (GolanesBlockingKind kind)
{
  if ((guint) kind < G_N_ELEMENTS (kind_names))
    return kind_names[kind];
  return NULL;
}

static void
go_state_free (gpointer data)
{
  GoState *g = data;

  if (g->pending != NULL)
    g_array_unref (g->pending);
  g_free (g);
}

GolanesBlocking *
golanes_blocking_new (GolanesBlockingKind  kind,
                      GolanesStackTable   *stacks)
{
  GolanesBlocking *self = g_new0 (GolanesBlocking, 1);

  self->kind = kind;
  self->own_stacks = stacks == NULL;
  self->stacks = stacks != NULL ? stacks : golanes_stack_table_new ();
  self->goroutines = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, go_state_free);
  self->by_stack = g_array_new (FALSE, FALSE, sizeof (Acc));
  golanes_id_map_init (&self->by_id);
  self->stack_index = g_array_new (FALSE, TRUE, sizeof (guint32));
  self->by_reason = g_array_new (FALSE, FALSE, sizeof (Acc));
  self->reason_index = g_array_new (FALSE, TRUE, sizeof (guint32));
  self->records = g_array_new (FALSE, FALSE, sizeof (GolanesBlockingRecord));
  self->reasons = g_array_new (FALSE, FALSE, sizeof (GolanesBlockingGroup));
  self->groups = g_array_new (FALSE, FALSE, sizeof (GolanesBlockingGroup));
  self->names = g_string_chunk_new (256);
  return self;
}

void
golanes_blocking_free (GolanesBlocking *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->goroutines);
  g_array_unref (self->by_stack);
  golanes_id_map_clear (&self->by_id);
  g_array_unref (self->stack_index);
  g_array_unref (self->by_reason);
  g_array_unref (self->reason_index);
  g_array_unref (self->records);
  g_array_unref (self->reasons);
  g_array_unref (self->groups);
  g_string_chunk_free (self->names);
  if (self->own_stacks)
    golanes_stack_table_free (self->stacks);
  g_free (self);
}

static gboolean
str_contains (GolanesStr  s,
              const char *needle)
{
  gsize n = strlen (needle);
  gsize i;

  for (i = 0; i + n <= s.len; i++)
    if (memcmp (s.data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
str_equal (GolanesStr  s,
           const char *lit)
{
  gsize n = strlen (lit);

  return s.len == n && memcmp (s.data, lit, n) == 0;
}

static gboolean
accepts (GolanesBlockingKind kind,
         guint               to,
         GolanesStr          reason)
{
  switch (kind)
    {
    case GOLANES_BLOCKING_SYNC:
      return to == GOLANES_GO_WAITING &&
             (str_contains (reason, "chan") || str_contains (reason, "sync") ||
              str_contains (reason, "select"));
    case GOLANES_BLOCKING_NET:
      return to == GOLANES_GO_WAITING && str_equal (reason, "network");
    case GOLANES_BLOCKING_SYSCALL:
      return to == GOLANES_GO_SYSCALL;
    case GOLANES_BLOCKING_SCHED:
      return to == GOLANES_GO_RUNNABLE;
    default:
      return FALSE;
    }
}

static guint
target_state (GolanesBlockingKind kind)
{
  switch (kind)
    {
    case GOLANES_BLOCKING_SYSCALL:
      return GOLANES_GO_SYSCALL;
    case GOLANES_BLOCKING_SCHED:
      return GOLANES_GO_RUNNABLE;
    case GOLANES_BLOCKING_SYNC:
    case GOLANES_BLOCKING_NET:
    default:
      return GOLANES_GO_WAITING;
    }
}

/* Keys are ids of the stack table, which are dense. */
static Acc *
acc_lookup (GArray  *arr,
            GArray  *index,
            guint32  key)
{
  Acc acc = { key, 0, 0, 0 };
  guint32 v;

  if (key >= index->len)
    g_array_set_size (index, MAX (key + 1, 2 * index->len));
  v = g_array_index (index, guint32, key);
  if (v != 0)
    return &g_array_index (arr, Acc, v - 1);
  g_array_append_val (arr, acc);
  g_array_index (index, guint32, key) = arr->len;
  return &g_array_index (arr, Acc, arr->len - 1);
}

static void
charge (GolanesBlocking *self,
        GoState         *g,
        guint32          stack,
        guint32          reason,
        gint64           end,
        gint64           delay)
{
  Acc *acc;

  acc = acc_lookup (self->by_stack, self->stack_index, stack);
  acc->count++;
  acc->delay += delay;
  acc->last_end = MAX (acc->last_end, end);
  acc = acc_lookup (self->by_reason, self->reason_index, reason);
  acc->count++;
  acc->delay += delay;
  g->count++;
  g->delay += delay;
}

/* The overlap of [start, end] with the goroutine's window
 * [win_start, win_end], as Go's interval.overlap computes it: intervals
 * that only touch give 0. */
static gint64
overlap (gint64 win_start,
         gint64 win_end,
         gint64 start,
         gint64 end)
{
  if (win_end < start || end < win_start)
    return 0;
  if (win_start < start)
    win_start = start;
  if (win_end > end)
    win_end = end;
  return win_end - win_start;
}

static void
close_interval (GolanesBlocking *self,
                GoState         *g,
                gint64           end)
{
  gint64 d;

  g->tracking = FALSE;
  /* Goroutines the summary never saw have no window: nothing is charged. */
  if (!g->in_summary)
    return;
  if (g->start_time == 0)
    {
      Pending p = { g->track_start, end, g->track_stack, g->track_reason };

      if (g->pending == NULL)
        g->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
      g_array_append_val (g->pending, p);
      return;
    }
  /* The window ends at the goroutine's end, which is never before an
   * interval that closes while it lives, or at the trace end. */
  d = overlap (g->start_time, g->end_time != 0 ? g->end_time : G_MAXINT64,
               g->track_start, end);
  if (d > 0)
    charge (self, g, g->track_stack, g->track_reason, end, d);
}

static guint32
outermost_function (GolanesStackTable  *stacks,
                    GolanesTraceReader *reader,
                    guint64             stack_id)
{
  GolanesStackFrame frames[GOLANES_MAX_STACK_FRAMES];
  int n = golanes_trace_reader_get_stack (reader, stack_id, frames, G_N_ELEMENTS (frames));

  if (n <= 0)
    return 0;
  if (n > (int) G_N_ELEMENTS (frames))
    n = G_N_ELEMENTS (frames);
  return golanes_stack_table_intern_string (stacks, frames[n - 1].func.data,
                                            frames[n - 1].func.len);
}

void
golanes_blocking_feed (GolanesBlocking    *self,
                       GolanesTraceReader *reader,
                       const GolanesEvent *event)
{
  GolanesStateTransition st;
  GoState *g;
  gint64 t = event->time;

  g_return_if_fail (self != NULL && !self->finished);

  self->last_time = t;
  if (event->kind == GOLANES_EVENT_SYNC)
    {
      golanes_stack_table_begin_generation (self->stacks);
      self->reason_data = NULL;
      return;
    }
  if (event->kind != GOLANES_EVENT_STATE_TRANSITION ||
      !golanes_event_get_state_transition (reader, event, &st) ||
      st.resource.kind != GOLANES_RESOURCE_GOROUTINE)
    return;

  {
    guint64 v;

    if (golanes_id_map_lookup (&self->by_id, (guint64) st.resource.id, &v))
      g = (GoState *) (gsize) v;
    else
      {
        g = g_new0 (GoState, 1);
        g->id = st.resource.id;
        g_hash_table_insert (self->goroutines, &g->id, g);
        golanes_id_map_insert (&self->by_id, (guint64) g->id, (guint64) (gsize) g);
      }
  }

  /* The goroutine's lifetime, as the summary records it. */
  if (st.from != st.to)
    {
      if (st.from == GOLANES_GO_UNDETERMINED || st.from == GOLANES_GO_NOT_EXIST)
        {
          /* A new summary replaces any earlier one of this id. */
          g->in_summary = TRUE;
          g->name = 0;
          g->start_time = 0;
          g->end_time = 0;
        }
      if (g->name == 0 && st.has_stack && st.stack != 0)
        g->name = outermost_function (self->stacks, reader, st.stack);
      if (st.to == GOLANES_GO_RUNNING && g->start_time == 0)
        {
          g->start_time = t;
          /* Intervals that closed before it first ran lie outside its
           * window now. */
          if (g->pending != NULL)
            g_array_set_size (g->pending, 0);
        }
      if (st.to == GOLANES_GO_NOT_EXIST ||
          (st.to == GOLANES_GO_WAITING && str_equal (st.reason, "forever")))
        g->end_time = t;
    }

  /* The profile itself looks at every transition, same-state ones too. */
  if (!g->tracking)
    {
      gboolean ok;

      if (st.to != target_state (self->kind))
        return;
      /* The reason strings of a generation stay put, so one look at each
       * run of the same reason is enough. */
      if (st.reason.data != self->reason_data || st.reason.len != self->reason_len)
        {
          self->reason_data = st.reason.data;
          self->reason_len = st.reason.len;
          self->reason_accepted = accepts (self->kind, st.to, st.reason);
          self->reason_id = self->reason_accepted
                            ? golanes_stack_table_intern_string (self->stacks, st.reason.data, st.reason.len)
                            : 0;
        }
      ok = self->reason_accepted;
      if (ok)
        {
          gboolean has_stack;
          guint64 stack_id = golanes_event_get_stack (event, &has_stack);

          g->tracking = TRUE;
          g->track_start = t;
          g->track_stack = has_stack ? golanes_stack_table_intern (self->stacks, reader, stack_id) : 0;
          g->track_reason = self->reason_id;
        }
      return;
    }
  if (st.to == target_state (self->kind))
    return;
  close_interval (self, g, t);
}

static int
compare_records (gconstpointer a,
                 gconstpointer b)
{
  const GolanesBlockingRecord *x = a, *y = b;

  if (x->delay != y->delay)
    return x->delay > y->delay ? -1 : 1;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return x->stack < y->stack ? -1 : x->stack > y->stack;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const GolanesBlockingGroup *x = a, *y = b;

  if (x->delay != y->delay)
    return x->delay > y->delay ? -1 : 1;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->name, y->name);
}

static GBytes *
pc_key (GolanesStackTable *stacks,
        guint32            stack)
{
  guint n = 0, i;
  const GolanesFrame *frames = golanes_stack_table_get_frames (stacks, stack, &n);
  guint64 pcs[GOLANES_MAX_STACK_FRAMES];

  if (n > G_N_ELEMENTS (pcs))
    n = G_N_ELEMENTS (pcs);
  for (i = 0; i < n; i++)
    pcs[i] = frames[i].pc;
  /* Go compares zero-padded PC arrays: trailing zero PCs do not count. */
  while (n > 0 && pcs[n - 1] == 0)
    n--;
  return g_bytes_new (pcs, n * sizeof (guint64));
}

static const char *
copy_string (GolanesBlocking *self,
             guint32          id)
{
  const char *s = id != 0 ? golanes_stack_table_get_string (self->stacks, id, NULL) : NULL;

  return g_string_chunk_insert_const (self->names, s != NULL ? s : "");
}

void
golanes_blocking_finish (GolanesBlocking *self)
{
  GHashTableIter iter;
  gpointer value;
  GHashTable *merged, *by_name;
  GArray *last_ends = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint i;

  g_return_if_fail (self != NULL && !self->finished);
  self->finished = TRUE;

  /* Intervals of goroutines that never ran: their window starts at 0. */
  g_hash_table_iter_init (&iter, self->goroutines);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GoState *g = value;
      gint64 win_end = g->end_time != 0 ? g->end_time : self->last_time;

      if (g->pending == NULL)
        continue;
      for (i = 0; i < g->pending->len; i++)
        {
          const Pending *p = &g_array_index (g->pending, Pending, i);
          gint64 d = overlap (g->start_time, win_end, p->start, p->end);

          if (d > 0)
            charge (self, g, p->stack, p->reason, p->end, d);
        }
      g_array_set_size (g->pending, 0);
    }

  /* Go deduplicates stacks by their PCs and shows the stack it charged
   * last among equal ones. */
  merged = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                  (GDestroyNotify) g_bytes_unref, NULL);
  for (i = 0; i < self->by_stack->len; i++)
    {
      const Acc *acc = &g_array_index (self->by_stack, Acc, i);
      GBytes *key = pc_key (self->stacks, acc->key);
      gpointer idx = g_hash_table_lookup (merged, key);

      if (idx != NULL)
        {
          GolanesBlockingRecord *rec = &g_array_index (self->records, GolanesBlockingRecord,
                                                       GPOINTER_TO_UINT (idx) - 1);
          rec->count += acc->count;
          rec->delay += acc->delay;
          if (acc->last_end > g_array_index (last_ends, gint64, GPOINTER_TO_UINT (idx) - 1))
            {
              rec->stack = acc->key;
              g_array_index (last_ends, gint64, GPOINTER_TO_UINT (idx) - 1) = acc->last_end;
            }
          g_bytes_unref (key);
        }
      else
        {
          GolanesBlockingRecord rec = { acc->key, acc->count, acc->delay };

          g_array_append_val (self->records, rec);
          g_array_append_val (last_ends, acc->last_end);
          g_hash_table_insert (merged, key, GUINT_TO_POINTER (self->records->len));
        }
      self->total_count += acc->count;
      self->total_delay += acc->delay;
    }
  g_hash_table_unref (merged);
  g_array_unref (last_ends);
  g_array_sort (self->records, compare_records);

  for (i = 0; i < self->by_reason->len; i++)
    {
      const Acc *acc = &g_array_index (self->by_reason, Acc, i);
      GolanesBlockingGroup grp = { copy_string (self, acc->key), acc->count, acc->delay };

      g_array_append_val (self->reasons, grp);
    }
  g_array_sort (self->reasons, compare_groups);

  by_name = g_hash_table_new (NULL, NULL);
  g_hash_table_iter_init (&iter, self->goroutines);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GoState *g = value;
      gpointer idx;

      if (g->count == 0)
        continue;
      idx = g_hash_table_lookup (by_name, GUINT_TO_POINTER (g->name + 1));
      if (idx != NULL)
        {
          GolanesBlockingGroup *grp = &g_array_index (self->groups, GolanesBlockingGroup,
                                                      GPOINTER_TO_UINT (idx) - 1);
          grp->count += g->count;
          grp->delay += g->delay;
        }
      else
        {
          GolanesBlockingGroup grp = { copy_string (self, g->name), g->count, g->delay };

          g_array_append_val (self->groups, grp);
          g_hash_table_insert (by_name, GUINT_TO_POINTER (g->name + 1),
                               GUINT_TO_POINTER (self->groups->len));
        }
    }
  g_hash_table_unref (by_name);
  g_array_sort (self->groups, compare_groups);
}

GolanesBlockingKind
golanes_blocking_get_kind (GolanesBlocking *self)
{
  return self->kind;
}

GolanesStackTable *
golanes_blocking_get_stack_table (GolanesBlocking *self)
{
  return self->stacks;
}

const GolanesBlockingRecord *
golanes_blocking_get_records (GolanesBlocking *self,
                              guint           *n_records)
{
  g_return_val_if_fail (self->finished, NULL);
  *n_records = self->records->len;
  return (const GolanesBlockingRecord *) (gpointer) self->records->data;
}

const GolanesBlockingGroup *
golanes_blocking_get_reasons (GolanesBlocking *self,
                              guint           *n_groups)
{
  g_return_val_if_fail (self->finished, NULL);
  *n_groups = self->reasons->len;
  return (const GolanesBlockingGroup *) (gpointer) self->reasons->data;
}

const GolanesBlockingGroup *
golanes_blocking_get_groups (GolanesBlocking *self,
                             guint           *n_groups)
{
  g_return_val_if_fail (self->finished, NULL);
  *n_groups = self->groups->len;
  return (const GolanesBlockingGroup *) (gpointer) self->groups->data;
}

guint64
golanes_blocking_get_total_count (GolanesBlocking *self)
{
  return self->total_count;
}

gint64
golanes_blocking_get_total_delay (GolanesBlocking *self)
{
  return self->total_delay;
}
