// datasourcelist: the data list's entries (the bundled, synthetic, text and sequence sets, then the
// entries that open a file or a folder) and the description of "Which language is this word?".
#pragma once

#include <QString>

class QComboBox;
namespace nn {
struct DataSpec;
}

namespace datasourcelist {

// Adds every entry to `box`: its text, the source name (or DataSection::kChoose…) as its data,
// and a tooltip; Fashion-MNIST is disabled with the package to install when it is missing.
void fill(QComboBox *box);
// "Draw your own" is for a GAN project's generator to learn: enabled there (or while it is the
// source), disabled with a tooltip that says so elsewhere.
void enableDrawing(QComboBox *box, bool enabled);
// "Which language is this word? 400 words of each of 3 languages …", from the data settings.
QString wordsDescription(const nn::DataSpec &data);

} // namespace datasourcelist
