/* display-utils.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DISPLAY_WAIT_MSEC 20000

typedef gboolean (*DisplayCondition) (gpointer data);

gboolean   display_wait_until          (DisplayCondition  condition,
                                        gpointer          data,
                                        guint             timeout_msec);
void       display_spin                (guint             msec);
char      *display_window_text         (GtkWidget        *widget);
gboolean   display_window_shows        (GtkWidget        *widget,
                                        const char       *needle);
void       display_assert_shows        (GtkWidget        *widget,
                                        const char       *needle);
GtkWindow *display_find_toplevel       (GType             type);
void       display_save_screenshot     (GtkWindow        *window,
                                        const char       *path);
/* The mean luminance (0 to 1) of the PNG at @path, and the fraction of its
 * pixels darker than mid-grey. */
double     display_png_luminance       (const char       *path,
                                        double           *dark_fraction);

/* A temporary directory with a home of its own inside (HOME and the XDG
 * data, config and cache directories point there), so that recent files
 * and settings stay out of the real home; returns the directory. */
char      *display_make_home           (const char       *prefix);
void       display_remove_tree         (const char       *path);
/* Runs @app (argv: its name only) and, once it has started, the
 * registered tests: each opens its own windows, so the start-up window is
 * closed first, and @reset_keys (NULL-terminated) of @app's settings are
 * reset; *@settings holds them while the tests run.  Returns
 * g_test_run()'s status. */
int        display_run_app_tests       (GApplication     *app,
                                        const char *const *reset_keys,
                                        GSettings       **settings);
/* After g_test_init(): a missing session bus is not a test failure. */
void       display_allow_no_session_bus (void);

G_END_DECLS
