// libFuzzer target: a run state file (nn::loadRunState) for a small fixed network, then continued
// by a trainer (Trainer::continueFrom), which checks the position, and one training step from it.
#include "fuzzcheck.h"
#include "memoryfile.h"

#include "nn/graph.h"
#include "nn/model.h"
#include "nn/runstate.h"
#include "nn/trainer.h"

#include <cstdint>

namespace {

// Eight samples of four features and three classes: enough for a step.
class TinyData : public nn::BatchSource {
public:
    int64_t size() const override { return 8; }
    nn::Shape sampleShape() const override { return {4}; }
    nn::Shape targetShape() const override { return {}; }
    void gather(std::span<const int64_t> indices, nn::Tensor &x, nn::Tensor &y) const override
    {
        const auto n = static_cast<int64_t>(indices.size());
        x = nn::Tensor({n, 4});
        y = nn::Tensor({n});
        for (int64_t i = 0; i < n; ++i) {
            for (int64_t f = 0; f < 4; ++f)
                x[i * 4 + f] = float(indices[size_t(i)] + f) / 8.0f;
            y[i] = float(indices[size_t(i)] % 3);
        }
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static fuzz::MemoryFile file;
    static const TinyData tiny;
    file.assign(data, size);
    // The network of make_corpus.py's seeds: its parameter names are those the seeds hold.
    nn::Model model(nn::Graph::chain({{"Input", {{"shape", {4}}}},
                                      {"Dense", {{"units", 5}}},
                                      {"BatchNorm", nlohmann::json::object()},
                                      {"Dense", {{"units", 3}}}}),
                    1);
    nn::RunState state;
    if (!fuzz::loadsOrExplains([&] { state = nn::loadRunState(model, file.path()); }))
        return 0;
    nn::TrainingConfig config = state.config;
    config.threads = 1;
    config.epochs = 2;
    fuzz::loadsOrExplains([&] {
        nn::Trainer trainer(model, config, tiny, nullptr, 3);
        trainer.continueFrom(state);
        trainer.step();
    });
    return 0;
}
