// Damaged safetensors files and the words their rejection must contain; shared by the files suite
// and the files_asan suite, which runs them with the reader built under AddressSanitizer.
#pragma once

#include "nn/atomicfile.h"
#include "nn/error.h"
#include "nn/safetensors.h"

#include <QDir>
#include <QStringList>
#include <QTest>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace safetensorscases {

// A file from header text and data, prefixed by the header's length or by `length` when given.
inline std::string fileBytes(const std::string &header, const std::string &data,
                             std::optional<uint64_t> length = std::nullopt)
{
    std::string bytes;
    uint64_t value = length.value_or(header.size());
    for (int i = 0; i < 8; ++i, value >>= 8)
        bytes += static_cast<char>(value & 0xffu);
    return bytes + header + data;
}

// Two F32 tensors, a = [1, 2] and b = [3], tiling 12 bytes of data.
inline const char *kValidHeader = R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                                  R"("b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}})";

inline std::string validData()
{
    return std::string("\x00\x00\x80\x3f\x00\x00\x00\x40\x00\x00\x40\x40", 12);
}

inline std::string withA(const std::string &a, const std::string &data = validData())
{
    return fileBytes(R"({"a":)" + a + "}", data);
}

struct Case {
    const char *name;
    std::string bytes;
    QStringList keywords;
};

inline std::vector<Case> corruptedFiles()
{
    const std::string valid = fileBytes(kValidHeader, validData());
    const std::string data8(8, '\0');
    return {
        {"empty file", "", {"fewer than the 8"}},
        {"shorter than the length field", "\x10\x00\x00", {"fewer than the 8"}},
        {"header length past the end", fileBytes(kValidHeader, validData(), 1000), {"header length", "past the end"}},
        {"header length absurd", fileBytes(kValidHeader, validData(), uint64_t(1) << 62), {"header length", "100 MB"}},
        {"header length all ones", fileBytes(kValidHeader, validData(), ~uint64_t(0)), {"header length", "100 MB"}},
        {"header length zero", fileBytes(kValidHeader, validData(), 0), {"header", "not valid JSON"}},
        {"truncated data", valid.substr(0, valid.size() - 6), {"tensor 'a'", "past the end", "cut off"}},
        {"malformed header JSON", fileBytes(R"({"a":{"dtype":"F32",)", validData()), {"header", "not valid JSON"}},
        {"header not an object", fileBytes("[1, 2]", ""), {"header", "object"}},
        {"entry not an object", withA("5", ""), {"tensor 'a'", "object"}},
        {"missing dtype", withA(R"({"shape":[2],"data_offsets":[0,8]})", data8), {"tensor 'a'", "dtype"}},
        {"missing shape", withA(R"({"dtype":"F32","data_offsets":[0,8]})", data8), {"tensor 'a'", "shape"}},
        {"missing data_offsets", withA(R"({"dtype":"F32","shape":[2]})", data8), {"tensor 'a'", "data_offsets"}},
        {"unknown dtype", withA(R"({"dtype":"F33","shape":[2],"data_offsets":[0,8]})", data8),
         {"tensor 'a'", "unknown dtype", "F33"}},
        {"dtype not a name", withA(R"({"dtype":4,"shape":[2],"data_offsets":[0,8]})", data8), {"tensor 'a'", "dtype"}},
        {"integer dtype", withA(R"({"dtype":"I64","shape":[1],"data_offsets":[0,8]})", data8),
         {"tensor 'a'", "I64", "integers", "F32"}},
        {"bool dtype", withA(R"({"dtype":"BOOL","shape":[8],"data_offsets":[0,8]})", data8), {"tensor 'a'", "BOOL"}},
        {"offsets past the end", withA(R"({"dtype":"F32","shape":[1000],"data_offsets":[0,4000]})", data8),
         {"tensor 'a'", "past the end", "8 bytes"}},
        {"offsets huge", withA(R"({"dtype":"F32","shape":[2],"data_offsets":[18446744073709551608,18446744073709551615]})", data8),
         {"tensor 'a'"}},
        {"begin after end", withA(R"({"dtype":"F32","shape":[2],"data_offsets":[8,0]})", data8),
         {"tensor 'a'", "begin lies after its end"}},
        {"negative offset", withA(R"({"dtype":"F32","shape":[2],"data_offsets":[-8,0]})", data8),
         {"tensor 'a'", "data_offsets"}},
        {"offsets not numbers", withA(R"({"dtype":"F32","shape":[2],"data_offsets":["0",8]})", data8),
         {"tensor 'a'", "data_offsets"}},
        {"one offset", withA(R"({"dtype":"F32","shape":[2],"data_offsets":[8]})", data8), {"tensor 'a'", "data_offsets"}},
        {"overlapping tensors",
         fileBytes(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                   R"("b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})", validData()),
         {"'a'", "'b'", "overlap"}},
        {"gap between tensors",
         fileBytes(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
                   R"("b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}})", validData()),
         {"'b'", "gap", "4 to 8"}},
        {"bytes after the last tensor", fileBytes(kValidHeader, validData() + "junk"), {"last 4 bytes", "no tensor"}},
        {"shape does not match byte count", withA(R"({"dtype":"F32","shape":[3],"data_offsets":[0,8]})", data8),
         {"tensor 'a'", "[3]", "12 bytes", "8 bytes"}},
        {"negative dimension", withA(R"({"dtype":"F32","shape":[-2],"data_offsets":[0,8]})", data8),
         {"tensor 'a'", "negative"}},
        {"dimension not a number", withA(R"({"dtype":"F32","shape":["2"],"data_offsets":[0,8]})", data8),
         {"tensor 'a'", "shape"}},
        {"fractional dimension", withA(R"({"dtype":"F32","shape":[2.5],"data_offsets":[0,8]})", data8),
         {"tensor 'a'", "shape"}},
        {"shape overflows 64 bits",
         withA(R"({"dtype":"F32","shape":[4294967296,4294967296,4],"data_offsets":[0,8]})", data8),
         {"tensor 'a'", "too large"}},
        {"metadata not strings", fileBytes(R"({"__metadata__":{"version":1}})", ""), {"metadata", "version", "string"}},
        {"metadata not an object", fileBytes(R"({"__metadata__":[]})", ""), {"__metadata__", "object"}},
    };
}

