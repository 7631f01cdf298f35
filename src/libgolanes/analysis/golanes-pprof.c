/* golanes-pprof.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <zlib.h>

#include "golanes-pprof.h"
#include "golanes-varint-private.h"

/* Field numbers of profile.proto. */
enum
{
  PROFILE_SAMPLE_TYPE = 1,
  PROFILE_SAMPLE = 2,
  PROFILE_LOCATION = 4,
  PROFILE_FUNCTION = 5,
  PROFILE_STRING_TABLE = 6,
  PROFILE_PERIOD_TYPE = 11,
  PROFILE_PERIOD = 12,

  VALUE_TYPE_TYPE = 1,
  VALUE_TYPE_UNIT = 2,

  SAMPLE_LOCATION_ID = 1,
  SAMPLE_VALUE = 2,

  LOCATION_ID = 1,
  LOCATION_ADDRESS = 3,
  LOCATION_LINE = 4,

  LINE_FUNCTION_ID = 1,
  LINE_LINE = 2,

  FUNCTION_ID = 1,
  FUNCTION_NAME = 2,
  FUNCTION_SYSTEM_NAME = 3,
  FUNCTION_FILENAME = 4,
};

enum
{
  WIRE_VARINT = 0,
  WIRE_BYTES = 2,
};

/* Go cuts profile stacks after this many frames (plus one). */
#define MAX_SAMPLE_FRAMES (GOLANES_MAX_STACK_FRAMES + 1)

static void
put_varint (GByteArray *out,
            guint64     v)
{
  guint8 buf[10];

  g_byte_array_append (out, buf, (guint) (golanes_varint_put (buf, v) - buf));
}

static void
put_tag (GByteArray *out,
         guint       field,
         guint       wire)
{
  put_varint (out, ((guint64) field << 3) | wire);
}

/* Zero is the default value and is left out, as Go's encoder does. */
static void
put_uint_field (GByteArray *out,
                guint       field,
                guint64     v)
{
  if (v == 0)
    return;
  put_tag (out, field, WIRE_VARINT);
  put_varint (out, v);
}

static void
put_bytes_field (GByteArray   *out,
                 guint         field,
                 const guint8 *data,
                 gsize         len)
{
  put_tag (out, field, WIRE_BYTES);
  put_varint (out, len);
  g_byte_array_append (out, data, (guint) len);
}

static void
put_message (GByteArray *out,
             guint       field,
             GByteArray *msg)
{
  put_bytes_field (out, field, msg->data, msg->len);
  g_byte_array_set_size (msg, 0);
}

typedef struct
{
  GHashTable *index;    /* owned string -> id + 1 */
  GPtrArray  *strings;
} StringTable;

static guint64
string_id (StringTable *t,
           const char  *s)
{
  gpointer v = g_hash_table_lookup (t->index, s);
  char *copy;

  if (v != NULL)
    return GPOINTER_TO_UINT (v) - 1;
  copy = g_strdup (s);
  g_ptr_array_add (t->strings, copy);
  g_hash_table_insert (t->index, copy, GUINT_TO_POINTER (t->strings->len));
  return t->strings->len - 1;
}

static void
put_value_type (GByteArray                  *out,
                GByteArray                  *tmp,
                guint                        field,
                StringTable                 *strings,
                const GolanesPprofValueType *vt)
{
  put_uint_field (tmp, VALUE_TYPE_TYPE, string_id (strings, vt->type));
  put_uint_field (tmp, VALUE_TYPE_UNIT, string_id (strings, vt->unit));
  put_message (out, field, tmp);
}

static const char *
table_string (GolanesStackTable *stacks,
              guint32            id)
{
  const char *s = id != 0 ? golanes_stack_table_get_string (stacks, id, NULL) : NULL;

  return s != NULL ? s : "";
}

