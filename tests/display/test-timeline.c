/* test-timeline.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Drives the timeline viewer of the real application under Xvfb: the
 * view's session and lanes, zooming and panning through the widget actions,
 * clicking a span, a GC pause through the GC panel, wheel and pinch
 * input through the lanes' own controllers, drawing at scale 2, finding
 * goroutines, the truncation banner, and screenshots in light and dark
 * styles. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "golanes-analyses.h"
#include "golanes-gc.h"
#include "golanes-application.h"
#include "golanes-goroutines-panel.h"
#include "golanes-panel-row.h"
#include "golanes-palette.h"
#include "golanes-record-dialog.h"
#include "golanes-settings.h"
#include "golanes-time-ruler.h"
#include "golanes-timeline-lanes.h"
#include "golanes-timeline-math.h"
#include "golanes-timeline-view-private.h"
#include "golanes-window-private.h"

#include "display-utils.h"

#define TEST_APP_ID "io.github.golanes.Golanes.TimelineTest"
#define WAIT_MSEC   DISPLAY_WAIT_MSEC

static GolanesApplication *app;
static GolanesWindow *window;
static char *workdir;
static char *trace_path;
static char *truncated_path;
static int test_status;

static gboolean
shows_trace (gpointer data)
{
  GolanesWindow *w = data;

  return g_strcmp0 (golanes_window_get_page_name (w), "summary") == 0 &&
         !_golanes_window_is_loading (w) &&
         golanes_trace_view_get_session (_golanes_window_get_trace_view (w)) != NULL;
}

static gboolean
has_frames (gpointer data)
{
  return golanes_timeline_view_get_n_frames (data) > 0;
}

static GolanesTraceView *
trace_view (void)
{
  return _golanes_window_get_trace_view (window);
}

static GolanesTimelineView *
timeline (void)
{
  return golanes_trace_view_get_timeline (trace_view ());
}

static GolanesSession *
session (void)
{
  return golanes_trace_view_get_session (trace_view ());
}

static GolanesTimeline *
model (void)
{
  return golanes_document_get_timeline (golanes_session_get_document (session ()));
}

/* Lets the timeline draw what the session now says. */
static void
settle (void)
{
  guint frames = golanes_timeline_view_get_n_frames (timeline ());

  gtk_widget_queue_draw (golanes_timeline_view_get_lanes (timeline ()));
  while (golanes_timeline_view_get_n_frames (timeline ()) == frames)
    g_main_context_iteration (NULL, TRUE);
}

static void
assert_visible (gint64 start,
                gint64 end)
{
  gint64 s;
  gint64 e;

  golanes_session_get_visible (session (), &s, &e);
  g_assert_cmpint (s, ==, start);
  g_assert_cmpint (e, ==, end);
}

static void
activate (const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline ()), action, NULL));
}

/* Screenshots go to the build directory. */

static void
save_screenshot (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  display_save_screenshot (GTK_WINDOW (window), path);
}

/* The tests */

static void
test_lanes (void)
{
  GolanesTimelineLayout *layout = golanes_timeline_view_get_layout (timeline ());
  GtkWidget *ruler = gtk_widget_get_first_child (GTK_WIDGET (timeline ()));
  g_autoptr(GolanesSession) ruler_session = NULL;
  g_autoptr(GolanesSession) lanes_session = NULL;
  g_autoptr(GolanesTimelineLayout) fresh = NULL;

  /* The view hands its session to the ruler and the lanes. */
  g_assert_true (GOLANES_IS_TIME_RULER (ruler));
  g_object_get (ruler, "session", &ruler_session, NULL);
  g_object_get (golanes_timeline_view_get_lanes (timeline ()), "session", &lanes_session, NULL);
  g_assert_true (ruler_session == session ());
  g_assert_true (lanes_session == session ());

  /* The view shows the layout of the session's document as it starts;
   * tests/model/test-timeline-layout.c checks the layout itself. */
  g_assert_nonnull (layout);
  fresh = golanes_timeline_layout_new (golanes_session_get_document (session ()));
  g_assert_cmpuint (golanes_timeline_layout_get_n_lanes (layout), ==, golanes_timeline_layout_get_n_lanes (fresh));
  g_assert_cmpuint (golanes_timeline_layout_get_n_lanes (layout), >, 10);
  for (guint i = 0; i < golanes_timeline_layout_get_n_lanes (layout); i++)
    {
      GolanesLane a = golanes_timeline_layout_get_lane (layout, i);
      GolanesLane b = golanes_timeline_layout_get_lane (fresh, i);

      g_assert_cmpmem (&a, sizeof a, &b, sizeof b);
    }
  g_assert_cmpint (golanes_timeline_layout_get_goroutine_lane (layout, golanes_timeline_lookup_goroutine (model (), 1)),
                   >=, 0);

  save_screenshot ("timeline-overview.png");
}

static void
test_navigation (void)
{
  gint64 s = golanes_session_get_start_time (session ());
  gint64 e = golanes_session_get_end_time (session ());
  gint64 d = e - s;
  gint64 c = s + d / 2;
  gint64 zs = c - llround ((c - s) * 0.5);
  gint64 zd = llround (d * 0.5);
  gint64 step = (gint64) (zd * 0.1);

  assert_visible (s, e);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (timeline ()), "timeline.no-such-action", NULL));

  activate ("timeline.zoom-in");
  assert_visible (zs, zs + zd);

  activate ("timeline.pan-right");
  assert_visible (zs + step, zs + step + zd);
  activate ("timeline.pan-left");
  assert_visible (zs, zs + zd);

  activate ("timeline.pan-end");
  assert_visible (e - zd, e);
  activate ("timeline.pan-start");
  assert_visible (s, s + zd);
  /* Panning stops at the start of the trace. */
  activate ("timeline.pan-left");
  assert_visible (s, s + zd);

  activate ("timeline.zoom-out");
  assert_visible (s, e);

  /* Back and forward walk the recorded views. */
  activate ("timeline.back");
  assert_visible (s, s + zd);
  activate ("timeline.back");
  assert_visible (e - zd, e);
  activate ("timeline.forward");
  assert_visible (s, s + zd);

  activate ("timeline.zoom-fit");
  assert_visible (s, e);

  /* A selection, zoomed to. */
  golanes_session_set_selection (session (), s + d / 4, s + d / 4 + d / 100);
  activate ("timeline.zoom-selection");
  assert_visible (s + d / 4, s + d / 4 + d / 100);
  settle ();
  save_screenshot ("timeline-zoomed-selection.png");

  /* Zooming stops at the shortest range, around the centre. */
  for (guint i = 0; i < 40; i++)
    golanes_session_zoom (session (), 0.5, s + d / 2, TRUE);
  {
    gint64 vs;
    gint64 ve;

    golanes_session_get_visible (session (), &vs, &ve);
    g_assert_cmpint (ve - vs, ==, GOLANES_SESSION_MIN_DURATION);
    g_assert_cmpint (vs, <=, s + d / 2);
    g_assert_cmpint (ve, >=, s + d / 2);
  }

  activate ("timeline.zoom-fit");
  assert_visible (s, e);
}

/* A waiting span of G1 with a stack, preferably unblocked by someone. */
static gboolean
pick_span (guint *goroutine,
           guint *span)
{
  GolanesTimeline *tl = model ();
  gint g1 = golanes_timeline_lookup_goroutine (tl, 1);
  guint n = golanes_track_get_n_spans (golanes_timeline_get_goroutine_states (tl, g1));
  gint best = -1;

  for (guint i = 0; i < n; i++)
    {
      GolanesSpan sp;

      golanes_track_get_span (golanes_timeline_get_goroutine_states (tl, g1), i, &sp);
      if (sp.state != GOLANES_G_WAITING || sp.arg == 0 || sp.end - sp.start < 1000)
        continue;
      if (best < 0)
        best = i;
      if (golanes_timeline_get_unblocker (tl, g1, i) >= 0)
        {
          best = i;
          break;
        }
    }

  *goroutine = g1;
  *span = best;
  return best >= 0;
}

