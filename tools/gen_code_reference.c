/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Prints docs/response-codes.md from the tables in src/response_codes.c and
 * src/option_tag_registry.c. Deterministic: same tables, same bytes (no dates, no paths).
 *
 *   gen_code_reference [OUTPUT.md]     (standard output when no path is given)
 */
#include "md_page.h"

#include "option_tag_registry.h"
#include "response_codes.h"
#include "response_verdict.h"

/* Class names as in the IANA registry file (src/data/sip-registry.tsv, "class" column). */
static const char *class_name(unsigned code)
{
    switch (code / 100) {
    case 1: return "1xx Provisional";
    case 2: return "2xx Success";
    case 3: return "3xx Redirection";
    case 4: return "4xx Client Error";
    case 5: return "5xx Server Error";
    case 6: return "6xx Global Failure";
    default: return "?";
    }
}

/* The anchor GitHub gives a "### NNN Phrase" heading: lowercase, spaces to hyphens, other
 * punctuation dropped. */
static void put_anchor(FILE *out, const struct sa_code_info *c)
{
    fprintf(out, "%u-", (unsigned)c->code);
    for (const char *p = c->phrase; *p; p++) {
        char ch = *p;
        if (ch >= 'A' && ch <= 'Z')
            fputc(ch - 'A' + 'a', out);
        else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_')
            fputc(ch, out);
        else if (ch == ' ')
            fputc('-', out);
    }
}

static void write_page(FILE *out)
{
    size_t n = sa_code_count();

    fputs("<!-- SPDX-License-Identifier: GPL-2.0-or-later -->\n", out);
    fputs("# SIP response codes and option tags\n\n", out);
    fputs("This page is generated from the tables in `src/response_codes.c` and\n"
          "`src/option_tag_registry.c` by `tools/gen_code_reference.c`; do not edit it by hand.\n"
          "Change the tables, then regenerate it with\n\n"
          "    cmake --build <build-dir> --target docs\n\n"
          "(or run `<build-dir>/tools/gen_code_reference docs/response-codes.md`).\n\n", out);
    fprintf(out,
            "It lists the %zu response codes and %zu option tags of the IANA SIP registries\n"
            "(`src/data/sip-registry.tsv`), with what the plugin says about each code: what it means,\n"
            "when one usually sees it in real traffic and what to do about it.\n\n",
            n, sa_option_tag_count());
    fputs("Codes that are not in the registry are explained with the entry of their class's x00\n"
          "(an unknown 1xx other than 100 with 183), as RFC 3261 section 8.1.3.2 says a UAC treats them.\n"
          "The *outcome* is the plugin's finer reading of the class. The severity (Chat, Note, Warning)\n"
          "is that of the response's one expert info when nothing else is known (`src/response_verdict.c`):\n"
          "a 401/407 challenge becomes a Warning when the retry with credentials is challenged again or\n"
          "refused, or (two passes) when nothing retries it; a 487 is a Note when it answers the caller's\n"
          "own CANCEL. [findings.md](findings.md) lists every expert info.\n\n", out);

    fputs("## Overview\n\n", out);
    fputs("| Code | Phrase | Class | Outcome | Severity | RFC |\n", out);
    fputs("|---:|---|---|---|---|---|\n", out);
    for (size_t i = 0; i < n; i++) {
        const struct sa_code_info *c = sa_code_at(i);
        enum sa_outcome o = sa_outcome_of(c->code);
        fprintf(out, "| [%u](#", (unsigned)c->code);
        put_anchor(out, c);
        fputs(") | ", out);
        put_md(out, c->phrase);
        fprintf(out, " | %s | %s | %s | ", class_name(c->code), sa_outcome_name(o),
                sa_severity_name(sa_code_severity(c->code)));
        put_md(out, c->rfc);
        fputs(" |\n", out);
    }
    fputs("\n", out);

    unsigned cls = 0;
    for (size_t i = 0; i < n; i++) {
        const struct sa_code_info *c = sa_code_at(i);
        enum sa_outcome o = sa_outcome_of(c->code);
        if (c->code / 100 != cls) {
            cls = c->code / 100;
            fprintf(out, "## %s\n\n", class_name(c->code));
        }
        fprintf(out, "### %u ", (unsigned)c->code);
        put_md(out, c->phrase);
        fputs("\n\n", out);
        put_md(out, c->rfc);
        fprintf(out, "; %s; outcome *%s* (%s)\n\n", class_name(c->code), sa_outcome_name(o),
                sa_severity_name(sa_code_severity(c->code)));
        fputs("- Meaning: ", out);
        put_md(out, c->meaning);
        fputs("\n- When seen: ", out);
        put_md(out, c->seen_when);
        fputs("\n- What to do: ", out);
        put_md(out, c->action);
        fputs("\n\n", out);
    }

    fputs("## Option tags\n\n", out);
    fputs("Tags are compared case-insensitively (RFC 3261 section 7.3.1); a tag not listed here is not\n"
          "in the IANA registry.\n\n", out);
    fputs("| Tag | Meaning | RFC |\n", out);
    fputs("|---|---|---|\n", out);
    for (size_t i = 0; i < sa_option_tag_count(); i++) {
        const struct sa_option_tag_info *t = sa_option_tag_at(i);
        fputs("| `", out);
        fputs(t->tag, out);
        fputs("` | ", out);
        put_md(out, t->meaning);
        fputs(" | ", out);
        put_md(out, t->rfc);
        fputs(" |\n", out);
    }
}

int main(int argc, char **argv)
{
    return md_page_main(argc, argv, write_page);
}
