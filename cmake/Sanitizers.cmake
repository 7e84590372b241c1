# Sanitizer and fuzzing builds (clang 14 or GCC 12 for the sanitizers, clang for libFuzzer).
# LAYERLAB_SANITIZE instruments every target through layerlab_options, which each library,
# executable and test links; LAYERLAB_FUZZ builds tests/fuzz with the engine instrumented for it.

set(kLayerlabSanitizers "" "address,undefined" "thread")
set_property(CACHE LAYERLAB_SANITIZE PROPERTY STRINGS ${kLayerlabSanitizers})
if(NOT LAYERLAB_SANITIZE IN_LIST kLayerlabSanitizers)
  message(FATAL_ERROR "LAYERLAB_SANITIZE is '${LAYERLAB_SANITIZE}'; use one of: (empty), address,undefined, thread")
endif()

if(LAYERLAB_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "LAYERLAB_FUZZ needs clang (libFuzzer); configure with -DCMAKE_CXX_COMPILER=clang++-14")
  endif()
  if(LAYERLAB_SANITIZE STREQUAL "thread")
    message(FATAL_ERROR "LAYERLAB_FUZZ runs under address,undefined; it cannot be combined with LAYERLAB_SANITIZE=thread")
  endif()
  # The fuzz targets find memory errors and undefined behaviour, so the whole build carries both.
  set(LAYERLAB_SANITIZE "address,undefined")
endif()

# layerlab_sanitize(TARGET SCOPE SANITIZERS): compiles and links TARGET with SANITIZERS (a
# -fsanitize= list), with frame pointers and line tables (-g1: enough for reports that name file
# and line, and much cheaper to build than full debug info), and makes every
# UBSan finding fatal so that a test or a fuzz run fails on it instead of printing and going on.
function(layerlab_sanitize target scope sanitizers)
  if(sanitizers STREQUAL "thread")
    # Full debug info: tests/tsan.supp matches oneTBB's inlined frames by qualified name, which
    # line tables alone do not carry.
    target_compile_options(${target} ${scope} -fsanitize=${sanitizers} -fno-omit-frame-pointer -g)
  else()
    target_compile_options(${target} ${scope} -fsanitize=${sanitizers} -fno-omit-frame-pointer -g1)
  endif()
  if(sanitizers MATCHES "undefined")
    target_compile_options(${target} ${scope} -fno-sanitize-recover=undefined)
  endif()
  target_link_options(${target} ${scope} -fsanitize=${sanitizers})
endfunction()

if(LAYERLAB_SANITIZE)
  layerlab_sanitize(layerlab_options INTERFACE "${LAYERLAB_SANITIZE}")
endif()
if(LAYERLAB_FUZZ)
  # Coverage feedback for libFuzzer in every library; only the fuzz targets link its main().
  target_compile_options(layerlab_options INTERFACE -fsanitize=fuzzer-no-link)
endif()
