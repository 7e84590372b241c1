// layerColor: one colour per layer on a sequential ramp (viridis), dark at the input and yellow at
// the output, so the order of the lines reads as the order of the layers.
#pragma once

#include <QColor>

// The colour of layer `index` of `count` (0: nearest the input).
QColor layerColor(int index, int count);
