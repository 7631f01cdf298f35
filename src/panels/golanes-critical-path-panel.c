/* golanes-critical-path-panel.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-critical-path-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "golanes-busy.h"
#include "golanes-critical-path-panel.h"
#include "golanes-palette.h"
#include "golanes-panel-row.h"
#include "golanes-panel-util.h"
#include "golanes-timeline-math.h"

/*
 * The "Critical Path" page: what a task, a region, a goroutine's stretch
 * or every instance of a task or region type spent its time on, as the
 * library's critical path analysis (golanes-critical-path.h) breaks it
 * down: a bar and a list by kind, lists by goroutine (or start function)
 * and by function, and, for one path, its steps in order.  The path itself
 * (for a type, its median or slowest instance) is drawn on the timeline
 * through the session.  Paths are computed on a worker thread from the
 * finished timeline; a new request cancels the one under way.
 */

/* Rows a list shows at most; the rest are summed in a last row. */
#define MAX_ROWS 50
#define MAX_STEPS 500

typedef enum
{
  TARGET_NONE,
  TARGET_TASK,
  TARGET_REGION,
  TARGET_GOROUTINE,
  TARGET_TASK_TYPE,
  TARGET_REGION_TYPE,
} TargetKind;

typedef struct
{
  TargetKind kind;
  guint      index;
  gint64     start;
  gint64     end;
  char      *type;
} Target;

typedef struct
{
  GolanesDocument      *document;
  Target                target;
} Request;

typedef struct
{
  GolanesCriticalPath  *path;        /* one target */
  GolanesCritBreakdown *breakdown;   /* of @path */
  GolanesCritAggregate *aggregate;   /* a type */
  char                 *error;
} Result;

struct _GolanesCriticalPathPanel
{
  GolanesPanel          parent_instance;

  GolanesSession       *session;
  Target                target;
  gboolean              pending;     /* asked for before the timeline was whole */
  GCancellable         *cancellable;
  Result               *result;
  gboolean              slowest;
  char                 *heading_text;

  GtkWidget            *box;
  GtkWidget            *status;
  GtkWidget            *placeholder;
  GtkWidget            *busy;
  GtkWidget            *content;
  GtkLabel             *heading;
  GtkLabel             *summary;
  GtkWidget            *bar;
  GtkWidget            *type_row;
  GtkToggleButton      *median_button;
  GtkToggleButton      *slowest_button;
  GtkWidget            *lists;
};

G_DEFINE_FINAL_TYPE (GolanesCriticalPathPanel, golanes_critical_path_panel, GOLANES_TYPE_PANEL)

const char *
golanes_critical_path_panel_get_title (void)
{
  return _("Critical Path");
}

const char *
golanes_critical_path_panel_get_icon_name (void)
{
  return "find-location-symbolic";
}

static const char *
kind_title (guint kind)
{
  switch (kind)
    {
    case GOLANES_CRIT_RUNNING:
      return _("Running");
    case GOLANES_CRIT_RUNNABLE:
      return _("Runnable");
    case GOLANES_CRIT_WAITING:
      return _("Waiting");
    case GOLANES_CRIT_SYSCALL:
      return _("Syscall");
    case GOLANES_CRIT_GC:
      return _("GC");
    case GOLANES_CRIT_STW:
      return _("Stop-the-world");
    default:
      return "";
    }
}

static const char *const kind_tooltips[GOLANES_CRIT_N_KINDS] = {
  N_("The goroutines on the path ran their own code"),
  N_("Ready to run but waiting for a P: scheduler latency"),
  N_("Blocked with nobody to wake it: sleep, timers, the network poller, the runtime"),
  N_("In system calls"),
  N_("GC mark assists and the GC’s own workers"),
  N_("Stopped for the world to stop"),
};

static void
target_clear (Target *target)
{
  g_clear_pointer (&target->type, g_free);
  target->kind = TARGET_NONE;
}

static void
result_free (Result *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->path, golanes_critical_path_free);
  g_clear_pointer (&result->breakdown, golanes_crit_breakdown_free);
  g_clear_pointer (&result->aggregate, golanes_crit_aggregate_free);
  g_free (result->error);
  g_free (result);
}

static void
request_free (Request *request)
{
  g_clear_pointer (&request->document, golanes_document_unref);
  target_clear (&request->target);
  g_free (request);
}

static GolanesTimeline *
get_timeline (GolanesCriticalPathPanel *self)
{
  return golanes_panel_get_timeline (golanes_panel_get_document (GOLANES_PANEL (self)));
}

