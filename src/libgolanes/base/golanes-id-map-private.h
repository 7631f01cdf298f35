/* golanes-id-map-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Open-addressing hash map from 64-bit ids to 64-bit values. */
typedef struct
{
  guint64 *keys;
  guint64 *values;
  guint8  *used;
  guint    mask;      /* capacity - 1, capacity a power of two; 0 if empty */
  guint    count;
} GolanesIdMap;

void     golanes_id_map_init    (GolanesIdMap *map);
void     golanes_id_map_clear   (GolanesIdMap *map);
static inline guint
golanes_id_map_hash (guint64 key,
                     guint   mask)
{
  key ^= key >> 33;
  key *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  key ^= key >> 33;
  return (guint) key & mask;
}

static inline gboolean
golanes_id_map_lookup (const GolanesIdMap *map,
                       guint64             key,
                       guint64            *value)
{
  guint i;

  if (map->count == 0)
    return FALSE;
  for (i = golanes_id_map_hash (key, map->mask); map->used[i]; i = (i + 1) & map->mask)
    if (map->keys[i] == key)
      {
        if (value != NULL)
          *value = map->values[i];
        return TRUE;
      }
  return FALSE;
}

/* The value of @key, to read or change in place, or NULL if absent. */
static inline guint64 *
golanes_id_map_find (GolanesIdMap *map,
                     guint64       key)
{
  guint i;

  if (map->count == 0)
    return NULL;
  for (i = golanes_id_map_hash (key, map->mask); map->used[i]; i = (i + 1) & map->mask)
    if (map->keys[i] == key)
      return &map->values[i];
  return NULL;
}

/* Returns FALSE (and leaves the map unchanged) if @key was present. */
gboolean golanes_id_map_insert  (GolanesIdMap *map,
                                 guint64       key,
                                 guint64       value);
void     golanes_id_map_replace (GolanesIdMap *map,
                                 guint64       key,
                                 guint64       value);
gboolean golanes_id_map_remove  (GolanesIdMap *map,
                                 guint64       key);

G_END_DECLS
