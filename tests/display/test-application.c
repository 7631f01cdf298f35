/* test-application.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Drives the real GolanesApplication under Xvfb: the tests run inside
 * g_application_run(), which first opened a trace "from the command line",
 * and wait for the worker threads by iterating the main context. */

#include "config.h"

#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "golanes-analyses.h"
#include "golanes-application.h"
#include "golanes-gc-panel.h"
#include "golanes-panel-row.h"
#include "golanes-panel-util.h"
#include "golanes-main-gate.h"
#include "golanes-timeline-layout.h"
#include "golanes-trace-view.h"
#include "golanes-trace-header.h"
#include "golanes-trace-loader-private.h"
#include "golanes-window-private.h"

#include "display-utils.h"

#define TEST_APP_ID "io.github.golanes.Golanes.DisplayTest"
#define WAIT_MSEC   DISPLAY_WAIT_MSEC

static GolanesApplication *app;
static char *workdir;
static char *trace_path;
static char *expected_version;
static int test_status;

typedef struct
{
  GolanesWindow *window;
  const char    *page;
} PageWait;

static gboolean
page_is (gpointer data)
{
  PageWait *wait = data;

  /* A trace shows while it streams in: "summary" means loaded whole. */
  if (g_strcmp0 (wait->page, "summary") == 0 && _golanes_window_is_loading (wait->window))
    return FALSE;
  return g_strcmp0 (golanes_window_get_page_name (wait->window), wait->page) == 0;
}

static void
assert_page (GolanesWindow *window,
             const char    *page)
{
  PageWait wait = { window, page };

  if (!display_wait_until (page_is, &wait, WAIT_MSEC))
    g_error ("window shows page “%s”, expected “%s”",
             golanes_window_get_page_name (window), page);
}

/* Widget helpers */

/* Everything the window shows as text right now. */
static char *
window_text (GolanesWindow *window)
{
  return display_window_text (GTK_WIDGET (window));
}

static void
assert_window_shows (GolanesWindow *window,
                     const char    *needle)
{
  g_autofree char *text = window_text (window);

  if (strstr (text, needle) == NULL)
    g_error ("window does not show “%s”; it shows:\n%s", needle, text);
}

typedef struct
{
  GolanesWindow *window;
  const char    *needle;
} TextWait;

static gboolean
window_shows (gpointer data)
{
  TextWait *wait = data;
  g_autofree char *text = window_text (wait->window);

  return strstr (text, wait->needle) != NULL;
}

static guint
count_windows (void)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
}

static GolanesWindow *
new_welcome_window (void)
{
  GolanesWindow *window = golanes_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  assert_page (window, "welcome");
  return window;
}

static GolanesWindow *
find_window_for (GFile *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      GFile *shown;

      if (!GOLANES_IS_WINDOW (l->data))
        continue;

      shown = golanes_window_get_file (l->data);
      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }

  return NULL;
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

static gboolean
emit_drop (GolanesWindow *window,
           const GValue  *value)
{
  GtkDropTarget *target = find_drop_target (window);
  gboolean handled = FALSE;

  g_signal_emit_by_name (target, "drop", value, 20.0, 20.0, &handled);
  return handled;
}

static void
save_screenshot (GolanesWindow *window,
                 const char    *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  display_save_screenshot (GTK_WINDOW (window), path);
}

/* Inputs */

static char *
work_file (const char *name)
{
  return g_build_filename (workdir, name, NULL);
}

static char *
write_input (const char *name,
             const void *data,
             gsize       len)
{
  g_autoptr(GError) error = NULL;
  char *path = work_file (name);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return path;
}

/* The tests */

static void
test_command_line (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (trace_path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *basename = g_path_get_basename (trace_path);
  GolanesWindow *window;

  /* main() ran the application with the trace as its argument. */
  g_assert_cmpuint (count_windows (), ==, 1);
  window = GOLANES_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  g_assert_true (g_file_equal (golanes_window_get_file (window), file));

  assert_page (window, "summary");
  assert_window_shows (window, basename);
  assert_window_shows (window, expected_version);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, basename);

  g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));

  save_screenshot (window, "screenshot-summary.png");
}

static void
test_second_invocation (void)
{
  g_autofree char *folder = g_build_filename (g_get_home_dir (), "traces", NULL);
  g_autofree char *copy = g_build_filename (folder, "checkout-service.trace", NULL);
  g_autoptr(GFile) file0 = NULL;
  g_autoptr(GFile) file1 = NULL;
  g_autofree char *contents = NULL;
  GolanesWindow *first;
  GolanesWindow *second;
  GFile *files[2];
  gsize len;

  g_assert_true (g_file_get_contents (trace_path, &contents, &len, NULL));
  g_assert_no_errno (g_mkdir_with_parents (folder, 0755));
  g_assert_true (g_file_set_contents (copy, contents, len, NULL));

  /* What a second "golanes a b" delivers to the running instance. */
  files[0] = file0 = g_file_new_for_path (trace_path);
  files[1] = file1 = g_file_new_for_path (copy);
  g_application_open (G_APPLICATION (app), files, 2, "");

  first = find_window_for (files[0]);
  second = find_window_for (files[1]);
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_true (first != second);
  assert_page (first, "summary");
  assert_page (second, "summary");
  assert_window_shows (second, "checkout-service.trace");
  assert_window_shows (second, "~/traces");

  gtk_window_destroy (GTK_WINDOW (second));
}

