// The data subcommand: loads a project's data as datasets::Experiment does (same seed, so the same
// split and vocabulary) and writes every split's samples, gathered as the trainer gathers them.
#include "datacommand.h"

#include "datasets/datasets.h"
#include "datasets/experiment.h"
#include "nn/atomicfile.h"
#include "nn/project.h"

#include <filesystem>
#include <numeric>
#include <sstream>

namespace cli {

namespace {

// "x1,…,xF,y1,…,yK" for a sample of `features` inputs and `targets` targets.
std::string dataHeader(int64_t features, int64_t targets)
{
    std::string header = "split";
    for (int64_t f = 1; f <= features; ++f)
        header += ",x" + std::to_string(f);
    for (int64_t k = 1; k <= targets; ++k)
        header += ",y" + std::to_string(k);
    return header + "\n";
}

// Every sample of `source` as "name,x…,y…" lines; floats written so that they read back exactly.
void writeSplit(std::ostringstream &out, const char *name, const nn::BatchSource *source)
{
    if (!source || source->size() == 0)
        return;
    std::vector<int64_t> rows(static_cast<size_t>(source->size()));
    std::iota(rows.begin(), rows.end(), int64_t{0});
    nn::Tensor x, y;
    source->gather(rows, x, y);
    const int64_t features = x.size() / source->size(), targets = y.size() / source->size();
    for (int64_t i = 0; i < source->size(); ++i) {
        out << name;
        for (int64_t f = 0; f < features; ++f)
            out << ',' << x[i * features + f];
        for (int64_t k = 0; k < targets; ++k)
            out << ',' << y[i * targets + k];
        out << '\n';
    }
}

} // namespace

int writeData(const DataOptions &options)
{
    const std::string path = datasets::resolveProjectPath(options.project);
    const nn::Project project = nn::loadProject(path);
    const datasets::LoadedData data = datasets::load(project.data, project.training.seed, {datasets::inputSampleShape(project.graph), {}});
    const nn::Shape sample = data.train->sampleShape(), target = data.train->targetShape();
    std::ostringstream out;
    out.precision(9);  // enough digits for any float to read back as itself
    out << dataHeader(nn::elementCount(sample), nn::elementCount(target));
    writeSplit(out, "train", data.train.get());
    writeSplit(out, "validation", data.validation.get());
    writeSplit(out, "test", data.test.get());
    std::string file = options.out;
    if (file.empty()) {
        std::string name = std::filesystem::path(path).filename().string();
        name = name.substr(0, name.find('.'));
        file = name + "-data.csv";
    }
    nn::writeFileAtomically(file, out.str());
    std::printf("Wrote %s: %lld training, %lld validation, %lld test samples of %s\n", file.c_str(),
                static_cast<long long>(data.train->size()),
                static_cast<long long>(data.validation ? data.validation->size() : 0),
                static_cast<long long>(data.test ? data.test->size() : 0), data.info.description.c_str());
    return 0;
}

} // namespace cli
