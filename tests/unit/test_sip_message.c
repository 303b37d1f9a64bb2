/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sa_message_parse: start lines, CSeq, Call-ID, top Via branch, From/To tags, option-tag lines
 * (folding, compact forms, case), line endings, the body boundary, truncation at every length. */
#include "test_support.h"

#include "option_tags.h"

/* Parses a NUL-terminated literal; the result points into it. */
static struct sa_message parse(const char *text)
{
    struct sa_message m;
    sa_message_parse(text, strlen(text), &m);
    return m;
}

#define REQ_LINE "INVITE sip:bob@b.example SIP/2.0\r\n"
#define RESP_LINE "SIP/2.0 200 OK\r\n"

/* ---- status line ------------------------------------------------------------------------ */

static void test_status_line_code_and_reason(void **state)
{
    (void)state;
    struct sa_message m;
    const char *t = "SIP/2.0 180 Ringing\r\n\r\n";
    assert_true(sa_message_parse(t, strlen(t), &m));
    assert_int_equal(m.flags, SA_MSG_RESPONSE | SA_MSG_CODE_NUMERIC);
    assert_int_equal(m.status_code, 180);
    assert_slice(m.status_raw, "180");
    assert_slice(m.reason, "Ringing");
    assert_int_equal(m.method.len, 0);
}

static void test_status_line_reason_with_spaces_trimmed(void **state)
{
    (void)state;
    struct sa_message m = parse("SIP/2.0  404   Not Found Here \t\r\n\r\n");
    assert_int_equal(m.status_code, 404);
    assert_slice(m.reason, "Not Found Here");
}

static void test_status_line_without_reason(void **state)
{
    (void)state;
    struct sa_message m = parse("SIP/2.0 200\r\n\r\n");
    assert_int_equal(m.flags, SA_MSG_RESPONSE | SA_MSG_CODE_NUMERIC);
    assert_int_equal(m.status_code, 200);
    assert_slice(m.reason, "");
}

static void test_status_code_non_numeric(void **state)
{
    (void)state;
    struct sa_message m = parse("SIP/2.0 abc Weird\r\n\r\n");
    assert_int_equal(m.flags, SA_MSG_RESPONSE);
    assert_int_equal(m.status_code, 0);
    assert_slice(m.status_raw, "abc");
    assert_slice(m.reason, "Weird");
}

static void test_status_code_099_is_numeric(void **state)
{
    (void)state;
    struct sa_message m = parse("SIP/2.0 099 Low\r\n\r\n");
    assert_int_equal(m.flags, SA_MSG_RESPONSE | SA_MSG_CODE_NUMERIC);
    assert_int_equal(m.status_code, 99);
    assert_slice(m.status_raw, "099");
}

static void test_status_code_700_is_numeric(void **state)
{
    (void)state;
    struct sa_message m = parse("SIP/2.0 700 High\r\n\r\n");
    assert_int_equal(m.flags, SA_MSG_RESPONSE | SA_MSG_CODE_NUMERIC);
    assert_int_equal(m.status_code, 700);
}

static void test_status_code_four_digits_not_numeric(void **state)
{
    (void)state;
    struct sa_message m = parse("SIP/2.0 2000 OK\r\n\r\n");
    assert_int_equal(m.flags, SA_MSG_RESPONSE);
    assert_int_equal(m.status_code, 0);
    assert_slice(m.status_raw, "2000");
}

/* ---- request line ----------------------------------------------------------------------- */

static void test_request_line_method(void **state)
{
    (void)state;
    struct sa_message m;
    const char *t = "REGISTER sip:registrar.example SIP/2.0\r\n\r\n";
    assert_true(sa_message_parse(t, strlen(t), &m));
    assert_int_equal(m.flags, 0);
    assert_slice(m.method, "REGISTER");
    assert_int_equal(m.status_code, 0);
    assert_int_equal(m.status_raw.len, 0);
}

static void test_request_line_without_version_is_bad(void **state)
{
    (void)state;
    struct sa_message m;
    const char *t = "INVITE sip:bob@b.example\r\nCSeq: 1 INVITE\r\n\r\n";
    assert_false(sa_message_parse(t, strlen(t), &m));
    assert_int_equal(m.flags, SA_MSG_START_LINE_BAD);
}

static void test_start_line_garbage_is_bad(void **state)
{
    (void)state;
    struct sa_message m;
    assert_false(sa_message_parse("hello", 5, &m));
    assert_int_equal(m.flags, SA_MSG_START_LINE_BAD);
    assert_false(sa_message_parse("SIP/2.0", 7, &m));
    assert_int_equal(m.flags, SA_MSG_START_LINE_BAD);
}

static void test_empty_buffer_is_bad(void **state)
{
    (void)state;
    struct sa_message m;
    assert_false(sa_message_parse("", 0, &m));
    assert_int_equal(m.flags, SA_MSG_START_LINE_BAD);
    assert_int_equal(m.tag_line_count, 0);
}

/* ---- CSeq ------------------------------------------------------------------------------- */

static void test_cseq_number_and_method(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "CSeq: 314159 INVITE\r\n\r\n");
    assert_int_equal(m.flags, SA_MSG_HAS_CSEQ);
    assert_int_equal(m.cseq, 314159);
    assert_slice(m.cseq_method, "INVITE");
}

static void test_cseq_white_space_trimmed(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "CSeq:   7 \t REGISTER  \r\n\r\n");
    assert_int_equal(m.cseq, 7);
    assert_slice(m.cseq_method, "REGISTER");
}

static void test_cseq_not_a_number_is_bad(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "CSeq: x INVITE\r\n\r\n");
    assert_int_equal(m.flags, SA_MSG_BAD_CSEQ);
    assert_int_equal(m.cseq, 0);
    assert_int_equal(m.cseq_method.len, 0);
}

static void test_cseq_without_method_is_bad(void **state)
{
    (void)state;
    assert_int_equal(parse(REQ_LINE "CSeq: 5\r\n\r\n").flags, SA_MSG_BAD_CSEQ);
    assert_int_equal(parse(REQ_LINE "CSeq: 5INVITE\r\n\r\n").flags, SA_MSG_BAD_CSEQ);
    assert_int_equal(parse(REQ_LINE "CSeq:\r\n\r\n").flags, SA_MSG_BAD_CSEQ);
}

static void test_cseq_missing(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Call-ID: a\r\n\r\n");
    assert_int_equal(m.flags & (SA_MSG_HAS_CSEQ | SA_MSG_BAD_CSEQ), 0);
}

