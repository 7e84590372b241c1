// Metrics against values worked out by hand.
#include "nn/error.h"
#include "nn/metrics.h"

#include <QtTest>

class TestMetrics : public QObject {
    Q_OBJECT

private slots:
    void confusionPrecisionRecallAndF1()
    {
        // Truth 0,0,1,1,2,2; predicted 0,1,1,1,2,0 (argmax of one-hot scores).
        const int predicted[] = {0, 1, 1, 1, 2, 0};
        nn::Tensor scores({6, 3});
        for (int i = 0; i < 6; ++i)
            scores[i * 3 + predicted[i]] = 1.0f;
        nn::MetricsAccumulator metrics(3);
        metrics.add(scores, nn::Tensor({6}, {0, 0, 1, 1, 2, 2}));
        const nn::ClassificationMetrics m = metrics.classification();
        QCOMPARE(m.accuracy, 4.0 / 6.0);
        QCOMPARE(m.confusion, (std::vector<std::vector<int64_t>>{{1, 1, 0}, {0, 2, 0}, {1, 0, 1}}));
        QCOMPARE(m.precision[0], 0.5);
        QCOMPARE(m.recall[0], 0.5);
        QCOMPARE(m.precision[1], 2.0 / 3.0);
        QCOMPARE(m.recall[1], 1.0);
        QCOMPARE(m.f1[1], 0.8);
        QCOMPARE(m.precision[2], 1.0);
        QCOMPARE(m.recall[2], 0.5);
        QVERIFY(qFuzzyCompare(m.macroF1, (0.5 + 0.8 + 2.0 / 3.0) / 3.0));
    }

    void singleLogitColumnMeansTwoClasses()
    {
        nn::MetricsAccumulator metrics(2);
        metrics.add(nn::Tensor({4, 1}, {-2, 3, 0.5f, -0.1f}), nn::Tensor({4}, {0, 1, 0, 0}));
        QCOMPARE(metrics.classification().accuracy, 0.75);
    }

    void regressionMaeAndR2()
    {
        nn::MetricsAccumulator metrics(0);
        metrics.add(nn::Tensor({4, 1}, {1, 2, 3, 5}), nn::Tensor({4, 1}, {1, 2, 3, 4}));
        const nn::RegressionMetrics m = metrics.regression();
        QCOMPARE(m.mae, 0.25);
        // Σ(y−ȳ)² = 5, Σe² = 1 → R² = 0.8
        QVERIFY(qFuzzyCompare(m.r2, 0.8));
    }

    void outOfRangeTargetIsNamed()
    {
        nn::MetricsAccumulator metrics(3);
        QVERIFY_THROWS_EXCEPTION(nn::Error, metrics.add(nn::Tensor({1, 3}), nn::Tensor({1}, {5})));
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "test_metrics.moc"
