/* golanes-trace-view.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-trace-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "golanes-blocking-panel.h"
#include "golanes-critical-path-panel.h"
#include "golanes-flame-panel.h"
#include "golanes-compat.h"
#include "golanes-gc-panel.h"
#include "golanes-goroutines-panel.h"
#include "golanes-highlight.h"
#include "golanes-palette.h"
#include "golanes-settings.h"
#include "golanes-tasks-panel.h"
#include "golanes-timeline-math.h"
#include "golanes-trace-view.h"

/* The page of a loaded trace: what it is, the truncation banner, the
 * timeline with the details of the selected span below it, and the side
 * panels, all sharing one GolanesSession. */

/* The timeline's least width beside the side panel: its gutter and about
 * 450 px of time. A narrower window folds the panel over the timeline. */
#define MIN_TIMELINE_WIDTH 640
struct _GolanesTraceView
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkWidget        *main_box;
  GtkRevealer      *banner;
  GtkLabel         *banner_label;
  GtkLabel         *file_label;
  GtkLabel         *version_label;
  GtkLabel         *duration_label;
  GtkLabel         *events_label;
  GtkWidget        *legend_box;
  GtkToggleButton  *side_toggle;
  GtkWidget        *side_flap;       /* AdwFlap, through golanes-compat */
  GtkWidget        *details_paned;
  GtkWidget        *side_edge;
  GtkWidget        *side_box;
  GtkDropDown      *side_switcher;
  GtkStringList    *side_pages;
  GtkStack         *side_stack;
  GolanesTimelineView *timeline;
  GolanesDetailsPanel *details;

  GolanesSession   *session;
  GolanesDocument  *document;
  GolanesAnalyses  *analyses;        /* computing the document's analysis parts */
  GolanesTraceFileState file_state;  /* of the file, once it is loaded */
  GPtrArray        *panels;          /* the GolanesPanels, in the side stack's order */
  guint64           stale_panels;    /* bits by index: to be given the document again */
  guint             refresh_id;      /* the idle giving it, one panel at a time */
  gint64            header_usec;     /* when the header's texts last changed */
  GSettings        *settings;
  int               drag_start_width; /* of the side panel, as its edge is dragged */
};

G_DEFINE_FINAL_TYPE (GolanesTraceView, golanes_trace_view, GTK_TYPE_WIDGET)

#define HEADER_INTERVAL_USEC G_USEC_PER_SEC

static gint64 last_shown_usec;
static guint  n_refreshing;    /* trace views with stale panels */

gint64
_golanes_trace_view_get_last_shown_usec (void)
{
  return last_shown_usec;
}

static void
update_side_panel (GolanesTraceView *self)
{
  gboolean has_panels = self->panels->len > 0;

  gtk_widget_set_visible (GTK_WIDGET (self->side_toggle), has_panels);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trace.toggle-side-panel", has_panels);
  if (!has_panels)
    golanes_flap_set_reveal_flap (self->side_flap, FALSE);
  gtk_toggle_button_set_active (self->side_toggle,
                                has_panels && golanes_flap_get_reveal_flap (self->side_flap));
}

/* Beside the timeline, the panel shows as the preference says; folded
 * over it, only when asked, and it hides again when the window narrows. */
static void
side_panel_state_changed_cb (GolanesTraceView *self)
{
  gboolean show = FALSE;

  if (!golanes_flap_get_folded (self->side_flap))
    show = g_settings_get_boolean (self->settings, "show-side-panel");
  golanes_flap_set_reveal_flap (self->side_flap, show && self->panels->len > 0);
  update_side_panel (self);
}

static void
toggle_side_panel_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GolanesTraceView *self = GOLANES_TRACE_VIEW (widget);
  gboolean show;

  if (self->panels->len == 0)
    return;

  show = !golanes_flap_get_reveal_flap (self->side_flap);
  if (golanes_flap_get_folded (self->side_flap))
    {
      /* Over the timeline for a moment: what wide windows show stays. */
      golanes_flap_set_reveal_flap (self->side_flap, show);
      update_side_panel (self);
    }
  else
    {
      g_settings_set_boolean (self->settings, "show-side-panel", show);
    }
}

