/* golanes-trace-generation.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A generation: its batches grouped by thread, its string and stack tables
 * and its CPU samples, read batch by batch and checked once complete (Go's
 * generation.go).
 */

#include "config.h"

#include <string.h>

#include "golanes-error.h"
#include "golanes-trace-reader-private.h"

/* ---- id tables --------------------------------------------------------- */

static void
id_table_init (GolanesIdTable *t)
{
  golanes_id_map_init (&t->map);
  t->ids = g_array_new (FALSE, FALSE, sizeof (guint64));
  t->dense = NULL;
  t->dense_len = 0;
}

static void
id_table_clear (GolanesIdTable *t)
{
  golanes_id_map_clear (&t->map);
  if (t->ids != NULL)
    g_array_unref (t->ids);
  t->ids = NULL;
  g_clear_pointer (&t->dense, g_free);
}

/* Mirrors Go's dataTable.compactify: a dense index when ids are compact. */
static void
id_table_compact (GolanesIdTable *t)
{
  guint64 min_id = G_MAXUINT64, max_id = 0, n = t->ids->len, i;

  if (n == 0)
    return;
  for (i = 0; i < n; i++)
    {
      guint64 id = g_array_index (t->ids, guint64, i);
      if (id > max_id)
        max_id = id;
      if (id < min_id)
        min_id = id;
    }
  if (max_id >= G_MAXINT64)
    return;
  if (max_id - min_id > MAX (n, 2 * n))
    return;
  if (min_id > n)
    return;
  t->dense_len = max_id + 1;
  t->dense = g_new0 (guint32, t->dense_len);
  for (i = 0; i < n; i++)
    t->dense[g_array_index (t->ids, guint64, i)] = (guint32) i + 1;
  golanes_id_map_clear (&t->map);
}

/* ---- generations ------------------------------------------------------- */

static void
free_gstring (gpointer p)
{
  g_string_free (p, TRUE);
}

static GolanesGeneration *
gen_new (void)
{
  GolanesGeneration *g = g_new0 (GolanesGeneration, 1);

  g->mbatches = g_array_new (FALSE, FALSE, sizeof (GolanesThreadBatches));
  golanes_id_map_init (&g->m_index);
  id_table_init (&g->strings);
  g->string_vals = g_array_new (FALSE, FALSE, sizeof (GolanesStr));
  id_table_init (&g->stacks);
  g->stack_vals = g_array_new (FALSE, FALSE, sizeof (GolanesGenStack));
  g->stack_pcs = g_array_new (FALSE, FALSE, sizeof (guint64));
  golanes_id_map_init (&g->pcs);
  g->frames = g_array_new (FALSE, FALSE, sizeof (GolanesGenFrame));
  g->cpu_samples = g_array_new (FALSE, FALSE, sizeof (GolanesCpuSample));
  g->extra = g_ptr_array_new_with_free_func (free_gstring);
  g->extra_index = g_hash_table_new ((GHashFunc) g_string_hash, (GEqualFunc) g_string_equal);
  g->string_data = g_ptr_array_new_with_free_func (g_free);
  g_mutex_init (&g->extra_lock);
  g->refs = 1;
  return g;
}

GolanesGeneration *
_golanes_generation_new (void)
{
  return gen_new ();
}

void
_golanes_generation_compact (GolanesGeneration *g)
{
  id_table_compact (&g->stacks);
  id_table_compact (&g->strings);
}

GolanesGeneration *
_golanes_generation_ref (GolanesGeneration *g)
{
  if (g != NULL)
    g_atomic_int_inc (&g->refs);
  return g;
}

void
_golanes_generation_free (GolanesGeneration *g)
{
  guint i;

  if (g == NULL || !g_atomic_int_dec_and_test (&g->refs))
    return;
  for (i = 0; i < g->mbatches->len; i++)
    g_array_unref (g_array_index (g->mbatches, GolanesThreadBatches, i).batches);
  g_array_unref (g->mbatches);
  golanes_id_map_clear (&g->m_index);
  id_table_clear (&g->strings);
  g_array_unref (g->string_vals);
  id_table_clear (&g->stacks);
  g_array_unref (g->stack_vals);
  g_array_unref (g->stack_pcs);
  golanes_id_map_clear (&g->pcs);
  g_array_unref (g->frames);
  g_array_unref (g->cpu_samples);
  g_hash_table_unref (g->extra_index);
  g_ptr_array_unref (g->extra);
  g_ptr_array_unref (g->string_data);
  g_mutex_clear (&g->extra_lock);
  g_free (g);
}

