// The live views' class colours (Tableau 10), shared by the decision boundary, the confusion
// matrix and the data preview, so class 3 has the same colour everywhere.
#pragma once

#include <QColor>

namespace classcolors {

// Ten distinct hues; class k gets colour k mod 10.
QColor classColor(int classIndex);
// A blue-to-orange ramp for a regression target: t = 0 (lowest) … 1 (highest).
QColor valueColor(double t);

} // namespace classcolors
