/* golanes-timeline-frame.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-timeline-render"

#include "config.h"

#include <math.h>

#include "golanes-timeline-render-private.h"

/* A frame of the renderer: what a lane painter draws with.  Spans go into
 * the pixel buffer (by scratch rows copied into the lane's device rows,
 * or pixel by pixel), each lane's rows become one image node; text and
 * fills are render nodes. */

void
_golanes_frame_fill (Frame         *f,
                     double         x,
                     double         y,
                     double         w,
                     double         h,
                     const GdkRGBA *color)
{
  gtk_snapshot_append_color (f->snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
}

guint32
_golanes_frame_role_pixel (const Frame      *f,
                           GolanesColorRole  role)
{
  return to_pixel (golanes_palette_get (role, f->p->dark));
}

#define TEXT_CACHE_MAX 2048

/* Text nodes by label, colour and width, kept with the layout (its
 * render data): laying text out costs more than the rest of a frame's
 * text. */
typedef struct
{
  GHashTable   *entries;   /* TextEntry by key */
  PangoContext *pango;
  guint         pango_serial;
  GolanesSampleIndex *samples;  /* the CPU samples by lane */
  GHashTable   *widths;    /* label -> its width (GINT_TO_POINTER) for the gutter */
  PangoContext *widths_pango;
  guint         widths_serial;
} TextCache;

static void
text_entry_free (gpointer data)
{
  TextEntry *entry = data;

  g_clear_pointer (&entry->node, gsk_render_node_unref);
  g_free (entry);
}

static void
text_cache_free (gpointer data)
{
  TextCache *cache = data;

  g_clear_pointer (&cache->entries, g_hash_table_unref);
  g_clear_pointer (&cache->samples, golanes_sample_index_free);
  g_clear_pointer (&cache->widths, g_hash_table_unref);
  g_free (cache);
}

static TextCache *
render_cache (GolanesTimelineLayout *layout)
{
  if (layout->render_data == NULL)
    {
      layout->render_data = g_new0 (TextCache, 1);
      layout->render_data_free = text_cache_free;
    }
  return layout->render_data;
}

#define WIDTHS_MAX 65536

/* The layout's widths of labels measured with @pango, by label: a gutter
 * measured again after a group is expanded finds most of its labels
 * there.  Emptied when the context changes (a font or scale). */
GHashTable *
_golanes_frame_label_widths (GolanesTimelineLayout *layout,
                             PangoContext          *pango)
{
  TextCache *cache = render_cache (layout);
  guint serial = pango_context_get_serial (pango);

  if (cache->widths == NULL || cache->widths_pango != pango || cache->widths_serial != serial ||
      g_hash_table_size (cache->widths) > WIDTHS_MAX)
    {
      g_clear_pointer (&cache->widths, g_hash_table_unref);
      cache->widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      cache->widths_pango = pango;
      cache->widths_serial = serial;
    }
  return cache->widths;
}

/* A CPU sample's tick is this many pixels wide. */
#define MARK_WIDTH 2

/* The layout's index of the timeline's CPU samples, brought up to date. */
GolanesSampleIndex *
_golanes_frame_sample_index (GolanesTimelineLayout *layout,
                             GolanesTimeline       *timeline)
{
  TextCache *cache = render_cache (layout);

  if (cache->samples == NULL)
    cache->samples = golanes_sample_index_new ();
  golanes_sample_index_update (cache->samples, timeline);
  return cache->samples;
}

/* The device columns of the data area that the CPU samples of @lane (a
 * goroutine's or a P's) fall in, each once, into f->marks. */
void
_golanes_frame_sample_columns (Frame             *f,
                               const GolanesLane *lane)
{
  const guint32 *list = NULL;
  guint n = 0, i;
  int last = -1;

  g_array_set_size (f->marks, 0);
  if (golanes_timeline_get_n_samples (f->timeline) == 0)
    return;
  if (f->samples == NULL)
    f->samples = _golanes_frame_sample_index (f->p->layout, f->timeline);
  if (lane->kind == GOLANES_LANE_GOROUTINE)
    list = golanes_sample_index_get_goroutine (f->samples, golanes_timeline_get_goroutine_id (f->timeline, lane->index), &n);
  else if (lane->kind == GOLANES_LANE_PROC)
    list = golanes_sample_index_get_proc (f->samples, golanes_timeline_get_proc (f->timeline, lane->index)->id, &n);

  for (i = golanes_sample_index_lower_bound (f->timeline, list, n, f->p->start); i < n; i++)
    {
      gint64 t = golanes_timeline_get_sample (f->timeline, list[i])->time;
      int col;

      if (t >= f->p->end)
        break;
      col = (int) floor ((double) (t - f->p->start) / f->ns_per_px);
      if (col < 0 || col >= f->n_cols || col == last)
        continue;
      last = col;
      col += f->data_x;
      g_array_append_val (f->marks, col);
      extend (f, col, MIN (col + MARK_WIDTH * f->scale, f->data_x + f->n_cols));
    }
}

/* The marks of _golanes_frame_sample_columns() in device rows [r0, r1). */
void
_golanes_frame_put_marks (Frame *f,
                          int    r0,
                          int    r1)
{
  guint32 pixel = _golanes_frame_role_pixel (f, GOLANES_COLOR_CPU_SAMPLE);

  r0 = MAX (r0, 0);
  r1 = MIN (r1, f->ph);
  for (guint i = 0; i < f->marks->len; i++)
    {
      int c0 = g_array_index (f->marks, int, i);
      int c1 = MIN (c0 + MARK_WIDTH * f->scale, f->data_x + f->n_cols);

      for (int r = r0; r < r1; r++)
        for (int c = c0; c < c1; c++)
          f->pixels[(gsize) r * f->pw + c] = pixel;
    }
}

/* The laid-out text, from the layout's cache while the Pango context is
 * unchanged. */
const TextEntry *
_golanes_frame_text_entry (Frame         *f,
                           const char    *str,
                           int            width,
                           const GdkRGBA *color)
{
  GolanesTimelineLayout *layout = f->p->layout;
  guint serial = pango_context_get_serial (f->p->pango);
  g_autofree char *key = NULL;
  GtkSnapshot *snapshot;
  TextCache *cache;
  TextEntry *entry;

  cache = render_cache (layout);
  if (cache->entries == NULL || cache->pango != f->p->pango || cache->pango_serial != serial ||
      g_hash_table_size (cache->entries) > TEXT_CACHE_MAX)
    {
      g_clear_pointer (&cache->entries, g_hash_table_unref);
      cache->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, text_entry_free);
      cache->pango = f->p->pango;
      cache->pango_serial = serial;
    }

  key = g_strdup_printf ("%d %d %.4f %.4f %.4f %.4f %s", width, pango_layout_get_ellipsize (f->layout),
                         color->red, color->green, color->blue, color->alpha, str);
  entry = g_hash_table_lookup (cache->entries, key);
  if (entry != NULL)
    return entry;

  entry = g_new0 (TextEntry, 1);
  pango_layout_set_text (f->layout, str, -1);
  pango_layout_set_width (f->layout, width);
  pango_layout_get_pixel_size (f->layout, &entry->width, &entry->height);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_layout (snapshot, f->layout, color);
  entry->node = gtk_snapshot_free_to_node (snapshot);
  g_hash_table_insert (cache->entries, g_steal_pointer (&key), entry);
  return entry;
}

