/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ITU-T Q.850 cause values: what the "cause" of a "Reason: Q.850;cause=N" (RFC 3326, RFC 6432)
 * means. Names are those of Q.850 Table 1 (ASCII: its dashes written '-'); the meanings are
 * short plain-English readings for a VoIP engineer, not quotations of the Recommendation. */
#ifndef SA_Q850_CAUSES_H
#define SA_Q850_CAUSES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Q.850 codes a cause value in 7 bits, a 3-bit class then 4 bits: the class is value >> 4. */
enum sa_q850_class {
    SA_Q850_NORMAL_EVENT_0 = 0,          /* 0-15 */
    SA_Q850_NORMAL_EVENT_1 = 1,          /* 16-31 */
    SA_Q850_RESOURCE_UNAVAILABLE = 2,    /* 32-47 */
    SA_Q850_SERVICE_NOT_AVAILABLE = 3,   /* 48-63 */
    SA_Q850_SERVICE_NOT_IMPLEMENTED = 4, /* 64-79 */
    SA_Q850_INVALID_MESSAGE = 5,         /* 80-95 */
    SA_Q850_PROTOCOL_ERROR = 6,          /* 96-111 */
    SA_Q850_INTERWORKING = 7,            /* 112-127 */
};

struct sa_q850_cause {
    uint8_t value;
    uint8_t cls;          /* enum sa_q850_class */
    bool normal_clearing; /* 16, 17 and 31 only: see sa_q850_is_normal_clearing() */
    const char *name;     /* Q.850 Table 1, e.g. "Normal call clearing" */
    const char *meaning;  /* one plain sentence or two */
};

/* The defined cause, or NULL (0, undefined values, anything above 127). */
const struct sa_q850_cause *sa_q850_cause(unsigned value);
size_t sa_q850_cause_count(void);                       /* 71 */
const struct sa_q850_cause *sa_q850_cause_at(size_t i); /* ascending values; NULL past the end */

/* The class of any value 0..127, defined or not ("protocol error" for an undefined 104):
 * "normal event", "resource unavailable", "service or option not available", "service or
 * option not implemented", "invalid message", "protocol error", "interworking". NULL above 127. */
const char *sa_q850_class_name(unsigned value);

/* Whether the cause says the call ended, or was refused, by an ordinary act of a user rather
 * than by a fault: 16 Normal call clearing (a party hung up), 17 User busy (Q.850: the user's
 * equipment was compatible with the call; it was simply busy) and 31 Normal, unspecified (a
 * normal event no more specific cause fits). The other causes of the normal classes (18 and 19
 * no answer, 21 call rejected, 1 unallocated number, ...) are events Q.850 calls normal too,
 * but each explains why a call did not complete, which is what a reviewer looks for; so
 * "a failure whose cause is not normal clearing" keeps them. */
bool sa_q850_is_normal_clearing(unsigned value);

#endif
