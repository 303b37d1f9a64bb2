/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Hints to the compiler about code layout, for the per-message hot path.
 *
 * Wireshark's own code for one packet is larger than the CPU's 32 KiB instruction cache, so every
 * line of code the plugin runs per message is likely fetched again from L2, and evicts a line of
 * Wireshark's (tools/bench/cachesim.sh counts both): code that inlining would repeat is kept in
 * one copy. */
#ifndef SA_COMPILER_H
#define SA_COMPILER_H

#if defined(__GNUC__)
#define SA_NOINLINE __attribute__((noinline))
#else
#define SA_NOINLINE
#endif

#endif
