/* golanes-timeline-layout.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "golanes-timeline-layout-private.h"

/* The lanes top to bottom and their groups; see golanes-timeline-layout.h. */

/* The heights of the lanes and the gap below each, in pixels. */
#define HEADER_HEIGHT    24
#define GC_HEIGHT        22
#define PLOT_HEIGHT      44
#define PROC_HEIGHT      20
#define THREAD_HEIGHT    14
#define TASK_HEIGHT      16
#define GOROUTINE_HEIGHT 18
#define REGION_HEIGHT    12
#define LANE_GAP         2

static void
lane_group_free (gpointer data)
{
  GolanesLaneGroup *group = data;

  g_free (group->title);
  g_array_unref (group->members);
  g_free (group);
}

static GolanesLaneGroup *
lane_group_new (GolanesGroupKind kind,
                char            *title,
                gboolean         collapsed)
{
  GolanesLaneGroup *group = g_new0 (GolanesLaneGroup, 1);

  group->kind = kind;
  group->title = title;
  group->collapsed = collapsed;
  group->members = g_array_new (FALSE, FALSE, sizeof (guint32));
  return group;
}

/* Runtime-internal: started by a runtime.* function other than
 * runtime.main, or by nothing we know of. */
static gboolean
is_runtime_function (const char *name)
{
  return name[0] == '\0' ||
         (g_str_has_prefix (name, "runtime.") && strcmp (name, "runtime.main") != 0);
}

static void
append_lane (GolanesTimelineLayout *self,
             GolanesLaneKind        kind,
             guint32                index,
             guint16                level,
             guint32                group,
             double                 height)
{
  GolanesLane lane;

  memset (&lane, 0, sizeof lane);
  lane.y = self->height;
  lane.height = height;
  lane.index = index;
  lane.level = level;
  lane.kind = kind;
  lane.group = group;
  g_array_append_val (self->lanes, lane);
  self->height += height + LANE_GAP;
}

static void
golanes_timeline_layout_rebuild (GolanesTimelineLayout *self)
{
  GolanesTimeline *timeline = golanes_document_get_timeline (self->document);

  /* goroutine_lane is not cleared: an entry counts only if the lane it
   * names is that goroutine's (goroutine_lane_of), so a rebuild costs the
   * lanes shown, not the goroutines there are. */
  g_array_set_size (self->lanes, 0);
  self->height = 0;

  append_lane (self, GOLANES_LANE_GC, 0, 0, GOLANES_LANE_NO_GROUP, GC_HEIGHT);
  append_lane (self, GOLANES_LANE_HEAP, 0, 0, GOLANES_LANE_NO_GROUP, PLOT_HEIGHT);
  append_lane (self, GOLANES_LANE_COUNTS, 0, 0, GOLANES_LANE_NO_GROUP, PLOT_HEIGHT);

  for (guint g = 0; g < self->groups->len; g++)
    {
      const GolanesLaneGroup *group = g_ptr_array_index (self->groups, g);

      append_lane (self, GOLANES_LANE_HEADER, g, 0, g, HEADER_HEIGHT);
      if (group->collapsed)
        continue;

      for (guint m = 0; m < group->members->len; m++)
        {
          guint32 index = g_array_index (group->members, guint32, m);

          switch (group->kind)
            {
            case GOLANES_GROUP_PROCS:
              append_lane (self, GOLANES_LANE_PROC, index, 0, g, PROC_HEIGHT);
              break;
            case GOLANES_GROUP_THREADS:
              append_lane (self, GOLANES_LANE_THREAD, index, 0, g, THREAD_HEIGHT);
              break;
            case GOLANES_GROUP_TASKS:
              append_lane (self, GOLANES_LANE_TASK, index, 0, g, TASK_HEIGHT);
              break;
            case GOLANES_GROUP_GOROUTINES:
              {
                /* A lane's level is 16 bits: regions nested deeper than
                 * that (a crafted trace nests a million) get no lane. */
                guint n_levels = MIN (golanes_timeline_get_goroutine_n_region_levels (timeline, index),
                                      (guint) G_MAXUINT16 + 1);

                self->goroutine_lane[index] = self->lanes->len;
                append_lane (self, GOLANES_LANE_GOROUTINE, index, 0, g, GOROUTINE_HEIGHT);
                for (guint l = 0; l < n_levels; l++)
                  append_lane (self, GOLANES_LANE_REGION, index, l, g, REGION_HEIGHT);
              }
              break;
            default:
              g_assert_not_reached ();
            }
        }
    }

  self->serial++;
}