/* The path the timeline shows and the breakdown the lists show. */
static GolanesCriticalPath *
shown_path (GolanesCriticalPathPanel *self)
{
  Result *r = self->result;

  if (r == NULL)
    return NULL;
  if (r->path != NULL)
    return r->path;
  if (r->aggregate != NULL && golanes_crit_aggregate_get_median (r->aggregate) >= 0)
    {
      GolanesCritAggregate *agg = r->aggregate;
      guint n = golanes_crit_aggregate_get_n_instances (agg), i, longest = 0;

      if (!self->slowest)
        return golanes_crit_aggregate_get_instance (agg, (guint) golanes_crit_aggregate_get_median (agg));
      for (i = 1; i < n; i++)
        {
          GolanesCriticalPath *p = golanes_crit_aggregate_get_instance (agg, i);
          GolanesCriticalPath *l = golanes_crit_aggregate_get_instance (agg, longest);

          if (golanes_critical_path_get_end (p) - golanes_critical_path_get_start (p) >
              golanes_critical_path_get_end (l) - golanes_critical_path_get_start (l))
            longest = i;
        }
      return golanes_crit_aggregate_get_instance (agg, longest);
    }
  return NULL;
}

static const GolanesCritBreakdown *
shown_breakdown (GolanesCriticalPathPanel *self)
{
  Result *r = self->result;

  if (r == NULL)
    return NULL;
  if (r->breakdown != NULL)
    return r->breakdown;
  if (r->aggregate != NULL)
    return self->slowest ? golanes_crit_aggregate_get_slowest_breakdown (r->aggregate) :
                           golanes_crit_aggregate_get_median_breakdown (r->aggregate);
  return NULL;
}

/* The bar */

static void
draw_bar (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        data)
{
  GolanesCriticalPathPanel *self = data;
  const GolanesCritBreakdown *b = shown_breakdown (self);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  double x = 0;

  if (b == NULL || b->wall <= 0)
    return;
  for (guint k = 0; k < GOLANES_CRIT_N_KINDS; k++)
    {
      double w = (double) width * (double) b->by_kind[k] / (double) b->wall;

      if (b->by_kind[k] <= 0)
        continue;
      gdk_cairo_set_source_rgba (cr, golanes_palette_get (golanes_palette_crit_role (k), dark));
      cairo_rectangle (cr, x, 0, MAX (w, 1), height);
      cairo_fill (cr);
      x += w;
    }
}

/* The lists */

static GtkWidget *
section (GolanesCriticalPathPanel *self,
         const char               *title,
         GtkWidget               **list)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (GTK_BOX (self->lists), label);
  *list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (*list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (*list, "boxed-list");
  gtk_box_append (GTK_BOX (self->lists), *list);
  return *list;
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  const GdkRGBA *color = g_object_get_data (G_OBJECT (area), "golanes-color");

  if (color == NULL)
    return;
  gdk_cairo_set_source_rgba (cr, color);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

static GtkWidget *
add_row (GtkWidget     *list,
         const GdkRGBA *swatch,
         const char    *name,
         gint64         time,
         gint64         wall,
         const char    *tooltip)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (name);
  g_autofree char *duration = golanes_panel_format_duration (time);
  g_autofree char *share = g_strdup_printf ("%.1f%%", wall > 0 ? 100.0 * (double) time / (double) wall : 0.0);
  GtkWidget *dlabel = gtk_label_new (duration);
  GtkWidget *slabel = gtk_label_new (share);

  gtk_widget_set_margin_start (hbox, 8);
  gtk_widget_set_margin_end (hbox, 8);
  gtk_widget_set_margin_top (hbox, 4);
  gtk_widget_set_margin_bottom (hbox, 4);
  if (swatch != NULL)
    {
      GtkWidget *sw = gtk_drawing_area_new ();
      GdkRGBA *color = g_new (GdkRGBA, 1);

      *color = *swatch;
      g_object_set_data_full (G_OBJECT (sw), "golanes-color", color, g_free);
      gtk_widget_set_size_request (sw, 12, 12);
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (sw), draw_swatch, NULL, NULL);
      gtk_box_append (GTK_BOX (hbox), sw);
    }
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (dlabel), 1);
  gtk_label_set_xalign (GTK_LABEL (slabel), 1);
  gtk_label_set_width_chars (GTK_LABEL (slabel), 6);
  gtk_widget_add_css_class (dlabel, "numeric");
  gtk_widget_add_css_class (slabel, "numeric");
  gtk_widget_add_css_class (slabel, "dim-label");
  gtk_box_append (GTK_BOX (hbox), label);
  gtk_box_append (GTK_BOX (hbox), dlabel);
  gtk_box_append (GTK_BOX (hbox), slabel);
  gtk_widget_set_tooltip_text (row, tooltip != NULL ? tooltip : name);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), hbox);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static void