/* Shows side page @name, opening the side area if it is hidden. */
static void
present_side_page (GolanesTraceView *self,
                   const char       *name)
{
  gtk_stack_set_visible_child_name (self->side_stack, name);
  if (!golanes_flap_get_reveal_flap (self->side_flap))
    toggle_side_panel_action (GTK_WIDGET (self), NULL, NULL);
}

/* The critical path of what is selected on the timeline: a task, a region,
 * or a goroutine from its start (or the trace's) to the end of its
 * selected span. */
static void
critical_path_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GolanesTraceView *self = GOLANES_TRACE_VIEW (widget);
  GtkWidget *page = gtk_stack_get_child_by_name (self->side_stack, "critical-path");
  GolanesCriticalPathPanel *panel;
  GolanesTimeline *timeline;
  guint goroutine, span;

  if (self->session == NULL || !GOLANES_IS_CRITICAL_PATH_PANEL (page))
    return;
  panel = GOLANES_CRITICAL_PATH_PANEL (page);
  timeline = golanes_document_get_timeline (golanes_session_get_document (self->session));
  if (golanes_session_get_selected_task (self->session) >= 0)
    golanes_critical_path_panel_show_task (panel, (guint) golanes_session_get_selected_task (self->session));
  else if (golanes_session_get_selected_region (self->session) >= 0)
    golanes_critical_path_panel_show_region (panel, (guint) golanes_session_get_selected_region (self->session));
  else if (golanes_session_get_selected_span (self->session, &goroutine, &span))
    {
      GolanesTimelineGoroutine g;
      GolanesTrack *states = golanes_timeline_get_goroutine_states (timeline, goroutine);

      if (states == NULL || span >= golanes_track_get_n_spans (states) ||
          !golanes_timeline_get_goroutine (timeline, goroutine, &g))
        return;
      golanes_critical_path_panel_show_goroutine (panel, goroutine,
                                                  MAX (g.created, golanes_timeline_get_start_time (timeline)),
                                                  golanes_track_get_end (states, span));
    }
  present_side_page (self, "critical-path");
}

/* Called by the tasks panel: every instance of a type. */
static void
critical_path_type_cb (GolanesTraceView *self,
                       gboolean          task,
                       const char       *type)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->side_stack, "critical-path");

  if (!GOLANES_IS_CRITICAL_PATH_PANEL (page))
    return;
  golanes_critical_path_panel_show_type (GOLANES_CRITICAL_PATH_PANEL (page), task, type);
  present_side_page (self, "critical-path");
}

gboolean
golanes_trace_view_get_side_panel_visible (GolanesTraceView *self)
{
  g_return_val_if_fail (GOLANES_IS_TRACE_VIEW (self), FALSE);

  return golanes_flap_get_reveal_flap (self->side_flap);
}

/**
 * golanes_trace_view_get_side_panel_folded:
 * @self: a #GolanesTraceView
 *
 * Returns: %TRUE if the side panel, when shown, lies over the timeline
 *   because the two do not fit side by side
 */
gboolean
golanes_trace_view_get_side_panel_folded (GolanesTraceView *self)
{
  g_return_val_if_fail (GOLANES_IS_TRACE_VIEW (self), FALSE);

  return golanes_flap_get_folded (self->side_flap);
}

/**
 * golanes_trace_view_get_side_panel_width:
 * @self: a #GolanesTraceView
 *
 * Returns: the width the side panel has, or has when shown
 */
int
golanes_trace_view_get_side_panel_width (GolanesTraceView *self)
{
  int width = -1;

  g_return_val_if_fail (GOLANES_IS_TRACE_VIEW (self), 0);

  if (gtk_widget_get_mapped (self->side_box))
    return gtk_widget_get_width (self->side_box);
  gtk_widget_get_size_request (self->side_box, &width, NULL);
  return width;
}

/* Dragging the panel's edge sets its width; the width is saved when the
 * drag ends, for this and the next windows. */