static void
test_click_span (void)
{
  GolanesTimeline *tl = model ();
  GolanesTimelineLayout *layout = golanes_timeline_view_get_layout (timeline ());
  GolanesDetailsPanel *details = golanes_trace_view_get_details (trace_view ());
  gint64 goid;
  g_autofree char *text = NULL;
  g_autofree char *expected_title = NULL;
  const GolanesFrame *frames;
  GolanesSpan sp;
  guint goroutine;
  guint span;
  guint sel_g;
  guint sel_s;
  guint n_frames;
  gint lane;
  gint unblocker;
  double x;
  double y;
  gsize len;
  const char *func;

  g_assert_true (pick_span (&goroutine, &span));
  goid = golanes_timeline_get_goroutine_id (tl, goroutine);
  golanes_track_get_span (golanes_timeline_get_goroutine_states (tl, goroutine), span, &sp);

  /* Frame the span in the middle third of the view and click its middle. */
  golanes_session_set_visible (session (), sp.start - (sp.end - sp.start), sp.end + (sp.end - sp.start), TRUE);
  lane = golanes_timeline_layout_get_goroutine_lane (layout, goroutine);
  g_assert_cmpint (lane, >=, 0);
  settle ();
  g_assert_true (golanes_timeline_view_get_point (timeline (), sp.start + (sp.end - sp.start) / 2, lane, &x, &y));
  golanes_timeline_view_click (timeline (), x, y);

  g_assert_true (golanes_session_get_selected_span (session (), &sel_g, &sel_s));
  g_assert_cmpuint (sel_g, ==, goroutine);
  g_assert_cmpuint (sel_s, ==, span);

  text = golanes_details_panel_dup_text (details);
  expected_title = g_strdup_printf ("Goroutine %" G_GINT64_FORMAT, goid);
  g_assert_nonnull (strstr (text, expected_title));
  g_assert_nonnull (strstr (text, "main.main"));
  g_assert_nonnull (strstr (text, "waiting"));

  /* The stack where it blocked, function and file:line. */
  frames = golanes_stack_table_get_frames (golanes_timeline_get_stack_table (tl), sp.arg, &n_frames);
  g_assert_cmpuint (n_frames, >, 0);
  func = golanes_stack_table_get_string (golanes_timeline_get_stack_table (tl), frames[0].func, &len);
  {
    g_autofree char *f = g_strndup (func, len);
    g_autofree char *line = g_strdup_printf (":%u", frames[0].line);

    g_assert_nonnull (strstr (text, f));
    g_assert_nonnull (strstr (text, line));
  }
  g_assert_nonnull (strstr (text, "Blocked at"));

  /* And where it was woken: the stack of the event that ended the wait,
   * the next span's. */
  {
    GolanesTrack *states = golanes_timeline_get_goroutine_states (tl, goroutine);
    GolanesSpan next;

    g_assert_cmpuint (span + 1, <, golanes_track_get_n_spans (states));
    golanes_track_get_span (states, span + 1, &next);
    if (next.arg != 0 && next.start == sp.end)
      {
        const GolanesFrame *nf = golanes_stack_table_get_frames (golanes_timeline_get_stack_table (tl), next.arg, &n_frames);
        g_autofree char *f = NULL;

        g_assert_cmpuint (n_frames, >, 0);
        func = golanes_stack_table_get_string (golanes_timeline_get_stack_table (tl), nf[0].func, &len);
        f = g_strndup (func, len);
        g_assert_nonnull (strstr (text, "Unblocked at"));
        g_assert_nonnull (strstr (strstr (text, "Unblocked at"), f));
      }
    else
      g_assert_null (strstr (text, "Unblocked at"));
  }

  settle ();
  save_screenshot ("timeline-zoomed.png");

  /* The goroutine that unblocked it, one click away. */
  unblocker = golanes_timeline_get_unblocker (tl, goroutine, span);
  if (unblocker >= 0)
    {
      GtkWidget *button = golanes_details_panel_get_unblocker_button (details);

      g_assert_nonnull (button);
      g_signal_emit_by_name (button, "clicked");
      g_assert_true (golanes_session_get_selected_span (session (), &sel_g, &sel_s));
      g_assert_cmpuint (sel_g, ==, unblocker);
      g_assert_cmpint (golanes_timeline_layout_get_goroutine_lane (layout, unblocker), >=, 0);
    }
  else
    g_test_message ("no unblocked waiting span of G1 in this trace");

  /* A click on empty space clears the selection. */
  golanes_timeline_view_click (timeline (), 5, 5000);
  g_assert_false (golanes_session_get_selected_span (session (), NULL, NULL));
  activate ("timeline.zoom-fit");
}


/* A click on a task or a region selects it; the details offer its
 * critical path, which "P" computes and draws. */
static gboolean
path_drawn (gpointer data)
{
  guint n = 0;

  golanes_session_get_critical_path (data, &n);
  return n > 0;
}

static void
test_click_task_region (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("GOLANES_TEST_TRACE"));
  GolanesWindow *second = golanes_window_new (app);
  GolanesTraceView *view;
  GolanesTimelineView *tv;
  GolanesSession *sess;
  GolanesTimelineLayout *layout;
  GolanesTimeline *tl;
  GolanesDetailsPanel *details;
  GolanesTimelineTask task_copy;
  const GolanesTimelineTask *task = &task_copy;
  const GolanesTimelineRegion *region;
  GolanesTimelineRegion longest = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GolanesCriticalPath) want = NULL;
  const GolanesCritSegment *got;
  guint n_got, n_want, lane, n_lanes;
  gint task_lane = -1, region_lane = -1, region_index = -1, gi;
  double x, y;

  gtk_window_present (GTK_WINDOW (second));
  golanes_window_open (second, file);
  g_assert_true (display_wait_until (shows_trace, second, WAIT_MSEC));
  view = _golanes_window_get_trace_view (second);
  tv = golanes_trace_view_get_timeline (view);
  sess = golanes_trace_view_get_session (view);
  layout = golanes_timeline_view_get_layout (tv);
  details = golanes_trace_view_get_details (view);
  tl = golanes_document_get_timeline (golanes_session_get_document (sess));

  g_assert_cmpuint (golanes_timeline_get_n_tasks (tl), >, 0);
  g_assert_true (golanes_timeline_get_task (tl, 0, &task_copy));
  n_lanes = golanes_timeline_layout_get_n_lanes (layout);
  for (lane = 0; lane < n_lanes && task_lane < 0; lane++)
    if (golanes_timeline_layout_get_lane (layout, lane).kind == GOLANES_LANE_TASK &&
        golanes_timeline_layout_get_lane (layout, lane).index == task->row)
      task_lane = (gint) lane;
  g_assert_cmpint (task_lane, >=, 0);

  golanes_session_set_visible (sess, task->start, task->end, TRUE);
  display_spin (100);
  g_assert_true (golanes_timeline_view_get_point (tv, task->start + (task->end - task->start) / 2,
                                                  task_lane, &x, &y));
  golanes_timeline_view_click (tv, x, y);
  g_assert_cmpint (golanes_session_get_selected_task (sess), ==, 0);
  g_assert_false (golanes_session_get_selected_span (sess, NULL, NULL));
  text = golanes_details_panel_dup_text (details);
  title = g_strdup_printf ("Task %" G_GUINT64_FORMAT " “%s”", task->id,
                           golanes_stack_table_get_string (golanes_timeline_get_stack_table (tl), task->type, NULL));
  g_assert_nonnull (strstr (text, title));
  g_assert_nonnull (golanes_details_panel_get_path_button (details));

  /* "P": the task's path, drawn on the timeline. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "trace.critical-path", NULL));
  g_assert_true (display_wait_until (path_drawn, sess, WAIT_MSEC));
  want = golanes_critical_path_new_for_task (tl, 0, NULL);
  golanes_critical_path_get_segments (want, &n_want);
  got = golanes_session_get_critical_path (sess, &n_got);
  g_assert_cmpuint (n_got, ==, n_want);
  g_assert_cmpint (got[0].start, ==, task->start);
  g_assert_cmpint (got[n_got - 1].end, ==, task->end);
  display_spin (200);
  {
    g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "timeline-critical-path.png", NULL);

    display_save_screenshot (GTK_WINDOW (second), path);
  }

  /* A region: the longest one. */
  for (guint i = 0; i < golanes_timeline_get_n_regions (tl); i++)
    {
      GolanesTimelineRegion r_copy;
      const GolanesTimelineRegion *r = golanes_timeline_get_region (tl, i, &r_copy) ? &r_copy : NULL;

      if (region_index < 0 || r->end - r->start > longest.end - longest.start)
        {
          region_index = (gint) i;
          longest = *r;
        }
    }
  g_assert_cmpint (region_index, >=, 0);
  region = &longest;
  gi = golanes_timeline_lookup_goroutine (tl, region->goroutine);
  golanes_session_reveal_goroutine (sess, region->goroutine);
  n_lanes = golanes_timeline_layout_get_n_lanes (layout);
  for (lane = 0; lane < n_lanes && region_lane < 0; lane++)
    {
      GolanesLane l = golanes_timeline_layout_get_lane (layout, lane);

      if (l.kind == GOLANES_LANE_REGION && l.index == (guint) gi && l.level == region->level)
        region_lane = (gint) lane;
    }
  g_assert_cmpint (region_lane, >=, 0);
  golanes_session_set_visible (sess, region->start, region->end, TRUE);
  display_spin (100);
  g_assert_true (golanes_timeline_view_get_point (tv, region->start + (region->end - region->start) / 2,
                                                  region_lane, &x, &y));
  golanes_timeline_view_click (tv, x, y);
  /* Regions at one level of a goroutine do not overlap: the one clicked. */
  g_assert_cmpint (golanes_session_get_selected_region (sess), >=, 0);
  {
    GolanesTimelineRegion clicked_copy;
    const GolanesTimelineRegion *clicked = &clicked_copy;

    g_assert_true (golanes_timeline_get_region (tl, (guint) golanes_session_get_selected_region (sess), &clicked_copy));
    g_assert_cmpint (clicked->start, ==, region->start);
    g_assert_cmpint (clicked->end, ==, region->end);
  }
  g_assert_cmpint (golanes_session_get_selected_task (sess), ==, -1);
  g_clear_pointer (&text, g_free);
  text = golanes_details_panel_dup_text (details);
  g_assert_nonnull (strstr (text, "Region “"));

  gtk_window_destroy (GTK_WINDOW (second));
}

