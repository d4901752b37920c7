// A metric that is not a number carries its reason: in its log's row, in the run's final line and export.
#include <catch2/catch.hpp>
#include <cmath>
#include "labs/catalog.h"
#include "labs/run_export.h"

using namespace pl;

TEST_CASE("metric log: a NaN keeps the reason given before its row, a number drops it", "[json]") {
    const double nan = std::nan("");
    MetricLog log("epochs", {"epoch", "acc"});
    log.explain_next("acc", "no classes");
    log.add({1, nan});
    log.explain_next("acc", "a number needs no reason");
    log.add({2, 0.5});
    log.add({3, nan});  // no reason given
    CHECK(log.row_json(0) == "{\"epoch\":1,\"acc\":null,\"undefined\":{\"acc\":\"no classes\"}}");
    CHECK(log.row_json(1) == "{\"epoch\":2,\"acc\":0.5}");
    CHECK(log.row_json(2) == "{\"epoch\":3,\"acc\":null}");
    CHECK(dump(log.undefined_to_json()) == "{\"acc\":[\"no classes\",null,null]}");
    CHECK(log.last_reason("acc") == "no classes");
    CHECK(log.last_reason("epoch").empty());
}

TEST_CASE("run export: a regression's null accuracy has its reason in the final line and the run JSON",
          "[json]") {
    std::string message;
    std::unique_ptr<Lab> lab = make_lab("backprop", message);
    REQUIRE(lab);
    REQUIRE(lab->params.set_all("dataset=cubic&epochs=1").empty());
    lab->reset();
    while (!lab->done()) lab->step();
    const std::string why = "a regression task has no accuracy (it has no classes)";
    const Json final = final_json(*lab, 1);
    CHECK(final["test_acc"].is_null());
    CHECK(final["undefined"] == Json{{"train_acc", why}, {"test_acc", why}});
    const Json run = run_json(*lab, 1);
    CHECK(run["undefined"]["epochs"]["test_acc"] == Json::array({why}));
    CHECK_FALSE(run["undefined"].contains("batches"));
}
