#include "labs/params.h"
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <stdexcept>
#include "engine/json.h"

namespace pl {

namespace {

std::string format_number(double v, ParamKind kind) {
    if (kind != ParamKind::Float) return std::to_string(static_cast<long long>(std::llround(v)));
    std::ostringstream out;
    out.precision(10);
    out << v;
    return out.str();
}

// `text` as a message shows it: at most 40 bytes (cut at a character boundary), so a 100 kB value still
// gives a one-line message.
std::string shown(const std::string& text) {
    if (text.size() <= 40) return text;
    size_t cut = 37;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 continuation
    return text.substr(0, cut) + "...";
}

// A whole string in decimal notation ("0.01", "-3", "1e-4") with a finite value: no hex (0x10), inf, nan,
// spaces or trailing text, and not 1e309.
bool parse_number(const std::string& text, double& out) {
    if (text.empty() || text.find_first_not_of("0123456789.eE+-") != std::string::npos) return false;
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size() && std::isfinite(out);
}

// The items of a comma-separated list, empty ones included ("256," -> {"256", ""}).
std::vector<std::string> list_items(const std::string& text) {
    std::vector<std::string> items;
    size_t start = 0;
    for (size_t comma = text.find(','); comma != std::string::npos; comma = text.find(',', start)) {
        items.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    items.push_back(text.substr(start));
    return items;
}

// A number outside [min, max]: clamped into it with a warning, or refused with an error.
std::string out_of_range_message(const ParamSpec& spec, const std::string& text, double& v, ParamKind kind,
                                 OutOfRange out_of_range) {
    const bool above = v > spec.max;
    const double clamped = above ? spec.max : spec.min;
    const std::string where = above ? "above the maximum " : "below the minimum ";
    if (out_of_range == OutOfRange::Refuse)
        return "error: " + spec.name + "=" + shown(text) + " is " + where + format_number(clamped, kind) +
               "; the range is " + format_number(spec.min, kind) + " to " + format_number(spec.max, kind);
    v = clamped;
    return "warning: " + spec.name + "=" + shown(text) + " is " +
           (above ? "above the maximum" : "below the minimum") + "; clamped to " +
           format_number(clamped, kind);
}

ParamValue declared_default(const ParamSpec& s) {
    ParamValue v;
    if (s.kind == ParamKind::IntList)
        v.v.assign(s.def_list.begin(), s.def_list.end());
    else
        v.v = {s.def};
    return v;
}

std::string value_text(const ParamSpec& spec, const ParamValue& value) {
    if (spec.kind == ParamKind::Choice) return spec.choices.at(size_t(value.v.at(0)));
    if (spec.kind == ParamKind::Bool) return value.v.at(0) != 0 ? "true" : "false";
    if (spec.kind == ParamKind::IntList) {
        std::string out;
        for (double v : value.v) out += (out.empty() ? "" : ",") + format_number(v, ParamKind::Int);
        return out;
    }
    return format_number(value.v.at(0), spec.kind);
}

Json value_json(const ParamSpec& spec, const ParamValue& value) {
    if (spec.kind == ParamKind::Choice) return spec.choices.at(size_t(value.v.at(0)));
    if (spec.kind == ParamKind::Bool) return value.v.at(0) != 0;
    if (spec.kind == ParamKind::IntList) return std::vector<int>(value.v.begin(), value.v.end());
    return json_number(value.v.at(0), 10);  // the digits text() shows
}

}  // namespace

Params::Params(std::vector<ParamSpec> specs, std::vector<Preset> presets)
    : specs_(std::move(specs)), presets_(std::move(presets)) {
    if (!presets_.empty()) {
        std::vector<std::string> names = {"custom"};
        std::string help = "custom: the values as set";
        for (const Preset& p : presets_) names.push_back(p.name), help += "; " + p.name + ": " + p.help;
        specs_.insert(specs_.begin(), choice_param("preset", names, 0, help));
    }
    check_mode_defaults();
    reset_to_defaults();
    for (const Preset& p : presets_)  // a preset names only declared parameters with valid values
        for (const std::string& m : Params(*this).set_all(p.values))
            if (is_error(m)) throw std::invalid_argument("preset " + p.name + ": " + m);
}

void Params::check_mode_defaults() const {
    for (const ParamSpec& s : specs_)
        for (const ModeDefaults& table : s.mode_defaults) {
            const ParamSpec* mode = find(table.choice);
            if (!mode || mode->kind != ParamKind::Choice || !mode->mode_defaults.empty())
                throw std::invalid_argument(s.name + ": defaults per '" + table.choice +
                                            "', which is not a choice parameter with a fixed default");
            for (const auto& [when, text] : table.values) {
                if (std::find(mode->choices.begin(), mode->choices.end(), when) == mode->choices.end()) {
                    std::string valid;
                    for (const std::string& c : mode->choices) valid += (valid.empty() ? "" : ", ") + c;
                    throw std::invalid_argument(s.name + ": a default for " + table.choice + "=" + when +
                                                ", which is not a choice; valid: " + valid);
                }
                ParamValue v;
                const std::string m = set_value(s, v, text, OutOfRange::Refuse);
                if (!m.empty())
                    throw std::invalid_argument(s.name + ": the default for " + table.choice + "=" + when +
                                                ": " + m);
            }
        }
}

ParamValue Params::default_of(const ParamSpec& spec) const {
    ParamValue v = declared_default(spec);
    for (const ModeDefaults& table : spec.mode_defaults)  // a later table overrides an earlier one
        for (const auto& [when, text] : table.values)
            if (when == choice(table.choice)) set_value(spec, v, text);
    return v;
}

void Params::follow_modes() {
    for (size_t i = 0; i < specs_.size(); ++i)
        if (!values_[i].chosen && !specs_[i].mode_defaults.empty()) values_[i].v = default_of(specs_[i]).v;
}

void Params::reset_to_defaults() {
    values_.clear();
    for (const ParamSpec& s : specs_) values_.push_back(declared_default(s));
    follow_modes();
    custom_values_ = values_;
    ++generation_;
}

bool Params::follows_mode(const std::string& name) const {
    const ParamSpec* spec = find(name);
    return spec && !spec->mode_defaults.empty() && !values_[size_t(spec - specs_.data())].chosen;
}

void Params::follow_mode(const std::string& name) {
    value(name).chosen = false;
    follow_modes();
    ++generation_;
}

std::string Params::apply_preset(const std::string& name) {
    const size_t index = size_t(find("preset") - specs_.data());
    if (name == "custom") {
        values_ = custom_values_;  // the values from before the first preset
        values_[index].v = {0};
        follow_modes();
        ++generation_;
        return "";
    }
    for (size_t i = 0; i < presets_.size(); ++i) {
        if (presets_[i].name != name) continue;
        if (values_[index].v[0] == 0) custom_values_ = values_;
        std::stringstream in(presets_[i].values);
        std::string item, messages;
        while (std::getline(in, item, '&')) {  // declared "k=v" items, checked when the lab was built
            const size_t eq = item.find('=');
            const std::string key = item.substr(0, eq);
            const std::string m = set_value(*find(key), value(key), item.substr(eq + 1));
            value(key).chosen = true;
            if (!m.empty()) messages += (messages.empty() ? "" : "; ") + m;
        }
        values_[index].v = {double(i + 1)};
        follow_modes();
        ++generation_;
        return messages;
    }
    std::string valid = "custom";
    for (const Preset& p : presets_) valid += ", " + p.name;
    return "error: preset=" + shown(name) + " is not a preset of this lab; valid: " + valid;
}

const ParamSpec* Params::find(const std::string& name) const {
    for (const ParamSpec& s : specs_)
        if (s.name == name) return &s;
    return nullptr;
}

ParamValue& Params::value(const std::string& name) {
    for (size_t i = 0; i < specs_.size(); ++i)
        if (specs_[i].name == name) return values_[i];
    throw std::invalid_argument("unknown parameter '" + name + "'");
}

std::string Params::set(const std::string& name, const std::string& text, OutOfRange out_of_range) {
    const ParamSpec* spec = find(name);
    if (!spec) {
        std::string valid;
        for (const ParamSpec& s : specs_) valid += (valid.empty() ? "" : ", ") + s.name;
        return "error: unknown parameter '" + shown(name) + "'; valid: " + valid;
    }
    if (name == "preset" && !presets_.empty()) return apply_preset(text);
    ParamValue& target = value(name);
    const ParamValue before = target;
    std::string message = set_value(*spec, target, text, out_of_range);
    if (is_error(message)) return message;
    target.chosen = true;
    follow_modes();
    ++generation_;
    // A change after a preset makes the values the user's own again
    const ParamSpec* preset = find("preset");
    if (preset && !presets_.empty() && before.v != target.v && value("preset").v[0] != 0) {
        value("preset").v = {0};
        custom_values_ = values_;
    }
    return message;
}

std::string Params::set_value(const ParamSpec& spec, ParamValue& target, const std::string& text,
                              OutOfRange out_of_range) {
    const std::string& name = spec.name;
    const std::string given = name + "=" + shown(text);

    if (spec.kind == ParamKind::Choice) {
        for (size_t i = 0; i < spec.choices.size(); ++i)
            if (spec.choices[i] == text) {
                target.v = {double(i)};
                return "";
            }
        std::string valid;
        for (const std::string& c : spec.choices) valid += (valid.empty() ? "" : ", ") + c;
        return "error: " + given + " is not a choice; valid: " + valid;
    }

    if (spec.kind == ParamKind::Bool) {
        if (text == "1" || text == "true" || text == "on" || text == "yes")
            target.v = {1};
        else if (text == "0" || text == "false" || text == "off" || text == "no")
            target.v = {0};
        else
            return "error: " + given + " is not a boolean; use true or false";
        return "";
    }

    if (spec.kind == ParamKind::IntList) {
        if (text.empty()) return "error: " + name + " needs at least one integer, e.g. 128,64";
        const std::vector<std::string> items = list_items(text);
        if (int(items.size()) > spec.max_items)
            return "error: " + name + " takes at most " + std::to_string(spec.max_items) + " items";
        std::vector<double> values;
        std::string message;
        for (const std::string& item : items) {
            double v = 0;
            if (!parse_number(item, v) || v != std::floor(v))
                return "error: " + given + " is not a list of integers separated by commas, e.g. 128,64";
            if (v < spec.min || v > spec.max) {
                message = out_of_range_message(spec, item, v, ParamKind::Int, out_of_range);
                if (out_of_range == OutOfRange::Refuse) return message;
            }
            values.push_back(v);
        }
        target.v = values;
        return message;
    }

    double v = 0;
    if (!parse_number(text, v)) return "error: " + given + " is not a finite decimal number, e.g. 0.01";
    if (spec.kind == ParamKind::Int && v != std::floor(v)) return "error: " + given + " is not an integer";
    std::string message;
    if (v < spec.min || v > spec.max) {
        message = out_of_range_message(spec, text, v, spec.kind, out_of_range);
        if (out_of_range == OutOfRange::Refuse) return message;
    }
    target.v = {v};
    return message;
}

std::vector<std::string> Params::set_all(const std::string& query, char separator) {
    std::vector<std::string> messages;
    std::stringstream in(query);
    std::string item;
    while (std::getline(in, item, separator)) {
        if (item.empty()) continue;
        size_t eq = item.find('=');
        if (eq == std::string::npos) {
            messages.push_back("error: '" + shown(item) + "' is not key=value");
            continue;
        }
        std::string message = set(item.substr(0, eq), item.substr(eq + 1));
        if (!message.empty()) messages.push_back(message);
    }
    return messages;
}

double Params::number(const std::string& name) const {
    for (size_t i = 0; i < specs_.size(); ++i)
        if (specs_[i].name == name) return values_[i].v.at(0);
    throw std::invalid_argument("unknown parameter '" + name + "'");
}

const std::string& Params::choice(const std::string& name) const {
    const ParamSpec* spec = find(name);
    if (!spec || spec->kind != ParamKind::Choice)
        throw std::invalid_argument("no choice parameter '" + name + "'");
    return spec->choices.at(size_t(number(name)));
}

std::vector<int> Params::list(const std::string& name) const {
    for (size_t i = 0; i < specs_.size(); ++i)
        if (specs_[i].name == name) return std::vector<int>(values_[i].v.begin(), values_[i].v.end());
    throw std::invalid_argument("unknown parameter '" + name + "'");
}

std::string Params::text(const std::string& name) const {
    const ParamSpec* spec = find(name);
    if (!spec) throw std::invalid_argument("unknown parameter '" + name + "'");
    return value_text(*spec, values_[size_t(spec - specs_.data())]);
}

std::string Params::query() const {
    std::string out;
    for (const ParamSpec& s : specs_)
        if (!follows_mode(s.name)) out += (out.empty() ? "" : "&") + s.name + "=" + text(s.name);
    return out;
}

std::string Params::json() const {
    Json out = Json::object();
    for (size_t i = 0; i < specs_.size(); ++i) out[specs_[i].name] = value_json(specs_[i], values_[i]);
    return dump(out);
}

std::string Params::default_text(const ParamSpec& spec) const {
    if (spec.mode_defaults.empty()) return value_text(spec, declared_default(spec));
    std::string out;
    bool every_mode_named = false;
    for (const ModeDefaults& table : spec.mode_defaults) {
        for (const auto& [when, text] : table.values) {
            ParamValue v;
            set_value(spec, v, text);
            out += (out.empty() ? "" : "; ") + table.choice + "=" + when + ": " + value_text(spec, v);
        }
        every_mode_named = every_mode_named || table.values.size() == find(table.choice)->choices.size();
    }
    return every_mode_named ? out : out + "; else " + value_text(spec, declared_default(spec));
}

std::string Params::spec_json() const {
    static const char* kinds[] = {"float", "int", "choice", "bool", "int_list"};
    Params fresh = *this;
    fresh.reset_to_defaults();
    Json out = Json::array();
    for (size_t i = 0; i < specs_.size(); ++i) {
        const ParamSpec& s = specs_[i];
        Json spec = {{"name", s.name}, {"kind", kinds[int(s.kind)]}};
        if (s.kind == ParamKind::Choice) spec["choices"] = s.choices;
        spec["default"] = value_json(s, fresh.values_[i]);
        if (s.kind != ParamKind::Choice && s.kind != ParamKind::Bool) {
            spec["min"] = json_number(s.min, 10);
            spec["max"] = json_number(s.max, 10);
        }
        if (!s.mode_defaults.empty()) {
            Json tables = Json::array();
            for (const ModeDefaults& table : s.mode_defaults) {
                Json values = Json::object();
                for (const auto& [when, text] : table.values) {
                    ParamValue v;
                    set_value(s, v, text);
                    values[when] = value_json(s, v);
                }
                tables.push_back({{"choice", table.choice}, {"values", values}});
            }
            spec["mode_defaults"] = tables;
        }
        spec["unit"] = s.unit;
        spec["help"] = s.help;
        out.push_back(spec);
    }
    return dump(out);
}

std::string Params::markdown_table() const {
    std::string out = "| name | default | range | unit | meaning |\n|---|---|---|---|---|\n";
    for (const ParamSpec& s : specs_) {
        const std::string def = default_text(s);
        std::string range;
        if (s.kind == ParamKind::Choice) {
            for (const std::string& c : s.choices) range += (range.empty() ? "" : ", ") + c;
        } else if (s.kind == ParamKind::Bool) {
            range = "true, false";
        } else if (s.kind == ParamKind::IntList) {
            range = format_number(s.min, ParamKind::Int) + " to " + format_number(s.max, ParamKind::Int) +
                    " each, up to " + std::to_string(s.max_items) + " items";
        } else {
            range = format_number(s.min, s.kind) + " to " + format_number(s.max, s.kind);
            if (s.log_scale) range += " (log)";
        }
        std::string help;  // a | inside a cell is written \|
        for (char c : s.help) help += c == '|' ? std::string("\\|") : std::string(1, c);
        out += "| `" + s.name + "` | " + def + " | " + range + " | " + s.unit + " | " + help + " |\n";
    }
    return out;
}

Applies when(const std::string& name, const std::vector<std::string>& values) {
    return [name, values](const Params& p) {
        const std::string text = p.text(name);
        for (const std::string& v : values)
            if (v == text) return true;
        return false;
    };
}

ParamSpec float_param(const std::string& name, double def, double min, double max, const std::string& unit,
                      const std::string& help, bool log_scale) {
    ParamSpec s;
    s.name = name, s.kind = ParamKind::Float, s.def = def, s.min = min, s.max = max;
    s.unit = unit, s.help = help, s.log_scale = log_scale;
    return s;
}

ParamSpec int_param(const std::string& name, int def, int min, int max, const std::string& help) {
    ParamSpec s;
    s.name = name, s.kind = ParamKind::Int, s.def = def, s.min = min, s.max = max, s.help = help;
    return s;
}

ParamSpec choice_param(const std::string& name, const std::vector<std::string>& choices, int def,
                       const std::string& help) {
    ParamSpec s;
    s.name = name, s.kind = ParamKind::Choice, s.def = def, s.min = 0, s.max = double(choices.size()) - 1;
    s.choices = choices, s.help = help;
    return s;
}

ParamSpec bool_param(const std::string& name, bool def, const std::string& help) {
    ParamSpec s;
    s.name = name, s.kind = ParamKind::Bool, s.def = def ? 1 : 0, s.min = 0, s.max = 1, s.help = help;
    return s;
}

ParamSpec int_list_param(const std::string& name, const std::vector<int>& def, int min, int max,
                         const std::string& help, int max_items) {
    ParamSpec s;
    s.name = name, s.kind = ParamKind::IntList, s.def_list = def, s.min = min, s.max = max;
    s.help = help, s.max_items = max_items;
    return s;
}

ParamSpec per_mode(ParamSpec spec, const std::string& choice,
                   const std::vector<std::pair<std::string, std::string>>& defaults) {
    spec.mode_defaults.push_back({choice, defaults});
    return spec;
}

std::vector<ParamSpec> concat(const std::vector<std::vector<ParamSpec>>& lists) {
    std::vector<ParamSpec> out;
    for (const std::vector<ParamSpec>& list : lists) out.insert(out.end(), list.begin(), list.end());
    return out;
}

ParamSpec choice_param(const std::string& name, const std::vector<std::string>& offered,
                       const std::vector<std::string>& helps, const std::string& def,
                       const std::string& help) {
    std::string full_help = help;
    for (size_t i = 0; i < offered.size(); ++i) full_help += "; " + offered[i] + " = " + helps[i];
    for (size_t i = 0; i < offered.size(); ++i)
        if (offered[i] == def) return choice_param(name, offered, int(i), full_help);
    throw std::invalid_argument(name + ": the default '" + def + "' is not one of the choices offered");
}

}  // namespace pl
