// A panel's cached result (a gradient-check table, measured angles, a sample run through the net) and the lab
// state it was computed for: the parameters' generation and the training progress. Stale once either moves.
#pragma once
#include <functional>
#include <string>
#include "labs/lab.h"

namespace pl {

struct ViewKey {
    const Lab* lab = nullptr;
    int generation = -1;     // Params::generation(): any parameter change (a reset follows it)
    size_t values = 0;       // a hash of every value: tells apart another lab object at the same address
    long long samples = -1;  // samples trained since reset(): a step, or a reset (back to 0)
    int epochs = -1;         // rows of the epoch log: an evaluation that changed no weights still moves it
    bool operator==(const ViewKey&) const = default;
};

inline ViewKey view_key(const Lab& lab) {
    return {&lab, lab.params.generation(), std::hash<std::string>{}(lab.params.query()), lab.samples_seen(),
            lab.epochs_logged()};
}

// `what` names the input of a view that has one (the test sample shown, the drawing on the pad).
template <class T>
class CachedView {
public:
    // The value if it was computed for the lab as it is now (and for `what`), else nullptr.
    const T* get(const Lab& lab, const std::string& what = "") const {
        return key_ == view_key(lab) && what_ == what ? &value_ : nullptr;
    }
    const T& set(const Lab& lab, T value, const std::string& what = "") {
        value_ = std::move(value), key_ = view_key(lab), what_ = what;
        return value_;
    }

private:
    T value_{};
    ViewKey key_;
    std::string what_;
};

}  // namespace pl
