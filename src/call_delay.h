/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The delays a call felt (RFC 6076, "Basic Telephony SIP End-to-End Performance Metrics"):
 * Session Request Delay (SRD, §4.3) and Session Disconnect Delay (SDD, §4.4), and how the
 * call's setup ended, measured where the capture first shows the call and built on the first
 * pass only. Everything looks backwards: a value is known on the response that ends it, which
 * says so in its record; the value is kept, set once, in the state it ends, so one pass and two
 * passes show the same.
 *
 * SRD = time of the status-indicative response - time of the INVITE (§4.3), from the first copy
 * of the call's first INVITE (not its retransmissions):
 *   - successful setup SRD (§4.3.1): ended by the first provisional other than 100 or, without
 *     one, by a 2xx;
 *   - failed setup SRD (§4.3.2): ended by a failure (4xx, 5xx, 6xx) that came before any such
 *     provisional. 401 and 407 are challenges, not failures: the client's retry with credentials
 *     continues the same session request (§5.3: authentication is part of the delays), and so
 *     does its new INVITE after a 3xx redirection. The two kinds are never mixed (§4.3).
 * The setup outcome is said on the final response that ends the setup: answered (2xx), failed
 * (4xx-6xx other than a challenge), or cancelled (a 487 after the caller's CANCEL).
 *
 * SDD = time of the 2xx or of the failure - time of the BYE (§4.4), from the BYE's first copy
 * to its final response: successful with a 2xx, failed with anything else (408 after the
 * retransmissions timed out, 481 for a dialog the far end no longer knows, ...). A challenge
 * (401/407) is recoverable, not an end: the client's BYE with credentials continues it. A BYE
 * that never gets a final response has no SDD (there is no response to show it on).
 *
 * Which hop. The first hop of a call is the client that sent its first INVITE as the capture
 * shows it: its INVITEs without a To tag are measured, those of the same Call-ID sent by anyone
 * else (a proxy forwarding it on the next hop) are not. A BYE is measured where the capture
 * first shows it: the same BYE (CSeq, From and To) relayed on a later hop is not measured
 * again. A call is a Call-ID: a B2BUA's two legs are two calls, never tied to each other.
 * Calls are found by a keyed hash of the Call-ID and compared in full: two Call-IDs whose hashes
 * are equal are two calls (a wrong link is worse than none). Only INVITEs that open a new
 * transaction without a To tag, BYEs that open one, and the responses of the transactions
 * measured cost anything: a measured transaction holds the number of its session request or
 * disconnect (struct sa_txn's delay_id), found again without any hashing. */
#ifndef SA_CALL_DELAY_H
#define SA_CALL_DELAY_H

#include "arena.h"
#include "chunk_array.h"
#include "hash_table.h"
#include "sip_message.h"
#include "siphash.h"

enum sa_delay_flags {
    SA_DELAY_SRD = 1u << 0,        /* srd_ns: the session request delay this response ends */
    SA_DELAY_SRD_FAILED = 1u << 1, /* ... of a failed setup (§4.3.2); without it, successful (§4.3.1) */
    SA_DELAY_SETUP = 1u << 2,      /* setup: this final response ends the call's setup */
    SA_DELAY_SDD = 1u << 3,        /* sdd_ns: the session disconnect delay this response ends */
    SA_DELAY_SDD_FAILED = 1u << 4, /* ... ended by a failure, not a 2xx */
};

enum sa_setup_outcome {
    SA_SETUP_NONE = 0,
    SA_SETUP_ANSWERED,  /* 2xx */
    SA_SETUP_FAILED,    /* 4xx-6xx other than a challenge or a cancelled 487 */
    SA_SETUP_CANCELLED, /* 487 after the caller's CANCEL */
};

/* What one response ends (SA_REC_CALL_DELAY): the record keeps the flags, the call's state the
 * values (sa_call_delays_result). */
struct sa_call_delay {
    uint32_t flags;        /* enum sa_delay_flags */
    uint32_t invite_frame; /* SRD or setup: the INVITE the session request started with */
    uint32_t bye_frame;    /* SDD: the BYE's first copy */
    uint8_t setup;         /* enum sa_setup_outcome, with SA_DELAY_SETUP */
    int64_t srd_ns;        /* with SA_DELAY_SRD */
    int64_t sdd_ns;        /* with SA_DELAY_SDD */
};

/* What a response to an INVITE of an open session request does to its SRD. */
enum sa_srd_end {
    SA_SRD_GOES_ON = 0, /* 100, 3xx, 401/407 (and codes outside 100-699) */
    SA_SRD_SUCCESSFUL,  /* 101-199, 2xx */
    SA_SRD_FAILED,      /* 4xx-6xx other than 401/407 */
};
enum sa_srd_end sa_srd_end_of(unsigned code);

/* The setup outcome of a final response to an INVITE of an open session request (NONE: the
 * setup goes on: provisional, 3xx, challenge). cancelled: the caller's CANCEL came before. */
enum sa_setup_outcome sa_setup_outcome_of(unsigned code, bool cancelled);

/* What a response to a BYE does to its SDD. */
enum sa_sdd_end {
    SA_SDD_GOES_ON = 0,   /* provisional (and codes outside 100-699) */
    SA_SDD_RECOVERABLE,   /* 401/407: the BYE with credentials continues it */
    SA_SDD_SUCCESSFUL,    /* 2xx */
    SA_SDD_FAILED,        /* 3xx-6xx other than a challenge */
};
enum sa_sdd_end sa_sdd_end_of(unsigned code);

/* The calls of a capture and what is measured. The calls table is initialised by the owner
 * (sa_hash_table_init); calls come from the arena. A measured transaction keeps one number for
 * its state: its session request's number times two, or its disconnect's times two plus one. */
struct sa_call_delays {
    struct sa_hash_table calls; /* keyed hash of a Call-ID -> its calls (chained, compared in full) */
    struct sa_chunk_array requests, disconnects; /* numbered from 1 in the order they start */
    struct sa_arena *arena;
    const struct sa_hash_key *key;
};

void sa_call_delays_bind(struct sa_call_delays *cd, const struct sa_allocator *alloc, struct sa_arena *arena,
                         const struct sa_hash_key *key);

/* An INVITE that opens a new transaction, first copy at ts_ns (SA_TIME_UNKNOWN allowed) in frame,
 * sent by client. Returns what the transaction measures (its session request's id: the number
 * times two, kept by the caller for its responses) or 0: only an INVITE without a To tag sent by
 * the call's first client is measured. */
uint32_t sa_call_delays_invite(struct sa_call_delays *cd, const struct sa_message *msg, uint32_t frame, int64_t ts_ns,
                               const struct sa_endpoint *client);

/* A BYE that opens a new transaction: its disconnect's id (the number times two, plus one), or 0
 * when it is not measured (not
 * the first hop the capture shows for it; the client's retry with credentials after a challenge
 * of it carries the first BYE's disconnect on). */
uint32_t sa_call_delays_bye(struct sa_call_delays *cd, const struct sa_message *msg, uint32_t frame, int64_t ts_ns,
                            const struct sa_endpoint *client);

/* A response (not a retransmission) with a valid code (100-699) of a transaction that measures
 * `id` (from the two above): what it ends (enum sa_delay_flags, 0 for nothing). The values are
 * kept in the state, each set once, for sa_call_delays_result. cancelled: the caller's CANCEL of
 * this INVITE came before. */
uint8_t sa_call_delays_response(struct sa_call_delays *cd, uint32_t id, unsigned code, bool cancelled, int64_t ts_ns);

/* What a response ended (`ends`, as sa_call_delays_response returned it for transaction `id`),
 * with its values: on any later pass, they are those of its own time. */
void sa_call_delays_result(const struct sa_call_delays *cd, uint32_t id, uint8_t ends, struct sa_call_delay *out);

#endif
