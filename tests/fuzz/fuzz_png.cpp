// libFuzzer target: PNG files through datasets::ImageDecoder (libpng's simplified API), decoded as
// grey and as RGB, then fitted to a small Input by each resize mode, as an image folder reads them.
#include "imagefuzz.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::decodeAndFit(data, size);
    return 0;
}
