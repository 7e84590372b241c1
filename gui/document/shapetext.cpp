// Shape text for the canvas and the inspector.
#include "shapetext.h"

#include <QStringList>

QString shapeText(const nn::Shape &shape)
{
    QStringList dims;
    for (int64_t dim : shape)
        dims << (dim == nn::kBatch ? QStringLiteral("N") : QString::number(dim));
    return dims.join(QStringLiteral(" × "));
}
