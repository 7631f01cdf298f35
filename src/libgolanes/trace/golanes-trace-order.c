/* golanes-trace-order.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ordering: the state machine that emulates Go's scheduler to check
 * each event against the state of its goroutine, proc and thread and to
 * put the threads' events in one valid order (Go's order.go).  Each event
 * type has its own function, found through a table; an event whose
 * preconditions do not hold yet waits for other threads to advance.
 */

#include "config.h"

#include <string.h>

#include "golanes-error.h"
#include "golanes-trace-reader-private.h"

/* ---- ordering state ---------------------------------------------------- */

typedef struct
{
  guint8  typ;
  guint64 desc;
} RangeType;

typedef struct
{
  RangeType *v;
  guint      n;
  guint      cap;
} RangeSet;

/* The name of a region or task, shared by all that bear it (a goroutine
 * may open a million regions of one name): its bytes, which may hold
 * NULs, then a terminator.  The ordering's names table holds each once;
 * it is keyed by the leading NameKey, so a look-up needs no copy. */
typedef struct
{
  const char *data;
  gsize       len;
} NameKey;

typedef struct
{
  NameKey key;
  guint   refs;
  char    bytes[];
} Name;

typedef struct
{
  guint64 task;
  Name   *name;
} UserRegion;

typedef struct
{
  guint64 gen;
  guint64 seq;
} Seq;

/* The ordering's record of a goroutine. */
struct _GolanesGState
{
  gint64         id;
  guint8         status;
  Seq            seq;
  UserRegion    *regions;
  guint          n_regions;
  guint          cap_regions;
  RangeSet       ranges;
  GolanesGState *next_free;
};

typedef struct
{
  gint64   id;
  guint8   status;
  Seq      seq;
  RangeSet ranges;
} PState;

/* What a thread runs. */
typedef struct
{
  gint64 g;
  gint64 p;
} MState;

/* A user task that has begun and not ended. */
typedef struct
{
  Name   *name;
  guint64 parent;
} TaskState;

enum { GC_UNDETERMINED, GC_NOT_RUNNING, GC_RUNNING };

/* A thread's scheduling context: its goroutine, proc and thread, -1 for
 * none. */
typedef struct
{
  gint64 g, p, m;
} SchedCtx;

#define ORDER_ERR(...) \
  G_STMT_START { _golanes_trace_set_error (error, GOLANES_ERROR_INVALID_ORDER, ev->offset, __VA_ARGS__); return -1; } G_STMT_END

static inline const char *
ev_name (const GolanesOrdering *o,
         guint8                 typ,
         char                   buf[32])
{
  return _golanes_wire_event_name (o->version, typ, buf);
}

/* ---- names ------------------------------------------------------------- */

static guint
name_hash (gconstpointer p)
{
  const NameKey *k = p;
  guint h = 5381;
  gsize i;

  for (i = 0; i < k->len; i++)
    h = h * 33 + (guchar) k->data[i];
  return h;
}

static gboolean
name_equal (gconstpointer a,
            gconstpointer b)
{
  const NameKey *x = a, *y = b;

  return x->len == y->len && memcmp (x->data, y->data, x->len) == 0;
}

/* A reference to the shared copy of @s. */
static Name *
name_ref (GolanesOrdering *o,
          GolanesStr       s)
{
  NameKey key = { s.data, s.len };
  Name *n;

  if (o->names == NULL)
    o->names = g_hash_table_new (name_hash, name_equal);
  n = g_hash_table_lookup (o->names, &key);
  if (n == NULL)
    {
      n = g_malloc (sizeof (Name) + s.len + 1);
      memcpy (n->bytes, s.data, s.len);
      n->bytes[s.len] = '\0';
      n->key.data = n->bytes;
      n->key.len = s.len;
      n->refs = 0;
      g_hash_table_add (o->names, n);
    }
  n->refs++;
  return n;
}

static void
name_unref (GolanesOrdering *o,
            Name            *n)
{
  if (--n->refs > 0)
    return;
  g_hash_table_remove (o->names, n);
  g_free (n);
}

/* ---- the queue of ordered events -------------------------------------- */

static GolanesEvent *
queue_push (GolanesOrdering *o)
{
  GolanesEvent *slot;

  if (o->q_len == o->q_cap)
    {
      guint ncap = MAX (8, o->q_cap * 2), i;
      GolanesEvent *nq = g_new (GolanesEvent, ncap);
      for (i = 0; i < o->q_len; i++)
        nq[i] = o->queue[(o->q_start + i) % o->q_cap];
      g_free (o->queue);
      o->queue = nq;
      o->q_cap = ncap;
      o->q_start = 0;
    }
  slot = &o->queue[(o->q_start + o->q_len) % o->q_cap];
  o->q_len++;
  return slot;
}

static void
queue_event (GolanesOrdering    *o,
             const GolanesEvent *ev,
             SchedCtx            ctx)
{
  GolanesEvent *slot = queue_push (o);

  *slot = *ev;
  slot->thread = ctx.m;
  slot->proc = ctx.p;
  slot->goroutine = ctx.g;
}

/* Queues an event the ordering makes up (the parts of a GoSwitch). */
static void
queue_made (GolanesOrdering *o,
            SchedCtx         ctx,
            guint8           typ,
            gint64           time,
            guint64          a0,
            guint64          a1)
{
  GolanesEvent ev;

  memset (&ev, 0, sizeof ev);
  ev.type = typ;
  ev.kind = _golanes_wire_specs[typ].kind;
  ev.time = time;
  ev.args[0] = a0;
  ev.args[1] = a1;
  queue_event (o, &ev, ctx);
}

/* ---- goroutine, proc and thread records -------------------------------- */

static inline GolanesGState *
get_g (GolanesOrdering *o,
       gint64           id)
{
  guint64 v;
  if (golanes_id_map_lookup (&o->g_states, (guint64) id, &v))
    return (GolanesGState *) (gsize) v;
  return NULL;
}

static inline PState *
get_p (GolanesOrdering *o,
       gint64           id)
{
  guint64 v;
  if (golanes_id_map_lookup (&o->p_states, (guint64) id, &v))
    return (PState *) (gsize) v;
  return NULL;
}

static inline MState *
get_m (GolanesOrdering *o,
       gint64           id)
{
  guint64 v;
  if (golanes_id_map_lookup (&o->m_states, (guint64) id, &v))
    return (MState *) (gsize) v;
  return NULL;
}

static MState *
new_m (GolanesOrdering *o,
       gint64           id,
       gint64           g,
       gint64           p)
{
  MState *ms = g_new (MState, 1);
  ms->g = g;
  ms->p = p;
  golanes_id_map_replace (&o->m_states, (guint64) id, (guint64) (gsize) ms);
  return ms;
}

static GolanesGState *
new_g (GolanesOrdering *o,
       gint64           id,
       guint8           status,
       guint64          gen)
{
  GolanesGState *gs = o->free_g;

  if (gs != NULL)
    o->free_g = gs->next_free;
  else
    gs = g_new0 (GolanesGState, 1);
  gs->id = id;
  gs->status = status;
  gs->seq.gen = gen;
  gs->seq.seq = 0;
  gs->n_regions = 0;
  gs->ranges.n = 0;
  gs->next_free = NULL;
  golanes_id_map_replace (&o->g_states, (guint64) id, (guint64) (gsize) gs);
  return gs;
}

