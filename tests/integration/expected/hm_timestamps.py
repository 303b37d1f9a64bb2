# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/hm-timestamps.pcapng with tshark -2 (see captures/handmade.md or
captures/README.md for the frames). Reviewed by hand against the capture notes."""

EXPECTED = {1: [{'experts': [('sip.analysis.time.invalid',
                   'Frame timestamp out of range (nanosecond times cover the years 1677-2262): no times '
                   'computed for this message',
                   'Warning')]}],
 2: [{'experts': [('sip.analysis.response.failure', '486 Busy Here: declined by the callee', 'Warning'),
                  ('sip.analysis.time.invalid',
                   'Frame timestamp out of range (nanosecond times cover the years 1677-2262): no times '
                   'computed for this message',
                   'Warning')],
      'sip.analysis.class': ['4'],
      'sip.analysis.code.action': ["Usually normal. If unexpected, check the endpoint's call limit, "
                                   'busy-on-busy settings and Retry-After.'],
      'sip.analysis.code.meaning': ['The callee was reached but cannot take another call at this end system; '
                                    'other locations such as voicemail may still answer.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.4.24'],
      'sip.analysis.code.seen_when': ['Phone already in a call without call waiting, a user rejecting the '
                                      'call on some phones, or a trunk at its call limit.'],
      'sip.analysis.delay.invite_frame': ['1'],
      'sip.analysis.delay.setup': ['2'],
      'sip.analysis.outcome': ['6'],
      'sip.analysis.request_frame': ['1']}],
 3: [{'experts': [('sip.analysis.time.invalid',
                   'Frame timestamp out of range (nanosecond times cover the years 1677-2262): no times '
                   'computed for this message',
                   'Warning')]}],
 4: [{'experts': [('sip.analysis.time.invalid',
                   'Frame timestamp out of range (nanosecond times cover the years 1677-2262): no times '
                   'computed for this message',
                   'Warning')]}],
 5: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat'),
                  ('sip.analysis.time.invalid',
                   'Frame timestamp out of range (nanosecond times cover the years 1677-2262): no times '
                   'computed for this message',
                   'Warning')],
      'sip.analysis.class': ['1'],
      'sip.analysis.code.action': ['Nothing, unless it stays on 100 for long: then check connectivity and '
                                   'the proxy.'],
      'sip.analysis.code.meaning': ['The next hop received the request and is working on it; more responses '
                                    'will follow.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.1.1'],
      'sip.analysis.code.seen_when': ['Right after an INVITE, while the proxy looks for the callee. It is '
                                      'hop-by-hop: each stateful proxy sends its own.'],
      'sip.analysis.outcome': ['1'],
      'sip.analysis.request_frame': ['4']}],
 6: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat'),
                  ('sip.analysis.time.invalid',
                   'Frame timestamp out of range (nanosecond times cover the years 1677-2262): no times '
                   'computed for this message',
                   'Warning')],
      'sip.analysis.class': ['2'],
      'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                   'means the ACK is lost (routing, NAT, Contact).'],
      'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and carries '
                                    'the SDP answer (or the offer).'],
      'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
      'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
      'sip.analysis.delay.invite_frame': ['4'],
      'sip.analysis.delay.setup': ['1'],
      'sip.analysis.outcome': ['2'],
      'sip.analysis.request_frame': ['4'],
      'sip.analysis.trying.frame': ['5']}],
 7: [{'experts': [('sip.analysis.time.invalid',
                   'Frame timestamp out of range (nanosecond times cover the years 1677-2262): no times '
                   'computed for this message',
                   'Warning')]}],
 8: [{'experts': [('sip.analysis.time.invalid',
                   'Frame timestamp out of range (nanosecond times cover the years 1677-2262): no times '
                   'computed for this message',
                   'Warning')]}],
 9: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat'),
                  ('sip.analysis.time.invalid',
                   'Frame timestamp out of range (nanosecond times cover the years 1677-2262): no times '
                   'computed for this message',
                   'Warning')],
      'sip.analysis.class': ['2'],
      'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                   'means the ACK is lost (routing, NAT, Contact).'],
      'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and carries '
                                    'the SDP answer (or the offer).'],
      'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
      'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
      'sip.analysis.outcome': ['2'],
      'sip.analysis.request_frame': ['8']}],
 11: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat')],
       'sip.analysis.class': ['1'],
       'sip.analysis.code.action': ['Nothing, unless it stays on 100 for long: then check connectivity and '
                                    'the proxy.'],
       'sip.analysis.code.meaning': ['The next hop received the request and is working on it; more responses '
                                     'will follow.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.1.1'],
       'sip.analysis.code.seen_when': ['Right after an INVITE, while the proxy looks for the callee. It is '
                                       'hop-by-hop: each stateful proxy sends its own.'],
       'sip.analysis.outcome': ['1'],
       'sip.analysis.request_frame': ['10'],
       'sip.analysis.response_time': ['0.010000000'],
       'sip.analysis.trying.delay': ['0.010000000'],
       'sip.analysis.trying.duration': ['0.790000000'],
       'sip.analysis.trying.next_frame': ['12'],
       'sip.analysis.trying.retransmissions': ['0']}],
 12: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.delay.invite_frame': ['10'],
       'sip.analysis.delay.setup': ['1'],
       'sip.analysis.delay.srd': ['0.800000000'],
       'sip.analysis.delay.srd_failed': ['0'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['10'],
       'sip.analysis.response_time': ['0.800000000'],
       'sip.analysis.trying.duration': ['0.790000000'],
       'sip.analysis.trying.frame': ['11']}]}
