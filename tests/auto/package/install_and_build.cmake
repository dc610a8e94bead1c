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

# With the QML modules: they are in the prefix's QML import path with their type information, the
# dashboard example builds against the install (find_package(QtAri COMPONENTS Qml)) and runs from
# it, offscreen, on the simulator.
if(QML_EXAMPLE_DIR)
    set(qmldir ${prefix}/${QML_INSTALL_DIR})
    foreach(f QtAri/qmldir QtAri/plugins.qmltypes QtAri/Testing/qmldir QtAri/Testing/plugins.qmltypes)
        if(NOT EXISTS ${qmldir}/${f})
            message(FATAL_ERROR "the install lacks ${qmldir}/${f}")
        endif()
    endforeach()
    run("configure the QML example against the install" ${CMAKE_COMMAND} -S ${QML_EXAMPLE_DIR}
        -B ${WORK_DIR}/build-qml -G ${GENERATOR} -DCMAKE_PREFIX_PATH=${prefix}
        "-DCMAKE_CXX_FLAGS=${EXTRA_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${EXTRA_FLAGS}")
    run("build the QML example against the install" ${CMAKE_COMMAND} --build ${WORK_DIR}/build-qml)
    run("run the QML example from the install" ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen
        QML_IMPORT_PATH=${qmldir}
        ${WORK_DIR}/build-qml/ari-qml-dashboard --demo --screenshot ${WORK_DIR}/dashboard.png
        --screenshot-delay 1500)
endif()
