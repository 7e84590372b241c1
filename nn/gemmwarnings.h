// Include first in a file whose Eigen products get inlined: GCC 12 reports the AVX-512 intrinsics
// behind Eigen's packet transposes as uninitialized once they are inlined into a GEMM (GCC bug
// 105593, also -Wmaybe-uninitialized in the top CMakeLists). The report is about GCC's own header,
// which is parsed here, first, with that warning off.
#pragma once

#if __has_include(<immintrin.h>)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#include <immintrin.h>
#pragma GCC diagnostic pop
#endif
