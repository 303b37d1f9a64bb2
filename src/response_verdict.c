/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "response_verdict.h"

#include "text_buf.h"


static bool is_challenge(unsigned code)
{
    return code == 401 || code == 407;
}

enum sa_verdict sa_response_verdict(const struct sa_response_facts *f)
{
    unsigned code = f->code;
    if (code < 100 || code > 699)
        return SA_VERDICT_NONE;
    if (code < 200)
        return SA_VERDICT_PROGRESS;
    if (code < 300)
        return SA_VERDICT_SUCCESS;
    if (code < 400)
        return SA_VERDICT_REDIRECT;
    /* RFC 3261 §22.2-22.3: a retry answered by 403 means the credentials were refused; a
     * challenge never answered ends the call there. A retry answered by another challenge is a
     * challenge: a proxy's 407 followed by the callee's 401 is normal, and a nonce may be stale
     * (RFC 2617 §3.2.1); when it becomes a loop is the loop findings' call (auth.loop,
     * auth.loop_limit, after the challenge_loop_limit preference). */
    if (f->challenged_retry && code == 403)
        return SA_VERDICT_CHALLENGE_FAILED;
    if (is_challenge(code))
        return f->never_retried ? SA_VERDICT_CHALLENGE_FAILED : SA_VERDICT_CHALLENGE;
    if (code == 487 && f->cancel_frame)
        return SA_VERDICT_CANCELLED;
    return SA_VERDICT_FAILURE;
}

enum sa_severity sa_code_severity(unsigned code)
{
    struct sa_response_facts plain = { .code = code };
    enum sa_verdict v = sa_response_verdict(&plain);
    return v == SA_VERDICT_NONE ? SA_SEV_WARN : sa_finding_info(sa_verdict_finding(v))->severity;
}

enum sa_severity sa_verdict_class_bound(unsigned cls)
{
    switch (cls) {
    case 1:
    case 2:
        return SA_SEV_CHAT;
    case 3:
        return SA_SEV_NOTE;
    default:
        return SA_SEV_WARN;
    }
}

/* What a failure means, by its outcome (response_codes.h). */
static const char *failure_words(unsigned code)
{
    switch (sa_outcome_of(code)) {
    case SA_OUTCOME_DECLINED:
        return "declined by the callee";
    case SA_OUTCOME_TIMEOUT:
        return "no final answer came in time";
    case SA_OUTCOME_EXTENSION:
        return "option tags not agreed";
    case SA_OUTCOME_CANCELLED:
        return "request terminated, with no CANCEL for it on this hop";
    case SA_OUTCOME_SERVER_ERROR:
        return "server failure";
    case SA_OUTCOME_GLOBAL_FAILURE:
        return "global failure: no other destination will do better";
    case SA_OUTCOME_CHALLENGE: /* 494 Security Agreement Required */
        return "security agreement required";
    default:
        return "request rejected";
    }
}

size_t sa_verdict_text(enum sa_verdict v, const struct sa_response_facts *f, const struct sa_auth *auth,
                       const char *code_text, char *buf, size_t size)
{
    struct sa_text t;
    sa_text_init(&t, buf, size);
    sa_text_add(&t, code_text);
    sa_text_add(&t, ": ");
    switch (v) {
    case SA_VERDICT_PROGRESS:
        sa_text_add(&t, "in progress");
        break;
    case SA_VERDICT_SUCCESS:
        sa_text_add(&t, "success");
        break;
    case SA_VERDICT_REDIRECT:
        sa_text_add(&t, "redirection, the request should go to the Contact given");
        break;
    case SA_VERDICT_CHALLENGE:
        if (auth && auth->after_challenge)
            sa_text_addf(&t, "challenged again after the retry with credentials in frame %u (challenge in frame %u)",
                         (unsigned)auth->retry_of, (unsigned)auth->after_challenge);
        else
            sa_text_add(&t, "authentication challenge, normal if the retry with credentials succeeds");
        break;
    case SA_VERDICT_CANCELLED:
        sa_text_addf(&t, "cancelled by the caller's CANCEL in frame %u, as asked", (unsigned)f->cancel_frame);
        break;
    case SA_VERDICT_CHALLENGE_FAILED:
        if (auth && auth->after_challenge && f->code == 403)
            sa_text_addf(&t, "the retry with credentials in frame %u (after the challenge in frame %u) was "
                             "refused: wrong credentials or no permission",
                         (unsigned)auth->retry_of, (unsigned)auth->after_challenge);
        else if (auth && auth->after_challenge)
            sa_text_addf(&t, "challenged again after the retry with credentials in frame %u (challenge in "
                             "frame %u), and no retry with credentials followed in the capture",
                         (unsigned)auth->retry_of, (unsigned)auth->after_challenge);
        else
            sa_text_add(&t, "authentication challenge that no retry with credentials followed in the capture");
        break;
    case SA_VERDICT_FAILURE:
        sa_text_add(&t, failure_words(f->code));
        break;
    default:
        break;
    }
    return t.len;
}
