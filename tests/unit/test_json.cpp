// The JSON writers (engine/json.h and its users): escaping survives a round trip through nlohmann's parser,
// numbers keep 9 significant digits without ".0", NaN/Inf become null, keys stay in the order written.
#include <catch2/catch.hpp>
#include <limits>
#include <string>
#include "engine/json.h"
#include "engine/metric_log.h"
#include "labs/catalog.h"
#include "labs/comparison.h"
#include "labs/params.h"
#include "labs/run_export.h"

using namespace pl;

namespace {
// Quotes, a backslash, control characters (tab, newline, 0x01, 0x1f), and UTF-8 beyond ASCII (2, 3, 4 bytes).
const std::string tricky = "say \"hi\" \\ back\tslash\nline\x01\x1f; µs, π ≈ 3.14, 🧠";
}  // namespace

TEST_CASE("json: numbers at 9 significant digits, integral values bare, NaN and Inf as null") {
    CHECK(dump(json_number(0.5)) == "0.5");
    CHECK(dump(json_number(2.0)) == "2");
    CHECK(dump(json_number(-3.0)) == "-3");
    CHECK(dump(json_number(1.0 / 3.0)) == "0.333333333");
    CHECK(dump(json_number(123456.7891234)) == "123456.789");
    CHECK(dump(json_number(1.25e-7)) == "1.25e-07");
    CHECK(dump(json_number(3e20)) == "3e+20");
    CHECK(dump(json_number(0.1 + 0.2)) == "0.3");
    CHECK(dump(json_number(0.1 + 0.2, 17)) == "0.30000000000000004");
    CHECK(dump(json_number(std::numeric_limits<double>::quiet_NaN())) == "null");
    CHECK(dump(json_number(std::numeric_limits<double>::infinity())) == "null");
    CHECK(dump(json_number(-std::numeric_limits<double>::infinity())) == "null");
}

TEST_CASE("json: strings escape quotes, backslashes and control characters and keep UTF-8") {
    const std::string text = dump(Json(tricky));
    CHECK(text == "\"say \\\"hi\\\" \\\\ back\\tslash\\nline\\u0001\\u001f; µs, π ≈ 3.14, 🧠\"");
    CHECK(Json::parse(text).get<std::string>() == tricky);
    CHECK(dump(Json(std::string("bad \xff byte"))) == "\"bad \xef\xbf\xbd byte\"");  // U+FFFD, no throw
}

TEST_CASE("json: a parameter's help, unit and choices round-trip through the declaration") {
    Params params({float_param("lr", 0.001, 1e-6, 1, tricky, tricky, true),
                   choice_param("rule", {"plain", tricky}, 1, "a \"rule\"")});
    const Json spec = Json::parse(params.spec_json());
    REQUIRE(spec.size() == 2);
    CHECK(spec[0]["name"] == "lr");
    CHECK(spec[0]["kind"] == "float");
    CHECK(spec[0]["default"] == 0.001);
    CHECK(spec[0]["min"] == 1e-6);
    CHECK(spec[0]["unit"] == tricky);
    CHECK(spec[0]["help"] == tricky);
    CHECK(spec[1]["choices"][1] == tricky);
    CHECK(spec[1]["default"] == tricky);
    CHECK(spec[1]["help"] == "a \"rule\"");
    const Json values = Json::parse(params.json());
    CHECK(values["rule"] == tricky);
    CHECK(values.begin().key() == "lr");  // declaration order, not sorted
}

TEST_CASE("json: metric rows keep column order and write non-finite values as null") {
    MetricLog log("epochs", {"epoch", "train_loss", "acc"});
    log.add({1, 0.123456789123, std::numeric_limits<double>::infinity()});
    CHECK(log.row_json(0) == "{\"epoch\":1,\"train_loss\":0.123456789,\"acc\":null}");
    CHECK(log.json() == "{\"epoch\":[1],\"train_loss\":[0.123456789],\"acc\":[null]}");
}

TEST_CASE("json: a run's error message, the catalog and a comparison's tags parse back") {
    std::string message;
    std::unique_ptr<Lab> lab = make_lab("backprop", message);
    REQUIRE(lab);
    lab->error = tricky;
    const Json final = Json::parse(dump(final_json(*lab, 12.5)));
    CHECK(final.begin().key() == "final");
    CHECK(final["lab"] == "backprop");
    CHECK(final["samples_per_s"] == 12.5);
    CHECK(final["error"] == tricky);

    const Json catalog = Json::parse(catalog_json());
    REQUIRE(catalog.is_array());
    CHECK(catalog[0]["id"] == "backprop");
    CHECK(catalog[0]["ready"] == true);
    CHECK(catalog[0]["params"].is_array());

    Comparison comparison;
    comparison.key = "lr";
    comparison.values = {"0.01", "1e-3", "inf", tricky};
    CHECK(dump(comparison.tag(0)) == "{\"lr\":0.01}");
    CHECK(dump(comparison.tag(1)) == "{\"lr\":0.001}");
    CHECK(dump(comparison.tag(2)) == "{\"lr\":\"inf\"}");  // not a finite number: kept as text
    CHECK(Json::parse(dump(comparison.tag(3)))["lr"] == tricky);
}