GBytes *
golanes_pprof_encode (GolanesStackTable           *stacks,
                      const GolanesPprofValueType *sample_types,
                      guint                        n_sample_types,
                      const GolanesPprofValueType *period_type,
                      gint64                       period,
                      const guint32               *sample_stacks,
                      const gint64                *sample_values,
                      guint                        n_samples)
{
  GByteArray *out = g_byte_array_new ();
  GByteArray *locations = g_byte_array_new ();
  GByteArray *functions = g_byte_array_new ();
  GByteArray *tmp = g_byte_array_new ();
  GByteArray *tmp2 = g_byte_array_new ();
  GByteArray *packed = g_byte_array_new ();
  GHashTable *location_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTable *function_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  StringTable strings;
  guint64 n_locations = 0, n_functions = 0;
  guint i, j;

  strings.index = g_hash_table_new (g_str_hash, g_str_equal);
  strings.strings = g_ptr_array_new_with_free_func (g_free);
  string_id (&strings, "");

  for (i = 0; i < n_sample_types; i++)
    put_value_type (out, tmp, PROFILE_SAMPLE_TYPE, &strings, &sample_types[i]);

  for (i = 0; i < n_samples; i++)
    {
      guint n_frames = 0;
      const GolanesFrame *frames = golanes_stack_table_get_frames (stacks, sample_stacks[i], &n_frames);

      if (n_frames > MAX_SAMPLE_FRAMES)
        n_frames = MAX_SAMPLE_FRAMES;
      for (j = 0; j < n_frames; j++)
        {
          const GolanesFrame *f = &frames[j];
          gpointer loc = g_hash_table_lookup (location_ids, &f->pc);
          guint64 loc_id;

          if (loc == NULL)
            {
              const char *func = table_string (stacks, f->func);
              const char *file = table_string (stacks, f->file);
              char *fkey = g_strconcat (file, func, NULL);
              gpointer fn = g_hash_table_lookup (function_ids, fkey);
              gint64 *pc_key;
              guint64 fn_id;

              if (fn == NULL)
                {
                  fn_id = ++n_functions;
                  g_hash_table_insert (function_ids, fkey, GSIZE_TO_POINTER ((gsize) fn_id));
                  put_uint_field (tmp, FUNCTION_ID, fn_id);
                  put_uint_field (tmp, FUNCTION_NAME, string_id (&strings, func));
                  put_uint_field (tmp, FUNCTION_SYSTEM_NAME, string_id (&strings, func));
                  put_uint_field (tmp, FUNCTION_FILENAME, string_id (&strings, file));
                  put_message (functions, PROFILE_FUNCTION, tmp);
                }
              else
                {
                  fn_id = GPOINTER_TO_SIZE (fn);
                  g_free (fkey);
                }

              loc_id = ++n_locations;
              pc_key = g_new (gint64, 1);
              *pc_key = (gint64) f->pc;
              g_hash_table_insert (location_ids, pc_key, GSIZE_TO_POINTER ((gsize) loc_id));
              put_uint_field (tmp2, LINE_FUNCTION_ID, fn_id);
              put_uint_field (tmp2, LINE_LINE, f->line);
              put_uint_field (tmp, LOCATION_ID, loc_id);
              put_uint_field (tmp, LOCATION_ADDRESS, f->pc);
              put_message (tmp, LOCATION_LINE, tmp2);
              put_message (locations, PROFILE_LOCATION, tmp);
            }
          else
            loc_id = GPOINTER_TO_SIZE (loc);
          put_varint (packed, loc_id);
        }
      if (packed->len > 0)
        put_message (tmp, SAMPLE_LOCATION_ID, packed);
      for (j = 0; j < n_sample_types; j++)
        put_varint (packed, (guint64) sample_values[(gsize) i * n_sample_types + j]);
      if (packed->len > 0)
        put_message (tmp, SAMPLE_VALUE, packed);
      put_message (out, PROFILE_SAMPLE, tmp);
    }

  g_byte_array_append (out, locations->data, locations->len);
  g_byte_array_append (out, functions->data, functions->len);

  if (period_type != NULL)
    put_value_type (tmp2, tmp, PROFILE_PERIOD_TYPE, &strings, period_type);
  /* Period type strings must be in the table before it is written. */
  for (i = 0; i < strings.strings->len; i++)
    {
      const char *s = g_ptr_array_index (strings.strings, i);

      put_bytes_field (out, PROFILE_STRING_TABLE, (const guint8 *) s, strlen (s));
    }
  g_byte_array_append (out, tmp2->data, tmp2->len);
  put_uint_field (out, PROFILE_PERIOD, (guint64) period);

  g_byte_array_unref (locations);
  g_byte_array_unref (functions);
  g_byte_array_unref (tmp);
  g_byte_array_unref (tmp2);
  g_byte_array_unref (packed);
  g_hash_table_unref (location_ids);
  g_hash_table_unref (function_ids);
  g_hash_table_unref (strings.index);
  g_ptr_array_unref (strings.strings);
  return g_byte_array_free_to_bytes (out);
}