static void
delete_g (GolanesOrdering *o,
          gint64           id)
{
  GolanesGState *gs = get_g (o, id);
  guint i;

  if (gs == NULL)
    return;
  golanes_id_map_remove (&o->g_states, (guint64) id);
  for (i = 0; i < gs->n_regions; i++)
    name_unref (o, gs->regions[i].name);
  gs->n_regions = 0;
  gs->ranges.n = 0;
  gs->next_free = o->free_g;
  o->free_g = gs;
}

/* The names go with the names table, at _golanes_ordering_clear(). */
static void
free_g_state (GolanesGState *gs)
{
  g_free (gs->regions);
  g_free (gs->ranges.v);
  g_free (gs);
}

static inline gboolean
seq_succeeds (guint64 gen,
              guint64 seq,
              Seq     prev)
{
  return gen == prev.gen && seq == prev.seq + 1;
}

/* ---- ranges ------------------------------------------------------------ */

static guint8
range_start_type (guint8 typ)
{
  return _golanes_wire_specs[typ].start_ev != 0 ? _golanes_wire_specs[typ].start_ev : typ;
}

static gboolean
range_has (const RangeSet *s,
           RangeType       t)
{
  guint i;
  for (i = 0; i < s->n; i++)
    if (s->v[i].typ == t.typ && s->v[i].desc == t.desc)
      return TRUE;
  return FALSE;
}

static void
range_add (RangeSet *s,
           RangeType t)
{
  if (s->n == s->cap)
    {
      s->cap = MAX (4, s->cap * 2);
      s->v = g_renew (RangeType, s->v, s->cap);
    }
  s->v[s->n++] = t;
}

static char *
range_set_string (const RangeSet *s)
{
  GString *str = g_string_new ("[");
  guint i;

  for (i = 0; i < s->n; i++)
    g_string_append_printf (str, "%s{%u %" G_GUINT64_FORMAT "}", i ? " " : "", s->v[i].typ, s->v[i].desc);
  g_string_append_c (str, ']');
  return g_string_free (str, FALSE);
}

static gboolean
range_begin (RangeSet *s,
             RangeType t,
             guint64   off,
             GError  **error)
{
  if (range_has (s, t))
    {
      _golanes_trace_set_error (error, GOLANES_ERROR_INVALID_ORDER, off, "a range that is not already in flight",
                                "discovered event already in-flight for when starting event %s", _golanes_wire_specs[t.typ].name);
      return FALSE;
    }
  range_add (s, t);
  return TRUE;
}

static gboolean
range_active (RangeSet *s,
              RangeType t,
              gboolean  initial,
              guint64   off,
              GError  **error)
{
  if (initial)
    {
      if (range_has (s, t))
        {
          _golanes_trace_set_error (error, GOLANES_ERROR_INVALID_ORDER, off, "a range not yet seen in the first generation",
                                    "found named active range already in first gen: {%u %" G_GUINT64_FORMAT "}", t.typ, t.desc);
          return FALSE;
        }
      range_add (s, t);
    }
  else if (!range_has (s, t))
    {
      char *set = range_set_string (s);
      _golanes_trace_set_error (error, GOLANES_ERROR_INVALID_ORDER, off, "a range that was active in the previous generation",
                                "resource is missing active range: %s %s", _golanes_wire_specs[t.typ].name, set);
      g_free (set);
      return FALSE;
    }
  return TRUE;
}

static gboolean
range_end (RangeSet *s,
           guint8    typ,
           guint64  *desc,
           guint64   off,
           GError  **error)
{
  guint8 st = _golanes_wire_specs[typ].start_ev;
  guint i;

  for (i = 0; i < s->n; i++)
    if (s->v[i].typ == st)
      {
        *desc = s->v[i].desc;
        s->v[i] = s->v[s->n - 1];
        s->n--;
        return TRUE;
      }
  _golanes_trace_set_error (error, GOLANES_ERROR_INVALID_ORDER, off, "a matching begin event",
                            "tried to end event %s, but not in-flight", _golanes_wire_specs[st].name ? _golanes_wire_specs[st].name : "");
  return FALSE;
}

/* ---- scheduling contexts ----------------------------------------------- */

enum { MUST_NOT, MAY, MUST };

static gboolean
validate_ctx (SchedCtx c,
              int      m,
              int      p,
              int      g,
              guint64  off,
              GError **error)
{
  const char *msg = NULL;

  if (m == MUST && c.m == -1)
    msg = "expected a thread but didn't have one";
  else if (m == MUST_NOT && c.m != -1)
    msg = "expected no thread but had one";
  else if (p == MUST && c.p == -1)
    msg = "expected a proc but didn't have one";
  else if (p == MUST_NOT && c.p != -1)
    msg = "expected no proc but had one";
  else if (g == MUST && c.g == -1)
    msg = "expected a goroutine but didn't have one";
  else if (g == MUST_NOT && c.g != -1)
    msg = "expected no goroutine but had one";
  if (msg == NULL)
    return TRUE;
  _golanes_trace_set_error (error, GOLANES_ERROR_INVALID_ORDER, off, "an event valid in its scheduling context", "%s", msg);
  return FALSE;
}

/* User events need a goroutine running on a proc on a thread. */
#define USER_GO(c, off, error) validate_ctx ((c), MUST, MUST, MUST, (off), (error))

/* ---- one function per event ---------------------------------------------
 *
 * Each returns 1 if the event was taken (queued, with its thread's new
 * context in *nctx), 0 if its preconditions do not hold yet (another
 * thread must advance first), or -1 if they never can.
 */

/* A proc's status, at the start of a generation or when a thread takes
 * back a proc it lost in a syscall. */
