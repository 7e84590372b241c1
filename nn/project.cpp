// The project file: its JSON layout, schema version check, and errors that point into the file.
#include "project.h"

#include "atomicfile.h"
#include "error.h"
#include "jsontext.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

namespace nn {

namespace {

constexpr std::string_view kProjectSuffix = ".layerlab.json";

nlohmann::json parseJson(std::string_view text, const std::string &source)
{
    if (std::all_of(text.begin(), text.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); }))
        throw FileError(source + " is empty; a LayerLab project is a JSON object. Was the save interrupted?");
    return parseJsonText(text, source);
}

// Runs a section's reader and puts the file name before its errors, keeping their kind.
template <typename Read>
auto fromSection(const std::string &source, Read read) -> decltype(read())
{
    try {
        return read();
    } catch (const SettingError &e) {
        throw SettingError(source + ": " + e.what());
    } catch (const ShapeError &e) {
        throw ShapeError(source + ": " + e.what());
    } catch (const FileError &e) {
        throw FileError(source + ": " + e.what());
    } catch (const Error &e) {
        throw Error(source + ": " + e.what());
    } catch (const nlohmann::json::exception &e) {
        throw FileError(source + ": a value has the wrong type: " + jsonProblem(e) + ".");
    }
}

void checkSchemaVersion(const nlohmann::json &json, const std::string &source)
{
    if (!json.contains("schema_version"))
        return;  // hand-written files may leave it out; they are read as the current version
    const auto &version = json.at("schema_version");
    if (!version.is_number_integer() || version.get<int64_t>() < 1)
        throw FileError(source + ": \"schema_version\" must be a whole number of 1 or more, got " +
                        describeJson(version) + ".");
    if (version.get<int64_t>() > Project::kSchemaVersion)
        throw FileError(source + " was saved by a newer LayerLab (project format version " + describeJson(version) +
                        "; this LayerLab reads up to version " + std::to_string(Project::kSchemaVersion) +
                        "). Update LayerLab to open it.");
}

std::string textField(const nlohmann::json &json, const char *key, const std::string &fallback,
                      const std::string &source)
{
    if (!json.contains(key))
        return fallback;
    if (!json.at(key).is_string())
        throw FileError(source + ": \"" + key + "\" must be text in quotes, got " + describeJson(json.at(key)) + ".");
    return json.at(key).get<std::string>();
}

// "spiral.layerlab.json" → "spiral": the name a project without one is shown under.
std::string stemOf(const std::string &path)
{
    std::string name = std::filesystem::path(path).filename().string();
    if (name.ends_with(kProjectSuffix))
        return name.substr(0, name.size() - kProjectSuffix.size());
    return std::filesystem::path(name).stem().string();
}

} // namespace

std::string projectToText(const Project &project)
{
    // The top level in reading order; nested objects keep nlohmann's sorted keys.
    nlohmann::ordered_json json;
    json["schema_version"] = Project::kSchemaVersion;
    json["name"] = project.name;
    json["description"] = project.description;
    json["graph"] = project.graph.toJson();
    json["data"] = project.data.toJson();
    json["training"] = project.training.toJson();
    if (project.gan)
        json["gan"] = project.gan->toJson();  // absent for one network: those files read as before
    try {
        return json.dump(2) + "\n";
    } catch (const nlohmann::json::type_error &) {
        throw FileError("The project cannot be saved: a name, description or setting holds text that is not "
                        "valid UTF-8; retype it.");
    }
}

Project projectFromText(std::string_view text, const std::string &source)
{
    const nlohmann::json json = parseJson(text, source);
    if (!json.is_object())
        throw FileError(source + " is not a LayerLab project: it holds a JSON " + json.type_name() +
                        " where a project is an object.");
    checkSchemaVersion(json, source);
    if (!json.contains("graph"))
        throw FileError(source + " has no \"graph\" section, so it holds no network; is it a LayerLab project file?");
    Project project;
    project.name = textField(json, "name", stemOf(source), source);
    project.description = textField(json, "description", "", source);
    project.graph = fromSection(source, [&] { return Graph::fromJson(json.at("graph")); });
    if (json.contains("data"))
        project.data = fromSection(source, [&] { return DataSpec::fromJson(json.at("data")); });
    if (json.contains("training"))
        project.training = fromSection(source, [&] { return TrainingConfig::fromJson(json.at("training")); });
    if (json.contains("gan"))
        project.gan = fromSection(source, [&] { return GanConfig::fromJson(json.at("gan")); });
    return project;
}

void saveProject(const Project &project, const std::string &path)
{
    writeFileAtomically(path, projectToText(project));
}

Project loadProject(const std::string &path)
{
    return projectFromText(readFile(path), path);
}

std::string weightsPathFor(const std::string &projectPath)
{
    if (projectPath.ends_with(kProjectSuffix))
        return projectPath.substr(0, projectPath.size() - kProjectSuffix.size()) + ".safetensors";
    return std::filesystem::path(projectPath).replace_extension(".safetensors").string();
}

} // namespace nn
