/* golanes-cli-mmu.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "golanes-cli-commands.h"
#include "golanes-cli-input.h"
#include "golanes-mmu.h"
#include "golanes-trace-reader.h"

/* Formats @v the way Go's encoding/json does: the shortest digits that
 * read back as @v, in plain notation unless the exponent is below -6 or at
 * least 21. */
static void
append_go_float (GString *out,
                 double   v)
{
  char fmt[16], buf[64], digits[32];
  int prec, exp10, n_digits = 0;
  const char *p;
  gboolean neg = FALSE;

  if (v == 0)
    {
      g_string_append (out, signbit (v) ? "-0" : "0");
      return;
    }
  for (prec = 0; prec < 17; prec++)
    {
      g_snprintf (fmt, sizeof fmt, "%%.%de", prec);
      g_ascii_formatd (buf, sizeof buf, fmt, v);
      if (g_ascii_strtod (buf, NULL) == v)
        break;
    }
  if (prec == 17)
    {
      g_snprintf (fmt, sizeof fmt, "%%.%de", prec);
      g_ascii_formatd (buf, sizeof buf, fmt, v);
    }
  p = buf;
  if (*p == '-')
    {
      neg = TRUE;
      p++;
    }
  for (; *p != 'e' && *p != '\0'; p++)
    if (*p >= '0' && *p <= '9')
      digits[n_digits++] = *p;
  exp10 = (*p == 'e') ? atoi (p + 1) : 0;
  while (n_digits > 1 && digits[n_digits - 1] == '0')
    n_digits--;

  if (neg)
    g_string_append_c (out, '-');
  if (exp10 < -6 || exp10 >= 21)
    {
      g_string_append_c (out, digits[0]);
      if (n_digits > 1)
        {
          g_string_append_c (out, '.');
          g_string_append_len (out, digits + 1, n_digits - 1);
        }
      g_string_append_printf (out, "e%c%02d", exp10 < 0 ? '-' : '+', ABS (exp10));
    }
  else if (exp10 < 0)
    {
      g_string_append (out, "0.");
      for (int i = 0; i < -exp10 - 1; i++)
        g_string_append_c (out, '0');
      g_string_append_len (out, digits, n_digits);
    }
  else
    {
      for (int i = 0; i <= exp10 || i < n_digits; i++)
        {
          if (i == exp10 + 1)
            g_string_append_c (out, '.');
          g_string_append_c (out, i < n_digits ? digits[i] : '0');
        }
    }
}

/* "1500", "1.5us", "2ms", "1s" -> nanoseconds. */
static gboolean
parse_duration (const char *text,
                gint64     *ns)
{
  char *end = NULL;
  double v;
  double scale = 1;

  errno = 0;
  v = g_ascii_strtod (text, &end);
  if (end == text || errno != 0 || v < 0)
    return FALSE;
  if (*end == '\0' || strcmp (end, "ns") == 0)
    scale = 1;
  else if (strcmp (end, "us") == 0 || strcmp (end, "µs") == 0)
    scale = 1e3;
  else if (strcmp (end, "ms") == 0)
    scale = 1e6;
  else if (strcmp (end, "s") == 0)
    scale = 1e9;
  else
    return FALSE;
  v *= scale;
  if (v > 9.2e18)
    return FALSE;
  *ns = (gint64) v;
  return TRUE;
}

static void
append_duration (GString *out,
                 gint64   ns)
{
  if (ns < 1000)
    g_string_append_printf (out, "%" G_GINT64_FORMAT "ns", ns);
  else if (ns < 1000000)
    g_string_append_printf (out, "%.6gµs", ns / 1e3);
  else if (ns < 1000000000)
    g_string_append_printf (out, "%.6gms", ns / 1e6);
  else
    g_string_append_printf (out, "%.6gs", ns / 1e9);
}

/* Feeds at most @limit events of the trace to a new MMU and finishes it.
 * @valid gets the number of events up to the last Sync (what go tool trace
 * keeps of a trace that ends in an error), 0 if they are Syncs only.  NULL if the file cannot be
 * opened; a read error is returned in @error alongside the MMU. */
