// Compiled twice: into pl_labs without panels (PL_PANEL(f) is nullptr, so the CLI and the tests link no
// ImGui) and into the app's pl_panels with them (PL_WITH_PANELS).
#include "labs/catalog.h"
#include "engine/json.h"
#include "labs/backprop/backprop_panel.h"
#include "labs/bayes-by-backprop/bayes_by_backprop_panel.h"
#include "labs/continual/continual_panel.h"
#include "labs/feedback-alignment/feedback_alignment_panel.h"
#include "labs/neurons/neurons_panel.h"
#include "labs/plasticity/plasticity_panel.h"
#include "labs/regularization/regularization_panel.h"
#include "labs/surrogate-spikes/surrogate_spikes_panel.h"
#include "labs/target-prop/target_prop_panel.h"

#ifdef PL_WITH_PANELS
#define PL_PANEL(draw) draw
#else
#define PL_PANEL(draw) nullptr
#endif

namespace pl {

namespace {
template <class L>
std::unique_ptr<Lab> make() {
    return std::make_unique<L>();
}

// One table line: the lab's info, its factory and its panel, typed together so the panel gets its own lab.
template <class L, void (*draw)(L&)>
void typed_panel(Lab& lab) {
    draw(static_cast<L&>(lab));  // the entry's factory made an L
}

template <class L, void (*draw)(L&) = nullptr>
CatalogEntry lab() {
    if constexpr (draw == nullptr)
        return {L::kInfo, make<L>, nullptr};
    else
        return {L::kInfo, make<L>, typed_panel<L, draw>};
}
}  // namespace

const std::vector<CatalogEntry>& lab_catalog() {
    static const std::vector<CatalogEntry> labs = {
        lab<BackpropLab, PL_PANEL(draw_backprop_panel)>(),
        lab<FeedbackAlignmentLab, PL_PANEL(draw_feedback_alignment_panel)>(),
        lab<BayesByBackpropLab, PL_PANEL(draw_bayes_by_backprop_panel)>(),
        lab<RegularizationLab, PL_PANEL(draw_regularization_panel)>(),
        lab<SurrogateSpikesLab, PL_PANEL(draw_surrogate_spikes_panel)>(),
        lab<ContinualLab, PL_PANEL(draw_continual_panel)>(),
        lab<TargetPropLab, PL_PANEL(draw_target_prop_panel)>(),
        lab<NeuronsLab, PL_PANEL(draw_neurons_panel)>(),
        lab<PlasticityLab, PL_PANEL(draw_plasticity_panel)>(),
    };
    return labs;
}

const CatalogEntry* find_lab(const std::string& id) {
    for (const CatalogEntry& e : lab_catalog())
        if (e.info.id == id) return &e;
    return nullptr;
}

std::unique_ptr<Lab> make_lab(const std::string& id, std::string& message) {
    std::unique_ptr<Lab> lab = make_lab_before_reset(id, message);
    if (lab) stop_on_stub(*lab, [&] { lab->reset(); });
    return lab;
}

std::unique_ptr<Lab> make_lab_before_reset(const std::string& id, std::string& message) {
    const CatalogEntry* entry = find_lab(id);
    if (!entry) {
        std::string valid;
        for (const CatalogEntry& e : lab_catalog()) valid += (valid.empty() ? "" : ", ") + e.info.id;
        const std::string shown = id.size() <= 40 ? id : id.substr(0, 37) + "...";  // a 100 kB id too
        message = "error: unknown lab '" + shown + "'; labs: " + valid;
        return nullptr;
    }
    if (!entry->make) {
        message = "error: lab '" + id + "' is coming in a later release";
        return nullptr;
    }
    message.clear();
    return entry->make();
}

std::string catalog_json() {
    Json out = Json::array();
    for (const CatalogEntry& e : lab_catalog()) {
        Json entry = {{"id", e.info.id}, {"title", e.info.title}, {"summary", e.info.summary}};
        entry["ready"] = e.make != nullptr;
        if (e.make) entry["params"] = Json::parse(e.make()->params.spec_json());
        out.push_back(entry);
    }
    return dump(out);
}

}  // namespace pl
