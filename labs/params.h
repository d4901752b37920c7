// A lab's parameters, declared once next to the settings struct they fill: this one list drives the ImGui
// editor, the URL hash, the CLI flags, the exported JSON and the handout's table. Values are set from text.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace pl {

enum class ParamKind { Float, Int, Choice, Bool, IntList };
class Params;
using Applies = std::function<bool(const Params&)>;  // whether a parameter applies to the current mode

// Defaults of a parameter that depend on the choice parameter `choice`: while it has a value listed here, the
// default is that value's text ({"hh", "10"}, {"adex", "500"}; an IntList "400,400"). Build with per_mode().
struct ModeDefaults {
    std::string choice;                                       // a Choice parameter, e.g. "model"
    std::vector<std::pair<std::string, std::string>> values;  // the choice's value -> the default as text
};

struct ParamSpec {
    std::string name;  // URL/CLI key, e.g. "lr"
    ParamKind kind = ParamKind::Float;
    double def = 0;                    // default (Choice: index into choices; IntList: see def_list)
    double min = 0, max = 1;           // range (IntList: range of each element)
    std::vector<std::string> choices;  // Choice only
    std::vector<int> def_list;         // IntList only, e.g. hidden layer sizes {256, 128}
    std::string unit;                  // "ms", "mV", "" ...
    std::string help;                  // one line
    bool log_scale = false;            // editor drags on a log scale (learning rates)
    int max_items = 5;                 // IntList only
    Applies applies;  // empty: always; else the editor hides it when false (URL/CLI still set it)
    // Per-mode defaults; a later table overrides an earlier one, def/def_list serve the modes none names.
    std::vector<ModeDefaults> mode_defaults;
};

// A named set of values ("k=v&k=v") a lab offers; `preset=NAME` in the URL, the CLI or a handout link applies
// it.
struct Preset {
    std::string name;    // "linear-small-init"
    std::string help;    // one line
    std::string values;  // "task=student-teacher&linear=true&init_scale=0.1"
};

// Float/Int/Bool/Choice: one value (Choice = index). IntList: the elements.
struct ParamValue {
    std::vector<double> v;
    bool chosen = false;  // set by the URL, CLI, editor, JS or a preset: no longer follows its mode's default
};

// What set() does with a number outside its parameter's range: clamp it with a warning (the editor, the URL)
// or refuse it with an error (the CLI: a script must not silently run another experiment than it asked for).
enum class OutOfRange { Clamp, Refuse };

class Params {
public:
    Params() = default;
    // With presets, a first parameter `preset` (custom, then the presets' names) is added: setting it applies
    // the preset's values; `preset=custom` restores the values from before the first preset was applied.
    explicit Params(std::vector<ParamSpec> specs, std::vector<Preset> presets = {});

    const std::vector<ParamSpec>& specs() const { return specs_; }
    const ParamSpec* find(const std::string& name) const;

    // Sets `name` from text ("0.01", "adam", "true", "256,128"). Returns "" when taken as given, else a
    // one-line message: a clamping warning (value still set) or an error (value unchanged). Numbers are
    // decimal only (no hex, inf, nan or spaces), integers whole, lists without empty items. A value set
    // keeps its value when a mode changes; the others follow their mode's default (order does not matter).
    std::string set(const std::string& name, const std::string& text,
                    OutOfRange out_of_range = OutOfRange::Clamp);
    bool is_error(const std::string& message) const { return message.rfind("error:", 0) == 0; }
    // Applies "a=1&b=2" (URL hash) or a list of "a=1" items; returns every message, in order.
    std::vector<std::string> set_all(const std::string& query, char separator = '&');

    double number(const std::string& name) const;
    int integer(const std::string& name) const { return int(number(name)); }
    bool flag(const std::string& name) const { return number(name) != 0; }
    const std::string& choice(const std::string& name) const;
    std::vector<int> list(const std::string& name) const;

    std::string text(const std::string& name) const;  // canonical text of the value
    // "k=v&k=v" for every parameter (shareable link), except those following their mode's default: the link
    // sets the modes and they follow again, so a comparison over a mode or an edited link moves them too.
    std::string query() const;
    std::string json() const;  // {"k": value, ...}
    // The declaration: names, kinds, ranges, defaults (as set before any change; per mode in
    // "mode_defaults": [{"choice": "model", "values": {"hh": 10, ...}}]), units, help.
    std::string spec_json() const;
    // | name | default | range | unit | meaning |, one row per parameter (handouts embed it; a test checks).
    std::string markdown_table() const;
    void reset_to_defaults();  // every value to its default, and following its mode's default again
    // The default column: "10", or per mode "model=hh: 10; model=adex: 500" ("; else 1" for modes unnamed).
    std::string default_text(const ParamSpec& spec) const;
    // Whether `name` has per-mode defaults and follows them (not set since the last reset).
    bool follows_mode(const std::string& name) const;
    void follow_mode(const std::string& name);  // forgets the value set: follows its mode's default again
    bool applies(const ParamSpec& spec) const { return !spec.applies || spec.applies(*this); }
    const std::vector<Preset>& presets() const { return presets_; }

