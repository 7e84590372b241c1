// Ids and classes to readable text for the sequence views.
#include "views/inside/tokendecoder.h"

#include "datasets/datainfo.h"

#include <cmath>

namespace {

QStringList listOf(const std::vector<std::string> &names)
{
    QStringList list;
    for (const std::string &name : names)
        list << QString::fromStdString(name);
    return list;
}

} // namespace

TokenDecoder::TokenDecoder(QStringList vocabulary, QStringList classNames)
    : vocabulary_(std::move(vocabulary)), classNames_(std::move(classNames))
{
}

TokenDecoder TokenDecoder::of(const datasets::DataInfo &info)
{
    return {listOf(info.vocabulary), listOf(info.classNames)};
}

QString TokenDecoder::readable(const QString &text)
{
    QString shown = text;
    shown.replace(QLatin1Char(' '), QStringLiteral("␣")).replace(QLatin1Char('\n'), QStringLiteral("↵"));
    return shown;
}

QString TokenDecoder::token(float id) const
{
    const long index = std::lround(id);
    if (index >= 0 && index < vocabulary_.size())
        return readable(vocabulary_[index]);
    return QString::number(index);
}

QString TokenDecoder::className(int index) const
{
    return index >= 0 && index < classNames_.size() ? readable(classNames_[index]) : QString::number(index);
}

QStringList TokenDecoder::sampleTokens(const nn::TapRecord &record) const
{
    for (const nn::NodeTap &node : record.nodes) {
        if (node.kind != "Input")
            continue;
        const nn::Tensor &ids = node.sampleActivation;
        QStringList tokens;
        if (ids.rank() == 1) {
            int64_t length = ids.size();
            while (length > 1 && std::lround(ids[length - 1]) == 0)
                --length;
            for (int64_t t = 0; t < length; ++t)
                tokens << token(ids[t]);
        } else if (ids.rank() == 2) {
            for (int64_t t = 0; t < ids.dim(0); ++t)
                tokens << QString::number(t + 1);
        }
        return tokens;
    }
    return {};
}