row_activated_cb (GtkListBox               *list,
                  GtkListBoxRow            *row,
                  GolanesCriticalPathPanel *self)
{
  gint64 *range = g_object_get_data (G_OBJECT (row), "golanes-range");
  gint64 *goroutine = g_object_get_data (G_OBJECT (row), "golanes-goroutine");

  if (goroutine != NULL)
    golanes_panel_activate_goroutine (GOLANES_PANEL (self), *goroutine);
  else if (range != NULL)
    golanes_panel_activate_range (GOLANES_PANEL (self), range[0], range[1]);
}

static void
make_activatable (GtkWidget *row,
                  const char *key,
                  gint64      a,
                  gint64      b)
{
  gint64 *data = g_new (gint64, 2);

  data[0] = a;
  data[1] = b;
  g_object_set_data_full (G_OBJECT (row), key, data, g_free);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
}

static void
fill_entries (GolanesCriticalPathPanel   *self,
              GtkWidget                  *list,
              GolanesTimeline            *timeline,
              const GArray               *entries,
              gint64                      wall,
              guint                       n_paths,
              gboolean                    goroutines)
{
  gint64 rest = 0;
  guint i;

  for (i = 0; i < entries->len; i++)
    {
      const GolanesCritEntry *e = &g_array_index (entries, GolanesCritEntry, i);
      g_autofree char *name = NULL;
      GtkWidget *row;

      if (i >= MAX_ROWS)
        {
          rest += e->total;
          continue;
        }
      if (goroutines)
        {
          g_autofree char *func = golanes_timeline_dup_goroutine_function (timeline, e->key);

          name = g_strdup_printf ("G%" G_GINT64_FORMAT " %s", golanes_timeline_get_goroutine_id (timeline, e->key),
                                  func[0] != '\0' ? func : _("(unknown)"));
        }
      else
        name = g_strdup (golanes_panel_timeline_string (timeline, e->key, _("(unknown)")));
      row = add_row (list, NULL, name, e->total / MAX (n_paths, 1), wall / MAX (n_paths, 1), NULL);
      if (goroutines)
        make_activatable (row, "golanes-goroutine", golanes_timeline_get_goroutine_id (timeline, e->key), 0);
    }
  if (rest > 0)
    {
      /* Translators: the last row of a list; %u is how many entries it sums */
      g_autofree char *name = g_strdup_printf (_("%u more"), entries->len - MAX_ROWS);

      add_row (list, NULL, name, rest / MAX (n_paths, 1), wall / MAX (n_paths, 1), NULL);
    }
}

static void
fill_steps (GolanesCriticalPathPanel *self,
            GtkWidget                *list,
            GolanesTimeline          *timeline,
            GolanesCriticalPath      *path)
{
  const GolanesCritSegment *segs;
  guint n, i;
  gint64 wall = golanes_critical_path_get_end (path) - golanes_critical_path_get_start (path);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  segs = golanes_critical_path_get_segments (path, &n);
  for (i = 0; i < n && i < MAX_STEPS; i++)
    {
      const GolanesCritSegment *s = &segs[i];
      const char *func = golanes_panel_timeline_string (timeline, s->function, _("(unknown)"));
      g_autofree char *name = NULL;
      g_autofree char *tooltip = NULL;
      char at[48];
      GtkWidget *row;

      golanes_timeline_format_offset (s->start - golanes_timeline_get_start_time (timeline), 1000, at, sizeof at);
      name = g_strdup_printf ("G%" G_GINT64_FORMAT " %s", golanes_timeline_get_goroutine_id (timeline, s->goroutine),
                              func);
      /* Translators: a step's tooltip: its time, kind, reason */
      tooltip = g_strdup_printf (_("%s at %s%s%s"), kind_title (s->kind), at, s->reason[0] != '\0' ? ": " : "",
                                 s->reason);
      row = add_row (list, golanes_palette_get (golanes_palette_crit_role (s->kind), dark), name,
                     s->end - s->start, wall, tooltip);
      make_activatable (row, "golanes-range", s->start, s->end);
    }
  if (n > MAX_STEPS)
    {
      /* Translators: below the first steps of a long path */
      g_autofree char *text = g_strdup_printf (_("%u more steps"), n - MAX_STEPS);
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (self->lists), label);
    }
}

