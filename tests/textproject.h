// A small network on token ids for the text tests: Input [T] → Dense(32, tanh) → Dense(units),
// with an optional Reshape [T, K] for a language model's per-step scores.
#pragma once

#include <cstdint>
#include <string>

// The project as JSON text, reading `data` (a data section's JSON).
inline std::string denseProject(int64_t length, int64_t units, const std::string &data, int64_t reshapeClasses = 0)
{
    std::string nodes = R"([{"id": 1, "name": "input", "kind": "Input", "settings": {"shape": [)" + std::to_string(length) +
                        R"(]}}, {"id": 2, "name": "hidden", "kind": "Dense", "settings": {"units": 32, "activation": "tanh"}},)"
                        R"( {"id": 3, "name": "output", "kind": "Dense", "settings": {"units": )" + std::to_string(units) + "}}";
    std::string edges = R"([{"from": 1, "to": 2, "port": 0}, {"from": 2, "to": 3, "port": 0})";
    if (reshapeClasses > 0) {
        nodes += R"(, {"id": 4, "name": "steps", "kind": "Reshape", "settings": {"shape": [)" + std::to_string(length) + ", " +
                 std::to_string(reshapeClasses) + "]}}";
        edges += R"(, {"from": 3, "to": 4, "port": 0})";
    }
    return R"({"schema_version": 1, "name": "sequence-test", "graph": {"nodes": )" + nodes + "], \"edges\": " + edges +
           "]}, \"data\": " + data +
           R"(, "training": {"loss": "CrossEntropy", "optimizer": "Adam", "optimizer_settings": {"lr": 0.01}, "epochs": 2,)"
           R"( "batch_mode": "minibatch", "batch_size": 32, "seed": 3}})";
}
