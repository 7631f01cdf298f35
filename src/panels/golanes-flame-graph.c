/* golanes-flame-graph.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "golanes-duration.h"
#include "golanes-flame-graph.h"

#define ROW        GOLANES_FLAME_ROW_HEIGHT
#define MIN_WIDTH  0.35   /* narrower frames (and what is under them) are not drawn */
#define TEXT_WIDTH 28.0   /* frames narrower than this get no name */

/* ---- drawing, without a widget (the benchmark uses it too) ---- */

/* The package of a Go function name: "net/http" of
 * "net/http.(*conn).serve", "main" of "main.main.func1". */
static gsize
package_length (const char *name)
{
  const char *slash = strrchr (name, '/');
  const char *dot = strchr (slash != NULL ? slash : name, '.');

  return dot != NULL ? (gsize) (dot - name) : strlen (name);
}

/* A warm colour per package (the same package always gets the same), the
 * runtime's in a cool grey-blue so that user code stands out. */
static void
frame_color (const char *name,
             gboolean    dark,
             double      rgb[3])
{
  gsize len = package_length (name);
  guint32 h = 2166136261u;
  double hue, sat, val, f, p, q, t;
  int i;

  for (gsize k = 0; k < len; k++)
    h = (h ^ (guint8) name[k]) * 16777619u;

  if ((len == 7 && strncmp (name, "runtime", 7) == 0) || (len >= 8 && strncmp (name, "runtime/", 8) == 0) ||
      (len >= 9 && strncmp (name, "internal/", 9) == 0))
    {
      hue = 210.0 + (h % 20);
      sat = 0.18 + (h >> 8) % 10 / 100.0;
    }
  else
    {
      hue = (h % 56);            /* red to yellow */
      sat = 0.55 + (h >> 8) % 25 / 100.0;
    }
  val = dark ? 0.62 + (h >> 16) % 12 / 100.0 : 0.90 + (h >> 16) % 8 / 100.0;

  hue /= 60.0;
  i = (int) floor (hue);
  f = hue - i;
  p = val * (1 - sat);
  q = val * (1 - sat * f);
  t = val * (1 - sat * (1 - f));
  switch (i % 6)
    {
    case 0: rgb[0] = val; rgb[1] = t; rgb[2] = p; break;
    case 1: rgb[0] = q; rgb[1] = val; rgb[2] = p; break;
    case 2: rgb[0] = p; rgb[1] = val; rgb[2] = t; break;
    case 3: rgb[0] = p; rgb[1] = q; rgb[2] = val; break;
    case 4: rgb[0] = t; rgb[1] = p; rgb[2] = val; break;
    default: rgb[0] = val; rgb[1] = p; rgb[2] = q; break;
    }
}

typedef struct
{
  cairo_t                  *cr;
  PangoLayout              *layout;
  const GolanesFlameParams *params;
  gboolean                  searching;
  guint                     drawn;
} Draw;

static void
draw_frame (Draw   *d,
            guint   node,
            double  x,
            double  w,
            int     row,
            gboolean on_path)
{
  GolanesCallTree *tree = d->params->tree;
  const char *name = node == 0 ? NULL : golanes_call_tree_get_name (tree, node);
  double y = row * ROW;
  double rgb[3];
  double alpha = 1.0;

  if (node == 0)
    {
      rgb[0] = rgb[1] = rgb[2] = d->params->dark ? 0.45 : 0.78;
    }
  else if (d->searching && d->params->matches != NULL && d->params->matches[node])
    {
      rgb[0] = 0.80; rgb[1] = 0.25; rgb[2] = 0.85;   /* a match: magenta */
    }
  else
    {
      frame_color (name, d->params->dark, rgb);
      if (d->searching)
        alpha = 0.35;
    }
  if (on_path && node != 0)
    alpha *= 0.6;

  cairo_set_source_rgba (d->cr, rgb[0], rgb[1], rgb[2], alpha);
  cairo_rectangle (d->cr, x, y, MAX (w - 1.0, 0.5), ROW - 1);
  cairo_fill (d->cr);
  d->drawn++;

  if (w >= TEXT_WIDTH)
    {
      g_autofree char *all = NULL;
      int tw, th;

      if (node == 0)
        {
          gint64 total = golanes_call_tree_get_total (tree);
          char buf[GOLANES_DURATION_BUF_SIZE];

          /* Translators: the flame graph's root frame; %s is the weight of
           * every stack, a count of samples or a duration */
          if (d->params->weight_is_time)
            all = g_strdup_printf (_("all (%s)"), golanes_format_duration (total, buf));
          else
            all = g_strdup_printf (_("all (%" G_GINT64_FORMAT ")"), total);
          name = all;
        }
      pango_layout_set_text (d->layout, name, -1);
      pango_layout_set_width (d->layout, (int) ((w - 6) * PANGO_SCALE));
      pango_layout_get_pixel_size (d->layout, &tw, &th);
      if (d->params->dark)
        cairo_set_source_rgba (d->cr, 1, 1, 1, alpha < 1.0 ? 0.55 : 0.92);
      else
        cairo_set_source_rgba (d->cr, 0, 0, 0, alpha < 1.0 ? 0.55 : 0.87);
      cairo_move_to (d->cr, x + 3, y + (ROW - 1 - th) / 2.0);
      pango_cairo_show_layout (d->cr, d->layout);
    }
}