static void
test_gc_pause (void)
{
  GolanesTimeline *tl = model ();
  GtkWidget *panel = golanes_trace_view_get_panel (trace_view (), "gc");
  const GolanesTimelineRange *pause = NULL;
  const GolanesSessionInterval *highlight;
  gint64 margin;
  guint n_highlight;

  for (guint i = 0; i < golanes_timeline_get_n_ranges (tl); i++)
    {
      const GolanesTimelineRange *r = golanes_timeline_get_range (tl, i);

      if (r->kind == GOLANES_GC_RANGE_STW && r->end > r->start)
        {
          pause = r;
          break;
        }
    }
  g_assert_nonnull (pause);
  g_assert_nonnull (panel);

  /* What the GC panel emits when a pause row is activated. */
  g_signal_emit_by_name (panel, "activate-range", pause->start, pause->end);
  margin = MAX ((pause->end - pause->start) / 10, 1);
  {
    gint64 start = pause->start - margin;
    gint64 end = pause->end + margin;

    golanes_timeline_clamp_range (golanes_session_get_start_time (session ()),
                                  golanes_session_get_end_time (session ()),
                                  GOLANES_SESSION_MIN_DURATION, &start, &end);
    assert_visible (start, end);
  }
  highlight = golanes_session_get_highlight (session (), &n_highlight);
  g_assert_cmpuint (n_highlight, ==, 1);
  g_assert_cmpint (highlight[0].goroutine, ==, -1);
  g_assert_cmpint (highlight[0].start, ==, pause->start);
  g_assert_cmpint (highlight[0].end, ==, pause->end);

  settle ();
  save_screenshot ("timeline-gc-pause.png");
  golanes_session_set_highlight (session (), NULL, NULL, 0);
  golanes_session_clear_selection (session ());
  activate ("timeline.zoom-fit");
}

static GtkColumnView *
first_column_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    return GTK_COLUMN_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkColumnView *view = first_column_view (child);

      if (view != NULL)
        return view;
    }
  return NULL;
}

/* Selecting a goroutine in the goroutines panel opens its lane's group if
 * needed, scrolls the timeline to the lane and selects the goroutine. */
static void
test_goroutines_panel (void)
{
  GolanesTimelineLayout *layout = golanes_timeline_view_get_layout (timeline ());
  GtkAdjustment *vadj = golanes_timeline_view_get_vadjustment (timeline ());
  GtkWidget *panel = golanes_trace_view_get_panel (trace_view (), "goroutines");
  GolanesTimeline *tl = model ();
  g_autofree char *goid_text = NULL;
  g_autoptr(GtkTreeListRow) group = NULL;
  GtkColumnView *view;
  GListModel *rows;
  GolanesLane lane;
  gint index = -1;
  gint lane_index;
  guint selected;
  gint64 goid;
  double value;

  g_assert_nonnull (panel);
  /* A goroutine in a collapsed group if there is one (/timeline/find may
   * have opened them), else the one whose lane is farthest down. */
  for (guint i = 0; i < golanes_timeline_get_n_goroutines (tl); i++)
    {
      gint l = golanes_timeline_layout_get_goroutine_lane (layout, i);

      if (l < 0)
        {
          index = (gint) i;
          break;
        }
      if (index < 0 || l > golanes_timeline_layout_get_goroutine_lane (layout, index))
        index = (gint) i;
    }
  g_assert_cmpint (index, >=, 0);
  goid = golanes_timeline_get_goroutine_id (tl, index);
  gtk_adjustment_set_value (vadj, 0);

  /* Filtered by its id, the panel shows its group; expanded, the group
   * lists the goroutine. */
  goid_text = g_strdup_printf ("%" G_GINT64_FORMAT, goid);
  golanes_goroutines_panel_set_filter (GOLANES_GOROUTINES_PANEL (panel), goid_text);
  view = first_column_view (panel);
  g_assert_nonnull (view);
  rows = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  group = g_list_model_get_item (rows, 0);
  gtk_tree_list_row_set_expanded (group, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  {
    g_autoptr(GObject) item = g_list_model_get_item (rows, 1);

    g_assert_cmpint (golanes_panel_row_get_id (golanes_panel_row_from_item (item)), ==, goid);
  }
  gtk_selection_model_select_item (gtk_column_view_get_model (view), 1, TRUE);

  lane_index = golanes_timeline_layout_get_goroutine_lane (layout, index);
  g_assert_cmpint (lane_index, >=, 0);
  lane = golanes_timeline_layout_get_lane (layout, lane_index);
  value = gtk_adjustment_get_value (vadj);
  g_assert_cmpfloat (value, >, 0);
  g_assert_cmpfloat (lane.y, >=, value);
  g_assert_cmpfloat (lane.y + lane.height, <=, value + gtk_adjustment_get_page_size (vadj));
  g_assert_true (golanes_session_get_selected_span (session (), &selected, NULL));
  g_assert_cmpuint (selected, ==, (guint) index);

  golanes_goroutines_panel_set_filter (GOLANES_GOROUTINES_PANEL (panel), "");
  golanes_session_set_highlight (session (), NULL, NULL, 0);
  golanes_session_clear_selection (session ());
  gtk_adjustment_set_value (vadj, 0);
}

static void
test_find (void)
{
  GolanesTimeline *tl = model ();
  guint g;

  g_assert_cmpuint (golanes_timeline_view_find (timeline (), "G1"), ==, 1);
  g_assert_true (golanes_session_get_selected_span (session (), &g, NULL));
  g_assert_cmpint (golanes_timeline_get_goroutine_id (tl, g), ==, 1);

  g_assert_cmpuint (golanes_timeline_view_find (timeline (), "MAIN.MAIN"), >=, 1);
  g_assert_cmpuint (golanes_timeline_view_find (timeline (), "no.such.function"), ==, 0);

  /* Find by function answers from the layout's groups: as many as a look
   * at every goroutine's function finds, the first of them selected. */
  {
    const char *queries[] = { "main", "MAIN.MAIN", "func", "Runtime", "gc", "." };
    guint n_runtime = 0;

    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        g_autofree char *folded = g_utf8_casefold (queries[q], -1);
        guint expected = 0;
        gint first = -1;

        for (guint i = 0; i < golanes_timeline_get_n_goroutines (tl); i++)
          {
            g_autofree char *func = golanes_timeline_dup_goroutine_function (tl, i);
            g_autofree char *ffunc = g_utf8_casefold (func, -1);

            if (strstr (ffunc, folded) == NULL)
              continue;
            if (first < 0)
              first = i;
            expected++;
            n_runtime += q == 3;
          }
        g_test_message ("find %s: %u", queries[q], expected);
        g_assert_cmpuint (expected, >, 0);
        g_assert_cmpuint (golanes_timeline_view_find (timeline (), queries[q]), ==, expected);
        g_assert_true (golanes_session_get_selected_span (session (), &g, NULL));
        g_assert_cmpuint (g, ==, first);
      }
    g_assert_cmpuint (n_runtime, >, 0);
  }

  /* A runtime goroutine: its collapsed group opens to show it. */
  for (guint i = 0; i < golanes_timeline_get_n_goroutines (tl); i++)
    {
      GolanesTimelineLayout *layout = golanes_timeline_view_get_layout (timeline ());
      g_autofree char *query = NULL;

      if (golanes_timeline_layout_get_goroutine_lane (layout, i) >= 0)
        continue;
      query = g_strdup_printf ("%" G_GINT64_FORMAT, golanes_timeline_get_goroutine_id (tl, i));
      g_assert_cmpuint (golanes_timeline_view_find (timeline (), query), ==, 1);
      g_assert_cmpint (golanes_timeline_layout_get_goroutine_lane (layout, i), >=, 0);
      break;
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline ()), "timeline.find", NULL));
  display_spin (100);
}

