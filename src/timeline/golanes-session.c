/* golanes-session.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-session"

#include "config.h"

#include "golanes-session.h"
#include "golanes-timeline-math.h"

#define MAX_HISTORY 64
/* Continuous zooming and panning (wheel, pinch) lands in history once per
 * gesture, not once per event. */
#define HISTORY_COALESCE_USEC (600 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  gint64 start;
  gint64 end;
} View;

struct _GolanesSession
{
  GObject          parent_instance;

  GolanesDocument *document;
  gint64           doc_start;
  gint64           doc_end;
  gint64           loaded_end;   /* < doc_end while the trace streams in */

  gint64           visible_start;
  gint64           visible_end;

  gboolean         has_selection;
  gint64           selection_start;
  gint64           selection_end;

  gint             selected_goroutine;
  gint             selected_span;
  gint             selected_sample;
  gint             selected_task;
  gint             selected_region;

  GArray          *path;          /* GolanesCritSegment */
  char            *path_label;

  char            *highlight_label;
  GArray          *highlight;
  guint            highlight_serial;

  GArray          *back;
  GArray          *forward;
  gint64           last_record;
};

G_DEFINE_FINAL_TYPE (GolanesSession, golanes_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VISIBLE_START,
  PROP_VISIBLE_END,
  PROP_HAS_SELECTION,
  PROP_SELECTION_START,
  PROP_SELECTION_END,
  PROP_SELECTED_GOROUTINE,
  PROP_SELECTED_SPAN,
  PROP_SELECTED_SAMPLE,
  PROP_SELECTED_TASK,
  PROP_SELECTED_REGION,
  PROP_HIGHLIGHT_SERIAL,
  PROP_CAN_GO_BACK,
  PROP_CAN_GO_FORWARD,
  N_PROPS
};

