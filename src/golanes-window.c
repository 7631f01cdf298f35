/* golanes-window.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "golanes-trace-loader.h"
#include "golanes-trace-view.h"
#include "golanes-record-dialog.h"
#include "golanes-window-private.h"

#define MAX_RECENT_TRACES 8
#define TRACE_MIME_TYPE "application/x-go-trace"

struct _GolanesWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *welcome_page;
  GtkWidget            *recent_box;
  GtkListBox           *recent_list;
  AdwStatusPage        *loading_page;
  GtkProgressBar       *progress_bar;
  GolanesTraceView     *trace_view;
  AdwStatusPage        *error_page;
  GtkWidget            *drop_highlight;

  /* Owned references */
  GFile                *file;
  /* A recording in the cache folder, removed when the window closes
   * unless saved first (win.save-as). */
  GFile                *recording;
  GtkFileChooserNative *save_chooser;
  GolanesTraceSummary  *summary;
  GCancellable         *load_cancellable;
  GCancellable         *recent_cancellable;
  gboolean              recent_stale;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (GolanesWindow, golanes_window, ADW_TYPE_APPLICATION_WINDOW)

static GolanesApplication *
golanes_window_get_golanes_application (GolanesWindow *self)
{
  return GOLANES_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

/* A name to show before anything is known about the file: no I/O. */
static char *
dup_file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

/* "~/src/app" rather than "/home/me/src/app". */
static char *
dup_folder_display_name (GFile *folder)
{
  g_autofree char *path = NULL;
  const char *home;
  gsize home_len;

  if (folder == NULL)
    return g_strdup ("");

  path = g_file_get_path (folder);
  if (path == NULL)
    return g_file_get_parse_name (folder);

  home = g_get_home_dir ();
  home_len = strlen (home);
  if (home_len > 1 && g_str_has_prefix (path, home) &&
      (path[home_len] == '\0' || path[home_len] == G_DIR_SEPARATOR))
    {
      g_autofree char *tail = g_filename_display_name (path + home_len);

      return g_strconcat ("~", tail, NULL);
    }

  return g_filename_display_name (path);
}

static void
golanes_window_set_titles (GolanesWindow *self,
                           const char    *title,
                           const char    *subtitle)
{
  g_assert (GOLANES_IS_WINDOW (self));

  if (title == NULL)
    title = _("Golanes");

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
golanes_window_show_welcome (GolanesWindow *self)
{
  g_assert (GOLANES_IS_WINDOW (self));

  g_clear_object (&self->file);
  g_clear_pointer (&self->summary, golanes_trace_summary_free);
  golanes_window_set_titles (self, NULL, NULL);
  gtk_stack_set_visible_child_name (self->stack, "welcome");
}

static void
golanes_window_cancel_load (GolanesWindow *self)
{
  g_assert (GOLANES_IS_WINDOW (self));

  if (self->load_cancellable != NULL)
    {
      g_cancellable_cancel (self->load_cancellable);
      g_clear_object (&self->load_cancellable);
      /* A trace shown while it streamed in goes with its load. */
      if (self->summary != NULL && golanes_document_is_loading (self->summary->document))
        {
          golanes_trace_view_clear (self->trace_view);
          g_clear_pointer (&self->summary, golanes_trace_summary_free);
        }
    }
}

static void
golanes_window_show_error (GolanesWindow *self,
                           const char    *name,
                           const char    *reason)
{
  g_autofree char *title = NULL;
  g_autofree char *markup = NULL;

  g_assert (GOLANES_IS_WINDOW (self));

  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Could Not Open “%s”"), name);
  markup = g_markup_escape_text (reason, -1);

  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, markup);

  g_clear_pointer (&self->summary, golanes_trace_summary_free);
  golanes_window_set_titles (self, NULL, NULL);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
golanes_window_show_summary (GolanesWindow       *self,
                             GolanesTraceSummary *summary)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *folder = NULL;

  g_assert (GOLANES_IS_WINDOW (self));
  g_assert (summary != NULL);

  g_clear_pointer (&self->summary, golanes_trace_summary_free);
  self->summary = summary;

  parent = g_file_get_parent (summary->file);
  folder = dup_folder_display_name (parent);

  golanes_trace_view_set_summary (self->trace_view, summary);

  golanes_window_set_titles (self, summary->display_name, folder);
  gtk_stack_set_visible_child_name (self->stack, "summary");
}

static void
golanes_window_load_progress_cb (goffset  bytes_read,
                                 goffset  total_bytes,
                                 gpointer user_data)
{
  GolanesWindow *self = user_data;
  g_autofree char *read_text = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *text = NULL;

  g_assert (GOLANES_IS_WINDOW (self));

  read_text = g_format_size (bytes_read);
  total_text = g_format_size (total_bytes);
  /* Translators: the first %s is an amount read so far, the second the size of the file */
  text = g_strdup_printf (_("%s of %s"), read_text, total_text);

  gtk_progress_bar_set_fraction (self->progress_bar,
                                 total_bytes > 0 ? (double) bytes_read / total_bytes : 0.0);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

/* The timeline of the trace being loaded grew: the first time, the trace
 * is shown; then it grows in view. */
static void
golanes_window_load_published_cb (const GolanesTraceSummary *summary,
                                  gpointer                   user_data)
{
  GolanesWindow *self = user_data;

  g_assert (GOLANES_IS_WINDOW (self));

  if (self->summary != NULL && self->summary->document == summary->document)
    golanes_trace_view_set_summary (self->trace_view, self->summary);
  else
    golanes_window_show_summary (self, golanes_trace_summary_copy (summary));
}

static void
golanes_window_load_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  GWeakRef *weak_self = user_data;
  g_autoptr(GolanesWindow) self = g_weak_ref_get (weak_self);
  g_autoptr(GolanesTraceSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_assert (G_IS_TASK (result));

  g_weak_ref_clear (weak_self);
  g_free (weak_self);

  summary = golanes_trace_loader_load_finish (result, &error);

  /* A load that was replaced, cancelled or outlived the window. */
  if (self == NULL ||
      self->load_cancellable == NULL ||
      g_task_get_cancellable (G_TASK (result)) != self->load_cancellable ||
      gtk_window_get_application (GTK_WINDOW (self)) == NULL)
    return;

  g_clear_object (&self->load_cancellable);

  if (summary != NULL)
    {
      if (self->recording == NULL)
        golanes_application_add_recent (golanes_window_get_golanes_application (self),
                                        summary->file);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", self->recording != NULL);
      golanes_window_show_summary (self, g_steal_pointer (&summary));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      golanes_window_show_welcome (self);
      return;
    }

  name = dup_file_display_name (self->file);
  golanes_window_show_error (self, name, error->message);
}

static void forget_recording (GolanesWindow *self);

/**
 * golanes_window_open:
 * @self: a #GolanesWindow
 * @file: a trace
 *
 * Loads @file in the background and shows it, or an error page that
 * explains why it could not be read. A load still running is cancelled.
 */
void
golanes_window_open (GolanesWindow *self,
                     GFile         *file)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  GWeakRef *weak_self;

  g_return_if_fail (GOLANES_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  golanes_window_cancel_load (self);
  if (self->recording != NULL && !g_file_equal (self->recording, file))
    forget_recording (self);

  g_set_object (&self->file, file);
  g_clear_pointer (&self->summary, golanes_trace_summary_free);
  self->load_cancellable = g_cancellable_new ();

  name = dup_file_display_name (file);
  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Loading “%s”…"), name);
  adw_status_page_set_title (self->loading_page, title);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, _("Starting…"));

  golanes_window_set_titles (self, name, _("Loading…"));
  gtk_stack_set_visible_child_name (self->stack, "loading");

  /* Only a weak reference: closing the window disposes it, which cancels
   * the load, instead of the load keeping the closed window alive. The
   * progress callback needs none, as it never runs after cancellation. */
  weak_self = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak_self, self);

  golanes_trace_loader_load_async (file,
                                   self->load_cancellable,
                                   golanes_window_load_progress_cb,
                                   golanes_window_load_published_cb,
                                   self,
                                   NULL,
                                   golanes_window_load_cb,
                                   weak_self);
}

