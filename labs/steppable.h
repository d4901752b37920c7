// Work that LabRunner can time-slice: a single lab, or a comparison of several runs of one.
// step() does one small unit (< ~30 ms); done() once finished or stopped by an error.
#pragma once

namespace pl {

class Steppable {
public:
    virtual ~Steppable() = default;
    virtual void step() = 0;
    virtual bool done() const = 0;
    virtual double progress() const = 0;         // 0..1
    virtual long long samples_seen() const = 0;  // training samples processed so far
};

}  // namespace pl
