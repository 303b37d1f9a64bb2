# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/rec-cancel-reason.pcapng with tshark -2: one dict per SIP message of each
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
      'sip.analysis.response_time': ['0.023317102'],
      'sip.analysis.trying.delay': ['0.023317102'],
      'sip.analysis.trying.duration': ['0.024147355'],
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
      'sip.analysis.delay.srd': ['0.047464457'],
      'sip.analysis.delay.srd_failed': ['0'],
      'sip.analysis.outcome': ['1'],
      'sip.analysis.request_frame': ['1'],
      'sip.analysis.response_time': ['0.047464457'],
      'sip.analysis.trying.duration': ['0.024147355'],
      'sip.analysis.trying.frame': ['2']}],
 4: [{'experts': [],
      'sip.analysis.reason.cause': ['200'],
      'sip.analysis.reason.cause_name': ['OK'],
      'sip.analysis.reason.protocol': ['SIP'],
      'sip.analysis.reason.text': ['Call completed elsewhere']}],
 5: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat')],
      'sip.analysis.class': ['2'],
      'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                   'means the ACK is lost (routing, NAT, Contact).'],
      'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and carries '
                                    'the SDP answer (or the offer).'],
      'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
      'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
      'sip.analysis.outcome': ['2'],
      'sip.analysis.request_frame': ['4'],
      'sip.analysis.response_time': ['0.000199097']}],
 6: [{'experts': [('sip.analysis.response.cancelled',
                   "487 Request Terminated: cancelled by the caller's CANCEL in frame 4, as asked; the "
                   'CANCEL gave Reason SIP 200 OK "Call completed elsewhere"',
                   'Note')],
      'sip.analysis.class': ['4'],
      'sip.analysis.code.action': ['Normally nothing. If calls are cancelled unexpectedly, find who sent the '
                                   'CANCEL and why (Reason header, timers).'],
      'sip.analysis.code.meaning': ['The request was ended by a CANCEL (or BYE) before its final response. '
                                    'It is never the answer to the CANCEL itself.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.4.25'],
      'sip.analysis.code.seen_when': ['The caller hangs up while it rings; a forking proxy cancels the other '
                                      'branches once one branch answers.'],
      'sip.analysis.delay.invite_frame': ['1'],
      'sip.analysis.delay.setup': ['3'],
      'sip.analysis.outcome': ['5'],
      'sip.analysis.reason.cancel_frame': ['4'],
      'sip.analysis.reason.cause': ['200'],
      'sip.analysis.reason.cause_name': ['OK'],
      'sip.analysis.reason.protocol': ['SIP'],
      'sip.analysis.reason.text': ['Call completed elsewhere'],
      'sip.analysis.request_frame': ['1'],
      'sip.analysis.response_time': ['1.052769940']}]}
