// DataLocator: search paths built from the environment, the running program's place and the
// folders CMake compiled in.
#include "datalocator.h"

#include "nn/error.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#ifndef LAYERLAB_SOURCE_DATA_DIR
#define LAYERLAB_SOURCE_DATA_DIR ""
#endif
#ifndef LAYERLAB_INSTALLED_DATA_DIR
#define LAYERLAB_INSTALLED_DATA_DIR ""
#endif
#ifndef LAYERLAB_SOURCE_EXAMPLES_DIR
#define LAYERLAB_SOURCE_EXAMPLES_DIR ""
#endif
#ifndef LAYERLAB_INSTALLED_EXAMPLES_DIR
#define LAYERLAB_INSTALLED_EXAMPLES_DIR ""
#endif

namespace datasets {

namespace {

std::string environment(const char *name)
{
    const char *value = std::getenv(name);
    return value ? value : "";
}

bool isFile(const std::string &path)
{
    std::error_code error;
    return std::filesystem::is_regular_file(path, error);
}

std::string joined(const std::vector<std::string> &folders)
{
    std::string text;
    for (const auto &folder : folders)
        text += (text.empty() ? "" : ", ") + folder;
    return text;
}

// $`variable`, share/layerlab/`part` beside the program, then the compiled-in folders; no empty
// entries and no repeats (an install in CMAKE_INSTALL_PREFIX finds the same folder both ways).
std::vector<std::string> searchFolders(const char *variable, const std::string &part, const char *sourceFolder,
                                       const char *installedFolder)
{
    std::vector<std::string> folders;
    const auto add = [&folders](const std::string &folder) {
        if (!folder.empty() && std::find(folders.begin(), folders.end(), folder) == folders.end())
            folders.push_back(folder);
    };
    add(environment(variable));
    add(DataLocator::besideProgram(part).value_or(""));
    add(sourceFolder);
    add(installedFolder);
    return folders;
}

std::vector<std::string> fashionMnistCandidates()
{
    std::vector<std::string> folders;
    if (const std::string data = environment("LAYERLAB_DATA"); !data.empty())
        folders.insert(folders.end(), {data, data + "/fashion-mnist"});
    const std::string system = environment("LAYERLAB_SYSTEM_DATA");
    folders.push_back((system.empty() ? std::string("/usr/share/datasets") : system) + "/fashion-mnist");
    return folders;
}

// $`variable`, else `fallback`.
std::string folderFrom(const char *variable, const char *fallback)
{
    const std::string folder = environment(variable);
    return folder.empty() ? fallback : folder;
}

} // namespace

std::string DataLocator::wordList(const std::string &file, const std::string &package)
{
    const std::string path = folderFrom("LAYERLAB_DICT", "/usr/share/dict") + "/" + file;
    if (!isFile(path))
        throw nn::FileError("The word list " + path + " is missing. Install it with: sudo apt-get install " + package +
                            " (or leave its language out of the data setting 'languages').");
    return path;
}

std::vector<std::string> DataLocator::fortuneFiles()
{
    const std::string folder = folderFrom("LAYERLAB_FORTUNES", "/usr/share/games/fortunes");
    std::vector<std::string> files;
    for (const char *name : {"fortunes", "literature", "riddles"}) {
        files.push_back(folder + "/" + name);
        if (!isFile(files.back()))
            throw nn::FileError("The fortunes corpus " + files.back() + " is missing. Install it with: sudo apt-get install "
                                "fortunes-min (or give the path of a UTF-8 .txt file as the data source).");
    }
    return files;
}

const std::vector<std::string> &DataLocator::fashionMnistFiles()
{
    static const std::vector<std::string> files = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                                                   "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};
    return files;
}

std::optional<std::string> DataLocator::findCompressedOrPlain(const std::string &folder, const std::string &baseName)
{
    for (const std::string &path : {folder + "/" + baseName + ".gz", folder + "/" + baseName})
        if (isFile(path))
            return path;
    return std::nullopt;
}

std::optional<std::string> DataLocator::besideProgram(const std::string &part)
{
    std::error_code error;
    const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error || !program.is_absolute())
        return std::nullopt;
    return (program.parent_path().parent_path() / "share" / "layerlab" / part).lexically_normal().string();
}

std::vector<std::string> DataLocator::exampleFolders()
{
    return searchFolders("LAYERLAB_EXAMPLES", "examples", LAYERLAB_SOURCE_EXAMPLES_DIR, LAYERLAB_INSTALLED_EXAMPLES_DIR);
}

std::string DataLocator::bundledFile(const std::string &fileName)
{
    const std::vector<std::string> folders =
        searchFolders("LAYERLAB_DATA", "data", LAYERLAB_SOURCE_DATA_DIR, LAYERLAB_INSTALLED_DATA_DIR);
    for (const auto &folder : folders)
        if (isFile(folder + "/" + fileName))
            return folder + "/" + fileName;
    throw nn::FileError("The bundled data file " + fileName + " is missing (looked in " + joined(folders) +
                        "). Reinstall LayerLab, or set LAYERLAB_DATA to a folder holding " + fileName + ".");
}

std::string DataLocator::fashionMnistFolder()
{
    const auto candidates = fashionMnistCandidates();
    for (const auto &folder : candidates) {
        if (!findCompressedOrPlain(folder, fashionMnistFiles().front()))
            continue;
        for (const auto &file : fashionMnistFiles())
            if (!findCompressedOrPlain(folder, file))
                throw nn::FileError("Fashion-MNIST in " + folder + " is incomplete: " + file +
                                    ".gz is missing. Copy all four files there, or reinstall the package "
                                    "dataset-fashion-mnist.");
        return folder;
    }
    throw nn::FileError("Fashion-MNIST is not installed. Install it with: sudo apt-get install dataset-fashion-mnist "
                        "(or set LAYERLAB_DATA to a folder holding train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
                        "t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz). Looked in: " + joined(candidates) + ".");
}

} // namespace datasets
