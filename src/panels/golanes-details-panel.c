/* golanes-details-panel.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-details-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "golanes-details-panel.h"
#include "golanes-panel-util.h"
#include "golanes-timeline-math.h"
#include "golanes-timeline-render.h"

/* What the selected span is: its goroutine, state and reason, times, the
 * stack where it began, who unblocked it, and the P and M it ran on. */
struct _GolanesDetailsPanel
{
  GtkWidget       parent_instance;

  GolanesSession *session;
  GtkWidget      *scroller;
  GtkWidget      *box;
  GtkWidget      *unblocker_button;
  GtkWidget      *path_button;
};

G_DEFINE_FINAL_TYPE (GolanesDetailsPanel, golanes_details_panel, GTK_TYPE_WIDGET)

static GtkWidget *
add_label (GolanesDetailsPanel *self,
           GtkWidget           *grid,
           int                  row,
           const char          *title,
           const char          *value)
{
  GtkWidget *key = gtk_label_new (title);
  GtkWidget *label = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (key), 1);
  gtk_widget_set_valign (key, GTK_ALIGN_START);
  gtk_widget_add_css_class (key, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_grid_attach (GTK_GRID (grid), key, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), label, 1, row, 1, 1);
  return label;
}

static char *
format_time (GolanesTimeline *timeline,
             gint64           time)
{
  char buf[48];

  golanes_timeline_format_offset (time - golanes_timeline_get_start_time (timeline), 1000, buf, sizeof buf);
  return g_strdup (buf);
}

static void
unblocker_clicked_cb (GtkButton           *button,
                      GolanesDetailsPanel *self)
{
  GolanesTimeline *timeline;
  gint index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "golanes-goroutine"));
  gint64 time = *(gint64 *) g_object_get_data (G_OBJECT (button), "golanes-time");
  gint span;

  if (self->session == NULL)
    return;

  timeline = golanes_document_get_timeline (golanes_session_get_document (self->session));
  golanes_session_reveal_goroutine (self->session, golanes_timeline_get_goroutine_id (timeline, index));
  span = golanes_track_find_at (golanes_timeline_get_goroutine_states (timeline, index), MAX (time - 1, golanes_timeline_get_start_time (timeline)));
  golanes_session_select_span (self->session, index, span >= 0 ? span : 0);
}

/* The span of @track at @time, if there is one. */
static gboolean
span_at (const GolanesTrack *track,
         gint64              time,
         GolanesSpan        *span)
{
  gint at = golanes_track_find_at (track, time);

  if (at < 0)
    return FALSE;
  golanes_track_get_span (track, at, span);
  return TRUE;
}

/* The P running goroutine @index at @time, and the M holding that P. */
static void
find_proc_and_thread (GolanesTimeline *timeline,
                      guint            index,
                      gint64           time,
                      gint64          *proc_id,
                      gint64          *thread_id)
{
  guint n_procs = golanes_timeline_get_n_procs (timeline);
  guint n_threads = golanes_timeline_get_n_threads (timeline);
  gint proc_index = -1;

  *proc_id = -1;
  *thread_id = -1;

  for (guint p = 0; p < n_procs; p++)
    {
      const GolanesTimelineProc *proc = golanes_timeline_get_proc (timeline, p);
      GolanesSpan span;

      if (span_at (proc->goroutines, time, &span) && span.arg == index)
        {
          proc_index = p;
          *proc_id = proc->id;
          break;
        }
    }

  for (guint m = 0; m < n_threads; m++)
    {
      const GolanesTimelineThread *thread = golanes_timeline_get_thread (timeline, m);
      GolanesSpan span;

      if (!span_at (thread->goroutines, time, &span))
        continue;
      /* An M's running span names its P (or, in a syscall without a P,
       * the goroutine); either identifies the thread. */
      if ((span.state == GOLANES_G_RUNNING && proc_index >= 0 && span.arg == (guint32) proc_index &&
           span.reason != (guint16) (*proc_id + 1)) ||
          (span.reason == (guint16) (*proc_id + 1) && span.arg == index) ||
          (span.state == GOLANES_G_SYSCALL && span.arg == index))
        {
          *thread_id = thread->id;
          break;
        }
    }
}