static void
set_heading (GolanesCriticalPathPanel *self,
             const char               *text)
{
  g_free (self->heading_text);
  self->heading_text = g_strdup (text);
  gtk_label_set_text (self->heading, text);
}

/* The heading of the target, from the timeline. */
static char *
describe_target (GolanesCriticalPathPanel *self,
                 GolanesTimeline          *timeline)
{
  const Target *t = &self->target;

  switch (t->kind)
    {
    case TARGET_TASK:
      {
        GolanesTimelineTask task_copy;
        const GolanesTimelineTask *task =
          golanes_timeline_get_task (timeline, t->index, &task_copy) ? &task_copy : NULL;
        g_autofree char *id = g_strdup_printf ("%" G_GUINT64_FORMAT, task->id);

        /* Translators: the critical path panel's heading: a task's id and type */
        return g_strdup_printf (_("Task %s “%s”"), id, golanes_panel_timeline_string (timeline, task->type, _("(unnamed)")));
      }
    case TARGET_REGION:
      {
        GolanesTimelineRegion region_copy;
        const GolanesTimelineRegion *region =
          golanes_timeline_get_region (timeline, t->index, &region_copy) ? &region_copy : NULL;
        g_autofree char *g = g_strdup_printf ("G%" G_GINT64_FORMAT, region->goroutine);

        /* Translators: the critical path panel's heading: a region's type and goroutine */
        return g_strdup_printf (_("Region “%s” on %s"), golanes_panel_timeline_string (timeline, region->type, _("(unnamed)")), g);
      }
    case TARGET_GOROUTINE:
      {
        g_autofree char *func = golanes_timeline_dup_goroutine_function (timeline, t->index);
        g_autofree char *g = g_strdup_printf ("G%" G_GINT64_FORMAT, golanes_timeline_get_goroutine_id (timeline, t->index));

        /* Translators: the critical path panel's heading: a goroutine and its function */
        return g_strdup_printf (_("Goroutine %s %s"), g, func);
      }
    case TARGET_TASK_TYPE:
      /* Translators: the critical path panel's heading: every task of a type */
      return g_strdup_printf (_("Tasks “%s”"), t->type[0] != '\0' ? t->type : _("(unnamed)"));
    case TARGET_REGION_TYPE:
      /* Translators: the critical path panel's heading: every region of a type */
      return g_strdup_printf (_("Regions “%s”"), t->type[0] != '\0' ? t->type : _("(unnamed)"));
    case TARGET_NONE:
    default:
      return g_strdup ("");
    }
}

static guint
count_goroutines (GolanesCriticalPath *path)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  const GolanesCritSegment *segs;
  guint n;

  segs = golanes_critical_path_get_segments (path, &n);
  for (guint i = 0; i < n; i++)
    g_hash_table_add (seen, GUINT_TO_POINTER (segs[i].goroutine + 1));
  return g_hash_table_size (seen);
}

/* Draws the shown path on the timeline, and brings it into view when it
 * is not (or is too thin to see: a type's instance, mostly). */
static void
update_session_path (GolanesCriticalPathPanel *self)
{
  GolanesCriticalPath *path = shown_path (self);
  gint64 vstart, vend, start, end;

  if (self->session == NULL)
    return;
  golanes_session_set_critical_path (self->session, path, self->heading_text);
  if (path == NULL)
    return;
  golanes_session_get_visible (self->session, &vstart, &vend);
  start = golanes_critical_path_get_start (path);
  end = golanes_critical_path_get_end (path);
  if (start < vstart || end > vend || (end - start) * 20 < vend - vstart)
    golanes_panel_activate_range (GOLANES_PANEL (self), start, end);
}

static void
show_state (GolanesCriticalPathPanel *self,
            GtkWidget                *child)
{
  gtk_widget_set_visible (self->placeholder, child == self->placeholder);
  gtk_widget_set_visible (self->busy, child == self->busy);
  gtk_widget_set_visible (self->content, child == self->content);
}

