/* test-desktop.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Desktop integration of the real GolanesApplication under Xvfb: settings
 * (window state, colour scheme, bad values), the preferences window, the
 * keyboard shortcuts window, and the screenshots of the README and the
 * metainfo. With GOLANES_SCREENSHOT_DIR set (build-aux/take-screenshots),
 * the screenshots are written there under their published names. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "display-utils.h"
#include "golanes-application.h"
#include "golanes-preferences-window.h"
#include "golanes-settings.h"
#include "golanes-window-private.h"

#define TEST_APP_ID "io.github.golanes.Golanes.DesktopTest"

static GolanesApplication *app;
static GSettings *settings;
static char *workdir;
static char *trace_path;

typedef struct
{
  GolanesWindow *window;
  const char    *page;
} PageWait;

static gboolean
page_is (gpointer data)
{
  PageWait *wait = data;

  return g_strcmp0 (golanes_window_get_page_name (wait->window), wait->page) == 0;
}

static void
assert_page (GolanesWindow *window,
             const char    *page)
{
  PageWait wait = { window, page };

  if (!display_wait_until (page_is, &wait, DISPLAY_WAIT_MSEC))
    g_error ("window shows page “%s”, expected “%s”",
             golanes_window_get_page_name (window), page);
}

/* Whatever page shows a trace: not the welcome, loading or error page. */
static gboolean
shows_trace (gpointer data)
{
  const char *page = golanes_window_get_page_name (data);

  return page != NULL && golanes_window_get_file (data) != NULL &&
         !g_str_equal (page, "loading") && !g_str_equal (page, "welcome");
}

static void
assert_shows_trace (GolanesWindow *window)
{
  if (!display_wait_until (shows_trace, window, DISPLAY_WAIT_MSEC))
    g_error ("window shows page “%s”, expected a trace", golanes_window_get_page_name (window));
  g_assert_cmpstr (golanes_window_get_page_name (window), !=, "error");
}

static GolanesWindow *
new_window (void)
{
  GolanesWindow *window = golanes_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  assert_page (window, "welcome");
  return window;
}

/* The default size of a window not shown yet is the one restored from
 * the settings: once shown, GTK raises it to the content's minimum. */
static GolanesWindow *
new_hidden_window (void)
{
  return golanes_window_new (app);
}

static void
present (GolanesWindow *window)
{
  gtk_window_present (GTK_WINDOW (window));
  assert_page (window, "welcome");
}

static void
destroy_window (GolanesWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  display_spin (50);
  g_assert_null (window);
}

/* Published screenshots keep their names; test runs write into the build
 * folder. */
static char *
screenshot_path (const char *name)
{
  const char *dir = g_getenv ("GOLANES_SCREENSHOT_DIR");
  g_autofree char *file = NULL;

  if (dir != NULL && dir[0] != '\0')
    {
      file = g_strdup_printf ("%s.png", name);
      return g_build_filename (dir, file, NULL);
    }
  file = g_strdup_printf ("desktop-%s.png", name);
  return g_test_build_filename (G_TEST_BUILT, file, NULL);
}

static void
screenshot (GtkWindow  *window,
            const char *name)
{
  g_autofree char *path = screenshot_path (name);

  display_save_screenshot (window, path);
}

static GtkDropTarget *
find_drop_target (GolanesWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  g_error ("window has no GtkDropTarget");
  return NULL;
}

/* Window state */

static void
assert_default_size (GolanesWindow *window,
                     int            width,
                     int            height)
{
  int w = 0;
  int h = 0;

  gtk_window_get_default_size (GTK_WINDOW (window), &w, &h);
  g_assert_cmpint (w, ==, width);
  g_assert_cmpint (h, ==, height);
}

