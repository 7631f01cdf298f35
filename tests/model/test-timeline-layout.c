/* test-timeline-layout.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "golanes-document.h"
#include "fixture-traces.h"
#include "golanes-timeline-layout-private.h"

/* The timeline's lanes on fixture traces, without a display: their order
 * and groups against the model's getters, exact counts for chansel.trace,
 * collapsing, finding a lane by y, revealing a goroutine and the labels. */

static char *
fixture (const char *go,
         const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", go, name, NULL);
}

static GolanesDocument *
load_document (const char *go,
               const char *name)
{
  g_autofree char *path = fixture (go, name);
  g_autoptr(GError) error = NULL;
  GolanesDocument *document;

  document = golanes_document_load (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* The layout's rule for its last, collapsed group, restated: started by
 * a runtime.* function other than runtime.main, or by nothing known. */
static gboolean
is_runtime_goroutine (GolanesTimeline *tl,
                      guint            index)
{
  g_autofree char *func = golanes_timeline_dup_goroutine_function (tl, index);

  return func[0] == '\0' ||
         (g_str_has_prefix (func, "runtime.") && strcmp (func, "runtime.main") != 0);
}

/* The lanes a member of @group takes when the group is expanded: a
 * goroutine's lane and one per nesting level of its regions. */
static guint
member_lanes (GolanesTimeline        *tl,
              const GolanesLaneGroup *group,
              guint                   member)
{
  guint32 index = golanes_lane_group_get_member (group, member);

  if (group->kind != GOLANES_GROUP_GOROUTINES)
    return 1;
  return 1 + golanes_timeline_get_goroutine_n_region_levels (tl, index);
}

static guint
group_lanes (GolanesTimeline        *tl,
             const GolanesLaneGroup *group)
{
  guint n = 0;

  for (guint m = 0; m < golanes_lane_group_get_n_members (group); m++)
    n += member_lanes (tl, group, m);
  return n;
}

/* A group of the kinds that are not goroutines: its members are every
 * index below @n in order. */
static void
check_index_group (const GolanesLaneGroup *group,
                   GolanesGroupKind        kind,
                   const char             *title,
                   gboolean                collapsed,
                   guint                   n)
{
  g_assert_cmpint (group->kind, ==, kind);
  g_assert_cmpstr (group->title, ==, title);
  g_assert_cmpint (group->collapsed, ==, collapsed);
  g_assert_false (group->runtime);
  g_assert_cmpuint (golanes_lane_group_get_n_members (group), ==, n);
  for (guint m = 0; m < n; m++)
    g_assert_cmpuint (golanes_lane_group_get_member (group, m), ==, m);
}

/* The groups of a freshly made layout against the model: Procs, Threads
 * (collapsed), Tasks if there are task rows, then one group per start
 * function in order of its first goroutine (collapsed beyond 200), then
 * the runtime-internal goroutines (collapsed); every goroutine is in
 * exactly one group. */
static void
check_groups (GolanesTimelineLayout *layout,
              GolanesTimeline       *tl)
{
  guint n_goroutines = golanes_timeline_get_n_goroutines (tl);
  guint n_groups = golanes_timeline_layout_get_n_groups (layout);
  g_autofree guint8 *seen = g_new0 (guint8, MAX (n_goroutines, 1));
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_runtime = 0;
  guint n_seen = 0;
  gint64 prev_first = -1;
  guint g = 0;

  g_assert_cmpuint (n_groups, >=, 2);
  check_index_group (golanes_timeline_layout_get_group (layout, g++), GOLANES_GROUP_PROCS,
                     "Procs", FALSE, golanes_timeline_get_n_procs (tl));
  check_index_group (golanes_timeline_layout_get_group (layout, g++), GOLANES_GROUP_THREADS,
                     "Threads", TRUE, golanes_timeline_get_n_threads (tl));
  if (golanes_timeline_get_n_task_rows (tl) > 0)
    check_index_group (golanes_timeline_layout_get_group (layout, g++), GOLANES_GROUP_TASKS,
                       "Tasks", FALSE, golanes_timeline_get_n_task_rows (tl));

  for (guint i = 0; i < n_goroutines; i++)
    n_runtime += is_runtime_goroutine (tl, i);

  for (; g < n_groups; g++)
    {
      const GolanesLaneGroup *group = golanes_timeline_layout_get_group (layout, g);
      guint32 first;

      g_assert_cmpint (group->kind, ==, GOLANES_GROUP_GOROUTINES);
      g_assert_cmpuint (golanes_lane_group_get_n_members (group), >, 0);
      first = golanes_lane_group_get_member (group, 0);
      for (guint m = 0; m < golanes_lane_group_get_n_members (group); m++)
        {
          guint32 index = golanes_lane_group_get_member (group, m);

          g_assert_cmpuint (index, <, n_goroutines);
          g_assert_cmpuint (seen[index], ==, 0);
          seen[index] = 1;
          n_seen++;
          if (m > 0)
            g_assert_cmpuint (index, >, golanes_lane_group_get_member (group, m - 1));
          g_assert_cmpint (group->runtime, ==, is_runtime_goroutine (tl, index));
          if (!group->runtime)
            {
              g_autofree char *func = golanes_timeline_dup_goroutine_function (tl, index);

              g_assert_cmpstr (func, ==, group->title);
            }
        }

      if (group->runtime)
        {
          /* Last, collapsed, whatever its size. */
          g_assert_cmpuint (g, ==, n_groups - 1);
          g_assert_cmpstr (group->title, ==, "Runtime goroutines");
          g_assert_true (group->collapsed);
          g_assert_cmpuint (golanes_lane_group_get_n_members (group), ==, n_runtime);
        }
      else
        {
          g_assert_false (g_hash_table_contains (titles, group->title));
          g_hash_table_add (titles, group->title);
          g_assert_cmpint (first, >, prev_first);
          prev_first = first;
          g_assert_cmpint (group->collapsed, ==, golanes_lane_group_get_n_members (group) > 200);
        }
    }
  g_assert_cmpuint (n_seen, ==, n_goroutines);
}

/* The lanes against the groups: GC, heap and goroutine counts, then each
 * group's header and, unless it is collapsed, its members' lanes (a
 * goroutine's followed by its region levels); stacked from y = 0 without
 * overlapping, each kind of lane one height. */
static void
check_lanes (GolanesTimelineLayout *layout,
             GolanesTimeline       *tl)
{
  const GolanesLaneKind member_kind[] = {
    [GOLANES_GROUP_PROCS] = GOLANES_LANE_PROC,
    [GOLANES_GROUP_THREADS] = GOLANES_LANE_THREAD,
    [GOLANES_GROUP_TASKS] = GOLANES_LANE_TASK,
    [GOLANES_GROUP_GOROUTINES] = GOLANES_LANE_GOROUTINE,
  };
  const GolanesLaneKind top[] = { GOLANES_LANE_GC, GOLANES_LANE_HEAP, GOLANES_LANE_COUNTS };
  guint n_lanes = golanes_timeline_layout_get_n_lanes (layout);
  guint n_goroutines = golanes_timeline_get_n_goroutines (tl);
  guint counts[GOLANES_LANE_REGION + 1] = { 0 };
  double heights[GOLANES_LANE_REGION + 1] = { 0 };
  g_autofree gint *goroutine_lane = g_new (gint, MAX (n_goroutines, 1));
  GolanesLane lane;
  double bottom = 0;
  guint l = 0;
  const guint32 *with_levels;
  guint n_with_levels, n_checked = 0;

  for (guint i = 0; i < n_goroutines; i++)
    goroutine_lane[i] = -1;

  for (guint i = 0; i < G_N_ELEMENTS (top); i++)
    {
      g_assert_cmpuint (l, <, n_lanes);
      lane = golanes_timeline_layout_get_lane (layout, l++);
      g_assert_cmpint (lane.kind, ==, top[i]);
      g_assert_cmpuint (lane.group, ==, GOLANES_LANE_NO_GROUP);
    }

  for (guint g = 0; g < golanes_timeline_layout_get_n_groups (layout); g++)
    {
      const GolanesLaneGroup *group = golanes_timeline_layout_get_group (layout, g);

      g_assert_cmpuint (l, <, n_lanes);
      lane = golanes_timeline_layout_get_lane (layout, l++);
      g_assert_cmpint (lane.kind, ==, GOLANES_LANE_HEADER);
      g_assert_cmpuint (lane.index, ==, g);
      g_assert_cmpuint (lane.group, ==, g);
      if (group->collapsed)
        continue;

      for (guint m = 0; m < golanes_lane_group_get_n_members (group); m++)
        {
          guint32 index = golanes_lane_group_get_member (group, m);

          g_assert_cmpuint (l, <, n_lanes);
          if (group->kind == GOLANES_GROUP_GOROUTINES)
            goroutine_lane[index] = l;
          lane = golanes_timeline_layout_get_lane (layout, l++);
          g_assert_cmpint (lane.kind, ==, member_kind[group->kind]);
          g_assert_cmpuint (lane.index, ==, index);
          g_assert_cmpuint (lane.level, ==, 0);
          g_assert_cmpuint (lane.group, ==, g);
          if (group->kind != GOLANES_GROUP_GOROUTINES)
            continue;
          for (guint level = 0; level < golanes_timeline_get_goroutine_n_region_levels (tl, index); level++)
            {
              g_assert_cmpuint (l, <, n_lanes);
              lane = golanes_timeline_layout_get_lane (layout, l++);
              g_assert_cmpint (lane.kind, ==, GOLANES_LANE_REGION);
              g_assert_cmpuint (lane.index, ==, index);
              g_assert_cmpuint (lane.level, ==, level);
              g_assert_cmpuint (lane.group, ==, g);
            }
        }
    }
  g_assert_cmpuint (l, ==, n_lanes);

  for (guint i = 0; i < n_lanes; i++)
    {
      lane = golanes_timeline_layout_get_lane (layout, i);
      g_assert_cmpuint (lane.kind, <=, GOLANES_LANE_REGION);
      if (i == 0)
        g_assert_cmpfloat (lane.y, ==, 0);
      else
        g_assert_cmpfloat (lane.y, >=, bottom);
      g_assert_cmpfloat (lane.height, >, 0);
      if (counts[lane.kind] == 0)
        heights[lane.kind] = lane.height;
      g_assert_cmpfloat (lane.height, ==, heights[lane.kind]);
      counts[lane.kind]++;
      bottom = lane.y + lane.height;
    }
  g_assert_cmpfloat (golanes_timeline_layout_get_height (layout), >=, bottom);

  for (guint k = 0; k <= GOLANES_LANE_REGION; k++)
    g_assert_cmpuint (golanes_timeline_layout_count_lanes (layout, k), ==, counts[k]);
  g_assert_cmpuint (counts[GOLANES_LANE_HEADER], ==, golanes_timeline_layout_get_n_groups (layout));

  for (guint i = 0; i < n_goroutines; i++)
    g_assert_cmpint (golanes_timeline_layout_get_goroutine_lane (layout, i), ==, goroutine_lane[i]);
  g_assert_cmpint (golanes_timeline_layout_get_goroutine_lane (layout, n_goroutines), ==, -1);

  /* The goroutines with regions, listed in order by the timeline. */
  with_levels = golanes_timeline_get_region_goroutines (tl, &n_with_levels);
  for (guint i = 0, k = 0; i < n_goroutines; i++)
    if (golanes_timeline_get_goroutine_n_region_levels (tl, i) > 0)
      {
        g_assert_cmpuint (k, <, n_with_levels);
        g_assert_cmpuint (with_levels[k++], ==, i);
        n_checked = k;
      }
  g_assert_cmpuint (n_checked, ==, n_with_levels);

  /* The layout keeps runs of lanes, not lanes: the three plots, a header
   * and a run of members per group, and per goroutine with regions its
   * lane, a run of its levels and the run of members after it. */
  g_assert_cmpuint (layout->runs->len, <=, 3 + 2 * golanes_timeline_layout_get_n_groups (layout) + 3 * n_with_levels);
}

/* The tests */

/* Every fixture, truncated copies included. */
static void
test_fixtures (void)
{
  g_autoptr(GPtrArray) paths = fixture_traces_list ();

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = paths->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GolanesDocument) document = NULL;
      g_autoptr(GolanesTimelineLayout) layout = NULL;
      GolanesTimeline *tl;

      g_test_message ("%s", path);
      /* The timeline part is all a layout reads. */
      document = golanes_document_load_timeline (path, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      layout = golanes_timeline_layout_new (document);
      tl = golanes_document_get_timeline (document);

      check_groups (layout, tl);
      check_lanes (layout, tl);
      g_assert_cmpuint (golanes_timeline_layout_count_lanes (layout, GOLANES_LANE_PROC), ==,
                        golanes_timeline_get_n_procs (tl));
      g_assert_cmpuint (golanes_timeline_layout_count_lanes (layout, GOLANES_LANE_THREAD), ==, 0);
      g_assert_cmpuint (golanes_timeline_layout_count_lanes (layout, GOLANES_LANE_TASK), ==,
                        golanes_timeline_get_n_task_rows (tl));
    }
}

/* chansel.trace, lane by lane. */
static void
test_chansel (void)
{
  g_autoptr(GolanesDocument) document = load_document ("go1.26", "chansel.trace");
  g_autoptr(GolanesTimelineLayout) layout = golanes_timeline_layout_new (document);
  GolanesTimeline *tl = golanes_document_get_timeline (document);
  const char *groups[] = {
    "Procs", "Threads", "main.main", "runtime/trace.(*traceMultiplexer).startLocked.func1",
    "main.stage", "main.main.func1", "main.main.func2", "main.main.func3", "main.main.func4",
    "main.main.func5", "main.main.func6", "Runtime goroutines",
  };
  guint n_expanded = 0;
  gint g1;

  /* The model: 2 Ps, 3 Ms, 17 goroutines of which 6 are the runtime's,
   * no tasks or regions. */
  g_assert_cmpuint (golanes_timeline_get_n_procs (tl), ==, 2);
  g_assert_cmpuint (golanes_timeline_get_n_threads (tl), ==, 3);
  g_assert_cmpuint (golanes_timeline_get_n_goroutines (tl), ==, 17);
  g_assert_cmpuint (golanes_timeline_get_n_task_rows (tl), ==, 0);

  g_assert_cmpuint (golanes_timeline_layout_get_n_groups (layout), ==, G_N_ELEMENTS (groups));
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      const GolanesLaneGroup *group = golanes_timeline_layout_get_group (layout, g);

      g_assert_cmpstr (group->title, ==, groups[g]);
      if (group->kind == GOLANES_GROUP_GOROUTINES && !group->collapsed)
        n_expanded += golanes_lane_group_get_n_members (group);
    }
  g_assert_cmpuint (golanes_lane_group_get_n_members (golanes_timeline_layout_get_group (layout, 4)), ==, 3);
  g_assert_cmpuint (golanes_lane_group_get_n_members (golanes_timeline_layout_get_group (layout, 11)), ==, 6);
  g_assert_true (golanes_timeline_layout_get_group (layout, 11)->runtime);
  g_assert_cmpuint (n_expanded, ==, 17 - 6);

  /* GC, heap, counts; the Procs header and 2 Ps; the Threads header;
   * 9 headers and 11 goroutines; the runtime's header. */
  g_assert_cmpuint (golanes_timeline_layout_get_n_lanes (layout), ==, 3 + 3 + 1 + 9 + 11 + 1);
  g_assert_cmpuint (golanes_timeline_layout_count_lanes (layout, GOLANES_LANE_HEADER), ==, 12);
  g_assert_cmpuint (golanes_timeline_layout_count_lanes (layout, GOLANES_LANE_PROC), ==, 2);
  g_assert_cmpuint (golanes_timeline_layout_count_lanes (layout, GOLANES_LANE_THREAD), ==, 0);
  g_assert_cmpuint (golanes_timeline_layout_count_lanes (layout, GOLANES_LANE_GOROUTINE), ==, 11);
  g_assert_cmpuint (golanes_timeline_layout_count_lanes (layout, GOLANES_LANE_REGION), ==, 0);
  g_assert_cmpuint (golanes_timeline_layout_count_lanes (layout, GOLANES_LANE_TASK), ==, 0);

  /* main.main (G1) is never runtime-internal: its lane follows its
   * group's header, right after the collapsed Threads. */
  g1 = golanes_timeline_lookup_goroutine (tl, 1);
  g_assert_cmpint (g1, >=, 0);
  g_assert_cmpint (golanes_timeline_layout_get_goroutine_lane (layout, g1), ==, 3 + 3 + 1 + 1);

  check_groups (layout, tl);
  check_lanes (layout, tl);
}

