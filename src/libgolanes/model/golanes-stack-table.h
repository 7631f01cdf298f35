/* golanes-stack-table.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "golanes-trace-reader.h"

G_BEGIN_DECLS

/*
 * Stacks and strings that outlive their generation.
 *
 * A trace's stack ids are local to one generation, and the reader frees a
 * generation's tables when it moves on.  Whatever keeps stacks for later
 * (the timeline model, the analyses) interns them here: equal stacks from
 * any generation get one stable id, and their frames' strings are kept
 * once.  Id 0 is the empty stack.
 *
 * The table caches the generation-local id of each stack it has seen, so
 * interning the same stack again in a generation costs one look-up.  Call
 * golanes_stack_table_begin_generation() when the reader hands out a Sync
 * event (every generation begins with one), which drops that cache.
 */

typedef struct _GolanesStackTable GolanesStackTable;

typedef struct
{
  guint64 pc;
  guint32 func;   /* string id, see golanes_stack_table_get_string() */
  guint32 file;
  guint32 line;
} GolanesFrame;

GolanesStackTable  *golanes_stack_table_new              (void);
void                golanes_stack_table_free             (GolanesStackTable  *table);
void                golanes_stack_table_begin_generation (GolanesStackTable  *table);
guint32             golanes_stack_table_intern           (GolanesStackTable  *table,
                                                          GolanesTraceReader *reader,
                                                          guint64             stack_id);
guint32             golanes_stack_table_intern_frames    (GolanesStackTable       *table,
                                                          const GolanesStackFrame *frames,
                                                          guint                    n_frames);
const GolanesFrame *golanes_stack_table_get_frames       (GolanesStackTable  *table,
                                                          guint32             stack,
                                                          guint              *n_frames);
guint               golanes_stack_table_get_n_stacks     (GolanesStackTable  *table);
const char         *golanes_stack_table_get_string       (GolanesStackTable  *table,
                                                          guint32             string_id,
                                                          gsize              *len);
guint32             golanes_stack_table_intern_string    (GolanesStackTable  *table,
                                                          const char         *data,
                                                          gsize               len);
gsize               golanes_stack_table_get_memory_size  (GolanesStackTable  *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GolanesStackTable, golanes_stack_table_free)

G_END_DECLS