/* Big groups start collapsed, so that a trace with thousands of
 * goroutines opens on an overview rather than a wall of lanes; a group
 * that grows that big while the trace streams in collapses then, unless
 * it was expanded or collapsed by hand. */
#define BIG_GROUP 200

static void
append_members (GArray  *members,
                guint32  from,
                guint32  to)
{
  for (guint32 i = from; i < to; i++)
    g_array_append_val (members, i);
}

/* Where @value goes in the sorted @array. */
static guint
lower_bound_u32 (GArray  *array,
                 guint32  value)
{
  guint lo = 0, hi = array->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (array, guint32, mid) < value)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The group of start function @name (taken), made if new. */
static GolanesLaneGroup *
group_for_name (GolanesTimelineLayout *self,
                char                  *name)
{
  GolanesLaneGroup *group;

  if (is_runtime_function (name))
    {
      if (self->runtime_group == NULL)
        {
          self->runtime_group = lane_group_new (GOLANES_GROUP_GOROUTINES,
                                                g_strdup (_("Runtime goroutines")), TRUE);
          self->runtime_group->runtime = TRUE;
          g_ptr_array_add (self->groups, self->runtime_group);
        }
      g_free (name);
      return self->runtime_group;
    }

  group = g_hash_table_lookup (self->by_function, name);
  if (group == NULL)
    {
      group = lane_group_new (GOLANES_GROUP_GOROUTINES, g_strdup (name), FALSE);
      g_hash_table_insert (self->by_function, name, group);
      if (self->runtime_group != NULL)
        g_ptr_array_insert (self->groups, (gint) self->groups->len - 1, group);
      else
        g_ptr_array_add (self->groups, group);
    }
  else
    {
      g_free (name);
    }
  return group;
}

/* Goroutine @i joins the group of its start function.  Goroutines are
 * grouped by the string id of that function, which a trace of millions
 * of goroutines shares among them all: only a new id costs a name. */
static void
add_goroutine (GolanesTimelineLayout *self,
               GolanesTimeline       *timeline,
               guint32                i)
{
  GolanesTimelineGoroutine g;
  GolanesLaneGroup *group;
  guint64 *slot;
  guint at;

  if (!golanes_timeline_get_goroutine (timeline, i, &g))
    g.start_func = 0;
  slot = golanes_id_map_find (&self->group_of_func, g.start_func);
  if (slot != NULL)
    group = GSIZE_TO_POINTER ((gsize) *slot);
  else
    {
      group = group_for_name (self, golanes_timeline_dup_goroutine_function (timeline, i));
      golanes_id_map_insert (&self->group_of_func, g.start_func, (guint64) GPOINTER_TO_SIZE (group));
    }
  if (g.start_func == 0)
    g_array_append_val (self->unnamed, i);

  /* A goroutine named late goes among the group's others in index order;
   * most come in order, at the end. */
  at = group->members->len;
  if (at > 0 && g_array_index (group->members, guint32, at - 1) > i)
    at = lower_bound_u32 (group->members, i);
  g_array_insert_val (group->members, at, i);
}

static gint
compare_first_member (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const GolanesLaneGroup *x = *(GolanesLaneGroup * const *) a;
  const GolanesLaneGroup *y = *(GolanesLaneGroup * const *) b;
  guint32 fx = g_array_index (x->members, guint32, 0);
  guint32 fy = g_array_index (y->members, guint32, 0);

  return fx < fy ? -1 : fx > fy;
}

/* Adds what the timeline has beyond what the layout knows: procs,
 * threads, task rows and goroutines (to the group of their start
 * function, new groups in order of their first goroutine, before the
 * runtime-internal ones, which come last and collapsed). */
