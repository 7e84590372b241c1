// Setting values written and read as text.
#include "settingtext.h"

#include <QObject>
#include <QRegularExpression>
#include <QStringList>

#include <type_traits>

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
                return QString::number(v, 'g', 6);
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