static void
rebuild_lists (GolanesCriticalPathPanel *self)
{
  GolanesTimeline *timeline = get_timeline (self);
  const GolanesCritBreakdown *b = shown_breakdown (self);
  GolanesCriticalPath *path = shown_path (self);
  gboolean aggregate = self->result != NULL && self->result->aggregate != NULL;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autofree char *text = NULL;
  GtkWidget *child, *list;

  while ((child = gtk_widget_get_first_child (self->lists)) != NULL)
    gtk_box_remove (GTK_BOX (self->lists), child);
  if (b == NULL || timeline == NULL)
    return;

  if (aggregate)
    {
      GolanesCritAggregate *agg = self->result->aggregate;
      g_autofree char *median = NULL;
      g_autofree char *p99 = golanes_panel_format_duration (golanes_crit_aggregate_get_p99 (agg));
      const GolanesCritBreakdown *slow = golanes_crit_aggregate_get_slowest_breakdown (agg);
      GolanesCriticalPath *m = golanes_crit_aggregate_get_instance (agg, (guint) golanes_crit_aggregate_get_median (agg));

      median = golanes_panel_format_duration (golanes_critical_path_get_end (m) - golanes_critical_path_get_start (m));
      /* Translators: the summary of a type's critical paths */
      text = g_strdup_printf (ngettext ("%u complete instance · median %s · p99 %s (%u at or above it)",
                                        "%u complete instances · median %s · p99 %s (%u at or above it)",
                                        golanes_crit_aggregate_get_n_instances (agg)),
                              golanes_crit_aggregate_get_n_instances (agg), median, p99, slow->n_paths);
    }
  else
    {
      g_autofree char *wall = golanes_panel_format_duration (b->wall);
      guint n = 0;

      golanes_critical_path_get_segments (path, &n);
      /* Translators: the summary of one critical path */
      text = g_strdup_printf (_("%s of wall time · %u steps on %u goroutines"), wall, n, count_goroutines (path));
    }
  gtk_label_set_text (self->summary, text);
  gtk_widget_set_visible (self->type_row, aggregate);
  gtk_widget_queue_draw (self->bar);

  if (aggregate && self->slowest)
    section (self, _("Slowest 1%: mean per instance, by kind"), &list);
  else if (aggregate)
    section (self, _("Median instance, by kind"), &list);
  else
    section (self, _("By kind"), &list);
  for (guint k = 0; k < GOLANES_CRIT_N_KINDS; k++)
    if (b->by_kind[k] > 0)
      add_row (list, golanes_palette_get (golanes_palette_crit_role (k), dark), kind_title (k),
               b->by_kind[k] / MAX (b->n_paths, 1), b->wall / MAX (b->n_paths, 1), _(kind_tooltips[k]));

  if (aggregate)
    {
      section (self, _("By goroutine start function"), &list);
      fill_entries (self, list, timeline, b->by_start_function, b->wall, b->n_paths, FALSE);
    }
  else
    {
      section (self, _("By goroutine"), &list);
      g_signal_connect_object (list, "row-activated", G_CALLBACK (row_activated_cb), self, 0);
      fill_entries (self, list, timeline, b->by_goroutine, b->wall, b->n_paths, TRUE);
    }
  section (self, _("By function"), &list);
  fill_entries (self, list, timeline, b->by_function, b->wall, b->n_paths, FALSE);

  if (path != NULL)
    {
      section (self, aggregate ? (self->slowest ? _("Steps of the slowest instance") : _("Steps of the median instance")) :
                                 _("Steps"), &list);
      g_signal_connect_object (list, "row-activated", G_CALLBACK (row_activated_cb), self, 0);
      fill_steps (self, list, timeline, path);
    }
}

static void
show_result (GolanesCriticalPathPanel *self)
{
  GolanesTimeline *timeline = get_timeline (self);
  g_autofree char *heading = NULL;

  if (self->result == NULL || timeline == NULL)
    {
      show_state (self, self->placeholder);
      return;
    }
  heading = describe_target (self, timeline);
  set_heading (self, heading);
  if (self->result->error != NULL)
    {
      gtk_label_set_text (self->summary, self->result->error);
      gtk_widget_set_visible (self->type_row, FALSE);
      while (gtk_widget_get_first_child (self->lists) != NULL)
        gtk_box_remove (GTK_BOX (self->lists), gtk_widget_get_first_child (self->lists));
      show_state (self, self->content);
      update_session_path (self);
      return;
    }
  rebuild_lists (self);
  show_state (self, self->content);
  update_session_path (self);
}

/* Computing */

