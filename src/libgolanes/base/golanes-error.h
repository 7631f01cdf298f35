/* golanes-error.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GOLANES_ERROR (golanes_error_quark ())

typedef enum
{
  GOLANES_ERROR_NOT_A_TRACE,          /* header is not "go 1.N trace" */
  GOLANES_ERROR_UNSUPPORTED_VERSION,  /* a Go trace, but a version we cannot read */
  GOLANES_ERROR_TRUNCATED,            /* input ended in the middle of something */
  GOLANES_ERROR_MALFORMED,            /* a value out of range, a bad structure */
  GOLANES_ERROR_INVALID_ORDER,        /* the ordering state machine failed */
} GolanesErrorCode;

GQuark golanes_error_quark (void);

G_END_DECLS
