// inputGradient: a backward for its input gradient alone, with the parameters frozen meanwhile.
#include "inputgradient.h"

namespace nn {

namespace {

// Freezes every parameter of a model while it lives, then gives each its own flag back.
class ParametersFrozenForInputGradient {
public:
    explicit ParametersFrozenForInputGradient(Model &model) : parameters_(model.parameterList())
    {
        for (Parameter *parameter : parameters_) {
            wasFrozen_.push_back(parameter->frozen);
            parameter->frozen = true;
        }
    }
    ~ParametersFrozenForInputGradient()
    {
        for (size_t i = 0; i < parameters_.size(); ++i)
            parameters_[i]->frozen = wasFrozen_[i];
    }
    ParametersFrozenForInputGradient(const ParametersFrozenForInputGradient &) = delete;
    ParametersFrozenForInputGradient &operator=(const ParametersFrozenForInputGradient &) = delete;

private:
    std::vector<Parameter *> parameters_;
    std::vector<char> wasFrozen_;
};

} // namespace

void inputGradient(const Model &model, Pass &pass, const std::vector<const Tensor *> &dOutputs)
{
    Model &running = const_cast<Model &>(model);  // see the header: no parameter's value or grad changes
    const ParametersFrozenForInputGradient frozen(running);
    running.backward(pass, dOutputs, true);
}

} // namespace nn
