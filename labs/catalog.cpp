#include "labs/catalog.h"
#include "labs/backprop/backprop_lab.h"
#include "labs/bayes-by-backprop/bayes_by_backprop_lab.h"
#include "labs/feedback-alignment/feedback_alignment_lab.h"
#include "labs/regularization/regularization_lab.h"
#include "labs/surrogate-spikes/surrogate_spikes_lab.h"
#include "labs/target-prop/target_prop_lab.h"

namespace pl {

namespace {
template <class T>
std::unique_ptr<Lab> make() {
    return std::make_unique<T>();
}
}  // namespace

const std::vector<CatalogEntry>& lab_catalog() {
    static const std::vector<CatalogEntry> labs = {
        {BackpropLab::kInfo, make<BackpropLab>},
        {FeedbackAlignmentLab::kInfo, make<FeedbackAlignmentLab>},
        {BayesByBackpropLab::kInfo, make<BayesByBackpropLab>},
        {RegularizationLab::kInfo, make<RegularizationLab>},
        {SurrogateSpikesLab::kInfo, make<SurrogateSpikesLab>},
        {{"continual", "Continual learning", "Catastrophic forgetting; EWC, SI and replay"}},
        {TargetPropLab::kInfo, make<TargetPropLab>},
        {{"neurons", "Neuron models", "LIF, AdEx, Izhikevich and Hodgkin-Huxley"}},
        {{"plasticity", "Synaptic plasticity", "Hebb, Oja, BCM, STDP and an STDP network learning digits"}},
    };
    return labs;
}

const CatalogEntry* find_lab(const std::string& id) {
    for (const CatalogEntry& e : lab_catalog())
        if (e.info.id == id) return &e;
    return nullptr;
}

std::unique_ptr<Lab> make_lab(const std::string& id, std::string& message) {
    const CatalogEntry* entry = find_lab(id);
    if (!entry) {
        std::string valid;
        for (const CatalogEntry& e : lab_catalog()) valid += (valid.empty() ? "" : ", ") + e.info.id;
        message = "error: unknown lab '" + id + "'; labs: " + valid;
        return nullptr;
    }
    if (!entry->make) {
        message = "error: lab '" + id + "' is coming in a later release";
        return nullptr;
    }
    std::unique_ptr<Lab> lab = entry->make();
    lab->reset();
    message.clear();
    return lab;
}

std::string catalog_json() {
    std::string out = "[";
    for (const CatalogEntry& e : lab_catalog()) {
        if (out.size() > 1) out += ",";
        out += "{\"id\":\"" + e.info.id + "\",\"title\":\"" + e.info.title + "\",\"summary\":\"" +
               e.info.summary + "\",\"ready\":" + (e.make ? "true" : "false");
        if (e.make) out += ",\"params\":" + e.make()->params.spec_json();
        out += "}";
    }
    return out + "]";
}

}  // namespace pl
