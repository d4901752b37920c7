// plasticity-api-doc: writes docs/api.md from the page's API list (ui/web_api_list.h), or checks it.
//   plasticity-api-doc FILE           writes FILE
//   plasticity-api-doc --check FILE   exit 1 when FILE differs from what would be written
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include "ui/web_api_doc.h"

int main(int argc, char** argv) {
    const std::string expected = pl::ui::web_api_markdown();
    if (argc == 3 && std::string(argv[1]) == "--check") {
        std::ifstream in(argv[2]);
        std::stringstream text;
        text << in.rdbuf();
        if (text.str() == expected) return 0;
        std::fprintf(stderr, "%s is out of date: run plasticity-api-doc %s\n", argv[2], argv[2]);
        return 1;
    }
    if (argc != 2) {
        std::fprintf(stderr, "usage: plasticity-api-doc [--check] FILE\n");
        return 2;
    }
    std::ofstream out(argv[1]);
    out << expected;
    return out ? 0 : 1;
}