static void
recent_remove_clicked_cb (GtkButton     *button,
                          GolanesWindow *self)
{
  const char *uri = g_object_get_data (G_OBJECT (button), "golanes-uri");

  g_assert (GTK_IS_BUTTON (button));
  g_assert (GOLANES_IS_WINDOW (self));

  gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), uri, NULL);
}

static void
recent_row_mark_missing (GolanesWindow *self,
                         AdwActionRow  *row)
{
  GtkWidget *arrow = g_object_get_data (G_OBJECT (row), "golanes-arrow");
  GFile *file = g_object_get_data (G_OBJECT (row), "golanes-file");
  GtkWidget *button;

  g_assert (GOLANES_IS_WINDOW (self));
  g_assert (ADW_IS_ACTION_ROW (row));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (row), "missing");
  gtk_widget_set_visible (arrow, FALSE);
  adw_action_row_set_subtitle (row, _("File not found: it was moved or deleted"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), NULL);

  button = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Remove From Recent Traces"));
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "golanes-uri", g_file_get_uri (file), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (recent_remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (row, button);
}

static void
recent_query_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AdwActionRow) row = user_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *self;

  info = g_file_query_info_finish (G_FILE (object), result, &error);
  if (info != NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = gtk_widget_get_ancestor (GTK_WIDGET (row), GOLANES_TYPE_WINDOW);
  if (self != NULL)
    recent_row_mark_missing (GOLANES_WINDOW (self), row);
}

