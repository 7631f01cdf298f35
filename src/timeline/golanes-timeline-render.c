/* golanes-timeline-render.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-timeline-render"

#include "config.h"

#include <glib/gi18n.h>

#include "golanes-timeline-render-private.h"

/* The painter loop: the visible lanes' queries first
 * (golanes-timeline-prefetch.c), then each lane's background and its
 * painter's image (golanes-timeline-paint-*.c), then the text and the
 * highlights over them.  Also the highlights alone and the ruler. */

static double
frame_x (const Frame *f,
         gint64       time)
{
  return golanes_timeline_params_get_gutter (f->p) +
         golanes_timeline_time_to_x (f->p->start, f->p->end, f->data_width, time);
}

static void
label_clear (gpointer data)
{
  Label *label = data;

  g_free (label->text);
}

static void
draw_highlights (Frame *f)
{
  const GdkRGBA *color = golanes_palette_get (GOLANES_COLOR_HIGHLIGHT, f->p->dark);
  GdkRGBA outline = *golanes_palette_get (GOLANES_COLOR_HEAP, f->p->dark);
  double gutter = golanes_timeline_params_get_gutter (f->p);

  for (guint i = 0; i < f->p->n_highlight; i++)
    {
      const GolanesSessionInterval *iv = &f->p->highlight[i];
      double x0 = MAX (frame_x (f, iv->start), gutter);
      double x1 = MIN (frame_x (f, iv->end), gutter + f->data_width);
      double y = 0;
      double h = f->p->height;

      if (iv->end < f->p->start || iv->start > f->p->end)
        continue;
      x1 = MAX (x1, x0 + 2);

      if (iv->goroutine >= 0)
        {
          gint index = golanes_timeline_lookup_goroutine (f->timeline, iv->goroutine);
          gint lane_index = index >= 0 ? golanes_timeline_layout_get_goroutine_lane (f->p->layout, index) : -1;
          GolanesLane lane;

          if (lane_index < 0)
            continue;
          lane = golanes_timeline_layout_get_lane (f->p->layout, lane_index);
          y = lane.y - f->p->scroll_y - 1;
          h = lane.height + 2;
          if (y + h < 0 || y > f->p->height)
            continue;
        }

      if (iv->goroutine >= 0)
        _golanes_frame_fill (f, x0, y, x1 - x0, h, color);
      else
        {
          /* A time range across every lane: a light tint, so that the
           * spans under it keep their colours. */
          GdkRGBA tint = *color;

          tint.alpha *= 0.45;
          _golanes_frame_fill (f, x0, y, x1 - x0, h, &tint);
        }
      _golanes_frame_fill (f, x0, y, 1, h, &outline);
      _golanes_frame_fill (f, x1 - 1, y, 1, h, &outline);
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

/* Lane labels start LABEL_X into the gutter (regions further in) and
 * keep LABEL_PAD clear before the data. */
#define LABEL_X        10
#define LABEL_X_REGION 24
#define LABEL_PAD      16
/* Lanes measured for the gutter: the first ones, the last ones, and the
 * last few of each group of goroutines (a group of millions gives labels
 * of one function, whose longest ids come last).  Measured widths are
 * kept by label, but a group expanded brings new labels, a few
 * microseconds each to lay out. */
#define MEASURE_HEAD   1024
#define MEASURE_TAIL   256
#define MEASURE_GROUP_TAIL 8
#define MEASURE_GROUPS 512

static double
label_x (const GolanesLane *lane)
{
  return lane->kind == GOLANES_LANE_REGION ? LABEL_X_REGION : LABEL_X;
}

double
golanes_timeline_params_get_gutter (const GolanesTimelineRenderParams *params)
{
  g_return_val_if_fail (params != NULL, GOLANES_TIMELINE_GUTTER);

  return params->gutter > 0 ? params->gutter : GOLANES_TIMELINE_GUTTER;
}

static void
measure_lane (GolanesTimelineLayout *layout,
              PangoLayout           *text,
              GHashTable            *widths,
              guint                  i,
              double                *widest)
{
  GolanesLane lane = golanes_timeline_layout_get_lane (layout, i);
  g_autofree char *label = NULL;
  gpointer found;
  int width = 0;

  if (lane.kind == GOLANES_LANE_HEADER)
    return;
  label = golanes_timeline_layout_dup_lane_label (layout, i);
  if (g_hash_table_lookup_extended (widths, label, NULL, &found))
    width = GPOINTER_TO_INT (found);
  else
    {
      pango_layout_set_text (text, label, -1);
      pango_layout_get_pixel_size (text, &width, NULL);
      g_hash_table_insert (widths, g_steal_pointer (&label), GINT_TO_POINTER (width));
    }
  *widest = MAX (*widest, label_x (&lane) + width + LABEL_PAD);
}

double
golanes_timeline_measure_labels (GolanesTimelineLayout *layout,
                                 PangoContext          *pango)
{
  g_autoptr(PangoLayout) text = NULL;
  GHashTable *widths;
  guint n, i;
  double widest = 0;

  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (pango), 0);

  text = create_layout (pango, 0.85);
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_NONE);
  widths = _golanes_frame_label_widths (layout, pango);
  n = golanes_timeline_layout_get_n_lanes (layout);
  for (i = 0; i < MIN (n, MEASURE_HEAD); i++)
    measure_lane (layout, text, widths, i, &widest);
  for (i = MAX (MEASURE_HEAD, n > MEASURE_TAIL ? n - MEASURE_TAIL : 0); i < n; i++)
    measure_lane (layout, text, widths, i, &widest);
  for (guint g = 0, measured = 0; g < golanes_timeline_layout_get_n_groups (layout) && measured < MEASURE_GROUPS; g++)
    {
      const GolanesLaneGroup *group = golanes_timeline_layout_get_group (layout, g);

      guint n_members = golanes_lane_group_get_n_members (group);

      if (group->kind != GOLANES_GROUP_GOROUTINES || group->collapsed || n_members <= MEASURE_GROUP_TAIL)
        continue;
      for (guint m = n_members - MEASURE_GROUP_TAIL; m < n_members; m++)
        {
          gint lane = golanes_timeline_layout_get_goroutine_lane (layout, golanes_lane_group_get_member (group, m));

          if (lane >= MEASURE_HEAD && (guint) lane + MEASURE_TAIL < n)
            measure_lane (layout, text, widths, lane, &widest);
        }
      measured++;
    }
  return ceil (widest);
}

