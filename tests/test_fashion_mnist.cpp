// The Fashion-MNIST MLP example learns: one epoch reaches at least 84% test accuracy.
#include "datasets/experiment.h"
#include "nn/project.h"

#include <QtTest>

class TestFashionMnist : public QObject {
    Q_OBJECT

private slots:
    void mlpReachesEightyFourPercentAfterOneEpoch()
    {
        nn::Project project = nn::loadProject(datasets::resolveProjectPath("fashion-mnist-mlp"));
        project.training.epochs = 1;
        datasets::Experiment experiment(project);
        auto trainer = experiment.makeTrainer();
        trainer->run();
        const double accuracy = trainer->evaluate(experiment.split("test")).classification->accuracy;
        qInfo("Fashion-MNIST MLP test accuracy after one epoch: %.2f%%", 100.0 * accuracy);
        QVERIFY2(accuracy >= 0.84, qPrintable(QString("test accuracy %1 < 0.84").arg(accuracy)));
    }
};

QTEST_GUILESS_MAIN(TestFashionMnist)
#include "test_fashion_mnist.moc"
