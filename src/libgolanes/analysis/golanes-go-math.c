/* golanes-go-math.c
 *
 * Copyright 2026 The Golanes authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "golanes-go-math-private.h"

/* Go's math.Exp and math.Log as its amd64 assembly computes them.  The
 * MMU plot's window sizes come from them (golanes-mmu.c), and Go's
 * numbers depend on their last bit, which libm does not promise. */

static double
bits_to_double (guint64 bits)
{
  double d;

  memcpy (&d, &bits, sizeof d);
  return d;
}

static guint64
double_to_bits (double d)
{
  guint64 bits;

  memcpy (&bits, &d, sizeof bits);
  return bits;
}

/* Go's Exp takes its FMA path when the CPU has AVX and FMA.  The
 * environment variable GOLANES_GO_MATH=fma or =nofma picks a path instead,
 * to reproduce numbers Go computed on another machine. */
static gboolean
cpu_has_fma (void)
{
  static int cached = -1;

  if (cached < 0)
    {
      const char *env = g_getenv ("GOLANES_GO_MATH");

      if (env != NULL && strcmp (env, "fma") == 0)
        cached = 1;
      else if (env != NULL && strcmp (env, "nofma") == 0)
        cached = 0;
      else
        {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
          __builtin_cpu_init ();
          cached = __builtin_cpu_supports ("avx") && __builtin_cpu_supports ("fma");
#else
          cached = 0;
#endif
        }
    }
  return cached != 0;
}

/* x86 CVTSD2SI to 32 bits: round to nearest even, out of range gives
 * INT32_MIN. */
static gint32
cvtsd2sl (double x)
{
  double r = nearbyint (x);

  if (!(r >= -2147483648.0 && r <= 2147483647.0))
    return G_MININT32;
  return (gint32) r;
}

double
golanes_go_exp (double x)
{
  const double ln2u = 0.69314718055966295651160180568695068359375;
  const double ln2l = 0.28235290563031577122588448175013436025525412068e-12;
  const double log2e = 1.4426950408889634073599246810018920;
  const double overflow = 7.09782712893384e+02;
  const double c3 = 1.6666666666666666667e-1;
  const double c4 = 4.1666666666666666667e-2;
  const double c5 = 8.3333333333333333333e-3;
  const double c6 = 1.3888888888888888889e-3;
  const double c7 = 1.9841269841269841270e-4;
  const double c8 = 2.4801587301587301587e-5;
  guint64 bits = double_to_bits (x);
  guint64 abs_bits = bits & ~(G_GUINT64_CONSTANT (1) << 63);
  gint32 e;
  double k, r, p;

  if (abs_bits >= G_GUINT64_CONSTANT (0x7FF0000000000000))
    {
      if (bits == G_GUINT64_CONSTANT (0xFFF0000000000000))
        return 0.0;
      return x;
    }
  if (x > overflow)
    return INFINITY;

  e = cvtsd2sl (log2e * x);
  k = (double) e;
  if (cpu_has_fma ())
    {
      r = fma (-k, ln2u, x);
      r = fma (-k, ln2l, r);
      r = r * 0.0625;
      p = c8;
      p = fma (p, r, c7);
      p = fma (p, r, c6);
      p = fma (p, r, c5);
      p = fma (p, r, c4);
      p = fma (p, r, c3);
      p = fma (p, r, 0.5);
      p = fma (p, r, 1.0);
      r = r * p;
      r = r * (r + 2.0);
      r = r * (r + 2.0);
      r = r * (r + 2.0);
      r = fma (r, r + 2.0, 1.0);
    }
  else
    {
      volatile double t;

      t = k * ln2u;
      r = x - t;
      t = k * ln2l;
      r = r - t;
      r = r * 0.0625;
      p = c8 * r;
      p = (p + c7) * r;
      p = (p + c6) * r;
      p = (p + c5) * r;
      p = (p + c4) * r;
      p = (p + c3) * r;
      p = (p + 0.5) * r;
      p = p + 1.0;
      r = r * p;
      r = r * (r + 2.0);
      r = r * (r + 2.0);
      r = r * (r + 2.0);
      r = r * (r + 2.0);
      r = r + 1.0;
    }

  /* Scale by 2^e, flushing like the reference does. */
  {
    gint64 biased = (gint64) e + 0x3FF;

    if (biased <= 0)
      {
        if (biased < -52)
          return 0.0;
        r = r * bits_to_double ((guint64) (biased + 0x3FE) << 52);
        return r * bits_to_double (G_GUINT64_CONSTANT (1) << 52);
      }
    if (biased >= 0x7FF)
      return INFINITY;
    return r * bits_to_double ((guint64) biased << 52);
  }
}

double
golanes_go_log (double x)
{
  const double hsqrt2 = 7.07106781186547524401e-01;
  const double ln2hi = 6.93147180369123816490e-01;
  const double ln2lo = 1.90821492927058770002e-10;
  const double l1 = 6.666666666666735130e-01;
  const double l2 = 3.999999999940941908e-01;
  const double l3 = 2.857142874366239149e-01;
  const double l4 = 2.222219843214978396e-01;
  const double l5 = 1.818357216161805012e-01;
  const double l6 = 1.531383769920937332e-01;
  const double l7 = 1.479819860511658591e-01;
  guint64 bits = double_to_bits (x);
  double f1, k, f, s, s2, s4, t1, t2, rr, hfsq, a;
  volatile double v;

  if ((bits & ~(G_GUINT64_CONSTANT (1) << 63)) == 0)
    return -INFINITY;
  if ((gint64) bits < 0)
    return NAN;
  if (bits >= G_GUINT64_CONSTANT (0x7FF0000000000000))
    return x;

  f1 = bits_to_double ((bits & G_GUINT64_CONSTANT (0x000FFFFFFFFFFFFF)) |
                       G_GUINT64_CONSTANT (0x3FE0000000000000));
  k = (double) ((int) ((bits >> 52) & 0x7FF) - 0x3FE);
  if (f1 <= hsqrt2)
    {
      k = k - 1.0;
      f1 = f1 * 2.0;
    }
  f = f1 - 1.0;
  s = f / (2.0 + f);
  s2 = s * s;
  s4 = s2 * s2;
  v = l7 * s4;
  t1 = v;
  t1 = (t1 + l5) * s4;
  t1 = (t1 + l3) * s4;
  t1 = s2 * (t1 + l1);
  v = l6 * s4;
  t2 = v;
  t2 = (t2 + l4) * s4;
  t2 = s4 * (t2 + l2);
  rr = t1 + t2;
  hfsq = 0.5 * f;
  hfsq = hfsq * f;
  v = s * (hfsq + rr);
  a = v;
  v = k * ln2lo;
  a = a + v;
  a = (hfsq - a) - f;
  v = k * ln2hi;
  return v - a;
}