guint64
_golanes_generation_add_extra (GolanesGeneration *g,
                               const char        *data,
                               gsize              len)
{
  GString key = { (gchar *) data, len, 0 };
  gpointer v;
  GString *copy;
  guint64 index;

  /* Only the ordering's thread adds; readers look under the lock. */
  v = g_hash_table_lookup (g->extra_index, &key);
  if (v != NULL)
    return GPOINTER_TO_SIZE (v);
  copy = g_string_new_len (data, (gssize) len);
  g_mutex_lock (&g->extra_lock);
  g_ptr_array_add (g->extra, copy);
  index = g->extra->len;
  g_mutex_unlock (&g->extra_lock);
  g_hash_table_insert (g->extra_index, copy, GSIZE_TO_POINTER ((gsize) index));
  return index;
}

gboolean
_golanes_generation_get_string (const GolanesGeneration *g,
                                guint64                  id,
                                GolanesStr              *out)
{
  gint64 i;

  if (id == 0)
    {
      out->data = "";
      out->len = 0;
      return TRUE;
    }
  if (g == NULL)
    return FALSE;
  i = _golanes_id_table_get (&g->strings, id);
  if (i < 0)
    return FALSE;
  *out = g_array_index (g->string_vals, GolanesStr, i);
  return TRUE;
}

/* ---- the batches of a generation --------------------------------------- */

static void
format_stack_for_error (GString       *s,
                        const guint64 *pcs,
                        guint          n)
{
  guint i;

  for (i = 0; i < n; i++)
    g_string_append_printf (s, "\t0x%" G_GINT64_MODIFIER "x\n", pcs[i]);
}

static gboolean
add_strings (GolanesGeneration  *g,
             const GolanesBatch *b,
             GError            **error)
{
  gsize pos = 1;
  const char *e;
  const guint8 *copy;

  /* The strings outlive the batch bytes (a window of the file). */
  copy = g_memdup2 (b->data, b->len);
  g_ptr_array_add (g->string_data, (gpointer) copy);
  while (pos < b->len)
    {
      guint64 id, slen, off = b->offset + pos;
      guint8 ev = b->data[pos++];
      GolanesStr s;

      if (ev != GOLANES_EV_STRING)
        {
          _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, off, "a String event (byte 5)",
                                    "expected string event, got %u", ev);
          return FALSE;
        }
      if ((e = golanes_varint_read (b->data, b->len, &pos, &id)) != NULL ||
          (e = golanes_varint_read (b->data, b->len, &pos, &slen)) != NULL)
        {
          _golanes_trace_set_error (error, GOLANES_ERROR_TRUNCATED, b->offset + pos, "a string id and length (varints)",
                                    "%s", e);
          return FALSE;
        }
      if (slen > GOLANES_MAX_STRING_SIZE)
        {
          _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, b->offset + pos, "a string of at most 1024 bytes",
                                    "invalid string size %" G_GUINT64_FORMAT ", maximum is %d", slen, GOLANES_MAX_STRING_SIZE);
          return FALSE;
        }
      if (b->len - pos < slen)
        {
          _golanes_trace_set_error (error, GOLANES_ERROR_TRUNCATED, b->offset + pos, "string bytes within the batch",
                                    "failed to read full string: read %" G_GSIZE_FORMAT " but wanted %" G_GUINT64_FORMAT,
                                    b->len - pos, slen);
          return FALSE;
        }
      s.data = (const char *) copy + pos;
      s.len = slen;
      pos += slen;
      {
        GolanesStr existing;
        if (id == 0 || _golanes_id_table_get (&g->strings, id) >= 0)
          {
            _golanes_generation_get_string (g, id, &existing);
            _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, off, "a string id not used before in this generation",
                                      "multiple strings with the same ID: id=%" G_GUINT64_FORMAT ", new=%.*s, existing=%.*s",
                                      id, (int) s.len, s.data, (int) existing.len, existing.data);
            return FALSE;
          }
        golanes_id_map_insert (&g->strings.map, id, g->string_vals->len);
        g_array_append_val (g->strings.ids, id);
        g_array_append_val (g->string_vals, s);
      }
    }
  return TRUE;
}

