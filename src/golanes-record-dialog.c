/* golanes-record-dialog.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-record-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "golanes-application.h"
#include "golanes-record-dialog.h"
#include "golanes-recorder.h"
#include "golanes-settings.h"
#include "golanes-window.h"

/*
 * "Record from a Running Service": the endpoint URL (remembered, with a
 * short history in the settings), the duration, Record.  While it records,
 * a countdown, the bytes received and Cancel; then the trace opens like
 * any file, from the user's cache folder until it is saved (the window
 * removes it when it closes unsaved).  Errors stay in the dialog, which
 * can record again.
 */

#define MAX_HISTORY 8
#define DEFAULT_URL "http://localhost:6060/debug/pprof/trace"

struct _GolanesRecordDialog
{
  AdwWindow      parent_instance;

  GtkWindow     *parent;        /* weak */
  GSettings     *settings;
  GCancellable  *cancellable;
  char          *path;          /* of the recording under way */
  char          *error_text;
  char          *status_text;
  gint64         started;       /* monotonic µs */
  guint          seconds;
  guint          tick_id;
  guint64        bytes;         /* atomic: written on the recording thread */
  gboolean       disposed;

  GtkWidget     *url_entry;
  GtkWidget     *history_button;
  GtkWidget     *seconds_spin;
  GtkWidget     *form;
  GtkWidget     *progress;
  GtkWidget     *status_label;
  GtkWidget     *error_label;
  GtkWidget     *record_button;
  GtkWidget     *cancel_button;
};

G_DEFINE_FINAL_TYPE (GolanesRecordDialog, golanes_record_dialog, ADW_TYPE_WINDOW)

static void
set_error (GolanesRecordDialog *self,
           const char          *text)
{
  g_free (self->error_text);
  self->error_text = g_strdup (text);
  /* The library's messages begin in lower case, as the CLI prints them. */
  if (self->error_text != NULL && g_ascii_islower (self->error_text[0]))
    self->error_text[0] = g_ascii_toupper (self->error_text[0]);
  text = self->error_text;
  gtk_label_set_text (GTK_LABEL (self->error_label), text != NULL ? text : "");
  gtk_widget_set_visible (self->error_label, text != NULL);
}

static void
set_status (GolanesRecordDialog *self,
            const char          *text)
{
  g_free (self->status_text);
  self->status_text = g_strdup (text);
  gtk_label_set_text (GTK_LABEL (self->status_label), text != NULL ? text : "");
}

static void
set_recording (GolanesRecordDialog *self,
               gboolean             recording)
{
  /* Focus leaves the form before it turns insensitive (a focused entry
   * made insensitive never hears of losing the focus). */
  gtk_widget_set_visible (self->cancel_button, recording);
  gtk_widget_set_visible (self->record_button, TRUE);
  gtk_widget_grab_focus (recording ? self->cancel_button : self->record_button);
  gtk_widget_set_visible (self->record_button, !recording);
  gtk_widget_set_sensitive (self->form, !recording);
  gtk_widget_set_visible (self->progress, recording);
}

/* The history: @url first, no duplicates, at most MAX_HISTORY. */
static void
remember_url (GolanesRecordDialog *self,
              const char          *url)
{
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "record-urls");
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_auto(GStrv) urls = NULL;
  guint n = 1;

  g_strv_builder_add (b, url);
  for (guint i = 0; old[i] != NULL && n < MAX_HISTORY; i++)
    if (g_strcmp0 (old[i], url) != 0)
      {
        g_strv_builder_add (b, old[i]);
        n++;
      }
  urls = g_strv_builder_end (b);
  g_settings_set_strv (self->settings, "record-urls", (const char * const *) urls);
  g_settings_set_uint (self->settings, "record-seconds", self->seconds);
}

static void
history_row_activated_cb (GtkListBox          *list,
                          GtkListBoxRow       *row,
                          GolanesRecordDialog *self)
{
  const char *url = g_object_get_data (G_OBJECT (row), "golanes-url");

  gtk_editable_set_text (GTK_EDITABLE (self->url_entry), url);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->history_button));
}

