/* golanes-application.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "golanes-application"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "golanes-analyses.h"
#include "golanes-application.h"
#include "golanes-memory.h"
#include "golanes-preferences-window.h"
#include "golanes-settings.h"
#include "golanes-timeline-view.h"
#include "golanes-trace-view.h"
#include "golanes-window.h"
#include "golanes-window-private.h"

#define TRACE_MIME_TYPE "application/x-go-trace"

struct _GolanesApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GtkWindow      *preferences;
};

G_DEFINE_FINAL_TYPE (GolanesApplication, golanes_application, ADW_TYPE_APPLICATION)

static GolanesWindow *
golanes_application_create_window (GolanesApplication *self)
{
  g_assert (GOLANES_IS_APPLICATION (self));

  return golanes_window_new (self);
}

static void
golanes_application_activate (GApplication *app)
{
  GolanesApplication *self = GOLANES_APPLICATION (app);
  GtkWindow *window;

  g_assert (GOLANES_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (golanes_application_create_window (self));

  gtk_window_present (window);
}

static void
golanes_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  GolanesApplication *self = GOLANES_APPLICATION (app);

  g_assert (GOLANES_IS_APPLICATION (self));
  g_assert (n_files >= 0);

  golanes_application_open_files (self, files, (guint) n_files,
                                  gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
golanes_application_startup (GApplication *app)
{
  GolanesApplication *self = GOLANES_APPLICATION (app);
  GtkApplication *gtk_app = GTK_APPLICATION (app);

  golanes_tune_allocator ();
  G_APPLICATION_CLASS (golanes_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);

  self->settings = golanes_settings_new ();
  golanes_settings_bind_style_manager (self->settings, adw_style_manager_get_default ());

  gtk_application_set_accels_for_action (gtk_app, "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.new-window", (const char *[]) { "<Control>n", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.open", (const char *[]) { "<Control>o", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.record", (const char *[]) { "<Control>r", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.save-as", (const char *[]) { "<Control><Shift>s", NULL });
  gtk_application_set_accels_for_action (gtk_app, "window.close", (const char *[]) { "<Control>w", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.preferences", (const char *[]) { "<Control>comma", NULL });
}

static void
golanes_application_shutdown (GApplication *app)
{
  GolanesApplication *self = GOLANES_APPLICATION (app);

  /* The style manager outlives the application, and its binding holds the settings. */
  if (self->settings != NULL)
    g_settings_unbind (adw_style_manager_get_default (), "color-scheme");

  G_APPLICATION_CLASS (golanes_application_parent_class)->shutdown (app);
}

static void
window_unrealize_cb (GolanesApplication *self,
                     GtkWindow          *window)
{
  g_assert (GOLANES_IS_APPLICATION (self));
  g_assert (GTK_IS_WINDOW (window));

  if (self->settings != NULL)
    golanes_settings_save_window (self->settings, window);
}

static void
golanes_application_window_added (GtkApplication *app,
                                  GtkWindow      *window)
{
  GolanesApplication *self = GOLANES_APPLICATION (app);

  GTK_APPLICATION_CLASS (golanes_application_parent_class)->window_added (app, window);

  /* A new window opens at the size of the last one closed, which saves
   * its size when it goes away (closed, or destroyed on quit). */
  if (GOLANES_IS_WINDOW (window) && self->settings != NULL)
    {
      golanes_settings_restore_window (self->settings, window);
      g_signal_connect_object (window, "unrealize", G_CALLBACK (window_unrealize_cb),
                               self, G_CONNECT_SWAPPED);
    }
}

/* --profile-startup: how long from the start of the process until the
 * timeline's first frame was painted (the trace streams in: maybe only
 * its first generations), until the trace was shown whole (its timeline
 * part loaded) and until every analysis part was ready. */

