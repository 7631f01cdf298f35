/* golanes-highlight.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * A set of spans a side panel asks the timeline to highlight: a label for
 * the user ("12 goroutines of main.worker") and spans on goroutine lanes.
 * A span with @goid GOLANES_HIGHLIGHT_NO_GOROUTINE is a time range not tied
 * to a goroutine (a GC pause, a task): the viewer shows it across the
 * timeline.  Spans are kept in the order appended unless sorted.
 *
 * A reference-counted boxed type; a highlight is not changed after it is
 * handed to the viewer (in the "highlight" signal of the panels).
 */

#define GOLANES_TYPE_HIGHLIGHT (golanes_highlight_get_type ())

#define GOLANES_HIGHLIGHT_NO_GOROUTINE ((gint64) -1)

typedef struct
{
  gint64 goid;
  gint64 start;
  gint64 end;
} GolanesHighlightSpan;

typedef struct _GolanesHighlight GolanesHighlight;

GType                       golanes_highlight_get_type    (void) G_GNUC_CONST;
GolanesHighlight           *golanes_highlight_new         (const char       *label);
GolanesHighlight           *golanes_highlight_ref         (GolanesHighlight *self);
void                        golanes_highlight_unref       (GolanesHighlight *self);

void                        golanes_highlight_append      (GolanesHighlight *self,
                                                           gint64            goid,
                                                           gint64            start,
                                                           gint64            end);
/* Sorts the spans by goroutine id, then start. */
void                        golanes_highlight_sort        (GolanesHighlight *self);

const char                 *golanes_highlight_get_label   (GolanesHighlight *self);
guint                       golanes_highlight_get_n_spans (GolanesHighlight *self);
const GolanesHighlightSpan *golanes_highlight_get_span    (GolanesHighlight *self,
                                                           guint             index);
const GolanesHighlightSpan *golanes_highlight_get_spans   (GolanesHighlight *self,
                                                           guint            *n_spans);
/* The earliest start and latest end of the spans; FALSE (and 0, 0) if
 * there are none. */
gboolean                    golanes_highlight_get_bounds  (GolanesHighlight *self,
                                                           gint64           *start,
                                                           gint64           *end);
/* Whether some span of goroutine @goid intersects [t0, t1). */
gboolean                    golanes_highlight_contains    (GolanesHighlight *self,
                                                           gint64            goid,
                                                           gint64            t0,
                                                           gint64            t1);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GolanesHighlight, golanes_highlight_unref)

G_END_DECLS