static void
test_welcome (void)
{
  g_autofree char *missing = work_file ("moved-away.trace");
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) trace = g_file_new_for_path (trace_path);
  g_autofree char *basename = g_path_get_basename (trace_path);
  guint before = count_windows ();
  GolanesWindow *window;
  TextWait wait;

  g_action_group_activate_action (G_ACTION_GROUP (app), "new-window", NULL);
  g_assert_cmpuint (count_windows (), ==, before + 1);
  window = GOLANES_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  assert_page (window, "welcome");
  assert_window_shows (window, "Open Trace…");
  assert_window_shows (window, "Open Sample Trace");

  /* The trace opened from the command line is listed as recent. */
  assert_window_shows (window, "Recent Traces");
  assert_window_shows (window, basename);
  save_screenshot (window, "screenshot-welcome.png");

  /* A recent trace that no longer exists is listed as such. */
  g_assert_true (golanes_window_is_empty (window));
  golanes_application_add_recent (app, missing_file);
  wait = (TextWait) { window, "File not found" };
  g_assert_true (display_wait_until (window_shows, &wait, WAIT_MSEC));
  assert_window_shows (window, "moved-away.trace");
  save_screenshot (window, "screenshot-welcome-missing.png");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_cmpuint (count_windows (), ==, before);
  (void) trace;
}

static const char *
first_recent_title (GolanesWindow *window)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (_golanes_window_get_recent_list (window), 0);

  return row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
}

static gboolean
recent_has (gpointer data)
{
  return gtk_recent_manager_has_item (gtk_recent_manager_get_default (), data);
}

/* While a window shows a trace its welcome page's list stays as it is
 * (made again at each load's end, it cost the main loop tens of
 * milliseconds as the panels filled in); the welcome page, when it comes
 * back, lists what was added meanwhile. */
typedef struct
{
  GolanesWindow *window;
  const char    *title;
} TitleWait;

static gboolean
first_title_is (gpointer data)
{
  TitleWait *wait = data;

  return g_strcmp0 (first_recent_title (wait->window), wait->title) == 0;
}

