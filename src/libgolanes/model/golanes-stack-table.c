/* golanes-stack-table.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "golanes-stack-table.h"
#include "golanes-id-map-private.h"

/* Stacks are runs in one frame array; a stack id indexes `stacks`.  Both
 * stacks and strings are deduplicated through small open-addressing sets of
 * ids keyed by a 64-bit content hash, so no key is stored twice. */

typedef struct
{
  guint32 first;   /* index into frames */
  guint32 n;
  guint64 hash;
} StackRec;

typedef struct
{
  guint32 offset;  /* into chars */
  guint32 len;
  guint64 hash;
} StringRec;

typedef struct
{
  guint32 *slots;  /* id + 1; 0 = empty */
  guint    mask;
  guint    used;
} IdSet;

struct _GolanesStackTable
{
  GArray     *frames;     /* GolanesFrame */
  GArray     *stacks;     /* StackRec */
  GByteArray *chars;      /* NUL-terminated string bodies */
  GArray     *strings;    /* StringRec */
  IdSet       stack_set;
  IdSet       string_set;
  GolanesIdMap gen_cache; /* generation-local stack id -> our id */
};

static inline guint64
mix (guint64 h,
     guint64 v)
{
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  return h * 0xff51afd7ed558ccdull;
}

static guint64
hash_bytes (const char *data,
            gsize       len)
{
  guint64 h = 0xcbf29ce484222325ull;

  for (gsize i = 0; i < len; i++)
    h = (h ^ (guint8) data[i]) * 0x100000001b3ull;
  return h;
}

static void
id_set_init (IdSet *set)
{
  set->mask = 255;
  set->used = 0;
  set->slots = g_new0 (guint32, set->mask + 1);
}

static void
id_set_insert_slot (IdSet   *set,
                    guint64  hash,
                    guint32  id)
{
  guint i = (guint) hash & set->mask;

  while (set->slots[i] != 0)
    i = (i + 1) & set->mask;
  set->slots[i] = id + 1;
  set->used++;
}

static void
id_set_grow (IdSet         *set,
             guint64      (*hash_of) (GolanesStackTable *, guint32),
             GolanesStackTable *table)
{
  guint32 *old = set->slots;
  guint old_size = set->mask + 1;

  set->mask = old_size * 2 - 1;
  set->slots = g_new0 (guint32, set->mask + 1);
  set->used = 0;
  for (guint i = 0; i < old_size; i++)
    if (old[i] != 0)
      id_set_insert_slot (set, hash_of (table, old[i] - 1), old[i] - 1);
  g_free (old);
}

static guint64
stack_hash_of (GolanesStackTable *table,
               guint32            id)
{
  return g_array_index (table->stacks, StackRec, id).hash;
}

static guint64
string_hash_of (GolanesStackTable *table,
                guint32            id)
{
  return g_array_index (table->strings, StringRec, id).hash;
}

GolanesStackTable *
golanes_stack_table_new (void)
{
  GolanesStackTable *table = g_new0 (GolanesStackTable, 1);
  StackRec empty_stack = { 0, 0, 0 };
  StringRec empty_string = { 0, 0, 0 };

  table->frames = g_array_new (FALSE, FALSE, sizeof (GolanesFrame));
  table->stacks = g_array_new (FALSE, FALSE, sizeof (StackRec));
  table->strings = g_array_new (FALSE, FALSE, sizeof (StringRec));
  table->chars = g_byte_array_new ();
  golanes_id_map_init (&table->gen_cache);
  id_set_init (&table->stack_set);
  id_set_init (&table->string_set);

  /* Id 0 is the empty stack and the empty string, and is never looked up
   * through the sets. */
  empty_string.hash = hash_bytes ("", 0);
  g_byte_array_append (table->chars, (const guint8 *) "", 1);
  g_array_append_val (table->strings, empty_string);
  g_array_append_val (table->stacks, empty_stack);
  return table;
}

void
golanes_stack_table_free (GolanesStackTable *table)
{
  if (table == NULL)
    return;
  g_array_unref (table->frames);
  g_array_unref (table->stacks);
  g_array_unref (table->strings);
  g_byte_array_unref (table->chars);
  golanes_id_map_clear (&table->gen_cache);
  g_free (table->stack_set.slots);
  g_free (table->string_set.slots);
  g_free (table);
}

void
golanes_stack_table_begin_generation (GolanesStackTable *table)
{
  g_return_if_fail (table != NULL);

  golanes_id_map_clear (&table->gen_cache);
  golanes_id_map_init (&table->gen_cache);
}

guint32
golanes_stack_table_intern_string (GolanesStackTable *table,
                                   const char        *data,
                                   gsize              len)
{
  guint64 hash;
  StringRec rec;
  guint i;

  g_return_val_if_fail (table != NULL, 0);

  if (len == 0)
    return 0;

  hash = hash_bytes (data, len);
  for (i = (guint) hash & table->string_set.mask;
       table->string_set.slots[i] != 0;
       i = (i + 1) & table->string_set.mask)
    {
      guint32 id = table->string_set.slots[i] - 1;
      const StringRec *s = &g_array_index (table->strings, StringRec, id);

      if (s->hash == hash && s->len == len &&
          memcmp (table->chars->data + s->offset, data, len) == 0)
        return id;
    }

  rec.offset = table->chars->len;
  rec.len = (guint32) len;
  rec.hash = hash;
  g_byte_array_append (table->chars, (const guint8 *) data, (guint) len);
  g_byte_array_append (table->chars, (const guint8 *) "", 1);
  g_array_append_val (table->strings, rec);

  if ((table->string_set.used + 1) * 4 > (table->string_set.mask + 1) * 3)
    id_set_grow (&table->string_set, string_hash_of, table);
  id_set_insert_slot (&table->string_set, hash, table->strings->len - 1);
  return table->strings->len - 1;
}

