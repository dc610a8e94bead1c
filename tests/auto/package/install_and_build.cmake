# Run by CTest: cmake -P install_and_build.cmake with QTARI_BINARY_DIR, EXAMPLE_DIR, WORK_DIR,
# GENERATOR and EXTRA_FLAGS set.
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)

function(run step)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "${step} failed (${rc}):\n${out}\n${err}")
    endif()
    message(STATUS "${step}: ok")
endfunction()

run("install" ${CMAKE_COMMAND} --install ${QTARI_BINARY_DIR} --prefix ${prefix})
if(NOT EXISTS ${prefix}/include/QtAri/Client OR NOT EXISTS ${prefix}/include/QtAri/ChannelsApi)
    message(FATAL_ERROR "the installed headers lack <QtAri/Client> or <QtAri/ChannelsApi>")
endif()
run("configure against the install" ${CMAKE_COMMAND} -S ${EXAMPLE_DIR} -B ${WORK_DIR}/build
    -G ${GENERATOR} -DCMAKE_PREFIX_PATH=${prefix}
    "-DCMAKE_CXX_FLAGS=${EXTRA_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${EXTRA_FLAGS}")
run("build against the install" ${CMAKE_COMMAND} --build ${WORK_DIR}/build)