/* @node's subtree from @x, @w wide, its row @row: drawn depth first,
 * stopping at frames too narrow to see or below the drawing. */
static void
draw_subtree (Draw   *d,
              guint   node,
              double  x,
              double  w,
              int     row)
{
  GolanesCallTree *tree = d->params->tree;
  const GolanesCallNode *n = golanes_call_tree_get_node (tree, node);
  double cx = x;

  if (w < MIN_WIDTH || row * ROW >= d->params->height)
    return;
  draw_frame (d, node, x, w, row, FALSE);
  if (n->total <= 0)
    return;
  for (guint32 c = n->first_child; c != GOLANES_CALL_NODE_NONE;)
    {
      const GolanesCallNode *cn = golanes_call_tree_get_node (tree, c);
      double cw = w * (double) cn->total / (double) n->total;

      if (cw < MIN_WIDTH)
        break;   /* children come heaviest first: the rest are narrower */
      draw_subtree (d, c, cx, cw, row + 1);
      cx += cw;
      c = cn->next_sibling;
    }
}

guint
golanes_flame_render (cairo_t                  *cr,
                      PangoContext             *pango,
                      const GolanesFlameParams *params)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (pango);
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint32));
  GolanesCallTree *tree = params->tree;
  Draw d = { cr, layout, params, params->search != NULL && params->search[0] != '\0', 0 };
  guint32 at;

  if (tree == NULL || golanes_call_tree_get_total (tree) <= 0)
    return 0;

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_START);   /* the function, not its package path */
  pango_layout_set_single_paragraph_mode (layout, TRUE);

  /* The zoomed node's ancestors, full width, above it. */
  for (at = golanes_call_tree_get_node (tree, params->zoom)->parent; at != GOLANES_CALL_NODE_NONE;
       at = golanes_call_tree_get_node (tree, at)->parent)
    g_array_append_val (path, at);
  for (guint i = path->len; i-- > 0;)
    draw_frame (&d, g_array_index (path, guint32, i), 0, params->width, (int) (path->len - 1 - i), TRUE);
  draw_subtree (&d, params->zoom, 0, params->width, (int) path->len);
  return d.drawn;
}

guint
golanes_flame_node_at (GolanesCallTree *tree,
                       guint            zoom,
                       int              width,
                       double           x,
                       double           y)
{
  const GolanesCallNode *z;
  guint row, node;
  double left = 0, w = width;

  if (tree == NULL || y < 0 || x < 0 || x >= width || golanes_call_tree_get_total (tree) <= 0)
    return GOLANES_CALL_NODE_NONE;
  row = (guint) (y / ROW);
  z = golanes_call_tree_get_node (tree, zoom);
  if (row <= z->depth)
    {
      /* An ancestor row (or the zoomed node's own). */
      for (node = zoom; golanes_call_tree_get_node (tree, node)->depth > row;)
        node = golanes_call_tree_get_node (tree, node)->parent;
      return node;
    }

  node = zoom;
  while (golanes_call_tree_get_node (tree, node)->depth < row)
    {
      const GolanesCallNode *n = golanes_call_tree_get_node (tree, node);
      guint32 c;
      double cx = left;

      for (c = n->first_child; c != GOLANES_CALL_NODE_NONE; c = golanes_call_tree_get_node (tree, c)->next_sibling)
        {
          double cw = w * (double) golanes_call_tree_get_node (tree, c)->total / (double) n->total;

          if (cw < MIN_WIDTH)
            return GOLANES_CALL_NODE_NONE;
          if (x < cx + cw)
            break;
          cx += cw;
        }
      if (c == GOLANES_CALL_NODE_NONE)
        return GOLANES_CALL_NODE_NONE;
      node = c;
      left = cx;
      w = w * (double) golanes_call_tree_get_node (tree, c)->total / (double) n->total;
    }
  return node;
}