static int
side_panel_width_for_drag (GolanesTraceView *self,
                           double            offset_x)
{
  int total = gtk_widget_get_width (self->side_flap);
  int width;
  int max;

  /* The panel is at the end: in a right-to-left layout, on the left. */
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    offset_x = -offset_x;
  width = self->drag_start_width - (int) offset_x;

  /* Beside the timeline, never so wide that it folds over it. */
  max = total - gtk_widget_get_width (self->side_edge);
  if (!golanes_flap_get_folded (self->side_flap))
    max -= MIN_TIMELINE_WIDTH;
  width = MIN (width, max);

  return golanes_settings_clamp_int (self->settings, "side-panel-width", width);
}

static void
side_edge_drag_begin_cb (GolanesTraceView *self,
                         double            x,
                         double            y)
{
  g_assert (GOLANES_IS_TRACE_VIEW (self));

  self->drag_start_width = gtk_widget_get_width (self->side_box);
  if (self->drag_start_width <= 0)
    self->drag_start_width = g_settings_get_int (self->settings, "side-panel-width");
}

static void
side_edge_drag_update_cb (GolanesTraceView *self,
                          double            offset_x,
                          double            offset_y)
{
  g_assert (GOLANES_IS_TRACE_VIEW (self));

  gtk_widget_set_size_request (self->side_box, side_panel_width_for_drag (self, offset_x), -1);
}

static void
side_edge_drag_end_cb (GolanesTraceView *self,
                       double            offset_x,
                       double            offset_y)
{
  int width;

  g_assert (GOLANES_IS_TRACE_VIEW (self));

  width = side_panel_width_for_drag (self, offset_x);
  gtk_widget_set_size_request (self->side_box, width, -1);
  g_settings_set_int (self->settings, "side-panel-width", width);
}

/* What a drag of the panel's edge by @offset_x does (for tests). */
void
_golanes_trace_view_drag_side_panel_edge (GolanesTraceView *self,
                                          double            offset_x)
{
  g_return_if_fail (GOLANES_IS_TRACE_VIEW (self));

  side_edge_drag_begin_cb (self, 0, 0);
  side_edge_drag_update_cb (self, offset_x / 2, 0);
  side_edge_drag_end_cb (self, offset_x, 0);
}

static void
panel_activate_range_cb (GolanesPanel     *panel,
                         gint64            start,
                         gint64            end,
                         GolanesTraceView *self)
{
  GolanesSessionInterval interval = { -1, start, end };
  gint64 margin = MAX ((end - start) / 10, 1);

  if (self->session == NULL)
    return;
  /* A little context either side, and the range itself highlighted. */
  golanes_session_set_visible (self->session, start - margin, end + margin, TRUE);
  golanes_session_set_highlight (self->session, NULL, &interval, 1);
}

static void
panel_activate_goroutine_cb (GolanesPanel     *panel,
                             gint64            goid,
                             GolanesTraceView *self)
{
  GolanesTimeline *timeline;
  gint index;

  if (self->session == NULL)
    return;
  golanes_session_reveal_goroutine (self->session, goid);
  timeline = golanes_document_get_timeline (self->document);
  index = golanes_timeline_lookup_goroutine (timeline, goid);
  if (index >= 0)
    golanes_session_select_span (self->session, index, 0);
}

static void
panel_highlight_cb (GolanesPanel     *panel,
                    GolanesHighlight *highlight,
                    GolanesTraceView *self)
{
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (GolanesSessionInterval));
  guint n = 0;
  const GolanesHighlightSpan *spans;

  if (self->session == NULL)
    return;
  if (highlight == NULL)
    {
      golanes_session_set_highlight (self->session, NULL, NULL, 0);
      return;
    }

  spans = golanes_highlight_get_spans (highlight, &n);
  for (guint i = 0; i < n; i++)
    {
      GolanesSessionInterval interval = { spans[i].goid, spans[i].start, spans[i].end };

      g_array_append_val (intervals, interval);
    }
  golanes_session_set_highlight (self->session, golanes_highlight_get_label (highlight),
                                 (GolanesSessionInterval *) (gpointer) intervals->data, intervals->len);
}

