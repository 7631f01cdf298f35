/* test-window.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's first look with a trace, in the real application under
 * Xvfb: how the width is shared between the timeline and the side panel at
 * the default size and at 1366×768, whether the lane labels fit, the side
 * panel's remembered width, the fold over the timeline on a narrow window,
 * and the subtitle. With GOLANES_SCREENSHOT_DIR set
 * (build-aux/take-screenshots), it only writes the screenshots of the
 * trace at 1366×768 and 1920×1080 there. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "display-utils.h"
#include "golanes-application.h"
#include "golanes-compat.h"
#include "golanes-settings.h"
#include "golanes-timeline-lanes.h"
#include "golanes-timeline-render.h"
#include "golanes-timeline-view.h"
#include "golanes-window-private.h"

#define TEST_APP_ID "io.github.golanes.Golanes.WindowTest"

/* What issue #11 asks of the first look. */
#define MIN_TIMELINE_SHARE 0.65

static GolanesApplication *app;
static GSettings *settings;
static char *workdir;
static char *trace_path;    /* under $HOME/traces */

static gboolean
shows_frames (gpointer data)
{
  GolanesWindow *window = data;
  GolanesTraceView *view = _golanes_window_get_trace_view (window);

  return g_strcmp0 (golanes_window_get_page_name (window), "summary") == 0 &&
         !_golanes_window_is_loading (window) &&
         golanes_trace_view_get_session (view) != NULL &&
         golanes_timeline_view_get_n_frames (golanes_trace_view_get_timeline (view)) > 0;
}

/* A window of the size the settings say, showing the trace. */
static GolanesWindow *
open_window (int width,
             int height)
{
  g_autoptr(GFile) file = g_file_new_for_path (trace_path);
  GolanesWindow *window;

  if (width > 0)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  else
    {
      g_settings_reset (settings, "window-width");
      g_settings_reset (settings, "window-height");
    }
  window = golanes_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  golanes_window_open (window, file);
  if (!display_wait_until (shows_frames, window, DISPLAY_WAIT_MSEC))
    g_error ("the window shows page “%s”, not the trace's timeline", golanes_window_get_page_name (window));
  /* The fold and the side panel's slide settle. */
  display_spin (600);
  return window;
}

static void
destroy_window (GolanesWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  display_spin (50);
  g_assert_null (window);
}

static GtkWidget *
timeline_of (GolanesWindow *window)
{
  return GTK_WIDGET (golanes_trace_view_get_timeline (_golanes_window_get_trace_view (window)));
}

/* The window's width on the screen: its surface, a few pixels wider than
 * its widget where the window draws its own frame. */
static int
window_width (GolanesWindow *window)
{
  return gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window)));
}

/* The part of the window's width the timeline has, with the figures in
 * the log. */
static double
timeline_share (GolanesWindow *window)
{
  GolanesTraceView *view = _golanes_window_get_trace_view (window);
  int timeline_width = gtk_widget_get_width (timeline_of (window));
  double share = (double) timeline_width / window_width (window);

  g_test_message ("window %d×%d: timeline %d px (%.1f%%), side panel %d px, %s, %s",
                  window_width (window),
                  gdk_surface_get_height (gtk_native_get_surface (GTK_NATIVE (window))),
                  timeline_width, 100 * share,
                  golanes_trace_view_get_side_panel_width (view),
                  golanes_trace_view_get_side_panel_folded (view) ? "folded" : "unfolded",
                  golanes_trace_view_get_side_panel_visible (view) ? "shown" : "hidden");
  return share;
}

/* The width a lane label has where the timeline draws it
 * (golanes-timeline-render.c): group headers across half the lanes, which
 * the window's layout decides, the others in the gutter after their
 * indent (24 px for regions, 10 for the others) and before 16 px of
 * padding. */
static double
label_room (const GolanesLane *lane,
            int                lanes_width,
            double             gutter)
{
  if (lane->kind == GOLANES_LANE_HEADER)
    return lanes_width / 2.0;
  return gutter - (lane->kind == GOLANES_LANE_REGION ? 24 : 10) - 16;
}

/* The gutter the lanes draw with now. */
static double
lanes_gutter (GtkWidget *lanes)
{
  GolanesTimelineRenderParams params;

  g_assert_true (golanes_timeline_lanes_get_params (GOLANES_TIMELINE_LANES (lanes), &params));
  return golanes_timeline_params_get_gutter (&params);
}

