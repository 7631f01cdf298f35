/* golanes-trace-text.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text rendering of trace events, byte-compatible with the output of
 * `go tool trace -d=parsed` (Go 1.26).
 */

#include "config.h"

#include "golanes-trace-text.h"
#include "golanes-unicode-print.h"

static gboolean
rune_is_print (guint32 r)
{
  gsize lo = 0, hi = G_N_ELEMENTS (golanes_print_ranges);

  if (r < 0x80)
    return r >= 0x20 && r < 0x7f;
  while (lo < hi)
    {
      gsize mid = (lo + hi) / 2;
      if (r < golanes_print_ranges[mid][0])
        hi = mid;
      else if (r > golanes_print_ranges[mid][1])
        lo = mid + 1;
      else
        return TRUE;
    }
  return FALSE;
}

/* Decodes one UTF-8 sequence with Go's rules; returns the width, setting
 * *rune to U+FFFD with width 1 for invalid input. */
static int
decode_rune (const guint8 *p,
             gsize         n,
             guint32      *rune)
{
  guint8 b0 = p[0], lo = 0x80, hi = 0xbf;
  int need;
  guint32 r;
  int i;

  if (b0 < 0x80)
    {
      *rune = b0;
      return 1;
    }
  if (b0 >= 0xc2 && b0 <= 0xdf)
    {
      need = 1;
      r = b0 & 0x1f;
    }
  else if (b0 >= 0xe0 && b0 <= 0xef)
    {
      need = 2;
      r = b0 & 0x0f;
      if (b0 == 0xe0)
        lo = 0xa0;
      else if (b0 == 0xed)
        hi = 0x9f;
    }
  else if (b0 >= 0xf0 && b0 <= 0xf4)
    {
      need = 3;
      r = b0 & 0x07;
      if (b0 == 0xf0)
        lo = 0x90;
      else if (b0 == 0xf4)
        hi = 0x8f;
    }
  else
    goto invalid;

  if (n < (gsize) need + 1)
    goto invalid;
  for (i = 1; i <= need; i++)
    {
      guint8 c = p[i];
      if (i == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xbf))
        goto invalid;
      r = (r << 6) | (c & 0x3f);
    }
  *rune = r;
  return need + 1;

invalid:
  *rune = 0xfffd;
  return 1;
}

static const char hexdigits[] = "0123456789abcdef";

void
golanes_text_append_quoted (GolanesTextBuf *buf,
                            const char     *s,
                            gsize           len)
{
  const guint8 *p = (const guint8 *) s;
  gsize i = 0;

  golanes_text_buf_reserve (buf, len + 2);
  golanes_text_buf_append_c (buf, '"');
  while (i < len)
    {
      guint8 c = p[i];
      guint32 r;
      int w;

      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
        {
          /* Fast path for plain ASCII runs. */
          gsize j = i + 1;
          while (j < len && p[j] >= 0x20 && p[j] < 0x7f && p[j] != '"' && p[j] != '\\')
            j++;
          golanes_text_buf_append (buf, s + i, j - i);
          i = j;
          continue;
        }
      w = decode_rune (p + i, len - i, &r);
      if (w == 1 && r == 0xfffd)
        {
          char esc[4] = { '\\', 'x', hexdigits[c >> 4], hexdigits[c & 0xf] };
          golanes_text_buf_append (buf, esc, 4);
          i++;
          continue;
        }
      if (r == '"' || r == '\\')
        {
          golanes_text_buf_append_c (buf, '\\');
          golanes_text_buf_append_c (buf, (char) r);
        }
      else if (rune_is_print (r))
        golanes_text_buf_append (buf, s + i, (gsize) w);
      else
        {
          switch (r)
            {
            case '\a': golanes_text_buf_append_lit (buf, "\\a"); break;
            case '\b': golanes_text_buf_append_lit (buf, "\\b"); break;
            case '\f': golanes_text_buf_append_lit (buf, "\\f"); break;
            case '\n': golanes_text_buf_append_lit (buf, "\\n"); break;
            case '\r': golanes_text_buf_append_lit (buf, "\\r"); break;
            case '\t': golanes_text_buf_append_lit (buf, "\\t"); break;
            case '\v': golanes_text_buf_append_lit (buf, "\\v"); break;
            default:
              if (r < ' ' || r == 0x7f)
                {
                  char esc[4] = { '\\', 'x', hexdigits[(r >> 4) & 0xf], hexdigits[r & 0xf] };
                  golanes_text_buf_append (buf, esc, 4);
                }
              else if (r < 0x10000)
                {
                  char esc[6] = { '\\', 'u', hexdigits[(r >> 12) & 0xf], hexdigits[(r >> 8) & 0xf],
                                  hexdigits[(r >> 4) & 0xf], hexdigits[r & 0xf] };
                  golanes_text_buf_append (buf, esc, 6);
                }
              else
                {
                  char esc[10];
                  int k;
                  esc[0] = '\\';
                  esc[1] = 'U';
                  for (k = 0; k < 8; k++)
                    esc[2 + k] = hexdigits[(r >> (28 - 4 * k)) & 0xf];
                  golanes_text_buf_append (buf, esc, 10);
                }
              break;
            }
        }
      i += (gsize) w;
    }
  golanes_text_buf_append_c (buf, '"');
}