enum {
  REVEAL_GOROUTINE,
  CRITICAL_PATH_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
golanes_session_finalize (GObject *object)
{
  GolanesSession *self = (GolanesSession *) object;

  g_clear_pointer (&self->document, golanes_document_unref);
  g_clear_pointer (&self->highlight_label, g_free);
  g_clear_pointer (&self->highlight, g_array_unref);
  g_clear_pointer (&self->path, g_array_unref);
  g_clear_pointer (&self->path_label, g_free);
  g_clear_pointer (&self->back, g_array_unref);
  g_clear_pointer (&self->forward, g_array_unref);

  G_OBJECT_CLASS (golanes_session_parent_class)->finalize (object);
}

static void
golanes_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GolanesSession *self = GOLANES_SESSION (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_START:
      g_value_set_int64 (value, self->visible_start);
      break;
    case PROP_VISIBLE_END:
      g_value_set_int64 (value, self->visible_end);
      break;
    case PROP_HAS_SELECTION:
      g_value_set_boolean (value, self->has_selection);
      break;
    case PROP_SELECTION_START:
      g_value_set_int64 (value, self->selection_start);
      break;
    case PROP_SELECTION_END:
      g_value_set_int64 (value, self->selection_end);
      break;
    case PROP_SELECTED_GOROUTINE:
      g_value_set_int (value, self->selected_goroutine);
      break;
    case PROP_SELECTED_SPAN:
      g_value_set_int (value, self->selected_span);
      break;
    case PROP_SELECTED_SAMPLE:
      g_value_set_int (value, self->selected_sample);
      break;
    case PROP_SELECTED_TASK:
      g_value_set_int (value, self->selected_task);
      break;
    case PROP_SELECTED_REGION:
      g_value_set_int (value, self->selected_region);
      break;
    case PROP_HIGHLIGHT_SERIAL:
      g_value_set_uint (value, self->highlight_serial);
      break;
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, golanes_session_get_can_go_back (self));
      break;
    case PROP_CAN_GO_FORWARD:
      g_value_set_boolean (value, golanes_session_get_can_go_forward (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
golanes_session_class_init (GolanesSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = golanes_session_finalize;
  object_class->get_property = golanes_session_get_property;

  properties[PROP_VISIBLE_START] =
    g_param_spec_int64 ("visible-start", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_VISIBLE_END] =
    g_param_spec_int64 ("visible-end", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_HAS_SELECTION] =
    g_param_spec_boolean ("has-selection", NULL, NULL, FALSE, flags);
  properties[PROP_SELECTION_START] =
    g_param_spec_int64 ("selection-start", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_SELECTION_END] =
    g_param_spec_int64 ("selection-end", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_SELECTED_GOROUTINE] =
    g_param_spec_int ("selected-goroutine", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_SELECTED_SPAN] =
    g_param_spec_int ("selected-span", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_SELECTED_SAMPLE] =
    g_param_spec_int ("selected-sample", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_SELECTED_TASK] =
    g_param_spec_int ("selected-task", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_SELECTED_REGION] =
    g_param_spec_int ("selected-region", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_HIGHLIGHT_SERIAL] =
    g_param_spec_uint ("highlight-serial", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_GO_FORWARD] =
    g_param_spec_boolean ("can-go-forward", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Asks views to bring the goroutine's lanes into sight. */
  signals[REVEAL_GOROUTINE] =
    g_signal_new ("reveal-goroutine", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* The critical path drawn on the timeline changed. */
  signals[CRITICAL_PATH_CHANGED] =
    g_signal_new ("critical-path-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
golanes_session_init (GolanesSession *self)
{
  self->selected_goroutine = -1;
  self->selected_span = -1;
  self->selected_sample = -1;
  self->selected_task = -1;
  self->selected_region = -1;
  self->path = g_array_new (FALSE, FALSE, sizeof (GolanesCritSegment));
  self->highlight = g_array_new (FALSE, FALSE, sizeof (GolanesSessionInterval));
  self->back = g_array_new (FALSE, FALSE, sizeof (View));
  self->forward = g_array_new (FALSE, FALSE, sizeof (View));
}

static void apply_visible (GolanesSession *self, gint64 start, gint64 end);

/* The extent's end and how far the timeline is loaded.  While the trace
 * streams in, the end is estimated from the share of the file read
 * (generations cover about equal times per byte), and only grows. */
static void
compute_extent (GolanesSession *self,
                gint64         *end,
                gint64         *loaded)
{
  GolanesTimeline *timeline = golanes_document_get_timeline (self->document);
  gint64 last = golanes_timeline_get_end_time (timeline);

  *loaded = MAX (last, self->doc_start);
  *end = *loaded;
  if (golanes_document_is_loading (self->document))
    {
      double fraction = golanes_session_get_loaded_fraction (self);

      if (fraction > 0.0 && fraction < 1.0)
        *end = self->doc_start + (gint64) ((double) (*loaded - self->doc_start) / fraction);
      *end = MAX (*end, self->doc_end);
    }
  if (*end <= self->doc_start)
    *end = self->doc_start + GOLANES_SESSION_MIN_DURATION;
  if (*loaded >= *end)
    *loaded = *end;
}

/**
 * golanes_session_new:
 * @document: a loaded trace
 *
 * Returns: (transfer full): a session showing the whole of @document
 */
GolanesSession *
golanes_session_new (GolanesDocument *document)
{
  GolanesSession *self;
  GolanesTimeline *timeline;

  g_return_val_if_fail (document != NULL, NULL);

  self = g_object_new (GOLANES_TYPE_SESSION, NULL);
  self->document = golanes_document_ref (document);
  timeline = golanes_document_get_timeline (document);
  self->doc_start = golanes_timeline_get_start_time (timeline);
  compute_extent (self, &self->doc_end, &self->loaded_end);
  self->visible_start = self->doc_start;
  self->visible_end = self->doc_end;

  return self;
}

/**
 * golanes_session_update_extent:
 *
 * The document's timeline grew or finished loading: the extent follows
 * it.  A view of the whole trace stays a view of the whole trace; any
 * other view stays where it is (clamped).
 */
void
golanes_session_update_extent (GolanesSession *self)
{
  gboolean whole;
  gint64 end, loaded;

  g_return_if_fail (GOLANES_IS_SESSION (self));

  whole = self->visible_start == self->doc_start && self->visible_end == self->doc_end;
  compute_extent (self, &end, &loaded);
  self->loaded_end = loaded;
  if (end == self->doc_end)
    return;
  self->doc_end = end;
  if (whole)
    apply_visible (self, self->doc_start, self->doc_end);
  else
    apply_visible (self, self->visible_start, self->visible_end);
}

gint64
golanes_session_get_loaded_end (GolanesSession *self)
{
  g_return_val_if_fail (GOLANES_IS_SESSION (self), 0);

  return self->loaded_end;
}

/* The share of the file in the timeline: 1 once loaded. */
double
golanes_session_get_loaded_fraction (GolanesSession *self)
{
  guint64 size;

  g_return_val_if_fail (GOLANES_IS_SESSION (self), 1.0);

  size = golanes_document_get_file_size (self->document);
  if (!golanes_document_is_loading (self->document) || size == 0)
    return 1.0;
  return MIN (1.0, (double) golanes_document_get_loaded_bytes (self->document) / (double) size);
}

/**
 * golanes_session_get_document:
 *
 * Returns: (transfer none): the document
 */
GolanesDocument *
golanes_session_get_document (GolanesSession *self)
{
  g_return_val_if_fail (GOLANES_IS_SESSION (self), NULL);

  return self->document;
}

gint64
golanes_session_get_start_time (GolanesSession *self)
{
  g_return_val_if_fail (GOLANES_IS_SESSION (self), 0);

  return self->doc_start;
}

gint64
golanes_session_get_end_time (GolanesSession *self)
{
  g_return_val_if_fail (GOLANES_IS_SESSION (self), 0);

  return self->doc_end;
}

void
golanes_session_get_visible (GolanesSession *self,
                             gint64         *start,
                             gint64         *end)
{
  g_return_if_fail (GOLANES_IS_SESSION (self));

  if (start != NULL)
    *start = self->visible_start;
  if (end != NULL)
    *end = self->visible_end;
}

static void
notify_history (GolanesSession *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_FORWARD]);
}

static void
push_view (GArray *stack,
           gint64  start,
           gint64  end)
{
  View view = { start, end };

  if (stack->len > 0)
    {
      const View *top = &g_array_index (stack, View, stack->len - 1);

      if (top->start == start && top->end == end)
        return;
    }
  if (stack->len >= MAX_HISTORY)
    g_array_remove_index (stack, 0);
  g_array_append_val (stack, view);
}

static void
apply_visible (GolanesSession *self,
               gint64          start,
               gint64          end)
{
  golanes_timeline_clamp_range (self->doc_start, self->doc_end,
                                GOLANES_SESSION_MIN_DURATION, &start, &end);

  g_object_freeze_notify (G_OBJECT (self));
  if (start != self->visible_start)
    {
      self->visible_start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_START]);
    }
  if (end != self->visible_end)
    {
      self->visible_end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_END]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * golanes_session_set_visible:
 * @record: whether the view shown before goes into the back history
 *
 * Shows [@start, @end), clamped into the trace.
 */
void
golanes_session_set_visible (GolanesSession *self,
                             gint64          start,
                             gint64          end,
                             gboolean        record)
{
  gint64 now;

  g_return_if_fail (GOLANES_IS_SESSION (self));

  if (record)
    {
      now = g_get_monotonic_time ();
      push_view (self->back, self->visible_start, self->visible_end);
      g_array_set_size (self->forward, 0);
      self->last_record = now;
      notify_history (self);
    }

  apply_visible (self, start, end);
}

/* Records at most once per burst of continuous navigation. */
static gboolean
should_record (GolanesSession *self)
{
  gint64 now = g_get_monotonic_time ();
  gboolean record = now - self->last_record > HISTORY_COALESCE_USEC;

  self->last_record = now;
  return record;
}

/**
 * golanes_session_zoom:
 * @factor: < 1 zooms in, > 1 out
 * @anchor: the time that stays in place (under the pointer)
 * @record: %TRUE for a discrete step (a key), %FALSE for continuous
 *   zooming, which is recorded once per burst
 */
void
golanes_session_zoom (GolanesSession *self,
                      double          factor,
                      gint64          anchor,
                      gboolean        record)
{
  gint64 start;
  gint64 end;
  gboolean burst;

  g_return_if_fail (GOLANES_IS_SESSION (self));
  g_return_if_fail (factor > 0);

  start = self->visible_start;
  end = self->visible_end;
  burst = should_record (self);
  golanes_timeline_zoom_range (self->doc_start, self->doc_end, GOLANES_SESSION_MIN_DURATION,
                               factor, anchor, &start, &end);
  if (record || burst)
    {
      push_view (self->back, self->visible_start, self->visible_end);
      g_array_set_size (self->forward, 0);
      notify_history (self);
    }
  apply_visible (self, start, end);
}

/* Moves the view by @delta ns; the start and end of the trace stop it. */
void
golanes_session_pan (GolanesSession *self,
                     gint64          delta)
{
  g_return_if_fail (GOLANES_IS_SESSION (self));

  if (should_record (self))
    {
      push_view (self->back, self->visible_start, self->visible_end);
      g_array_set_size (self->forward, 0);
      notify_history (self);
    }
  apply_visible (self, self->visible_start + delta, self->visible_end + delta);
}

void
golanes_session_zoom_fit (GolanesSession *self)
{
  g_return_if_fail (GOLANES_IS_SESSION (self));

  golanes_session_set_visible (self, self->doc_start, self->doc_end, TRUE);
}

/* Returns: %FALSE if there is no selection to zoom to. */
gboolean
golanes_session_zoom_to_selection (GolanesSession *self)
{
  g_return_val_if_fail (GOLANES_IS_SESSION (self), FALSE);

  if (!self->has_selection || self->selection_end <= self->selection_start)
    return FALSE;

  golanes_session_set_visible (self, self->selection_start, self->selection_end, TRUE);
  return TRUE;
}

gboolean
golanes_session_get_can_go_back (GolanesSession *self)
{
  g_return_val_if_fail (GOLANES_IS_SESSION (self), FALSE);

  return self->back->len > 0;
}

gboolean
golanes_session_get_can_go_forward (GolanesSession *self)
{
  g_return_val_if_fail (GOLANES_IS_SESSION (self), FALSE);

  return self->forward->len > 0;
}

static gboolean
go (GolanesSession *self,
    GArray         *from,
    GArray         *to)
{
  View view;

  if (from->len == 0)
    return FALSE;

  view = g_array_index (from, View, from->len - 1);
  g_array_set_size (from, from->len - 1);
  push_view (to, self->visible_start, self->visible_end);
  self->last_record = 0;
  apply_visible (self, view.start, view.end);
  notify_history (self);
  return TRUE;
}

gboolean
golanes_session_go_back (GolanesSession *self)
{
  g_return_val_if_fail (GOLANES_IS_SESSION (self), FALSE);

  return go (self, self->back, self->forward);
}

gboolean
golanes_session_go_forward (GolanesSession *self)
{
  g_return_val_if_fail (GOLANES_IS_SESSION (self), FALSE);

  return go (self, self->forward, self->back);
}

gboolean
golanes_session_get_selection (GolanesSession *self,
                               gint64         *start,
                               gint64         *end)
{
  g_return_val_if_fail (GOLANES_IS_SESSION (self), FALSE);

  if (start != NULL)
    *start = self->selection_start;
  if (end != NULL)
    *end = self->selection_end;
  return self->has_selection;
}

void
golanes_session_set_selection (GolanesSession *self,
                               gint64          start,
                               gint64          end)
{
  g_return_if_fail (GOLANES_IS_SESSION (self));

  if (end < start)
    {
      gint64 tmp = start;

      start = end;
      end = tmp;
    }
  start = CLAMP (start, self->doc_start, self->doc_end);
  end = CLAMP (end, self->doc_start, self->doc_end);

  g_object_freeze_notify (G_OBJECT (self));
  if (!self->has_selection)
    {
      self->has_selection = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SELECTION]);
    }
  if (start != self->selection_start)
    {
      self->selection_start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION_START]);
    }
  if (end != self->selection_end)
    {
      self->selection_end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION_END]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
golanes_session_clear_selection (GolanesSession *self)
{
  g_return_if_fail (GOLANES_IS_SESSION (self));

  if (self->has_selection)
    {
      self->has_selection = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SELECTION]);
    }
}

