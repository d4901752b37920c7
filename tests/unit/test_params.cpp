// Parameter declarations as the URL hash and the CLI use them: parsing, clamping, unknown names.
#include <catch2/catch.hpp>
#include "engine/metric_log.h"
#include "engine/table.h"
#include "labs/params.h"

using namespace pl;

namespace {
Params example() {
    return Params({float_param("lr", 0.01, 1e-5, 1, "", "learning rate", true),
                   int_param("batch", 32, 1, 1024, ""), choice_param("optimizer", {"adam", "sgd"}, 0, ""),
                   bool_param("bias", true, ""), int_list_param("hidden", {128}, 1, 1024, "")});
}
}  // namespace

TEST_CASE("defaults come from the declaration", "[params]") {
    Params p = example();
    CHECK(p.number("lr") == Approx(0.01));
    CHECK(p.integer("batch") == 32);
    CHECK(p.choice("optimizer") == "adam");
    CHECK(p.flag("bias"));
    CHECK(p.list("hidden") == std::vector<int>{128});
}

TEST_CASE("values are parsed from text of every kind", "[params]") {
    Params p = example();
    CHECK(p.set("lr", "0.5") == "");
    CHECK(p.set("batch", "64") == "");
    CHECK(p.set("optimizer", "sgd") == "");
    CHECK(p.set("bias", "false") == "");
    CHECK(p.set("hidden", "256,64") == "");
    CHECK(p.number("lr") == Approx(0.5));
    CHECK(p.integer("batch") == 64);
    CHECK(p.choice("optimizer") == "sgd");
    CHECK_FALSE(p.flag("bias"));
    CHECK(p.list("hidden") == std::vector<int>{256, 64});
    CHECK(p.text("hidden") == "256,64");
}

TEST_CASE("out-of-range values are clamped with a warning", "[params]") {
    Params p = example();
    std::string m = p.set("lr", "50");
    CHECK(m.find("warning") == 0);
    CHECK(m.find("clamped to 1") != std::string::npos);
    CHECK(p.number("lr") == 1);
    CHECK(p.set("batch", "0").find("clamped to 1") != std::string::npos);
    CHECK(p.integer("batch") == 1);
    CHECK(p.set("hidden", "5000,10").find("clamped to 1024") != std::string::npos);
    CHECK(p.list("hidden") == std::vector<int>{1024, 10});
}

TEST_CASE("bad text is an error that leaves the value unchanged", "[params]") {
    Params p = example();
    for (const char* bad : {"abc", "", "1e999", "nan", "0.1x"}) {
        std::string m = p.set("lr", bad);
        CHECK(p.is_error(m));
        CHECK(p.number("lr") == Approx(0.01));
    }
    CHECK(p.is_error(p.set("optimizer", "rmsprop")));
    CHECK(p.set("optimizer", "rmsprop").find("adam, sgd") != std::string::npos);
    CHECK(p.is_error(p.set("bias", "maybe")));
    CHECK(p.is_error(p.set("hidden", "1,,2")));
    CHECK(p.is_error(p.set("hidden", "1,2,3,4,5,6")));
}

TEST_CASE("only whole decimal numbers are taken: no hex, inf, nan, spaces, fractions of integers",
          "[params]") {
    Params p = example();
    for (const char* bad : {"0x10", "inf", "-inf", "NaN", "1e309", " 0.1", "0.1 ", "0.1\n", "\xe2\x91\xa0"}) {
        const std::string m = p.set("lr", bad);
        CHECK(p.is_error(m));
        CHECK(m.find("lr=") != std::string::npos);
        CHECK(p.number("lr") == Approx(0.01));
    }
    CHECK(p.is_error(p.set("batch", "3.7")));
    CHECK(p.integer("batch") == 32);
    CHECK(p.set("batch", "1e2") == "");  // a whole number in exponent notation
    CHECK(p.integer("batch") == 100);
    CHECK(p.is_error(p.set("bias", " true")));
    CHECK(p.is_error(p.set("optimizer", "sgd ")));
}

TEST_CASE("a list with an empty or fractional item is an error", "[params]") {
    Params p = example();
    for (const char* bad : {"256,", ",", ",256", "1,,2", "", "256.5", "256, 128", "0x100"}) {
        CHECK(p.is_error(p.set("hidden", bad)));
        CHECK(p.list("hidden") == std::vector<int>{128});
    }
}