static void
append_padded (GolanesTextBuf *buf,
               gint64          v,
               int             width)
{
  char tmp[24];
  int i = sizeof tmp;
  guint64 u;

  if (v < 0)
    {
      golanes_text_buf_append_c (buf, '-');
      u = (guint64) 0 - (guint64) v;
    }
  else
    u = (guint64) v;
  do
    {
      tmp[--i] = (char) ('0' + u % 10);
      u /= 10;
    }
  while (u != 0);
  while ((int) sizeof tmp - i < width)
    tmp[--i] = '0';
  golanes_text_buf_append (buf, tmp + i, sizeof tmp - i);
}

void
golanes_text_append_rfc3339nano (GolanesTextBuf *buf,
                                 gint64          sec,
                                 gint64          nsec)
{
  __int128 days = sec / 86400, rem = sec % 86400, z, era, doe, yoe, y, doy, mp, d, m;

  if (rem < 0)
    {
      rem += 86400;
      days--;
    }
  /* Civil date from a day count (proleptic Gregorian). */
  z = days + 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2)
    y++;

  append_padded (buf, (gint64) y, 4);
  golanes_text_buf_append_c (buf, '-');
  append_padded (buf, (gint64) m, 2);
  golanes_text_buf_append_c (buf, '-');
  append_padded (buf, (gint64) d, 2);
  golanes_text_buf_append_c (buf, 'T');
  append_padded (buf, (gint64) (rem / 3600), 2);
  golanes_text_buf_append_c (buf, ':');
  append_padded (buf, (gint64) (rem / 60 % 60), 2);
  golanes_text_buf_append_c (buf, ':');
  append_padded (buf, (gint64) (rem % 60), 2);
  if (nsec != 0)
    {
      char frac[10];
      int k, end = 9;
      frac[0] = '.';
      for (k = 9; k >= 1; k--)
        {
          frac[k] = (char) ('0' + nsec % 10);
          nsec /= 10;
        }
      while (end > 1 && frac[end] == '0')
        end--;
      golanes_text_buf_append (buf, frac, (gsize) end + 1);
    }
  golanes_text_buf_append_c (buf, 'Z');
}

static void
append_str_quoted (GolanesTextBuf   *buf,
                   const GolanesStr *s)
{
  golanes_text_append_quoted (buf, s->data, s->len);
}

static void
append_resource (GolanesTextBuf        *buf,
                 const GolanesResource *res)
{
  switch (res->kind)
    {
    case GOLANES_RESOURCE_NONE:
      golanes_text_buf_append_lit (buf, "None");
      return;
    case GOLANES_RESOURCE_GOROUTINE:
      golanes_text_buf_append_lit (buf, "Goroutine(");
      break;
    case GOLANES_RESOURCE_PROC:
      golanes_text_buf_append_lit (buf, "Proc(");
      break;
    case GOLANES_RESOURCE_THREAD:
      golanes_text_buf_append_lit (buf, "Thread(");
      break;
    default:
      golanes_text_buf_append_lit (buf, "Bad(");
      break;
    }
  golanes_text_buf_append_i64 (buf, res->id);
  golanes_text_buf_append_c (buf, ')');
}