static void
test_window_size (void)
{
  GolanesWindow *window;

  /* A new window gets the saved size... */
  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 700);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  window = new_hidden_window ();
  assert_default_size (window, 1000, 700);
  present (window);
  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (window)));

  /* ... and saves its own when it goes away. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 750);
  display_spin (100);
  destroy_window (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1100);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 750);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = new_hidden_window ();
  assert_default_size (window, 1100, 750);
  present (window);
  destroy_window (window);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_window_size_bad (void)
{
  static const struct {
    int width;
    int height;
  } cases[] = {
    { 0, 720 },
    { 1280, 0 },
    { -200, -100 },
    { 64000, 48000 },     /* no monitor is that large (Xvfb is 1280×1024) */
    { 1000, 20000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GolanesWindow *window;

      g_test_message ("saved size %d×%d", cases[i].width, cases[i].height);
      g_settings_set_int (settings, "window-width", cases[i].width);
      g_settings_set_int (settings, "window-height", cases[i].height);

      g_test_expect_message ("golanes-settings", G_LOG_LEVEL_WARNING,
                             "Saved window size * does not fit on any monitor, using 1280×720");
      window = new_hidden_window ();
      g_test_assert_expected_messages ();
      assert_default_size (window, 1280, 720);
      present (window);
      destroy_window (window);

      /* The window saved a sane size again. */
      g_assert_cmpint (g_settings_get_int (settings, "window-width"), >, 0);
      g_assert_cmpint (g_settings_get_int (settings, "window-height"), >, 0);
    }

  g_assert_true (golanes_settings_window_size_is_sane (gdk_display_get_default (), 1280, 720));
  g_assert_true (golanes_settings_window_size_is_sane (NULL, 5000, 5000));
  g_assert_false (golanes_settings_window_size_is_sane (NULL, 0, 5000));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* Colour scheme and other keys */

static gboolean
range_check (const char *name,
             GVariant   *value)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) key = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  key = g_settings_schema_get_key (schema, name);
  return g_settings_schema_key_range_check (key, value);
}

static void
test_color_scheme (void)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autoptr(GVariant) purple = g_variant_new_string ("purple");
  g_autoptr(GVariant) wide = g_variant_new_int32 (5000);
  g_autoptr(GVariant) narrow = g_variant_new_int32 (10);
  g_autoptr(GVariant) ok = g_variant_new_int32 (400);

  g_assert_cmpstr (g_settings_get_string (settings, "color-scheme"), ==, "follow");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_DEFAULT);

  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style_manager));

  g_settings_set_enum (settings, "color-scheme", 1);
  g_assert_cmpstr (g_settings_get_string (settings, "color-scheme"), ==, "light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (style_manager));

  /* Values outside the schema never reach the application: GSettings
   * refuses to write them and ignores them when reading. */
  g_assert_false (range_check ("color-scheme", purple));
  g_assert_false (range_check ("side-panel-width", wide));
  g_assert_false (range_check ("side-panel-width", narrow));
  g_assert_true (range_check ("side-panel-width", ok));

  g_settings_reset (settings, "color-scheme");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_DEFAULT);
}

/* Preferences */

static GtkWidget *
find_descendant (GtkWidget  *widget,
                 GType       type,
                 const char *action_target)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          GVariant *target = NULL;

          if (action_target == NULL)
            return child;

          if (GTK_IS_ACTIONABLE (child))
            target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child));
          if (target != NULL &&
              g_variant_is_of_type (target, G_VARIANT_TYPE_STRING) &&
              g_str_equal (g_variant_get_string (target, NULL), action_target))
            return child;
        }

      if ((found = find_descendant (child, type, action_target)))
        return found;
    }

  return NULL;
}

static gboolean
has_preferences (gpointer data)
{
  GtkWindow *prefs = display_find_toplevel (GOLANES_TYPE_PREFERENCES_WINDOW);

  return prefs != NULL && gtk_widget_get_mapped (GTK_WIDGET (prefs));
}