    // For editors: direct access to a value (the editor clamps itself via set()).
    ParamValue& value(const std::string& name);
    int generation() const { return generation_; }  // bumped on every change

private:
    std::string apply_preset(const std::string& name);
    ParamValue default_of(const ParamSpec& spec) const;  // in the current modes
    void follow_modes();                                 // values not chosen take their mode's default
    void check_mode_defaults() const;                    // throws on an unknown mode or a value out of range
    // Parses `text` into `target` for `spec` (clamping with a warning); "" or a message, as set() returns.
    static std::string set_value(const ParamSpec& spec, ParamValue& target, const std::string& text,
                                 OutOfRange out_of_range = OutOfRange::Clamp);

    std::vector<ParamSpec> specs_;
    std::vector<ParamValue> values_;
    std::vector<Preset> presets_;
    std::vector<ParamValue> custom_values_;  // the values before the first preset was applied
    int generation_ = 0;
};

// Applies only while the choice (or bool) parameter `name` has one of `values` as its text.
Applies when(const std::string& name, const std::vector<std::string>& values);

// A parameter bound to a field of a settings struct S: experiment code reads S's fields, never names.
template <class S>
struct Field {
    ParamSpec spec;
    std::function<void(S&, const Params&)> read;
};
template <class S>
using Fields = std::vector<Field<S>>;

// `spec` read into s.*member: double (Float), int (Int), bool (Bool), std::string (Choice), std::vector<int>.
template <class S, class T>
Field<S> bind(T S::*member, ParamSpec spec) {
    const std::string name = spec.name;
    return {std::move(spec), [member, name](S& s, const Params& p) {
                if constexpr (std::is_same_v<T, bool>)
                    s.*member = p.flag(name);
                else if constexpr (std::is_same_v<T, std::string>)
                    s.*member = p.text(name);
                else if constexpr (std::is_same_v<T, std::vector<int>>)
                    s.*member = p.list(name);
                else
                    s.*member = T(p.number(name));
            }};
}

// The fields of a part (e.g. the shared training settings) as fields of the struct S that holds it in `part`.
template <class S, class Part>
Fields<S> nested(Part S::*part, const Fields<Part>& fields) {
    Fields<S> out;
    for (const Field<Part>& f : fields)
        out.push_back({f.spec, [part, read = f.read](S& s, const Params& p) { read(s.*part, p); }});
    return out;
}

template <class S>
std::vector<ParamSpec> specs_of(const Fields<S>& fields) {
    std::vector<ParamSpec> out;
    for (const Field<S>& f : fields) out.push_back(f.spec);
    return out;
}

// S filled from the current values (S's defaults for nothing: every field is declared).
template <class S>
S read_settings(const Fields<S>& fields, const Params& params) {
    S s{};
    for (const Field<S>& f : fields) f.read(s, params);
    return s;
}

// The lists one after another, e.g. a lab's own parameters followed by shared ones.
std::vector<ParamSpec> concat(const std::vector<std::vector<ParamSpec>>& lists);

// Convenience constructors for declarations.
ParamSpec float_param(const std::string& name, double def, double min, double max, const std::string& unit,
                      const std::string& help, bool log_scale = false);
ParamSpec int_param(const std::string& name, int def, int min, int max, const std::string& help);
ParamSpec choice_param(const std::string& name, const std::vector<std::string>& choices, int def,
                       const std::string& help);
ParamSpec bool_param(const std::string& name, bool def, const std::string& help);
ParamSpec int_list_param(const std::string& name, const std::vector<int>& def, int min, int max,
                         const std::string& help, int max_items = 5);
// `spec` with defaults per value of the choice parameter `choice`, e.g.
// per_mode(float_param("amplitude", ...), "model", {{"hh", "10"}, {"adex", "500"}}). Params' constructor
// throws when `choice` is not a choice parameter, a value is not one of its choices, or a default is out of
// range.
ParamSpec per_mode(ParamSpec spec, const std::string& choice,
                   const std::vector<std::pair<std::string, std::string>>& defaults);

// A choice parameter offering `offered` from `table` (e.g. Lab 2's {bp, fa, dfa, sign} of the learning
// rules), `def` selected; the help adds each choice's own. Throws, listing the table's names, when a name is
// not in the table, or when `def` is not offered.
template <class Value>
class Table;
ParamSpec choice_param(const std::string& name, const std::vector<std::string>& offered,
                       const std::vector<std::string>& helps, const std::string& def,
                       const std::string& help);
template <class Value>
ParamSpec choice_param(const std::string& name, const Table<Value>& table,
                       const std::vector<std::string>& offered, const std::string& def,
                       const std::string& help) {
    std::vector<std::string> helps;
    for (const std::string& choice : offered) helps.push_back(table.find(choice).help);
    return choice_param(name, offered, helps, def, help);
}

}  // namespace pl