static void
test_side_panel (void)
{
  g_autoptr(GSettings) settings = golanes_settings_new ();
  gboolean visible = golanes_trace_view_get_side_panel_visible (trace_view ());

  g_assert_cmpint (visible, ==, g_settings_get_boolean (settings, "show-side-panel"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (trace_view ()), "trace.toggle-side-panel", NULL));
  g_assert_cmpint (golanes_trace_view_get_side_panel_visible (trace_view ()), ==, !visible);
  /* The preference follows F9, and the other way round. */
  g_assert_cmpint (g_settings_get_boolean (settings, "show-side-panel"), ==, !visible);
  g_settings_set_boolean (settings, "show-side-panel", visible);
  g_assert_cmpint (golanes_trace_view_get_side_panel_visible (trace_view ()), ==, visible);
  g_settings_set_boolean (settings, "show-side-panel", !visible);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (trace_view ()), "trace.toggle-side-panel", NULL));
  g_assert_cmpint (golanes_trace_view_get_side_panel_visible (trace_view ()), ==, visible);
  g_assert_null (golanes_trace_view_get_banner_text (trace_view ()));
}

static void
test_dark (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *path = NULL;
  double luminance, dark_fraction, light;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  display_spin (300);
  g_assert_true (adw_style_manager_get_dark (manager));
  settle ();
  save_screenshot ("timeline-dark.png");
  path = g_test_build_filename (G_TEST_BUILT, "timeline-dark.png", NULL);
  luminance = display_png_luminance (path, &dark_fraction);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  display_spin (200);
  /* The window, the lanes' background and the gutter are dark; the
   * coloured spans are the bright pixels. */
  g_test_message ("dark screenshot: luminance %.3f, %.0f%% dark pixels",
                  luminance, 100 * dark_fraction);
  g_assert_cmpfloat (luminance, <, 0.35);
  g_assert_cmpfloat (dark_fraction, >, 0.6);

  /* The same window in the light style is bright. */
  settle ();
  save_screenshot ("timeline-light.png");
  g_free (path);
  path = g_test_build_filename (G_TEST_BUILT, "timeline-light.png", NULL);
  light = display_png_luminance (path, NULL);
  g_test_message ("light screenshot: luminance %.3f", light);
  g_assert_cmpfloat (light, >, luminance + 0.25);
}

static void
test_truncated (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (truncated_path);
  GolanesWindow *second = golanes_window_new (app);
  GolanesTraceView *view;
  const char *text;

  gtk_window_present (GTK_WINDOW (second));
  golanes_window_open (second, file);
  g_assert_true (display_wait_until (shows_trace, second, WAIT_MSEC));
  view = _golanes_window_get_trace_view (second);
  text = golanes_trace_view_get_banner_text (view);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "This trace is truncated: "));
  g_assert_nonnull (strstr (text, "% ("));
  g_assert_nonnull (strstr (text, golanes_document_get_read_error (golanes_session_get_document (golanes_trace_view_get_session (view)))->message));
  gtk_window_destroy (GTK_WINDOW (second));
}

/* Real input: the lanes' own scroll, motion and zoom controllers, driven
 * by emitting their signals. */

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  g_assert_not_reached ();
  return NULL;
}

/* The lanes' label gutter, as they draw now. */
static double
gutter (void)
{
  GolanesTimelineRenderParams params;

  g_assert_true (golanes_timeline_lanes_get_params (GOLANES_TIMELINE_LANES (golanes_timeline_view_get_lanes (timeline ())),
                                                    &params));
  return golanes_timeline_params_get_gutter (&params);
}

static double
lanes_data_width (void)
{
  return gtk_widget_get_width (golanes_timeline_view_get_lanes (timeline ())) - gutter ();
}

/* The time under lanes-area x @x. */
static gint64
time_under (double x)
{
  gint64 s;
  gint64 e;

  golanes_session_get_visible (session (), &s, &e);
  return golanes_timeline_x_to_time (s, e, lanes_data_width (), x - gutter ());
}

static double
ns_per_px (void)
{
  gint64 s;
  gint64 e;

  golanes_session_get_visible (session (), &s, &e);
  return (double) (e - s) / lanes_data_width ();
}

