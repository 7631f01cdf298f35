/* golanes-flame-graph.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "golanes-call-tree.h"

G_BEGIN_DECLS

/*
 * A flame graph of a GolanesCallTree, drawn as an icicle (the root on
 * top, callees below their callers), one row per stack depth, each frame
 * as wide as its share of the zoomed node.  Clicking a frame zooms into
 * it (its ancestors stay as full-width rows above it, clicking one zooms
 * back out); a search highlights the frames whose name contains it.  The
 * frames are drawn into a pixel buffer (an image surface made a texture)
 * that is kept until the tree, the zoom, the search, the size or the
 * style change; the pointer's frame is outlined over it.
 */

#define GOLANES_FLAME_ROW_HEIGHT 18

typedef struct
{
  GolanesCallTree *tree;
  guint            zoom;        /* node drawn full width */
  const char      *search;      /* NULL or "" for none */
  const guint8    *matches;     /* per node: its name contains search */
  gboolean         dark;
  gboolean         weight_is_time;  /* the weights are nanoseconds */
  int              width;       /* in logical pixels */
  int              height;
  double           scale;
} GolanesFlameParams;

/* Draws the frames; returns how many were drawn (wide enough to show). */
guint golanes_flame_render (cairo_t                  *cr,
                            PangoContext             *pango,
                            const GolanesFlameParams *params);

/* The node at (@x, @y) of a drawing, or GOLANES_CALL_NODE_NONE. */
guint golanes_flame_node_at (GolanesCallTree *tree,
                             guint            zoom,
                             int              width,
                             double           x,
                             double           y);

#define GOLANES_TYPE_FLAME_GRAPH (golanes_flame_graph_get_type ())

G_DECLARE_FINAL_TYPE (GolanesFlameGraph, golanes_flame_graph, GOLANES, FLAME_GRAPH, GtkWidget)

GtkWidget       *golanes_flame_graph_new        (void);
/* Takes @tree (may be NULL); @weight_is_time: the weights are
 * nanoseconds, else counts.  The zoom goes back to the root. */
void             golanes_flame_graph_set_tree   (GolanesFlameGraph *self,
                                                 GolanesCallTree   *tree,
                                                 gboolean           weight_is_time);
GolanesCallTree *golanes_flame_graph_get_tree   (GolanesFlameGraph *self);
void             golanes_flame_graph_set_zoom   (GolanesFlameGraph *self,
                                                 guint              node);
guint            golanes_flame_graph_get_zoom   (GolanesFlameGraph *self);
/* Highlights the frames whose name contains @text (case-insensitive). */
void             golanes_flame_graph_set_search (GolanesFlameGraph *self,
                                                 const char        *text);
/* The weight of the highlighted frames under the zoomed node. */
gint64           golanes_flame_graph_get_matched (GolanesFlameGraph *self);
/* "12.3 ms" or "1,234 samples" for a weight of the shown tree. */
char            *golanes_flame_graph_format_weight (GolanesFlameGraph *self,
                                                    gint64             weight);
/* The tooltip text of node @node. */
char            *golanes_flame_graph_describe   (GolanesFlameGraph *self,
                                                 guint              node);

G_END_DECLS
