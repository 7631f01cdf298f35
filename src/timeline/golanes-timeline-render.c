/* golanes-timeline-render.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-timeline-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "golanes-palette.h"
#include "golanes-timeline-math.h"
#include "golanes-timeline-render.h"

#define HEADER_HEIGHT    24
#define GC_HEIGHT        22
#define PLOT_HEIGHT      44
#define PROC_HEIGHT      20
#define THREAD_HEIGHT    14
#define TASK_HEIGHT      16
#define GOROUTINE_HEIGHT 18
#define REGION_HEIGHT    12
#define LANE_GAP         2

struct _GolanesTimelineLayout
{
  GolanesDocument *document;
  GArray          *lanes;      /* GolanesLane */
  GPtrArray       *groups;     /* GolanesLaneGroup */
  gint32          *goroutine_lane;
  guint            n_goroutines;
  double           height;
  guint            serial;
  guint64          heap_max;
  gint32           count_max;
  /* Text nodes by label, colour and width: laying text out costs more
   * than the rest of a frame's text. */
  GHashTable      *text_cache;
  PangoContext    *text_pango;
  guint            text_pango_serial;
};

static void
lane_group_free (gpointer data)
{
  GolanesLaneGroup *group = data;

  g_free (group->title);
  g_array_unref (group->members);
  g_free (group);
}

static GolanesLaneGroup *
lane_group_new (GolanesGroupKind kind,
                char            *title,
                gboolean         collapsed)
{
  GolanesLaneGroup *group = g_new0 (GolanesLaneGroup, 1);

  group->kind = kind;
  group->title = title;
  group->collapsed = collapsed;
  group->members = g_array_new (FALSE, FALSE, sizeof (guint32));
  return group;
}

char *
golanes_timeline_dup_goroutine_function (GolanesTimeline *timeline,
                                         guint            goroutine)
{
  GolanesTimelineGoroutine g;
  const char *name;
  gsize len = 0;

  if (!golanes_timeline_get_goroutine (timeline, goroutine, &g) || g.start_func == 0)
    return g_strdup ("");

  name = golanes_stack_table_get_string (golanes_timeline_get_stack_table (timeline),
                                         g.start_func, &len);
  if (name == NULL)
    return g_strdup ("");
  return g_utf8_make_valid (name, len);
}

/* Runtime-internal: started by a runtime.* function other than
 * runtime.main, or by nothing we know of. */
static gboolean
is_runtime_function (const char *name)
{
  return name[0] == '\0' ||
         (g_str_has_prefix (name, "runtime.") && strcmp (name, "runtime.main") != 0);
}

static void
append_lane (GolanesTimelineLayout *self,
             GolanesLaneKind        kind,
             guint32                index,
             guint16                level,
             guint8                 group,
             double                 height)
{
  GolanesLane lane;

  lane.y = self->height;
  lane.height = height;
  lane.index = index;
  lane.level = level;
  lane.kind = kind;
  lane.group = group;
  g_array_append_val (self->lanes, lane);
  self->height += height + LANE_GAP;
}

static void
golanes_timeline_layout_rebuild (GolanesTimelineLayout *self)
{
  GolanesTimeline *timeline = golanes_document_get_timeline (self->document);

  g_array_set_size (self->lanes, 0);
  self->height = 0;
  for (guint i = 0; i < self->n_goroutines; i++)
    self->goroutine_lane[i] = -1;

  append_lane (self, GOLANES_LANE_GC, 0, 0, G_MAXUINT8, GC_HEIGHT);
  append_lane (self, GOLANES_LANE_HEAP, 0, 0, G_MAXUINT8, PLOT_HEIGHT);
  append_lane (self, GOLANES_LANE_COUNTS, 0, 0, G_MAXUINT8, PLOT_HEIGHT);

  for (guint g = 0; g < self->groups->len; g++)
    {
      const GolanesLaneGroup *group = g_ptr_array_index (self->groups, g);

      append_lane (self, GOLANES_LANE_HEADER, g, 0, g, HEADER_HEIGHT);
      if (group->collapsed)
        continue;

      for (guint m = 0; m < group->members->len; m++)
        {
          guint32 index = g_array_index (group->members, guint32, m);

          switch (group->kind)
            {
            case GOLANES_GROUP_PROCS:
              append_lane (self, GOLANES_LANE_PROC, index, 0, g, PROC_HEIGHT);
              break;
            case GOLANES_GROUP_THREADS:
              append_lane (self, GOLANES_LANE_THREAD, index, 0, g, THREAD_HEIGHT);
              break;
            case GOLANES_GROUP_TASKS:
              append_lane (self, GOLANES_LANE_TASK, index, 0, g, TASK_HEIGHT);
              break;
            case GOLANES_GROUP_GOROUTINES:
              {
                guint n_levels = golanes_timeline_get_goroutine_n_region_levels (timeline, index);

                self->goroutine_lane[index] = self->lanes->len;
                append_lane (self, GOLANES_LANE_GOROUTINE, index, 0, g, GOROUTINE_HEIGHT);
                for (guint l = 0; l < n_levels; l++)
                  append_lane (self, GOLANES_LANE_REGION, index, l, g, REGION_HEIGHT);
              }
              break;
            default:
              g_assert_not_reached ();
            }
        }
    }

  self->serial++;
}

GolanesTimelineLayout *
golanes_timeline_layout_new (GolanesDocument *document)
{
  GolanesTimelineLayout *self;
  GolanesTimeline *timeline;
  g_autoptr(GHashTable) by_function = NULL;
  GolanesLaneGroup *runtime_group = NULL;
  GolanesLaneGroup *group;
  const GolanesSeriesPoint *points;
  guint n_points;
  guint n;

  g_return_val_if_fail (document != NULL, NULL);

  self = g_new0 (GolanesTimelineLayout, 1);
  self->document = golanes_document_ref (document);
  self->lanes = g_array_new (FALSE, FALSE, sizeof (GolanesLane));
  self->groups = g_ptr_array_new_with_free_func (lane_group_free);
  timeline = golanes_document_get_timeline (document);

  n = golanes_timeline_get_n_procs (timeline);
  group = lane_group_new (GOLANES_GROUP_PROCS, g_strdup (_("Procs")), FALSE);
  for (guint32 i = 0; i < n; i++)
    g_array_append_val (group->members, i);
  g_ptr_array_add (self->groups, group);

  n = golanes_timeline_get_n_threads (timeline);
  group = lane_group_new (GOLANES_GROUP_THREADS, g_strdup (_("Threads")), TRUE);
  for (guint32 i = 0; i < n; i++)
    g_array_append_val (group->members, i);
  g_ptr_array_add (self->groups, group);

  n = golanes_timeline_get_n_task_rows (timeline);
  if (n > 0)
    {
      group = lane_group_new (GOLANES_GROUP_TASKS, g_strdup (_("Tasks")), FALSE);
      for (guint32 i = 0; i < n; i++)
        g_array_append_val (group->members, i);
      g_ptr_array_add (self->groups, group);
    }

  /* Goroutines grouped by start function, groups in order of their first
   * goroutine; runtime-internal ones last and collapsed. */
  self->n_goroutines = golanes_timeline_get_n_goroutines (timeline);
  self->goroutine_lane = g_new (gint32, MAX (self->n_goroutines, 1));
  by_function = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint32 i = 0; i < self->n_goroutines; i++)
    {
      g_autofree char *name = golanes_timeline_dup_goroutine_function (timeline, i);

      if (is_runtime_function (name))
        {
          if (runtime_group == NULL)
            {
              runtime_group = lane_group_new (GOLANES_GROUP_GOROUTINES,
                                              g_strdup (_("Runtime goroutines")), TRUE);
              runtime_group->runtime = TRUE;
            }
          g_array_append_val (runtime_group->members, i);
          continue;
        }

      group = g_hash_table_lookup (by_function, name);
      if (group == NULL)
        {
          group = lane_group_new (GOLANES_GROUP_GOROUTINES, g_strdup (name), FALSE);
          g_hash_table_insert (by_function, g_steal_pointer (&name), group);
          g_ptr_array_add (self->groups, group);
        }
      g_array_append_val (group->members, i);
    }
  if (runtime_group != NULL)
    g_ptr_array_add (self->groups, runtime_group);

  /* Big groups start collapsed, so that a trace with thousands of
   * goroutines opens on an overview rather than a wall of lanes. */
  for (guint g = 0; g < self->groups->len; g++)
    {
      group = g_ptr_array_index (self->groups, g);
      if (group->kind == GOLANES_GROUP_GOROUTINES && group->members->len > 200)
        group->collapsed = TRUE;
    }

  for (guint k = GOLANES_SERIES_HEAP_ALLOC; k <= GOLANES_SERIES_HEAP_GOAL; k++)
    {
      points = golanes_timeline_get_series (timeline, k, &n_points);
      for (guint i = 0; i < n_points; i++)
        self->heap_max = MAX (self->heap_max, points[i].value);
    }

  self->count_max = golanes_timeline_get_max_count_total (timeline);

  golanes_timeline_layout_rebuild (self);
  return self;
}

