# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/hm-auth.pcapng with tshark -2 (see captures/handmade.md or
captures/README.md for the frames). Reviewed by hand against the capture notes."""

EXPECTED = {2: [{'experts': [('sip.analysis.response.challenge',
                   '401 Unauthorized: authentication challenge, normal if the retry with credentials '
                   'succeeds',
                   'Note')],
      'sip.analysis.auth.challenge_count': ['1'],
      'sip.analysis.class': ['4'],
      'sip.analysis.code.action': ['Normal if the retry succeeds. Repeated 401s mean wrong credentials, '
                                   'username or realm, or a nonce problem.'],
      'sip.analysis.code.meaning': ['The UAS or registrar requires user authentication; WWW-Authenticate '
                                    'carries the digest challenge (realm, nonce).'],
      'sip.analysis.code.rfc': ['RFC3261 §21.4.2'],
      'sip.analysis.code.seen_when': ['The first REGISTER or INVITE of a digest exchange; normal when a '
                                      'request with Authorization follows.'],
      'sip.analysis.outcome': ['4'],
      'sip.analysis.request_frame': ['1'],
      'sip.analysis.response_time': ['0.020000000']}],
 4: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
      'sip.analysis.class': ['2'],
      'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                   'means the ACK is lost (routing, NAT, Contact).'],
      'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and carries '
                                    'the SDP answer (or the offer).'],
      'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
      'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
      'sip.analysis.outcome': ['2'],
      'sip.analysis.request_frame': ['3'],
      'sip.analysis.response_time': ['0.020000000']}],
 6: [{'experts': [('sip.analysis.response.challenge',
                   '407 Proxy Authentication Required: authentication challenge, normal if the retry with '
                   'credentials succeeds',
                   'Note')],
      'sip.analysis.auth.challenge_count': ['1'],
      'sip.analysis.class': ['4'],
      'sip.analysis.code.action': ['Normal if the retry (a new transaction, CSeq+1) succeeds; repeated 407s '
                                   'mean wrong credentials or realm.'],
      'sip.analysis.code.meaning': ['Like 401, but a proxy requires authentication; Proxy-Authenticate '
                                    'carries the challenge.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.4.8'],
      'sip.analysis.code.seen_when': ["The first INVITE to a provider's proxy; normal when a request with "
                                      'Proxy-Authorization follows.'],
      'sip.analysis.outcome': ['4'],
      'sip.analysis.request_frame': ['5'],
      'sip.analysis.response_time': ['0.015000000']}],
 9: [{'experts': [('sip.analysis.response.challenge',
                   '407 Proxy Authentication Required: challenged again after the retry with credentials in '
                   'frame 8 (challenge in frame 6)',
                   'Note'),
                  ('sip.analysis.auth.loop',
                   'Challenged again: challenge 2 in a row, the first in frame 6 (limit 2); normal when '
                   "another realm asks too (a proxy's 407, then the callee's 401) or the nonce was stale",
                   'Note')],
      'sip.analysis.auth.challenge_count': ['2'],
      'sip.analysis.auth.first_challenge': ['6'],
      'sip.analysis.class': ['4'],
      'sip.analysis.code.action': ['Normal if the retry (a new transaction, CSeq+1) succeeds; repeated 407s '
                                   'mean wrong credentials or realm.'],
      'sip.analysis.code.meaning': ['Like 401, but a proxy requires authentication; Proxy-Authenticate '
                                    'carries the challenge.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.4.8'],
      'sip.analysis.code.seen_when': ["The first INVITE to a provider's proxy; normal when a request with "
                                      'Proxy-Authorization follows.'],
      'sip.analysis.outcome': ['4'],
      'sip.analysis.request_frame': ['8'],
      'sip.analysis.response_time': ['0.015000000']}],
 12: [{'experts': [('sip.analysis.response.challenge_failed',
                    '403 Forbidden: the retry with credentials in frame 11 (after the challenge in frame 9) '
                    'was refused: wrong credentials or no permission',
                    'Warning'),
                   ('sip.analysis.auth.loop',
                    'Refused after 2 challenges in a row, the first in frame 6: the retries with credentials '
                    'never passed',
                    'Note')],
       'sip.analysis.auth.challenge_count': ['2'],
       'sip.analysis.auth.first_challenge': ['6'],
       'sip.analysis.class': ['4'],
       'sip.analysis.code.action': ['Do not retry as is. Check account permissions, trunk IP ACLs, caller-ID '
                                    'rules and the reason phrase or Warning.'],
       'sip.analysis.code.meaning': ['The server understood the request but refuses to fulfil it; '
                                     'authorization will not help and the request should not be repeated.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.4.4'],
       'sip.analysis.code.seen_when': ['Wrong credentials after a challenge, barred destinations, source IP '
                                       'not allowed on the trunk, fraud or caller-ID policies.'],
       'sip.analysis.delay.invite_frame': ['5'],
       'sip.analysis.delay.setup': ['2'],
       'sip.analysis.delay.srd': ['0.115000000'],
       'sip.analysis.delay.srd_failed': ['1'],
       'sip.analysis.outcome': ['9'],
       'sip.analysis.request_frame': ['11'],
       'sip.analysis.response_time': ['0.015000000']}],
 15: [{'experts': [('sip.analysis.response.challenge_failed',
                    '401 Unauthorized: authentication challenge that no retry with credentials followed in '
                    'the capture',
                    'Warning')],
       'sip.analysis.auth.challenge_count': ['1'],
       'sip.analysis.class': ['4'],
       'sip.analysis.code.action': ['Normal if the retry succeeds. Repeated 401s mean wrong credentials, '
                                    'username or realm, or a nonce problem.'],
       'sip.analysis.code.meaning': ['The UAS or registrar requires user authentication; WWW-Authenticate '
                                     'carries the digest challenge (realm, nonce).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.4.2'],
       'sip.analysis.code.seen_when': ['The first REGISTER or INVITE of a digest exchange; normal when a '
                                       'request with Authorization follows.'],
       'sip.analysis.outcome': ['4'],
       'sip.analysis.request_frame': ['14'],
       'sip.analysis.response_time': ['0.020000000']}],
 17: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat')],
       'sip.analysis.class': ['1'],
       'sip.analysis.code.action': ['Nothing, unless it stays on 100 for long: then check connectivity and '
                                    'the proxy.'],
       'sip.analysis.code.meaning': ['The next hop received the request and is working on it; more responses '
                                     'will follow.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.1.1'],
       'sip.analysis.code.seen_when': ['Right after an INVITE, while the proxy looks for the callee. It is '
                                       'hop-by-hop: each stateful proxy sends its own.'],
       'sip.analysis.outcome': ['1'],
       'sip.analysis.request_frame': ['16'],
       'sip.analysis.response_time': ['0.010000000'],
       'sip.analysis.trying.delay': ['0.010000000'],
       'sip.analysis.trying.duration': ['2.002000000'],
       'sip.analysis.trying.next_frame': ['20'],
       'sip.analysis.trying.retransmissions': ['0']}],
 19: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['18'],
       'sip.analysis.response_time': ['0.010000000']}],
 20: [{'experts': [('sip.analysis.response.cancelled',
                    "487 Request Terminated: cancelled by the caller's CANCEL in frame 18, as asked",
                    'Note')],
       'sip.analysis.class': ['4'],
       'sip.analysis.code.action': ['Normally nothing. If calls are cancelled unexpectedly, find who sent '
                                    'the CANCEL and why (Reason header, timers).'],
       'sip.analysis.code.meaning': ['The request was ended by a CANCEL (or BYE) before its final response. '
                                     'It is never the answer to the CANCEL itself.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.4.25'],
       'sip.analysis.code.seen_when': ['The caller hangs up while it rings; a forking proxy cancels the '
                                       'other branches once one branch answers.'],
       'sip.analysis.delay.invite_frame': ['16'],
       'sip.analysis.delay.setup': ['3'],
       'sip.analysis.delay.srd': ['2.012000000'],
       'sip.analysis.delay.srd_failed': ['1'],
       'sip.analysis.outcome': ['5'],
       'sip.analysis.request_frame': ['16'],
       'sip.analysis.response_time': ['2.012000000'],
       'sip.analysis.trying.duration': ['2.002000000'],
       'sip.analysis.trying.frame': ['17']}]}
