# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/hm-tcp-two-in-one.pcapng with tshark -2: one dict per SIP message of each
annotated frame (our fields, and our expert infos as (name, text, severity)). Reviewed by hand
against captures/ (see the capture notes); one-pass output is derived by dropping what needs -2."""

EXPECTED = {5: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat')],
      'sip.analysis.class': ['1'],
      'sip.analysis.code.action': ['Nothing, unless it stays on 100 for long: then check connectivity and '
                                   'the proxy.'],
      'sip.analysis.code.meaning': ['The next hop received the request and is working on it; more responses '
                                    'will follow.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.1.1'],
      'sip.analysis.code.seen_when': ['Right after an INVITE, while the proxy looks for the callee. It is '
                                      'hop-by-hop: each stateful proxy sends its own.'],
      'sip.analysis.outcome': ['1'],
      'sip.analysis.request_frame': ['4'],
      'sip.analysis.response_time': ['0.025000000'],
      'sip.analysis.trying.delay': ['0.025000000'],
      'sip.analysis.trying.duration': ['0.000000000'],
      'sip.analysis.trying.next_frame': ['5'],
      'sip.analysis.trying.retransmissions': ['0']},
     {'experts': [('sip.analysis.response.failure',
                   '421 Extension Required: option tags not agreed',
                   'Warning'),
                  ('sip.analysis.ext.missing_supported',
                   'UAS requires 100rel, timer; INVITE in frame 4 listed Supported: timer. Add 100rel to '
                   'Supported and make sure the UA implements RFC 3262',
                   'Warning')],
      'sip.analysis.class': ['4'],
      'sip.analysis.code.action': ['Add the required tag to Supported and make sure the UA implements it; '
                                   "the 421's Require names it."],
      'sip.analysis.code.meaning': ['The server needs an extension the request did not list in Supported.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.4.16'],
      'sip.analysis.code.seen_when': ['When the server insists on an extension the client did not offer, '
                                      'e.g. 100rel at a gateway or sec-agree at an IMS P-CSCF.'],
      'sip.analysis.delay.invite_frame': ['4'],
      'sip.analysis.delay.setup': ['2'],
      'sip.analysis.delay.srd': ['0.025000000'],
      'sip.analysis.delay.srd_failed': ['1'],
      'sip.analysis.ext.missing': ['100rel'],
      'sip.analysis.ext.request_supported': ['timer'],
      'sip.analysis.ext.required': ['100rel', 'timer'],
      'sip.analysis.ext.retry_frame': ['9'],
      'sip.analysis.outcome': ['8'],
      'sip.analysis.request_frame': ['4'],
      'sip.analysis.response_time': ['0.025000000'],
      'sip.analysis.trying.duration': ['0.000000000'],
      'sip.analysis.trying.frame': ['5']}],
 9: [{'experts': [('sip.analysis.ext.retry',
                   'Retry of the 421 in frame 5: now offers 100rel, timer',
                   'Chat')],
      'sip.analysis.ext.retry_fixed': ['1'],
      'sip.analysis.ext.retry_of': ['5']}],
 10: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat')],
       'sip.analysis.class': ['1'],
       'sip.analysis.code.action': ['Nothing, unless it stays on 100 for long: then check connectivity and '
                                    'the proxy.'],
       'sip.analysis.code.meaning': ['The next hop received the request and is working on it; more responses '
                                     'will follow.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.1.1'],
       'sip.analysis.code.seen_when': ['Right after an INVITE, while the proxy looks for the callee. It is '
                                       'hop-by-hop: each stateful proxy sends its own.'],
       'sip.analysis.outcome': ['1'],
       'sip.analysis.request_frame': ['9'],
       'sip.analysis.response_time': ['0.019940000'],
       'sip.analysis.trying.delay': ['0.019940000'],
       'sip.analysis.trying.duration': ['0.000000000'],
       'sip.analysis.trying.next_frame': ['10'],
       'sip.analysis.trying.retransmissions': ['0']},
      {'experts': [('sip.analysis.response.progress', '180 Ringing: in progress', 'Chat')],
       'sip.analysis.class': ['1'],
       'sip.analysis.code.action': ['Nothing. If the caller hears silence, check whether the 180 carries SDP '
                                    'and who is meant to play the ringback.'],
       'sip.analysis.code.meaning': ["The callee's UA received the INVITE and is alerting the user. A To tag "
                                     'in it creates an early dialog.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.1.2'],
       'sip.analysis.code.seen_when': ['Once the INVITE reaches a phone; the caller then usually plays '
                                       'ringback locally unless early media arrives.'],
       'sip.analysis.delay.invite_frame': ['9'],
       'sip.analysis.delay.srd': ['0.019940000'],
       'sip.analysis.delay.srd_failed': ['0'],
       'sip.analysis.outcome': ['1'],
       'sip.analysis.request_frame': ['9'],
       'sip.analysis.response_time': ['0.019940000'],
       'sip.analysis.trying.duration': ['0.000000000'],
       'sip.analysis.trying.frame': ['10']}],
 12: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.delay.invite_frame': ['9'],
       'sip.analysis.delay.setup': ['1'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['9'],
       'sip.analysis.response_time': ['1.399940000']}],
 16: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.delay.bye_frame': ['15'],
       'sip.analysis.delay.sdd': ['0.015000000'],
       'sip.analysis.delay.sdd_failed': ['0'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['15'],
       'sip.analysis.response_time': ['0.015000000']}]}