static gboolean
add_stacks (GolanesGeneration  *g,
            const GolanesBatch *b,
            GError            **error)
{
  gsize pos = 1;
  const char *e;
  static const char *what[] = { "PC", "funcID", "fileID", "line" };

  while (pos < b->len)
    {
      guint64 id, nframes, i, off = b->offset + pos;
      guint8 ev = b->data[pos++];
      GolanesGenStack ent;

      if (ev != GOLANES_EV_STACK)
        {
          _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, off, "a Stack event (byte 3)",
                                    "expected stack event, got %u", ev);
          return FALSE;
        }
      if ((e = golanes_varint_read (b->data, b->len, &pos, &id)) != NULL ||
          (e = golanes_varint_read (b->data, b->len, &pos, &nframes)) != NULL)
        {
          _golanes_trace_set_error (error, GOLANES_ERROR_TRUNCATED, b->offset + pos, "a stack id and frame count (varints)",
                                    "%s", e);
          return FALSE;
        }
      if (nframes > GOLANES_MAX_FRAMES)
        {
          _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, b->offset + pos, "at most 128 frames",
                                    "invalid stack size %" G_GUINT64_FORMAT ", maximum is %d", nframes, GOLANES_MAX_FRAMES);
          return FALSE;
        }
      ent.first = g->stack_pcs->len;
      ent.n = (guint32) nframes;
      for (i = 0; i < nframes; i++)
        {
          guint64 v[4];
          int k;
          GolanesGenFrame f;

          for (k = 0; k < 4; k++)
            if ((e = golanes_varint_read (b->data, b->len, &pos, &v[k])) != NULL)
              {
                _golanes_trace_set_error (error, GOLANES_ERROR_TRUNCATED, b->offset + pos, "a stack frame (4 varints)",
                                          "reading frame %" G_GUINT64_FORMAT "'s %s for stack %" G_GUINT64_FORMAT ": %s",
                                          i + 1, what[k], id, e);
                return FALSE;
              }
          g_array_append_val (g->stack_pcs, v[0]);
          if (!golanes_id_map_lookup (&g->pcs, v[0], NULL))
            {
              f.pc = v[0];
              f.func_id = v[1];
              f.file_id = v[2];
              f.line = v[3];
              golanes_id_map_insert (&g->pcs, v[0], g->frames->len);
              g_array_append_val (g->frames, f);
            }
        }
      if (id == 0 || _golanes_id_table_get (&g->stacks, id) >= 0)
        {
          GString *s = g_string_new (NULL);
          gint64 ex = id == 0 ? -1 : _golanes_id_table_get (&g->stacks, id);

          g_string_append_printf (s, "multiple trace.stacks with the same ID: id=%" G_GUINT64_FORMAT ", new=", id);
          /* An empty array has no data to point into, even at offset 0. */
          format_stack_for_error (s, ent.n > 0 ? &g_array_index (g->stack_pcs, guint64, ent.first) : NULL, ent.n);
          g_string_append (s, ", existing=");
          if (ex >= 0)
            {
              GolanesGenStack *x = &g_array_index (g->stack_vals, GolanesGenStack, ex);
              format_stack_for_error (s, x->n > 0 ? &g_array_index (g->stack_pcs, guint64, x->first) : NULL, x->n);
            }
          _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, off, "a stack id not used before in this generation",
                                    "%s", s->str);
          g_string_free (s, TRUE);
          return FALSE;
        }
      golanes_id_map_insert (&g->stacks.map, id, g->stack_vals->len);
      g_array_append_val (g->stacks.ids, id);
      g_array_append_val (g->stack_vals, ent);
    }
  return TRUE;
}

static gboolean
add_cpu_samples (GolanesGeneration  *g,
                 const GolanesBatch *b,
                 GError            **error)
{
  gsize pos = 1;
  const char *e;

  while (pos < b->len)
    {
      guint64 v[5], off = b->offset + pos;
      guint8 ev = b->data[pos++];
      GolanesCpuSample s;
      int k;

      if (ev != GOLANES_EV_CPU_SAMPLE)
        {
          _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, off, "a CPUSample event (byte 7)",
                                    "expected CPU sample event, got %u", ev);
          return FALSE;
        }
      for (k = 0; k < 5; k++)
        if ((e = golanes_varint_read (b->data, b->len, &pos, &v[k])) != NULL)
          {
            _golanes_trace_set_error (error, GOLANES_ERROR_TRUNCATED, b->offset + pos, "a CPU sample (5 varints)", "%s", e);
            return FALSE;
          }
      s.time = (gint64) v[0];
      s.m = (gint64) v[1];
      s.p = (gint64) v[2];
      s.g = v[3] == 0 ? -1 : (gint64) v[3];
      s.stack = v[4];
      s.offset = off;
      g_array_append_val (g->cpu_samples, s);
    }
  return TRUE;
}

