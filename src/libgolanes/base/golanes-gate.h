/* golanes-gate.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A gate between one thread that builds a structure and the threads that
 * read it while it is built.  The builder holds the gate while it works
 * and calls golanes_gate_yield() at points where the structure is
 * consistent (between events); a reader that wants in is let in there,
 * and the builder waits until every reader has left.  So readers never
 * see anything half-changed, moved or freed, and wait at most one of the
 * builder's steps between yields.  A builder that yields lets in the
 * readers waiting then and goes on once they have left; readers that come
 * meanwhile wait for its next yield, so neither side starves.
 *
 * Entering as a reader is cheap when nobody builds; golanes_gate_yield()
 * costs one atomic read when no reader waits.
 */

typedef struct
{
  GMutex   mutex;
  GCond    cond;
  gint     readers;          /* inside */
  gint     readers_waiting;  /* atomic: wanting in */
  gboolean writer;           /* the builder is inside */
  gboolean writer_pending;   /* it waits for the readers it let in */
  guint64  next_ticket;      /* readers take one when they wait */
  guint64  admit_below;      /* tickets let in by the builder's last yield */
  guint    admitted_waiting; /* of those, not in yet */
} GolanesGate;

void golanes_gate_init        (GolanesGate *gate);
void golanes_gate_clear       (GolanesGate *gate);

void golanes_gate_write_enter (GolanesGate *gate);
void golanes_gate_write_leave (GolanesGate *gate);
/* Lets waiting readers in and out, then enters again. */
void golanes_gate_yield_slow  (GolanesGate *gate);

static inline void
golanes_gate_yield (GolanesGate *gate)
{
  if (G_UNLIKELY (g_atomic_int_get (&gate->readers_waiting) > 0))
    golanes_gate_yield_slow (gate);
}

void golanes_gate_read_enter  (GolanesGate *gate);
void golanes_gate_read_leave  (GolanesGate *gate);

G_END_DECLS