void
golanes_trace_view_add_panel (GolanesTraceView *self,
                              GolanesPanel     *panel,
                              const char       *name,
                              const char       *title)
{
  g_return_if_fail (GOLANES_IS_TRACE_VIEW (self));
  g_return_if_fail (GOLANES_IS_PANEL (panel));
  g_return_if_fail (name != NULL && title != NULL);

  g_signal_connect_object (panel, "activate-range", G_CALLBACK (panel_activate_range_cb), self, 0);
  g_signal_connect_object (panel, "activate-goroutine", G_CALLBACK (panel_activate_goroutine_cb), self, 0);
  g_signal_connect_object (panel, "highlight", G_CALLBACK (panel_highlight_cb), self, 0);

  gtk_stack_add_titled (self->side_stack, GTK_WIDGET (panel), name, title);
  gtk_string_list_append (self->side_pages, title);
  g_ptr_array_add (self->panels, panel);
  if (self->document != NULL)
    golanes_panel_set_document (panel, self->document);
  update_side_panel (self);
}

GtkWidget *
golanes_trace_view_get_panel (GolanesTraceView *self,
                              const char       *name)
{
  g_return_val_if_fail (GOLANES_IS_TRACE_VIEW (self), NULL);

  return gtk_stack_get_child_by_name (self->side_stack, name);
}

guint
_golanes_trace_view_get_n_refreshing (void)
{
  return n_refreshing;
}

static void
stop_refresh (GolanesTraceView *self)
{
  if (self->refresh_id != 0)
    {
      g_source_remove (self->refresh_id);
      self->refresh_id = 0;
      n_refreshing--;
    }
  self->stale_panels = 0;
}

/* The panels that follow the timeline's selection. */
static void
set_panels_session (GolanesTraceView *self,
                    GolanesSession   *session)
{
  for (guint i = 0; i < self->panels->len; i++)
    if (GOLANES_IS_FLAME_PANEL (g_ptr_array_index (self->panels, i)))
      golanes_flame_panel_set_session (g_ptr_array_index (self->panels, i), session);
    else if (GOLANES_IS_CRITICAL_PATH_PANEL (g_ptr_array_index (self->panels, i)))
      golanes_critical_path_panel_set_session (g_ptr_array_index (self->panels, i), session);
}

static void
set_panels_document (GolanesTraceView *self)
{
  stop_refresh (self);
  for (guint i = 0; i < self->panels->len; i++)
    golanes_panel_set_document (g_ptr_array_index (self->panels, i), self->document);
}

/* One stale panel per main-loop iteration, the one shown first: a panel
 * filling in builds the rows of its lists, and all of them at once would
 * hold up the window's frames. */
static gboolean
refresh_panels_cb (gpointer user_data)
{
  GolanesTraceView *self = user_data;
  GtkWidget *shown = gtk_stack_get_visible_child (self->side_stack);
  guint index;

  if (shown == NULL || !g_ptr_array_find (self->panels, shown, &index) ||
      (self->stale_panels & (G_GUINT64_CONSTANT (1) << index)) == 0)
    for (index = 0; index < self->panels->len; index++)
      if (self->stale_panels & (G_GUINT64_CONSTANT (1) << index))
        break;

  if (index < self->panels->len)
    {
      self->stale_panels &= ~(G_GUINT64_CONSTANT (1) << index);
      golanes_panel_set_document (g_ptr_array_index (self->panels, index), self->document);
    }
  if (self->stale_panels != 0)
    return G_SOURCE_CONTINUE;
  self->refresh_id = 0;
  n_refreshing--;
  return G_SOURCE_REMOVE;
}

/* A part is ready or failed: the panels are given the same document
 * again, and those that wait for it fill in or show the error; the
 * others ignore it. */
static void
analyses_part_done_cb (GolanesTraceView *self,
                       guint             part)
{
  if (self->document == NULL || self->panels->len == 0)
    return;
  g_assert (self->panels->len <= 64);
  self->stale_panels = self->panels->len == 64 ? G_MAXUINT64 : (G_GUINT64_CONSTANT (1) << self->panels->len) - 1;
  if (self->refresh_id == 0)
    {
      /* Below the frames' priority: a frame can come between two panels. */
      self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_panels_cb, self, NULL);
      n_refreshing++;
    }
}