static void test_cseq_largest_below_2_pow_31(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "CSeq: 2147483647 INVITE\r\n\r\n");
    assert_int_equal(m.flags, SA_MSG_HAS_CSEQ);
    assert_int_equal(m.cseq, 2147483647u);
}

static void test_cseq_2_pow_31_and_more_is_bad(void **state)
{
    (void)state;
    assert_int_equal(parse(REQ_LINE "CSeq: 2147483648 INVITE\r\n\r\n").flags, SA_MSG_BAD_CSEQ);
    assert_int_equal(parse(REQ_LINE "CSeq: 4294967296 INVITE\r\n\r\n").flags, SA_MSG_BAD_CSEQ);
    assert_int_equal(parse(REQ_LINE "CSeq: 99999999999999999999999 INVITE\r\n\r\n").flags, SA_MSG_BAD_CSEQ);
}

static void test_cseq_first_occurrence_counts(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "CSeq: 1 INVITE\r\nCSeq: 2 BYE\r\n\r\n");
    assert_int_equal(m.cseq, 1);
    assert_slice(m.cseq_method, "INVITE");
    m = parse(REQ_LINE "CSeq: bad\r\nCSeq: 2 BYE\r\n\r\n");
    assert_int_equal(m.flags, SA_MSG_BAD_CSEQ);
}

/* Regression (fixed in 3740239): a CSeq folded between number and method (RFC 3261 §7.3.1, LWS
 * may hold CRLF + WSP) was flagged SA_MSG_BAD_CSEQ. */
static void test_cseq_folded_between_number_and_method(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "CSeq: 1\r\n INVITE\r\n\r\n");
    assert_int_equal(m.flags, SA_MSG_HAS_CSEQ);
    assert_int_equal(m.cseq, 1);
    assert_slice(m.cseq_method, "INVITE");
}

/* ---- Call-ID ---------------------------------------------------------------------------- */

static void test_call_id_full_and_compact(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Call-ID: a84b4c76e66710@pc33.example\r\n\r\n");
    assert_int_equal(m.flags, SA_MSG_HAS_CALL_ID);
    assert_slice(m.call_id, "a84b4c76e66710@pc33.example");
    m = parse(REQ_LINE "i:  compact-id \r\n\r\n");
    assert_int_equal(m.flags, SA_MSG_HAS_CALL_ID);
    assert_slice(m.call_id, "compact-id");
}

static void test_call_id_name_in_other_case(void **state)
{
    (void)state;
    assert_slice(parse(REQ_LINE "CALL-id: X\r\n\r\n").call_id, "X");
    assert_slice(parse(REQ_LINE "I: y\r\n\r\n").call_id, "y");
}

static void test_call_id_empty_is_skipped(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Call-ID:\r\nCall-ID: second\r\n\r\n");
    assert_slice(m.call_id, "second");
    m = parse(REQ_LINE "Call-ID:   \r\n\r\n");
    assert_int_equal(m.flags & SA_MSG_HAS_CALL_ID, 0);
}

/* ---- top Via ---------------------------------------------------------------------------- */

static void test_via_branch_of_first_via_line(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Via: SIP/2.0/UDP p1.example;branch=z9hG4bKtop\r\n"
                                         "Via: SIP/2.0/UDP p2.example;branch=z9hG4bKsecond\r\n\r\n");
    assert_int_equal(m.flags, SA_MSG_HAS_VIA | SA_MSG_HAS_BRANCH | SA_MSG_RFC3261_BRANCH);
    assert_slice(m.via_branch, "z9hG4bKtop");
}

static void test_via_branch_of_first_entry_in_line(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Via: SIP/2.0/UDP p1.example;branch=z9hG4bKone, "
                                         "SIP/2.0/UDP p2.example;branch=z9hG4bKtwo\r\n\r\n");
    assert_slice(m.via_branch, "z9hG4bKone");
}

static void test_via_first_entry_without_branch_has_none(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Via: SIP/2.0/UDP p1.example, SIP/2.0/UDP p2.example;branch=z9hG4bKtwo\r\n"
                                         "Via: SIP/2.0/UDP p3.example;branch=z9hG4bKthree\r\n\r\n");
    assert_int_equal(m.flags, SA_MSG_HAS_VIA);
    assert_null(m.via_branch.ptr);
}

static void test_via_compact_v(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "v: SIP/2.0/TCP h.example;rport;branch=z9hG4bK77;received=1.2.3.4\r\n\r\n");
    assert_int_equal(m.flags, SA_MSG_HAS_VIA | SA_MSG_HAS_BRANCH | SA_MSG_RFC3261_BRANCH);
    assert_slice(m.via_branch, "z9hG4bK77");
}

static void test_via_branch_without_cookie(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Via: SIP/2.0/UDP h.example;branch=1234abc\r\n\r\n");
    assert_int_equal(m.flags, SA_MSG_HAS_VIA | SA_MSG_HAS_BRANCH);
    assert_slice(m.via_branch, "1234abc");
}

static void test_via_cookie_is_case_sensitive(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Via: SIP/2.0/UDP h.example;BRANCH=Z9HG4BKabc\r\n\r\n");
    assert_int_equal(m.flags, SA_MSG_HAS_VIA | SA_MSG_HAS_BRANCH);
    assert_slice(m.via_branch, "Z9HG4BKabc");
}

static void test_via_cookie_alone_is_rfc3261(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Via: SIP/2.0/UDP h.example;branch=z9hG4bK\r\n\r\n");
    assert_int_equal(m.flags, SA_MSG_HAS_VIA | SA_MSG_HAS_BRANCH | SA_MSG_RFC3261_BRANCH);
    m = parse(REQ_LINE "Via: SIP/2.0/UDP h.example;branch=z9hG4b\r\n\r\n");
    assert_int_equal(m.flags, SA_MSG_HAS_VIA | SA_MSG_HAS_BRANCH);
}

static void test_via_without_branch(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Via: SIP/2.0/UDP h.example;rport;branchx=z9hG4bK1\r\n\r\n");
    assert_int_equal(m.flags, SA_MSG_HAS_VIA);
    assert_int_equal(m.via_branch.len, 0);
}

static void test_via_branch_spaces_around_equals(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Via: SIP/2.0/UDP h.example ; branch = z9hG4bKsp ;rport\r\n\r\n");
    assert_slice(m.via_branch, "z9hG4bKsp");
}

static void test_via_folded_before_semicolon(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Via: SIP/2.0/UDP h.example\r\n ;branch=z9hG4bKfold\r\n\r\n");
    assert_slice(m.via_branch, "z9hG4bKfold");
}

/* Regression (fixed in 3740239): LWS after SEMI and around EQUAL may be folded (RFC 3261 §25.1
 * SEMI = SWS ";" SWS), and CR/LF there hid the parameter. */
