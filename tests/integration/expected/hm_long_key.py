# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/hm-long-key.pcapng with tshark -2 (see captures/handmade.md or
captures/README.md for the frames). Reviewed by hand against the capture notes."""

EXPECTED = {1: [{'experts': [('sip.analysis.key_too_long',
                   'Via branch, Call-ID and method too long to match: not matched to a transaction',
                   'Warning')]}],
 2: [{'experts': [('sip.analysis.key_too_long',
                   'Via branch, Call-ID and method too long to match: not matched to a transaction',
                   'Warning')]}],
 3: [{'experts': [('sip.analysis.response.success', '200 OK: success', 'Chat'),
                  ('sip.analysis.key_too_long',
                   'Via branch, Call-ID and method too long to match: not matched to a transaction',
                   'Warning')],
      'sip.analysis.class': ['2'],
      'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                   'means the ACK is lost (routing, NAT, Contact).'],
      'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and carries '
                                    'the SDP answer (or the offer).'],
      'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
      'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
      'sip.analysis.outcome': ['2']}],
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
      'sip.analysis.response_time': ['0.010000000']}]}
