// The nine labs of the course in menu order, one table line each: id and title, factory, panel. A lab not
// built yet has no factory and is shown as "coming". docs/architecture.md, "Adding a lab", lists the files.
#pragma once
#include <memory>
#include <string>
#include <vector>
#include "labs/lab.h"

namespace pl {

struct CatalogEntry {
    LabInfo info;
    std::unique_ptr<Lab> (*make)() = nullptr;
    void (*panel)(Lab&) = nullptr;  // the lab's ImGui panel; nullptr in headless builds (CLI, tests)
};

const std::vector<CatalogEntry>& lab_catalog();
const CatalogEntry* find_lab(const std::string& id);
// The lab, built and reset(); nullptr with `message` set when the id is unknown or the lab is coming.
std::unique_ptr<Lab> make_lab(const std::string& id, std::string& message);
// The same before its first reset(): its parameters and info only (the CLI sets them, then resets once).
std::unique_ptr<Lab> make_lab_before_reset(const std::string& id, std::string& message);
std::string catalog_json();  // [{"id":..,"title":..,"summary":..,"ready":true,"params":[...]}, ...]

}  // namespace pl
