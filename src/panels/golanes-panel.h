/* golanes-panel.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "golanes-document.h"
#include "golanes-highlight.h"

G_BEGIN_DECLS

/*
 * The abstract side panel: a page of the trace view's side area that shows
 * a part of the document and asks the timeline to show what the user
 * picks.  The trace view adds each panel with golanes_trace_view_add_panel(),
 * connects its three signals and gives it the document; a subclass fills
 * in from document_changed.
 *
 * Property:
 *   document (GolanesDocument, boxed, may be NULL): what the panel shows.
 *     Notified when it changes, not when the same document is given again.
 *
 * Signals:
 *   activate-range (gint64 start, gint64 end): zoom the timeline to this
 *     range (trace clock, ns) and highlight it.
 *   activate-goroutine (gint64 goid): scroll the timeline to a goroutine
 *     and select its first span.
 *   highlight (GolanesHighlight *or NULL): highlight these spans; NULL
 *     clears the highlight.
 */

#define GOLANES_TYPE_PANEL (golanes_panel_get_type ())

G_DECLARE_DERIVABLE_TYPE (GolanesPanel, golanes_panel, GOLANES, PANEL, GtkWidget)

struct _GolanesPanelClass
{
  GtkWidgetClass parent_class;

  /* Called by every golanes_panel_set_document(), the document already
   * set.  @previous is the document shown before, kept alive for the
   * call; it is the current one when the same document is given again,
   * as the trace view does whenever a part of it is computed: a panel
   * that waits for its part fills in then, the others do nothing. */
  void (*document_changed) (GolanesPanel    *self,
                            GolanesDocument *previous);
};

void             golanes_panel_set_document       (GolanesPanel     *self,
                                                   GolanesDocument  *document);
GolanesDocument *golanes_panel_get_document       (GolanesPanel     *self);

/* For subclasses: emit the signals. */
void             golanes_panel_activate_range     (GolanesPanel     *self,
                                                   gint64            start,
                                                   gint64            end);
void             golanes_panel_activate_goroutine (GolanesPanel     *self,
                                                   gint64            goid);
void             golanes_panel_highlight          (GolanesPanel     *self,
                                                   GolanesHighlight *highlight);

G_END_DECLS
