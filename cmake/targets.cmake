# INTERFACE targets carry flags; nothing is set globally.
add_library(bulwark_warnings INTERFACE)
target_compile_options(bulwark_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
  -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough)
if(BULWARK_WERROR)
  target_compile_options(bulwark_warnings INTERFACE -Werror)
endif()
# GCC 12 at -O2/-O3 reports -Wrestrict and -Wdangling-pointer inside libstdc++'s std::string and
# yaml-cpp's node headers (GCC bugs 105329, 105651): false positives that would fail the release
# build. Debug builds keep the warnings.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(bulwark_warnings INTERFACE
    $<$<NOT:$<CONFIG:Debug>>:-Wno-restrict -Wno-dangling-pointer>)
endif()

add_library(bulwark_sanitizers INTERFACE)
if(BULWARK_SANITIZE)
  target_compile_options(bulwark_sanitizers INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=all)
  target_link_options(bulwark_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

add_library(bulwark_hardening INTERFACE)
if(BULWARK_HARDEN)
  target_compile_options(bulwark_hardening INTERFACE -fstack-protector-strong -D_FORTIFY_SOURCE=2 -fPIE)
  target_link_options(bulwark_hardening INTERFACE -pie -Wl,-z,relro,-z,now)
endif()

# Coverage instrumentation for everything a fuzzer reaches (the core library too, or libFuzzer is
# blind), and the libFuzzer driver for the fuzz targets only.
add_library(bulwark_fuzz_instrumentation INTERFACE)
add_library(bulwark_fuzzing INTERFACE)
if(BULWARK_FUZZ)
  target_compile_options(bulwark_fuzz_instrumentation INTERFACE -fsanitize=fuzzer-no-link,address,undefined
    -fno-omit-frame-pointer)
  target_link_options(bulwark_fuzz_instrumentation INTERFACE -fsanitize=address,undefined)
  target_link_libraries(bulwark_fuzzing INTERFACE bulwark_fuzz_instrumentation)
  target_link_options(bulwark_fuzzing INTERFACE -fsanitize=fuzzer)
endif()
