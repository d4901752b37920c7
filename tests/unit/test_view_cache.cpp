// A panel's cached view is valid only for the lab state it was computed for.
#include <catch2/catch.hpp>
#include "labs/catalog.h"
#include "labs/view_cache.h"

using namespace pl;

TEST_CASE("a cached view goes stale on a parameter change, a training step and a reset", "[view]") {
    std::string message;
    std::unique_ptr<Lab> lab = make_lab("backprop", message);
    REQUIRE(lab);
    REQUIRE(lab->params.set_all("dataset=xor&hidden=8").empty());
    lab->reset();
    CachedView<int> view;
    CHECK(view.get(*lab) == nullptr);  // nothing computed yet
    view.set(*lab, 42);
    REQUIRE(view.get(*lab) != nullptr);
    CHECK(*view.get(*lab) == 42);

    lab->step();
    CHECK(view.get(*lab) == nullptr);  // the weights moved
    view.set(*lab, 43);
    lab->reset();
    CHECK(view.get(*lab) == nullptr);  // back to the initial weights

    view.set(*lab, 44);
    REQUIRE(lab->params.set("lr", "0.5").empty());
    lab->reset();
    CHECK(view.get(*lab) == nullptr);  // another parameter value

    std::unique_ptr<Lab> other = make_lab("backprop", message);  // same type, maybe the same address later
    view.set(*lab, 45);
    CHECK(view.get(*other) == nullptr);
}

TEST_CASE("a throttled view copies at once after a reset or a frame away, else at most every period",
          "[view]") {
    std::string message;
    std::unique_ptr<Lab> lab = make_lab("backprop", message);
    REQUIRE(lab);
    REQUIRE(lab->params.set_all("dataset=xor&hidden=8").empty());
    lab->reset();
    ThrottledView view;
    CHECK(view.due(*lab, 0.0, 1, 0.1));        // the first frame
    CHECK_FALSE(view.due(*lab, 1.0, 2, 0.1));  // nothing moved, however long since
    lab->step();
    CHECK(view.due(*lab, 1.01, 3, 0.1));  // moved, 1 s after the last copy
    lab->step();
    CHECK_FALSE(view.due(*lab, 1.05, 4, 0.1));  // moved, within the period
    CHECK(view.due(*lab, 1.12, 5, 0.1));        // the period passed
    lab->step();
    CHECK(view.due(*lab, 1.13, 7, 0.1));  // not drawn in frame 6: its texture may hold another view's
    lab->step();
    REQUIRE(lab->params.set("lr", "0.5").empty());
    lab->reset();
    CHECK(view.due(*lab, 1.14, 8, 0.1));  // a reset: at once
}
