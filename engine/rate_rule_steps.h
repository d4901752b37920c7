// The rate rules' updates, one file each (hebb_rule.cpp, oja_rule.cpp, bcm_rule.cpp, sanger_rule.cpp): one
// step from the batch X (inputs x samples), averaged over its columns, at p.eta. rate_rule_table() lists
// them.
#pragma once
#include "engine/rate_rules.h"

namespace pl {

void hebb_step(const RateParams& p, const Mat& X, RateState& s);
void oja_step(const RateParams& p, const Mat& X, RateState& s);
void bcm_step(const RateParams& p, const Mat& X, RateState& s);
void sanger_step(const RateParams& p, const Mat& X, RateState& s);

}  // namespace pl
