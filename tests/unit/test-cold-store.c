/* test-cold-store.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "golanes-cold-store-private.h"

/* Records of random lengths (1 to @max_len bytes), each filled from its
 * own seed so that a mixed-up record shows; half of them compressible
 * runs, half random bytes. */
typedef struct
{
  gsize   offset;
  guint32 len;
  guint32 seed;
} Rec;

static void
fill (guint8  *p,
      guint32  len,
      guint32  seed)
{
  GRand *r = g_rand_new_with_seed (seed);

  for (guint32 i = 0; i < len; i++)
    p[i] = seed % 2 == 0 ? (guint8) (seed + i / 7) : (guint8) g_rand_int (r);
  g_rand_free (r);
}

static void
check_rec (const GolanesColdStore *store,
           const Rec              *rec)
{
  g_autofree guint8 *want = g_malloc (rec->len);
  const guint8 *got = _golanes_cold_store_get (store, rec->offset);

  fill (want, rec->len, rec->seed);
  g_assert_cmpmem (got, rec->len, want, rec->len);
}

static GArray *
write_store (GolanesColdStore *store,
             guint             n,
             guint32           max_len,
             guint32           seed)
{
  GArray *recs = g_array_new (FALSE, FALSE, sizeof (Rec));
  GRand *r = g_rand_new_with_seed (seed);

  _golanes_cold_store_init (store);
  for (guint i = 0; i < n; i++)
    {
      Rec rec;
      guint32 need;
      guint8 *p;

      rec.len = (guint32) g_rand_int_range (r, 1, (gint32) max_len + 1);
      rec.seed = g_rand_int (r);
      /* Writers reserve more than they write. */
      need = rec.len + (guint32) g_rand_int_range (r, 0, 64);
      need = MIN (need, (guint32) GOLANES_COLD_UNIT);
      p = _golanes_cold_store_begin (store, need);
      rec.offset = store->len;
      fill (p, rec.len, rec.seed);
      _golanes_cold_store_commit (store, p + rec.len);
      /* No record crosses a unit. */
      g_assert_cmpuint (rec.offset >> GOLANES_COLD_UNIT_SHIFT, ==,
                        (rec.offset + rec.len - 1) >> GOLANES_COLD_UNIT_SHIFT);
      g_array_append_val (recs, rec);
      /* While writing, the records so far read back: the open unit's and
       * the closed ones'. */
      if (i % 97 == 0)
        for (guint k = 0; k <= i; k += 1 + i / 50)
          check_rec (store, &g_array_index (recs, Rec, k));
    }
  g_rand_free (r);
  return recs;
}

static void
test_cold_store_roundtrip (void)
{
  static const guint32 max_lens[] = { 1, 40, 700, GOLANES_COLD_UNIT };

  for (guint m = 0; m < G_N_ELEMENTS (max_lens); m++)
    {
      GolanesColdStore store;
      g_autoptr (GArray) recs = write_store (&store, 3000, max_lens[m], 7 + m);
      gsize raw = 0;
      GRand *r = g_rand_new_with_seed (11);

      for (guint i = 0; i < recs->len; i++)
        raw += g_array_index (recs, Rec, i).len;
      g_assert_cmpuint (store.raw, ==, raw);
      _golanes_cold_store_seal (&store);
      g_assert_null (store.open);
      /* In order, backwards, and at random across more units than the
       * cache holds. */
      for (guint i = 0; i < recs->len; i++)
        check_rec (&store, &g_array_index (recs, Rec, i));
      /* One after the other with a cursor, across the units closed early. */
      {
        GolanesColdCursor c;

        golanes_cold_cursor_init (&c, &store, 0);
        for (guint i = 0; i < recs->len; i++)
          {
            const Rec *rec = &g_array_index (recs, Rec, i);
            g_autofree guint8 *want = g_malloc (rec->len);
            const guint8 *got;

            g_assert_cmpuint (c.offset, ==, rec->offset);
            got = golanes_cold_cursor_bytes (&c);
            fill (want, rec->len, rec->seed);
            g_assert_cmpmem (got, rec->len, want, rec->len);
            golanes_cold_cursor_advance (&c, got + rec->len);
          }
        g_assert_cmpuint (c.offset, ==, store.len);
      }
      for (guint i = recs->len; i-- > 0;)
        check_rec (&store, &g_array_index (recs, Rec, i));
      for (guint i = 0; i < 5000; i++)
        check_rec (&store, &g_array_index (recs, Rec, g_rand_int_range (r, 0, (gint32) recs->len)));
      if (max_lens[m] >= 700)
        g_assert_cmpuint (store.n_units, >, GOLANES_COLD_CACHE);
      g_rand_free (r);
      _golanes_cold_store_clear (&store);
    }
}

/* Compressible records take less than they hold. */
static void
test_cold_store_size (void)
{
  GolanesColdStore store;
  gsize size;

  _golanes_cold_store_init (&store);
  for (guint i = 0; i < 100000; i++)
    {
      guint8 *p = _golanes_cold_store_begin (&store, 64);

      for (guint k = 0; k < 20; k++)
        p[k] = (guint8) (k == 0 ? i : k);
      _golanes_cold_store_commit (&store, p + 20);
    }
  _golanes_cold_store_seal (&store);
  size = _golanes_cold_store_get_memory_size (&store);
  g_test_message ("2,000,000 bytes of records in %" G_GSIZE_FORMAT " bytes", size);
  g_assert_cmpuint (store.raw, ==, 2000000);
  g_assert_cmpuint (size, <, store.raw / 4);
  _golanes_cold_store_clear (&store);
}

/* Two stores read on one thread keep apart in its cache, and several
 * threads read one store at once. */
typedef struct
{
  const GolanesColdStore *store;
  GArray                 *recs;
  guint32                 seed;
} Reader;

static gpointer
read_thread (gpointer data)
{
  Reader *rd = data;
  GRand *r = g_rand_new_with_seed (rd->seed);

  for (guint i = 0; i < 3000; i++)
    check_rec (rd->store, &g_array_index (rd->recs, Rec, g_rand_int_range (r, 0, (gint32) rd->recs->len)));
  g_rand_free (r);
  return NULL;
}

static void
test_cold_store_threads (void)
{
  GolanesColdStore a, b;
  g_autoptr (GArray) ra = write_store (&a, 2000, 500, 1);
  g_autoptr (GArray) rb = write_store (&b, 2000, 500, 2);
  Reader readers[4];
  GThread *threads[4];

  _golanes_cold_store_seal (&a);
  _golanes_cold_store_seal (&b);
  for (guint i = 0; i < ra->len; i++)
    {
      check_rec (&a, &g_array_index (ra, Rec, i));
      check_rec (&b, &g_array_index (rb, Rec, i));
    }
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    {
      readers[t].store = t % 2 == 0 ? &a : &b;
      readers[t].recs = t % 2 == 0 ? ra : rb;
      readers[t].seed = 100 + t;
      threads[t] = g_thread_new ("reader", read_thread, &readers[t]);
    }
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    g_thread_join (threads[t]);
  _golanes_cold_store_clear (&a);
  _golanes_cold_store_clear (&b);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cold-store/roundtrip", test_cold_store_roundtrip);
  g_test_add_func ("/cold-store/size", test_cold_store_size);
  g_test_add_func ("/cold-store/threads", test_cold_store_threads);
  return g_test_run ();
}
