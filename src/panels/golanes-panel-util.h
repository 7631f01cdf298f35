/* golanes-panel-util.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "golanes-document.h"

G_BEGIN_DECLS

/*
 * What the side panels and their plots share besides their base class
 * (golanes-panel.h) and the rows and columns of golanes-panel-row.h:
 * hooking a column view's selection to a callback, reading the document,
 * the status area, tearing a templated panel down, and the text and
 * colours of the small plots.
 */

/* Puts @model on @view (see golanes_panel_set_model()) and calls
 * @selected_cb (swapped: @user_data first, then the pspec and the
 * selection) whenever its selection changes.  *@selection is the view's
 * previous selection, whose handler is disconnected first; it becomes the
 * new one. */
void     golanes_panel_bind_model          (GtkColumnView       *view,
                                            GListModel          *model,
                                            GtkSingleSelection **selection,
                                            GCallback            selected_cb,
                                            gpointer             user_data);
/* Disconnects @selected_cb from *@selection and clears it. */
void     golanes_panel_unbind_model        (GtkSingleSelection **selection,
                                            GCallback            selected_cb,
                                            gpointer             user_data);

/* The document's timeline, NULL without a document. */
GolanesTimeline *golanes_panel_get_timeline (GolanesDocument     *document);
/* The string @id of @timeline's table, or @fallback when it is 0, absent
 * or empty. */
const char *golanes_panel_timeline_string  (GolanesTimeline     *timeline,
                                            guint32              id,
                                            const char          *fallback);

/* Go's classes of wait reasons, as `go tool trace -pprof` has them (see
 * golanes-blocking.h): synchronization is a reason containing "chan",
 * "sync" or "select", network the reason "network". */
gboolean golanes_panel_reason_is_sync      (const char          *reason);
gboolean golanes_panel_reason_is_net       (const char          *reason);

/* A panel's status area: a spinner and "Computing…" while the part of the
 * document the panel shows is being computed, the error if that failed,
 * hidden otherwise.  golanes_panel_status_install() puts it first in the
 * panel's (vertical box) child. */
GtkWidget *golanes_panel_status_install    (GtkWidget           *panel);
/* Updates @status for @part of @document; TRUE if the part is ready. */
gboolean golanes_panel_status_update       (GtkWidget           *status,
                                            GolanesDocument     *document,
                                            GolanesDocumentPart  part);
/* The text @status shows, or NULL if hidden; for tests. */
const char *golanes_panel_status_get_text  (GtkWidget           *status);

/* For a panel's dispose: the template's children and any other child. */
void     golanes_panel_dispose_children    (GtkWidget           *widget,
                                            GType                type);

/* The plots' text: @text drawn with its left edge (@xalign 0), centre
 * (0.5) or right edge (1) at @x, vertically centred on @y. */
void     golanes_plot_append_text          (GtkWidget           *widget,
                                            GtkSnapshot         *snapshot,
                                            const char          *text,
                                            float                x,
                                            float                y,
                                            float                xalign,
                                            const GdkRGBA       *color);
/* For a plot's query_tooltip: sets @text (taken, may be NULL) on @tooltip.
 * Returns whether there is a tooltip to show. */
gboolean golanes_plot_set_tooltip          (GtkTooltip          *tooltip,
                                            char                *text);
/* The plots' colours from the widget's style: text and accent. */
void     golanes_plot_get_colors           (GtkWidget           *widget,
                                            GdkRGBA             *fg,
                                            GdkRGBA             *accent);
/* The plots' size request: at least @min_width × @min_height, naturally
 * @nat_width × @nat_height. */
void     golanes_plot_measure              (GtkOrientation       orientation,
                                            int                  min_width,
                                            int                  nat_width,
                                            int                  min_height,
                                            int                  nat_height,
                                            int                 *minimum,
                                            int                 *natural);

G_END_DECLS
