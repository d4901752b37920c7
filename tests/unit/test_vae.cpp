// The VAE of generative replay: the ELBO's gradient against finite differences (fixed eps), the KL term
// against its closed form and a Monte-Carlo estimate, and a short training on digits that lowers the loss.
#include <catch2/catch.hpp>
#include <cmath>
#include "engine/dataset.h"
#include "engine/random_streams.h"
#include "engine/vae.h"
#include "finite_differences.h"

using namespace pl;

namespace {

Mat normal_mat(Rng& rng, int rows, int cols, double mean = 0, double sd = 1) {
    Mat m(rows, cols);
    for (double& v : m.reshaped()) v = rng.normal(mean, sd);
    return m;
}

}  // namespace

TEST_CASE("vae: the gradient of the loss matches finite differences", "[vae]") {
    Rng rng(5);
    Vae vae({6, 10, 3}, rng);
    Mat x(6, 4);
    for (double& v : x.reshaped()) v = rng.uniform();  // pixel intensities in [0, 1)
    const Mat eps = normal_mat(rng, 3, 4);
    const Vec weights = Eigen::Vector4d(0.1, 0.2, 0.3, 0.4);  // e.g. replayed samples weighted apart
    vae.forward(x, eps, weights);
    vae.backward();
    double worst = 0;
    for (Param* p : vae.params()) {
        const Mat analytic = p->grad;
        const Mat numeric =
            central_differences(p->value, [&] { return vae.forward(x, eps, weights).total(); });
        worst = std::max(worst, max_rel_error(analytic, numeric));
        INFO(p->name);
        CHECK(analytic.norm() > 0);
    }
    WARN("VAE loss gradient: largest relative error " << worst);
    CHECK(worst < 1e-5);
}

TEST_CASE("vae: the KL term matches its closed form and a Monte-Carlo estimate", "[vae]") {
    // One sample, 2 latent dimensions: KL = sum_d log(1/sigma_d) + (sigma_d^2 + mu_d^2 - 1) / 2
    Mat mu(2, 1), log_var(2, 1);
    mu << 0.5, -1.0;
    log_var << std::log(0.25), std::log(2.0);
    const double by_hand =
        (std::log(2.0) + (0.25 + 0.25 - 1) / 2) + (-0.5 * std::log(2.0) + (2.0 + 1.0 - 1) / 2);
    CHECK(gaussian_kl(mu, log_var)(0) == Approx(by_hand).epsilon(1e-12));
    CHECK(gaussian_kl(Mat::Zero(3, 2), Mat::Zero(3, 2)).isZero());  // q = the prior
    // E_q[log q(z) - log p(z)], z = mu + sigma eps: log q - log p = -log sigma - eps^2/2 + z^2/2 per
    // dimension
    Rng rng(11);
    const Eigen::Array2d sigma = (0.5 * log_var.array()).exp();
    const int samples = 200000;
    double sum = 0, sum_sq = 0;
    for (int s = 0; s < samples; ++s) {
        const Eigen::Array2d eps(rng.normal(), rng.normal());
        const Eigen::Array2d z = mu.array() + sigma * eps;
        const double log_ratio = (-sigma.log() - eps.square() / 2 + z.square() / 2).sum();
        sum += log_ratio, sum_sq += log_ratio * log_ratio;
    }
    const double monte_carlo = sum / samples;
    const double standard_error = std::sqrt((sum_sq / samples - monte_carlo * monte_carlo) / samples);
    WARN("KL closed form " << by_hand << ", Monte Carlo " << monte_carlo << " +- " << standard_error);
    CHECK(std::abs(by_hand - monte_carlo) < 4 * standard_error);
}

TEST_CASE("vae: a short training on digits lowers the loss and its samples look like digits",
          "[vae][mnist]") {
    const Split data = load_mnist_subset(default_mnist_path());  // sorted by class
    std::vector<int> test_idx, order(size_t(data.train.size()));
    for (int i = 0; i < data.test.size(); i += 10) test_idx.push_back(i);  // 20 of each class
    const Mat test = data.test.subset(test_idx).x;
    for (size_t i = 0; i < order.size(); ++i) order[i] = int(i);
    Rng init = random_stream(1, Stream::Init), noise = random_stream(1, Stream::Rule);
    random_stream(1, Stream::DataOrder).shuffle(order);
    const Mat train = data.train.subset(order).x;
    Vae vae({784, 100, 16}, init);
    const Mat test_eps = normal_mat(noise, 16, int(test.cols()));
    const VaeLoss before = vae.forward(test, test_eps);
    for (int step = 0; step < 160; ++step) vae.train_step(train.middleCols(step * 50, 50), noise);  // 1 epoch
    const VaeLoss after = vae.forward(test, test_eps);
    WARN("VAE test loss (nats per digit) before "
         << before.total() << " (reconstruction " << before.reconstruction << "), after 160 steps "
         << after.total() << " (reconstruction " << after.reconstruction << ", KL " << after.kl << ")");
    CHECK(before.reconstruction > 500);  // about 784 log 2 = 543: every pixel a coin flip
    CHECK(after.total() < 0.5 * before.total());
    CHECK(after.kl > 1);  // the code carries information about the digit
    // Samples: pixel means in [0, 1] with the digits' mean ink (the mean pixel of the subset, about 0.13)
    const Mat samples = vae.sample(100, noise);
    CHECK(samples.minCoeff() >= 0);
    CHECK(samples.maxCoeff() <= 1);
    CHECK(std::abs(samples.mean() - data.train.x.mean()) < 0.05);
}