/* Tasks get a group of their own, goroutines with regions a lane per
 * level. */
static void
test_tasks_and_regions (void)
{
  g_autoptr(GolanesDocument) document = load_document ("go1.26", "annotations.trace");
  g_autoptr(GolanesTimelineLayout) layout = golanes_timeline_layout_new (document);
  GolanesTimeline *tl = golanes_document_get_timeline (document);
  const GolanesLaneGroup *tasks = golanes_timeline_layout_get_group (layout, 2);
  guint n_levels = 0;

  g_assert_cmpuint (golanes_timeline_get_n_task_rows (tl), >, 0);
  g_assert_cmpint (tasks->kind, ==, GOLANES_GROUP_TASKS);
  g_assert_cmpuint (golanes_timeline_layout_count_lanes (layout, GOLANES_LANE_TASK), ==,
                    golanes_timeline_get_n_task_rows (tl));

  for (guint i = 0; i < golanes_timeline_get_n_goroutines (tl); i++)
    if (golanes_timeline_layout_get_goroutine_lane (layout, i) >= 0)
      n_levels += golanes_timeline_get_goroutine_n_region_levels (tl, i);
  /* outer > level3 > level2 > level1: at least four levels somewhere. */
  g_assert_cmpuint (n_levels, >=, 4);
  g_assert_cmpuint (golanes_timeline_layout_count_lanes (layout, GOLANES_LANE_REGION), ==, n_levels);

  check_groups (layout, tl);
  check_lanes (layout, tl);
}