TEST_CASE("with OutOfRange::Refuse a value outside the range is an error naming the range", "[params]") {
    Params p = example();
    const std::string m = p.set("batch", "-5", OutOfRange::Refuse);
    CHECK(p.is_error(m));
    CHECK(m.find("batch=-5 is below the minimum 1; the range is 1 to 1024") != std::string::npos);
    CHECK(p.integer("batch") == 32);
    CHECK(p.is_error(p.set("hidden", "64,99999999999999999999", OutOfRange::Refuse)));
    CHECK(p.list("hidden") == std::vector<int>{128});
    CHECK(p.is_error(p.set("lr", "2", OutOfRange::Refuse)));
    CHECK(p.set("lr", "0.5", OutOfRange::Refuse) == "");
}

TEST_CASE("a 100 kB value gives a short message that still names the parameter", "[params]") {
    Params p = example();
    const std::string huge(100000, '7');
    for (const char* name : {"lr", "batch", "optimizer", "bias", "hidden"}) {
        const std::string m = p.set(name, huge + "x");
        CHECK(p.is_error(m));
        CHECK(m.find(std::string(name) + "=") != std::string::npos);
        CHECK(m.size() < 300);
    }
    CHECK(p.set(huge, "1").size() < 300);
}

TEST_CASE("unknown names get a message listing the valid ones", "[params]") {
    Params p = example();
    std::string m = p.set("learning_rate", "0.1");
    CHECK(p.is_error(m));
    CHECK(m.find("unknown parameter 'learning_rate'") != std::string::npos);
    CHECK(m.find("lr, batch, optimizer, bias, hidden") != std::string::npos);
}

TEST_CASE("a URL hash round-trips through query()", "[params]") {
    Params p = example();
    std::vector<std::string> messages = p.set_all("lr=0.003&batch=16&optimizer=sgd&hidden=64,32&junk&x=1");
    REQUIRE(messages.size() == 2);  // "junk" is not key=value; "x" is unknown
    CHECK(messages[0].find("'junk' is not key=value") != std::string::npos);
    CHECK(messages[1].find("unknown parameter 'x'") != std::string::npos);
    Params q = example();
    CHECK(q.set_all(p.query()).empty());
    CHECK(q.query() == p.query());
    CHECK(q.json() == "{\"lr\":0.003,\"batch\":16,\"optimizer\":\"sgd\",\"bias\":true,\"hidden\":[64,32]}");
}

TEST_CASE("metric logs export JSON with null for non-finite values, and CSV", "[metrics]") {
    MetricLog log("epochs", {"epoch", "loss"});
    log.add({1, 0.5});
    log.add({2, std::numeric_limits<double>::quiet_NaN()});
    CHECK(log.row_json(0) == "{\"epoch\":1,\"loss\":0.5}");
    CHECK(log.json() == "{\"epoch\":[1,2],\"loss\":[0.5,null]}");
    CHECK(log.csv() == "epoch,loss\n1,0.5\n2,nan\n");
    CHECK_THROWS(log.add({1}));
}

TEST_CASE("a table finds its entries by name and refuses an unknown name, listing the valid ones") {
    const pl::Table<int> table("colour", {{"red", "the first", 1}, {"blue", "the second", 2}});
    CHECK(table.find("blue").value == 2);
    CHECK(table.has("red"));
    CHECK_FALSE(table.has("green"));
    CHECK(table.names() == std::vector<std::string>{"red", "blue"});
    try {
        table.find("green");
        FAIL("find accepted an unknown name");
    } catch (const std::invalid_argument& e) {
        CHECK(std::string(e.what()) == "unknown colour 'green'; valid: red, blue");
    }
}