static gboolean
emit_scroll (GdkModifierType modifiers,
             double          dx,
             double          dy)
{
  GtkWidget *lanes = golanes_timeline_view_get_lanes (timeline ());
  GtkEventController *scroll = find_controller (lanes, GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  gboolean handled = FALSE;

  _golanes_timeline_view_set_scroll_modifiers (timeline (), modifiers);
  g_signal_emit_by_name (scroll, "scroll", dx, dy, &handled);
  _golanes_timeline_view_set_scroll_modifiers (timeline (), 0);
  return handled;
}

static void
emit_motion (double x,
             double y)
{
  GtkWidget *lanes = golanes_timeline_view_get_lanes (timeline ());

  g_signal_emit_by_name (find_controller (lanes, GTK_TYPE_EVENT_CONTROLLER_MOTION), "motion", x, y);
}

static guint
lanes_builds (void)
{
  return golanes_timeline_lanes_get_n_builds (GOLANES_TIMELINE_LANES (golanes_timeline_view_get_lanes (timeline ())));
}

static void
test_scroll (void)
{
  GtkAdjustment *vadj = golanes_timeline_view_get_vadjustment (timeline ());
  gint64 s = golanes_session_get_start_time (session ());
  gint64 e = golanes_session_get_end_time (session ());
  gint64 d = e - s;
  double x = gutter () + 0.3 * lanes_data_width ();
  gint64 vs;
  gint64 ve;
  gint64 anchor;
  double step;
  double value;
  guint builds;

  activate ("timeline.zoom-fit");
  gtk_adjustment_set_value (vadj, 0);
  golanes_session_set_visible (session (), s + d / 4, s + d / 4 + d / 2, TRUE);
  settle ();

  /* Ctrl+wheel zooms in around the pointer: the time under it stays. */
  emit_motion (x, 40);
  anchor = time_under (x);
  step = ns_per_px ();
  g_assert_true (emit_scroll (GDK_CONTROL_MASK, 0, -1));
  golanes_session_get_visible (session (), &vs, &ve);
  g_assert_cmpint (ve - vs, <, d / 2);
  g_assert_cmpfloat (fabs ((double) (ve - vs) - d / 2 / 1.25), <=, 2);
  g_assert_cmpfloat (fabs ((double) (time_under (x) - anchor)), <=, step);
  g_assert_cmpint (vs, >, s + d / 4);
  g_assert_cmpint (ve, <, s + d / 4 + d / 2);
  /* And out again, around the same time. */
  g_assert_true (emit_scroll (GDK_CONTROL_MASK, 0, 1));
  golanes_session_get_visible (session (), &vs, &ve);
  g_assert_cmpfloat (fabs ((double) (ve - vs) - d / 2), <=, 4);
  g_assert_cmpfloat (fabs ((double) (time_under (x) - anchor)), <=, step);
  settle ();

  /* A plain wheel moves the lanes up and down, not the time. */
  golanes_session_get_visible (session (), &vs, &ve);
  value = gtk_adjustment_get_value (vadj);
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj), >, value + 60);
  g_assert_true (emit_scroll (0, 0, 1));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, value + 60);
  assert_visible (vs, ve);
  g_assert_true (emit_scroll (0, 0, -1));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, value);

  /* Shift+wheel and a horizontal wheel pan by a tenth of the view. */
  step = lanes_data_width () * 0.1 * ns_per_px ();
  g_assert_true (emit_scroll (GDK_SHIFT_MASK, 0, 1));
  assert_visible (vs + (gint64) step, ve + (gint64) step);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, value);
  g_assert_true (emit_scroll (0, -1, 0));
  assert_visible (vs, ve);
  g_assert_true (emit_scroll (0, 1, 0));
  assert_visible (vs + (gint64) step, ve + (gint64) step);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, value);
  settle ();

  /* Hovering and highlights reuse the lanes' render node. */
  builds = lanes_builds ();
  emit_motion (x + 50, 60);
  settle ();
  golanes_session_set_highlight (session (), "test",
                                 (GolanesSessionInterval[]) { { -1, vs + (ve - vs) / 3, vs + (ve - vs) / 2 } }, 1);
  settle ();
  g_assert_cmpuint (lanes_builds (), ==, builds);
  golanes_session_set_highlight (session (), NULL, NULL, 0);
  emit_scroll (0, 0, 1);
  settle ();
  g_assert_cmpuint (lanes_builds (), ==, builds + 1);

  activate ("timeline.zoom-fit");
  gtk_adjustment_set_value (vadj, 0);
}

static void
test_pinch (void)
{
  GtkWidget *lanes = golanes_timeline_view_get_lanes (timeline ());
  GtkEventController *zoom = find_controller (lanes, GTK_TYPE_GESTURE_ZOOM);
  gint64 s = golanes_session_get_start_time (session ());
  gint64 e = golanes_session_get_end_time (session ());
  gint64 d = e - s;
  double x = gutter () + 0.7 * lanes_data_width ();
  double step;
  gint64 anchor;
  gint64 vs;
  gint64 ve;

  activate ("timeline.zoom-fit");
  settle ();

  /* The centre of the two fingers stays put while they spread. */
  emit_motion (x, 30);
  anchor = time_under (x);
  step = ns_per_px ();
  g_signal_emit_by_name (zoom, "begin", NULL);
  g_signal_emit_by_name (zoom, "scale-changed", 2.0);
  golanes_session_get_visible (session (), &vs, &ve);
  g_assert_cmpfloat (fabs ((double) (ve - vs) - d / 2.0), <=, 2);
  g_assert_cmpfloat (fabs ((double) (time_under (x) - anchor)), <=, step);

  /* Scales are relative to the start of the gesture. */
  g_signal_emit_by_name (zoom, "scale-changed", 4.0);
  golanes_session_get_visible (session (), &vs, &ve);
  g_assert_cmpfloat (fabs ((double) (ve - vs) - d / 4.0), <=, 2);
  g_assert_cmpfloat (fabs ((double) (time_under (x) - anchor)), <=, step);

  /* Pinching in goes back out, never past the whole trace. */
  g_signal_emit_by_name (zoom, "scale-changed", 0.5);
  assert_visible (s, e);
  g_signal_emit_by_name (zoom, "end", NULL);
  settle ();
}

/* Two spans of G1 that touch, in different states, both at least 8 ns. */
static gboolean
pick_boundary (guint       *goroutine,
               GolanesSpan *a,
               GolanesSpan *b)
{
  GolanesTimeline *tl = model ();
  gint g1 = golanes_timeline_lookup_goroutine (tl, 1);
  guint n = golanes_track_get_n_spans (golanes_timeline_get_goroutine_states (tl, g1));

  for (guint i = 0; i + 1 < n; i++)
    {
      golanes_track_get_span (golanes_timeline_get_goroutine_states (tl, g1), i, a);
      golanes_track_get_span (golanes_timeline_get_goroutine_states (tl, g1), i + 1, b);
      if (a->end == b->start && a->state != b->state && a->end - a->start >= 8 && b->end - b->start >= 8 &&
          a->state <= GOLANES_G_SYSCALL && b->state <= GOLANES_G_SYSCALL)
        {
          *goroutine = g1;
          return TRUE;
        }
    }
  return FALSE;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (data + (gsize) y * cairo_image_surface_get_stride (surface) + (gsize) x * 4);
}

static guint32
opaque_pixel (const GdkRGBA *color)
{
  return 0xff000000u |
         ((guint32) lround (color->red * 255) << 16) |
         ((guint32) lround (color->green * 255) << 8) |
         (guint32) lround (color->blue * 255);
}

/* At scale 2 the lanes are drawn on device pixels: a boundary between two
 * spans is one device pixel column to the next, with nothing blended, in
 * the palette's colours. */
static void
test_hidpi (void)
{
  GolanesTimelineLayout *layout = golanes_timeline_view_get_layout (timeline ());
  GolanesTimelineRenderParams params = { 0, };
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  cairo_surface_t *surface;
  cairo_t *cr;
  GolanesLane lane;
  GolanesSpan a;
  GolanesSpan b;
  guint goroutine = 0;
  gint lane_index;
  gint64 q;
  guint32 color_a;
  guint32 color_b;
  int boundary;
  int row;
  const int width = 700;
  const int height = 120;
  const int scale = 2;
  const int columns = (width - GOLANES_TIMELINE_GUTTER) * scale;

  g_assert_true (pick_boundary (&goroutine, &a, &b));
  lane_index = golanes_timeline_layout_get_goroutine_lane (layout, goroutine);
  g_assert_cmpint (lane_index, >=, 0);
  lane = golanes_timeline_layout_get_lane (layout, lane_index);

  /* Whole nanoseconds per device pixel, the boundary on column 510. */
  q = MAX (MIN (a.end - a.start, b.end - b.start) / 8, 1);
  boundary = columns / 2;
  params.document = golanes_session_get_document (session ());
  params.layout = layout;
  params.start = a.end - boundary * q;
  params.end = params.start + (gint64) columns * q;
  params.width = width;
  params.height = height;
  params.scroll_y = floor (lane.y - 20);
  params.scale = scale;
  params.dark = FALSE;
  params.foreground = (GdkRGBA) { 0, 0, 0, 0.8 };
  params.pango = gtk_widget_get_pango_context (golanes_timeline_view_get_lanes (timeline ()));

  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &GRAPHENE_RECT_INIT (0, 0, width, height));
  golanes_timeline_render_lanes (&params, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  color_a = opaque_pixel (golanes_palette_get (a.state, FALSE));
  color_b = opaque_pixel (golanes_palette_get (b.state, FALSE));
  /* The top of the lane, above any text. */
  row = (int) ((lane.y - params.scroll_y) * scale) + 1;
  boundary += GOLANES_TIMELINE_GUTTER * scale;

  for (int x = boundary - 6; x < boundary + 6; x++)
    {
      guint32 pixel = pixel_at (surface, x, row);

      if (pixel != (x < boundary ? color_a : color_b))
        g_error ("device pixel %d: %08x, expected %08x (%s) before column %d and %08x (%s) from it",
                 x, pixel, color_a, golanes_timeline_state_name (a.state), boundary,
                 color_b, golanes_timeline_state_name (b.state));
    }
  /* Down the lane too, at the last column of one and the first of the
   * other. */
  for (int y = row; y < row + 3 * scale; y++)
    {
      g_assert_cmphex (pixel_at (surface, boundary - 1, y), ==, color_a);
      g_assert_cmphex (pixel_at (surface, boundary, y), ==, color_b);
    }

  if (g_test_verbose ())
    {
      g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "timeline-hidpi.png", NULL);

      cairo_surface_write_to_png (surface, path);
    }
  cairo_surface_destroy (surface);
}


