/* main.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "golanes-application.h"
#include "golanes-compat.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GolanesApplication) app = NULL;

  golanes_application_setup_i18n ();
  golanes_skip_unused_gl ();

  g_set_application_name (_("Golanes"));

  app = golanes_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
