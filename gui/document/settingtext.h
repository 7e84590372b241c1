// Setting values as text: for undo command names, the inspector's list editor and messages.
#pragma once

#include "nn/settings.h"

#include <QString>

#include <optional>
#include <vector>

// "32", "0.001", "relu", "on", "1, 28, 28".
QString settingText(const nn::SettingValue &value);

// "1, 28, 28", "[1, 28, 28]" or "1 28 28" → {1, 28, 28}; nullopt when a part is not a whole number.
std::optional<std::vector<int64_t>> parseIntegers(const QString &text);
