/* golanes-timeline-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _GolanesTimeline GolanesTimeline;

/* Tests: with FALSE, ended goroutines keep their tracks instead of going
 * to the compact store (set before the first event). */
void _golanes_timeline_set_compact (GolanesTimeline *self,
                                    gboolean         compact);

/* Growable arrays of the timeline model.  Arrays of 16 KiB and more live
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

/* Bit packing of up to 64 values at a time, as the tracks store their
 * spans: a frame of reference (value - minimum, in the fewest bits that
 * hold them all) or, with @try_dict, a dictionary of up to 16 distinct
 * values when that is smaller.  golanes_pack_values() writes at most
 * GOLANES_PACK_MAX_BYTES (n) bytes (the last 8 of them zero, scratch) and
 * returns where its bytes end.  golanes_unpack_values() reads them back
 * and returns where they end; it may read up to 16 bytes past them, so
 * keep GOLANES_PACK_PAD readable bytes after the last packed run. */
#define GOLANES_PACK_MAX_BYTES(n) (16 + 16 * 8 + (gsize) (n) * 8 + 8)
#define GOLANES_PACK_PAD          16
guint8       *golanes_pack_values   (guint8        *out,
                                     const guint64 *values,
                                     guint          n,
                                     gboolean       try_dict);
const guint8 *golanes_unpack_values (const guint8  *p,
                                     guint          n,
                                     guint64       *out);

G_END_DECLS