static void test_via_folded_after_semicolon(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Via: SIP/2.0/UDP h.example;\r\n branch=z9hG4bKfold\r\n\r\n");
    assert_slice(m.via_branch, "z9hG4bKfold");
    m = parse(REQ_LINE "Via: SIP/2.0/UDP h.example;branch\r\n =\r\n\tz9hG4bKeq\r\n\r\n");
    assert_slice(m.via_branch, "z9hG4bKeq");
}

static void test_via_missing(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "CSeq: 1 INVITE\r\n\r\n");
    assert_int_equal(m.flags & (SA_MSG_HAS_VIA | SA_MSG_HAS_BRANCH), 0);
}

/* ---- From / To tags --------------------------------------------------------------------- */

static void test_from_tag_outside_angle_brackets(void **state)
{
    (void)state;
    struct sa_message m =
        parse(REQ_LINE "From: \"Alice\" <sip:alice@a.example;tag=uri-param;transport=udp>;tag=real;x=1\r\n\r\n");
    assert_slice(sa_message_from_tag(&m), "real");
}

static void test_from_tag_quoted_display_name(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "From: \"A;tag=q <x\\\"y\" <sip:a@a.example>;tag=ok\r\n\r\n");
    assert_slice(sa_message_from_tag(&m), "ok");
}

static void test_from_tag_addr_spec(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "From: sip:alice@a.example;tag=88\r\n\r\n");
    assert_slice(sa_message_from_tag(&m), "88");
}

static void test_to_without_tag(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "To: <sip:bob@b.example;tag=inside>\r\n\r\n");
    assert_null(sa_message_to_tag(&m).ptr);
    assert_int_equal(sa_message_to_tag(&m).len, 0);
}

static void test_from_to_compact(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "f: <sip:a@a.example>;tag=ff\r\nt: <sip:b@b.example>;TAG=tt\r\n\r\n");
    assert_slice(sa_message_from_tag(&m), "ff");
    assert_slice(sa_message_to_tag(&m), "tt");
}

static void test_tag_param_prefix_not_confused(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "To: <sip:b@b.example>;tagx=no;tag=yes\r\n\r\n");
    assert_slice(sa_message_to_tag(&m), "yes");
}

/* ---- option-tag lines ------------------------------------------------------------------- */

static void test_tag_lines_each_header(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Supported: 100rel\r\nk: timer\r\nRequire: path\r\n"
                                         "Proxy-Require: sec-agree\r\nUnsupported: foo\r\n\r\n");
    assert_int_equal(m.tag_line_count, 5);
    const uint8_t want[5] = { SA_HDR_SUPPORTED, SA_HDR_SUPPORTED, SA_HDR_REQUIRE, SA_HDR_PROXY_REQUIRE,
                              SA_HDR_UNSUPPORTED };
    const char *vals[5] = { "100rel", "timer", "path", "sec-agree", "foo" };
    for (int i = 0; i < 5; i++) {
        assert_int_equal(m.tag_lines[i].header, want[i]);
        assert_slice(m.tag_lines[i].value, vals[i]);
    }
    assert_int_equal(m.flags & SA_MSG_TAG_LINES_CUT, 0);
}

static void test_tag_line_folded_value_kept_raw(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Supported: 100rel,\r\n timer,\r\n\tpath\r\nCSeq: 3 INVITE\r\n\r\n");
    assert_int_equal(m.tag_line_count, 1);
    assert_slice(m.tag_lines[0].value, "100rel,\r\n timer,\r\n\tpath");
    assert_int_equal(m.cseq, 3);
}

static void test_tag_line_empty_value(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Supported:\r\nRequire:   \r\n\r\n");
    assert_int_equal(m.tag_line_count, 2);
    assert_int_equal(m.tag_lines[0].value.len, 0);
    assert_int_equal(m.tag_lines[1].value.len, 0);
    assert_true(sa_message_has_header(&m, SA_HDR_SUPPORTED));
    assert_false(sa_message_has_header(&m, SA_HDR_UNSUPPORTED));
}

static void test_header_names_in_other_case(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "SUPPORTED: a\r\nrequire: b\r\nproxy-REQUIRE: c\r\nUNSUPPORTED: d\r\n"
                                         "K: e\r\nVIA: SIP/2.0/UDP h;branch=z9hG4bKx\r\ncseq: 4 BYE\r\n\r\n");
    assert_int_equal(m.tag_line_count, 5);
    assert_int_equal(m.tag_lines[3].header, SA_HDR_UNSUPPORTED);
    assert_int_equal(m.tag_lines[4].header, SA_HDR_SUPPORTED);
    assert_slice(m.via_branch, "z9hG4bKx");
    assert_int_equal(m.cseq, 4);
}

static void test_header_name_white_space_before_colon(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Require : x\r\nCSeq\t: 9 INVITE\r\n\r\n");
    assert_int_equal(m.tag_line_count, 1);
    assert_int_equal(m.cseq, 9);
}

static void test_similar_header_names_ignored(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Supported-X: a\r\nRequires: b\r\nX-Require: c\r\nkk: d\r\nNoColonLine\r\n\r\n");
    assert_int_equal(m.tag_line_count, 0);
    assert_int_equal(m.flags, 0);
}

/* Names are compared a word at a time with letters folded by OR-ing 0x20, which also maps CR to
 * '-', '@' to '`' and '[' to '{': no look-alike may pass for a real header name. */
static void test_names_with_symbols_for_letters_ignored(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "C@ll-ID: a\r\nProxy-Requir[: b\r\nVi@: c\r\nCall_ID: d\r\n"
                                         "Call\rID: e\r\nProxy\rRequire: f\r\n\r\n"); /* CR | 0x20 == '-' */
    assert_int_equal(m.tag_line_count, 0);
    assert_int_equal(m.flags, 0);
    m = parse(REQ_LINE "CALL-ID: a\r\nPROXY-REQUIRE: b\r\nvIA: SIP/2.0/UDP h;BRANCH=z9hG4bKx\r\n\r\n");
    assert_slice(m.call_id, "a");
    assert_int_equal(m.tag_line_count, 1);
    assert_int_equal(m.tag_lines[0].header, SA_HDR_PROXY_REQUIRE);
    assert_slice(m.via_branch, "z9hG4bKx");
}

/* The usual spellings ("Via:", "v:") are recognised on a fast path, every other one (white
 * space before the colon, a line that is only a name and its colon) the careful way: both read
 * the same values. */
