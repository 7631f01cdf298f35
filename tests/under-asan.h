/* under-asan.h
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * UNDER_ASAN: 1 when built with AddressSanitizer, whose allocator stands
 * in for the C library's (freed memory waits in its quarantine), so tests
 * of resident memory or of glibc's malloc settings say nothing there.
 */

#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif
