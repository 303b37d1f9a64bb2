# SPDX-License-Identifier: GPL-2.0-or-later
# Debian package of the plugin for the host's Wireshark, built with CPack's DEB generator:
#
#   cmake -S . -B build-deb -DSA_INSTALL_SYSTEM=ON -DBUILD_TESTING=OFF
#   cmake --build build-deb
#   (cd build-deb && cpack -G DEB)
#
# (a build folder of its own, apart from build/ and build-personal/: docs/install.md).
# The package installs sip_analysis.so into the system plugin folder
# (${Wireshark_PLUGIN_INSTALL_DIR}/epan), the docs and coloring rules under
# /usr/share/doc/<package>/ and a postinst that names any personal copy of the plugin, and
# depends on the libwireshark package of the host within the Wireshark minor version the plugin
# was built against (plugins are not portable across minor versions). Included at the end of the
# top-level CMakeLists.txt, after every install().
#
# SA_INSTALL_SYSTEM=OFF points the plugin's install() rule at the personal folder of whoever
# configured the build, which must never end up in a package: then cpack stops with an error.

if(NOT SA_BUILD_PLUGIN)
  return()
endif()

# plugin/ runs find_package(Wireshark) in its own scope: its variables are not visible here.
if(NOT DEFINED Wireshark_VERSION)
  find_package(Wireshark CONFIG REQUIRED)
endif()
set(_sa_ws_minor "${Wireshark_MAJOR_VERSION}.${Wireshark_MINOR_VERSION}")
math(EXPR _sa_ws_next_minor "${Wireshark_MINOR_VERSION} + 1")
set(_sa_ws_next "${Wireshark_MAJOR_VERSION}.${_sa_ws_next_minor}")

# --- The Debian architecture and the package that ships the libwireshark we link against.
find_program(SA_DPKG dpkg)
find_program(SA_DPKG_QUERY dpkg-query)
# The cache variables are overrides only; what is detected is not cached, so a Wireshark upgrade
# is picked up on the next configure.
set(SA_DEB_ARCH "" CACHE STRING "Debian architecture of the package (default: dpkg --print-architecture)")
set(_sa_arch "${SA_DEB_ARCH}")
if(NOT _sa_arch AND SA_DPKG)
  execute_process(COMMAND ${SA_DPKG} --print-architecture
    OUTPUT_VARIABLE _sa_out OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE _sa_rc)
  if(_sa_rc EQUAL 0)
    set(_sa_arch "${_sa_out}")
  endif()
endif()

set(SA_DEB_LIBWIRESHARK "" CACHE STRING
  "Debian package of libwireshark the package depends on (default: the one shipping libwireshark.so.N, from dpkg -S)")
set(_sa_lib "${SA_DEB_LIBWIRESHARK}")
if(NOT _sa_lib AND SA_DPKG_QUERY)
  # The runtime library (libwireshark.so.N), not the -dev symlink libwireshark.so.
  get_target_property(_sa_epan_loc epan IMPORTED_LOCATION_NONE)
  if(NOT _sa_epan_loc)
    get_target_property(_sa_epan_loc epan IMPORTED_LOCATION)
  endif()
  if(_sa_epan_loc)
    get_filename_component(_sa_epan_real "${_sa_epan_loc}" REALPATH)
    set(_sa_candidates "${_sa_epan_loc}" "${_sa_epan_real}")
  else()
    file(GLOB _sa_candidates "${Wireshark_LIB_DIR}/libwireshark.so.*")
  endif()
  foreach(_sa_f IN LISTS _sa_candidates)
    execute_process(COMMAND ${SA_DPKG_QUERY} -S "${_sa_f}"
      OUTPUT_VARIABLE _sa_owner ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE _sa_rc)
    # "libwireshark16:amd64: /usr/lib/x86_64-linux-gnu/libwireshark.so.16"
    if(_sa_rc EQUAL 0 AND _sa_owner MATCHES "^([a-z0-9][a-z0-9.+-]*)(:[a-z0-9-]+)?: ")
      set(_sa_lib "${CMAKE_MATCH_1}")
      break()
    endif()
  endforeach()
