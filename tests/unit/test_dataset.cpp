// MNIST subset split and file errors; generated toy sets: sizes, determinism, targets.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include "engine/dataset.h"

using namespace pl;

static const Split& mnist() {
    static const Split s = load_mnist_subset(default_mnist_path());
    return s;
}

static std::vector<int> class_counts(const std::vector<int>& labels) {
    std::vector<int> counts(10, 0);
    for (int l : labels) ++counts[l];
    return counts;
}

static std::vector<unsigned char> read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

static std::string write_temp(const std::string& name, const std::vector<unsigned char>& bytes) {
    const std::string path = (std::filesystem::temp_directory_path() / name).string();
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    return path;
}

TEST_CASE("dataset: MNIST subset split counts per class", "[dataset][mnist]") {
    const Split& s = mnist();
    const std::vector<int> total{1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};
    REQUIRE(s.train.size() == 8000);
    REQUIRE(s.test.size() == 2000);
    const auto train = class_counts(s.train.labels), test = class_counts(s.test.labels);
    for (int c = 0; c < 10; ++c) {
        INFO("class " << c);
        REQUIRE(train[c] == total[c] - 200);
        REQUIRE(test[c] == 200);
    }
    for (const Dataset* d : {&s.train, &s.test}) {
        REQUIRE(d->x.rows() == 784);
        REQUIRE(d->y.rows() == 10);
        REQUIRE(d->classes == 10);
        REQUIRE(d->width == 28);
        REQUIRE(d->height == 28);
        REQUIRE(d->is_classification());
        REQUIRE(d->x.minCoeff() >= 0.0);
        REQUIRE(d->x.maxCoeff() <= 1.0);
        REQUIRE(d->x.maxCoeff() == 1.0);
        REQUIRE(d->y.colwise().sum().isApprox(Mat::Ones(1, d->size())));
        int label_mismatches = 0;
        for (int j = 0; j < d->size(); ++j) label_mismatches += d->y(d->labels[j], j) != 1.0;
        REQUIRE(label_mismatches == 0);
    }
}

TEST_CASE("dataset: MNIST train keeps file order, test = last 200 of each class", "[dataset][mnist]") {
    const Split& s = mnist();
    const auto bytes = read_bytes(default_mnist_path());
    auto pixels = [&](int digit) {
        Mat col(784, 1);
        for (int k = 0; k < 784; ++k) col(k) = bytes[12 + size_t(digit) * 785 + 1 + k] / 255.0;
        return col;
    };
    // class 0 has 1001 digits: train = file digits 0..800, test = 801..1000
    REQUIRE(bool(s.train.x.col(0) == pixels(0)));
    REQUIRE(bool(s.train.x.col(800) == pixels(800)));
    REQUIRE(bool(s.train.x.col(801) == pixels(1001)));  // first digit of class 1
    REQUIRE(bool(s.test.x.col(0) == pixels(801)));
    REQUIRE(bool(s.test.x.col(199) == pixels(1000)));
    REQUIRE(bool(s.test.x.col(1999) == pixels(9999)));  // last digit in the file
    REQUIRE(std::is_sorted(s.train.labels.begin(), s.train.labels.end()));
}

TEST_CASE("dataset: loading MNIST twice gives identical data", "[dataset][mnist]") {
    const Split again = load_mnist_subset(default_mnist_path());
    REQUIRE(bool(again.train.x == mnist().train.x));
    REQUIRE(again.train.labels == mnist().train.labels);
    REQUIRE(bool(again.test.x == mnist().test.x));
    REQUIRE(bool(again.test.y == mnist().test.y));
}

