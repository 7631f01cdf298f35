/* golanes-trace-header.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Every Go execution trace starts with "go 1.N trace" padded with NULs to
 * 16 bytes. */
#define GOLANES_TRACE_HEADER_SIZE 16

typedef enum
{
  GOLANES_TRACE_FORMAT_UNKNOWN,
  GOLANES_TRACE_FORMAT_LEGACY,   /* go 1.11 .. 1.21: per-P buffers, no generations */
  GOLANES_TRACE_FORMAT_V2,       /* go 1.22 and later: generations */
} GolanesTraceFormat;

typedef struct
{
  guint              go_minor;   /* the N of "go 1.N trace" */
  GolanesTraceFormat format;
  guint              header_len; /* bytes consumed by the header */
} GolanesTraceHeader;

gboolean golanes_trace_header_parse     (const guint8       *data,
                                         gsize               len,
                                         GolanesTraceHeader *header,
                                         GError            **error);
gboolean golanes_trace_header_supported (const GolanesTraceHeader *header,
                                         GError                  **error);
gboolean golanes_trace_header_read_file (const char         *path,
                                         GolanesTraceHeader *header,
                                         goffset            *size,
                                         GError            **error);

G_END_DECLS