/* The history popover, made each time it opens. */
static void
history_show_cb (GtkPopover          *popover,
                 GolanesRecordDialog *self)
{
  g_auto(GStrv) urls = g_settings_get_strv (self->settings, "record-urls");
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  for (guint i = 0; urls[i] != NULL; i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (urls[i]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "golanes-url", g_strdup (urls[i]), g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  if (urls[0] == NULL)
    {
      GtkWidget *label = gtk_label_new (_("No endpoints recorded from yet"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_append (GTK_LIST_BOX (list), label);
    }
  g_signal_connect_object (list, "row-activated", G_CALLBACK (history_row_activated_cb), self, 0);
  gtk_popover_set_child (popover, list);
}

static gboolean
tick_cb (gpointer data)
{
  GolanesRecordDialog *self = data;
  guint64 bytes = __atomic_load_n (&self->bytes, __ATOMIC_RELAXED);
  g_autofree char *size = g_format_size (bytes);
  g_autofree char *text = NULL;
  double elapsed = (double) (g_get_monotonic_time () - self->started) / G_USEC_PER_SEC;

  if (self->seconds > 0 && elapsed < self->seconds)
    {
      guint left = (guint) (self->seconds - elapsed + 0.999);

      /* Translators: the record dialog while recording: seconds left, bytes received */
      text = g_strdup_printf (ngettext ("Recording… %u second left · %s received",
                                        "Recording… %u seconds left · %s received", left),
                              left, size);
      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), elapsed / self->seconds);
    }
  else
    {
      /* Translators: the record dialog after the duration, while the service sends the rest */
      text = g_strdup_printf (_("Receiving the trace… %s received"), size);
      gtk_progress_bar_pulse (GTK_PROGRESS_BAR (self->progress));
    }
  set_status (self, text);
  return G_SOURCE_CONTINUE;
}

static void
progress_cb (guint64  bytes,
             gpointer data)
{
  GolanesRecordDialog *self = data;

  __atomic_store_n (&self->bytes, bytes, __ATOMIC_RELAXED);
}

static void
record_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(GolanesRecordDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_steal_pointer (&self->path);
  gboolean truncated = FALSE;
  guint64 bytes = 0;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_object (&self->cancellable);
  if (self->disposed)
    {
      /* Closed while it recorded: nothing to show it in. */
      if (golanes_record_finish (result, &bytes, &truncated, NULL))
        g_unlink (path);
      return;
    }
  if (!golanes_record_finish (result, &bytes, &truncated, &error))
    {
      set_recording (self, FALSE);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_status (self, _("Cancelled."));
          set_error (self, NULL);
        }
      else
        {
          set_status (self, NULL);
          set_error (self, error->message);
        }
      return;
    }

  /* Like any file, in a new window (or the one that shows none yet). */
  {
    GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
    g_autoptr(GFile) file = g_file_new_for_path (path);

    if (GOLANES_IS_APPLICATION (app))
      golanes_application_open_recording (GOLANES_APPLICATION (app), file, self->parent);
    else
      g_unlink (path);
  }
  set_recording (self, FALSE);
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static char *
recording_path (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "golanes", "recordings", NULL);
  g_autofree char *host = g_strdup (uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : "service");
  g_autofree char *name = NULL;

  g_strcanon (host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-", '_');
  g_mkdir_with_parents (dir, 0700);
  name = g_strdup_printf ("%s-%s-%d.trace", host, stamp, (int) (g_get_monotonic_time () % 1000));
  return g_build_filename (dir, name, NULL);
}

void
golanes_record_dialog_start (GolanesRecordDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *full = NULL;
  const char *url;

  g_return_if_fail (GOLANES_IS_RECORD_DIALOG (self));

  if (self->cancellable != NULL)
    return;
  url = gtk_editable_get_text (GTK_EDITABLE (self->url_entry));
  self->seconds = (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->seconds_spin));
  full = golanes_record_build_url (url, self->seconds, &error);
  if (full == NULL)
    {
      set_error (self, error->message);
      return;
    }
  set_error (self, NULL);
  remember_url (self, url);
  self->path = recording_path (url);
  self->cancellable = g_cancellable_new ();
  self->started = g_get_monotonic_time ();
  __atomic_store_n (&self->bytes, 0, __ATOMIC_RELAXED);
  set_recording (self, TRUE);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), 0);
  tick_cb (self);
  self->tick_id = g_timeout_add (100, tick_cb, self);
  golanes_record_async (url, self->seconds, self->path, self->cancellable, progress_cb, self,
                        record_done_cb, g_object_ref (self));
}

void
golanes_record_dialog_cancel (GolanesRecordDialog *self)
{
  g_return_if_fail (GOLANES_IS_RECORD_DIALOG (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static gboolean
close_request_cb (GolanesRecordDialog *self)
{
  golanes_record_dialog_cancel (self);
  return FALSE;
}

void
golanes_record_dialog_set_url (GolanesRecordDialog *self,
                               const char          *url)
{
  g_return_if_fail (GOLANES_IS_RECORD_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->url_entry), url);
}

void
golanes_record_dialog_set_seconds (GolanesRecordDialog *self,
                                   guint                seconds)
{
  g_return_if_fail (GOLANES_IS_RECORD_DIALOG (self));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->seconds_spin), seconds);
}