/* Collapsing a group takes away its members' lanes, expanding it gives
 * them back, each a change of serial; setting the state it has is none. */
static void
test_collapse (void)
{
  g_autoptr(GolanesDocument) document = load_document ("go1.26", "annotations.trace");
  g_autoptr(GolanesTimelineLayout) layout = golanes_timeline_layout_new (document);
  GolanesTimeline *tl = golanes_document_get_timeline (document);
  guint n_groups = golanes_timeline_layout_get_n_groups (layout);
  guint n_lanes = golanes_timeline_layout_get_n_lanes (layout);
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (GolanesLane));
  guint all_lanes = 3 + n_groups;

  for (guint i = 0; i < n_lanes; i++)
    {
      GolanesLane lane = golanes_timeline_layout_get_lane (layout, i);

      g_array_append_val (before, lane);
    }

  for (guint g = 0; g < n_groups; g++)
    {
      const GolanesLaneGroup *group = golanes_timeline_layout_get_group (layout, g);
      gboolean collapsed = group->collapsed;
      guint members = group_lanes (tl, group);
      guint serial = golanes_timeline_layout_get_serial (layout);
      double height = golanes_timeline_layout_get_height (layout);
      guint n = golanes_timeline_layout_get_n_lanes (layout);

      all_lanes += members;
      g_assert_cmpuint (members, >, 0);

      golanes_timeline_layout_set_group_collapsed (layout, g, collapsed);
      g_assert_cmpuint (golanes_timeline_layout_get_serial (layout), ==, serial);
      g_assert_cmpuint (golanes_timeline_layout_get_n_lanes (layout), ==, n);

      golanes_timeline_layout_set_group_collapsed (layout, g, !collapsed);
      g_assert_cmpint (group->collapsed, ==, !collapsed);
      g_assert_cmpuint (golanes_timeline_layout_get_serial (layout), !=, serial);
      if (collapsed)
        {
          g_assert_cmpuint (golanes_timeline_layout_get_n_lanes (layout), ==, n + members);
          g_assert_cmpfloat (golanes_timeline_layout_get_height (layout), >, height);
        }
      else
        {
          g_assert_cmpuint (golanes_timeline_layout_get_n_lanes (layout), ==, n - members);
          g_assert_cmpfloat (golanes_timeline_layout_get_height (layout), <, height);
        }
      check_lanes (layout, tl);

      golanes_timeline_layout_set_group_collapsed (layout, g, collapsed);
      g_assert_cmpuint (golanes_timeline_layout_get_n_lanes (layout), ==, n);
      g_assert_cmpfloat (golanes_timeline_layout_get_height (layout), ==, height);
    }

  /* Back where it started, lane for lane. */
  g_assert_cmpuint (golanes_timeline_layout_get_n_lanes (layout), ==, n_lanes);
  for (guint i = 0; i < n_lanes; i++)
    {
      GolanesLane lane = golanes_timeline_layout_get_lane (layout, i);

      g_assert_cmpmem (&lane, sizeof lane, &g_array_index (before, GolanesLane, i), sizeof (GolanesLane));
    }

  /* Everything expanded: every member of every group has its lanes. */
  for (guint g = 0; g < n_groups; g++)
    golanes_timeline_layout_set_group_collapsed (layout, g, FALSE);
  g_assert_cmpuint (golanes_timeline_layout_get_n_lanes (layout), ==, all_lanes);
  g_assert_cmpuint (golanes_timeline_layout_count_lanes (layout, GOLANES_LANE_THREAD), ==,
                    golanes_timeline_get_n_threads (tl));
  g_assert_cmpuint (golanes_timeline_layout_count_lanes (layout, GOLANES_LANE_GOROUTINE), ==,
                    golanes_timeline_get_n_goroutines (tl));
  check_lanes (layout, tl);

  /* Everything collapsed: the three plots and the headers. */
  for (guint g = 0; g < n_groups; g++)
    golanes_timeline_layout_set_group_collapsed (layout, g, TRUE);
  g_assert_cmpuint (golanes_timeline_layout_get_n_lanes (layout), ==, 3 + n_groups);
  for (guint i = 0; i < golanes_timeline_get_n_goroutines (tl); i++)
    g_assert_cmpint (golanes_timeline_layout_get_goroutine_lane (layout, i), ==, -1);
  check_lanes (layout, tl);
}

