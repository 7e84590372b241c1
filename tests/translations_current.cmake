# Runs lupdate over the window's sources (all of gui/ but main.cpp, whose --help stays English) into
# a copy of the translation file, and fails when it finds a string the file lacks: run
# scripts/update-translations, then translate what it added.
# cmake -DLUPDATE=… -DSOURCE_DIR=… -DTS=… -DCOPY=… -P translations_current.cmake
file(COPY_FILE "${TS}" "${COPY}")
file(GLOB folders LIST_DIRECTORIES true "${SOURCE_DIR}/gui/*")
list(FILTER folders EXCLUDE REGEX "\\.(cpp|txt|md)$")
execute_process(COMMAND "${LUPDATE}" -locations none -no-obsolete ${folders} -ts "${COPY}"
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE result)
message("${out}")
if(NOT result EQUAL 0 OR NOT out MATCHES "\\(0 new and")
  message(FATAL_ERROR "lupdate found strings that ${TS} lacks (or failed: ${err}); run scripts/update-translations")
endif()
