/* golanes-call-tree.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "golanes-blocking.h"
#include "golanes-pprof.h"
#include "golanes-stack-table.h"
#include "golanes-timeline.h"

G_BEGIN_DECLS

/*
 * A call tree: weighted stacks merged by function from the root down, what
 * a flame graph draws.  Stacks are added by id (in a stack table that must
 * outlive the tree) with a count (samples, contentions) and a weight (the
 * same count, or a delay in nanoseconds); golanes_call_tree_finish() builds
 * the nodes, the per-function table (`pprof -top`) and the exports.
 *
 * Node 0 is the root (no function), its total the sum of all weights.  A
 * node's children are ordered by total weight, heaviest first, then by
 * name.  Frames are merged by function name, not by PC: two call sites of
 * one function in the same caller are one node, as in pprof's flame graph.
 */

typedef struct _GolanesCallTree GolanesCallTree;

#define GOLANES_CALL_NODE_NONE G_MAXUINT32

typedef struct
{
  guint32 func;          /* string id of the function; 0 at the root */
  guint32 parent;        /* GOLANES_CALL_NODE_NONE at the root */
  guint32 first_child;   /* GOLANES_CALL_NODE_NONE if none */
  guint32 next_sibling;  /* GOLANES_CALL_NODE_NONE if last */
  guint32 depth;         /* 0 at the root */
  gint64  self;          /* weight of the stacks that end here */
  gint64  total;         /* weight of the stacks through here */
} GolanesCallNode;

typedef struct
{
  guint32 func;    /* string id */
  gint64  self;    /* weight of the stacks it is the leaf of */
  gint64  total;   /* weight of the stacks it is on (once per stack) */
} GolanesCallFunction;

GolanesCallTree       *golanes_call_tree_new        (GolanesStackTable *stacks);
void                   golanes_call_tree_free       (GolanesCallTree   *self);
void                   golanes_call_tree_add        (GolanesCallTree   *self,
                                                     guint32            stack,
                                                     gint64             count,
                                                     gint64             weight);
void                   golanes_call_tree_finish     (GolanesCallTree   *self);

GolanesStackTable     *golanes_call_tree_get_stacks  (GolanesCallTree  *self);
guint                  golanes_call_tree_get_n_nodes (GolanesCallTree  *self);
const GolanesCallNode *golanes_call_tree_get_node    (GolanesCallTree  *self,
                                                      guint             index);
/* The function name of node @index ("" at the root). */
const char            *golanes_call_tree_get_name    (GolanesCallTree  *self,
                                                      guint             index);
/* The child of @parent for function @name, or GOLANES_CALL_NODE_NONE. */
guint                  golanes_call_tree_find_child  (GolanesCallTree  *self,
                                                      guint             parent,
                                                      const char       *name);
gint64                 golanes_call_tree_get_total   (GolanesCallTree  *self);
gint64                 golanes_call_tree_get_count   (GolanesCallTree  *self);
/* Distinct stacks added (by id). */
guint                  golanes_call_tree_get_n_stacks (GolanesCallTree *self);

/* Every function, by self weight (heaviest first), then total, then name. */
const GolanesCallFunction *golanes_call_tree_get_functions (GolanesCallTree *self,
                                                            guint           *n_functions);

/* The weight of the nodes under @from (a node index) whose function name
 * contains @needle, a matching node's descendants not counted again: the
 * share a search highlights. */
gint64                 golanes_call_tree_match_total (GolanesCallTree  *self,
                                                      guint             from,
                                                      const char       *needle);

/* The same for the nodes @marked (one byte per node, non-zero if marked). */
gint64                 golanes_call_tree_marked_total (GolanesCallTree *self,
                                                       guint            from,
                                                       const guint8    *marked);

/* Folded stacks (flamegraph.pl, speedscope): one line per distinct path of
 * function names, root first, joined by ';', then a space and its count
 * (@use_weight: its weight).  Lines are sorted. */
void                   golanes_call_tree_write_folded (GolanesCallTree *self,
                                                       gboolean         use_weight,
                                                       GString         *out);

/* A pprof profile of the stacks added: @n_types (1 or 2) sample types,
 * the count then the weight. */
GBytes                *golanes_call_tree_encode_pprof (GolanesCallTree             *self,
                                                       const GolanesPprofValueType *types,
                                                       guint                        n_types,
                                                       const GolanesPprofValueType *period_type,
                                                       gint64                       period);

/* Which CPU samples of a timeline a profile takes. */
typedef struct
{
  gint64  start;       /* trace time (ns); G_MININT64 for the start */
  gint64  end;         /* exclusive; G_MAXINT64 for the end */
  gint64  goroutine;   /* a goroutine id, or -1 for any */
  const char *start_function;  /* a goroutine group's start function, or NULL */
  const char *region_type;     /* only inside a region of this type, or NULL */
  const char *task_type;       /* only inside a region of a task of this type, or NULL */
} GolanesCpuFilter;

#define GOLANES_CPU_FILTER_ALL { G_MININT64, G_MAXINT64, -1, NULL, NULL, NULL }

/* The CPU samples of @timeline that @filter takes, as a finished tree of
 * sample counts (count = weight = 1 per sample). */
GolanesCallTree       *golanes_call_tree_new_cpu      (GolanesTimeline       *timeline,
                                                       const GolanesCpuFilter *filter);

/* The records of a blocking profile: contentions and delay, weighted by
 * delay, in the profile's own stack table. */
GolanesCallTree       *golanes_call_tree_new_blocking (GolanesBlocking       *blocking);

/* The sample types of golanes_call_tree_new_cpu() profiles. */
extern const GolanesPprofValueType golanes_cpu_pprof_sample_type;
extern const GolanesPprofValueType golanes_cpu_pprof_period_type;
/* The period of the runtime's CPU profiler at its default rate (100 Hz). */
#define GOLANES_CPU_PPROF_PERIOD G_GINT64_CONSTANT (10000000)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GolanesCallTree, golanes_call_tree_free)

G_END_DECLS