static void
check_find_lane (GolanesTimelineLayout *layout)
{
  guint n_lanes = golanes_timeline_layout_get_n_lanes (layout);

  g_assert_cmpint (golanes_timeline_layout_find_lane (layout, -1), ==, -1);
  g_assert_cmpint (golanes_timeline_layout_find_lane (layout, golanes_timeline_layout_get_height (layout)), ==, -1);
  g_assert_cmpuint (_golanes_timeline_layout_first_lane_below (layout, -1), ==, 0);
  g_assert_cmpuint (_golanes_timeline_layout_first_lane_below (layout, golanes_timeline_layout_get_height (layout)), ==,
                    n_lanes);
  for (guint i = 0; i < n_lanes; i++)
    {
      GolanesLane lane = golanes_timeline_layout_get_lane (layout, i);
      double gap_end = i + 1 < n_lanes ? golanes_timeline_layout_get_lane (layout, i + 1).y
                                       : golanes_timeline_layout_get_height (layout);

      g_assert_cmpint (golanes_timeline_layout_find_lane (layout, lane.y), ==, i);
      g_assert_cmpint (golanes_timeline_layout_find_lane (layout, lane.y + lane.height / 2), ==, i);
      g_assert_cmpint (golanes_timeline_layout_find_lane (layout, lane.y + lane.height - 0.01), ==, i);
      /* Where the renderer starts drawing when scrolled to y. */
      g_assert_cmpuint (_golanes_timeline_layout_first_lane_below (layout, lane.y), ==, i);
      g_assert_cmpuint (_golanes_timeline_layout_first_lane_below (layout, lane.y + lane.height - 0.01), ==, i);
      /* The gap below a lane is no lane. */
      if (gap_end > lane.y + lane.height)
        g_assert_cmpint (golanes_timeline_layout_find_lane (layout, lane.y + lane.height), ==, -1);
    }
}

