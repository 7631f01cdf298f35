/* golanes-cli-commands.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  const char *summary;
  int       (*run) (int argc, char **argv);   /* argv[0] is the command name */
} GolanesCliCommand;

int golanes_cli_info   (int argc, char **argv);
int golanes_cli_events (int argc, char **argv);
int golanes_cli_gc     (int argc, char **argv);
int golanes_cli_mmu    (int argc, char **argv);
int golanes_cli_blocking (int argc, char **argv);
int golanes_cli_cpu (int argc, char **argv);
int golanes_cli_critical_path (int argc, char **argv);
int golanes_cli_goroutines (int argc, char **argv);
int golanes_cli_tasks (int argc, char **argv);
int golanes_cli_regions (int argc, char **argv);
int golanes_cli_summary (int argc, char **argv);
int golanes_cli_record (int argc, char **argv);
int golanes_cli_render (int argc, char **argv);

G_END_DECLS
