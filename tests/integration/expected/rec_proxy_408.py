# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/rec-proxy-408.pcapng with tshark -2: one dict per SIP message of each
annotated frame (our fields, and our expert infos as (name, text, severity)). Reviewed by hand
against captures/ (see the capture notes); one-pass output is derived by dropping what needs -2."""

EXPECTED = {2: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat'),
                  ('sip.analysis.trying.long',
                   'Transaction stayed 4040.146 ms on 100 Trying; next response 408 in frame 5 (threshold '
                   '3000 ms)',
                   'Note'),
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
      'sip.analysis.response_time': ['0.015748738'],
      'sip.analysis.trying.delay': ['0.015748738'],
      'sip.analysis.trying.duration': ['4.040146672'],
      'sip.analysis.trying.next_frame': ['5'],
      'sip.analysis.trying.retransmissions': ['0']}],
 4: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat'),
                  ('sip.analysis.trying.long',
                   'Transaction stayed 4007.365 ms on 100 Trying; next response 487 in frame 9 (threshold '
                   '3000 ms)',
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
      'sip.analysis.request_frame': ['3'],
      'sip.analysis.response_time': ['0.035049968'],
      'sip.analysis.trying.delay': ['0.035049968'],
      'sip.analysis.trying.duration': ['4.007365018'],
      'sip.analysis.trying.next_frame': ['9'],
      'sip.analysis.trying.retransmissions': ['0']}],
 5: [{'experts': [('sip.analysis.response.failure',
                   '408 Request Timeout: no final answer came in time',
                   'Warning'),
                  ('sip.analysis.trying.long',
                   '408 Request Timeout ended 4040.146 ms on 100 Trying (frame 2, threshold 3000 ms): after '
                   'the 100 nothing more came until the 408 (no answer from further downstream in time)',
                   'Note')],
      'sip.analysis.class': ['4'],
      'sip.analysis.code.action': ['Find the hop that did not answer: look for unanswered retransmissions '
                                   'downstream, and check registrations and keep-alives.'],
      'sip.analysis.code.meaning': ['No final response could be produced in time, e.g. the user could not be '
                                    'located soon enough. UAs also report it locally when Timer B or F '
                                    'fires.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.4.9'],
      'sip.analysis.code.seen_when': ['Callee offline or unreachable behind NAT, stale registrations, or a '
                                      'proxy whose Timer C expired with no provisional response.'],
      'sip.analysis.delay.invite_frame': ['1'],
      'sip.analysis.delay.setup': ['2'],
      'sip.analysis.delay.srd': ['4.055895410'],
      'sip.analysis.delay.srd_failed': ['1'],
      'sip.analysis.outcome': ['7'],
      'sip.analysis.request_frame': ['1'],
      'sip.analysis.response_time': ['4.055895410'],
      'sip.analysis.trying.duration': ['4.040146672'],
      'sip.analysis.trying.frame': ['2']}],
 8: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
      'sip.analysis.class': ['2'],
      'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                   'means the ACK is lost (routing, NAT, Contact).'],
      'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and carries '
                                    'the SDP answer (or the offer).'],
      'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
      'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
      'sip.analysis.outcome': ['2'],
      'sip.analysis.request_frame': ['7'],
      'sip.analysis.response_time': ['0.000215271']}],
 9: [{'experts': [('sip.analysis.response.cancelled',
                   "487 Request Terminated: cancelled by the caller's CANCEL in frame 7, as asked",
                   'Note'),
                  ('sip.analysis.trying.long',
                   '487 Request Terminated ended 4007.365 ms on 100 Trying (frame 4, threshold 3000 ms): '
                   'cancelled by the CANCEL in frame 7 while waiting on 100 Trying',
                   'Note')],
      'sip.analysis.class': ['4'],
      'sip.analysis.code.action': ['Normally nothing. If calls are cancelled unexpectedly, find who sent the '
                                   'CANCEL and why (Reason header, timers).'],
      'sip.analysis.code.meaning': ['The request was ended by a CANCEL (or BYE) before its final response. '
                                    'It is never the answer to the CANCEL itself.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.4.25'],
      'sip.analysis.code.seen_when': ['The caller hangs up while it rings; a forking proxy cancels the other '
                                      'branches once one branch answers.'],
      'sip.analysis.outcome': ['5'],
      'sip.analysis.request_frame': ['3'],
      'sip.analysis.response_time': ['4.042414986'],
      'sip.analysis.trying.duration': ['4.007365018'],
      'sip.analysis.trying.frame': ['4']}]}