static void
test_recent_while_shown (void)
{
  g_autofree char *added_path = work_file ("added-while-shown.trace");
  g_autoptr(GFile) added = g_file_new_for_path (added_path);
  g_autoptr(GFile) trace = g_file_new_for_path (trace_path);
  g_autofree char *added_uri = g_file_get_uri (added);
  g_autofree char *basename = g_path_get_basename (trace_path);
  GolanesWindow *window = new_welcome_window ();
  GolanesWindow *other = new_welcome_window ();

  golanes_window_open (window, trace);
  assert_page (window, "summary");
  golanes_application_add_recent (app, added);
  g_assert_true (display_wait_until (recent_has, added_uri, WAIT_MSEC));
  /* The other window, on its welcome page, lists it at once. */
  g_assert_true (display_wait_until (first_title_is, &(TitleWait) { other, "added-while-shown.trace" }, WAIT_MSEC));
  g_assert_cmpstr (first_recent_title (window), !=, "added-while-shown.trace");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-welcome", NULL));
  assert_page (window, "welcome");
  g_assert_cmpstr (first_recent_title (window), ==, "added-while-shown.trace");
  assert_window_shows (window, "added-while-shown.trace");
  assert_window_shows (window, basename);

  gtk_window_destroy (GTK_WINDOW (other));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_drop_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (trace_path);
  g_auto(GValue) value = G_VALUE_INIT;
  GolanesWindow *window = new_welcome_window ();
  guint before = count_windows ();

  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_assert_true (emit_drop (window, &value));

  /* Opened in this window, which showed the welcome page. */
  g_assert_cmpuint (count_windows (), ==, before);
  assert_page (window, "summary");
  assert_window_shows (window, expected_version);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_drop_file_list (void)
{
  static const char text[] = "hello\nthis is not a trace\n";
  g_autofree char *text_path = write_input ("notes.txt", text, sizeof text - 1);
  g_autoptr(GFile) file0 = NULL;
  g_autoptr(GFile) file1 = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GdkFileList *list;
  GFile *files[2];
  GolanesWindow *window = new_welcome_window ();
  GolanesWindow *first;
  GolanesWindow *second;
  guint before;

  files[0] = file0 = g_file_new_for_path (trace_path);
  files[1] = file1 = g_file_new_for_path (text_path);
  golanes_window_open (window, files[0]);
  assert_page (window, "summary");

  /* Dropped on a window showing a trace: both open in new windows. */
  before = count_windows ();
  list = gdk_file_list_new_from_array (files, 2);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, list);
  g_assert_true (emit_drop (window, &value));
  g_assert_cmpuint (count_windows (), ==, before + 2);

  first = NULL;
  second = find_window_for (files[1]);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (l->data != window && l->data != second && golanes_window_get_file (l->data) != NULL &&
        g_file_equal (golanes_window_get_file (l->data), files[0]))
      first = l->data;

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  assert_page (first, "summary");
  assert_page (second, "error");
  assert_window_shows (second, "notes.txt");
  assert_window_shows (second, "text file");

  gtk_window_destroy (GTK_WINDOW (first));
  gtk_window_destroy (GTK_WINDOW (second));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_drop_not_a_trace (void)
{
  /* A PNG signature and IHDR chunk: enough to be sniffed as an image. */
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
    0x00, 0x00, 0x00, 0x0d, 'I', 'H', 'D', 'R',
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
    0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89,
  };
  g_autofree char *dir = work_file ("png");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GolanesWindow *window = new_welcome_window ();
  guint before = count_windows ();

  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  path = g_build_filename (dir, "trace.out", NULL);
  g_assert_true (g_file_set_contents (path, (const char *) png, sizeof png, NULL));
  file = g_file_new_for_path (path);

  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_assert_true (emit_drop (window, &value));

  assert_page (window, "error");
  assert_window_shows (window, "Could Not Open “trace.out”");
  assert_window_shows (window, "PNG");
  save_screenshot (window, "screenshot-error.png");

  /* Still usable: the same window opens the sample trace. */
  g_assert_cmpuint (count_windows (), ==, before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  assert_page (window, "summary");
  assert_window_shows (window, expected_version);
  g_assert_cmpuint (count_windows (), ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_drop_highlight (void)
{
  GolanesWindow *window = new_welcome_window ();
  GtkDropTarget *target = find_drop_target (window);
  GdkDragAction action = 0;
  g_autofree char *text = NULL;

  g_assert_true (gtk_drop_target_get_actions (target) & GDK_ACTION_COPY);
  text = window_text (window);
  g_assert_null (strstr (text, "Drop a trace to open it"));

  g_signal_emit_by_name (target, "enter", 40.0, 40.0, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_COPY);
  assert_window_shows (window, "Drop a trace to open it");
  save_screenshot (window, "screenshot-drop.png");

  g_signal_emit_by_name (target, "leave");
  g_clear_pointer (&text, g_free);
  text = window_text (window);
  g_assert_null (strstr (text, "Drop a trace to open it"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWindow *
find_toplevel (GType type)
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

static gboolean
has_file_chooser (gpointer data)
{
  return find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
chooser_has_selection (gpointer data)
{
  g_autoptr(GListModel) files = gtk_file_chooser_get_files (data);

  return files != NULL && g_list_model_get_n_items (files) == 1;
}

static void
test_open_dialog (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (trace_path);
  GtkFileFilter *current;
  g_autoptr(GListModel) filters = NULL;
  GolanesWindow *window = new_welcome_window ();
  GtkFileChooser *chooser;
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL));

  /* Without a file chooser portal, GtkFileChooserNative shows GTK's dialog. */
  if (!display_wait_until (has_file_chooser, NULL, 5000))
    {
      g_test_skip ("the file chooser portal answered instead of GTK's own dialog");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  dialog = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  chooser = GTK_FILE_CHOOSER (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_true (gtk_file_chooser_get_select_multiple (chooser));

  filters = gtk_file_chooser_get_filters (chooser);
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 2);
  current = gtk_file_chooser_get_filter (chooser);
  g_assert_nonnull (current);
  g_assert_cmpstr (gtk_file_filter_get_name (current), ==, "Go Execution Traces");

  g_assert_true (gtk_file_chooser_set_file (chooser, file, NULL));
  g_assert_true (display_wait_until (chooser_has_selection, chooser, WAIT_MSEC));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);

  /* The chosen trace opens in this window, which showed the welcome page. */
  assert_page (window, "summary");
  g_assert_true (g_file_equal (golanes_window_get_file (window), file));

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  const char *name;
  const char *file_name;
  const char *reason;
} BadInput;

static void
test_bad_input (void)
{
  static const char old_header[] = "go 1.21 trace\0\0\0\x01\x02\x03\x04";
  static const char new_header[] = "go 1.99 trace\0\0\0\x01\x02\x03\x04";
  static const char text[] = "2026/11/28 15:00:00 listening on :8080\n";
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d,
                                'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0 };
  static const BadInput cases[] = {
    { "missing", "missing.trace", "does not exist" },
    { "directory", "a-folder.trace", "folder" },
    { "empty", "empty.trace", "empty" },
    { "text", "server.log", "text file" },
    { "png", "trace.out", "PNG" },
    { "unreadable", "secret.trace", "permission" },
    { "fifo", "pipe.trace", "regular file" },
    { "old-format", "old.trace", "EvBatch has wrong number of arguments" },
    { "unknown-version", "future.trace", "unknown version" },
  };
  GolanesWindow *window = new_welcome_window ();
  g_autofree char *dir = work_file ("bad");
  guint before = count_windows ();

  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const BadInput *c = &cases[i];
      g_autofree char *path = g_build_filename (dir, c->file_name, NULL);
      g_autofree char *expected_title = NULL;
      g_autoptr(GFile) file = NULL;

      if (g_str_equal (c->name, "directory"))
        g_assert_no_errno (g_mkdir (path, 0755));
      else if (g_str_equal (c->name, "empty"))
        g_assert_true (g_file_set_contents (path, "", 0, NULL));
      else if (g_str_equal (c->name, "text"))
        g_assert_true (g_file_set_contents (path, text, sizeof text - 1, NULL));
      else if (g_str_equal (c->name, "png"))
        g_assert_true (g_file_set_contents (path, (const char *) png, sizeof png, NULL));
      else if (g_str_equal (c->name, "unreadable"))
        {
          /* Permission checks do not apply to root. */
          if (geteuid () == 0)
            {
              g_test_message ("skipping the unreadable file: running as root");
              continue;
            }
          g_assert_true (g_file_set_contents (path, old_header, sizeof old_header - 1, NULL));
          g_assert_no_errno (g_chmod (path, 0));
        }
      else if (g_str_equal (c->name, "fifo"))
        g_assert_no_errno (mkfifo (path, 0600));
      else if (g_str_equal (c->name, "old-format"))
        g_assert_true (g_file_set_contents (path, old_header, sizeof old_header - 1, NULL));
      else if (g_str_equal (c->name, "unknown-version"))
        g_assert_true (g_file_set_contents (path, new_header, sizeof new_header - 1, NULL));

      g_test_message ("bad input: %s", c->name);
      file = g_file_new_for_path (path);

      /* The window shows an error, so it is reused for the next file. */
      golanes_application_open_files (app, &file, 1, GTK_WINDOW (window));
      g_assert_cmpuint (count_windows (), ==, before);
      assert_page (window, "error");

      expected_title = g_strdup_printf ("Could Not Open “%s”", c->file_name);
      assert_window_shows (window, expected_title);
      assert_window_shows (window, c->reason);
      assert_window_shows (window, "Open Another Trace…");
    }

  /* The window is still usable. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-welcome", NULL));
  assert_page (window, "welcome");
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GolanesWindow *window;
} ProgressWait;

static gboolean
shows_progress (gpointer data)
{
  GolanesWindow *window = data;
  g_autofree char *text = window_text (window);

  /* "1.5 kB of 24.8 kB" */
  return strstr (text, " of ") != NULL && strstr (text, "Loading “") != NULL;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_cancel (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (trace_path);
  GolanesWindow *window = new_welcome_window ();

  /* A pause before parsing keeps the load going long enough, also under
   * AddressSanitizer on a busy machine (cancelling ends it at once). */
  _golanes_trace_loader_set_throttle (10000);

  golanes_window_open (window, file);
  g_assert_cmpstr (golanes_window_get_page_name (window), ==, "loading");
  g_assert_true (display_wait_until (shows_progress, window, WAIT_MSEC));
  save_screenshot (window, "screenshot-loading.png");
  g_assert_cmpstr (golanes_window_get_page_name (window), ==, "loading");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-load", NULL));
  g_assert_cmpstr (golanes_window_get_page_name (window), ==, "welcome");
  g_assert_null (golanes_window_get_file (window));

  /* The cancelled worker finishes without touching the window. */
  display_spin (500);
  g_assert_cmpstr (golanes_window_get_page_name (window), ==, "welcome");
  assert_window_shows (window, "Loading cancelled");

  /* Closing a window while it loads frees it, which cancels the load. */
  golanes_window_open (window, file);
  g_assert_cmpstr (golanes_window_get_page_name (window), ==, "loading");
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (display_wait_until (is_null, &window, WAIT_MSEC));
  display_spin (300);

  _golanes_trace_loader_set_throttle (0);
}

static gboolean
shows_partial_trace (gpointer data)
{
  GolanesWindow *window = data;
  GolanesSession *session;

  if (g_strcmp0 (golanes_window_get_page_name (window), "summary") != 0)
    return FALSE;
  session = golanes_trace_view_get_session (_golanes_window_get_trace_view (window));
  return session != NULL && golanes_document_is_loading (golanes_session_get_document (session));
}

static gboolean
load_ended (gpointer data)
{
  GolanesWindow *window = data;
  GolanesSession *session = golanes_trace_view_get_session (_golanes_window_get_trace_view (window));

  return session != NULL &&
         golanes_document_is_ready (golanes_session_get_document (session), GOLANES_DOCUMENT_PART_TIMELINE) &&
         golanes_window_get_file (window) != NULL && !_golanes_window_is_loading (window);
}

/* A trace of several generations, loaded slowly: it shows after its
 * first generation, with the unread part marked, grows, and ends up as
 * a trace loaded in one go shows. */
static void
test_streaming (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "fixtures", "go1.26", "longrun.trace", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GolanesDocument) whole = golanes_document_load_timeline (path, NULL, NULL, NULL, NULL);
  g_autoptr(GolanesTimelineLayout) fresh = golanes_timeline_layout_new (whole);
  GolanesTimeline *wtl = golanes_document_get_timeline (whole);
  GolanesWindow *window = new_welcome_window ();
  GolanesTimelineView *view;
  GolanesSession *session;
  g_autofree char *text = NULL;
  gint64 start, end;

  /* A pause after each generation is read. */
  _golanes_trace_loader_set_throttle (800);
  golanes_window_open (window, file);
  g_assert_true (display_wait_until (shows_partial_trace, window, WAIT_MSEC));
  g_assert_true (_golanes_window_is_loading (window));
  view = golanes_trace_view_get_timeline (_golanes_window_get_trace_view (window));
  session = golanes_timeline_view_get_session (view);

  /* Part of it, the rest to come, and the window works on what is in. */
  g_assert_cmpfloat (golanes_session_get_loaded_fraction (session), <, 1.0);
  g_assert_cmpfloat (golanes_session_get_loaded_fraction (session), >, 0.0);
  g_assert_cmpint (golanes_session_get_loaded_end (session), <, golanes_session_get_end_time (session));
  g_assert_cmpint (golanes_session_get_loaded_end (session), <, golanes_timeline_get_end_time (wtl));
  g_assert_cmpint (golanes_session_get_start_time (session), ==, golanes_timeline_get_start_time (wtl));
  text = window_text (window);
  g_assert_nonnull (strstr (text, "so far"));
  g_clear_pointer (&text, g_free);
  display_spin (200);
  save_screenshot (window, "screenshot-streaming.png");
  /* Find by id reveals a goroutine of the part loaded. */
  {
    GolanesTimeline *tl = golanes_document_get_timeline (golanes_session_get_document (session));
    gint index = golanes_timeline_lookup_goroutine (tl, 22);
    GolanesTimelineLayout *layout = golanes_timeline_view_get_layout (view);
    gint lane_index;

    g_assert_cmpint (index, >=, 0);
    golanes_session_reveal_goroutine (session, 22);
    lane_index = golanes_timeline_layout_get_goroutine_lane (layout, index);
    g_assert_cmpint (lane_index, >=, 0);
  }
  golanes_session_zoom (session, 4.0, golanes_session_get_start_time (session), TRUE);
  display_spin (100);
  golanes_session_zoom_fit (session);
  display_spin (100);

  /* The whole of it, as if loaded in one go. */
  g_assert_true (display_wait_until (load_ended, window, WAIT_MSEC));
  display_spin (200);
  g_assert_true (golanes_timeline_view_get_session (view) == session);
  g_assert_cmpint (golanes_session_get_end_time (session), ==, golanes_timeline_get_end_time (wtl));
  g_assert_cmpint (golanes_session_get_loaded_end (session), ==, golanes_timeline_get_end_time (wtl));
  g_assert_cmpfloat (golanes_session_get_loaded_fraction (session), ==, 1.0);
  golanes_session_get_visible (session, &start, &end);
  g_assert_cmpint (start, ==, golanes_timeline_get_start_time (wtl));
  g_assert_cmpint (end, ==, golanes_timeline_get_end_time (wtl));
  g_assert_cmpuint (golanes_timeline_layout_get_n_lanes (golanes_timeline_view_get_layout (view)), ==,
                    golanes_timeline_layout_get_n_lanes (fresh));
  g_assert_cmpuint (golanes_timeline_layout_get_n_groups (golanes_timeline_view_get_layout (view)), ==,
                    golanes_timeline_layout_get_n_groups (fresh));
  text = window_text (window);
  g_assert_null (strstr (text, "so far"));
  g_assert_cmpuint (golanes_main_gate_get_n_held (), ==, 0);
  save_screenshot (window, "screenshot-streamed.png");

  /* Opening another file while one streams in lets go of the first. */
  golanes_window_open (window, file);
  g_assert_true (display_wait_until (shows_partial_trace, window, WAIT_MSEC));
  golanes_window_open (window, file);
  g_assert_null (golanes_trace_view_get_session (_golanes_window_get_trace_view (window)));
  g_assert_true (display_wait_until (shows_partial_trace, window, WAIT_MSEC));

  /* Closing the window while it streams in frees it and the load. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (display_wait_until (is_null, &window, WAIT_MSEC));
  display_spin (2000);
  g_assert_cmpuint (golanes_main_gate_get_n_held (), ==, 0);
  _golanes_trace_loader_set_throttle (0);
}

static GtkColumnView *
find_column_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    return GTK_COLUMN_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkColumnView *view = find_column_view (child);

      if (view != NULL)
        return view;
    }
  return NULL;
}

/* The panel's status area: the first child of its box. */
static const char *
panel_status_text (GtkWidget *panel)
{
  return golanes_panel_status_get_text (gtk_widget_get_first_child (gtk_widget_get_first_child (panel)));
}

static gboolean
analyses_done (gpointer data)
{
  /* Done, and every panel filled in with what they computed. */
  return golanes_analyses_is_done (data) && _golanes_trace_view_get_n_refreshing () == 0;
}

static gboolean
no_analyses_running (gpointer data)
{
  return _golanes_analyses_get_n_running () == 0;
}

/* The timeline shows first; each side panel says it is computing until
 * its part of the document is ready, then fills in. */
static void
test_analyses (void)
{
  static const struct { const char *name; GolanesDocumentPart part; } panels[] = {
    { "gc", GOLANES_DOCUMENT_PART_GC },
    { "goroutines", GOLANES_DOCUMENT_PART_GOROUTINES },
    { "tasks", GOLANES_DOCUMENT_PART_GOROUTINES },
    { "blocking", GOLANES_DOCUMENT_PART_BLOCKING },
  };
  g_autoptr(GFile) file = g_file_new_for_path (trace_path);
  GolanesWindow *window = new_welcome_window ();
  GolanesTraceView *view = _golanes_window_get_trace_view (window);
  GolanesAnalyses *analyses;
  GolanesDocument *document;
  GtkWidget *gc_panel;
  GtkColumnView *pause_view;
  guint n_pauses = 0;

  /* The analyses wait until they are let go. */
  _golanes_analyses_hold (TRUE);

  golanes_window_open (window, file);
  assert_page (window, "summary");
  /* The trace may show before its timeline is whole (it streams in). */
  g_assert_true (display_wait_until (load_ended, window, WAIT_MSEC));
  analyses = golanes_trace_view_get_analyses (view);
  g_assert_nonnull (analyses);
  document = golanes_analyses_get_document (analyses);
  g_assert_true (golanes_document_is_ready (document, GOLANES_DOCUMENT_PART_TIMELINE));
  g_assert_false (golanes_analyses_is_done (analyses));

  gc_panel = golanes_trace_view_get_panel (view, "gc");
  g_assert_true (golanes_panel_get_document (GOLANES_PANEL (gc_panel)) == document);
  gtk_widget_set_visible (gtk_widget_get_parent (gtk_widget_get_parent (gc_panel)), TRUE);
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (gc_panel)), gc_panel);
  for (guint i = 0; i < G_N_ELEMENTS (panels); i++)
    {
      GtkWidget *panel = golanes_trace_view_get_panel (view, panels[i].name);

      g_assert_false (golanes_document_is_ready (document, panels[i].part));
      g_assert_cmpstr (panel_status_text (panel), ==, "Computing…");
    }
  pause_view = find_column_view (gc_panel);
  g_assert_nonnull (pause_view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (pause_view))), ==, 0);
  g_assert_true (display_wait_until (window_shows, &(TextWait) { window, "Computing…" }, WAIT_MSEC));

  _golanes_analyses_hold (FALSE);
  g_assert_true (display_wait_until (analyses_done, analyses, WAIT_MSEC));
  for (guint i = 0; i < G_N_ELEMENTS (panels); i++)
    {
      GtkWidget *panel = golanes_trace_view_get_panel (view, panels[i].name);

      g_assert_true (golanes_document_is_ready (document, panels[i].part));
      g_assert_null (panel_status_text (panel));
    }
  golanes_gc_get_pauses (golanes_document_get_gc (document), &n_pauses);
  g_assert_cmpuint (n_pauses, >, 0);
  golanes_panel_flush_model (pause_view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (pause_view))), ==, n_pauses);
  g_assert_false (display_window_shows (GTK_WIDGET (window), "Computing…"));

  /* Closing a window while its analyses run cancels them; they finish
   * without touching it. */
  _golanes_analyses_hold (TRUE);
  golanes_window_open (window, file);
  assert_page (window, "summary");
  g_assert_false (golanes_analyses_is_done (golanes_trace_view_get_analyses (view)));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (display_wait_until (is_null, &window, WAIT_MSEC));
  _golanes_analyses_hold (FALSE);
  g_assert_true (display_wait_until (no_analyses_running, NULL, WAIT_MSEC));
  display_spin (300);
}

