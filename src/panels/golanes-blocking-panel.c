/* golanes-blocking-panel.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-blocking-panel"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "golanes-blocking-panel.h"
#include "golanes-flame-panel.h"
#include "golanes-highlight.h"
#include "golanes-panel.h"
#include "golanes-panel-row.h"
#include "golanes-panel-util.h"

/*
 * The tables show the document's GolanesBlocking profiles, the numbers of
 * `go tool trace -pprof=KIND`.  GolanesBlocking keeps no intervals, so the
 * highlight of a stack is made of the timeline's goroutine state spans of
 * the same class (a waiting span whose reason mentions "chan", "sync" or
 * "select" is synchronization, reason "network" is network, a syscall span
 * a syscall, a runnable or not-yet-run span scheduler latency) charged to
 * that stack; unlike the profile, those spans are not clipped to Go's
 * notion of a goroutine's lifetime.
 */

/* Values of the stack and reason rows. */
enum
{
  VALUE_COUNT,
  VALUE_DELAY,
  VALUE_SHARE,    /* hundredths of a percent of the profile's delay */
};

/* Classes of wait reasons, cached per reason id. */
enum
{
  REASON_UNKNOWN,
  REASON_SYNC,
  REASON_NET,
  REASON_OTHER,
};

struct _GolanesBlockingPanel
{
  GolanesPanel                 parent_instance;

  GolanesBlockingPanelProfile  profile;
  guint8                      *reason_classes;   /* G_MAXUINT16 + 1 */
  char                        *stack_text;
  GtkSingleSelection          *selection;

  /* Template widgets */
  GtkToggleButton             *sync_button;
  GtkToggleButton             *net_button;
  GtkToggleButton             *syscall_button;
  GtkToggleButton             *sched_button;
  GtkLabel                    *summary_label;
  GtkColumnView               *stack_view;
  GtkLabel                    *stack_label;
  GtkColumnView               *reason_view;

  /* "Computing…" until the document's part is ready; waiting is TRUE
   * while the panel shows a document whose part is not. */
  GtkWidget          *status;
  gboolean            waiting;
};

G_DEFINE_FINAL_TYPE (GolanesBlockingPanel, golanes_blocking_panel, GOLANES_TYPE_PANEL)

const char *
golanes_blocking_panel_get_title (void)
{
  return _("Blocking");
}

const char *
golanes_blocking_panel_get_icon_name (void)
{
  return "media-playback-pause-symbolic";
}

static GolanesTimeline *
get_timeline (GolanesBlockingPanel *self)
{
  return golanes_panel_get_timeline (golanes_panel_get_document (GOLANES_PANEL (self)));
}

static guint8
classify_reason (GolanesBlockingPanel *self,
                 GolanesTimeline      *timeline,
                 guint16               reason)
{
  if (self->reason_classes[reason] == REASON_UNKNOWN)
    {
      const char *name = golanes_timeline_get_reason (timeline, reason);

      if (golanes_panel_reason_is_sync (name))
        self->reason_classes[reason] = REASON_SYNC;
      else if (golanes_panel_reason_is_net (name))
        self->reason_classes[reason] = REASON_NET;
      else
        self->reason_classes[reason] = REASON_OTHER;
    }

  return self->reason_classes[reason];
}

static gboolean
span_in_profile (GolanesBlockingPanel *self,
                 GolanesTimeline      *timeline,
                 const GolanesSpan    *span)
{
  switch (self->profile)
    {
    case GOLANES_BLOCKING_PANEL_SYNC:
      return span->state == GOLANES_G_WAITING &&
             classify_reason (self, timeline, span->reason) == REASON_SYNC;
    case GOLANES_BLOCKING_PANEL_NET:
      return span->state == GOLANES_G_WAITING &&
             classify_reason (self, timeline, span->reason) == REASON_NET;
    case GOLANES_BLOCKING_PANEL_SYSCALL:
      return span->state == GOLANES_G_SYSCALL;
    case GOLANES_BLOCKING_PANEL_SCHED:
      return span->state == GOLANES_G_RUNNABLE || span->state == GOLANES_G_CREATED;
    default:
      return FALSE;
    }
}

/* The top frame's function; when that is in the runtime, followed by the
 * first function outside it, since every channel wait ends in the same
 * few runtime functions: "runtime.chanrecv1 ← main.worker". */
