# Runs an example in a fresh directory and compares what it prints with the expected text.
file(REMOVE_RECURSE ${WORKDIR})
file(MAKE_DIRECTORY ${WORKDIR})
execute_process(COMMAND ${PROGRAM} WORKING_DIRECTORY ${WORKDIR}
                OUTPUT_VARIABLE output ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${status}\n${errors}")
endif()
file(READ ${EXPECTED} expected)
if(NOT output STREQUAL expected)
  file(WRITE ${WORKDIR}/actual.txt "${output}")
  message(FATAL_ERROR "output differs from ${EXPECTED}; see ${WORKDIR}/actual.txt")
endif()
