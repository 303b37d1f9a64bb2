/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "field_refs.h"

int sa_field_refs_lo_ = 0;
guint sa_field_refs_count_ = 0;
header_field_info **sa_field_refs_ = NULL;

/* More ids than the plugin registers means the range holds someone else's: do not note it. */
#define MAX_NOTED 512

void sa_field_refs_init(int lo, int hi)
{
    g_free(sa_field_refs_);
    sa_field_refs_ = NULL;
    sa_field_refs_count_ = 0;
    if (lo <= 0 || hi < lo || hi - lo >= MAX_NOTED)
        return;
    guint n = (guint)(hi - lo) + 1;
    header_field_info **infos = g_new(header_field_info *, n);
    for (guint i = 0; i < n; i++) {
        infos[i] = proto_registrar_get_nth((guint)lo + i);
        if (!infos[i]) {
            g_free(infos);
            return;
        }
    }
    sa_field_refs_ = infos;
    sa_field_refs_lo_ = lo;
    sa_field_refs_count_ = n;
}
