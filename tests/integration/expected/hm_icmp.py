# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/hm-icmp.pcapng with tshark -2 (see captures/handmade.md or
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
 5: [{'experts': [('sip.analysis.retransmission', 'Retransmission of frame 1', 'Note')],
      'sip.analysis.retransmission_of': ['1']}],
 7: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat')],
      'sip.analysis.class': ['1'],
      'sip.analysis.code.action': ['Nothing, unless it stays on 100 for long: then check connectivity and '
                                   'the proxy.'],
      'sip.analysis.code.meaning': ['The next hop received the request and is working on it; more responses '
                                    'will follow.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.1.1'],
      'sip.analysis.code.seen_when': ['Right after an INVITE, while the proxy looks for the callee. It is '
                                      'hop-by-hop: each stateful proxy sends its own.'],
      'sip.analysis.outcome': ['1'],
      'sip.analysis.request_frame': ['6'],
      'sip.analysis.response_time': ['0.020000000'],
      'sip.analysis.trying.delay': ['0.020000000'],
      'sip.analysis.trying.duration': ['0.280000000'],
      'sip.analysis.trying.next_frame': ['8'],
      'sip.analysis.trying.retransmissions': ['0']}],
 8: [{'experts': [('sip.analysis.response.progress', '180 Ringing: in progress', 'Chat')],
      'sip.analysis.class': ['1'],
      'sip.analysis.code.action': ['Nothing. If the caller hears silence, check whether the 180 carries SDP '
                                   'and who is meant to play the ringback.'],
      'sip.analysis.code.meaning': ["The callee's UA received the INVITE and is alerting the user. A To tag "
                                    'in it creates an early dialog.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.1.2'],
      'sip.analysis.code.seen_when': ['Once the INVITE reaches a phone; the caller then usually plays '
                                      'ringback locally unless early media arrives.'],
      'sip.analysis.outcome': ['1'],
      'sip.analysis.request_frame': ['6'],
      'sip.analysis.response_time': ['0.300000000'],
      'sip.analysis.trying.duration': ['0.280000000'],
      'sip.analysis.trying.frame': ['7']}],
 9: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat'),
                  ('sip.analysis.icmp.undeliverable',
                   'ICMP error in frame 10 reports this message undeliverable: its destination could not be '
                   'reached (closed port, NAT binding gone, routing)',
                   'Warning')],
      'sip.analysis.class': ['2'],
      'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                   'means the ACK is lost (routing, NAT, Contact).'],
      'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and carries '
                                    'the SDP answer (or the offer).'],
      'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
      'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
      'sip.analysis.icmp.frame': ['10'],
      'sip.analysis.outcome': ['2'],
      'sip.analysis.request_frame': ['6'],
      'sip.analysis.response_time': ['3.000000000']}],
 10: [{'experts': [('sip.analysis.icmp.quote',
                    'ICMP error quoting the SIP 200 response in frame 9, which did not reach its '
                    'destination: a copy, not traffic (not analysed)',
                    'Note')],
       'sip.analysis.icmp.quoted_frame': ['9']}],
 11: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat'),
                   ('sip.analysis.icmp.undeliverable',
                    'ICMP error in frame 12 reports this message undeliverable: its destination could not be '
                    'reached (closed port, NAT binding gone, routing)',
                    'Warning'),
                   ('sip.analysis.retransmission', 'Retransmission of frame 9', 'Note')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.icmp.frame': ['12'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['6'],
       'sip.analysis.response_time': ['3.500000000'],
       'sip.analysis.retransmission_of': ['9']}],
 12: [{'experts': [('sip.analysis.icmp.quote',
                    'ICMP error quoting the SIP 200 response in frame 11, which did not reach its '
                    'destination: a copy, not traffic (not analysed)',
                    'Note')],
       'sip.analysis.icmp.quoted_frame': ['11']}],
 13: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat'),
                   ('sip.analysis.icmp.undeliverable',
                    'ICMP error in frame 14 reports this message undeliverable: its destination could not be '
                    'reached (closed port, NAT binding gone, routing)',
                    'Warning'),
                   ('sip.analysis.retransmission', 'Retransmission of frame 9', 'Note')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.icmp.frame': ['14'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['6'],
       'sip.analysis.response_time': ['4.500000000'],
       'sip.analysis.retransmission_of': ['9']}],
 14: [{'experts': [('sip.analysis.icmp.quote',
                    'ICMP error quoting the SIP 200 response in frame 13, which did not reach its '
                    'destination: a copy, not traffic (not analysed)',
                    'Note')],
       'sip.analysis.icmp.quoted_frame': ['13']}],
 15: [{'experts': [('sip.analysis.icmp.quote',
                    'ICMP error quoting a SIP request that is not in the capture: a copy, not traffic (not '
                    'analysed)',
                    'Note')]}]}
