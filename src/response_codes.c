/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "response_codes.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* One entry per code of the IANA registry (src/data/sip-registry.tsv), ascending. Phrase and
 * RFC columns are copied exactly from the registry; the unit test test_response_codes checks
 * that, and docs/response-codes.md is generated from this table (tools/gen_code_reference.c).
 * Texts: plain ASCII, one or two short sentences each. */
static const struct sa_code_info codes[] = {
    /* ---- 1xx Provisional ---- */
    { 100, "Trying", "RFC3261 §21.1.1",
      "The next hop received the request and is working on it; more responses will follow.",
      "Right after an INVITE, while the proxy looks for the callee. It is hop-by-hop: each stateful proxy sends its own.",
      "Nothing, unless it stays on 100 for long: then check connectivity and the proxy." },
    { 180, "Ringing", "RFC3261 §21.1.2",
      "The callee's UA received the INVITE and is alerting the user. A To tag in it creates an early dialog.",
      "Once the INVITE reaches a phone; the caller then usually plays ringback locally unless early media arrives.",
      "Nothing. If the caller hears silence, check whether the 180 carries SDP and who is meant to play the ringback." },
    { 181, "Call Is Being Forwarded", "RFC3261 §21.1.3",
      "A server tells the caller that the call is being forwarded to a different set of destinations.",
      "When call forwarding (unconditional, on busy, on no answer) kicks in at a proxy or PBX.",
      "Informational. Look at History-Info or Diversion to see where the call was sent." },
    { 182, "Queued", "RFC3261 §21.1.4",
      "The callee is temporarily unavailable, but the server queued the call instead of rejecting it; the phrase may give queue details.",
      "Call centres, ACD queues and hunt groups waiting for a free agent.",
      "Nothing while waiting; the final response comes when the call leaves the queue." },
    { 183, "Session Progress", "RFC3261 §21.1.5",
      "Progress information not covered by the other 1xx codes; it usually carries SDP to set up early media.",
      "Gateways and carriers playing ringback, announcements or IVR prompts before answer; in IMS also to negotiate preconditions.",
      "Check the SDP and that early-media RTP really arrives; silence before answer often points to NAT, SBC or codec trouble." },
    { 199, "Early Dialog Terminated", "RFC6228",
      "An early dialog created by an earlier provisional response was terminated before the final response.",
      "With forking: a proxy or UAS reports a branch that ended after sending 18x. Only sent if the UAC listed 199 in Supported.",
      "Release the media resources of that early dialog; the call itself goes on with the remaining branches." },

    /* ---- 2xx Success ---- */
    { 200, "OK", "RFC3261 §21.2.1",
      "The request succeeded. For INVITE it establishes the dialog and carries the SDP answer (or the offer).",
      "Answering INVITE, BYE, REGISTER, OPTIONS and most other requests.",
      "For INVITE check that an ACK follows; a 200 retransmitted over and over means the ACK is lost (routing, NAT, Contact)." },
    { 202, "Accepted (Deprecated)", "RFC6665 (originally RFC3265)",
      "The request was accepted but not yet acted on. Deprecated by RFC 6665: new implementations send 200, and 202 is treated as 200.",
      "Mostly answering REFER (call transfer), and from older notifiers answering SUBSCRIBE.",
      "Treat it as success; follow the NOTIFYs for the real outcome of the transfer or subscription." },
    { 204, "No Notification", "RFC5839",
      "The SUBSCRIBE succeeded, but no NOTIFY will follow because the subscriber's cached state is still current.",
      "Subscription refreshes using conditional notification: Suppress-If-Match with an entity-tag that still matches.",
      "Nothing; keep using the cached state. If the state looks stale, check the entity-tags." },

    /* ---- 3xx Redirection ---- */
    { 300, "Multiple Choices", "RFC3261 §21.3.1",
      "The address resolved to several locations, listed in Contact; the caller may pick one or try them in turn.",
      "Redirect servers or PBXs returning several registered contacts or alternative numbers.",
      "Check that the UA or proxy follows the Contacts (q-values give the preference); many UAs do not recurse on 3xx." },
    { 301, "Moved Permanently", "RFC3261 §21.3.2",
      "The user is no longer at the Request-URI; the new address is in Contact and should replace the old one.",
      "Rare; after a user or number has moved, from a redirect server.",
      "Retry at the Contact and update the stored address (directory, speed dial, routing table)." },
    { 302, "Moved Temporarily", "RFC3261 §21.3.3",
      "Retry the request at the address(es) in Contact; the redirection is temporary (Expires may bound it).",
      "Call forwarding by redirect servers, and routing or LCR servers and SBCs that return the real destination in Contact.",
      "Check that the caller recurses to the Contact with a new INVITE; a call that ends on the 302 means nobody followed it." },
    { 305, "Use Proxy", "RFC3261 §21.3.4",
      "The resource must be reached through the proxy given in Contact; only a UAS may send it.",
      "Rare; some servers use it to push clients to a specific outbound proxy.",
      "Repeat the request via that proxy only if the responder is trusted; an unexpected 305 can be an attempt to divert signalling." },
    { 380, "Alternative Service", "RFC3261 §21.3.5",
      "The call failed as placed, but alternative services are possible; the body describes them.",
      "IMS/VoLTE, when the network tells the phone to set the call up as an emergency call (3GPP XML body).",
      "Read the body; for an IMS emergency indication the phone should retry as an emergency call or register for emergency." },

    /* ---- 4xx Client Error ---- */
    { 400, "Bad Request", "RFC3261 §21.4.1",
      "The request was malformed: bad syntax, a missing or invalid header. The reason phrase should name the problem.",
      "Broken headers from buggy UAs or SBC header manipulation, wrong Content-Length, invalid URIs.",
      "Read the reason phrase and any Warning, then check the request against the RFC 3261 grammar; fix the sender or the manipulation." },
    { 401, "Unauthorized", "RFC3261 §21.4.2",
      "The UAS or registrar requires user authentication; WWW-Authenticate carries the digest challenge (realm, nonce).",
      "The first REGISTER or INVITE of a digest exchange; normal when a request with Authorization follows.",
      "Normal if the retry succeeds. Repeated 401s mean wrong credentials, username or realm, or a nonce problem." },
    { 402, "Payment Required", "RFC3261 §21.4.3",
      "Reserved for future use by RFC 3261; it has no standard meaning.",
      "Rare; some carriers and prepaid platforms send it when the account has no credit left.",
      "Check the account balance or billing status with the provider; the reason phrase may explain." },
    { 403, "Forbidden", "RFC3261 §21.4.4",
      "The server understood the request but refuses to fulfil it; authorization will not help and the request should not be repeated.",
      "Wrong credentials after a challenge, barred destinations, source IP not allowed on the trunk, fraud or caller-ID policies.",
      "Do not retry as is. Check account permissions, trunk IP ACLs, caller-ID rules and the reason phrase or Warning." },
    { 404, "Not Found", "RFC3261 §21.4.5",
      "The user does not exist at the domain in the Request-URI, or that domain is not served by the recipient.",
      "Misdialled numbers, wrong dial plan or number normalisation, unknown extensions or domains.",
      "Check the Request-URI (number format, prefix, domain) and the dial plan or routing at the hop that rejected it." },
    { 405, "Method Not Allowed", "RFC3261 §21.4.6",
      "The method is understood but not allowed for this Request-URI; the response must list the allowed methods in Allow.",
      "MESSAGE, SUBSCRIBE, REFER or INFO sent to a PBX, trunk or address that does not permit that method.",
      "Read Allow and use a listed method, or enable the method on the server." },
    { 406, "Not Acceptable", "RFC3261 §21.4.7",
      "The resource can only produce response bodies that the Accept headers of the request do not allow.",
      "Rare; a request whose Accept excludes the only body type the server can send back.",
      "Widen Accept in the request or check which content types the server can generate." },
    { 407, "Proxy Authentication Required", "RFC3261 §21.4.8",
      "Like 401, but a proxy requires authentication; Proxy-Authenticate carries the challenge.",
      "The first INVITE to a provider's proxy; normal when a request with Proxy-Authorization follows.",
      "Normal if the retry (a new transaction, CSeq+1) succeeds; repeated 407s mean wrong credentials or realm." },
    { 408, "Request Timeout", "RFC3261 §21.4.9",
      "No final response could be produced in time, e.g. the user could not be located soon enough. UAs also report it locally when Timer B or F fires.",
      "Callee offline or unreachable behind NAT, stale registrations, or a proxy whose Timer C expired with no provisional response.",
      "Find the hop that did not answer: look for unanswered retransmissions downstream, and check registrations and keep-alives." },
    { 410, "Gone", "RFC3261 §21.4.10",
      "The user existed but is no longer available here and no forwarding address is known; the condition is permanent.",
      "Deactivated accounts or disconnected numbers.",
      "Remove or update the address; retrying will not help." },
    { 412, "Conditional Request Failed", "RFC3903 §11.2.1",
      "A PUBLISH carried a SIP-If-Match entity-tag that matches no active publication at the event state compositor.",
      "Refreshing or modifying presence state after the publication expired or the server restarted.",
      "Send a new initial PUBLISH with full state and no SIP-If-Match; check the refresh interval against Expires." },
    { 413, "Request Entity Too Large", "RFC3261 §21.4.11",
      "The request body is larger than the server is willing or able to process.",
      "Very large SDP (many codecs or ICE candidates), big MESSAGE bodies, multipart bodies with attachments.",
      "Shrink the body; if the limit is temporary the server says when to retry in Retry-After." },
    { 414, "Request-URI Too Long", "RFC3261 §21.4.12",
      "The Request-URI is longer than the server is willing to interpret.",
      "Rare; URIs loaded with parameters or escaped headers, often added by gateways or click-to-dial applications.",
      "Shorten the Request-URI: drop parameters and escaped headers the destination does not need." },
    { 415, "Unsupported Media Type", "RFC3261 §21.4.13",
      "The body format is not supported; the response lists acceptable formats in Accept, Accept-Encoding or Accept-Language.",
      "INFO, MESSAGE or NOTIFY bodies of unexpected types, or multipart bodies (e.g. SIP-I with ISUP) sent to plain SIP endpoints.",
      "Retry with a body type listed in Accept, or strip the unsupported body part at the SBC." },
    { 416, "Unsupported URI Scheme", "RFC3261 §21.4.14",
      "The server does not handle the scheme of the Request-URI (for example tel, sips or im).",
      "tel URIs sent to servers that only take sip URIs, or sips URIs sent to servers without TLS.",
      "Retry with a sip URI (RFC 3261 section 8.1.3.5) or fix the URI conversion at the originating side." },
    { 417, "Unknown Resource-Priority", "RFC4412",
      "The Resource-Priority header uses a namespace or priority value the server does not understand and will not ignore.",
      "Priority calls (e.g. government or emergency preference schemes) reaching a gateway that handles Resource-Priority strictly.",
      "Use a namespace and value listed in the response's Accept-Resource-Priority, or align priority settings between networks." },
    { 420, "Bad Extension", "RFC3261 §21.4.15",
      "The server does not understand an option tag listed in Require or Proxy-Require; the Unsupported header names it.",
      "A UAC that requires 100rel, timer, precondition or sec-agree toward a peer or proxy that lacks the extension.",
      "Retry without the Unsupported tags as a new transaction (CSeq+1), or enable the extension on the peer." },
    { 421, "Extension Required", "RFC3261 §21.4.16",
      "The server needs an extension the request did not list in Supported.",
      "When the server insists on an extension the client did not offer, e.g. 100rel at a gateway or sec-agree at an IMS P-CSCF.",
      "Add the required tag to Supported and make sure the UA implements it; the 421's Require names it." },
    { 422, "Session Interval Too Small", "RFC4028 §6",
      "The Session-Expires in the request is below the server's minimum; the response carries that minimum in Min-SE.",
      "INVITE or UPDATE with a short Session-Expires toward a proxy or UA configured with a larger Min-SE.",
      "Retry with Session-Expires of at least the returned Min-SE and include Min-SE, or raise the UA's session timer." },
    { 423, "Interval Too Brief", "RFC3261 §21.4.17",
      "The requested expiration of a registration (or subscription) is too short; Min-Expires gives the shortest accepted.",
      "REGISTER with a small Expires, often set low to keep a NAT binding open, toward a registrar with a higher minimum.",
      "Retry with Expires of at least Min-Expires; keep NAT bindings open with keep-alives instead of very short registrations." },
    { 424, "Bad Location Information", "RFC6442",
      "The location conveyed with the request was malformed, unsuitable or could not be dereferenced; Geolocation-Error gives details.",
      "Emergency calls and location-based routing where the PIDF-LO body or the location URI is missing or invalid.",
      "Read the Geolocation-Error code, then check the PIDF-LO body or location reference supplied by the UA or its LIS." },
    { 425, "Bad Alert Message", "RFC8876",
      "The CAP alert message carried in the request was malformed or not acceptable; AlertMsg-Error gives the reason.",
      "Non-interactive emergency calls, where sensors or alarm systems send CAP data to a PSAP.",
      "Read AlertMsg-Error and fix the CAP document or the way it is packaged in the request." },
    { 428, "Use Identity Header", "RFC8224 (originally RFC4474)",
      "The verifier's policy requires an Identity header (STIR signature) and the request carries none.",
      "Calls into networks that enforce STIR/SHAKEN, from originators or transit carriers that do not sign or strip the header.",
      "Have the originating provider sign the call, or find the intermediary that removes the Identity header." },
    { 429, "Provide Referrer Identity", "RFC3892",
      "The refer target wants a valid Referred-By token (a signed identity of the referrer) before it accepts the referred request.",
      "Rare; transfers to targets that insist on authenticated Referred-By. The referee reports it to the referrer in a NOTIFY.",
      "The referrer has to send a new REFER with a signed Referred-By token, or the target's policy must be relaxed." },
    { 430, "Flow Failed", "RFC5626",
      "An edge proxy could not forward over the SIP Outbound flow named in the request because that flow is gone.",
      "Between an edge proxy and the registrar's proxy after a UA's connection dropped; that proxy should try another flow.",
      "Check the UA's keep-alives and reconnection; it must re-register to create a new flow." },
    { 433, "Anonymity Disallowed", "RFC5079",
      "The server refuses the request because the requester is anonymous.",
      "Anonymous call rejection: calls with a withheld identity (Privacy: id, anonymous From) to users who block them.",
      "Expected if the callee blocks anonymous calls; the caller can retry with identity presented." },
    { 436, "Bad Identity Info", "RFC8224 (originally RFC4474)",
      "The credential reference in the Identity header (its info parameter, e.g. a certificate URL) cannot be dereferenced or uses an unsupported scheme.",
      "STIR/SHAKEN verification when the certificate URL is wrong, unreachable or blocked for the verifier.",
      "Check that the certificate URL in the Identity header is correct and can be fetched from the verifier's network." },
    { 437, "Unsupported Credential", "RFC8224 (formerly Unsupported Certificate, RFC4474)",
      "The verifier obtained the signer's credential but cannot validate it, e.g. the certificate is not from an authority it trusts.",
      "STIR/SHAKEN with certificates from an authority the terminating network does not trust, or expired ones.",
      "Check the signing certificate chain and the trust anchors configured on both sides." },
    { 438, "Invalid Identity Header", "RFC8224 (originally RFC4474)",
      "The signature in the Identity header does not validate against the request, or its contents do not match the request.",
      "STIR/SHAKEN when From or To numbers were changed after signing, or the PASSporT is corrupted.",
      "Compare the signed originating and destination numbers with From and To at each hop; find who rewrote them after signing." },
    { 439, "First Hop Lacks Outbound Support", "RFC5626",
      "The registrar supports SIP Outbound but the first-hop proxy did not indicate support, so the requested flow cannot be used.",
      "REGISTER with reg-id and +sip.instance through an edge proxy that does not put the ob parameter in its Path URI.",
      "Register without reg-id (no outbound), or enable outbound support on the edge proxy." },
    { 440, "Max-Breadth Exceeded", "RFC5393",
      "The request could not be forked further because its Max-Breadth budget of parallel branches is used up.",
      "Forking proxies with many parallel contacts, or forking loops between proxies that multiply branches.",
      "Look for forking loops or excessive parallel forking; reduce contacts per target before raising Max-Breadth." },
    { 469, "Bad Info Package", "RFC6086",
      "An INFO named an Info Package the recipient did not list in its Recv-Info; the response lists the packages it accepts.",
      "INFO with an Info-Package header for a package the peer did not declare in Recv-Info when the dialog was set up.",
      "Negotiate the package through Recv-Info first, or use another mechanism (for DTMF, RTP telephone-events)." },
    { 470, "Consent Needed", "RFC5360",
      "A relay cannot forward the request because the target has not consented; Permission-Missing lists the URIs concerned.",
      "MESSAGE or INVITE sent through URI-list servers or other relays that apply the RFC 5360 consent framework.",
      "Obtain consent for the listed URIs (a consent request through the relay), then retry." },
    { 480, "Temporarily Unavailable", "RFC3261 §21.4.18",
      "The callee was found but is currently unavailable (not registered, do not disturb); Retry-After may say when to try again.",
      "Calls to unregistered phones or users in do-not-disturb; some PBXs also send it after a no-answer timeout.",
      "Check the callee's registration and DND settings; retry later." },
    { 481, "Call/Transaction Does Not Exist", "RFC3261 §21.4.19",
      "The UAS received a request that matches no existing dialog or transaction.",
      "BYE or re-INVITE after one side restarted or already cleared the call, CANCEL after the final response, NOTIFY for an ended subscription.",
      "Compare Call-ID, tags and CSeq with the original dialog; look for lost BYEs, restarts or SBCs rewriting dialog identifiers." },
    { 482, "Loop Detected", "RFC3261 §21.4.20",
      "The server received a request that it has already handled with the same routing: the request looped back to it.",
      "Two proxies routing a number to each other, or a registered Contact that points back at the proxy.",
      "Follow the Via headers to find the loop, then fix routing, forwarding targets or Contact addresses." },
    { 483, "Too Many Hops", "RFC3261 §21.4.21",
      "Max-Forwards reached zero before the request got to its destination.",
      "Routing loops that loop detection did not catch, or very long proxy chains (requests usually start at Max-Forwards 70).",
      "Count the Via headers and look for repeating hops; fix the loop rather than raising Max-Forwards." },
    { 484, "Address Incomplete", "RFC3261 §21.4.22",
      "The Request-URI is incomplete: more digits or address information are needed.",
      "Overlap dialling through gateways, or dial plans that start routing before the whole number was sent.",
      "Send the complete number (en bloc) or adjust the dial plan and inter-digit timeout on the UA." },
    { 485, "Ambiguous", "RFC3261 §21.4.23",
      "The Request-URI matches more than one user; the response may list unambiguous candidates in Contact.",
      "Rare; lookups by name or partial address in directory-style services.",
      "Pick one of the Contacts or use a fully qualified address." },
    { 486, "Busy Here", "RFC3261 §21.4.24",
      "The callee was reached but cannot take another call at this end system; other locations such as voicemail may still answer.",
      "Phone already in a call without call waiting, a user rejecting the call on some phones, or a trunk at its call limit.",
      "Usually normal. If unexpected, check the endpoint's call limit, busy-on-busy settings and Retry-After." },
    { 487, "Request Terminated", "RFC3261 §21.4.25",
      "The request was ended by a CANCEL (or BYE) before its final response. It is never the answer to the CANCEL itself.",
      "The caller hangs up while it rings; a forking proxy cancels the other branches once one branch answers.",
      "Normally nothing. If calls are cancelled unexpectedly, find who sent the CANCEL and why (Reason header, timers)." },
    { 488, "Not Acceptable Here", "RFC3261 §21.4.26",
      "The session description is not acceptable at this endpoint: codecs, media types, transport or crypto do not match.",
      "Codec mismatch, SRTP offered to RTP-only devices (or the reverse), T.38 re-INVITEs to endpoints without fax support.",
      "Compare the SDP offer with the endpoint's capabilities; the Warning header often names the reason." },
    { 489, "Bad Event", "RFC6665 (originally RFC3265)",
      "The server does not understand the event package in the Event header; Allow-Events lists the packages it supports.",
      "SUBSCRIBE or PUBLISH for presence, dialog (BLF) or message-summary (MWI) to a server that does not offer that package.",
      "Check Allow-Events and the Event header spelling, or enable the package on the server." },
    { 491, "Request Pending", "RFC3261 §21.4.27",
      "A re-INVITE (or UPDATE) arrived while the receiver's own offer in the same dialog was still pending: glare.",
      "Both sides re-INVITE at once, e.g. simultaneous hold, transfer or session refresh.",
      "Normal if one side retries after a random delay (2.1-4 s for the Call-ID owner, 0-2 s otherwise); repeated 491s mean broken retry logic." },
    { 493, "Undecipherable", "RFC3261 §21.4.28",
      "The request has an S/MIME body encrypted for a key the recipient does not have; the response may carry the public key to use instead.",
      "Rare; S/MIME-encrypted SIP bodies between endpoints with mismatched certificates.",
      "Check the certificates and keys used for S/MIME, or send the body unencrypted." },
    { 494, "Security Agreement Required", "RFC3329",
      "The server requires a security mechanism agreement; its Security-Server header lists the mechanisms it offers.",
      "An unprotected request with Require or Proxy-Require: sec-agree; IMS P-CSCFs rejecting unprotected REGISTERs.",
      "Set up one of the offered mechanisms (TLS, IPsec) and resend over it with Security-Verify echoing Security-Server." },

    /* ---- 5xx Server Error ---- */
    { 500, "Server Internal Error", "RFC3261 §21.5.1",
      "The server hit an unexpected condition. A proxy also sends it upstream when all it got downstream was a 503.",
      "Software or back-end failures; also a second INVITE arriving in a dialog while the first is still pending (with Retry-After).",
      "Check the server's logs, and honour Retry-After if present." },
    { 501, "Not Implemented", "RFC3261 §21.5.2",
      "The server does not support the functionality required, typically because it does not recognise the method.",
      "UPDATE, PRACK, INFO, MESSAGE, REFER or PUBLISH sent to a device that does not implement that method.",
      "Check the peer's Allow header and avoid that method toward it." },
    { 502, "Bad Gateway", "RFC3261 §21.5.3",
      "A server acting as gateway or proxy got an invalid response from a server further downstream.",
      "SBCs and PSTN gateways whose next hop answered with something unusable or where interworking failed.",
      "Look at the response the gateway got from its next hop, or at its logs; the fault is downstream of the 502's sender." },
    { 503, "Service Unavailable", "RFC3261 §21.5.4",
      "The server is temporarily unable to handle the request, e.g. overload or maintenance; Retry-After may say for how long.",
      "Trunks at their channel limit, no route or gateway available, overloaded servers; some stacks also report local transport failures as 503.",
      "Check capacity, routing and Retry-After. Clients should fail over to another server; a proxy should not just forward it upstream." },
    { 504, "Server Time-out", "RFC3261 §21.5.5",
      "The server did not get a timely answer from an external server it consulted while processing the request.",
      "Proxies or gateways whose back-end lookups (DNS, ENUM, database, policy server) time out.",
      "Check reachability and latency of the back end the server depends on; the fault is usually not at caller or callee." },
    { 505, "Version Not Supported", "RFC3261 §21.5.6",
      "The server does not support the SIP version used in the request.",
      "Very rare; malformed request lines from broken stacks, header manipulation gone wrong or fuzzers.",
      "Make sure the request line ends exactly in SIP/2.0; look for corrupted or rewritten messages." },
    { 513, "Message Too Large", "RFC3261 §21.5.7",
      "The message is longer than the server can process.",
      "Large requests over UDP (big SDP, many Via or Record-Route headers) exceeding the receiver's limits.",
      "Use TCP for large messages (RFC 3261 section 18.1.1 uses about 1300 bytes as the limit for UDP) and trim headers or SDP." },
    { 555, "Push Notification Service Not Supported", "RFC8599",
      "The server does not support the push notification service named by pn-provider in the REGISTER.",
      "Mobile softphones registering with push parameters (pn-provider, pn-prid) to a server without that push service.",
      "Register with a push service the server supports (advertised with sip.pns in Feature-Caps), or without push parameters." },
    { 580, "Precondition Failure", "RFC3312",
      "A mandatory precondition of the session, such as QoS resource reservation, cannot be met.",
      "IMS/VoLTE calls using preconditions when the bearer for the media cannot be reserved on one of the access networks.",
      "Check resource reservation (dedicated bearer set-up) on both sides and the precondition status lines in the SDP." },

    /* ---- 6xx Global Failure ---- */
    { 600, "Busy Everywhere", "RFC3261 §21.6.1",
      "The callee was reached and is busy, and knows that no other location would accept the call.",
      "Rare in practice; some services send it for a global busy or do-not-disturb instead of 486.",
      "Do not try other locations; retry later (Retry-After may say when)." },
    { 603, "Decline", "RFC3261 §21.6.2",
      "The callee was reached but explicitly does not wish to or cannot take part, and no other location will answer.",
      "A user pressing reject, call screening or blocking services, some spam filters.",
      "Usually a user decision, not a fault. If unexpected, check call blocking rules and the Reason header." },
    { 604, "Does Not Exist Anywhere", "RFC3261 §21.6.3",
      "The server has authoritative information that the user in the Request-URI does not exist anywhere.",
      "Numbers that an authoritative database reports as unassigned, e.g. after number portability lookups.",
      "Check the dialled number and its normalisation; do not retry elsewhere." },
    { 606, "Not Acceptable", "RFC3261 §21.6.4",
      "The user's agent was reached, but some aspect of the session description (media, bandwidth, addressing) is not acceptable.",
      "Offers none of the user's devices can accept, e.g. video-only or SRTP-only calls to audio-only RTP devices.",
      "Read the Warning header for the reason and offer media the callee supports." },
    { 607, "Unwanted", "RFC8197",
      "The called party did not want this call from this caller; further calls from the same caller will likely be rejected too.",
      "Users marking a call as spam or robocall on their device or in the provider's blocking service.",
      "Treat it as a spam report about the caller; a legitimate caller should check its caller-ID presentation and attestation." },
    { 608, "Rejected", "RFC8688",
      "An intermediary, not the callee, rejected the call, typically a call-analytics or spam-filtering service.",
      "Carrier robocall blocking; the response may carry a jCard (Call-Info with purpose=jwscard) with a contact for redress.",
      "If the call is legitimate, use the contact in the jCard to dispute the block, and check the caller's attestation." },
};

