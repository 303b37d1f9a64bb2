# SPDX-License-Identifier: GPL-2.0-or-later
# Regenerates the response-code reference and fails if the committed page differs.
execute_process(COMMAND ${GEN} ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gen_code_reference failed")
endif()
file(READ ${DOC} committed)
file(READ ${OUT} generated)
if(NOT committed STREQUAL generated)
  message(FATAL_ERROR "docs/response-codes.md is stale: run `cmake --build <build> --target docs` and commit it")
endif()