static void test_usual_and_unusual_spellings_read_alike(void **state)
{
    (void)state;
    static const char *const pairs[][2] = {
        { "Via: SIP/2.0/UDP h;branch=z9hG4bKa\r\n", "Via : SIP/2.0/UDP h;branch=z9hG4bKa\r\n" },
        { "v: SIP/2.0/UDP h;branch=z9hG4bKa\r\n", " v\t: SIP/2.0/UDP h;branch=z9hG4bKa\r\n" },
        { "Call-ID: c1\r\nCSeq: 7 INVITE\r\n", "Call-ID :c1\r\nCSeq  : 7 INVITE\r\n" },
        { "From: <sip:a@a>;tag=f\r\nTo: <sip:b@b>\r\n", "From :<sip:a@a>;tag=f\r\nTo\t:<sip:b@b>\r\n" },
        { "Supported: timer\r\nRequire: 100rel\r\n", "Supported :timer\r\nRequire :100rel\r\n" },
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        char a[256], b[256];
        snprintf(a, sizeof a, REQ_LINE "%s\r\n", pairs[i][0]);
        snprintf(b, sizeof b, REQ_LINE "%s\r\n", pairs[i][1]);
        struct sa_message x = parse(a), y = parse(b);
        assert_int_equal(x.flags, y.flags);
        assert_int_equal(x.cseq, y.cseq);
        assert_int_equal(x.via_branch.len, y.via_branch.len);
        assert_memory_equal(x.via_branch.ptr, y.via_branch.ptr, x.via_branch.len);
        assert_int_equal(x.call_id.len, y.call_id.len);
        assert_int_equal(x.tag_line_count, y.tag_line_count);
        assert_int_equal(sa_message_from_tag(&x).len, sa_message_from_tag(&y).len);
        assert_int_equal(x.to_value.len, y.to_value.len);
    }
    /* A name and its colon alone, at the end of the line: an empty value, found either way. */
    struct sa_message m = parse(REQ_LINE "Call-ID:\r\ni:\r\nv:\r\nSupported:\r\n\r\n");
    assert_int_equal(m.flags, SA_MSG_HAS_VIA);
    assert_int_equal(m.tag_line_count, 1);
    assert_int_equal(m.tag_lines[0].value.len, 0);
}

/* Lines end at LF (CR LF or a bare LF). A bare CR stays inside its line (RFC 3261 §7 requires
 * CR LF; Wireshark's SIP dissector would end the line there): the header after it is not read,
 * and its absence is reported as for any missing header. */
static void test_bare_cr_stays_inside_the_line(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Via: SIP/2.0/UDP h;branch=z9hG4bK1\rCall-ID: c1@x\r\n"
                                         "Max-Forwards: 70\rRequire: 100rel\r\nCSeq: 1 INVITE\n\r\n");
    assert_slice(m.via_branch, "z9hG4bK1");
    assert_int_equal(m.flags & SA_MSG_HAS_CALL_ID, 0);
    assert_int_equal(m.tag_line_count, 0);
    assert_int_equal(m.cseq, 1); /* a bare LF does end a line */
}

/* A message whose lines all end in CR alone (issue 18): taken for one long start line it was
 * either no SIP at all (a request) or a response without headers. Flagged, and its header lines
 * read up to each CR. */
static void test_cr_only_request_flagged_and_read(void **state)
{
    (void)state;
    struct sa_message m;
    const char *t = "INVITE sip:bob@b.example SIP/2.0\rVia: SIP/2.0/UDP h;branch=z9hG4bKcr1\r"
                    "Call-ID: cr1@x\rCSeq: 7 INVITE\rSupported: 100rel,\r timer\rContent-Length: 3\r\rv=0";
    assert_true(sa_message_parse(t, strlen(t), &m));
    assert_int_equal(m.flags, SA_MSG_BARE_CR | SA_MSG_HAS_VIA | SA_MSG_HAS_BRANCH | SA_MSG_RFC3261_BRANCH |
                                  SA_MSG_HAS_CALL_ID | SA_MSG_HAS_CSEQ);
    assert_slice(m.method, "INVITE");
    assert_slice(m.via_branch, "z9hG4bKcr1");
    assert_slice(m.call_id, "cr1@x");
    assert_int_equal(m.cseq, 7);
    assert_slice(m.cseq_method, "INVITE");
    assert_int_equal(m.tag_line_count, 1); /* folded onto a line starting with white space */
    assert_true(sa_message_lists_tag(&m, SA_HDR_SUPPORTED, (struct sa_slice){ "timer", 5 }));
}

static void test_cr_only_response_flagged_and_read(void **state)
{
    (void)state;
    struct sa_message m = parse("SIP/2.0 200 OK\rVia: SIP/2.0/UDP h;branch=z9hG4bKcr1\rCall-ID: cr1@x\r"
                                "From: <sip:a@x>;tag=f\rTo: <sip:b@x>;tag=t\rCSeq: 7 INVITE\r\r");
    assert_true(m.flags & SA_MSG_BARE_CR);
    assert_true(m.flags & SA_MSG_RESPONSE);
    assert_int_equal(m.status_code, 200);
    assert_slice(m.reason, "OK");
    assert_slice(m.call_id, "cr1@x");
    assert_int_equal(m.cseq, 7);
    struct sa_slice to = sa_message_to_tag(&m);
    assert_slice(to, "t");
}

/* Only the start line decides: CR LF there, and the message is read as usual (a bare CR in a
 * later line stays inside it, test_bare_cr_stays_inside_the_line). A start line ending in CR LF
 * after a bare CR is flagged too. */
static void test_cr_only_decided_by_start_line(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Via: SIP/2.0/UDP h;branch=z9hG4bK1\rCall-ID: c1@x\r\n\r\n");
    assert_int_equal(m.flags & SA_MSG_BARE_CR, 0);
    m = parse("OPTIONS sip:b@x SIP/2.0\r\r\n");
    assert_true(m.flags & SA_MSG_BARE_CR);
    assert_slice(m.method, "OPTIONS");
    m = parse("SIP/2.0 200 OK\r");
    assert_true(m.flags & SA_MSG_BARE_CR);
    assert_slice(m.reason, "OK");
    m = parse("garbage\rmore garbage");
    assert_true(m.flags & SA_MSG_START_LINE_BAD);
}

