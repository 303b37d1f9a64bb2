/* SPDX-License-Identifier: GPL-2.0-or-later */
/* libFuzzer harness: sa_message_parse + tag iteration on arbitrary bytes (fuzz_driver.h). */
#include "fuzz_driver.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sa_fuzz_run_parser(data, size);
    return 0;
}
