# Builds QtAri's .deb packages with CPack, checks what each one holds, unpacks them into a scratch
# root (dpkg -x: no root rights, the system is left alone), builds and runs a program against
# the unpacked libqtari-dev with find_package(QtAri), and has apt resolve the packages'
# dependencies in a dry run.
#
# cmake -DQTARI_BINARY_DIR=<build> -DCONSUMER_DIR=<src> -DWORK_DIR=<dir> -DGENERATOR=<gen>
#       [-DEXTRA_FLAGS=<flags>] [-DCOMPRESSION=gzip|xz|zstd] [-DAPT_INSTALL=ON] -P debs.cmake
# APT_INSTALL=ON (./dev package, as root) also installs the packages with apt-get.

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
if(NOT COMPRESSION)
    set(COMPRESSION gzip)
endif()

function(run step)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "${step} failed (${rc}):\n${out}\n${err}")
    endif()
    message(STATUS "${step}: ok")
    set(run_output "${out}" PARENT_SCOPE)
endfunction()

find_program(DPKG_DEB dpkg-deb REQUIRED)
run("cpack" ${CMAKE_CPACK_COMMAND} -G DEB --config ${QTARI_BINARY_DIR}/CPackConfig.cmake
    -B ${WORK_DIR}/debs -D CPACK_DEBIAN_COMPRESSION_TYPE=${COMPRESSION})

# Every package, and in it the files that make it what it is.
file(READ ${QTARI_BINARY_DIR}/CPackConfig.cmake cpack_config)
string(REGEX MATCH "set\\(CPACK_PACKAGING_INSTALL_PREFIX \"([^\"]*)\"" _ "${cpack_config}")
set(prefix ${CMAKE_MATCH_1})
set(packages libqtari0.1 libqtari-dev ari-sim qtari-inspector)
set(libqtari0.1_files "lib.*/libQtAriCore\\.so\\.0\\.1\\.[0-9]+$" "lib.*/libQtAriTesting\\.so\\.0\\.1\\.[0-9]+$")
set(libqtari-dev_files "include/QtAri/Client$" "include/QtAri/Continuation$" "include/QtAri/channelsapi\\.h$"
    "include/QtAri/Testing/Simulator$" "lib.*/libQtAriCore\\.so( -> |$)" "lib.*/cmake/QtAri/QtAriConfig\\.cmake$"
    "lib.*/cmake/QtAri/QtAriTargets\\.cmake$")
set(ari-sim_files "bin/ari-sim$")
set(qtari-inspector_files "bin/qtari-inspector$" "share/applications/org\\.qtari\\.inspector\\.desktop$"
    "share/icons/hicolor/scalable/apps/org\\.qtari\\.inspector\\.svg$"
    "share/metainfo/org\\.qtari\\.inspector\\.metainfo\\.xml$")
set(libqtari-dev_depends "libqtari0\\.1 \\(= " "ari-sim \\(= " "qt6-base-dev")
set(ari-sim_depends "libqtari0\\.1 \\(= ")
set(qtari-inspector_depends "libqtari0\\.1 \\(= " "libqt6widgets6")
set(libqtari0.1_depends "libqt6websockets6")

set(root ${WORK_DIR}/root)
set(debs)
foreach(package IN LISTS packages)
    file(GLOB deb ${WORK_DIR}/debs/${package}_*.deb)
    if(NOT deb)
        message(FATAL_ERROR "no ${package}_*.deb was built")
    endif()
    list(APPEND debs ${deb})
    run("list ${package}" ${DPKG_DEB} --contents ${deb})
    set(listing "${run_output}")
    string(REPLACE "\n" ";" lines "${listing}")
    foreach(pattern IN LISTS ${package}_files)
        set(found FALSE)
        foreach(line IN LISTS lines)
            if(line MATCHES "${pattern}")
                set(found TRUE)
                break()
            endif()
        endforeach()
        if(NOT found)
            message(FATAL_ERROR "${package} lacks a file matching ${pattern}:\n${listing}")
        endif()
    endforeach()
    run("fields of ${package}" ${DPKG_DEB} --field ${deb} Depends)
    foreach(pattern IN LISTS ${package}_depends)
        if(NOT run_output MATCHES "${pattern}")
            message(FATAL_ERROR "${package} Depends lacks ${pattern}: ${run_output}")
        endif()
    endforeach()
    run("unpack ${package}" ${DPKG_DEB} -x ${deb} ${root})
endforeach()

# The unpacked programs run from where they are (their RPATH is relative).
run("ari-sim --version" ${root}${prefix}/bin/ari-sim --version)
run("build against libqtari-dev" ${CMAKE_COMMAND} -S ${CONSUMER_DIR} -B ${WORK_DIR}/consumer
    -G ${GENERATOR} -DCMAKE_PREFIX_PATH=${root}${prefix} -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
    "-DCMAKE_CXX_FLAGS=${EXTRA_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${EXTRA_FLAGS}")
file(READ ${WORK_DIR}/consumer/CMakeCache.txt cache)
if(NOT cache MATCHES "QtAri_DIR:PATH=${root}")
    message(FATAL_ERROR "find_package(QtAri) did not pick the unpacked package")
endif()
run("compile" ${CMAKE_COMMAND} --build ${WORK_DIR}/consumer)
run("run the program" ${WORK_DIR}/consumer/qtari-consumer)
message(STATUS "${run_output}")

find_program(APT_GET apt-get)
if(APT_INSTALL)
    run("apt-get install" ${APT_GET} install -y --no-install-recommends ${debs})
elseif(APT_GET)
    # A dry run: apt resolves every Depends against this system's packages, installs nothing.
    run("apt-get install --simulate" ${APT_GET} install --simulate --no-install-recommends ${debs})
endif()
