/* golanes-application.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GOLANES_TYPE_APPLICATION (golanes_application_get_type())

G_DECLARE_FINAL_TYPE (GolanesApplication, golanes_application, GOLANES, APPLICATION, AdwApplication)

void                golanes_application_setup_i18n        (void);
GolanesApplication *golanes_application_new               (const char          *application_id,
                                                           GApplicationFlags    flags);
GSettings          *golanes_application_get_settings      (GolanesApplication  *self);
void                golanes_application_open_recording    (GolanesApplication  *self,
                                                           GFile               *file,
                                                           GtkWindow           *reuse);
void                golanes_application_open_files        (GolanesApplication  *self,
                                                           GFile              **files,
                                                           guint                n_files,
                                                           GtkWindow           *reuse);
GFile              *golanes_application_dup_sample_trace  (GolanesApplication  *self);
void                golanes_application_add_recent        (GolanesApplication  *self,
                                                           GFile               *file);

G_END_DECLS