static void
test_preferences (void)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_auto(GStrv) accels = NULL;
  GolanesWindow *window = new_window ();
  GtkWindow *prefs;
  GtkWidget *dark;
  GtkWidget *follow;
  GtkWidget *side_panel;
  GtkWidget *spin;

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>comma"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL));
  g_assert_true (display_wait_until (has_preferences, NULL, DISPLAY_WAIT_MSEC));
  prefs = display_find_toplevel (GOLANES_TYPE_PREFERENCES_WINDOW);
  g_assert_true (gtk_window_get_transient_for (prefs) == GTK_WINDOW (window));
  g_assert_true (golanes_preferences_window_get_settings (GOLANES_PREFERENCES_WINDOW (prefs)) == settings);

  display_assert_shows (GTK_WIDGET (prefs), "Appearance");
  display_assert_shows (GTK_WIDGET (prefs), "Follow System Style");
  display_assert_shows (GTK_WIDGET (prefs), "Side Panel");

  /* Activating again shows the same window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL));
  display_spin (100);
  g_assert_true (display_find_toplevel (GOLANES_TYPE_PREFERENCES_WINDOW) == prefs);

  follow = find_descendant (GTK_WIDGET (prefs), GTK_TYPE_CHECK_BUTTON, "follow");
  dark = find_descendant (GTK_WIDGET (prefs), GTK_TYPE_CHECK_BUTTON, "dark");
  side_panel = find_descendant (GTK_WIDGET (prefs), GTK_TYPE_SWITCH, NULL);
  spin = find_descendant (GTK_WIDGET (prefs), GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_nonnull (follow);
  g_assert_nonnull (dark);
  g_assert_nonnull (side_panel);
  g_assert_nonnull (spin);

  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (follow)));
  screenshot (prefs, "preferences");

  /* The dark style, chosen like a user would. */
  g_assert_true (gtk_widget_activate (dark));
  display_spin (50);
  g_assert_cmpstr (g_settings_get_string (settings, "color-scheme"), ==, "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (dark)));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (follow)));
  screenshot (prefs, "preferences-dark");

  /* A change made elsewhere shows in the window. */
  g_settings_set_string (settings, "color-scheme", "follow");
  display_spin (50);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (follow)));

  /* Panel settings, with the schema's limits on the width. */
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (side_panel)));
  gtk_switch_set_active (GTK_SWITCH (side_panel), FALSE);
  display_spin (50);
  g_assert_false (g_settings_get_boolean (settings, "show-side-panel"));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 420);
  g_assert_cmpint (g_settings_get_int (settings, "side-panel-width"), ==, 420);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 5000);
  g_assert_cmpint (g_settings_get_int (settings, "side-panel-width"), ==, 800);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 0);
  g_assert_cmpint (g_settings_get_int (settings, "side-panel-width"), ==, 200);

  gtk_window_destroy (prefs);
  destroy_window (window);

  g_settings_reset (settings, "show-side-panel");
  g_settings_reset (settings, "side-panel-width");
}

/* Keyboard shortcuts */

static void
collect_shortcuts (GtkWidget *widget,
                   GPtrArray *actions,
                   GString   *accelerators)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *action_name = NULL;
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "action-name", &action_name, "accelerator", &accelerator, NULL);
      if (action_name != NULL)
        g_ptr_array_add (actions, g_steal_pointer (&action_name));
      if (accelerator != NULL)
        g_string_append_printf (accelerators, " %s ", accelerator);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, actions, accelerators);
}

