// ImageListing: the folder walk (std::filesystem) and the labels CSV (CsvReader), both in an order
// that does not depend on the file system's.
#include "imagelisting.h"

#include "csvheader.h"
#include "csvreader.h"

#include "nn/error.h"

#include <algorithm>
#include <filesystem>
#include <map>

namespace datasets {

namespace fs = std::filesystem;

namespace {

bool isHidden(const fs::path &path)
{
    return path.filename().string().starts_with(".");
}

// The entry for `relative` in `folder` with its size and time; size 0 and time 0 when it cannot be
// read (the decoder then lists it with the reason).
ImageListing::Entry entryFor(const fs::path &folder, const std::string &relative, int label)
{
    ImageListing::Entry entry{relative, label, 0, 0};
    std::error_code error;
    const fs::path path = folder / relative;
    entry.size = fs::file_size(path, error);
    if (error)
        entry.size = 0;
    const auto time = fs::last_write_time(path, error);
    entry.modified = error ? 0 : static_cast<int64_t>(time.time_since_epoch().count());
    return entry;
}

std::vector<fs::path> sortedChildren(const fs::path &folder, bool folders)
{
    std::vector<fs::path> children;
    std::error_code error;
    for (const auto &child : fs::directory_iterator(folder, error)) {
        std::error_code typeError;
        if (!isHidden(child.path()) && (folders ? child.is_directory(typeError) : child.is_regular_file(typeError)))
            children.push_back(child.path());
    }
    if (error)
        throw nn::FileError("The image folder " + folder.string() + " cannot be read (" + error.message() +
                            "); check that it exists and that you may open it.");
    std::sort(children.begin(), children.end());
    return children;
}

int columnOf(const CsvHeader &header, std::initializer_list<const char *> names, int fallback)
{
    for (const char *name : names)
        if (const auto column = header.find(name))
            return *column;
    return fallback;
}

} // namespace

ImageListing ImageListing::ofClassFolders(const std::string &folder)
{
    ImageListing listing;
    listing.folder = folder;
    const std::vector<fs::path> classes = sortedChildren(folder, true);
    if (classes.empty())
        throw nn::SettingError("The image folder " + folder + " has no class folders. Put each class's images in a "
                               "subfolder named after the class (for example " + folder + "/cats and " + folder +
                               "/dogs), or set the labels to a CSV of file names and labels.");
    for (const fs::path &classFolder : classes) {
        const int label = static_cast<int>(listing.classNames.size());
        listing.classNames.push_back(classFolder.filename().string());
        for (const fs::path &file : sortedChildren(classFolder, false))
            listing.entries.push_back(entryFor(folder, (classFolder.filename() / file.filename()).string(), label));
    }
    return listing;
}

ImageListing ImageListing::ofLabelsCsv(const std::string &folder, const std::string &csvPath)
{
    CsvReader reader = CsvReader::open(csvPath);
    const CsvHeader header = CsvHeader::read(reader);
    if (header.size() < 2)
        throw nn::FileError(csvPath + " needs two columns, the image's file name and its label (file,label).");
    const int fileColumn = columnOf(header, {"file", "filename", "image", "path"}, 0);
    const int labelColumn = columnOf(header, {"label", "class", "labels"}, fileColumn == 0 ? 1 : 0);
    std::vector<std::pair<std::string, std::string>> rows;
    std::vector<std::string> cells;
    while (reader.next(cells)) {
        header.checkWidth(reader, cells);
        rows.emplace_back(cells[static_cast<size_t>(fileColumn)], cells[static_cast<size_t>(labelColumn)]);
    }
    std::map<std::string, int> classes;
    for (const auto &row : rows)
        classes.emplace(row.second, 0);
    ImageListing listing;
    listing.folder = folder;
    for (auto &[name, index] : classes) {
        index = static_cast<int>(listing.classNames.size());
        listing.classNames.push_back(name);
    }
    for (const auto &[file, label] : rows)
        listing.entries.push_back(entryFor(folder, file, classes.at(label)));
    return listing;
}

uint64_t ImageListing::fingerprint(const std::string &settings) const
{
    uint64_t hash = 14695981039346656037ULL;  // FNV-1a, 64 bits
    const auto add = [&hash](const std::string &text) {
        for (unsigned char c : text)
            hash = (hash ^ c) * 1099511628211ULL;
        hash = (hash ^ 0xffu) * 1099511628211ULL;  // a separator no name holds
    };
    add(settings);
    for (const auto &name : classNames)
        add(name);
    for (const Entry &entry : entries)
        add(entry.file + '\n' + std::to_string(entry.label) + '\n' + std::to_string(entry.size) + '\n' +
            std::to_string(entry.modified));
    return hash;
}

} // namespace datasets