static char *
stack_label (GolanesStackTable *table,
             guint32            stack)
{
  const GolanesFrame *frames;
  const char *name = NULL;
  guint n_frames = 0;

  frames = stack != 0 ? golanes_stack_table_get_frames (table, stack, &n_frames) : NULL;
  if (frames != NULL && n_frames > 0)
    name = golanes_stack_table_get_string (table, frames[0].func, NULL);
  if (name == NULL || name[0] == '\0')
    return g_strdup (_("(no stack)"));

  if (g_str_has_prefix (name, "runtime."))
    {
      for (guint i = 1; i < n_frames; i++)
        {
          const char *caller = golanes_stack_table_get_string (table, frames[i].func, NULL);

          if (caller != NULL && caller[0] != '\0' && !g_str_has_prefix (caller, "runtime."))
            return g_strdup_printf ("%s ← %s", name, caller);
        }
    }

  return g_strdup (name);
}

static char *
format_stack (GolanesStackTable *table,
              guint32            stack)
{
  GString *text = g_string_new (NULL);
  const GolanesFrame *frames;
  guint n_frames = 0;

  frames = stack != 0 ? golanes_stack_table_get_frames (table, stack, &n_frames) : NULL;
  for (guint i = 0; frames != NULL && i < n_frames; i++)
    {
      const char *func = golanes_stack_table_get_string (table, frames[i].func, NULL);
      const char *file = golanes_stack_table_get_string (table, frames[i].file, NULL);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s\n    %s:%u",
                              func != NULL && func[0] != '\0' ? func : "?",
                              file != NULL && file[0] != '\0' ? file : "?",
                              frames[i].line);
    }

  if (text->len == 0)
    g_string_append (text, _("The transition has no stack."));

  return g_string_free (text, FALSE);
}

static GolanesBlockingKind
profile_kind (GolanesBlockingPanelProfile profile)
{
  switch (profile)
    {
    case GOLANES_BLOCKING_PANEL_NET:
      return GOLANES_BLOCKING_NET;
    case GOLANES_BLOCKING_PANEL_SYSCALL:
      return GOLANES_BLOCKING_SYSCALL;
    case GOLANES_BLOCKING_PANEL_SCHED:
      return GOLANES_BLOCKING_SCHED;
    case GOLANES_BLOCKING_PANEL_SYNC:
    default:
      return GOLANES_BLOCKING_SYNC;
    }
}

/* Whether the timeline's stack @stack has the same PCs as the profile's
 * @frames; the profile keeps a stack table of its own, whose ids are not
 * the timeline's.  @cache maps timeline stack ids to 1 (same) or 2. */
static gboolean
same_stack (GolanesStackTable  *timeline_table,
            guint32             stack,
            const GolanesFrame *frames,
            guint               n_frames,
            GHashTable         *cache)
{
  gpointer hit = g_hash_table_lookup (cache, GUINT_TO_POINTER (stack));
  const GolanesFrame *tl_frames;
  guint n_tl = 0;
  gboolean same;

  if (hit != NULL)
    return GPOINTER_TO_UINT (hit) == 1;

  tl_frames = stack != 0 ? golanes_stack_table_get_frames (timeline_table, stack, &n_tl) : NULL;
  same = n_tl == n_frames && (n_frames == 0 || tl_frames != NULL);
  for (guint i = 0; same && i < n_frames; i++)
    same = tl_frames[i].pc == frames[i].pc;
  g_hash_table_insert (cache, GUINT_TO_POINTER (stack), GUINT_TO_POINTER (same ? 1 : 2));
  return same;
}

static void
show_stack (GolanesBlockingPanel *self,
            const char           *text)
{
  g_assert (GOLANES_IS_BLOCKING_PANEL (self));

  g_free (self->stack_text);
  self->stack_text = g_strdup (text != NULL ? text : "");
  gtk_label_set_text (self->stack_label, self->stack_text);
}