namespace {
struct Training {
    double lr = 0;
    int batch = 0;
};
struct Settings {
    std::string optimizer;
    bool bias = false;
    std::vector<int> hidden;
    Training training;
};
const Fields<Training>& training_fields() {
    static const Fields<Training> fields = {
        bind(&Training::lr, float_param("lr", 0.01, 1e-5, 1, "", "learning rate", true)),
        bind(&Training::batch, int_param("batch", 32, 1, 1024, "")),
    };
    return fields;
}
Fields<Settings> settings_fields() {
    Fields<Settings> fields = {
        bind(&Settings::optimizer, choice_param("optimizer", {"adam", "sgd"}, 0, "")),
        bind(&Settings::bias, bool_param("bias", true, "")),
        bind(&Settings::hidden, int_list_param("hidden", {128}, 1, 1024, "")),
    };
    for (const Field<Settings>& f : nested(&Settings::training, training_fields())) fields.push_back(f);
    return fields;
}
}  // namespace

TEST_CASE("typed settings: each declared parameter fills its field, nested parts included", "[params]") {
    const Fields<Settings> fields = settings_fields();
    Params p(specs_of(fields));
    REQUIRE(p.set_all("optimizer=sgd&bias=false&hidden=64,32&lr=0.5&batch=7").empty());
    const Settings s = read_settings(fields, p);
    CHECK(s.optimizer == "sgd");
    CHECK_FALSE(s.bias);
    CHECK(s.hidden == std::vector<int>{64, 32});
    CHECK(s.training.lr == 0.5);
    CHECK(s.training.batch == 7);
    CHECK(read_settings(training_fields(), p).batch == 7);  // a part reads on its own
}

TEST_CASE("presets: preset=NAME applies its values, custom restores the user's, a change leaves the preset",
          "[params]") {
    Params p(specs_of(settings_fields()),
             {{"fast", "large steps", "lr=0.5&batch=256"}, {"slow", "small steps", "lr=0.001"}});
    CHECK(p.specs().front().name == "preset");
    CHECK(p.text("preset") == "custom");
    REQUIRE(p.set("batch", "8").empty());
    REQUIRE(p.set("preset", "fast").empty());
    CHECK(p.number("lr") == 0.5);
    CHECK(p.integer("batch") == 256);
    CHECK(p.text("preset") == "fast");
    REQUIRE(p.set("preset", "slow").empty());  // from one preset to another: only its own values change
    CHECK(p.number("lr") == 0.001);
    CHECK(p.integer("batch") == 256);
    REQUIRE(p.set("preset", "custom").empty());  // back to the values from before the first preset
    CHECK(p.number("lr") == Approx(0.01));
    CHECK(p.integer("batch") == 8);
    REQUIRE(p.set_all("preset=fast&batch=256").empty());  // setting a preset's own value keeps it
    CHECK(p.text("preset") == "fast");
    REQUIRE(p.set("batch", "9").empty());  // a different value makes the values custom
    CHECK(p.text("preset") == "custom");
    CHECK(p.number("lr") == 0.5);
    CHECK(p.set("preset", "nope").find("valid: custom, fast, slow") != std::string::npos);
    CHECK_THROWS_WITH(Params(specs_of(settings_fields()), {{"bad", "", "momentum=1"}}),
                      Catch::Contains("preset bad") && Catch::Contains("unknown parameter 'momentum'"));
}

TEST_CASE("applicability: a parameter applies only in the modes it names", "[params]") {
    ParamSpec lr = float_param("lr", 0.01, 1e-5, 1, "", "");
    lr.applies = when("optimizer", {"sgd"});
    Params p({choice_param("optimizer", {"adam", "sgd"}, 0, ""), lr});
    CHECK_FALSE(p.applies(*p.find("lr")));
    CHECK(p.applies(*p.find("optimizer")));
    REQUIRE(p.set("optimizer", "sgd").empty());
    CHECK(p.applies(*p.find("lr")));
    CHECK(p.set("lr", "0.2").empty());  // set whether it applies or not
}

TEST_CASE("the handout table lists every parameter with default, range, unit and meaning", "[params]") {
    Params p({float_param("tau_mem", 10, 1, 100, "ms", "membrane time constant | tau"),
              choice_param("reset", {"rest", "subtractive"}, 0, "after a spike")});
    CHECK(p.markdown_table() ==
          "| name | default | range | unit | meaning |\n|---|---|---|---|---|\n"
          "| `tau_mem` | 10 | 1 to 100 | ms | membrane time constant \\| tau |\n"
          "| `reset` | rest | rest, subtractive |  | after a spike |\n");
}
