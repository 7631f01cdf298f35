/* test-memory.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Memory is given back, in the real application under Xvfb: traces are
 * opened one after another in one process, each in a window that shows
 * its timeline and computes every panel, then closed; resident memory
 * after the last close must stay within a stated bound of what it was
 * after the first round.  A load closed half-way frees its document too.
 *
 * The traces are the committed fixtures and the sample, or those listed
 * in GOLANES_MEMORY_TRACES (separated by ':'), e.g. the benchmark traces
 * (tests/bench/run-viewer-bench writes them); GOLANES_MEMORY_OPENS sets
 * the number of opens (50). */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "display-utils.h"
#include "golanes-memory.h"
#include "golanes-analyses.h"
#include "golanes-application.h"
#include "golanes-document.h"
#include "golanes-trace-loader-private.h"
#include "under-asan.h"
#include "golanes-trace-view.h"
#include "golanes-window-private.h"

#define TEST_APP_ID "io.github.golanes.Golanes.MemoryTest"
#define WAIT_MSEC 600000

/* The bound: after the last close, resident memory may exceed what it
 * was after the first round of opens by this much (caches of GTK, fonts
 * and the allocator that grow with use, not with traces) ... */
#define SLACK_KB (24 * 1024)
/* ... plus this share of the largest trace opened. */
#define SLACK_SHARE_OF_LARGEST 0.10

/* Under AddressSanitizer (under-asan.h) resident memory says nothing:
 * one round, and no bound on it. */

static GolanesApplication *app;
static GSettings *settings;
static char *workdir;
static GPtrArray *traces;

static gint64
rss_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;
  gint64 kb = -1;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (line = strstr (status, field)) != NULL)
    sscanf (line + strlen (field), "%" G_GINT64_FORMAT, &kb);
  return kb;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
all_freed (gpointer data)
{
  return _golanes_analyses_get_n_running () == 0 && _golanes_document_get_n_alive () == 0;
}

static gboolean
fully_loaded (gpointer data)
{
  GolanesWindow *window = data;
  GolanesTraceView *view = _golanes_window_get_trace_view (window);
  GolanesAnalyses *analyses;

  if (g_strcmp0 (golanes_window_get_page_name (window), "summary") != 0 ||
      _golanes_window_is_loading (window))
    return FALSE;
  analyses = golanes_trace_view_get_analyses (view);
  return analyses != NULL && golanes_analyses_is_done (analyses) && _golanes_trace_view_get_n_refreshing () == 0;
}

static gboolean
shows_partial_trace (gpointer data)
{
  GolanesWindow *window = data;

  return g_strcmp0 (golanes_window_get_page_name (window), "summary") == 0 &&
         _golanes_window_is_loading (window);
}

static void
close_window (GolanesWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (display_wait_until (is_null, &window, WAIT_MSEC));
  g_assert_true (display_wait_until (all_freed, NULL, WAIT_MSEC));
  display_spin (100);
}

static void
open_and_close (const char *path)
{
  static const char *const panels[] = { "gc", "goroutines", "tasks", "blocking" };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GolanesWindow *window = golanes_window_new (app);
  GolanesTraceView *view;
  GObject *objects[4 + G_N_ELEMENTS (panels)];

  gtk_window_present (GTK_WINDOW (window));
  golanes_window_open (window, file);
  if (!display_wait_until (fully_loaded, window, WAIT_MSEC))
    g_error ("%s: the window shows page “%s”, not the loaded trace",
             path, golanes_window_get_page_name (window));
  display_spin (50);

  /* What the window made for the trace goes with it. */
  view = _golanes_window_get_trace_view (window);
  objects[0] = G_OBJECT (view);
  objects[1] = G_OBJECT (golanes_trace_view_get_session (view));
  objects[2] = G_OBJECT (golanes_trace_view_get_timeline (view));
  objects[3] = G_OBJECT (golanes_trace_view_get_analyses (view));
  for (guint i = 0; i < G_N_ELEMENTS (panels); i++)
    objects[4 + i] = G_OBJECT (golanes_trace_view_get_panel (view, panels[i]));
  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    g_object_add_weak_pointer (objects[i], (gpointer *) &objects[i]);
  close_window (window);
  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    if (objects[i] != NULL)
      g_error ("%s: object %u (%s) outlives its window", path, i, G_OBJECT_TYPE_NAME (objects[i]));
  g_assert_cmpint (_golanes_array_get_mapped_bytes (), ==, 0);
}