static void
test_actions (void)
{
  guint before = count_windows ();
  g_auto(GStrv) accels = NULL;
  GolanesWindow *window;
  GtkWindow *about;

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.open");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>o"));
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.new-window");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>n"));
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "window.close");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>w"));
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>q"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "new-window", NULL);
  g_assert_cmpuint (count_windows (), ==, before + 1);
  window = GOLANES_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  assert_page (window, "welcome");

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  display_spin (200);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  gtk_window_destroy (about);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.close", NULL));
  display_spin (100);
  g_assert_cmpuint (count_windows (), ==, before);
}

/* Runs the test cases once the application is up. */
static gboolean
run_tests_cb (gpointer data)
{
  GList *windows;

  test_status = g_test_run ();

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))))
    gtk_window_destroy (windows->data);
  g_application_quit (G_APPLICATION (app));

  return G_SOURCE_REMOVE;
}

static void
startup_cb (GApplication *application)
{
  g_idle_add (run_tests_cb, NULL);
}

/* A copy of a fixture of tests/fixtures/go1.26 in the work folder, its
 * first @len bytes (all of it for 0), written @age_s seconds ago. */
static char *
copy_fixture (const char *fixture,
              const char *name,
              gsize       len,
              gint64      age_s)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "..", "fixtures", "go1.26", fixture, NULL);
  g_autofree char *data = NULL;
  gsize size = 0;
  char *path;

  g_assert_true (g_file_get_contents (source, &data, &size, NULL));
  path = write_input (name, data, len > 0 ? MIN (len, size) : size);
  if (age_s > 0)
    {
      struct utimbuf times;

      times.actime = times.modtime = (time_t) (g_get_real_time () / G_USEC_PER_SEC - age_s);
      g_assert_no_errno (g_utime (path, &times));
    }
  return path;
}