/* A trace of Go 1.21 (the pre-1.22 format) opens like any other: its
 * version in the header, lanes drawn, the panels filled in. */
static gboolean
legacy_analyses_done (gpointer data)
{
  GolanesAnalyses *a = golanes_trace_view_get_analyses (data);

  return a != NULL && golanes_analyses_is_done (a) && _golanes_trace_view_get_n_refreshing () == 0;
}

static void
test_legacy_trace (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "fixtures", "legacy", "go1.21-sample.trace", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GolanesWindow *second = golanes_window_new (app);
  GolanesTraceView *view;
  GolanesTimelineView *tv;
  GolanesTimeline *tl;
  GolanesTimelineLayout *layout;
  guint lanes, n_goroutines = 0;

  gtk_window_set_default_size (GTK_WINDOW (second), 1280, 800);
  gtk_window_present (GTK_WINDOW (second));
  golanes_window_open (second, file);
  g_assert_true (display_wait_until (shows_trace, second, WAIT_MSEC));
  view = _golanes_window_get_trace_view (second);
  tv = golanes_trace_view_get_timeline (view);
  g_assert_true (display_wait_until (has_frames, tv, WAIT_MSEC));
  g_assert_true (display_wait_until (legacy_analyses_done, view, WAIT_MSEC));
  display_assert_shows (GTK_WIDGET (second), "Go 1.21");

  tl = golanes_document_get_timeline (golanes_session_get_document (golanes_trace_view_get_session (view)));
  g_assert_cmpuint (golanes_timeline_get_n_goroutines (tl), >, 5);
  g_assert_cmpuint (golanes_timeline_get_n_procs (tl), >, 0);
  g_assert_cmpuint (golanes_timeline_get_n_tasks (tl), >, 0);
  layout = golanes_timeline_view_get_layout (tv);
  lanes = golanes_timeline_layout_get_n_lanes (layout);
  for (guint i = 0; i < lanes; i++)
    n_goroutines += golanes_timeline_layout_get_lane (layout, i).kind == GOLANES_LANE_GOROUTINE;
  g_assert_cmpuint (n_goroutines, >, 0);
  /* Its analyses are there: GC cycles and pauses. */
  {
    GolanesGc *gc = golanes_document_get_gc (golanes_session_get_document (golanes_trace_view_get_session (view)));
    guint n_cycles = 0, n_pauses = 0;

    g_assert_nonnull (gc);
    golanes_gc_get_cycles (gc, &n_cycles);
    golanes_gc_get_pauses (gc, &n_pauses);
    g_assert_cmpuint (n_cycles, >, 0);
    g_assert_cmpuint (n_pauses, >, 0);
  }
  display_spin (200);
  {
    g_autofree char *shot = g_test_build_filename (G_TEST_BUILT, "timeline-legacy.png", NULL);

    display_save_screenshot (GTK_WINDOW (second), shot);
  }
  gtk_window_destroy (GTK_WINDOW (second));
}


/* Recording from a service: an HTTP server in this process streams a
 * fixture trace (chunked, over about a second) or answers 404; the record
 * dialog counts down, opens what it received in a window, which removes
 * the recording from the cache folder when it closes. */
typedef struct
{
  GBytes *trace;
  gint    requests;
} FakeService;

static gboolean
fake_service_run (GThreadedSocketService *service,
                  GSocketConnection      *conn,
                  GObject                *source,
                  gpointer                data)
{
  FakeService *fs = data;
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (conn));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (conn));
  char req[4096];
  gssize n = g_input_stream_read (in, req, sizeof req - 1, NULL, NULL);
  gsize len;
  const guint8 *data_bytes = g_bytes_get_data (fs->trace, &len);

  g_atomic_int_inc (&fs->requests);
  if (n <= 0)
    return TRUE;
  req[n] = '\0';
  if (!g_str_has_prefix (req, "GET /debug/pprof/trace?seconds=1 "))
    {
      static const char answer[] = "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 19\r\n"
                                   "Connection: close\r\n\r\n404 page not found\n";

      g_output_stream_write_all (out, answer, sizeof answer - 1, NULL, NULL, NULL);
      return TRUE;
    }
  {
    static const char head[] = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                               "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    gsize sent = 0, piece = len / 5 + 1;

    g_output_stream_write_all (out, head, sizeof head - 1, NULL, NULL, NULL);
    while (sent < len)
      {
        gsize k = MIN (piece, len - sent);
        g_autofree char *size = g_strdup_printf ("%" G_GSIZE_MODIFIER "x\r\n", k);

        g_usleep (250 * 1000);
        g_output_stream_write_all (out, size, strlen (size), NULL, NULL, NULL);
        g_output_stream_write_all (out, data_bytes + sent, k, NULL, NULL, NULL);
        g_output_stream_write_all (out, "\r\n", 2, NULL, NULL, NULL);
        sent += k;
      }
    g_output_stream_write_all (out, "0\r\n\r\n", 5, NULL, NULL, NULL);
  }
  return TRUE;
}

static gboolean
dialog_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
dialog_idle (gpointer data)
{
  return !golanes_record_dialog_is_recording (data);
}

static gboolean
dialog_has_bytes (gpointer data)
{
  const char *status = golanes_record_dialog_get_status (data);

  return status != NULL && strstr (status, "second") != NULL && strstr (status, " 0 bytes") == NULL;
}

