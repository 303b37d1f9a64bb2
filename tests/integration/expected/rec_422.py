# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/rec-422.pcapng with tshark -2: one dict per SIP message of each
annotated frame (our fields, and our expert infos as (name, text, severity)). Reviewed by hand
against captures/ (see the capture notes); one-pass output is derived by dropping what needs -2."""

EXPECTED = {2: [{'experts': [('sip.analysis.response.failure',
                   '422 Session Interval Too Small: request rejected',
                   'Warning'),
                  ('sip.analysis.session.too_small',
                   "INVITE in frame 1 asked Session-Expires 300 s, below the server's Min-SE 1800 s: raise "
                   'Session-Expires to at least 1800 s (with Min-SE 1800 s) in the retry',
                   'Note')],
      'sip.analysis.class': ['4'],
      'sip.analysis.code.action': ['Retry with Session-Expires of at least the returned Min-SE and include '
                                   "Min-SE, or raise the UA's session timer."],
      'sip.analysis.code.meaning': ["The Session-Expires in the request is below the server's minimum; the "
                                    'response carries that minimum in Min-SE.'],
      'sip.analysis.code.rfc': ['RFC4028 §6'],
      'sip.analysis.code.seen_when': ['INVITE or UPDATE with a short Session-Expires toward a proxy or UA '
                                      'configured with a larger Min-SE.'],
      'sip.analysis.delay.invite_frame': ['1'],
      'sip.analysis.delay.setup': ['2'],
      'sip.analysis.delay.srd': ['0.000324805'],
      'sip.analysis.delay.srd_failed': ['1'],
      'sip.analysis.outcome': ['9'],
      'sip.analysis.request_frame': ['1'],
      'sip.analysis.response_time': ['0.000324805'],
      'sip.analysis.session.min_se': ['1800'],
      'sip.analysis.session.request_expires': ['300'],
      'sip.analysis.session.retry_frame': ['4']}],
 4: [{'experts': [('sip.analysis.session.retry',
                   'Retry of the 422 in frame 2: Session-Expires 1800 s now reaches its Min-SE 1800 s',
                   'Chat')],
      'sip.analysis.session.min_se': ['1800'],
      'sip.analysis.session.request_expires': ['1800'],
      'sip.analysis.session.request_min_se': ['1800'],
      'sip.analysis.session.retry_fixed': ['1'],
      'sip.analysis.session.retry_of': ['2']}],
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
      'sip.analysis.response_time': ['0.023010871'],
      'sip.analysis.trying.delay': ['0.023010871'],
      'sip.analysis.trying.duration': ['0.024170920'],
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
      'sip.analysis.delay.srd': ['0.047181791'],
      'sip.analysis.delay.srd_failed': ['0'],
      'sip.analysis.outcome': ['2'],
      'sip.analysis.request_frame': ['4'],
      'sip.analysis.response_time': ['0.047181791'],
      'sip.analysis.trying.duration': ['0.024170920'],
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
      'sip.analysis.delay.sdd': ['0.000078239'],
      'sip.analysis.delay.sdd_failed': ['0'],
      'sip.analysis.outcome': ['2'],
      'sip.analysis.request_frame': ['8'],
      'sip.analysis.response_time': ['0.000078239']}]}
