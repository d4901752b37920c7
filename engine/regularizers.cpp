// L2 and L1 penalty gradients and the max-norm projection, on every weight matrix.
#include "engine/regularizers.h"

namespace pl {

void add_l2_grad(const std::vector<Linear*>& layers, double lambda) {
    for (Linear* layer : layers) layer->W.grad += lambda * layer->W.value;  // dL/dW += lambda W
}

void add_l1_grad(const std::vector<Linear*>& layers, double lambda) {
    for (Linear* layer : layers)
        layer->W.grad += lambda * layer->W.value.cwiseSign();  // dL/dW += lambda sign(W)
}

// w_i <- w_i * min(1, c / ||w_i||) for every row w_i (a unit's incoming weights) of every W
void project_max_norm(const std::vector<Linear*>& layers, double c) {
    // EXERCISE regularization.max_norm: The max-norm projection (2 points)
    // HINT: unit i's incoming weights are row i of W (layer->W.value): project each row, not each column.
    // HINT: a row longer than c is scaled onto ||w_i|| = c, keeping its direction; shorter rows stay.
    for (Linear* layer : layers) {
        Mat& W = layer->W.value;
        const Vec scale = (c / W.rowwise().norm().array().max(1e-12)).min(1.0);
        W = scale.asDiagonal() * W;
    }
    // END EXERCISE
}

double l2_penalty(const std::vector<Linear*>& layers, double lambda) {
    double sum = 0;
    for (Linear* layer : layers) sum += layer->W.value.squaredNorm();
    return lambda / 2 * sum;
}

double l1_penalty(const std::vector<Linear*>& layers, double lambda) {
    double sum = 0;
    for (Linear* layer : layers) sum += layer->W.value.lpNorm<1>();
    return lambda * sum;
}

}  // namespace pl