/* A layout in the lanes' font as the timeline draws its labels: the
 * widget's font, its size scaled by 0.85 the way golanes-timeline-render.c
 * does it (which makes an absolute size a size in points). */
static PangoLayout *
create_label_layout (GtkWidget *lanes)
{
  PangoContext *context = gtk_widget_get_pango_context (lanes);
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (context));
  PangoLayout *layout = pango_layout_new (context);

  if (pango_font_description_get_size (font) > 0)
    pango_font_description_set_size (font, (int) (pango_font_description_get_size (font) * 0.85));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_font_description_free (font);
  return layout;
}

/* Whether a label @width px wide that the gutter cuts still reads: the
 * gutter grew as far as the lanes allow, and a middle ellipsis keeps the
 * goroutine id and the end of the function (its last 12 characters). */
static gboolean
cut_label_reads (PangoLayout *text,
                 const char  *label,
                 double       room,
                 double       gutter,
                 int          lanes_width)
{
  const char *space = strchr (label, ' ');
  g_autofree char *kept = NULL;
  int width = 0;

  if (gutter < golanes_timeline_fit_gutter (G_MAXDOUBLE, lanes_width) || space == NULL ||
      g_utf8_strlen (space, -1) <= 12)
    return FALSE;
  kept = g_strdup_printf ("%.*s…%s", (int) (space - label + 1), label, g_utf8_offset_to_pointer (label, g_utf8_strlen (label, -1) - 12));
  pango_layout_set_text (text, kept, -1);
  pango_layout_get_pixel_size (text, &width, NULL);
  return width <= room;
}

/* Counts the lane labels of the timeline's lanes, as its groups are now,
 * that do not fit where they are drawn: group headers in @headers, the
 * others in @gutter, and of those the ones still readable in @readable
 * (cut_label_reads()), whose tooltip over the gutter gives the whole. */
static void
count_cut_labels (GolanesWindow *window,
                  guint         *headers,
                  guint         *gutter,
                  guint         *readable)
{
  GolanesTimelineView *timeline = GOLANES_TIMELINE_VIEW (timeline_of (window));
  GolanesTimelineLayout *layout = golanes_timeline_view_get_layout (timeline);
  GtkWidget *lanes = golanes_timeline_view_get_lanes (timeline);
  g_autoptr(PangoLayout) text = create_label_layout (lanes);
  int lanes_width = gtk_widget_get_width (lanes);
  double gutter_width = lanes_gutter (lanes);

  *headers = *gutter = *readable = 0;
  g_assert_cmpuint (golanes_timeline_layout_get_n_lanes (layout), >, 10);
  for (guint i = 0; i < golanes_timeline_layout_get_n_lanes (layout); i++)
    {
      GolanesLane lane = golanes_timeline_layout_get_lane (layout, i);
      g_autofree char *label = golanes_timeline_layout_dup_lane_label (layout, i);
      double room = label_room (&lane, lanes_width, gutter_width);
      int width = 0;

      pango_layout_set_text (text, label, -1);
      pango_layout_get_pixel_size (text, &width, NULL);
      if (g_test_verbose ())
        g_test_message ("lane %u: “%s” %d px of %.0f", i, label, width, room);
      if (width <= room)
        continue;

      g_test_message ("lane %u: “%s” needs %d px, has %.0f of a %.0f px gutter", i, label, width, room,
                      gutter_width);
      if (lane.kind == GOLANES_LANE_HEADER)
        (*headers)++;
      else
        (*gutter)++;
      if (lane.kind != GOLANES_LANE_HEADER &&
          cut_label_reads (text, label, room, gutter_width, lanes_width))
        (*readable)++;
    }
}

/* Every label is whole or, in the gutter, readable (cut_label_reads()),
 * as the trace first shows and with every group expanded; the data area
 * keeps at least 400 px. */
