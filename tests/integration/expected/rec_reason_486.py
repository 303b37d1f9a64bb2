# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/rec-reason-486.pcapng with tshark -2: one dict per SIP message of each
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
      'sip.analysis.response_time': ['0.023547388'],
      'sip.analysis.trying.delay': ['0.023547388'],
      'sip.analysis.trying.duration': ['0.024752772'],
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
      'sip.analysis.delay.srd': ['0.048300160'],
      'sip.analysis.delay.srd_failed': ['0'],
      'sip.analysis.outcome': ['1'],
      'sip.analysis.request_frame': ['1'],
      'sip.analysis.response_time': ['0.048300160'],
      'sip.analysis.trying.duration': ['0.024752772'],
      'sip.analysis.trying.frame': ['2']}],
 4: [{'experts': [('sip.analysis.response.failure',
                   '486 Busy Here: declined by the callee; Reason Q.850 17 User busy',
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
      'sip.analysis.reason.cause': ['17'],
      'sip.analysis.reason.cause_name': ['User busy'],
      'sip.analysis.reason.protocol': ['Q.850'],
      'sip.analysis.reason.text': ['User busy'],
      'sip.analysis.request_frame': ['1'],
      'sip.analysis.response_time': ['0.356154397'],
      'sip.analysis.warning.agent': ['uas.example.net'],
      'sip.analysis.warning.code': ['399'],
      'sip.analysis.warning.text': ['Callee busy']}],
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
      'sip.analysis.response_time': ['0.024222357'],
      'sip.analysis.trying.delay': ['0.024222357'],
      'sip.analysis.trying.duration': ['0.024106648'],
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
      'sip.analysis.delay.invite_frame': ['6'],
      'sip.analysis.delay.srd': ['0.048329005'],
      'sip.analysis.delay.srd_failed': ['0'],
      'sip.analysis.outcome': ['1'],
      'sip.analysis.request_frame': ['6'],
      'sip.analysis.response_time': ['0.048329005'],
      'sip.analysis.trying.duration': ['0.024106648'],
      'sip.analysis.trying.frame': ['7']}],
 9: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
      'sip.analysis.class': ['2'],
      'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                   'means the ACK is lost (routing, NAT, Contact).'],
      'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and carries '
                                    'the SDP answer (or the offer).'],
      'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
      'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
      'sip.analysis.delay.invite_frame': ['6'],
      'sip.analysis.delay.setup': ['1'],
      'sip.analysis.outcome': ['2'],
      'sip.analysis.request_frame': ['6'],
      'sip.analysis.response_time': ['0.104098431']}],
 11: [{'experts': [],
       'sip.analysis.reason.cause': ['16'],
       'sip.analysis.reason.cause_name': ['Normal call clearing'],
       'sip.analysis.reason.protocol': ['Q.850'],
       'sip.analysis.reason.text': ['Normal call clearing']}],
 12: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.delay.bye_frame': ['11'],
       'sip.analysis.delay.sdd': ['0.000075062'],
       'sip.analysis.delay.sdd_failed': ['0'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['11'],
       'sip.analysis.response_time': ['0.000075062']}]}
