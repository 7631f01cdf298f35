/* golanes-main-gate.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "golanes-document.h"

G_BEGIN_DECLS

/* While a document's timeline streams in, the main thread reads it
 * whenever it runs: it holds the document's gate from
 * golanes_main_gate_hold() to golanes_main_gate_release(), except while
 * the main loop sleeps in poll(), which is when the loading thread
 * models.  So no widget needs to know that the timeline is still being
 * built.  Main thread only. */
void golanes_main_gate_hold    (GolanesDocument *document);
void golanes_main_gate_release (GolanesDocument *document);
guint golanes_main_gate_get_n_held (void);

G_END_DECLS
