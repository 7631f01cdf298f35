/* golanes-palette.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "golanes-critical-path.h"
#include "golanes-palette.h"

/* GNOME palette shades: the light style uses the deeper ones so that
 * spans stand out on white, the dark style the brighter ones. */
static const char *const light_colors[GOLANES_N_COLORS] = {
  [GOLANES_COLOR_CREATED]   = "#99c1f1",
  [GOLANES_COLOR_RUNNING]   = "#2ec27e",
  [GOLANES_COLOR_RUNNABLE]  = "#f5c211",
  [GOLANES_COLOR_WAITING]   = "#d0cfcc",
  [GOLANES_COLOR_SYSCALL]   = "#9141ac",
  [GOLANES_COLOR_GC_MARK]   = "#62a0ea",
  [GOLANES_COLOR_GC_STW]    = "#e01b24",
  [GOLANES_COLOR_GC_SWEEP]  = "#9a9996",
  [GOLANES_COLOR_GC_ASSIST] = "#ff7800",
  [GOLANES_COLOR_HEAP]      = "#1c71d8",
  [GOLANES_COLOR_HEAP_GOAL] = "#c01c28",
  [GOLANES_COLOR_REGION]    = "#2190a4",
  [GOLANES_COLOR_TASK]      = "#813d9c",
  [GOLANES_COLOR_MERGED]    = "#77767b",
  [GOLANES_COLOR_HIGHLIGHT] = "rgba(53,132,228,0.28)",
  [GOLANES_COLOR_SELECTION] = "rgba(53,132,228,0.18)",
  [GOLANES_COLOR_LANE_ALT]  = "rgba(0,0,0,0.035)",
  [GOLANES_COLOR_GRID]      = "rgba(0,0,0,0.10)",
  [GOLANES_COLOR_HEADER]    = "rgba(0,0,0,0.07)",
  [GOLANES_COLOR_CPU_SAMPLE] = "#241f31",
};

static const char *const dark_colors[GOLANES_N_COLORS] = {
  [GOLANES_COLOR_CREATED]   = "#1a5fb4",
  [GOLANES_COLOR_RUNNING]   = "#33d17a",
  [GOLANES_COLOR_RUNNABLE]  = "#e5a50a",
  [GOLANES_COLOR_WAITING]   = "#5e5c64",
  [GOLANES_COLOR_SYSCALL]   = "#c061cb",
  [GOLANES_COLOR_GC_MARK]   = "#3584e4",
  [GOLANES_COLOR_GC_STW]    = "#f66151",
  [GOLANES_COLOR_GC_SWEEP]  = "#77767b",
  [GOLANES_COLOR_GC_ASSIST] = "#ffa348",
  [GOLANES_COLOR_HEAP]      = "#62a0ea",
  [GOLANES_COLOR_HEAP_GOAL] = "#f66151",
  [GOLANES_COLOR_REGION]    = "#30a8bf",
  [GOLANES_COLOR_TASK]      = "#c061cb",
  [GOLANES_COLOR_MERGED]    = "#9a9996",
  [GOLANES_COLOR_HIGHLIGHT] = "rgba(120,174,237,0.30)",
  [GOLANES_COLOR_SELECTION] = "rgba(120,174,237,0.20)",
  [GOLANES_COLOR_LANE_ALT]  = "rgba(255,255,255,0.035)",
  [GOLANES_COLOR_GRID]      = "rgba(255,255,255,0.10)",
  [GOLANES_COLOR_HEADER]    = "rgba(255,255,255,0.07)",
  [GOLANES_COLOR_CPU_SAMPLE] = "#ffffff",
};

