# Small helpers shared by QtAri's own targets (never installed).

# Warnings, and the Qt defines every QtAri target builds with.
function(qtari_target_defaults target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
    if(QTARI_WARNINGS_AS_ERRORS)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_KEYWORDS QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
        QT_NO_CONTEXTLESS_CONNECT QT_NO_FOREACH QT_STRICT_ITERATORS)
    # A program that links Qt6::Qml gets its QML imports scanned at configure time so that a static
    # Qt can link their plugins in. From Qt 6.8 that also happens with a shared Qt, which loads
    # them at run time anyway, and on Debian 13 every Qt Quick plugin then warns that its CMake
    # target is missing. Our programs skip the scan with a shared Qt.
    get_target_property(type ${target} TYPE)
    get_target_property(qt_type Qt6::Core TYPE)
    if(type STREQUAL "EXECUTABLE" AND qt_type STREQUAL "SHARED_LIBRARY")
        set_target_properties(${target} PROPERTIES QT_QML_MODULE_NO_IMPORT_SCAN TRUE)
    endif()
endfunction()

# QCoro's headers connect signals without a context object, which QT_NO_CONTEXTLESS_CONNECT
# (from qtari_target_defaults) forbids from Qt 6.7 on; Qt 6.4 ignores the define. A target that
# includes them goes without it.
function(qtari_allow_contextless_connect target)
    get_target_property(defs ${target} COMPILE_DEFINITIONS)
    list(REMOVE_ITEM defs QT_NO_CONTEXTLESS_CONNECT)
    set_target_properties(${target} PROPERTIES COMPILE_DEFINITIONS "${defs}")
endfunction()

# qtari_add_test(NAME tst_x SOURCES a.cpp ... [LIBRARIES ...] [LABELS ...] [TIMEOUT s])
# Builds a QtTest executable and registers it with CTest (offscreen platform, no display needed).
function(qtari_add_test)
    cmake_parse_arguments(arg "" "NAME;TIMEOUT" "SOURCES;LIBRARIES;LABELS" ${ARGN})
    qt_add_executable(${arg_NAME} ${arg_SOURCES})
    qtari_target_defaults(${arg_NAME})
    target_link_libraries(${arg_NAME} PRIVATE Qt6::Test ${arg_LIBRARIES})
    target_compile_definitions(${arg_NAME} PRIVATE
        QTARI_SHARED_DIR="${QTARI_SHARED_DIR}"
        QTARI_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    add_test(NAME ${arg_NAME} COMMAND ${arg_NAME})
    if(NOT arg_TIMEOUT)
        set(arg_TIMEOUT 120)
    endif()
    set_tests_properties(${arg_NAME} PROPERTIES TIMEOUT ${arg_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen" LABELS "${arg_LABELS}")
endfunction()

# Writes <QtAri/Name> forwarding headers (one line: #include <QtAri/name.h>) for public headers.
# qtari_forwarding_headers(OUTDIR dir OUTVAR var HEADERS path/client.h ...)
function(qtari_forwarding_headers)
    cmake_parse_arguments(arg "" "OUTDIR;OUTVAR" "HEADERS;CLASSES" ${ARGN})
    set(out)
    foreach(header IN LISTS arg_HEADERS)
        get_filename_component(base ${header} NAME)
        file(READ ${header} text)
        string(REGEX MATCHALL "class QTARI_EXPORT [A-Za-z0-9_]+" decls "${text}")
        foreach(decl IN LISTS decls)
            string(REPLACE "class QTARI_EXPORT " "" cls "${decl}")
            set(fwd ${arg_OUTDIR}/${cls})
            file(CONFIGURE OUTPUT ${fwd} CONTENT "#include <QtAri/${base}>\n")
            list(APPEND out ${fwd})
        endforeach()
    endforeach()
    set(${arg_OUTVAR} ${out} PARENT_SCOPE)
endfunction()
