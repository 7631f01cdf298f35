/* golanes-timeline-layout.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "golanes-member-list-private.h"
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

/* A group and what the layout keeps of it. */
typedef struct
{
  GolanesLaneGroup public;
  guint32          id;          /* in groups_by_id */
  guint32          position;    /* in groups, as of the last rebuild */
  guint32          runs_from;   /* its members' runs: runs[runs_from, runs_to) */
  guint32          runs_to;
} Group;

#define GROUP(g) ((Group *) (void *) (g))

static void
lane_group_free (gpointer data)
{
  GolanesLaneGroup *group = data;

  g_free (group->title);
  _golanes_member_list_free (group->members);
  g_free (GROUP (group));
}

static GolanesLaneGroup *
lane_group_new (GolanesTimelineLayout *self,
                GolanesGroupKind       kind,
                char                  *title,
                gboolean               collapsed)
{
  Group *g = g_new0 (Group, 1);
  GolanesLaneGroup *group = &g->public;

  group->kind = kind;
  group->title = title;
  group->collapsed = collapsed;
  group->members = _golanes_member_list_new ();
  g->id = self->groups_by_id->len;
  g_ptr_array_add (self->groups_by_id, group);
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

/* Adds a run of @n lanes below the others. */
static void
append_run (GolanesTimelineLayout *self,
            LaneRunType            type,
            GolanesLaneKind        kind,
            guint32                index,
            guint32                member,
            guint32                n,
            guint32                group,
            double                 height)
{
  LaneRun run;

  if (n == 0)
    return;
  memset (&run, 0, sizeof run);
  run.y = self->height;
  run.first = self->n_lanes;
  run.n = n;
  run.index = index;
  run.member = member;
  run.group = group;
  run.height = height;
  run.kind = kind;
  run.type = type;
  g_array_append_val (self->runs, run);
  self->n_lanes += n;
  self->height += n * (height + LANE_GAP);
}

static void
append_lane (GolanesTimelineLayout *self,
             GolanesLaneKind        kind,
             guint32                index,
             guint32                group,
             double                 height)
{
  append_run (self, LANE_RUN_ONE, kind, index, 0, 1, group, height);
}

/* The runs of an expanded goroutine group: its goroutines without regions
 * in runs, each of the others (@with_levels, in order) followed by a run
 * of its region levels.  A lane's level is 16 bits: regions nested deeper
 * than that (a crafted trace nests a million) get no lane. */
static void
append_goroutine_runs (GolanesTimelineLayout *self,
                       GolanesTimeline       *timeline,
                       guint                  g,
                       const guint32         *with_levels,
                       guint                  n_with_levels)
{
  const GolanesLaneGroup *group = g_ptr_array_index (self->groups, g);
  guint at = 0;

  for (guint k = 0; k < n_with_levels; k++)
    {
      guint32 index = with_levels[k];
      gboolean found;
      guint pos = _golanes_member_list_lower_bound (group->members, index, &found);
      guint n_levels;

      if (!found || pos < at)
        continue;
      n_levels = MIN (golanes_timeline_get_goroutine_n_region_levels (timeline, index),
                      (guint) G_MAXUINT16 + 1);
      append_run (self, LANE_RUN_MEMBERS, GOLANES_LANE_GOROUTINE, 0, at, pos - at, g, GOROUTINE_HEIGHT);
      append_run (self, LANE_RUN_ONE, GOLANES_LANE_GOROUTINE, index, pos, 1, g, GOROUTINE_HEIGHT);
      append_run (self, LANE_RUN_LEVELS, GOLANES_LANE_REGION, index, pos, n_levels, g, REGION_HEIGHT);
      at = pos + 1;
    }
  append_run (self, LANE_RUN_MEMBERS, GOLANES_LANE_GOROUTINE, 0, at,
              _golanes_member_list_get_n (group->members) - at, g, GOROUTINE_HEIGHT);
}

/* The "none" value of a goroutine_group entry of @width bytes. */
static inline guint32
group_none (guint width)
{
  return width == 4 ? G_MAXUINT32 : (1u << (8 * width)) - 1;
}

static inline guint32
group_id_get (const GolanesTimelineLayout *self,
              guint32                      gi)
{
  const guint8 *a = self->goroutine_group;

  switch (self->goroutine_group_width)
    {
    case 1:
      return a[gi];
    case 2:
      return ((const guint16 *) (gconstpointer) a)[gi];
    default:
      return ((const guint32 *) (gconstpointer) a)[gi];
    }
}

static inline void
group_id_put (guint8  *a,
              guint    width,
              guint32  gi,
              guint32  id)
{
  switch (width)
    {
    case 1:
      a[gi] = (guint8) id;
      break;
    case 2:
      ((guint16 *) (gpointer) a)[gi] = (guint16) id;
      break;
    default:
      ((guint32 *) (gpointer) a)[gi] = id;
    }
}

/* Room for @len goroutines, with entries of at least @width bytes; new
 * entries are "none". */
static void
group_ids_resize (GolanesTimelineLayout *self,
                  guint                  len,
                  guint                  width)
{
  guint old_width = self->goroutine_group_width;

  width = MAX (width, old_width);
  if (width != old_width)
    {
      guint8 *a = g_malloc ((gsize) MAX (len, 1) * width);

      for (guint32 i = 0; i < self->goroutine_group_len; i++)
        {
          guint32 id = group_id_get (self, i);

          group_id_put (a, width, i, id == group_none (old_width) ? group_none (width) : id);
        }
      g_free (self->goroutine_group);
      self->goroutine_group = a;
      self->goroutine_group_width = width;
    }
  else
    self->goroutine_group = g_realloc (self->goroutine_group, (gsize) MAX (len, 1) * width);
  for (guint32 i = self->goroutine_group_len; i < len; i++)
    group_id_put (self->goroutine_group, width, i, group_none (width));
  self->goroutine_group_len = MAX (self->goroutine_group_len, len);
}

/* The group goroutine @gi is in, or NULL if the layout has not taken it
 * in yet. */
static Group *
group_of (GolanesTimelineLayout *self,
          guint32                gi)
{
  guint32 id;

  if (gi >= self->n_goroutines || gi >= self->goroutine_group_len ||
      (id = group_id_get (self, gi)) == group_none (self->goroutine_group_width))
    return NULL;
  return g_ptr_array_index (self->groups_by_id, id);
}

/* Lays the lanes out again: the cost is in the groups and the goroutines
 * with regions, not in the goroutines there are. */
static void
golanes_timeline_layout_rebuild (GolanesTimelineLayout *self)
{
  GolanesTimeline *timeline = golanes_document_get_timeline (self->document);
  const guint32 *with_levels;
  g_autofree guint32 *by_group = NULL;
  g_autofree guint *group_end = NULL;
  guint n_with_levels;

  g_array_set_size (self->runs, 0);
  self->n_lanes = 0;
  self->height = 0;

  /* The goroutines with regions, by group (a counting sort on the
   * group's position: group_end[g] ends group g's). */
  with_levels = golanes_timeline_get_region_goroutines (timeline, &n_with_levels);
  group_end = g_new0 (guint, self->groups->len + 1);
  by_group = g_new (guint32, MAX (n_with_levels, 1));
  for (guint g = 0; g < self->groups->len; g++)
    GROUP (g_ptr_array_index (self->groups, g))->position = g;
  for (guint k = 0; k < n_with_levels; k++)
    if (group_of (self, with_levels[k]) != NULL)
      group_end[group_of (self, with_levels[k])->position + 1]++;
  for (guint g = 0; g < self->groups->len; g++)
    group_end[g + 1] += group_end[g];
  for (guint k = 0; k < n_with_levels; k++)
    if (group_of (self, with_levels[k]) != NULL)
      by_group[group_end[group_of (self, with_levels[k])->position]++] = with_levels[k];

  append_lane (self, GOLANES_LANE_GC, 0, GOLANES_LANE_NO_GROUP, GC_HEIGHT);
  append_lane (self, GOLANES_LANE_HEAP, 0, GOLANES_LANE_NO_GROUP, PLOT_HEIGHT);
  append_lane (self, GOLANES_LANE_COUNTS, 0, GOLANES_LANE_NO_GROUP, PLOT_HEIGHT);

  for (guint g = 0; g < self->groups->len; g++)
    {
      const GolanesLaneGroup *group = g_ptr_array_index (self->groups, g);
      guint from = g > 0 ? group_end[g - 1] : 0;

      append_lane (self, GOLANES_LANE_HEADER, g, g, HEADER_HEIGHT);
      GROUP (group)->runs_from = self->runs->len;
      if (!group->collapsed)
        {
          switch (group->kind)
            {
            case GOLANES_GROUP_PROCS:
              append_run (self, LANE_RUN_MEMBERS, GOLANES_LANE_PROC, 0, 0,
                          _golanes_member_list_get_n (group->members), g, PROC_HEIGHT);
              break;
            case GOLANES_GROUP_THREADS:
              append_run (self, LANE_RUN_MEMBERS, GOLANES_LANE_THREAD, 0, 0,
                          _golanes_member_list_get_n (group->members), g, THREAD_HEIGHT);
              break;
            case GOLANES_GROUP_TASKS:
              append_run (self, LANE_RUN_MEMBERS, GOLANES_LANE_TASK, 0, 0,
                          _golanes_member_list_get_n (group->members), g, TASK_HEIGHT);
              break;
            case GOLANES_GROUP_GOROUTINES:
              append_goroutine_runs (self, timeline, g, by_group + from, group_end[g] - from);
              break;
            default:
              g_assert_not_reached ();
            }
        }
      GROUP (group)->runs_to = self->runs->len;
    }

  self->serial++;
}

/* Big groups start collapsed, so that a trace with thousands of
 * goroutines opens on an overview rather than a wall of lanes; a group
 * that grows that big while the trace streams in collapses then, unless
 * it was expanded or collapsed by hand. */
#define BIG_GROUP 200

static void
append_members (GolanesMemberList *members,
                guint32            from,
                guint32            to)
{
  for (guint32 i = from; i < to; i++)
    _golanes_member_list_add (members, i);
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
          self->runtime_group = lane_group_new (self, GOLANES_GROUP_GOROUTINES,
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
      group = lane_group_new (self, GOLANES_GROUP_GOROUTINES, g_strdup (name), FALSE);
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
  _golanes_member_list_add (group->members, i);
  if (GROUP (group)->id >= group_none (self->goroutine_group_width))
    group_ids_resize (self, self->goroutine_group_len,
                      GROUP (group)->id < G_MAXUINT16 ? 2 : 4);
  group_id_put (self->goroutine_group, self->goroutine_group_width, i, GROUP (group)->id);
}

static gint
compare_first_member (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const GolanesLaneGroup *x = *(GolanesLaneGroup * const *) a;
  const GolanesLaneGroup *y = *(GolanesLaneGroup * const *) b;
  guint32 fx = _golanes_member_list_get (x->members, 0);
  guint32 fy = _golanes_member_list_get (y->members, 0);

  return fx < fy ? -1 : fx > fy;
}

/* Adds what the timeline has beyond what the layout knows: procs,
 * threads, task rows and goroutines (to the group of their start
 * function, new groups in order of their first goroutine, before the
 * runtime-internal ones, which come last and collapsed). */
static void
add_new_members (GolanesTimelineLayout *self,
                 GolanesTimeline       *timeline,
                 guint                  max_goroutines,
                 gint64                 deadline)
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
          group = lane_group_new (self, GOLANES_GROUP_TASKS, g_strdup (_("Tasks")), FALSE);
          g_ptr_array_insert (self->groups, 2, group);
        }
      append_members (group->members, self->n_task_rows, n);
      self->n_task_rows = n;
    }

  n = golanes_timeline_get_n_goroutines (timeline);
  if (n > self->n_goroutines && n - self->n_goroutines > max_goroutines)
    n = self->n_goroutines + max_goroutines;
  if (n > self->goroutine_group_len)
    group_ids_resize (self, n, 1);

  /* Goroutines that had no name yet (no stack seen) may have one now:
   * they leave the runtime group for their function's. */
  if (self->unnamed->len > 0)
    {
      g_autoptr(GArray) named = g_array_new (FALSE, FALSE, sizeof (guint32));
      guint w = 0;

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

      _golanes_member_list_remove_sorted (self->runtime_group->members, (const guint32 *) (gpointer) named->data,
                                          named->len);
      for (guint u = 0; u < named->len; u++)
        add_goroutine (self, timeline, g_array_index (named, guint32, u));
    }

  for (guint32 i = self->n_goroutines; i < n; i++)
    {
      add_goroutine (self, timeline, i);
      /* The rest waits for the next call once the time is up. */
      if ((i & 1023) == 1023 && i + 1 < n && g_get_monotonic_time () >= deadline)
        n = i + 1;
    }
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

      if (group->kind == GOLANES_GROUP_GOROUTINES && _golanes_member_list_get_n (group->members) > BIG_GROUP &&
          !group->chosen)
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
  self->runs = g_array_new (FALSE, FALSE, sizeof (LaneRun));
  self->groups = g_ptr_array_new_with_free_func (lane_group_free);
  self->groups_by_id = g_ptr_array_new ();
  self->by_function = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->unnamed = g_array_new (FALSE, FALSE, sizeof (guint32));
  golanes_id_map_init (&self->group_of_func);
  self->goroutine_group_width = 1;
  g_ptr_array_add (self->groups, lane_group_new (self, GOLANES_GROUP_PROCS, g_strdup (_("Procs")), FALSE));
  g_ptr_array_add (self->groups, lane_group_new (self, GOLANES_GROUP_THREADS, g_strdup (_("Threads")), TRUE));

  add_new_members (self, golanes_document_get_timeline (document), G_MAXUINT, G_MAXINT64);
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
  return golanes_timeline_layout_update_within (self, max_goroutines, G_MAXINT64);
}

