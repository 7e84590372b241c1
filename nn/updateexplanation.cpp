// UpdateExplanation's small helpers.
#include "updateexplanation.h"

#include <cstdio>

namespace nn {

const UpdateTerm *UpdateExplanation::term(const std::string &symbol) const
{
    for (const UpdateTerm &t : terms)
        if (t.symbol == symbol)
            return &t;
    return nullptr;
}

void UpdateExplanation::add(std::string symbol, std::string meaning, double value)
{
    terms.push_back({std::move(symbol), std::move(meaning), value});
}

std::string formatNumber(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

} // namespace nn
