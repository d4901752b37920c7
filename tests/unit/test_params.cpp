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

namespace {
// A neuron's drive: its unit and scale depend on the model (HH in uA/cm^2 at a small dt, the others in pA).
Params neuron(std::vector<Preset> presets = {}) {
    return Params({choice_param("model", {"lif", "adex", "izhikevich", "hh"}, 0, ""),
                   per_mode(float_param("amplitude", 500, 0, 5000, "pA", "step current"), "model",
                            {{"lif", "500"}, {"adex", "500"}, {"izhikevich", "10"}, {"hh", "10"}}),
                   per_mode(float_param("dt", 0.1, 0.001, 1, "ms", "time step"), "model", {{"hh", "0.01"}}),
                   int_param("seed", 1, 0, 100, "")},
                  std::move(presets));
}
}  // namespace

TEST_CASE("per-mode defaults: a value not set follows its mode's default, in any order", "[params]") {
    Params p = neuron();
    CHECK(p.number("amplitude") == 500);
    CHECK(p.number("dt") == Approx(0.1));
    REQUIRE(p.set("model", "hh").empty());
    CHECK(p.number("amplitude") == 10);
    CHECK(p.number("dt") == Approx(0.01));  // not in its table for hh: the table's value
    REQUIRE(p.set("model", "adex").empty());
    CHECK(p.number("dt") == Approx(0.1));  // adex is not in dt's table: the declared default
    CHECK(p.json() == "{\"model\":\"adex\",\"amplitude\":500,\"dt\":0.1,\"seed\":1}");

    Params a = neuron(), b = neuron();
    REQUIRE(a.set_all("model=hh&amplitude=20").empty());
    REQUIRE(b.set_all("amplitude=20&model=hh").empty());
    CHECK(a.json() == b.json());
    CHECK(a.number("amplitude") == 20);
    CHECK(a.number("dt") == Approx(0.01));
}

TEST_CASE("per-mode defaults: a value set is kept across a mode change until reset or followed again",
          "[params]") {
    Params p = neuron();
    const int generation = p.generation();
    REQUIRE(p.set("amplitude", "500").empty());  // the default's value, but set: kept
    CHECK_FALSE(p.follows_mode("amplitude"));
    CHECK(p.follows_mode("dt"));
    CHECK_FALSE(p.follows_mode("seed"));  // no per-mode defaults
    REQUIRE(p.set("model", "hh").empty());
    CHECK(p.number("amplitude") == 500);
    CHECK(p.number("dt") == Approx(0.01));
    CHECK(p.generation() > generation);
    p.follow_mode("amplitude");
    CHECK(p.number("amplitude") == 10);
    REQUIRE(p.set("amplitude", "30").empty());
    p.reset_to_defaults();  // the declared defaults, every value following again
    CHECK(p.text("model") == "lif");
    CHECK(p.number("amplitude") == 500);
    REQUIRE(p.set("model", "izhikevich").empty());
    CHECK(p.number("amplitude") == 10);
    CHECK(p.is_error(p.set("amplitude", "x")));  // an error sets nothing: it still follows
    CHECK(p.follows_mode("amplitude"));
}

TEST_CASE("per-mode defaults: presets set values, custom restores what followed and what was set",
          "[params]") {
    Params p = neuron({{"hh-strong", "HH at 40 uA/cm^2", "model=hh&amplitude=40"},
                       {"hh", "HH at its default drive", "model=hh"}});
    REQUIRE(p.set("dt", "0.05").empty());
    REQUIRE(p.set("preset", "hh").empty());
    CHECK(p.number("amplitude") == 10);     // follows hh
    CHECK(p.number("dt") == Approx(0.05));  // set before: kept
    REQUIRE(p.set("preset", "hh-strong").empty());
    CHECK(p.number("amplitude") == 40);
    REQUIRE(p.set("preset", "custom").empty());
    CHECK(p.text("model") == "lif");
    CHECK(p.number("amplitude") == 500);
    CHECK(p.follows_mode("amplitude"));
    CHECK(p.number("dt") == Approx(0.05));
    REQUIRE(p.set("preset", "hh-strong").empty());
    REQUIRE(p.set("model", "adex").empty());  // set by the preset: kept
    CHECK(p.number("amplitude") == 40);
}