static void
copy_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  const char *text = g_object_get_data (G_OBJECT (button), "golanes-text");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), text);
}

/* A heading, a button that copies the stack as text, and one selectable
 * line per frame: function, then file:line. */
static void
add_stack (GolanesDetailsPanel *self,
           const char          *title,
           GolanesStackTable   *strings,
           guint32              stack)
{
  guint n_frames = 0;
  const GolanesFrame *frames = stack != 0 ? golanes_stack_table_get_frames (strings, stack, &n_frames) : NULL;
  GString *all = g_string_new (NULL);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *copy;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (header), label);
  gtk_box_append (GTK_BOX (self->box), header);
  if (n_frames == 0)
    {
      label = gtk_label_new (_("No stack recorded for this event"));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (self->box), label);
      g_string_free (all, TRUE);
      return;
    }

  for (guint i = 0; i < n_frames; i++)
    {
      gsize func_len = 0;
      gsize file_len = 0;
      const char *fname = golanes_stack_table_get_string (strings, frames[i].func, &func_len);
      const char *file = golanes_stack_table_get_string (strings, frames[i].file, &file_len);
      g_autofree char *vfunc = fname != NULL ? g_utf8_make_valid (fname, func_len) : g_strdup ("?");
      g_autofree char *vfile = file != NULL ? g_utf8_make_valid (file, file_len) : g_strdup ("?");
      g_autofree char *text = g_strdup_printf ("%s\n    %s:%u", vfunc, vfile, frames[i].line);

      g_string_append_printf (all, "%s\n", text);
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_START);
      gtk_widget_add_css_class (label, "monospace");
      gtk_box_append (GTK_BOX (self->box), label);
    }

  copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_tooltip_text (copy, _("Copy the stack"));
  g_object_set_data_full (G_OBJECT (copy), "golanes-text", g_string_free (all, FALSE), g_free);
  g_signal_connect (copy, "clicked", G_CALLBACK (copy_clicked_cb), NULL);
  gtk_box_append (GTK_BOX (header), copy);
}

/* A heading with a "Critical Path" button at its end (the trace view's
 * "trace.critical-path" action, which reads the session's selection). */
static void
add_heading (GolanesDetailsPanel *self,
             const char          *text,
             const char          *path_tooltip)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Critical _Path"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_tooltip_text (button, path_tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "trace.critical-path");
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), button);
  gtk_box_append (GTK_BOX (self->box), row);
  self->path_button = button;
}

static void
goroutine_clicked_cb (GtkButton           *button,
                      GolanesDetailsPanel *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "golanes-goroutine-id");

  if (self->session != NULL)
    golanes_session_reveal_goroutine (self->session, id);
}

static void
add_goroutine_button (GolanesDetailsPanel *self,
                      GtkWidget           *grid,
                      int                  row,
                      const char          *title,
                      GolanesTimeline     *timeline,
                      gint64               id)
{
  gint index = golanes_timeline_lookup_goroutine (timeline, id);
  g_autofree char *func = index >= 0 ? golanes_timeline_dup_goroutine_function (timeline, (guint) index) : g_strdup ("");
  g_autofree char *text = g_strdup_printf ("G%" G_GINT64_FORMAT " %s", id, func);
  GtkWidget *key = gtk_label_new (title);
  GtkWidget *button = gtk_button_new_with_label (text);
  gint64 *data = g_new (gint64, 1);

  *data = id;
  gtk_label_set_xalign (GTK_LABEL (key), 1);
  gtk_widget_add_css_class (key, "dim-label");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _("Show this goroutine"));
  g_object_set_data_full (G_OBJECT (button), "golanes-goroutine-id", data, g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (goroutine_clicked_cb), self, 0);
  gtk_grid_attach (GTK_GRID (grid), key, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), button, 1, row, 1, 1);
}

