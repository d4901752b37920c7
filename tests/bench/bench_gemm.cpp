// The fixed-order float GEMM (engine/gemm_kernel.h) against Eigen's float product on the products of one
// training step of Lab 1's MLP 784-256-10 at batch 64: per layer W x, W^T g and g x^T. Prints GFLOP/s of
// each, the step's samples per second and kernel/Eigen, and a hash of the kernel's bits (the same in every
// build).
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>
#include "engine/fnv1a.h"
#include "engine/gemm_kernel.h"
#include "engine/random_streams.h"

using namespace pl;
using Eigen::MatrixXf;

namespace {

using Kernel = void (*)(const Eigen::Ref<const MatrixXf>&, const Eigen::Ref<const MatrixXf>&, MatrixXf&,
                        GemmPanels<float>&);
using EigenProduct = void (*)(const MatrixXf&, const MatrixXf&, MatrixXf&);

struct Product {
    std::string layer;  // "784-256": its inputs and outputs
    const char* name;
    MatrixXf a, b;
    Kernel kernel;
    EigenProduct eigen;
    double flops;  // 2 m n k
};

MatrixXf uniform_matrix(int rows, int cols, uint64_t index) {
    Rng rng = random_stream(1, Stream::Fixed, index);
    MatrixXf x(rows, cols);
    for (float& v : x.reshaped()) v = float(rng.uniform(-1, 1));
    return x;
}

// the three products of a layer with weights W (out x in), batch x (in x batch), output gradient g (out x
// batch)
void add_layer(std::vector<Product>& products, int in, int out, int batch) {
    const MatrixXf w = uniform_matrix(out, in, products.size()),
                   x = uniform_matrix(in, batch, products.size() + 1),
                   g = uniform_matrix(out, batch, products.size() + 2);
    const double flops = 2.0 * in * out * batch;
    const std::string layer = std::to_string(in) + "-" + std::to_string(out);
    products.push_back(
        {layer, "W x", w, x, product_ab, [](auto& a, auto& b, auto& c) { c.noalias() = a * b; }, flops});
    products.push_back({layer, "W^T g", w, g, product_atb,
                        [](auto& a, auto& b, auto& c) { c.noalias() = a.transpose() * b; }, flops});
    products.push_back({layer, "g x^T", g, x, product_abt,
                        [](auto& a, auto& b, auto& c) { c.noalias() = a * b.transpose(); }, flops});
}

// wall seconds per call of f: the fastest of bursts of calls (each >= 1 ms) over 0.4 s, so that the other
// processes of a busy machine slow the figure less
template <class F>
double seconds_per_call(F f) {
    using Clock = std::chrono::steady_clock;
    const auto seconds_since = [](Clock::time_point start) {
        return std::chrono::duration<double>(Clock::now() - start).count();
    };
    f();  // warm up: sizes C and the panels
    long calls = 1;
    for (Clock::time_point start = Clock::now(); seconds_since(start) < 0.001; calls *= 2) {
        start = Clock::now();
        for (long i = 0; i < calls; ++i) f();
    }
    double fastest = 1e30;
    for (const Clock::time_point first = Clock::now(); seconds_since(first) < 0.4;) {
        const Clock::time_point start = Clock::now();
        for (long i = 0; i < calls; ++i) f();
        fastest = std::min(fastest, seconds_since(start) / double(calls));
    }
    return fastest;
}

}  // namespace

int main() {
    const int batch = 64;
    std::vector<Product> products;
    add_layer(products, 784, 256, batch);
    add_layer(products, 256, 10, batch);

    GemmPanels<float> panels;
    MatrixXf c;
    double eigen_s = 0, kernel_s = 0;
    uint64_t hash = pl::kFnv1aStart;
    for (const Product& p : products) {
        const double eigen = seconds_per_call([&] { p.eigen(p.a, p.b, c); });
        const double kernel = seconds_per_call([&] { p.kernel(p.a, p.b, c, panels); });
        hash = pl::fnv1a(c.data(), sizeof(float) * size_t(c.size()), hash);
        std::printf(
            "bench_gemm: layer %s, %-5s (%ldx%ld by %ldx%ld): eigen %6.2f GFLOP/s, kernel %6.2f GFLOP/s, "
            "kernel/eigen %.2f\n",
            p.layer.c_str(), p.name, long(p.a.rows()), long(p.a.cols()), long(p.b.rows()), long(p.b.cols()),
            p.flops / eigen * 1e-9, p.flops / kernel * 1e-9, eigen / kernel);
        eigen_s += eigen;
        kernel_s += kernel;
    }
    const long eigen_per_s = long(batch / eigen_s), kernel_per_s = long(batch / kernel_s);
    std::printf(
        "bench_gemm: the 6 products of one step of MLP 784-256-10, batch %d: eigen %ld samples/s, kernel %ld "
        "samples/s, kernel/eigen %.2f\n",
        batch, eigen_per_s, kernel_per_s, eigen_s / kernel_s);
    std::printf("{\"bench\":\"gemm_eigen\",\"samples_per_s\":%ld}\n", eigen_per_s);
    std::printf("{\"bench\":\"gemm_kernel\",\"samples_per_s\":%ld}\n", kernel_per_s);
    std::printf("{\"bench\":\"gemm_kernel_over_eigen\",\"ratio\":%.2f}\n", eigen_s / kernel_s);
    std::printf("{\"bench\":\"gemm_bits\",\"fnv1a\":\"%016llx\"}\n", (unsigned long long)hash);
    return 0;
}
