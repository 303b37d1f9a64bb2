# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/hm-hash-collision.pcapng with tshark -2 (see captures/handmade.md or
captures/README.md for the frames). Reviewed by hand against the capture notes."""

EXPECTED = {2: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat')],
      'sip.analysis.class': ['1'],
      'sip.analysis.code.action': ['Nothing, unless it stays on 100 for long: then check connectivity and '
                                   'the proxy.'],
      'sip.analysis.code.meaning': ['The next hop received the request and is working on it; more responses '
                                    'will follow.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.1.1'],
      'sip.analysis.code.seen_when': ['Right after an INVITE, while the proxy looks for the callee. It is '
                                      'hop-by-hop: each stateful proxy sends its own.'],
      'sip.analysis.outcome': ['1'],
      'sip.analysis.request_frame': ['1'],
      'sip.analysis.response_time': ['0.020000000'],
      'sip.analysis.trying.delay': ['0.020000000'],
      'sip.analysis.trying.duration': ['0.380000000'],
      'sip.analysis.trying.next_frame': ['3'],
      'sip.analysis.trying.retransmissions': ['0']}],
 3: [{'experts': [('sip.analysis.response.progress', '180 Ringing: in progress', 'Chat')],
      'sip.analysis.class': ['1'],
      'sip.analysis.code.action': ['Nothing. If the caller hears silence, check whether the 180 carries SDP '
                                   'and who is meant to play the ringback.'],
      'sip.analysis.code.meaning': ["The callee's UA received the INVITE and is alerting the user. A To tag "
                                    'in it creates an early dialog.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.1.2'],
      'sip.analysis.code.seen_when': ['Once the INVITE reaches a phone; the caller then usually plays '
                                      'ringback locally unless early media arrives.'],
      'sip.analysis.delay.invite_frame': ['1'],
      'sip.analysis.delay.srd': ['0.400000000'],
      'sip.analysis.delay.srd_failed': ['0'],
      'sip.analysis.outcome': ['1'],
      'sip.analysis.request_frame': ['1'],
      'sip.analysis.response_time': ['0.400000000'],
      'sip.analysis.trying.duration': ['0.380000000'],
      'sip.analysis.trying.frame': ['2']}],
 4: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
      'sip.analysis.class': ['2'],
      'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                   'means the ACK is lost (routing, NAT, Contact).'],
      'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and carries '
                                    'the SDP answer (or the offer).'],
      'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
      'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
      'sip.analysis.delay.invite_frame': ['1'],
      'sip.analysis.delay.setup': ['1'],
      'sip.analysis.outcome': ['2'],
      'sip.analysis.request_frame': ['1'],
      'sip.analysis.response_time': ['2.000000000']}],
 7: [{'experts': [('sip.analysis.response.failure', '486 Busy Here: declined by the callee', 'Warning')],
      'sip.analysis.class': ['4'],
      'sip.analysis.code.action': ["Usually normal. If unexpected, check the endpoint's call limit, "
                                   'busy-on-busy settings and Retry-After.'],
      'sip.analysis.code.meaning': ['The callee was reached but cannot take another call at this end system; '
                                    'other locations such as voicemail may still answer.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.4.24'],
      'sip.analysis.code.seen_when': ['Phone already in a call without call waiting, a user rejecting the '
                                      'call on some phones, or a trunk at its call limit.'],
      'sip.analysis.delay.invite_frame': ['6'],
      'sip.analysis.delay.setup': ['2'],
      'sip.analysis.delay.srd': ['0.030000000'],
      'sip.analysis.delay.srd_failed': ['1'],
      'sip.analysis.outcome': ['6'],
      'sip.analysis.request_frame': ['6'],
      'sip.analysis.response_time': ['0.030000000']}],
 9: [{'experts': [('sip.analysis.branch_reused',
                   "Via branch already used by another call's request in frame 1 (RFC 3261 §8.1.1.7 makes it "
                   'unique): not taken as a retransmission of it',
                   'Warning')]}],
 10: [{'experts': [('sip.analysis.response.failure', '603 Decline: declined by the callee', 'Warning'),
                   ('sip.analysis.trying.absent',
                    'No 100 Trying on this hop: the first response, 603 Decline, came 500.000 ms after the '
                    'INVITE in frame 9 (threshold 200 ms), as seen at the capture point (round trip '
                    'included)',
                    'Note')],
       'sip.analysis.class': ['6'],
       'sip.analysis.code.action': ['Usually a user decision, not a fault. If unexpected, check call '
                                    'blocking rules and the Reason header.'],
       'sip.analysis.code.meaning': ['The callee was reached but explicitly does not wish to or cannot take '
                                     'part, and no other location will answer.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.6.2'],
       'sip.analysis.code.seen_when': ['A user pressing reject, call screening or blocking services, some '
                                       'spam filters.'],
       'sip.analysis.delay.invite_frame': ['9'],
       'sip.analysis.delay.setup': ['2'],
       'sip.analysis.delay.srd': ['0.500000000'],
       'sip.analysis.delay.srd_failed': ['1'],
       'sip.analysis.outcome': ['6'],
       'sip.analysis.request_frame': ['9'],
       'sip.analysis.response_time': ['0.500000000']}]}