/**
 * golanes_timeline_layout_update_within:
 * @max_goroutines: how many of the new goroutines to add at most
 * @deadline: g_get_monotonic_time() after which the goroutines left wait
 *
 * As golanes_timeline_layout_update_some(), but also stops adding
 * goroutines at @deadline (checked every 1,024): a frame's share of the
 * work stays the same on a busy machine.
 */
gboolean
golanes_timeline_layout_update_within (GolanesTimelineLayout *self,
                                       guint                  max_goroutines,
                                       gint64                 deadline)
{
  guint n_lanes = self->n_lanes;

  g_return_val_if_fail (self != NULL, FALSE);

  add_new_members (self, golanes_document_get_timeline (self->document), max_goroutines, deadline);
  golanes_timeline_layout_rebuild (self);
  return self->n_lanes != n_lanes;
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
  g_array_unref (self->runs);
  g_ptr_array_unref (self->groups_by_id);
  g_ptr_array_unref (self->groups);
  g_clear_pointer (&self->by_function, g_hash_table_unref);
  g_clear_pointer (&self->unnamed, g_array_unref);
  g_free (self->goroutine_group);
  golanes_id_map_clear (&self->group_of_func);
  if (self->render_data != NULL && self->render_data_free != NULL)
    self->render_data_free (self->render_data);
  g_free (self);
}

