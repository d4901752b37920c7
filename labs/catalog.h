// The nine labs of the course in menu order; a lab not built yet has no `make` and is shown as "coming".
// Adding a lab: one entry here, one panel entry in labs/panels.cpp (see docs/adding-a-lab.md).
#pragma once
#include <memory>
#include <string>
#include <vector>
#include "labs/lab.h"

namespace pl {

struct CatalogEntry {
    LabInfo info;
    std::unique_ptr<Lab> (*make)() = nullptr;
};

const std::vector<CatalogEntry>& lab_catalog();
const CatalogEntry* find_lab(const std::string& id);
// The lab, built and reset(); nullptr with `message` set when the id is unknown or the lab is coming.
std::unique_ptr<Lab> make_lab(const std::string& id, std::string& message);
std::string catalog_json();  // [{"id":..,"title":..,"summary":..,"ready":true,"params":[...]}, ...]

}  // namespace pl
