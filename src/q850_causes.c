/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "q850_causes.h"

/* Every cause Q.850 defines, ascending: the causes of Q.850 (05/98) Table 1 and the two later
 * amendments added (14 QoR: ported number, 24 Call rejected due to feature at the destination).
 * "(national use)" is part of a name where Table 1 writes it. The unit test test_q850_causes
 * checks order, classes, the normal-clearing set and that every text is printable ASCII. */
#define C(v, normal, n, m) { (v), (uint8_t)((v) >> 4), (normal), (n), (m) }
static const struct sa_q850_cause causes[] = {
    /* ---- normal event (0-15) ---- */
    C(1, false, "Unallocated (unassigned) number",
      "The number has a valid format but is not assigned to anyone: a wrong or disconnected number."),
    C(2, false, "No route to specified transit network (national use)",
      "The call asked to be carried by a transit network (carrier) that this exchange does not know or does not serve."),
    C(3, false, "No route to destination",
      "The network the call reached does not serve the destination: usually a gap in routing or in the dial plan."),
    C(4, false, "Send special information tone",
      "The called party cannot be reached for a long-term reason; the caller should hear the special information tone."),
    C(5, false, "Misdialled trunk prefix (national use)",
      "The called number wrongly includes a trunk prefix (such as a leading 0)."),
    C(6, false, "Channel unacceptable",
      "The channel chosen for the call is not acceptable to the sender: a channel negotiation problem on an ISDN trunk."),
    C(7, false, "Call awarded and being delivered in an established channel",
      "The call is being connected on a channel already set up to that user for similar calls (packet mode); rare in VoIP."),
    C(8, false, "Preemption",
      "The call was cleared because a call of higher precedence took its resources (MLPP)."),
    C(9, false, "Preemption - circuit reserved for reuse",
      "The call was preempted and its circuit is kept for the exchange that preempted it (MLPP)."),
    C(14, false, "QoR: ported number",
      "An exchange found that the called number was ported out (query on release); the call should be routed to the new network."),

    /* ---- normal event (16-31) ---- */
    C(16, true, "Normal call clearing",
      "One of the parties hung up: the call ended normally."),
    C(17, true, "User busy",
      "The called party is busy; its equipment could otherwise have taken the call."),
    C(18, false, "No user responding",
      "The called party did not answer the call setup with alerting or connect in time: nothing rang."),
    C(19, false, "No answer from user (user alerted)",
      "The called party was alerted (it rang) but did not answer in time."),
    C(20, false, "Subscriber absent",
      "The called user cannot be reached right now: a mobile logged off or out of coverage, or a user registered nowhere."),
    C(21, false, "Call rejected",
      "The called party refused the call although it was neither busy nor incompatible, e.g. declined by the user or by call screening."),
    C(22, false, "Number changed",
      "The called number is no longer assigned; the new number may be given in the diagnostic."),
    C(23, false, "Redirection to new destination",
      "An exchange asks the preceding exchange to route the call to another number."),
    C(24, false, "Call rejected due to feature at the destination",
      "A supplementary service of the called party refused the call, e.g. anonymous call rejection."),
    C(25, false, "Exchange routing error",
      "The call could not be routed to the destination because of a routing error, such as a loop or too many hops."),
    C(26, false, "Non-selected user clearing",
      "The called user was alerted but another user took the call, e.g. another phone of a group answered."),
    C(27, false, "Destination out of order",
      "The destination cannot be reached because its interface is not working: a signalling message could not be delivered."),
    C(28, false, "Invalid number format (address incomplete)",
      "The called number has an invalid format or is incomplete."),
    C(29, false, "Facility rejected",
      "The network cannot provide a supplementary service that the call requested."),
    C(30, false, "Response to STATUS ENQUIRY",
      "Carried by a STATUS message answering a STATUS ENQUIRY; not a reason for ending a call."),
    C(31, true, "Normal, unspecified",
      "A normal event that no more specific normal cause covers; often the normal end of a call from equipment that says no more."),

    /* ---- resource unavailable (32-47) ---- */
    C(34, false, "No circuit/channel available",
      "No suitable circuit or channel is free to carry the call: trunk capacity is exhausted."),
    C(38, false, "Network out of order",
      "The network is not working and probably will not be for a relatively long time; retrying at once will likely fail."),
    C(39, false, "Permanent frame mode connection out of service",
      "A permanent frame mode connection is out of service because of an equipment or section failure."),
    C(40, false, "Permanent frame mode connection operational",
      "A permanent frame mode connection is working again; reported in a STATUS message."),
    C(41, false, "Temporary failure",
      "The network is not working correctly but should recover soon; the call may succeed if retried."),
    C(42, false, "Switching equipment congestion",
      "The switching equipment is overloaded."),
    C(43, false, "Access information discarded",
      "Some access information (such as user-to-user data or a subaddress) could not be delivered to the called user."),
    C(44, false, "Requested circuit/channel not available",
      "The circuit or channel that the caller asked for is not free."),
    C(46, false, "Precedence call blocked",
      "No circuit could be preempted, or the called user is busy with a call of equal or higher precedence (MLPP)."),
    C(47, false, "Resource unavailable, unspecified",
      "A resource is unavailable and no other cause of this class applies."),

    /* ---- service or option not available (48-63) ---- */
    C(49, false, "Quality of Service not available",
      "The requested quality of service cannot be provided."),
    C(50, false, "Requested facility not subscribed",
      "The caller asked for a supplementary service that it has not subscribed to."),
    C(53, false, "Outgoing calls barred within CUG",
      "The caller belongs to a closed user group whose outgoing calls are barred."),
    C(55, false, "Incoming calls barred within CUG",
      "The called user belongs to a closed user group whose incoming calls are barred."),
    C(57, false, "Bearer capability not authorized",
      "The caller asked for a bearer capability (such as video or unrestricted data) it is not authorized to use."),
    C(58, false, "Bearer capability not presently available",
      "The requested bearer capability exists but cannot be provided right now."),
    C(62, false, "Inconsistency in designated outgoing access information and subscriber class",
      "The outgoing access requested for a closed user group does not match the subscriber's class."),
    C(63, false, "Service or option not available, unspecified",
      "A service or option is not available and no other cause of this class applies."),

    /* ---- service or option not implemented (64-79) ---- */
    C(65, false, "Bearer capability not implemented",
      "The equipment does not support the requested bearer capability, e.g. a data or video call to a voice-only gateway."),
    C(66, false, "Channel type not implemented",
      "The equipment does not support the requested channel type."),
    C(69, false, "Requested facility not implemented",
      "The equipment does not support the requested supplementary service."),
    C(70, false, "Only restricted digital information bearer capability is available (national use)",
      "Unrestricted digital information was requested but only restricted digital information can be carried."),
    C(79, false, "Service or option not implemented, unspecified",
      "A service or option is not implemented and no other cause of this class applies."),

    /* ---- invalid message (80-95) ---- */
    C(81, false, "Invalid call reference value",
      "A message referred to a call reference that is not in use on the interface."),
    C(82, false, "Identified channel does not exist",
      "A request named a channel that is not active on the interface."),
    C(83, false, "A suspended call exists, but this call identity does not",
      "A call resume named a call identity that matches no suspended call."),
    C(84, false, "Call identity in use",
      "A call suspend used a call identity already in use for a suspended call."),
    C(85, false, "No call suspended",
      "A call resume arrived but no call is suspended."),
    C(86, false, "Call having the requested call identity has been cleared",
      "The suspended call to be resumed was cleared while it was suspended."),
    C(87, false, "User not member of CUG",
      "The called user is not a member of the caller's closed user group."),
    C(88, false, "Incompatible destination",
      "The destination cannot accept the call's compatibility attributes; in VoIP often a fax or data call to a voice-only endpoint."),
    C(90, false, "Non-existent CUG",
      "The closed user group named in the call does not exist."),
    C(91, false, "Invalid transit network selection (national use)",
      "The transit network identification received has an incorrect format."),
    C(95, false, "Invalid message, unspecified",
      "An invalid message was received and no other cause of this class applies."),

    /* ---- protocol error (96-111) ---- */
    C(96, false, "Mandatory information element is missing",
      "A message lacked an information element (an ISUP parameter) that it must carry."),
    C(97, false, "Message type non-existent or not implemented",
      "A message of a type that the receiver does not know or does not implement arrived."),
    C(98, false, "Message not compatible with call state or message type non-existent or not implemented",
      "A message arrived that is not allowed in the call's current state, or whose type is unknown."),
    C(99, false, "Information element/parameter non-existent or not implemented",
      "A message carried information elements or parameters that the receiver does not know; they were ignored."),
    C(100, false, "Invalid information element contents",
      "An information element arrived whose contents are coded in a way the receiver does not implement."),
    C(101, false, "Message not compatible with call state",
      "A message arrived that the procedures do not allow in the current call state."),
    C(102, false, "Recovery on timer expiry",
      "A protocol timer expired and error handling ended the call; on gateways often a timeout waiting for the far end."),
    C(103, false, "Parameter non-existent or not implemented - passed on (national use)",
      "Parameters that the receiver does not know were passed on unchanged."),
    C(110, false, "Message with unrecognized parameter, discarded",
      "A message was discarded because it held a parameter that was not recognized."),
    C(111, false, "Protocol error, unspecified",
      "A protocol error occurred and no other cause of this class applies."),

    /* ---- interworking (112-127) ---- */
    C(127, false, "Interworking, unspecified",
      "The call crossed a network that does not report causes, so the real cause is not known."),
};
#undef C

#define CAUSE_COUNT (sizeof causes / sizeof causes[0])
_Static_assert(CAUSE_COUNT == 71, "Q.850 defines 71 cause values");

const struct sa_q850_cause *sa_q850_cause(unsigned value)
{
    size_t lo = 0, hi = CAUSE_COUNT; /* binary search: no index to build, nothing mutable */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (causes[mid].value == value)
            return &causes[mid];
        if (causes[mid].value < value)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

size_t sa_q850_cause_count(void)
{
    return CAUSE_COUNT;
}

const struct sa_q850_cause *sa_q850_cause_at(size_t i)
{
    return i < CAUSE_COUNT ? &causes[i] : NULL;
}

const char *sa_q850_class_name(unsigned value)
{
    static const char *const names[8] = {
        "normal event", "normal event", "resource unavailable", "service or option not available",
        "service or option not implemented", "invalid message", "protocol error", "interworking",
    };
    return value <= 127 ? names[value >> 4] : NULL;
}

bool sa_q850_is_normal_clearing(unsigned value)
{
    return value == 16 || value == 17 || value == 31;
}