endif()

if(_sa_lib)
  # "<< X.Y~" also keeps out X.Y's release candidates (X.Y~rc1 sorts before X.Y).
  set(_sa_depends "${_sa_lib} (>= ${_sa_ws_minor}.0), ${_sa_lib} (<< ${_sa_ws_next}~)")
else()
  message(WARNING "packaging: no dpkg package found for libwireshark; "
    "set -DSA_DEB_LIBWIRESHARK=libwiresharkNN for a correct Depends line")
  set(_sa_depends "")
endif()

# --- CPack.
set(CPACK_PACKAGE_NAME "wireshark-plugin-sip-analysis")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "SIP Analysis project")
set(SA_DEB_MAINTAINER "SIP Analysis maintainers <sip-analysis@example.org>" CACHE STRING
  "Maintainer field of the Debian package")
set(CPACK_PACKAGE_CONTACT "${SA_DEB_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Wireshark plugin: SIP response analysis (sip.analysis.*)")
# One string (no list separators); CPack puts the summary on the Description line itself.
string(CONCAT CPACK_PACKAGE_DESCRIPTION
  "Epan plugin for Wireshark ${_sa_ws_minor} and tshark that adds a SIP Analysis subtree\n"
  "to SIP messages (display filter prefix sip.analysis.): response classes,\n"
  "transaction timers and 421/420 option-tag analysis with retry tracking,\n"
  "with expert info.\n"
  "Licence: GPL-2.0-or-later.")
set(CPACK_GENERATOR "DEB")
set(CPACK_SOURCE_GENERATOR "")
set(CPACK_STRIP_FILES ON)
# plugin/'s install() rule uses an absolute destination (/usr/lib/...), staged as it is; relative
# destinations land under /usr.
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")

set(CPACK_DEBIAN_PACKAGE_NAME "${CPACK_PACKAGE_NAME}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)     # <name>_<version>-<release>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${_sa_depends}")
set(CPACK_DEBIAN_PACKAGE_ENHANCES "wireshark, tshark")
if(_sa_arch)
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE "${_sa_arch}")
endif()

# Debian has no License field in the control file: the licence is named in the description and
# in /usr/share/doc/<package>/copyright.
set(_sa_copyright "${PROJECT_BINARY_DIR}/packaging/copyright")
file(WRITE "${_sa_copyright}"
  "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
  "Upstream-Name: sip-analysis\n"
  "\n"
  "Files: *\n"
  "License: GPL-2.0-or-later\n"
  " On Debian systems the full text of the GNU General Public License version 2\n"
  " can be found in /usr/share/common-licenses/GPL-2.\n")
# Only in the package: `cmake --install` leaves these out (EXCLUDE_FROM_ALL), cpack adds their
# component. The docs keep the layout of the source tree under /usr/share/doc/<package>/, so that
# their relative links (README.md -> docs/install.md, docs/screenshots/*.png) still work there:
#   README.md BENCHMARKS.md copyright docs/*.md docs/coloring-rules.txt docs/screenshots/*.png
set(_sa_docdir "share/doc/${CPACK_PACKAGE_NAME}")
install(FILES "${_sa_copyright}" "${PROJECT_SOURCE_DIR}/README.md" "${PROJECT_SOURCE_DIR}/BENCHMARKS.md"
  DESTINATION "${_sa_docdir}" COMPONENT sa_package_doc EXCLUDE_FROM_ALL)
