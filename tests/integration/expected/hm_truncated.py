# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/hm-truncated.pcapng with tshark -2: one dict per SIP message of each
annotated frame (our fields, and our expert infos as (name, text, severity)). Reviewed by hand
against captures/ (see the capture notes); one-pass output is derived by dropping what needs -2."""

EXPECTED = {1: [{'experts': [('sip.analysis.truncated',
                   'The capture holds only part of this SIP message: analysis skipped',
                   'Note')]}],
 2: [{'experts': [('sip.analysis.class.provisional', '100 Trying: Provisional', 'Chat'),
                  ('sip.analysis.truncated',
                   'The capture holds only part of this SIP message: analysis skipped',
                   'Note')],
      'sip.analysis.class': ['1']}],
 3: [{'experts': [('sip.analysis.class.provisional', '180 Ringing: Provisional', 'Chat'),
                  ('sip.analysis.truncated',
                   'The capture holds only part of this SIP message: analysis skipped',
                   'Note')],
      'sip.analysis.class': ['1']}],
 4: [{'experts': [('sip.analysis.class.success', '200 OK: Success', 'Chat'),
                  ('sip.analysis.truncated',
                   'The capture holds only part of this SIP message: analysis skipped',
                   'Note')],
      'sip.analysis.class': ['2']}],
 5: [{'experts': [('sip.analysis.truncated',
                   'The capture holds only part of this SIP message: analysis skipped',
                   'Note')]}]}