static void
clear_analyses (GolanesTraceView *self)
{
  if (self->analyses == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->analyses, self);
  golanes_analyses_cancel (self->analyses);
  g_clear_object (&self->analyses);
}

GolanesAnalyses *
golanes_trace_view_get_analyses (GolanesTraceView *self)
{
  g_return_val_if_fail (GOLANES_IS_TRACE_VIEW (self), NULL);

  return self->analyses;
}

static void
update_banner (GolanesTraceView *self)
{
  const GError *error = golanes_document_get_read_error (self->document);
  guint64 lost = golanes_document_get_lost_bytes (self->document);
  guint64 size = golanes_document_get_file_size (self->document);
  g_autofree char *lost_text = NULL;
  g_autofree char *text = NULL;

  if (error == NULL)
    {
      gtk_revealer_set_reveal_child (self->banner, FALSE);
      gtk_label_set_label (self->banner_label, "");
      return;
    }

  lost_text = g_format_size (lost);
  /* Translators: the first %.1f%% is a percentage, (%s) an amount of data, the last %s an error message */
  text = g_strdup_printf (_("This trace is truncated: %.1f%% (%s) of the data could not be read. %s"),
                          size > 0 ? 100.0 * (double) lost / (double) size : 0.0, lost_text, error->message);
  if (self->file_state == GOLANES_TRACE_FILE_GROWING)
    {
      g_autofree char *more = NULL;

      /* Translators: follows "This trace is truncated: …" */
      more = g_strdup_printf ("%s\n%s", text, _("The file is still being written: open it again to see more."));
      g_free (text);
      text = g_steal_pointer (&more);
    }
  else if (self->file_state == GOLANES_TRACE_FILE_CHANGED)
    {
      g_autofree char *more = NULL;

      /* Translators: follows "This trace is truncated: …" */
      more = g_strdup_printf ("%s\n%s", text, _("The file changed while it was read."));
      g_free (text);
      text = g_steal_pointer (&more);
    }
  gtk_label_set_label (self->banner_label, text);
  gtk_revealer_set_reveal_child (self->banner, TRUE);
}

const char *
golanes_trace_view_get_banner_text (GolanesTraceView *self)
{
  g_return_val_if_fail (GOLANES_IS_TRACE_VIEW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->banner))
    return NULL;
  return gtk_label_get_label (self->banner_label);
}

/* The header: file, Go version, duration, events and goroutines (so far,
 * while the trace streams in). */
static void
update_header (GolanesTraceView          *self,
               const GolanesTraceSummary *summary)
{
  GolanesTimeline *timeline = golanes_document_get_timeline (self->document);
  g_autofree char *version = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *n_events_text = NULL;
  g_autofree char *events_text = NULL;
  g_autofree char *events = NULL;
  guint64 n_events;
  guint n_goroutines;

  version = golanes_trace_summary_dup_go_version (summary);
  duration = golanes_timeline_format_duration (golanes_timeline_get_end_time (timeline) -
                                               golanes_timeline_get_start_time (timeline));
  n_events = golanes_document_is_loading (self->document) ? golanes_timeline_get_n_events (timeline)
                                                          : golanes_document_get_n_events (self->document);
  n_goroutines = golanes_timeline_get_n_goroutines (timeline);
  n_events_text = g_strdup_printf ("%" G_GUINT64_FORMAT, n_events);
  /* Translators: the number of events in the trace, %s being the number */
  events_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s event", "%s events",
                                              (gulong) MIN (n_events, G_MAXULONG)),
                                 n_events_text);
  /* Translators: the size of the trace: "1200 events, 14 goroutines", %s
   * being the number of events as above and %u the number of goroutines */
  events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u goroutine", "%s, %u goroutines",
                                         n_goroutines),
                            events_text, n_goroutines);
  if (golanes_document_is_loading (self->document))
    {
      g_autofree char *so_far = NULL;

      /* Translators: the duration, events and goroutines read so far
       * while a trace loads; %s is what is read, %.0f%% the share of the file */
      so_far = g_strdup_printf (_("%s so far (%.0f%%)"), events,
                                100.0 * golanes_session_get_loaded_fraction (self->session));
      g_free (events);
      events = g_steal_pointer (&so_far);
    }
  self->header_usec = g_get_monotonic_time ();
  gtk_label_set_label (self->file_label, summary->display_name);
  gtk_label_set_label (self->version_label, version);
  gtk_label_set_label (self->duration_label, duration);
  gtk_label_set_label (self->events_label, events);
}

