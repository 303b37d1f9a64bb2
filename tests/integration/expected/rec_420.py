# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/rec-420.pcapng with tshark -2: one dict per SIP message of each
annotated frame (our fields, and our expert infos as (name, text, severity)). Reviewed by hand
against captures/ (see the capture notes); one-pass output is derived by dropping what needs -2."""

EXPECTED = {2: [{'experts': [('sip.analysis.response.failure', '420 Bad Extension: option tags not agreed', 'Warning'),
                  ('sip.analysis.ext.bad_extension',
                   'UAS does not support foo, which the INVITE in frame 1 listed in Require. Retry without '
                   'foo in Require and Proxy-Require (RFC 3261 §8.1.3.5), or use a server that implements '
                   'foo (not in the IANA registry)',
                   'Warning')],
      'sip.analysis.class': ['4'],
      'sip.analysis.code.action': ['Retry without the Unsupported tags as a new transaction (CSeq+1), or '
                                   'enable the extension on the peer.'],
      'sip.analysis.code.meaning': ['The server does not understand an option tag listed in Require or '
                                    'Proxy-Require; the Unsupported header names it.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.4.15'],
      'sip.analysis.code.seen_when': ['A UAC that requires 100rel, timer, precondition or sec-agree toward a '
                                      'peer or proxy that lacks the extension.'],
      'sip.analysis.delay.invite_frame': ['1'],
      'sip.analysis.delay.setup': ['2'],
      'sip.analysis.delay.srd': ['0.000713861'],
      'sip.analysis.delay.srd_failed': ['1'],
      'sip.analysis.ext.retry_frame': ['4'],
      'sip.analysis.ext.unsupported': ['foo'],
      'sip.analysis.outcome': ['8'],
      'sip.analysis.request_frame': ['1'],
      'sip.analysis.response_time': ['0.000713861']}],
 4: [{'experts': [('sip.analysis.ext.retry', 'Retry of the 420 in frame 2: no longer requires foo', 'Chat')],
      'sip.analysis.ext.retry_fixed': ['1'],
      'sip.analysis.ext.retry_of': ['2']}],
 5: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat')],
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
      'sip.analysis.response_time': ['0.025244192'],
      'sip.analysis.trying.delay': ['0.025244192'],
      'sip.analysis.trying.duration': ['0.024512257'],
      'sip.analysis.trying.next_frame': ['6'],
      'sip.analysis.trying.retransmissions': ['0']}],
 6: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
      'sip.analysis.class': ['2'],
      'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                   'means the ACK is lost (routing, NAT, Contact).'],
      'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and carries '
                                    'the SDP answer (or the offer).'],
      'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
      'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
      'sip.analysis.delay.invite_frame': ['4'],
      'sip.analysis.delay.setup': ['1'],
      'sip.analysis.delay.srd': ['0.049756449'],
      'sip.analysis.delay.srd_failed': ['0'],
      'sip.analysis.outcome': ['2'],
      'sip.analysis.request_frame': ['4'],
      'sip.analysis.response_time': ['0.049756449'],
      'sip.analysis.trying.duration': ['0.024512257'],
      'sip.analysis.trying.frame': ['5']}],
 9: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
      'sip.analysis.class': ['2'],
      'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                   'means the ACK is lost (routing, NAT, Contact).'],
      'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and carries '
                                    'the SDP answer (or the offer).'],
      'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
      'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
      'sip.analysis.delay.bye_frame': ['8'],
      'sip.analysis.delay.sdd': ['0.000165144'],
      'sip.analysis.delay.sdd_failed': ['0'],
      'sip.analysis.outcome': ['2'],
      'sip.analysis.request_frame': ['8'],
      'sip.analysis.response_time': ['0.000165144']}]}
