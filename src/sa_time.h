/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Capture times in nanoseconds, with every step checked: a pcapng file can carry timestamps far
 * outside what int64 nanoseconds hold (if_tsresol of one second, a huge if_tsoffset), and such a
 * frame must get "time out of range", never a wrapped-around response time (issue 18). */
#ifndef SA_TIME_H
#define SA_TIME_H

#include <stdbool.h>
#include <stdint.h>

/* A time that could not be represented; no arithmetic is done with it. */
#define SA_TIME_UNKNOWN INT64_MIN

/* secs and nsecs as Wireshark's nstime_t holds them (nsecs normally 0..999 999 999). */
static inline int64_t sa_time_from_parts(int64_t secs, int64_t nsecs)
{
    int64_t ns;
    if (__builtin_mul_overflow(secs, (int64_t)1000000000, &ns) || __builtin_add_overflow(ns, nsecs, &ns) ||
        ns == SA_TIME_UNKNOWN)
        return SA_TIME_UNKNOWN;
    return ns;
}

/* *out = later - earlier; false when either is unknown or the difference does not fit. */
static inline bool sa_time_diff(int64_t later, int64_t earlier, int64_t *out)
{
    if (later == SA_TIME_UNKNOWN || earlier == SA_TIME_UNKNOWN)
        return false;
    return !__builtin_sub_overflow(later, earlier, out) && *out != SA_TIME_UNKNOWN;
}

#endif