static int
compare_recent_info (gconstpointer a,
                     gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo * const *) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo * const *) b;

  /* Newest first */
  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

static gboolean
is_recent_trace (GtkRecentInfo *info)
{
  return gtk_recent_info_has_application (info, PACKAGE_NAME) ||
         g_strcmp0 (gtk_recent_info_get_mime_type (info), TRACE_MIME_TYPE) == 0;
}

static GtkWidget *
create_recent_row (GtkRecentInfo *info)
{
  g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *folder = dup_folder_display_name (parent);
  g_autofree char *tooltip = g_file_get_parse_name (file);
  GtkWidget *row;
  GtkWidget *arrow;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 gtk_recent_info_get_display_name (info));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, tooltip);

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  g_object_set_data (G_OBJECT (row), "golanes-arrow", arrow);
  g_object_set_data_full (G_OBJECT (row), "golanes-file", g_steal_pointer (&file), g_object_unref);

  return row;
}

static void
golanes_window_update_recent (GolanesWindow *self)
{
  g_autoptr(GPtrArray) traces = NULL;
  GtkWidget *child;
  GList *items;

  g_assert (GOLANES_IS_WINDOW (self));

  if (self->recent_cancellable != NULL)
    g_cancellable_cancel (self->recent_cancellable);
  g_clear_object (&self->recent_cancellable);
  self->recent_cancellable = g_cancellable_new ();

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);

  traces = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  for (const GList *iter = items; iter != NULL; iter = iter->next)
    {
      if (is_recent_trace (iter->data))
        g_ptr_array_add (traces, gtk_recent_info_ref (iter->data));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_ptr_array_sort (traces, compare_recent_info);

  for (guint i = 0; i < traces->len && i < MAX_RECENT_TRACES; i++)
    {
      GtkWidget *row = create_recent_row (g_ptr_array_index (traces, i));
      GFile *file = g_object_get_data (G_OBJECT (row), "golanes-file");

      gtk_list_box_append (self->recent_list, row);

      /* Whether the file still exists is asked off the main thread, so
       * that a stale network path cannot freeze the window. */
      g_file_query_info_async (file,
                               G_FILE_ATTRIBUTE_STANDARD_TYPE,
                               G_FILE_QUERY_INFO_NONE,
                               G_PRIORITY_LOW,
                               self->recent_cancellable,
                               recent_query_cb,
                               g_object_ref (row));
    }

  gtk_widget_set_visible (self->recent_box, traces->len > 0);
}