// Adds the rows: the damaged bytes and the words the message must contain.
inline void addCorruptedRows()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("keywords");
    for (const auto &c : corruptedFiles())
        QTest::newRow(c.name) << QByteArray(c.bytes.data(), qsizetype(c.bytes.size())) << c.keywords;
}

// Writes the row's file into `folder`, reads it back and checks the FileError names the file and says why.
inline void checkCorruptedRow(const QString &folder)
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, keywords);
    const std::string path = QDir(folder).filePath("damaged.safetensors").toStdString();
    nn::writeFileAtomically(path, std::string_view(bytes.constData(), size_t(bytes.size())));
    try {
        const auto file = nn::loadSafetensors(path);
        QFAIL(qPrintable(QString("a damaged file was accepted with %1 tensors").arg(file.tensors.size())));
    } catch (const nn::FileError &e) {
        const QString message = QString::fromStdString(e.what());
        QVERIFY2(message.contains(QString::fromStdString(path)), qPrintable("the message does not name the file: " + message));
        for (const auto &keyword : keywords)
            QVERIFY2(message.contains(keyword), qPrintable("'" + keyword + "' missing from: " + message));
    }
}

inline std::string validFile()
{
    nn::TensorMap tensors;
    tensors.emplace("layer.weight", nn::Tensor({2, 3}, {1, 2, 3, 4, 5, 6}));
    tensors.emplace("layer.bias", nn::Tensor({3}, {-1, 0.5f, 0.25f}));
    return nn::encodeSafetensors(tensors, {{"format", "pt"}});
}

// Every strict prefix of a valid file is a cut-off file and must be rejected, not half read.
inline void checkEveryTruncationRejected()
{
    const std::string valid = validFile();
    QVERIFY2(nn::decodeSafetensors(valid, "valid").tensors.size() == 2, "the undamaged file does not read back");
    for (size_t length = 0; length < valid.size(); ++length) {
        try {
            nn::decodeSafetensors(std::string_view(valid).substr(0, length), "cut");
            QFAIL(qPrintable(QString("a file cut to %1 of %2 bytes was accepted").arg(length).arg(valid.size())));
        } catch (const nn::FileError &) {
        }
    }
}

// Flipping bits anywhere gives either a readable file or a FileError: never a crash, never another error.
inline void checkByteFlipsNeverCrash()
{
    const std::string valid = validFile();
    for (size_t at = 0; at < valid.size(); ++at)
        for (unsigned mask : {0x01u, 0x10u, 0x80u, 0xffu}) {
            std::string damaged = valid;
            damaged[at] = static_cast<char>(static_cast<unsigned char>(damaged[at]) ^ mask);
            try {
                nn::decodeSafetensors(damaged, "flipped");
            } catch (const nn::FileError &) {
            } catch (const std::exception &e) {
                QFAIL(qPrintable(QString("byte %1 ^ %2 gave a non-file error: %3").arg(at).arg(mask).arg(e.what())));
            }
        }
}

} // namespace safetensorscases
