/* golanes-main-gate.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-main-gate"

#include "config.h"

#include "golanes-main-gate.h"

static GPtrArray *held;          /* GolanesDocument, referenced */
static GPollFunc  default_poll;

static gint
gated_poll (GPollFD *fds,
            guint    n_fds,
            gint     timeout)
{
  guint n = held->len;
  gint ret;

  for (guint i = 0; i < n; i++)
    golanes_gate_read_leave (golanes_document_get_gate (g_ptr_array_index (held, i)));
  ret = default_poll (fds, n_fds, timeout);
  for (guint i = 0; i < n; i++)
    golanes_gate_read_enter (golanes_document_get_gate (g_ptr_array_index (held, i)));
  return ret;
}

void
golanes_main_gate_hold (GolanesDocument *document)
{
  g_return_if_fail (document != NULL);
  g_return_if_fail (g_main_context_is_owner (g_main_context_default ()));

  if (held == NULL)
    {
      held = g_ptr_array_new_with_free_func ((GDestroyNotify) golanes_document_unref);
      default_poll = g_main_context_get_poll_func (NULL);
      g_main_context_set_poll_func (NULL, gated_poll);
    }
  golanes_gate_read_enter (golanes_document_get_gate (document));
  g_ptr_array_add (held, golanes_document_ref (document));
}

void
golanes_main_gate_release (GolanesDocument *document)
{
  guint index;

  g_return_if_fail (document != NULL);

  if (held == NULL || !g_ptr_array_find (held, document, &index))
    return;
  golanes_gate_read_leave (golanes_document_get_gate (document));
  g_ptr_array_remove_index (held, index);
}

guint
golanes_main_gate_get_n_held (void)
{
  return held != NULL ? held->len : 0;
}
