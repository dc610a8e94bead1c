# Installs tests/node (ari-client pinned by package-lock.json) into the build tree with `npm ci`.
# Never fails the build: without npm or the registry the smoke test reports SKIP itself.
file(MAKE_DIRECTORY ${DST})
foreach(f package.json package-lock.json ari-client-smoke.js)
    configure_file(${SRC}/${f} ${DST}/${f} COPYONLY)
endforeach()
if(EXISTS ${DST}/node_modules/ari-client/package.json)
    message(STATUS "ari-client already installed in ${DST}")
    return()
endif()
execute_process(COMMAND ${NPM} ci --no-audit --no-fund --loglevel=error --fetch-retries=1 --fetch-timeout=30000
    WORKING_DIRECTORY ${DST} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 280)
if(NOT rc EQUAL 0)
    message(STATUS "SKIP: npm ci failed (${rc}); is the npm registry reachable?\n${err}")
else()
    message(STATUS "ari-client installed in ${DST}")
endif()
