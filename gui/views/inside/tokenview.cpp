// The per-token tab: what the output node predicts at each step of the sample, and its loss there.
#include "views/inside/tokenview.h"

#include "views/inside/tokenstrip.h"

#include <QVBoxLayout>

#include <cmath>

TokenView::TokenView(QWidget *parent)
    : SequenceTab(QStringLiteral("tokens"), TokenView::tr("This network answers at every step of the sequence: a language "
                     "model predicts the next token, a copy or reverse task the token to write there. Each column is "
                     "one step of one sample of the batch just trained: the token the network <i>read</i>, the token "
                     "it <i>predicted</i> (the class with the largest score; green when it equals the target, red when "
                     "not), and the <i>target</i>. The bars are each step's loss, −log of the probability the network "
                     "gave the target: tall bars are the steps it finds hard. Early steps of a language model are hard "
                     "(little context); watch the bars shrink as it learns."),
                  {},
                  TokenView::tr("No predictions yet: train a network whose output has a class for every step ([N, T, K], for "
                     "example a character language model) and they appear here."),
                  parent),
      strip_(new TokenStrip)
{
    content()->addWidget(strip_, 0, Qt::AlignLeft);
    strip_->hide();
}

bool TokenView::shows(const nn::TapRecord &record) const
{
    return !record.stepLosses.empty();
}

bool TokenView::draw(const nn::TapRecord &record)
{
    if (record.stepLosses.empty() || record.nodes.empty())
        return false;
    const nn::Tensor &logits = record.nodes.back().sampleActivation;  // [T, K]
    const nn::Tensor &target = record.sampleTarget;                  // [T]
    if (logits.rank() != 2 || logits.dim(0) != target.size())
        return false;
    const QStringList read = decoder().sampleTokens(record);
    std::vector<TokenStrip::Step> steps;
    for (int64_t t = 0; t < logits.dim(0); ++t) {
        Eigen::Index predicted = 0;
        logits.matrix().row(t).maxCoeff(&predicted);
        const int wanted = int(std::lround(target[t]));
        steps.push_back({t < read.size() ? read[t] : QString(), decoder().className(int(predicted)),
                         decoder().className(wanted), int(predicted) == wanted, record.stepLosses[size_t(t)]});
    }
    strip_->setSteps(std::move(steps));
    strip_->show();
    return true;
}

void TokenView::clear()
{
    SequenceTab::clear();
    strip_->setSteps({});
    strip_->hide();
}
