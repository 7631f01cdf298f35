/* test-locale.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The application in another language: LANGUAGE=de or fr with the
 * translations compiled in the build directory (GOLANES_LOCALEDIR).
 *   test-locale LANG */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "display-utils.h"
#include "golanes-application.h"
#include "golanes-preferences-window.h"
#include "golanes-window.h"

#define TEST_APP_ID "io.github.golanes.Golanes.LocaleTest"

typedef struct
{
  const char *lang;
  /* Shown by the welcome page, the preferences and the shortcuts window. */
  const char *welcome[3];
  const char *preferences[4];
  const char *shortcuts[2];
} Expected;

static const Expected expected[] = {
  {
    "de",
    { "Trace öffnen …", "Beispiel-Trace öffnen", "Zuletzt geöffnete Traces" },
    { "Erscheinungsbild", "Systemstil folgen", "Dunkler Stil", "Seitenleiste anzeigen" },
    { "Einen Trace öffnen", "Fenster schließen" },
  },
  {
    "fr",
    { "Ouvrir une trace…", "Ouvrir la trace d’exemple", "Traces récentes" },
    { "Apparence", "Suivre le style du système", "Style sombre", "Afficher le panneau latéral" },
    { "Ouvrir une trace", "Fermer la fenêtre" },
  },
};

static GolanesApplication *app;
static const Expected *lang;
static char *workdir;
static char *trace_path;
static int test_status;

static gboolean
has_preferences (gpointer data)
{
  GtkWindow *prefs = display_find_toplevel (GOLANES_TYPE_PREFERENCES_WINDOW);

  return prefs != NULL && gtk_widget_get_mapped (GTK_WIDGET (prefs));
}

static void
screenshot (GtkWindow  *window,
            const char *what)
{
  g_autofree char *name = g_strdup_printf ("locale-%s-%s.png", lang->lang, what);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  display_save_screenshot (window, path);
}

static void
test_translated (void)
{
  GolanesWindow *window;
  GtkWindow *prefs;
  GtkShortcutsWindow *overlay;

  /* The catalog itself, and the labels of real widgets. */
  g_assert_cmpstr (_("Open Trace…"), ==, lang->welcome[0]);

  /* The trace opened at start-up is now recent. */
  window = golanes_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (lang->welcome); i++)
    display_assert_shows (GTK_WIDGET (window), lang->welcome[i]);
  screenshot (GTK_WINDOW (window), "welcome");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL));
  g_assert_true (display_wait_until (has_preferences, NULL, DISPLAY_WAIT_MSEC));
  prefs = display_find_toplevel (GOLANES_TYPE_PREFERENCES_WINDOW);
  for (guint i = 0; i < G_N_ELEMENTS (lang->preferences); i++)
    display_assert_shows (GTK_WIDGET (prefs), lang->preferences[i]);
  screenshot (prefs, "preferences");
  gtk_window_destroy (prefs);

  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  gtk_widget_show (GTK_WIDGET (overlay));
  for (guint i = 0; i < G_N_ELEMENTS (lang->shortcuts); i++)
    display_assert_shows (GTK_WIDGET (overlay), lang->shortcuts[i]);
  screenshot (GTK_WINDOW (overlay), "shortcuts");
  gtk_widget_hide (GTK_WIDGET (overlay));

  gtk_window_destroy (GTK_WINDOW (window));
}

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

int
main (int   argc,
      char *argv[])
{
  char *app_argv[3];

  g_test_init (&argc, &argv, NULL);
  display_allow_no_session_bus ();

  if (argc < 2)
    g_error ("usage: test-locale LANG");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (g_str_equal (expected[i].lang, argv[1]))
      lang = &expected[i];
  if (lang == NULL)
    g_error ("no expectations for %s", argv[1]);
  if (g_getenv ("GOLANES_LOCALEDIR") == NULL)
    g_error ("GOLANES_LOCALEDIR is not set");

  workdir = display_make_home ("golanes-locale");

  /* As main() does, with the language of this run. */
  g_setenv ("LANGUAGE", lang->lang, TRUE);
  golanes_application_setup_i18n ();

  trace_path = g_strdup (g_getenv ("GOLANES_TEST_TRACE"));
  g_assert_nonnull (trace_path);

  g_test_add_func ("/locale/translated", test_translated);

  app = golanes_application_new (TEST_APP_ID, G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "startup", G_CALLBACK (startup_cb), NULL);

  app_argv[0] = (char *) "golanes";
  app_argv[1] = trace_path;
  app_argv[2] = NULL;
  g_application_run (G_APPLICATION (app), 2, app_argv);

  g_clear_object (&app);
  display_remove_tree (workdir);
  g_free (workdir);
  g_free (trace_path);

  return test_status;
}
