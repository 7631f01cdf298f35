/* golanes-gate.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "golanes-gate.h"

void
golanes_gate_init (GolanesGate *gate)
{
  memset (gate, 0, sizeof *gate);
  g_mutex_init (&gate->mutex);
  g_cond_init (&gate->cond);
}

void
golanes_gate_clear (GolanesGate *gate)
{
  g_mutex_clear (&gate->mutex);
  g_cond_clear (&gate->cond);
}

/* With the mutex held and the builder out: lets in the readers waiting
 * now, waits until they have been in and left, and takes the gate. */
static void
admit_then_enter (GolanesGate *gate)
{
  gate->admit_below = gate->next_ticket;
  gate->admitted_waiting = (guint) g_atomic_int_get (&gate->readers_waiting);
  gate->writer_pending = TRUE;
  g_cond_broadcast (&gate->cond);
  while (gate->readers > 0 || gate->admitted_waiting > 0)
    g_cond_wait (&gate->cond, &gate->mutex);
  gate->writer_pending = FALSE;
  gate->writer = TRUE;
}

void
golanes_gate_write_enter (GolanesGate *gate)
{
  g_mutex_lock (&gate->mutex);
  while (gate->writer || gate->writer_pending)
    g_cond_wait (&gate->cond, &gate->mutex);
  admit_then_enter (gate);
  g_mutex_unlock (&gate->mutex);
}

void
golanes_gate_write_leave (GolanesGate *gate)
{
  g_mutex_lock (&gate->mutex);
  gate->writer = FALSE;
  g_cond_broadcast (&gate->cond);
  g_mutex_unlock (&gate->mutex);
}

void
golanes_gate_yield_slow (GolanesGate *gate)
{
  g_mutex_lock (&gate->mutex);
  gate->writer = FALSE;
  admit_then_enter (gate);
  g_mutex_unlock (&gate->mutex);
}

void
golanes_gate_read_enter (GolanesGate *gate)
{
  guint64 ticket;

  g_mutex_lock (&gate->mutex);
  ticket = gate->next_ticket++;
  g_atomic_int_inc (&gate->readers_waiting);
  while (gate->writer || (gate->writer_pending && ticket >= gate->admit_below))
    g_cond_wait (&gate->cond, &gate->mutex);
  g_atomic_int_add (&gate->readers_waiting, -1);
  if (gate->writer_pending && ticket < gate->admit_below && gate->admitted_waiting > 0)
    gate->admitted_waiting--;
  gate->readers++;
  g_mutex_unlock (&gate->mutex);
}

void
golanes_gate_read_leave (GolanesGate *gate)
{
  g_mutex_lock (&gate->mutex);
  g_warn_if_fail (gate->readers > 0);
  if (gate->readers > 0 && --gate->readers == 0)
    g_cond_broadcast (&gate->cond);
  g_mutex_unlock (&gate->mutex);
}