/* The selected task or region. */
static void
rebuild_item (GolanesDetailsPanel *self,
              GolanesTimeline     *timeline,
              gint                 task,
              gint                 region)
{
  GtkWidget *grid = gtk_grid_new ();
  g_autofree char *title = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *duration = NULL;
  gint64 t0, t1;
  int row = 0;
  guint8 flags;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  if (task >= 0)
    {
      GolanesTimelineTask t_copy;
      const GolanesTimelineTask *t =
        golanes_timeline_get_task (timeline, (guint) task, &t_copy) ? &t_copy : NULL;
      const char *type = golanes_panel_timeline_string (timeline, t->type, _("(unnamed)"));

      g_autofree char *id = g_strdup_printf ("%" G_GUINT64_FORMAT, t->id);

      /* Translators: the heading of the details panel: a task's id and type */
      title = g_strdup_printf (_("Task %s “%s”"), id, type);
      add_heading (self, title, _("Where the task’s time went, from its creation to its end (P)"));
      gtk_box_append (GTK_BOX (self->box), grid);
      if (t->start_goroutine >= 0)
        add_goroutine_button (self, grid, row++, _("Created by"), timeline, t->start_goroutine);
      if (t->end_goroutine >= 0)
        add_goroutine_button (self, grid, row++, _("Ended by"), timeline, t->end_goroutine);
      if (t->parent_index >= 0)
        {
          GolanesTimelineTask p_copy;
          const GolanesTimelineTask *p =
            golanes_timeline_get_task (timeline, (guint) t->parent_index, &p_copy) ? &p_copy : NULL;
          g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT " “%s”", p->id,
                                                   golanes_panel_timeline_string (timeline, p->type, _("(unnamed)")));

          add_label (self, grid, row++, _("Parent"), text);
        }
      t0 = t->start;
      t1 = t->end;
      flags = t->flags;
    }
  else
    {
      GolanesTimelineRegion r_copy;
      const GolanesTimelineRegion *r =
        golanes_timeline_get_region (timeline, (guint) region, &r_copy) ? &r_copy : NULL;
      const char *type = golanes_panel_timeline_string (timeline, r->type, _("(unnamed)"));

      /* Translators: the heading of the details panel: a region's type */
      title = g_strdup_printf (_("Region “%s”"), type);
      add_heading (self, title, _("Where the region’s time went (P)"));
      gtk_box_append (GTK_BOX (self->box), grid);
      add_goroutine_button (self, grid, row++, _("Goroutine"), timeline, r->goroutine);
      if (r->task != GOLANES_NO_TASK)
        {
          g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT, r->task);

          add_label (self, grid, row++, _("Task"), text);
        }
      t0 = r->start;
      t1 = r->end;
      flags = r->flags;
    }
  start = format_time (timeline, t0);
  end = format_time (timeline, t1);
  duration = golanes_timeline_format_duration (t1 - t0);
  add_label (self, grid, row++, _("Start"), (flags & GOLANES_SPAN_OPEN_START) ? _("before the trace") : start);
  add_label (self, grid, row++, _("End"), (flags & GOLANES_SPAN_OPEN) ? _("after the trace") : end);
  add_label (self, grid, row++, _("Duration"), duration);
}

