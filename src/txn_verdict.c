/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "txn_verdict.h"

#include <string.h>

#include "record_store.h"
#include "sa_time.h"

static void first_100(const struct sa_trying_input *in, const struct sa_trying_limits *lim,
                      struct sa_trying_verdict *out)
{
    const struct sa_txn *t = in->txn;
    int64_t dt;
    if (t->req_frame && sa_time_diff(in->now_ns, t->req_ts, &dt)) {
        out->flags |= SA_TRY_DELAY;
        out->delay_ns = dt;
        if (dt > lim->delay_ns)
            out->flags |= SA_TRY_LATE;
    }
    if (!in->revisit)
        return; /* what follows the 100 is not known yet in a single pass */
    if (t->next_frame) {
        if (sa_time_diff(t->next_ts, t->t100_ts, &dt)) {
            out->flags |= SA_TRY_ON100;
            out->on100_ns = dt;
            if (dt > lim->duration_ns)
                out->flags |= SA_TRY_LONG;
        }
    } else if (sa_time_diff(in->last_ns, t->t100_ts, &dt)) {
        out->flags |= SA_TRY_STUCK;
        out->on100_ns = dt;
    }
}

static void after_100(const struct sa_trying_input *in, const struct sa_trying_limits *lim,
                      struct sa_trying_verdict *out)
{
    const struct sa_txn *t = in->txn;
    int64_t dt;
    if (sa_time_diff(in->now_ns, t->t100_ts, &dt)) {
        out->flags |= SA_TRY_ON100;
        out->on100_ns = dt;
        if (dt > lim->duration_ns)
            out->flags |= SA_TRY_LONG;
    }
    if (in->code == 408)
        out->flags |= SA_TRY_ENDED_408;
    else if (in->code == 487 && t->cancel_frame)
        out->flags |= SA_TRY_ENDED_487;
}

static void no_100(const struct sa_trying_input *in, const struct sa_trying_limits *lim,
                   struct sa_trying_verdict *out)
{
    int64_t dt;
    if (sa_time_diff(in->now_ns, in->txn->req_ts, &dt)) {
        out->flags |= SA_TRY_FIRST_TIME;
        out->delay_ns = dt;
        if (dt > lim->delay_ns)
            out->flags |= SA_TRY_ABSENT;
    }
}

void sa_trying_verdict(const struct sa_trying_input *in, const struct sa_trying_limits *lim,
                       struct sa_trying_verdict *out)
{
    memset(out, 0, sizeof *out);
    if (!in->txn || (in->record_flags & SA_REC_RETRANS))
        return;
    if (in->record_flags & SA_REC_FIRST_100) {
        out->role = SA_TRYING_FIRST_100;
        first_100(in, lim, out);
    } else if (in->record_flags & SA_REC_AFTER_100) {
        out->role = SA_TRYING_AFTER_100;
        after_100(in, lim, out);
    } else if (in->record_flags & SA_REC_NO_100) {
        out->role = SA_TRYING_NO_100;
        no_100(in, lim, out);
    }
}