static void test_to_tag_of_odd_name_addrs(void **state)
{
    (void)state;
    static const struct {
        const char *to, *tag;
    } cases[] = {
        { "<sip:b@x>;tag=1;p=<y>", "1" },
        { "sip:b@x;tag=1 <sip:c>", "1" },
        { "<sip:b@x> <sip:c;tag=1", NULL },
        { "Bob;tag=evil <sip:b@x>;tag=good", "evil" },
        { "<sip:b\"@x>;tag=q", NULL }, /* as the careful walk: a quote opens even inside <...> */
        { "<sip:b@x;tag=in>", NULL },
        { "<sip:b@x", NULL },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[256];
        snprintf(text, sizeof text, "SIP/2.0 180 Ringing\r\nTo: %s\r\n\r\n", cases[i].to);
        struct sa_message m = parse(text);
        struct sa_slice t = sa_message_to_tag(&m);
        if (cases[i].tag)
            assert_slice(t, cases[i].tag);
        else
            assert_int_equal(t.len, 0);
    }
}

static void test_via_with_angle_bracket_has_no_branch(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Via: SIP/2.0/UDP h<x;branch=z9hG4bK1\r\n\r\n");
    assert_int_equal(m.flags & (SA_MSG_HAS_BRANCH | SA_MSG_RFC3261_BRANCH), 0);
    assert_int_equal(m.flags & SA_MSG_HAS_VIA, SA_MSG_HAS_VIA);
}

/* The top Via is read in one scan that stops at ; , " < (sip_message.c, top_via_branch): a
 * quoted parameter value before the branch sends it to the careful walk, one after it does not
 * matter, and a sent-by longer than one 16-byte step still finds the first ';'. */
static void test_via_quoted_parameter_before_branch(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Via: SIP/2.0/UDP h;x=\"a;branch=no\";branch=z9hG4bKq\r\n\r\n");
    assert_slice(m.via_branch, "z9hG4bKq");
    assert_int_equal(m.flags & SA_MSG_RFC3261_BRANCH, SA_MSG_RFC3261_BRANCH);
}

static void test_via_quoted_parameter_after_branch(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Via: SIP/2.0/UDP h;branch=z9hG4bKa;x=\"<q>\"\r\n\r\n");
    assert_slice(m.via_branch, "z9hG4bKa");
}

static void test_via_long_sent_by(void **state)
{
    (void)state;
    struct sa_message m =
        parse(REQ_LINE "Via: SIP/2.0/TLS edge-proxy-17.east.example.com:5061;rport;branch=z9hG4bKlong\r\n\r\n");
    assert_slice(m.via_branch, "z9hG4bKlong");
    m = parse(REQ_LINE "Via: SIP/2.0/TLS edge-proxy-17.east.example.com:5061;rport, SIP/2.0/UDP h;branch=z9hG4bKno\r\n\r\n");
    assert_int_equal(m.flags & SA_MSG_HAS_BRANCH, 0);
}

static void test_display_name_with_separators_then_tag(void **state)
{
    (void)state;
    /* ; < > and an escaped quote inside the display name are not parameters. */
    struct sa_message m = parse(REQ_LINE "From: \"A;tag=no <x> \\\" b\" <sip:a@h;tag=uri>;tag=yes\r\n"
                                         "To: \"unclosed <sip:b@h>;tag=no\r\n\r\n");
    assert_slice(sa_message_from_tag(&m), "yes");
    assert_int_equal(sa_message_to_tag(&m).len, 0);
}

static void test_lf_only_line_endings(void **state)
{
    (void)state;
    struct sa_message m = parse("SIP/2.0 421 Extension Required\nVia: SIP/2.0/UDP h;branch=z9hG4bKlf\n"
                                "CSeq: 2 INVITE\nCall-ID: lf\nRequire: 100rel,\n timer\n\nRequire: body\n");
    assert_int_equal(m.status_code, 421);
    assert_slice(m.reason, "Extension Required");
    assert_slice(m.via_branch, "z9hG4bKlf");
    assert_slice(m.call_id, "lf");
    assert_int_equal(m.tag_line_count, 1);
    assert_slice(m.tag_lines[0].value, "100rel,\n timer");
}

static void test_body_after_empty_line_ignored(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Content-Length: 40\r\n\r\n"
                                         "CSeq: 9 BYE\r\nRequire: x\r\nCall-ID: body\r\n");
    assert_int_equal(m.flags, 0);
    assert_int_equal(m.tag_line_count, 0);
}

static void test_several_lines_of_same_header(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Require: a\r\nCSeq: 1 INVITE\r\nRequire: b, c\r\n\r\n");
    assert_int_equal(m.tag_line_count, 2);
    assert_slice(m.tag_lines[0].value, "a");
    assert_slice(m.tag_lines[1].value, "b, c");
}

static char *repeat_lines(const char *line, int count)
{
    size_t n = strlen(line);
    size_t head = strlen(REQ_LINE);
    char *buf = malloc(head + n * (size_t)count + 3);
    assert_non_null(buf);
    memcpy(buf, REQ_LINE, head);
    for (int i = 0; i < count; i++)
        memcpy(buf + head + n * (size_t)i, line, n);
    memcpy(buf + head + n * (size_t)count, "\r\n", 3);
    return buf;
}

static void test_tag_lines_up_to_max_not_cut(void **state)
{
    (void)state;
    char *buf = repeat_lines("Supported: x\r\n", SA_MAX_TAG_LINES);
    struct sa_message m = parse(buf);
    free(buf);
    assert_int_equal(m.tag_line_count, SA_MAX_TAG_LINES);
    assert_int_equal(m.flags & SA_MSG_TAG_LINES_CUT, 0);
}

static void test_tag_lines_over_max_cut(void **state)
{
    (void)state;
    char *buf = repeat_lines("Require: x\r\n", SA_MAX_TAG_LINES + 5);
    struct sa_message m = parse(buf);
    free(buf);
    assert_int_equal(m.tag_line_count, SA_MAX_TAG_LINES);
    assert_int_equal(m.flags, SA_MSG_TAG_LINES_CUT);
}

/* ---- session timer (RFC 4028) ------------------------------------------------------------ */

static void test_session_expires_and_min_se_of_a_request(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Session-Expires: 1800 ; refresher=uac \r\nMin-SE:\t90\r\n"
                                         "CSeq: 2 INVITE\r\n\r\n");
    assert_slice(m.session_expires, "1800 ; refresher=uac");
    assert_slice(m.min_se, "90");
    assert_int_equal(m.cseq, 2);
}

static void test_session_expires_compact_x_and_case(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "x: 300\r\nMIN-se: 120;foo=bar\r\n\r\n");
    assert_slice(m.session_expires, "300");
    assert_slice(m.min_se, "120;foo=bar");
    m = parse(REQ_LINE "X:600\r\n\r\n");
    assert_slice(m.session_expires, "600");
    assert_null(m.min_se.ptr);
    m = parse(REQ_LINE "session-EXPIRES : 700\r\nMin-SE\t: 100\r\n\r\n"); /* white space before the colon */
    assert_slice(m.session_expires, "700");
    assert_slice(m.min_se, "100");
}