/**
 * golanes_trace_view_set_summary:
 *
 * Shows the trace of @summary.  Its document may still be loading (its
 * timeline streams in): call this again for the same summary whenever
 * more is loaded and when the load ends, and the view grows with it,
 * keeping what the user looks at.
 */
void
golanes_trace_view_set_summary (GolanesTraceView          *self,
                                const GolanesTraceSummary *summary)
{
  g_autoptr(GolanesSession) session = NULL;

  g_return_if_fail (GOLANES_IS_TRACE_VIEW (self));
  g_return_if_fail (summary != NULL && summary->document != NULL);

  if (self->analyses != summary->analyses)
    {
      clear_analyses (self);
      if (summary->analyses != NULL)
        {
          self->analyses = g_object_ref (summary->analyses);
          g_signal_connect_object (self->analyses, "part-done", G_CALLBACK (analyses_part_done_cb), self,
                                   G_CONNECT_SWAPPED);
        }
    }

  self->file_state = summary->file_state;
  if (self->document == summary->document && self->session != NULL)
    {
      /* More of the same trace.  A label that changes lays out the whole
       * window again, and on X11 asks the server for the work area: while
       * it loads, the header's figures change once a second. */
      golanes_timeline_view_refresh (self->timeline);
      if (!golanes_document_is_loading (self->document) ||
          g_get_monotonic_time () - self->header_usec >= HEADER_INTERVAL_USEC)
        update_header (self, summary);
      update_banner (self);
      if (!golanes_document_is_loading (self->document))
        last_shown_usec = g_get_monotonic_time ();
      return;
    }

  g_clear_pointer (&self->document, golanes_document_unref);
  self->document = golanes_document_ref (summary->document);

  session = golanes_session_new (self->document);
  g_set_object (&self->session, session);
  golanes_timeline_view_set_session (self->timeline, session);
  golanes_details_panel_set_session (self->details, session);
  set_panels_session (self, session);

  update_header (self, summary);
  update_banner (self);

  set_panels_document (self);

  gtk_widget_grab_focus (golanes_timeline_view_get_lanes (self->timeline));
  if (!golanes_document_is_loading (self->document))
    last_shown_usec = g_get_monotonic_time ();
}

/**
 * golanes_trace_view_clear:
 *
 * Lets go of the trace shown (a load cancelled while it streamed in).
 */
void
golanes_trace_view_clear (GolanesTraceView *self)
{
  g_return_if_fail (GOLANES_IS_TRACE_VIEW (self));

  clear_analyses (self);
  stop_refresh (self);
  golanes_timeline_view_set_session (self->timeline, NULL);
  golanes_details_panel_set_session (self->details, NULL);
  set_panels_session (self, NULL);
  for (guint i = 0; i < self->panels->len; i++)
    golanes_panel_set_document (g_ptr_array_index (self->panels, i), NULL);
  g_clear_object (&self->session);
  g_clear_pointer (&self->document, golanes_document_unref);
}

GolanesSession *
golanes_trace_view_get_session (GolanesTraceView *self)
{
  g_return_val_if_fail (GOLANES_IS_TRACE_VIEW (self), NULL);

  return self->session;
}

GolanesTimelineView *
golanes_trace_view_get_timeline (GolanesTraceView *self)
{
  g_return_val_if_fail (GOLANES_IS_TRACE_VIEW (self), NULL);

  return self->timeline;
}

