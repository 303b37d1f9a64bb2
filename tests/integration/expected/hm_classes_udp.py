# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/hm-classes-udp.pcapng with tshark -2: one dict per SIP message of each
annotated frame (our fields, and our expert infos as (name, text, severity)). Reviewed by hand
against captures/ (see the capture notes); one-pass output is derived by dropping what needs -2."""

EXPECTED = {2: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat'),
                  ('sip.analysis.trying.stuck',
                   'Stuck on 100 Trying: no further response to the INVITE in frame 1 for 50282.000 ms, '
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
      'sip.analysis.request_frame': ['1'],
      'sip.analysis.response_time': ['0.020000000'],
      'sip.analysis.trying.delay': ['0.020000000'],
      'sip.analysis.trying.open': ['50.282000000'],
      'sip.analysis.trying.retransmissions': ['0']}],
 4: [{'experts': [('sip.analysis.response.progress', '180 Ringing: in progress', 'Chat')],
      'sip.analysis.class': ['1'],
      'sip.analysis.code.action': ['Nothing. If the caller hears silence, check whether the 180 carries SDP '
                                   'and who is meant to play the ringback.'],
      'sip.analysis.code.meaning': ["The callee's UA received the INVITE and is alerting the user. A To tag "
                                    'in it creates an early dialog.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.1.2'],
      'sip.analysis.code.seen_when': ['Once the INVITE reaches a phone; the caller then usually plays '
                                      'ringback locally unless early media arrives.'],
      'sip.analysis.delay.invite_frame': ['3'],
      'sip.analysis.delay.srd': ['0.120000000'],
      'sip.analysis.delay.srd_failed': ['0'],
      'sip.analysis.outcome': ['1'],
      'sip.analysis.request_frame': ['3'],
      'sip.analysis.response_time': ['0.120000000']}],
 6: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat'),
                  ('sip.analysis.trying.absent',
                   'No 100 Trying on this hop: the first response, 200 OK, came 1500.000 ms after the INVITE '
                   'in frame 5 (threshold 200 ms), as seen at the capture point (round trip included)',
                   'Note')],
      'sip.analysis.class': ['2'],
      'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                   'means the ACK is lost (routing, NAT, Contact).'],
      'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and carries '
                                    'the SDP answer (or the offer).'],
      'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
      'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
      'sip.analysis.delay.invite_frame': ['5'],
      'sip.analysis.delay.setup': ['1'],
      'sip.analysis.delay.srd': ['1.500000000'],
      'sip.analysis.delay.srd_failed': ['0'],
      'sip.analysis.outcome': ['2'],
      'sip.analysis.request_frame': ['5'],
      'sip.analysis.response_time': ['1.500000000']}],
 9: [{'experts': [('sip.analysis.response.redirect',
                   '302 Moved Temporarily: redirection, the request should go to the Contact given',
                   'Note')],
      'sip.analysis.class': ['3'],
      'sip.analysis.code.action': ['Check that the caller recurses to the Contact with a new INVITE; a call '
                                   'that ends on the 302 means nobody followed it.'],
      'sip.analysis.code.meaning': ['Retry the request at the address(es) in Contact; the redirection is '
                                    'temporary (Expires may bound it).'],
      'sip.analysis.code.rfc': ['RFC3261 §21.3.3'],
      'sip.analysis.code.seen_when': ['Call forwarding by redirect servers, and routing or LCR servers and '
                                      'SBCs that return the real destination in Contact.'],
      'sip.analysis.outcome': ['3'],
      'sip.analysis.request_frame': ['8'],
      'sip.analysis.response_time': ['0.035000000']}],
 12: [{'experts': [('sip.analysis.response.failure', '404 Not Found: request rejected', 'Warning')],
       'sip.analysis.class': ['4'],
       'sip.analysis.code.action': ['Check the Request-URI (number format, prefix, domain) and the dial plan '
                                    'or routing at the hop that rejected it.'],
       'sip.analysis.code.meaning': ['The user does not exist at the domain in the Request-URI, or that '
                                     'domain is not served by the recipient.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.4.5'],
       'sip.analysis.code.seen_when': ['Misdialled numbers, wrong dial plan or number normalisation, unknown '
                                       'extensions or domains.'],
       'sip.analysis.delay.invite_frame': ['11'],
       'sip.analysis.delay.setup': ['2'],
       'sip.analysis.delay.srd': ['0.045000000'],
       'sip.analysis.delay.srd_failed': ['1'],
       'sip.analysis.outcome': ['9'],
       'sip.analysis.request_frame': ['11'],
       'sip.analysis.response_time': ['0.045000000']}],
 15: [{'experts': [('sip.analysis.response.failure',
                    '421 Extension Required: option tags not agreed',
                    'Warning'),
                   ('sip.analysis.ext.missing_supported',
                    'UAS requires 100rel; INVITE in frame 14 listed Supported: replaces. Add 100rel to '
                    'Supported and make sure the UA implements RFC 3262',
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
       'sip.analysis.delay.invite_frame': ['14'],
       'sip.analysis.delay.setup': ['2'],
       'sip.analysis.delay.srd': ['0.025000000'],
       'sip.analysis.delay.srd_failed': ['1'],
       'sip.analysis.ext.missing': ['100rel'],
       'sip.analysis.ext.request_supported': ['replaces'],
       'sip.analysis.ext.required': ['100rel'],
       'sip.analysis.outcome': ['8'],
       'sip.analysis.request_frame': ['14'],
       'sip.analysis.response_time': ['0.025000000']}],
 18: [{'experts': [('sip.analysis.response.failure', '486 Busy Here: declined by the callee', 'Warning'),
                   ('sip.analysis.trying.absent',
                    'No 100 Trying on this hop: the first response, 486 Busy Here, came 800.000 ms after the '
                    'INVITE in frame 17 (threshold 200 ms), as seen at the capture point (round trip '
                    'included)',
                    'Note')],
       'sip.analysis.class': ['4'],
       'sip.analysis.code.action': ["Usually normal. If unexpected, check the endpoint's call limit, "
                                    'busy-on-busy settings and Retry-After.'],
       'sip.analysis.code.meaning': ['The callee was reached but cannot take another call at this end '
                                     'system; other locations such as voicemail may still answer.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.4.24'],
       'sip.analysis.code.seen_when': ['Phone already in a call without call waiting, a user rejecting the '
                                       'call on some phones, or a trunk at its call limit.'],
       'sip.analysis.delay.invite_frame': ['17'],
       'sip.analysis.delay.setup': ['2'],
       'sip.analysis.delay.srd': ['0.800000000'],
       'sip.analysis.delay.srd_failed': ['1'],
       'sip.analysis.outcome': ['6'],
       'sip.analysis.request_frame': ['17'],
       'sip.analysis.response_time': ['0.800000000']}],
 21: [{'experts': [('sip.analysis.response.failure', '503 Service Unavailable: server failure', 'Warning')],
       'sip.analysis.class': ['5'],
       'sip.analysis.code.action': ['Check capacity, routing and Retry-After. Clients should fail over to '
                                    'another server; a proxy should not just forward it upstream.'],
       'sip.analysis.code.meaning': ['The server is temporarily unable to handle the request, e.g. overload '
                                     'or maintenance; Retry-After may say for how long.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.5.4'],
       'sip.analysis.code.seen_when': ['Trunks at their channel limit, no route or gateway available, '
                                       'overloaded servers; some stacks also report local transport failures '
                                       'as 503.'],
       'sip.analysis.delay.invite_frame': ['20'],
       'sip.analysis.delay.setup': ['2'],
       'sip.analysis.delay.srd': ['0.060000000'],
       'sip.analysis.delay.srd_failed': ['1'],
       'sip.analysis.outcome': ['10'],
       'sip.analysis.request_frame': ['20'],
       'sip.analysis.response_time': ['0.060000000']}],
 24: [{'experts': [('sip.analysis.response.failure', '603 Decline: declined by the callee', 'Warning'),
                   ('sip.analysis.trying.absent',
                    'No 100 Trying on this hop: the first response, 603 Decline, came 2000.000 ms after the '
                    'INVITE in frame 23 (threshold 200 ms), as seen at the capture point (round trip '
                    'included)',
                    'Note')],
       'sip.analysis.class': ['6'],
       'sip.analysis.code.action': ['Usually a user decision, not a fault. If unexpected, check call '
                                    'blocking rules and the Reason header.'],
       'sip.analysis.code.meaning': ['The callee was reached but explicitly does not wish to or cannot take '
                                     'part, and no other location will answer.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.6.2'],
       'sip.analysis.code.seen_when': ['A user pressing reject, call screening or blocking services, some '
                                       'spam filters.'],
       'sip.analysis.delay.invite_frame': ['23'],
       'sip.analysis.delay.setup': ['2'],
       'sip.analysis.delay.srd': ['2.000000000'],
       'sip.analysis.delay.srd_failed': ['1'],
       'sip.analysis.outcome': ['6'],
       'sip.analysis.request_frame': ['23'],
       'sip.analysis.response_time': ['2.000000000']}],
 27: [{'experts': [('sip.analysis.response.failure',
                    '699 (unregistered code): global failure: no other destination will do better',
                    'Warning')],
       'sip.analysis.class': ['6'],
       'sip.analysis.code.action': ['Do not try other locations; retry later (Retry-After may say when).'],
       'sip.analysis.code.meaning': ['The callee was reached and is busy, and knows that no other location '
                                     'would accept the call.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.6.1'],
       'sip.analysis.code.seen_when': ['Rare in practice; some services send it for a global busy or '
                                       'do-not-disturb instead of 486.'],
       'sip.analysis.delay.invite_frame': ['26'],
       'sip.analysis.delay.setup': ['2'],
       'sip.analysis.delay.srd': ['0.090000000'],
       'sip.analysis.delay.srd_failed': ['1'],
       'sip.analysis.outcome': ['11'],
       'sip.analysis.request_frame': ['26'],
       'sip.analysis.response_time': ['0.090000000']}],
 30: [{'experts': [('sip.analysis.response.success', '299 (unregistered code): success', 'Chat'),
                   ('sip.analysis.trying.absent',
                    'No 100 Trying on this hop: the first response, 299 (unregistered code), came 300.000 ms '
                    'after the INVITE in frame 29 (threshold 200 ms), as seen at the capture point (round '
                    'trip included)',
                    'Note')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.delay.invite_frame': ['29'],
       'sip.analysis.delay.setup': ['1'],
       'sip.analysis.delay.srd': ['0.300000000'],
       'sip.analysis.delay.srd_failed': ['0'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['29'],
       'sip.analysis.response_time': ['0.300000000']}]}