static void
test_record_dialog (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "..", "fixtures", "go1.26", "chansel.trace", NULL);
  g_autoptr(GSocketService) service = NULL;
  g_autofree char *url = NULL;
  g_autofree char *bad_url = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *recorded = NULL;
  gsize len = 0, rlen = 0;
  FakeService fs = { NULL, 0 };
  GolanesWindow *second = golanes_window_new (app);
  GolanesRecordDialog *dialog;
  gpointer weak;
  GFile *file;
  guint16 port;

  g_assert_true (g_file_get_contents (fixture, &contents, &len, NULL));
  fs.trace = g_bytes_new (contents, len);
  service = g_threaded_socket_service_new (4);
  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, NULL);
  g_assert_cmpuint (port, >, 0);
  g_signal_connect (service, "run", G_CALLBACK (fake_service_run), &fs);
  g_socket_service_start (service);
  url = g_strdup_printf ("http://127.0.0.1:%u/debug/pprof/trace", port);
  bad_url = g_strdup_printf ("http://127.0.0.1:%u/debug/pprof/", port);

  gtk_window_set_default_size (GTK_WINDOW (second), 1280, 800);
  gtk_window_present (GTK_WINDOW (second));

  /* An endpoint that is not pprof's: the dialog says so and stays. */
  dialog = golanes_record_dialog_new (GTK_WINDOW (second));
  gtk_window_present (GTK_WINDOW (dialog));
  golanes_record_dialog_set_url (dialog, bad_url);
  golanes_record_dialog_set_seconds (dialog, 1);
  golanes_record_dialog_start (dialog);
  g_assert_true (display_wait_until (dialog_idle, dialog, WAIT_MSEC));
  g_assert_nonnull (golanes_record_dialog_get_error (dialog));
  g_assert_nonnull (strstr (golanes_record_dialog_get_error (dialog), "404"));
  g_assert_nonnull (strstr (golanes_record_dialog_get_error (dialog), "/debug/pprof/trace"));
  display_spin (200);
  {
    g_autofree char *shot = g_test_build_filename (G_TEST_BUILT, "record-error.png", NULL);

    display_save_screenshot (GTK_WINDOW (dialog), shot);
  }

  /* A bad URL never reaches the network. */
  golanes_record_dialog_set_url (dialog, "localhost:6060");
  golanes_record_dialog_start (dialog);
  g_assert_false (golanes_record_dialog_is_recording (dialog));
  g_assert_nonnull (strstr (golanes_record_dialog_get_error (dialog), "not an http or https URL"));

  /* The real one: a countdown and the bytes as they come, then the trace
   * in the window, from the cache folder. */
  golanes_record_dialog_set_url (dialog, url);
  golanes_record_dialog_start (dialog);
  g_assert_true (golanes_record_dialog_is_recording (dialog));
  g_assert_true (display_wait_until (dialog_has_bytes, dialog, WAIT_MSEC));
  {
    g_autofree char *shot = g_test_build_filename (G_TEST_BUILT, "record-dialog.png", NULL);

    display_save_screenshot (GTK_WINDOW (dialog), shot);
  }
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_assert_true (display_wait_until (dialog_gone, &weak, WAIT_MSEC));
  g_assert_true (display_wait_until (shows_trace, second, WAIT_MSEC));
  file = golanes_window_get_file (second);
  g_assert_nonnull (file);
  {
    g_autofree char *path = g_file_get_path (file);
    g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "golanes", "recordings", NULL);

    g_assert_true (g_str_has_prefix (path, cache));
    g_assert_true (g_file_get_contents (path, &recorded, &rlen, NULL));
    /* Every byte the service sent, and nothing else. */
    g_assert_cmpuint (rlen, ==, len);
    g_assert_true (memcmp (recorded, contents, len) == 0);
    display_spin (100);
    {
      g_autofree char *shot = g_test_build_filename (G_TEST_BUILT, "record-opened.png", NULL);

      display_save_screenshot (GTK_WINDOW (second), shot);
    }
    /* Closed unsaved, the recording goes. */
    g_object_ref (file);
    gtk_window_destroy (GTK_WINDOW (second));
    display_spin (100);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_object_unref (file);
  }
  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
  g_bytes_unref (fs.trace);
}


/* The dialog against a real service: tests/programs/pprofserver (built
 * with the installed Go, skipped without one) serves net/http/pprof; one
 * second recorded through the dialog reads as go tool trace reads it. */
static char *go_cache;   /* the user's Go build cache, from before HOME moved */

static char *
find_go (void)
{
  char *go = g_find_program_in_path ("go");

  if (go == NULL && g_file_test ("/usr/local/go/bin/go", G_FILE_TEST_IS_EXECUTABLE))
    go = g_strdup ("/usr/local/go/bin/go");
  return go;
}

static char *
run_stdout (const char * const *argv,
            char              **envp)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                     &status, &error) || !g_spawn_check_wait_status (status, NULL))
    {
      g_free (out);
      return NULL;
    }
  return out;
}

static void
test_record_live (void)
{
  g_autofree char *go = find_go ();
  g_autofree char *programs = g_test_build_filename (G_TEST_DIST, "..", "programs", NULL);
  g_autofree char *cli = g_test_build_filename (G_TEST_BUILT, "..", "..", "src", "cli", "golanes-cli", NULL);
  g_autofree char *tmp = NULL;
  g_autofree char *exe = NULL;
  g_autofree char *line = NULL;
  g_autofree char *url = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  GolanesWindow *second;
  GolanesRecordDialog *dialog;
  gpointer weak;

  if (go == NULL)
    {
      g_test_skip ("no Go installation");
      return;
    }
  tmp = g_dir_make_tmp (NULL, NULL);
  exe = g_build_filename (tmp, "pprofserver", NULL);
  envp = g_environ_setenv (envp, "GOTOOLCHAIN", "local", TRUE);
  envp = g_environ_setenv (envp, "GOPROXY", "off", TRUE);
  envp = g_environ_setenv (envp, "GOFLAGS", "", TRUE);
  envp = g_environ_setenv (envp, "CGO_ENABLED", "0", TRUE);
  envp = g_environ_setenv (envp, "TZ", "UTC", TRUE);
  if (go_cache != NULL)
    envp = g_environ_setenv (envp, "GOCACHE", go_cache, FALSE);
  {
    const char *argv[] = { go, "build", "-trimpath", "-o", exe, "./pprofserver", NULL };
    int status = 0;

    if (!g_spawn_sync (programs, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
        !g_spawn_check_wait_status (status, NULL))
      {
        g_test_skip ("tests/programs/pprofserver does not build with this Go");
        display_remove_tree (tmp);
        return;
      }
  }
  {
    g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);

    g_subprocess_launcher_set_environ (launcher, envp);
    server = g_subprocess_launcher_spawn (launcher, &error, exe, "0", NULL);
  }
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (line, "listening on "));
  url = g_strdup_printf ("http://%s/debug/pprof/trace", line + strlen ("listening on "));

  second = golanes_window_new (app);
  gtk_window_present (GTK_WINDOW (second));
  dialog = golanes_record_dialog_new (GTK_WINDOW (second));
  gtk_window_present (GTK_WINDOW (dialog));
  golanes_record_dialog_set_url (dialog, url);
  golanes_record_dialog_set_seconds (dialog, 1);
  golanes_record_dialog_start (dialog);
  g_assert_true (golanes_record_dialog_is_recording (dialog));
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_assert_true (display_wait_until (dialog_gone, &weak, WAIT_MSEC));
  g_assert_true (display_wait_until (shows_trace, second, WAIT_MSEC));
  path = g_file_get_path (golanes_window_get_file (second));

  /* What the window opened, as Go reads it. */
  {
    const char *ev_argv[] = { cli, "events", path, NULL };
    const char *go_argv[] = { go, "tool", "trace", "-d=parsed", path, NULL };

    ours = run_stdout (ev_argv, envp);
    theirs = run_stdout (go_argv, envp);
  }
  g_assert_nonnull (ours);
  g_assert_nonnull (theirs);
  g_assert_cmpuint (strlen (ours), >, 1000);
  g_assert_true (g_str_equal (ours, theirs));
  g_test_message ("recorded %s: %" G_GSIZE_FORMAT " bytes of events text, equal to go tool trace -d=parsed",
                  path, strlen (ours));

  gtk_window_destroy (GTK_WINDOW (second));
  display_spin (100);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_subprocess_force_exit (server);
  g_subprocess_wait (server, NULL, NULL);
  display_remove_tree (tmp);
}

/* CPU samples: a tick along the bottom edge of their goroutine's lane,
 * whose tooltip counts them and whose click shows the stack. */
