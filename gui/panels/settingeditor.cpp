// Editors for declared settings, one per setting type.
#include "settingeditor.h"

#include "document/settingtext.h"
#include "i18n/enginetext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDoubleValidator>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <climits>
#include <cmath>

namespace {

using Type = nn::SettingSpec::Type;

// The value whose scale sets the editor's notation, decimals and step: the typical value where
// the declaration gives one (L2: 1e-4, though off by default), else the default.
double scaleValue(const nn::SettingSpec &spec)
{
    return spec.typical.value_or(std::get<double>(spec.defaultValue));
}

// Reals too small for a spin box's fixed decimals (1e-5, 3e-4) get a line edit taking 1e-5 notation.
bool needsScientific(const nn::SettingSpec &spec)
{
    const double value = std::abs(scaleValue(spec));
    return (value > 0.0 && value < 1e-3) || (spec.min > 0.0 && spec.min < 1e-3);
}

// Decimals that show that value exactly, at least 2.
int decimalsFor(double value)
{
    int decimals = 2;
    while (decimals < 6 && std::abs(value * std::pow(10.0, decimals) - std::round(value * std::pow(10.0, decimals))) > 1e-9)
        ++decimals;
    return decimals;
}

// A step of that value's own order of magnitude: 0.1 for 0.5, 0.01 for 0.01, 0.1 for 1.
double stepFor(double value, int decimals)
{
    if (value == 0.0)
        return std::pow(10.0, -decimals);
    const double magnitude = std::pow(10.0, std::floor(std::log10(std::abs(value))));
    return std::abs(value) >= 1.0 ? magnitude / 10.0 : magnitude;
}

int clampedInt(double value)
{
    return static_cast<int>(std::clamp(value, double(INT_MIN), double(INT_MAX)));
}

} // namespace

SettingEditor::SettingEditor(const nn::SettingSpec &spec, QWidget *parent) : QWidget(parent), spec_(spec)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    control_ = makeControl();
    control_->setToolTip(engineText(spec_.help));
    layout->addWidget(control_);

    help_ = new QLabel(engineText(spec_.help));
    help_->setWordWrap(true);
    help_->setStyleSheet(QStringLiteral("color: #6b7280; font-size: 90%;"));
    help_->setVisible(!spec_.help.empty());
    layout->addWidget(help_);

    problem_ = new QLabel;
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #d03b3b;"));
    problem_->hide();
    layout->addWidget(problem_);
    setValue(spec_.defaultValue);
}

QWidget *SettingEditor::makeControl()
{
    switch (spec_.type) {
    case Type::Bool: {
        auto *box = new QCheckBox(tr("On"));
        connect(box, &QCheckBox::toggled, this, [this](bool on) { emit edited(on); });
        return box;
    }
    case Type::Int:
        return makeIntegerControl();
    case Type::Float:
        return makeRealControl();
    case Type::Choice:
        return makeChoiceControl();
    case Type::IntList:
        return makeListControl();
    }
    return new QWidget;
}

QWidget *SettingEditor::makeIntegerControl()
{
    auto *box = new QSpinBox;
    box->setRange(clampedInt(spec_.min), clampedInt(spec_.max));
    box->setKeyboardTracking(false);  // one edit per Enter or focus change, not per keystroke
    box->setAccelerated(true);
    connect(box, &QSpinBox::valueChanged, this, [this](int value) { emit edited(int64_t{value}); });
    return box;
}

QWidget *SettingEditor::makeRealControl()
{
    if (needsScientific(spec_)) {
        auto *line = new QLineEdit;
        auto *validator = new QDoubleValidator(spec_.min, spec_.max, 12, line);
        validator->setNotation(QDoubleValidator::ScientificNotation);
        validator->setLocale(QLocale::c());
        line->setValidator(validator);
        connect(line, &QLineEdit::editingFinished, this, [this, line] { reportText(line->text()); });
        return line;
    }
    auto *box = new QDoubleSpinBox;
    const int decimals = decimalsFor(scaleValue(spec_));
    box->setDecimals(decimals);
    box->setRange(spec_.min, spec_.max);
    box->setSingleStep(stepFor(scaleValue(spec_), decimals));
    box->setKeyboardTracking(false);
    connect(box, &QDoubleSpinBox::valueChanged, this, [this](double value) { emit edited(value); });
    return box;
}

QWidget *SettingEditor::makeChoiceControl()
{
    auto *box = new QComboBox;
    for (const std::string &choice : spec_.choices)
        box->addItem(QString::fromStdString(choice));
    connect(box, &QComboBox::currentTextChanged, this,
            [this](const QString &text) { emit edited(text.toStdString()); });
    return box;
}

QWidget *SettingEditor::makeListControl()
{
    auto *line = new QLineEdit;
    line->setPlaceholderText(tr("for example 1, 28, 28"));
    connect(line, &QLineEdit::editingFinished, this, [this, line] { reportText(line->text()); });
    return line;
}

// A line edit's text as a value: a real, or a list of whole numbers.
void SettingEditor::reportText(const QString &text)
{
    if (spec_.type == Type::Float) {
        bool ok = false;
        const double value = QLocale::c().toDouble(text.trimmed(), &ok);
        if (ok)
            emit edited(value);
        else
            showProblem(tr("Write a number such as 0.001 or 1e-5."));
        return;
    }
    if (const auto values = parseIntegers(text))
        emit edited(*values);
    else
        showProblem(tr("Write whole numbers separated by commas, such as 1, 28, 28."));
}

void SettingEditor::setValue(const nn::SettingValue &value)
{
    const QSignalBlocker blocker(control_);
    if (auto *box = qobject_cast<QCheckBox *>(control_))
        box->setChecked(std::get<bool>(value));
    else if (auto *spin = qobject_cast<QSpinBox *>(control_))
        spin->setValue(clampedInt(double(std::get<int64_t>(value))));
    else if (auto *real = qobject_cast<QDoubleSpinBox *>(control_))
        real->setValue(std::get<double>(value));
    else if (auto *combo = qobject_cast<QComboBox *>(control_))
        combo->setCurrentText(QString::fromStdString(std::get<std::string>(value)));
    else if (auto *line = qobject_cast<QLineEdit *>(control_))
        line->setText(settingText(value));
    showProblem({});
}

void SettingEditor::showProblem(const QString &problem)
{
    problem_->setText(problem);
    problem_->setVisible(!problem.isEmpty());
}

void SettingEditor::setHelpVisible(bool visible)
{
    help_->setVisible(visible && !spec_.help.empty());
}

QString SettingEditor::problem() const
{
    return problem_->isHidden() ? QString() : problem_->text();
}
