/* display-utils.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Helpers for the display tests that drive the application from inside
 * g_application_run(): waiting on conditions by iterating the main
 * context, reading what a window shows, and screenshots. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "display-utils.h"
#include "golanes-application.h"

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
display_wait_until (DisplayCondition condition,
                    gpointer         data,
                    guint            timeout_msec)
{
  gint64 deadline = g_get_monotonic_time () + timeout_msec * G_TIME_SPAN_MILLISECOND;
  guint tick = g_timeout_add (10, tick_cb, NULL);
  gboolean ret;

  while (!(ret = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);
  return ret;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

void
display_spin (guint msec)
{
  display_wait_until (never, NULL, msec);
}

static void
collect_mapped_text (GtkWidget *widget,
                     GString   *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mapped_text (child, out);
}

/* Everything @widget shows as text right now. */
char *
display_window_text (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  collect_mapped_text (widget, out);
  return g_string_free (out, FALSE);
}

gboolean
display_window_shows (GtkWidget  *widget,
                      const char *needle)
{
  g_autofree char *text = display_window_text (widget);

  return strstr (text, needle) != NULL;
}

typedef struct
{
  GtkWidget  *widget;
  const char *needle;
} TextWait;

static gboolean
shows_cb (gpointer data)
{
  TextWait *wait = data;

  return display_window_shows (wait->widget, wait->needle);
}

void
display_assert_shows (GtkWidget  *widget,
                      const char *needle)
{
  TextWait wait = { widget, needle };

  if (!display_wait_until (shows_cb, &wait, 2000))
    {
      g_autofree char *text = display_window_text (widget);

      g_error ("window does not show “%s”; it shows:\n%s", needle, text);
    }
}

GtkWindow *
display_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return toplevel;
    }

  return NULL;
}

/* The window's render node only exists between a frame and the next
 * invalidation, so the window is rendered right after it was painted. */
static GdkTexture *
render_window (GtkWindow *window)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  GskRenderNode *node;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  GdkTexture *texture;
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));

  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return NULL;

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  g_assert_nonnull (renderer);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);

  return texture;
}

typedef struct
{
  GtkWindow  *window;
  GdkTexture *texture;
} Screenshot;

static void
after_paint_cb (GdkFrameClock *frame_clock,
                Screenshot    *shot)
{
  if (shot->texture == NULL)
    shot->texture = render_window (shot->window);
}

static gboolean
has_texture (gpointer data)
{
  Screenshot *shot = data;

  return shot->texture != NULL;
}

static gboolean
is_allocated (gpointer data)
{
  return gtk_widget_get_mapped (data) &&
         gtk_widget_get_width (data) > 0 &&
         gtk_widget_get_height (data) > 0;
}

void
display_save_screenshot (GtkWindow  *window,
                         const char *path)
{
  Screenshot shot = { window, NULL };
  GdkFrameClock *frame_clock;
  gulong handler;

  /* Let the window map and transitions finish. */
  g_assert_true (display_wait_until (is_allocated, window, DISPLAY_WAIT_MSEC));
  display_spin (500);

  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_assert_nonnull (frame_clock);
  handler = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (after_paint_cb), &shot);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  g_assert_true (display_wait_until (has_texture, &shot, DISPLAY_WAIT_MSEC));
  g_signal_handler_disconnect (frame_clock, handler);

  g_assert_true (gdk_texture_save_to_png (shot.texture, path));
  g_object_unref (shot.texture);
  g_test_message ("screenshot: %s", path);
}

double
display_png_luminance (const char *path,
                       double     *dark_fraction)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (path, &error);
  g_autofree guchar *pixels = NULL;
  gsize width, height, stride, x, y, n_dark = 0;
  double sum = 0;

  g_assert_no_error (error);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  g_assert_cmpuint (width * height, >, 0);
  stride = width * 4;
  pixels = g_malloc (stride * height);
  /* Native-endian premultiplied ARGB words (CAIRO_FORMAT_ARGB32); a
   * window's screenshot is opaque. */
  gdk_texture_download (texture, pixels, stride);
  for (y = 0; y < height; y++)
    for (x = 0; x < width; x++)
      {
        guint32 p;
        double r, g, b, l;

        memcpy (&p, pixels + y * stride + x * 4, 4);
        r = ((p >> 16) & 0xff) / 255.0;
        g = ((p >> 8) & 0xff) / 255.0;
        b = (p & 0xff) / 255.0;
        l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        sum += l;
        n_dark += l < 0.5;
      }
  if (dark_fraction != NULL)
    *dark_fraction = (double) n_dark / (width * height);
  return sum / (width * height);
}

char *
display_make_home (const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", prefix);
  g_autofree char *home = NULL;
  static const struct {
    const char *variable;
    const char *path;
  } dirs[] = {
    { "XDG_DATA_HOME", ".local/share" },
    { "XDG_CONFIG_HOME", ".config" },
    { "XDG_CACHE_HOME", ".cache" },
  };
  char *workdir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  home = g_build_filename (workdir, "home", NULL);
  g_setenv ("HOME", home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, dirs[i].path, NULL);

      g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
      g_setenv (dirs[i].variable, dir, TRUE);
    }
  return workdir;
}

void
display_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        display_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static gboolean
ignore_session_bus_warning (const char     *log_domain,
                            GLogLevelFlags  log_level,
                            const char     *message,
                            gpointer        user_data)
{
  /* Only when no session bus could be started around the test. */
  return strstr (message, "session bus") == NULL;
}

void
display_allow_no_session_bus (void)
{
  g_test_log_set_fatal_handler (ignore_session_bus_warning, NULL);
}

typedef struct
{
  GApplication       *app;
  const char *const  *reset_keys;
  GSettings         **settings;
  int                 status;
} AppTests;

static void
close_windows (GApplication *app)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))))
    gtk_window_destroy (windows->data);
}

static gboolean
run_app_tests_cb (gpointer data)
{
  AppTests *run = data;

  g_application_hold (run->app);
  close_windows (run->app);

  *run->settings = g_object_ref (golanes_application_get_settings (GOLANES_APPLICATION (run->app)));
  for (guint i = 0; run->reset_keys != NULL && run->reset_keys[i] != NULL; i++)
    g_settings_reset (*run->settings, run->reset_keys[i]);

  run->status = g_test_run ();
  g_clear_object (run->settings);
  g_application_release (run->app);

  close_windows (run->app);
  g_application_quit (run->app);
  return G_SOURCE_REMOVE;
}

static void
app_started_cb (GApplication *app,
                AppTests     *run)
{
  g_idle_add (run_app_tests_cb, run);
}

int
display_run_app_tests (GApplication       *app,
                       const char *const  *reset_keys,
                       GSettings         **settings)
{
  AppTests run = { app, reset_keys, settings, 1 };
  char *argv[2] = { (char *) "golanes", NULL };

  g_signal_connect (app, "startup", G_CALLBACK (app_started_cb), &run);
  g_application_run (app, 1, argv);
  return run.status;
}
