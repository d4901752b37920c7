// Comparison::start: every value checked before any run is built, runs created one at a time, and a
// comparison whose memory (estimated from its first run) exceeds kMaxComparisonBytes refused with a message.
#include <catch2/catch.hpp>
#include <fstream>
#include "labs/catalog.h"
#include "labs/comparison.h"
#if defined(__linux__) && !defined(__SANITIZE_ADDRESS__)
#include <sys/resource.h>
#include <unistd.h>
#endif

using namespace pl;

namespace {
std::unique_ptr<Lab> backprop_on_xor(const std::string& hidden) {
    std::string message;
    std::unique_ptr<Lab> lab = make_lab("backprop", message);
    REQUIRE(lab);
    REQUIRE(lab->params.set_all("dataset=xor&hidden=" + hidden).empty());
    lab->reset();
    return lab;
}
}  // namespace

TEST_CASE("a comparison checks every value before it builds a run", "[comparison]") {
    std::unique_ptr<Lab> base = backprop_on_xor("16");
    Comparison comparison;
    const std::string message = comparison.start(*base, "lr", {"0.01", "0.02", "0x10"});
    CHECK(message.find("error: lr=0x10") == 0);
    CHECK_FALSE(comparison.active());
    CHECK(comparison.start(*base, "hidden", {"16", "256,"}).find("error: hidden=256,") == 0);
    CHECK(comparison.start(*base, "lr", {"0.01"}).find("at least two values") != std::string::npos);
    CHECK(check_values(base->params, "lr", {"0.01", "50"}, OutOfRange::Refuse).find("lr=50 is above") !=
          std::string::npos);
    CHECK(check_values(base->params, "lr", {"0.01", "50"}) == "");  // clamped, as the app does
}

TEST_CASE("a comparison that would need more than the cap is refused with the estimate", "[comparison]") {
    // 2 x 1024 + 4 x 1024 x 1024 weights: with gradients and Adam's moments about 150 MB a run
    std::unique_ptr<Lab> base = backprop_on_xor("1024,1024,1024,1024,1024");
    Comparison comparison;
    const std::vector<std::string> lrs = {"0.001", "0.002", "0.003", "0.004",
                                          "0.005", "0.006", "0.007", "0.008"};
    const std::string message = comparison.start(*base, "lr", lrs);
    INFO(message);
    CHECK(message.find("error: this comparison would need about ") == 0);
    CHECK(message.find(" (8 runs x ") != std::string::npos);
    CHECK(message.find("the limit is 1.0 GB: compare fewer values or use a smaller network") !=
          std::string::npos);
    CHECK_FALSE(comparison.active());

    std::unique_ptr<Lab> small = backprop_on_xor("64");
    CHECK(comparison.start(*small, "lr", lrs) == "");
    CHECK(comparison.runs.size() == 8);
}

#if defined(__linux__) && !defined(__SANITIZE_ADDRESS__)  // ASan reserves terabytes of address space
TEST_CASE("running out of memory while creating a run is a message, not an abort", "[comparison]") {
    std::unique_ptr<Lab> base = backprop_on_xor("1024,1024,1024,1024,1024");  // about 150 MB a run
    long pages = 0;
    std::ifstream("/proc/self/statm") >> pages;  // the address space in use now
    rlimit before{};
    REQUIRE(getrlimit(RLIMIT_AS, &before) == 0);
    rlimit tight = before;
    tight.rlim_cur = rlim_t(pages) * rlim_t(sysconf(_SC_PAGESIZE)) + (64u << 20);  // 64 MB more
    REQUIRE(setrlimit(RLIMIT_AS, &tight) == 0);
    Comparison comparison;
    const std::string message = comparison.start(*base, "lr", {"0.001", "0.002"});
    REQUIRE(setrlimit(RLIMIT_AS, &before) == 0);
    CHECK(message.find("error: this comparison would need more memory than there is (out of memory creating "
                       "run 1 of 2, lr=0.001)") == 0);
    CHECK_FALSE(comparison.active());
}
#endif
