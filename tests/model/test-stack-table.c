/* test-stack-table.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "golanes-stack-table.h"

static GolanesStackFrame
frame (guint64     pc,
       const char *func,
       const char *file,
       guint64     line)
{
  GolanesStackFrame f = { pc, { func, strlen (func) }, { file, strlen (file) }, line };
  return f;
}

static void
test_dedupe (void)
{
  g_autoptr(GolanesStackTable) table = golanes_stack_table_new ();
  GolanesStackFrame a[] = { frame (0x10, "main.work", "/src/main.go", 12),
                            frame (0x20, "main.main", "/src/main.go", 30) };
  GolanesStackFrame b[] = { frame (0x10, "main.work", "/src/main.go", 12),
                            frame (0x20, "main.main", "/src/main.go", 31) };
  const GolanesFrame *frames;
  guint32 ia, ib, ia2;
  guint n;
  gsize len;

  ia = golanes_stack_table_intern_frames (table, a, 2);
  ib = golanes_stack_table_intern_frames (table, b, 2);
  ia2 = golanes_stack_table_intern_frames (table, a, 2);
  g_assert_cmpuint (ia, !=, 0);
  g_assert_cmpuint (ia, !=, ib);
  g_assert_cmpuint (ia, ==, ia2);
  g_assert_cmpuint (golanes_stack_table_intern_frames (table, a, 1), !=, ia);
  g_assert_cmpuint (golanes_stack_table_intern_frames (table, a, 0), ==, 0);
  g_assert_cmpuint (golanes_stack_table_get_n_stacks (table), ==, 4);

  frames = golanes_stack_table_get_frames (table, ib, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (frames[1].line, ==, 31);
  g_assert_cmpstr (golanes_stack_table_get_string (table, frames[1].func, &len), ==, "main.main");
  g_assert_cmpuint (len, ==, 9);
  /* Both stacks share their strings. */
  g_assert_cmpuint (frames[0].func, ==, golanes_stack_table_get_frames (table, ia, NULL)[0].func);

  g_assert_null (golanes_stack_table_get_frames (table, 0, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_null (golanes_stack_table_get_frames (table, 9999, &n));
  g_assert_cmpstr (golanes_stack_table_get_string (table, 0, NULL), ==, "");
}

static void
test_many_strings (void)
{
  g_autoptr(GolanesStackTable) table = golanes_stack_table_new ();
  GPtrArray *ids = g_ptr_array_new ();

  /* Enough to grow the sets several times; each string must come back. */
  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *s = g_strdup_printf ("pkg.func%u", i);
      g_ptr_array_add (ids, GUINT_TO_POINTER (golanes_stack_table_intern_string (table, s, strlen (s))));
    }
  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *s = g_strdup_printf ("pkg.func%u", i);
      guint32 id = GPOINTER_TO_UINT (g_ptr_array_index (ids, i));
      g_assert_cmpuint (golanes_stack_table_intern_string (table, s, strlen (s)), ==, id);
      g_assert_cmpstr (golanes_stack_table_get_string (table, id, NULL), ==, s);
    }
  g_ptr_array_unref (ids);
}

typedef struct
{
  GolanesStackTable *table;
  guint              checked;
} ReaderCheck;

/* Every stack of every event of a real trace, interned across generations,
 * must give back exactly the frames the reader had for it. */
static gboolean
check_event (GolanesTraceReader *reader,
             const GolanesEvent *event,
             gpointer            user_data)
{
  ReaderCheck *check = user_data;
  GolanesStackFrame frames[GOLANES_MAX_STACK_FRAMES];
  const GolanesFrame *ours;
  gboolean has_stack = FALSE;
  guint64 stack;
  guint32 id;
  guint n_ours;
  int n;

  if (event->kind == GOLANES_EVENT_SYNC)
    golanes_stack_table_begin_generation (check->table);

  stack = golanes_event_get_stack (event, &has_stack);
  if (!has_stack || stack == 0)
    return TRUE;

  id = golanes_stack_table_intern (check->table, reader, stack);
  n = golanes_trace_reader_get_stack (reader, stack, frames, G_N_ELEMENTS (frames));
  g_assert_cmpint (n, >, 0);
  ours = golanes_stack_table_get_frames (check->table, id, &n_ours);
  g_assert_cmpuint (n_ours, ==, MIN (n, GOLANES_MAX_STACK_FRAMES));
  for (guint i = 0; i < n_ours; i++)
    {
      gsize len;
      const char *func = golanes_stack_table_get_string (check->table, ours[i].func, &len);

      g_assert_cmpuint (ours[i].pc, ==, frames[i].pc);
      g_assert_cmpuint (ours[i].line, ==, frames[i].line);
      g_assert_cmpuint (len, ==, frames[i].func.len);
      g_assert_true (memcmp (func, frames[i].func.data, len) == 0);
    }
  check->checked++;
  return TRUE;
}

static void
test_real_trace (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, name, NULL);
  g_autoptr(GolanesStackTable) table = golanes_stack_table_new ();
  g_autoptr(GError) error = NULL;
  GolanesTraceReader *reader;
  ReaderCheck check = { table, 0 };

  reader = golanes_trace_reader_new_for_path (path, &error);
  g_assert_no_error (error);
  g_assert_true (golanes_trace_reader_foreach (reader, check_event, &check, &error));
  g_assert_no_error (error);
  golanes_trace_reader_free (reader);

  g_assert_cmpuint (check.checked, >, 100);
  /* Deduplication across generations: far fewer stacks than uses. */
  g_assert_cmpuint (golanes_stack_table_get_n_stacks (table), <, check.checked);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stack-table/dedupe", test_dedupe);
  g_test_add_func ("/stack-table/many-strings", test_many_strings);
  g_test_add_data_func ("/stack-table/sample-trace", "../data/sample.trace", test_real_trace);
  g_test_add_data_func ("/stack-table/several-generations", "fixtures/go1.26/longrun.trace", test_real_trace);
  return g_test_run ();
}
