// engineText: the engine's words in the window's language. nn/ declares its layers', losses',
// optimizers' and project settings' summaries, names and help in English and without Qt; the
// window shows them through this, translated in the "nn" context of translations/*.ts.
// enginestrings.cpp lists them for lupdate; `layerlab-engine-strings --check` (a test) keeps that
// list equal to the registries.
#pragma once

#include <QString>

#include <string>

QString engineText(const std::string &text);
// datasets::describe(name) in the window's language ("" for a source that is not a named set).
QString datasetDescription(const std::string &name);
// A setting's name as a label: "kernel_size" → "kernel size", translated.
QString engineSettingLabel(const std::string &name);
