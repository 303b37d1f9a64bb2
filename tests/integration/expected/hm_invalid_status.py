# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/hm-invalid-status.pcapng with tshark -2: one dict per SIP message of each
annotated frame (our fields, and our expert infos as (name, text, severity)). Reviewed by hand
against captures/ (see the capture notes); one-pass output is derived by dropping what needs -2."""

EXPECTED = {2: [{'experts': [('sip.analysis.class.invalid',
                   'Status code 099 is outside 100-699: no response class',
                   'Warning')],
      'sip.analysis.request_frame': ['1'],
      'sip.analysis.response_time': ['0.015000000']}],
 4: [{'experts': [('sip.analysis.class.invalid',
                   'Status code 700 is outside 100-699: no response class',
                   'Warning')],
      'sip.analysis.request_frame': ['3'],
      'sip.analysis.response_time': ['0.015000000']}],
 6: [{'experts': [('sip.analysis.class.invalid',
                   'Status code 999 is outside 100-699: no response class',
                   'Warning')],
      'sip.analysis.request_frame': ['5'],
      'sip.analysis.response_time': ['0.015000000']}]}
