// Every ready lab's handout.md embeds its parameter table exactly as the lab declares it (so the two cannot
// drift), and every preset link in it names a preset the lab has.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include "labs/catalog.h"

using namespace pl;

namespace {
const std::string kBegin =
    "<!-- parameters: generated from the lab's declaration by scripts/handout-tables -->\n";
const std::string kEnd = "<!-- end of parameters -->";

std::string read_handout(const std::string& id) {
    std::ifstream in(std::string(PL_SOURCE_DIR) + "/labs/" + id + "/handout.md");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}
}  // namespace

TEST_CASE("each handout's parameter table is the one its lab declares", "[handout]") {
    for (const CatalogEntry& entry : lab_catalog()) {
        if (!entry.make) continue;
        const std::string id = entry.info.id, handout = read_handout(id);
        INFO("labs/" << id << "/handout.md (regenerate with scripts/handout-tables)");
        const size_t begin = handout.find(kBegin), end = handout.find(kEnd);
        REQUIRE(begin != std::string::npos);
        REQUIRE(end != std::string::npos);
        CHECK(handout.substr(begin + kBegin.size(), end - begin - kBegin.size()) ==
              entry.make()->params.markdown_table());
    }
}

TEST_CASE("each preset link in a handout names a preset of its lab", "[handout]") {
    const std::string marker = "](#preset=";
    int links = 0;
    for (const CatalogEntry& entry : lab_catalog()) {
        if (!entry.make) continue;
        const std::string handout = read_handout(entry.info.id);
        const Params params = entry.make()->params;
        for (size_t at = handout.find(marker); at != std::string::npos; at = handout.find(marker, at + 1)) {
            const size_t start = at + marker.size();
            const std::string name = handout.substr(start, handout.find(')', start) - start);
            INFO(entry.info.id << ": preset link " << name);
            Params copy = params;
            CHECK(copy.set("preset", name).empty());
            ++links;
        }
    }
    CHECK(links >= 5);  // Labs 2, 4 and 5 link their presets
}
