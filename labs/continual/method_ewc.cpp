// Lab 6's `ewc` (Kirkpatrick et al. 2017: one quadratic penalty per finished context, weighted by its Fisher)
// and `online-ewc` (Schwarz et al. 2018: one running Fisher F <- gamma F + F_new, anchored at the latest
// theta*).
#include <algorithm>
#include <chrono>
#include "engine/fisher.h"
#include "engine/quadratic_penalty.h"
#include "labs/continual/continual_run.h"

namespace pl {

namespace {
// Samples of the Fisher per chunk at a context boundary, and its active output units per step (a backward
// of the chunk each, ~1 ms natively at 784-400-400-10): up to 10 units in class-IL, 11 ms a chunk natively.
constexpr int kFisherChunk = 20;
constexpr int kFisherUnitsPerStep = 4;

class Ewc : public ContinualMethod {
public:
    Ewc(double lambda, bool online, double gamma) : lambda_(lambda), online_(online), gamma_(gamma) {}

    // lambda/2 sum_k sum_i F_k,i (theta_i - theta*_k,i)^2 over the anchors
    double penalty(ContinualRun& run) override {
        double total = 0;
        for (const Anchor& anchor : anchors_) total += quadratic_penalty(run.params(), anchor, lambda_);
        return total;
    }

    // The Fisher of the context just trained, on its training set, from the network's own predictions: per
    // call kFisherUnitsPerStep output units of a chunk of kFisherChunk samples, the anchor once every sample
    // is in.
    bool end_context(ContinualRun& run) override {
        const auto t0 = std::chrono::steady_clock::now();
        const Dataset& data = run.benchmark->contexts[size_t(run.context)].train;
        if (fisher_.samples() == 0 && !fisher_.in_chunk()) fisher_ = FisherSum(run.net.params());
        if (!fisher_.in_chunk()) {
            const int first = fisher_.samples(), n = std::min(kFisherChunk, data.size() - first);
            fisher_.begin_chunk(run.net, data.x.middleCols(first, n),
                                run.mask_of(data.y.middleCols(first, n)));
        }
        const bool chunk_in = fisher_.add_units(run.net, kFisherUnitsPerStep);
        boundary_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (!chunk_in || fisher_.samples() < data.size()) return false;
        Anchor anchor = {fisher_.mean(), values_of(run.params())};
        fisher_ = FisherSum();
        if (!online_ || anchors_.empty()) {
            anchors_.push_back(std::move(anchor));
        } else {
            Anchor& running = anchors_.front();
            for (size_t k = 0; k < anchor.importance.size(); ++k)
                running.importance[k] =
                    gamma_ * running.importance[k] + anchor.importance[k];  // F <- gamma F + F_new
            running.theta = anchor.theta;
        }
        return true;
    }

    std::vector<Mat> importance() const override {  // sum_k F_k
        std::vector<Mat> total;
        for (const Anchor& anchor : anchors_)
            for (size_t k = 0; k < anchor.importance.size(); ++k)
                if (k < total.size())
                    total[k] += anchor.importance[k];
                else
                    total.push_back(anchor.importance[k]);
        return total;
    }

private:
    double lambda_;
    bool online_;
    double gamma_;
    std::vector<Anchor> anchors_;  // one per finished context (online: one)
    FisherSum fisher_;             // the context's Fisher so far, while its boundary is in progress
};
}  // namespace

std::unique_ptr<ContinualMethod> make_ewc(const ContinualSettings& s) {
    return std::make_unique<Ewc>(s.ewc_lambda, false, 1.0);
}

std::unique_ptr<ContinualMethod> make_online_ewc(const ContinualSettings& s) {
    return std::make_unique<Ewc>(s.ewc_lambda, true, s.ewc_gamma);
}

}  // namespace pl
