# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/rec-classes.pcapng with tshark -2: one dict per SIP message of each
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
      'sip.analysis.response_time': ['0.023213821'],
      'sip.analysis.trying.delay': ['0.023213821'],
      'sip.analysis.trying.duration': ['0.028452209'],
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
      'sip.analysis.delay.srd': ['0.051666030'],
      'sip.analysis.delay.srd_failed': ['0'],
      'sip.analysis.outcome': ['1'],
      'sip.analysis.request_frame': ['1'],
      'sip.analysis.response_time': ['0.051666030'],
      'sip.analysis.trying.duration': ['0.028452209'],
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
      'sip.analysis.response_time': ['0.107417409']}],
 7: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
      'sip.analysis.class': ['2'],
      'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                   'means the ACK is lost (routing, NAT, Contact).'],
      'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and carries '
                                    'the SDP answer (or the offer).'],
      'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
      'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
      'sip.analysis.delay.bye_frame': ['6'],
      'sip.analysis.delay.sdd': ['0.000189061'],
      'sip.analysis.delay.sdd_failed': ['0'],
      'sip.analysis.outcome': ['2'],
      'sip.analysis.request_frame': ['6'],
      'sip.analysis.response_time': ['0.000189061']}],
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
      'sip.analysis.response_time': ['0.023787975'],
      'sip.analysis.trying.delay': ['0.023787975'],
      'sip.analysis.trying.duration': ['0.002328409'],
      'sip.analysis.trying.next_frame': ['10'],
      'sip.analysis.trying.retransmissions': ['0']}],
 10: [{'experts': [('sip.analysis.response.redirect',
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
       'sip.analysis.response_time': ['0.026116384'],
       'sip.analysis.trying.duration': ['0.002328409'],
       'sip.analysis.trying.frame': ['9']}],
 13: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat')],
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
       'sip.analysis.response_time': ['0.023796282'],
       'sip.analysis.trying.delay': ['0.023796282'],
       'sip.analysis.trying.duration': ['0.003390293'],
       'sip.analysis.trying.next_frame': ['14'],
       'sip.analysis.trying.retransmissions': ['0']}],
 14: [{'experts': [('sip.analysis.response.failure', '404 Not Found: request rejected', 'Warning')],
       'sip.analysis.class': ['4'],
       'sip.analysis.code.action': ['Check the Request-URI (number format, prefix, domain) and the dial plan '
                                    'or routing at the hop that rejected it.'],
       'sip.analysis.code.meaning': ['The user does not exist at the domain in the Request-URI, or that '
                                     'domain is not served by the recipient.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.4.5'],
       'sip.analysis.code.seen_when': ['Misdialled numbers, wrong dial plan or number normalisation, unknown '
                                       'extensions or domains.'],
       'sip.analysis.delay.invite_frame': ['12'],
       'sip.analysis.delay.setup': ['2'],
       'sip.analysis.delay.srd': ['0.027186575'],
       'sip.analysis.delay.srd_failed': ['1'],
       'sip.analysis.outcome': ['9'],
       'sip.analysis.request_frame': ['12'],
       'sip.analysis.response_time': ['0.027186575'],
       'sip.analysis.trying.duration': ['0.003390293'],
       'sip.analysis.trying.frame': ['13']}],
 17: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat')],
       'sip.analysis.class': ['1'],
       'sip.analysis.code.action': ['Nothing, unless it stays on 100 for long: then check connectivity and '
                                    'the proxy.'],
       'sip.analysis.code.meaning': ['The next hop received the request and is working on it; more responses '
                                     'will follow.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.1.1'],
       'sip.analysis.code.seen_when': ['Right after an INVITE, while the proxy looks for the callee. It is '
                                       'hop-by-hop: each stateful proxy sends its own.'],
       'sip.analysis.outcome': ['1'],
       'sip.analysis.request_frame': ['16'],
       'sip.analysis.response_time': ['0.023658479'],
       'sip.analysis.trying.delay': ['0.023658479'],
       'sip.analysis.trying.duration': ['0.004563871'],
       'sip.analysis.trying.next_frame': ['18'],
       'sip.analysis.trying.retransmissions': ['0']}],
 18: [{'experts': [('sip.analysis.response.failure', '486 Busy Here: declined by the callee', 'Warning')],
       'sip.analysis.class': ['4'],
       'sip.analysis.code.action': ["Usually normal. If unexpected, check the endpoint's call limit, "
                                    'busy-on-busy settings and Retry-After.'],
       'sip.analysis.code.meaning': ['The callee was reached but cannot take another call at this end '
                                     'system; other locations such as voicemail may still answer.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.4.24'],
       'sip.analysis.code.seen_when': ['Phone already in a call without call waiting, a user rejecting the '
                                       'call on some phones, or a trunk at its call limit.'],
       'sip.analysis.delay.invite_frame': ['16'],
       'sip.analysis.delay.setup': ['2'],
       'sip.analysis.delay.srd': ['0.028222350'],
       'sip.analysis.delay.srd_failed': ['1'],
       'sip.analysis.outcome': ['6'],
       'sip.analysis.request_frame': ['16'],
       'sip.analysis.response_time': ['0.028222350'],
       'sip.analysis.trying.duration': ['0.004563871'],
       'sip.analysis.trying.frame': ['17']}],
 21: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat')],
       'sip.analysis.class': ['1'],
       'sip.analysis.code.action': ['Nothing, unless it stays on 100 for long: then check connectivity and '
                                    'the proxy.'],
       'sip.analysis.code.meaning': ['The next hop received the request and is working on it; more responses '
                                     'will follow.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.1.1'],
       'sip.analysis.code.seen_when': ['Right after an INVITE, while the proxy looks for the callee. It is '
                                       'hop-by-hop: each stateful proxy sends its own.'],
       'sip.analysis.outcome': ['1'],
       'sip.analysis.request_frame': ['20'],
       'sip.analysis.response_time': ['0.023904798'],
       'sip.analysis.trying.delay': ['0.023904798'],
       'sip.analysis.trying.duration': ['0.005768649'],
       'sip.analysis.trying.next_frame': ['22'],
       'sip.analysis.trying.retransmissions': ['0']}],
 22: [{'experts': [('sip.analysis.response.failure', '503 Service Unavailable: server failure', 'Warning')],
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
       'sip.analysis.delay.srd': ['0.029673447'],
       'sip.analysis.delay.srd_failed': ['1'],
       'sip.analysis.outcome': ['10'],
       'sip.analysis.request_frame': ['20'],
       'sip.analysis.response_time': ['0.029673447'],
       'sip.analysis.trying.duration': ['0.005768649'],
       'sip.analysis.trying.frame': ['21']}],
 25: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat')],
       'sip.analysis.class': ['1'],
       'sip.analysis.code.action': ['Nothing, unless it stays on 100 for long: then check connectivity and '
                                    'the proxy.'],
       'sip.analysis.code.meaning': ['The next hop received the request and is working on it; more responses '
                                     'will follow.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.1.1'],
       'sip.analysis.code.seen_when': ['Right after an INVITE, while the proxy looks for the callee. It is '
                                       'hop-by-hop: each stateful proxy sends its own.'],
       'sip.analysis.outcome': ['1'],
       'sip.analysis.request_frame': ['24'],
       'sip.analysis.response_time': ['0.024299932'],
       'sip.analysis.trying.delay': ['0.024299932'],
       'sip.analysis.trying.duration': ['0.031937063'],
       'sip.analysis.trying.next_frame': ['26'],
       'sip.analysis.trying.retransmissions': ['0']}],
 26: [{'experts': [('sip.analysis.response.progress', '180 Ringing: in progress', 'Chat')],
       'sip.analysis.class': ['1'],
       'sip.analysis.code.action': ['Nothing. If the caller hears silence, check whether the 180 carries SDP '
                                    'and who is meant to play the ringback.'],
       'sip.analysis.code.meaning': ["The callee's UA received the INVITE and is alerting the user. A To tag "
                                     'in it creates an early dialog.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.1.2'],
       'sip.analysis.code.seen_when': ['Once the INVITE reaches a phone; the caller then usually plays '
                                       'ringback locally unless early media arrives.'],
       'sip.analysis.delay.invite_frame': ['24'],
       'sip.analysis.delay.srd': ['0.056236995'],
       'sip.analysis.delay.srd_failed': ['0'],
       'sip.analysis.outcome': ['1'],
       'sip.analysis.request_frame': ['24'],
       'sip.analysis.response_time': ['0.056236995'],
       'sip.analysis.trying.duration': ['0.031937063'],
       'sip.analysis.trying.frame': ['25']}],
 27: [{'experts': [('sip.analysis.response.failure', '603 Decline: declined by the callee', 'Warning')],
       'sip.analysis.class': ['6'],
       'sip.analysis.code.action': ['Usually a user decision, not a fault. If unexpected, check call '
                                    'blocking rules and the Reason header.'],
       'sip.analysis.code.meaning': ['The callee was reached but explicitly does not wish to or cannot take '
                                     'part, and no other location will answer.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.6.2'],
       'sip.analysis.code.seen_when': ['A user pressing reject, call screening or blocking services, some '
                                       'spam filters.'],
       'sip.analysis.delay.invite_frame': ['24'],
       'sip.analysis.delay.setup': ['2'],
       'sip.analysis.outcome': ['6'],
       'sip.analysis.request_frame': ['24'],
       'sip.analysis.response_time': ['0.564383812']}],
 30: [{'experts': [('sip.analysis.response.challenge',
                    '401 Unauthorized: authentication challenge, normal if the retry with credentials '
                    'succeeds',
                    'Note')],
       'sip.analysis.auth.challenge_count': ['1'],
       'sip.analysis.class': ['4'],
       'sip.analysis.code.action': ['Normal if the retry succeeds. Repeated 401s mean wrong credentials, '
                                    'username or realm, or a nonce problem.'],
       'sip.analysis.code.meaning': ['The UAS or registrar requires user authentication; WWW-Authenticate '
                                     'carries the digest challenge (realm, nonce).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.4.2'],
       'sip.analysis.code.seen_when': ['The first REGISTER or INVITE of a digest exchange; normal when a '
                                       'request with Authorization follows.'],
       'sip.analysis.outcome': ['4'],
       'sip.analysis.request_frame': ['29'],
       'sip.analysis.response_time': ['0.000486387']}],
 32: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['31'],
       'sip.analysis.response_time': ['0.001493889']}]}