GBytes *
golanes_pprof_gzip (GBytes  *data,
                    GError **error)
{
  z_stream zs;
  gsize len;
  const guint8 *src = g_bytes_get_data (data, &len);
  GByteArray *out;
  guint8 chunk[65536];
  int rc;

  memset (&zs, 0, sizeof zs);
  /* 15 window bits + 16 selects the gzip wrapper. */
  if (deflateInit2 (&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
                    Z_DEFAULT_STRATEGY) != Z_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "zlib: cannot start compression");
      return NULL;
    }
  out = g_byte_array_new ();
  zs.next_in = (Bytef *) src;
  zs.avail_in = (uInt) len;
  do
    {
      zs.next_out = chunk;
      zs.avail_out = sizeof chunk;
      rc = deflate (&zs, Z_FINISH);
      if (rc == Z_STREAM_ERROR)
        {
          deflateEnd (&zs);
          g_byte_array_unref (out);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "zlib: compression failed");
          return NULL;
        }
      g_byte_array_append (out, chunk, (guint) (sizeof chunk - zs.avail_out));
    }
  while (rc != Z_STREAM_END);
  deflateEnd (&zs);
  return g_byte_array_free_to_bytes (out);
}

GBytes *
golanes_pprof_encode_blocking (GolanesBlocking *blocking)
{
  static const GolanesPprofValueType sample_types[] = {
    { "contentions", "count" },
    { "delay", "nanoseconds" },
  };
  static const GolanesPprofValueType period_type = { "trace", "count" };
  guint n = 0, i;
  const GolanesBlockingRecord *records = golanes_blocking_get_records (blocking, &n);
  guint32 *stacks = g_new (guint32, MAX (n, 1));
  gint64 *values = g_new (gint64, MAX (n, 1) * 2);
  GBytes *bytes;

  for (i = 0; i < n; i++)
    {
      stacks[i] = records[i].stack;
      values[2 * i] = (gint64) records[i].count;
      values[2 * i + 1] = records[i].delay;
    }
  bytes = golanes_pprof_encode (golanes_blocking_get_stack_table (blocking),
                                sample_types, G_N_ELEMENTS (sample_types),
                                &period_type, 1, stacks, values, n);
  g_free (stacks);
  g_free (values);
  return bytes;
}

gboolean
golanes_pprof_write_blocking (GolanesBlocking  *blocking,
                              const char       *path,
                              GError          **error)
{
  g_autoptr(GBytes) raw = golanes_pprof_encode_blocking (blocking);
  g_autoptr(GBytes) gz = golanes_pprof_gzip (raw, error);
  gsize len;
  const char *data;

  if (gz == NULL)
    return FALSE;
  data = g_bytes_get_data (gz, &len);
  if (strcmp (path, "-") == 0)
    {
      if (fwrite (data, 1, len, stdout) != len || fflush (stdout) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot write the profile to stdout");
          return FALSE;
        }
      return TRUE;
    }
  return g_file_set_contents (path, data, (gssize) len, error);
}
