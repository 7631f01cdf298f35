/* test-trace-header.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "golanes-error.h"
#include "golanes-trace-header.h"

typedef struct
{
  const char *bytes;
  gsize       len;
  gboolean    ok;
  guint       minor;
  gboolean    supported;
} HeaderCase;

#define B(s) s, sizeof s - 1

static const HeaderCase header_cases[] = {
  { B ("go 1.22 trace\0\0\0"), TRUE, 22, TRUE },
  { B ("go 1.23 trace\0\0\0"), TRUE, 23, TRUE },
  { B ("go 1.25 trace\0\0\0\x01"), TRUE, 25, TRUE },
  { B ("go 1.26 trace\0\0\0"), TRUE, 26, TRUE },
  { B ("go 1.24 trace\0\0\0"), TRUE, 24, FALSE },
  { B ("go 1.21 trace\0\0\0"), TRUE, 21, TRUE },
  { B ("go 1.11 trace\0\0\0"), TRUE, 11, TRUE },
  { B ("go 1.19 trace\0\0\0"), TRUE, 19, TRUE },
  { B ("go 1.20 trace\0\0\0"), TRUE, 20, FALSE },
  { B ("go 1.5 trace\0\0\0\0"), TRUE, 5, FALSE },
  { B ("go 1.22 trace\0\0"), FALSE, 0, FALSE },
  { B ("go 1.x trace\0\0\0\0"), FALSE, 0, FALSE },
  { B ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), FALSE, 0, FALSE },
  { B ("package main\n\nfunc main() {}\n"), FALSE, 0, FALSE },
  { B (""), FALSE, 0, FALSE },
};

static void
test_header_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (header_cases); i++)
    {
      const HeaderCase *c = &header_cases[i];
      g_autoptr(GError) error = NULL;
      GolanesTraceHeader header;
      gboolean ok;

      ok = golanes_trace_header_parse ((const guint8 *) c->bytes, c->len, &header, &error);
      g_assert_cmpint (ok, ==, c->ok);
      if (!ok)
        {
          g_assert_error (error, GOLANES_ERROR, GOLANES_ERROR_NOT_A_TRACE);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpuint (header.go_minor, ==, c->minor);
      g_assert_cmpuint (header.header_len, ==, c->minor >= 10 ? 16 : 15);
      g_assert_cmpint (golanes_trace_header_supported (&header, &error), ==, c->supported);
      if (!c->supported)
        g_assert_error (error, GOLANES_ERROR, GOLANES_ERROR_UNSUPPORTED_VERSION);
    }
}

static void
test_header_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("golanes-header-XXXXXX", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.out", NULL);
  g_autofree char *good = g_build_filename (dir, "good.out", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.out", NULL);
  g_autoptr(GError) error = NULL;
  GolanesTraceHeader header;
  goffset size = -1;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (good, "go 1.26 trace\0\0\0\x01\x02", 18, NULL));

  g_assert_true (golanes_trace_header_read_file (good, &header, &size, &error));
  g_assert_no_error (error);
  g_assert_cmpint (size, ==, 18);
  g_assert_cmpuint (header.go_minor, ==, 26);

  g_assert_false (golanes_trace_header_read_file (empty, &header, &size, &error));
  g_assert_error (error, GOLANES_ERROR, GOLANES_ERROR_NOT_A_TRACE);
  g_clear_error (&error);

  g_assert_false (golanes_trace_header_read_file (missing, &header, &size, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (golanes_trace_header_read_file (dir, &header, &size, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  g_unlink (good);
  g_unlink (empty);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/header/cases", test_header_cases);
  g_test_add_func ("/header/files", test_header_files);
  return g_test_run ();
}
