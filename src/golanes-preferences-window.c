/* golanes-preferences-window.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-preferences-window"

#include "config.h"

#include "golanes-preferences-window.h"

struct _GolanesPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  GtkAdjustment        *side_panel_width_adjustment;

  /* Owned references */
  GSettings            *settings;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (GolanesPreferencesWindow, golanes_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static GParamSpec *properties [N_PROPS];

/* Each key the window changes is a "settings.KEY" action, which the
 * widgets in the template use directly: check buttons for the values of
 * an enum key, switches for booleans. */
static const char * const action_keys[] = {
  "color-scheme",
  "show-side-panel",
};

static void
golanes_preferences_window_constructed (GObject *object)
{
  GolanesPreferencesWindow *self = (GolanesPreferencesWindow *) object;
  g_autoptr(GSimpleActionGroup) group = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) key = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) limits = NULL;
  const char *range_type;
  int min_width;
  int max_width;

  G_OBJECT_CLASS (golanes_preferences_window_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));

  group = g_simple_action_group_new ();
  for (guint i = 0; i < G_N_ELEMENTS (action_keys); i++)
    {
      g_autoptr(GAction) action = g_settings_create_action (self->settings, action_keys[i]);

      g_action_map_add_action (G_ACTION_MAP (group), action);
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "settings", G_ACTION_GROUP (group));

  /* The spin button allows what the schema allows. */
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  key = g_settings_schema_get_key (schema, "side-panel-width");
  range = g_settings_schema_key_get_range (key);
  g_variant_get (range, "(&sv)", &range_type, &limits);
  if (g_str_equal (range_type, "range"))
    {
      g_variant_get (limits, "(ii)", &min_width, &max_width);
      gtk_adjustment_set_lower (self->side_panel_width_adjustment, min_width);
      gtk_adjustment_set_upper (self->side_panel_width_adjustment, max_width);
    }

  g_settings_bind (self->settings, "side-panel-width",
                   self->side_panel_width_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
golanes_preferences_window_dispose (GObject *object)
{
  GolanesPreferencesWindow *self = (GolanesPreferencesWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GOLANES_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (golanes_preferences_window_parent_class)->dispose (object);
}

static void
golanes_preferences_window_finalize (GObject *object)
{
  GolanesPreferencesWindow *self = (GolanesPreferencesWindow *) object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (golanes_preferences_window_parent_class)->finalize (object);
}

static void
golanes_preferences_window_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  GolanesPreferencesWindow *self = GOLANES_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, golanes_preferences_window_get_settings (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
golanes_preferences_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  GolanesPreferencesWindow *self = GOLANES_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
golanes_preferences_window_class_init (GolanesPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = golanes_preferences_window_constructed;
  object_class->dispose = golanes_preferences_window_dispose;
  object_class->finalize = golanes_preferences_window_finalize;
  object_class->get_property = golanes_preferences_window_get_property;
  object_class->set_property = golanes_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/golanes-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GolanesPreferencesWindow,
                                        side_panel_width_adjustment);
}

static void
golanes_preferences_window_init (GolanesPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/**
 * golanes_preferences_window_new:
 * @settings: the application's settings
 *
 * Returns: (transfer none): a new preferences window for @settings
 */
GolanesPreferencesWindow *
golanes_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (GOLANES_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       NULL);
}

/**
 * golanes_preferences_window_get_settings:
 * @self: a #GolanesPreferencesWindow
 *
 * Returns: (transfer none): the settings @self changes
 */
GSettings *
golanes_preferences_window_get_settings (GolanesPreferencesWindow *self)
{
  g_return_val_if_fail (GOLANES_IS_PREFERENCES_WINDOW (self), NULL);

  return self->settings;
}