/* Distinct hues for goroutines on P and M lanes. */
static const char *const goroutine_light[] = {
  "#3584e4", "#2ec27e", "#e66100", "#9141ac", "#1c71d8", "#26a269",
  "#c64600", "#613583", "#2190a4", "#a51d2d", "#986a44", "#5e5c64",
};
static const char *const goroutine_dark[] = {
  "#62a0ea", "#57e389", "#ffa348", "#c061cb", "#99c1f1", "#8ff0a4",
  "#ff7800", "#dc8add", "#4fd2e6", "#f66151", "#cdab8f", "#9a9996",
};

static GdkRGBA colors[2][GOLANES_N_COLORS];
static GdkRGBA goroutine_colors[2][G_N_ELEMENTS (goroutine_light)];

static void
ensure_parsed (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < GOLANES_N_COLORS; i++)
        {
          gdk_rgba_parse (&colors[0][i], light_colors[i]);
          gdk_rgba_parse (&colors[1][i], dark_colors[i]);
        }
      for (guint i = 0; i < G_N_ELEMENTS (goroutine_light); i++)
        {
          gdk_rgba_parse (&goroutine_colors[0][i], goroutine_light[i]);
          gdk_rgba_parse (&goroutine_colors[1][i], goroutine_dark[i]);
        }
      g_once_init_leave (&initialized, 1);
    }
}

const GdkRGBA *
golanes_palette_get (GolanesColorRole role,
                     gboolean         dark)
{
  g_return_val_if_fail (role < GOLANES_N_COLORS, NULL);

  ensure_parsed ();
  return &colors[dark ? 1 : 0][role];
}

void
golanes_palette_goroutine (guint     index,
                           gboolean  dark,
                           GdkRGBA  *color)
{
  g_return_if_fail (color != NULL);

  ensure_parsed ();
  /* Neighbouring goroutines (often siblings) get unrelated hues. */
  *color = goroutine_colors[dark ? 1 : 0][(index * 7u) % G_N_ELEMENTS (goroutine_light)];
}

const GolanesLegendEntry *
golanes_palette_get_legend (guint *n_entries)
{
  static GolanesLegendEntry entries[] = {
    { GOLANES_COLOR_RUNNING, N_("Running") },
    { GOLANES_COLOR_RUNNABLE, N_("Runnable") },
    { GOLANES_COLOR_WAITING, N_("Waiting") },
    { GOLANES_COLOR_SYSCALL, N_("System call") },
    { GOLANES_COLOR_CREATED, N_("Created, not yet run") },
    { GOLANES_COLOR_GC_MARK, N_("GC mark phase") },
    { GOLANES_COLOR_GC_STW, N_("Stop-the-world pause") },
    { GOLANES_COLOR_GC_ASSIST, N_("Mark assist") },
    { GOLANES_COLOR_GC_SWEEP, N_("Sweep") },
    { GOLANES_COLOR_HEAP, N_("Heap in use") },
    { GOLANES_COLOR_HEAP_GOAL, N_("Heap goal") },
    { GOLANES_COLOR_REGION, N_("User region") },
    { GOLANES_COLOR_TASK, N_("User task") },
    { GOLANES_COLOR_MERGED, N_("Many spans merged (see tooltip)") },
  };

  if (n_entries != NULL)
    *n_entries = G_N_ELEMENTS (entries);
  return entries;
}

GolanesColorRole
golanes_palette_crit_role (guint kind)
{
  static const GolanesColorRole roles[] = {
    [GOLANES_CRIT_RUNNING] = GOLANES_COLOR_RUNNING,
    [GOLANES_CRIT_RUNNABLE] = GOLANES_COLOR_RUNNABLE,
    [GOLANES_CRIT_WAITING] = GOLANES_COLOR_WAITING,
    [GOLANES_CRIT_SYSCALL] = GOLANES_COLOR_SYSCALL,
    [GOLANES_CRIT_GC] = GOLANES_COLOR_GC_ASSIST,
    [GOLANES_CRIT_STW] = GOLANES_COLOR_GC_STW,
  };

  return kind < G_N_ELEMENTS (roles) ? roles[kind] : GOLANES_COLOR_MERGED;
}