static void
test_shortcuts_window (void)
{
  /* Key bindings of the viewer's widgets, which only the widgets know. */
  static const char * const widget_bindings[] = {
    "plus", "minus", "0", "z", "Left", "Right", "Home", "End",
    "<Alt>Left", "<Alt>Right", "<Control>f", "F9",
  };
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) accelerators = g_string_new (" ");
  g_auto(GStrv) described = NULL;
  GolanesWindow *window = new_window ();
  GtkShortcutsWindow *overlay;
  g_auto(GStrv) help_accels = NULL;

  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  collect_shortcuts (GTK_WIDGET (overlay), listed, accelerators);
  for (guint i = 0; i < G_N_ELEMENTS (widget_bindings); i++)
    {
      g_autofree char *needle = g_strdup_printf (" %s ", widget_bindings[i]);

      if (strstr (accelerators->str, needle) == NULL)
        g_error ("the shortcuts window does not list %s", widget_bindings[i]);
    }

  help_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_assert_true (g_strv_contains ((const char * const *) help_accels, "<Control>question"));

  /* Every action with a key binding is in the shortcuts window, and
   * everything there has a key binding. */
  described = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  for (guint i = 0; described[i] != NULL; i++)
    {
      g_test_message ("bound: %s", described[i]);
      if (!g_ptr_array_find_with_equal_func (listed, described[i], g_str_equal, NULL))
        g_error ("%s has a key binding but is not in the shortcuts window", described[i]);
    }
  for (guint i = 0; i < listed->len; i++)
    {
      if (!g_strv_contains ((const char * const *) described, g_ptr_array_index (listed, i)))
        g_error ("the shortcuts window lists %s, which has no key binding",
                 (const char *) g_ptr_array_index (listed, i));
    }

  gtk_widget_show (GTK_WIDGET (overlay));
  screenshot (GTK_WINDOW (overlay), "shortcuts");
  gtk_widget_hide (GTK_WIDGET (overlay));

  destroy_window (window);
}

/* About */

static gboolean
has_about (gpointer data)
{
  return display_find_toplevel (ADW_TYPE_ABOUT_WINDOW) != NULL;
}

static void
test_about (void)
{
  GolanesWindow *window = new_window ();
  AdwAboutWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_assert_true (display_wait_until (has_about, NULL, DISPLAY_WAIT_MSEC));
  about = ADW_ABOUT_WINDOW (display_find_toplevel (ADW_TYPE_ABOUT_WINDOW));

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Golanes");
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APP_ID);
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_website (about), ==, "https://github.com/golanes/golanes");
  g_assert_cmpstr (adw_about_window_get_issue_url (about), ==, "https://github.com/golanes/golanes/issues");
  g_assert_nonnull (strstr (adw_about_window_get_copyright (about), "2026"));
  g_assert_cmpstr (adw_about_window_get_developer_name (about), !=, "");

  gtk_window_destroy (GTK_WINDOW (about));
  destroy_window (window);
}

/* Screenshots */

