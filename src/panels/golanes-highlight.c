/* golanes-highlight.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-highlight"

#include "config.h"

#include "golanes-highlight.h"

struct _GolanesHighlight
{
  gatomicrefcount  ref_count;
  char            *label;
  GArray          *spans;   /* GolanesHighlightSpan */
};

G_DEFINE_BOXED_TYPE (GolanesHighlight, golanes_highlight,
                     golanes_highlight_ref, golanes_highlight_unref)

/**
 * golanes_highlight_new:
 * @label: (nullable): what the spans are, for the user
 *
 * Returns: (transfer full): a new highlight without spans
 */
GolanesHighlight *
golanes_highlight_new (const char *label)
{
  GolanesHighlight *self = g_new0 (GolanesHighlight, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->label = g_strdup (label != NULL ? label : "");
  self->spans = g_array_new (FALSE, FALSE, sizeof (GolanesHighlightSpan));

  return self;
}

GolanesHighlight *
golanes_highlight_ref (GolanesHighlight *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
golanes_highlight_unref (GolanesHighlight *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->label);
      g_array_unref (self->spans);
      g_free (self);
    }
}

void
golanes_highlight_append (GolanesHighlight *self,
                          gint64            goid,
                          gint64            start,
                          gint64            end)
{
  GolanesHighlightSpan span = { goid, start, MAX (start, end) };

  g_return_if_fail (self != NULL);

  g_array_append_val (self->spans, span);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const GolanesHighlightSpan *sa = a;
  const GolanesHighlightSpan *sb = b;

  if (sa->goid != sb->goid)
    return sa->goid < sb->goid ? -1 : 1;
  if (sa->start != sb->start)
    return sa->start < sb->start ? -1 : 1;
  if (sa->end != sb->end)
    return sa->end < sb->end ? -1 : 1;
  return 0;
}

void
golanes_highlight_sort (GolanesHighlight *self)
{
  g_return_if_fail (self != NULL);

  g_array_sort (self->spans, compare_spans);
}

const char *
golanes_highlight_get_label (GolanesHighlight *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->label;
}

guint
golanes_highlight_get_n_spans (GolanesHighlight *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->spans->len;
}

const GolanesHighlightSpan *
golanes_highlight_get_span (GolanesHighlight *self,
                            guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->spans->len, NULL);

  return &g_array_index (self->spans, GolanesHighlightSpan, index);
}

const GolanesHighlightSpan *
golanes_highlight_get_spans (GolanesHighlight *self,
                             guint            *n_spans)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_spans != NULL)
    *n_spans = self->spans->len;
  return (const GolanesHighlightSpan *) (gpointer) self->spans->data;
}

gboolean
golanes_highlight_get_bounds (GolanesHighlight *self,
                              gint64           *start,
                              gint64           *end)
{
  gint64 lo = G_MAXINT64;
  gint64 hi = G_MININT64;

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->spans->len; i++)
    {
      const GolanesHighlightSpan *span = &g_array_index (self->spans, GolanesHighlightSpan, i);

      lo = MIN (lo, span->start);
      hi = MAX (hi, span->end);
    }

  if (self->spans->len == 0)
    lo = hi = 0;
  if (start != NULL)
    *start = lo;
  if (end != NULL)
    *end = hi;

  return self->spans->len > 0;
}

gboolean
golanes_highlight_contains (GolanesHighlight *self,
                            gint64            goid,
                            gint64            t0,
                            gint64            t1)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->spans->len; i++)
    {
      const GolanesHighlightSpan *span = &g_array_index (self->spans, GolanesHighlightSpan, i);

      if (span->goid == goid && span->start < t1 && MAX (span->end, span->start + 1) > t0)
        return TRUE;
    }

  return FALSE;
}
