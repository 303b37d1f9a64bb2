/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Benchmark only (tools/bench/cachesim.sh, LD_PRELOAD): GLib's g_random_int() returns a fixed
 * sequence, so the seeds Wireshark draws for its map hashing at start-up (wmem_init_hashing)
 * are the same in every run. With them random, the probe lengths of Wireshark's own tables
 * moved one configuration's simulated cost by up to +-150 estimated cycles per packet from run
 * to run; fixed (and with address randomisation off), two runs agree to 0.1 instruction per
 * packet. SA_FIXED_RANDOM picks another fixed sequence (a decimal start value). */
#include <stdint.h>
#include <stdlib.h>

uint32_t g_random_int(void);

uint32_t g_random_int(void)
{
    static uint32_t state;
    static int started;
    if (!started) {
        const char *s = getenv("SA_FIXED_RANDOM");
        state = s ? (uint32_t)strtoul(s, NULL, 10) : 1u;
        started = 1;
    }
    /* xorshift32: a fixed, non-zero sequence */
    state = state ? state : 1u;
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
}