static void
test_open_close (void)
{
  const char *env = g_getenv ("GOLANES_MEMORY_OPENS");
  guint n_opens = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : UNDER_ASAN ? traces->len : 50;
  gint64 first, last = 0, peak = 0, largest = 0, bound;

  g_assert_cmpuint (traces->len, >, 0);
  g_assert_cmpuint (n_opens, >=, traces->len);
  for (guint i = 0; i < traces->len; i++)
    {
      GStatBuf st;

      g_assert_no_errno (g_stat (traces->pdata[i], &st));
      largest = MAX (largest, (gint64) st.st_size);
    }

  /* The first round warms every cache that does not depend on the trace. */
  for (guint i = 0; i < traces->len; i++)
    open_and_close (traces->pdata[i]);
  first = rss_kb ("VmRSS:");

  g_test_message ("after the first round of %u traces: %" G_GINT64_FORMAT " kB", traces->len, first);

  for (guint i = traces->len; i < n_opens; i++)
    {
      open_and_close (traces->pdata[i % traces->len]);
      last = rss_kb ("VmRSS:");
      peak = MAX (peak, last);
      g_test_message ("open %u (%s): %" G_GINT64_FORMAT " kB after the close", i + 1,
                      (const char *) traces->pdata[i % traces->len], last);
    }
  bound = first + SLACK_KB + (gint64) (SLACK_SHARE_OF_LARGEST * largest / 1024);
  g_test_message ("after %u opens: %" G_GINT64_FORMAT " kB (highest after a close %" G_GINT64_FORMAT
                  " kB, bound %" G_GINT64_FORMAT " kB, peak while open %" G_GINT64_FORMAT " kB)",
                  n_opens, last, peak, bound, rss_kb ("VmHWM:"));
  printf ("# memory: %u opens of %u traces (largest %" G_GINT64_FORMAT " bytes): first round %"
          G_GINT64_FORMAT " kB, last %" G_GINT64_FORMAT " kB (%+.1f MB), bound %" G_GINT64_FORMAT
          " kB; VmHWM %" G_GINT64_FORMAT " kB\n",
          n_opens, traces->len, largest, first, last, (last - first) / 1024.0, bound, rss_kb ("VmHWM:"));
  if (UNDER_ASAN)
    return;
  g_assert_cmpint (last, <=, bound);
  g_assert_cmpint (peak, <=, bound);
}

/* A window closed while its trace loads frees the document it was
 * building, and its memory. */
static void
test_cancel_frees (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "fixtures", "go1.26", "longrun.trace", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 before, after;

  open_and_close (path);
  before = rss_kb ("VmRSS:");
  for (guint i = 0; i < 5; i++)
    {
      GolanesWindow *window = golanes_window_new (app);

      /* A pause after each generation keeps the load going. */
      _golanes_trace_loader_set_throttle (300);
      gtk_window_present (GTK_WINDOW (window));
      golanes_window_open (window, file);
      g_assert_true (display_wait_until (shows_partial_trace, window, WAIT_MSEC));
      g_assert_cmpuint (_golanes_document_get_n_alive (), >=, 1);
      close_window (window);
      _golanes_trace_loader_set_throttle (0);
    }
  after = rss_kb ("VmRSS:");
  g_test_message ("before: %" G_GINT64_FORMAT " kB, after 5 cancelled loads: %" G_GINT64_FORMAT " kB",
                  before, after);
  g_assert_cmpuint (_golanes_document_get_n_alive (), ==, 0);
  g_assert_cmpint (_golanes_array_get_mapped_bytes (), ==, 0);
  if (!UNDER_ASAN)
    g_assert_cmpint (after, <=, before + SLACK_KB);
}

static void
add_default_traces (void)
{
  static const char *const names[] = {
    "allocfree", "annotations", "chansel", "cpuprof", "flightrec", "gcheavy", "longrun", "manyg",
    "netloop", "procs", "sample", "servicemini", "syncprims", "syscalls", "timers",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = g_strconcat (names[i], ".trace", NULL);
      char *path = g_test_build_filename (G_TEST_DIST, "..", "fixtures", "go1.26", name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (traces, path);
      else
        g_free (path);
    }
  g_ptr_array_add (traces, g_strdup (g_getenv ("GOLANES_TEST_TRACE")));
}

int
main (int   argc,
      char *argv[])
{
  const char *list = g_getenv ("GOLANES_MEMORY_TRACES");
  static const char *const reset_keys[] = { "window-maximized", NULL };
  int test_status;

  workdir = display_make_home ("golanes-memory");

  golanes_application_setup_i18n ();
  g_test_init (&argc, &argv, NULL);
  display_allow_no_session_bus ();

  traces = g_ptr_array_new_with_free_func (g_free);
  if (list != NULL && list[0] != '\0')
    {
      g_auto(GStrv) paths = g_strsplit (list, ":", -1);

      for (guint i = 0; paths[i] != NULL; i++)
        if (paths[i][0] != '\0')
          g_ptr_array_add (traces, g_strdup (paths[i]));
    }
  else
    add_default_traces ();

  g_test_add_func ("/memory/open-close", test_open_close);
  g_test_add_func ("/memory/cancel-frees", test_cancel_frees);

  app = golanes_application_new (TEST_APP_ID, G_APPLICATION_NON_UNIQUE);
  test_status = display_run_app_tests (G_APPLICATION (app), reset_keys, &settings);

  g_clear_object (&app);
  g_ptr_array_unref (traces);
  display_remove_tree (workdir);
  g_free (workdir);

  return test_status;
}
