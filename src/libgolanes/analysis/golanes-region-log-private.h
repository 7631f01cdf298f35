/* golanes-region-log-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "golanes-goroutine-summary.h"

G_BEGIN_DECLS

/* The goroutine summary's regions: the types, interned, and every region
 * that ended (or stayed open at the trace end), in the order it did, as a
 * run of zigzag varints: its type with the has_start and has_end bits,
 * its goroutine state's serial (from the previous record's), its end
 * (from the previous end) and its start (from its end, or from the
 * previous end without one).  A goroutine state that another of the same
 * id replaces loses its regions, as in Go's summary: its serial is
 * dropped. */

/* What makes a region's type: its name and the outermost frame of the
 * stack at its begin, as string ids of the stack table. */
typedef struct
{
  guint32 name;
  guint32 func;
  guint32 file;
  guint64 pc;
  guint64 line;
} GolanesRegionKey;

typedef struct
{
  GArray     *keys;       /* GolanesRegionKey by type */
  GHashTable *type_of;    /* key -> type + 1, until the finish */
  GArray     *types;      /* GolanesRegionType, from the finish */
  guint8     *data;
  gsize       len;
  gsize       cap;
  guint       n;          /* regions, those dropped left out */
  guint64     last_serial;
  gint64      last_end;
  GHashTable *dropped;    /* serials, or NULL */
} GolanesRegionLog;

/* Gives the string of a string id, to keep. */
typedef const char *(*GolanesRegionStringFunc) (gpointer data,
                                                guint32  id);

void    _golanes_region_log_init            (GolanesRegionLog       *log);
void    _golanes_region_log_clear           (GolanesRegionLog       *log);
guint32 _golanes_region_log_intern_type     (GolanesRegionLog       *log,
                                             const GolanesRegionKey *key);
void    _golanes_region_log_append          (GolanesRegionLog       *log,
                                             guint64                 serial,
                                             guint32                 type,
                                             gboolean                has_start,
                                             gint64                  start_time,
                                             gboolean                has_end,
                                             gint64                  end_time);
/* Drops the @n regions appended under @serial. */
void    _golanes_region_log_drop            (GolanesRegionLog       *log,
                                             guint64                 serial,
                                             guint                   n);
/* Makes the public types and gives back unused room. */
void    _golanes_region_log_finish          (GolanesRegionLog       *log,
                                             GolanesRegionStringFunc string,
                                             gpointer                data);
void    _golanes_region_log_iter_init       (GolanesRegionLog       *log,
                                             GolanesRegionIter      *iter);
gsize   _golanes_region_log_get_memory_size (GolanesRegionLog       *log);

G_END_DECLS
