#include "labs/comparison.h"
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <sstream>
#include "labs/catalog.h"
#include "labs/run_export.h"
#if defined(__SANITIZE_ADDRESS__)
extern "C" size_t __sanitizer_get_current_allocated_bytes();  // libasan's (GCC has no allocator_interface.h)
#elif defined(__EMSCRIPTEN__) || defined(__GLIBC__)
#include <malloc.h>
#endif

namespace pl {

namespace {

// Bytes of heap the program holds now; 0 where the platform cannot tell (then no run is refused ahead).
double heap_in_use() {
#if defined(__SANITIZE_ADDRESS__)
    return double(__sanitizer_get_current_allocated_bytes());  // ASan's allocator replaces malloc's
#elif defined(__EMSCRIPTEN__)
    return double(unsigned(mallinfo().uordblks));
#elif defined(__GLIBC__)
    const struct mallinfo2 info = mallinfo2();
    return double(info.uordblks + info.hblkhd);  // small blocks + the large ones mapped on their own
#else
    return 0;
#endif
}

// "1.9 GB", "240 MB" (binary units, as the heap counts them)
std::string memory_text(double bytes) {
    const double mb = bytes / (1024.0 * 1024.0);
    char text[32];
    if (mb >= 1024)
        std::snprintf(text, sizeof text, "%.1f GB", mb / 1024);
    else
        std::snprintf(text, sizeof text, "%.0f MB", mb);
    return text;
}

std::string too_much_memory(const std::string& need) {
    return "error: this comparison would need " + need + "; the limit is " +
           memory_text(kMaxComparisonBytes) + ": compare fewer values or use a smaller network";
}

}  // namespace

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

std::string check_values(const Params& base, const std::string& key, const std::vector<std::string>& values,
                         OutOfRange out_of_range) {
    if (values.size() < 2) return "error: a comparison needs at least two values, e.g. bp,fa";
    Params params = base;
    for (const std::string& v : values) {
        const std::string message = params.set(key, v, out_of_range);
        if (params.is_error(message)) return message;
    }
    return "";
}

std::unique_ptr<Lab> lab_variant(const Lab& base, const std::string& key, const std::string& value,
                                 std::string& message) {
    std::unique_ptr<Lab> lab = make_lab_before_reset(base.info().id, message);
    if (!lab) return nullptr;
    lab->params.set_all(base.params.query());
    message = lab->params.set(key, value);
    if (lab->params.is_error(message)) return nullptr;
    stop_on_stub(*lab, [&] { lab->reset(); });
    return lab;
}

std::string Comparison::start(const Lab& base, const std::string& key_,
                              const std::vector<std::string>& values_) {
    clear();
    std::string message = check_values(base.params, key_, values_);
    if (!message.empty()) return message;
    const size_t count = values_.size();
    std::vector<std::unique_ptr<Lab>> made;
    try {
        // the first run's memory once it has stepped (lazily sized buffers included), times the runs
        const double before = heap_in_use();
        made.push_back(lab_variant(base, key_, values_[0], message));
        if (!made.back()) return message;
        stop_on_stub(*made.back(), [&] { made.back()->step(); });
        const double per_run = std::max(0.0, heap_in_use() - before);
        if (per_run * double(count) > kMaxComparisonBytes)
            return too_much_memory("about " + memory_text(per_run * double(count)) + " (" +
                                   std::to_string(count) + " runs x " + memory_text(per_run) + ")");
        while (made.size() < count) {
            made.push_back(lab_variant(base, key_, values_[made.size()], message));
            if (!made.back()) return message;
        }
    } catch (const std::bad_alloc&) {
        return too_much_memory("more memory than there is (out of memory creating run " +
                               std::to_string(made.size() + 1) + " of " + std::to_string(count) + ", " +
                               key_ + "=" + values_[made.size()] + ")");
    }
    key = key_, values = values_, runs = std::move(made), next_ = 0;
    return "";
}

void Comparison::step() {
    for (size_t tries = 0; tries < runs.size(); ++tries) {
        Lab& run = *runs[next_];
        next_ = (next_ + 1) % runs.size();
        if (!run.done()) {
            stop_on_stub(run, [&] { run.step(); });
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

Json value_tag(const std::string& key, const std::string& value) {
    char* end = nullptr;
    const double number = std::strtod(value.c_str(), &end);
    const bool is_number = !value.empty() && end == value.c_str() + value.size() && std::isfinite(number);
    Json out = Json::object();
    out[key] = is_number ? json_number(number, 17) : Json(value);  // 17 digits: the value exactly as given
    return out;
}

Json comparison_run_json(const std::string& key, const std::string& value, const Lab& run,
                         double samples_per_s) {
    Json out = value_tag(key, value);
    out.update(run_json(run, samples_per_s));
    return out;
}

Json comparison_json(const std::string& lab, const std::string& key, Json runs) {
    Json out = Json::object();
    out["lab"] = lab;
    out["vary"] = key;
    out["runs"] = std::move(runs);
    return out;
}

Json Comparison::json(double samples_per_s) const {
    Json out = Json::array();
    for (size_t i = 0; i < runs.size(); ++i)
        out.push_back(comparison_run_json(key, values[i], *runs[i], samples_per_s / double(runs.size())));
    return comparison_json(runs.empty() ? "" : runs[0]->info().id, key, out);
}

std::string Comparison::csv() const {
    std::string out;
    for (size_t i = 0; i < runs.size(); ++i) out += "# run " + label(i) + "\n" + run_csv(*runs[i]);
    return out;
}

}  // namespace pl