/* The recent traces are listed on the welcome page.  A load that ends
 * adds its trace to them; while a trace is shown, the list is made again
 * when the welcome page comes back, not then: its rows (tooltips, each a
 * round trip to an X server) and the window's layout after them took
 * tens of milliseconds on the main loop as the panels filled in. */
static void
recent_changed_cb (GolanesWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "welcome") == 0)
    golanes_window_update_recent (self);
  else
    self->recent_stale = TRUE;
}

static void
stack_child_changed_cb (GolanesWindow *self)
{
  if (self->recent_stale && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "welcome") == 0)
    {
      self->recent_stale = FALSE;
      golanes_window_update_recent (self);
    }
}

static void
recent_row_activated_cb (GolanesWindow *self,
                         GtkListBoxRow *row)
{
  GFile *file;

  g_assert (GOLANES_IS_WINDOW (self));
  g_assert (GTK_IS_LIST_BOX_ROW (row));

  file = g_object_get_data (G_OBJECT (row), "golanes-file");
  if (file == NULL || !gtk_list_box_row_get_activatable (row))
    return;

  golanes_application_open_files (golanes_window_get_golanes_application (self),
                                  &file, 1, GTK_WINDOW (self));
}

void
_golanes_window_set_drop_highlight (GolanesWindow *self,
                                    gboolean       highlight)
{
  g_return_if_fail (GOLANES_IS_WINDOW (self));

  gtk_widget_set_visible (self->drop_highlight, highlight);
}

static GdkDragAction
drop_enter_cb (GtkDropTarget *target,
               double         x,
               double         y,
               GolanesWindow *self)
{
  g_assert (GOLANES_IS_WINDOW (self));

  _golanes_window_set_drop_highlight (self, TRUE);
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget *target,
               GolanesWindow *self)
{
  g_assert (GOLANES_IS_WINDOW (self));

  _golanes_window_set_drop_highlight (self, FALSE);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GolanesWindow *self)
{
  g_autoptr(GPtrArray) files = NULL;

  g_assert (GOLANES_IS_WINDOW (self));

  _golanes_window_set_drop_highlight (self, FALSE);

  files = g_ptr_array_new_with_free_func (g_object_unref);

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) && g_value_get_boxed (value) != NULL)
    {
      GSList *list = gdk_file_list_get_files (g_value_get_boxed (value));

      for (const GSList *iter = list; iter != NULL; iter = iter->next)
        g_ptr_array_add (files, g_object_ref (iter->data));
      g_slist_free (list);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE) && g_value_get_object (value) != NULL)
    {
      g_ptr_array_add (files, g_value_dup_object (value));
    }

  if (files->len == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Only files can be dropped here")));
      return FALSE;
    }

  golanes_application_open_files (golanes_window_get_golanes_application (self),
                                  (GFile **) files->pdata, files->len, GTK_WINDOW (self));
  return TRUE;
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     GolanesWindow   *self)
{
  g_assert (GTK_IS_NATIVE_DIALOG (dialog));
  g_assert (GOLANES_IS_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) model = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
      guint n_items = g_list_model_get_n_items (model);

      for (guint i = 0; i < n_items; i++)
        g_ptr_array_add (files, g_list_model_get_item (model, i));

      golanes_application_open_files (golanes_window_get_golanes_application (self),
                                      (GFile **) files->pdata, files->len, GTK_WINDOW (self));
    }

  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
}

