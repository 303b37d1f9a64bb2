/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "status_class.h"

#include <stddef.h>

enum sa_class sa_status_class(unsigned code)
{
    if (code < 100 || code > 699)
        return SA_CLASS_NONE;
    return (enum sa_class)(code / 100);
}

const char *sa_class_name(enum sa_class cls)
{
    static const char *const names[] = {
        NULL, "Provisional", "Success", "Redirection", "Client Failure", "Server Failure", "Global Failure",
    };
    return (cls >= SA_CLASS_PROVISIONAL && cls <= SA_CLASS_GLOBAL_FAILURE) ? names[cls] : NULL;
}
