/* SPDX-License-Identifier: GPL-2.0-or-later */
/* libFuzzer harness: several framed messages through the analyzer, every record read back and
 * every ext text formatted (framing: fuzz_driver.h). */
#include "fuzz_driver.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sa_fuzz_run_analyzer(data, size);
    return 0;
}
