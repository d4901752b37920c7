// A panel's cached result (a gradient-check table, measured angles, a sample run through the net) and the lab
// state it was computed for: the parameters' generation and the training progress. Stale once either moves.
// ThrottledView: when a live view's costly copy of the lab's state is due again.
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

// When a view should copy the lab's state again: at once after a reset or when the view was not drawn in the
// last frame (its texture may hold another view's pixels), else once the lab moved on and `seconds` have
// passed since the last copy (a live view stays cheap to draw while the lab runs). `now_s` and `frame` are
// the UI's clock and frame count (ImGui::GetTime(), ImGui::GetFrameCount()).
class ThrottledView {
public:
    bool due(const Lab& lab, double now_s, int frame, double seconds) {
        const ViewKey now = view_key(lab);
        const bool away = frame > frame_ + 1;
        frame_ = frame;
        const bool reset =
            now.lab != key_.lab || now.generation != key_.generation || now.samples < key_.samples;
        if (!reset && !away && (now == key_ || now_s - at_ < seconds)) return false;
        key_ = now, at_ = now_s;
        return true;
    }

private:
    ViewKey key_;
    double at_ = -1e9;
    int frame_ = -2;  // the frame of the last call
};

}  // namespace pl