void
golanes_timeline_layout_free (GolanesTimelineLayout *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->document, golanes_document_unref);
  g_array_unref (self->lanes);
  g_ptr_array_unref (self->groups);
  g_free (self->goroutine_lane);
  g_clear_pointer (&self->text_cache, g_hash_table_unref);
  g_free (self);
}

guint
golanes_timeline_layout_get_n_lanes (GolanesTimelineLayout *self)
{
  return self->lanes->len;
}

const GolanesLane *
golanes_timeline_layout_get_lane (GolanesTimelineLayout *self,
                                  guint                  index)
{
  g_return_val_if_fail (index < self->lanes->len, NULL);

  return &g_array_index (self->lanes, GolanesLane, index);
}

double
golanes_timeline_layout_get_height (GolanesTimelineLayout *self)
{
  return self->height;
}

guint
golanes_timeline_layout_get_serial (GolanesTimelineLayout *self)
{
  return self->serial;
}

/* The first lane whose bottom is below @y. */
static guint
first_lane_below (GolanesTimelineLayout *self,
                  double                 y)
{
  guint lo = 0;
  guint hi = self->lanes->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const GolanesLane *lane = &g_array_index (self->lanes, GolanesLane, mid);

      if (lane->y + lane->height + LANE_GAP <= y)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

gint
golanes_timeline_layout_find_lane (GolanesTimelineLayout *self,
                                   double                 y)
{
  guint i = first_lane_below (self, y);
  const GolanesLane *lane;

  if (i >= self->lanes->len)
    return -1;
  lane = &g_array_index (self->lanes, GolanesLane, i);
  if (y < lane->y || y >= lane->y + lane->height)
    return -1;
  return i;
}

guint
golanes_timeline_layout_get_n_groups (GolanesTimelineLayout *self)
{
  return self->groups->len;
}

const GolanesLaneGroup *
golanes_timeline_layout_get_group (GolanesTimelineLayout *self,
                                   guint                  group)
{
  g_return_val_if_fail (group < self->groups->len, NULL);

  return g_ptr_array_index (self->groups, group);
}

void
golanes_timeline_layout_set_group_collapsed (GolanesTimelineLayout *self,
                                             guint                  group,
                                             gboolean               collapsed)
{
  GolanesLaneGroup *g;

  g_return_if_fail (group < self->groups->len);

  g = g_ptr_array_index (self->groups, group);
  if (g->collapsed == !!collapsed)
    return;
  g->collapsed = !!collapsed;
  golanes_timeline_layout_rebuild (self);
}

gint
golanes_timeline_layout_get_goroutine_lane (GolanesTimelineLayout *self,
                                            guint                  goroutine)
{
  if (goroutine >= self->n_goroutines)
    return -1;
  return self->goroutine_lane[goroutine];
}

gint
golanes_timeline_layout_reveal_goroutine (GolanesTimelineLayout *self,
                                          guint                  goroutine)
{
  if (goroutine >= self->n_goroutines)
    return -1;

  if (self->goroutine_lane[goroutine] < 0)
    {
      for (guint g = 0; g < self->groups->len; g++)
        {
          GolanesLaneGroup *group = g_ptr_array_index (self->groups, g);

          if (group->kind != GOLANES_GROUP_GOROUTINES)
            continue;
          for (guint m = 0; m < group->members->len; m++)
            {
              if (g_array_index (group->members, guint32, m) == goroutine)
                {
                  golanes_timeline_layout_set_group_collapsed (self, g, FALSE);
                  return self->goroutine_lane[goroutine];
                }
            }
        }
    }

  return self->goroutine_lane[goroutine];
}

guint
golanes_timeline_layout_count_lanes (GolanesTimelineLayout *self,
                                     GolanesLaneKind        kind)
{
  guint n = 0;

  for (guint i = 0; i < self->lanes->len; i++)
    if (g_array_index (self->lanes, GolanesLane, i).kind == kind)
      n++;
  return n;
}

char *
golanes_timeline_layout_dup_lane_label (GolanesTimelineLayout *self,
                                        guint                  index)
{
  GolanesTimeline *timeline = golanes_document_get_timeline (self->document);
  const GolanesLane *lane;

  g_return_val_if_fail (index < self->lanes->len, NULL);

  lane = &g_array_index (self->lanes, GolanesLane, index);
  switch ((GolanesLaneKind) lane->kind)
    {
    case GOLANES_LANE_HEADER:
      {
        const GolanesLaneGroup *group = g_ptr_array_index (self->groups, lane->index);

        /* Translators: a group of lanes: its name and how many it holds */
        return g_strdup_printf (_("%s %s (%u)"), group->collapsed ? "▸" : "▾",
                                group->title, group->members->len);
      }
    case GOLANES_LANE_GC:
      return g_strdup (_("GC"));
    case GOLANES_LANE_HEAP:
      {
        g_autofree char *max = g_format_size (self->heap_max);

        /* Translators: %s is the largest heap size, "64.0 MB" */
        return g_strdup_printf (_("Heap (%s)"), max);
      }
    case GOLANES_LANE_COUNTS:
      /* Translators: %d is the largest goroutine count */
      return g_strdup_printf (_("Goroutines (%d)"), self->count_max);
    case GOLANES_LANE_PROC:
      return g_strdup_printf ("P%" G_GINT64_FORMAT,
                              golanes_timeline_get_proc (timeline, lane->index)->id);
    case GOLANES_LANE_THREAD:
      return g_strdup_printf ("M%" G_GINT64_FORMAT,
                              golanes_timeline_get_thread (timeline, lane->index)->id);
    case GOLANES_LANE_TASK:
      /* Translators: %u is a row number of the task lanes */
      return g_strdup_printf (_("Tasks %u"), lane->index + 1);
    case GOLANES_LANE_GOROUTINE:
      {
        g_autofree char *name = golanes_timeline_dup_goroutine_function (timeline, lane->index);

        return g_strdup_printf ("G%" G_GINT64_FORMAT " %s",
                                golanes_timeline_get_goroutine_id (timeline, lane->index), name);
      }
    case GOLANES_LANE_REGION:
      /* Translators: %u is a nesting depth of user regions */
      return g_strdup_printf (_("regions %u"), lane->level + 1);
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

const char *
golanes_timeline_state_name (guint state)
{
  switch (state)
    {
    case GOLANES_G_CREATED:
      return _("created");
    case GOLANES_G_RUNNING:
      return _("running");
    case GOLANES_G_RUNNABLE:
      return _("runnable");
    case GOLANES_G_WAITING:
      return _("waiting");
    case GOLANES_G_SYSCALL:
      return _("in syscall");
    default:
      return _("unknown");
    }
}

/* Drawing
 *
 * The lanes' backgrounds, spans and goroutine counts are written into one
 * pixel buffer at device resolution (the widget's scale factor) and drawn
 * as a single texture: at overview zoom a lane has a colour for each of
 * thousands of pixel columns, and as render nodes they cost far more to
 * build and to rasterise than the pixels themselves.  Pixel columns are
 * the columns of the level-of-detail queries, so every edge falls on a
 * device pixel and nothing is blended.  Text, the heap plot and the
 * highlights stay render nodes above the texture. */

typedef struct
{
  double  x;
  double  y;
  double  width;
  double  height;
  double  clip_y;
  double  clip_height;
  GdkRGBA color;
  char   *text;
} Label;

typedef struct
{
  const GolanesTimelineRenderParams *p;
  GolanesTimeline *timeline;
  GtkSnapshot     *snapshot;
  PangoLayout     *layout;
  GArray          *items;
  GArray          *labels;     /* Label */
  double           data_width;
  double           ns_per_px;  /* per device pixel column */
  int              scale;
  /* The buffer covers the whole area, gutter included, in device pixels:
   * premultiplied ARGB in native byte order, as cairo's ARGB32.  Each lane
   * shows the part of its rows it drew on. */
  guint32         *pixels;
  int              pw;
  int              ph;
  int              data_x;     /* device column of the data area's left edge */
  int              n_cols;     /* device columns of the data area */
  struct _Pixels  *buffer;
  /* Scratch rows, one per band of a lane, and the columns drawn on. */
  guint32         *rows[3];
  int              ext_x0;
  int              ext_x1;
  /* LOD queries of the visible lanes, run ahead of drawing (prefetch_run). */
  struct _Prefetch *prefetch;
  guint            n_prefetch;
  guint            next_prefetch;
  /* The goroutine counts at each data column, sampled with the queries
   * when a counts lane is visible; NULL otherwise. */
  GolanesGoroutineCounts *count_cols;
} Frame;

static int
frame_scale (const GolanesTimelineRenderParams *p)
{
  return MAX (p->scale, 1);
}

static double
frame_x (const Frame *f,
         gint64       time)
{
  return GOLANES_TIMELINE_GUTTER +
         golanes_timeline_time_to_x (f->p->start, f->p->end, f->data_width, time);
}

static void
fill (Frame         *f,
      double         x,
      double         y,
      double         w,
      double         h,
      const GdkRGBA *color)
{
  gtk_snapshot_append_color (f->snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
}

static guint32
to_pixel (const GdkRGBA *color)
{
  double a = CLAMP (color->alpha, 0, 1);
  guint32 pa = (guint32) lround (a * 255);
  guint32 pr = (guint32) lround (CLAMP (color->red, 0, 1) * a * 255);
  guint32 pg = (guint32) lround (CLAMP (color->green, 0, 1) * a * 255);
  guint32 pb = (guint32) lround (CLAMP (color->blue, 0, 1) * a * 255);

  return (pa << 24) | (pr << 16) | (pg << 8) | pb;
}

static guint32
role_pixel (const Frame      *f,
            GolanesColorRole  role)
{
  return to_pixel (golanes_palette_get (role, f->p->dark));
}

#define TEXT_CACHE_MAX 2048

typedef struct
{
  GskRenderNode *node;
  int            width;
  int            height;
} TextEntry;

static void
text_entry_free (gpointer data)
{
  TextEntry *entry = data;

  g_clear_pointer (&entry->node, gsk_render_node_unref);
  g_free (entry);
}

/* The laid-out text, from the layout's cache while the Pango context is
 * unchanged. */
static const TextEntry *
text_entry (Frame         *f,
            const char    *str,
            int            width,
            const GdkRGBA *color)
{
  GolanesTimelineLayout *layout = f->p->layout;
  guint serial = pango_context_get_serial (f->p->pango);
  g_autofree char *key = NULL;
  GtkSnapshot *snapshot;
  TextEntry *entry;

  if (layout->text_cache == NULL || layout->text_pango != f->p->pango || layout->text_pango_serial != serial ||
      g_hash_table_size (layout->text_cache) > TEXT_CACHE_MAX)
    {
      g_clear_pointer (&layout->text_cache, g_hash_table_unref);
      layout->text_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, text_entry_free);
      layout->text_pango = f->p->pango;
      layout->text_pango_serial = serial;
    }

  key = g_strdup_printf ("%d %d %.4f %.4f %.4f %.4f %s", width, pango_layout_get_ellipsize (f->layout),
                         color->red, color->green, color->blue, color->alpha, str);
  entry = g_hash_table_lookup (layout->text_cache, key);
  if (entry != NULL)
    return entry;

  entry = g_new0 (TextEntry, 1);
  pango_layout_set_text (f->layout, str, -1);
  pango_layout_set_width (f->layout, width);
  pango_layout_get_pixel_size (f->layout, &entry->width, &entry->height);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_layout (snapshot, f->layout, color);
  entry->node = gtk_snapshot_free_to_node (snapshot);
  g_hash_table_insert (layout->text_cache, g_steal_pointer (&key), entry);
  return entry;
}

/* Draws @text at (@x, @y) clipped to @max_width; returns FALSE when not
 * even a few characters fit. */
static gboolean
text (Frame         *f,
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

  entry = text_entry (f, str, (int) (max_width * PANGO_SCALE), color);
  if (entry->node == NULL)
    return TRUE;

  gtk_snapshot_save (f->snapshot);
  gtk_snapshot_translate (f->snapshot, &GRAPHENE_POINT_INIT (x, y + floor ((lane_height - entry->height) / 2)));
  gtk_snapshot_append_node (f->snapshot, entry->node);
  gtk_snapshot_restore (f->snapshot);
  return TRUE;
}

/* A label inside a span, drawn once the texture is in place. */
static void
queue_label (Frame             *f,
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

static void
label_clear (gpointer data)
{
  Label *label = data;

  g_free (label->text);
}

/* Rows of the buffer */

static void
row_fill (guint32 *row,
          int      x0,
          int      x1,
          guint32  pixel)
{
  for (int x = x0; x < x1; x++)
    row[x] = pixel;
}

/* Columns [x0, x1) of this lane hold something. */
static void
extend (Frame *f,
        int    x0,
        int    x1)
{
  if (x0 >= x1)
    return;
  f->ext_x0 = MIN (f->ext_x0, x0);
  f->ext_x1 = MAX (f->ext_x1, x1);
}

/* The device columns [*x0, *x1) of the data area that @item is drawn on,
 * at least @min wide, given that the items before it in the query were
 * drawn up to column *claimed.  An item starting in a column its
 * predecessor ends in leaves that column to it, unless the item fits in
 * there entirely: then it is drawn over it, so that a short span between
 * two long ones stays visible.  Drawing and hit testing share this. */
static void
lod_columns (const GolanesLodItem *item,
             int                   min,
             int                   n_cols,
             int                  *claimed,
             int                  *x0,
             int                  *x1)
{
  int a = CLAMP (item->x0, 0, n_cols);
  int b = CLAMP (item->x1, a, n_cols);

  if (b - a < min)
    b = MIN (a + min, n_cols);
  if (a < *claimed && b > *claimed)
    a = *claimed;
  *claimed = MAX (*claimed, b);
  *x0 = a;
  *x1 = b;
}

/* The same in buffer columns, for the items of one query in order. */
static void
item_columns (const Frame          *f,
              const GolanesLodItem *item,
              int                   min,
              int                  *claimed,
              int                  *x0,
              int                  *x1)
{
  lod_columns (item, min, f->n_cols, claimed, x0, x1);
  *x0 += f->data_x;
  *x1 += f->data_x;
}

/* The device rows [top, bottom) of a lane at @y, clipped to the buffer. */
static void
lane_rows (const Frame *f,
           double       y,
           double       height,
           int         *top,
           int         *bottom)
{
  *top = (int) lround (y * f->scale);
  *bottom = (int) lround ((y + height) * f->scale);
}

/* Copies the drawn columns of @row into the buffer's device rows
 * [r0, r1). */
static void
put_rows (Frame         *f,
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
static void
rows_begin (Frame *f,
            int    n)
{
  for (int i = 0; i < n; i++)
    memset (f->rows[i] + f->data_x, 0, (gsize) f->n_cols * sizeof (guint32));
  f->ext_x0 = G_MAXINT;
  f->ext_x1 = 0;
}

static void append_image (Frame *f,
                          int    r0,
                          int    r1);

typedef struct _Prefetch
{
  GolanesTrack *track;
  GArray       *items;   /* GolanesLodItem */
} Prefetch;

/* The level-of-detail items of @track in the frame's window, in f->items.
 * Lanes query their tracks in the order prefetch_collect() lists them, so
 * the answer is usually already there. */
static guint
query (Frame        *f,
       GolanesTrack *track)
{
  g_array_set_size (f->items, 0);
  if (track == NULL)
    return 0;
  if (f->next_prefetch < f->n_prefetch && f->prefetch[f->next_prefetch].track == track)
    {
      Prefetch *pf = &f->prefetch[f->next_prefetch++];
      GArray *swap = f->items;

      f->items = pf->items;
      pf->items = swap;
      return f->items->len;
    }
  return golanes_track_query_lod (track, f->p->start, f->p->end, f->ns_per_px, f->items);
}

static const char *
reason_text (Frame *f,
             guint  reason)
{
  const char *name = reason != 0 ? golanes_timeline_get_reason (f->timeline, reason) : NULL;

  return name != NULL ? name : "";
}

static double
column_x (const Frame *f,
          int          x)
{
  return (double) x / f->scale;
}

#define CAP_HEIGHT    3
#define ASSIST_HEIGHT 4

static void
draw_goroutine_lane (Frame             *f,
                     const GolanesLane *lane,
                     double             y)
{
  guint32 merged = role_pixel (f, GOLANES_COLOR_MERGED);
  guint32 assist = role_pixel (f, GOLANES_COLOR_GC_ASSIST);
  guint32 states[GOLANES_TRACK_MAX_STATES];
  guint32 *body = f->rows[0];
  guint32 *top = f->rows[1];
  guint32 *bottom = f->rows[2];
  GolanesTrack *track = golanes_timeline_get_goroutine_states (f->timeline, lane->index);
  guint n = query (f, track);
  int claimed = 0;
  int r0;
  int r1;

  for (guint s = 0; s < GOLANES_TRACK_MAX_STATES; s++)
    states[s] = role_pixel (f, MIN (s, GOLANES_COLOR_SYSCALL));

  lane_rows (f, y, lane->height, &r0, &r1);
  rows_begin (f, 3);

  for (guint i = 0; i < n; i++)
    {
      const GolanesLodItem *item = &g_array_index (f->items, GolanesLodItem, i);
      guint32 pixel = states[MIN (item->state, GOLANES_TRACK_MAX_STATES - 1)];
      int x0;
      int x1;

      item_columns (f, item, 1, &claimed, &x0, &x1);
      extend (f, x0, x1);
      row_fill (body, x0, x1, pixel);
      row_fill (bottom, x0, x1, pixel);
      /* A dark cap tells merged runs from one long span. */
      row_fill (top, x0, x1, item->count > 1 ? merged : pixel);

      if (item->count == 1 && x1 - x0 > 60 * f->scale && item->state != GOLANES_G_RUNNING)
        {
          GolanesSpan span;

          golanes_track_get_span (track, item->first, &span);
          if (span.reason != 0)
            queue_label (f, reason_text (f, span.reason), column_x (f, x0) + 3, y,
                         column_x (f, x1 - x0) - 6, lane, y, &f->p->foreground);
        }
    }

  if (golanes_timeline_get_goroutine_assists (f->timeline, lane->index) != NULL)
    {
      n = query (f, golanes_timeline_get_goroutine_assists (f->timeline, lane->index));
      claimed = 0;
      for (guint i = 0; i < n; i++)
        {
          const GolanesLodItem *item = &g_array_index (f->items, GolanesLodItem, i);
          int x0;
          int x1;

          item_columns (f, item, 1, &claimed, &x0, &x1);
      extend (f, x0, x1);
          row_fill (bottom, x0, x1, assist);
        }
    }

  put_rows (f, top, r0, r0 + CAP_HEIGHT * f->scale);
  put_rows (f, body, r0 + CAP_HEIGHT * f->scale, r1 - ASSIST_HEIGHT * f->scale);
  put_rows (f, bottom, r1 - ASSIST_HEIGHT * f->scale, r1);
  append_image (f, r0, r1);
}

static void
draw_named_spans (Frame             *f,
                  const GolanesLane *lane,
                  double             y,
                  GolanesTrack      *track,
                  GolanesColorRole   role)
{
  GolanesStackTable *strings = golanes_timeline_get_stack_table (f->timeline);
  guint32 color = role_pixel (f, role);
  guint32 merged = role_pixel (f, GOLANES_COLOR_MERGED);
  GdkRGBA label_color = { 1, 1, 1, 1 };
  guint32 *row = f->rows[0];
  guint n = query (f, track);
  int claimed = 0;
  int r0;
  int r1;

  lane_rows (f, y, lane->height, &r0, &r1);
  rows_begin (f, 1);

  for (guint i = 0; i < n; i++)
    {
      const GolanesLodItem *item = &g_array_index (f->items, GolanesLodItem, i);
      int x0;
      int x1;

      item_columns (f, item, 1, &claimed, &x0, &x1);
      extend (f, x0, x1);
      row_fill (row, x0, x1, item->count > 1 ? merged : color);
      if (item->count == 1 && x1 - x0 > 30 * f->scale)
        {
          GolanesSpan span;
          guint32 type = 0;
          const char *name;
          gsize len = 0;

          golanes_track_get_span (track, item->first, &span);
          if (lane->kind == GOLANES_LANE_TASK)
            type = golanes_timeline_get_task (f->timeline, span.arg)->type;
          else
            type = golanes_timeline_get_region (f->timeline, span.arg)->type;
          name = type != 0 ? golanes_stack_table_get_string (strings, type, &len) : NULL;
          if (name != NULL && len > 0)
            {
              g_autofree char *valid = g_utf8_make_valid (name, len);

              queue_label (f, valid, column_x (f, x0) + 3, y, column_x (f, x1 - x0) - 6, lane, y, &label_color);
            }
        }
    }

  put_rows (f, row, r0, r1);
  append_image (f, r0, r1);
}

static void
draw_proc_like (Frame             *f,
                const GolanesLane *lane,
                double             y,
                GolanesTrack      *track,
                gboolean           by_goroutine)
{
  guint32 merged = role_pixel (f, GOLANES_COLOR_MERGED);
  GdkRGBA label_color = { 1, 1, 1, 1 };
  guint32 *row = f->rows[0];
  guint n = query (f, track);
  int claimed = 0;
  int r0;
  int r1;

  lane_rows (f, y, lane->height, &r0, &r1);
  rows_begin (f, 1);

  for (guint i = 0; i < n; i++)
    {
      const GolanesLodItem *item = &g_array_index (f->items, GolanesLodItem, i);
      GolanesSpan span;
      GdkRGBA color;
      int x0;
      int x1;

      item_columns (f, item, 1, &claimed, &x0, &x1);
      extend (f, x0, x1);
      if (item->count > 1)
        {
          row_fill (row, x0, x1, merged);
          continue;
        }

      golanes_track_get_span (track, item->first, &span);
      if (by_goroutine && span.state == GOLANES_G_RUNNING)
        golanes_palette_goroutine (span.arg, f->p->dark, &color);
      else
        color = *golanes_palette_get (span.state, f->p->dark);
      row_fill (row, x0, x1, to_pixel (&color));

      if (by_goroutine && x1 - x0 > 28 * f->scale)
        {
          GolanesTimelineGoroutine g;
          char label[32];

          if (golanes_timeline_get_goroutine (f->timeline, span.arg, &g))
            {
              g_snprintf (label, sizeof label, "G%" G_GINT64_FORMAT, g.id);
              queue_label (f, label, column_x (f, x0) + 3, y, column_x (f, x1 - x0) - 6, lane, y, &label_color);
            }
        }
    }

  put_rows (f, row, r0, r1);
  append_image (f, r0, r1);
}

/* A stop-the-world pause is at least this many pixels wide. */
#define STW_MIN_WIDTH 2
#define GC_MARK_INSET 4

static void
draw_gc_lane (Frame             *f,
              const GolanesLane *lane,
              double             y)
{
  GdkRGBA label_color = { 1, 1, 1, 1 };
  GolanesTrack *stw = golanes_timeline_get_stw_track (f->timeline);
  guint32 mark = role_pixel (f, GOLANES_COLOR_GC_MARK);
  guint32 pause = role_pixel (f, GOLANES_COLOR_GC_STW);
  guint32 *inner = f->rows[0];
  guint32 *outer = f->rows[1];
  guint n = query (f, golanes_timeline_get_gc_track (f->timeline));
  int claimed = 0;
  int r0;
  int r1;

  lane_rows (f, y, lane->height, &r0, &r1);
  rows_begin (f, 2);

  for (guint i = 0; i < n; i++)
    {
      const GolanesLodItem *item = &g_array_index (f->items, GolanesLodItem, i);
      int x0;
      int x1;

      item_columns (f, item, 1, &claimed, &x0, &x1);
      extend (f, x0, x1);
      row_fill (inner, x0, x1, mark);
    }

  /* Pauses drawn over the cycles, full height, in the strong colour. */
  n = query (f, stw);
  claimed = 0;
  for (guint i = 0; i < n; i++)
    {
      const GolanesLodItem *item = &g_array_index (f->items, GolanesLodItem, i);
      int x0;
      int x1;

      item_columns (f, item, STW_MIN_WIDTH * f->scale, &claimed, &x0, &x1);
      extend (f, x0, x1);
      row_fill (inner, x0, x1, pause);
      row_fill (outer, x0, x1, pause);
      if (item->count == 1 && x1 - x0 > 40 * f->scale)
        {
          GolanesSpan span;
          const GolanesTimelineRange *range;

          golanes_track_get_span (stw, item->first, &span);
          range = golanes_timeline_get_range (f->timeline, span.arg);
          if (range != NULL)
            queue_label (f, reason_text (f, range->reason), column_x (f, x0) + 3, y,
                         column_x (f, x1 - x0) - 6, lane, y, &label_color);
        }
    }

  put_rows (f, outer, r0, r0 + GC_MARK_INSET * f->scale);
  put_rows (f, inner, r0 + GC_MARK_INSET * f->scale, r1 - GC_MARK_INSET * f->scale);
  put_rows (f, outer, r1 - GC_MARK_INSET * f->scale, r1);
  append_image (f, r0, r1);
}

/* Index of the last series point at or before @time (0 if none). */
static guint
series_seek (const GolanesSeriesPoint *points,
             guint                     n,
             gint64                    time)
{
  guint lo = 0;
  guint hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (points[mid].time <= time)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo > 0 ? lo - 1 : 0;
}

/* The lowest and highest value of @points in effect during each of the
 * frame's columns: one pass over the points in view. */
static gboolean
series_columns (Frame                    *f,
                const GolanesSeriesPoint *points,
                guint                     n,
                guint64                  *lo,
                guint64                  *hi)
{
  guint64 level;
  int cur = 0;
  guint i;

  if (n == 0 || f->n_cols <= 0)
    return FALSE;

  i = series_seek (points, n, f->p->start);
  level = points[i].value;
  lo[0] = hi[0] = level;
  for (i++; i < n && points[i].time < f->p->end; i++)
    {
      gint64 col = golanes_lod_column (f->p->start, f->ns_per_px, points[i].time);

      if (col >= f->n_cols)
        break;
      while (cur < col)
        {
          cur++;
          lo[cur] = hi[cur] = level;
        }
      level = points[i].value;
      lo[cur] = MIN (lo[cur], level);
      hi[cur] = MAX (hi[cur], level);
    }
  while (cur < f->n_cols - 1)
    {
      cur++;
      lo[cur] = hi[cur] = level;
    }
  return TRUE;
}

static void
fill_column (Frame   *f,
             int      x,
             int      top,
             int      bottom,
             int      r0,
             int      r1,
             guint32  pixel)
{
  guint32 *p;

  top = MAX (top, MAX (r0, 0));
  bottom = MIN (bottom, MIN (r1, f->ph));
  if (top >= bottom)
    return;
  p = f->pixels + (gsize) top * f->pw + x;
  for (int r = top; r < bottom; r++, p += f->pw)
    *p = pixel;
}

/* The heap in use, filled under a line, and the heap goal dashed, as step
 * plots on device pixels: a column holding several points shows their
 * range as a vertical stroke. */
static void
draw_heap_lane (Frame             *f,
                const GolanesLane *lane,
                double             y)
{
  const GolanesSeriesPoint *points;
  GdkRGBA heap = *golanes_palette_get (GOLANES_COLOR_HEAP, f->p->dark);
  guint32 line = to_pixel (&heap);
  guint32 goal = role_pixel (f, GOLANES_COLOR_HEAP_GOAL);
  guint64 max = f->p->layout->heap_max;
  g_autofree guint64 *lo = NULL;
  g_autofree guint64 *hi = NULL;
  guint32 area;
  double scale;
  int goal_width = MAX ((int) lround (1.5 * f->scale), 1);
  int r0;
  int r1;
  guint n;

  if (max == 0 || f->n_cols <= 0)
    return;

  heap.alpha = 0.35;
  area = to_pixel (&heap);
  lane_rows (f, y, lane->height, &r0, &r1);
  scale = (r1 - r0 - 2 * f->scale) / (double) max;
  for (int r = MAX (r0, 0); r < MIN (r1, f->ph); r++)
    memset (f->pixels + (gsize) r * f->pw + f->data_x, 0, (gsize) f->n_cols * sizeof (guint32));
  f->ext_x0 = f->data_x;
  f->ext_x1 = f->data_x + f->n_cols;
  lo = g_new (guint64, f->n_cols);
  hi = g_new (guint64, f->n_cols);

  points = golanes_timeline_get_series (f->timeline, GOLANES_SERIES_HEAP_ALLOC, &n);
  if (series_columns (f, points, n, lo, hi))
    for (int c = 0; c < f->n_cols; c++)
      {
        int top = (int) floor (r1 - hi[c] * scale - f->scale * 0.5);
        int bottom = (int) floor (r1 - lo[c] * scale - f->scale * 0.5) + f->scale;

        fill_column (f, f->data_x + c, top, r1, r0, r1, area);
        fill_column (f, f->data_x + c, top, bottom, r0, r1, line);
      }

  points = golanes_timeline_get_series (f->timeline, GOLANES_SERIES_HEAP_GOAL, &n);
  if (series_columns (f, points, n, lo, hi))
    for (int c = 0; c < f->n_cols; c++)
      {
        int top = (int) floor (r1 - hi[c] * scale - goal_width * 0.5);
        int bottom = (int) floor (r1 - lo[c] * scale - goal_width * 0.5) + goal_width;

        /* Dashes 4 pixels long, 3 apart; a change always shows. */
        if (lo[c] != hi[c] || (c / f->scale) % 7 < 4)
          fill_column (f, f->data_x + c, top, bottom, r0, r1, goal);
      }

  append_image (f, r0, r1);
}

static void
counts_at_column (const Frame            *f,
                  int                     c,
                  GolanesGoroutineCounts *out)
{
  golanes_timeline_get_counts_at (f->timeline, f->p->start + (gint64) ((c + 0.5) * f->ns_per_px), out);
}

static gboolean
same_counts (const GolanesGoroutineCounts *a,
             const GolanesGoroutineCounts *b)
{
  return a->time == b->time && a->running == b->running && a->runnable == b->runnable &&
         a->waiting == b->waiting && a->syscall == b->syscall;
}

/* The counts in effect at the middle of each of the columns [@c0, @n),
 * into @cols[@c0..@n).  Counts
 * come with the time of the change they follow, so two columns with the
 * same one have no change between them: runs of equal columns are found
 * by galloping instead of one lookup per column. */
static void
sample_counts (const Frame            *f,
               GolanesGoroutineCounts *cols,
               int                     c0,
               int                     n)
{
  int c = c0;

  if (c >= n)
    return;
  counts_at_column (f, c, &cols[c]);
  while (c < n)
    {
      GolanesGoroutineCounts probe;
      int lo = c;
      int hi = n;
      int step = 1;

      /* cols[c] is known; find the last column with the same counts. */
      while (lo + step < n)
        {
          counts_at_column (f, lo + step, &probe);
          if (!same_counts (&probe, &cols[c]))
            {
              hi = lo + step;
              cols[hi] = probe;
              break;
            }
          lo += step;
          step *= 2;
        }
      while (hi - lo > 1)
        {
          int mid = lo + (hi - lo) / 2;

          counts_at_column (f, mid, &probe);
          if (same_counts (&probe, &cols[c]))
            lo = mid;
          else
            {
              hi = mid;
              cols[hi] = probe;
            }
        }
      for (int i = c + 1; i <= lo; i++)
        cols[i] = cols[c];
      c = lo + 1;
      /* cols[hi] holds the counts of the first differing column probed
       * last at that index, unless hi is the end. */
      if (c < n && c != hi)
        counts_at_column (f, c, &cols[c]);
    }
}

static void
draw_counts_lane (Frame             *f,
                  const GolanesLane *lane,
                  double             y)
{
  static const GolanesColorRole roles[] = {
    GOLANES_COLOR_RUNNING, GOLANES_COLOR_RUNNABLE, GOLANES_COLOR_WAITING,
  };
  gint32 max = f->p->layout->count_max;
  guint32 pixels[G_N_ELEMENTS (roles)];
  g_autofree GolanesGoroutineCounts *own_cols = NULL;
  const GolanesGoroutineCounts *cols;
  double scale;
  int r0;
  int r1;

  if (max <= 0 || f->n_cols <= 0)
    return;

  lane_rows (f, y, lane->height, &r0, &r1);
  scale = (r1 - r0 - 2 * f->scale) / (double) max;
  for (guint k = 0; k < G_N_ELEMENTS (roles); k++)
    pixels[k] = role_pixel (f, roles[k]);
  for (int r = MAX (r0, 0); r < MIN (r1, f->ph); r++)
    memset (f->pixels + (gsize) r * f->pw + f->data_x, 0, (gsize) f->n_cols * sizeof (guint32));
  f->ext_x0 = f->data_x;
  f->ext_x1 = f->data_x + f->n_cols;

  /* Per column: the counts in effect at its middle, stacked from the
   * bottom of the lane. */
  cols = f->count_cols;
  if (cols == NULL)
    {
      own_cols = g_new (GolanesGoroutineCounts, f->n_cols);
      sample_counts (f, own_cols, 0, f->n_cols);
      cols = own_cols;
    }
  for (int c = 0; c < f->n_cols; c++)
    {
      const GolanesGoroutineCounts *counts = &cols[c];
      int level[G_N_ELEMENTS (roles)];
      int from = r1;

      level[0] = counts->running;
      level[1] = level[0] + counts->runnable;
      level[2] = level[1] + counts->waiting + counts->syscall;

      for (guint k = 0; k < G_N_ELEMENTS (roles); k++)
        {
          int to = r1 - (int) lround (level[k] * scale);
          guint32 *p;

          to = MAX (to, MAX (r0, 0));
          from = MIN (from, f->ph);
          if (to < from)
            {
              p = f->pixels + (gsize) to * f->pw + f->data_x + c;
              for (int r = to; r < from; r++, p += f->pw)
                *p = pixels[k];
            }
          from = MIN (from, to);
        }
    }

  append_image (f, r0, r1);
}

static void
draw_highlights (Frame *f)
{
  const GdkRGBA *color = golanes_palette_get (GOLANES_COLOR_HIGHLIGHT, f->p->dark);
  GdkRGBA outline = *golanes_palette_get (GOLANES_COLOR_HEAP, f->p->dark);

  for (guint i = 0; i < f->p->n_highlight; i++)
    {
      const GolanesSessionInterval *iv = &f->p->highlight[i];
      double x0 = MAX (frame_x (f, iv->start), GOLANES_TIMELINE_GUTTER);
      double x1 = MIN (frame_x (f, iv->end), GOLANES_TIMELINE_GUTTER + f->data_width);
      double y = 0;
      double h = f->p->height;

      if (iv->end < f->p->start || iv->start > f->p->end)
        continue;
      x1 = MAX (x1, x0 + 2);

      if (iv->goroutine >= 0)
        {
          gint index = golanes_timeline_lookup_goroutine (f->timeline, iv->goroutine);
          gint lane_index = index >= 0 ? golanes_timeline_layout_get_goroutine_lane (f->p->layout, index) : -1;
          const GolanesLane *lane;

          if (lane_index < 0)
            continue;
          lane = golanes_timeline_layout_get_lane (f->p->layout, lane_index);
          y = lane->y - f->p->scroll_y - 1;
          h = lane->height + 2;
          if (y + h < 0 || y > f->p->height)
            continue;
        }

      if (iv->goroutine >= 0)
        fill (f, x0, y, x1 - x0, h, color);
      else
        {
          /* A time range across every lane: a light tint, so that the
           * spans under it keep their colours. */
          GdkRGBA tint = *color;

          tint.alpha *= 0.45;
          fill (f, x0, y, x1 - x0, h, &tint);
        }
      fill (f, x0, y, 1, h, &outline);
      fill (f, x1 - 1, y, 1, h, &outline);
    }
}

static PangoLayout *
create_layout (PangoContext *context,
               double        scale)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (context));

  if (pango_font_description_get_size (font) > 0)
    pango_font_description_set_size (font, (int) (pango_font_description_get_size (font) * scale));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_font_description_free (font);
  return layout;
}

static void
frame_init (Frame                             *f,
            const GolanesTimelineRenderParams *p,
            GtkSnapshot                       *snapshot)
{
  memset (f, 0, sizeof *f);
  f->p = p;
  f->timeline = golanes_document_get_timeline (p->document);
  f->snapshot = snapshot;
  f->data_width = p->width - GOLANES_TIMELINE_GUTTER;
  f->scale = frame_scale (p);
  f->data_x = GOLANES_TIMELINE_GUTTER * f->scale;
  f->pw = (int) ceil (p->width * f->scale);
  f->ph = (int) ceil (p->height * f->scale);
  f->n_cols = MAX (f->pw - f->data_x, 0);
  /* Columns of the LOD queries are device pixels. */
  f->ns_per_px = (double) (p->end - p->start) / (f->data_width * f->scale);
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
static void
append_image (Frame *f,
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

/* Prefetching.  At overview zoom the LOD queries are most of a frame's
 * work, and they only read finished tracks, so the visible lanes' queries
 * run first, spread over a few worker threads and the calling thread; the
 * drawing that follows stays on the calling thread (snapshots are not
 * thread-safe).  Every thread takes the next unclaimed query until none is
 * left, and the caller waits for the workers it woke. */

#define MAX_PREFETCH_WORKERS 3

/* The counts lane's columns are sampled in this many pieces. */
#define COUNT_CHUNKS 8

typedef struct
{
  const Frame *f;
  Prefetch    *queries;
  guint        n_queries;
  guint        n;         /* queries, then count chunks */
  gint         next;      /* atomic: the next piece of work to claim */
  guint        pending;   /* workers not yet done, under mutex */
  GMutex       mutex;
  GCond        cond;
} PrefetchJob;

static void
prefetch_drain (PrefetchJob *job)
{
  for (;;)
    {
      guint i = (guint) g_atomic_int_add (&job->next, 1);

      if (i >= job->n)
        return;
      if (i < job->n_queries)
        golanes_track_query_lod (job->queries[i].track, job->f->p->start, job->f->p->end,
                                 job->f->ns_per_px, job->queries[i].items);
      else
        {
          int n_cols = job->f->n_cols;
          guint k = i - job->n_queries;

          sample_counts (job->f, job->f->count_cols,
                         (int) ((gint64) n_cols * k / COUNT_CHUNKS),
                         (int) ((gint64) n_cols * (k + 1) / COUNT_CHUNKS));
        }
    }
}

static void
prefetch_worker (gpointer data,
                 gpointer user_data G_GNUC_UNUSED)
{
  PrefetchJob *job = data;

  prefetch_drain (job);
  g_mutex_lock (&job->mutex);
  if (--job->pending == 0)
    g_cond_signal (&job->cond);
  g_mutex_unlock (&job->mutex);
}

static GThreadPool *
prefetch_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    {
      int workers = MIN ((int) g_get_num_processors () - 1, MAX_PREFETCH_WORKERS);
      GThreadPool *created = NULL;

      if (workers > 0)
        created = g_thread_pool_new (prefetch_worker, NULL, workers, FALSE, NULL);
      /* g_once_init_leave() needs a non-NULL value: a sentinel for none. */
      g_once_init_leave (&pool, created != NULL ? created : (GThreadPool *) &pool);
    }
  return pool == (GThreadPool *) &pool ? NULL : pool;
}

static void
prefetch_add (GArray       *list,
              GolanesTrack *track)
{
  Prefetch pf;

  if (track == NULL)
    return;
  pf.track = track;
  pf.items = g_array_new (FALSE, FALSE, sizeof (GolanesLodItem));
  g_array_append_val (list, pf);
}

/* The tracks the lanes [first, last) query, in the order they query them;
 * and the counts lane's columns if it is among them. */
static void
prefetch_collect (Frame  *f,
                  guint   first,
                  guint   last,
                  GArray *list)
{
  for (guint i = first; i < last; i++)
    {
      const GolanesLane *lane = golanes_timeline_layout_get_lane (f->p->layout, i);

      switch ((GolanesLaneKind) lane->kind)
        {
        case GOLANES_LANE_GC:
          prefetch_add (list, golanes_timeline_get_gc_track (f->timeline));
          prefetch_add (list, golanes_timeline_get_stw_track (f->timeline));
          break;
        case GOLANES_LANE_PROC:
          prefetch_add (list, golanes_timeline_get_proc (f->timeline, lane->index)->goroutines);
          break;
        case GOLANES_LANE_THREAD:
          prefetch_add (list, golanes_timeline_get_thread (f->timeline, lane->index)->goroutines);
          break;
        case GOLANES_LANE_TASK:
          prefetch_add (list, golanes_timeline_get_task_row (f->timeline, lane->index));
          break;
        case GOLANES_LANE_GOROUTINE:
          prefetch_add (list, golanes_timeline_get_goroutine_states (f->timeline, lane->index));
          prefetch_add (list, golanes_timeline_get_goroutine_assists (f->timeline, lane->index));
          break;
        case GOLANES_LANE_REGION:
          prefetch_add (list, golanes_timeline_get_goroutine_region_level (f->timeline, lane->index, lane->level));
          break;
        case GOLANES_LANE_COUNTS:
          if (f->count_cols == NULL && f->n_cols > 0 && f->p->layout->count_max > 0)
            f->count_cols = g_new (GolanesGoroutineCounts, f->n_cols);
          break;
        case GOLANES_LANE_HEADER:
        case GOLANES_LANE_HEAP:
        default:
          break;
        }
    }
}

static void
prefetch_run (Frame *f,
              guint  first,
              guint  last)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (Prefetch));
  GThreadPool *pool;
  PrefetchJob job = { 0, };
  guint woken = 0;

  prefetch_collect (f, first, last, list);
  f->n_prefetch = list->len;
  f->next_prefetch = 0;
  f->prefetch = (Prefetch *) (gpointer) g_array_free (list, FALSE);

  job.f = f;
  job.queries = f->prefetch;
  job.n_queries = f->n_prefetch;
  job.n = job.n_queries + (f->count_cols != NULL ? COUNT_CHUNKS : 0);
  if (job.n == 0)
    return;
  g_mutex_init (&job.mutex);
  g_cond_init (&job.cond);

  pool = job.n > 1 ? prefetch_pool () : NULL;
  if (pool != NULL)
    {
      woken = MIN ((guint) g_thread_pool_get_max_threads (pool), job.n - 1);
      job.pending = woken;
      for (guint i = 0; i < woken; i++)
        g_thread_pool_push (pool, &job, NULL);
    }

  prefetch_drain (&job);

  g_mutex_lock (&job.mutex);
  while (job.pending > 0)
    g_cond_wait (&job.cond, &job.mutex);
  g_mutex_unlock (&job.mutex);
  g_mutex_clear (&job.mutex);
  g_cond_clear (&job.cond);
}

static void
prefetch_free (Frame *f)
{
  for (guint i = 0; i < f->n_prefetch; i++)
    g_array_unref (f->prefetch[i].items);
  g_clear_pointer (&f->prefetch, g_free);
  g_clear_pointer (&f->count_cols, g_free);
  f->n_prefetch = 0;
  f->next_prefetch = 0;
}

void
golanes_timeline_render_lanes (const GolanesTimelineRenderParams *p,
                               GtkSnapshot                       *snapshot)
{
  GolanesTimelineLayout *layout;
  Frame f;
  GdkRGBA dim;
  guint first;
  guint last;
  guint n_lanes;

  g_return_if_fail (p != NULL && p->layout != NULL && p->document != NULL);
  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));

  if (p->width <= GOLANES_TIMELINE_GUTTER || p->height <= 0 || p->end <= p->start)
    return;

  layout = p->layout;
  frame_init (&f, p, snapshot);
  f.layout = create_layout (p->pango, 0.85);
  f.items = g_array_new (FALSE, FALSE, sizeof (GolanesLodItem));
  f.labels = g_array_new (FALSE, FALSE, sizeof (Label));
  g_array_set_clear_func (f.labels, label_clear);
  f.buffer = pixels_new ((gsize) f.pw * f.ph);
  f.pixels = f.buffer->pixels;
  for (guint i = 0; i < G_N_ELEMENTS (f.rows); i++)
    f.rows[i] = g_new (guint32, f.pw);

  dim = p->foreground;
  dim.alpha *= 0.7;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, p->width, p->height));

  /* The visible lanes, their queries ahead of drawing. */
  n_lanes = golanes_timeline_layout_get_n_lanes (layout);
  first = first_lane_below (layout, p->scroll_y);
  for (last = first; last < n_lanes; last++)
    if (golanes_timeline_layout_get_lane (layout, last)->y - p->scroll_y >= p->height)
      break;
  prefetch_run (&f, first, last);

  /* Backgrounds as nodes, then each lane's spans or plot as an image. */
  for (guint i = first; i < last; i++)
    {
      const GolanesLane *lane = golanes_timeline_layout_get_lane (layout, i);
      double y = lane->y - p->scroll_y;

      if (lane->kind == GOLANES_LANE_HEADER)
        {
          fill (&f, 0, y, p->width, lane->height, golanes_palette_get (GOLANES_COLOR_HEADER, p->dark));
          continue;
        }

      if (i % 2 == 1)
        fill (&f, 0, y, p->width, lane->height, golanes_palette_get (GOLANES_COLOR_LANE_ALT, p->dark));

      switch ((GolanesLaneKind) lane->kind)
        {
        case GOLANES_LANE_GC:
          draw_gc_lane (&f, lane, y);
          break;
        case GOLANES_LANE_HEAP:
          draw_heap_lane (&f, lane, y);
          break;
        case GOLANES_LANE_COUNTS:
          draw_counts_lane (&f, lane, y);
          break;
        case GOLANES_LANE_PROC:
          draw_proc_like (&f, lane, y, golanes_timeline_get_proc (f.timeline, lane->index)->goroutines, TRUE);
          break;
        case GOLANES_LANE_THREAD:
          draw_proc_like (&f, lane, y, golanes_timeline_get_thread (f.timeline, lane->index)->goroutines, FALSE);
          break;
        case GOLANES_LANE_TASK:
          draw_named_spans (&f, lane, y, golanes_timeline_get_task_row (f.timeline, lane->index),
                            GOLANES_COLOR_TASK);
          break;
        case GOLANES_LANE_GOROUTINE:
          draw_goroutine_lane (&f, lane, y);
          break;
        case GOLANES_LANE_REGION:
          draw_named_spans (&f, lane, y,
                            golanes_timeline_get_goroutine_region_level (f.timeline, lane->index, lane->level),
                            GOLANES_COLOR_REGION);
          break;
        case GOLANES_LANE_HEADER:
        default:
          g_assert_not_reached ();
        }
    }
  pixels_unref (g_steal_pointer (&f.buffer));
  prefetch_free (&f);

  /* Then the text over it. */
  for (guint i = first; i < last; i++)
    {
      const GolanesLane *lane = golanes_timeline_layout_get_lane (layout, i);
      double y = lane->y - p->scroll_y;
      g_autofree char *label = golanes_timeline_layout_dup_lane_label (layout, i);

      if (lane->kind == GOLANES_LANE_HEADER)
        {
          pango_layout_set_ellipsize (f.layout, PANGO_ELLIPSIZE_MIDDLE);
          text (&f, label, 6, y, p->width / 2, lane->height, &p->foreground);
          pango_layout_set_ellipsize (f.layout, PANGO_ELLIPSIZE_END);
          continue;
        }

      text (&f, label, lane->kind == GOLANES_LANE_REGION ? 24 : 10, y,
            GOLANES_TIMELINE_GUTTER - 16, lane->height,
            lane->kind == GOLANES_LANE_REGION ? &dim : &p->foreground);
    }

  for (guint i = 0; i < f.labels->len; i++)
    {
      const Label *l = &g_array_index (f.labels, Label, i);

      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (GOLANES_TIMELINE_GUTTER, l->clip_y,
                                                             f.data_width, l->clip_height));
      text (&f, l->text, l->x, l->y, l->width, l->height, &l->color);
      gtk_snapshot_pop (snapshot);
    }

  fill (&f, GOLANES_TIMELINE_GUTTER - 1, 0, 1, p->height, golanes_palette_get (GOLANES_COLOR_GRID, p->dark));
  draw_highlights (&f);

  gtk_snapshot_pop (snapshot);

  for (guint i = 0; i < G_N_ELEMENTS (f.rows); i++)
    g_free (f.rows[i]);
  g_array_unref (f.labels);
  g_array_unref (f.items);
  g_object_unref (f.layout);
}

