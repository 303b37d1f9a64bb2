# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/hm-ipv6.pcapng with tshark -2: one dict per SIP message of each
annotated frame (our fields, and our expert infos as (name, text, severity)). Reviewed by hand
against captures/ (see the capture notes); one-pass output is derived by dropping what needs -2."""

EXPECTED = {2: [{'experts': [('sip.analysis.class.provisional', '100 Trying: Provisional', 'Chat')],
      'sip.analysis.class': ['1'],
      'sip.analysis.request_frame': ['1'],
      'sip.analysis.response_time': ['0.020000000'],
      'sip.analysis.trying.delay': ['0.020000000'],
      'sip.analysis.trying.duration': ['0.130000000'],
      'sip.analysis.trying.next_frame': ['3'],
      'sip.analysis.trying.retransmissions': ['0']}],
 3: [{'experts': [('sip.analysis.class.provisional', '180 Ringing: Provisional', 'Chat')],
      'sip.analysis.class': ['1'],
      'sip.analysis.request_frame': ['1'],
      'sip.analysis.response_time': ['0.150000000'],
      'sip.analysis.trying.duration': ['0.130000000'],
      'sip.analysis.trying.frame': ['2']}],
 4: [{'experts': [('sip.analysis.class.success', '200 OK: Success', 'Chat')],
      'sip.analysis.class': ['2'],
      'sip.analysis.request_frame': ['1'],
      'sip.analysis.response_time': ['2.500000000']}]}