static double
process_start_monotonic_usec (void)
{
  g_autofree char *stat = NULL;
  struct timespec boot;
  unsigned long long start_ticks = 0;
  const char *p;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (p = strrchr (stat, ')')) == NULL ||
      clock_gettime (CLOCK_BOOTTIME, &boot) != 0)
    return 0;

  /* Field 22, starttime, counted after the command name's ")". */
  for (int field = 2; field < 22 && p != NULL; field++)
    p = strchr (p + 1, ' ');
  if (p == NULL || sscanf (p + 1, "%llu", &start_ticks) != 1)
    return 0;

  return (double) g_get_monotonic_time () -
         ((double) boot.tv_sec * 1e6 + boot.tv_nsec / 1e3 - (double) start_ticks * 1e6 / sysconf (_SC_CLK_TCK));
}

static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;
  long kb = -1;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (line = strstr (status, "VmHWM:")) != NULL)
    sscanf (line + strlen ("VmHWM:"), "%ld", &kb);
  return kb;
}

static gint64 profile_first_frame_usec;

/* The longest the window went without a frame, from the first frame on:
 * a tick callback keeps the frame clock running (60 a second), so a gap
 * well over 17 ms is a main-loop iteration that held it up. */
#define STALL_USEC (50 * 1000)
static gint64 stall_last_usec;
static gint64 stall_max_usec;
static gint64 stall_max_at_usec;   /* when the longest ended */
static guint  stall_count;

static gboolean
profile_stall_tick_cb (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (stall_last_usec != 0)
    {
      gint64 gap = now - stall_last_usec;

      if (gap > stall_max_usec)
        {
          stall_max_usec = gap;
          stall_max_at_usec = now;
        }
      if (gap > STALL_USEC)
        {
          stall_count++;
          g_debug ("profile: a %.1f ms stall ended at %.1f ms", gap / 1000.0,
                   (now - process_start_monotonic_usec ()) / 1000.0);
        }
    }
  stall_last_usec = now;
  return G_SOURCE_CONTINUE;
}

/* Once every panel is ready: zooming in, scrolling through every lane
 * (every group expanded) and zooming out again, a step a frame, as a
 * user's wheel does.  Each frame's work (its tick to its paint's end) and
 * the gaps between frames are measured. */
#define INTERACT_STEPS 45

typedef struct
{
  GtkWidget     *window;
  GolanesTimelineView *timeline;
  GdkFrameClock *clock;
  gulong         after_paint_id;
  guint          step;
  gint64         tick_usec;
  gint64         last_tick_usec;
  GArray        *work_ms;       /* double per frame */
  GArray        *work_step;     /* guint per frame: the step it drew */
  guint          tick_step;
  double         max_gap_ms;
  guint          n_gaps_over;
  double         expand_ms;     /* the gap around expanding every group */
  guint          n_lanes;
} Interact;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
interact_after_paint_cb (GdkFrameClock *clock,
                         Interact      *in)
{
  double ms;

  if (in->tick_usec == 0)
    return;
  ms = (g_get_monotonic_time () - in->tick_usec) / 1000.0;
  g_array_append_val (in->work_ms, ms);
  g_array_append_val (in->work_step, in->tick_step);
  in->tick_usec = 0;
}

/* Find, as a user types it: the last goroutine by id, then the biggest
 * group's function (each revealed and selected, the details panel
 * following). */
static void
profile_find (GolanesTimelineView *timeline)
{
  GolanesSession *session = golanes_timeline_view_get_session (timeline);
  GolanesTimeline *model = golanes_document_get_timeline (golanes_session_get_document (session));
  GolanesTimelineLayout *layout = golanes_timeline_view_get_layout (timeline);
  guint n = golanes_timeline_get_n_goroutines (model);
  const GolanesLaneGroup *biggest = NULL;
  g_autofree char *id = NULL;
  gint64 t0, t1, t2;
  guint found_id, found_func = 0;

  if (n == 0)
    return;
  for (guint g = 0; g < golanes_timeline_layout_get_n_groups (layout); g++)
    {
      const GolanesLaneGroup *group = golanes_timeline_layout_get_group (layout, g);

      if (group->kind == GOLANES_GROUP_GOROUTINES && !group->runtime &&
          (biggest == NULL || golanes_lane_group_get_n_members (group) > golanes_lane_group_get_n_members (biggest)))
        biggest = group;
    }
  id = g_strdup_printf ("G%" G_GINT64_FORMAT, golanes_timeline_get_goroutine_id (model, n - 1));
  t0 = g_get_monotonic_time ();
  found_id = golanes_timeline_view_find (timeline, id);
  t1 = g_get_monotonic_time ();
  if (biggest != NULL)
    found_func = golanes_timeline_view_find (timeline, biggest->title);
  t2 = g_get_monotonic_time ();
  g_print ("find_id_ms=%.1f find_id_found=%u find_func_ms=%.1f find_func_found=%u\n",
           (t1 - t0) / 1000.0, found_id, (t2 - t1) / 1000.0, found_func);
}

