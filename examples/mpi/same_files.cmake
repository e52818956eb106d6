# Runs one sweep with `peerkit simulate` (1 and 2 threads) and with peerkit-mpi (1 and 3
# ranks) and requires the same files, byte for byte, in both formats.
# Arguments: TOOL, MPI_PROGRAM, MPIEXEC, SOURCE_DIR, WORKDIR.
file(REMOVE_RECURSE ${WORKDIR})
file(MAKE_DIRECTORY ${WORKDIR})

# The shipped intervision sweep, cut to 40 replications, reading the shipped data.
file(READ ${SOURCE_DIR}/examples/scenarios/intervision_interval.json sweep)
string(JSON sweep SET "${sweep}" replications 40)
string(JSON sweep SET "${sweep}" programme "\"${SOURCE_DIR}/examples/data/sample_programme.json\"")
string(JSON sweep SET "${sweep}" holidays "\"${SOURCE_DIR}/examples/data/school_holidays_nl.csv\"")
file(WRITE ${WORKDIR}/sweep.json "${sweep}")

function(run expected_code)
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY ${WORKDIR} RESULT_VARIABLE code
                  OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL expected_code)
    message(FATAL_ERROR "${ARGN}\nexited with ${code}, not ${expected_code}\n${out}\n${err}")
  endif()
endfunction()

# The files of `dir` are those of `reference`, byte for byte.
function(require_same reference dir)
  file(GLOB expected RELATIVE ${WORKDIR}/${reference} ${WORKDIR}/${reference}/*)
  file(GLOB found RELATIVE ${WORKDIR}/${dir} ${WORKDIR}/${dir}/*)
  if(NOT expected OR NOT expected STREQUAL found)
    message(FATAL_ERROR "${dir} holds [${found}], ${reference} holds [${expected}]")
  endif()
  foreach(name IN LISTS expected)
    execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${WORKDIR}/${reference}/${name}
                            ${WORKDIR}/${dir}/${name} RESULT_VARIABLE differ)
    if(differ)
      message(FATAL_ERROR "${dir}/${name} differs from ${reference}/${name}")
    endif()
  endforeach()
endfunction()

set(mpirun ${MPIEXEC} --oversubscribe)

run(0 ${TOOL} simulate sweep.json --output threads1 --threads 1)
run(0 ${TOOL} simulate sweep.json --output threads2 --threads 2)
run(0 ${mpirun} -np 1 ${MPI_PROGRAM} sweep.json --output ranks1)
run(0 ${mpirun} -np 3 ${MPI_PROGRAM} sweep.json --output ranks3)
run(0 ${TOOL} simulate sweep.json --output threads1-jsonl --threads 1 --format jsonl)
run(0 ${mpirun} -np 3 ${MPI_PROGRAM} sweep.json --output ranks3-jsonl --format jsonl)
foreach(dir threads2 ranks1 ranks3)
  require_same(threads1 ${dir})
endforeach()
require_same(threads1-jsonl ranks3-jsonl)