TEST_CASE("per-mode defaults: query() leaves out what follows, and round-trips to the same values",
          "[params]") {
    Params p = neuron();
    REQUIRE(p.set_all("model=hh&dt=0.02").empty());
    CHECK(p.query() == "model=hh&dt=0.02&seed=1");
    Params q = neuron();
    CHECK(q.set_all(p.query()).empty());
    CHECK(q.json() == p.json());
    CHECK(q.query() == p.query());
    REQUIRE(q.set("model", "adex").empty());  // the link's mode can still change what follows
    CHECK(q.number("amplitude") == 500);
}

TEST_CASE("per-mode defaults are declared in spec_json and in the handout table", "[params]") {
    Params p = neuron();
    REQUIRE(p.set("model", "hh").empty());  // the declaration's default, not the current value
    const std::string spec = p.spec_json();
    CHECK(spec.find("{\"name\":\"amplitude\",\"kind\":\"float\",\"default\":500,\"min\":0,\"max\":5000,"
                    "\"mode_defaults\":[{\"choice\":\"model\",\"values\":{\"lif\":500,\"adex\":500,"
                    "\"izhikevich\":10,\"hh\":10}}]") != std::string::npos);
    CHECK(spec.find("\"mode_defaults\":[{\"choice\":\"model\",\"values\":{\"hh\":0.01}}]") !=
          std::string::npos);
    const std::string table = p.markdown_table();
    CHECK(table.find("| `amplitude` | model=lif: 500; model=adex: 500; model=izhikevich: 10; model=hh: 10 | "
                     "0 to 5000 | pA |") != std::string::npos);
    CHECK(table.find("| `dt` | model=hh: 0.01; else 0.1 |") != std::string::npos);
}

TEST_CASE("per-mode defaults: a later table overrides an earlier one", "[params]") {
    ParamSpec hidden = int_list_param("hidden", {400, 400}, 1, 2000, "");
    hidden = per_mode(per_mode(hidden, "benchmark", {{"split", "400,400"}, {"permuted", "100,100"}}),
                      "method", {{"hnet", "50"}});
    Params p({choice_param("benchmark", {"split", "permuted"}, 0, ""),
              choice_param("method", {"ewc", "hnet"}, 0, ""), hidden});
    CHECK(p.list("hidden") == std::vector<int>{400, 400});
    REQUIRE(p.set("benchmark", "permuted").empty());
    CHECK(p.list("hidden") == std::vector<int>{100, 100});
    REQUIRE(p.set("method", "hnet").empty());
    CHECK(p.list("hidden") == std::vector<int>{50});
    REQUIRE(p.set("benchmark", "split").empty());
    CHECK(p.list("hidden") == std::vector<int>{50});
}

TEST_CASE("a per-mode default naming an unknown mode, a non-choice or an out-of-range value throws",
          "[params]") {
    const ParamSpec model = choice_param("model", {"lif", "hh"}, 0, "");
    const ParamSpec amplitude = float_param("amplitude", 500, 0, 5000, "pA", "");
    CHECK_THROWS_WITH(
        Params({model, per_mode(amplitude, "model", {{"hh", "10"}, {"hodgkin", "10"}})}),
        Catch::Contains("amplitude: a default for model=hodgkin") && Catch::Contains("valid: lif, hh"));
    CHECK_THROWS_WITH(Params({model, per_mode(amplitude, "model", {{"hh", "1e5"}})}),
                      Catch::Contains("the default for model=hh") && Catch::Contains("above the maximum"));
    CHECK_THROWS_WITH(Params({model, per_mode(amplitude, "mode", {{"hh", "10"}})}),
                      Catch::Contains("not a choice parameter"));
    CHECK_THROWS(Params({per_mode(amplitude, "amplitude", {{"hh", "10"}})}));
    CHECK_NOTHROW(Params({model, per_mode(amplitude, "model", {{"hh", "10"}})}));
}
