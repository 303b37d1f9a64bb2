# SPDX-License-Identifier: GPL-2.0-or-later
# Regenerates a generated page (GEN writes OUT) and fails if the committed DOC differs.
execute_process(COMMAND ${GEN} ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${GEN} failed")
endif()
file(READ ${DOC} committed)
file(READ ${OUT} generated)
if(NOT committed STREQUAL generated)
  message(FATAL_ERROR "${DOC} is stale: run `cmake --build <build> --target docs` and commit it")
endif()