static int
advance_proc_status (GolanesOrdering   *o,
                     GolanesEvent      *ev,
                     GolanesGeneration *g,
                     guint64            gen,
                     SchedCtx           cur,
                     SchedCtx          *nctx,
                     GError           **error)
{
  gint64 pid = (gint64) ev->args[0];
  guint64 status = ev->args[1];
  guint64 old_state;
  PState *ps;

  if (status >= G_N_ELEMENTS (_golanes_proc_status_to_state))
    ORDER_ERR ("a proc status between 1 and 4", "invalid status for proc %" G_GINT64_FORMAT ": %" G_GUINT64_FORMAT,
               pid, status & 0xff);
  old_state = _golanes_proc_status_to_state[status];
  ps = get_p (o, pid);
  if (ps != NULL)
    {
      if (status == PS_ABANDONED && ps->status == PS_SYSCALL)
        {
          old_state = GOLANES_PROC_RUNNING;
          ev->args[1] = PS_SYSCALL;
        }
      else if (status == PS_ABANDONED && ps->status == PS_ABANDONED)
        {
          old_state = GOLANES_PROC_IDLE;
          ev->args[1] = PS_ABANDONED;
        }
      else if (ps->status != status)
        ORDER_ERR ("the proc status recorded earlier",
                   "inconsistent status for proc %" G_GINT64_FORMAT ": old %s vs. new %s",
                   pid, _golanes_proc_status_name (ps->status), _golanes_proc_status_name (status));
      ps->seq.gen = gen;
      ps->seq.seq = 0;
    }
  else
    {
      ps = g_new0 (PState, 1);
      ps->id = pid;
      ps->status = (guint8) status;
      ps->seq.gen = gen;
      golanes_id_map_replace (&o->p_states, (guint64) pid, (guint64) (gsize) ps);
      old_state = gen == o->initial_gen ? GOLANES_PROC_UNDETERMINED : GOLANES_PROC_NOT_EXIST;
    }
  ev->args[2] = old_state;
  if (status == PS_RUNNING || status == PS_SYSCALL)
    nctx->p = pid;
  if (status == PS_ABANDONED && old_state == GOLANES_PROC_RUNNING)
    {
      gboolean found = FALSE;
      guint i;
      for (i = 0; o->m_states.used != NULL && i <= o->m_states.mask; i++)
        if (o->m_states.used[i])
          {
            MState *ms = (MState *) (gsize) o->m_states.values[i];
            if (ms->p == pid)
              {
                cur.m = (gint64) o->m_states.keys[i];
                cur.p = pid;
                cur.g = ms->g;
                found = TRUE;
              }
          }
      if (!found)
        ORDER_ERR ("a thread holding the proc",
                   "failed to find sched context for proc %" G_GINT64_FORMAT " that's about to be stolen", pid);
    }
  queue_event (o, ev, cur);
  return 1;
}

static int
advance_proc_start (GolanesOrdering   *o,
                    GolanesEvent      *ev,
                    GolanesGeneration *g,
                    guint64            gen,
                    SchedCtx           cur,
                    SchedCtx          *nctx,
                    GError           **error)
{
  gint64 pid = (gint64) ev->args[0];
  PState *ps = get_p (o, pid);

  if (ps == NULL || ps->status != PS_IDLE || !seq_succeeds (gen, ev->args[1], ps->seq) || cur.p != -1)
    return 0;
  if (!validate_ctx (cur, MUST, MUST_NOT, MAY, ev->offset, error))
    return -1;
  ps->status = PS_RUNNING;
  ps->seq.gen = gen;
  ps->seq.seq = ev->args[1];
  nctx->p = pid;
  queue_event (o, ev, cur);
  return 1;
}

static int
advance_proc_stop (GolanesOrdering   *o,
                   GolanesEvent      *ev,
                   GolanesGeneration *g,
                   guint64            gen,
                   SchedCtx           cur,
                   SchedCtx          *nctx,
                   GError           **error)
{
  guint8 typ = ev->type;
  char nb[32];
  const char *en;
  PState *ps = get_p (o, cur.p);

  en = ev_name (o, typ, nb);
  if (ps == NULL)
    ORDER_ERR ("a proc on the thread", "event %s for proc (%" G_GINT64_FORMAT ") that doesn't exist", en, cur.p);
  if (ps->status != PS_RUNNING && ps->status != PS_SYSCALL)
    ORDER_ERR ("a running proc", "%s event for proc that's not Running or Syscall", en);
  if (!validate_ctx (cur, MUST, MUST, MAY, ev->offset, error))
    return -1;
  ps->status = PS_IDLE;
  nctx->p = -1;
  queue_event (o, ev, cur);
  return 1;
}

/* A thread takes a proc from a thread blocked in a syscall (or from
 * itself). */
static int
advance_proc_steal (GolanesOrdering   *o,
                    GolanesEvent      *ev,
                    GolanesGeneration *g,
                    guint64            gen,
                    SchedCtx           cur,
                    SchedCtx          *nctx,
                    GError           **error)
{
  gint64 pid = (gint64) ev->args[0];
  PState *ps = get_p (o, pid);
  guint8 old;
  gint64 mid;
  MState *ms;

  if (ps == NULL || (ps->status != PS_SYSCALL && ps->status != PS_ABANDONED) ||
      !seq_succeeds (gen, ev->args[1], ps->seq))
    return 0;
  if (!validate_ctx (cur, MUST, MAY, MAY, ev->offset, error))
    return -1;
  old = ps->status;
  ev->args[3] = old;
  ps->status = PS_IDLE;
  ps->seq.gen = gen;
  ps->seq.seq = ev->args[1];
  if (old == PS_ABANDONED)
    {
      queue_event (o, ev, cur);
      return 1;
    }
  mid = (gint64) ev->args[2];
  if (mid == cur.m)
    {
      if (cur.p != pid)
        ORDER_ERR ("the stolen proc on the stealing thread",
                   "tried to self-steal proc %" G_GINT64_FORMAT " (thread %" G_GINT64_FORMAT "), but got proc %" G_GINT64_FORMAT " instead",
                   pid, mid, cur.p);
      nctx->p = -1;
      queue_event (o, ev, cur);
      return 1;
    }
  ms = get_m (o, mid);
  if (ms == NULL)
    ORDER_ERR ("a known thread", "stole proc from non-existent thread %" G_GINT64_FORMAT, mid);
  if (ms->p != pid)
    ORDER_ERR ("the thread holding the proc",
               "tried to steal proc %" G_GINT64_FORMAT " from thread %" G_GINT64_FORMAT ", but got proc %" G_GINT64_FORMAT " instead",
               pid, mid, ms->p);
  ms->p = -1;
  queue_event (o, ev, cur);
  return 1;
}

/* GoStatus and GoStatusStack: a goroutine's status at the start of a
 * generation. */
static int
advance_go_status (GolanesOrdering   *o,
                   GolanesEvent      *ev,
                   GolanesGeneration *g,
                   guint64            gen,
                   SchedCtx           cur,
                   SchedCtx          *nctx,
                   GError           **error)
{
  gint64 gid = (gint64) ev->args[0];
  gint64 mid = (gint64) ev->args[1];
  guint64 status = ev->args[2];
  guint64 old_state;
  GolanesGState *gs;

  if (status >= G_N_ELEMENTS (_golanes_go_status_to_state))
    ORDER_ERR ("a goroutine status between 1 and 4", "invalid status for goroutine %" G_GINT64_FORMAT ": %" G_GUINT64_FORMAT,
               gid, status & 0xff);
  old_state = _golanes_go_status_to_state[status];
  gs = get_g (o, gid);
  if (gs != NULL)
    {
      if (gs->status != status)
        ORDER_ERR ("the goroutine status recorded earlier",
                   "inconsistent status for goroutine %" G_GINT64_FORMAT ": old %s vs. new %s",
                   gid, _golanes_go_status_name (gs->status), _golanes_go_status_name (status));
      gs->seq.gen = gen;
      gs->seq.seq = 0;
    }
  else if (gen == o->initial_gen)
    {
      new_g (o, gid, (guint8) status, gen);
      old_state = GOLANES_GO_UNDETERMINED;
    }
  else
    ORDER_ERR ("a goroutine known from an earlier generation",
               "found goroutine status for new goroutine after the first generation: id=%" G_GINT64_FORMAT " status=%s",
               gid, _golanes_go_status_name (status));
  ev->args[2] = old_state << 32 | status;

  if (status == GS_RUNNING)
    nctx->g = gid;
  else if (status == GS_SYSCALL)
    {
      if (mid == -1)
        ORDER_ERR ("a thread for a goroutine in a syscall", "found goroutine %" G_GINT64_FORMAT " in syscall without a thread", gid);
      if (mid == cur.m)
        {
          if (gen != o->initial_gen && cur.g != gid)
            ORDER_ERR ("the goroutine on its thread",
                       "inconsistent thread for syscalling goroutine %" G_GINT64_FORMAT ": thread has goroutine %" G_GINT64_FORMAT,
                       gid, cur.g);
          nctx->g = gid;
        }
      else
        {
          MState *ms = get_m (o, mid);
          if (ms != NULL)
            {
              if (ms->g != gid)
                ORDER_ERR ("the goroutine on its thread",
                           "inconsistent thread for syscalling goroutine %" G_GINT64_FORMAT ": thread has goroutine %" G_GINT64_FORMAT,
                           gid, ms->g);
              cur.g = ms->g;
            }
          else
            new_m (o, mid, gid, -1);
          cur.m = mid;
        }
    }
  queue_event (o, ev, cur);
  return 1;
}

