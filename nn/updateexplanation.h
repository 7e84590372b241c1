// UpdateExplanation: one weight's optimizer update spelled out with its numbers, for the backprop
// stepper: the state before and after and every term of the formula, computed by the optimizer itself.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace nn {

// One named number of an update: a hyper-parameter, a state buffer or an intermediate term.
struct UpdateTerm {
    std::string symbol;   // "m̂", "β1", "α"
    std::string meaning;  // "first moment after bias correction"
    double value = 0.0;
};

// What one step of an optimizer does to one element of one parameter. `after` and the state after
// come from running the optimizer's own update on that element (so they equal what step() writes);
// the other terms are the formula's intermediate values, for reading.
struct UpdateExplanation {
    std::string optimizer;  // "Adam"
    std::string parameter;  // the Parameter's name ("weight")
    int64_t element = 0;    // flat index into the parameter
    int64_t step = 0;       // t: 1 on the optimizer's first step
    bool frozen = false;    // a frozen parameter does not move
    float before = 0.0f;    // w
    float gradient = 0.0f;  // the gradient the step reads (after regularization and clipping)
    float after = 0.0f;     // w after the step
    std::vector<UpdateTerm> terms;
    std::vector<std::string> lines;  // the update, one assignment a line, numbers filled in

    // The term named `symbol`; nullptr when there is none.
    const UpdateTerm *term(const std::string &symbol) const;
    void add(std::string symbol, std::string meaning, double value);
};

// A number as the explanations print it: 6 significant digits ("0.000123457", "-1.5e-08").
std::string formatNumber(double value);

} // namespace nn