static void
append_value_u64 (GolanesTextBuf *buf,
                  guint64         v)
{
  golanes_text_buf_append_lit (buf, "Value{Uint64(");
  golanes_text_buf_append_u64 (buf, v);
  golanes_text_buf_append_lit (buf, ")}");
}

static void
append_frames (GolanesTextBuf     *buf,
               GolanesTraceReader *reader,
               guint64             id)
{
  /* Legacy traces have stacks of up to 1000 frames. */
  GolanesStackFrame frames[1000];
  int n, i;

  n = golanes_trace_reader_get_stack (reader, id, frames, G_N_ELEMENTS (frames));
  n = MIN (n, (int) G_N_ELEMENTS (frames));
  for (i = 0; i < n; i++)
    {
      golanes_text_buf_reserve (buf, frames[i].func.len + frames[i].file.len + 64);
      golanes_text_buf_append_c (buf, '\t');
      golanes_text_buf_append (buf, frames[i].func.data, frames[i].func.len);
      golanes_text_buf_append_lit (buf, " @ 0x");
      golanes_text_buf_append_hex (buf, frames[i].pc);
      golanes_text_buf_append_lit (buf, "\n\t\t");
      golanes_text_buf_append (buf, frames[i].file.data, frames[i].file.len);
      golanes_text_buf_append_c (buf, ':');
      golanes_text_buf_append_u64 (buf, frames[i].line);
      golanes_text_buf_append_c (buf, '\n');
    }
}

struct _GolanesTextFormatter
{
  guint64        serial;   /* generation the cached text belongs to */
  GolanesIdMap   offsets;  /* stack id -> offset << 24 | length in text */
  GolanesTextBuf text;
};

GolanesTextFormatter *
golanes_text_formatter_new (void)
{
  GolanesTextFormatter *f = g_new0 (GolanesTextFormatter, 1);

  golanes_id_map_init (&f->offsets);
  golanes_text_buf_init (&f->text);
  return f;
}

void
golanes_text_formatter_free (GolanesTextFormatter *f)
{
  if (f == NULL)
    return;
  golanes_id_map_clear (&f->offsets);
  golanes_text_buf_clear (&f->text);
  g_free (f);
}

static void
append_stack (GolanesTextFormatter *fmt,
              GolanesTextBuf       *buf,
              GolanesTraceReader   *reader,
              const char           *title,
              gsize                 title_len,
              guint64               id)
{
  guint64 serial, v;
  gsize start;

  golanes_text_buf_append_c (buf, '\n');
  golanes_text_buf_append (buf, title, title_len);
  serial = golanes_trace_reader_get_generation_serial (reader);
  if (fmt == NULL || serial == 0)
    {
      append_frames (buf, reader, id);
      return;
    }
  if (fmt->serial != serial)
    {
      golanes_id_map_clear (&fmt->offsets);
      fmt->text.len = 0;
      fmt->serial = serial;
    }
  if (!golanes_id_map_lookup (&fmt->offsets, id, &v))
    {
      start = fmt->text.len;
      append_frames (&fmt->text, reader, id);
      v = (guint64) start << 24 | (fmt->text.len - start);
      golanes_id_map_insert (&fmt->offsets, id, v);
    }
  golanes_text_buf_append (buf, fmt->text.data + (v >> 24), v & 0xffffff);
}