/* Only the highlighted ranges of golanes_timeline_render_lanes(), for a
 * caller that keeps the lanes' render node while highlights change. */
void
golanes_timeline_render_highlights (const GolanesTimelineRenderParams *p,
                                    GtkSnapshot                       *snapshot)
{
  Frame f;

  g_return_if_fail (p != NULL && p->layout != NULL && p->document != NULL);
  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));

  if (p->width <= GOLANES_TIMELINE_GUTTER || p->height <= 0 || p->end <= p->start || p->n_highlight == 0)
    return;

  frame_init (&f, p, snapshot);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, p->width, p->height));
  draw_highlights (&f);
  gtk_snapshot_pop (snapshot);
}

void
golanes_timeline_render_ruler (const GolanesTimelineRenderParams *p,
                               double                             height,
                               GtkSnapshot                       *snapshot)
{
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (GolanesTick));
  const GdkRGBA *grid = golanes_palette_get (GOLANES_COLOR_GRID, p->dark);
  GolanesTimeline *timeline = golanes_document_get_timeline (p->document);
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *span = NULL;
  double data_width = p->width - GOLANES_TIMELINE_GUTTER;
  double last_right = -G_MAXDOUBLE;
  Frame f = { 0, };

  g_return_if_fail (p != NULL && p->layout != NULL && p->document != NULL);
  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));

  if (data_width <= 0 || p->end <= p->start)
    return;

  layout = create_layout (p->pango, 0.85);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  f.p = p;
  f.snapshot = snapshot;
  f.layout = layout;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, p->width, height));

  /* The visible duration, in the gutter. */
  span = golanes_timeline_format_duration (p->end - p->start);
  text (&f, span, 10, 0, GOLANES_TIMELINE_GUTTER - 16, height, &p->foreground);

  golanes_timeline_ticks (p->start, p->end, golanes_timeline_get_start_time (timeline),
                          data_width, 110, ticks);
  for (guint i = 0; i < ticks->len; i++)
    {
      const GolanesTick *tick = &g_array_index (ticks, GolanesTick, i);
      double x = GOLANES_TIMELINE_GUTTER + floor (tick->x);
      const TextEntry *label;

      fill (&f, x, height - 8, 1, 8, &p->foreground);
      label = text_entry (&f, tick->label, -1, &p->foreground);
      if (x + 4 <= last_right || x + 4 + label->width > p->width || label->node == NULL)
        continue;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + 4, floor ((height - 8 - label->height) / 2) + 2));
      gtk_snapshot_append_node (snapshot, label->node);
      gtk_snapshot_restore (snapshot);
      last_right = x + 4 + label->width + 8;
    }
  fill (&f, 0, height - 1, p->width, 1, grid);

  gtk_snapshot_pop (snapshot);
}

