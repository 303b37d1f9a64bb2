/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What the generators of the docs pages share: Markdown escaping and writing one page to a file or
 * standard output. Each generator defines its write_page() and calls md_page_main() from main. */
#ifndef SA_TOOLS_MD_PAGE_H
#define SA_TOOLS_MD_PAGE_H

#include <stdio.h>
#include <string.h>

/* Markdown text with the characters that would break a table cell or start markup escaped. */
static inline void put_md(FILE *out, const char *s)
{
    for (; *s; s++) {
        if (strchr("|*_`<>[]\\", *s))
            fputc('\\', out);
        fputc(*s, out);
    }
}

/* usage: PROGRAM [OUTPUT.md] (standard output when no path is given); 0 when written. */
static inline int md_page_main(int argc, char **argv, void (*write_page)(FILE *out))
{
    if (argc > 2 || (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0))) {
        fprintf(stderr, "usage: %s [OUTPUT.md]\n", argv[0]);
        return argc > 2 ? 2 : 0;
    }
    FILE *out = argc == 2 ? fopen(argv[1], "w") : stdout;
    if (!out) {
        perror(argv[1]);
        return 1;
    }
    write_page(out);
    int failed = ferror(out);
    failed |= out != stdout ? fclose(out) != 0 : fflush(out) != 0;
    if (failed) {
        fprintf(stderr, "%s: write error\n", argc == 2 ? argv[1] : "stdout");
        return 1;
    }
    return 0;
}

#endif