/* ---- the widget ---- */

struct _GolanesFlameGraph
{
  GtkWidget        parent_instance;

  GolanesCallTree *tree;
  gboolean         weight_is_time;
  guint            zoom;
  char            *search;       /* casefolded, NULL for none */
  guint8          *matches;      /* per node */
  guint            max_depth;    /* under the zoomed node, absolute */
  guint            hover;

  GdkTexture      *texture;
  cairo_surface_t *surface;      /* the pixel buffer behind it */
  int              texture_width;
  int              texture_height;
  int              texture_scale;
  gboolean         texture_dark;
};

enum
{
  PROP_0,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GolanesFlameGraph, golanes_flame_graph, GTK_TYPE_WIDGET)

static gboolean
style_is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
invalidate (GolanesFlameGraph *self)
{
  g_clear_object (&self->texture);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_depth (GolanesFlameGraph *self)
{
  guint n = self->tree != NULL ? golanes_call_tree_get_n_nodes (self->tree) : 0;
  guint depth = 0;

  /* The deepest node under the zoomed one: a node is under it if walking
   * up reaches it; nodes are made parents first, so one pass marks them. */
  if (n > 0)
    {
      g_autofree guint8 *under = g_new0 (guint8, n);

      under[self->zoom] = 1;
      depth = golanes_call_tree_get_node (self->tree, self->zoom)->depth;
      for (guint i = self->zoom + 1; i < n; i++)
        {
          const GolanesCallNode *node = golanes_call_tree_get_node (self->tree, i);

          if (node->parent != GOLANES_CALL_NODE_NONE && under[node->parent])
            {
              under[i] = 1;
              depth = MAX (depth, node->depth);
            }
        }
    }
  if (depth != self->max_depth)
    {
      self->max_depth = depth;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
}

static void
update_matches (GolanesFlameGraph *self)
{
  guint n = self->tree != NULL ? golanes_call_tree_get_n_nodes (self->tree) : 0;

  g_clear_pointer (&self->matches, g_free);
  if (self->search == NULL || n == 0)
    return;
  self->matches = g_new0 (guint8, n);
  for (guint i = 1; i < n; i++)
    {
      g_autofree char *folded = g_utf8_casefold (golanes_call_tree_get_name (self->tree, i), -1);

      self->matches[i] = strstr (folded, self->search) != NULL;
    }
}

GtkWidget *
golanes_flame_graph_new (void)
{
  return g_object_new (GOLANES_TYPE_FLAME_GRAPH, NULL);
}

void
golanes_flame_graph_set_tree (GolanesFlameGraph *self,
                              GolanesCallTree   *tree,
                              gboolean           weight_is_time)
{
  g_return_if_fail (GOLANES_IS_FLAME_GRAPH (self));

  if (self->tree != tree)
    g_clear_pointer (&self->tree, golanes_call_tree_free);
  self->tree = tree;
  self->weight_is_time = weight_is_time;
  self->zoom = 0;
  self->hover = GOLANES_CALL_NODE_NONE;
  self->max_depth = G_MAXUINT;
  update_depth (self);
  update_matches (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

GolanesCallTree *
golanes_flame_graph_get_tree (GolanesFlameGraph *self)
{
  g_return_val_if_fail (GOLANES_IS_FLAME_GRAPH (self), NULL);
  return self->tree;
}

void
golanes_flame_graph_set_zoom (GolanesFlameGraph *self,
                              guint              node)
{
  g_return_if_fail (GOLANES_IS_FLAME_GRAPH (self));

  if (self->tree == NULL || node >= golanes_call_tree_get_n_nodes (self->tree) || node == self->zoom)
    return;
  self->zoom = node;
  update_depth (self);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

guint
golanes_flame_graph_get_zoom (GolanesFlameGraph *self)
{
  g_return_val_if_fail (GOLANES_IS_FLAME_GRAPH (self), 0);
  return self->zoom;
}

void
golanes_flame_graph_set_search (GolanesFlameGraph *self,
                                const char        *text)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (GOLANES_IS_FLAME_GRAPH (self));

  if (text != NULL && text[0] != '\0')
    folded = g_utf8_casefold (text, -1);
  if (g_strcmp0 (folded, self->search) == 0)
    return;
  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  update_matches (self);
  invalidate (self);
}

gint64
golanes_flame_graph_get_matched (GolanesFlameGraph *self)
{
  g_return_val_if_fail (GOLANES_IS_FLAME_GRAPH (self), 0);
  if (self->tree == NULL || self->matches == NULL)
    return 0;
  return golanes_call_tree_marked_total (self->tree, self->zoom, self->matches);
}

char *
golanes_flame_graph_format_weight (GolanesFlameGraph *self,
                                   gint64             weight)
{
  char buf[GOLANES_DURATION_BUF_SIZE];

  if (self->weight_is_time)
    return g_strdup (golanes_format_duration (weight, buf));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " sample",
                                       "%" G_GINT64_FORMAT " samples", (gulong) MIN (weight, G_MAXLONG)),
                          weight);
}

char *
golanes_flame_graph_describe (GolanesFlameGraph *self,
                              guint              node)
{
  const GolanesCallNode *n;
  g_autofree char *self_text = NULL;
  g_autofree char *total_text = NULL;
  double all;

  g_return_val_if_fail (GOLANES_IS_FLAME_GRAPH (self), NULL);
  if (self->tree == NULL || node >= golanes_call_tree_get_n_nodes (self->tree))
    return NULL;

  n = golanes_call_tree_get_node (self->tree, node);
  all = MAX ((double) golanes_call_tree_get_total (self->tree), 1.0);
  self_text = golanes_flame_graph_format_weight (self, n->self);
  total_text = golanes_flame_graph_format_weight (self, n->total);
  /* Translators: a flame graph's tooltip: the function, then its own
   * weight and that with its callees, each with its share of the whole */
  return g_strdup_printf (_("%s\nSelf: %s (%.2f%%)\nTotal: %s (%.2f%%)"),
                          node == 0 ? _("All stacks") : golanes_call_tree_get_name (self->tree, node),
                          self_text, 100.0 * (double) n->self / all,
                          total_text, 100.0 * (double) n->total / all);
}

static void
golanes_flame_graph_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  GolanesFlameGraph *self = GOLANES_FLAME_GRAPH (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 400;
    }
  else
    {
      int rows = self->tree != NULL ? (int) self->max_depth + 1 : 1;

      *minimum = *natural = MIN (rows, 4096) * ROW;
    }
}

static void
golanes_flame_graph_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  GolanesFlameGraph *self = GOLANES_FLAME_GRAPH (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  gboolean dark = style_is_dark ();

  if (self->tree == NULL || width <= 0 || height <= 0)
    return;

  if (self->texture == NULL || self->texture_width != width || self->texture_height != height ||
      self->texture_scale != scale || self->texture_dark != dark)
    {
      GolanesFlameParams params = { self->tree, self->zoom, self->search, self->matches, dark,
                                    self->weight_is_time, width, height, scale };
      g_autoptr(GBytes) bytes = NULL;
      cairo_surface_t *surface;
      cairo_t *cr;

      /* The pixel buffer is kept for the next drawing of the same size:
       * a new one costs its page faults (a frame's worth at 1080p). */
      if (self->surface == NULL || cairo_image_surface_get_width (self->surface) != width * scale ||
          cairo_image_surface_get_height (self->surface) != height * scale)
        {
          g_clear_pointer (&self->surface, cairo_surface_destroy);
          self->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
        }
      surface = self->surface;
      cr = cairo_create (surface);
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);

      cairo_scale (cr, scale, scale);
      golanes_flame_render (cr, gtk_widget_get_pango_context (widget), &params);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                           (gsize) cairo_image_surface_get_stride (surface) * height * scale);
      g_clear_object (&self->texture);
      self->texture = gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT,
                                              bytes, cairo_image_surface_get_stride (surface));
      self->texture_width = width;
      self->texture_height = height;
      self->texture_scale = scale;
      self->texture_dark = dark;
    }
  gtk_snapshot_append_texture (snapshot, self->texture, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The pointer's frame, outlined. */
  if (self->hover != GOLANES_CALL_NODE_NONE)
    {
      const GolanesCallNode *h = golanes_call_tree_get_node (self->tree, self->hover);
      double x = 0, w = width;
      guint32 at = self->hover;
      g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint32));

      /* Its x: down from the zoomed node along the path to it. */
      while (at != GOLANES_CALL_NODE_NONE && at != self->zoom)
        {
          g_array_append_val (path, at);
          at = golanes_call_tree_get_node (self->tree, at)->parent;
        }
      if (at == self->zoom)
        {
          for (guint i = path->len; i-- > 0;)
            {
              guint32 node = g_array_index (path, guint32, i);
              const GolanesCallNode *n = golanes_call_tree_get_node (self->tree, node);
              const GolanesCallNode *p = golanes_call_tree_get_node (self->tree, n->parent);
              double cx = x;

              for (guint32 c = p->first_child; c != node; c = golanes_call_tree_get_node (self->tree, c)->next_sibling)
                cx += w * (double) golanes_call_tree_get_node (self->tree, c)->total / (double) p->total;
              w = w * (double) n->total / (double) p->total;
              x = cx;
            }
        }
      {
        GskRoundedRect rect;
        GdkRGBA color;
        float widths[4] = { 1.5f, 1.5f, 1.5f, 1.5f };

        gdk_rgba_parse (&color, dark ? "#ffffff" : "#1c1c1c");
        gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT ((float) x, (float) (h->depth * ROW),
                                                                     (float) MAX (w - 1, 1), ROW - 1), 0);
        gtk_snapshot_append_border (snapshot, &rect, widths, (GdkRGBA[4]) { color, color, color, color });
      }
    }
}