TEST_CASE("dataset: missing and corrupt MNIST files throw with a clear message", "[dataset][mnist]") {
    const std::string missing = (std::filesystem::temp_directory_path() / "pl_no_such_file.bin").string();
    std::remove(missing.c_str());
    REQUIRE_THROWS_AS(load_mnist_subset(missing), DataError);
    REQUIRE_THROWS_WITH(
        load_mnist_subset(missing),
        Catch::StartsWith("data file " + missing + ": not found") && Catch::Contains("scripts/setup"));

    // header for 3 digits, all of class 0
    std::vector<unsigned char> good{'P', 'L', 'D', 'I', 'G', 'I', 'T', '1', 3, 0, 0, 0};
    good.resize(12 + 3 * 785, 0);

    std::vector<unsigned char> bad_magic = good;
    bad_magic[7] = '2';
    const std::string p1 = write_temp("pl_bad_magic.bin", bad_magic);
    REQUIRE_THROWS_WITH(load_mnist_subset(p1), Catch::Contains(p1) && Catch::Contains("magic"));

    std::vector<unsigned char> truncated = good;
    truncated.resize(12 + 2 * 785 + 100);
    const std::string p2 = write_temp("pl_truncated.bin", truncated);
    REQUIRE_THROWS_WITH(load_mnist_subset(p2), Catch::Contains(p2) && Catch::Contains("truncated"));

    const std::string p3 = write_temp("pl_short_header.bin", {'P', 'L', 'D'});
    REQUIRE_THROWS_WITH(load_mnist_subset(p3), Catch::Contains("truncated"));

    std::vector<unsigned char> bad_label = good;
    bad_label[12 + 785] = 12;
    const std::string p4 = write_temp("pl_bad_label.bin", bad_label);
    REQUIRE_THROWS_WITH(load_mnist_subset(p4), Catch::Contains(p4) && Catch::Contains("label 12"));

    std::vector<unsigned char> extra = good;
    extra.resize(extra.size() + 785, 0);
    const std::string p5 = write_temp("pl_extra.bin", extra);
    REQUIRE_THROWS_WITH(load_mnist_subset(p5), Catch::Contains("count mismatch"));

    const std::string p6 = write_temp("pl_too_few.bin", good);  // valid layout, but 3 digits
    REQUIRE_THROWS_WITH(load_mnist_subset(p6), Catch::Contains("need more than 200"));

    for (const auto& p : {p1, p2, p3, p4, p5, p6}) std::remove(p.c_str());
}

TEST_CASE("dataset: a directory, an empty file and a huge count name the file", "[dataset][mnist]") {
    const std::string directory = std::filesystem::temp_directory_path().string();
    REQUIRE_THROWS_AS(load_mnist_subset(directory), DataError);  // was basic_filebuf::underflow
    REQUIRE_THROWS_WITH(load_mnist_subset(directory), Catch::StartsWith("data file " + directory + ":") &&
                                                          Catch::Contains("Is a directory"));

    const std::string empty = write_temp("pl_empty.bin", {});
    REQUIRE_THROWS_WITH(load_mnist_subset(empty),
                        Catch::Contains(empty) && Catch::Contains("truncated header"));

    // a header announcing 4 billion digits: refused before reading (or allocating) anything more
    const std::string huge = write_temp(
        "pl_huge_count.bin", {'P', 'L', 'D', 'I', 'G', 'I', 'T', '1', 255, 255, 255, 255, 1, 2, 3});
    REQUIRE_THROWS_WITH(load_mnist_subset(huge),
                        Catch::Contains(huge) && Catch::Contains("4294967295 digits"));
    for (const auto& p : {empty, huge}) std::remove(p.c_str());
}

TEST_CASE("dataset: default_mnist_path follows $PLASTICITY_DATA", "[dataset][mnist]") {
    const char* old = std::getenv("PLASTICITY_DATA");
    const std::string saved = old ? old : "";
    setenv("PLASTICITY_DATA", "/somewhere/digits.bin", 1);
    REQUIRE(default_mnist_path() == "/somewhere/digits.bin");
    unsetenv("PLASTICITY_DATA");
    REQUIRE(default_mnist_path().find("mnist-subset.bin") != std::string::npos);  // the built-in path
    if (old) setenv("PLASTICITY_DATA", saved.c_str(), 1);
}

TEST_CASE("dataset: subset picks columns in the given order", "[dataset]") {
    Rng rng(1);
    const Split s = make_moons(rng, 10);
    const Dataset d = s.train.subset({4, 0, 4});
    REQUIRE(d.size() == 3);
    REQUIRE(bool(d.x.col(0) == s.train.x.col(4)));
    REQUIRE(bool(d.x.col(1) == s.train.x.col(0)));
    REQUIRE(bool(d.y.col(2) == s.train.y.col(4)));
    REQUIRE(d.labels == std::vector<int>{s.train.labels[4], s.train.labels[0], s.train.labels[4]});
    REQUIRE(d.classes == 2);
}