/* The lane under a y, and the first lane to draw from a y, with groups
 * collapsed and expanded. */
static void
test_find_lane (void)
{
  g_autoptr(GolanesDocument) document = load_document ("go1.26", "annotations.trace");
  g_autoptr(GolanesTimelineLayout) layout = golanes_timeline_layout_new (document);

  check_find_lane (layout);
  for (guint g = 0; g < golanes_timeline_layout_get_n_groups (layout); g++)
    golanes_timeline_layout_set_group_collapsed (layout, g, FALSE);
  check_find_lane (layout);
}

/* Revealing a goroutine in a collapsed group expands that group (alone)
 * and returns the goroutine's lane; revealing a shown one changes
 * nothing. */
static void
check_reveal (GolanesTimelineLayout *layout,
              GolanesTimeline       *tl,
              guint                  goroutine)
{
  guint n_groups = golanes_timeline_layout_get_n_groups (layout);
  g_autofree gboolean *was_collapsed = g_new (gboolean, n_groups);
  guint n_lanes = golanes_timeline_layout_get_n_lanes (layout);
  const GolanesLaneGroup *group = NULL;
  GolanesLane lane;
  guint serial;
  gint l;

  g_assert_cmpint (golanes_timeline_layout_get_goroutine_lane (layout, goroutine), ==, -1);
  for (guint g = 0; g < n_groups; g++)
    {
      const GolanesLaneGroup *gr = golanes_timeline_layout_get_group (layout, g);

      was_collapsed[g] = gr->collapsed;
      if (gr->kind != GOLANES_GROUP_GOROUTINES)
        continue;
      for (guint m = 0; m < golanes_lane_group_get_n_members (gr); m++)
        if (golanes_lane_group_get_member (gr, m) == goroutine)
          group = gr;
    }
  g_assert_nonnull (group);
  g_assert_true (group->collapsed);

  l = golanes_timeline_layout_reveal_goroutine (layout, goroutine);
  g_assert_cmpint (l, >=, 0);
  g_assert_cmpint (golanes_timeline_layout_get_goroutine_lane (layout, goroutine), ==, l);
  lane = golanes_timeline_layout_get_lane (layout, l);
  g_assert_cmpint (lane.kind, ==, GOLANES_LANE_GOROUTINE);
  g_assert_cmpuint (lane.index, ==, goroutine);
  g_assert_false (group->collapsed);
  g_assert_cmpuint (golanes_timeline_layout_get_n_lanes (layout), ==, n_lanes + group_lanes (tl, group));
  for (guint g = 0; g < n_groups; g++)
    {
      const GolanesLaneGroup *gr = golanes_timeline_layout_get_group (layout, g);

      if (gr != group)
        g_assert_cmpint (gr->collapsed, ==, was_collapsed[g]);
    }
  check_lanes (layout, tl);

  serial = golanes_timeline_layout_get_serial (layout);
  g_assert_cmpint (golanes_timeline_layout_reveal_goroutine (layout, goroutine), ==, l);
  g_assert_cmpuint (golanes_timeline_layout_get_serial (layout), ==, serial);
}

