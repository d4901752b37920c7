// A task-conditioned hypernetwork (von Oswald et al. 2020): a learned embedding e_t per context -> every
// weight theta_t of a target net, generated in chunks theta_t = [h(e_t, c_1), ..., h(e_t, c_n)] by one shared
// MLP h.
#pragma once
#include <vector>
#include "engine/mlp.h"

namespace pl {

// h: [e_t; c_j] -> hidden... -> one chunk of `chunk` target weights (linear output); c_j a learned chunk
// embedding. The defaults follow the authors' split-MNIST classifier hypernet (hidden 10,10, chunks of
// 42,000) with 32-dimensional embeddings. For a 784-100-100-2 target (88,802 weights): 3 chunks, h
// 64-10-10-42000 has 462,760 weights (5.2 x the target's; its output layer is 91% of them), plus 32 numbers
// per chunk and context. Measured on split MNIST, task scenario, 4 epochs per context: smaller chunks
// (10,000: 0.11 M weights) or wider h (50,50 with chunks of 1,000: 57 k weights) learn each new context too
// slowly (ACC 0.94 and 0.83).
struct HypernetSizes {
    int embedding = 32;                  // dimensions of a context embedding e_t
    int chunk_embedding = 32;            // dimensions of a chunk embedding c_j
    std::vector<int> hidden = {10, 10};  // h's hidden layers (ReLU)
    int chunk = 42000;                   // target weights per chunk (the last chunk's surplus is cut)
    double weight_sd = 0.05;             // standard deviation of the generated weights at initialisation
};

class Hypernetwork {
public:
    // e_t ~ N(0, 1), c_j ~ N(0, 1); h's output layer scaled so the initial thetas of all contexts have sd
    // weight_sd.
    Hypernetwork(int target_weights, int contexts, const HypernetSizes& sizes, Rng& init_rng);
    // Column k: theta of contexts[k] (target_weights x contexts.size()); caches what backward() needs.
    Mat generate(const std::vector<int>& contexts);
    // From dL/dtheta (the columns of the last generate()): the grads of h, of the chunk embeddings and of
    // embeddings[contexts[k]] (the other embeddings' grads 0); all of one backward through h.
    void backward(const Mat& dL_dtheta);
    std::vector<Param*> params(int context);  // what trains in `context`: h, the chunk embeddings, e_context
    int target_weights() const { return target_weights_; }
    int chunks() const { return int(chunk_embeddings.value.cols()); }

    Mlp net;                        // h
    Param chunk_embeddings;         // chunk_embedding x chunks
    std::vector<Param> embeddings;  // e_t, embedding x 1, one per context

private:
    int target_weights_, chunk_;
    std::vector<int> contexts_;  // of the last generate()
};

// The output regulariser R = beta/(T-1) sum_{t'<t} ||f(e_t', Theta*) - f(e_t', Theta)||^2, one column per
// earlier context t' (T - 1 = its columns): `generated` = f(e_t', Theta) now, `stored` = f(e_t', Theta*) from
// the end of context t'. Its gradient dR/d generated = 2 beta/(T-1) (generated - stored).
double output_regulariser(const Mat& generated, const Mat& stored, double beta);
Mat output_regulariser_grad(const Mat& generated, const Mat& stored, double beta);

// The target net's weights as one vector: every param of target.params() in order, each column-major.
int weight_count(Mlp& target);
void set_weights(Mlp& target, const Vec& theta);  // theta -> the target's params
Vec weight_grads(Mlp& target);                    // the target's grads, in theta's order

// Predictive entropy per column, H = -sum_k p_k log p_k with p = softmax(logits), in nats.
Vec predictive_entropy(const Mat& logits);
// Context inference: per column, the index of the row with the lowest entropy (entropies: contexts x
// samples).
std::vector<int> lowest_entropy(const Mat& entropies);

}  // namespace pl