TEST_CASE("dataset: cubic sizes, grid and noise-free test targets", "[dataset][toy]") {
    Rng rng(4);
    const Split s = make_cubic(rng);
    REQUIRE(s.train.x.rows() == 1);
    REQUIRE(s.train.size() == 20);
    REQUIRE(s.train.y.cols() == 20);
    REQUIRE(s.test.size() == 100);
    REQUIRE(s.train.x.minCoeff() >= -4.0);
    REQUIRE(s.train.x.maxCoeff() < 4.0);
    REQUIRE(s.test.x(0) == -4.0);
    REQUIRE(s.test.x(99) == Approx(4.0));
    REQUIRE(s.test.x(1) - s.test.x(0) == Approx(8.0 / 99));
    REQUIRE(s.test.y.isApprox(s.test.x.array().cube().matrix()));
    REQUIRE_FALSE(s.train.is_classification());

    Rng big(5);
    const Split many = make_cubic(big, 20000, 10, -1, 1, 0.5);
    const Mat residual = many.train.y - many.train.x.array().cube().matrix();
    REQUIRE(residual.mean() == Approx(0.0).margin(0.02));
    REQUIRE(std::sqrt(residual.squaredNorm() / 20000) == Approx(0.5).epsilon(0.03));
}

TEST_CASE("dataset: student-teacher sizes, range and the linear teacher", "[dataset][toy]") {
    Rng rng(6);
    const Split s = make_student_teacher(rng, 500);
    REQUIRE(s.train.size() == 500);
    REQUIRE(s.test.size() == 100);
    REQUIRE(s.train.x.rows() == 5);
    REQUIRE(s.train.y.rows() == 5);
    REQUIRE(s.train.x.minCoeff() >= 0.0);
    REQUIRE(s.train.x.maxCoeff() < 1.0);
    REQUIRE(s.train.y.array().abs().maxCoeff() > 0.0);

    // a linear teacher (zero biases, identity hidden units) is y = A x: a fit on 3 samples explains all 50
    Rng r2(6);
    const Split lin = make_student_teacher(r2, 50, true, {3, 4, 2});
    REQUIRE(lin.train.x.rows() == 3);
    REQUIRE(lin.train.y.rows() == 2);
    const Mat& x = lin.train.x;
    const Mat& y = lin.train.y;
    const Mat A = y.leftCols(3) * x.leftCols(3).inverse();  // fit y = A x on 3 samples
    REQUIRE((A * x).isApprox(y, 1e-9));
}

TEST_CASE("dataset: 2-D toys have the documented shapes and are deterministic", "[dataset][toy]") {
    using Maker = Split (*)(Rng&, int, double);
    const std::pair<const char*, Maker> makers[] = {
        {"spirals", make_spirals}, {"moons", make_moons}, {"xor", make_xor}};
    for (const auto& [name, make] : makers) {
        INFO(name);
        Rng a(12), b(12), c(13);
        const Split s = make(a, 300, 0.1);
        const Split same = make(b, 300, 0.1);
        const Split other = make(c, 300, 0.1);
        for (const Dataset* d : {&s.train, &s.test}) {
            REQUIRE(d->size() == 300);
            REQUIRE(d->x.rows() == 2);
            REQUIRE(d->y.rows() == 2);
            REQUIRE(d->classes == 2);
            REQUIRE(int(d->labels.size()) == 300);
            REQUIRE(d->y.colwise().sum().isApprox(Mat::Ones(1, 300)));
            int ones = 0, label_mismatches = 0;
            for (int j = 0; j < 300; ++j) {
                label_mismatches += d->y(d->labels[j], j) != 1.0;
                ones += d->labels[j];
            }
            REQUIRE(label_mismatches == 0);
            REQUIRE(ones > 100);  // both classes present in fair shares
            REQUIRE(ones < 200);
        }
        REQUIRE(bool(s.train.x == same.train.x));
        REQUIRE(s.test.labels == same.test.labels);
        REQUIRE(bool(s.train.x != other.train.x));
        REQUIRE(bool(s.train.x != s.test.x));
    }
}

TEST_CASE("dataset: student-teacher and cubic are deterministic per seed", "[dataset][toy]") {
    Rng a(3), b(3), c(4);
    REQUIRE(bool(make_student_teacher(a, 100).train.y == make_student_teacher(b, 100).train.y));
    REQUIRE(bool(make_cubic(a).train.y == make_cubic(b).train.y));
    REQUIRE(bool(make_cubic(a).train.y != make_cubic(c).train.y));
}

TEST_CASE("dataset: xor labels follow the sign of x1 x2 away from the axes", "[dataset][toy]") {
    Rng rng(2);
    const Split s = make_xor(rng, 1000, 0.0);
    int wrong = 0;
    for (int j = 0; j < 1000; ++j)
        wrong += s.train.labels[j] != (s.train.x(0, j) * s.train.x(1, j) > 0 ? 1 : 0);
    REQUIRE(wrong == 0);
    REQUIRE(s.train.x.cwiseAbs().minCoeff() >= 0.1);
}