static void
test_reveal (void)
{
  g_autoptr(GolanesDocument) document = load_document ("go1.26", "chansel.trace");
  g_autoptr(GolanesTimelineLayout) layout = golanes_timeline_layout_new (document);
  GolanesTimeline *tl = golanes_document_get_timeline (document);
  guint n_goroutines = golanes_timeline_get_n_goroutines (tl);
  guint serial = golanes_timeline_layout_get_serial (layout);
  gint g1 = golanes_timeline_lookup_goroutine (tl, 1);
  gint hidden = -1;

  /* A goroutine already shown. */
  g_assert_cmpint (golanes_timeline_layout_reveal_goroutine (layout, g1), ==,
                   golanes_timeline_layout_get_goroutine_lane (layout, g1));
  g_assert_cmpuint (golanes_timeline_layout_get_serial (layout), ==, serial);

  /* No such goroutine. */
  g_assert_cmpint (golanes_timeline_layout_reveal_goroutine (layout, n_goroutines), ==, -1);
  g_assert_cmpint (golanes_timeline_layout_get_goroutine_lane (layout, n_goroutines), ==, -1);
  g_assert_cmpuint (golanes_timeline_layout_get_serial (layout), ==, serial);

  /* The last runtime goroutine, in the collapsed last group. */
  for (guint i = 0; i < n_goroutines; i++)
    if (is_runtime_goroutine (tl, i))
      hidden = i;
  g_assert_cmpint (hidden, >=, 0);
  check_reveal (layout, tl, hidden);
}

