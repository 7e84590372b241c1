// Setting values written and read as text.
#include "settingtext.h"

#include <QObject>
#include <QRegularExpression>
#include <QStringList>

#include <type_traits>

namespace {

// 0.001, 0.5, 1e-5 (not 1e-05): the shortest form a person would type.
QString realText(double value)
{
    QString text = QString::number(value, 'g', 8);
    static const QRegularExpression exponent(QStringLiteral("e([+-])0*(\\d)"));
    text.replace(exponent, QStringLiteral("e\\1\\2"));
    return text.replace(QStringLiteral("e+"), QStringLiteral("e"));
}

} // namespace

QString settingText(const nn::SettingValue &value)
{
    return std::visit(
        [](const auto &v) -> QString {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, bool>)
                return v ? QObject::tr("on") : QObject::tr("off");
            else if constexpr (std::is_same_v<T, int64_t>)
                return QString::number(v);
            else if constexpr (std::is_same_v<T, double>)
                return realText(v);
            else if constexpr (std::is_same_v<T, std::string>)
                return QString::fromStdString(v);
            else {
                QStringList parts;
                for (int64_t element : v)
                    parts << QString::number(element);
                return parts.join(QStringLiteral(", "));
            }
        },
        value);
}

std::optional<std::vector<int64_t>> parseIntegers(const QString &text)
{
    QString inner = text.trimmed();
    if (inner.startsWith(QLatin1Char('[')) && inner.endsWith(QLatin1Char(']')))
        inner = inner.mid(1, inner.size() - 2);
    static const QRegularExpression separators(QStringLiteral("[,\\s×x]+"));
    std::vector<int64_t> values;
    for (const QString &part : inner.split(separators, Qt::SkipEmptyParts)) {
        bool ok = false;
        const qlonglong value = part.toLongLong(&ok);
        if (!ok)
            return std::nullopt;
        values.push_back(value);
    }
    return values;
}
