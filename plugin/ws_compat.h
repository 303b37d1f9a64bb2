/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Every difference between the Wireshark versions we build against lives here. */
#ifndef SA_WS_COMPAT_H
#define SA_WS_COMPAT_H

#include <ws_version.h>

#define SA_WS_VER_GE(maj, min) \
    (WIRESHARK_VERSION_MAJOR > (maj) || (WIRESHARK_VERSION_MAJOR == (maj) && WIRESHARK_VERSION_MINOR >= (min)))

#endif
