// How the canvas and the inspector write tensor shapes: "N × 32 × 26 × 26".
#pragma once

#include "nn/tensor.h"

#include <QString>

// Dims joined by " × ", the batch dim shown as N; empty for an unknown shape.
QString shapeText(const nn::Shape &shape);
