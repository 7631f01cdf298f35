/* golanes-blocking.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "golanes-blocking.h"
#include "golanes-id-map-private.h"

/* A closed interval whose goroutine had not run yet when it closed: its
 * share depends on whether the goroutine ever runs, known only at the end. */
typedef struct
{
  gint64  start;
  gint64  end;
  guint32 stack;
  guint32 reason;
} Pending;

/* What the goroutine summary knows of a goroutine: its lifetime, the same
 * for every profile. */
typedef struct
{
  gboolean in_summary;
  guint32  name;            /* string id, 0 while unnamed */
  gint64   start_time;      /* 0: never ran */
  gint64   end_time;        /* 0: never ended */
  guint32  tracking_mask;   /* profiles fed together: bit i, profile i tracks */
} Life;

typedef struct
{
  gint64   id;
  Life     own;
  /* &own, or for profiles fed together one Life they share, owned by
   * their shared lives array. */
  Life    *life;
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
  GolanesIdMap        by_id;         /* goroutine id -> index in slots */
  GPtrArray          *slots;         /* GoState of the live goroutines, NULL in free slots */
  GArray             *free_slots;    /* guint32: slots of goroutines that ended */
  GPtrArray          *spare;         /* GoState of ended goroutines, to reuse (SPARE_MAX) */
  GPtrArray          *spare_lives;   /* Life, likewise, in a first profile */
  GArray             *by_name;       /* Acc: what ended goroutines were charged, by start function */
  GArray             *name_index;    /* guint32 by string id: index + 1 in by_name, or 0 */
  GolanesBlocking    *group;         /* first of the profiles fed together, or self */
  GPtrArray          *lives;         /* Life by slot, shared by the profiles fed together */
  guint               group_index;   /* G_MAXUINT when fed alone */
  guint               group_n;       /* in a first profile: how many are fed together */
  guint32             start_mask[8]; /* in a first profile: by state, the profiles tracking it */
  guint               target;        /* the state the profile tracks */
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

  if (g == NULL)
    return;
  if (g->pending != NULL)
    g_array_unref (g->pending);
  g_free (g);
}

static guint target_state (GolanesBlockingKind kind);

GolanesBlocking *
golanes_blocking_new (GolanesBlockingKind  kind,
                      GolanesStackTable   *stacks)
{
  GolanesBlocking *self = g_new0 (GolanesBlocking, 1);

  self->kind = kind;
  self->own_stacks = stacks == NULL;
  self->stacks = stacks != NULL ? stacks : golanes_stack_table_new ();
  self->by_stack = g_array_new (FALSE, FALSE, sizeof (Acc));
  golanes_id_map_init (&self->by_id);
  self->slots = g_ptr_array_new_with_free_func (go_state_free);
  self->free_slots = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->spare = g_ptr_array_new_with_free_func (go_state_free);
  self->spare_lives = g_ptr_array_new_with_free_func (g_free);
  self->by_name = g_array_new (FALSE, FALSE, sizeof (Acc));
  self->name_index = g_array_new (FALSE, TRUE, sizeof (guint32));
  self->target = target_state (kind);
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
  g_array_unref (self->by_stack);
  g_array_unref (self->free_slots);
  g_ptr_array_unref (self->spare);
  g_ptr_array_unref (self->spare_lives);
  g_array_unref (self->by_name);
  g_array_unref (self->name_index);
  golanes_id_map_clear (&self->by_id);
  g_ptr_array_unref (self->slots);
  if (self->lives != NULL)
    g_ptr_array_unref (self->lives);
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

  const Life *life = g->life;

  g->tracking = FALSE;
  /* Goroutines the summary never saw have no window: nothing is charged. */
  if (!life->in_summary)
    return;
  if (life->start_time == 0)
    {
      Pending p = { g->track_start, end, g->track_stack, g->track_reason };

      if (g->pending == NULL)
        g->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
      g_array_append_val (g->pending, p);
      return;
    }
  /* The window ends at the goroutine's end, which is never before an
   * interval that closes while it lives, or at the trace end. */
  d = overlap (life->start_time, life->end_time != 0 ? life->end_time : G_MAXINT64,
               g->track_start, end);
  if (d > 0)
    charge (self, g, g->track_stack, g->track_reason, end, d);
}

static guint32
outermost_function (GolanesStackTable  *stacks,
                    GolanesTraceReader *reader,
                    guint64             stack_id)
{
  /* Through the table's stacks: a generation's stack ids are looked up
   * once, not hashed again for each of a million goroutines. */
  guint n;
  const GolanesFrame *frames = golanes_stack_table_get_frames (stacks,
                                                               golanes_stack_table_intern (stacks, reader, stack_id),
                                                               &n);

  return n > 0 ? frames[n - 1].func : 0;
}

