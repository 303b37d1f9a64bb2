# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/rec-slow-trying.pcapng with tshark -2: one dict per SIP message of each
annotated frame (our fields, and our expert infos as (name, text, severity)). Reviewed by hand
against captures/ (see the capture notes); one-pass output is derived by dropping what needs -2."""

EXPECTED = {2: [{'experts': [('sip.analysis.retransmission', 'Retransmission of frame 1', 'Note')],
      'sip.analysis.retransmission_of': ['1']}],
 3: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat'),
                  ('sip.analysis.trying.late',
                   '100 Trying came 1203.040 ms after the INVITE in frame 1 (threshold 200 ms), as seen at '
                   'the capture point (round trip included); 1 INVITE copy went out first: loss is more '
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
      'sip.analysis.response_time': ['1.203040647'],
      'sip.analysis.trying.delay': ['1.203040647'],
      'sip.analysis.trying.duration': ['1.204755477'],
      'sip.analysis.trying.next_frame': ['4'],
      'sip.analysis.trying.retransmissions': ['1']}],
 4: [{'experts': [('sip.analysis.response.progress', '180 Ringing: in progress', 'Chat')],
      'sip.analysis.class': ['1'],
      'sip.analysis.code.action': ['Nothing. If the caller hears silence, check whether the 180 carries SDP '
                                   'and who is meant to play the ringback.'],
      'sip.analysis.code.meaning': ["The callee's UA received the INVITE and is alerting the user. A To tag "
                                    'in it creates an early dialog.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.1.2'],
      'sip.analysis.code.seen_when': ['Once the INVITE reaches a phone; the caller then usually plays '
                                      'ringback locally unless early media arrives.'],
      'sip.analysis.delay.invite_frame': ['1'],
      'sip.analysis.delay.srd': ['2.407796124'],
      'sip.analysis.delay.srd_failed': ['0'],
      'sip.analysis.outcome': ['1'],
      'sip.analysis.request_frame': ['1'],
      'sip.analysis.response_time': ['2.407796124'],
      'sip.analysis.trying.duration': ['1.204755477'],
      'sip.analysis.trying.frame': ['3']}],
 5: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
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
      'sip.analysis.response_time': ['2.459161180']}],
 8: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
      'sip.analysis.class': ['2'],
      'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                   'means the ACK is lost (routing, NAT, Contact).'],
      'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and carries '
                                    'the SDP answer (or the offer).'],
      'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
      'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
      'sip.analysis.delay.bye_frame': ['7'],
      'sip.analysis.delay.sdd': ['0.000071186'],
      'sip.analysis.delay.sdd_failed': ['0'],
      'sip.analysis.outcome': ['2'],
      'sip.analysis.request_frame': ['7'],
      'sip.analysis.response_time': ['0.000071186']}]}