static void
rebuild (GolanesDetailsPanel *self)
{
  GolanesTimeline *timeline;
  GolanesStackTable *strings;
  GolanesTimelineGoroutine g;
  g_autofree char *func = NULL;
  g_autofree char *goid = NULL;
  g_autofree char *title = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *duration = NULL;
  GtkWidget *child;
  GtkWidget *grid;
  GtkWidget *label;
  GolanesSpan span;
  guint goroutine;
  guint span_index;
  gint unblocker;
  gint64 proc_id;
  gint64 thread_id;
  int row = 0;

  self->unblocker_button = NULL;
  self->path_button = NULL;
  while ((child = gtk_widget_get_first_child (self->box)))
    gtk_box_remove (GTK_BOX (self->box), child);

  if (self->session != NULL &&
      (golanes_session_get_selected_task (self->session) >= 0 ||
       golanes_session_get_selected_region (self->session) >= 0))
    {
      GolanesTimeline *tl = golanes_document_get_timeline (golanes_session_get_document (self->session));
      gint task = golanes_session_get_selected_task (self->session);
      gint region = golanes_session_get_selected_region (self->session);

      if ((task >= 0 && (guint) task < golanes_timeline_get_n_tasks (tl)) ||
          (region >= 0 && (guint) region < golanes_timeline_get_n_regions (tl)))
        {
          rebuild_item (self, tl, task, region);
          return;
        }
    }

  if (self->session == NULL || !golanes_session_get_selected_span (self->session, &goroutine, &span_index))
    {
      label = gtk_label_new (_("Click a span, task or region to see its details"));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_vexpand (label, TRUE);
      gtk_box_append (GTK_BOX (self->box), label);
      return;
    }

  timeline = golanes_document_get_timeline (golanes_session_get_document (self->session));
  strings = golanes_timeline_get_stack_table (timeline);
  if (!golanes_timeline_get_goroutine (timeline, goroutine, &g) || span_index >= golanes_track_get_n_spans (golanes_timeline_get_goroutine_states (timeline, goroutine)))
    return;
  golanes_track_get_span (golanes_timeline_get_goroutine_states (timeline, goroutine), span_index, &span);

  func = golanes_timeline_dup_goroutine_function (timeline, goroutine);
  goid = g_strdup_printf ("%" G_GINT64_FORMAT, g.id);
  /* Translators: the heading of the details panel; %s is the goroutine id */
  title = g_strdup_printf (_("Goroutine %s"), goid);
  add_heading (self, title, _("Where the goroutine’s time went, from its start to the end of this span (P)"));

  /* A CPU sample clicked on the timeline: where the goroutine was. */
  if (golanes_session_get_selected_sample (self->session) >= 0)
    {
      const GolanesTimelineSample *sample = golanes_timeline_get_sample (timeline, (guint) golanes_session_get_selected_sample (self->session));
      g_autofree char *at = format_time (timeline, sample->time);
      /* Translators: a heading of the details panel; %s is a time */
      g_autofree char *heading = g_strdup_printf (_("CPU sample at %s"), at);

      add_stack (self, heading, strings, sample->stack);
    }

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_box_append (GTK_BOX (self->box), grid);

  add_label (self, grid, row++, _("Function"), func[0] != '\0' ? func : _("unknown"));
  add_label (self, grid, row++, _("State"), golanes_timeline_state_name (span.state));
  if (span.reason != 0)
    {
      const char *reason = golanes_timeline_get_reason (timeline, span.reason);

      if (reason != NULL && reason[0] != '\0')
        add_label (self, grid, row++, span.state == GOLANES_G_RUNNING ? _("Label") : _("Reason"), reason);
    }
  start = format_time (timeline, span.start);
  end = format_time (timeline, span.end);
  duration = golanes_timeline_format_duration (span.end - span.start);
  add_label (self, grid, row++, _("Start"), start);
  add_label (self, grid, row++, _("End"), end);
  add_label (self, grid, row++, _("Duration"), duration);

  if (span.state == GOLANES_G_RUNNING || span.state == GOLANES_G_SYSCALL)
    {
      find_proc_and_thread (timeline, goroutine, span.start + (span.end - span.start) / 2, &proc_id, &thread_id);
      if (proc_id >= 0)
        {
          g_autofree char *text = g_strdup_printf ("P%" G_GINT64_FORMAT, proc_id);

          add_label (self, grid, row++, _("Proc"), text);
        }
      if (thread_id >= 0)
        {
          g_autofree char *text = g_strdup_printf ("M%" G_GINT64_FORMAT, thread_id);

          add_label (self, grid, row++, _("Thread"), text);
        }
    }

  unblocker = span.state == GOLANES_G_WAITING ? golanes_timeline_get_unblocker (timeline, goroutine, span_index) : -1;
  if (unblocker >= 0)
    {
      g_autofree char *ufunc = golanes_timeline_dup_goroutine_function (timeline, unblocker);
      g_autofree char *text = g_strdup_printf ("G%" G_GINT64_FORMAT " %s",
                                               golanes_timeline_get_goroutine_id (timeline, unblocker), ufunc);
      GtkWidget *key = gtk_label_new (_("Unblocked by"));
      gint64 *time = g_new (gint64, 1);

      *time = span.end;
      gtk_label_set_xalign (GTK_LABEL (key), 1);
      gtk_widget_add_css_class (key, "dim-label");
      self->unblocker_button = gtk_button_new_with_label (text);
      gtk_widget_add_css_class (self->unblocker_button, "flat");
      gtk_widget_set_halign (self->unblocker_button, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (self->unblocker_button, _("Show the goroutine that unblocked this one"));
      g_object_set_data (G_OBJECT (self->unblocker_button), "golanes-goroutine", GINT_TO_POINTER (unblocker));
      g_object_set_data_full (G_OBJECT (self->unblocker_button), "golanes-time", time, g_free);
      g_signal_connect_object (self->unblocker_button, "clicked", G_CALLBACK (unblocker_clicked_cb), self, 0);
      gtk_grid_attach (GTK_GRID (grid), key, 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), self->unblocker_button, 1, row++, 1, 1);
    }

  /* The stack of the event that began the span and of the one that ended
   * it (the next span's): for a wait, where it blocked and where the
   * goroutine that woke it was. */
  {
    GolanesTrack *states = golanes_timeline_get_goroutine_states (timeline, goroutine);
    GolanesSpan next;
    gboolean has_next = span_index + 1 < golanes_track_get_n_spans (states);

    if (has_next)
      golanes_track_get_span (states, span_index + 1, &next);
    add_stack (self, span.state == GOLANES_G_WAITING ? _("Blocked at") : _("Stack at start"), strings, span.arg);
    if (has_next && next.start == span.end && next.arg != 0)
      add_stack (self, span.state == GOLANES_G_WAITING ? _("Unblocked at") : _("Stack at end"), strings, next.arg);
  }
}

