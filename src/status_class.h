/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Response classes (RFC 3261 §7.2, §21): the first digit of a status code in 100..699. */
#ifndef SA_STATUS_CLASS_H
#define SA_STATUS_CLASS_H

#include <stdbool.h>

enum sa_class {
    SA_CLASS_NONE = 0, /* not a valid status code */
    SA_CLASS_PROVISIONAL = 1,
    SA_CLASS_SUCCESS = 2,
    SA_CLASS_REDIRECTION = 3,
    SA_CLASS_CLIENT_FAILURE = 4,
    SA_CLASS_SERVER_FAILURE = 5,
    SA_CLASS_GLOBAL_FAILURE = 6,
};

enum sa_class sa_status_class(unsigned code);
/* "Provisional", "Success", ... ; NULL for SA_CLASS_NONE. */
const char *sa_class_name(enum sa_class cls);

#endif