static GolanesMmu *
read_mmu (GolanesCliInput *in,
          GolanesMmuFlags  flags,
          guint64          limit,
          guint64         *valid,
          GError         **error)
{
  GolanesTraceReader *reader = golanes_cli_input_reader (in, error);
  GolanesMmu *mmu;
  GolanesEvent ev;
  guint64 n = 0;
  gboolean useful = FALSE;

  if (reader == NULL)
    return NULL;
  mmu = golanes_mmu_new (flags);
  *valid = 0;
  while (n < limit && golanes_trace_reader_next (reader, &ev, error))
    {
      golanes_mmu_feed (mmu, reader, &ev);
      n++;
      /* Sync events alone are no useful part. */
      if (ev.kind != GOLANES_EVENT_SYNC)
        useful = TRUE;
      else if (useful)
        *valid = n;
    }
  golanes_mmu_finish (mmu);
  golanes_trace_reader_free (reader);
  return mmu;
}

int
golanes_cli_mmu (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("TRACE");
  g_autoptr(GError) error = NULL;
  g_autofree char *flags_text = NULL;
  g_autofree char *windows_text = NULL;
  g_autofree char *flags_name = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) windows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree GolanesUtilWindow *worst = NULL;
  gboolean json = FALSE;
  int n_worst = 0;
  GOptionEntry entries[] = {
    { "flags", 0, 0, G_OPTION_ARG_STRING, &flags_text,
      "What counts as GC: stw,background,assist[,sweep][,perproc] "
      "(default stw,background,assist)", "FLAGS" },
    { "windows", 0, 0, G_OPTION_ARG_STRING, &windows_text,
      "Comma-separated window sizes (ns, or with ns/us/ms/s) instead of the "
      "100 windows of Go's /mmu plot", "LIST" },
    { "worst", 0, 0, G_OPTION_ARG_INT, &n_worst,
      "Also list the N lowest-utilization disjoint windows of each size "
      "(Go's details show 10)", "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      "Print JSON shaped like Go's /mmu?mode=plot response", NULL },
    { NULL }
  };
  GolanesMmuFlags flags = GOLANES_MMU_DEFAULT_FLAGS;
  GolanesMmu *mmu;
  GolanesCliInput in;
  guint64 valid = 0;
  gint64 x_min = 0, x_max = 0;
  gboolean plot = FALSE;

  g_option_context_set_summary (context,
                                "Minimum mutator utilization of a trace, as "
                                "'go tool trace' computes it for its /mmu page.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "golanes-cli mmu: %s\n", error->message);
      return 2;
    }
  if (argc != 2)
    {
      fprintf (stderr, "golanes-cli mmu: expected one TRACE argument\n");
      return 2;
    }
  if (flags_text != NULL && !golanes_mmu_flags_parse (flags_text, &flags, &error))
    {
      fprintf (stderr, "golanes-cli mmu: %s\n", error->message);
      return 2;
    }
  if (n_worst < 0 || n_worst > 1000)
    {
      fprintf (stderr, "golanes-cli mmu: --worst must be between 0 and 1000\n");
      return 2;
    }
  if (windows_text != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (windows_text, ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          gint64 w;

          if (!parse_duration (g_strstrip (parts[i]), &w))
            {
              fprintf (stderr, "golanes-cli mmu: bad window '%s'\n", parts[i]);
              return 2;
            }
          g_array_append_val (windows, w);
        }
    }

  if (!golanes_cli_input_open (&in, "mmu", argv[1]))
    {
      golanes_cli_input_close (&in);
      return 1;
    }
  mmu = read_mmu (&in, flags, G_MAXUINT64, &valid, &error);
  if (mmu == NULL)
    {
      golanes_cli_input_print_error (&in, error, 0);
      golanes_cli_input_close (&in);
      return 1;
    }
  if (error != NULL)
    {
      /* Like go tool trace: keep the complete generations, if any, read
       * again from the same bytes. */
      golanes_cli_input_print_error (&in, error, valid);
      g_clear_error (&error);
      golanes_mmu_free (mmu);
      mmu = NULL;
      if (valid > 0)
        mmu = read_mmu (&in, flags, valid, &valid, &error);
      if (mmu == NULL || error != NULL)
        {
          if (error != NULL)
            golanes_cli_input_print_error (&in, error, 0);
          golanes_mmu_free (mmu);
          golanes_cli_input_close (&in);
          return 1;
        }
    }
  golanes_cli_input_close (&in);

  if (windows->len == 0)
    {
      gint64 w[GOLANES_MMU_PLOT_SAMPLES];
      double v[GOLANES_MMU_PLOT_SAMPLES];

      plot = golanes_mmu_get_plot (mmu, &x_min, &x_max, w, v);
      if (plot)
        {
          g_array_append_vals (windows, w, GOLANES_MMU_PLOT_SAMPLES);
          g_array_append_vals (values, v, GOLANES_MMU_PLOT_SAMPLES);
        }
    }
  else
    {
      for (guint i = 0; i < windows->len; i++)
        {
          double v = golanes_mmu_get_mmu (mmu, g_array_index (windows, gint64, i));
          g_array_append_val (values, v);
        }
    }

  flags_name = golanes_mmu_flags_to_string (flags);
  worst = g_new0 (GolanesUtilWindow, MAX (n_worst, 1));
  if (json)
    {
      g_string_append (out, "{\"flags\":\"");
      g_string_append (out, flags_name);
      g_string_append (out, "\"");
      if (plot)
        g_string_append_printf (out, ",\"xMin\":%" G_GINT64_FORMAT
                                ",\"xMax\":%" G_GINT64_FORMAT, x_min, x_max);
      g_string_append (out, ",\"curve\":[");
      for (guint i = 0; i < windows->len; i++)
        {
          g_string_append_printf (out, "%s[%" G_GINT64_FORMAT ",", i ? "," : "",
                                  g_array_index (windows, gint64, i));
          append_go_float (out, g_array_index (values, double, i));
          g_string_append_c (out, ']');
        }
      g_string_append_c (out, ']');
      if (n_worst > 0)
        {
          g_string_append (out, ",\"worst\":{");
          for (guint i = 0; i < windows->len; i++)
            {
              gint64 w = g_array_index (windows, gint64, i);
              guint n = golanes_mmu_get_worst_windows (mmu, w, (guint) n_worst, worst);

              g_string_append_printf (out, "%s\"%" G_GINT64_FORMAT "\":[",
                                      i ? "," : "", w);
              for (guint j = 0; j < n; j++)
                {
                  g_string_append_printf (out, "%s{\"Time\":%" G_GINT64_FORMAT
                                          ",\"MutatorUtil\":", j ? "," : "",
                                          worst[j].time);
                  append_go_float (out, worst[j].mutator_util);
                  g_string_append_c (out, '}');
                }
              g_string_append_c (out, ']');
            }
          g_string_append_c (out, '}');
        }
      g_string_append (out, "}\n");
    }
  else
    {
      g_string_append_printf (out, "MMU (%s)", flags_name);
      if (plot)
        g_string_append_printf (out, ", windows from %" G_GINT64_FORMAT
                                " ns to %" G_GINT64_FORMAT " ns", x_min, x_max);
      g_string_append (out, "\n");
      if (windows->len == 0)
        g_string_append (out, "no utilization data (the trace has no GOMAXPROCS metric)\n");
      else
        g_string_append_printf (out, "%12s %10s  %s\n", "window (ns)", "", "MMU");
      for (guint i = 0; i < windows->len; i++)
        {
          gint64 w = g_array_index (windows, gint64, i);
          g_autoptr(GString) d = g_string_new (NULL);

          append_duration (d, w);
          g_string_append_printf (out, "%12" G_GINT64_FORMAT " %10s  ", w, d->str);
          append_go_float (out, g_array_index (values, double, i));
          g_string_append_c (out, '\n');
          if (n_worst > 0)
            {
              guint n = golanes_mmu_get_worst_windows (mmu, w, (guint) n_worst, worst);

              for (guint j = 0; j < n; j++)
                {
                  g_string_append_printf (out, "%24s  %.6f at %" G_GINT64_FORMAT " ns\n",
                                          "", worst[j].mutator_util, worst[j].time);
                }
            }
        }
    }
  fwrite (out->str, 1, out->len, stdout);

  golanes_mmu_free (mmu);
  return 0;
}
