# Generated sources from lib/spec/ari.json (lib/codegen/generate.py). Included by
# lib/core/CMakeLists.txt after QtAriCore exists; ${gen} is <build>/lib/generated.
#
# The output list is fixed by the spec, so it is read at configure time (--list-outputs); the
# files themselves are written at build time, and only when their content changes.

set(_qtari_codegen_dir ${PROJECT_SOURCE_DIR}/lib/codegen)
set(_qtari_spec ${PROJECT_SOURCE_DIR}/lib/spec/ari.json)
set(_qtari_generator ${_qtari_codegen_dir}/generate.py)
file(GLOB _qtari_codegen_templates CONFIGURE_DEPENDS ${_qtari_codegen_dir}/templates/*)
set(_qtari_codegen_inputs ${_qtari_generator} ${_qtari_codegen_dir}/config.json ${_qtari_spec}
    ${_qtari_codegen_templates})

if(NOT EXISTS ${_qtari_spec})
    message(WARNING "QtAri: ${_qtari_spec} is missing; the generated API is left out of QtAriCore")
    return()
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_qtari_codegen_inputs})

execute_process(
    COMMAND ${Python3_EXECUTABLE} ${_qtari_generator} --spec ${_qtari_spec} --list-outputs
    OUTPUT_VARIABLE _qtari_outputs
    RESULT_VARIABLE _qtari_result
    ERROR_VARIABLE _qtari_error)
if(NOT _qtari_result EQUAL 0)
    message(FATAL_ERROR "QtAri: generate.py --list-outputs failed: ${_qtari_error}")
endif()

# Bound operations (ChannelBase …) call the hand-written Client and live_p.h: only built once
# both exist.
set(_qtari_with_bound OFF)
if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/include/QtAri/client.h
   AND EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/src/live_p.h)
    set(_qtari_with_bound ON)
endif()

set(QTARI_GEN_HEADERS)
set(QTARI_GEN_SOURCES)
set(QTARI_GEN_ALL)
string(REPLACE "\n" ";" _qtari_outputs "${_qtari_outputs}")
foreach(_line IN LISTS _qtari_outputs)
    if(NOT _line MATCHES "^([a-z-]+):(.+)$")
        continue()
    endif()
    set(_kind ${CMAKE_MATCH_1})
    set(_file ${gen}/${CMAKE_MATCH_2})
    list(APPEND QTARI_GEN_ALL ${_file})
    if(_kind STREQUAL "header" OR (_kind STREQUAL "bound-header" AND _qtari_with_bound))
        list(APPEND QTARI_GEN_HEADERS ${_file})
    elseif(_kind STREQUAL "source" OR _kind STREQUAL "private"
           OR (_kind STREQUAL "bound-source" AND _qtari_with_bound))
        list(APPEND QTARI_GEN_SOURCES ${_file})
    endif()
endforeach()

add_custom_command(OUTPUT ${QTARI_GEN_ALL}
    COMMAND ${Python3_EXECUTABLE} ${_qtari_generator} --spec ${_qtari_spec} --out ${gen}
    DEPENDS ${_qtari_codegen_inputs}
    COMMENT "Generating QtAri sources from the ARI spec"
    VERBATIM)
add_custom_target(QtAriCodegen DEPENDS ${QTARI_GEN_ALL})
add_dependencies(QtAriCore QtAriCodegen)

target_sources(QtAriCore
    PRIVATE ${QTARI_GEN_SOURCES}
    PUBLIC FILE_SET HEADERS BASE_DIRS ${gen}/include FILES ${QTARI_GEN_HEADERS})