static void
open_in (GolanesWindow *window,
         const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  golanes_window_open (window, file);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (text == NULL || strstr (text, needle) == NULL)
    g_error ("“%s” does not contain “%s”", text != NULL ? text : "(null)", needle);
}

static const char *
banner_text (GolanesWindow *window)
{
  return golanes_trace_view_get_banner_text (_golanes_window_get_trace_view (window));
}

/* Odd files: each says what is wrong in the window, none hangs.  A trace
 * cut short shows its complete generations under a banner that says where
 * it breaks and how much is lost, and whether a program still writes it. */
static void
test_odd_files (void)
{
  GolanesWindow *window = new_welcome_window ();
  g_autofree char *odd_name = NULL;
  g_autofree char *cut = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *nothing = NULL;
  const char *text;

  /* A device that never ends. */
  open_in (window, "/dev/zero");
  assert_page (window, "error");
  assert_window_shows (window, "Could Not Open “zero”");
  assert_window_shows (window, "not a regular file");
  save_screenshot (window, "screenshot-odd-dev-zero.png");

  /* An empty file whose name is not UTF-8: named all the same. */
  odd_name = write_input ("odd-\xff\xfe.trace", "", 0);
  open_in (window, odd_name);
  assert_page (window, "error");
  assert_window_shows (window, "Could Not Open “odd-");
  assert_window_shows (window, "The file is empty.");

  /* Broken before its first generation ends: nothing to show. */
  nothing = copy_fixture ("chansel.cut30.trace", "chansel-cut.trace", 0, 3600);
  open_in (window, nothing);
  assert_page (window, "error");
  assert_window_shows (window, "Could Not Open “chansel-cut.trace”");
  assert_window_shows (window, "it breaks before the end of its first generation");
  assert_window_shows (window, "failed to read full batch");
  assert_window_shows (window, "at byte offset ");
  save_screenshot (window, "screenshot-odd-no-generation.png");

  /* Cut in its second generation: the first shows, with the banner. */
  cut = copy_fixture ("longrun.cut60.trace", "longrun-cut.trace", 0, 3600);
  open_in (window, cut);
  assert_page (window, "summary");
  assert_window_shows (window, "longrun-cut.trace");
  text = banner_text (window);
  g_assert_nonnull (text);
  /* The size is g_format_size()'s, with a no-break space. */
  assert_contains (text, "This trace is truncated: 37.4% (2.4");
  assert_contains (text, "kB) of the data could not be read.");
  assert_contains (text, "(at byte offset 6145: ");
  g_assert_null (strstr (text, "still being written"));
  save_screenshot (window, "screenshot-odd-truncated.png");

  /* The same, written a moment ago: a program is still writing it. */
  fresh = copy_fixture ("longrun.trace", "longrun-live.trace", 8288, 0);
  open_in (window, fresh);
  assert_page (window, "summary");
  text = banner_text (window);
  g_assert_nonnull (text);
  assert_contains (text, "This trace is truncated: ");
  assert_contains (text, "The file is still being written: open it again to see more.");
  save_screenshot (window, "screenshot-odd-growing.png");

  /* Nothing of these loads runs on into the next test. */
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (display_wait_until (no_analyses_running, NULL, WAIT_MSEC));
  display_spin (300);
}

