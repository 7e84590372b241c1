#include "lessons/lessoncondition.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include <cmath>

namespace {

// The messages of a condition that does not parse.
struct ConditionText {
    Q_DECLARE_TR_FUNCTIONS(LessonReader)
};

const QStringList kMeasures = {QStringLiteral("loss"),     QStringLiteral("first_loss"),    QStringLiteral("val_loss"),
                               QStringLiteral("best_val_loss"), QStringLiteral("accuracy"), QStringLiteral("val_accuracy"),
                               QStringLiteral("steps"),    QStringLiteral("epochs"),   QStringLiteral("diverged")};
const QStringList kLayerMeasures = {QStringLiteral("grad/"), QStringLiteral("dead/"), QStringLiteral("saturated/")};

// "0.1*grad/hidden8", "dropout:val_loss", "0.5".
std::optional<LessonCondition::Term> parseTerm(const QString &text, QString *problem)
{
    LessonCondition::Term term;
    QString rest = text.trimmed();
    bool isNumber = false;
    const double number = rest.toDouble(&isNumber);
    if (isNumber) {
        term.factor = number;
        return term;
    }
    if (const qsizetype star = rest.indexOf(QLatin1Char('*')); star >= 0) {
        bool ok = false;
        term.factor = rest.left(star).trimmed().toDouble(&ok);
        if (!ok) {
            *problem = ConditionText::tr("'%1' is not a number times a measure").arg(text.trimmed());
            return std::nullopt;
        }
        rest = rest.mid(star + 1).trimmed();
    }
    if (const qsizetype colon = rest.indexOf(QLatin1Char(':')); colon >= 0) {
        term.run = rest.left(colon).trimmed();
        rest = rest.mid(colon + 1).trimmed();
    }
    if (!isKnownMeasure(rest)) {
        *problem = ConditionText::tr("'%1' is not a measure; use %2, or grad/, dead/ or saturated/ with a layer's name")
                       .arg(rest, kMeasures.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    term.measure = rest;
    return term;
}

std::optional<double> valueOf(const LessonCondition::Term &term, const RunMeasures &current,
                              const QHash<QString, RunMeasures> &named, QString *missing)
{
    if (term.measure.isEmpty())
        return term.factor;
    const RunMeasures *measures = &current;
    if (!term.run.isEmpty()) {
        const auto found = named.constFind(term.run);
        measures = found == named.constEnd() ? nullptr : &found.value();
    }
    const QString name = term.run.isEmpty() ? term.measure : term.run + QLatin1Char(':') + term.measure;
    if (!measures || !measures->contains(term.measure) || !std::isfinite(measures->value(term.measure))) {
        *missing = name;
        return std::nullopt;
    }
    return term.factor * measures->value(term.measure);
}

} // namespace

bool isKnownMeasure(const QString &measure)
{
    if (kMeasures.contains(measure))
        return true;
    for (const QString &prefix : kLayerMeasures)
        if (measure.startsWith(prefix) && measure.size() > prefix.size())
            return true;
    return false;
}

std::optional<LessonCondition> LessonCondition::parse(const QString &text, QString *problem)
{
    static const QRegularExpression comparison(QStringLiteral("^(.+?)\\s*(<=|>=|<|>)\\s*(.+)$"));
    const QRegularExpressionMatch match = comparison.match(text.trimmed());
    if (!match.hasMatch()) {
        *problem = ConditionText::tr("'%1' compares nothing: write A < B, A <= B, A > B or A >= B").arg(text.trimmed());
        return std::nullopt;
    }
    LessonCondition condition;
    condition.op = match.captured(2);
    const auto left = parseTerm(match.captured(1), problem);
    if (!left)
        return std::nullopt;
    const auto right = parseTerm(match.captured(3), problem);
    if (!right)
        return std::nullopt;
    condition.left = *left;
    condition.right = *right;
    return condition;
}

std::optional<bool> LessonCondition::holds(const RunMeasures &current, const QHash<QString, RunMeasures> &named,
                                           QString *missing) const
{
    const auto a = valueOf(left, current, named, missing);
    if (!a)
        return std::nullopt;
    const auto b = valueOf(right, current, named, missing);
    if (!b)
        return std::nullopt;
    if (op == QStringLiteral("<"))
        return *a < *b;
    if (op == QStringLiteral("<="))
        return *a <= *b;
    if (op == QStringLiteral(">"))
        return *a > *b;
    return *a >= *b;
}
