// Lab 6's `hnet` (von Oswald et al. 2020): a hypernetwork (engine/hypernetwork.h) generates every weight of a
// target MLP 784-hidden-classes (one head of a context's classes) from a learned embedding per context. While
// it learns context t the output regulariser beta/(t-1) sum_{t'<t} ||f(e_t', Theta) - f(e_t', Theta*)||^2
// keeps the weights it generated for the earlier contexts. Task: head j of the logits is context j's net.
// Domain and class: each sample's context is inferred as the trained one whose net predicts it with the
// lowest entropy.
#include "engine/hypernetwork.h"
#include "engine/random_streams.h"
#include "labs/continual/continual_run.h"

namespace pl {

namespace {
constexpr int kFields = 8;  // first-layer fields per context the panel shows

// The nets of a run, made when the run first asks for its params (the factory sees no data): the target MLP
// (784-hidden-classes, its weights set from a generated theta before every use) and the hypernetwork.
struct HnetNets {
    HnetNets(const ContinualSettings& s, int inputs, const OutputLayout& layout)
        : init_rng(random_stream(uint64_t(s.seed), Stream::Init, 1)),  // index 0: the run's own network
          target(target_sizes(s, inputs, layout), ActivationKind::ReLU, init_rng),
          hnet(weight_count(target), layout.contexts, HypernetSizes(), init_rng),
          stored(Mat::Zero(hnet.target_weights(), layout.contexts)) {}

    static std::vector<int> target_sizes(const ContinualSettings& s, int inputs, const OutputLayout& layout) {
        std::vector<int> sizes = {inputs};
        sizes.insert(sizes.end(), s.hidden.begin(), s.hidden.end());
        sizes.push_back(layout.classes);
        return sizes;
    }

    Rng init_rng;
    Mlp target;
    Hypernetwork hnet;
    Mat stored;  // f(e_t, Theta*) of each finished context (target weights x contexts)
};

class Hnet : public ContinualMethod {
public:
    explicit Hnet(double beta) : beta_(beta) {}

    std::vector<Param*> params(ContinualRun& run) override { return nets(run).hnet.params(run.context); }

    // theta_t and, for the regulariser, theta_t' of every earlier context, in one pass through h
    Mat forward(ContinualRun& run, const Mat& x) override {
        HnetNets& n = nets(run);
        std::vector<int> contexts = {run.context};
        for (int t = 0; t < run.context; ++t) contexts.push_back(t);
        theta_ = n.hnet.generate(contexts);
        set_weights(n.target, theta_.col(0));
        Mat logits = Mat::Constant(run.layout().outputs(), x.cols(), kMaskedLogit);
        logits.middleRows(run.layout().unit(run.context, 0), run.layout().classes) =
            n.target.forward(x, true);
        return logits;
    }

    // dL/dtheta_t from the target net, dR/dtheta_t' from the regulariser, then both back through h
    void backward(ContinualRun& run, const Mat& grad_logits) override {
        HnetNets& n = nets(run);
        n.target.backward(grad_logits.middleRows(run.layout().unit(run.context, 0), run.layout().classes));
        Mat dtheta(theta_.rows(), theta_.cols());
        dtheta.col(0) = weight_grads(n.target);
        penalty_ = 0;
        if (run.context > 0) {
            const Mat earlier = theta_.rightCols(run.context), anchors = n.stored.leftCols(run.context);
            penalty_ = output_regulariser(earlier, anchors, beta_);
            dtheta.rightCols(run.context) = output_regulariser_grad(earlier, anchors, beta_);
        }
        n.hnet.backward(dtheta);
    }

    double penalty(ContinualRun&) override { return penalty_; }  // its gradient went through h in backward()

    void after_update(ContinualRun&) override { generated_.resize(0, 0); }  // h moved

    bool end_context(ContinualRun& run) override {
        HnetNets& n = nets(run);
        n.stored.col(run.context) = n.hnet.generate({run.context}).col(0);  // f(e_t, Theta*)
        return true;
    }

    // Task: head j from context j's net. Domain, class: the block of the context inferred per sample.
    Mat predict(ContinualRun& run, const Mat& x) override {
        HnetNets& n = nets(run);
        const OutputLayout& layout = run.layout();
        if (generated_.size() == 0) {
            std::vector<int> all(size_t(layout.contexts));
            for (int t = 0; t < layout.contexts; ++t) all[size_t(t)] = t;
            generated_ = n.hnet.generate(all);
        }
        const int candidates = layout.scenario == Scenario::Task ? layout.contexts : run.context + 1;
        std::vector<Mat> logits;
        Mat entropies(candidates, x.cols());
        for (int t = 0; t < candidates; ++t) {
            set_weights(n.target, generated_.col(t));
            logits.push_back(n.target.infer(x));
            entropies.row(t) = predictive_entropy(logits.back()).transpose();
        }
        Mat out = Mat::Constant(layout.outputs(), x.cols(), kMaskedLogit);
        if (layout.scenario == Scenario::Task) {
            for (int t = 0; t < candidates; ++t)
                out.middleRows(layout.unit(t, 0), layout.classes) = logits[size_t(t)];
            return out;
        }
        const std::vector<int> inferred = lowest_entropy(entropies);
        for (Eigen::Index s = 0; s < x.cols(); ++s) {
            const int t = inferred[size_t(s)];
            out.col(s).segment(layout.unit(t, 0), layout.classes) = logits[size_t(t)].col(s);
        }
        return out;
    }

    // The first-layer fields of the first units, per context, as last generated for an evaluation
    Mat stored_images() const override {
        if (!nets_ || generated_.size() == 0) return {};
        const Mat& W1 = nets_->target.linears().front()->W.value;
        const Eigen::Index hidden = W1.rows(), pixels = W1.cols(),
                           units = std::min<Eigen::Index>(kFields, hidden);
        Mat fields(pixels, units * generated_.cols());
        for (Eigen::Index t = 0; t < generated_.cols(); ++t)  // W1 comes first in theta, column-major
            fields.middleCols(t * units, units) =
                generated_.col(t).head(hidden * pixels).reshaped(hidden, pixels).topRows(units).transpose();
        return fields;
    }

private:
    HnetNets& nets(ContinualRun& run) {
        if (!nets_)
            nets_ = std::make_unique<HnetNets>(run.settings, int(run.benchmark->contexts[0].train.x.rows()),
                                               run.layout());
        return *nets_;
    }

    double beta_;
    std::unique_ptr<HnetNets> nets_;
    Mat theta_;      // of the last forward(): theta_t, then the earlier contexts'
    Mat generated_;  // every context's theta for evaluation (empty: h moved since)
    double penalty_ = 0;
};
}  // namespace

std::unique_ptr<ContinualMethod> make_hnet(const ContinualSettings& s) {
    return std::make_unique<Hnet>(s.hnet_beta);
}

}  // namespace pl