static void
add_new_members (GolanesTimelineLayout *self,
                 GolanesTimeline       *timeline,
                 guint                  max_goroutines)
{
  const GolanesSeriesPoint *points;
  guint n_points, n;

  n = golanes_timeline_get_n_procs (timeline);
  append_members (((GolanesLaneGroup *) g_ptr_array_index (self->groups, 0))->members, self->n_procs, n);
  self->n_procs = n;

  n = golanes_timeline_get_n_threads (timeline);
  append_members (((GolanesLaneGroup *) g_ptr_array_index (self->groups, 1))->members, self->n_threads, n);
  self->n_threads = n;

  n = golanes_timeline_get_n_task_rows (timeline);
  if (n > self->n_task_rows)
    {
      GolanesLaneGroup *group = self->n_task_rows > 0 ? g_ptr_array_index (self->groups, 2) : NULL;

      if (group == NULL)
        {
          group = lane_group_new (GOLANES_GROUP_TASKS, g_strdup (_("Tasks")), FALSE);
          g_ptr_array_insert (self->groups, 2, group);
        }
      append_members (group->members, self->n_task_rows, n);
      self->n_task_rows = n;
    }

  n = golanes_timeline_get_n_goroutines (timeline);
  if (n > self->n_goroutines && n - self->n_goroutines > max_goroutines)
    n = self->n_goroutines + max_goroutines;
  if (n > self->n_goroutines)
    {
      self->goroutine_lane = g_renew (gint32, self->goroutine_lane, n);
      memset (self->goroutine_lane + self->n_goroutines, 0xff, (gsize) (n - self->n_goroutines) * sizeof (gint32));
    }

  /* Goroutines that had no name yet (no stack seen) may have one now:
   * they leave the runtime group for their function's. */
  if (self->unnamed->len > 0)
    {
      g_autoptr(GArray) named = g_array_new (FALSE, FALSE, sizeof (guint32));
      GArray *members = self->runtime_group->members;
      guint w = 0, k = 0;

      for (guint u = 0; u < self->unnamed->len; u++)
        {
          guint32 i = g_array_index (self->unnamed, guint32, u);
          GolanesTimelineGoroutine g;

          if (!golanes_timeline_get_goroutine (timeline, i, &g) || g.start_func == 0)
            g_array_index (self->unnamed, guint32, w++) = i;
          else
            g_array_append_val (named, i);
        }
      g_array_set_size (self->unnamed, w);

      w = 0;
      for (guint m = 0; m < members->len; m++)
        {
          guint32 i = g_array_index (members, guint32, m);

          while (k < named->len && g_array_index (named, guint32, k) < i)
            k++;
          if (k < named->len && g_array_index (named, guint32, k) == i)
            continue;
          g_array_index (members, guint32, w++) = i;
        }
      g_array_set_size (members, w);
      for (guint u = 0; u < named->len; u++)
        add_goroutine (self, timeline, g_array_index (named, guint32, u));
    }

  for (guint32 i = self->n_goroutines; i < n; i++)
    add_goroutine (self, timeline, i);
  self->n_goroutines = MAX (self->n_goroutines, n);

  /* Goroutine groups in order of their first goroutine, as if every name
   * had been known from the start. */
  {
    guint first = 0, last = self->groups->len - (self->runtime_group != NULL);

    while (first < last && ((GolanesLaneGroup *) g_ptr_array_index (self->groups, first))->kind != GOLANES_GROUP_GOROUTINES)
      first++;
    if (last > first + 1)
      g_qsort_with_data (self->groups->pdata + first, last - first, sizeof (gpointer),
                         compare_first_member, NULL);
  }

  for (guint g = 0; g < self->groups->len; g++)
    {
      GolanesLaneGroup *group = g_ptr_array_index (self->groups, g);

      if (group->kind == GOLANES_GROUP_GOROUTINES && group->members->len > BIG_GROUP && !group->chosen)
        group->collapsed = TRUE;
    }

  self->heap_max = 0;
  for (guint k = GOLANES_SERIES_HEAP_ALLOC; k <= GOLANES_SERIES_HEAP_GOAL; k++)
    {
      points = golanes_timeline_get_series (timeline, k, &n_points);
      for (guint i = 0; i < n_points; i++)
        self->heap_max = MAX (self->heap_max, points[i].value);
    }
  self->count_max = golanes_timeline_get_max_count_total (timeline);
}

GolanesTimelineLayout *
golanes_timeline_layout_new (GolanesDocument *document)
{
  GolanesTimelineLayout *self;

  g_return_val_if_fail (document != NULL, NULL);

  self = g_new0 (GolanesTimelineLayout, 1);
  self->document = golanes_document_ref (document);
  self->lanes = g_array_new (FALSE, FALSE, sizeof (GolanesLane));
  self->groups = g_ptr_array_new_with_free_func (lane_group_free);
  self->by_function = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->unnamed = g_array_new (FALSE, FALSE, sizeof (guint32));
  golanes_id_map_init (&self->group_of_func);
  self->goroutine_lane = g_new (gint32, 1);
  g_ptr_array_add (self->groups, lane_group_new (GOLANES_GROUP_PROCS, g_strdup (_("Procs")), FALSE));
  g_ptr_array_add (self->groups, lane_group_new (GOLANES_GROUP_THREADS, g_strdup (_("Threads")), TRUE));

  add_new_members (self, golanes_document_get_timeline (document), G_MAXUINT);
  golanes_timeline_layout_rebuild (self);
  return self;
}