#define CODE_COUNT (sizeof codes / sizeof codes[0])
_Static_assert(CODE_COUNT == 75, "the IANA response-code registry has 75 entries");
_Static_assert(CODE_COUNT < 255, "index_of[] holds indexes in a byte");

size_t sa_code_count(void)
{
    return CODE_COUNT;
}

const struct sa_code_info *sa_code_at(size_t i)
{
    return i < CODE_COUNT ? &codes[i] : NULL;
}

/* index_of[code - 100] is 1 + the table index of code, 0 when it is not registered. Built on the
 * first lookup (Wireshark dissects on one thread): every response is looked up. */
static uint8_t index_of[600];
static bool index_built;

static void build_index(void)
{
    for (size_t i = 0; i < CODE_COUNT; i++) {
        if (codes[i].code >= 100 && codes[i].code <= 699)
            index_of[codes[i].code - 100] = (uint8_t)(i + 1);
    }
    index_built = true;
}

const struct sa_code_info *sa_code_lookup(unsigned code)
{
    if (code < 100 || code > 699)
        return NULL;
    if (!index_built)
        build_index();
    unsigned i = index_of[code - 100];
    return i ? &codes[i - 1] : NULL;
}

const struct sa_code_info *sa_code_info_for(unsigned code, bool *fallback)
{
    if (fallback)
        *fallback = false;
    if (code < 100 || code > 699)
        return NULL;
    const struct sa_code_info *info = sa_code_lookup(code);
    if (info)
        return info;
    if (fallback)
        *fallback = true;
    /* RFC 3261 §8.1.3.2: an unknown provisional other than 100 is handled like 183, an unknown
     * final response like the x00 of its class. Every x00 and 183 are in the table. */
    return sa_code_lookup(code < 200 ? 183u : code / 100 * 100);
}

