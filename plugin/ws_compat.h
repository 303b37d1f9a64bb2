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
#include <epan/stats_tree.h>

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

/* ---- field_info value ------------------------------------------------------------------------
 * An fvalue_t embedded in field_info in 4.0, a pointer to one in 4.4 and 4.6.
 * Also: field_info.hfinfo is `const header_field_info *` since 4.4 (plain pointer in 4.0), so hold
 * it in a const pointer. */
#if SA_WS_VER_GE(4, 2)
#define SA_FI_VALUE(fi) ((fi)->value)
#else
#define SA_FI_VALUE(fi) (&(fi)->value)
#endif

/* ---- value_string ----------------------------------------------------------------------------
 * 4.6 moved value_string.h to wsutil/ (include <epan/packet.h> or <epan/proto.h>, not
 * <epan/value_string.h>, which 4.6 lacks) and gave val_to_str() a wmem scope as first argument,
 * dropping val_to_str_wmem(). 4.0 and 4.4: val_to_str() has no scope (packet scope, deprecated),
 * val_to_str_wmem(scope, ...) has one. val_to_str_const() and try_val_to_str() are unchanged. */
#if SA_WS_VER_GE(4, 6)
#define SA_VAL_TO_STR(scope, val, vs, fmt) ((const char *)val_to_str((scope), (val), (vs), (fmt)))
#else
#define SA_VAL_TO_STR(scope, val, vs, fmt) ((const char *)val_to_str_wmem((scope), (val), (vs), (fmt)))
#endif

/* ---- stats_tree ------------------------------------------------------------------------------
 * 4.0: stats_tree_register[_plugin]() return void, the menu group is only settable through
 * stats_tree_register_with_group() (no plugin variant), submenus are separated by "/".
 * 4.4 and 4.6: they return a stats_tree_cfg * for stats_tree_set_group(),
 * stats_tree_register_with_group() is gone, submenus are separated by "//"
 * (STATS_TREE_MENU_SEPARATOR). The Telephony menu group was renamed
 * (REGISTER_STAT_GROUP_TELEPHONY -> REGISTER_TELEPHONY_GROUP_UNSORTED).
 * stats_tree_create_node/_pivot/_range_node, stats_tree_tick_pivot/_range, tick_stat_node,
 * avg_stat_node_add_value_int, stats_tree_parent_id_by_name and the per-packet callback type
 * (tap_packet_status with tap_flags_t) are the same in all three. */
#ifdef STATS_TREE_MENU_SEPARATOR
#define SA_STATS_TREE_MENU_SEP STATS_TREE_MENU_SEPARATOR
#else
#define SA_STATS_TREE_MENU_SEP "/"
#endif

#if SA_WS_VER_GE(4, 4)
#define SA_STAT_GROUP_TELEPHONY REGISTER_TELEPHONY_GROUP_UNSORTED
#else
#define SA_STAT_GROUP_TELEPHONY REGISTER_STAT_GROUP_TELEPHONY
#endif

#if !SA_WS_VER_GE(4, 4)
#include <epan/stats_tree_priv.h> /* stats_tree_get_cfg_by_abbr(), stats_tree_cfg.stat_group */
#endif

/* Registers a stats_tree from a plugin in a menu group; path uses SA_STATS_TREE_MENU_SEP. */
static inline void sa_stats_tree_register(const char *tapname, const char *abbr, const char *path, unsigned flags,
                                          stat_tree_packet_cb packet, stat_tree_init_cb init,
                                          stat_tree_cleanup_cb cleanup, register_stat_group_t group)
{
#if SA_WS_VER_GE(4, 4)
    stats_tree_cfg *cfg = stats_tree_register_plugin(tapname, abbr, path, flags, packet, init, cleanup);
    if (cfg)
        stats_tree_set_group(cfg, group);
#else
    stats_tree_register_plugin(tapname, abbr, path, flags, packet, init, cleanup);
    stats_tree_cfg *cfg = stats_tree_get_cfg_by_abbr(abbr);
    if (cfg)
        cfg->stat_group = group;
#endif
}

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

/* ---- Behaviour, not API: postdissector's wanted fields on later passes ----------------------
 * set_postdissector_wanted_hfids() primes the tree on every pass in 4.0 and 4.4, on the first
 * pass only in 4.6 (tshark -2 second pass, GUI rescans and filtering): there, unless something
 * else references the protocol (e.g. a "sip" filter or a full tree print), the SIP protocol
 * items are faked and absent from the tree the postdissector sees on visited passes. */
#define SA_WANTED_HFIDS_FIRST_PASS_ONLY SA_WS_VER_GE(4, 6)

#endif