static gboolean
golanes_flame_graph_query_tooltip (GtkWidget  *widget,
                                   int         x,
                                   int         y,
                                   gboolean    keyboard_mode,
                                   GtkTooltip *tooltip)
{
  GolanesFlameGraph *self = GOLANES_FLAME_GRAPH (widget);
  guint node = golanes_flame_node_at (self->tree, self->zoom, gtk_widget_get_width (widget), x, y);
  g_autofree char *text = NULL;

  if (node == GOLANES_CALL_NODE_NONE)
    return FALSE;
  text = golanes_flame_graph_describe (self, node);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
motion_cb (GolanesFlameGraph        *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  guint node = golanes_flame_node_at (self->tree, self->zoom, gtk_widget_get_width (GTK_WIDGET (self)), x, y);

  if (node != self->hover)
    {
      self->hover = node;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (GolanesFlameGraph        *self,
          GtkEventControllerMotion *motion)
{
  if (self->hover != GOLANES_CALL_NODE_NONE)
    {
      self->hover = GOLANES_CALL_NODE_NONE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
pressed_cb (GolanesFlameGraph *self,
            int                n_press,
            double             x,
            double             y,
            GtkGestureClick   *click)
{
  guint node = golanes_flame_node_at (self->tree, self->zoom, gtk_widget_get_width (GTK_WIDGET (self)), x, y);

  if (node != GOLANES_CALL_NODE_NONE)
    golanes_flame_graph_set_zoom (self, node);
}

static void
golanes_flame_graph_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GolanesFlameGraph *self = GOLANES_FLAME_GRAPH (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_uint (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
golanes_flame_graph_finalize (GObject *object)
{
  GolanesFlameGraph *self = GOLANES_FLAME_GRAPH (object);

  g_clear_pointer (&self->tree, golanes_call_tree_free);
  g_clear_pointer (&self->matches, g_free);
  g_clear_pointer (&self->search, g_free);
  g_clear_object (&self->texture);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  G_OBJECT_CLASS (golanes_flame_graph_parent_class)->finalize (object);
}

static void
style_dark_cb (GolanesFlameGraph *self)
{
  invalidate (self);
}

static void
golanes_flame_graph_class_init (GolanesFlameGraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = golanes_flame_graph_finalize;
  object_class->get_property = golanes_flame_graph_get_property;
  widget_class->measure = golanes_flame_graph_measure;
  widget_class->snapshot = golanes_flame_graph_snapshot;
  widget_class->query_tooltip = golanes_flame_graph_query_tooltip;

  properties[PROP_ZOOM] = g_param_spec_uint ("zoom", NULL, NULL, 0, G_MAXUINT, 0,
                                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (widget_class, "flamegraph");
}

static void
golanes_flame_graph_init (GolanesFlameGraph *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->hover = GOLANES_CALL_NODE_NONE;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_dark_cb), self, G_CONNECT_SWAPPED);
}