static void
append_event (GolanesTextFormatter *fmt,
              GolanesTextBuf       *buf,
              GolanesTraceReader   *reader,
              const GolanesEvent   *ev)
{
  guint64 stack;
  gboolean has_stack;

  golanes_text_buf_reserve (buf, 128);
  golanes_text_buf_append_lit (buf, "M=");
  golanes_text_buf_append_i64 (buf, ev->thread);
  golanes_text_buf_append_lit (buf, " P=");
  golanes_text_buf_append_i64 (buf, ev->proc);
  golanes_text_buf_append_lit (buf, " G=");
  golanes_text_buf_append_i64 (buf, ev->goroutine);
  golanes_text_buf_append_c (buf, ' ');
  {
    const char *k = golanes_event_kind_name (ev->kind);
    golanes_text_buf_append (buf, k, strlen (k));
  }
  golanes_text_buf_append_lit (buf, " Time=");
  golanes_text_buf_append_i64 (buf, ev->time);

  switch (ev->kind)
    {
    case GOLANES_EVENT_METRIC:
      {
        const char *name;
        guint64 v;
        golanes_event_get_metric (ev, &name, &v);
        golanes_text_buf_append_lit (buf, " Name=");
        golanes_text_append_quoted (buf, name, strlen (name));
        golanes_text_buf_append_lit (buf, " Value=");
        append_value_u64 (buf, v);
      }
      break;

    case GOLANES_EVENT_LABEL:
      {
        GolanesStr label;
        GolanesResource res = { GOLANES_RESOURCE_GOROUTINE, ev->goroutine };
        golanes_event_get_label (reader, ev, &label);
        golanes_text_buf_append_lit (buf, " Label=");
        append_str_quoted (buf, &label);
        golanes_text_buf_append_lit (buf, " Resource=");
        append_resource (buf, &res);
      }
      break;

    case GOLANES_EVENT_RANGE_BEGIN:
    case GOLANES_EVENT_RANGE_ACTIVE:
    case GOLANES_EVENT_RANGE_END:
      {
        GolanesRange rg;
        golanes_event_get_range (reader, ev, &rg);
        golanes_text_buf_append_lit (buf, " Name=");
        switch (rg.type)
          {
          case GOLANES_RANGE_STW:
            {
              GolanesTextBuf tmp;
              golanes_text_buf_init (&tmp);
              golanes_text_buf_append_lit (&tmp, "stop-the-world (");
              golanes_text_buf_append (&tmp, rg.detail.data, rg.detail.len);
              golanes_text_buf_append_c (&tmp, ')');
              golanes_text_append_quoted (buf, tmp.data, tmp.len);
              golanes_text_buf_clear (&tmp);
            }
            break;
          case GOLANES_RANGE_GC_MARK:
            golanes_text_buf_append_lit (buf, "\"GC concurrent mark phase\"");
            break;
          case GOLANES_RANGE_GC_SWEEP:
            golanes_text_buf_append_lit (buf, "\"GC incremental sweep\"");
            break;
          case GOLANES_RANGE_GC_MARK_ASSIST:
            golanes_text_buf_append_lit (buf, "\"GC mark assist\"");
            break;
          default:
            break;
          }
        golanes_text_buf_append_lit (buf, " Scope=");
        append_resource (buf, &rg.scope);
        if (ev->kind == GOLANES_EVENT_RANGE_END)
          {
            golanes_text_buf_append_lit (buf, " Attributes=[");
            if (rg.n_attributes == 2)
              {
                golanes_text_buf_append_lit (buf, "\"bytes swept\"=");
                append_value_u64 (buf, rg.attributes[0]);
                golanes_text_buf_append_lit (buf, " \"bytes reclaimed\"=");
                append_value_u64 (buf, rg.attributes[1]);
              }
            golanes_text_buf_append_c (buf, ']');
          }
      }
      break;

    case GOLANES_EVENT_TASK_BEGIN:
    case GOLANES_EVENT_TASK_END:
      {
        GolanesTask t;
        golanes_event_get_task (reader, ev, &t);
        golanes_text_buf_append_lit (buf, " ID=");
        golanes_text_buf_append_u64 (buf, t.id);
        golanes_text_buf_append_lit (buf, " Parent=");
        golanes_text_buf_append_u64 (buf, t.parent);
        golanes_text_buf_append_lit (buf, " Type=");
        append_str_quoted (buf, &t.type);
      }
      break;

    case GOLANES_EVENT_REGION_BEGIN:
    case GOLANES_EVENT_REGION_END:
      {
        GolanesRegion rg;
        golanes_event_get_region (reader, ev, &rg);
        golanes_text_buf_append_lit (buf, " Task=");
        golanes_text_buf_append_u64 (buf, rg.task);
        golanes_text_buf_append_lit (buf, " Type=");
        append_str_quoted (buf, &rg.type);
      }
      break;

    case GOLANES_EVENT_LOG:
      {
        GolanesLog l;
        golanes_event_get_log (reader, ev, &l);
        golanes_text_buf_append_lit (buf, " Task=");
        golanes_text_buf_append_u64 (buf, l.task);
        golanes_text_buf_append_lit (buf, " Category=");
        append_str_quoted (buf, &l.category);
        golanes_text_buf_append_lit (buf, " Message=");
        append_str_quoted (buf, &l.message);
      }
      break;

    case GOLANES_EVENT_STATE_TRANSITION:
      {
        GolanesStateTransition st;
        golanes_event_get_state_transition (reader, ev, &st);
        if (st.resource.kind == GOLANES_RESOURCE_GOROUTINE)
          {
            const char *a = golanes_go_state_name (st.from), *b = golanes_go_state_name (st.to);
            golanes_text_buf_append_lit (buf, " GoID=");
            golanes_text_buf_append_i64 (buf, st.resource.id);
            golanes_text_buf_append_c (buf, ' ');
            golanes_text_buf_append (buf, a, strlen (a));
            golanes_text_buf_append_lit (buf, "->");
            golanes_text_buf_append (buf, b, strlen (b));
          }
        else
          {
            const char *a = golanes_proc_state_name (st.from), *b = golanes_proc_state_name (st.to);
            golanes_text_buf_append_lit (buf, " ProcID=");
            golanes_text_buf_append_i64 (buf, st.resource.id);
            golanes_text_buf_append_c (buf, ' ');
            golanes_text_buf_append (buf, a, strlen (a));
            golanes_text_buf_append_lit (buf, "->");
            golanes_text_buf_append (buf, b, strlen (b));
          }
        golanes_text_buf_append_lit (buf, " Reason=");
        append_str_quoted (buf, &st.reason);
        if (st.has_stack)
          append_stack (fmt, buf, reader, "TransitionStack=\n", sizeof "TransitionStack=\n" - 1, st.stack);
      }
      break;

    case GOLANES_EVENT_EXPERIMENTAL:
      {
        const char *name;
        const char * const *arg_names;
        guint n, i;
        golanes_event_get_experimental (ev, &name, &arg_names, &n);
        golanes_text_buf_append_lit (buf, " Name=");
        golanes_text_buf_append (buf, name, strlen (name));
        golanes_text_buf_append_lit (buf, " Args=[");
        for (i = 0; i < n && i < 4; i++)
          {
            gsize an = strlen (arg_names[i]);
            if (i != 0)
              golanes_text_buf_append_lit (buf, ", ");
            golanes_text_buf_append (buf, arg_names[i], an);
            golanes_text_buf_append_c (buf, '=');
            if (an >= 6 && strcmp (arg_names[i] + an - 6, "string") == 0)
              {
                GolanesStr s;
                golanes_trace_reader_lookup_string (reader, ev->args[i], &s);
                golanes_text_buf_append (buf, s.data, s.len);
              }
            else
              append_value_u64 (buf, ev->args[i]);
          }
        golanes_text_buf_append_c (buf, ']');
      }
      break;

    case GOLANES_EVENT_SYNC:
      {
        GolanesSync s;
        golanes_event_get_sync (reader, ev, &s);
        golanes_text_buf_append_lit (buf, " N=");
        golanes_text_buf_append_u64 (buf, s.n);
        if (s.has_clock_snapshot)
          {
            golanes_text_buf_append_lit (buf, " Trace=");
            golanes_text_buf_append_i64 (buf, s.snapshot_trace_time);
            golanes_text_buf_append_lit (buf, " Mono=");
            golanes_text_buf_append_u64 (buf, s.snapshot_mono);
            golanes_text_buf_append_lit (buf, " Wall=");
            golanes_text_append_rfc3339nano (buf, s.snapshot_wall_sec, s.snapshot_wall_nsec);
          }
      }
      break;

    default:
      break;
    }

  stack = golanes_event_get_stack (ev, &has_stack);
  if (has_stack)
    append_stack (fmt, buf, reader, "Stack=\n", sizeof "Stack=\n" - 1, stack);
}

void
golanes_text_append_event (GolanesTextBuf     *buf,
                           GolanesTraceReader *reader,
                           const GolanesEvent *event)
{
  append_event (NULL, buf, reader, event);
}

void
golanes_text_formatter_append_event (GolanesTextFormatter *fmt,
                                     GolanesTextBuf       *buf,
                                     GolanesTraceReader   *reader,
                                     const GolanesEvent   *event)
{
  append_event (fmt, buf, reader, event);
}
