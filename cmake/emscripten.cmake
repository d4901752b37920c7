# Emscripten toolchain wrapper (Debian's emscripten 3.1.6); see ../shared/TOOLCHAIN.md.
include(/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake)
set(Eigen3_DIR /usr/share/eigen3/cmake CACHE PATH "")
set(CMAKE_CROSSCOMPILING_EMULATOR "/usr/bin/node;--no-experimental-fetch" CACHE STRING "")