static void
golanes_window_open_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  GolanesWindow *self = GOLANES_WINDOW (widget);
  g_autoptr(GtkFileFilter) traces = NULL;
  g_autoptr(GtkFileFilter) all = NULL;

  g_assert (GOLANES_IS_WINDOW (self));

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Open Trace"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);

  traces = gtk_file_filter_new ();
  gtk_file_filter_set_name (traces, _("Go Execution Traces"));
  gtk_file_filter_add_mime_type (traces, TRACE_MIME_TYPE);
  gtk_file_filter_add_pattern (traces, "*.out");
  gtk_file_filter_add_pattern (traces, "*.trace");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), traces);

  all = gtk_file_filter_new ();
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);

  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), traces);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
golanes_window_open_sample_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  GolanesWindow *self = GOLANES_WINDOW (widget);
  GolanesApplication *app = golanes_window_get_golanes_application (self);
  g_autoptr(GFile) file = NULL;

  g_assert (GOLANES_IS_WINDOW (self));

  file = golanes_application_dup_sample_trace (app);
  golanes_application_open_files (app, &file, 1, GTK_WINDOW (self));
}

static void
golanes_window_cancel_load_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  GolanesWindow *self = GOLANES_WINDOW (widget);

  g_assert (GOLANES_IS_WINDOW (self));

  if (self->load_cancellable == NULL)
    return;

  golanes_window_cancel_load (self);
  golanes_window_show_welcome (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Loading cancelled")));
}

static void
golanes_window_show_welcome_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  GolanesWindow *self = GOLANES_WINDOW (widget);

  g_assert (GOLANES_IS_WINDOW (self));

  golanes_window_cancel_load (self);
  golanes_window_show_welcome (self);
}

/* The recording shown, unsaved, goes with the window. */
static void
forget_recording (GolanesWindow *self)
{
  if (self->recording != NULL)
    g_file_delete (self->recording, NULL, NULL);
  g_clear_object (&self->recording);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", FALSE);
}

/**
 * golanes_window_open_recording:
 * @file: a trace just recorded into the cache folder
 *
 * Opens @file like golanes_window_open(), as a recording: "Save As" keeps
 * it; closing the window (or opening another trace in it) removes it.
 */
void
golanes_window_open_recording (GolanesWindow *self,
                               GFile         *file)
{
  g_return_if_fail (GOLANES_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  forget_recording (self);
  golanes_window_open (self, file);
  self->recording = g_object_ref (file);
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  GolanesWindow   *self)
{
  g_autoptr(GFile) dest = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->recording != NULL)
    {
      dest = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (dest != NULL && g_file_copy (self->recording, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
        {
          g_autofree char *name = dup_file_display_name (dest);
          /* Translators: a toast after saving a recorded trace; %s is a file name */
          g_autofree char *text = g_strdup_printf (_("Saved as “%s”"), name);

          /* The open trace reads its own copy; the cache's goes now. */
          forget_recording (self);
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
          golanes_application_add_recent (golanes_window_get_golanes_application (self), dest);
        }
      else if (error != NULL)
        {
          /* Translators: a toast when a recorded trace could not be saved; %s says why */
          g_autofree char *text = g_strdup_printf (_("Could not save the trace: %s"), error->message);

          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->save_chooser);
}

static void
golanes_window_save_as_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  GolanesWindow *self = GOLANES_WINDOW (widget);
  g_autofree char *name = NULL;

  if (self->recording == NULL || self->save_chooser != NULL)
    return;
  self->save_chooser = gtk_file_chooser_native_new (_("Save Recorded Trace"), GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_file_get_basename (self->recording);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->save_chooser), name);
  g_signal_connect (self->save_chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
}

static void
golanes_window_record_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (golanes_record_dialog_new (GTK_WINDOW (widget))));
}

static void
golanes_window_dispose (GObject *object)
{
  GolanesWindow *self = (GolanesWindow *) object;

  golanes_window_cancel_load (self);
  forget_recording (self);
  if (self->save_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->save_chooser));
  g_clear_object (&self->save_chooser);

  if (self->recent_cancellable != NULL)
    g_cancellable_cancel (self->recent_cancellable);
  g_clear_object (&self->recent_cancellable);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), GOLANES_TYPE_WINDOW);

  G_OBJECT_CLASS (golanes_window_parent_class)->dispose (object);
}

