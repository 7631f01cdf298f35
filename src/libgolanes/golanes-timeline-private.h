/* golanes-timeline-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Growable arrays of the timeline model.  Arrays of 128 KiB and more live
 * in their own anonymous mappings, grown with mremap() (no copy), and from
 * 2 MiB on backed by transparent huge pages where the kernel offers them:
 * the model's arrays are written once, front to back, and copying and page
 * faults otherwise dominate the load time.  Sizes are in bytes; @old_size must be what the array was
 * last resized to (0 for NULL). */
gpointer golanes_timeline_array_resize (gpointer mem,
                                        gsize    old_size,
                                        gsize    new_size);
void     golanes_timeline_array_free   (gpointer mem,
                                        gsize    size);

G_END_DECLS
