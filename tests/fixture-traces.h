/* fixture-traces.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real-trace corpus for tests that run over all of it: the paths of
 * every tests/fixtures/go1.NN/ *.trace, sorted, so that a failure names
 * the same file on every machine.
 */

#pragma once

#include <string.h>

#include <glib.h>

static inline gint
fixture_traces_compare (gconstpointer a,
                        gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static inline GPtrArray *
fixture_traces_list (void)
{
  static const char *versions[] = { "go1.22", "go1.23", "go1.26", "legacy" };
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  for (guint v = 0; v < G_N_ELEMENTS (versions); v++)
    {
      g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", versions[v], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) d = g_dir_open (dir, 0, &error);
      const char *name;

      g_assert_no_error (error);
      while ((name = g_dir_read_name (d)) != NULL)
        if (g_str_has_suffix (name, ".trace"))
          g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
    }
  g_ptr_array_sort (paths, fixture_traces_compare);
  g_assert_cmpuint (paths->len, >=, 60);
  return paths;
}