void
golanes_details_panel_set_session (GolanesDetailsPanel *self,
                                   GolanesSession      *session)
{
  g_return_if_fail (GOLANES_IS_DETAILS_PANEL (self));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::selected-span", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::selected-sample", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::selected-task", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::selected-region", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
    }
  rebuild (self);
}

static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

char *
golanes_details_panel_dup_text (GolanesDetailsPanel *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (GOLANES_IS_DETAILS_PANEL (self), NULL);

  collect_text (self->box, out);
  return g_string_free (out, FALSE);
}

GtkWidget *
golanes_details_panel_get_path_button (GolanesDetailsPanel *self)
{
  g_return_val_if_fail (GOLANES_IS_DETAILS_PANEL (self), NULL);

  return self->path_button;
}

GtkWidget *
golanes_details_panel_get_unblocker_button (GolanesDetailsPanel *self)
{
  g_return_val_if_fail (GOLANES_IS_DETAILS_PANEL (self), NULL);

  return self->unblocker_button;
}

static void
golanes_details_panel_dispose (GObject *object)
{
  GolanesDetailsPanel *self = GOLANES_DETAILS_PANEL (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (golanes_details_panel_parent_class)->dispose (object);
}

static void
golanes_details_panel_class_init (GolanesDetailsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = golanes_details_panel_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "detailspanel");
}

static void
golanes_details_panel_init (GolanesDetailsPanel *self)
{
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_set_margin_top (self->box, 8);
  gtk_widget_set_margin_bottom (self->box, 8);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->box);
  rebuild (self);
}

GtkWidget *
golanes_details_panel_new (void)
{
  return g_object_new (GOLANES_TYPE_DETAILS_PANEL, NULL);
}
