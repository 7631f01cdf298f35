/* golanes-duration.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longest text golanes_format_duration() can produce, with the NUL. */
#define GOLANES_DURATION_BUF_SIZE 40

/*
 * Formats @ns the way Go's time.Duration.String() does ("0s", "320ns",
 * "1.5µs", "13.652929ms", "2m3.000000001s", "1h0m0s") into @buf, which
 * must hold GOLANES_DURATION_BUF_SIZE bytes.  Returns @buf.
 */
char *golanes_format_duration (gint64 ns,
                               char  *buf);

G_END_DECLS