/* GoCreate and GoCreateBlocked. */
static int
advance_go_create (GolanesOrdering   *o,
                   GolanesEvent      *ev,
                   GolanesGeneration *g,
                   guint64            gen,
                   SchedCtx           cur,
                   SchedCtx          *nctx,
                   GError           **error)
{
  guint8 typ = ev->type;
  char nb[32];
  GolanesGState *gs;
  gint64 newgid = (gint64) ev->args[0];

  if (!validate_ctx (cur, MUST, MUST, MAY, ev->offset, error))
    return -1;
  gs = get_g (o, cur.g);
  if (gs != NULL && gs->status != GS_RUNNING)
    ORDER_ERR ("a running creator", "%s event for goroutine that's not Running", ev_name (o, typ, nb));
  if (get_g (o, newgid) != NULL)
    ORDER_ERR ("a goroutine id not in use", "tried to create goroutine (%" G_GINT64_FORMAT ") that already exists", newgid);
  new_g (o, newgid, typ == GOLANES_EV_GO_CREATE_BLOCKED ? GS_WAITING : GS_RUNNABLE, gen);
  queue_event (o, ev, cur);
  return 1;
}

/* GoDestroy, GoStop and GoBlock: the running goroutine leaves its
 * thread. */
static int
advance_go_stop_running (GolanesOrdering   *o,
                         GolanesEvent      *ev,
                         GolanesGeneration *g,
                         guint64            gen,
                         SchedCtx           cur,
                         SchedCtx          *nctx,
                         GError           **error)
{
  guint8 typ = ev->type;
  char nb[32];
  const char *en;
  GolanesGState *gs;

  if (!USER_GO (cur, ev->offset, error))
    return -1;
  gs = get_g (o, cur.g);
  en = ev_name (o, typ, nb);
  if (gs == NULL)
    ORDER_ERR ("a known goroutine", "event %s for goroutine (%" G_GINT64_FORMAT ") that doesn't exist", en, cur.g);
  if (gs->status != GS_RUNNING)
    ORDER_ERR ("a running goroutine", "%s event for goroutine that's not Running", en);
  if (typ == GOLANES_EV_GO_DESTROY)
    delete_g (o, cur.g);
  else
    gs->status = typ == GOLANES_EV_GO_STOP ? GS_RUNNABLE : GS_WAITING;
  nctx->g = -1;
  queue_event (o, ev, cur);
  return 1;
}

static int
advance_go_start (GolanesOrdering   *o,
                  GolanesEvent      *ev,
                  GolanesGeneration *g,
                  guint64            gen,
                  SchedCtx           cur,
                  SchedCtx          *nctx,
                  GError           **error)
{
  gint64 gid = (gint64) ev->args[0];
  GolanesGState *gs = get_g (o, gid);

  if (gs == NULL || gs->status != GS_RUNNABLE || !seq_succeeds (gen, ev->args[1], gs->seq))
    return 0;
  if (!validate_ctx (cur, MUST, MUST, MUST_NOT, ev->offset, error))
    return -1;
  gs->status = GS_RUNNING;
  gs->seq.gen = gen;
  gs->seq.seq = ev->args[1];
  nctx->g = gid;
  queue_event (o, ev, cur);
  return 1;
}

static int
advance_go_unblock (GolanesOrdering   *o,
                    GolanesEvent      *ev,
                    GolanesGeneration *g,
                    guint64            gen,
                    SchedCtx           cur,
                    SchedCtx          *nctx,
                    GError           **error)
{
  GolanesGState *gs = get_g (o, (gint64) ev->args[0]);

  if (gs == NULL || gs->status != GS_WAITING || !seq_succeeds (gen, ev->args[1], gs->seq))
    return 0;
  gs->status = GS_RUNNABLE;
  gs->seq.gen = gen;
  gs->seq.seq = ev->args[1];
  queue_event (o, ev, cur);
  return 1;
}

/* GoSwitch and GoSwitchDestroy: the running goroutine hands its thread
 * to a waiting one; queued as the switch, a block or destroy, and a start. */
static int
advance_go_switch (GolanesOrdering   *o,
                   GolanesEvent      *ev,
                   GolanesGeneration *g,
                   guint64            gen,
                   SchedCtx           cur,
                   SchedCtx          *nctx,
                   GError           **error)
{
  guint8 typ = ev->type;
  char nb[32];
  const char *en;
  GolanesGState *cs, *ns;
  gint64 nextg = (gint64) ev->args[0];
  SchedCtx start;

  if (!USER_GO (cur, ev->offset, error))
    return -1;
  cs = get_g (o, cur.g);
  en = ev_name (o, typ, nb);
  if (cs == NULL)
    ORDER_ERR ("a known goroutine", "event %s for goroutine (%" G_GINT64_FORMAT ") that doesn't exist", en, cur.g);
  if (cs->status != GS_RUNNING)
    ORDER_ERR ("a running goroutine", "%s event for goroutine that's not Running", en);
  ns = get_g (o, nextg);
  if (ns == NULL || ns->status != GS_WAITING || !seq_succeeds (gen, ev->args[1], ns->seq))
    return 0;
  queue_event (o, ev, cur);
  if (typ == GOLANES_EV_GO_SWITCH)
    {
      cs->status = GS_WAITING;
      queue_made (o, cur, GOLANES_EV_GO_BLOCK, ev->time, 0, 0);
    }
  else
    {
      delete_g (o, cur.g);
      queue_made (o, cur, GOLANES_EV_GO_DESTROY, ev->time, 0, 0);
    }
  ns->status = GS_RUNNING;
  ns->seq.gen = gen;
  ns->seq.seq = ev->args[1];
  nctx->g = nextg;
  start = cur;
  start.g = -1;
  queue_made (o, start, GOLANES_EV_GO_START, ev->time, (guint64) nextg, ev->args[1]);
  return 1;
}

