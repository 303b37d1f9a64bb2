# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/rec-proxy-chain.pcapng with tshark -2: one dict per SIP message of each
annotated frame (our fields, and our expert infos as (name, text, severity)). Reviewed by hand
against captures/ (see the capture notes); one-pass output is derived by dropping what needs -2."""

EXPECTED = {2: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat'),
                  ('sip.analysis.code.phrase_differs',
                   'Reason phrase differs from the standard "Trying": the code, not the phrase, tells what '
                   'happened',
                   'Chat')],
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
      'sip.analysis.response_time': ['0.019190220'],
      'sip.analysis.trying.delay': ['0.019190220'],
      'sip.analysis.trying.duration': ['0.069447122'],
      'sip.analysis.trying.next_frame': ['6'],
      'sip.analysis.trying.retransmissions': ['0']}],
 4: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat')],
      'sip.analysis.class': ['1'],
      'sip.analysis.code.action': ['Nothing, unless it stays on 100 for long: then check connectivity and '
                                   'the proxy.'],
      'sip.analysis.code.meaning': ['The next hop received the request and is working on it; more responses '
                                    'will follow.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.1.1'],
      'sip.analysis.code.seen_when': ['Right after an INVITE, while the proxy looks for the callee. It is '
                                      'hop-by-hop: each stateful proxy sends its own.'],
      'sip.analysis.outcome': ['1'],
      'sip.analysis.request_frame': ['3'],
      'sip.analysis.response_time': ['0.032560713'],
      'sip.analysis.trying.delay': ['0.032560713'],
      'sip.analysis.trying.duration': ['0.031937664'],
      'sip.analysis.trying.next_frame': ['5'],
      'sip.analysis.trying.retransmissions': ['0']}],
 5: [{'experts': [('sip.analysis.response.progress', '180 Ringing: in progress', 'Chat')],
      'sip.analysis.class': ['1'],
      'sip.analysis.code.action': ['Nothing. If the caller hears silence, check whether the 180 carries SDP '
                                   'and who is meant to play the ringback.'],
      'sip.analysis.code.meaning': ["The callee's UA received the INVITE and is alerting the user. A To tag "
                                    'in it creates an early dialog.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.1.2'],
      'sip.analysis.code.seen_when': ['Once the INVITE reaches a phone; the caller then usually plays '
                                      'ringback locally unless early media arrives.'],
      'sip.analysis.outcome': ['1'],
      'sip.analysis.request_frame': ['3'],
      'sip.analysis.response_time': ['0.064498377'],
      'sip.analysis.trying.duration': ['0.031937664'],
      'sip.analysis.trying.frame': ['4']}],
 6: [{'experts': [('sip.analysis.response.progress', '180 Ringing: in progress', 'Chat')],
      'sip.analysis.class': ['1'],
      'sip.analysis.code.action': ['Nothing. If the caller hears silence, check whether the 180 carries SDP '
                                   'and who is meant to play the ringback.'],
      'sip.analysis.code.meaning': ["The callee's UA received the INVITE and is alerting the user. A To tag "
                                    'in it creates an early dialog.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.1.2'],
      'sip.analysis.code.seen_when': ['Once the INVITE reaches a phone; the caller then usually plays '
                                      'ringback locally unless early media arrives.'],
      'sip.analysis.delay.invite_frame': ['1'],
      'sip.analysis.delay.srd': ['0.088637342'],
      'sip.analysis.delay.srd_failed': ['0'],
      'sip.analysis.outcome': ['1'],
      'sip.analysis.request_frame': ['1'],
      'sip.analysis.response_time': ['0.088637342'],
      'sip.analysis.trying.duration': ['0.069447122'],
      'sip.analysis.trying.frame': ['2']}],
 7: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
      'sip.analysis.class': ['2'],
      'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                   'means the ACK is lost (routing, NAT, Contact).'],
      'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and carries '
                                    'the SDP answer (or the offer).'],
      'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
      'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
      'sip.analysis.outcome': ['2'],
      'sip.analysis.request_frame': ['3'],
      'sip.analysis.response_time': ['0.116826730']}],
 8: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
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
      'sip.analysis.response_time': ['0.144291887']}],
 13: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['12'],
       'sip.analysis.response_time': ['0.000186386']}],
 14: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.delay.bye_frame': ['11'],
       'sip.analysis.delay.sdd': ['0.005274056'],
       'sip.analysis.delay.sdd_failed': ['0'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['11'],
       'sip.analysis.response_time': ['0.005274056']}],
 16: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat'),
                   ('sip.analysis.code.phrase_differs',
                    'Reason phrase differs from the standard "Trying": the code, not the phrase, tells what '
                    'happened',
                    'Chat')],
       'sip.analysis.class': ['1'],
       'sip.analysis.code.action': ['Nothing, unless it stays on 100 for long: then check connectivity and '
                                    'the proxy.'],
       'sip.analysis.code.meaning': ['The next hop received the request and is working on it; more responses '
                                     'will follow.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.1.1'],
       'sip.analysis.code.seen_when': ['Right after an INVITE, while the proxy looks for the callee. It is '
                                       'hop-by-hop: each stateful proxy sends its own.'],
       'sip.analysis.outcome': ['1'],
       'sip.analysis.request_frame': ['15'],
       'sip.analysis.response_time': ['0.001178046'],
       'sip.analysis.trying.delay': ['0.001178046'],
       'sip.analysis.trying.duration': ['0.066514230'],
       'sip.analysis.trying.next_frame': ['20'],
       'sip.analysis.trying.retransmissions': ['0']}],
 18: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat')],
       'sip.analysis.class': ['1'],
       'sip.analysis.code.action': ['Nothing, unless it stays on 100 for long: then check connectivity and '
                                    'the proxy.'],
       'sip.analysis.code.meaning': ['The next hop received the request and is working on it; more responses '
                                     'will follow.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.1.1'],
       'sip.analysis.code.seen_when': ['Right after an INVITE, while the proxy looks for the callee. It is '
                                       'hop-by-hop: each stateful proxy sends its own.'],
       'sip.analysis.outcome': ['1'],
       'sip.analysis.request_frame': ['17'],
       'sip.analysis.response_time': ['0.034289378'],
       'sip.analysis.trying.delay': ['0.034289378'],
       'sip.analysis.trying.duration': ['0.031539425'],
       'sip.analysis.trying.next_frame': ['19'],
       'sip.analysis.trying.retransmissions': ['0']}],
 19: [{'experts': [('sip.analysis.response.progress', '180 Ringing: in progress', 'Chat')],
       'sip.analysis.class': ['1'],
       'sip.analysis.code.action': ['Nothing. If the caller hears silence, check whether the 180 carries SDP '
                                    'and who is meant to play the ringback.'],
       'sip.analysis.code.meaning': ["The callee's UA received the INVITE and is alerting the user. A To tag "
                                     'in it creates an early dialog.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.1.2'],
       'sip.analysis.code.seen_when': ['Once the INVITE reaches a phone; the caller then usually plays '
                                       'ringback locally unless early media arrives.'],
       'sip.analysis.outcome': ['1'],
       'sip.analysis.request_frame': ['17'],
       'sip.analysis.response_time': ['0.065828803'],
       'sip.analysis.trying.duration': ['0.031539425'],
       'sip.analysis.trying.frame': ['18']}],
 20: [{'experts': [('sip.analysis.response.progress', '180 Ringing: in progress', 'Chat')],
       'sip.analysis.class': ['1'],
       'sip.analysis.code.action': ['Nothing. If the caller hears silence, check whether the 180 carries SDP '
                                    'and who is meant to play the ringback.'],
       'sip.analysis.code.meaning': ["The callee's UA received the INVITE and is alerting the user. A To tag "
                                     'in it creates an early dialog.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.1.2'],
       'sip.analysis.code.seen_when': ['Once the INVITE reaches a phone; the caller then usually plays '
                                       'ringback locally unless early media arrives.'],
       'sip.analysis.delay.invite_frame': ['15'],
       'sip.analysis.delay.srd': ['0.067692276'],
       'sip.analysis.delay.srd_failed': ['0'],
       'sip.analysis.outcome': ['1'],
       'sip.analysis.request_frame': ['15'],
       'sip.analysis.response_time': ['0.067692276'],
       'sip.analysis.trying.duration': ['0.066514230'],
       'sip.analysis.trying.frame': ['16']}],
 21: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['17'],
       'sip.analysis.response_time': ['0.118302343']}],
 22: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.delay.invite_frame': ['15'],
       'sip.analysis.delay.setup': ['1'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['15'],
       'sip.analysis.response_time': ['0.120515763']}],
 27: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['26'],
       'sip.analysis.response_time': ['0.000154003']}],
 28: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.delay.bye_frame': ['25'],
       'sip.analysis.delay.sdd': ['0.000918200'],
       'sip.analysis.delay.sdd_failed': ['0'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['25'],
       'sip.analysis.response_time': ['0.000918200']}]}