static void test_session_headers_absent_are_null(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "CSeq: 1 INVITE\r\nSupported: timer\r\n\r\n");
    assert_null(m.session_expires.ptr);
    assert_int_equal(m.session_expires.len, 0);
    assert_null(m.min_se.ptr);
}

/* Present but empty is not absent: the analysis calls it malformed. */
static void test_session_headers_empty_value_present(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Session-Expires:\r\nMin-SE:  \r\n\r\n");
    assert_non_null(m.session_expires.ptr);
    assert_int_equal(m.session_expires.len, 0);
    assert_non_null(m.min_se.ptr);
    assert_int_equal(m.min_se.len, 0);
}

static void test_session_headers_first_line_counts(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Session-Expires: 90\r\nx: 4000\r\nMin-SE: 90\r\nMin-SE: 1\r\n"
                                         "Session-Expires: 5\r\n\r\n");
    assert_slice(m.session_expires, "90");
    assert_slice(m.min_se, "90");
}

static void test_session_expires_folded_value_kept_raw(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Session-Expires: 1800\r\n ;refresher=uas\r\n\r\n");
    assert_slice(m.session_expires, "1800\r\n ;refresher=uas");
}

static void test_session_similar_names_ignored(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Session-Expire: 1\r\nSession-Expiresx: 2\r\nSession-ID: 3\r\n"
                                         "Min-SEC: 4\r\nMin-S: 5\r\nMinSE: 6\r\nxx: 7\r\nMax-Forwards: 70\r\n"
                                         "Min-Expires: 8\r\n\r\n");
    assert_null(m.session_expires.ptr);
    assert_null(m.min_se.ptr);
}

/* A 422 reads its Min-SE (and its Reason and Warning, as any failure) but no Session-Expires,
 * which §6 does not give it; no other response reads either (a 2xx's Session-Expires is not
 * analysed: 1xx and 2xx keep stopping after their matching headers). */
static void test_session_headers_read_by_requests_and_422_only(void **state)
{
    (void)state;
    static const char *const codes[] = { "422 Session Interval Too Small", "200 OK", "180 Ringing",
                                         "421 Extension Required", "486 Busy Here", "423 Interval Too Brief" };
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        char t[512];
        snprintf(t, sizeof t,
                 "SIP/2.0 %s\r\nVia: SIP/2.0/UDP h;branch=z9hG4bKa\r\nCall-ID: c\r\nCSeq: 1 INVITE\r\n"
                 "From: <sip:a@a>;tag=1\r\nTo: <sip:b@b>;tag=2\r\nSession-Expires: 1800;refresher=uac\r\n"
                 "Min-SE: 1800\r\nReason: SIP;cause=422\r\n\r\n",
                 codes[i]);
        struct sa_message m = parse(t);
        assert_int_equal(m.flags & SA_MSG_HAS_CSEQ, SA_MSG_HAS_CSEQ);
        assert_null(m.session_expires.ptr);
        if (i == 0)
            assert_slice(m.min_se, "1800");
        else
            assert_null(m.min_se.ptr);
        assert_int_equal(m.reason_line_count, i == 0 || i >= 3 ? 1 : 0);
    }
    /* Before the matching headers, too: a 422 reads its whole header section. */
    struct sa_message m =
        parse("SIP/2.0 422 Session Interval Too Small\r\nMin-SE: 90\r\nx: 1\r\nVia: SIP/2.0/UDP h\r\n\r\n");
    assert_slice(m.min_se, "90");
    assert_null(m.session_expires.ptr);
    assert_int_equal(m.flags & SA_MSG_HAS_VIA, SA_MSG_HAS_VIA);
}

/* Parsing into a message that held another one's values leaves none of them behind. */
static void test_session_headers_cleared_between_messages(void **state)
{
    (void)state;
    struct sa_message m;
    const char *a = REQ_LINE "Session-Expires: 90\r\nMin-SE: 90\r\n\r\n";
    const char *b = REQ_LINE "CSeq: 1 INVITE\r\n\r\n";
    assert_true(sa_message_parse(a, strlen(a), &m));
    assert_non_null(m.session_expires.ptr);
    assert_true(sa_message_parse(b, strlen(b), &m));
    assert_null(m.session_expires.ptr);
    assert_null(m.min_se.ptr);
}

/* ---- truncation ------------------------------------------------------------------------- */

static const char SAMPLE_REQUEST[] =
    "INVITE sip:bob@b.example SIP/2.0\r\n"
    "Via: SIP/2.0/UDP pc33.a.example;branch=z9hG4bK776asdhds, SIP/2.0/UDP p.example;branch=z9hG4bKx\r\n"
    "v: SIP/2.0/UDP other;branch=z9hG4bKnot\r\n"
    "From: \"Alice;tag=no\" <sip:alice@a.example;tag=no>;tag=1928301774\r\n"
    "t: Bob <sip:bob@b.example>\r\n"
    "i: a84b4c76e66710@pc33.a.example\r\n"
    "CSeq: 314159 INVITE\r\n"
    "Supported: 100rel,\r\n timer\r\n"
    "k: path\r\n"
    "Require: \r\n"
    "Proxy-Require: sec-agree\r\n"
    "Session-Expires: 1800;refresher=uac\r\n"
    "Min-SE: 90\r\n"
    "Content-Length: 4\r\n"
    "\r\n"
    "v=0\n";

static const char SAMPLE_RESPONSE[] = "SIP/2.0 421 Extension Required\n"
                                      "Via: SIP/2.0/UDP h;branch=z9hG4bKr\n"
                                      "To: <sip:b@b>;tag=9\n"
                                      "CSeq: 1 INVITE\n"
                                      "Require: 100rel, timer\n"
                                      "Unsupported: x\n";
static const char SAMPLE_422[] = "SIP/2.0 422 Session Interval Too Small\n"
                                 "Via: SIP/2.0/UDP h;branch=z9hG4bKr\n"
                                 "CSeq: 1 INVITE\n"
                                 "Min-SE: 1800;foo=bar\n"
                                 "Reason: SIP;cause=422\n";

static bool slice_within(struct sa_slice s, const char *buf, size_t len)
{
    if (s.len == 0)
        return true;
    return s.ptr >= buf && s.ptr + s.len <= buf + len;
}