static int
advance_go_syscall_begin (GolanesOrdering   *o,
                          GolanesEvent      *ev,
                          GolanesGeneration *g,
                          guint64            gen,
                          SchedCtx           cur,
                          SchedCtx          *nctx,
                          GError           **error)
{
  guint8 typ = ev->type;
  char nb[32];
  const char *en;
  GolanesGState *gs;
  PState *ps;

  if (!USER_GO (cur, ev->offset, error))
    return -1;
  gs = get_g (o, cur.g);
  en = ev_name (o, typ, nb);
  if (gs == NULL)
    ORDER_ERR ("a known goroutine", "event %s for goroutine (%" G_GINT64_FORMAT ") that doesn't exist", en, cur.g);
  if (gs->status != GS_RUNNING)
    ORDER_ERR ("a running goroutine", "%s event for goroutine that's not Running", en);
  gs->status = GS_SYSCALL;
  ps = get_p (o, cur.p);
  if (ps == NULL)
    ORDER_ERR ("a known proc", "uninitialized proc %" G_GINT64_FORMAT " found during %s", cur.p, en);
  ps->status = PS_SYSCALL;
  if (!seq_succeeds (gen, ev->args[0], ps->seq))
    ORDER_ERR ("the next proc sequence number",
               "failed to advance %s: can't make sequence: %" G_GUINT64_FORMAT " (gen=%" G_GUINT64_FORMAT ") -> %" G_GUINT64_FORMAT " (gen=%" G_GUINT64_FORMAT ")",
               en, ps->seq.seq, ps->seq.gen, ev->args[0], gen);
  ps->seq.gen = gen;
  ps->seq.seq = ev->args[0];
  queue_event (o, ev, cur);
  return 1;
}

static int
advance_go_syscall_end (GolanesOrdering   *o,
                        GolanesEvent      *ev,
                        GolanesGeneration *g,
                        guint64            gen,
                        SchedCtx           cur,
                        SchedCtx          *nctx,
                        GError           **error)
{
  guint8 typ = ev->type;
  char nb[32];
  const char *en;
  GolanesGState *gs;
  PState *ps;

  if (!USER_GO (cur, ev->offset, error))
    return -1;
  gs = get_g (o, cur.g);
  en = ev_name (o, typ, nb);
  if (gs == NULL)
    ORDER_ERR ("a known goroutine", "event %s for goroutine (%" G_GINT64_FORMAT ") that doesn't exist", en, cur.g);
  if (gs->status != GS_SYSCALL)
    ORDER_ERR ("a goroutine in a syscall", "%s event for goroutine that's not Running", en);
  gs->status = GS_RUNNING;
  ps = get_p (o, cur.p);
  if (ps == NULL)
    ORDER_ERR ("a known proc", "uninitialized proc %" G_GINT64_FORMAT " found during %s", cur.p, en);
  if (ps->status != PS_SYSCALL)
    ORDER_ERR ("a proc in a syscall", "expected proc %" G_GINT64_FORMAT " in state Syscall, but got %s instead",
               cur.p, _golanes_proc_status_name (ps->status));
  ps->status = PS_RUNNING;
  queue_event (o, ev, cur);
  return 1;
}

static int
advance_go_syscall_end_blocked (GolanesOrdering   *o,
                                GolanesEvent      *ev,
                                GolanesGeneration *g,
                                guint64            gen,
                                SchedCtx           cur,
                                SchedCtx          *nctx,
                                GError           **error)
{
  guint8 typ = ev->type;
  char nb[32];
  const char *en;
  GolanesGState *gs;

  en = ev_name (o, typ, nb);
  if (cur.p != -1)
    {
      PState *ps = get_p (o, cur.p);
      if (ps == NULL)
        ORDER_ERR ("a known proc", "uninitialized proc %" G_GINT64_FORMAT " found during %s", cur.p, en);
      if (ps->status == PS_SYSCALL)
        return 0;
    }
  if (!validate_ctx (cur, MUST, MAY, MUST, ev->offset, error))
    return -1;
  gs = get_g (o, cur.g);
  if (gs == NULL)
    ORDER_ERR ("a known goroutine", "event %s for goroutine (%" G_GINT64_FORMAT ") that doesn't exist", en, cur.g);
  if (gs->status != GS_SYSCALL)
    ORDER_ERR ("a goroutine in a syscall", "%s event for goroutine that's not Running", en);
  nctx->g = -1;
  gs->status = GS_RUNNABLE;
  queue_event (o, ev, cur);
  return 1;
}

static int
advance_go_create_syscall (GolanesOrdering   *o,
                           GolanesEvent      *ev,
                           GolanesGeneration *g,
                           guint64            gen,
                           SchedCtx           cur,
                           SchedCtx          *nctx,
                           GError           **error)
{
  gint64 newgid = (gint64) ev->args[0];

  if (!validate_ctx (cur, MUST, MAY, MUST_NOT, ev->offset, error))
    return -1;
  if (get_g (o, newgid) != NULL)
    ORDER_ERR ("a goroutine id not in use", "tried to create goroutine (%" G_GINT64_FORMAT ") in syscall that already exists", newgid);
  new_g (o, newgid, GS_SYSCALL, gen);
  nctx->g = newgid;
  queue_event (o, ev, cur);
  return 1;
}

/* A goroutine that was in a syscall ends; its proc, if any, is
 * abandoned, which is queued as a ProcSteal first. */
static int
advance_go_destroy_syscall (GolanesOrdering   *o,
                            GolanesEvent      *ev,
                            GolanesGeneration *g,
                            guint64            gen,
                            SchedCtx           cur,
                            SchedCtx          *nctx,
                            GError           **error)
{
  guint8 typ = ev->type;
  char nb[32];
  const char *en;
  GolanesGState *gs;

  if (!validate_ctx (cur, MUST, MAY, MUST, ev->offset, error))
    return -1;
  gs = get_g (o, cur.g);
  en = ev_name (o, typ, nb);
  if (gs == NULL)
    ORDER_ERR ("a known goroutine", "event %s for goroutine (%" G_GINT64_FORMAT ") that doesn't exist", en, cur.g);
  if (gs->status != GS_SYSCALL)
    ORDER_ERR ("a goroutine in a syscall", "%s event for goroutine that's not Syscall", en);
  delete_g (o, cur.g);
  nctx->g = -1;
  if (cur.p != -1)
    {
      PState *ps = get_p (o, cur.p);
      GolanesEvent steal;
      if (ps == NULL)
        ORDER_ERR ("a known proc", "found invalid proc %" G_GINT64_FORMAT " during %s", cur.p, en);
      if (ps->status != PS_SYSCALL)
        ORDER_ERR ("a proc in a syscall", "proc %" G_GINT64_FORMAT " in unexpected state %s during %s",
                   cur.p, _golanes_proc_status_name (ps->status), en);
      ps->status = PS_ABANDONED;
      nctx->p = -1;
      memset (&steal, 0, sizeof steal);
      steal.type = GOLANES_EV_PROC_STEAL;
      steal.kind = GOLANES_EVENT_STATE_TRANSITION;
      steal.time = ev->time;
      steal.args[0] = (guint64) cur.p;
      steal.args[3] = PS_SYSCALL;
      queue_event (o, &steal, cur);
    }
  queue_event (o, ev, cur);
  return 1;
}

