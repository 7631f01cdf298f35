/* test-member-list.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "golanes-member-list-private.h"

/* Checks @list against @want (sorted): by position, in bulk, by value. */
static void
check (const GolanesMemberList *list,
       GArray                  *want)
{
  guint n = want->len;
  g_autofree guint32 *got = g_new (guint32, MAX (n, 1));

  g_assert_cmpuint (_golanes_member_list_get_n (list), ==, n);
  _golanes_member_list_copy (list, 0, n, got);
  g_assert_cmpmem (got, n * sizeof (guint32), want->data, n * sizeof (guint32));
  for (guint k = 0; k < n; k++)
    {
      guint32 v = g_array_index (want, guint32, k);
      gboolean found;

      g_assert_cmpuint (_golanes_member_list_get (list, k), ==, v);
      g_assert_cmpuint (_golanes_member_list_lower_bound (list, v, &found), ==, k);
      g_assert_true (found);
      /* A value between two members finds the larger. */
      if (k > 0 && g_array_index (want, guint32, k - 1) + 1 < v)
        {
          g_assert_cmpuint (_golanes_member_list_lower_bound (list, v - 1, &found), ==, k);
          g_assert_false (found);
        }
    }
  g_assert_cmpuint (_golanes_member_list_lower_bound (list, G_MAXUINT32, NULL), ==,
                    n > 0 && g_array_index (want, guint32, n - 1) == G_MAXUINT32 ? n - 1 : n);
  /* Copies of any part. */
  if (n > 2)
    {
      _golanes_member_list_copy (list, n / 3, n / 2, got);
      g_assert_cmpmem (got, (n / 2) * sizeof (guint32), &g_array_index (want, guint32, n / 3), (n / 2) * sizeof (guint32));
    }
}

static void
sorted_insert (GArray  *a,
               guint32  v)
{
  guint k = 0;

  while (k < a->len && g_array_index (a, guint32, k) < v)
    k++;
  g_array_insert_val (a, k, v);
}

/* Members in order (runs and gaps of every size), then out of order,
 * then some taken out, read back exactly; runs take next to nothing. */
static void
test_member_list (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);

  for (guint round = 0; round < 60; round++)
    {
      GolanesMemberList *list = _golanes_member_list_new ();
      g_autoptr(GArray) want = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (guint32));
      guint32 v = round % 3 == 0 ? 0 : g_rand_int_range (rand, 0, 1000);
      guint n = g_rand_int_range (rand, 0, 3000), k;

      check (list, want);
      for (k = 0; k < n; k++)
        {
          _golanes_member_list_add (list, v);
          g_array_append_val (want, v);
          /* Runs, small gaps, now and then a huge one. */
          switch (g_rand_int_range (rand, 0, 8))
            {
            case 0:
              v += 2 + g_rand_int_range (rand, 0, 300);
              break;
            case 1:
              if (v < G_MAXUINT32 / 2)
                v += g_rand_int_range (rand, 1 << 20, 1 << 30);
              else
                v++;
              break;
            default:
              v += round % 2 == 0 ? 1 : 1 + g_rand_int_range (rand, 0, 2);
              break;
            }
        }
      check (list, want);

      /* Late ones in between, as a goroutine named late joins its group. */
      for (k = 0; k < 500 && want->len > 0; k++)
        {
          guint32 x = g_rand_int_range (rand, 0, (gint32) MIN (v, (guint32) G_MAXINT32));

          if (_golanes_member_list_lower_bound (list, x, NULL) < want->len &&
              _golanes_member_list_get (list, _golanes_member_list_lower_bound (list, x, NULL)) == x)
            continue;
          _golanes_member_list_add (list, x);
          sorted_insert (want, x);
        }
      check (list, want);

      for (k = 0; k < want->len; k += 1 + g_rand_int_range (rand, 0, 5))
        g_array_append_val (gone, g_array_index (want, guint32, k));
      _golanes_member_list_remove_sorted (list, (const guint32 *) (gpointer) gone->data, gone->len);
      for (k = gone->len; k > 0; k--)
        {
          guint at = 0;

          while (g_array_index (want, guint32, at) != g_array_index (gone, guint32, k - 1))
            at++;
          g_array_remove_index (want, at);
        }
      check (list, want);
      _golanes_member_list_free (list);
    }

  /* A million consecutive members, as one group of a trace of millions
   * of short-lived goroutines: under 0.3 bytes each. */
  {
    GolanesMemberList *list = _golanes_member_list_new ();

    for (guint32 i = 7; i < 1000007; i++)
      _golanes_member_list_add (list, i);
    g_assert_cmpuint (_golanes_member_list_get (list, 999999), ==, 1000006);
    g_assert_cmpuint (_golanes_member_list_lower_bound (list, 500000, NULL), ==, 499993);
    g_test_message ("1,000,000 consecutive members: %zu bytes", _golanes_member_list_get_memory_size (list));
    g_assert_cmpuint (_golanes_member_list_get_memory_size (list), <, 300000);
    _golanes_member_list_free (list);
  }
  /* Every other one: about a byte each. */
  {
    GolanesMemberList *list = _golanes_member_list_new ();

    for (guint32 i = 0; i < 2000000; i += 2)
      _golanes_member_list_add (list, i);
    g_assert_cmpuint (_golanes_member_list_get (list, 123456), ==, 246912);
    g_test_message ("1,000,000 members, every other index: %zu bytes", _golanes_member_list_get_memory_size (list));
    g_assert_cmpuint (_golanes_member_list_get_memory_size (list), <, 1300000);
    _golanes_member_list_free (list);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/member-list/add-read-remove", test_member_list);

  return g_test_run ();
}
