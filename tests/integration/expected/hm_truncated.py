# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/hm-truncated.pcapng with tshark -2: one dict per SIP message of each
annotated frame (our fields, and our expert infos as (name, text, severity)). Reviewed by hand
against captures/ (see the capture notes); one-pass output is derived by dropping what needs -2."""

EXPECTED = {1: [{'experts': [('sip.analysis.truncated',
                   'The capture holds only part of this SIP message: analysis skipped',
                   'Note')]}],
 2: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat'),
                  ('sip.analysis.truncated',
                   'The capture holds only part of this SIP message: analysis skipped',
                   'Note')],
      'sip.analysis.class': ['1'],
      'sip.analysis.code.action': ['Nothing, unless it stays on 100 for long: then check connectivity and '
                                   'the proxy.'],
      'sip.analysis.code.meaning': ['The next hop received the request and is working on it; more responses '
                                    'will follow.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.1.1'],
      'sip.analysis.code.seen_when': ['Right after an INVITE, while the proxy looks for the callee. It is '
                                      'hop-by-hop: each stateful proxy sends its own.'],
      'sip.analysis.outcome': ['1']}],
 3: [{'experts': [('sip.analysis.response.progress', '180 Ringing: in progress', 'Chat'),
                  ('sip.analysis.truncated',
                   'The capture holds only part of this SIP message: analysis skipped',
                   'Note')],
      'sip.analysis.class': ['1'],
      'sip.analysis.code.action': ['Nothing. If the caller hears silence, check whether the 180 carries SDP '
                                   'and who is meant to play the ringback.'],
      'sip.analysis.code.meaning': ["The callee's UA received the INVITE and is alerting the user. A To tag "
                                    'in it creates an early dialog.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.1.2'],
      'sip.analysis.code.seen_when': ['Once the INVITE reaches a phone; the caller then usually plays '
                                      'ringback locally unless early media arrives.'],
      'sip.analysis.outcome': ['1']}],
 4: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat'),
                  ('sip.analysis.truncated',
                   'The capture holds only part of this SIP message: analysis skipped',
                   'Note')],
      'sip.analysis.class': ['2'],
      'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                   'means the ACK is lost (routing, NAT, Contact).'],
      'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and carries '
                                    'the SDP answer (or the offer).'],
      'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
      'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
      'sip.analysis.outcome': ['2']}],
 5: [{'experts': [('sip.analysis.truncated',
                   'The capture holds only part of this SIP message: analysis skipped',
                   'Note')]}]}