gboolean
golanes_session_get_selected_span (GolanesSession *self,
                                   guint          *goroutine,
                                   guint          *span)
{
  g_return_val_if_fail (GOLANES_IS_SESSION (self), FALSE);

  if (self->selected_goroutine < 0)
    return FALSE;
  if (goroutine != NULL)
    *goroutine = self->selected_goroutine;
  if (span != NULL)
    *span = self->selected_span;
  return TRUE;
}

static void
clear_task_and_region (GolanesSession *self)
{
  if (self->selected_task >= 0)
    {
      self->selected_task = -1;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_TASK]);
    }
  if (self->selected_region >= 0)
    {
      self->selected_region = -1;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_REGION]);
    }
}

/**
 * golanes_session_select_span:
 * @goroutine: a goroutine index, or -1 to select nothing
 * @span: index of a span of its states track
 */
void
golanes_session_select_span (GolanesSession *self,
                             gint            goroutine,
                             gint            span)
{
  g_return_if_fail (GOLANES_IS_SESSION (self));

  if (goroutine < 0)
    span = -1;
  if (goroutine == self->selected_goroutine && span == self->selected_span)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->selected_goroutine = goroutine;
  self->selected_span = span;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_GOROUTINE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SPAN]);
  if (self->selected_sample >= 0)
    {
      self->selected_sample = -1;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SAMPLE]);
    }
  if (goroutine >= 0)
    clear_task_and_region (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * golanes_session_select_sample:
 * @sample: a CPU sample index (golanes_timeline_get_sample()), or -1
 *
 * Selects a CPU sample and the span of its goroutine at its time (if the
 * goroutine has one then); selecting a span clears it.
 */
void
golanes_session_select_sample (GolanesSession *self,
                               gint            sample)
{
  GolanesTimeline *timeline;

  g_return_if_fail (GOLANES_IS_SESSION (self));

  timeline = golanes_document_get_timeline (self->document);
  if (sample >= 0 && (timeline == NULL || (guint) sample >= golanes_timeline_get_n_samples (timeline)))
    sample = -1;
  g_object_freeze_notify (G_OBJECT (self));
  if (sample >= 0)
    {
      const GolanesTimelineSample *s = golanes_timeline_get_sample (timeline, (guint) sample);
      gint index = golanes_timeline_lookup_goroutine (timeline, s->goroutine);
      gint at = index >= 0 ? golanes_track_find_at (golanes_timeline_get_goroutine_states (timeline, (guint) index), s->time) : -1;

      golanes_session_select_span (self, at >= 0 ? index : -1, at);
    }
  if (sample != self->selected_sample)
    {
      self->selected_sample = sample;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SAMPLE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gint
golanes_session_get_selected_sample (GolanesSession *self)
{
  g_return_val_if_fail (GOLANES_IS_SESSION (self), -1);
  return self->selected_sample;
}

/**
 * golanes_session_set_highlight:
 * @label: (nullable): what the intervals are, for tooltips
 * @intervals: (array length=n_intervals): the intervals to highlight
 *
 * Replaces the highlighted intervals (none with @n_intervals 0).
 */
void
golanes_session_set_highlight (GolanesSession               *self,
                               const char                   *label,
                               const GolanesSessionInterval *intervals,
                               guint                         n_intervals)
{
  g_return_if_fail (GOLANES_IS_SESSION (self));
  g_return_if_fail (intervals != NULL || n_intervals == 0);

  g_free (self->highlight_label);
  self->highlight_label = g_strdup (label);
  g_array_set_size (self->highlight, 0);
  if (n_intervals > 0)
    g_array_append_vals (self->highlight, intervals, n_intervals);
  self->highlight_serial++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT_SERIAL]);
}

const GolanesSessionInterval *
golanes_session_get_highlight (GolanesSession *self,
                               guint          *n_intervals)
{
  g_return_val_if_fail (GOLANES_IS_SESSION (self), NULL);

  if (n_intervals != NULL)
    *n_intervals = self->highlight->len;
  return (const GolanesSessionInterval *) (gpointer) self->highlight->data;
}

const char *
golanes_session_get_highlight_label (GolanesSession *self)
{
  g_return_val_if_fail (GOLANES_IS_SESSION (self), NULL);

  return self->highlight_label;
}

guint
golanes_session_get_highlight_serial (GolanesSession *self)
{
  g_return_val_if_fail (GOLANES_IS_SESSION (self), 0);

  return self->highlight_serial;
}

/* Asks the views to scroll goroutine @goroutine_id into sight. */
void
golanes_session_reveal_goroutine (GolanesSession *self,
                                  gint64          goroutine_id)
{
  g_return_if_fail (GOLANES_IS_SESSION (self));

  g_signal_emit (self, signals[REVEAL_GOROUTINE], 0, goroutine_id);
}

/**
 * golanes_session_select_task:
 * @task: a task index (golanes_timeline_get_task()), or -1
 *
 * Selects a task; this clears the selected span, sample and region.
 */
void
golanes_session_select_task (GolanesSession *self,
                             gint            task)
{
  g_return_if_fail (GOLANES_IS_SESSION (self));

  g_object_freeze_notify (G_OBJECT (self));
  golanes_session_select_span (self, -1, -1);
  clear_task_and_region (self);
  if (task >= 0)
    {
      self->selected_task = task;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_TASK]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gint
golanes_session_get_selected_task (GolanesSession *self)
{
  g_return_val_if_fail (GOLANES_IS_SESSION (self), -1);
  return self->selected_task;
}

/**
 * golanes_session_select_region:
 * @region: a region index (golanes_timeline_get_region()), or -1
 */
void
golanes_session_select_region (GolanesSession *self,
                               gint            region)
{
  g_return_if_fail (GOLANES_IS_SESSION (self));

  g_object_freeze_notify (G_OBJECT (self));
  golanes_session_select_span (self, -1, -1);
  clear_task_and_region (self);
  if (region >= 0)
    {
      self->selected_region = region;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_REGION]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gint
golanes_session_get_selected_region (GolanesSession *self)
{
  g_return_val_if_fail (GOLANES_IS_SESSION (self), -1);
  return self->selected_region;
}

/**
 * golanes_session_set_critical_path:
 * @path: (nullable): the path to draw on the timeline (copied), or NULL
 * @label: what it is the path of, for the views
 */
void
golanes_session_set_critical_path (GolanesSession      *self,
                                   GolanesCriticalPath *path,
                                   const char          *label)
{
  g_return_if_fail (GOLANES_IS_SESSION (self));

  g_array_set_size (self->path, 0);
  g_clear_pointer (&self->path_label, g_free);
  if (path != NULL)
    {
      guint n;
      const GolanesCritSegment *segs = golanes_critical_path_get_segments (path, &n);

      g_array_append_vals (self->path, segs, n);
      self->path_label = g_strdup (label);
    }
  g_signal_emit (self, signals[CRITICAL_PATH_CHANGED], 0);
}

/* The segments of the path drawn on the timeline, in time order. */
const GolanesCritSegment *
golanes_session_get_critical_path (GolanesSession *self,
                                   guint          *n_segments)
{
  g_return_val_if_fail (GOLANES_IS_SESSION (self), NULL);
  *n_segments = self->path->len;
  return (const GolanesCritSegment *) (gpointer) self->path->data;
}

const char *
golanes_session_get_critical_path_label (GolanesSession *self)
{
  g_return_val_if_fail (GOLANES_IS_SESSION (self), NULL);
  return self->path_label;
}
