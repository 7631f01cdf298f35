/* test-packed-table.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "golanes-packed-table-private.h"

/* Column c of row i: times in order, ids near each other, a few string
 * ids, and now and then a value at the ends of 64 bits. */
static guint64
value (GRand *r,
       guint  c,
       guint  i)
{
  if (g_rand_int_range (r, 0, 500) == 0)
    return g_rand_boolean (r) ? G_MAXUINT64 - (guint64) g_rand_int_range (r, 0, 3) : (guint64) g_rand_int_range (r, 0, 3);
  switch (c % 4)
    {
    case 0:
      return (guint64) i * 6400 + (guint64) g_rand_int_range (r, 0, 64) * 64;
    case 1:
      return 1000000 + (guint64) g_rand_int_range (r, 0, 5000);
    case 2:
      return (guint64) g_rand_int_range (r, 0, 4);
    default:
      return ((guint64) g_rand_int (r) << 32) | g_rand_int (r);
    }
}

static void
check_table (guint   n_cols,
             guint32 dict_cols,
             guint   n_rows)
{
  GolanesPackedTable t;
  g_autofree guint64 *want = g_new (guint64, (gsize) MAX (n_rows, 1) * n_cols);
  guint64 got[GOLANES_TABLE_MAX_COLS];
  GRand *r = g_rand_new_with_seed (n_cols * 1000 + n_rows);

  _golanes_packed_table_init (&t, n_cols, dict_cols);
  for (guint i = 0; i < n_rows; i++)
    {
      for (guint c = 0; c < n_cols; c++)
        want[(gsize) i * n_cols + c] = value (r, c, i);
      _golanes_packed_table_append (&t, want + (gsize) i * n_cols);
      /* Rows read back while the table grows: packed ones and pending. */
      if (i % 37 == 0)
        for (guint k = 0; k <= i; k += 1 + i / 40)
          {
            _golanes_packed_table_get (&t, k, got);
            g_assert_cmpmem (got, n_cols * sizeof (guint64), want + (gsize) k * n_cols, n_cols * sizeof (guint64));
          }
    }
  g_assert_cmpuint (t.n_rows, ==, n_rows);
  _golanes_packed_table_finish (&t);
  g_assert_null (t.pend);
  for (guint i = 0; i < n_rows; i++)
    {
      _golanes_packed_table_get (&t, i, got);
      g_assert_cmpmem (got, n_cols * sizeof (guint64), want + (gsize) i * n_cols, n_cols * sizeof (guint64));
    }
  g_rand_free (r);
  _golanes_packed_table_clear (&t);
}

static void
test_packed_table_roundtrip (void)
{
  static const guint sizes[] = { 0, 1, 63, 64, 65, 1000, 4097 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint n_cols = 1; n_cols <= GOLANES_TABLE_MAX_COLS; n_cols++)
      {
        check_table (n_cols, 0, sizes[s]);
        check_table (n_cols, 0xff, sizes[s]);
        check_table (n_cols, 0x55, sizes[s]);
      }
}

/* Rows of regions' shape take far fewer bytes than a struct each. */
static void
test_packed_table_size (void)
{
  GolanesPackedTable t;
  guint64 row[4];
  gsize size;

  _golanes_packed_table_init (&t, 4, 1u << 2 | 1u << 3);
  for (guint i = 0; i < 100000; i++)
    {
      row[0] = 1000000000 + (guint64) i * 12800;   /* start, in order */
      row[1] = 640 + (guint64) (i % 17) * 64;      /* length */
      row[2] = 7 + i % 5;                          /* a type */
      row[3] = i % 3;                              /* a level */
      _golanes_packed_table_append (&t, row);
    }
  _golanes_packed_table_finish (&t);
  size = _golanes_packed_table_get_memory_size (&t);
  g_test_message ("100,000 rows of 4 columns in %" G_GSIZE_FORMAT " bytes", size);
  g_assert_cmpuint (size, <, 100000 * 5);
  _golanes_packed_table_clear (&t);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/packed-table/roundtrip", test_packed_table_roundtrip);
  g_test_add_func ("/packed-table/size", test_packed_table_size);
  return g_test_run ();
}