/* Draws @text at (@x, @y) clipped to @max_width; returns FALSE when not
 * even a few characters fit. */
gboolean
_golanes_frame_text (Frame         *f,
                     const char    *str,
                     double         x,
                     double         y,
                     double         max_width,
                     double         lane_height,
                     const GdkRGBA *color)
{
  const TextEntry *entry;

  if (max_width < 14)
    return FALSE;

  entry = _golanes_frame_text_entry (f, str, (int) (max_width * PANGO_SCALE), color);
  if (entry->node == NULL)
    return TRUE;

  gtk_snapshot_save (f->snapshot);
  gtk_snapshot_translate (f->snapshot, &GRAPHENE_POINT_INIT (x, y + floor ((lane_height - entry->height) / 2)));
  gtk_snapshot_append_node (f->snapshot, entry->node);
  gtk_snapshot_restore (f->snapshot);
  return TRUE;
}

/* A label inside a span, drawn once the texture is in place. */
void
_golanes_frame_queue_label (Frame             *f,
                            const char        *str,
                            double             x,
                            double             y,
                            double             max_width,
                            const GolanesLane *lane,
                            double             lane_y,
                            const GdkRGBA     *color)
{
  Label label;

  if (max_width < 14)
    return;

  label.x = x;
  label.y = y;
  label.width = max_width;
  label.height = lane->height;
  label.clip_y = lane_y;
  label.clip_height = lane->height;
  label.color = *color;
  label.text = g_strdup (str);
  g_array_append_val (f->labels, label);
}