/**
 * golanes_timeline_layout_update:
 *
 * The document's timeline grew (it streams in): adds the lanes of what is
 * new and bumps the serial.  Groups keep their state; new goroutines of a
 * known start function join its group.  Returns %TRUE if lanes were added.
 */
gboolean
golanes_timeline_layout_update (GolanesTimelineLayout *self)
{
  return golanes_timeline_layout_update_some (self, G_MAXUINT);
}

/**
 * golanes_timeline_layout_update_some:
 * @max_goroutines: how many of the new goroutines to add at most
 *
 * As golanes_timeline_layout_update(), but the goroutines beyond the first
 * @max_goroutines new ones wait for the next call: at about 50 ns each, a
 * view adds the hundreds of thousands a trace of short goroutines brings
 * in a second over several frames.  golanes_timeline_layout_get_n_pending()
 * says how many wait.
 */
gboolean
golanes_timeline_layout_update_some (GolanesTimelineLayout *self,
                                     guint                  max_goroutines)
{
  guint n_lanes = self->lanes->len;

  g_return_val_if_fail (self != NULL, FALSE);

  add_new_members (self, golanes_document_get_timeline (self->document), max_goroutines);
  golanes_timeline_layout_rebuild (self);
  return self->lanes->len != n_lanes;
}

guint
golanes_timeline_layout_get_n_pending (GolanesTimelineLayout *self)
{
  GolanesTimeline *timeline;

  g_return_val_if_fail (self != NULL, 0);

  timeline = golanes_document_get_timeline (self->document);
  if (timeline == NULL || golanes_timeline_get_n_goroutines (timeline) < self->n_goroutines)
    return 0;
  return golanes_timeline_get_n_goroutines (timeline) - self->n_goroutines;
}

void
golanes_timeline_layout_free (GolanesTimelineLayout *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->document, golanes_document_unref);
  g_array_unref (self->lanes);
  g_ptr_array_unref (self->groups);
  g_clear_pointer (&self->by_function, g_hash_table_unref);
  g_clear_pointer (&self->unnamed, g_array_unref);
  g_free (self->goroutine_lane);
  golanes_id_map_clear (&self->group_of_func);
  if (self->render_data != NULL && self->render_data_free != NULL)
    self->render_data_free (self->render_data);
  g_free (self);
}

guint
golanes_timeline_layout_get_n_lanes (GolanesTimelineLayout *self)
{
  return self->lanes->len;
}

const GolanesLane *
golanes_timeline_layout_get_lane (GolanesTimelineLayout *self,
                                  guint                  index)
{
  g_return_val_if_fail (index < self->lanes->len, NULL);

  return &g_array_index (self->lanes, GolanesLane, index);
}

double
golanes_timeline_layout_get_height (GolanesTimelineLayout *self)
{
  return self->height;
}

guint
golanes_timeline_layout_get_serial (GolanesTimelineLayout *self)
{
  return self->serial;
}

