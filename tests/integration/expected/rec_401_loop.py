# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/rec-401-loop.pcapng with tshark -2: one dict per SIP message of each
annotated frame (our fields, and our expert infos as (name, text, severity)). Reviewed by hand
against captures/ (see the capture notes); one-pass output is derived by dropping what needs -2."""

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
      'sip.analysis.response_time': ['0.000322100']}],
 4: [{'experts': [('sip.analysis.response.challenge',
                   '401 Unauthorized: challenged again after the retry with credentials in frame 3 '
                   '(challenge in frame 2)',
                   'Note'),
                  ('sip.analysis.auth.loop',
                   'Challenged again: challenge 2 in a row, the first in frame 2 (limit 2); normal when '
                   "another realm asks too (a proxy's 407, then the callee's 401) or the nonce was stale",
                   'Note')],
      'sip.analysis.auth.challenge_count': ['2'],
      'sip.analysis.auth.first_challenge': ['2'],
      'sip.analysis.class': ['4'],
      'sip.analysis.code.action': ['Normal if the retry succeeds. Repeated 401s mean wrong credentials, '
                                   'username or realm, or a nonce problem.'],
      'sip.analysis.code.meaning': ['The UAS or registrar requires user authentication; WWW-Authenticate '
                                    'carries the digest challenge (realm, nonce).'],
      'sip.analysis.code.rfc': ['RFC3261 §21.4.2'],
      'sip.analysis.code.seen_when': ['The first REGISTER or INVITE of a digest exchange; normal when a '
                                      'request with Authorization follows.'],
      'sip.analysis.outcome': ['4'],
      'sip.analysis.request_frame': ['3'],
      'sip.analysis.response_time': ['0.001359777']}],
 6: [{'experts': [('sip.analysis.response.challenge_failed',
                   '403 Forbidden: the retry with credentials in frame 5 (after the challenge in frame 4) '
                   'was refused: wrong credentials or no permission',
                   'Warning'),
                  ('sip.analysis.auth.loop',
                   'Refused after 2 challenges in a row, the first in frame 2: the retries with credentials '
                   'never passed',
                   'Note')],
      'sip.analysis.auth.challenge_count': ['2'],
      'sip.analysis.auth.first_challenge': ['2'],
      'sip.analysis.class': ['4'],
      'sip.analysis.code.action': ['Do not retry as is. Check account permissions, trunk IP ACLs, caller-ID '
                                   'rules and the reason phrase or Warning.'],
      'sip.analysis.code.meaning': ['The server understood the request but refuses to fulfil it; '
                                    'authorization will not help and the request should not be repeated.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.4.4'],
      'sip.analysis.code.seen_when': ['Wrong credentials after a challenge, barred destinations, source IP '
                                      'not allowed on the trunk, fraud or caller-ID policies.'],
      'sip.analysis.outcome': ['9'],
      'sip.analysis.request_frame': ['5'],
      'sip.analysis.response_time': ['0.001128951']}],
 8: [{'experts': [('sip.analysis.response.challenge',
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
      'sip.analysis.request_frame': ['7'],
      'sip.analysis.response_time': ['0.000359491']}],
 10: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['9'],
       'sip.analysis.response_time': ['0.001276699']}]}
