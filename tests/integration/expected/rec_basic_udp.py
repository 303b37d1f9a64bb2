# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/rec-basic-udp.pcapng with tshark -2: one dict per SIP message of each
annotated frame (our fields, and our expert infos as (name, text, severity)). Reviewed by hand
against captures/ (see the capture notes); one-pass output is derived by dropping what needs -2."""

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
      'sip.analysis.response_time': ['0.023166641'],
      'sip.analysis.trying.delay': ['0.023166641'],
      'sip.analysis.trying.duration': ['0.024826386'],
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
      'sip.analysis.delay.srd': ['0.047993027'],
      'sip.analysis.delay.srd_failed': ['0'],
      'sip.analysis.outcome': ['1'],
      'sip.analysis.request_frame': ['1'],
      'sip.analysis.response_time': ['0.047993027'],
      'sip.analysis.trying.duration': ['0.024826386'],
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
      'sip.analysis.response_time': ['0.099806458']}],
 7: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
      'sip.analysis.class': ['2'],
      'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                   'means the ACK is lost (routing, NAT, Contact).'],
      'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and carries '
                                    'the SDP answer (or the offer).'],
      'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
      'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
      'sip.analysis.delay.bye_frame': ['6'],
      'sip.analysis.delay.sdd': ['0.000246461'],
      'sip.analysis.delay.sdd_failed': ['0'],
      'sip.analysis.outcome': ['2'],
      'sip.analysis.request_frame': ['6'],
      'sip.analysis.response_time': ['0.000246461']}],
 9: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat')],
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
      'sip.analysis.response_time': ['0.026853201'],
      'sip.analysis.trying.delay': ['0.026853201'],
      'sip.analysis.trying.duration': ['0.029119089'],
      'sip.analysis.trying.next_frame': ['10'],
      'sip.analysis.trying.retransmissions': ['0']}],
 10: [{'experts': [('sip.analysis.response.progress', '180 Ringing: in progress', 'Chat')],
       'sip.analysis.class': ['1'],
       'sip.analysis.code.action': ['Nothing. If the caller hears silence, check whether the 180 carries SDP '
                                    'and who is meant to play the ringback.'],
       'sip.analysis.code.meaning': ["The callee's UA received the INVITE and is alerting the user. A To tag "
                                     'in it creates an early dialog.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.1.2'],
       'sip.analysis.code.seen_when': ['Once the INVITE reaches a phone; the caller then usually plays '
                                       'ringback locally unless early media arrives.'],
       'sip.analysis.delay.invite_frame': ['8'],
       'sip.analysis.delay.srd': ['0.055972290'],
       'sip.analysis.delay.srd_failed': ['0'],
       'sip.analysis.outcome': ['1'],
       'sip.analysis.request_frame': ['8'],
       'sip.analysis.response_time': ['0.055972290'],
       'sip.analysis.trying.duration': ['0.029119089'],
       'sip.analysis.trying.frame': ['9']}],
 11: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.delay.invite_frame': ['8'],
       'sip.analysis.delay.setup': ['1'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['8'],
       'sip.analysis.response_time': ['0.107945987']}],
 14: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.delay.bye_frame': ['13'],
       'sip.analysis.delay.sdd': ['0.000144135'],
       'sip.analysis.delay.sdd_failed': ['0'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['13'],
       'sip.analysis.response_time': ['0.000144135']}]}
