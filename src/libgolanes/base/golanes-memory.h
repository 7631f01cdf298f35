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

/* For tests: bytes in the big arrays' own mappings, not freed yet. */
gint64 _golanes_array_get_mapped_bytes (void);

G_END_DECLS
