// A table of named choices (learning rules, activations, optimizers, surrogates, read-outs, neuron models):
// name, one-line help and a value (usually a factory). find() refuses an unknown name, listing the valid
// ones.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace pl {

template <class Value>
struct TableEntry {
    std::string name;  // the URL/CLI name, e.g. "fa"
    std::string help;  // one line for the editor and the docs
    Value value;
};

template <class Value>
class Table {
public:
    Table(std::string what, std::vector<TableEntry<Value>> entries)
        : what_(std::move(what)), entries_(std::move(entries)) {}

    // The entry called `name`; throws std::invalid_argument "unknown <what> 'x'; valid: a, b, c" otherwise.
    const TableEntry<Value>& find(const std::string& name) const {
        for (const TableEntry<Value>& e : entries_)
            if (e.name == name) return e;
        throw std::invalid_argument("unknown " + what_ + " '" + name + "'; valid: " + joined_names());
    }
    bool has(const std::string& name) const {
        for (const TableEntry<Value>& e : entries_)
            if (e.name == name) return true;
        return false;
    }
    std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const TableEntry<Value>& e : entries_) out.push_back(e.name);
        return out;
    }
    std::string joined_names() const {
        std::string out;
        for (const TableEntry<Value>& e : entries_) out += (out.empty() ? "" : ", ") + e.name;
        return out;
    }
    const std::vector<TableEntry<Value>>& entries() const { return entries_; }
    const std::string& what() const { return what_; }

private:
    std::string what_;  // "learning rule", "activation", ...
    std::vector<TableEntry<Value>> entries_;
};

}  // namespace pl