static void
assert_labels_fit (GolanesWindow *window)
{
  GolanesTimelineView *timeline = GOLANES_TIMELINE_VIEW (timeline_of (window));
  GolanesTimelineLayout *layout = golanes_timeline_view_get_layout (timeline);
  GtkWidget *lanes = golanes_timeline_view_get_lanes (timeline);
  guint headers;
  guint gutter;
  guint readable;

  count_cut_labels (window, &headers, &gutter, &readable);
  g_assert_cmpuint (headers, ==, 0);
  g_assert_cmpuint (readable, ==, gutter);
  g_assert_cmpint (gtk_widget_get_width (lanes), >=, lanes_gutter (lanes) + 400);

  for (guint g = 0; g < golanes_timeline_layout_get_n_groups (layout); g++)
    golanes_timeline_view_set_group_collapsed (timeline, g, FALSE);
  display_spin (100);
  count_cut_labels (window, &headers, &gutter, &readable);
  g_assert_cmpuint (headers, ==, 0);
  g_assert_cmpuint (readable, ==, gutter);
  g_assert_cmpint (gtk_widget_get_width (lanes), >=, lanes_gutter (lanes) + 400);
}

static void
assert_side_by_side (GolanesWindow *window)
{
  GolanesTraceView *view = _golanes_window_get_trace_view (window);

  timeline_share (window);
  g_assert_true (golanes_trace_view_get_side_panel_visible (view));
  g_assert_false (golanes_trace_view_get_side_panel_folded (view));
  g_assert_cmpint (golanes_trace_view_get_side_panel_width (view), >=, 200);
}

static void
test_default_size (void)
{
  GolanesWindow *window = open_window (0, 0);

  assert_side_by_side (window);
  g_assert_cmpfloat (timeline_share (window), >=, MIN_TIMELINE_SHARE);
  assert_labels_fit (window);
  destroy_window (window);
}

static void
test_1366x768 (void)
{
  GolanesWindow *window = open_window (1366, 768);

  g_assert_cmpint (window_width (window), ==, 1366);
  assert_side_by_side (window);
  g_assert_cmpfloat (timeline_share (window), >=, MIN_TIMELINE_SHARE);
  assert_labels_fit (window);
  destroy_window (window);
}

/* The gutter fits its labels: at 1920x1080 every label of the service
 * trace is whole, groups expanded or not; the one cut at 1366x768 (a
 * runtime/trace function of 53 characters) shows its id and its end. */
static void
test_gutter_labels (void)
{
  GolanesWindow *window = open_window (1920, 1080);
  GolanesTimelineView *timeline = GOLANES_TIMELINE_VIEW (timeline_of (window));
  GolanesTimelineLayout *layout = golanes_timeline_view_get_layout (timeline);
  GtkWidget *lanes = golanes_timeline_view_get_lanes (timeline);
  guint headers;
  guint gutter;
  guint readable;

  count_cut_labels (window, &headers, &gutter, &readable);
  g_assert_cmpuint (headers + gutter, ==, 0);
  g_assert_cmpfloat (lanes_gutter (lanes), >, GOLANES_TIMELINE_GUTTER_MIN);
  for (guint g = 0; g < golanes_timeline_layout_get_n_groups (layout); g++)
    golanes_timeline_view_set_group_collapsed (timeline, g, FALSE);
  display_spin (100);
  count_cut_labels (window, &headers, &gutter, &readable);
  g_assert_cmpuint (headers + gutter, ==, 0);
  destroy_window (window);

  window = open_window (1366, 768);
  count_cut_labels (window, &headers, &gutter, &readable);
  g_assert_cmpuint (gutter, ==, 1);
  g_assert_cmpuint (readable, ==, 1);
  destroy_window (window);
}

/* The width the user gives the side panel by dragging its edge is what the
 * next window has. */
static void
test_remembered_width (void)
{
  GolanesWindow *window = open_window (1366, 768);
  GolanesTraceView *view = _golanes_window_get_trace_view (window);
  int timeline_width = gtk_widget_get_width (timeline_of (window));
  int width = golanes_trace_view_get_side_panel_width (view);

  g_assert_cmpint (width, ==, g_settings_get_int (settings, "side-panel-width"));

  /* Its edge dragged 60 px to the left: 60 px wider. */
  _golanes_trace_view_drag_side_panel_edge (view, -60);
  display_spin (200);
  timeline_share (window);
  g_assert_cmpint (golanes_trace_view_get_side_panel_width (view), ==, width + 60);
  g_assert_cmpint (gtk_widget_get_width (timeline_of (window)), ==, timeline_width - 60);
  g_assert_cmpint (g_settings_get_int (settings, "side-panel-width"), ==, width + 60);
  destroy_window (window);

  window = open_window (1366, 768);
  view = _golanes_window_get_trace_view (window);
  g_assert_cmpint (golanes_trace_view_get_side_panel_width (view), ==, width + 60);

  /* Not past the schema's limits, whatever the drag. */
  _golanes_trace_view_drag_side_panel_edge (view, 2000);
  display_spin (200);
  g_assert_cmpint (g_settings_get_int (settings, "side-panel-width"), ==, 200);
  g_assert_cmpint (golanes_trace_view_get_side_panel_width (view), ==, 200);

  /* A change made in the preferences shows at once. */
  g_settings_set_int (settings, "side-panel-width", 360);
  display_spin (200);
  g_assert_cmpint (golanes_trace_view_get_side_panel_width (view), ==, 360);
  destroy_window (window);

  g_settings_reset (settings, "side-panel-width");
}