/* A file replaced or truncated after its timeline is loaded, before its
 * analyses read it: they read the file that was opened, or say that it
 * changed, never another trace. */
static void
test_file_changed (void)
{
  g_autofree char *whole_path = g_test_build_filename (G_TEST_DIST, "..", "fixtures", "go1.26", "longrun.trace", NULL);
  g_autoptr(GolanesDocument) whole = golanes_document_load (whole_path, NULL, NULL, NULL, NULL);
  g_autofree char *path = copy_fixture ("longrun.trace", "changing.trace", 0, 3600);
  g_autofree char *other = copy_fixture ("chansel.trace", "other.trace", 0, 3600);
  GolanesWindow *window = new_welcome_window ();
  GolanesTraceView *view = _golanes_window_get_trace_view (window);
  GolanesAnalyses *analyses;
  GolanesDocument *document;
  guint n_whole = 0, n_read = 0;
  const GError *error;

  g_assert_nonnull (whole);
  golanes_gc_get_pauses (golanes_document_get_gc (whole), &n_whole);

  /* The analyses start after the timeline is loaded, when let go. */
  _golanes_analyses_hold (TRUE);

  /* Another trace renamed over its path. */
  open_in (window, path);
  g_assert_true (display_wait_until (load_ended, window, WAIT_MSEC));
  analyses = golanes_trace_view_get_analyses (view);
  document = golanes_analyses_get_document (analyses);
  g_assert_false (golanes_document_is_ready (document, GOLANES_DOCUMENT_PART_GC));
  g_assert_no_errno (g_rename (other, path));
  _golanes_analyses_hold (FALSE);
  g_assert_true (display_wait_until (analyses_done, analyses, WAIT_MSEC));
  g_assert_true (golanes_document_is_ready (document, GOLANES_DOCUMENT_PART_GC));
  golanes_gc_get_pauses (golanes_document_get_gc (document), &n_read);
  g_assert_cmpuint (n_read, ==, n_whole);
  g_assert_cmpuint (golanes_document_get_n_events (document), ==, golanes_document_get_n_events (whole));
  g_assert_null (banner_text (window));

  /* Truncated: the analyses say so. */
  g_clear_pointer (&path, g_free);
  path = copy_fixture ("longrun.trace", "shrinking.trace", 0, 3600);
  _golanes_analyses_hold (TRUE);
  open_in (window, path);
  g_assert_true (display_wait_until (load_ended, window, WAIT_MSEC));
  analyses = golanes_trace_view_get_analyses (view);
  document = golanes_analyses_get_document (analyses);
  g_assert_no_errno (truncate (path, 4100));
  _golanes_analyses_hold (FALSE);
  g_assert_true (display_wait_until (analyses_done, analyses, WAIT_MSEC));
  g_assert_false (golanes_document_is_ready (document, GOLANES_DOCUMENT_PART_GC));
  error = golanes_document_get_part_error (document, GOLANES_DOCUMENT_PART_GC);
  g_assert_nonnull (error);
  assert_contains (error->message, "the file changed since it was opened (it got shorter)");
  g_assert_true (display_wait_until (window_shows,
                                     &(TextWait) { window, "This could not be computed: the file changed" },
                                     WAIT_MSEC));
  save_screenshot (window, "screenshot-odd-file-changed.png");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (display_wait_until (no_analyses_running, NULL, WAIT_MSEC));
  display_spin (300);
}