static void
selected_cb (GolanesBlockingPanel *self,
             GParamSpec           *pspec,
             GtkSingleSelection   *selection)
{
  GolanesDocument *document = golanes_panel_get_document (GOLANES_PANEL (self));
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GolanesHighlight) highlight = NULL;
  g_autofree char *stack_text = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GHashTable) cache = NULL;
  GolanesTimeline *timeline = get_timeline (self);
  GolanesBlocking *profile = NULL;
  GolanesStackTable *table;
  GolanesStackTable *timeline_table;
  const GolanesFrame *frames = NULL;
  GolanesPanelRow *row;
  guint n_frames = 0;
  guint32 stack;

  g_assert (GOLANES_IS_BLOCKING_PANEL (self));

  if (document != NULL)
    profile = golanes_document_get_blocking (document, profile_kind (self->profile));
  row = golanes_panel_get_selected (self->stack_view);
  if (row == NULL || timeline == NULL || profile == NULL)
    {
      show_stack (self, NULL);
      golanes_panel_highlight (GOLANES_PANEL (self), NULL);
      return;
    }

  table = golanes_blocking_get_stack_table (profile);
  timeline_table = golanes_timeline_get_stack_table (timeline);
  stack = golanes_panel_row_get_id (row);
  stack_text = format_stack (table, stack);
  show_stack (self, stack_text);
  if (stack != 0)
    frames = golanes_stack_table_get_frames (table, stack, &n_frames);
  cache = g_hash_table_new (NULL, NULL);

  /* Translators: a highlight's label; %s is the function where goroutines blocked */
  label = g_strdup_printf (_("Blocked in %s"), golanes_panel_row_get_label (row));
  highlight = golanes_highlight_new (label);

  spans = g_array_new (FALSE, FALSE, sizeof (GolanesSpan));
  for (guint g = 0; g < golanes_timeline_get_n_goroutines (timeline); g++)
    {
      gint64 goid = golanes_timeline_get_goroutine_id (timeline, g);

      golanes_timeline_read_goroutine_spans (timeline, g, spans);
      for (guint i = 0; i < spans->len; i++)
        {
          GolanesSpan span = g_array_index (spans, GolanesSpan, i);

          if (span_in_profile (self, timeline, &span) &&
              (stack == 0 ? span.arg == 0 : same_stack (timeline_table, span.arg, frames, n_frames, cache)))
            golanes_highlight_append (highlight, goid, span.start, span.end);
        }
    }

  golanes_panel_highlight (GOLANES_PANEL (self), highlight);
}

static int
compare_rows_by_delay (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  GolanesPanelRow *ra = *(GolanesPanelRow **) a;
  GolanesPanelRow *rb = *(GolanesPanelRow **) b;
  gint64 da = golanes_panel_row_get_value (ra, VALUE_DELAY);
  gint64 db = golanes_panel_row_get_value (rb, VALUE_DELAY);
  gint64 ca = golanes_panel_row_get_value (ra, VALUE_COUNT);
  gint64 cb = golanes_panel_row_get_value (rb, VALUE_COUNT);

  if (da != db)
    return da > db ? -1 : 1;
  if (ca != cb)
    return ca > cb ? -1 : 1;
  return g_utf8_collate (golanes_panel_row_get_label (ra), golanes_panel_row_get_label (rb));
}

static void
add_row (GPtrArray  *rows,
         const char *label,
         gint64      id,
         guint64     count,
         gint64      delay,
         gint64      total_delay)
{
  GolanesPanelRow *row;

  row = golanes_panel_row_new (label != NULL && label[0] != '\0' ? label : _("(none)"), id);
  golanes_panel_row_set_value (row, VALUE_COUNT, (gint64) count);
  golanes_panel_row_set_value (row, VALUE_DELAY, delay);
  golanes_panel_row_set_value (row, VALUE_SHARE,
                               total_delay > 0 ? (gint64) (10000.0 * delay / total_delay + 0.5) : 0);
  g_ptr_array_add (rows, row);
}

static GListStore *
rows_to_store (GPtrArray *rows)
{
  GListStore *store = g_list_store_new (GOLANES_TYPE_PANEL_ROW);

  g_ptr_array_sort_with_data (rows, compare_rows_by_delay, NULL);
  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  return store;
}

/* The rows are the document's blocking profile, which equals
 * `go tool trace -pprof=KIND`; its stacks are in the profile's own table. */
