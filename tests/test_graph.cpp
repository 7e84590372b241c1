// The graph as a specification: edits keep it acyclic, shape inference reports on the right node,
// merges and residual connections run forward and backward, and the JSON form round-trips.
#include "everykindgraph.h"
#include "gradcheck.h"

#include "nn/error.h"
#include "nn/graph.h"
#include "nn/model.h"

#include <nlohmann/json.hpp>

#include <QtTest>

namespace {

// input[8] → dense(8) → add(input, dense) → out(2): a residual block.
nn::Graph residual()
{
    nn::Graph graph;
    const int input = graph.addNode("Input", "input");
    graph.node(input).settings.set("shape", std::vector<int64_t>{8});
    const int dense = graph.addNode("Dense", "dense");
    graph.node(dense).settings.set("units", int64_t{8});
    graph.node(dense).settings.set("activation", std::string("tanh"));
    const int add = graph.addNode("Add", "add");
    const int out = graph.addNode("Dense", "out");
    graph.node(out).settings.set("units", int64_t{2});
    graph.connect(input, dense);
    graph.connect(input, add, 0);
    graph.connect(dense, add, 1);
    graph.connect(add, out);
    return graph;
}

} // namespace

class TestGraph : public QObject {
    Q_OBJECT

private slots:
    void connectionsThatWouldMakeACycleAreRefused()
    {
        nn::Graph graph = residual();
        const int out = graph.findByName("out")->id;
        const int dense = graph.findByName("dense")->id;
        try {
            graph.connect(out, dense, 0);
            QFAIL("a cycle was accepted");
        } catch (const nn::Error &error) {
            QVERIFY2(QString(error.what()).contains("cycle"), error.what());
        }
        QVERIFY_THROWS_EXCEPTION(nn::Error, graph.connect(dense, dense, 0));
        QCOMPARE(graph.edges().size(), size_t(4));
    }

    void takenAndMissingPortsAreRefused()
    {
        nn::Graph graph = residual();
        const int input = graph.findByName("input")->id;
        const int dense = graph.findByName("dense")->id;
        QVERIFY_THROWS_EXCEPTION(nn::Error, graph.connect(input, dense, 0));  // taken
        QVERIFY_THROWS_EXCEPTION(nn::Error, graph.connect(input, dense, 1));  // Dense has one input
    }

    void topologicalOrderPutsInputsFirst()
    {
        const nn::Graph graph = residual();
        const std::vector<int> order = graph.topologicalOrder();
        QCOMPARE(order.size(), size_t(4));
        std::map<int, size_t> position;
        for (size_t i = 0; i < order.size(); ++i)
            position[order[i]] = i;
        for (const nn::Edge &edge : graph.edges())
            QVERIFY2(position[edge.from] < position[edge.to], "an edge points backwards in the order");
    }

    void shapeErrorsAppearOnTheRightNodeAndGoWhenFixed()
    {
        nn::Graph graph = residual();
        const int dense = graph.findByName("dense")->id;
        graph.node(dense).settings.set("units", int64_t{5});  // Add now gets [N, 8] and [N, 5]
        auto status = graph.inferShapes();
        QVERIFY(status.at(dense).ok());
        const nn::NodeStatus &add = status.at(graph.findByName("add")->id);
        QVERIFY2(!add.ok() && QString::fromStdString(add.error).contains("add"), add.error.c_str());
        QVERIFY(status.at(graph.findByName("out")->id).blockedUpstream);
        QVERIFY_THROWS_EXCEPTION(nn::ShapeError, graph.validate());
        graph.node(dense).settings.set("units", int64_t{8});
        status = graph.inferShapes();
        for (const auto &[id, node] : status)
            QVERIFY2(node.ok(), node.error.c_str());
        QCOMPARE(status.at(graph.findByName("out")->id).output(), (nn::Shape{nn::kBatch, 2}));
    }

    void unconnectedInputIsReported()
    {
        nn::Graph graph = residual();
        graph.disconnect(graph.findByName("add")->id, 1);
        const auto status = graph.inferShapes();
        const nn::NodeStatus &add = status.at(graph.findByName("add")->id);
        QVERIFY2(!add.ok() && QString::fromStdString(add.error).contains("connect"), add.error.c_str());
    }

