/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Prints docs/findings.md, the list of every expert info, from the table of findings in
 * src/findings.c. Deterministic: same table, same bytes.
 *
 *   gen_findings [OUTPUT.md]     (standard output when no path is given)
 */
#include "md_page.h"

#include "findings.h"

static const char *group_name(enum sa_finding_group g)
{
    switch (g) {
    case SA_GROUP_RESPONSE_CODE: return "Response code";
    case SA_GROUP_SEQUENCE: return "Sequence";
    case SA_GROUP_PROTOCOL: return "Protocol";
    case SA_GROUP_MALFORMED: return "Malformed";
    case SA_GROUP_UNDECODED: return "Undecoded";
    }
    return "?";
}

static void write_page(FILE *out)
{
    fputs("<!-- SPDX-License-Identifier: GPL-2.0-or-later -->\n", out);
    fputs("# Findings: every expert info of the plugin\n\n", out);
    fputs("This page is generated from the table of findings in `src/findings.c` by\n"
          "`tools/gen_findings.c`; do not edit it by hand. Regenerate it with\n\n"
          "    cmake --build <build-dir> --target docs\n\n", out);
    fputs("Each row is one expert info: filter on it with `tshark -Y <filter>`, find it in the Expert\n"
          "Information dialog under its severity and group. Every response gets exactly one of the\n"
          "`sip.analysis.response.*` verdicts; the other findings come on top. \"Two passes\" findings need\n"
          "what comes later in the capture: `tshark -2` and the GUI show them, one-pass `tshark` does not.\n"
          "Users may change a severity (Wireshark's Expert Info Severity preferences); these are the\n"
          "defaults. Field names and examples: [cookbook.md](cookbook.md).\n\n", out);
    fputs("| Filter | Severity | Group | Two passes | Description |\n", out);
    fputs("|---|---|---|---|---|\n", out);
    for (int f = 0; f < SA_F_COUNT; f++) {
        const struct sa_finding_info *row = sa_finding_info((enum sa_finding)f);
        fprintf(out, "| `sip.analysis.%s` | %s | %s | %s | ", row->name, sa_severity_name(row->severity),
                group_name(row->group), row->two_pass ? "yes" : "");
        put_md(out, row->summary);
        fputs(" |\n", out);
    }
}

int main(int argc, char **argv)
{
    return md_page_main(argc, argv, write_page);
}
