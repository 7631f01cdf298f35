/* golanes-region-log.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "golanes-region-log-private.h"
#include "golanes-varint-private.h"

static guint
region_key_hash (gconstpointer data)
{
  const GolanesRegionKey *k = data;
  guint64 h = k->name;

  h = h * 0x9e3779b97f4a7c15ull + k->func;
  h = h * 0x9e3779b97f4a7c15ull + k->file;
  h = h * 0x9e3779b97f4a7c15ull + k->pc;
  h = h * 0x9e3779b97f4a7c15ull + k->line;
  return (guint) (h ^ h >> 32);
}

static gboolean
region_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const GolanesRegionKey *x = a, *y = b;

  return x->name == y->name && x->func == y->func && x->file == y->file &&
         x->pc == y->pc && x->line == y->line;
}

void
_golanes_region_log_init (GolanesRegionLog *log)
{
  memset (log, 0, sizeof *log);
  log->keys = g_array_new (FALSE, FALSE, sizeof (GolanesRegionKey));
  log->type_of = g_hash_table_new_full (region_key_hash, region_key_equal, g_free, NULL);
}

void
_golanes_region_log_clear (GolanesRegionLog *log)
{
  g_clear_pointer (&log->keys, g_array_unref);
  g_clear_pointer (&log->type_of, g_hash_table_unref);
  g_clear_pointer (&log->types, g_array_unref);
  g_clear_pointer (&log->data, g_free);
  g_clear_pointer (&log->dropped, g_hash_table_unref);
}

guint32
_golanes_region_log_intern_type (GolanesRegionLog       *log,
                                 const GolanesRegionKey *key)
{
  gpointer index = g_hash_table_lookup (log->type_of, key);

  if (index != NULL)
    return GPOINTER_TO_UINT (index) - 1;
  g_array_append_val (log->keys, *key);
  g_hash_table_insert (log->type_of, g_memdup2 (key, sizeof *key), GUINT_TO_POINTER (log->keys->len));
  return log->keys->len - 1;
}

void
_golanes_region_log_append (GolanesRegionLog *log,
                            guint64           serial,
                            guint32           type,
                            gboolean          has_start,
                            gint64            start_time,
                            gboolean          has_end,
                            gint64            end_time)
{
  guint8 *p;

  if (log->cap - log->len < 4 * 10)
    {
      log->cap = MAX (log->cap * 3 / 2, 4096);
      log->data = g_realloc (log->data, log->cap);
    }
  p = log->data + log->len;
  p = golanes_varint_put (p, (guint64) type << 2 | (has_start ? 2 : 0) | (has_end ? 1 : 0));
  p = golanes_varint_put_signed (p, (gint64) (serial - log->last_serial));
  log->last_serial = serial;
  if (has_end)
    {
      p = golanes_varint_put_signed (p, end_time - log->last_end);
      log->last_end = end_time;
    }
  if (has_start)
    p = golanes_varint_put_signed (p, has_end ? end_time - start_time : start_time - log->last_end);
  log->len = (gsize) (p - log->data);
  log->n++;
}

void
_golanes_region_log_drop (GolanesRegionLog *log,
                          guint64           serial,
                          guint             n)
{
  if (n == 0)
    return;
  if (log->dropped == NULL)
    log->dropped = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_hash_table_add (log->dropped, g_memdup2 (&serial, sizeof serial));
  log->n -= n;
}

void
_golanes_region_log_finish (GolanesRegionLog        *log,
                            GolanesRegionStringFunc  string,
                            gpointer                 data)
{
  log->types = g_array_sized_new (FALSE, FALSE, sizeof (GolanesRegionType), log->keys->len);
  for (guint i = 0; i < log->keys->len; i++)
    {
      const GolanesRegionKey *k = &g_array_index (log->keys, GolanesRegionKey, i);
      GolanesRegionType rt = {
        string (data, k->name), string (data, k->func), string (data, k->file), k->pc, k->line,
      };

      g_array_append_val (log->types, rt);
    }
  g_clear_pointer (&log->type_of, g_hash_table_unref);
  if (log->cap > log->len + 1)
    {
      log->data = g_realloc (log->data, log->len + 1);
      log->cap = log->len + 1;
    }
}

void
_golanes_region_log_iter_init (GolanesRegionLog  *log,
                               GolanesRegionIter *iter)
{
  memset (iter, 0, sizeof *iter);
  iter->log = log;
  /* (No data at all without regions.) */
  iter->p = log->data;
  iter->end = log->data != NULL ? log->data + log->len : NULL;
}

gboolean
golanes_region_iter_next (GolanesRegionIter *iter,
                          GolanesUserRegion *region)
{
  GolanesRegionLog *log = iter->log;

  while (iter->p < iter->end)
    {
      guint64 head, u;

      iter->p = golanes_varint_get (iter->p, &head);
      iter->p = golanes_varint_get (iter->p, &u);
      iter->last_serial += (guint64) golanes_unzigzag (u);
      region->type = (guint) (head >> 2);
      region->has_start = (head & 2) != 0;
      region->has_end = (head & 1) != 0;
      region->start_time = region->end_time = 0;
      if (region->has_end)
        {
          iter->p = golanes_varint_get (iter->p, &u);
          iter->last_end += golanes_unzigzag (u);
          region->end_time = iter->last_end;
        }
      if (region->has_start)
        {
          iter->p = golanes_varint_get (iter->p, &u);
          region->start_time = region->has_end ? region->end_time - golanes_unzigzag (u)
                                               : iter->last_end + golanes_unzigzag (u);
        }
      if (log->dropped == NULL || !g_hash_table_contains (log->dropped, &iter->last_serial))
        return TRUE;
    }
  return FALSE;
}

gsize
_golanes_region_log_get_memory_size (GolanesRegionLog *log)
{
  return log->cap + log->keys->len * (sizeof (GolanesRegionKey) + sizeof (GolanesRegionType)) +
         (log->dropped != NULL ? g_hash_table_size (log->dropped) * 4 * sizeof (gpointer) : 0);
}