static void
compute_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Request *request = task_data;
  GolanesTimeline *timeline = golanes_document_get_timeline (request->document);
  Result *result = g_new0 (Result, 1);
  g_autoptr(GError) error = NULL;

  switch (request->target.kind)
    {
    case TARGET_TASK:
      result->path = golanes_critical_path_new_for_task (timeline, request->target.index, &error);
      break;
    case TARGET_REGION:
      result->path = golanes_critical_path_new_for_region (timeline, request->target.index, &error);
      break;
    case TARGET_GOROUTINE:
      result->path = golanes_critical_path_new (timeline, request->target.index, request->target.start,
                                                request->target.end, &error);
      break;
    case TARGET_TASK_TYPE:
      result->aggregate = golanes_crit_aggregate_new_for_task_type (timeline, request->target.type);
      break;
    case TARGET_REGION_TYPE:
      result->aggregate = golanes_crit_aggregate_new_for_region_type (timeline, request->target.type);
      break;
    case TARGET_NONE:
    default:
      break;
    }
  if (result->path != NULL)
    {
      result->breakdown = golanes_crit_breakdown_new ();
      golanes_crit_breakdown_add (result->breakdown, timeline, result->path);
      golanes_crit_breakdown_finish (result->breakdown);
    }
  else if (result->aggregate != NULL && golanes_crit_aggregate_get_n_instances (result->aggregate) == 0)
    result->error = g_strdup (_("No complete instance: every one began before the trace or ended after it."));
  else if (result->aggregate == NULL)
    result->error = g_strdup (error != NULL ? error->message : _("Nothing to explain."));
  g_task_return_pointer (task, result, (GDestroyNotify) result_free);
}

static void
compute_done (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  GolanesCriticalPathPanel *self;
  Result *result;

  /* Cancelled: a newer request (or disposal) took over. */
  if (g_task_had_error (G_TASK (res)) || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (res))))
    return;
  self = GOLANES_CRITICAL_PATH_PANEL (source);
  result = g_task_propagate_pointer (G_TASK (res), NULL);
  g_clear_object (&self->cancellable);
  result_free (self->result);
  self->result = result;
  show_result (self);
}

static void
start (GolanesCriticalPathPanel *self)
{
  GolanesDocument *document = golanes_panel_get_document (GOLANES_PANEL (self));
  GolanesTimeline *timeline = get_timeline (self);
  g_autoptr(GTask) task = NULL;
  Request *request;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->result, result_free);
  if (self->session != NULL)
    golanes_session_set_critical_path (self->session, NULL, NULL);

  if (self->target.kind == TARGET_NONE || document == NULL)
    {
      show_state (self, self->placeholder);
      return;
    }
  {
    g_autofree char *heading = timeline != NULL ? describe_target (self, timeline) : g_strdup ("");

    set_heading (self, heading);
  }
  show_state (self, self->busy);
  /* The analysis reads the whole timeline: while the trace still streams
   * in, wait for the end of the load (the next document given). */
  if (timeline == NULL || !golanes_timeline_is_finished (timeline))
    {
      self->pending = TRUE;
      return;
    }
  self->pending = FALSE;

  request = g_new0 (Request, 1);
  request->document = golanes_document_ref (document);
  request->target = self->target;
  request->target.type = g_strdup (self->target.type);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, compute_done, NULL);
  g_task_set_source_tag (task, start);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  g_task_run_in_thread (task, compute_thread);
}

static void
set_target (GolanesCriticalPathPanel *self,
            TargetKind                kind,
            guint                     index,
            gint64                    t0,
            gint64                    t1,
            const char               *type)
{
  target_clear (&self->target);
  self->target.kind = kind;
  self->target.index = index;
  self->target.start = t0;
  self->target.end = t1;
  self->target.type = g_strdup (type);
  self->slowest = FALSE;
  gtk_toggle_button_set_active (self->median_button, TRUE);
  start (self);
}

void
golanes_critical_path_panel_show_task (GolanesCriticalPathPanel *self,
                                       guint                     task)
{
  g_return_if_fail (GOLANES_IS_CRITICAL_PATH_PANEL (self));
  set_target (self, TARGET_TASK, task, 0, 0, NULL);
}

void
golanes_critical_path_panel_show_region (GolanesCriticalPathPanel *self,
                                         guint                     region)
{
  g_return_if_fail (GOLANES_IS_CRITICAL_PATH_PANEL (self));
  set_target (self, TARGET_REGION, region, 0, 0, NULL);
}

void
golanes_critical_path_panel_show_goroutine (GolanesCriticalPathPanel *self,
                                            guint                     goroutine,
                                            gint64                    start_time,
                                            gint64                    end_time)
{
  g_return_if_fail (GOLANES_IS_CRITICAL_PATH_PANEL (self));
  set_target (self, TARGET_GOROUTINE, goroutine, start_time, end_time, NULL);
}

void
golanes_critical_path_panel_show_type (GolanesCriticalPathPanel *self,
                                       gboolean                  task,
                                       const char               *type)
{
  g_return_if_fail (GOLANES_IS_CRITICAL_PATH_PANEL (self));
  g_return_if_fail (type != NULL);
  set_target (self, task ? TARGET_TASK_TYPE : TARGET_REGION_TYPE, 0, 0, 0, type);
}

