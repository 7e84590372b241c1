// TokenDecoder: turns the ids a sequence model reads and the classes it predicts back into the
// text a student reads, with the vocabulary and class names of the project's data.
#pragma once

#include "nn/taps.h"

#include <QString>
#include <QStringList>

namespace datasets {
struct DataInfo;
}

// Empty (ids and classes shown as numbers) until the data's names arrive.
class TokenDecoder {
public:
    TokenDecoder() = default;
    TokenDecoder(QStringList vocabulary, QStringList classNames);
    static TokenDecoder of(const datasets::DataInfo &info);

    // The token of input id `id` (a space as "␣"; the number itself without a vocabulary).
    QString token(float id) const;
    // The name of class `index` (its number without names).
    QString className(int index) const;

    // The tokens of the record's sample, read from its first Input node: one per step, cut before
    // the padding (ids 0 at the end); step numbers 1…T when the input is not ids [T].
    QStringList sampleTokens(const nn::TapRecord &record) const;

private:
    static QString readable(const QString &text);

    QStringList vocabulary_;
    QStringList classNames_;
};