const char *
golanes_stack_table_get_string (GolanesStackTable *table,
                                guint32            string_id,
                                gsize             *len)
{
  const StringRec *s;

  g_return_val_if_fail (table != NULL, NULL);

  if (string_id >= table->strings->len)
    string_id = 0;
  s = &g_array_index (table->strings, StringRec, string_id);
  if (len != NULL)
    *len = s->len;
  return (const char *) table->chars->data + s->offset;
}

/* Field by field: GolanesFrame has padding after line, which memcmp
 * would read. */
static gboolean
frames_equal (const GolanesFrame *a,
              const GolanesFrame *b,
              guint               n)
{
  guint i;

  for (i = 0; i < n; i++)
    if (a[i].pc != b[i].pc || a[i].func != b[i].func || a[i].file != b[i].file || a[i].line != b[i].line)
      return FALSE;
  return TRUE;
}

guint32
golanes_stack_table_intern_frames (GolanesStackTable       *table,
                                   const GolanesStackFrame *frames,
                                   guint                    n_frames)
{
  GolanesFrame conv[GOLANES_MAX_STACK_FRAMES];
  guint64 hash = 0x84222325cbf29ce4ull;
  StackRec rec;
  guint i;

  g_return_val_if_fail (table != NULL, 0);

  if (n_frames == 0)
    return 0;
  n_frames = MIN (n_frames, GOLANES_MAX_STACK_FRAMES);

  for (i = 0; i < n_frames; i++)
    {
      conv[i].pc = frames[i].pc;
      conv[i].func = golanes_stack_table_intern_string (table, frames[i].func.data, frames[i].func.len);
      conv[i].file = golanes_stack_table_intern_string (table, frames[i].file.data, frames[i].file.len);
      conv[i].line = (guint32) MIN (frames[i].line, G_MAXUINT32);
      hash = mix (hash, conv[i].pc);
      hash = mix (hash, ((guint64) conv[i].func << 32) | conv[i].file);
      hash = mix (hash, conv[i].line);
    }

  for (i = (guint) hash & table->stack_set.mask;
       table->stack_set.slots[i] != 0;
       i = (i + 1) & table->stack_set.mask)
    {
      guint32 id = table->stack_set.slots[i] - 1;
      const StackRec *s = &g_array_index (table->stacks, StackRec, id);

      if (s->hash == hash && s->n == n_frames &&
          frames_equal (&g_array_index (table->frames, GolanesFrame, s->first), conv, n_frames))
        return id;
    }

  rec.first = table->frames->len;
  rec.n = n_frames;
  rec.hash = hash;
  g_array_append_vals (table->frames, conv, n_frames);
  g_array_append_val (table->stacks, rec);

  if ((table->stack_set.used + 1) * 4 > (table->stack_set.mask + 1) * 3)
    id_set_grow (&table->stack_set, stack_hash_of, table);
  id_set_insert_slot (&table->stack_set, hash, table->stacks->len - 1);
  return table->stacks->len - 1;
}

guint32
golanes_stack_table_intern (GolanesStackTable  *table,
                            GolanesTraceReader *reader,
                            guint64             stack_id)
{
  GolanesStackFrame frames[GOLANES_MAX_STACK_FRAMES];
  guint64 value;
  guint32 id;
  int n;

  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (reader != NULL, 0);

  if (stack_id == 0)
    return 0;

  if (golanes_id_map_lookup (&table->gen_cache, stack_id, &value))
    return (guint32) value;

  n = golanes_trace_reader_get_stack (reader, stack_id, frames, G_N_ELEMENTS (frames));
  id = n > 0 ? golanes_stack_table_intern_frames (table, frames, (guint) MIN (n, GOLANES_MAX_STACK_FRAMES)) : 0;

  golanes_id_map_insert (&table->gen_cache, stack_id, id);
  return id;
}

const GolanesFrame *
golanes_stack_table_get_frames (GolanesStackTable *table,
                                guint32            stack,
                                guint             *n_frames)
{
  const StackRec *s;

  g_return_val_if_fail (table != NULL, NULL);

  if (stack >= table->stacks->len)
    stack = 0;
  s = &g_array_index (table->stacks, StackRec, stack);
  if (n_frames != NULL)
    *n_frames = s->n;
  if (s->n == 0)
    return NULL;
  return &g_array_index (table->frames, GolanesFrame, s->first);
}

guint
golanes_stack_table_get_n_stacks (GolanesStackTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->stacks->len;
}

gsize
golanes_stack_table_get_memory_size (GolanesStackTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->frames->len * sizeof (GolanesFrame) +
         table->stacks->len * sizeof (StackRec) +
         table->strings->len * sizeof (StringRec) +
         table->chars->len +
         (table->stack_set.mask + 1 + table->string_set.mask + 1) * sizeof (guint32);
}