/* Whether @event is a goroutine's state transition, decoded into @st; a
 * Sync starts a new generation first. */
static gboolean
feed_common (GolanesBlocking        *self,
             const GolanesEvent     *event)
{
  self->last_time = event->time;
  if (event->kind == GOLANES_EVENT_SYNC)
    {
      golanes_stack_table_begin_generation (self->stacks);
      self->reason_data = NULL;
      return FALSE;
    }
  return event->kind == GOLANES_EVENT_STATE_TRANSITION;
}

static gboolean
decode (GolanesTraceReader     *reader,
        const GolanesEvent     *event,
        GolanesStateTransition *st)
{
  return golanes_event_get_state_transition (reader, event, st) &&
         st->resource.kind == GOLANES_RESOURCE_GOROUTINE;
}

static gboolean update_lifetime (GolanesBlocking              *self,
                                 Life                         *g,
                                 GolanesTraceReader           *reader,
                                 gint64                        t,
                                 const GolanesStateTransition *st);
static void update_tracking (GolanesBlocking              *self,
                             GoState                      *g,
                             GolanesTraceReader           *reader,
                             const GolanesEvent           *event,
                             const GolanesStateTransition *st);

/* A trace of millions of short-lived goroutines makes and ends one per
 * few events: the states and lives of ended goroutines are kept for the
 * next ones, up to this many. */
#define SPARE_MAX 1024

static GoState *
go_state_new (GolanesBlocking *self,
              gint64           id)
{
  GoState *g;

  if (self->spare->len > 0)
    {
      GArray *pending;

      g = g_ptr_array_steal_index_fast (self->spare, self->spare->len - 1);
      pending = g->pending;
      memset (g, 0, sizeof *g);
      g->pending = pending;
    }
  else
    g = g_new0 (GoState, 1);
  g->id = id;
  g->life = &g->own;
  return g;
}

static GoState *
go_state_get (GolanesBlocking *self,
              gint64           id)
{
  guint64 v;
  GoState *g;

  if (golanes_id_map_lookup (&self->by_id, (guint64) id, &v))
    return g_ptr_array_index (self->slots, v);
  g = go_state_new (self, id);
  if (self->free_slots->len > 0)
    {
      guint32 slot = g_array_index (self->free_slots, guint32, self->free_slots->len - 1);

      g_array_set_size (self->free_slots, self->free_slots->len - 1);
      golanes_id_map_insert (&self->by_id, (guint64) id, slot);
      g_ptr_array_index (self->slots, slot) = g;
    }
  else
    {
      golanes_id_map_insert (&self->by_id, (guint64) id, self->slots->len);
      g_ptr_array_add (self->slots, g);
    }
  return g;
}

/* Charges the intervals of a goroutine that never ran: its window starts
 * at 0 and ends at its end or at @trace_end. */
static void
charge_pending (GolanesBlocking *self,
                GoState         *g,
                gint64           trace_end)
{
  gint64 win_end = g->life->end_time != 0 ? g->life->end_time : trace_end;
  guint i;

  if (g->pending == NULL)
    return;
  for (i = 0; i < g->pending->len; i++)
    {
      const Pending *p = &g_array_index (g->pending, Pending, i);
      gint64 d = overlap (g->life->start_time, win_end, p->start, p->end);

      if (d > 0)
        charge (self, g, p->stack, p->reason, p->end, d);
    }
  g_array_set_size (g->pending, 0);
}

static void
charge_name (GolanesBlocking *self,
             const GoState   *g)
{
  Acc *acc;

  if (g->count == 0)
    return;
  acc = acc_lookup (self->by_name, self->name_index, g->life->name);
  acc->count += g->count;
  acc->delay += g->delay;
}

/* Closes the books of the goroutine in @slot and empties the slot. */
static void
retire_state (GolanesBlocking *self,
              guint32          slot)
{
  GoState *g = g_ptr_array_index (self->slots, slot);

  if (g == NULL)
    return;   /* never in the state the profile tracks */
  charge_pending (self, g, self->last_time);
  charge_name (self, g);
  g_ptr_array_index (self->slots, slot) = NULL;
  if (self->spare->len < SPARE_MAX)
    {
      if (g->pending != NULL)
        g_array_set_size (g->pending, 0);
      g_ptr_array_add (self->spare, g);
    }
  else
    go_state_free (g);
}

/* A goroutine ended: its books are closed, and its slot is free.  Nothing
 * it was charged changes after this, since its window is complete. */
static void
retire (GolanesBlocking *self,
        gint64           id,
        guint32          slot)
{
  retire_state (self, slot);
  golanes_id_map_remove (&self->by_id, (guint64) id);
  g_array_append_val (self->free_slots, slot);
}

