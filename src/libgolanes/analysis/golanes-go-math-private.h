/* golanes-go-math-private.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Go's math.Exp and math.Log as computed on this machine (amd64 assembly
 * semantics, including the FMA variant of Exp where the CPU has AVX and
 * FMA; GOLANES_GO_MATH=fma or nofma in the environment overrides the
 * choice); the plot windows depend on their last bit. */
double golanes_go_exp (double x);
double golanes_go_log (double x);

G_END_DECLS