static int
advance_user_task_begin (GolanesOrdering   *o,
                         GolanesEvent      *ev,
                         GolanesGeneration *g,
                         guint64            gen,
                         SchedCtx           cur,
                         SchedCtx          *nctx,
                         GError           **error)
{
  guint8 typ = ev->type;
  guint64 id = ev->args[0], parent = ev->args[1];
  GolanesStr name;
  TaskState *ts;

  if (golanes_id_map_lookup (&o->tasks, id, NULL))
    ORDER_ERR ("a task id not in use", "task ID conflict: %" G_GUINT64_FORMAT, id);
  if (parent == 0)
    {
      parent = GOLANES_NO_TASK;
      ev->args[1] = GOLANES_NO_TASK;
    }
  if (!_golanes_generation_get_string (g, ev->args[2], &name))
    ORDER_ERR ("a known string id", "invalid string ID %" G_GUINT64_FORMAT " for %u event", ev->args[2], typ);
  ts = g_new (TaskState, 1);
  ts->name = name_ref (o, name);
  ts->parent = parent;
  golanes_id_map_replace (&o->tasks, id, (guint64) (gsize) ts);
  if (!USER_GO (cur, ev->offset, error))
    return -1;
  queue_event (o, ev, cur);
  return 1;
}

/* Gives the event its task's parent and name (kept in the generation) and
 * forgets the task. */
static int
advance_user_task_end (GolanesOrdering   *o,
                       GolanesEvent      *ev,
                       GolanesGeneration *g,
                       guint64            gen,
                       SchedCtx           cur,
                       SchedCtx          *nctx,
                       GError           **error)
{
  guint64 id = ev->args[0], v;

  if (golanes_id_map_lookup (&o->tasks, id, &v))
    {
      TaskState *ts = (TaskState *) (gsize) v;
      ev->args[2] = ts->parent;
      if (ts->name->key.len == 0)
        ev->args[3] = 0;
      else
        ev->args[3] = _golanes_generation_add_extra (g, ts->name->key.data, ts->name->key.len);
      name_unref (o, ts->name);
      g_free (ts);
      golanes_id_map_remove (&o->tasks, id);
    }
  else
    {
      ev->args[2] = GOLANES_NO_TASK;
      ev->args[3] = 0;
    }
  if (!USER_GO (cur, ev->offset, error))
    return -1;
  queue_event (o, ev, cur);
  return 1;
}

/* UserRegionBegin and UserRegionEnd: a stack of regions per goroutine. */
static int
advance_user_region (GolanesOrdering   *o,
                     GolanesEvent      *ev,
                     GolanesGeneration *g,
                     guint64            gen,
                     SchedCtx           cur,
                     SchedCtx          *nctx,
                     GError           **error)
{
  guint8 typ = ev->type;
  GolanesStr name;
  GolanesGState *gs;

  if (!USER_GO (cur, ev->offset, error))
    return -1;
  if (!_golanes_generation_get_string (g, ev->args[1], &name))
    ORDER_ERR ("a known string id", "invalid string ID %" G_GUINT64_FORMAT " for %u event", ev->args[1], typ);
  gs = get_g (o, cur.g);
  if (gs == NULL)
    ORDER_ERR ("a known goroutine", "encountered %s without known state for current goroutine %" G_GINT64_FORMAT,
               typ == GOLANES_EV_USER_REGION_BEGIN ? "EvUserRegionBegin" : "EvUserRegionEnd", cur.g);
  if (typ == GOLANES_EV_USER_REGION_BEGIN)
    {
      UserRegion *ur;
      if (gs->n_regions == gs->cap_regions)
        {
          gs->cap_regions = MAX (4, gs->cap_regions * 2);
          gs->regions = g_renew (UserRegion, gs->regions, gs->cap_regions);
        }
      ur = &gs->regions[gs->n_regions++];
      ur->task = ev->args[0];
      ur->name = name_ref (o, name);
    }
  else if (gs->n_regions > 0)
    {
      UserRegion *top = &gs->regions[gs->n_regions - 1];
      if (top->task != ev->args[0] || top->name->key.len != name.len ||
          memcmp (top->name->key.data, name.data, name.len) != 0)
        ORDER_ERR ("the end of the innermost open region",
                   "misuse of region in goroutine %" G_GINT64_FORMAT ": region end {%" G_GUINT64_FORMAT " %.*s} when the inner-most active region start event is {%" G_GUINT64_FORMAT " %s}",
                   gs->id, ev->args[0], (int) name.len, name.data, top->task, top->name->bytes);
      name_unref (o, top->name);
      gs->n_regions--;
    }
  queue_event (o, ev, cur);
  return 1;
}

static int
advance_gc_active (GolanesOrdering   *o,
                   GolanesEvent      *ev,
                   GolanesGeneration *g,
                   guint64            gen,
                   SchedCtx           cur,
                   SchedCtx          *nctx,
                   GError           **error)
{
  guint64 seq = ev->args[0];

  if (gen == o->initial_gen)
    {
      if (o->gc_state != GC_UNDETERMINED)
        ORDER_ERR ("GCActive as the first GC event", "GCActive in the first generation isn't first GC event");
      o->gc_seq = seq;
      o->gc_state = GC_RUNNING;
      queue_event (o, ev, cur);
      return 1;
    }
  if (seq != o->gc_seq + 1)
    return 0;
  if (o->gc_state != GC_RUNNING)
    ORDER_ERR ("a running GC", "encountered GCActive while GC was not in progress");
  o->gc_seq = seq;
  if (!USER_GO (cur, ev->offset, error))
    return -1;
  queue_event (o, ev, cur);
  return 1;
}

static int
advance_gc_begin (GolanesOrdering   *o,
                  GolanesEvent      *ev,
                  GolanesGeneration *g,
                  guint64            gen,
                  SchedCtx           cur,
                  SchedCtx          *nctx,
                  GError           **error)
{
  guint64 seq = ev->args[0];

  if (o->gc_state == GC_UNDETERMINED)
    {
      o->gc_seq = seq;
      o->gc_state = GC_RUNNING;
      queue_event (o, ev, cur);
      return 1;
    }
  if (seq != o->gc_seq + 1)
    return 0;
  if (o->gc_state == GC_RUNNING)
    ORDER_ERR ("no GC in progress", "encountered GCBegin while GC was already in progress");
  o->gc_seq = seq;
  o->gc_state = GC_RUNNING;
  if (!USER_GO (cur, ev->offset, error))
    return -1;
  queue_event (o, ev, cur);
  return 1;
}

static int
advance_gc_end (GolanesOrdering   *o,
                GolanesEvent      *ev,
                GolanesGeneration *g,
                guint64            gen,
                SchedCtx           cur,
                SchedCtx          *nctx,
                GError           **error)
{
  guint64 seq = ev->args[0];

  if (seq != o->gc_seq + 1)
    return 0;
  if (o->gc_state == GC_NOT_RUNNING)
    ORDER_ERR ("a GC in progress", "encountered GCEnd when GC was not in progress");
  if (o->gc_state == GC_UNDETERMINED)
    ORDER_ERR ("a GC in progress", "encountered GCEnd when GC was in an undetermined state");
  o->gc_seq = seq;
  o->gc_state = GC_NOT_RUNNING;
  if (!USER_GO (cur, ev->offset, error))
    return -1;
  queue_event (o, ev, cur);
  return 1;
}

