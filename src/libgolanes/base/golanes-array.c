/* golanes-array.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE   /* mremap */
#endif

#include "config.h"

#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

#if defined (HAVE_MALLOPT) || defined (HAVE_MALLOC_TRIM)
#include <malloc.h>
#endif

#include "golanes-array-private.h"
#include "golanes-memory.h"

/* Arrays from BIG_ARRAY up get a mapping of their own, grown and trimmed
 * with mremap instead of copied.  Not much lower: each mapping counts
 * against the kernel's limit per process (vm.max_map_count, 65530 by
 * default), and a big trace can have that many busy goroutines. */
#define BIG_ARRAY (64u << 10)
#define HUGE_PAGE (2u << 20)     /* ask for huge pages from here */

#if defined(__linux__) && defined(MREMAP_MAYMOVE) && defined(MADV_HUGEPAGE)
static gsize
page_round (gsize size)
{
  return (size + 4095) & ~(gsize) 4095;
}
#endif

/* Bytes in mappings of their own, in this process (for tests). */
static gint64 mapped_bytes;

gint64
_golanes_array_get_mapped_bytes (void)
{
  return __atomic_load_n (&mapped_bytes, __ATOMIC_RELAXED);
}

static inline void
count_mapped (gsize old_size,
              gsize new_size)
{
  __atomic_add_fetch (&mapped_bytes, (gint64) new_size - (gint64) old_size, __ATOMIC_RELAXED);
}

gpointer
golanes_array_resize (gpointer mem,
                      gsize    old_size,
                      gsize    new_size)
{
#if defined(__linux__) && defined(MREMAP_MAYMOVE) && defined(MADV_HUGEPAGE)
  if (new_size >= BIG_ARRAY || old_size >= BIG_ARRAY)
    {
      gpointer q;

      if (old_size < BIG_ARRAY)
        {
          q = mmap (NULL, page_round (new_size), PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
          if (q == MAP_FAILED)
            g_error ("out of memory (%" G_GSIZE_FORMAT " bytes)", new_size);
          if (new_size >= HUGE_PAGE)
            madvise (q, page_round (new_size), MADV_HUGEPAGE);
          if (old_size > 0)
            memcpy (q, mem, old_size);
          g_free (mem);
          count_mapped (0, page_round (new_size));
          return q;
        }
      if (new_size < BIG_ARRAY)
        {
          q = g_malloc (MAX (new_size, 1));
          memcpy (q, mem, new_size);
          munmap (mem, page_round (old_size));
          count_mapped (page_round (old_size), 0);
          return q;
        }
      if (page_round (new_size) == page_round (old_size))
        return mem;
      q = mremap (mem, page_round (old_size), page_round (new_size), MREMAP_MAYMOVE);
      if (q == MAP_FAILED)
        g_error ("out of memory (%" G_GSIZE_FORMAT " bytes)", new_size);
      if (new_size > old_size && new_size >= HUGE_PAGE)
        madvise (q, page_round (new_size), MADV_HUGEPAGE);
      count_mapped (page_round (old_size), page_round (new_size));
      return q;
    }
#endif
  return g_realloc (mem, new_size);
}

gpointer
golanes_array_resize0 (gpointer mem,
                       gsize    old_size,
                       gsize    new_size)
{
  gpointer q = golanes_array_resize (mem, old_size, new_size);

#if defined(__linux__) && defined(MREMAP_MAYMOVE) && defined(MADV_HUGEPAGE)
  if (new_size >= BIG_ARRAY)
    {
      /* mremap() gives fresh zero pages, and so does a first mapping, past
       * what was copied; only the page the old end shares may be dirty. */
      if (new_size > old_size && old_size >= BIG_ARRAY)
        memset ((guint8 *) q + old_size, 0, MIN (page_round (old_size), new_size) - old_size);
      return q;
    }
#endif
  if (new_size > old_size)
    memset ((guint8 *) q + old_size, 0, new_size - old_size);
  return q;
}

void
golanes_array_free (gpointer mem,
                    gsize    size)
{
#if defined(__linux__) && defined(MREMAP_MAYMOVE) && defined(MADV_HUGEPAGE)
  if (size >= BIG_ARRAY)
    {
      munmap (mem, page_round (size));
      count_mapped (page_round (size), 0);
      return;
    }
#endif
  g_free (mem);
}

/* While loading: glibc's default mmap threshold, and a fixed trim
 * threshold (see golanes_tune_allocator()). */
#define TIGHT_MMAP_THRESHOLD (128 << 10)
#define TIGHT_TRIM_THRESHOLD (1 << 20)

void
golanes_tune_allocator (void)
{
#ifdef HAVE_MALLOPT
  /* glibc raises its trim threshold to twice the largest block it ever
   * mapped and freed (up to 64 MiB), and never trims the arenas of other
   * threads below that: after a trace with a few big blocks, tens of MB
   * freed by the loading threads stayed resident for good.  A fixed
   * threshold (which also fixes the mmap threshold at its 128 KiB default)
   * gives them back. */
  mallopt (M_TRIM_THRESHOLD, TIGHT_TRIM_THRESHOLD);
#endif
}

static guint allocator_work;

void
golanes_allocator_work_begin (void)
{
  if (allocator_work++ > 0)
    return;
#ifdef HAVE_MALLOPT
  mallopt (M_MMAP_THRESHOLD, TIGHT_MMAP_THRESHOLD);
  mallopt (M_TRIM_THRESHOLD, TIGHT_TRIM_THRESHOLD);
#endif
#ifdef HAVE_MALLOC_TRIM
  /* What was kept for frames goes back before a load grows. */
  malloc_trim (0);
#endif
}

void
golanes_allocator_work_end (void)
{
  g_return_if_fail (allocator_work > 0);

  if (--allocator_work > 0)
    return;
#ifdef HAVE_MALLOC_TRIM
  malloc_trim (0);
#endif
#ifdef HAVE_MALLOPT
  /* glibc's largest mmap threshold; a window of 1920x1080 draws into
   * 8 MB, at scale 2 into 33 MB, which is then mapped each frame still. */
  mallopt (M_MMAP_THRESHOLD, 32 << 20);
  mallopt (M_TRIM_THRESHOLD, 64 << 20);
#endif
}
