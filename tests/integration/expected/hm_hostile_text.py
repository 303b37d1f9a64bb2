# SPDX-License-Identifier: GPL-2.0-or-later
"""What the plugin shows on captures/hm-hostile-text.pcapng with tshark -2: one dict per SIP message of each
annotated frame (our fields, and our expert infos as (name, text, severity)). Reviewed by hand
against the capture (captures/handmade.md): capture bytes appear escaped (\\xNN), frame 13's expert
text is cut at 238 bytes, before the two-byte character that starts at byte 238 (Wireshark keeps
239), and frame 19 holds the 70 responses to the 70 OPTIONS of frame 18, all alike. One-pass
output is derived by dropping what needs -2."""

# Each of the 70 200 OK of frame 19 (their OPTIONS all in frame 18, 14.8 ms before).
_OPTIONS_200 = {'experts': [('sip.analysis.class.success', '200 OK: Success', 'Chat'),
             ('sip.analysis.outcome.success', '200 OK: outcome success', 'Chat')],
 'sip.analysis.class': ['2'],
 'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over means '
                              'the ACK is lost (routing, NAT, Contact).'],
 'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and carries the '
                               'SDP answer (or the offer).'],
 'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
 'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
 'sip.analysis.outcome': ['2'],
 'sip.analysis.request_frame': ['18'],
 'sip.analysis.response_time': ['0.014800000']}