GolanesDetailsPanel *
golanes_trace_view_get_details (GolanesTraceView *self)
{
  g_return_val_if_fail (GOLANES_IS_TRACE_VIEW (self), NULL);

  return self->details;
}

static void
fill_legend (GolanesTraceView *self)
{
  const GolanesLegendEntry *entries;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (self->legend_box)))
    gtk_box_remove (GTK_BOX (self->legend_box), child);

  entries = golanes_palette_get_legend (&n);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *swatch = gtk_drawing_area_new ();
      GtkWidget *label = gtk_label_new (_(entries[i].label));
      g_autofree char *css = NULL;
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
      g_autofree char *color = gdk_rgba_to_string (golanes_palette_get (entries[i].role, dark));

      css = g_strdup_printf ("* { background-color: %s; border-radius: 3px; }", color);
      gtk_css_provider_load_from_data (provider, css, -1);
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_add_provider (gtk_widget_get_style_context (swatch), GTK_STYLE_PROVIDER (provider),
                                      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      G_GNUC_END_IGNORE_DEPRECATIONS
      gtk_widget_set_size_request (swatch, 24, 14);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (row), swatch);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (self->legend_box), row);
    }
}

static void
side_page_changed_cb (GolanesTraceView *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->side_stack);
  GtkWidget *child = gtk_stack_get_visible_child (self->side_stack);
  guint index;

  if (child != NULL && g_ptr_array_find (self->panels, child, &index))
    gtk_drop_down_set_selected (self->side_switcher, index);
  g_settings_set_string (self->settings, "side-panel-page", name != NULL ? name : "");
}

static void
side_switcher_changed_cb (GolanesTraceView *self)
{
  guint index = gtk_drop_down_get_selected (self->side_switcher);

  if (index < self->panels->len)
    gtk_stack_set_visible_child (self->side_stack, g_ptr_array_index (self->panels, index));
}

static void
golanes_trace_view_dispose (GObject *object)
{
  GolanesTraceView *self = GOLANES_TRACE_VIEW (object);

  g_clear_object (&self->settings);
  /* Parts still being computed are cancelled; none reports here again. */
  clear_analyses (self);
  stop_refresh (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), GOLANES_TYPE_TRACE_VIEW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (golanes_trace_view_parent_class)->dispose (object);
}

static void
golanes_trace_view_finalize (GObject *object)
{
  GolanesTraceView *self = GOLANES_TRACE_VIEW (object);

  g_clear_pointer (&self->document, golanes_document_unref);
  g_clear_pointer (&self->panels, g_ptr_array_unref);

  G_OBJECT_CLASS (golanes_trace_view_parent_class)->finalize (object);
}

static void
golanes_trace_view_class_init (GolanesTraceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = golanes_trace_view_dispose;
  object_class->finalize = golanes_trace_view_finalize;

  g_type_ensure (GOLANES_TYPE_TIMELINE_VIEW);
  g_type_ensure (GOLANES_TYPE_DETAILS_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/golanes-trace-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GolanesTraceView, main_box);
  gtk_widget_class_bind_template_child (widget_class, GolanesTraceView, banner);
  gtk_widget_class_bind_template_child (widget_class, GolanesTraceView, banner_label);
  gtk_widget_class_bind_template_child (widget_class, GolanesTraceView, file_label);
  gtk_widget_class_bind_template_child (widget_class, GolanesTraceView, version_label);
  gtk_widget_class_bind_template_child (widget_class, GolanesTraceView, duration_label);
  gtk_widget_class_bind_template_child (widget_class, GolanesTraceView, events_label);
  gtk_widget_class_bind_template_child (widget_class, GolanesTraceView, legend_box);
  gtk_widget_class_bind_template_child (widget_class, GolanesTraceView, side_toggle);
  gtk_widget_class_bind_template_child (widget_class, GolanesTraceView, side_flap);
  gtk_widget_class_bind_template_child (widget_class, GolanesTraceView, details_paned);
  gtk_widget_class_bind_template_child (widget_class, GolanesTraceView, side_edge);
  gtk_widget_class_bind_template_child (widget_class, GolanesTraceView, side_box);
  gtk_widget_class_bind_template_child (widget_class, GolanesTraceView, side_switcher);
  gtk_widget_class_bind_template_child (widget_class, GolanesTraceView, side_pages);
  gtk_widget_class_bind_template_child (widget_class, GolanesTraceView, side_stack);
  gtk_widget_class_bind_template_child (widget_class, GolanesTraceView, timeline);
  gtk_widget_class_bind_template_child (widget_class, GolanesTraceView, details);

  gtk_widget_class_install_action (widget_class, "trace.toggle-side-panel", NULL, toggle_side_panel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "trace.toggle-side-panel", NULL);
  gtk_widget_class_install_action (widget_class, "trace.critical-path", NULL, critical_path_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, 0, "trace.critical-path", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "traceview");
}

