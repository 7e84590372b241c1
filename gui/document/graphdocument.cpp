// The editable project: graph edits by id, their signals, and shape inference after each one.
#include "graphdocument.h"

#include "ganstatus.h"
#include "graphfragment.h"

#include "nn/gangraph.h"

#include "nn/error.h"
#include "nn/registry.h"

#include <QFileInfo>
#include <QUndoStack>

#include <algorithm>
#include <cctype>
#include <tuple>

namespace {

// The order the document keeps edges in: by the input they feed.
bool feedsEarlierInput(const nn::Edge &a, const nn::Edge &b)
{
    return std::tie(a.to, a.port) < std::tie(b.to, b.port);
}

} // namespace

QString GraphDocument::projectNameFor(const QString &path)
{
    QString name = QFileInfo(path).fileName();
    const QString suffix = QStringLiteral(".layerlab.json");
    if (name.endsWith(suffix))
        return name.chopped(suffix.size());
    return QFileInfo(path).completeBaseName();
}

GraphDocument::GraphDocument(QObject *parent) : QObject(parent), undoStack_(new QUndoStack(this))
{
    connect(undoStack_, &QUndoStack::cleanChanged, this, [this] { emit modifiedChanged(isModified()); });
}

void GraphDocument::setProject(nn::Project project, const QString &filePath)
{
    undoStack_->clear();
    weightsUnsaved_ = false;
    project_ = std::move(project);
    filePath_ = filePath;
    sortEdges();
    updateShapes();
    undoStack_->setClean();
    emit projectReset();
    emit shapesChanged();
    emit filePathChanged(filePath_);
    emit modifiedChanged(false);
}

void GraphDocument::setFilePath(const QString &path)
{
    filePath_ = path;
    project_.name = projectNameFor(path).toStdString();
    emit filePathChanged(filePath_);
}

void GraphDocument::setData(const nn::DataSpec &data)
{
    project_.data = data;
    emit dataChanged();
}

void GraphDocument::setTraining(const nn::TrainingConfig &training)
{
    project_.training = training;
    emit trainingChanged();
}

void GraphDocument::setGan(const std::optional<nn::GanConfig> &gan)
{
    project_.gan = gan;
    updateShapes();
    emit ganChanged();
    emit shapesChanged();
}

bool GraphDocument::isModified() const
{
    return weightsUnsaved_ || !undoStack_->isClean();
}

void GraphDocument::markSaved()
{
    const bool wasModified = isModified();
    weightsUnsaved_ = false;
    undoStack_->setClean();
    if (wasModified && !isModified())
        emit modifiedChanged(false);
}

void GraphDocument::setWeightsUnsaved()
{
    if (weightsUnsaved_)
        return;
    const bool wasModified = isModified();
    weightsUnsaved_ = true;
    if (!wasModified)
        emit modifiedChanged(true);
}

const nn::NodeStatus &GraphDocument::status(int id) const
{
    static const nn::NodeStatus unknown;
    const auto at = status_.find(id);
    return at == status_.end() ? unknown : at->second;
}

bool GraphDocument::waitsForInput(int id) const
{
    if (status(id).blockedUpstream)
        return true;
    const std::vector<int> inputs = graph().inputsOf(id);
    const auto connected = std::count_if(inputs.begin(), inputs.end(), [](int input) { return input >= 0; });
    const nn::LayerSpec &spec = nn::layerRegistry().spec(graph().node(id).kind);
    return connected < spec.minInputs || connected != static_cast<long>(inputs.size());
}

int GraphDocument::visibleInputPorts(int id) const
{
    const nn::LayerSpec &spec = nn::layerRegistry().spec(graph().node(id).kind);
    if (spec.maxInputs != nn::LayerSpec::kAnyInputs)
        return spec.maxInputs;
    const int used = static_cast<int>(graph().inputsOf(id).size());
    return std::max(spec.minInputs, used + 1);
}

