/* test-allocator.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The allocator's two settings (base/golanes-memory.h): while a load or an
 * analysis runs, a big block freed goes back to the system at once; once
 * none runs, a block of a window's size freed is kept for the next frame
 * to reuse instead of being mapped and faulted in afresh. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#if defined (__GLIBC__)
#include <malloc.h>
#endif

#include "golanes-memory.h"
#include "under-asan.h"


/* A 1920x1080 window's frame, 4 bytes a pixel. */
#define FRAME_BYTES ((gsize) 1920 * 1080 * 4)

#if defined (__GLIBC__)
/* Bytes in mappings of their own, and bytes free but kept in the arenas. */
static gsize
mapped_bytes (void)
{
  return mallinfo2 ().hblkhd;
}

static gsize
kept_bytes (void)
{
  return mallinfo2 ().fordblks;
}

/* A frame drawn and freed, as the toolkit does: returns whether it had a
 * mapping of its own. */
static gboolean
draw_frame (void)
{
  gsize before = mapped_bytes ();
  char *frame = calloc (1, FRAME_BYTES);
  gboolean own = mapped_bytes () >= before + FRAME_BYTES;

  g_assert_nonnull (frame);
  memset (frame, 0x55, FRAME_BYTES);
  free (frame);
  return own;
}
#endif

static void
test_work_and_idle (void)
{
#if !defined (__GLIBC__) || !defined (HAVE_MALLOPT)
  g_test_skip ("not glibc's allocator");
#else
  if (UNDER_ASAN || g_getenv ("LD_PRELOAD") != NULL || g_getenv ("VALGRIND_LIB") != NULL)
    {
      g_test_skip ("another allocator stands in for glibc's");
      return;
    }

  golanes_tune_allocator ();

  /* Loading (twice over: a load and an analysis): each frame is mapped
   * afresh and given back. */
  golanes_allocator_work_begin ();
  golanes_allocator_work_begin ();
  g_assert_true (draw_frame ());
  golanes_allocator_work_end ();
  g_assert_true (draw_frame ());
  g_assert_cmpuint (kept_bytes (), <, FRAME_BYTES);

  /* Idle: the frame comes from the arena and stays there for the next. */
  golanes_allocator_work_end ();
  g_assert_false (draw_frame ());
  g_assert_cmpuint (kept_bytes (), >=, FRAME_BYTES);
  g_assert_false (draw_frame ());

  /* Loading again: what was kept goes back. */
  golanes_allocator_work_begin ();
  g_assert_cmpuint (kept_bytes (), <, FRAME_BYTES);
  g_assert_true (draw_frame ());
  golanes_allocator_work_end ();
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/allocator/work-and-idle", test_work_and_idle);

  return g_test_run ();
}
