#include "i18n/enginetext.h"

#include "datasets/datasets.h"

#include <QCoreApplication>

QString engineText(const std::string &text)
{
    return text.empty() ? QString() : QCoreApplication::translate("nn", text.c_str());
}

QString engineSettingLabel(const std::string &name)
{
    std::string label = name;
    for (char &c : label)
        if (c == '_')
            c = ' ';
    return engineText(label);
}

QString datasetDescription(const std::string &name)
{
    const std::string line = datasets::describe(name);
    return line.empty() ? QString() : QCoreApplication::translate("datasets", line.c_str());
}