static gboolean
set_sync_batch (GolanesGeneration  *g,
                const GolanesBatch *b,
                guint               version,
                GError            **error)
{
  gsize pos = 0;
  guint64 last = b->time;
  const char *e;

  if (version >= 25)
    pos = 1;
  while (pos < b->len)
    {
      guint64 off = b->offset + pos;
      guint8 ev = b->data[pos++];

      if (ev == GOLANES_EV_FREQUENCY)
        {
          guint64 f;
          if (g->has_freq)
            {
              _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, off, "a single frequency per generation",
                                        "found multiple frequency events");
              return FALSE;
            }
          if ((e = golanes_varint_read (b->data, b->len, &pos, &f)) != NULL)
            {
              _golanes_trace_set_error (error, GOLANES_ERROR_TRUNCATED, b->offset + pos, "the frequency (varint)", "%s", e);
              return FALSE;
            }
          g->freq = 1.0 / ((double) f / 1e9);
          g->has_freq = g->freq != 0;
        }
      else if (ev == GOLANES_EV_CLOCK_SNAPSHOT && version >= 25)
        {
          guint64 v[4];
          int k;

          if (g->has_clock)
            {
              _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, off, "a single clock snapshot per generation",
                                        "found multiple clock snapshot events");
              return FALSE;
            }
          g->has_clock = TRUE;
          for (k = 0; k < 4; k++)
            if ((e = golanes_varint_read (b->data, b->len, &pos, &v[k])) != NULL)
              {
                _golanes_trace_set_error (error, GOLANES_ERROR_TRUNCATED, b->offset + pos, "a clock snapshot (4 varints)", "%s", e);
                return FALSE;
              }
          last += v[0];
          g->snap_time = last;
          g->snap_mono = v[1];
          g->snap_sec = v[2];
          g->snap_nsec = v[3];
        }
      else
        {
          _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, off, "a Frequency or ClockSnapshot event",
                                    "expected frequency or clock snapshot event, got %u", ev);
          return FALSE;
        }
    }
  return TRUE;
}

/* Event batches are kept as their place in the input; for file input their
 * bytes are read again when a cursor gets to them. */
static gboolean
process_batch (GolanesGeneration  *g,
               const GolanesBatch *b,
               guint               version,
               gboolean            in_memory,
               GError            **error)
{
  guint8 first = b->len > 0 ? b->data[0] : 0;

  if (b->exp == 0 && b->len > 0 && first == GOLANES_EV_STRINGS)
    return add_strings (g, b, error);
  if (b->exp == 0 && b->len > 0 && first == GOLANES_EV_STACKS)
    return add_stacks (g, b, error);
  if (b->exp == 0 && b->len > 0 && first == GOLANES_EV_CPU_SAMPLES)
    return add_cpu_samples (g, b, error);
  if (b->exp == 0 && b->len > 0 &&
      ((first == GOLANES_EV_FREQUENCY && version < 25) ||
       (first == GOLANES_EV_SYNC_BATCH && version >= 25)))
    return set_sync_batch (g, b, version, error);
  if (b->exp != 0)
    return TRUE;    /* experimental side data is not exposed as events */
  if (b->len > 0 && first == GOLANES_EV_END_OF_GENERATION)
    {
      _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, b->offset, "event data, not an end-of-generation marker",
                                "internal error: unexpectedly processing EndOfGeneration; broken trace?");
      return FALSE;
    }
  {
    guint64 idx;
    GolanesThreadBatches *mb;

    if (!golanes_id_map_lookup (&g->m_index, b->m, &idx))
      {
        GolanesThreadBatches nmb;
        idx = g->mbatches->len;
        nmb.m = b->m;
        nmb.batches = g_array_new (FALSE, FALSE, sizeof (GolanesBatch));
        g_array_append_val (g->mbatches, nmb);
        golanes_id_map_insert (&g->m_index, b->m, idx);
      }
    mb = &g_array_index (g->mbatches, GolanesThreadBatches, idx);
    g_array_append_val (mb->batches, *b);
    if (!in_memory)
      g_array_index (mb->batches, GolanesBatch, mb->batches->len - 1).data = NULL;
  }
  return TRUE;
}

