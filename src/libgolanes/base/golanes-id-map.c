/* golanes-id-map.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "golanes-id-map-private.h"

void
golanes_id_map_init (GolanesIdMap *map)
{
  memset (map, 0, sizeof *map);
}

void
golanes_id_map_clear (GolanesIdMap *map)
{
  g_free (map->keys);
  g_free (map->values);
  g_free (map->used);
  memset (map, 0, sizeof *map);
}

static void
id_map_resize (GolanesIdMap *map,
               guint         cap)
{
  GolanesIdMap old = *map;
  guint i;

  map->keys = g_new (guint64, cap);
  map->values = g_new (guint64, cap);
  map->used = g_new0 (guint8, cap);
  map->mask = cap - 1;
  map->count = 0;
  if (old.used != NULL)
    for (i = 0; i <= old.mask; i++)
      if (old.used[i])
        golanes_id_map_insert (map, old.keys[i], old.values[i]);
  g_free (old.keys);
  g_free (old.values);
  g_free (old.used);
}

static guint
id_map_slot (GolanesIdMap *map,
             guint64       key,
             gboolean     *found)
{
  guint i;

  if (map->used == NULL || (map->count + 1) * 4 > (map->mask + 1) * 3)
    id_map_resize (map, map->used == NULL ? 16 : (map->mask + 1) * 2);
  for (i = golanes_id_map_hash (key, map->mask); map->used[i]; i = (i + 1) & map->mask)
    if (map->keys[i] == key)
      {
        *found = TRUE;
        return i;
      }
  *found = FALSE;
  return i;
}

gboolean
golanes_id_map_insert (GolanesIdMap *map,
                       guint64       key,
                       guint64       value)
{
  gboolean found;
  guint i = id_map_slot (map, key, &found);

  if (found)
    return FALSE;
  map->used[i] = 1;
  map->keys[i] = key;
  map->values[i] = value;
  map->count++;
  return TRUE;
}

void
golanes_id_map_replace (GolanesIdMap *map,
                        guint64       key,
                        guint64       value)
{
  gboolean found;
  guint i = id_map_slot (map, key, &found);

  if (!found)
    {
      map->used[i] = 1;
      map->keys[i] = key;
      map->count++;
    }
  map->values[i] = value;
}

gboolean
golanes_id_map_remove (GolanesIdMap *map,
                       guint64       key)
{
  guint i, j;

  if (map->count == 0)
    return FALSE;
  for (i = golanes_id_map_hash (key, map->mask); map->used[i]; i = (i + 1) & map->mask)
    if (map->keys[i] == key)
      break;
  if (!map->used[i])
    return FALSE;

  /* Backward-shift deletion keeps probe chains intact without tombstones. */
  map->used[i] = 0;
  map->count--;
  for (j = (i + 1) & map->mask; map->used[j]; j = (j + 1) & map->mask)
    {
      guint home = golanes_id_map_hash (map->keys[j], map->mask);
      gboolean movable;

      if (i <= j)
        movable = home <= i || home > j;
      else
        movable = home <= i && home > j;
      if (movable)
        {
          map->keys[i] = map->keys[j];
          map->values[i] = map->values[j];
          map->used[i] = 1;
          map->used[j] = 0;
          i = j;
        }
    }
  return TRUE;
}
