# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/rec-icmp-unreachable.pcapng with tshark -2 (see captures/handmade.md or
captures/README.md for the frames). Reviewed by hand against the capture notes."""

EXPECTED = {1: [{'experts': [('sip.analysis.icmp.undeliverable',
                   'ICMP error in frame 2 reports this message undeliverable: its destination could not be '
                   'reached (closed port, NAT binding gone, routing)',
                   'Warning')],
      'sip.analysis.icmp.frame': ['2']}],
 2: [{'experts': [('sip.analysis.icmp.quote',
                   'ICMP error quoting the SIP request in frame 1, which did not reach its destination: a '
                   'copy, not traffic (not analysed)',
                   'Note')],
      'sip.analysis.icmp.quoted_frame': ['1']}],
 3: [{'experts': [('sip.analysis.icmp.undeliverable',
                   'ICMP error in frame 4 reports this message undeliverable: its destination could not be '
                   'reached (closed port, NAT binding gone, routing)',
                   'Warning'),
                  ('sip.analysis.retransmission', 'Retransmission of frame 1', 'Note')],
      'sip.analysis.icmp.frame': ['4'],
      'sip.analysis.retransmission_of': ['1']}],
 4: [{'experts': [('sip.analysis.icmp.quote',
                   'ICMP error quoting the SIP request in frame 3, which did not reach its destination: a '
                   'copy, not traffic (not analysed)',
                   'Note')],
      'sip.analysis.icmp.quoted_frame': ['3']}],
 5: [{'experts': [('sip.analysis.icmp.undeliverable',
                   'ICMP error in frame 6 reports this message undeliverable: its destination could not be '
                   'reached (closed port, NAT binding gone, routing)',
                   'Warning'),
                  ('sip.analysis.retransmission', 'Retransmission of frame 1', 'Note')],
      'sip.analysis.icmp.frame': ['6'],
      'sip.analysis.retransmission_of': ['1']}],
 6: [{'experts': [('sip.analysis.icmp.quote',
                   'ICMP error quoting the SIP request in frame 5, which did not reach its destination: a '
                   'copy, not traffic (not analysed)',
                   'Note')],
      'sip.analysis.icmp.quoted_frame': ['5']}],
 7: [{'experts': [('sip.analysis.icmp.undeliverable',
                   'ICMP error in frame 8 reports this message undeliverable: its destination could not be '
                   'reached (closed port, NAT binding gone, routing)',
                   'Warning'),
                  ('sip.analysis.retransmission', 'Retransmission of frame 1', 'Note')],
      'sip.analysis.icmp.frame': ['8'],
      'sip.analysis.retransmission_of': ['1']}],
 8: [{'experts': [('sip.analysis.icmp.quote',
                   'ICMP error quoting the SIP request in frame 7, which did not reach its destination: a '
                   'copy, not traffic (not analysed)',
                   'Note')],
      'sip.analysis.icmp.quoted_frame': ['7']}],
 10: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat'),
                   ('sip.analysis.icmp.undeliverable',
                    'ICMP error in frame 11 reports this message undeliverable: its destination could not be '
                    'reached (closed port, NAT binding gone, routing)',
                    'Warning'),
                   ('sip.analysis.trying.late',
                    '100 Trying came 1004.167 ms after the INVITE in frame 9 (threshold 200 ms), as seen at '
                    'the capture point (round trip included)',
                    'Note')],
       'sip.analysis.class': ['1'],
       'sip.analysis.code.action': ['Nothing, unless it stays on 100 for long: then check connectivity and '
                                    'the proxy.'],
       'sip.analysis.code.meaning': ['The next hop received the request and is working on it; more responses '
                                     'will follow.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.1.1'],
       'sip.analysis.code.seen_when': ['Right after an INVITE, while the proxy looks for the callee. It is '
                                       'hop-by-hop: each stateful proxy sends its own.'],
       'sip.analysis.icmp.frame': ['11'],
       'sip.analysis.outcome': ['1'],
       'sip.analysis.request_frame': ['9'],
       'sip.analysis.response_time': ['1.004167496'],
       'sip.analysis.trying.delay': ['1.004167496'],
       'sip.analysis.trying.duration': ['0.024165629'],
       'sip.analysis.trying.next_frame': ['12'],
       'sip.analysis.trying.retransmissions': ['0']}],
 11: [{'experts': [('sip.analysis.icmp.quote',
                    'ICMP error quoting the SIP 100 response in frame 10, which did not reach its '
                    'destination: a copy, not traffic (not analysed)',
                    'Note')],
       'sip.analysis.icmp.quoted_frame': ['10']}],
 12: [{'experts': [('sip.analysis.response.progress', '180 Ringing: in progress', 'Chat'),
                   ('sip.analysis.icmp.undeliverable',
                    'ICMP error in frame 13 reports this message undeliverable: its destination could not be '
                    'reached (closed port, NAT binding gone, routing)',
                    'Warning')],
       'sip.analysis.class': ['1'],
       'sip.analysis.code.action': ['Nothing. If the caller hears silence, check whether the 180 carries SDP '
                                    'and who is meant to play the ringback.'],
       'sip.analysis.code.meaning': ["The callee's UA received the INVITE and is alerting the user. A To tag "
                                     'in it creates an early dialog.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.1.2'],
       'sip.analysis.code.seen_when': ['Once the INVITE reaches a phone; the caller then usually plays '
                                       'ringback locally unless early media arrives.'],
       'sip.analysis.icmp.frame': ['13'],
       'sip.analysis.outcome': ['1'],
       'sip.analysis.request_frame': ['9'],
       'sip.analysis.response_time': ['1.028333125'],
       'sip.analysis.trying.duration': ['0.024165629'],
       'sip.analysis.trying.frame': ['10']}],
 13: [{'experts': [('sip.analysis.icmp.quote',
                    'ICMP error quoting the SIP 180 response in frame 12, which did not reach its '
                    'destination: a copy, not traffic (not analysed)',
                    'Note')],
       'sip.analysis.icmp.quoted_frame': ['12']}],
 14: [{'experts': [('sip.analysis.response.failure', '486 Busy Here: declined by the callee', 'Warning'),
                   ('sip.analysis.icmp.undeliverable',
                    'ICMP error in frame 15 reports this message undeliverable: its destination could not be '
                    'reached (closed port, NAT binding gone, routing)',
                    'Warning')],
       'sip.analysis.class': ['4'],
       'sip.analysis.code.action': ["Usually normal. If unexpected, check the endpoint's call limit, "
                                    'busy-on-busy settings and Retry-After.'],
       'sip.analysis.code.meaning': ['The callee was reached but cannot take another call at this end '
                                     'system; other locations such as voicemail may still answer.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.4.24'],
       'sip.analysis.code.seen_when': ['Phone already in a call without call waiting, a user rejecting the '
                                       'call on some phones, or a trunk at its call limit.'],
       'sip.analysis.icmp.frame': ['15'],
       'sip.analysis.outcome': ['6'],
       'sip.analysis.request_frame': ['9'],
       'sip.analysis.response_time': ['1.052595889']}],
 15: [{'experts': [('sip.analysis.icmp.quote',
                    'ICMP error quoting the SIP 486 response in frame 14, which did not reach its '
                    'destination: a copy, not traffic (not analysed)',
                    'Note')],
       'sip.analysis.icmp.quoted_frame': ['14']}],
 16: [{'experts': [('sip.analysis.response.failure', '486 Busy Here: declined by the callee', 'Warning'),
                   ('sip.analysis.icmp.undeliverable',
                    'ICMP error in frame 17 reports this message undeliverable: its destination could not be '
                    'reached (closed port, NAT binding gone, routing)',
                    'Warning'),
                   ('sip.analysis.retransmission', 'Retransmission of frame 14', 'Note')],
       'sip.analysis.class': ['4'],
       'sip.analysis.code.action': ["Usually normal. If unexpected, check the endpoint's call limit, "
                                    'busy-on-busy settings and Retry-After.'],
       'sip.analysis.code.meaning': ['The callee was reached but cannot take another call at this end '
                                     'system; other locations such as voicemail may still answer.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.4.24'],
       'sip.analysis.code.seen_when': ['Phone already in a call without call waiting, a user rejecting the '
                                       'call on some phones, or a trunk at its call limit.'],
       'sip.analysis.icmp.frame': ['17'],
       'sip.analysis.outcome': ['6'],
       'sip.analysis.request_frame': ['9'],
       'sip.analysis.response_time': ['1.555262261'],
       'sip.analysis.retransmission_of': ['14']}],
 17: [{'experts': [('sip.analysis.icmp.quote',
                    'ICMP error quoting the SIP 486 response in frame 16, which did not reach its '
                    'destination: a copy, not traffic (not analysed)',
                    'Note')],
       'sip.analysis.icmp.quoted_frame': ['16']}],
 18: [{'experts': [('sip.analysis.response.failure', '486 Busy Here: declined by the callee', 'Warning'),
                   ('sip.analysis.icmp.undeliverable',
                    'ICMP error in frame 19 reports this message undeliverable: its destination could not be '
                    'reached (closed port, NAT binding gone, routing)',
                    'Warning'),
                   ('sip.analysis.retransmission', 'Retransmission of frame 14', 'Note')],
       'sip.analysis.class': ['4'],
       'sip.analysis.code.action': ["Usually normal. If unexpected, check the endpoint's call limit, "
                                    'busy-on-busy settings and Retry-After.'],
       'sip.analysis.code.meaning': ['The callee was reached but cannot take another call at this end '
                                     'system; other locations such as voicemail may still answer.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.4.24'],
       'sip.analysis.code.seen_when': ['Phone already in a call without call waiting, a user rejecting the '
                                       'call on some phones, or a trunk at its call limit.'],
       'sip.analysis.icmp.frame': ['19'],
       'sip.analysis.outcome': ['6'],
       'sip.analysis.request_frame': ['9'],
       'sip.analysis.response_time': ['2.558630033'],
       'sip.analysis.retransmission_of': ['14']}],
 19: [{'experts': [('sip.analysis.icmp.quote',
                    'ICMP error quoting the SIP 486 response in frame 18, which did not reach its '
                    'destination: a copy, not traffic (not analysed)',
                    'Note')],
       'sip.analysis.icmp.quoted_frame': ['18']}],
 20: [{'experts': [('sip.analysis.response.failure', '486 Busy Here: declined by the callee', 'Warning'),
                   ('sip.analysis.icmp.undeliverable',
                    'ICMP error in frame 21 reports this message undeliverable: its destination could not be '
                    'reached (closed port, NAT binding gone, routing)',
                    'Warning'),
                   ('sip.analysis.retransmission', 'Retransmission of frame 14', 'Note')],
       'sip.analysis.class': ['4'],
       'sip.analysis.code.action': ["Usually normal. If unexpected, check the endpoint's call limit, "
                                    'busy-on-busy settings and Retry-After.'],
       'sip.analysis.code.meaning': ['The callee was reached but cannot take another call at this end '
                                     'system; other locations such as voicemail may still answer.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.4.24'],
       'sip.analysis.code.seen_when': ['Phone already in a call without call waiting, a user rejecting the '
                                       'call on some phones, or a trunk at its call limit.'],
       'sip.analysis.icmp.frame': ['21'],
       'sip.analysis.outcome': ['6'],
       'sip.analysis.request_frame': ['9'],
       'sip.analysis.response_time': ['4.563271174'],
       'sip.analysis.retransmission_of': ['14']}],
 21: [{'experts': [('sip.analysis.icmp.quote',
                    'ICMP error quoting the SIP 486 response in frame 20, which did not reach its '
                    'destination: a copy, not traffic (not analysed)',
                    'Note')],
       'sip.analysis.icmp.quoted_frame': ['20']}]}
