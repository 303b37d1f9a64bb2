# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/hm-timers.pcapng with tshark -2: one dict per SIP message of each
annotated frame (our fields, and our expert infos as (name, text, severity)). Reviewed by hand
against captures/ (see the capture notes); one-pass output is derived by dropping what needs -2."""

EXPECTED = {2: [{'experts': [('sip.analysis.retransmission', 'Retransmission of frame 1', 'Note')],
      'sip.analysis.retransmission_of': ['1']}],
 3: [{'experts': [('sip.analysis.retransmission', 'Retransmission of frame 1', 'Note')],
      'sip.analysis.retransmission_of': ['1']}],
 4: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat'),
                  ('sip.analysis.trying.late',
                   '100 Trying came 1700.250 ms after the INVITE in frame 1 (threshold 200 ms), as seen at '
                   'the capture point (round trip included); 2 INVITE copies went out first: loss is more '
                   'likely than a slow server',
                   'Note')],
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
      'sip.analysis.response_time': ['1.700250000'],
      'sip.analysis.trying.delay': ['1.700250000'],
      'sip.analysis.trying.duration': ['2.299750000'],
      'sip.analysis.trying.next_frame': ['5'],
      'sip.analysis.trying.retransmissions': ['2']}],
 5: [{'experts': [('sip.analysis.response.progress', '180 Ringing: in progress', 'Chat')],
      'sip.analysis.class': ['1'],
      'sip.analysis.code.action': ['Nothing. If the caller hears silence, check whether the 180 carries SDP '
                                   'and who is meant to play the ringback.'],
      'sip.analysis.code.meaning': ["The callee's UA received the INVITE and is alerting the user. A To tag "
                                    'in it creates an early dialog.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.1.2'],
      'sip.analysis.code.seen_when': ['Once the INVITE reaches a phone; the caller then usually plays '
                                      'ringback locally unless early media arrives.'],
      'sip.analysis.delay.invite_frame': ['1'],
      'sip.analysis.delay.srd': ['4.000000000'],
      'sip.analysis.delay.srd_failed': ['0'],
      'sip.analysis.outcome': ['1'],
      'sip.analysis.request_frame': ['1'],
      'sip.analysis.response_time': ['4.000000000'],
      'sip.analysis.trying.duration': ['2.299750000'],
      'sip.analysis.trying.frame': ['4']}],
 6: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
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
      'sip.analysis.response_time': ['6.123456000']}],
 9: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat'),
                  ('sip.analysis.trying.long',
                   'Transaction stayed 31990.000 ms on 100 Trying; next response 408 in frame 34 (threshold '
                   '3000 ms)',
                   'Note')],
      'sip.analysis.class': ['1'],
      'sip.analysis.code.action': ['Nothing, unless it stays on 100 for long: then check connectivity and '
                                   'the proxy.'],
      'sip.analysis.code.meaning': ['The next hop received the request and is working on it; more responses '
                                    'will follow.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.1.1'],
      'sip.analysis.code.seen_when': ['Right after an INVITE, while the proxy looks for the callee. It is '
                                      'hop-by-hop: each stateful proxy sends its own.'],
      'sip.analysis.outcome': ['1'],
      'sip.analysis.request_frame': ['8'],
      'sip.analysis.response_time': ['0.010000000'],
      'sip.analysis.trying.delay': ['0.010000000'],
      'sip.analysis.trying.duration': ['31.990000000'],
      'sip.analysis.trying.next_frame': ['34'],
      'sip.analysis.trying.retransmissions': ['0']}],
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
       'sip.analysis.response_time': ['0.015000000'],
       'sip.analysis.trying.delay': ['0.015000000'],
       'sip.analysis.trying.duration': ['0.385000000'],
       'sip.analysis.trying.next_frame': ['12'],
       'sip.analysis.trying.retransmissions': ['0']}],
 12: [{'experts': [('sip.analysis.response.progress', '180 Ringing: in progress', 'Chat')],
       'sip.analysis.class': ['1'],
       'sip.analysis.code.action': ['Nothing. If the caller hears silence, check whether the 180 carries SDP '
                                    'and who is meant to play the ringback.'],
       'sip.analysis.code.meaning': ["The callee's UA received the INVITE and is alerting the user. A To tag "
                                     'in it creates an early dialog.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.1.2'],
       'sip.analysis.code.seen_when': ['Once the INVITE reaches a phone; the caller then usually plays '
                                       'ringback locally unless early media arrives.'],
       'sip.analysis.delay.invite_frame': ['10'],
       'sip.analysis.delay.srd': ['0.400000000'],
       'sip.analysis.delay.srd_failed': ['0'],
       'sip.analysis.outcome': ['1'],
       'sip.analysis.request_frame': ['10'],
       'sip.analysis.response_time': ['0.400000000'],
       'sip.analysis.trying.duration': ['0.385000000'],
       'sip.analysis.trying.frame': ['11']}],
 14: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['13'],
       'sip.analysis.response_time': ['0.020000000']}],
 15: [{'experts': [('sip.analysis.response.cancelled',
                    "487 Request Terminated: cancelled by the caller's CANCEL in frame 13, as asked",
                    'Note')],
       'sip.analysis.class': ['4'],
       'sip.analysis.code.action': ['Normally nothing. If calls are cancelled unexpectedly, find who sent '
                                    'the CANCEL and why (Reason header, timers).'],
       'sip.analysis.code.meaning': ['The request was ended by a CANCEL (or BYE) before its final response. '
                                     'It is never the answer to the CANCEL itself.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.4.25'],
       'sip.analysis.code.seen_when': ['The caller hangs up while it rings; a forking proxy cancels the '
                                       'other branches once one branch answers.'],
       'sip.analysis.delay.invite_frame': ['10'],
       'sip.analysis.delay.setup': ['3'],
       'sip.analysis.outcome': ['5'],
       'sip.analysis.request_frame': ['10'],
       'sip.analysis.response_time': ['5.025000000']}],
 18: [{'experts': [('sip.analysis.response.progress', '180 Ringing: in progress', 'Chat'),
                   ('sip.analysis.trying.absent',
                    'No 100 Trying on this hop: the first response, 180 Ringing, came 350.000 ms after the '
                    'INVITE in frame 17 (threshold 200 ms), as seen at the capture point (round trip '
                    'included)',
                    'Note')],
       'sip.analysis.class': ['1'],
       'sip.analysis.code.action': ['Nothing. If the caller hears silence, check whether the 180 carries SDP '
                                    'and who is meant to play the ringback.'],
       'sip.analysis.code.meaning': ["The callee's UA received the INVITE and is alerting the user. A To tag "
                                     'in it creates an early dialog.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.1.2'],
       'sip.analysis.code.seen_when': ['Once the INVITE reaches a phone; the caller then usually plays '
                                       'ringback locally unless early media arrives.'],
       'sip.analysis.delay.invite_frame': ['17'],
       'sip.analysis.delay.srd': ['0.350000000'],
       'sip.analysis.delay.srd_failed': ['0'],
       'sip.analysis.outcome': ['1'],
       'sip.analysis.request_frame': ['17'],
       'sip.analysis.response_time': ['0.350000000']}],
 19: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.delay.invite_frame': ['17'],
       'sip.analysis.delay.setup': ['1'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['17'],
       'sip.analysis.response_time': ['2.500000000']}],
 22: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat')],
       'sip.analysis.class': ['1'],
       'sip.analysis.code.action': ['Nothing, unless it stays on 100 for long: then check connectivity and '
                                    'the proxy.'],
       'sip.analysis.code.meaning': ['The next hop received the request and is working on it; more responses '
                                     'will follow.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.1.1'],
       'sip.analysis.code.seen_when': ['Right after an INVITE, while the proxy looks for the callee. It is '
                                       'hop-by-hop: each stateful proxy sends its own.'],
       'sip.analysis.outcome': ['1'],
       'sip.analysis.request_frame': ['21'],
       'sip.analysis.response_time': ['0.005000000'],
       'sip.analysis.trying.delay': ['0.005000000'],
       'sip.analysis.trying.duration': ['0.035000000'],
       'sip.analysis.trying.next_frame': ['23'],
       'sip.analysis.trying.retransmissions': ['0']}],
 23: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.delay.invite_frame': ['21'],
       'sip.analysis.delay.setup': ['1'],
       'sip.analysis.delay.srd': ['0.040000000'],
       'sip.analysis.delay.srd_failed': ['0'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['21'],
       'sip.analysis.response_time': ['0.040000000'],
       'sip.analysis.trying.duration': ['0.035000000'],
       'sip.analysis.trying.frame': ['22']}],
 26: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat')],
       'sip.analysis.class': ['1'],
       'sip.analysis.code.action': ['Nothing, unless it stays on 100 for long: then check connectivity and '
                                    'the proxy.'],
       'sip.analysis.code.meaning': ['The next hop received the request and is working on it; more responses '
                                     'will follow.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.1.1'],
       'sip.analysis.code.seen_when': ['Right after an INVITE, while the proxy looks for the callee. It is '
                                       'hop-by-hop: each stateful proxy sends its own.'],
       'sip.analysis.outcome': ['1'],
       'sip.analysis.request_frame': ['25'],
       'sip.analysis.response_time': ['0.030000000'],
       'sip.analysis.trying.delay': ['0.030000000'],
       'sip.analysis.trying.duration': ['1.170000000'],
       'sip.analysis.trying.next_frame': ['29'],
       'sip.analysis.trying.retransmissions': ['0']}],
 27: [{'experts': [('sip.analysis.retransmission', 'Retransmission of frame 25', 'Note')],
       'sip.analysis.retransmission_of': ['25']}],
 28: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat'),
                   ('sip.analysis.retransmission', 'Retransmission of frame 26', 'Note')],
       'sip.analysis.class': ['1'],
       'sip.analysis.code.action': ['Nothing, unless it stays on 100 for long: then check connectivity and '
                                    'the proxy.'],
       'sip.analysis.code.meaning': ['The next hop received the request and is working on it; more responses '
                                     'will follow.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.1.1'],
       'sip.analysis.code.seen_when': ['Right after an INVITE, while the proxy looks for the callee. It is '
                                       'hop-by-hop: each stateful proxy sends its own.'],
       'sip.analysis.outcome': ['1'],
       'sip.analysis.request_frame': ['25'],
       'sip.analysis.response_time': ['0.500300000'],
       'sip.analysis.retransmission_of': ['26']}],
 29: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.delay.invite_frame': ['25'],
       'sip.analysis.delay.setup': ['1'],
       'sip.analysis.delay.srd': ['1.200000000'],
       'sip.analysis.delay.srd_failed': ['0'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['25'],
       'sip.analysis.response_time': ['1.200000000'],
       'sip.analysis.trying.duration': ['1.170000000'],
       'sip.analysis.trying.frame': ['26']}],
 30: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat'),
                   ('sip.analysis.retransmission', 'Retransmission of frame 29', 'Note')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['25'],
       'sip.analysis.response_time': ['1.700000000'],
       'sip.analysis.retransmission_of': ['29']}],
 33: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat'),
                   ('sip.analysis.trying.stuck',
                    'Stuck on 100 Trying: no further response to the INVITE in frame 32 for 9952.000 ms, '
                    'until the end of the capture',
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
       'sip.analysis.request_frame': ['32'],
       'sip.analysis.response_time': ['0.050000000'],
       'sip.analysis.trying.delay': ['0.050000000'],
       'sip.analysis.trying.open': ['9.952000000'],
       'sip.analysis.trying.retransmissions': ['0']}],
 34: [{'experts': [('sip.analysis.response.failure',
                    '408 Request Timeout: no final answer came in time',
                    'Warning'),
                   ('sip.analysis.trying.long',
                    '408 Request Timeout ended 31990.000 ms on 100 Trying (frame 9, threshold 3000 ms): '
                    'after the 100 nothing more came until the 408 (no answer from further downstream in '
                    'time)',
                    'Note')],
       'sip.analysis.class': ['4'],
       'sip.analysis.code.action': ['Find the hop that did not answer: look for unanswered retransmissions '
                                    'downstream, and check registrations and keep-alives.'],
       'sip.analysis.code.meaning': ['No final response could be produced in time, e.g. the user could not '
                                     'be located soon enough. UAs also report it locally when Timer B or F '
                                     'fires.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.4.9'],
       'sip.analysis.code.seen_when': ['Callee offline or unreachable behind NAT, stale registrations, or a '
                                       'proxy whose Timer C expired with no provisional response.'],
       'sip.analysis.delay.invite_frame': ['8'],
       'sip.analysis.delay.setup': ['2'],
       'sip.analysis.delay.srd': ['32.000000000'],
       'sip.analysis.delay.srd_failed': ['1'],
       'sip.analysis.outcome': ['7'],
       'sip.analysis.request_frame': ['8'],
       'sip.analysis.response_time': ['32.000000000'],
       'sip.analysis.trying.duration': ['31.990000000'],
       'sip.analysis.trying.frame': ['9']}]}