static gboolean
interact_tick_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  Interact *in = user_data;
  GolanesSession *session = golanes_timeline_view_get_session (in->timeline);
  GtkAdjustment *vadj = golanes_timeline_view_get_vadjustment (in->timeline);
  gint64 now = g_get_monotonic_time ();
  gint64 start, end;

  if (in->last_tick_usec != 0)
    {
      double gap = (now - in->last_tick_usec) / 1000.0;

      /* Expanding a group of millions is a click, not a scroll: its gap
       * is reported on its own. */
      if (in->step == INTERACT_STEPS + 1)
        in->expand_ms = gap;
      else
        {
          in->max_gap_ms = MAX (in->max_gap_ms, gap);
          in->n_gaps_over += gap > STALL_USEC / 1000.0;
        }
    }
  in->last_tick_usec = now;
  in->tick_usec = now;
  in->tick_step = in->step;

  golanes_session_get_visible (session, &start, &end);
  if (in->step < INTERACT_STEPS)
    golanes_session_zoom (session, 0.8, start + (end - start) / 2, FALSE);
  else if (in->step == INTERACT_STEPS)
    {
      GolanesTimelineLayout *layout = golanes_timeline_view_get_layout (in->timeline);

      for (guint g = 0; g < golanes_timeline_layout_get_n_groups (layout); g++)
        golanes_timeline_view_set_group_collapsed (in->timeline, g, FALSE);
      in->n_lanes = golanes_timeline_layout_get_n_lanes (layout);
    }
  else if (in->step <= 2 * INTERACT_STEPS)
    gtk_adjustment_set_value (vadj, (gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj)) *
                                    (in->step - INTERACT_STEPS) / INTERACT_STEPS);
  else if (in->step <= 3 * INTERACT_STEPS)
    golanes_session_zoom (session, 1 / 0.8, start + (end - start) / 2, FALSE);
  else
    {
      double p50 = 0, p99 = 0;
      g_autoptr(GString) worst = g_string_new (NULL);

      g_signal_handler_disconnect (in->clock, in->after_paint_id);
      /* The slowest frames and what they drew: zoom-in steps, the expand,
       * scroll steps, zoom-out steps. */
      {
        guint picked[3], n_picked = 0;

        while (n_picked < G_N_ELEMENTS (picked) && n_picked < in->work_ms->len)
          {
            guint at = G_MAXUINT, step;
            const char *what;

            for (guint i = 0; i < in->work_ms->len; i++)
              {
                gboolean taken = FALSE;

                for (guint k = 0; k < n_picked; k++)
                  taken |= picked[k] == i;
                if (!taken && (at == G_MAXUINT ||
                               g_array_index (in->work_ms, double, i) > g_array_index (in->work_ms, double, at)))
                  at = i;
              }
            picked[n_picked] = at;
            step = g_array_index (in->work_step, guint, at);
            what = step < INTERACT_STEPS ? "in" : step == INTERACT_STEPS ? "expand" :
                   step <= 2 * INTERACT_STEPS ? "scroll" : "out";
            g_string_append_printf (worst, "%s%s%u:%.1f", n_picked > 0 ? "," : "", what,
                                    step < INTERACT_STEPS ? step + 1 : step == INTERACT_STEPS ? 1 : (step - 1) % INTERACT_STEPS + 1,
                                    g_array_index (in->work_ms, double, at));
            n_picked++;
          }
      }
      if (in->work_ms->len > 0)
        {
          g_array_sort (in->work_ms, compare_doubles);
          p50 = g_array_index (in->work_ms, double, in->work_ms->len / 2);
          p99 = g_array_index (in->work_ms, double, MIN (in->work_ms->len - 1, in->work_ms->len * 99 / 100));
        }
      g_print ("interact_frames=%u interact_p50_ms=%.1f interact_p99_ms=%.1f"
               " interact_max_stall_ms=%.1f interact_stalls_over_50ms=%u"
               " interact_expand_ms=%.1f interact_lanes=%u interact_peak_rss_kb=%ld\n",
               in->work_ms->len, p50, p99, in->max_gap_ms, in->n_gaps_over, in->expand_ms, in->n_lanes,
               peak_rss_kb ());
      g_print ("interact_worst_ms=%s\n", worst->str);
      profile_find (in->timeline);
      g_array_unref (in->work_ms);
      g_array_unref (in->work_step);
      g_free (in);
      g_application_quit (g_application_get_default ());
      return G_SOURCE_REMOVE;
    }
  in->step++;
  return G_SOURCE_CONTINUE;
}