EXPECTED = {2: [{'experts': [('sip.analysis.class.client_failure', '421 Extension Required: Client Failure', 'Warning'),
                  ('sip.analysis.outcome.extension', '421 Extension Required: outcome extension', 'Warning'),
                  ('sip.analysis.request_unseen',
                   'The request this response answers is not in the capture',
                   'Note'),
                  ('sip.analysis.ext.request_unseen',
                   'The \\xff\\xfeM\\x1b[2J this 421 answers is not in the capture; the UAS requires: '
                   '100rel, x-\\x1b[31mred\\xc3',
                   'Note'),
                  ('sip.analysis.ext.not_retried',
                   'No retry of the \\xff\\xfeM\\x1b[2J follows this 421 in the capture',
                   'Note')],
      'sip.analysis.class': ['4'],
      'sip.analysis.code.action': ['Add the required tag to Supported and make sure the UA implements it; '
                                   "the 421's Require names it."],
      'sip.analysis.code.meaning': ['The server needs an extension the request did not list in Supported.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.4.16'],
      'sip.analysis.code.seen_when': ['When the server insists on an extension the client did not offer, '
                                      'e.g. 100rel at a gateway or sec-agree at an IMS P-CSCF.'],
      'sip.analysis.ext.required': ['100rel', 'x-\\x1b[31mred\\xc3'],
      'sip.analysis.outcome': ['8']}],
 4: [{'experts': [('sip.analysis.class.client_failure', '421 Extension Required: Client Failure', 'Warning'),
                  ('sip.analysis.outcome.extension', '421 Extension Required: outcome extension', 'Warning'),
                  ('sip.analysis.ext.missing_supported',
                   'UAS requires 100rel, x-\\x1b[31mred\\xc3; INVITE in frame 3 listed Supported: timer, '
                   'x-\\x07bell\\xff. Add 100rel, x-\\x1b[31mred\\xc3 to Supported and make sure the UA '
                   'implements RFC 3262 and x-\\x1b[31mred\\xc3 (not in the IANA registry)',
                   'Warning'),
                  ('sip.analysis.ext.not_retried',
                   'No retry of the INVITE follows this 421 in the capture',
                   'Note')],
      'sip.analysis.class': ['4'],
      'sip.analysis.code.action': ['Add the required tag to Supported and make sure the UA implements it; '
                                   "the 421's Require names it."],
      'sip.analysis.code.meaning': ['The server needs an extension the request did not list in Supported.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.4.16'],
      'sip.analysis.code.seen_when': ['When the server insists on an extension the client did not offer, '
                                      'e.g. 100rel at a gateway or sec-agree at an IMS P-CSCF.'],
      'sip.analysis.ext.missing': ['100rel', 'x-\\x1b[31mred\\xc3'],
      'sip.analysis.ext.request_supported': ['timer, x-\\x07bell\\xff'],
      'sip.analysis.ext.required': ['100rel', 'x-\\x1b[31mred\\xc3'],
      'sip.analysis.outcome': ['8'],
      'sip.analysis.request_frame': ['3'],
      'sip.analysis.response_time': ['0.020000000']}],
 7: [{'experts': [('sip.analysis.class.client_failure', '420 Bad Extension: Client Failure', 'Warning'),
                  ('sip.analysis.outcome.extension', '420 Bad Extension: outcome extension', 'Warning'),
                  ('sip.analysis.ext.empty_unsupported',
                   '420 with an empty Unsupported header: it names no option tag (RFC 3261 21.4.15)',
                   'Warning'),
                  ('sip.analysis.ext.not_retried',
                   'No retry of the INVITE follows this 420 in the capture',
                   'Note')],
      'sip.analysis.class': ['4'],
      'sip.analysis.code.action': ['Retry without the Unsupported tags as a new transaction (CSeq+1), or '
                                   'enable the extension on the peer.'],
      'sip.analysis.code.meaning': ['The server does not understand an option tag listed in Require or '
                                    'Proxy-Require; the Unsupported header names it.'],
      'sip.analysis.code.rfc': ['RFC3261 §21.4.15'],
      'sip.analysis.code.seen_when': ['A UAC that requires 100rel, timer, precondition or sec-agree toward a '
                                      'peer or proxy that lacks the extension.'],
      'sip.analysis.outcome': ['8'],
      'sip.analysis.request_frame': ['6'],
      'sip.analysis.response_time': ['0.025000000']}],
 9: [{'experts': [('sip.analysis.bare_cr',
                   'Header lines end in CR alone, not CRLF (RFC 3261 §7): read up to each CR here; other SIP '
                   'software may reject the message',
                   'Warning')]}],
 10: [{'experts': [('sip.analysis.class.success', '200 OK: Success', 'Chat'),
                   ('sip.analysis.outcome.success', '200 OK: outcome success', 'Chat'),
                   ('sip.analysis.bare_cr',
                    'Header lines end in CR alone, not CRLF (RFC 3261 §7): read up to each CR here; other '
                    'SIP software may reject the message',
                    'Warning')],
       'sip.analysis.class': ['2'],
       'sip.analysis.code.action': ['For INVITE check that an ACK follows; a 200 retransmitted over and over '
                                    'means the ACK is lost (routing, NAT, Contact).'],
       'sip.analysis.code.meaning': ['The request succeeded. For INVITE it establishes the dialog and '
                                     'carries the SDP answer (or the offer).'],
       'sip.analysis.code.rfc': ['RFC3261 §21.2.1'],
       'sip.analysis.code.seen_when': ['Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.'],
       'sip.analysis.outcome': ['2'],
       'sip.analysis.request_frame': ['9'],
       'sip.analysis.response_time': ['0.030000000']}],
 13: [{'experts': [('sip.analysis.class.client_failure', '421 Extension Required: Client Failure', 'Warning'),
                   ('sip.analysis.outcome.extension', '421 Extension Required: outcome extension', 'Warning'),
                   ('sip.analysis.ext.missing_supported',
                    'UAS requires 100rel; INVITE in frame 12 listed Supported: über-0, über-1, über-2, '
                    'über-3, über-4, über-5, über-6, über-7, über-8, über-9, über-10, über-11, über-12, '
                    'über-13, über-14, über-15, über-16, über-17, über-18, ',
                    'Warning'),
                   ('sip.analysis.ext.not_retried',
                    'No retry of the INVITE follows this 421 in the capture',
                    'Note')],
       'sip.analysis.class': ['4'],
       'sip.analysis.code.action': ['Add the required tag to Supported and make sure the UA implements it; '
                                    "the 421's Require names it."],
       'sip.analysis.code.meaning': ['The server needs an extension the request did not list in Supported.'],
       'sip.analysis.code.rfc': ['RFC3261 §21.4.16'],
       'sip.analysis.code.seen_when': ['When the server insists on an extension the client did not offer, '
                                       'e.g. 100rel at a gateway or sec-agree at an IMS P-CSCF.'],
       'sip.analysis.ext.missing': ['100rel'],
       'sip.analysis.ext.request_supported': ['über-0, über-1, über-2, über-3, über-4, über-5, über-6, '
                                              'über-7, über-8, über-9, über-10, über-11, über-12, über-13, '
                                              'über-14, über-15, über-16, über-17, über-18, über-19, '
                                              'über-20, über-21, über-22, über-23'],
       'sip.analysis.ext.required': ['100rel'],
       'sip.analysis.outcome': ['8'],
       'sip.analysis.request_frame': ['12'],
       'sip.analysis.response_time': ['0.020000000']}],
 19: [_OPTIONS_200] * 70}