file(GLOB _sa_doc_pages CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/docs/*.md")
install(FILES ${_sa_doc_pages} "${PROJECT_SOURCE_DIR}/docs/coloring-rules.txt"
  DESTINATION "${_sa_docdir}/docs" COMPONENT sa_package_doc EXCLUDE_FROM_ALL)
file(GLOB _sa_doc_shots CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/docs/screenshots/*.png")
install(FILES ${_sa_doc_shots}
  DESTINATION "${_sa_docdir}/docs/screenshots" COMPONENT sa_package_doc EXCLUDE_FROM_ALL)

# postinst: a personal copy of the plugin (`cmake --install` without SA_INSTALL_SYSTEM, into
# ~/.local/lib/wireshark/plugins/X.Y/epan/) next to the package's system copy makes Wireshark
# warn at every start that sip_analysis.so was "found in multiple directories" (the loader keeps
# the system one and skips the other). The script names each such file and says how to remove it;
# it never deletes a user's file and never fails the installation.
file(WRITE "${PROJECT_BINARY_DIR}/packaging/in/postinst"
  "#!/bin/sh\n"
  "# postinst of ${CPACK_PACKAGE_NAME} (generated by cmake/packaging.cmake)\n"
  "set -e\n"
  "if [ \"$1\" = configure ]; then\n"
  "    found=\n"
  "    for f in /root/.local/lib/wireshark/plugins/${_sa_ws_minor}/epan/sip_analysis.so \\\n"
  "             /home/*/.local/lib/wireshark/plugins/${_sa_ws_minor}/epan/sip_analysis.so; do\n"
  "        [ -e \"$f\" ] || continue\n"
  "        if [ -z \"$found\" ]; then\n"
  "            echo \"${CPACK_PACKAGE_NAME}: a personal copy of the SIP Analysis plugin is installed too.\"\n"
  "            echo \"  Wireshark ${_sa_ws_minor} loads the system copy of this package and, at every start, warns that\"\n"
  "            echo \"  sip_analysis.so was found in multiple directories. Remove the personal copy (as its owner):\"\n"
  "        fi\n"
  "        found=1\n"
  "        echo \"    rm '$f'\"\n"
  "    done\n"
  "    if [ -n \"$found\" ]; then\n"
  "        echo \"  (nothing was deleted; see /usr/share/doc/${CPACK_PACKAGE_NAME}/docs/install.md)\"\n"
  "    fi\n"
  "fi\n"
  "exit 0\n")
file(COPY "${PROJECT_BINARY_DIR}/packaging/in/postinst" DESTINATION "${PROJECT_BINARY_DIR}/packaging"
  FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(_sa_postinst "${PROJECT_BINARY_DIR}/packaging/postinst")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${_sa_postinst}")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
# Every install component declared so far (plugin/'s rule is "Unspecified"): include this file
# after the last install() rule.
get_cmake_property(CPACK_COMPONENTS_ALL COMPONENTS)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)  # one .deb with both

# Checked when cpack runs: a package built with SA_INSTALL_SYSTEM=OFF would carry the plugin
# under the configuring user's home folder.
set(_sa_cpack_check "${PROJECT_BINARY_DIR}/packaging/CPackProjectConfig.cmake")
file(WRITE "${_sa_cpack_check}"
  "set(SA_PACKAGE_SYSTEM_DEST \"${SA_INSTALL_SYSTEM}\")\n"
  "if(NOT SA_PACKAGE_SYSTEM_DEST)\n"
  "  message(FATAL_ERROR \"Packages need the system plugin folder: configure with -DSA_INSTALL_SYSTEM=ON\")\n"
  "endif()\n")
set(CPACK_PROJECT_CONFIG_FILE "${_sa_cpack_check}")

include(CPack)

if(SA_INSTALL_SYSTEM)
  message(STATUS "Packaging: ${CPACK_PACKAGE_NAME} ${CPACK_PACKAGE_VERSION}-${CPACK_DEBIAN_PACKAGE_RELEASE} "
    "(${_sa_arch}), Depends: ${_sa_depends}")
else()
  message(STATUS "Packaging: off (cpack needs -DSA_INSTALL_SYSTEM=ON)")
endif()
