/* golanes-record-dialog.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GOLANES_TYPE_RECORD_DIALOG (golanes_record_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GolanesRecordDialog, golanes_record_dialog, GOLANES, RECORD_DIALOG, AdwWindow)

/* A dialog over @parent that records a trace from a running service and
 * opens it (reusing @parent when it shows no trace). */
GolanesRecordDialog *golanes_record_dialog_new (GtkWindow *parent);

/* For tests: the form, the start, and what the dialog shows. */
void        golanes_record_dialog_set_url       (GolanesRecordDialog *self,
                                                 const char          *url);
void        golanes_record_dialog_set_seconds   (GolanesRecordDialog *self,
                                                 guint                seconds);
void        golanes_record_dialog_start         (GolanesRecordDialog *self);
void        golanes_record_dialog_cancel        (GolanesRecordDialog *self);
gboolean    golanes_record_dialog_is_recording  (GolanesRecordDialog *self);
const char *golanes_record_dialog_get_error     (GolanesRecordDialog *self);
const char *golanes_record_dialog_get_status    (GolanesRecordDialog *self);

G_END_DECLS