static void
profile_interact (GtkWindow *window)
{
  GolanesTraceView *view = _golanes_window_get_trace_view (GOLANES_WINDOW (window));
  Interact *in = g_new0 (Interact, 1);

  in->window = GTK_WIDGET (window);
  in->timeline = golanes_trace_view_get_timeline (view);
  in->clock = gtk_widget_get_frame_clock (GTK_WIDGET (in->timeline));
  in->work_ms = g_array_new (FALSE, FALSE, sizeof (double));
  in->work_step = g_array_new (FALSE, FALSE, sizeof (guint));
  in->after_paint_id = g_signal_connect (in->clock, "after-paint", G_CALLBACK (interact_after_paint_cb), in);
  gtk_widget_add_tick_callback (GTK_WIDGET (in->timeline), interact_tick_cb, in, NULL);
}

/* The analyses run on after the first frame: wait for every part, then
 * report, measure a user's zooming and scrolling, and quit. */
static gboolean
profile_analyses_cb (gpointer user_data)
{
  static gint64 done_seen_usec;
  GApplication *app = user_data;
  double start;

  if (_golanes_analyses_get_n_running () > 0 || _golanes_trace_view_get_n_refreshing () > 0 ||
      _golanes_trace_view_get_last_shown_usec () == 0)
    return G_SOURCE_CONTINUE;
  /* The last part's panels fill in the iteration that saw it done: the
   * window's next frame closes the stall they made, if any. */
  if (done_seen_usec == 0)
    done_seen_usec = g_get_monotonic_time ();
  if (stall_last_usec <= done_seen_usec && g_get_monotonic_time () - done_seen_usec < G_USEC_PER_SEC)
    return G_SOURCE_CONTINUE;

  start = process_start_monotonic_usec ();
  g_print ("load_ms=%.1f first_frame_ms=%.1f analyses_ms=%.1f peak_rss_kb=%ld"
           " max_stall_ms=%.1f max_stall_end_ms=%.1f stalls_over_50ms=%u\n",
           (_golanes_trace_view_get_last_shown_usec () - start) / 1000.0,
           (profile_first_frame_usec - start) / 1000.0,
           (MAX (_golanes_analyses_get_last_done_usec (), _golanes_trace_view_get_last_shown_usec ()) - start) / 1000.0,
           peak_rss_kb (), stall_max_usec / 1000.0,
           stall_max_at_usec != 0 ? (stall_max_at_usec - start) / 1000.0 : 0.0, stall_count);
  if (gtk_application_get_active_window (GTK_APPLICATION (app)) != NULL)
    profile_interact (gtk_application_get_active_window (GTK_APPLICATION (app)));
  else
    g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
profile_first_frame_cb (gpointer user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  profile_first_frame_usec = g_get_monotonic_time ();
  if (window != NULL)
    gtk_widget_add_tick_callback (GTK_WIDGET (window), profile_stall_tick_cb, NULL, NULL);
  g_timeout_add_full (G_PRIORITY_DEFAULT, 5, profile_analyses_cb, g_object_ref (user_data), g_object_unref);
}

static int
golanes_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s (GTK %u.%u.%u, libadwaita %u.%u.%u)\n",
               g_get_prgname (), PACKAGE_VERSION,
               gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
               adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version ());
      return EXIT_SUCCESS;
    }

  /* The desktop file's "New Window" action when D-Bus activation is not
   * used: a running instance opens the window, or this one starts with it. */
  if (g_variant_dict_contains (options, "new-window"))
    {
      g_autoptr(GError) error = NULL;

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }

      if (g_application_get_is_remote (app))
        {
          g_action_group_activate_action (G_ACTION_GROUP (app), "new-window", NULL);
          return EXIT_SUCCESS;
        }
    }

  if (g_variant_dict_contains (options, "profile-startup"))
    {
      /* Measure this process only, never hand the trace to another. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
      golanes_timeline_view_set_first_frame_func (profile_first_frame_cb, app);
    }

  return -1;
}

static void
golanes_application_dispose (GObject *object)
{
  GolanesApplication *self = (GolanesApplication *) object;

  if (self->preferences != NULL)
    gtk_window_destroy (self->preferences);

  G_OBJECT_CLASS (golanes_application_parent_class)->dispose (object);
}

static void
golanes_application_finalize (GObject *object)
{
  GolanesApplication *self = (GolanesApplication *) object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (golanes_application_parent_class)->finalize (object);
}

static void
golanes_application_class_init (GolanesApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = golanes_application_dispose;
  object_class->finalize = golanes_application_finalize;

  app_class->handle_local_options = golanes_application_handle_local_options;
  app_class->activate = golanes_application_activate;
  app_class->open = golanes_application_open;
  app_class->startup = golanes_application_startup;
  app_class->shutdown = golanes_application_shutdown;

  gtk_app_class->window_added = golanes_application_window_added;
}

static void
golanes_application_about_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  static const char *developers[] = { "The Golanes authors", NULL };
  GolanesApplication *self = user_data;
  GtkWindow *window;

  g_assert (GOLANES_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", _("Golanes"),
                         "application-icon", APP_ID,
                         "comments", _("View Go execution traces"),
                         "version", PACKAGE_VERSION,
                         "developer-name", "The Golanes authors",
                         "developers", developers,
                         "copyright", "© 2026 The Golanes authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://github.com/golanes/golanes",
                         "issue-url", "https://github.com/golanes/golanes/issues",
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
golanes_application_preferences_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  GolanesApplication *self = user_data;
  GtkWindow *parent;

  g_assert (GOLANES_IS_APPLICATION (self));
  g_assert (G_IS_SETTINGS (self->settings));

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->preferences == NULL)
    {
      self->preferences = GTK_WINDOW (golanes_preferences_window_new (self->settings));
      g_object_add_weak_pointer (G_OBJECT (self->preferences), (gpointer *) &self->preferences);
    }

  if (parent != NULL && parent != self->preferences)
    gtk_window_set_transient_for (self->preferences, parent);

  gtk_window_present (self->preferences);
}

static void
golanes_application_new_window_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  GolanesApplication *self = user_data;

  g_assert (GOLANES_IS_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (golanes_application_create_window (self)));
}

static void
golanes_application_quit_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  GolanesApplication *self = user_data;
  GList *windows;

  g_assert (GOLANES_IS_APPLICATION (self));

  /* Destroying the windows cancels their loads before the loop stops. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))))
    gtk_window_destroy (windows->data);

  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "about", golanes_application_about_action },
  { "new-window", golanes_application_new_window_action },
  { "preferences", golanes_application_preferences_action },
  { "quit", golanes_application_quit_action },
};

static void
golanes_application_init (GolanesApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "version", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE, _("Show the version and exit"), NULL);
  g_application_add_main_option (G_APPLICATION (self), "new-window", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE, _("Open a new window"), NULL);
  g_application_add_main_option (G_APPLICATION (self), "profile-startup", 0, G_OPTION_FLAG_HIDDEN,
                                 G_OPTION_ARG_NONE, "Open TRACE, print load and first-frame times, exit", NULL);
  /* Translators: the arguments in "golanes --help" */
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[TRACE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Open Go execution traces, each in its own window."));

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);
}