static void
golanes_blocking_panel_reload (GolanesBlockingPanel *self)
{
  GolanesDocument *document = golanes_panel_get_document (GOLANES_PANEL (self));
  gboolean ready;
  g_autoptr(GPtrArray) stack_rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) reason_rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) stack_store = NULL;
  g_autoptr(GListStore) reason_store = NULL;
  g_autofree char *delay_text = NULL;
  g_autofree char *count_text = NULL;
  g_autofree char *summary = NULL;
  GolanesBlocking *profile = NULL;
  guint64 total_count = 0;
  gint64 total_delay = 0;
  guint n_records = 0;

  g_assert (GOLANES_IS_BLOCKING_PANEL (self));

  ready = golanes_panel_status_update (self->status, document, GOLANES_DOCUMENT_PART_BLOCKING);
  self->waiting = document != NULL && !ready;

  if (document != NULL)
    profile = golanes_document_get_blocking (document, profile_kind (self->profile));

  if (profile != NULL)
    {
      const GolanesBlockingRecord *records = golanes_blocking_get_records (profile, &n_records);
      const GolanesBlockingGroup *reasons;
      guint n_reasons = 0;

      total_count = golanes_blocking_get_total_count (profile);
      total_delay = golanes_blocking_get_total_delay (profile);
      for (guint i = 0; i < n_records; i++)
        {
          g_autofree char *label = stack_label (golanes_blocking_get_stack_table (profile), records[i].stack);

          add_row (stack_rows, label, records[i].stack, records[i].count, records[i].delay, total_delay);
        }

      reasons = golanes_blocking_get_reasons (profile, &n_reasons);
      for (guint i = 0; i < n_reasons; i++)
        add_row (reason_rows, reasons[i].name, i, reasons[i].count, reasons[i].delay, total_delay);
    }

  stack_store = rows_to_store (stack_rows);
  reason_store = rows_to_store (reason_rows);

  golanes_panel_bind_model (self->stack_view, G_LIST_MODEL (stack_store), &self->selection,
                            G_CALLBACK (selected_cb), self);
  golanes_panel_set_model (self->reason_view, G_LIST_MODEL (reason_store));

  delay_text = golanes_panel_format_duration (total_delay);
  count_text = g_strdup_printf ("%" G_GUINT64_FORMAT, total_count);
  /* Translators: the blocking profile's summary: "1200 intervals, 35 stacks, 1.2 s in all" */
  summary = g_strdup_printf (_("%s intervals, %u stacks, %s in all"),
                             count_text, n_records, delay_text);
  gtk_label_set_text (self->summary_label, summary);

  show_stack (self, NULL);
}

static void
golanes_blocking_panel_document_changed (GolanesPanel    *panel,
                                         GolanesDocument *previous)
{
  GolanesBlockingPanel *self = GOLANES_BLOCKING_PANEL (panel);

  /* The same document again: its part may have become ready since. */
  if (previous == golanes_panel_get_document (panel) && !self->waiting)
    return;
  /* Reason ids belong to the document. */
  memset (self->reason_classes, REASON_UNKNOWN, G_MAXUINT16 + 1);

  golanes_blocking_panel_reload (self);
}

static GtkToggleButton *
profile_button (GolanesBlockingPanel        *self,
                GolanesBlockingPanelProfile  profile)
{
  switch (profile)
    {
    case GOLANES_BLOCKING_PANEL_NET:
      return self->net_button;
    case GOLANES_BLOCKING_PANEL_SYSCALL:
      return self->syscall_button;
    case GOLANES_BLOCKING_PANEL_SCHED:
      return self->sched_button;
    case GOLANES_BLOCKING_PANEL_SYNC:
    default:
      return self->sync_button;
    }
}

void
golanes_blocking_panel_set_profile (GolanesBlockingPanel        *self,
                                    GolanesBlockingPanelProfile  profile)
{
  g_return_if_fail (GOLANES_IS_BLOCKING_PANEL (self));
  g_return_if_fail (profile <= GOLANES_BLOCKING_PANEL_SCHED);

  if (self->profile == profile)
    return;

  self->profile = profile;
  gtk_toggle_button_set_active (profile_button (self, profile), TRUE);
  golanes_blocking_panel_reload (self);
}

GolanesBlockingPanelProfile
golanes_blocking_panel_get_profile (GolanesBlockingPanel *self)
{
  g_return_val_if_fail (GOLANES_IS_BLOCKING_PANEL (self), GOLANES_BLOCKING_PANEL_SYNC);

  return self->profile;
}

const char *
golanes_blocking_panel_get_stack_text (GolanesBlockingPanel *self)
{
  g_return_val_if_fail (GOLANES_IS_BLOCKING_PANEL (self), NULL);

  return self->stack_text;
}

static void
profile_toggled_cb (GolanesBlockingPanel *self,
                    GtkToggleButton      *button)
{
  g_assert (GOLANES_IS_BLOCKING_PANEL (self));

  if (!gtk_toggle_button_get_active (button))
    return;

  for (guint p = GOLANES_BLOCKING_PANEL_SYNC; p <= GOLANES_BLOCKING_PANEL_SCHED; p++)
    if (profile_button (self, p) == button)
      golanes_blocking_panel_set_profile (self, p);
}

/* The flame graph page beside this one in the side stack, showing this
 * profile. */