static void
golanes_trace_view_init (GolanesTraceView *self)
{
  GtkGesture *drag;

  self->panels = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  golanes_trace_view_add_panel (self, GOLANES_PANEL (golanes_gc_panel_new ()), "gc",
                                golanes_gc_panel_get_title ());
  golanes_trace_view_add_panel (self, GOLANES_PANEL (golanes_goroutines_panel_new ()), "goroutines",
                                golanes_goroutines_panel_get_title ());
  golanes_trace_view_add_panel (self, GOLANES_PANEL (golanes_tasks_panel_new ()), "tasks",
                                golanes_tasks_panel_get_title ());
  golanes_trace_view_add_panel (self, GOLANES_PANEL (golanes_blocking_panel_new ()), "blocking",
                                golanes_blocking_panel_get_title ());
  golanes_trace_view_add_panel (self, GOLANES_PANEL (golanes_flame_panel_new ()), "flame",
                                golanes_flame_panel_get_title ());
  golanes_trace_view_add_panel (self, GOLANES_PANEL (golanes_critical_path_panel_new ()), "critical-path",
                                golanes_critical_path_panel_get_title ());
  g_signal_connect_object (golanes_trace_view_get_panel (self, "tasks"), "critical-path",
                           G_CALLBACK (critical_path_type_cb), self, G_CONNECT_SWAPPED);

  /* The side area's state, as the preferences show it. */
  self->settings = golanes_settings_new ();
  g_settings_bind (self->settings, "side-panel-width", self->side_box, "width-request", G_SETTINGS_BIND_GET);
  gtk_widget_set_size_request (self->details_paned, MIN_TIMELINE_WIDTH, -1);
  {
    g_autofree char *page = g_settings_get_string (self->settings, "side-panel-page");

    /* An empty or stale name keeps the first page. */
    if (page[0] != '\0' && gtk_stack_get_child_by_name (self->side_stack, page) != NULL)
      gtk_stack_set_visible_child_name (self->side_stack, page);
  }
  side_page_changed_cb (self);
  g_signal_connect_object (self->side_stack, "notify::visible-child", G_CALLBACK (side_page_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->side_switcher, "notify::selected", G_CALLBACK (side_switcher_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::show-side-panel", G_CALLBACK (side_panel_state_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->side_flap, "notify::folded", G_CALLBACK (side_panel_state_changed_cb),
                           self, G_CONNECT_SWAPPED);
  /* Folded, a click on the timeline or Escape hides the panel. */
  g_signal_connect_object (self->side_flap, "notify::reveal-flap", G_CALLBACK (update_side_panel),
                           self, G_CONNECT_SWAPPED);
  side_panel_state_changed_cb (self);

  gtk_widget_set_cursor_from_name (self->side_edge, "col-resize");
  drag = gtk_gesture_drag_new ();
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (side_edge_drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (side_edge_drag_update_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (side_edge_drag_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->side_edge, GTK_EVENT_CONTROLLER (drag));

  fill_legend (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (fill_legend), self, G_CONNECT_SWAPPED);
  update_side_panel (self);
}

GtkWidget *
golanes_trace_view_new (void)
{
  return g_object_new (GOLANES_TYPE_TRACE_VIEW, NULL);
}