/* A group of more than 200 goroutines starts collapsed; revealing one of
 * them opens it. */
static void
test_big_group (void)
{
  g_autoptr(GolanesDocument) document = load_document ("go1.26", "manyg.trace");
  g_autoptr(GolanesTimelineLayout) layout = golanes_timeline_layout_new (document);
  GolanesTimeline *tl = golanes_document_get_timeline (document);
  const GolanesLaneGroup *big = NULL;
  guint32 last;

  for (guint g = 0; g < golanes_timeline_layout_get_n_groups (layout); g++)
    {
      const GolanesLaneGroup *group = golanes_timeline_layout_get_group (layout, g);

      if (group->kind == GOLANES_GROUP_GOROUTINES && !group->runtime && golanes_lane_group_get_n_members (group) > 200)
        big = group;
    }
  /* main.main.func1, 10500 times. */
  g_assert_nonnull (big);
  g_assert_cmpstr (big->title, ==, "main.main.func1");
  g_assert_cmpuint (golanes_lane_group_get_n_members (big), ==, 10500);
  g_assert_true (big->collapsed);
  check_groups (layout, tl);
  check_lanes (layout, tl);

  last = golanes_lane_group_get_member (big, golanes_lane_group_get_n_members (big) - 1);
  check_reveal (layout, tl, last);
  check_find_lane (layout);
}

/* The gutter's labels, in the C locale of the tests. */
static void
check_labels (GolanesTimelineLayout *layout,
              GolanesTimeline       *tl)
{
  g_autofree char *heap = NULL;
  guint64 heap_max = 0;

  for (guint k = GOLANES_SERIES_HEAP_ALLOC; k <= GOLANES_SERIES_HEAP_GOAL; k++)
    {
      guint n_points;
      const GolanesSeriesPoint *points = golanes_timeline_get_series (tl, k, &n_points);

      for (guint i = 0; i < n_points; i++)
        heap_max = MAX (heap_max, points[i].value);
    }
  heap = g_format_size (heap_max);

  for (guint i = 0; i < golanes_timeline_layout_get_n_lanes (layout); i++)
    {
      GolanesLane lane = golanes_timeline_layout_get_lane (layout, i);
      g_autofree char *label = golanes_timeline_layout_dup_lane_label (layout, i);
      g_autofree char *expected = NULL;

      switch ((GolanesLaneKind) lane.kind)
        {
        case GOLANES_LANE_HEADER:
          {
            const GolanesLaneGroup *group = golanes_timeline_layout_get_group (layout, lane.index);

            expected = g_strdup_printf ("%s %s (%u)", group->collapsed ? "▸" : "▾",
                                        group->title, golanes_lane_group_get_n_members (group));
          }
          break;
        case GOLANES_LANE_GC:
          expected = g_strdup ("GC");
          break;
        case GOLANES_LANE_HEAP:
          expected = g_strdup_printf ("Heap (%s)", heap);
          break;
        case GOLANES_LANE_COUNTS:
          expected = g_strdup_printf ("Goroutines (%d)", golanes_timeline_get_max_count_total (tl));
          break;
        case GOLANES_LANE_PROC:
          expected = g_strdup_printf ("P%" G_GINT64_FORMAT, golanes_timeline_get_proc (tl, lane.index)->id);
          break;
        case GOLANES_LANE_THREAD:
          expected = g_strdup_printf ("M%" G_GINT64_FORMAT, golanes_timeline_get_thread (tl, lane.index)->id);
          break;
        case GOLANES_LANE_TASK:
          expected = g_strdup_printf ("Tasks %u", lane.index + 1);
          break;
        case GOLANES_LANE_GOROUTINE:
          {
            g_autofree char *func = golanes_timeline_dup_goroutine_function (tl, lane.index);

            expected = g_strdup_printf ("G%" G_GINT64_FORMAT " %s",
                                        golanes_timeline_get_goroutine_id (tl, lane.index), func);
          }
          break;
        case GOLANES_LANE_REGION:
          expected = g_strdup_printf ("regions %u", lane.level + 1);
          break;
        default:
          g_assert_not_reached ();
        }
      g_assert_cmpstr (label, ==, expected);
    }
}