/* ProcsChange, GoLabel and UserLog: checked against the context only. */
static int
advance_annotation (GolanesOrdering   *o,
                    GolanesEvent      *ev,
                    GolanesGeneration *g,
                    guint64            gen,
                    SchedCtx           cur,
                    SchedCtx          *nctx,
                    GError           **error)
{
  if (!USER_GO (cur, ev->offset, error))
    return -1;
  queue_event (o, ev, cur);
  return 1;
}

/* HeapAlloc and HeapGoal. */
static int
advance_heap_metric (GolanesOrdering   *o,
                     GolanesEvent      *ev,
                     GolanesGeneration *g,
                     guint64            gen,
                     SchedCtx           cur,
                     SchedCtx          *nctx,
                     GError           **error)
{
  if (!validate_ctx (cur, MUST, MUST, MAY, ev->offset, error))
    return -1;
  queue_event (o, ev, cur);
  return 1;
}

static int
advance_gc_sweep_begin (GolanesOrdering   *o,
                        GolanesEvent      *ev,
                        GolanesGeneration *g,
                        guint64            gen,
                        SchedCtx           cur,
                        SchedCtx          *nctx,
                        GError           **error)
{
  guint8 typ = ev->type;
  char nb[32];
  RangeType t = { range_start_type (typ), 0 };
  PState *ps;

  if (!validate_ctx (cur, MUST, MUST, MAY, ev->offset, error))
    return -1;
  ps = get_p (o, cur.p);
  if (ps == NULL)
    ORDER_ERR ("a known proc", "uninitialized proc %" G_GINT64_FORMAT " found during %s", cur.p, ev_name (o, typ, nb));
  if (!range_begin (&ps->ranges, t, ev->offset, error))
    return -1;
  queue_event (o, ev, cur);
  return 1;
}

static int
advance_gc_sweep_active (GolanesOrdering   *o,
                         GolanesEvent      *ev,
                         GolanesGeneration *g,
                         guint64            gen,
                         SchedCtx           cur,
                         SchedCtx          *nctx,
                         GError           **error)
{
  guint8 typ = ev->type;
  RangeType t = { range_start_type (typ), 0 };
  gint64 pid = (gint64) ev->args[0];
  PState *ps = get_p (o, pid);

  if (ps == NULL)
    ORDER_ERR ("a known proc", "encountered GCSweepActive for unknown proc %" G_GINT64_FORMAT, pid);
  if (!range_active (&ps->ranges, t, gen == o->initial_gen, ev->offset, error))
    return -1;
  queue_event (o, ev, cur);
  return 1;
}

static int
advance_gc_sweep_end (GolanesOrdering   *o,
                      GolanesEvent      *ev,
                      GolanesGeneration *g,
                      guint64            gen,
                      SchedCtx           cur,
                      SchedCtx          *nctx,
                      GError           **error)
{
  guint8 typ = ev->type;
  char nb[32];
  PState *ps;
  guint64 desc;

  if (!validate_ctx (cur, MUST, MUST, MAY, ev->offset, error))
    return -1;
  ps = get_p (o, cur.p);
  if (ps == NULL)
    ORDER_ERR ("a known proc", "uninitialized proc %" G_GINT64_FORMAT " found during %s", cur.p, ev_name (o, typ, nb));
  if (!range_end (&ps->ranges, typ, &desc, ev->offset, error))
    return -1;
  queue_event (o, ev, cur);
  return 1;
}

/* STWBegin and GCMarkAssistBegin: a range on the running goroutine. */
static int
advance_go_range_begin (GolanesOrdering   *o,
                        GolanesEvent      *ev,
                        GolanesGeneration *g,
                        guint64            gen,
                        SchedCtx           cur,
                        SchedCtx          *nctx,
                        GError           **error)
{
  guint8 typ = ev->type;
  RangeType t;
  GolanesGState *gs;

  if (!USER_GO (cur, ev->offset, error))
    return -1;
  t.typ = range_start_type (typ);
  t.desc = typ == GOLANES_EV_STW_BEGIN ? ev->args[0] : 0;
  gs = get_g (o, cur.g);
  if (gs == NULL)
    ORDER_ERR ("a known goroutine", "encountered event of type %u without known state for current goroutine %" G_GINT64_FORMAT, typ, cur.g);
  if (!range_begin (&gs->ranges, t, ev->offset, error))
    return -1;
  queue_event (o, ev, cur);
  return 1;
}

static int
advance_go_range_active (GolanesOrdering   *o,
                         GolanesEvent      *ev,
                         GolanesGeneration *g,
                         guint64            gen,
                         SchedCtx           cur,
                         SchedCtx          *nctx,
                         GError           **error)
{
  guint8 typ = ev->type;
  char nb[32];
  RangeType t = { range_start_type (typ), 0 };
  gint64 gid = (gint64) ev->args[0];
  GolanesGState *gs = get_g (o, gid);

  if (gs == NULL)
    ORDER_ERR ("a known goroutine", "uninitialized goroutine %" G_GINT64_FORMAT " found during %s", gid, ev_name (o, typ, nb));
  if (!range_active (&gs->ranges, t, gen == o->initial_gen, ev->offset, error))
    return -1;
  queue_event (o, ev, cur);
  return 1;
}

/* STWEnd and GCMarkAssistEnd; STWEnd takes the kind of its STWBegin. */
static int
advance_go_range_end (GolanesOrdering   *o,
                      GolanesEvent      *ev,
                      GolanesGeneration *g,
                      guint64            gen,
                      SchedCtx           cur,
                      SchedCtx          *nctx,
                      GError           **error)
{
  guint8 typ = ev->type;
  GolanesGState *gs;
  guint64 desc;

  if (!USER_GO (cur, ev->offset, error))
    return -1;
  gs = get_g (o, cur.g);
  if (gs == NULL)
    ORDER_ERR ("a known goroutine", "encountered event of type %u without known state for current goroutine %" G_GINT64_FORMAT, typ, cur.g);
  if (!range_end (&gs->ranges, typ, &desc, ev->offset, error))
    return -1;
  if (typ == GOLANES_EV_STW_END)
    ev->args[0] = desc;
  queue_event (o, ev, cur);
  return 1;
}

/* The experimental heap events (spans, objects, goroutine stacks). */
static int
advance_experimental (GolanesOrdering   *o,
                      GolanesEvent      *ev,
                      GolanesGeneration *g,
                      guint64            gen,
                      SchedCtx           cur,
                      SchedCtx          *nctx,
                      GError           **error)
{
  if (!validate_ctx (cur, MUST, MAY, MAY, ev->offset, error))
    return -1;
  queue_event (o, ev, cur);
  return 1;
}

/* ---- dispatch ------------------------------------------------------------ */

typedef int (*OrderFunc) (GolanesOrdering   *o,
                          GolanesEvent      *ev,
                          GolanesGeneration *g,
                          guint64            gen,
                          SchedCtx           cur,
                          SchedCtx          *nctx,
                          GError           **error);

