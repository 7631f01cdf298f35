/* golanes-pprof.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "golanes-blocking.h"
#include "golanes-stack-table.h"

G_BEGIN_DECLS

/*
 * Writer for pprof profiles (profile.proto), the format `go tool pprof`
 * reads.  Frames come from a stack table: one Location per distinct PC
 * (with the frame's line), one Function per distinct file and function
 * name, as `go tool trace` builds its profiles.
 */

typedef struct
{
  const char *type;
  const char *unit;
} GolanesPprofValueType;

/* Encodes a profile (not compressed).  @sample_stacks holds one stack id
 * per sample, @sample_values @n_sample_types values per sample. */
GBytes  *golanes_pprof_encode       (GolanesStackTable           *stacks,
                                     const GolanesPprofValueType *sample_types,
                                     guint                        n_sample_types,
                                     const GolanesPprofValueType *period_type,
                                     gint64                       period,
                                     const guint32               *sample_stacks,
                                     const gint64                *sample_values,
                                     guint                        n_samples);

/* Gzip-compresses @data. */
GBytes  *golanes_pprof_gzip         (GBytes                      *data,
                                     GError                     **error);

/* The profile of `go tool trace -pprof=KIND`: sample types
 * contentions/count and delay/nanoseconds, period type trace/count. */
GBytes  *golanes_pprof_encode_blocking (GolanesBlocking          *blocking);

/* Writes the gzipped blocking profile to @path ("-" for stdout). */
gboolean golanes_pprof_write_blocking  (GolanesBlocking          *blocking,
                                        const char               *path,
                                        GError                  **error);

G_END_DECLS
