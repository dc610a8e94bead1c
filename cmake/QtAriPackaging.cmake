# Debian packages with CPack (`./dev package`, or `cpack -G DEB` in a configured build):
#
#   libqtari0.1      Runtime      libQtAriCore, libQtAriTesting (shared libraries)
#   libqtari-dev     Development  headers, the .so links, lib/cmake/QtAri (find_package(QtAri))
#   qtari-inspector  Inspector    the console, its desktop entry, icon and AppStream metainfo
#   ari-sim          Simulator    the standalone ARI simulator
#
# Install components are set on each install() call; one that names none lands in "Unspecified",
# which is not packaged. Dependencies on Debian's Qt packages are written here rather than found
# by dpkg-shlibdeps, which cannot see our own libraries while they are still being packaged.

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME qtari)
set(CPACK_PACKAGE_VENDOR "The QtAri authors")
set(CPACK_PACKAGE_CONTACT "The QtAri authors <qtari@localhost>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_COMPONENTS_ALL Runtime Development Simulator)
if(TARGET qtari-inspector)
    list(APPEND CPACK_COMPONENTS_ALL Inspector)
endif()

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON) # component DEPENDS become "pkg (= version)"
if(NOT CPACK_DEBIAN_COMPRESSION_TYPE)
    set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
endif()

set(_qt ">= 6.4")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME libqtari0.${PROJECT_VERSION_MINOR})
set(CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS
    "libqt6core6 (${_qt}), libqt6network6 (${_qt}), libqt6websockets6 (${_qt}), libqt6httpserver6 (${_qt}), libc6, libstdc++6")
# libQtAriCore links simdjson (the event decoders): Debian names its runtime package after the
# library's soname (libsimdjson.so.14 -> libsimdjson14 in Debian 12).
if(TARGET simdjson::simdjson)
    get_target_property(_simdjson_configs simdjson::simdjson IMPORTED_CONFIGURATIONS)
    foreach(_config IN LISTS _simdjson_configs)
        get_target_property(_simdjson_soname simdjson::simdjson IMPORTED_SONAME_${_config})
        if(_simdjson_soname MATCHES "^libsimdjson\\.so\\.([0-9]+)$")
            string(APPEND CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS ", libsimdjson${CMAKE_MATCH_1}")
            break()
        endif()
    endforeach()
endif()
if(TARGET QtAriQml) # the QML modules (import QtAri, QtAri.Testing) are part of the runtime
    string(APPEND CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS ", libqt6qml6 (${_qt})")
endif()
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME libqtari-dev)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
# The exported targets name bin/ari-sim (QtAri::ari-sim), so the -dev package needs it present.
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS
    "qt6-base-dev (${_qt}), qt6-websockets-dev (${_qt})")
if(TARGET QtAriQml)
    string(APPEND CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS ", qt6-declarative-dev (${_qt})")
endif()
set(CPACK_DEBIAN_INSPECTOR_PACKAGE_NAME qtari-inspector)
set(CPACK_DEBIAN_INSPECTOR_PACKAGE_SECTION comm)
set(CPACK_DEBIAN_INSPECTOR_PACKAGE_DEPENDS
    "libqt6widgets6 (${_qt}), libqt6gui6 (${_qt})")
if(QTARI_INSPECTOR_WITH_KEYCHAIN)
    string(APPEND CPACK_DEBIAN_INSPECTOR_PACKAGE_DEPENDS ", libqt6keychain1")
endif()
set(CPACK_DEBIAN_SIMULATOR_PACKAGE_NAME ari-sim)
set(CPACK_DEBIAN_SIMULATOR_PACKAGE_SECTION comm)

include(CPack)

cpack_add_component(Runtime DISPLAY_NAME "QtAri libraries"
    DESCRIPTION "QtAri: a Qt 6 client for the Asterisk REST Interface (ARI), and its simulator library.")
cpack_add_component(Simulator DISPLAY_NAME "ari-sim" DEPENDS Runtime
    DESCRIPTION "ari-sim: a simulated Asterisk ARI server for testing ARI applications in any language.")
cpack_add_component(Development DISPLAY_NAME "QtAri development files" DEPENDS Runtime Simulator
    DESCRIPTION "Headers and CMake package files for QtAri: find_package(QtAri COMPONENTS Core Testing).")
cpack_add_component(Inspector DISPLAY_NAME "QtAri Inspector" DEPENDS Runtime
    DESCRIPTION "QtAri Inspector: an operator's console for Asterisk servers through ARI.")
