# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 2: the class of every SIP response, its expert info, filters on both, UDP and TCP."""
import pytest

# hm-classes-udp: one INVITE per response; frame of each response -> (code, class).
CLASSES_UDP = {2: (100, 1), 4: (180, 1), 6: (200, 2), 9: (302, 3), 12: (404, 4), 15: (421, 4),
               18: (486, 4), 21: (503, 5), 24: (603, 6), 27: (699, 6), 30: (299, 2)}

# Issue 19: one expert info per response, named and graded by what it means.
EXPERT_FRAMES = {
    "sip.analysis.response.progress": [2, 4],
    "sip.analysis.response.success": [6, 30],
    "sip.analysis.response.redirect": [9],
    "sip.analysis.response.failure": [12, 15, 18, 21, 24, 27],
}


@pytest.mark.parametrize("two_pass", [False, True])
def test_class_of_every_response(tshark, two_pass):
    got = tshark.fields("hm-classes-udp.pcapng", ["sip.Status-Code", "sip.analysis.class"], two_pass=two_pass,
                        dfilter="sip.Status-Code")
    assert {f: (int(v["sip.Status-Code"][0]), int(v["sip.analysis.class"][0])) for f, v in got.items()} == CLASSES_UDP


@pytest.mark.parametrize("two_pass", [False, True])
@pytest.mark.parametrize("expert", sorted(EXPERT_FRAMES))
def test_filter_on_each_verdict_expert(tshark, expert, two_pass):
    assert tshark.frames("hm-classes-udp.pcapng", expert, two_pass=two_pass) == EXPERT_FRAMES[expert]


@pytest.mark.parametrize("two_pass", [False, True])
def test_failures_filter(tshark, two_pass):
    assert tshark.frames("hm-classes-udp.pcapng", "sip.analysis.class >= 4", two_pass=two_pass) == \
        [12, 15, 18, 21, 24, 27]


def test_expert_text_severity_and_group(tshark):
    got = tshark.fields("hm-classes-udp.pcapng", ["_ws.expert.message", "_ws.expert.severity", "_ws.expert.group"],
                        dfilter="frame.number == 15 || frame.number == 9 || frame.number == 27")
    assert got[15]["_ws.expert.message"][0] == "421 Extension Required: option tags not agreed"
    assert got[15]["_ws.expert.severity"][0] == "6291456"  # Warning
    assert got[15]["_ws.expert.group"][0] == "50331648"  # Response
    assert got[9]["_ws.expert.message"] == ["302 Moved Temporarily: redirection, the request should go to the Contact "
                                            "given"]
    assert got[9]["_ws.expert.severity"][0] == "4194304"  # Note
    assert got[27]["_ws.expert.message"][0] == "699 (unregistered code): global failure: no other destination will " \
                                               "do better"


@pytest.mark.parametrize("two_pass", [False, True])
def test_two_responses_in_one_tcp_segment(tshark, two_pass):
    got = tshark.fields("hm-tcp-two-in-one.pcapng", ["sip.Status-Code", "sip.analysis.class",
                                                    "sip.analysis.request_frame"], two_pass=two_pass,
                        dfilter="frame.number == 5 || frame.number == 10")
    assert got[5] == {"sip.Status-Code": ["100", "421"], "sip.analysis.class": ["1", "4"],
                      "sip.analysis.request_frame": ["4", "4"]}
    assert got[10] == {"sip.Status-Code": ["100", "180"], "sip.analysis.class": ["1", "1"],
                       "sip.analysis.request_frame": ["9", "9"]}


def test_each_message_gets_its_own_annotation_subtree(tshark):
    got = tshark.analysis("hm-tcp-two-in-one.pcapng", dfilter="frame.number == 5")
    first, second = got[5]
    assert first["sip.analysis.class"] == ["1"] and first["experts"][0][0] == "sip.analysis.response.progress"
    assert second["sip.analysis.class"] == ["4"] and second["experts"][0][0] == "sip.analysis.response.failure"


@pytest.mark.parametrize("two_pass", [False, True])
def test_invalid_codes_have_no_class(tshark, two_pass):
    got = tshark.fields("hm-invalid-status.pcapng", ["sip.Status-Code", "sip.analysis.class", "_ws.expert.message"],
                        two_pass=two_pass, dfilter="sip.analysis.class.invalid")
    assert sorted(got) == [2, 4, 6]
    assert [got[f]["sip.analysis.class"] for f in (2, 4, 6)] == [[], [], []]
    assert got[4]["_ws.expert.message"] == ["Status code 700 is outside 100-699: no response class"]