static void
test_cpu_samples (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "fixtures", "go1.26", "cpuprof.trace", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GolanesWindow *second = golanes_window_new (app);
  GolanesTraceView *view;
  GolanesTimelineView *tv;
  GolanesSession *sess;
  GolanesTimelineLayout *layout;
  GolanesTimeline *tl;
  GolanesTimelineRenderParams params = { 0, };
  GolanesTimelineHit hit;
  g_autoptr(GskRenderNode) node = NULL;
  g_autofree char *tip = NULL;
  g_autofree char *text = NULL;
  const GolanesTimelineSample *sample;
  GolanesLane lane;
  const GolanesFrame *frames;
  GtkSnapshot *snapshot;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_frames = 0;
  gint index, lane_index;
  int column, bottom;
  const int width = 800, height = 200;

  gtk_window_present (GTK_WINDOW (second));
  golanes_window_open (second, file);
  g_assert_true (display_wait_until (shows_trace, second, WAIT_MSEC));
  view = _golanes_window_get_trace_view (second);
  tv = golanes_trace_view_get_timeline (view);
  sess = golanes_trace_view_get_session (view);
  layout = golanes_timeline_view_get_layout (tv);
  tl = golanes_document_get_timeline (golanes_session_get_document (sess));
  g_assert_cmpuint (golanes_timeline_get_n_samples (tl), >, 0);

  sample = golanes_timeline_get_sample (tl, 0);
  index = golanes_timeline_lookup_goroutine (tl, sample->goroutine);
  g_assert_cmpint (index, >=, 0);
  lane_index = golanes_timeline_layout_reveal_goroutine (layout, (guint) index);
  g_assert_cmpint (lane_index, >=, 0);
  lane = golanes_timeline_layout_get_lane (layout, lane_index);

  /* 1 µs per pixel around the sample. */
  params.document = golanes_session_get_document (sess);
  params.layout = layout;
  params.start = sample->time - 300 * 1000;
  params.end = params.start + (gint64) (width - GOLANES_TIMELINE_GUTTER) * 1000;
  params.width = width;
  params.height = height;
  params.scroll_y = floor (lane.y - 20);
  params.scale = 1;
  params.dark = FALSE;
  params.foreground = (GdkRGBA) { 0, 0, 0, 0.8 };
  params.pango = gtk_widget_get_pango_context (golanes_timeline_view_get_lanes (tv));

  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &GRAPHENE_RECT_INIT (0, 0, width, height));
  golanes_timeline_render_lanes (&params, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* The tick: the sample colour at its column along the lane's bottom,
   * not a few columns away. */
  column = GOLANES_TIMELINE_GUTTER + 300;
  bottom = (int) (lane.y + lane.height - params.scroll_y) - 1;
  g_assert_cmphex (pixel_at (surface, column, bottom), ==, opaque_pixel (golanes_palette_get (GOLANES_COLOR_CPU_SAMPLE, FALSE)));
  g_assert_cmphex (pixel_at (surface, column - 6, bottom), !=, opaque_pixel (golanes_palette_get (GOLANES_COLOR_CPU_SAMPLE, FALSE)));
  if (g_test_verbose ())
    {
      g_autofree char *png = g_test_build_filename (G_TEST_BUILT, "timeline-samples.png", NULL);

      cairo_surface_write_to_png (surface, png);
    }
  cairo_surface_destroy (surface);

  /* Its tooltip counts it; above the edge is the span, not the sample. */
  g_assert_true (golanes_timeline_hit_test (&params, column + 0.5, bottom, &hit));
  g_assert_cmpuint (hit.n_samples, >=, 1);
  g_assert_cmpuint (hit.sample, ==, 0);
  tip = golanes_timeline_describe_hit (params.document, &hit);
  g_assert_true (g_str_has_prefix (tip, "1 CPU sample") || strstr (tip, " CPU samples") != NULL);
  g_assert_true (golanes_timeline_hit_test (&params, column + 0.5, bottom - 12, &hit));
  g_assert_cmpuint (hit.n_samples, ==, 0);

  /* Selected: the details show its stack, and its goroutine's span. */
  golanes_session_select_sample (sess, 0);
  g_assert_cmpint (golanes_session_get_selected_sample (sess), ==, 0);
  text = golanes_details_panel_dup_text (golanes_trace_view_get_details (view));
  g_assert_nonnull (strstr (text, "CPU sample at"));
  frames = golanes_stack_table_get_frames (golanes_timeline_get_stack_table (tl), sample->stack, &n_frames);
  g_assert_cmpuint (n_frames, >, 0);
  g_assert_nonnull (strstr (text, golanes_stack_table_get_string (golanes_timeline_get_stack_table (tl), frames[0].func, NULL)));
  {
    guint g = 0, sp = 0;

    g_assert_true (golanes_session_get_selected_span (sess, &g, &sp));
    g_assert_cmpuint (g, ==, (guint) index);
  }
  /* The window as it shows it, 40 ms around the sample. */
  golanes_session_set_visible (sess, sample->time - 20 * 1000 * 1000, sample->time + 20 * 1000 * 1000, TRUE);
  display_spin (300);
  {
    g_autofree char *png = g_test_build_filename (G_TEST_BUILT, "timeline-cpu-samples.png", NULL);

    display_save_screenshot (GTK_WINDOW (second), png);
  }

  /* Selecting a span clears it. */
  golanes_session_select_span (sess, -1, -1);
  g_assert_cmpint (golanes_session_get_selected_sample (sess), ==, -1);

  gtk_window_destroy (GTK_WINDOW (second));
}

static gboolean
run_tests_cb (gpointer data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  g_assert_nonnull (windows);
  window = windows->data;
  gtk_window_set_default_size (GTK_WINDOW (window), 1260, 860);
  g_assert_true (display_wait_until (shows_trace, window, WAIT_MSEC));
  g_assert_true (display_wait_until (has_frames, timeline (), WAIT_MSEC));

  test_status = g_test_run ();
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static void
startup_cb (GApplication *application)
{
  g_idle_add (run_tests_cb, NULL);
}

int
main (int   argc,
      char *argv[])
{
  char *app_argv[3];

  /* Go's build cache is the user's, not the test home's below. */
  if (g_getenv ("GOCACHE") != NULL)
    go_cache = g_strdup (g_getenv ("GOCACHE"));
  else if (g_getenv ("XDG_CACHE_HOME") != NULL)
    go_cache = g_build_filename (g_getenv ("XDG_CACHE_HOME"), "go-build", NULL);
  else if (g_getenv ("HOME") != NULL)
    go_cache = g_build_filename (g_getenv ("HOME"), ".cache", "go-build", NULL);
  workdir = display_make_home ("golanes-timeline");

  g_test_init (&argc, &argv, NULL);
  display_allow_no_session_bus ();

  trace_path = g_test_build_filename (G_TEST_DIST, "..", "fixtures", "go1.26", "chansel.trace", NULL);
  /* Cut in its second generation: its first shows (one cut in its first,
   * as chansel.cut60.trace is, has nothing to show and is an error). */
  truncated_path = g_test_build_filename (G_TEST_DIST, "..", "fixtures", "go1.26", "longrun.cut60.trace", NULL);

  g_test_add_func ("/timeline/lanes", test_lanes);
  g_test_add_func ("/timeline/navigation", test_navigation);
  g_test_add_func ("/timeline/click-span", test_click_span);
  g_test_add_func ("/timeline/click-task-region", test_click_task_region);
  g_test_add_func ("/timeline/legacy-trace", test_legacy_trace);
  g_test_add_func ("/timeline/record-dialog", test_record_dialog);
  g_test_add_func ("/timeline/record-live", test_record_live);
  g_test_add_func ("/timeline/gc-pause", test_gc_pause);
  g_test_add_func ("/timeline/scroll", test_scroll);
  g_test_add_func ("/timeline/pinch", test_pinch);
  g_test_add_func ("/timeline/hidpi", test_hidpi);
  g_test_add_func ("/timeline/find", test_find);
  g_test_add_func ("/timeline/goroutines-panel", test_goroutines_panel);
  g_test_add_func ("/timeline/side-panel", test_side_panel);
  g_test_add_func ("/timeline/dark", test_dark);
  g_test_add_func ("/timeline/truncated", test_truncated);
  g_test_add_func ("/timeline/cpu-samples", test_cpu_samples);

  app = golanes_application_new (TEST_APP_ID, G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "startup", G_CALLBACK (startup_cb), NULL);

  app_argv[0] = (char *) "golanes";
  app_argv[1] = trace_path;
  app_argv[2] = NULL;
  g_application_run (G_APPLICATION (app), 2, app_argv);

  g_clear_object (&app);
  display_remove_tree (workdir);
  g_free (trace_path);
  g_free (truncated_path);
  g_free (workdir);

  return test_status;
}
