/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Every difference between the Wireshark versions we build against lives here.
 *
 * Checked against the installed headers and libraries of Debian's Wireshark 4.0 (bookworm),
 * 4.4 (trixie) and 4.6 (sid), each by compiling and running in a chroot
 * (tools/matrix/run-matrix.sh). Where a difference is keyed on a version, the 4.2 boundary is an
 * assumption (no Debian suite ships 4.2): 4.0 has the old form and 4.4 the new one. */
#ifndef SA_WS_COMPAT_H
#define SA_WS_COMPAT_H

#include <stdbool.h>
#include <stdint.h>

#include <ws_symbol_export.h>
#include <ws_version.h>
#include <epan/proto.h>

#define SA_WS_VER_GE(maj, min) \
    (WIRESHARK_VERSION_MAJOR > (maj) || (WIRESHARK_VERSION_MAJOR == (maj) && WIRESHARK_VERSION_MINOR >= (min)))

/* ---- Plugin entry points ---------------------------------------------------------------------
 * The loaders of 4.0, 4.4 and 4.6 (libwsutil) all look up plugin_version, plugin_want_major,
 * plugin_want_minor and plugin_register. 4.4 and 4.6 also look up plugin_describe(), optional:
 * without it `tshark -G plugins` lists the plugin as "unknown" instead of "dissector". Its flags
 * (WS_PLUGIN_DESC_*) are in <wsutil/plugins.h>, which 4.0 does not install. (Neither 4.4 nor 4.6
 * has a struct ws_module or WIRESHARK_PLUGIN_REGISTER_* macro.)
 *
 * Use once, at file scope, followed by a semicolon:
 *   SA_DECLARE_PLUGIN(SA_PLUGIN_VERSION, proto_register_sip_analysis, proto_reg_handoff_sip_analysis);
 */
#if defined(__has_include)
#if __has_include(<wsutil/plugins.h>)
#include <wsutil/plugins.h>
#endif
#endif

#ifdef WS_PLUGIN_DESC_DISSECTOR
#define SA_PLUGIN_DESCRIBE_ \
    WS_DLL_PUBLIC uint32_t plugin_describe(void); \
    uint32_t plugin_describe(void) \
    { \
        return WS_PLUGIN_DESC_DISSECTOR; \
    }
#else
#define SA_PLUGIN_DESCRIBE_
#endif

#define SA_DECLARE_PLUGIN(version, register_protoinfo_fn, register_handoff_fn) \
    WS_DLL_PUBLIC_DEF const char plugin_version[] = version; \
    WS_DLL_PUBLIC_DEF const int plugin_want_major = WIRESHARK_VERSION_MAJOR; \
    WS_DLL_PUBLIC_DEF const int plugin_want_minor = WIRESHARK_VERSION_MINOR; \
    WS_DLL_PUBLIC void plugin_register(void); \
    void plugin_register(void) \
    { \
        static proto_plugin sa_plugin_; \
        sa_plugin_.register_protoinfo = (register_protoinfo_fn); \
        sa_plugin_.register_handoff = (register_handoff_fn); \
        proto_register_plugin(&sa_plugin_); \
    } \
    SA_PLUGIN_DESCRIBE_ \
    extern int sa_plugin_declared_ /* makes the caller's ';' part of a declaration */

/* ---- Boolean preferences ---------------------------------------------------------------------
 * prefs_register_bool_preference() takes gboolean * in 4.0 and bool * in 4.4 and 4.6; the wrong
 * one is an incompatible-pointer-types error (GCC 14, trixie and sid, even without -Werror). */
#if SA_WS_VER_GE(4, 2)
typedef bool sa_pref_bool;
#else
typedef gboolean sa_pref_bool;
#endif

/* ---- stat_tap_ui (tshark -z NAME[,args]) ---------------------------------------------------
 * The tap_init_cb of a stat_tap_ui returns void in 4.0 and 4.4, bool in 4.6 (false: the
 * statistic could not start). Declare it as
 *   static sa_stat_tap_init_ret cli_init(const char *opt_arg, void *userdata)
 * and leave it with SA_STAT_TAP_INIT_RETURN(true) or SA_STAT_TAP_INIT_RETURN(false). The struct
 * itself (group, title, cli_string, tap_init_cb, nparams, params) is the same in all three. */
#if SA_WS_VER_GE(4, 6)
typedef bool sa_stat_tap_init_ret;
#define SA_STAT_TAP_INIT_RETURN(ok) return (ok)
#else
typedef void sa_stat_tap_init_ret;
#define SA_STAT_TAP_INIT_RETURN(ok) \
    do { \
        (void)(ok); \
        return; \
    } while (0)
#endif

/* ---- Statistic groups (menus) -----------------------------------------------------------------
 * The Telephony menu's group is REGISTER_STAT_GROUP_TELEPHONY in 4.0 and
 * REGISTER_TELEPHONY_GROUP_UNSORTED in 4.4 and 4.6 (<epan/stat_groups.h>; the same place in the
 * enum, renamed). The Qt main window puts the dialogs of that group in Telephony. The generic
 * statistics tables (stat_tap_table_ui, <epan/stat_tap_ui.h>) are otherwise the same in all three:
 * init callback taking the table UI, tap_packet_cb, reset and free-item callbacks. */
#if SA_WS_VER_GE(4, 2)
#define SA_STAT_GROUP_TELEPHONY REGISTER_TELEPHONY_GROUP_UNSORTED
#else
#define SA_STAT_GROUP_TELEPHONY REGISTER_STAT_GROUP_TELEPHONY
#endif

/* ---- Behaviour, not API: postdissector's wanted fields on later passes ----------------------
 * set_postdissector_wanted_hfids() primes the tree on every pass in 4.0 and 4.4, on the first
 * pass only in 4.6 (tshark -2 second pass, GUI rescans and filtering): there, unless something
 * else references the protocol (e.g. a "sip" filter or a full tree print), the SIP protocol
 * items are faked and absent from the tree the postdissector sees on visited passes.
 * plugin/sip_analysis.c handles it the same way on every version: a record without its SIP item
 * on a revisit goes at the top of the tree. No macro is needed.
 *
 * Not needed here (the plugin does not use them), so not wrapped: field_info's value (embedded in
 * 4.0, a pointer since 4.4), val_to_str() (a wmem scope argument since 4.6), and the stats_tree
 * menu group and separator (set by register calls that changed in 4.4; the statistic is no
 * stats_tree any more). */

#endif
