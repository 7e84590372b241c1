// libFuzzer target: a project file's text (nn::projectFromText), then what opening it in the window
// does with it (shape inference and parameter counts), and saving it: what was saved must reopen to
// the same text, since a project that opens but cannot be saved and reopened is lost work.
#include "fuzzcheck.h"

#include "nn/project.h"

#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    nn::Project project;
    if (!fuzz::loadsOrExplains([&] { project = nn::projectFromText(text, "fuzz.layerlab.json"); }))
        return 0;
    fuzz::loadsOrExplains([&] { project.graph.parameterCounts(project.graph.inferShapes()); });
    const std::string saved = nn::projectToText(project);
    const std::string savedAgain = nn::projectToText(nn::projectFromText(saved, "fuzz.layerlab.json"));
    fuzz::require(saved == savedAgain, "saving the reopened project gave different text");
    return 0;
}