/* Copies the drawn columns of @row into the buffer's device rows
 * [r0, r1). */
void
_golanes_frame_put_rows (Frame         *f,
                         const guint32 *row,
                         int            r0,
                         int            r1)
{
  r0 = MAX (r0, 0);
  r1 = MIN (r1, f->ph);
  if (f->ext_x0 >= f->ext_x1)
    return;
  for (int r = r0; r < r1; r++)
    memcpy (f->pixels + (gsize) r * f->pw + f->ext_x0, row + f->ext_x0,
            (gsize) (f->ext_x1 - f->ext_x0) * sizeof (guint32));
}

/* Starts the transparent scratch rows of a lane. */
void
_golanes_frame_rows_begin (Frame *f,
                           int    n)
{
  for (int i = 0; i < n; i++)
    memset (f->rows[i] + f->data_x, 0, (gsize) f->n_cols * sizeof (guint32));
  f->ext_x0 = G_MAXINT;
  f->ext_x1 = 0;
}

void
_golanes_frame_init (Frame                             *f,
                     const GolanesTimelineRenderParams *p,
                     GtkSnapshot                       *snapshot)
{
  memset (f, 0, sizeof *f);
  f->p = p;
  f->timeline = golanes_document_get_timeline (p->document);
  f->snapshot = snapshot;
  f->data_width = p->width - golanes_timeline_params_get_gutter (p);
  f->scale = frame_scale (p);
  f->data_x = (int) golanes_timeline_params_get_gutter (p) * f->scale;
  f->pw = (int) ceil (p->width * f->scale);
  f->ph = (int) ceil (p->height * f->scale);
  f->n_cols = MAX (f->pw - f->data_x, 0);
  /* Columns of the LOD queries are device pixels. */
  f->ns_per_px = (double) (p->end - p->start) / (f->data_width * f->scale);
  /* While the trace streams in, nothing is known after the loaded end:
   * the plots stop there. */
  if (p->loaded_end > 0 && p->loaded_end < p->end)
    f->n_cols = (int) CLAMP (golanes_lod_column (p->start, f->ns_per_px, p->loaded_end), 0, f->n_cols);
}

/* A frame's pixel buffer, shared by the images of its lanes.  Buffers
 * come back to a small pool when the last image goes: a fresh allocation
 * of several megabytes a frame costs more in page faults than drawing. */
#define POOL_SIZE 3

typedef struct _Pixels
{
  guint32 *pixels;
  gsize    size;
  gint     ref_count;
} Pixels;

G_LOCK_DEFINE_STATIC (pool);
static Pixels *pool[POOL_SIZE];