guint
_golanes_timeline_layout_first_lane_below (GolanesTimelineLayout *self,
                                           double                 y)
{
  guint lo = 0;
  guint hi = self->lanes->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const GolanesLane *lane = &g_array_index (self->lanes, GolanesLane, mid);

      if (lane->y + lane->height + LANE_GAP <= y)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

gint
golanes_timeline_layout_find_lane (GolanesTimelineLayout *self,
                                   double                 y)
{
  guint i = _golanes_timeline_layout_first_lane_below (self, y);
  const GolanesLane *lane;

  if (i >= self->lanes->len)
    return -1;
  lane = &g_array_index (self->lanes, GolanesLane, i);
  if (y < lane->y || y >= lane->y + lane->height)
    return -1;
  return i;
}

guint
golanes_timeline_layout_get_n_groups (GolanesTimelineLayout *self)
{
  return self->groups->len;
}

const GolanesLaneGroup *
golanes_timeline_layout_get_group (GolanesTimelineLayout *self,
                                   guint                  group)
{
  g_return_val_if_fail (group < self->groups->len, NULL);

  return g_ptr_array_index (self->groups, group);
}

void
golanes_timeline_layout_set_group_collapsed (GolanesTimelineLayout *self,
                                             guint                  group,
                                             gboolean               collapsed)
{
  GolanesLaneGroup *g;

  g_return_if_fail (group < self->groups->len);

  g = g_ptr_array_index (self->groups, group);
  g->chosen = TRUE;
  if (g->collapsed == !!collapsed)
    return;
  g->collapsed = !!collapsed;
  golanes_timeline_layout_rebuild (self);
}

/* The lane of @goroutine, or -1 if it has none in the current layout. */
static gint
goroutine_lane_of (GolanesTimelineLayout *self,
                   guint                  goroutine)
{
  gint32 l;
  const GolanesLane *lane;

  if (goroutine >= self->n_goroutines)
    return -1;
  l = self->goroutine_lane[goroutine];
  if (l < 0 || (guint) l >= self->lanes->len)
    return -1;
  lane = &g_array_index (self->lanes, GolanesLane, l);
  return lane->kind == GOLANES_LANE_GOROUTINE && lane->index == goroutine ? l : -1;
}

gint
golanes_timeline_layout_get_goroutine_lane (GolanesTimelineLayout *self,
                                            guint                  goroutine)
{
  return goroutine_lane_of (self, goroutine);
}

gint
golanes_timeline_layout_reveal_goroutine (GolanesTimelineLayout *self,
                                          guint                  goroutine)
{
  if (goroutine >= self->n_goroutines)
    return -1;

  if (goroutine_lane_of (self, goroutine) < 0)
    {
      for (guint g = 0; g < self->groups->len; g++)
        {
          GolanesLaneGroup *group = g_ptr_array_index (self->groups, g);

          if (group->kind != GOLANES_GROUP_GOROUTINES)
            continue;
          for (guint m = 0; m < group->members->len; m++)
            {
              if (g_array_index (group->members, guint32, m) == goroutine)
                {
                  golanes_timeline_layout_set_group_collapsed (self, g, FALSE);
                  return goroutine_lane_of (self, goroutine);
                }
            }
        }
    }

  return goroutine_lane_of (self, goroutine);
}

guint
golanes_timeline_layout_count_lanes (GolanesTimelineLayout *self,
                                     GolanesLaneKind        kind)
{
  guint n = 0;

  for (guint i = 0; i < self->lanes->len; i++)
    if (g_array_index (self->lanes, GolanesLane, i).kind == kind)
      n++;
  return n;
}

char *
golanes_timeline_layout_dup_lane_label (GolanesTimelineLayout *self,
                                        guint                  index)
{
  GolanesTimeline *timeline = golanes_document_get_timeline (self->document);
  const GolanesLane *lane;

  g_return_val_if_fail (index < self->lanes->len, NULL);

  lane = &g_array_index (self->lanes, GolanesLane, index);
  switch ((GolanesLaneKind) lane->kind)
    {
    case GOLANES_LANE_HEADER:
      {
        const GolanesLaneGroup *group = g_ptr_array_index (self->groups, lane->index);

        /* Translators: a group of lanes: its name and how many it holds */
        return g_strdup_printf (_("%s %s (%u)"), group->collapsed ? "▸" : "▾",
                                group->title, group->members->len);
      }
    case GOLANES_LANE_GC:
      return g_strdup (_("GC"));
    case GOLANES_LANE_HEAP:
      {
        g_autofree char *max = g_format_size (self->heap_max);

        /* Translators: %s is the largest heap size, "64.0 MB" */
        return g_strdup_printf (_("Heap (%s)"), max);
      }
    case GOLANES_LANE_COUNTS:
      /* Translators: %d is the largest goroutine count */
      return g_strdup_printf (_("Goroutines (%d)"), self->count_max);
    case GOLANES_LANE_PROC:
      return g_strdup_printf ("P%" G_GINT64_FORMAT,
                              golanes_timeline_get_proc (timeline, lane->index)->id);
    case GOLANES_LANE_THREAD:
      return g_strdup_printf ("M%" G_GINT64_FORMAT,
                              golanes_timeline_get_thread (timeline, lane->index)->id);
    case GOLANES_LANE_TASK:
      /* Translators: %u is a row number of the task lanes */
      return g_strdup_printf (_("Tasks %u"), lane->index + 1);
    case GOLANES_LANE_GOROUTINE:
      {
        g_autofree char *name = golanes_timeline_dup_goroutine_function (timeline, lane->index);

        return g_strdup_printf ("G%" G_GINT64_FORMAT " %s",
                                golanes_timeline_get_goroutine_id (timeline, lane->index), name);
      }
    case GOLANES_LANE_REGION:
      /* Translators: %u is a nesting depth of user regions */
      return g_strdup_printf (_("regions %u"), lane->level + 1);
    default:
      g_assert_not_reached ();
    }
  return NULL;
}