/* Event types without a function here cannot appear in event batches. */
static const OrderFunc order_dispatch[256] = {
  /* Procs */
  [GOLANES_EV_PROCS_CHANGE]           = advance_annotation,
  [GOLANES_EV_PROC_START]             = advance_proc_start,
  [GOLANES_EV_PROC_STOP]              = advance_proc_stop,
  [GOLANES_EV_PROC_STEAL]             = advance_proc_steal,
  [GOLANES_EV_PROC_STATUS]            = advance_proc_status,

  /* Goroutines */
  [GOLANES_EV_GO_CREATE]              = advance_go_create,
  [GOLANES_EV_GO_CREATE_SYSCALL]      = advance_go_create_syscall,
  [GOLANES_EV_GO_CREATE_BLOCKED]      = advance_go_create,
  [GOLANES_EV_GO_START]               = advance_go_start,
  [GOLANES_EV_GO_DESTROY]             = advance_go_stop_running,
  [GOLANES_EV_GO_DESTROY_SYSCALL]     = advance_go_destroy_syscall,
  [GOLANES_EV_GO_STOP]                = advance_go_stop_running,
  [GOLANES_EV_GO_BLOCK]               = advance_go_stop_running,
  [GOLANES_EV_GO_UNBLOCK]             = advance_go_unblock,
  [GOLANES_EV_GO_SWITCH]              = advance_go_switch,
  [GOLANES_EV_GO_SWITCH_DESTROY]      = advance_go_switch,
  [GOLANES_EV_GO_SYSCALL_BEGIN]       = advance_go_syscall_begin,
  [GOLANES_EV_GO_SYSCALL_END]         = advance_go_syscall_end,
  [GOLANES_EV_GO_SYSCALL_END_BLOCKED] = advance_go_syscall_end_blocked,
  [GOLANES_EV_GO_STATUS]              = advance_go_status,
  [GOLANES_EV_GO_STATUS_STACK]        = advance_go_status,

  /* Stop-the-world, GC and the heap */
  [GOLANES_EV_STW_BEGIN]              = advance_go_range_begin,
  [GOLANES_EV_STW_END]                = advance_go_range_end,
  [GOLANES_EV_GC_ACTIVE]              = advance_gc_active,
  [GOLANES_EV_GC_BEGIN]               = advance_gc_begin,
  [GOLANES_EV_GC_END]                 = advance_gc_end,
  [GOLANES_EV_GC_SWEEP_ACTIVE]        = advance_gc_sweep_active,
  [GOLANES_EV_GC_SWEEP_BEGIN]         = advance_gc_sweep_begin,
  [GOLANES_EV_GC_SWEEP_END]           = advance_gc_sweep_end,
  [GOLANES_EV_GC_MARK_ASSIST_ACTIVE]  = advance_go_range_active,
  [GOLANES_EV_GC_MARK_ASSIST_BEGIN]   = advance_go_range_begin,
  [GOLANES_EV_GC_MARK_ASSIST_END]     = advance_go_range_end,
  [GOLANES_EV_HEAP_ALLOC]             = advance_heap_metric,
  [GOLANES_EV_HEAP_GOAL]              = advance_heap_metric,

  /* Annotations */
  [GOLANES_EV_GO_LABEL]               = advance_annotation,
  [GOLANES_EV_USER_TASK_BEGIN]        = advance_user_task_begin,
  [GOLANES_EV_USER_TASK_END]          = advance_user_task_end,
  [GOLANES_EV_USER_REGION_BEGIN]      = advance_user_region,
  [GOLANES_EV_USER_REGION_END]        = advance_user_region,
  [GOLANES_EV_USER_LOG]               = advance_annotation,

  /* Experimental */
  [GOLANES_EV_SPAN]                   = advance_experimental,
  [GOLANES_EV_SPAN_ALLOC]             = advance_experimental,
  [GOLANES_EV_SPAN_FREE]              = advance_experimental,
  [GOLANES_EV_HEAP_OBJECT]            = advance_experimental,
  [GOLANES_EV_HEAP_OBJECT_ALLOC]      = advance_experimental,
  [GOLANES_EV_HEAP_OBJECT_FREE]       = advance_experimental,
  [GOLANES_EV_GOROUTINE_STACK]        = advance_experimental,
  [GOLANES_EV_GOROUTINE_STACK_ALLOC]  = advance_experimental,
  [GOLANES_EV_GOROUTINE_STACK_FREE]   = advance_experimental,
};

/* Where Go's scheduler would be for thread @m before @ev, then the event's
 * own function. */
int
_golanes_ordering_advance (GolanesOrdering   *o,
                           GolanesEvent      *ev,
                           guint64            m,
                           gpointer          *mcache,
                           GolanesGeneration *g,
                           GError           **error)
{
  OrderFunc advance = order_dispatch[ev->type];
  SchedCtx cur, nctx;
  MState *ms = NULL;
  int res;

  if (o->initial_gen == 0)
    o->initial_gen = g->gen;
  cur.m = (gint64) m;
  if (cur.m == -1)
    {
      cur.p = -1;
      cur.g = -1;
    }
  else
    {
      ms = *mcache;
      if (ms == NULL)
        {
          ms = get_m (o, cur.m);
          if (ms == NULL)
            ms = new_m (o, cur.m, -1, -1);
          *mcache = ms;
        }
      cur.p = ms->p;
      cur.g = ms->g;
    }
  if (G_UNLIKELY (advance == NULL))
    ORDER_ERR ("an event type the ordering knows", "bad event type found while ordering: %u", ev->type);
  nctx = cur;
  res = advance (o, ev, g, g->gen, cur, &nctx, error);
  if (res == 1 && ms != NULL)
    {
      ms->p = nctx.p;
      ms->g = nctx.g;
    }
  return res;
}

/* ---- life cycle -------------------------------------------------------- */

void
_golanes_ordering_init (GolanesOrdering *o,
                        guint            version)
{
  memset (o, 0, sizeof *o);
  o->version = version;
  golanes_id_map_init (&o->g_states);
  golanes_id_map_init (&o->p_states);
  golanes_id_map_init (&o->m_states);
  golanes_id_map_init (&o->tasks);
}

static void
free_map_values (GolanesIdMap *map,
                 void        (*fn) (gpointer))
{
  guint i;

  for (i = 0; map->used != NULL && i <= map->mask; i++)
    if (map->used[i])
      fn ((gpointer) (gsize) map->values[i]);
  golanes_id_map_clear (map);
}

static void
free_p_state (gpointer p)
{
  PState *ps = p;
  g_free (ps->ranges.v);
  g_free (ps);
}


static void
free_name (gpointer key,
           gpointer value,
           gpointer user_data)
{
  g_free (key);
}

static void
free_g_state_cb (gpointer p)
{
  free_g_state (p);
}

void
_golanes_ordering_clear (GolanesOrdering *o)
{
  free_map_values (&o->g_states, free_g_state_cb);
  free_map_values (&o->p_states, free_p_state);
  free_map_values (&o->m_states, g_free);
  free_map_values (&o->tasks, g_free);
  while (o->free_g != NULL)
    {
      GolanesGState *n = o->free_g->next_free;
      free_g_state (o->free_g);
      o->free_g = n;
    }
  g_clear_pointer (&o->queue, g_free);
  if (o->names != NULL)
    {
      g_hash_table_foreach (o->names, free_name, NULL);
      g_clear_pointer (&o->names, g_hash_table_unref);
    }
}
