/* golanes-settings.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-settings"

#include "config.h"

#include "golanes-settings.h"

/**
 * golanes_settings_new:
 *
 * Uninstalled runs and the tests find the compiled schema through
 * `GSETTINGS_SCHEMA_DIR`. A missing schema is a broken installation, which
 * g_settings_new() would abort on without saying so; this says what is missing.
 *
 * Returns: (transfer full): the application's settings
 */
GSettings *
golanes_settings_new (void)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, GOLANES_SETTINGS_SCHEMA_ID, TRUE);

  if (schema == NULL)
    g_error ("The settings schema %s is not installed. Uninstalled, set "
             "GSETTINGS_SCHEMA_DIR to the build directory's data folder.",
             GOLANES_SETTINGS_SCHEMA_ID);

  return g_settings_new_full (schema, NULL, NULL);
}

static gboolean
color_scheme_get_mapping (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  /* GSettings checks an enum key's value against its nicks on reading,
   * so an unknown one only arrives through a schema out of step. */
  if (g_strcmp0 (nick, "light") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (nick, "dark") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  else if (g_strcmp0 (nick, "follow") != 0)
    g_warning ("Unknown color scheme “%s”, following the system style instead", nick);

  g_value_set_enum (value, scheme);
  return TRUE;
}

/**
 * golanes_settings_bind_style_manager:
 * @settings: the application's settings
 * @style_manager: the style manager, normally the default one
 *
 * Makes @style_manager follow the "color-scheme" setting.
 */
void
golanes_settings_bind_style_manager (GSettings       *settings,
                                     AdwStyleManager *style_manager)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (ADW_IS_STYLE_MANAGER (style_manager));

  g_settings_bind_with_mapping (settings, "color-scheme",
                                style_manager, "color-scheme",
                                G_SETTINGS_BIND_GET,
                                color_scheme_get_mapping, NULL, NULL, NULL);
}

/**
 * golanes_settings_window_size_is_sane:
 * @display: (nullable): the display the window will be on
 * @width: a saved window width
 * @height: a saved window height
 *
 * Returns: %TRUE if a window of @width × @height fits on one of the
 *   monitors of @display (or on any, when none are known yet)
 */
gboolean
golanes_settings_window_size_is_sane (GdkDisplay *display,
                                      int         width,
                                      int         height)
{
  GListModel *monitors;
  int max_width = 0;
  int max_height = 0;
  guint n;

  if (width <= 0 || height <= 0)
    return FALSE;

  if (display == NULL)
    return TRUE;

  monitors = gdk_display_get_monitors (display);
  n = g_list_model_get_n_items (monitors);
  if (n == 0)
    return TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      max_width = MAX (max_width, geometry.width);
      max_height = MAX (max_height, geometry.height);
    }

  return width <= max_width && height <= max_height;
}

static int
get_default_int (GSettings  *settings,
                 const char *key)
{
  g_autoptr(GVariant) value = g_settings_get_default_value (settings, key);

  return g_variant_get_int32 (value);
}

/**
 * golanes_settings_restore_window:
 * @settings: the application's settings
 * @window: a window that is not shown yet
 *
 * Gives @window the size and maximized state saved last. A saved size
 * that no monitor can show is replaced by the default size.
 */
void
golanes_settings_restore_window (GSettings *settings,
                                 GtkWindow *window)
{
  int width;
  int height;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (GTK_IS_WINDOW (window));

  width = g_settings_get_int (settings, "window-width");
  height = g_settings_get_int (settings, "window-height");

  /* The default size itself may not fit a small or scaled screen: the
   * window manager shrinks it then, with nothing to warn about. */
  if (!golanes_settings_window_size_is_sane (gtk_widget_get_display (GTK_WIDGET (window)),
                                             width, height) &&
      (width != get_default_int (settings, "window-width") ||
       height != get_default_int (settings, "window-height")))
    {
      int default_width = get_default_int (settings, "window-width");
      int default_height = get_default_int (settings, "window-height");

      g_warning ("Saved window size %d×%d does not fit on any monitor, using %d×%d",
                 width, height, default_width, default_height);
      width = default_width;
      height = default_height;
    }

  gtk_window_set_default_size (window, width, height);

  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (window);
}

/**
 * golanes_settings_save_window:
 * @settings: the application's settings
 * @window: a window about to close
 *
 * Saves the size and maximized state of @window for the next window.
 */
void
golanes_settings_save_window (GSettings *settings,
                              GtkWindow *window)
{
  int width = 0;
  int height = 0;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (GTK_IS_WINDOW (window));

  /* The default size follows the size the user gave the window, but not
   * its maximized size. */
  gtk_window_get_default_size (window, &width, &height);

  if (width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
}

/**
 * golanes_settings_clamp_int:
 * @settings: the application's settings
 * @key: an integer key with a range
 * @value: a value for @key
 *
 * Returns: @value, brought into the range the schema gives @key
 */
int
golanes_settings_clamp_int (GSettings  *settings,
                            const char *key,
                            int         value)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) limits = NULL;
  g_autofree char *type = NULL;
  int min;
  int max;

  g_return_val_if_fail (G_IS_SETTINGS (settings), value);
  g_return_val_if_fail (key != NULL, value);

  g_object_get (settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);
  range = g_settings_schema_key_get_range (schema_key);
  g_variant_get (range, "(sv)", &type, &limits);
  if (g_strcmp0 (type, "range") != 0)
    return value;

  g_variant_get (limits, "(ii)", &min, &max);
  return CLAMP (value, min, max);
}
