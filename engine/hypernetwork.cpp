// Hypernetwork: chunked generation of a target net's weights from context embeddings, its backward pass, the
// output regulariser, the target net's weights as one vector and entropy-based context inference.
#include "engine/hypernetwork.h"
#include <cmath>
#include "engine/loss.h"
#include "engine/math.h"

namespace pl {

static Mat standard_normal(int rows, int cols, Rng& rng) {
    Mat m(rows, cols);
    for (Real& v : m.reshaped()) v = rng.normal();
    return m;
}

static std::vector<int> with_sizes(int inputs, const std::vector<int>& hidden, int outputs) {
    std::vector<int> sizes = {inputs};
    sizes.insert(sizes.end(), hidden.begin(), hidden.end());
    sizes.push_back(outputs);
    return sizes;
}

Hypernetwork::Hypernetwork(int target_weights, int contexts, const HypernetSizes& sizes, Rng& init_rng)
    : net(with_sizes(sizes.embedding + sizes.chunk_embedding, sizes.hidden, sizes.chunk),
          ActivationKind::ReLU, init_rng),
      target_weights_(target_weights),
      chunk_(sizes.chunk) {
    const int chunks = (target_weights + sizes.chunk - 1) / sizes.chunk;  // n = ceil(P / chunk)
    chunk_embeddings = {"chunk_embeddings", standard_normal(sizes.chunk_embedding, chunks, init_rng),
                        Mat::Zero(sizes.chunk_embedding, chunks)};
    for (int t = 0; t < contexts; ++t)
        embeddings.push_back({"e" + std::to_string(t + 1), standard_normal(sizes.embedding, 1, init_rng),
                              Mat::Zero(sizes.embedding, 1)});
    // sd(theta) over every context := weight_sd by scaling h's output layer (its bias is 0)
    std::vector<int> all(static_cast<size_t>(contexts));
    for (int t = 0; t < contexts; ++t) all[size_t(t)] = t;
    const Mat theta = generate(all);
    const double sd = std::sqrt((theta.array() - theta.mean()).square().mean());
    net.linears().back()->W.value *= sizes.weight_sd / sd;
}

Mat Hypernetwork::generate(const std::vector<int>& contexts) {
    contexts_ = contexts;
    const int n = chunks(), d = int(embeddings[0].value.rows());
    Mat input(d + chunk_embeddings.value.rows(), Eigen::Index(n) * Eigen::Index(contexts.size()));
    for (size_t k = 0; k < contexts.size(); ++k) {
        auto block = input.middleCols(Eigen::Index(k) * n, n);
        block.topRows(d) = embeddings[size_t(contexts[k])].value.replicate(1, n);  // [e_t; c_j] for every j
        block.bottomRows(chunk_embeddings.value.rows()) = chunk_embeddings.value;
    }
    const Mat chunks_out = net.forward(input, true);  // chunk x (n contexts)
    Mat theta(target_weights_, contexts.size());
    for (size_t k = 0; k < contexts.size(); ++k)
        theta.col(Eigen::Index(k)) =
            chunks_out.middleCols(Eigen::Index(k) * n, n).reshaped().head(target_weights_);
    return theta;
}

void Hypernetwork::backward(const Mat& dL_dtheta) {
    const int n = chunks(), d = int(embeddings[0].value.rows());
    Mat dchunks = Mat::Zero(chunk_, Eigen::Index(n) * Eigen::Index(contexts_.size()));  // the cut surplus: 0
    for (size_t k = 0; k < contexts_.size(); ++k)
        dchunks.middleCols(Eigen::Index(k) * n, n).reshaped().head(target_weights_) =
            dL_dtheta.col(Eigen::Index(k));
    const Mat dinput = net.backward(dchunks);
    chunk_embeddings.grad.setZero();
    for (Param& e : embeddings) e.grad.setZero();
    for (size_t k = 0; k < contexts_.size(); ++k) {
        const auto block = dinput.middleCols(Eigen::Index(k) * n, n);
        embeddings[size_t(contexts_[k])].grad += block.topRows(d).rowwise().sum();  // e_t feeds every chunk
        chunk_embeddings.grad += block.bottomRows(chunk_embeddings.value.rows());
    }
}

std::vector<Param*> Hypernetwork::params(int context) {
    std::vector<Param*> all = net.params();
    all.push_back(&chunk_embeddings);
    all.push_back(&embeddings[size_t(context)]);
    return all;
}

double output_regulariser(const Mat& generated, const Mat& stored, double beta) {
    // R = beta/(T-1) sum_t' ||theta_t' - theta*_t'||^2
    return beta / double(generated.cols()) * (generated - stored).squaredNorm();
}

Mat output_regulariser_grad(const Mat& generated, const Mat& stored, double beta) {
    return 2.0 * beta / double(generated.cols()) * (generated - stored);  // dR/dtheta_t' = 2 beta/(T-1) (...)
}

int weight_count(Mlp& target) {
    int count = 0;
    for (Param* p : target.params()) count += int(p->value.size());
    return count;
}

void set_weights(Mlp& target, const Vec& theta) {
    Eigen::Index offset = 0;
    for (Param* p : target.params()) {
        p->value.reshaped() = theta.segment(offset, p->value.size());
        offset += p->value.size();
    }
}

Vec weight_grads(Mlp& target) {
    Vec grads(weight_count(target));
    Eigen::Index offset = 0;
    for (Param* p : target.params()) {
        grads.segment(offset, p->grad.size()) = p->grad.reshaped();
        offset += p->grad.size();
    }
    return grads;
}

Vec predictive_entropy(const Mat& logits) {
    const Mat p = softmax(logits);
    // H = -sum p log p (0 log 0 = 0)
    const Arr p_log_p = p.array() * (p.array() > 0).select(pl::log(p.array()), 0.0);
    return -p_log_p.colwise().sum().transpose().matrix();
}

std::vector<int> lowest_entropy(const Mat& entropies) {
    std::vector<int> best(size_t(entropies.cols()));
    for (Eigen::Index s = 0; s < entropies.cols(); ++s) entropies.col(s).minCoeff(&best[size_t(s)]);
    return best;
}

}  // namespace pl
