/* golanes-member-list-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A sorted set of guint32 (a lane group's members: goroutine, proc,
 * thread or task row indices) in about a byte a member, or much less
 * where they come in runs: a trace of millions of goroutines puts most of
 * them in one group, mostly consecutive.
 *
 * Blocks of up to GOLANES_MEMBER_BLOCK members keep their first and last
 * value and the position of the first; after the first, each member is a
 * varint token, (gap << 1) with gap = value - previous - 1, or
 * (gap << 1 | 1) followed by a varint c for a run of c + 2 consecutive
 * values.  Appending a larger value is O(1); inserting another decodes and
 * rewrites one block.  A member by position or by value decodes at most
 * one block.
 */

#define GOLANES_MEMBER_BLOCK 256

typedef struct _GolanesMemberList GolanesMemberList;

GolanesMemberList *_golanes_member_list_new          (void);
void               _golanes_member_list_free         (GolanesMemberList *self);
guint              _golanes_member_list_get_n        (const GolanesMemberList *self);
guint32            _golanes_member_list_get          (const GolanesMemberList *self,
                                                      guint                    position);
/* Members [@from, @from + @n) into @out. */
void               _golanes_member_list_copy         (const GolanesMemberList *self,
                                                      guint                    from,
                                                      guint                    n,
                                                      guint32                 *out);
/* The position of the first member >= @value (the number of members if
 * none); *@found: whether it is @value. */
guint              _golanes_member_list_lower_bound  (const GolanesMemberList *self,
                                                      guint32                  value,
                                                      gboolean                *found);
/* Adds @value (not a member yet) in order. */
void               _golanes_member_list_add          (GolanesMemberList       *self,
                                                      guint32                  value);
/* Takes out every member that @remove (sorted) holds. */
void               _golanes_member_list_remove_sorted (GolanesMemberList      *self,
                                                       const guint32          *remove,
                                                       guint                   n_remove);
gsize              _golanes_member_list_get_memory_size (const GolanesMemberList *self);

G_END_DECLS