double
golanes_timeline_fit_gutter (double labels_width,
                             double width)
{
  double most = MAX (GOLANES_TIMELINE_GUTTER_MIN, floor (width * GOLANES_TIMELINE_GUTTER_SHARE));

  return CLAMP (ceil (labels_width), GOLANES_TIMELINE_GUTTER_MIN, most);
}

/* The painter of each kind of lane. */
static const GolanesLanePainter *const painters[] = {
  [GOLANES_LANE_HEADER] = NULL,
  [GOLANES_LANE_GC] = &_golanes_gc_painter,
  [GOLANES_LANE_HEAP] = &_golanes_heap_painter,
  [GOLANES_LANE_COUNTS] = &_golanes_counts_painter,
  [GOLANES_LANE_PROC] = &_golanes_proc_painter,
  [GOLANES_LANE_THREAD] = &_golanes_thread_painter,
  [GOLANES_LANE_TASK] = &_golanes_task_painter,
  [GOLANES_LANE_GOROUTINE] = &_golanes_goroutine_painter,
  [GOLANES_LANE_REGION] = &_golanes_region_painter,
};

const GolanesLanePainter *
_golanes_lane_painter (guint kind)
{
  return kind < G_N_ELEMENTS (painters) ? painters[kind] : NULL;
}

/* The x of the loaded end while the trace streams in, or -1 if every
 * visible time is loaded. */
static double
unread_x (const GolanesTimelineRenderParams *p,
          double                             gutter)
{
  double x;

  if (p->loaded_end <= 0 || p->loaded_end >= p->end)
    return -1;
  x = gutter + (double) (p->loaded_end - p->start) * (p->width - gutter) / (double) (p->end - p->start);
  return MAX (floor (x), gutter);
}