enum sa_outcome sa_outcome_of(unsigned code)
{
    if (code < 100 || code > 699)
        return (enum sa_outcome)0;
    switch (code) {
    case 401:
    case 407:
    case 494:
        return SA_OUTCOME_CHALLENGE;
    case 487:
        return SA_OUTCOME_CANCELLED;
    case 486:
    case 600:
    case 603:
    case 607:
    case 608:
        return SA_OUTCOME_DECLINED;
    case 408:
        return SA_OUTCOME_TIMEOUT;
    case 420:
    case 421:
        return SA_OUTCOME_EXTENSION;
    default:
        break;
    }
    switch (code / 100) {
    case 1:
        return SA_OUTCOME_PROGRESS;
    case 2:
        return SA_OUTCOME_SUCCESS;
    case 3:
        return SA_OUTCOME_REDIRECTED;
    case 4:
        return SA_OUTCOME_REJECTED;
    case 5:
        return SA_OUTCOME_SERVER_ERROR;
    default:
        return SA_OUTCOME_GLOBAL_FAILURE;
    }
}

const char *sa_outcome_name(enum sa_outcome o)
{
    switch (o) {
    case SA_OUTCOME_PROGRESS:
        return "progress";
    case SA_OUTCOME_SUCCESS:
        return "success";
    case SA_OUTCOME_REDIRECTED:
        return "redirected";
    case SA_OUTCOME_CHALLENGE:
        return "challenge";
    case SA_OUTCOME_CANCELLED:
        return "cancelled";
    case SA_OUTCOME_DECLINED:
        return "declined";
    case SA_OUTCOME_TIMEOUT:
        return "timeout";
    case SA_OUTCOME_EXTENSION:
        return "extension";
    case SA_OUTCOME_REJECTED:
        return "rejected";
    case SA_OUTCOME_SERVER_ERROR:
        return "server error";
    case SA_OUTCOME_GLOBAL_FAILURE:
        return "global failure";
    }
    return NULL;
}

const char *sa_severity_name(enum sa_severity s)
{
    switch (s) {
    case SA_SEV_CHAT: return "Chat";
    case SA_SEV_NOTE: return "Note";
    case SA_SEV_WARN: return "Warning";
    }
    return "?";
}

/* One pass over the written phrase, for every response: the standard phrase must start with it
 * and end there or continue with the registry's note " (...)". */
bool sa_code_phrase_matches(const struct sa_code_info *info, struct sa_slice phrase)
{
    const char *std = info->phrase;
    for (uint32_t i = 0; i < phrase.len; i++) {
        if (std[i] == '\0' || (std[i] == ' ' && std[i + 1] == '(') ||
            sa_ascii_fold((unsigned char)std[i]) != sa_ascii_fold((unsigned char)phrase.ptr[i]))
            return false; /* longer than the phrase, or running into the note */
    }
    return std[phrase.len] == '\0' || (std[phrase.len] == ' ' && std[phrase.len + 1] == '(');
}