    void residualModelGradientsMatchFiniteDifferences()
    {
        nn::Model model(residual(), 3);
        nn::Tensor x = gradcheck::randomTensor({3, 8}, 5);
        const nn::Tensor weights = gradcheck::randomTensor({3, 2}, 6);
        const nn::RunContext ctx{};
        const auto loss = [&]() -> double {
            const nn::Tensor &out = model.forward(x, ctx);
            double sum = 0.0;
            for (int64_t i = 0; i < out.size(); ++i)
                sum += double(out[i]) * weights[i];
            return sum;
        };
        model.forward(x, ctx);
        model.zeroGrad();
        model.backward(weights, ctx);
        for (const auto &named : model.parameters()) {
            const nn::Tensor analytic = named.parameter->grad;
            const std::string failure = gradcheck::compare(named.name, named.parameter->value, analytic, loss, {});
            QVERIFY2(failure.empty(), failure.c_str());
        }
    }

    // An edge names the output port it leaves from; files without ports read as port 0, and a port a
    // setting took away is a shape error on the node it fed, saying what to do.
    void edgesLeaveFromTheOutputPortTheyName()
    {
        nn::Graph graph;
        const int x = graph.addNode("Input", "x");
        graph.node(x).settings.set("shape", std::vector<int64_t>{9});
        const int split = graph.addNode("Split", "split");
        graph.node(split).settings.set("parts", int64_t{3});
        graph.connect(x, split);
        const int dense = graph.addNode("Dense", "dense");
        graph.connect(split, dense, 0, 2);
        QCOMPARE(graph.outputPortsOf(split), (std::vector<std::string>{"part1", "part2", "part3"}));
        QVERIFY_THROWS_EXCEPTION(nn::Error, graph.connect(split, graph.addNode("Dense", "d2"), 0, 3));

        const nlohmann::json json = graph.toJson();
        QCOMPARE(json["edges"][1]["from_port"].get<int>(), 2);
        QVERIFY(!json["edges"][0].contains("from_port"));  // port 0: as files without ports were
        const nn::Graph again = nn::Graph::fromJson(json);
        QCOMPARE(again.toJson().dump(), json.dump());
        QCOMPARE(again.inputEdgesOf(dense).at(0).fromPort, 2);
        QCOMPARE(again.inferShapes().at(split).output(2), (nn::Shape{nn::kBatch, 3}));

        graph.node(split).settings.set("parts", int64_t{2});
        graph.node(x).settings.set("shape", std::vector<int64_t>{8});
        const nn::NodeStatus status = graph.inferShapes().at(dense);
        QVERIFY2(!status.ok() && QString::fromStdString(status.error).contains("split has no output 2"),
                 status.error.c_str());
        graph.node(x).settings.set("shape", std::vector<int64_t>{7});
        const nn::NodeStatus uneven = graph.inferShapes().at(split);
        QVERIFY2(QString::fromStdString(uneven.error).contains("divides 7"), uneven.error.c_str());
    }

    void jsonRoundTripKeepsEverything()
    {
        nn::Graph graph = residual();
        graph.node(graph.findByName("add")->id).x = 120.5;
        const nlohmann::json json = graph.toJson();
        const nn::Graph again = nn::Graph::fromJson(json);
        QCOMPARE(again.toJson().dump(), json.dump());
        QCOMPARE(again.node(graph.findByName("add")->id).x, 120.5);
    }

    // info and the too-large check count from parameterShapes(); training allocates through build().
    void parameterCountsWithoutAllocatingMatchTheBuiltModel()
    {
        const nn::Graph graph = testgraphs::everyKindGraph();
        const auto counts = graph.parameterCounts(graph.inferShapes());
        nn::Model model(graph, 1);
        std::map<std::string, int64_t> built;
        for (const nn::NamedParameter &p : model.parameters())
            built[p.name.substr(0, p.name.find('.'))] += p.parameter->value.size();
        int64_t total = 0;
        for (const nn::Node &node : graph.nodes()) {
            QVERIFY2(counts.at(node.id) == built[node.name],
                     qPrintable(QString("%1 (%2): counted %3, built %4").arg(QString::fromStdString(node.name),
                                                                             QString::fromStdString(node.kind))
                                    .arg(counts.at(node.id)).arg(built[node.name])));
            total += counts.at(node.id);
        }
        QCOMPARE(total, model.parameterCount());
        QVERIFY(total > 0);
    }

    void removingANodeRemovesItsEdges()
    {
        nn::Graph graph = residual();
        graph.removeNode(graph.findByName("add")->id);
        QCOMPARE(graph.edges().size(), size_t(1));
        QCOMPARE(graph.outputNodes().size(), size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestGraph)
#include "test_graph.moc"