/* The part of the time axis not read yet: stripes over [x, width). */
static void
draw_unread (const GolanesTimelineRenderParams *p,
             GtkSnapshot                       *snapshot,
             double                             x,
             double                             height)
{
  GdkRGBA stripe = p->foreground, clear = p->foreground;
  graphene_rect_t area = GRAPHENE_RECT_INIT (x, 0, p->width - x, height);
  GskColorStop stops[4];

  stripe.alpha *= 0.10;
  clear.alpha = 0;
  stops[0] = (GskColorStop) { 0.0, clear };
  stops[1] = (GskColorStop) { 0.6, clear };
  stops[2] = (GskColorStop) { 0.6, stripe };
  stops[3] = (GskColorStop) { 1.0, stripe };
  gtk_snapshot_append_repeating_linear_gradient (snapshot, &area,
                                                 &GRAPHENE_POINT_INIT (x, 0),
                                                 &GRAPHENE_POINT_INIT (x + 6, 6),
                                                 stops, G_N_ELEMENTS (stops));
  gtk_snapshot_append_color (snapshot, golanes_palette_get (GOLANES_COLOR_GRID, p->dark),
                             &GRAPHENE_RECT_INIT (x, 0, 1, height));
}

void
golanes_timeline_render_lanes (const GolanesTimelineRenderParams *p,
                               GtkSnapshot                       *snapshot)
{
  GolanesTimelineLayout *layout;
  Frame f;
  GdkRGBA dim;
  double gutter;
  guint first;
  guint last;
  guint n_lanes;

  g_return_if_fail (p != NULL && p->layout != NULL && p->document != NULL);
  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));

  gutter = golanes_timeline_params_get_gutter (p);
  if (p->width <= gutter || p->height <= 0 || p->end <= p->start)
    return;

  layout = p->layout;
  _golanes_frame_init (&f, p, snapshot);
  f.layout = create_layout (p->pango, 0.85);
  f.items = g_array_new (FALSE, FALSE, sizeof (GolanesLodItem));
  f.labels = g_array_new (FALSE, FALSE, sizeof (Label));
  g_array_set_clear_func (f.labels, label_clear);
  _golanes_frame_alloc_pixels (&f);

  dim = p->foreground;
  dim.alpha *= 0.7;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, p->width, p->height));

  /* The visible lanes, their queries ahead of drawing. */
  n_lanes = golanes_timeline_layout_get_n_lanes (layout);
  first = _golanes_timeline_layout_first_lane_below (layout, p->scroll_y);
  for (last = first; last < n_lanes; last++)
    if (golanes_timeline_layout_get_lane (layout, last).y - p->scroll_y >= p->height)
      break;
  _golanes_frame_prefetch (&f, first, last);

  /* Backgrounds as nodes, then each lane's spans or plot as an image. */
  for (guint i = first; i < last; i++)
    {
      GolanesLane lane = golanes_timeline_layout_get_lane (layout, i);
      const GolanesLanePainter *painter;
      double y = lane.y - p->scroll_y;

      if (lane.kind == GOLANES_LANE_HEADER)
        {
          _golanes_frame_fill (&f, 0, y, p->width, lane.height, golanes_palette_get (GOLANES_COLOR_HEADER, p->dark));
          continue;
        }

      if (i % 2 == 1)
        _golanes_frame_fill (&f, 0, y, p->width, lane.height, golanes_palette_get (GOLANES_COLOR_LANE_ALT, p->dark));

      painter = _golanes_lane_painter (lane.kind);
      g_assert (painter != NULL);
      painter->draw (&f, &lane, y);
    }
  _golanes_frame_free_pixels (&f);
  _golanes_frame_prefetch_free (&f);

  /* Then the text over it. */
  for (guint i = first; i < last; i++)
    {
      GolanesLane lane = golanes_timeline_layout_get_lane (layout, i);
      double y = lane.y - p->scroll_y;
      g_autofree char *label = golanes_timeline_layout_dup_lane_label (layout, i);

      if (lane.kind == GOLANES_LANE_HEADER)
        {
          pango_layout_set_ellipsize (f.layout, PANGO_ELLIPSIZE_MIDDLE);
          _golanes_frame_text (&f, label, 6, y, p->width / 2, lane.height, &p->foreground);
          pango_layout_set_ellipsize (f.layout, PANGO_ELLIPSIZE_END);
          continue;
        }

      /* A name too long keeps its goroutine id and its function's end. */
      pango_layout_set_ellipsize (f.layout, PANGO_ELLIPSIZE_MIDDLE);
      _golanes_frame_text (&f, label, label_x (&lane), y, gutter - label_x (&lane) - LABEL_PAD, lane.height,
                           lane.kind == GOLANES_LANE_REGION ? &dim : &p->foreground);
      pango_layout_set_ellipsize (f.layout, PANGO_ELLIPSIZE_END);
    }

  for (guint i = 0; i < f.labels->len; i++)
    {
      const Label *l = &g_array_index (f.labels, Label, i);

      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (gutter, l->clip_y,
                                                             f.data_width, l->clip_height));
      _golanes_frame_text (&f, l->text, l->x, l->y, l->width, l->height, &l->color);
      gtk_snapshot_pop (snapshot);
    }

  _golanes_frame_fill (&f, gutter - 1, 0, 1, p->height, golanes_palette_get (GOLANES_COLOR_GRID, p->dark));
  if (unread_x (p, gutter) >= 0)
    draw_unread (p, snapshot, unread_x (p, gutter), p->height);
  draw_highlights (&f);

  gtk_snapshot_pop (snapshot);

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

  if (p->width <= golanes_timeline_params_get_gutter (p) || p->height <= 0 || p->end <= p->start ||
      p->n_highlight == 0)
    return;

  _golanes_frame_init (&f, p, snapshot);
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
  double gutter = golanes_timeline_params_get_gutter (p);
  double data_width = p->width - gutter;
  double last_right = -G_MAXDOUBLE;
  double loading_x = G_MAXDOUBLE, loading_right = -G_MAXDOUBLE;
  const TextEntry *loading;
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
  _golanes_frame_text (&f, span, 10, 0, gutter - 10 - LABEL_PAD, height, &p->foreground);

  /* While the trace streams in, how far it has got, over the unread part
   * of the axis; tick labels keep out of its way. */
  if (unread_x (p, gutter) >= 0)
    {
      double x = unread_x (p, gutter);
      g_autofree char *text = NULL;

      draw_unread (p, snapshot, x, height);
      /* Translators: shown on the time axis over the part of a trace not
       * read yet; %.0f%% is how much of the file is read */
      text = g_strdup_printf (_("Loading… %.0f%%"), 100.0 * p->loaded_fraction);
      loading = _golanes_frame_text_entry (&f, text, -1, &p->foreground);
      if (loading->node != NULL && p->width - x >= loading->width + 12)
        {
          loading_x = x + 6;
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (loading_x, floor ((height - 8 - loading->height) / 2) + 2));
          gtk_snapshot_append_node (snapshot, loading->node);
          gtk_snapshot_restore (snapshot);
          loading_right = loading_x + loading->width + 8;
        }
    }

  golanes_timeline_ticks (p->start, p->end, golanes_timeline_get_start_time (timeline),
                          data_width, 110, ticks);
  for (guint i = 0; i < ticks->len; i++)
    {
      const GolanesTick *tick = &g_array_index (ticks, GolanesTick, i);
      double x = gutter + floor (tick->x);
      const TextEntry *label;

      _golanes_frame_fill (&f, x, height - 8, 1, 8, &p->foreground);
      label = _golanes_frame_text_entry (&f, tick->label, -1, &p->foreground);
      if (x + 4 <= last_right || x + 4 + label->width > p->width || label->node == NULL)
        continue;
      if (x + 4 + label->width + 8 > loading_x && x + 4 < loading_right)
        continue;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + 4, floor ((height - 8 - label->height) / 2) + 2));
      gtk_snapshot_append_node (snapshot, label->node);
      gtk_snapshot_restore (snapshot);
      last_right = x + 4 + label->width + 8;
    }
  _golanes_frame_fill (&f, 0, height - 1, p->width, 1, grid);

  gtk_snapshot_pop (snapshot);
}