static void
flame_clicked_cb (GolanesBlockingPanel *self)
{
  static const GolanesFlameSource sources[] = {
    [GOLANES_BLOCKING_PANEL_SYNC] = GOLANES_FLAME_SOURCE_SYNC,
    [GOLANES_BLOCKING_PANEL_NET] = GOLANES_FLAME_SOURCE_NET,
    [GOLANES_BLOCKING_PANEL_SYSCALL] = GOLANES_FLAME_SOURCE_SYSCALL,
    [GOLANES_BLOCKING_PANEL_SCHED] = GOLANES_FLAME_SOURCE_SCHED,
  };
  GtkWidget *stack = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkWidget *flame = GTK_IS_STACK (stack) ? gtk_stack_get_child_by_name (GTK_STACK (stack), "flame") : NULL;

  if (!GOLANES_IS_FLAME_PANEL (flame))
    return;
  golanes_flame_panel_set_source (GOLANES_FLAME_PANEL (flame), sources[self->profile]);
  golanes_flame_panel_show_table (GOLANES_FLAME_PANEL (flame), FALSE);
  gtk_stack_set_visible_child (GTK_STACK (stack), flame);
}

static void
golanes_blocking_panel_dispose (GObject *object)
{
  GolanesBlockingPanel *self = (GolanesBlockingPanel *) object;

  golanes_panel_unbind_model (&self->selection, G_CALLBACK (selected_cb), self);
  golanes_panel_dispose_children (GTK_WIDGET (self), GOLANES_TYPE_BLOCKING_PANEL);

  G_OBJECT_CLASS (golanes_blocking_panel_parent_class)->dispose (object);
}

static void
golanes_blocking_panel_finalize (GObject *object)
{
  GolanesBlockingPanel *self = (GolanesBlockingPanel *) object;

  g_clear_pointer (&self->reason_classes, g_free);
  g_clear_pointer (&self->stack_text, g_free);

  G_OBJECT_CLASS (golanes_blocking_panel_parent_class)->finalize (object);
}

static void
golanes_blocking_panel_class_init (GolanesBlockingPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GolanesPanelClass *panel_class = GOLANES_PANEL_CLASS (klass);

  object_class->dispose = golanes_blocking_panel_dispose;
  object_class->finalize = golanes_blocking_panel_finalize;
  panel_class->document_changed = golanes_blocking_panel_document_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/panels/golanes-blocking-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, GolanesBlockingPanel, sync_button);
  gtk_widget_class_bind_template_child (widget_class, GolanesBlockingPanel, net_button);
  gtk_widget_class_bind_template_child (widget_class, GolanesBlockingPanel, syscall_button);
  gtk_widget_class_bind_template_child (widget_class, GolanesBlockingPanel, sched_button);
  gtk_widget_class_bind_template_child (widget_class, GolanesBlockingPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GolanesBlockingPanel, stack_view);
  gtk_widget_class_bind_template_child (widget_class, GolanesBlockingPanel, stack_label);
  gtk_widget_class_bind_template_child (widget_class, GolanesBlockingPanel, reason_view);
  gtk_widget_class_bind_template_callback (widget_class, profile_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, flame_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "blockingpanel");
}

static void
golanes_blocking_panel_init (GolanesBlockingPanel *self)
{
  self->reason_classes = g_malloc0 (G_MAXUINT16 + 1);
  self->profile = GOLANES_BLOCKING_PANEL_SYNC;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->status = golanes_panel_status_install (GTK_WIDGET (self));

  golanes_panel_add_column (self->stack_view, _("Function"), GOLANES_PANEL_COLUMN_LABEL, 0, TRUE);
  golanes_panel_add_column (self->stack_view, _("Count"), GOLANES_PANEL_COLUMN_COUNT, VALUE_COUNT, FALSE);
  golanes_panel_add_column (self->stack_view, _("Delay"), GOLANES_PANEL_COLUMN_DURATION, VALUE_DELAY, FALSE);
  golanes_panel_add_column (self->stack_view, _("Share"), GOLANES_PANEL_COLUMN_PERCENT, VALUE_SHARE, FALSE);

  golanes_panel_add_column (self->reason_view, _("Reason"), GOLANES_PANEL_COLUMN_LABEL, 0, TRUE);
  golanes_panel_add_column (self->reason_view, _("Count"), GOLANES_PANEL_COLUMN_COUNT, VALUE_COUNT, FALSE);
  golanes_panel_add_column (self->reason_view, _("Delay"), GOLANES_PANEL_COLUMN_DURATION, VALUE_DELAY, FALSE);
  golanes_panel_add_column (self->reason_view, _("Share"), GOLANES_PANEL_COLUMN_PERCENT, VALUE_SHARE, FALSE);

  golanes_blocking_panel_reload (self);
}

GtkWidget *
golanes_blocking_panel_new (void)
{
  return g_object_new (GOLANES_TYPE_BLOCKING_PANEL, NULL);
}