void
golanes_blocking_feed (GolanesBlocking    *self,
                       GolanesTraceReader *reader,
                       const GolanesEvent *event)
{
  GolanesStateTransition st;

  g_return_if_fail (self != NULL && !self->finished);
  /* A profile is fed either always with the same others or alone. */
  if (self->group == NULL)
    {
      self->group = self;
      self->group_index = G_MAXUINT;
    }
  g_return_if_fail (self->group == self && self->group_index == G_MAXUINT);

  if (feed_common (self, event) && decode (reader, event, &st))
    {
      GoState *g = go_state_get (self, st.resource.id);

      if (update_lifetime (self, g->life, reader, event->time, &st) && g->pending != NULL)
        g_array_set_size (g->pending, 0);
      update_tracking (self, g, reader, event, &st);
      if (st.to == GOLANES_GO_NOT_EXIST && st.from != GOLANES_GO_NOT_EXIST)
        {
          guint64 slot;

          if (golanes_id_map_lookup (&self->by_id, (guint64) st.resource.id, &slot))
            retire (self, st.resource.id, (guint32) slot);
        }
    }
}

void
golanes_blocking_feed_many (GolanesBlocking *const *profiles,
                            guint                  n,
                            GolanesTraceReader    *reader,
                            const GolanesEvent    *event)
{
  GolanesStateTransition st;
  gboolean created;
  Life *life;
  guint64 slot = 0;
  guint32 visit, slot32;
  guint i;

  g_return_if_fail (n > 0 && n <= 32 && profiles[0] != NULL);
  if (G_UNLIKELY (profiles[0]->group_n != n))
    {
      /* The first call: a profile is fed either always with the same
       * others or alone. */
      for (i = 0; i < n; i++)
        {
          g_return_if_fail (profiles[i] != NULL && profiles[i]->group == NULL);
          profiles[i]->group = profiles[0];
          profiles[i]->group_index = i;
          profiles[i]->lives = i == 0 ? g_ptr_array_new_with_free_func (g_free)
                                      : g_ptr_array_ref (profiles[0]->lives);
          if (profiles[i]->target < G_N_ELEMENTS (profiles[0]->start_mask))
            profiles[0]->start_mask[profiles[i]->target] |= 1u << i;
        }
      profiles[0]->group_n = n;
    }
  g_return_if_fail (!profiles[0]->finished);
  for (i = 0; i < n; i++)
    profiles[i]->last_time = event->time;
  if (event->kind == GOLANES_EVENT_SYNC)
    {
      for (i = 0; i < n; i++)
        feed_common (profiles[i], event);
      return;
    }
  if (event->kind != GOLANES_EVENT_STATE_TRANSITION || !decode (reader, event, &st))
    return;

  /* The profiles see the same goroutines in the same order, so they keep
   * their states in the same slots, which the first profile's id map and
   * free slots hand out; the lifetimes, the same for all, live in the
   * first profile's lives.  A profile makes its state of a goroutine when
   * the goroutine first enters the state it tracks (a slot is NULL until
   * then): a goroutine is in one state at a time, so most goroutines
   * have a state in one profile or none, not one in each (a trace may
   * hold a million goroutines created and never run). */
  created = !golanes_id_map_lookup (&profiles[0]->by_id, (guint64) st.resource.id, &slot);
  if (created)
    {
      GolanesBlocking *first = profiles[0];

      if (first->spare_lives->len > 0)
        {
          life = g_ptr_array_steal_index_fast (first->spare_lives, first->spare_lives->len - 1);
          memset (life, 0, sizeof *life);
        }
      else
        life = g_new0 (Life, 1);
      if (first->free_slots->len > 0)
        {
          slot = g_array_index (first->free_slots, guint32, first->free_slots->len - 1);
          g_array_set_size (first->free_slots, first->free_slots->len - 1);
        }
      else
        slot = first->slots->len;
      golanes_id_map_insert (&first->by_id, (guint64) st.resource.id, slot);
      for (i = 0; i < n; i++)
        if (slot == profiles[i]->slots->len)
          g_ptr_array_add (profiles[i]->slots, NULL);
      if (slot >= profiles[0]->lives->len)
        g_ptr_array_set_size (profiles[0]->lives, (guint) slot + 1);
      g_ptr_array_index (profiles[0]->lives, slot) = life;
    }
  else
    life = g_ptr_array_index (profiles[0]->lives, slot);
  if (update_lifetime (profiles[0], life, reader, event->time, &st))
    for (i = 0; i < n; i++)
      {
        GoState *g = g_ptr_array_index (profiles[i]->slots, slot);

        if (g != NULL && g->pending != NULL)
          g_array_set_size (g->pending, 0);
      }

  /* Only profiles that start or end an interval have anything to do. */
  visit = (st.to < G_N_ELEMENTS (profiles[0]->start_mask) ? profiles[0]->start_mask[st.to] : 0) ^
          life->tracking_mask;
  for (i = 0; visit != 0; i++, visit >>= 1)
    if (visit & 1)
      {
        GoState *g = g_ptr_array_index (profiles[i]->slots, slot);

        if (g == NULL)
          {
            g = go_state_new (profiles[i], st.resource.id);
            g->life = life;
            g_ptr_array_index (profiles[i]->slots, slot) = g;
          }
        update_tracking (profiles[i], g, reader, event, &st);
        if (g->tracking)
          life->tracking_mask |= 1u << i;
        else
          life->tracking_mask &= ~(1u << i);
      }

  if (st.to == GOLANES_GO_NOT_EXIST && st.from != GOLANES_GO_NOT_EXIST)
    {
      for (i = 0; i < n; i++)
        retire_state (profiles[i], (guint32) slot);
      golanes_id_map_remove (&profiles[0]->by_id, (guint64) st.resource.id);
      slot32 = (guint32) slot;
      g_array_append_val (profiles[0]->free_slots, slot32);
      g_ptr_array_index (profiles[0]->lives, slot) = NULL;
      if (profiles[0]->spare_lives->len < SPARE_MAX)
        g_ptr_array_add (profiles[0]->spare_lives, life);
      else
        g_free (life);
    }
}