static void
golanes_window_finalize (GObject *object)
{
  GolanesWindow *self = (GolanesWindow *) object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->summary, golanes_trace_summary_free);

  G_OBJECT_CLASS (golanes_window_parent_class)->finalize (object);
}

static void
golanes_window_class_init (GolanesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = golanes_window_dispose;
  object_class->finalize = golanes_window_finalize;

  g_type_ensure (GOLANES_TYPE_TRACE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/golanes-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GolanesWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GolanesWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GolanesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GolanesWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, GolanesWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, GolanesWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, GolanesWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, GolanesWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GolanesWindow, trace_view);
  gtk_widget_class_bind_template_child (widget_class, GolanesWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, GolanesWindow, drop_highlight);
  gtk_widget_class_bind_template_callback (widget_class, recent_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, golanes_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL,
                                   golanes_window_open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL,
                                   golanes_window_cancel_load_action);
  gtk_widget_class_install_action (widget_class, "win.show-welcome", NULL,
                                   golanes_window_show_welcome_action);
  gtk_widget_class_install_action (widget_class, "win.record", NULL, golanes_window_record_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, golanes_window_save_as_action);
}

static void
golanes_window_init (GolanesWindow *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", FALSE);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  adw_status_page_set_icon_name (self->welcome_page, APP_ID);

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect (target, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_object (gtk_recent_manager_get_default (),
                           "changed",
                           G_CALLBACK (recent_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child-name", G_CALLBACK (stack_child_changed_cb), self,
                           G_CONNECT_SWAPPED);
  golanes_window_update_recent (self);
}

/**
 * golanes_window_new:
 * @application: the application
 *
 * Returns: (transfer none): a new window on the welcome page
 */
GolanesWindow *
golanes_window_new (GolanesApplication *application)
{
  g_return_val_if_fail (GOLANES_IS_APPLICATION (application), NULL);

  return g_object_new (GOLANES_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * golanes_window_is_empty:
 * @self: a #GolanesWindow
 *
 * Returns: %TRUE if the window shows no trace and loads none, so it can be
 *   reused to open one
 */
gboolean
golanes_window_is_empty (GolanesWindow *self)
{
  const char *page;

  g_return_val_if_fail (GOLANES_IS_WINDOW (self), FALSE);

  page = gtk_stack_get_visible_child_name (self->stack);
  return g_strcmp0 (page, "welcome") == 0 || g_strcmp0 (page, "error") == 0;
}

/**
 * golanes_window_get_page_name:
 * @self: a #GolanesWindow
 *
 * Returns: "welcome", "loading", "summary" or "error"
 */
const char *
golanes_window_get_page_name (GolanesWindow *self)
{
  g_return_val_if_fail (GOLANES_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * golanes_window_get_file:
 * @self: a #GolanesWindow
 *
 * Returns: (transfer none) (nullable): the trace shown or being loaded
 */
GFile *
golanes_window_get_file (GolanesWindow *self)
{
  g_return_val_if_fail (GOLANES_IS_WINDOW (self), NULL);

  return self->file;
}

gboolean
_golanes_window_is_loading (GolanesWindow *self)
{
  g_return_val_if_fail (GOLANES_IS_WINDOW (self), FALSE);

  return self->load_cancellable != NULL;
}

GtkListBox *
_golanes_window_get_recent_list (GolanesWindow *self)
{
  g_return_val_if_fail (GOLANES_IS_WINDOW (self), NULL);

  return self->recent_list;
}

GolanesTraceView *
_golanes_window_get_trace_view (GolanesWindow *self)
{
  g_return_val_if_fail (GOLANES_IS_WINDOW (self), NULL);

  return self->trace_view;
}

AdwWindowTitle *
_golanes_window_get_window_title (GolanesWindow *self)
{
  g_return_val_if_fail (GOLANES_IS_WINDOW (self), NULL);

  return self->window_title;
}
