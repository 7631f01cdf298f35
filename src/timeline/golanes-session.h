/* golanes-session.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "golanes-critical-path.h"
#include "golanes-document.h"

G_BEGIN_DECLS

#define GOLANES_TYPE_SESSION (golanes_session_get_type ())

G_DECLARE_FINAL_TYPE (GolanesSession, golanes_session, GOLANES, SESSION, GObject)

/* The shortest visible range: about a hundred nanoseconds over a window. */
#define GOLANES_SESSION_MIN_DURATION 100

typedef struct
{
  gint64 goroutine;   /* goroutine id, -1 for every lane */
  gint64 start;
  gint64 end;
} GolanesSessionInterval;

GolanesSession  *golanes_session_new                (GolanesDocument *document);
GolanesDocument *golanes_session_get_document       (GolanesSession  *self);
gint64           golanes_session_get_start_time     (GolanesSession  *self);
gint64           golanes_session_get_end_time       (GolanesSession  *self);
/* While the trace streams in: the extent's end is estimated, and the
 * timeline is read up to the loaded end (the end otherwise). */
void             golanes_session_update_extent      (GolanesSession  *self);
gint64           golanes_session_get_loaded_end     (GolanesSession  *self);
double           golanes_session_get_loaded_fraction (GolanesSession *self);

void             golanes_session_get_visible        (GolanesSession  *self,
                                                     gint64          *start,
                                                     gint64          *end);
void             golanes_session_set_visible        (GolanesSession  *self,
                                                     gint64           start,
                                                     gint64           end,
                                                     gboolean         record);
void             golanes_session_zoom               (GolanesSession  *self,
                                                     double           factor,
                                                     gint64           anchor,
                                                     gboolean         record);
void             golanes_session_pan                (GolanesSession  *self,
                                                     gint64           delta);
void             golanes_session_zoom_fit           (GolanesSession  *self);
gboolean         golanes_session_zoom_to_selection  (GolanesSession  *self);

gboolean         golanes_session_get_can_go_back    (GolanesSession  *self);
gboolean         golanes_session_get_can_go_forward (GolanesSession  *self);
gboolean         golanes_session_go_back            (GolanesSession  *self);
gboolean         golanes_session_go_forward         (GolanesSession  *self);

gboolean         golanes_session_get_selection      (GolanesSession  *self,
                                                     gint64          *start,
                                                     gint64          *end);
void             golanes_session_set_selection      (GolanesSession  *self,
                                                     gint64           start,
                                                     gint64           end);
void             golanes_session_clear_selection    (GolanesSession  *self);

gboolean         golanes_session_get_selected_span  (GolanesSession  *self,
                                                     guint           *goroutine,
                                                     guint           *span);
void             golanes_session_select_span        (GolanesSession  *self,
                                                     gint             goroutine,
                                                     gint             span);

void             golanes_session_select_sample      (GolanesSession  *self,
                                                     gint             sample);
gint             golanes_session_get_selected_sample (GolanesSession *self);

void             golanes_session_set_highlight      (GolanesSession               *self,
                                                     const char                   *label,
                                                     const GolanesSessionInterval *intervals,
                                                     guint                         n_intervals);
const GolanesSessionInterval *
                 golanes_session_get_highlight      (GolanesSession  *self,
                                                     guint           *n_intervals);
const char      *golanes_session_get_highlight_label (GolanesSession *self);
guint            golanes_session_get_highlight_serial (GolanesSession *self);

void             golanes_session_select_task        (GolanesSession  *self,
                                                     gint             task);
gint             golanes_session_get_selected_task  (GolanesSession  *self);
void             golanes_session_select_region      (GolanesSession  *self,
                                                     gint             region);
gint             golanes_session_get_selected_region (GolanesSession *self);

void             golanes_session_set_critical_path  (GolanesSession      *self,
                                                     GolanesCriticalPath *path,
                                                     const char          *label);
const GolanesCritSegment *
                 golanes_session_get_critical_path  (GolanesSession  *self,
                                                     guint           *n_segments);
const char      *golanes_session_get_critical_path_label (GolanesSession *self);

void             golanes_session_reveal_goroutine   (GolanesSession  *self,
                                                     gint64           goroutine_id);

G_END_DECLS