static void
test_screenshots (void)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
    0x00, 0x00, 0x00, 0x0d, 'I', 'H', 'D', 'R',
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
    0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89,
  };
  g_autofree char *folder = g_build_filename (g_get_home_dir (), "traces", NULL);
  g_autofree char *copy = g_build_filename (folder, "checkout-service.trace", NULL);
  g_autofree char *png_dir = g_build_filename (workdir, "downloads", NULL);
  g_autofree char *png_path = g_build_filename (png_dir, "trace.out", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) trace = NULL;
  g_autoptr(GFile) not_a_trace = NULL;
  GolanesWindow *summary;
  GolanesWindow *window;
  GdkDragAction action = 0;
  gsize len;

  g_assert_true (g_file_get_contents (trace_path, &contents, &len, NULL));
  g_assert_no_errno (g_mkdir_with_parents (folder, 0755));
  g_assert_true (g_file_set_contents (copy, contents, len, NULL));
  g_assert_no_errno (g_mkdir_with_parents (png_dir, 0755));
  g_assert_true (g_file_set_contents (png_path, (const char *) png, sizeof png, NULL));

  /* The default size, which fits the 1280×1024 screen. */
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");

  /* A trace, as opened from the file manager. */
  trace = g_file_new_for_path (copy);
  g_application_open (G_APPLICATION (app), &trace, 1, "");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  summary = GOLANES_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  assert_shows_trace (summary);
  display_assert_shows (GTK_WIDGET (summary), "checkout-service.trace");
  screenshot (GTK_WINDOW (summary), "trace-summary");

  /* The trace in the dark style, before another window covers it and
   * the pointer, which Xvfb keeps in the middle of the screen, enters it. */
  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  screenshot (GTK_WINDOW (summary), "dark");
  {
    g_autofree char *dark = screenshot_path ("dark");
    g_autofree char *light = screenshot_path ("trace-summary");
    double dark_fraction, light_dark_fraction;
    double luminance = display_png_luminance (dark, &dark_fraction);
    double light_luminance = display_png_luminance (light, &light_dark_fraction);

    /* Mostly dark pixels, and far darker than the same window in light. */
    g_test_message ("luminance: dark %.3f (%.0f%% dark pixels), light %.3f (%.0f%%)",
                    luminance, 100 * dark_fraction,
                    light_luminance, 100 * light_dark_fraction);
    g_assert_cmpfloat (luminance, <, 0.35);
    g_assert_cmpfloat (dark_fraction, >, 0.75);
    g_assert_cmpfloat (light_luminance, >, 0.6);
    g_assert_cmpfloat (luminance, <, light_luminance - 0.3);
  }
  g_settings_reset (settings, "color-scheme");

  /* The welcome page lists it as recent. */
  window = new_window ();
  display_assert_shows (GTK_WIDGET (window), "checkout-service.trace");
  screenshot (GTK_WINDOW (window), "welcome");

  /* Dragging a trace over it. */
  g_signal_emit_by_name (find_drop_target (window), "enter", 40.0, 40.0, &action);
  display_assert_shows (GTK_WIDGET (window), "Drop a trace to open it");
  screenshot (GTK_WINDOW (window), "drop-highlight");
  g_signal_emit_by_name (find_drop_target (window), "leave");

  /* An image that calls itself trace.out. */
  not_a_trace = g_file_new_for_path (png_path);
  golanes_window_open (window, not_a_trace);
  assert_page (window, "error");
  display_assert_shows (GTK_WIDGET (window), "PNG");
  screenshot (GTK_WINDOW (window), "error");
  destroy_window (window);

  destroy_window (summary);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* Set-up */

int
main (int   argc,
      char *argv[])
{
  const char *screenshot_dir = g_getenv ("GOLANES_SCREENSHOT_DIR");
  int test_status;
  static const char *const reset_keys[] = { "window-width", "window-height", "window-maximized", NULL };

  /* Keep recently used files out of the real home. The home folder is
   * named as a user's would be, since screenshots show "~/traces". */
  workdir = display_make_home ("golanes-desktop");

  golanes_application_setup_i18n ();
  g_test_init (&argc, &argv, NULL);
  display_allow_no_session_bus ();

  trace_path = g_strdup (g_getenv ("GOLANES_TEST_TRACE"));
  g_assert_nonnull (trace_path);
  g_setenv ("GOLANES_SAMPLE_TRACE", trace_path, TRUE);

  if (screenshot_dir != NULL && screenshot_dir[0] != '\0')
    {
      g_test_add_func ("/desktop/screenshots", test_screenshots);
    }
  else
    {
      g_test_add_func ("/desktop/settings/window-size", test_window_size);
      g_test_add_func ("/desktop/settings/window-size-bad", test_window_size_bad);
      g_test_add_func ("/desktop/settings/color-scheme", test_color_scheme);
      g_test_add_func ("/desktop/preferences", test_preferences);
      g_test_add_func ("/desktop/shortcuts-window", test_shortcuts_window);
      g_test_add_func ("/desktop/about", test_about);
      g_test_add_func ("/desktop/screenshots", test_screenshots);
    }

  app = golanes_application_new (TEST_APP_ID, G_APPLICATION_NON_UNIQUE);
  test_status = display_run_app_tests (G_APPLICATION (app), reset_keys, &settings);

  g_clear_object (&app);
  display_remove_tree (workdir);
  g_free (workdir);
  g_free (trace_path);

  return test_status;
}
