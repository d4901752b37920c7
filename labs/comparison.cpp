#include "labs/comparison.h"
#include <cmath>
#include <cstdlib>
#include <sstream>
#include "labs/catalog.h"
#include "labs/run_export.h"

namespace pl {

std::vector<std::string> split_values(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        size_t a = item.find_first_not_of(' '), b = item.find_last_not_of(' ');
        if (a != std::string::npos) out.push_back(item.substr(a, b - a + 1));
    }
    return out;
}

std::unique_ptr<Lab> lab_variant(const Lab& base, const std::string& key, const std::string& value,
                                 std::string& message) {
    std::unique_ptr<Lab> lab = make_lab(base.info().id, message);
    if (!lab) return nullptr;
    lab->params.set_all(base.params.query());
    message = lab->params.set(key, value);
    if (lab->params.is_error(message)) return nullptr;
    lab->reset();
    return lab;
}

std::string Comparison::start(const Lab& base, const std::string& key_,
                              const std::vector<std::string>& values_) {
    clear();
    if (values_.size() < 2) return "error: a comparison needs at least two values, e.g. bp,fa";
    std::vector<std::unique_ptr<Lab>> made;
    for (const std::string& v : values_) {
        std::string message;
        std::unique_ptr<Lab> lab = lab_variant(base, key_, v, message);
        if (!lab) return message;
        made.push_back(std::move(lab));
    }
    key = key_, values = values_, runs = std::move(made), next_ = 0;
    return "";
}

void Comparison::step() {
    for (size_t tries = 0; tries < runs.size(); ++tries) {
        Lab& run = *runs[next_];
        next_ = (next_ + 1) % runs.size();
        if (!run.done()) {
            run.step();
            return;
        }
    }
}

bool Comparison::done() const {
    for (const auto& run : runs)
        if (!run->done()) return false;
    return true;
}

double Comparison::progress() const {
    if (runs.empty()) return 1;
    double sum = 0;
    for (const auto& run : runs) sum += run->done() ? 1 : run->progress();
    return sum / double(runs.size());
}

long long Comparison::samples_seen() const {
    long long sum = 0;
    for (const auto& run : runs) sum += run->samples_seen();
    return sum;
}

Json Comparison::tag(size_t run) const {
    const std::string& v = values[run];
    char* end = nullptr;
    const double number = std::strtod(v.c_str(), &end);
    const bool is_number = !v.empty() && end == v.c_str() + v.size() && std::isfinite(number);
    Json out = Json::object();
    out[key] = is_number ? json_number(number, 17) : Json(v);  // 17 digits: the value exactly as given
    return out;
}

Json Comparison::json(double samples_per_s) const {
    Json out = Json::object();
    out["lab"] = runs.empty() ? "" : runs[0]->info().id;
    out["vary"] = key;
    out["runs"] = Json::array();
    for (size_t i = 0; i < runs.size(); ++i) {
        Json run = tag(i);
        run.update(run_json(*runs[i], samples_per_s / double(runs.size())));
        out["runs"].push_back(run);
    }
    return out;
}

std::string Comparison::csv() const {
    std::string out;
    for (size_t i = 0; i < runs.size(); ++i) out += "# run " + label(i) + "\n" + run_csv(*runs[i]);
    return out;
}

}  // namespace pl