static Pixels *
pixels_new (gsize size)
{
  Pixels *px = NULL;

  G_LOCK (pool);
  for (guint i = 0; i < POOL_SIZE; i++)
    if (pool[i] != NULL && pool[i]->size == size)
      {
        px = g_steal_pointer (&pool[i]);
        break;
      }
  G_UNLOCK (pool);

  if (px == NULL)
    {
      px = g_new (Pixels, 1);
      px->pixels = g_new (guint32, size);
      px->size = size;
    }
  px->ref_count = 1;
  return px;
}

static Pixels *
pixels_ref (Pixels *px)
{
  g_atomic_int_inc (&px->ref_count);
  return px;
}

static void
pixels_unref (gpointer data)
{
  Pixels *px = data;
  Pixels *old;
  guint slot = 0;

  if (!g_atomic_int_dec_and_test (&px->ref_count))
    return;

  G_LOCK (pool);
  for (guint i = 0; i < POOL_SIZE; i++)
    if (pool[i] == NULL)
      {
        slot = i;
        break;
      }
  old = pool[slot];
  pool[slot] = px;
  G_UNLOCK (pool);

  if (old != NULL)
    {
      g_free (old->pixels);
      g_free (old);
    }
}

static void
image_release (gpointer data)
{
  cairo_surface_destroy (data);
}

static const cairo_user_data_key_t pixels_key;
static const cairo_user_data_key_t image_key;

/* Device rows [r0, r1) of the buffer, in the columns the lane drew on, as
 * an image at device resolution.  A cairo node, not a GdkTexture: GTK
 * 4.8's cairo renderer converts a memory texture pixel by pixel on every
 * draw, while an image surface is composited as it is (and the GL
 * renderer uploads either once for a node it keeps).  The node's
 * recording keeps the image alive, so cairo never copies it. */
void
_golanes_frame_append_image (Frame *f,
                             int    r0,
                             int    r1)
{
  cairo_surface_t *image;
  GskRenderNode *node;
  cairo_t *cr;
  double x;
  double y;

  r0 = MAX (r0, 0);
  r1 = MIN (r1, f->ph);
  if (r0 >= r1 || f->ext_x0 >= f->ext_x1)
    return;

  x = (double) f->ext_x0 / f->scale;
  y = (double) r0 / f->scale;
  image = cairo_image_surface_create_for_data ((guchar *) (f->pixels + (gsize) r0 * f->pw + f->ext_x0),
                                               CAIRO_FORMAT_ARGB32, f->ext_x1 - f->ext_x0, r1 - r0,
                                               f->pw * (int) sizeof (guint32));
  cairo_surface_set_user_data (image, &pixels_key, pixels_ref (f->buffer), pixels_unref);
  cairo_surface_set_device_scale (image, f->scale, f->scale);

  node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (x, y, (double) (f->ext_x1 - f->ext_x0) / f->scale,
                                                  (double) (r1 - r0) / f->scale));
  cr = gsk_cairo_node_get_draw_context (node);
  cairo_set_source_surface (cr, image, x, y);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_set_user_data (gsk_cairo_node_get_surface (node), &image_key, image, image_release);

  gtk_snapshot_append_node (f->snapshot, node);
  gsk_render_node_unref (node);
}


void
_golanes_frame_alloc_pixels (Frame *f)
{
  f->buffer = pixels_new ((gsize) f->pw * f->ph);
  f->pixels = f->buffer->pixels;
  for (guint i = 0; i < G_N_ELEMENTS (f->rows); i++)
    f->rows[i] = g_new (guint32, f->pw);
  f->marks = g_array_new (FALSE, FALSE, sizeof (int));
}

void
_golanes_frame_free_pixels (Frame *f)
{
  pixels_unref (g_steal_pointer (&f->buffer));
  f->pixels = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (f->rows); i++)
    g_clear_pointer (&f->rows[i], g_free);
  g_clear_pointer (&f->marks, g_array_unref);
}