gboolean
golanes_record_dialog_is_recording (GolanesRecordDialog *self)
{
  g_return_val_if_fail (GOLANES_IS_RECORD_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

const char *
golanes_record_dialog_get_error (GolanesRecordDialog *self)
{
  g_return_val_if_fail (GOLANES_IS_RECORD_DIALOG (self), NULL);
  return self->error_text;
}

const char *
golanes_record_dialog_get_status (GolanesRecordDialog *self)
{
  g_return_val_if_fail (GOLANES_IS_RECORD_DIALOG (self), NULL);
  return self->status_text;
}

static void
golanes_record_dialog_dispose (GObject *object)
{
  GolanesRecordDialog *self = GOLANES_RECORD_DIALOG (object);

  self->disposed = TRUE;
  golanes_record_dialog_cancel (self);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_weak_pointer (&self->parent);
  G_OBJECT_CLASS (golanes_record_dialog_parent_class)->dispose (object);
}

static void
golanes_record_dialog_finalize (GObject *object)
{
  GolanesRecordDialog *self = GOLANES_RECORD_DIALOG (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_free (self->path);
  g_free (self->error_text);
  g_free (self->status_text);
  G_OBJECT_CLASS (golanes_record_dialog_parent_class)->finalize (object);
}

static void
golanes_record_dialog_class_init (GolanesRecordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = golanes_record_dialog_dispose;
  object_class->finalize = golanes_record_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
golanes_record_dialog_init (GolanesRecordDialog *self)
{
  GtkWidget *box, *content, *header, *intro, *group, *row, *popover, *buttons;
  g_auto(GStrv) urls = NULL;

  self->settings = golanes_settings_new ();
  urls = g_settings_get_strv (self->settings, "record-urls");

  gtk_window_set_title (GTK_WINDOW (self), _("Record from a Running Service"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, -1);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_box_append (GTK_BOX (box), content);

  intro = gtk_label_new (_("Golanes asks the service’s net/http/pprof endpoint for a trace of the next seconds "
                           "and opens it. The service imports _ \"net/http/pprof\" and serves HTTP; a duration "
                           "of 0 fetches the URL once, such as a handler that writes a flight recorder "
                           "snapshot."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (intro), 60);
  gtk_widget_add_css_class (intro, "dim-label");
  gtk_box_append (GTK_BOX (content), intro);

  self->form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  group = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (group), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (group, "boxed-list");

  self->url_entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->url_entry), _("Endpoint URL"));
  gtk_editable_set_text (GTK_EDITABLE (self->url_entry), urls[0] != NULL ? urls[0] : DEFAULT_URL);
  self->history_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->history_button), "document-open-recent-symbolic");
  gtk_widget_set_tooltip_text (self->history_button, _("Recent Endpoints"));
  gtk_widget_set_valign (self->history_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->history_button, "flat");
  popover = gtk_popover_new ();
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->history_button), popover);
  g_signal_connect_object (popover, "show", G_CALLBACK (history_show_cb), self, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->url_entry), self->history_button);
  g_signal_connect_swapped (self->url_entry, "entry-activated", G_CALLBACK (golanes_record_dialog_start), self);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (self->url_entry), FALSE);
  gtk_list_box_append (GTK_LIST_BOX (group), self->url_entry);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Duration"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Seconds to record; 0 fetches the URL once"));
  self->seconds_spin = gtk_spin_button_new_with_range (0, 3600, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->seconds_spin), g_settings_get_uint (self->settings, "record-seconds"));
  gtk_widget_set_valign (self->seconds_spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->seconds_spin);
  gtk_list_box_append (GTK_LIST_BOX (group), row);
  gtk_box_append (GTK_BOX (self->form), group);
  gtk_box_append (GTK_BOX (content), self->form);

  self->progress = gtk_progress_bar_new ();
  gtk_widget_set_visible (self->progress, FALSE);
  gtk_box_append (GTK_BOX (content), self->progress);
  self->status_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->status_label), 0);
  gtk_widget_add_css_class (self->status_label, "numeric");
  gtk_box_append (GTK_BOX (content), self->status_label);
  self->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->error_label), 60);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (content), self->error_label);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_visible (self->cancel_button, FALSE);
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (golanes_record_dialog_cancel), self);
  self->record_button = gtk_button_new_with_mnemonic (_("_Record"));
  gtk_widget_add_css_class (self->record_button, "suggested-action");
  g_signal_connect_swapped (self->record_button, "clicked", G_CALLBACK (golanes_record_dialog_start), self);
  gtk_box_append (GTK_BOX (buttons), self->cancel_button);
  gtk_box_append (GTK_BOX (buttons), self->record_button);
  gtk_box_append (GTK_BOX (content), buttons);

  adw_window_set_content (ADW_WINDOW (self), box);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

GolanesRecordDialog *
golanes_record_dialog_new (GtkWindow *parent)
{
  GolanesRecordDialog *self = g_object_new (GOLANES_TYPE_RECORD_DIALOG, NULL);

  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
      g_set_weak_pointer (&self->parent, parent);
    }
  return self;
}
