// ImageListing: which files of an image folder are samples and of which class — one subfolder per
// class, or a flat folder with a CSV of file names and labels — with each file's size and time,
// from which the decoded cache knows whether it is still valid.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace datasets {

// The candidate files of an image folder in a fixed order (classes sorted by name, files by name
// within a class, or the CSV's order), before any is decoded.
struct ImageListing {
    struct Entry {
        std::string file;    // relative to the folder: "cats/tom.png"
        int label = 0;       // index into classNames
        uintmax_t size = 0;  // bytes
        int64_t modified = 0;  // the file's modification time, in the file system's ticks
    };

    std::string folder;
    std::vector<std::string> classNames;
    std::vector<Entry> entries;

    // Every regular, non-hidden file of each non-hidden subfolder (which are the classes); throws
    // nn::FileError when the folder cannot be read, SettingError when it holds no class folder.
    static ImageListing ofClassFolders(const std::string &folder);
    // The files a CSV names (a column named file, filename, image or path, and one named label or
    // class, else the first two columns), relative to `folder`; classes sorted by name.
    static ImageListing ofLabelsCsv(const std::string &folder, const std::string &csvPath);

    // A hash of every entry's name, class, size and time with `settings` (the sample shape and
    // resize mode): any change to a file or to how it is decoded changes it.
    uint64_t fingerprint(const std::string &settings) const;
};

} // namespace datasets
