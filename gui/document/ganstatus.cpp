// A GAN project's frame checks, put on the nodes they concern.
#include "ganstatus.h"

#include <QCoreApplication>

#include <algorithm>
#include <vector>

namespace ganstatus {

namespace {

// The file's words, translated in the ganstatus context (lupdate reads GanStatusText::tr).
struct GanStatusText {
    Q_DECLARE_TR_FUNCTIONS(ganstatus)
};

QString shapeWithBatch(const nn::Shape &sample)
{
    nn::Shape shape{nn::kBatch};
    shape.insert(shape.end(), sample.begin(), sample.end());
    return QString::fromStdString(nn::toString(shape));
}

// The nodes of `network` among `ids`.
std::vector<int> ofNetwork(const nn::Graph &graph, const std::vector<int> &ids, const std::string &network)
{
    std::vector<int> kept;
    std::copy_if(ids.begin(), ids.end(), std::back_inserter(kept), [&](int id) { return graph.node(id).network == network; });
    return kept;
}

void setProblem(std::map<int, nn::NodeStatus> &status, int id, const QString &problem)
{
    nn::NodeStatus &node = status[id];
    if (!node.ok())
        return;  // its own shape error comes first
    node.error = problem.toStdString();
    node.blockedUpstream = false;
}

// G's output against the real-data node: the trainer hands G's samples to D's Input.
void checkSamples(const nn::Graph &graph, std::map<int, nn::NodeStatus> &status)
{
    const int made = outputOf(graph, "generator"), real = inputOf(graph, "discriminator");
    if (made < 0 || real < 0 || !status[made].ok() || !status[real].ok())
        return;
    const nn::Shape out = status[made].output(), in = status[real].output();
    if (out.empty() || in.empty())
        return;
    const nn::Shape sample(out.begin() + 1, out.end()), taken(in.begin() + 1, in.end());
    if (nn::elementCount(sample) == nn::elementCount(taken))
        return;
    const QString name = QString::fromStdString(graph.node(made).name);
    setProblem(status, made,
               GanStatusText::tr("Generator: %1 gives %2 but the real data is %3; make %1 give %4 values (%5 is the real-data node).")
                   .arg(name, shapeWithBatch(sample), shapeWithBatch(taken))
                   .arg(nn::elementCount(taken))
                   .arg(QString::fromStdString(graph.node(real).name)));
}

} // namespace

QString frameName(const std::string &network)
{
    if (network == "generator")
        return GanStatusText::tr("Generator");
    if (network == "discriminator")
        return GanStatusText::tr("Discriminator");
    return {};
}

int inputOf(const nn::Graph &graph, const std::string &network)
{
    const std::vector<int> inputs = ofNetwork(graph, graph.inputNodes(), network);
    return inputs.size() == 1 ? inputs.front() : -1;
}

int outputOf(const nn::Graph &graph, const std::string &network)
{
    const std::vector<int> outputs = ofNetwork(graph, graph.outputNodes(), network);
    return outputs.size() == 1 ? outputs.front() : -1;
}

void addProblems(const nn::Graph &graph, std::map<int, nn::NodeStatus> &status)
{
    for (const nn::Node &node : graph.nodes())
        if (node.network.empty())
            setProblem(status, node.id,
                       GanStatusText::tr("%1 is in neither frame; drag it into the Generator or the Discriminator frame.")
                           .arg(QString::fromStdString(node.name)));
    for (const nn::Edge &edge : graph.edges()) {
        const nn::Node &from = graph.node(edge.from), &to = graph.node(edge.to);
        if (from.network == to.network || from.network.empty() || to.network.empty())
            continue;
        setProblem(status, to.id,
                   GanStatusText::tr("%1: the wire from %2 comes from the %3 frame; G's samples reach D through the trainer, "
                         "not a wire. Delete the connection.")
                       .arg(frameName(to.network), QString::fromStdString(from.name), frameName(from.network)));
    }
    checkSamples(graph, status);
}

} // namespace ganstatus
