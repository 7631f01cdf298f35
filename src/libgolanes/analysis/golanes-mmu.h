/* golanes-mmu.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "golanes-trace-reader.h"

G_BEGIN_DECLS

/*
 * Mutator utilization and minimum mutator utilization (MMU).
 *
 * A streaming consumer: feed it every event of the reader (in the same pass
 * as other analyses), call golanes_mmu_finish(), then query.  The
 * utilization functions are those of Go's trace.MutatorUtilizationV2 for
 * the given flags, and the MMU curve is evaluated with the same band/bound
 * search, in the same float64 arithmetic, so golanes_mmu_get_mmu() gives
 * the very value `go tool trace` shows on its /mmu page.
 *
 * Note: for a trace that ends with a read error, `go tool trace` only keeps
 * the events up to the last complete generation; feed only those events to
 * get its numbers.
 */

typedef enum
{
  GOLANES_MMU_STW        = 1 << 0,  /* GC stop-the-world pauses */
  GOLANES_MMU_BACKGROUND = 1 << 1,  /* background mark workers */
  GOLANES_MMU_ASSIST     = 1 << 2,  /* mark assists */
  GOLANES_MMU_SWEEP      = 1 << 3,  /* incremental sweeping */
  GOLANES_MMU_PER_PROC   = 1 << 4,  /* one utilization function per P */
} GolanesMmuFlags;

/* The /mmu page's default: STW, background workers and assists. */
#define GOLANES_MMU_DEFAULT_FLAGS \
  (GOLANES_MMU_STW | GOLANES_MMU_BACKGROUND | GOLANES_MMU_ASSIST)

/* Number of windows of the /mmu plot. */
#define GOLANES_MMU_PLOT_SAMPLES 100

/* A change of the mean mutator utilization (in [0, 1]) at @time. */
typedef struct
{
  gint64 time;
  double util;
} GolanesMutatorUtil;

/* A window starting at @time and its mean mutator utilization. */
typedef struct
{
  gint64 time;
  double mutator_util;
} GolanesUtilWindow;

typedef struct _GolanesMmu GolanesMmu;

GolanesMmu *golanes_mmu_new    (GolanesMmuFlags     flags);
void        golanes_mmu_free   (GolanesMmu         *self);
void        golanes_mmu_feed   (GolanesMmu         *self,
                                GolanesTraceReader *reader,
                                const GolanesEvent *event);
void        golanes_mmu_finish (GolanesMmu         *self);

GolanesMmuFlags golanes_mmu_get_flags (GolanesMmu *self);

/* The utilization functions: one, or one per P (and per re-added P) with
 * GOLANES_MMU_PER_PROC; none if no event was fed.  Each ends at the last
 * event with utilization 0. */
guint                     golanes_mmu_get_n_series (GolanesMmu *self);
const GolanesMutatorUtil *golanes_mmu_get_series   (GolanesMmu *self,
                                                    guint       index,
                                                    gsize      *n_points);

/* Minimum mean utilization over all windows of @window nanoseconds
 * (0 for @window <= 0, 1 when there is no series). */
double golanes_mmu_get_mmu (GolanesMmu *self,
                            gint64      window);

/* Up to @n disjoint windows with the lowest utilization, lowest first (the
 * "details" of the /mmu page).  Returns the number written to @out. */
guint  golanes_mmu_get_worst_windows (GolanesMmu        *self,
                                      gint64             window,
                                      guint              n,
                                      GolanesUtilWindow *out);

/* The windows of the /mmu plot: @x_min is the first of 1 s, 1 ms, 1 µs
 * whose MMU is below 0.0001 (else 1 ns), @x_max is 10^6 × @x_min but at most
 * the span of the series, and @windows gets GOLANES_MMU_PLOT_SAMPLES
 * log-spaced windows between them, @mmu their MMU.  Returns FALSE (and
 * writes nothing) if there is no series. */
gboolean golanes_mmu_get_plot (GolanesMmu *self,
                               gint64     *x_min,
                               gint64     *x_max,
                               gint64      windows[GOLANES_MMU_PLOT_SAMPLES],
                               double      mmu[GOLANES_MMU_PLOT_SAMPLES]);

/* Parses "stw,background,assist" (also '|' separated, Go's names
 * "perProc", "background", ...; "perproc" and "system" are accepted, the
 * latter meaning nothing).  An empty string gives 0. */
gboolean golanes_mmu_flags_parse (const char      *text,
                                  GolanesMmuFlags *flags,
                                  GError         **error);
/* "stw|background|assist" style, in Go's query syntax; free with g_free. */
char    *golanes_mmu_flags_to_string (GolanesMmuFlags flags);

G_END_DECLS