/* On a narrow window the side panel folds: hidden, the timeline has the
 * whole width, and shown, it lies over the timeline instead of squeezing
 * it. */
static void
test_fold (void)
{
  GolanesWindow *window = open_window (720, 600);
  GolanesTraceView *view = _golanes_window_get_trace_view (window);
  int width = window_width (window);
  int timeline_width;

  g_assert_cmpint (width, ==, 720);
  g_assert_true (golanes_trace_view_get_side_panel_folded (view));
  g_assert_false (golanes_trace_view_get_side_panel_visible (view));
  timeline_width = gtk_widget_get_width (timeline_of (window));
  timeline_share (window);
  g_assert_cmpint (timeline_width, ==, gtk_widget_get_width (GTK_WIDGET (view)));

  /* F9 shows it over the timeline, which keeps its width... */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "trace.toggle-side-panel", NULL));
  display_spin (600);
  timeline_share (window);
  g_assert_true (golanes_trace_view_get_side_panel_visible (view));
  g_assert_true (golanes_trace_view_get_side_panel_folded (view));
  g_assert_cmpint (gtk_widget_get_width (timeline_of (window)), ==, timeline_width);
  {
    g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "window-folded.png", NULL);

    display_save_screenshot (GTK_WINDOW (window), path);
  }
  g_assert_true (gtk_widget_get_mapped (golanes_trace_view_get_panel (view, "gc")) ||
                 gtk_widget_get_mapped (golanes_trace_view_get_panel (view, "goroutines")) ||
                 gtk_widget_get_mapped (golanes_trace_view_get_panel (view, "tasks")) ||
                 gtk_widget_get_mapped (golanes_trace_view_get_panel (view, "blocking")));

  /* ... and folding away does not change what wide windows show. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "trace.toggle-side-panel", NULL));
  display_spin (600);
  g_assert_false (golanes_trace_view_get_side_panel_visible (view));
  g_assert_true (g_settings_get_boolean (settings, "show-side-panel"));

  /* Made wide, the window has the panel beside the timeline again. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  display_spin (600);
  timeline_share (window);
  assert_side_by_side (window);
  destroy_window (window);
}

static void
test_subtitle (void)
{
  GolanesWindow *window = open_window (1366, 768);
  g_autofree char *outside = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  gsize len;

  g_assert_true (g_str_has_prefix (trace_path, g_get_home_dir ()));
  g_assert_cmpstr (adw_window_title_get_title (_golanes_window_get_window_title (window)), ==,
                   "checkout-service.trace");
  g_assert_cmpstr (adw_window_title_get_subtitle (_golanes_window_get_window_title (window)), ==,
                   "~/traces");
  display_assert_shows (GTK_WIDGET (window), "~/traces");

  /* Outside the home folder, the whole path. */
  outside = g_build_filename (workdir, "elsewhere.trace", NULL);
  g_assert_true (g_file_get_contents (trace_path, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (outside, contents, len, NULL));
  file = g_file_new_for_path (outside);
  golanes_window_open (window, file);
  g_assert_true (display_wait_until (shows_frames, window, DISPLAY_WAIT_MSEC));
  g_assert_cmpstr (adw_window_title_get_subtitle (_golanes_window_get_window_title (window)), ==,
                   workdir);
  destroy_window (window);
  g_unlink (outside);
}

/* Screenshots of the README: the trace as it first opens. */

