# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/hm-bad-input.pcapng with tshark -2: one dict per SIP message of each
annotated frame (our fields, and our expert infos as (name, text, severity)). Reviewed by hand
against captures/ (see the capture notes); one-pass output is derived by dropping what needs -2."""

EXPECTED = {2: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat'),
                  ('sip.analysis.missing.cseq',
                   'No usable CSeq header: the message cannot be matched to a transaction',
                   'Warning')],
      'sip.analysis.class': ['2'],
      'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                   'means the ACK is lost (routing, NAT, Contact).'],
      'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and carries '
                                    'the SDP answer (or the offer).'],
      'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
      'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
      'sip.analysis.outcome': ['2']}],
 3: [{'experts': [('sip.analysis.missing.via', 'No Via header', 'Warning')]}],
 4: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat'),
                  ('sip.analysis.missing.via', 'No Via header', 'Warning')],
      'sip.analysis.class': ['2'],
      'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                   'means the ACK is lost (routing, NAT, Contact).'],
      'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and carries '
                                    'the SDP answer (or the offer).'],
      'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
      'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
      'sip.analysis.outcome': ['2'],
      'sip.analysis.request_frame': ['3'],
      'sip.analysis.response_time': ['0.010000000']}],
 6: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat'),
                  ('sip.analysis.missing.call_id', 'No Call-ID header', 'Warning')],
      'sip.analysis.class': ['2'],
      'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                   'means the ACK is lost (routing, NAT, Contact).'],
      'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and carries '
                                    'the SDP answer (or the offer).'],
      'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
      'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
      'sip.analysis.outcome': ['2'],
      'sip.analysis.request_frame': ['5'],
      'sip.analysis.response_time': ['0.011000000']}],
 8: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat'),
                  ('sip.analysis.time.negative',
                   'Response time-stamped 5.000 ms before its request in frame 7',
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
      'sip.analysis.request_frame': ['7'],
      'sip.analysis.response_time': ['-0.005000000'],
      'sip.analysis.trying.delay': ['-0.005000000'],
      'sip.analysis.trying.duration': ['0.305000000'],
      'sip.analysis.trying.next_frame': ['9'],
      'sip.analysis.trying.retransmissions': ['0']}],
 9: [{'experts': [('sip.analysis.response.failure', '486 Busy Here: declined by the callee', 'Warning')],
      'sip.analysis.class': ['4'],
      'sip.analysis.code.action': ["Usually normal. If unexpected, check the endpoint's call limit, "
                                   'busy-on-busy settings and Retry-After.'],
      'sip.analysis.code.meaning': ['The callee was reached but cannot take another call at this end system; '
                                    'other locations such as voicemail may still answer.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.4.24'],
      'sip.analysis.code.seen_when': ['Phone already in a call without call waiting, a user rejecting the '
                                      'call on some phones, or a trunk at its call limit.'],
      'sip.analysis.outcome': ['6'],
      'sip.analysis.request_frame': ['7'],
      'sip.analysis.response_time': ['0.300000000'],
      'sip.analysis.trying.duration': ['0.305000000'],
      'sip.analysis.trying.frame': ['8']}],
 11: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat'),
                   ('sip.analysis.request_unseen',
                    'The request this response answers is not in the capture',
                    'Note')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.outcome': ['2']}],
 13: [{'experts': [('sip.analysis.retransmission', 'Retransmission of frame 12', 'Note')],
       'sip.analysis.retransmission_of': ['12']}],
 14: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat')],
       'sip.analysis.class': ['1'],
       'sip.analysis.code.action': ['Nothing, unless it stays on 100 for long: then check connectivity and '
                                    'the proxy.'],
       'sip.analysis.code.meaning': ['The next hop received the request and is working on it; more responses '
                                     'will follow.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.1.1'],
       'sip.analysis.code.seen_when': ['Right after an INVITE, while the proxy looks for the callee. It is '
                                       'hop-by-hop: each stateful proxy sends its own.'],
       'sip.analysis.outcome': ['1'],
       'sip.analysis.request_frame': ['12'],
       'sip.analysis.response_time': ['0.020000000'],
       'sip.analysis.trying.delay': ['0.020000000'],
       'sip.analysis.trying.duration': ['0.980000000'],
       'sip.analysis.trying.next_frame': ['15'],
       'sip.analysis.trying.retransmissions': ['1']}],
 15: [{'experts': [('sip.analysis.response.failure', '603 Decline: declined by the callee', 'Warning')],
       'sip.analysis.class': ['6'],
       'sip.analysis.code.action': ['Usually a user decision, not a fault. If unexpected, check call '
                                    'blocking rules and the Reason header.'],
       'sip.analysis.code.meaning': ['The callee was reached but explicitly does not wish to or cannot take '
                                     'part, and no other location will answer.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.6.2'],
       'sip.analysis.code.seen_when': ['A user pressing reject, call screening or blocking services, some '
                                       'spam filters.'],
       'sip.analysis.outcome': ['6'],
       'sip.analysis.request_frame': ['12'],
       'sip.analysis.response_time': ['1.000000000'],
       'sip.analysis.trying.duration': ['0.980000000'],
       'sip.analysis.trying.frame': ['14']}],
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
       'sip.analysis.response_time': ['0.020000000'],
       'sip.analysis.trying.delay': ['0.020000000'],
       'sip.analysis.trying.duration': ['0.980000000'],
       'sip.analysis.trying.next_frame': ['19'],
       'sip.analysis.trying.retransmissions': ['0']}],
 19: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['17'],
       'sip.analysis.response_time': ['1.000000000'],
       'sip.analysis.trying.duration': ['0.980000000'],
       'sip.analysis.trying.frame': ['18']}],
 22: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['21'],
       'sip.analysis.response_time': ['0.010000000']}],
 24: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat')],
       'sip.analysis.class': ['1'],
       'sip.analysis.code.action': ['Nothing, unless it stays on 100 for long: then check connectivity and '
                                    'the proxy.'],
       'sip.analysis.code.meaning': ['The next hop received the request and is working on it; more responses '
                                     'will follow.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.1.1'],
       'sip.analysis.code.seen_when': ['Right after an INVITE, while the proxy looks for the callee. It is '
                                       'hop-by-hop: each stateful proxy sends its own.'],
       'sip.analysis.outcome': ['1'],
       'sip.analysis.request_frame': ['23'],
       'sip.analysis.response_time': ['0.025000000'],
       'sip.analysis.trying.delay': ['0.025000000'],
       'sip.analysis.trying.duration': ['0.475000000'],
       'sip.analysis.trying.next_frame': ['25'],
       'sip.analysis.trying.retransmissions': ['0']}],
 25: [{'experts': [('sip.analysis.response.failure', '486 Busy Here: declined by the callee', 'Warning')],
       'sip.analysis.class': ['4'],
       'sip.analysis.code.action': ["Usually normal. If unexpected, check the endpoint's call limit, "
                                    'busy-on-busy settings and Retry-After.'],
       'sip.analysis.code.meaning': ['The callee was reached but cannot take another call at this end '
                                     'system; other locations such as voicemail may still answer.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.4.24'],
       'sip.analysis.code.seen_when': ['Phone already in a call without call waiting, a user rejecting the '
                                       'call on some phones, or a trunk at its call limit.'],
       'sip.analysis.outcome': ['6'],
       'sip.analysis.request_frame': ['23'],
       'sip.analysis.response_time': ['0.500000000'],
       'sip.analysis.trying.duration': ['0.475000000'],
       'sip.analysis.trying.frame': ['24']}],
 28: [{'experts': [('sip.analysis.response.failure',
                    '421 Extension Required: option tags not agreed',
                    'Warning'),
                   ('sip.analysis.ext.missing_supported',
                    'UAS requires tïmer, über, z\\xff; INVITE in frame 27 listed Supported: replaces, tïmer, '
                    'x\\xffy. Add über, z\\xff to Supported and make sure the UA implements über (not in the '
                    'IANA registry) and z\\xff (not in the IANA registry)',
                    'Warning'),
                   ('sip.analysis.ext.not_retried',
                    'No retry of the INVITE follows this 421 in the capture',
                    'Note')],
       'sip.analysis.class': ['4'],
       'sip.analysis.code.action': ['Add the required tag to Supported and make sure the UA implements it; '
                                    "the 421's Require names it."],
       'sip.analysis.code.meaning': ['The server needs an extension the request did not list in Supported.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.4.16'],
       'sip.analysis.code.seen_when': ['When the server insists on an extension the client did not offer, '
                                       'e.g. 100rel at a gateway or sec-agree at an IMS P-CSCF.'],
       'sip.analysis.ext.missing': ['über', 'z\\xff'],
       'sip.analysis.ext.request_supported': ['replaces, tïmer, x\\xffy'],
       'sip.analysis.ext.required': ['tïmer', 'über', 'z\\xff'],
       'sip.analysis.outcome': ['8'],
       'sip.analysis.request_frame': ['27'],
       'sip.analysis.response_time': ['0.030000000']}],
 31: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat')],
       'sip.analysis.class': ['1'],
       'sip.analysis.code.action': ['Nothing, unless it stays on 100 for long: then check connectivity and '
                                    'the proxy.'],
       'sip.analysis.code.meaning': ['The next hop received the request and is working on it; more responses '
                                     'will follow.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.1.1'],
       'sip.analysis.code.seen_when': ['Right after an INVITE, while the proxy looks for the callee. It is '
                                       'hop-by-hop: each stateful proxy sends its own.'],
       'sip.analysis.outcome': ['1'],
       'sip.analysis.request_frame': ['30'],
       'sip.analysis.response_time': ['0.025000000'],
       'sip.analysis.trying.delay': ['0.025000000'],
       'sip.analysis.trying.duration': ['0.975000000'],
       'sip.analysis.trying.next_frame': ['32'],
       'sip.analysis.trying.retransmissions': ['0']}],
 32: [{'experts': [('sip.analysis.response.failure', '486 Busy Here: declined by the callee', 'Warning')],
       'sip.analysis.class': ['4'],
       'sip.analysis.code.action': ["Usually normal. If unexpected, check the endpoint's call limit, "
                                    'busy-on-busy settings and Retry-After.'],
       'sip.analysis.code.meaning': ['The callee was reached but cannot take another call at this end '
                                     'system; other locations such as voicemail may still answer.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.4.24'],
       'sip.analysis.code.seen_when': ['Phone already in a call without call waiting, a user rejecting the '
                                       'call on some phones, or a trunk at its call limit.'],
       'sip.analysis.outcome': ['6'],
       'sip.analysis.request_frame': ['30'],
       'sip.analysis.response_time': ['1.000000000'],
       'sip.analysis.trying.duration': ['0.975000000'],
       'sip.analysis.trying.frame': ['31']}],
 35: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat')],
       'sip.analysis.class': ['1'],
       'sip.analysis.code.action': ['Nothing, unless it stays on 100 for long: then check connectivity and '
                                    'the proxy.'],
       'sip.analysis.code.meaning': ['The next hop received the request and is working on it; more responses '
                                     'will follow.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.1.1'],
       'sip.analysis.code.seen_when': ['Right after an INVITE, while the proxy looks for the callee. It is '
                                       'hop-by-hop: each stateful proxy sends its own.'],
       'sip.analysis.outcome': ['1'],
       'sip.analysis.request_frame': ['34'],
       'sip.analysis.response_time': ['0.030000000'],
       'sip.analysis.trying.delay': ['0.030000000'],
       'sip.analysis.trying.duration': ['1.970000000'],
       'sip.analysis.trying.next_frame': ['36'],
       'sip.analysis.trying.retransmissions': ['0']}],
 36: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['34'],
       'sip.analysis.response_time': ['2.000000000'],
       'sip.analysis.trying.duration': ['1.970000000'],
       'sip.analysis.trying.frame': ['35']}],
 38: [{'experts': [('sip.analysis.tag_lines_cut',
                    'Too many option-tag header lines: only the first ones were analysed',
                    'Note')]}],
 39: [{'experts': [('sip.analysis.response.failure',
                    '421 Extension Required: option tags not agreed',
                    'Warning'),
                   ('sip.analysis.ext.missing_supported',
                    'UAS requires 100rel; INVITE in frame 38 listed Supported: x-tag0, x-tag1, x-tag2, '
                    'x-tag3, x-tag4, x-tag5, x-tag6, x-tag7, x-tag8, x-tag9, x-tag10, x-tag11, x-tag12, '
                    'x-tag13, x-tag14, x-tag15, x-tag16, x-tag17, x-tag18, x-tag19, x-tag20, x-',
                    'Warning'),
                   ('sip.analysis.ext.not_retried',
                    'No retry of the INVITE follows this 421 in the capture',
                    'Note')],
       'sip.analysis.class': ['4'],
       'sip.analysis.code.action': ['Add the required tag to Supported and make sure the UA implements it; '
                                    "the 421's Require names it."],
       'sip.analysis.code.meaning': ['The server needs an extension the request did not list in Supported.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.4.16'],
       'sip.analysis.code.seen_when': ['When the server insists on an extension the client did not offer, '
                                       'e.g. 100rel at a gateway or sec-agree at an IMS P-CSCF.'],
       'sip.analysis.ext.missing': ['100rel'],
       'sip.analysis.ext.request_supported': ['x-tag0, x-tag1, x-tag2, x-tag3, x-tag4, x-tag5, x-tag6, '
                                              'x-tag7, x-tag8, x-tag9, x-tag10, x-tag11, x-tag12, x-tag13, '
                                              'x-tag14, x-tag15, x-tag16, x-tag17, x-tag18, x-tag19, '
                                              'x-tag20, x-tag21, x-tag22, x-tag23, x-tag24, x-tag25, '
                                              'x-tag26, x-tag27, x-tag28, x-tag29, x-tag30, x-tag31'],
       'sip.analysis.ext.required': ['100rel'],
       'sip.analysis.outcome': ['8'],
       'sip.analysis.request_frame': ['38'],
       'sip.analysis.response_time': ['0.020000000']}]}