/**
 * golanes_application_setup_i18n:
 *
 * Sets the locale from the environment and binds the translations.
 * Uninstalled runs and the tests point `GOLANES_LOCALEDIR` at the
 * translations compiled in the build directory.
 */
void
golanes_application_setup_i18n (void)
{
  const char *localedir = g_getenv ("GOLANES_LOCALEDIR");

  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * golanes_application_get_settings:
 * @self: a #GolanesApplication
 *
 * Returns: (transfer none) (nullable): the application's settings, once
 *   the application has started up
 */
GSettings *
golanes_application_get_settings (GolanesApplication *self)
{
  g_return_val_if_fail (GOLANES_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * golanes_application_new:
 * @application_id: the application id, normally %APP_ID
 * @flags: extra flags; %G_APPLICATION_HANDLES_OPEN is always set
 *
 * Returns: (transfer full): a new #GolanesApplication
 */
GolanesApplication *
golanes_application_new (const char        *application_id,
                         GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (GOLANES_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

/**
 * golanes_application_open_files:
 * @self: a #GolanesApplication
 * @files: (array length=n_files): the traces to open
 * @n_files: the number of @files
 * @reuse: (nullable): a window that may show the first file if it shows
 *   no trace yet
 *
 * Opens each of @files in its own window.
 */
void
golanes_application_open_files (GolanesApplication  *self,
                                GFile              **files,
                                guint                n_files,
                                GtkWindow           *reuse)
{
  g_return_if_fail (GOLANES_IS_APPLICATION (self));
  g_return_if_fail (files != NULL || n_files == 0);
  g_return_if_fail (reuse == NULL || GTK_IS_WINDOW (reuse));

  for (guint i = 0; i < n_files; i++)
    {
      GolanesWindow *window = NULL;

      if (i == 0 && GOLANES_IS_WINDOW (reuse) && golanes_window_is_empty (GOLANES_WINDOW (reuse)))
        window = GOLANES_WINDOW (reuse);
      else
        window = golanes_application_create_window (self);

      golanes_window_open (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

/**
 * golanes_application_open_recording:
 * @reuse: (nullable): a window that may show it if it shows no trace yet
 *
 * Opens a trace just recorded into the cache folder, as
 * golanes_application_open_files() opens a file; its window removes it
 * when it closes unless it was saved.
 */
void
golanes_application_open_recording (GolanesApplication *self,
                                    GFile              *file,
                                    GtkWindow          *reuse)
{
  GolanesWindow *window;

  g_return_if_fail (GOLANES_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  if (GOLANES_IS_WINDOW (reuse) && golanes_window_is_empty (GOLANES_WINDOW (reuse)))
    window = GOLANES_WINDOW (reuse);
  else
    window = golanes_application_create_window (self);
  golanes_window_open_recording (window, file);
  gtk_window_present (GTK_WINDOW (window));
}

/**
 * golanes_application_dup_sample_trace:
 * @self: a #GolanesApplication
 *
 * The sample trace is installed in the package data folder. Uninstalled
 * runs point `GOLANES_SAMPLE_TRACE` at the copy in the source tree.
 *
 * Returns: (transfer full): the sample trace
 */
GFile *
golanes_application_dup_sample_trace (GolanesApplication *self)
{
  const char *override;
  g_autofree char *path = NULL;

  g_return_val_if_fail (GOLANES_IS_APPLICATION (self), NULL);

  override = g_getenv ("GOLANES_SAMPLE_TRACE");
  if (override != NULL && override[0] != '\0')
    return g_file_new_for_path (override);

  path = g_build_filename (PKGDATADIR, SAMPLE_TRACE_NAME, NULL);
  return g_file_new_for_path (path);
}

/**
 * golanes_application_add_recent:
 * @self: a #GolanesApplication
 * @file: a trace that was opened
 *
 * Records @file in the recently used files, as a Go trace opened by Golanes.
 */
void
golanes_application_add_recent (GolanesApplication *self,
                                GFile              *file)
{
  g_autofree char *uri = NULL;
  GtkRecentData data = { 0 };

  g_return_if_fail (GOLANES_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);

  data.display_name = NULL;
  data.description = NULL;
  data.mime_type = (char *) TRACE_MIME_TYPE;
  data.app_name = (char *) PACKAGE_NAME;
  data.app_exec = (char *) "golanes %u";
  data.groups = NULL;
  data.is_private = FALSE;

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}