int GraphDocument::addNode(const std::string &kind, QPointF position, const std::string &network)
{
    nn::Node node;
    node.id = graph().nextId();
    node.kind = kind;
    node.settings = nn::Settings(nn::layerRegistry().spec(kind));
    std::string stem = kind;
    std::transform(stem.begin(), stem.end(), stem.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    node.name = graph().uniqueName(stem);
    node.x = position.x();
    node.y = position.y();
    node.network = network;
    project_.graph.insertNode(std::move(node));
    updateShapes();
    emit nodeAdded(graph().nodes().back().id);
    emit shapesChanged();
    return graph().nodes().back().id;
}

void GraphDocument::removeNode(int id)
{
    std::vector<nn::Edge> touching;
    for (const nn::Edge &edge : graph().edges())
        if (edge.from == id || edge.to == id)
            touching.push_back(edge);
    project_.graph.removeNode(id);
    updateShapes();
    for (const nn::Edge &edge : touching)
        emit edgeRemoved(edge.from, edge.to, edge.port);
    emit nodeRemoved(id);
    emit shapesChanged();
}

void GraphDocument::moveNode(int id, QPointF position)
{
    nn::Node &node = project_.graph.node(id);
    node.x = position.x();
    node.y = position.y();
    emit nodeMoved(id);
}

void GraphDocument::renameNode(int id, const std::string &name)
{
    if (const QString problem = renameProblem(id, name); !problem.isEmpty())
        throw nn::Error(problem.toStdString());
    project_.graph.node(id).name = name;
    updateShapes();  // messages name the node
    emit nodeChanged(id);
    emit shapesChanged();
}

void GraphDocument::setNetwork(int id, const std::string &network)
{
    project_.graph.node(id).network = network;
    updateShapes();
    emit nodeChanged(id);
    emit shapesChanged();
}

void GraphDocument::setSetting(int id, const std::string &setting, const nn::SettingValue &value)
{
    project_.graph.node(id).settings.set(setting, value);
    updateShapes();
    emit nodeChanged(id);
    emit shapesChanged();
}

void GraphDocument::connectPorts(const nn::Edge &edge)
{
    connectInOrder(edge);
    updateShapes();
    emit edgeAdded(edge.from, edge.to, edge.port);
    emit shapesChanged();
}

void GraphDocument::disconnectPort(int to, int port)
{
    const auto &edges = graph().edges();
    const auto at = std::find_if(edges.begin(), edges.end(), [&](const nn::Edge &e) { return e.to == to && e.port == port; });
    if (at == edges.end())
        return;
    const nn::Edge edge = *at;
    project_.graph.disconnect(to, port);
    updateShapes();
    emit edgeRemoved(edge.from, edge.to, edge.port);
    emit shapesChanged();
}

QString GraphDocument::connectionProblem(const nn::Edge &edge) const
{
    if (!graph().contains(edge.from) || !graph().contains(edge.to))
        return tr("Connection refused: that layer no longer exists.");
    const nn::Node &target = graph().node(edge.to);
    const nn::LayerSpec &spec = nn::layerRegistry().spec(target.kind);
    if (spec.maxInputs == 0)
        return tr("Connection refused: %1 is an Input; data enters there, nothing feeds it.")
            .arg(QString::fromStdString(target.name));
    if (edge.port < 0 || edge.port >= spec.maxInputs)
        return tr("Connection refused: %1 has no input %2.").arg(QString::fromStdString(target.name)).arg(edge.port);
    if (edge.fromPort < 0 || edge.fromPort >= static_cast<int>(graph().outputPortsOf(edge.from).size()))
        return tr("Connection refused: %1 has no output %2.")
            .arg(QString::fromStdString(graph().node(edge.from).name))
            .arg(edge.fromPort);
    if (edge.from == edge.to || graph().wouldCreateCycle(edge.from, edge.to))
        return tr("Connection refused: it would create a cycle; a network flows one way, from inputs to outputs.");
    const auto &edges = graph().edges();
    if (std::find(edges.begin(), edges.end(), edge) != edges.end())
        return tr("These layers are already connected.");
    return {};
}

QString GraphDocument::renameProblem(int id, const std::string &name) const
{
    if (name.empty())
        return tr("A layer needs a name.");
    if (name.find('.') != std::string::npos)
        return tr("A layer name cannot contain a dot: its weights are saved as \"name.weight\".");
    const nn::Node *other = graph().findByName(name);
    if (other && other->id != id)
        return tr("The name %1 is already used by another layer; pick another.").arg(QString::fromStdString(name));
    return {};
}

QString GraphDocument::settingProblem(int id, const std::string &setting, const nn::SettingValue &value) const
{
    nn::Settings trial = graph().node(id).settings;
    try {
        trial.set(setting, value);
    } catch (const nn::Error &error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

std::vector<int> GraphDocument::insertFragment(const nlohmann::json &fragment)
{
    const std::vector<nn::Node> nodes = graphfragment::nodesOf(fragment);
    const std::vector<nn::Edge> edges = graphfragment::edgesOf(fragment);
    std::vector<int> ids;
    for (const nn::Node &node : nodes) {
        project_.graph.insertNode(node);
        ids.push_back(node.id);
    }
    for (const nn::Edge &edge : edges)
        connectInOrder(edge);
    updateShapes();
    for (int id : ids)
        emit nodeAdded(id);
    for (const nn::Edge &edge : edges)
        emit edgeAdded(edge.from, edge.to, edge.port);
    emit shapesChanged();
    return ids;
}

// Keeps the edge list sorted by the input each edge feeds, so that the saved JSON depends only
// on the network and not on the order of edits: undo then gives back the very same file.
// Graph::connect appends, so the edges that sort after the new one are taken off and put back.
void GraphDocument::connectInOrder(const nn::Edge &edge)
{
    if (const QString problem = connectionProblem(edge); !problem.isEmpty())
        throw nn::Error(problem.toStdString());
    std::vector<nn::Edge> later;
    for (const nn::Edge &e : graph().edges())
        if (feedsEarlierInput(edge, e))
            later.push_back(e);
    for (const nn::Edge &e : later)
        project_.graph.disconnect(e.to, e.port);
    project_.graph.connect(edge.from, edge.to, edge.port, edge.fromPort);
    for (const nn::Edge &e : later)
        project_.graph.connect(e.from, e.to, e.port, e.fromPort);
}

void GraphDocument::sortEdges()
{
    std::vector<nn::Edge> edges = graph().edges();
    if (std::is_sorted(edges.begin(), edges.end(), feedsEarlierInput))
        return;
    for (const nn::Edge &e : edges)
        project_.graph.disconnect(e.to, e.port);
    std::sort(edges.begin(), edges.end(), feedsEarlierInput);
    for (const nn::Edge &e : edges)
        project_.graph.connect(e.from, e.to, e.port, e.fromPort);
}

void GraphDocument::updateShapes()
{
    status_ = graph().inferShapes();
    if (project_.gan || nn::isGanGraph(graph()))
        ganstatus::addProblems(graph(), status_);
}