void
golanes_critical_path_panel_clear (GolanesCriticalPathPanel *self)
{
  g_return_if_fail (GOLANES_IS_CRITICAL_PATH_PANEL (self));
  target_clear (&self->target);
  self->pending = FALSE;
  start (self);
}

void
golanes_critical_path_panel_show_slowest (GolanesCriticalPathPanel *self,
                                          gboolean                  slowest)
{
  g_return_if_fail (GOLANES_IS_CRITICAL_PATH_PANEL (self));
  gtk_toggle_button_set_active (slowest ? self->slowest_button : self->median_button, TRUE);
}

static void
slowest_toggled_cb (GolanesCriticalPathPanel *self)
{
  gboolean slowest = gtk_toggle_button_get_active (self->slowest_button);

  if (slowest == self->slowest)
    return;
  self->slowest = slowest;
  if (self->result != NULL && self->result->aggregate != NULL)
    {
      rebuild_lists (self);
      update_session_path (self);
    }
}

static void
zoom_clicked_cb (GolanesCriticalPathPanel *self)
{
  GolanesCriticalPath *path = shown_path (self);

  if (path != NULL)
    golanes_panel_activate_range (GOLANES_PANEL (self), golanes_critical_path_get_start (path),
                                  golanes_critical_path_get_end (path));
}

gboolean
golanes_critical_path_panel_is_busy (GolanesCriticalPathPanel *self)
{
  g_return_val_if_fail (GOLANES_IS_CRITICAL_PATH_PANEL (self), FALSE);
  return self->cancellable != NULL || self->pending;
}

const char *
golanes_critical_path_panel_get_heading (GolanesCriticalPathPanel *self)
{
  g_return_val_if_fail (GOLANES_IS_CRITICAL_PATH_PANEL (self), NULL);
  return self->heading_text;
}

static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (GTK_IS_LIST_BOX_ROW (widget))
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (widget));
      const char *sep = "";

      for (GtkWidget *c = gtk_widget_get_first_child (box); c; c = gtk_widget_get_next_sibling (c))
        if (GTK_IS_LABEL (c))
          {
            g_string_append_printf (out, "%s%s", sep, gtk_label_get_text (GTK_LABEL (c)));
            sep = "\t";
          }
      g_string_append_c (out, '\n');
      return;
    }
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "## %s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_text (c, out);
}

char *
golanes_critical_path_panel_dup_text (GolanesCriticalPathPanel *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (GOLANES_IS_CRITICAL_PATH_PANEL (self), NULL);
  g_string_append_printf (out, "# %s\n# %s\n", gtk_label_get_text (self->heading), gtk_label_get_text (self->summary));
  collect_text (self->lists, out);
  return g_string_free (out, FALSE);
}

void
golanes_critical_path_panel_set_session (GolanesCriticalPathPanel *self,
                                         GolanesSession           *session)
{
  g_return_if_fail (GOLANES_IS_CRITICAL_PATH_PANEL (self));

  if (self->session == session)
    return;
  if (self->session != NULL)
    golanes_session_set_critical_path (self->session, NULL, NULL);
  g_set_object (&self->session, session);
  update_session_path (self);
}

static void
golanes_critical_path_panel_document_changed (GolanesPanel    *panel,
                                              GolanesDocument *previous)
{
  GolanesCriticalPathPanel *self = GOLANES_CRITICAL_PATH_PANEL (panel);

  golanes_panel_status_update (self->status, golanes_panel_get_document (panel), GOLANES_DOCUMENT_PART_TIMELINE);
  /* The same document again: a part is done, or the load ended. */
  if (previous == golanes_panel_get_document (panel))
    {
      if (self->pending)
        start (self);
      return;
    }
  target_clear (&self->target);
  self->pending = FALSE;
  start (self);
}

static void
golanes_critical_path_panel_dispose (GObject *object)
{
  GolanesCriticalPathPanel *self = GOLANES_CRITICAL_PATH_PANEL (object);
  GtkWidget *child;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->result, result_free);
  g_clear_object (&self->session);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (golanes_critical_path_panel_parent_class)->dispose (object);
}

static void
golanes_critical_path_panel_finalize (GObject *object)
{
  GolanesCriticalPathPanel *self = GOLANES_CRITICAL_PATH_PANEL (object);

  target_clear (&self->target);
  g_free (self->heading_text);
  G_OBJECT_CLASS (golanes_critical_path_panel_parent_class)->finalize (object);
}