static void
note_min_ts (GolanesGeneration  *g,
             const GolanesBatch *b)
{
  if (g->min_ts == 0 || b->time < g->min_ts)
    g->min_ts = b->time;
}

static gboolean
validate_stack (GolanesTraceReader    *r,
                GolanesGeneration     *g,
                guint64                sid,
                const GolanesGenStack *se,
                GError               **error)
{
  guint k;

  for (k = 0; k < se->n; k++)
    {
      guint64 pc = g_array_index (g->stack_pcs, guint64, se->first + k), fi = 0;
      GolanesGenFrame *f;

      golanes_id_map_lookup (&g->pcs, pc, &fi);
      f = &g_array_index (g->frames, GolanesGenFrame, fi);
      if (!_golanes_generation_has_string (g, f->func_id))
        {
          _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, r->pos, "stack frames naming existing strings",
                                    "found invalid func string ID %" G_GUINT64_FORMAT " for stack %" G_GUINT64_FORMAT, f->func_id, sid);
          return FALSE;
        }
      if (!_golanes_generation_has_string (g, f->file_id))
        {
          _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, r->pos, "stack frames naming existing strings",
                                    "found invalid file string ID %" G_GUINT64_FORMAT " for stack %" G_GUINT64_FORMAT, f->file_id, sid);
          return FALSE;
        }
    }
  return TRUE;
}

/* Common checks once all batches of a generation are in. */
static gboolean
finish_generation (GolanesTraceReader *r,
                   GolanesGeneration  *g,
                   GError            **error)
{
  guint i;
  GolanesSortItem *items;
  GArray *sorted;

  if (!g->has_freq)
    {
      _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, r->pos, "a frequency event in the generation",
                                "no frequency event found");
      return FALSE;
    }
  if (r->version >= 25 && !g->has_clock)
    {
      _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, r->pos, "a clock snapshot in the generation",
                                "no clock snapshot event found");
      return FALSE;
    }
  id_table_compact (&g->stacks);
  id_table_compact (&g->strings);

  /* Every frame must name existing strings; a compacted table is walked in
   * id order, like Go does. */
  if (g->stacks.dense != NULL)
    {
      guint64 id;
      for (id = 0; id < g->stacks.dense_len; id++)
        if (g->stacks.dense[id] != 0 &&
            !validate_stack (r, g, id, &g_array_index (g->stack_vals, GolanesGenStack, g->stacks.dense[id] - 1), error))
          return FALSE;
    }
  else
    for (i = 0; i < g->stacks.ids->len; i++)
      if (!validate_stack (r, g, g_array_index (g->stacks.ids, guint64, i),
                           &g_array_index (g->stack_vals, GolanesGenStack, i), error))
        return FALSE;

  /* CPU sample times, then a sort identical to Go's. */
  for (i = 0; i < g->cpu_samples->len; i++)
    {
      GolanesCpuSample *s = &g_array_index (g->cpu_samples, GolanesCpuSample, i);
      s->time = _golanes_freq_mul (g->freq, (guint64) s->time);
    }
  if (g->cpu_samples->len > 1)
    {
      items = g_new (GolanesSortItem, g->cpu_samples->len);
      for (i = 0; i < g->cpu_samples->len; i++)
        {
          items[i].key = g_array_index (g->cpu_samples, GolanesCpuSample, i).time;
          items[i].value = i;
        }
      golanes_sort_items (items, g->cpu_samples->len);
      sorted = g_array_sized_new (FALSE, FALSE, sizeof (GolanesCpuSample), g->cpu_samples->len);
      for (i = 0; i < g->cpu_samples->len; i++)
        g_array_append_val (sorted, g_array_index (g->cpu_samples, GolanesCpuSample, items[i].value));
      g_array_unref (g->cpu_samples);
      g->cpu_samples = sorted;
      g_free (items);
    }
  return TRUE;
}

/* ---- reading a generation --------------------------------------------- */

