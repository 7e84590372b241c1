// ImageDecoder: libpng's simplified API for PNG, libjpeg's decompressor for JPEG. libjpeg reports
// fatal errors through a longjmp out of its error handler; the decoding function keeps no C++
// object with a destructor alive across that jump.
#include "imagedecoder.h"

#include "nn/atomicfile.h"
#include "nn/error.h"

#include <algorithm>
#include <cctype>
#include <csetjmp>
#include <cstdio>
#include <cstring>

#include <png.h>
#include <jpeglib.h>
#include <jerror.h>

namespace datasets {

namespace {

constexpr unsigned char kPngSignature[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
constexpr unsigned char kJpegSignature[] = {0xff, 0xd8, 0xff};

bool startsWith(std::string_view bytes, const unsigned char *signature, size_t size)
{
    return bytes.size() >= size && std::memcmp(bytes.data(), signature, size) == 0;
}

void checkSize(int64_t width, int64_t height, const char *format)
{
    if (width <= 0 || height <= 0 || width * height > ImageDecoder::kMaxPixels)
        throw nn::FileError(std::string(format) + " image of " + std::to_string(width) + "×" + std::to_string(height) +
                            " pixels is empty or too large (at most " + std::to_string(ImageDecoder::kMaxPixels) +
                            " pixels); make it smaller");
}

uint32_t bigEndian32(const char *bytes)
{
    const auto *b = reinterpret_cast<const unsigned char *>(bytes);
    return (uint32_t(b[0]) << 24) | (uint32_t(b[1]) << 16) | (uint32_t(b[2]) << 8) | uint32_t(b[3]);
}

// Walks the chunks up to IEND and refuses one that claims more bytes than the file has left.
// libpng allocates some chunks (eXIf) at their claimed length before reading them, so a 100-byte
// file could otherwise ask for 2 GB.
void checkPngChunks(std::string_view bytes)
{
    size_t at = sizeof kPngSignature;
    while (bytes.size() - at >= 8) {
        const uint32_t length = bigEndian32(bytes.data() + at);
        std::string type(bytes.substr(at + 4, 4));
        for (char &c : type)
            if (!std::isalpha(static_cast<unsigned char>(c)))
                c = '?';
        const size_t left = bytes.size() - at - 8;
        if (length > 0x7fffffffu || size_t(length) + 4 > left)
            throw nn::FileError("damaged or truncated PNG (its " + type + " chunk claims " + std::to_string(length) +
                                " bytes, the file has " + std::to_string(left < 4 ? 0 : left - 4) + " left)");
        if (type == "IEND")
            return;
        at += 12 + size_t(length);
    }
}

Image decodePng(std::string_view bytes, int channels)
{
    checkPngChunks(bytes);
    png_image png;
    std::memset(&png, 0, sizeof png);
    png.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&png, bytes.data(), bytes.size()))
        throw nn::FileError(std::string("damaged PNG (") + png.message + ")");
    try {
        checkSize(png.width, png.height, "PNG");
    } catch (...) {
        png_image_free(&png);
        throw;
    }
    png.format = channels == 1 ? PNG_FORMAT_GRAY : PNG_FORMAT_RGB;
    Image image{static_cast<int>(png.width), static_cast<int>(png.height), channels, {}};
    image.pixels.resize(PNG_IMAGE_SIZE(png));
    const png_color white{255, 255, 255};
    if (!png_image_finish_read(&png, &white, image.pixels.data(), 0, nullptr))
        throw nn::FileError(std::string("damaged or truncated PNG (") + png.message + ")");  // frees png itself
    return image;
}

// libjpeg's error manager with the jump back into decodeJpeg and whether the data ended early.
struct JpegErrors {
    jpeg_error_mgr manager;
    std::jmp_buf jump;
    bool truncated;
    char message[JMSG_LENGTH_MAX];
};

void jpegFatal(j_common_ptr info)
{
    auto *errors = reinterpret_cast<JpegErrors *>(info->err);
    info->err->format_message(info, errors->message);
    std::longjmp(errors->jump, 1);
}

// Image data that ends early (the file, or its scan at a marker) stops decoding at once: libjpeg
// would fill the rest of the image with grey, which for a short file claiming a huge size is a
// long wait for a picture that is not there. Other warnings about odd bytes are tolerated.
void jpegMessage(j_common_ptr info, int level)
{
    auto *errors = reinterpret_cast<JpegErrors *>(info->err);
    if (level == -1 && (info->err->msg_code == JWRN_JPEG_EOF || info->err->msg_code == JWRN_HIT_MARKER)) {
        errors->truncated = true;
        std::longjmp(errors->jump, 1);
    }
}

// A progressive JPEG may hold thousands of tiny scans, each a pass over the whole image (a known
// denial of service); more than kMaxScans is treated as damaged, as djpeg -maxscans does.
constexpr int kMaxScans = 1000;

void jpegProgress(j_common_ptr info)
{
    auto *decompress = reinterpret_cast<j_decompress_ptr>(info);
    if (decompress->is_decompressor && decompress->input_scan_number > kMaxScans) {
        auto *errors = reinterpret_cast<JpegErrors *>(info->err);
        std::snprintf(errors->message, sizeof errors->message, "more than %d progressive scans", kMaxScans);
        std::longjmp(errors->jump, 1);
    }
}

// Decodes into `pixels` (already sized by the caller's second call); returns false with a message
// in `errors` when libjpeg fails. `headerOnly` reads the size and stops.
bool runJpeg(std::string_view bytes, int channels, JpegErrors &errors, int &width, int &height, uint8_t *pixels,
             bool headerOnly)
{
    jpeg_decompress_struct info;
    jpeg_progress_mgr progress{};
    progress.progress_monitor = jpegProgress;
    info.err = jpeg_std_error(&errors.manager);
    errors.manager.error_exit = jpegFatal;
    errors.manager.emit_message = jpegMessage;
    errors.truncated = false;
    if (setjmp(errors.jump)) {
        jpeg_destroy_decompress(&info);
        return false;
    }
    jpeg_create_decompress(&info);
    info.progress = &progress;
    jpeg_mem_src(&info, reinterpret_cast<const unsigned char *>(bytes.data()), static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&info, TRUE);
    width = static_cast<int>(info.image_width);
    height = static_cast<int>(info.image_height);
    if (!headerOnly) {
        info.out_color_space = channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
        jpeg_start_decompress(&info);
        const size_t stride = static_cast<size_t>(width) * static_cast<size_t>(channels);
        while (info.output_scanline < info.output_height) {
            JSAMPROW row = pixels + info.output_scanline * stride;
            jpeg_read_scanlines(&info, &row, 1);
        }
        jpeg_finish_decompress(&info);
    }
    jpeg_destroy_decompress(&info);
    return true;
}

Image decodeJpeg(std::string_view bytes, int channels)
{
    JpegErrors errors{};
    Image image;
    image.channels = channels;
    if (!runJpeg(bytes, channels, errors, image.width, image.height, nullptr, true))
        throw nn::FileError(errors.truncated ? std::string("truncated JPEG (the file ends within its header)")
                                             : std::string("damaged JPEG (") + errors.message + ")");
    checkSize(image.width, image.height, "JPEG");
    image.pixels.resize(static_cast<size_t>(image.width) * static_cast<size_t>(image.height) * static_cast<size_t>(channels));
    const bool decoded = runJpeg(bytes, channels, errors, image.width, image.height, image.pixels.data(), false);
    if (errors.truncated)
        throw nn::FileError("truncated JPEG (the file ends before the image does)");
    if (!decoded)
        throw nn::FileError(std::string("damaged JPEG (") + errors.message + ")");
    return image;
}

} // namespace

bool ImageDecoder::looksLikeImage(std::string_view bytes)
{
    return startsWith(bytes, kPngSignature, sizeof kPngSignature) || startsWith(bytes, kJpegSignature, sizeof kJpegSignature);
}

bool ImageDecoder::hasImageExtension(const std::string &path)
{
    std::string lower = path;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower.ends_with(".png") || lower.ends_with(".jpg") || lower.ends_with(".jpeg");
}

Image ImageDecoder::decode(std::string_view bytes, int channels)
{
    if (channels != 1 && channels != 3)
        throw nn::SettingError("Images are read with 1 (grey) or 3 (RGB) channels, not " + std::to_string(channels) +
                               "; set the Input's first dimension to 1 or 3.");
    if (bytes.empty())
        throw nn::FileError("empty file (0 bytes)");
    if (startsWith(bytes, kPngSignature, sizeof kPngSignature))
        return decodePng(bytes, channels);
    if (startsWith(bytes, kJpegSignature, sizeof kJpegSignature))
        return decodeJpeg(bytes, channels);
    throw nn::FileError("not a PNG or JPEG image");
}

Image ImageDecoder::decodeFile(const std::string &path, int channels)
{
    return decode(nn::readFile(path), channels);
}

} // namespace datasets