static void
test_labels (void)
{
  g_autoptr(GolanesDocument) document = load_document ("go1.26", "chansel.trace");
  g_autoptr(GolanesDocument) annotations = load_document ("go1.26", "annotations.trace");
  g_autoptr(GolanesTimelineLayout) layout = golanes_timeline_layout_new (document);
  g_autoptr(GolanesTimelineLayout) tasks = golanes_timeline_layout_new (annotations);
  GolanesTimeline *tl = golanes_document_get_timeline (document);
  /* g_format_size() puts a no-break space before the unit. */
  const char *first[] = {
    "GC", "Heap (4.2\u00a0MB)", "Goroutines (10)", "▾ Procs (2)", "P1", "P0", "▸ Threads (3)",
    "▾ main.main (1)", "G1 main.main",
  };
  guint n_lanes = golanes_timeline_layout_get_n_lanes (layout);
  g_autofree char *last = golanes_timeline_layout_dup_lane_label (layout, n_lanes - 1);
  gboolean has_task = FALSE;
  gboolean has_region = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    {
      g_autofree char *label = golanes_timeline_layout_dup_lane_label (layout, i);

      g_assert_cmpstr (label, ==, first[i]);
    }
  g_assert_cmpstr (last, ==, "▸ Runtime goroutines (6)");
  check_labels (layout, tl);

  /* Expanded, collapsed headers turn their triangle. */
  for (guint g = 0; g < golanes_timeline_layout_get_n_groups (layout); g++)
    golanes_timeline_layout_set_group_collapsed (layout, g, FALSE);
  {
    g_autofree char *threads = golanes_timeline_layout_dup_lane_label (layout, 6);

    g_assert_cmpstr (threads, ==, "▾ Threads (3)");
  }
  check_labels (layout, tl);

  /* Task rows and region levels. */
  for (guint g = 0; g < golanes_timeline_layout_get_n_groups (tasks); g++)
    golanes_timeline_layout_set_group_collapsed (tasks, g, FALSE);
  for (guint i = 0; i < golanes_timeline_layout_get_n_lanes (tasks); i++)
    {
      GolanesLane lane = golanes_timeline_layout_get_lane (tasks, i);
      g_autofree char *label = golanes_timeline_layout_dup_lane_label (tasks, i);

      if (lane.kind == GOLANES_LANE_TASK && lane.index == 0)
        {
          g_assert_cmpstr (label, ==, "Tasks 1");
          has_task = TRUE;
        }
      if (lane.kind == GOLANES_LANE_REGION && lane.level == 0)
        {
          g_assert_cmpstr (label, ==, "regions 1");
          has_region = TRUE;
        }
    }
  g_assert_true (has_task);
  g_assert_true (has_region);
  check_labels (tasks, golanes_document_get_timeline (annotations));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline-layout/fixtures", test_fixtures);
  g_test_add_func ("/timeline-layout/chansel", test_chansel);
  g_test_add_func ("/timeline-layout/tasks-and-regions", test_tasks_and_regions);
  g_test_add_func ("/timeline-layout/collapse", test_collapse);
  g_test_add_func ("/timeline-layout/find-lane", test_find_lane);
  g_test_add_func ("/timeline-layout/reveal", test_reveal);
  g_test_add_func ("/timeline-layout/big-group", test_big_group);
  g_test_add_func ("/timeline-layout/labels", test_labels);

  return g_test_run ();
}
