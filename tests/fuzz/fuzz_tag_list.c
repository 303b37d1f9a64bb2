/* SPDX-License-Identifier: GPL-2.0-or-later */
/* libFuzzer harness: tag_list builder, finish, next, has and sa_ext_text_tags (fuzz_driver.h). */
#include "fuzz_driver.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sa_fuzz_run_tag_list(data, size);
    return 0;
}