/* The item of @items drawn on @column, as the frame drew them: the last
 * one, since a later item is drawn over an earlier one. */
static void
find_item (GArray         *items,
           gint64          column,
           int             min,
           int             n_cols,
           GolanesLodItem *out)
{
  int claimed = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const GolanesLodItem *item = &g_array_index (items, GolanesLodItem, i);
      int x0;
      int x1;

      lod_columns (item, min, n_cols, &claimed, &x0, &x1);
      if (column >= x0 && column < x1)
        *out = *item;
      else if (item->x0 > column)
        break;
    }
}

gboolean
golanes_timeline_hit_test (const GolanesTimelineRenderParams *p,
                           double                             x,
                           double                             y,
                           GolanesTimelineHit                *hit)
{
  GolanesTimeline *timeline;
  const GolanesLane *lane;
  g_autoptr(GArray) items = NULL;
  double data_width = p->width - GOLANES_TIMELINE_GUTTER;
  double ns_per_px;
  gint64 column;
  int n_cols;
  gint index;
  int scale;

  g_return_val_if_fail (hit != NULL, FALSE);

  memset (hit, 0, sizeof *hit);
  hit->lane = -1;
  index = golanes_timeline_layout_find_lane (p->layout, y + p->scroll_y);
  if (index < 0)
    return FALSE;

  lane = golanes_timeline_layout_get_lane (p->layout, index);
  hit->lane = index;
  hit->kind = lane->kind;
  hit->index = lane->index;
  hit->level = lane->level;

  if (x < GOLANES_TIMELINE_GUTTER || data_width <= 0)
    return TRUE;

  timeline = golanes_document_get_timeline (p->document);
  switch ((GolanesLaneKind) lane->kind)
    {
    case GOLANES_LANE_GC:
      hit->track = golanes_timeline_get_stw_track (timeline);
      break;
    case GOLANES_LANE_PROC:
      hit->track = golanes_timeline_get_proc (timeline, lane->index)->goroutines;
      break;
    case GOLANES_LANE_THREAD:
      hit->track = golanes_timeline_get_thread (timeline, lane->index)->goroutines;
      break;
    case GOLANES_LANE_TASK:
      hit->track = golanes_timeline_get_task_row (timeline, lane->index);
      break;
    case GOLANES_LANE_GOROUTINE:
      hit->track = golanes_timeline_get_goroutine_states (timeline, lane->index);
      break;
    case GOLANES_LANE_REGION:
      hit->track = golanes_timeline_get_goroutine_region_level (timeline, lane->index, lane->level);
      break;
    case GOLANES_LANE_HEADER:
    case GOLANES_LANE_HEAP:
    case GOLANES_LANE_COUNTS:
    default:
      return TRUE;
    }

  /* The same query the frame drew, on the same device pixel columns, so
   * the tooltip describes exactly the rectangle under the pointer, merged
   * or not.  Where items share a column the later one is drawn. */
  scale = frame_scale (p);
  ns_per_px = (double) (p->end - p->start) / (data_width * scale);
  n_cols = (int) ceil (p->width * scale) - GOLANES_TIMELINE_GUTTER * scale;
  items = g_array_new (FALSE, FALSE, sizeof (GolanesLodItem));
  golanes_track_query_lod (hit->track, p->start, p->end, ns_per_px, items);
  column = (gint64) floor ((x - GOLANES_TIMELINE_GUTTER) * scale);
  find_item (items, column, lane->kind == GOLANES_LANE_GC ? STW_MIN_WIDTH * scale : 1, n_cols, &hit->item);

  /* A pause in the GC lane is thin: fall back to the cycle under it. */
  if (hit->item.count == 0 && lane->kind == GOLANES_LANE_GC)
    {
      hit->track = golanes_timeline_get_gc_track (timeline);
      g_array_set_size (items, 0);
      golanes_track_query_lod (hit->track, p->start, p->end, ns_per_px, items);
      find_item (items, column, 1, n_cols, &hit->item);
    }

  return TRUE;
}