static void
golanes_critical_path_panel_class_init (GolanesCriticalPathPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GolanesPanelClass *panel_class = GOLANES_PANEL_CLASS (klass);

  object_class->dispose = golanes_critical_path_panel_dispose;
  object_class->finalize = golanes_critical_path_panel_finalize;
  panel_class->document_changed = golanes_critical_path_panel_document_changed;
}

static void
golanes_critical_path_panel_init (GolanesCriticalPathPanel *self)
{
  GtkWidget *row, *label, *spinner, *scroll, *button, *toggles;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_set_margin_top (self->box, 12);
  gtk_widget_set_margin_bottom (self->box, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->status = golanes_panel_status_install (GTK_WIDGET (self));

  /* Nothing asked yet. */
  self->placeholder = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_vexpand (self->placeholder, TRUE);
  gtk_widget_set_valign (self->placeholder, GTK_ALIGN_CENTER);
  {
    GtkWidget *icon = gtk_image_new_from_icon_name (golanes_critical_path_panel_get_icon_name ());

    gtk_image_set_pixel_size (GTK_IMAGE (icon), 64);
    gtk_widget_add_css_class (icon, "dim-label");
    gtk_box_append (GTK_BOX (self->placeholder), icon);
  }
  label = gtk_label_new (_("Why Did It Take So Long?"));
  gtk_widget_add_css_class (label, "title-2");
  gtk_box_append (GTK_BOX (self->placeholder), label);
  label = gtk_label_new (_("Select a task, a region or a goroutine’s span on the timeline and press "
                           "Critical Path (P), or pick a type under Tasks and Regions. The path follows "
                           "the chain of goroutines that held it up: who woke whom, and what each was doing."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (self->placeholder), label);
  gtk_box_append (GTK_BOX (self->box), self->placeholder);

  /* Computing. */
  self->busy = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_halign (self->busy, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->busy, GTK_ALIGN_CENTER);
  gtk_widget_set_vexpand (self->busy, TRUE);
  spinner = golanes_busy_new ();
  golanes_busy_set_spinning (GOLANES_BUSY (spinner), TRUE);
  gtk_box_append (GTK_BOX (self->busy), spinner);
  gtk_box_append (GTK_BOX (self->busy), gtk_label_new (_("Following the path…")));
  gtk_box_append (GTK_BOX (self->box), self->busy);

  /* The breakdown. */
  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_vexpand (self->content, TRUE);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->heading, 0);
  gtk_label_set_ellipsize (self->heading, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->heading), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "heading");
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->heading));
  button = gtk_button_new_from_icon_name ("zoom-fit-best-symbolic");
  gtk_widget_set_tooltip_text (button, _("Zoom to the Path"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (zoom_clicked_cb), self);
  gtk_box_append (GTK_BOX (row), button);
  button = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_set_tooltip_text (button, _("Clear the Path"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (golanes_critical_path_panel_clear), self);
  gtk_box_append (GTK_BOX (row), button);
  gtk_box_append (GTK_BOX (self->content), row);

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");
  gtk_box_append (GTK_BOX (self->content), GTK_WIDGET (self->summary));

  self->type_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_halign (self->type_row, GTK_ALIGN_START);
  toggles = self->type_row;
  gtk_widget_add_css_class (toggles, "linked");
  self->median_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("Median")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->median_button), _("The instance of median length, drawn on the timeline"));
  self->slowest_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("Slowest 1%")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->slowest_button),
                               _("Every instance at least as long as the 99th percentile, averaged; the slowest is drawn on the timeline"));
  gtk_toggle_button_set_group (self->slowest_button, self->median_button);
  gtk_toggle_button_set_active (self->median_button, TRUE);
  gtk_box_append (GTK_BOX (toggles), GTK_WIDGET (self->median_button));
  gtk_box_append (GTK_BOX (toggles), GTK_WIDGET (self->slowest_button));
  g_signal_connect_swapped (self->slowest_button, "toggled", G_CALLBACK (slowest_toggled_cb), self);
  gtk_box_append (GTK_BOX (self->content), self->type_row);

  self->bar = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->bar), 14);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->bar), draw_bar, self, NULL);
  gtk_widget_set_tooltip_text (self->bar, _("The wall time by kind"));
  gtk_box_append (GTK_BOX (self->content), self->bar);

  scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroll, TRUE);
  self->lists = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_bottom (self->lists, 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), self->lists);
  gtk_box_append (GTK_BOX (self->content), scroll);
  gtk_box_append (GTK_BOX (self->box), self->content);

  show_state (self, self->placeholder);
}

GtkWidget *
golanes_critical_path_panel_new (void)
{
  return g_object_new (GOLANES_TYPE_CRITICAL_PATH_PANEL, NULL);
}
