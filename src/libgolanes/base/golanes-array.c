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

#include "golanes-array-private.h"

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
          return q;
        }
      if (new_size < BIG_ARRAY)
        {
          q = g_malloc (MAX (new_size, 1));
          memcpy (q, mem, new_size);
          munmap (mem, page_round (old_size));
          return q;
        }
      if (page_round (new_size) == page_round (old_size))
        return mem;
      q = mremap (mem, page_round (old_size), page_round (new_size), MREMAP_MAYMOVE);
      if (q == MAP_FAILED)
        g_error ("out of memory (%" G_GSIZE_FORMAT " bytes)", new_size);
      if (new_size > old_size && new_size >= HUGE_PAGE)
        madvise (q, page_round (new_size), MADV_HUGEPAGE);
      return q;
    }
#endif
  return g_realloc (mem, new_size);
}

void
golanes_array_free (gpointer mem,
                    gsize    size)
{
#if defined(__linux__) && defined(MREMAP_MAYMOVE) && defined(MADV_HUGEPAGE)
  if (size >= BIG_ARRAY)
    {
      munmap (mem, page_round (size));
      return;
    }
#endif
  g_free (mem);
}