int
main (int   argc,
      char *argv[])
{
  GolanesTraceHeader header;
  char *app_argv[3];

  /* Keep recently used files and settings out of the real home. */
  workdir = display_make_home ("golanes-display");

  g_test_init (&argc, &argv, NULL);
  display_allow_no_session_bus ();

  trace_path = g_strdup (g_getenv ("GOLANES_TEST_TRACE"));
  g_assert_nonnull (trace_path);
  g_assert_true (golanes_trace_header_read_file (trace_path, &header, NULL, NULL));
  expected_version = g_strdup_printf ("Go 1.%u", header.go_minor);
  g_setenv ("GOLANES_SAMPLE_TRACE", trace_path, TRUE);

  g_test_add_func ("/golanes/open/command-line", test_command_line);
  g_test_add_func ("/golanes/open/second-invocation", test_second_invocation);
  g_test_add_func ("/golanes/open/dialog", test_open_dialog);
  g_test_add_func ("/golanes/welcome/recent", test_welcome);
  g_test_add_func ("/golanes/welcome/recent-while-shown", test_recent_while_shown);
  g_test_add_func ("/golanes/drop/file", test_drop_file);
  g_test_add_func ("/golanes/drop/file-list", test_drop_file_list);
  g_test_add_func ("/golanes/drop/not-a-trace", test_drop_not_a_trace);
  g_test_add_func ("/golanes/drop/highlight", test_drop_highlight);
  g_test_add_func ("/golanes/open/bad-input", test_bad_input);
  g_test_add_func ("/golanes/load/cancel", test_cancel);
  g_test_add_func ("/golanes/load/analyses", test_analyses);
  g_test_add_func ("/golanes/load/streaming", test_streaming);
  g_test_add_func ("/golanes/app/actions", test_actions);
  /* Last, so that the timed tests above never run in the wake of their
   * many loads. */
  g_test_add_func ("/golanes/odd/files", test_odd_files);
  g_test_add_func ("/golanes/odd/file-changed", test_file_changed);

  app = golanes_application_new (TEST_APP_ID, G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "startup", G_CALLBACK (startup_cb), NULL);

  /* As if started as "golanes TRACE". */
  app_argv[0] = (char *) "golanes";
  app_argv[1] = trace_path;
  app_argv[2] = NULL;
  g_application_run (G_APPLICATION (app), 2, app_argv);

  g_clear_object (&app);
  display_remove_tree (workdir);
  g_free (workdir);
  g_free (trace_path);
  g_free (expected_version);

  return test_status;
}