static void
take_screenshot (const char *name,
                 int         width,
                 int         height)
{
  const char *dir = g_getenv ("GOLANES_SCREENSHOT_DIR");
  g_autofree char *file = g_strdup_printf ("%s.png", name);
  g_autofree char *path = NULL;
  GolanesWindow *window = open_window (width, height);

  if (dir != NULL && dir[0] != '\0')
    path = g_build_filename (dir, file, NULL);
  else
    path = g_test_build_filename (G_TEST_BUILT, file, NULL);
  g_assert_cmpfloat (timeline_share (window), >=, MIN_TIMELINE_SHARE);
  display_save_screenshot (GTK_WINDOW (window), path);
  destroy_window (window);
}

static void
test_screenshots (void)
{
  take_screenshot ("window-1366x768", 1366, 768);
  take_screenshot ("window-1920x1080", 1920, 1080);
}

/* Set-up */

/* main() keeps GDK from setting up OpenGL when the cairo renderer is
 * asked for, through the variable this GTK reads (GDK_DISABLE=gl from
 * 4.16, GDK_DEBUG=gl-disable before), and leaves a value set before. */
static void
test_skip_unused_gl (void)
{
  gboolean disable_var = gtk_get_minor_version () >= 16;
  const char *var = disable_var ? "GDK_DISABLE" : "GDK_DEBUG";
  const char *value = disable_var ? "gl" : "gl-disable";
  g_autofree char *renderer = g_strdup (g_getenv ("GSK_RENDERER"));
  g_autofree char *saved = g_strdup (g_getenv (var));

  g_unsetenv (var);
  g_setenv ("GSK_RENDERER", "gl", TRUE);
  golanes_skip_unused_gl ();
  g_assert_null (g_getenv (var));
  g_unsetenv ("GSK_RENDERER");
  golanes_skip_unused_gl ();
  g_assert_null (g_getenv (var));
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  golanes_skip_unused_gl ();
  g_assert_cmpstr (g_getenv (var), ==, value);
  g_setenv (var, "misc", TRUE);
  golanes_skip_unused_gl ();
  g_assert_cmpstr (g_getenv (var), ==, "misc");

  if (saved != NULL)
    g_setenv (var, saved, TRUE);
  else
    g_unsetenv (var);
  if (renderer != NULL)
    g_setenv ("GSK_RENDERER", renderer, TRUE);
  else
    g_unsetenv ("GSK_RENDERER");
}

int
main (int   argc,
      char *argv[])
{
  const char *screenshot_dir = g_getenv ("GOLANES_SCREENSHOT_DIR");
  int test_status;
  static const char *const reset_keys[] = { "window-maximized", "show-side-panel", "side-panel-width", NULL };
  g_autofree char *folder = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  workdir = display_make_home ("golanes-window");

  golanes_application_setup_i18n ();
  g_test_init (&argc, &argv, NULL);
  display_allow_no_session_bus ();

  /* The trace under the home folder, as a user's would be. */
  g_assert_true (g_file_get_contents (g_getenv ("GOLANES_TEST_TRACE"), &contents, &len, NULL));
  folder = g_build_filename (g_get_home_dir (), "traces", NULL);
  g_assert_no_errno (g_mkdir_with_parents (folder, 0755));
  trace_path = g_build_filename (folder, "checkout-service.trace", NULL);
  g_assert_true (g_file_set_contents (trace_path, contents, len, NULL));

  if (screenshot_dir != NULL && screenshot_dir[0] != '\0')
    {
      g_test_add_func ("/window/screenshots", test_screenshots);
    }
  else
    {
      g_test_add_func ("/window/width/default-size", test_default_size);
      g_test_add_func ("/window/width/1366x768", test_1366x768);
      g_test_add_func ("/window/labels/gutter", test_gutter_labels);
      g_test_add_func ("/window/side-panel/remembered-width", test_remembered_width);
      g_test_add_func ("/window/side-panel/fold", test_fold);
      g_test_add_func ("/window/subtitle", test_subtitle);
      g_test_add_func ("/window/skip-unused-gl", test_skip_unused_gl);
      g_test_add_func ("/window/screenshots", test_screenshots);
    }

  app = golanes_application_new (TEST_APP_ID, G_APPLICATION_NON_UNIQUE);
  test_status = display_run_app_tests (G_APPLICATION (app), reset_keys, &settings);

  g_clear_object (&app);
  display_remove_tree (workdir);
  g_free (workdir);
  g_free (trace_path);

  return test_status;
}
