// Project: what a NAME.layerlab.json file holds (the graph with node positions, the data and the
// training settings), and its reading and writing. Loading only reads: nothing in it runs.
#pragma once

#include "dataspec.h"
#include "ganconfig.h"
#include "graph.h"
#include "trainingconfig.h"

#include <optional>
#include <string>
#include <string_view>

namespace nn {

// One saved experiment; its trained weights live beside it (weightsPathFor).
struct Project {
    std::string name;
    std::string description;
    Graph graph;
    DataSpec data;
    TrainingConfig training;
    // Present for a generative adversarial network: the graph's nodes are then tagged with their
    // network (gangraph.h), and the training section's optimizer is the discriminator's.
    std::optional<GanConfig> gan;

    static constexpr int kSchemaVersion = 1;
};

// The file's text: pretty JSON (2-space indent), keys in a fixed order, so that saving the same
// project twice gives the same bytes and a diff shows only what changed.
std::string projectToText(const Project &project);
// Parses a project's text. Every error is prefixed with `source` (the file name); malformed JSON
// is reported with its line and column.
Project projectFromText(std::string_view text, const std::string &source);

// Writes the project atomically (FileError when the folder is missing or read-only).
void saveProject(const Project &project, const std::string &path);
// Reads a project file (FileError when missing or malformed, SettingError when out of range).
Project loadProject(const std::string &path);

// NAME.layerlab.json → NAME.safetensors beside it; any other name has its extension replaced.
std::string weightsPathFor(const std::string &projectPath);

} // namespace nn
