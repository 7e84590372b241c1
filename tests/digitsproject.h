// The digits project of the window's tests: 8×8 images of 10 classes through Flatten → Dense(10),
// image data that needs no download, laid out top to bottom.
#pragma once

#include "nn/project.h"

#include <cstdint>
#include <vector>

inline nn::Project digitsProject(int epochs)
{
    nn::Project project;
    project.name = "digits";
    project.data.source = "digits";
    const int input = project.graph.addNode("Input", "input");
    project.graph.node(input).settings.set("shape", std::vector<int64_t>{1, 8, 8});
    const int flatten = project.graph.addNode("Flatten", "flatten");
    const int dense = project.graph.addNode("Dense", "output");
    project.graph.node(dense).settings.set("units", int64_t{10});
    project.graph.node(flatten).y = 120.0;
    project.graph.node(dense).y = 240.0;
    project.graph.connect(input, flatten);
    project.graph.connect(flatten, dense);
    project.training.loss = "CrossEntropy";
    project.training.optimizer = "Adam";
    project.training.optimizerSettings = {{"lr", 0.01}};
    project.training.epochs = epochs;
    return project;
}
