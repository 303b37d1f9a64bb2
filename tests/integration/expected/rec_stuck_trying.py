# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/rec-stuck-trying.pcapng with tshark -2: one dict per SIP message of each
annotated frame (our fields, and our expert infos as (name, text, severity)). Reviewed by hand
against captures/ (see the capture notes); one-pass output is derived by dropping what needs -2."""

EXPECTED = {2: [{'experts': [('sip.analysis.response.progress', '100 Trying: in progress', 'Chat'),
                  ('sip.analysis.trying.stuck',
                   'Stuck on 100 Trying: no further response to the INVITE in frame 1 for 0.000 ms, until '
                   'the end of the capture',
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
      'sip.analysis.response_time': ['0.024103357'],
      'sip.analysis.trying.delay': ['0.024103357'],
      'sip.analysis.trying.open': ['0.000000000'],
      'sip.analysis.trying.retransmissions': ['0']}]}
