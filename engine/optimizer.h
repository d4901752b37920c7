// Gradient-descent optimizers: step() moves every parameter using its grad (state kept per Param).
// SGD: w -= lr g.  Momentum: v = mu v + g, w -= lr v.  Adam: Kingma & Ba 2015 with bias correction.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>
#include "engine/layer.h"
#include "engine/table.h"

namespace pl {

class Optimizer {
public:
    explicit Optimizer(double lr) : lr(lr) {}
    virtual ~Optimizer() = default;
    virtual void step(const std::vector<Param*>& params) = 0;
    // Allocates the state of `params` now (zero, as at the first step), so a run's memory is known before it
    // trains (a comparison's estimate).
    virtual void allocate(const std::vector<Param*>& params) { (void)params; }
    double lr;
};

class Sgd : public Optimizer {
public:
    using Optimizer::Optimizer;
    void step(const std::vector<Param*>& params) override;
};

class Momentum : public Optimizer {
public:
    Momentum(double lr, double mu = 0.9) : Optimizer(lr), mu(mu) {}
    void step(const std::vector<Param*>& params) override;
    void allocate(const std::vector<Param*>& params) override;
    double mu;

private:
    std::map<const Param*, Mat> velocity_;
};

class Adam : public Optimizer {
public:
    Adam(double lr, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8)
        : Optimizer(lr), beta1(beta1), beta2(beta2), eps(eps) {}
    void step(const std::vector<Param*>& params) override;
    void allocate(const std::vector<Param*>& params) override;
    double beta1, beta2, eps;

private:
    std::map<const Param*, Mat> m_, v_;
    int t_ = 0;
};

using OptimizerFactory = std::function<std::unique_ptr<Optimizer>(double lr)>;
const Table<OptimizerFactory>& optimizer_table();  // adam, sgd, momentum

// optimizer_table().find(name) made with `lr`: throws std::invalid_argument listing the valid names.
std::unique_ptr<Optimizer> make_optimizer(const std::string& name, double lr);

}  // namespace pl