guint
golanes_timeline_layout_get_n_lanes (GolanesTimelineLayout *self)
{
  return self->n_lanes;
}

/* The run that holds lane @index (< n_lanes). */
static const LaneRun *
run_of_lane (GolanesTimelineLayout *self,
             guint                  index)
{
  guint lo = 0, hi = self->runs->len;

  /* The last run whose first lane is @index or above it. */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->runs, LaneRun, mid).first <= index)
        lo = mid;
      else
        hi = mid;
    }
  return &g_array_index (self->runs, LaneRun, lo);
}

static GolanesLane
lane_of_run (GolanesTimelineLayout *self,
             const LaneRun         *run,
             guint                  i)
{
  GolanesLane lane;

  memset (&lane, 0, sizeof lane);
  lane.y = run->y + i * (run->height + LANE_GAP);
  lane.height = run->height;
  lane.group = run->group;
  lane.kind = run->kind;
  switch ((LaneRunType) run->type)
    {
    case LANE_RUN_ONE:
      lane.index = run->index;
      break;
    case LANE_RUN_MEMBERS:
      lane.index = golanes_lane_group_get_member (g_ptr_array_index (self->groups, run->group), run->member + i);
      break;
    case LANE_RUN_LEVELS:
      lane.index = run->index;
      lane.level = i;
      break;
    default:
      g_assert_not_reached ();
    }
  return lane;
}

