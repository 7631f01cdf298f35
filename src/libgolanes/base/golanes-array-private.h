/* golanes-array-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Growable byte arrays for data written once, front to back (the timeline
 * model's tracks, goroutine store and counts).  Arrays of 64 KiB and more
 * live in their own anonymous mappings, grown with mremap() (no copy), and
 * from 2 MiB on backed by transparent huge pages where the kernel offers
 * them: copying and page faults otherwise dominate the load time.  Where
 * mremap() is missing they are plain g_realloc() blocks.
 *
 * Sizes are in bytes; @old_size and @size must be what the array was last
 * resized to (0 for NULL).
 */
gpointer golanes_array_resize (gpointer mem,
                               gsize    old_size,
                               gsize    new_size);
/* As golanes_array_resize(), and what it grows by reads as zeros: a
 * mapping's new pages already do, without being touched. */
gpointer golanes_array_resize0 (gpointer mem,
                                gsize    old_size,
                                gsize    new_size);
void     golanes_array_free   (gpointer mem,
                               gsize    size);

G_END_DECLS
