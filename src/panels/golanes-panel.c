/* golanes-panel.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-panel"

#include "config.h"

#include "golanes-panel.h"

typedef struct
{
  GolanesDocument *document;
} GolanesPanelPrivate;

enum
{
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

enum
{
  ACTIVATE_RANGE,
  ACTIVATE_GOROUTINE,
  HIGHLIGHT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (GolanesPanel, golanes_panel, GTK_TYPE_WIDGET)

/**
 * golanes_panel_set_document:
 * @self: a #GolanesPanel
 * @document: (nullable): the document to show
 *
 * Shows @document.  Giving the same document again is not a no-op: the
 * subclass is told (its document_changed gets the document as @previous),
 * so that a panel whose part of the document was not ready fills in.
 */
void
golanes_panel_set_document (GolanesPanel    *self,
                            GolanesDocument *document)
{
  GolanesPanelPrivate *priv = golanes_panel_get_instance_private (self);
  g_autoptr(GolanesDocument) previous = NULL;
  GolanesPanelClass *klass;
  gboolean changed;

  g_return_if_fail (GOLANES_IS_PANEL (self));

  changed = priv->document != document;
  /* The previous document lives until the subclass has let go of it. */
  previous = g_steal_pointer (&priv->document);
  if (document != NULL)
    priv->document = golanes_document_ref (document);

  klass = GOLANES_PANEL_GET_CLASS (self);
  if (klass->document_changed != NULL)
    klass->document_changed (self, previous);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * golanes_panel_get_document:
 * @self: a #GolanesPanel
 *
 * Returns: (transfer none) (nullable): the document shown
 */
GolanesDocument *
golanes_panel_get_document (GolanesPanel *self)
{
  GolanesPanelPrivate *priv = golanes_panel_get_instance_private (self);

  g_return_val_if_fail (GOLANES_IS_PANEL (self), NULL);

  return priv->document;
}

void
golanes_panel_activate_range (GolanesPanel *self,
                              gint64        start,
                              gint64        end)
{
  g_return_if_fail (GOLANES_IS_PANEL (self));

  g_signal_emit (self, signals[ACTIVATE_RANGE], 0, start, end);
}

void
golanes_panel_activate_goroutine (GolanesPanel *self,
                                  gint64        goid)
{
  g_return_if_fail (GOLANES_IS_PANEL (self));

  g_signal_emit (self, signals[ACTIVATE_GOROUTINE], 0, goid);
}

void
golanes_panel_highlight (GolanesPanel     *self,
                         GolanesHighlight *highlight)
{
  g_return_if_fail (GOLANES_IS_PANEL (self));

  g_signal_emit (self, signals[HIGHLIGHT], 0, highlight);
}

static void
golanes_panel_dispose (GObject *object)
{
  GolanesPanel *self = GOLANES_PANEL (object);
  GolanesPanelPrivate *priv = golanes_panel_get_instance_private (self);
  GtkWidget *child;

  /* Subclasses have disposed of their templates and models by now. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&priv->document, golanes_document_unref);

  G_OBJECT_CLASS (golanes_panel_parent_class)->dispose (object);
}

static void
golanes_panel_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GolanesPanel *self = GOLANES_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_boxed (value, golanes_panel_get_document (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
golanes_panel_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GolanesPanel *self = GOLANES_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      golanes_panel_set_document (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
golanes_panel_class_init (GolanesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = golanes_panel_dispose;
  object_class->get_property = golanes_panel_get_property;
  object_class->set_property = golanes_panel_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_boxed ("document", NULL, NULL,
                        GOLANES_TYPE_DOCUMENT,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTIVATE_RANGE] =
    g_signal_new ("activate-range",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[ACTIVATE_GOROUTINE] =
    g_signal_new ("activate-goroutine",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[HIGHLIGHT] =
    g_signal_new ("highlight",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GOLANES_TYPE_HIGHLIGHT);

  /* A panel is its template's one child. */
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
golanes_panel_init (GolanesPanel *self)
{
}