/**
 * golanes_timeline_layout_get_lane:
 *
 * Lane @index, made when asked for: the layout keeps runs of lanes.
 */
GolanesLane
golanes_timeline_layout_get_lane (GolanesTimelineLayout *self,
                                  guint                  index)
{
  const LaneRun *run;
  GolanesLane none = { 0 };

  g_return_val_if_fail (index < self->n_lanes, none);

  run = run_of_lane (self, index);
  return lane_of_run (self, run, index - run->first);
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

/* The bottom of lane @i of @run, with the gap below it. */
static inline double
run_lane_end (const LaneRun *run,
              guint          i)
{
  return run->y + (i + 1) * (run->height + LANE_GAP);
}

guint
_golanes_timeline_layout_first_lane_below (GolanesTimelineLayout *self,
                                           double                 y)
{
  guint lo = 0, hi = self->runs->len;
  const LaneRun *run;
  guint i;

  /* The first run whose last lane ends below @y. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const LaneRun *r = &g_array_index (self->runs, LaneRun, mid);

      if (run_lane_end (r, r->n - 1) <= y)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo >= self->runs->len)
    return self->n_lanes;

  run = &g_array_index (self->runs, LaneRun, lo);
  i = y > run->y ? (guint) MIN (floor ((y - run->y) / (run->height + LANE_GAP)), run->n - 1) : 0;
  while (i > 0 && run_lane_end (run, i - 1) > y)
    i--;
  while (i + 1 < run->n && run_lane_end (run, i) <= y)
    i++;
  return run->first + i;
}

gint
golanes_timeline_layout_find_lane (GolanesTimelineLayout *self,
                                   double                 y)
{
  guint i = _golanes_timeline_layout_first_lane_below (self, y);
  GolanesLane lane;

  if (i >= self->n_lanes)
    return -1;
  lane = golanes_timeline_layout_get_lane (self, i);
  if (y < lane.y || y >= lane.y + lane.height)
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

/* The group @goroutine is in, or NULL; @pos gets its position there. */
static GolanesLaneGroup *
group_of_goroutine (GolanesTimelineLayout *self,
                    guint                  goroutine,
                    guint                 *pos)
{
  GolanesLaneGroup *group = (GolanesLaneGroup *) group_of (self, goroutine);
  gboolean found;

  if (group == NULL)
    return NULL;
  *pos = _golanes_member_list_lower_bound (group->members, goroutine, &found);
  if (!found)
    return NULL;
  return group;
}

/* The lane of @goroutine, or -1 if it has none in the current layout. */
static gint
goroutine_lane_of (GolanesTimelineLayout *self,
                   guint                  goroutine)
{
  GolanesLaneGroup *group;
  const LaneRun *run;
  guint pos, lo, hi;

  group = group_of_goroutine (self, goroutine, &pos);
  if (group == NULL || group->collapsed)
    return -1;

  /* The last of the group's runs that starts at @pos or above it, not
   * counting the runs of region levels. */
  lo = GROUP (group)->runs_from;
  hi = GROUP (group)->runs_to;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->runs, LaneRun, mid).member <= pos)
        lo = mid + 1;
      else
        hi = mid;
    }
  while (lo > GROUP (group)->runs_from &&
         g_array_index (self->runs, LaneRun, lo - 1).type == LANE_RUN_LEVELS)
    lo--;
  if (lo == GROUP (group)->runs_from)
    return -1;
  run = &g_array_index (self->runs, LaneRun, lo - 1);
  if (run->kind != GOLANES_LANE_GOROUTINE || pos >= run->member + run->n)
    return -1;
  return run->first + (pos - run->member);
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
  GolanesLaneGroup *group;
  guint pos;

  group = group_of_goroutine (self, goroutine, &pos);
  if (group == NULL)
    return -1;
  if (group->collapsed)
    golanes_timeline_layout_set_group_collapsed (self, GROUP (group)->position, FALSE);
  return goroutine_lane_of (self, goroutine);
}