static void check_slices_within(const struct sa_message *m, const char *buf, size_t len)
{
    assert_true(slice_within(m->method, buf, len));
    assert_true(slice_within(m->status_raw, buf, len));
    assert_true(slice_within(m->reason, buf, len));
    assert_true(slice_within(m->cseq_method, buf, len));
    assert_true(slice_within(m->call_id, buf, len));
    assert_true(slice_within(m->via_branch, buf, len));
    assert_true(slice_within(m->from_value, buf, len));
    assert_true(slice_within(m->to_value, buf, len));
    assert_true(slice_within(m->session_expires, buf, len));
    assert_true(slice_within(m->min_se, buf, len));
    assert_true(slice_within(sa_message_from_tag(m), buf, len));
    assert_true(slice_within(sa_message_to_tag(m), buf, len));
    assert_true(m->tag_line_count <= SA_MAX_TAG_LINES);
    for (uint32_t i = 0; i < m->tag_line_count; i++)
        assert_true(slice_within(m->tag_lines[i].value, buf, len));
}

/* Parses every prefix from a heap copy of exactly that size (ASan catches any read past it),
 * walks the tags, and returns how many prefixes had a readable start line. */
static size_t parse_every_prefix(const char *text, size_t full)
{
    size_t ok_count = 0;
    for (size_t len = 0; len <= full; len++) {
        char *copy = malloc(len ? len : 1);
        assert_non_null(copy);
        memcpy(copy, text, len);
        struct sa_message m;
        if (sa_message_parse(copy, len, &m))
            ok_count++;
        check_slices_within(&m, copy, len);
        for (int h = 0; h < SA_TAG_HEADER_COUNT; h++) {
            struct sa_tag_iter it;
            struct sa_slice tag;
            sa_tag_iter_init(&it, &m, (enum sa_tag_header)h);
            while (sa_tag_iter_next(&it, &tag))
                assert_true(slice_within(tag, copy, len));
            (void)sa_message_tag_presence(&m, (enum sa_tag_header)h);
        }
        free(copy);
    }
    return ok_count;
}

static void test_every_prefix_of_request_parses_in_bounds(void **state)
{
    (void)state;
    size_t full = sizeof SAMPLE_REQUEST - 1;
    /* The request line is readable once its version starts: "... SIP/" is 29 bytes. */
    size_t first_ok = strlen("INVITE sip:bob@b.example SIP/");
    assert_int_equal(parse_every_prefix(SAMPLE_REQUEST, full), full + 1 - first_ok);
}

static void test_every_prefix_of_response_parses_in_bounds(void **state)
{
    (void)state;
    size_t full = sizeof SAMPLE_RESPONSE - 1;
    /* A status line needs 8 bytes: "SIP/2.0 ". */
    assert_int_equal(parse_every_prefix(SAMPLE_RESPONSE, full), full + 1 - 8);
}

static void test_every_prefix_of_422_parses_in_bounds(void **state)
{
    (void)state;
    size_t full = sizeof SAMPLE_422 - 1;
    assert_int_equal(parse_every_prefix(SAMPLE_422, full), full + 1 - 8);
    struct sa_message m = parse(SAMPLE_422);
    assert_slice(m.min_se, "1800;foo=bar");
}

static void test_full_sample_request_fields(void **state)
{
    (void)state;
    struct sa_message m = parse(SAMPLE_REQUEST);
    assert_int_equal(m.flags, SA_MSG_HAS_CSEQ | SA_MSG_HAS_CALL_ID | SA_MSG_HAS_VIA | SA_MSG_HAS_BRANCH |
                                  SA_MSG_RFC3261_BRANCH);
    assert_slice(m.method, "INVITE");
    assert_slice(m.via_branch, "z9hG4bK776asdhds");
    assert_slice(sa_message_from_tag(&m), "1928301774");
    assert_null(sa_message_to_tag(&m).ptr);
    assert_slice(m.call_id, "a84b4c76e66710@pc33.a.example");
    assert_int_equal(m.cseq, 314159);
    assert_int_equal(m.tag_line_count, 4);
    assert_slice(m.tag_lines[0].value, "100rel,\r\n timer");
    assert_int_equal(m.tag_lines[2].header, SA_HDR_REQUIRE);
    assert_int_equal(m.tag_lines[2].value.len, 0);
    assert_slice(m.session_expires, "1800;refresher=uac");
    assert_slice(m.min_se, "90");
}

static void test_prefix_cut_inside_header_keeps_earlier_fields(void **state)
{
    (void)state;
    /* Cut in the middle of the branch value: the branch is what was captured. */
    const char *cut = strstr(SAMPLE_REQUEST, "776asdhds");
    size_t len = (size_t)(cut - SAMPLE_REQUEST) + 3;
    char *copy = malloc(len);
    assert_non_null(copy);
    memcpy(copy, SAMPLE_REQUEST, len);
    struct sa_message m;
    assert_true(sa_message_parse(copy, len, &m));
    assert_slice(m.via_branch, "z9hG4bK776");
    assert_int_equal(m.flags & SA_MSG_HAS_CSEQ, 0);
    free(copy);
}

static void test_nul_bytes_in_headers(void **state)
{
    (void)state;
    static const char t[] = REQ_LINE "Call-ID: a\0b\r\nRequire: x\0y, z\r\nCSeq: 1\0 INVITE\r\n\r\n";
    struct sa_message m;
    assert_true(sa_message_parse(t, sizeof t - 1, &m));
    assert_int_equal(m.call_id.len, 3);
    assert_int_equal(m.tag_line_count, 1);
    assert_int_equal(m.flags & SA_MSG_HAS_CSEQ, 0);
    assert_int_equal(m.flags & SA_MSG_BAD_CSEQ, SA_MSG_BAD_CSEQ);
}
/* Which headers a message reads depends on what it is (the header table's rows): a 420/421
 * keeps its option-tag lines, wherever they stand; any other response has none to give; an ACK
 * reads only what matches it. */
