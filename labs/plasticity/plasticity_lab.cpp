#include "labs/plasticity/plasticity_lab.h"
#include <algorithm>
#include <cmath>
#include <limits>
#include "engine/json.h"
#include "engine/stdp_pair.h"
#include "engine/stdp_triplet.h"
#include "engine/table.h"
#include "labs/task_data.h"
#include "labs/time_slice.h"

namespace pl {

namespace {
constexpr double kSliceMs = 15;  // wall-clock work per step(), so the page keeps its frame rate
constexpr int kRateChunk = 200;  // rate-rule samples between clock reads
constexpr int kCloudSamplesPerStep =
    20;                                // the 2-D cloud: paced, so w is seen moving (20 passes in 200 steps)
constexpr int kDigitsPerRow = 100;     // diehl-cook: training digits per row of `curve`
constexpr int kHistogramBins = 20;     // song-abbott: bins of [0, w_max]
constexpr double kMsPerSecond = 1000;  // song-abbott logs a row per simulated second
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

using Metrics = std::vector<std::pair<std::string, double>>;

// What a rate rule learns, by name: the final JSON's keys and the columns of `curve` after the pass.
Metrics axis_metrics(const RateMeasures& m) {
    return {{"angle_to_pc1_deg", m.angle_to_pc1_deg}, {"w_norm", m.w_norm}};
}
Metrics bcm_metrics(const RateMeasures& m) {
    return {{"selectivity", m.selectivity},
            {"theta", m.theta},
            {"winner_response", m.winner_response},
            {"w_norm", m.w_norm}};
}
Metrics sanger_metrics(const RateMeasures& m) {
    return {{"max_angle_deg", m.max_angle_deg}, {"mean_angle_deg", m.mean_angle_deg}, {"w_norm", m.w_norm}};
}

// The four kinds of experiment the rules run.
enum class Kind { Rate, Stdp, SongAbbott, DiehlCook };
struct RuleEntry {
    Kind kind;
    Metrics (*rate_metrics)(const RateMeasures&);  // Rate: what it learns
    const char* stdp_rule;                         // Stdp: its name in stdp_rule_table()
};
const Table<RuleEntry>& plasticity_rule_table() {
    static const Table<RuleEntry> table(
        "plasticity rule",
        {
            {"hebb", "dw = eta y x: grows without bound", {Kind::Rate, axis_metrics, nullptr}},
            {"oja",
             "dw = eta y (x - y w): the unit-norm first principal component",
             {Kind::Rate, axis_metrics, nullptr}},
            {"bcm",
             "dw = eta x y (y - theta), sliding theta: selective for one pattern",
             {Kind::Rate, bcm_metrics, nullptr}},
            {"sanger",
             "generalised Hebbian algorithm: the first k principal components of the digits",
             {Kind::Rate, sanger_metrics, nullptr}},
            {"stdp-pair",
             "pair STDP with traces: the window and Sjostrom's frequency protocol",
             {Kind::Stdp, nullptr, "pair"}},
            {"stdp-triplet",
             "Pfister & Gerstner's triplet STDP: the window and Sjostrom's protocol",
             {Kind::Stdp, nullptr, "triplet"}},
            {"song-abbott",
             "one LIF neuron, 1000 Poisson inputs, additive STDP: bimodal weights",
             {Kind::SongAbbott, nullptr, nullptr}},
            {"diehl-cook",
             "Diehl & Cook 2015: an STDP network learns digits without labels",
             {Kind::DiehlCook, nullptr, nullptr}},
        });
    return table;
}
const RuleEntry& rule_entry(const std::string& rule) { return plasticity_rule_table().find(rule).value; }

ParamSpec only(ParamSpec spec, const std::vector<std::string>& rules) {
    spec.applies = when("rule", rules);
    return spec;
}

// The pair and triplet tables as one list: a name both declare (tau_plus, w_max, ...) appears once.
std::vector<ModelParam> stdp_param_table() {
    std::vector<ModelParam> out = pair_stdp_param_table();
    for (const ModelParam& p : triplet_stdp_param_table())
        if (std::none_of(out.begin(), out.end(), [&](const ModelParam& q) { return q.name == p.name; }))
            out.push_back(p);
    return out;
}

// Which rules read an STDP parameter, and song-abbott's own defaults (brian2's STDP.py, in its conductance
// unit: w_max = g_max 0.01, a_plus = 0.01 g_max, a_minus = 1.05 a_plus, both traces 20 ms).
ParamSpec stdp_spec(ParamSpec spec) {
    auto declares = [&](const std::vector<ModelParam>& table) {
        return std::any_of(table.begin(), table.end(),
                           [&](const ModelParam& p) { return p.name == spec.name; });
    };
    std::vector<std::string> rules;
    if (declares(pair_stdp_param_table()) && spec.name != "w_max") rules.push_back("stdp-pair");
    if (declares(triplet_stdp_param_table()) && spec.name != "w_max") rules.push_back("stdp-triplet");
    const std::vector<std::pair<std::string, std::string>> song = {{"tau_plus", "20"},
                                                                   {"tau_minus", "20"},
                                                                   {"a_plus", "0.0001"},
                                                                   {"a_minus", "0.000105"},
                                                                   {"w_max", "0.01"}};
    for (const auto& [name, value] : song)
        if (name == spec.name) {
            rules.push_back("song-abbott");
            spec = per_mode(spec, "rule", {{"song-abbott", value}});
        }
    if (spec.name == "w_max") spec.help = "song-abbott: the upper weight bound g_max (the protocols lift it)";
    return only(spec, rules);
}

SongAbbottParams song_abbott_params(const PlasticitySettings& s) {
    const ParamLookup value = lookup_of(s.stdp);
    SongAbbottParams p;
    p.inputs = s.inputs;
    p.input_rate_hz = s.input_rate_hz;
    p.tau_pre_ms = value("tau_plus");
    p.tau_post_ms = value("tau_minus");
    p.g_max = value("w_max");
    p.a_pre_per_g_max = value("a_plus") / p.g_max;
    p.depression_ratio = value("a_minus") / value("a_plus");
    return p;
}
}  // namespace

const LabInfo PlasticityLab::kInfo = {"plasticity", "Synaptic plasticity",
                                      "Hebb, Oja, BCM, STDP and an STDP network learning digits"};

const Fields<PlasticitySettings>& plasticity_fields() {
    using S = PlasticitySettings;
    using R = RateRunSettings;
    using W = StdpWindowProtocol;
    static const Fields<S> fields = [] {
        const Table<RuleEntry>& rules = plasticity_rule_table();
        std::vector<std::string> helps;
        for (const TableEntry<RuleEntry>& e : rules.entries()) helps.push_back(e.help);
        Fields<S> out = {
            bind(&S::rule, choice_param("rule", rules.names(), helps, "oja", "the learning rule"))};
        const std::vector<std::string> rate_rules = {"hebb", "oja", "bcm", "sanger"};
        Fields<R> rate = {
            bind(&R::input,
                 only(choice_param("input", {"cloud", "digits"}, 0,
                                   "hebb, oja: the 2-D Gaussian cloud or the centred digits (784 inputs)"),
                      {"hebb", "oja"})),
        };
        for (Field<R>& f : model_fields(&R::cloud, cloud_param_table())) {
            f.spec.applies = [](const Params& p) {
                return (p.choice("rule") == "hebb" || p.choice("rule") == "oja") &&
                       p.choice("input") == "cloud";
            };
            rate.push_back(f);
        }
        rate.push_back(bind(&R::initial_angle_deg,
                            only(float_param("initial_angle", -20, -180, 180, "deg",
                                             "the cloud: w starts as a unit vector at this angle"),
                                 {"hebb", "oja"})));
        for (Field<R>& f : model_fields(&R::values, rate_param_table())) {
            f.spec = only(f.spec, f.spec.name == "tau_theta" ? std::vector<std::string>{"bcm"} : rate_rules);
            if (f.spec.name == "eta")
                f.spec = per_mode(f.spec, "rule",
                                  {{"hebb", "0.04"}, {"oja", "0.04"}, {"bcm", "0.002"}, {"sanger", "0.1"}});
            if (f.spec.name == "eta_decay")
                f.spec = per_mode(f.spec, "rule", {{"oja", "200"}, {"sanger", "4000"}});
            if (f.spec.name == "eta") f.spec.log_scale = true;
            rate.push_back(f);
        }
        const Fields<R> shapes = {
            bind(&R::components,
                 only(int_param("components", 8, 1, 64, "sanger: outputs, learning the first k components"),
                      {"sanger"})),
            bind(&R::patterns, only(int_param("patterns", 3, 2, 20, "bcm: input patterns"), {"bcm"})),
            bind(&R::pattern_inputs, only(int_param("pattern_inputs", 20, 2, 1000, "bcm: inputs"), {"bcm"})),
            bind(&R::pattern_samples, only(int_param("pattern_samples", 1000, 1, 1000000,
                                                     "bcm: samples per pass, each a pattern drawn at random"),
                                           {"bcm"})),
            bind(&R::batch, only(per_mode(int_param("batch", 1, 1, 1000, "samples averaged per update"),
                                          "rule", {{"sanger", "20"}}),
                                 rate_rules)),
        };
        rate.insert(rate.end(), shapes.begin(), shapes.end());
        for (const Field<S>& f : nested(&S::rate, rate)) out.push_back(f);

        for (Field<S>& f : model_fields(&S::stdp, stdp_param_table())) {
            f.spec = stdp_spec(f.spec);
            out.push_back(f);
        }
        const std::vector<std::string> protocols = {"stdp-pair", "stdp-triplet"};
        const Fields<W> window = {
            bind(&W::dt_max_ms,
                 float_param("dt_max", 100, 5, 500, "ms", "the window: delays from -dt_max to +dt_max")),
            bind(&W::dt_step_ms, float_param("dt_step", 5, 0.5, 100, "ms", "the window: between delays")),
            bind(&W::pairings,
                 int_param("pairings", 60, 1, 1000, "pairings per delay (and per Sjostrom rate)")),
        };
        for (Field<S> f : nested(&S::window, window)) {
            f.spec = only(f.spec, protocols);
            out.push_back(f);
        }

        const std::vector<std::string> song = {"song-abbott"};
        const std::vector<std::string> dc = {"diehl-cook"};
        const Fields<S> run = {
            bind(&S::duration_s, only(float_param("duration", 100, 1, 10000, "s", "simulated time"), song)),
            bind(&S::inputs, only(int_param("inputs", 1000, 1, 10000, "Poisson inputs"), song)),
            bind(&S::input_rate_hz,
                 only(float_param("input_rate", 15, 0, 200, "Hz", "each input's rate"), song)),
            bind(&S::passes,
                 only(per_mode(int_param("passes", 1, 1, 1000,
                                         "passes over the data (bcm: of "
                                         "pattern_samples)"),
                               "rule", {{"hebb", "3"}, {"oja", "20"}, {"bcm", "60"}, {"sanger", "10"}}),
                      {"hebb", "oja", "bcm", "sanger", "diehl-cook"})),
            bind(&S::train_digits, only(int_param("train_digits", 8000, 10, 8000,
                                                  "training digits per pass (the first of its order)"),
                                        dc)),
            bind(&S::test_digits, only(int_param("test_digits", 2000, 10, 2000, "test digits"), dc)),
        };
        out.insert(out.end(), run.begin(), run.end());
        for (Field<S>& f : model_fields(&S::dc, diehl_cook_param_table())) {
            f.spec = only(f.spec, dc);
            out.push_back(f);
        }
        out.push_back(
            bind(&S::seed, int_param("seed", 1, 0, 1000000000,
                                     "seeds the data, the initial weights, the order and the spikes")));
        return out;
    }();
    return fields;
}

const std::vector<Preset>& plasticity_presets() {
    static const std::vector<Preset> presets = {
        {"oja-exercise", "neurodynex's Oja exercise: one pass at a constant eta 0.04 (w ends ~2 deg off PC1)",
         "rule=oja&input=cloud&n=200&ratio=0.3&angle=60&initial_angle=-20&eta=0.04&eta_decay=0&passes=1"},
        {"oja-diverges", "Oja with eta 1: eta y^2 > 1 overshoots, and the weights diverge",
         "rule=oja&input=cloud&eta=1&eta_decay=0&passes=1"},
        {"oja-digits", "Oja on the centred digits: w becomes the digits' first principal component",
         "rule=oja&input=digits&eta=0.01&eta_decay=2000&passes=3"},
        {"song-abbott-long", "Song et al.'s A+ = 0.005 g_max for 1000 s: >= 80% of the weights at the bounds",
         "rule=song-abbott&duration=1000&a_plus=0.00005&a_minus=0.0000525"},
        {"diehl-cook-100",
         "100 neurons, one pass, inhibition 30 (not 17): about 76% (BindsNET strengthens it too)",
         "rule=diehl-cook&neurons=100&passes=1&dc_w_inh_exc=30"},
        {"diehl-cook-400",
         "the original's 400 neurons and constants, 3 passes: about 83.5% (~3 min natively)",
         "rule=diehl-cook&neurons=400&passes=3"},
        {"diehl-cook-quick", "25 neurons on 1,000 digits: prototypes appear within seconds",
         "rule=diehl-cook&neurons=25&train_digits=1000&test_digits=500"},
    };
    return presets;
}

PlasticityLab::PlasticityLab() : Lab(specs_of(plasticity_fields()), plasticity_presets()) {}

void PlasticityLab::reset() {
    clear_error();
    settings_ = read_settings(plasticity_fields(), params);
    const PlasticitySettings& s = settings_;
    std::shared_ptr<const PrincipalComponents> pcs = rate ? rate->pcs : nullptr;
    const bool same_pcs = rate && rate->on_digits();
    rate.reset();
    stdp_window.reset();
    song.reset();
    diehl_cook.reset();
    song_histograms.resize(0, kHistogramBins);
    sjostrom_done_ = false;
    window_digits_ = 0, window_spikes_ = 0, window_intensity_ = 0;
    samples_seen_ = 0;
    window = MetricLog("window", {"dt_ms", "dw"});
    sjostrom = MetricLog("sjostrom", {"rate_hz", "dw_pre_post", "dw_post_pre"});
    evaluation = MetricLog("evaluation", {"epoch", "digits_tested", "test_acc"});
    const RuleEntry& entry = rule_entry(s.rule);
    try {
        if (entry.kind == Kind::Rate) {
            std::vector<std::string> columns = {"epoch", "samples"};
            for (const auto& [name, value] : entry.rate_metrics(RateMeasures{})) columns.push_back(name);
            curve = MetricLog("curve", columns);
            RateRunSettings r = s.rate;
            r.rule = s.rule;
            r.passes = s.passes;
            if (learns_on_digits(r) && !digits_) digits_ = task_data("mnist", 0);
            rate.emplace(r, digits_, same_pcs ? pcs : nullptr, uint64_t(s.seed));
        } else if (entry.kind == Kind::Stdp) {
            curve = MetricLog("curve", {"epoch", "fit_tau_plus_ms", "fit_tau_minus_ms"});
        } else if (entry.kind == Kind::SongAbbott) {
            curve = MetricLog("curve", {"epoch", "t_s", "rate_hz", "bimodal_fraction", "mean_w_per_max"});
            if (lookup_of(s.stdp)("a_plus") <= 0) {
                fail(Problem::BadSettings, "song-abbott needs a_plus > 0 (a_minus is read relative to it)");
                return;
            }
            song.emplace(song_abbott_params(s), uint64_t(s.seed));
        } else {
            curve = MetricLog("curve", {"epoch", "digits", "spikes_per_digit", "theta_mean_mv", "intensity",
                                        "weight_change"});
            if (!digits_) digits_ = task_data("mnist", 0);
            const DiehlCookRunConfig config{s.passes, false, -1, s.train_digits, s.test_digits};
            diehl_cook.emplace(diehl_cook_params(lookup_of(s.dc)), config, uint64_t(s.seed), digits_);
            dc_initial_weights = diehl_cook->net().weights();
        }
    } catch (const DataError& e) {
        fail(Problem::BadData, e.what());
    }
}

bool PlasticityLab::done() const {
    if (!error.empty()) return true;
    if (rate) return rate->done();
    if (song) return song->t_ms() >= settings_.duration_s * kMsPerSecond - 1e-9;
    if (diehl_cook) return diehl_cook->phase() == DiehlCookPhase::Done;
    return sjostrom_done_;
}

double PlasticityLab::progress() const {
    if (rate) return rate->progress();
    if (song) return song->t_ms() / (settings_.duration_s * kMsPerSecond);
    if (diehl_cook) {
        const DiehlCookRun& r = *diehl_cook;
        const double train = double(settings_.passes) * settings_.train_digits;
        const double total = train + settings_.test_digits;
        switch (r.phase()) {
            case DiehlCookPhase::Train:
                return (double(r.pass()) * settings_.train_digits + r.position()) / total;
            case DiehlCookPhase::Label:
                return train / total;
            case DiehlCookPhase::Test:
                return (train + r.position()) / total;
            case DiehlCookPhase::Done:
                return 1;
        }
    }
    return stdp_window ? (sjostrom_done_ ? 1 : 0.5) : 0;
}

void PlasticityLab::step() {
    if (done()) return;
    if (rate) {
        const bool paced = rate->X.rows() == 2;
        for_a_slice(
            paced ? 0 : kSliceMs, paced ? kCloudSamplesPerStep : kRateChunk,
            [&](int n) {
                const long before = rate->state.samples;
                const bool pass_ended = rate->advance(n);
                samples_seen_ += rate->state.samples - before;
                if (!pass_ended) return;
                std::vector<double> row = {double(rate->passes_done()), double(rate->state.samples)};
                for (const auto& [name, value] : rule_entry(settings_.rule).rate_metrics(rate->measure()))
                    row.push_back(value);
                curve.add(row);
            },
            [&] { return rate->done(); });
        if (!rate->diverged.empty()) fail(Problem::Diverged, rate->diverged);
        return;
    }
    if (song) return step_song();
    if (diehl_cook) return step_diehl_cook();
    step_stdp();
}

// The window first (one step), then Sjostrom's protocol.
void PlasticityLab::step_stdp() {
    const char* rule = rule_entry(settings_.rule).stdp_rule;
    const ParamLookup value = lookup_of(settings_.stdp);
    if (!stdp_window) {
        stdp_window = measure_stdp_window(rule, value, settings_.window);
        for (Eigen::Index k = 0; k < stdp_window->dt_ms.size(); ++k)
            window.add({stdp_window->dt_ms(k), stdp_window->dw(k)});
        if (!std::isfinite(stdp_window->fit_tau_plus_ms))
            curve.explain_next(
                "fit_tau_plus_ms",
                "not every delay dt > 0 potentiates (or fewer than 2 delays): no exponential to fit");
        if (!std::isfinite(stdp_window->fit_tau_minus_ms))
            curve.explain_next(
                "fit_tau_minus_ms",
                "not every delay dt < 0 depresses (or fewer than 2 delays): no exponential to fit");
        curve.add({1, stdp_window->fit_tau_plus_ms, stdp_window->fit_tau_minus_ms});
        samples_seen_ += long(stdp_window->dt_ms.size()) * settings_.window.pairings;
        return;
    }
    for (const SjostromRow& row :
         sjostrom_protocol(rule, value, {0.1, 10, 20, 40, 50}, settings_.window.pairings))
        sjostrom.add({row.rate_hz, row.dw_pre_post, row.dw_post_pre});
    samples_seen_ += 10L * settings_.window.pairings;
    sjostrom_done_ = true;
}

// A row and a weight histogram per simulated second.
void PlasticityLab::step_song() {
    for_a_slice(
        kSliceMs, 1,
        [&](int) {
            const long spikes_before = song->post_spikes();
            const double second_ms =
                std::min(kMsPerSecond, settings_.duration_s * kMsPerSecond - song->t_ms());
            song->run(second_ms);
            const Eigen::ArrayXd& w = song->weights();
            const double g_max = song->p.g_max;
            song_histograms.conservativeResize(song_histograms.rows() + 1, kHistogramBins);
            song_histograms.row(song_histograms.rows() - 1) =
                weight_histogram(w, g_max, kHistogramBins).transpose();
            const double t_s = song->t_ms() / kMsPerSecond;
            curve.add({double(curve.rows() + 1), t_s,
                       double(song->post_spikes() - spikes_before) / (second_ms / kMsPerSecond),
                       bimodal_fraction(w, g_max), w.mean() / g_max});
            samples_seen_ += long(second_ms / song->p.dt_ms);
        },
        [&] { return done(); });
}

void PlasticityLab::step_diehl_cook() {
    DiehlCookRun& r = *diehl_cook;
    for_a_slice(
        kSliceMs, 1,
        [&](int) {
            const DiehlCookPhase phase = r.phase();
            r.step();
            ++samples_seen_;
            if (phase == DiehlCookPhase::Train) {
                ++window_digits_;
                window_spikes_ += r.net().exc_counts().sum();
                window_intensity_ += r.net().last_intensity();
                if (window_digits_ == kDigitsPerRow || r.phase() != DiehlCookPhase::Train)
                    log_diehl_cook_window();
            }
            if (phase == DiehlCookPhase::Test && r.phase() == DiehlCookPhase::Done)
                evaluation.add({double(settings_.passes), double(r.confusion().sum()), r.test_accuracy()});
        },
        [&] { return r.phase() == DiehlCookPhase::Done; });
}

// The last window's mean spikes and intensity per digit, the mean theta, and how far the weights moved.
void PlasticityLab::log_diehl_cook_window() {
    const DiehlCookRun& r = *diehl_cook;
    const DiehlCook& net = r.net();
    const double digits = double(curve.rows() ? curve.last("digits") : 0) + window_digits_;
    const DiehlCook::Weights& before = curve.rows() ? dc_last_weights_ : dc_initial_weights;
    const double change = (net.weights() - before).cwiseAbs().mean();
    curve.add({digits / settings_.train_digits, digits, double(window_spikes_) / window_digits_,
               double(net.theta_mV().mean()), window_intensity_ / window_digits_, change});
    dc_last_weights_ = net.weights();
    window_digits_ = 0, window_spikes_ = 0, window_intensity_ = 0;
}

std::vector<std::pair<std::string, double>> PlasticityLab::final_metrics() const {
    const RuleEntry& entry = rule_entry(settings_.rule);
    auto last = [](const MetricLog& log, const char* column) { return log.rows() ? log.last(column) : kNaN; };
    switch (entry.kind) {
        case Kind::Rate:
            return entry.rate_metrics(rate ? rate->measure()
                                           : RateMeasures{kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN});
        case Kind::SongAbbott:
            return {{"bimodal_fraction", last(curve, "bimodal_fraction")},
                    {"rate_hz", last(curve, "rate_hz")},
                    {"mean_w_per_max", last(curve, "mean_w_per_max")}};
        case Kind::DiehlCook:
            return {{"test_acc", last(evaluation, "test_acc")},
                    {"theta_mean_mv", last(curve, "theta_mean_mv")}};
        case Kind::Stdp:
            return {{"fit_tau_plus_ms", last(curve, "fit_tau_plus_ms")},
                    {"fit_tau_minus_ms", last(curve, "fit_tau_minus_ms")},
                    {"dw_pre_post_50hz", last(sjostrom, "dw_pre_post")},
                    {"dw_post_pre_50hz", last(sjostrom, "dw_post_pre")}};
    }
    return {};
}

std::string PlasticityLab::export_json() const {
    if (!diehl_cook || diehl_cook->phase() != DiehlCookPhase::Done) return "{}";
    const Eigen::ArrayXXi& c = diehl_cook->confusion();
    Json rows = Json::array();
    for (Eigen::Index i = 0; i < c.rows(); ++i) {
        Json row = Json::array();
        for (Eigen::Index j = 0; j < c.cols(); ++j) row.push_back(c(i, j));
        rows.push_back(row);
    }
    Json assignments = Json::array();
    for (int a : diehl_cook->assignments()) assignments.push_back(a);
    return dump(Json{{"confusion", rows}, {"assignments", assignments}});
}

}  // namespace pl
