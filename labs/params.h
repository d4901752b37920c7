// A lab's parameters, declared once: this one list drives the ImGui editor, the URL hash, the CLI flags
// and the exported JSON. Values are set from text; out-of-range values are clamped with a warning.
#pragma once
#include <string>
#include <vector>

namespace pl {

enum class ParamKind { Float, Int, Choice, Bool, IntList };

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
};

// Float/Int/Bool/Choice: one value (Choice = index). IntList: the elements.
struct ParamValue {
    std::vector<double> v;
};

class Params {
public:
    Params() = default;
    explicit Params(std::vector<ParamSpec> specs);

    const std::vector<ParamSpec>& specs() const { return specs_; }
    const ParamSpec* find(const std::string& name) const;

    // Sets `name` from text ("0.01", "adam", "true", "256,128"). Returns "" when taken as given, else a
    // one-line message: a clamping warning (value still set) or an error (value unchanged).
    std::string set(const std::string& name, const std::string& text);
    bool is_error(const std::string& message) const { return message.rfind("error:", 0) == 0; }
    // Applies "a=1&b=2" (URL hash) or a list of "a=1" items; returns every message, in order.
    std::vector<std::string> set_all(const std::string& query, char separator = '&');

    double number(const std::string& name) const;
    int integer(const std::string& name) const { return int(number(name)); }
    bool flag(const std::string& name) const { return number(name) != 0; }
    const std::string& choice(const std::string& name) const;
    std::vector<int> list(const std::string& name) const;

    std::string text(const std::string& name) const;  // canonical text of the value
    std::string query() const;                        // "k=v&k=v" for every parameter (shareable link)
    std::string json() const;                         // {"k": value, ...}
    std::string spec_json() const;  // the declaration: names, kinds, ranges, defaults, units, help
    void reset_to_defaults();

    // For editors: direct access to a value (the editor clamps itself via set()).
    ParamValue& value(const std::string& name);
    int generation() const { return generation_; }  // bumped on every change

private:
    std::vector<ParamSpec> specs_;
    std::vector<ParamValue> values_;
    int generation_ = 0;
};

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