static void test_what_each_kind_of_message_reads(void **state)
{
    (void)state;
    static const char *const codes[] = { "420 Bad Extension", "421 Extension Required", "200 OK", "180 Ringing",
                                         "486 Busy Here" };
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        char t[512];
        snprintf(t, sizeof t,
                 "SIP/2.0 %s\r\nVia: SIP/2.0/UDP h;branch=z9hG4bKa\r\nCall-ID: c\r\nCSeq: 1 INVITE\r\n"
                 "From: <sip:a@a>;tag=1\r\nTo: <sip:b@b>;tag=2\r\nUnsupported: foo\r\nk: bar\r\n"
                 "Require: 100rel\r\n\r\n",
                 codes[i]);
        struct sa_message m = parse(t);
        assert_int_equal(m.flags & SA_MSG_HAS_CSEQ, SA_MSG_HAS_CSEQ);
        assert_int_equal(m.tag_line_count, i < 2 ? 3 : 0);
    }
    struct sa_message m = parse("SIP/2.0 421 Extension Required\r\nRequire: 100rel\r\nVia: SIP/2.0/UDP h\r\n\r\n");
    assert_int_equal(m.tag_line_count, 1);
    assert_int_equal(m.tag_lines[0].header, SA_HDR_REQUIRE);
    /* Nothing answers an ACK: it is read only to be matched; a BYE keeps its lists and Reason. */
    m = parse("ACK sip:b@b SIP/2.0\r\nSupported: timer\r\nReason: Q.850;cause=16\r\nCSeq: 1 ACK\r\n\r\n");
    assert_int_equal(m.tag_line_count, 0);
    assert_int_equal(m.reason_line_count, 0);
    assert_int_equal(m.cseq, 1);
    m = parse("BYE sip:b@b SIP/2.0\r\nSupported: timer\r\nReason: Q.850;cause=16\r\nCSeq: 2 BYE\r\n\r\n");
    assert_int_equal(m.tag_line_count, 1);
    assert_int_equal(m.reason_line_count, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_status_line_code_and_reason),
        cmocka_unit_test(test_status_line_reason_with_spaces_trimmed),
        cmocka_unit_test(test_status_line_without_reason),
        cmocka_unit_test(test_status_code_non_numeric),
        cmocka_unit_test(test_status_code_099_is_numeric),
        cmocka_unit_test(test_status_code_700_is_numeric),
        cmocka_unit_test(test_status_code_four_digits_not_numeric),
        cmocka_unit_test(test_request_line_method),
        cmocka_unit_test(test_request_line_without_version_is_bad),
        cmocka_unit_test(test_start_line_garbage_is_bad),
        cmocka_unit_test(test_empty_buffer_is_bad),
        cmocka_unit_test(test_cseq_number_and_method),
        cmocka_unit_test(test_cseq_white_space_trimmed),
        cmocka_unit_test(test_cseq_not_a_number_is_bad),
        cmocka_unit_test(test_cseq_without_method_is_bad),
        cmocka_unit_test(test_cseq_missing),
        cmocka_unit_test(test_cseq_largest_below_2_pow_31),
        cmocka_unit_test(test_cseq_2_pow_31_and_more_is_bad),
        cmocka_unit_test(test_cseq_first_occurrence_counts),
        cmocka_unit_test(test_cseq_folded_between_number_and_method),
        cmocka_unit_test(test_call_id_full_and_compact),
        cmocka_unit_test(test_call_id_name_in_other_case),
        cmocka_unit_test(test_call_id_empty_is_skipped),
        cmocka_unit_test(test_via_branch_of_first_via_line),
        cmocka_unit_test(test_via_branch_of_first_entry_in_line),
        cmocka_unit_test(test_via_first_entry_without_branch_has_none),
        cmocka_unit_test(test_via_compact_v),
        cmocka_unit_test(test_via_branch_without_cookie),
        cmocka_unit_test(test_via_cookie_is_case_sensitive),
        cmocka_unit_test(test_via_cookie_alone_is_rfc3261),
        cmocka_unit_test(test_via_without_branch),
        cmocka_unit_test(test_via_branch_spaces_around_equals),
        cmocka_unit_test(test_via_folded_before_semicolon),
        cmocka_unit_test(test_via_folded_after_semicolon),
        cmocka_unit_test(test_via_missing),
        cmocka_unit_test(test_from_tag_outside_angle_brackets),
        cmocka_unit_test(test_from_tag_quoted_display_name),
        cmocka_unit_test(test_from_tag_addr_spec),
        cmocka_unit_test(test_to_without_tag),
        cmocka_unit_test(test_from_to_compact),
        cmocka_unit_test(test_tag_param_prefix_not_confused),
        cmocka_unit_test(test_tag_lines_each_header),
        cmocka_unit_test(test_tag_line_folded_value_kept_raw),
        cmocka_unit_test(test_tag_line_empty_value),
        cmocka_unit_test(test_header_names_in_other_case),
        cmocka_unit_test(test_header_name_white_space_before_colon),
        cmocka_unit_test(test_similar_header_names_ignored),
        cmocka_unit_test(test_names_with_symbols_for_letters_ignored),
        cmocka_unit_test(test_usual_and_unusual_spellings_read_alike),
        cmocka_unit_test(test_bare_cr_stays_inside_the_line),
        cmocka_unit_test(test_cr_only_request_flagged_and_read),
        cmocka_unit_test(test_cr_only_response_flagged_and_read),
        cmocka_unit_test(test_cr_only_decided_by_start_line),
        cmocka_unit_test(test_to_tag_of_odd_name_addrs),
        cmocka_unit_test(test_via_with_angle_bracket_has_no_branch),
        cmocka_unit_test(test_via_quoted_parameter_before_branch),
        cmocka_unit_test(test_via_quoted_parameter_after_branch),
        cmocka_unit_test(test_via_long_sent_by),
        cmocka_unit_test(test_display_name_with_separators_then_tag),
        cmocka_unit_test(test_lf_only_line_endings),
        cmocka_unit_test(test_body_after_empty_line_ignored),
        cmocka_unit_test(test_several_lines_of_same_header),
        cmocka_unit_test(test_tag_lines_up_to_max_not_cut),
        cmocka_unit_test(test_tag_lines_over_max_cut),
        cmocka_unit_test(test_every_prefix_of_request_parses_in_bounds),
        cmocka_unit_test(test_every_prefix_of_response_parses_in_bounds),
        cmocka_unit_test(test_session_expires_and_min_se_of_a_request),
        cmocka_unit_test(test_session_expires_compact_x_and_case),
        cmocka_unit_test(test_session_headers_absent_are_null),
        cmocka_unit_test(test_session_headers_empty_value_present),
        cmocka_unit_test(test_session_headers_first_line_counts),
        cmocka_unit_test(test_session_expires_folded_value_kept_raw),
        cmocka_unit_test(test_session_similar_names_ignored),
        cmocka_unit_test(test_session_headers_read_by_requests_and_422_only),
        cmocka_unit_test(test_session_headers_cleared_between_messages),
        cmocka_unit_test(test_every_prefix_of_422_parses_in_bounds),
        cmocka_unit_test(test_full_sample_request_fields),
        cmocka_unit_test(test_prefix_cut_inside_header_keeps_earlier_fields),
        cmocka_unit_test(test_nul_bytes_in_headers),
        cmocka_unit_test(test_what_each_kind_of_message_reads),
    };
    return cmocka_run_group_tests_name("sip_message", tests, NULL, NULL);
}
