// Reads data/mnist-subset.bin (scripts/convert_digits.py) or data/fashion-subset.bin (convert_fashion.py):
// "PLDIGIT1", u32 LE count, then per image 1 byte label + 784 bytes of pixels. The last 200 of each class
// are the test set.
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include "engine/dataset.h"

#ifndef PL_DATA_DIR
#define PL_DATA_DIR "data"
#endif

namespace pl {

static const int kPixels = 28 * 28;
static const int kRecord = 1 + kPixels;
static const int kHeader = 8 + 4;
static const int kTestPerClass = 200;
static const uint32_t kMaxDigits = 1000000;  // far above the subsets' 10,000: a larger count is corrupt

std::string default_mnist_path() {
    const char* env = std::getenv("PLASTICITY_DATA");
    return (env && *env) ? std::string(env) : std::string(PL_DATA_DIR) + "/mnist-subset.bin";
}

std::string default_fashion_path() {
    const char* env = std::getenv("PLASTICITY_FASHION");
    return (env && *env) ? std::string(env) : std::string(PL_DATA_DIR) + "/fashion-subset.bin";
}

[[noreturn]] static void fail(const std::string& path, const std::string& problem) {
    throw DataError(
        "data file " + path + ": " + problem +
        " (re-create it with scripts/setup, or set PLASTICITY_DATA / PLASTICITY_FASHION to the file)");
}

// The file's bytes, but never more than `limit`: a header announcing 4 billion digits reads only what the
// file holds. Fails with the OS's reason (a directory: "Is a directory").
static std::vector<unsigned char> read_bytes(const std::string& path, size_t limit) {
    errno = 0;
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), std::fclose);
    if (!file && errno == ENOENT) fail(path, "not found");
    if (!file) fail(path, std::string("cannot be opened: ") + std::strerror(errno));
    std::vector<unsigned char> bytes;
    unsigned char buffer[1 << 16];
    while (bytes.size() < limit) {
        const size_t n = std::fread(buffer, 1, std::min(sizeof buffer, limit - bytes.size()), file.get());
        bytes.insert(bytes.end(), buffer, buffer + n);
        if (n == 0 && std::ferror(file.get()))
            fail(path, std::string("cannot be read: ") + std::strerror(errno));
        if (n == 0) break;
    }
    return bytes;
}

// Digits listed by idx as a classification set: x = pixels / 255, y = one-hot(label)
static Dataset digits(const std::vector<unsigned char>& bytes, const std::vector<int>& idx) {
    Dataset d;
    d.x.resize(kPixels, int(idx.size()));
    d.y = Mat::Zero(10, int(idx.size()));
    for (int j = 0; j < int(idx.size()); ++j) {
        const unsigned char* record = bytes.data() + kHeader + size_t(idx[j]) * kRecord;
        const int label = record[0];
        d.x.col(j) =
            Eigen::Map<const Eigen::Matrix<unsigned char, kPixels, 1>>(record + 1).cast<Real>() / 255.0;
        d.y(label, j) = 1.0;
        d.labels.push_back(label);
    }
    d.classes = 10;
    d.width = d.height = 28;
    return d;
}

Split load_mnist_subset(const std::string& path) {
    std::vector<unsigned char> bytes = read_bytes(path, kHeader);
    if (bytes.size() < size_t(kHeader))
        fail(path, "truncated header (" + std::to_string(bytes.size()) + " bytes)");
    if (std::string(bytes.begin(), bytes.begin() + 8) != "PLDIGIT1")
        fail(path, "bad magic, expected PLDIGIT1");
    const uint32_t count =
        uint32_t(bytes[8]) | uint32_t(bytes[9]) << 8 | uint32_t(bytes[10]) << 16 | uint32_t(bytes[11]) << 24;
    if (count > kMaxDigits)
        fail(path, "header says " + std::to_string(count) + " digits, more than the " +
                       std::to_string(kMaxDigits) + " a subset may hold");
    const size_t expected = size_t(kHeader) + size_t(count) * kRecord;
    bytes = read_bytes(path, expected + 1);  // one byte more tells a longer file
    if (bytes.size() < expected)
        fail(path, "truncated: header says " + std::to_string(count) + " digits (" +
                       std::to_string(expected) + " bytes) but the file has " + std::to_string(bytes.size()) +
                       " bytes");
    if (bytes.size() > expected)
        fail(path, "count mismatch: header says " + std::to_string(count) + " digits (" +
                       std::to_string(expected) + " bytes) but the file is longer");

    // digits per class, then the position of each digit within its class (file order)
    std::array<int, 10> per_class{};
    std::vector<int> rank(count);
    for (uint32_t i = 0; i < count; ++i) {
        const int label = bytes[kHeader + size_t(i) * kRecord];
        if (label > 9)
            fail(path, "digit " + std::to_string(i) + " has label " + std::to_string(label) + " > 9");
        rank[i] = per_class[label]++;
    }
    for (int c = 0; c < 10; ++c)
        if (per_class[c] <= kTestPerClass)
            fail(path, "class " + std::to_string(c) + " has " + std::to_string(per_class[c]) +
                           " digits, need more than " + std::to_string(kTestPerClass));

    std::vector<int> train_idx, test_idx;
    for (uint32_t i = 0; i < count; ++i) {
        const int label = bytes[kHeader + size_t(i) * kRecord];
        const bool is_test = rank[i] >= per_class[label] - kTestPerClass;
        (is_test ? test_idx : train_idx).push_back(int(i));
    }
    Split s;
    s.train = digits(bytes, train_idx);
    s.test = digits(bytes, test_idx);
    return s;
}

}  // namespace pl
