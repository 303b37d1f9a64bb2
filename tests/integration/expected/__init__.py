# SPDX-License-Identifier: GPL-2.0-or-later
"""Expected annotations per capture, and what of them a single pass can know."""

# Facts about what follows a message: only known once the whole capture was read (tshark -2, GUI).
FORWARD_FIELDS_ON_FIRST_100 = ("sip.analysis.trying.duration", "sip.analysis.trying.next_frame",
                               "sip.analysis.trying.open")
FORWARD_EXPERTS_ON_FIRST_100 = ("sip.analysis.trying.long", "sip.analysis.trying.stuck")
# The retry after a 420/421 or a 422, and the ICMP error that reports a message undeliverable,
# come after it.
FORWARD_FIELDS = ("sip.analysis.ext.retry_frame", "sip.analysis.session.retry_frame", "sip.analysis.icmp.frame")
FORWARD_EXPERTS = ("sip.analysis.ext.not_retried", "sip.analysis.session.not_retried",
                   "sip.analysis.icmp.undeliverable")


NEVER_RETRIED = "authentication challenge that no retry with credentials followed in the capture"
CHALLENGE = "authentication challenge, normal if the retry with credentials succeeds"
# A challenge answering a retry with credentials that nothing retried in turn.
AGAIN_NEVER_RETRIED = ", and no retry with credentials followed in the capture"


def _one_pass_expert(e):
    """A challenge nothing retried is known only after the capture: in one pass it is a challenge."""
    name, text, severity = e
    if name == "sip.analysis.response.challenge_failed" and text.endswith(": " + NEVER_RETRIED):
        return ("sip.analysis.response.challenge", text[:-len(NEVER_RETRIED)] + CHALLENGE, "Note")
    if name == "sip.analysis.response.challenge_failed" and text.endswith(AGAIN_NEVER_RETRIED):
        return ("sip.analysis.response.challenge", text[:-len(AGAIN_NEVER_RETRIED)], "Note")
    return e


def one_pass_view(expected):
    """The -2 expectation minus what needs two passes."""
    out = {}
    for frame, msgs in expected.items():
        view = []
        for m in msgs:
            # a first 100 (its request may be missing: then it has no delay, only what followed)
            first_100 = any(k in m for k in ("sip.analysis.trying.delay", "sip.analysis.trying.next_frame",
                                             "sip.analysis.trying.open"))
            drop_fields = FORWARD_FIELDS + (FORWARD_FIELDS_ON_FIRST_100 if first_100 else ())
            drop_experts = FORWARD_EXPERTS + (FORWARD_EXPERTS_ON_FIRST_100 if first_100 else ())
            v = {k: val for k, val in m.items() if k not in drop_fields}
            v["experts"] = [_one_pass_expert(e) for e in m["experts"] if e[0] not in drop_experts]
            view.append(v)
        out[frame] = view
    return out