guint
golanes_timeline_layout_count_lanes (GolanesTimelineLayout *self,
                                     GolanesLaneKind        kind)
{
  guint n = 0;

  for (guint i = 0; i < self->runs->len; i++)
    if (g_array_index (self->runs, LaneRun, i).kind == kind)
      n += g_array_index (self->runs, LaneRun, i).n;
  return n;
}

char *
golanes_timeline_layout_dup_lane_label (GolanesTimelineLayout *self,
                                        guint                  index)
{
  GolanesTimeline *timeline = golanes_document_get_timeline (self->document);
  GolanesLane l;
  const GolanesLane *lane = &l;

  g_return_val_if_fail (index < self->n_lanes, NULL);

  l = golanes_timeline_layout_get_lane (self, index);
  switch ((GolanesLaneKind) lane->kind)
    {
    case GOLANES_LANE_HEADER:
      {
        const GolanesLaneGroup *group = g_ptr_array_index (self->groups, lane->index);

        /* Translators: a group of lanes: its name and how many it holds */
        return g_strdup_printf (_("%s %s (%u)"), group->collapsed ? "▸" : "▾",
                                group->title, _golanes_member_list_get_n (group->members));
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

guint
golanes_lane_group_get_n_members (const GolanesLaneGroup *group)
{
  return _golanes_member_list_get_n (group->members);
}

guint32
golanes_lane_group_get_member (const GolanesLaneGroup *group,
                               guint                   position)
{
  return _golanes_member_list_get (group->members, position);
}

void
golanes_lane_group_copy_members (const GolanesLaneGroup *group,
                                 guint                   from,
                                 guint                   n,
                                 guint32                *out)
{
  _golanes_member_list_copy (group->members, from, n, out);
}