char *
golanes_timeline_describe_hit (GolanesDocument          *document,
                               const GolanesTimelineHit *hit)
{
  GolanesTimeline *timeline = golanes_document_get_timeline (document);
  GolanesStackTable *strings = golanes_timeline_get_stack_table (timeline);
  gint64 origin = golanes_timeline_get_start_time (timeline);
  g_autofree char *duration = NULL;
  g_autofree char *at = NULL;
  GString *out;
  GolanesSpan span;

  g_return_val_if_fail (hit != NULL, NULL);

  if (hit->item.count == 0 || hit->track == NULL)
    return NULL;

  out = g_string_new (NULL);
  duration = golanes_timeline_format_duration (hit->item.end - hit->item.start);
  at = golanes_timeline_format_duration (hit->item.start - origin);

  if (hit->item.count > 1)
    {
      /* Translators: a run of spans too short to draw one by one */
      g_string_append_printf (out, _("%u spans merged, mostly %s"), hit->item.count,
                              hit->kind == GOLANES_LANE_GOROUTINE ? golanes_timeline_state_name (hit->item.state)
                                                                 : golanes_timeline_state_name (GOLANES_G_RUNNING));
      g_string_append_c (out, '\n');
      g_string_append_printf (out, _("Start: %s  Duration: %s"), at, duration);
      return g_string_free (out, FALSE);
    }

  golanes_track_get_span (hit->track, hit->item.first, &span);

  switch ((GolanesLaneKind) hit->kind)
    {
    case GOLANES_LANE_GOROUTINE:
      {
        g_autofree char *func = golanes_timeline_dup_goroutine_function (timeline, hit->index);
        const char *reason = span.reason != 0 ? golanes_timeline_get_reason (timeline, span.reason) : NULL;

        g_string_append_printf (out, "G%" G_GINT64_FORMAT " %s\n",
                                golanes_timeline_get_goroutine_id (timeline, hit->index), func);
        g_string_append (out, golanes_timeline_state_name (span.state));
        if (reason != NULL && reason[0] != '\0')
          g_string_append_printf (out, " (%s)", reason);
      }
      break;
    case GOLANES_LANE_PROC:
    case GOLANES_LANE_THREAD:
      {
        GolanesTimelineGoroutine g;

        if ((hit->kind == GOLANES_LANE_PROC || span.state == GOLANES_G_SYSCALL) &&
            golanes_timeline_get_goroutine (timeline, span.arg, &g))
          {
            g_autofree char *func = golanes_timeline_dup_goroutine_function (timeline, span.arg);

            g_string_append_printf (out, "G%" G_GINT64_FORMAT " %s\n", g.id, func);
          }
        g_string_append (out, golanes_timeline_state_name (span.state));
      }
      break;
    case GOLANES_LANE_GC:
      {
        const GolanesTimelineRange *range = golanes_timeline_get_range (timeline, span.arg);
        const char *reason = range != NULL && range->reason != 0 ? golanes_timeline_get_reason (timeline, range->reason) : NULL;

        if (range != NULL && range->kind == GOLANES_GC_RANGE_STW)
          g_string_append_printf (out, _("Stop-the-world pause: %s"), reason != NULL ? reason : "");
        else
          g_string_append (out, _("GC mark phase"));
      }
      break;
    case GOLANES_LANE_TASK:
    case GOLANES_LANE_REGION:
      {
        guint32 type = hit->kind == GOLANES_LANE_TASK ? golanes_timeline_get_task (timeline, span.arg)->type
                                                      : golanes_timeline_get_region (timeline, span.arg)->type;
        gsize len = 0;
        const char *name = type != 0 ? golanes_stack_table_get_string (strings, type, &len) : NULL;
        g_autofree char *valid = name != NULL ? g_utf8_make_valid (name, len) : g_strdup ("");

        g_string_append_printf (out, hit->kind == GOLANES_LANE_TASK ? _("Task %s") : _("Region %s"), valid);
      }
      break;
    case GOLANES_LANE_HEADER:
    case GOLANES_LANE_HEAP:
    case GOLANES_LANE_COUNTS:
    default:
      break;
    }

  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Start: %s  Duration: %s"), at, duration);
  return g_string_free (out, FALSE);
}
