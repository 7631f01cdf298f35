/* golanes-memory.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the library's memory goes back to the system (golanes-array.c).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Makes the C library give freed memory back to the system promptly; the
 * programs call it once, before they load anything. */
void   golanes_tune_allocator          (void);
/* A window's program brackets its loads and analyses with these (on its
 * main thread).  While any runs, freed memory goes back promptly, as
 * golanes_tune_allocator() set it; once none does, what the loaders left
 * is given back and the allocator keeps freed blocks up to a window's
 * size for reuse: the toolkit draws each frame into a new buffer the
 * window's size, which otherwise is mapped and faulted in afresh. */
void   golanes_allocator_work_begin    (void);
void   golanes_allocator_work_end      (void);

/* For tests: bytes in the big arrays' own mappings, not freed yet. */
gint64 _golanes_array_get_mapped_bytes (void);

G_END_DECLS