/* Go 1.26+: a generation ends with an EndOfGeneration byte.  Returns NULL
 * with no error at the end of the trace. */
GolanesGeneration *
_golanes_read_generation (GolanesTraceReader *r,
                          GError            **error)
{
  GolanesGeneration *g = gen_new ();
  gboolean any = FALSE, gen_set = FALSE;

  for (;;)
    {
      GolanesBatch b;
      guint64 bgen;
      gboolean eog;
      GolanesReadResult rr = _golanes_read_batch (r, &b, &bgen, &eog, error);

      if (rr == GOLANES_READ_EOF)
        {
          if (any)
            {
              _golanes_trace_set_error (error, GOLANES_ERROR_TRUNCATED, r->pos, "an end-of-generation marker (byte 52)",
                                        "incomplete generation found; trace likely truncated");
              _golanes_generation_free (g);
              return NULL;
            }
          _golanes_generation_free (g);
          return NULL;
        }
      if (rr == GOLANES_READ_ERROR)
        {
          _golanes_generation_free (g);
          return NULL;
        }
      if (!gen_set || g->gen == 0)
        {
          g->gen = bgen;
          gen_set = TRUE;
        }
      if (eog)
        break;
      any = TRUE;
      if (bgen == 0)
        {
          _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, b.offset, "a generation number above 0",
                                    "invalid generation number %" G_GUINT64_FORMAT, bgen);
          _golanes_generation_free (g);
          return NULL;
        }
      if (bgen != g->gen)
        {
          _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, b.offset, "a batch of the current generation",
                                    "broken trace: missing end-of-generation event, or generations are interleaved");
          _golanes_generation_free (g);
          return NULL;
        }
      note_min_ts (g, &b);
      if (!process_batch (g, &b, r->version, r->data != NULL, error))
        {
          _golanes_generation_free (g);
          return NULL;
        }
    }
  if (!finish_generation (r, g, error))
    {
      _golanes_generation_free (g);
      return NULL;
    }
  return g;
}

/* Before Go 1.26: a generation ends where a batch of the next one starts. */
GolanesGeneration *
_golanes_read_generation_with_spill (GolanesTraceReader *r,
                                     GError            **error)
{
  GolanesGeneration *g = gen_new ();

  if (r->has_spill)
    {
      GolanesBatch sb = r->spill;
      g->gen = r->spill_gen;
      g->min_ts = sb.time;
      r->has_spill = FALSE;
      if (!process_batch (g, &sb, r->version, r->data != NULL, error))
        {
          _golanes_generation_free (g);
          return NULL;
        }
    }
  for (;;)
    {
      GolanesBatch b;
      guint64 bgen;
      gboolean eog;
      GError *local = NULL;
      GolanesReadResult rr = _golanes_read_batch (r, &b, &bgen, &eog, &local);

      if (rr == GOLANES_READ_EOF)
        break;
      if (rr == GOLANES_READ_ERROR)
        {
          if (g->gen != 0)
            {
              r->spill_err = local;
              break;
            }
          g_propagate_error (error, local);
          _golanes_generation_free (g);
          return NULL;
        }
      if (bgen == 0)
        {
          _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, b.offset, "a generation number above 0",
                                    "invalid generation number %" G_GUINT64_FORMAT, bgen);
          _golanes_generation_free (g);
          return NULL;
        }
      if (g->gen == 0)
        g->gen = bgen;
      if (bgen == g->gen + 1)
        {
          r->spill = b;
          if (r->data == NULL)
            {
              /* The window moves on before the spill batch is processed. */
              g_free (r->spill_data);
              r->spill_data = g_memdup2 (b.data, b.len);
              r->spill.data = r->spill_data;
            }
          r->spill_gen = bgen;
          r->has_spill = TRUE;
          break;
        }
      if (bgen != g->gen)
        {
          _golanes_trace_set_error (error, GOLANES_ERROR_MALFORMED, b.offset, "a batch of the current or the next generation",
                                    "generations out of order");
          _golanes_generation_free (g);
          return NULL;
        }
      note_min_ts (g, &b);
      if (!process_batch (g, &b, r->version, r->data != NULL, error))
        {
          _golanes_generation_free (g);
          return NULL;
        }
    }
  if (!finish_generation (r, g, error))
    {
      _golanes_generation_free (g);
      return NULL;
    }
  return g;
}