/* Follows the goroutine's lifetime, as the summary records it; returns
 * whether the intervals pending until its first run were dropped. */
static gboolean
update_lifetime (GolanesBlocking              *self,
                 Life                         *g,
                 GolanesTraceReader           *reader,
                 gint64                        t,
                 const GolanesStateTransition *st)
{
  gboolean dropped = FALSE;

  if (st->from == st->to)
    return FALSE;
  if (st->from == GOLANES_GO_UNDETERMINED || st->from == GOLANES_GO_NOT_EXIST)
    {
      /* A new summary replaces any earlier one of this id. */
      g->in_summary = TRUE;
      g->name = 0;
      g->start_time = 0;
      g->end_time = 0;
    }
  if (g->name == 0 && st->has_stack && st->stack != 0)
    g->name = outermost_function (self->stacks, reader, st->stack);
  if (st->to == GOLANES_GO_RUNNING && g->start_time == 0)
    {
      g->start_time = t;
      /* Intervals that closed before it first ran lie outside its
       * window now. */
      dropped = TRUE;
    }
  if (st->to == GOLANES_GO_NOT_EXIST ||
      (st->to == GOLANES_GO_WAITING && str_equal (st->reason, "forever")))
    g->end_time = t;
  return dropped;
}

/* The profile itself looks at every transition, same-state ones too. */
static void
update_tracking (GolanesBlocking              *self,
                 GoState                      *g,
                 GolanesTraceReader           *reader,
                 const GolanesEvent           *event,
                 const GolanesStateTransition *st)
{
  if (!g->tracking)
    {
      if (st->to != self->target)
        return;
      /* The reason strings of a generation stay put, so one look at each
       * run of the same reason is enough. */
      if (st->reason.data != self->reason_data || st->reason.len != self->reason_len)
        {
          self->reason_data = st->reason.data;
          self->reason_len = st->reason.len;
          self->reason_accepted = accepts (self->kind, st->to, st->reason);
          self->reason_id = self->reason_accepted
                            ? golanes_stack_table_intern_string (self->stacks, st->reason.data, st->reason.len)
                            : 0;
        }
      if (self->reason_accepted)
        {
          gboolean has_stack;
          guint64 stack_id = golanes_event_get_stack (event, &has_stack);

          g->tracking = TRUE;
          g->track_start = event->time;
          g->track_stack = has_stack ? golanes_stack_table_intern (self->stacks, reader, stack_id) : 0;
          g->track_reason = self->reason_id;
        }
      return;
    }
  if (st->to == self->target)
    return;
  close_interval (self, g, event->time);
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
  GHashTable *merged;
  GArray *last_ends = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint i;

  g_return_if_fail (self != NULL && !self->finished);
  self->finished = TRUE;

  /* The goroutines still alive: intervals from before they first ran,
   * then what they were charged, by start function. */
  for (i = 0; i < self->slots->len; i++)
    {
      GoState *g = g_ptr_array_index (self->slots, i);

      if (g != NULL)
        {
          charge_pending (self, g, self->last_time);
          charge_name (self, g);
        }
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

  for (i = 0; i < self->by_name->len; i++)
    {
      const Acc *acc = &g_array_index (self->by_name, Acc, i);
      GolanesBlockingGroup grp = { copy_string (self, acc->key), acc->count, acc->delay };

      g_array_append_val (self->groups, grp);
    }
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
