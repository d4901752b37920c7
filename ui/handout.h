// Shows a lab handout (labs/<id>/handout.md) as formatted text: headings, bullets, code/equation lines,
// wrapped paragraphs. A small subset of Markdown, enough for the handouts.
#pragma once
#include <string>

namespace pl::ui {

std::string load_handout(const std::string& lab_id);  // the file's text, or a message saying it is missing
void Handout(const std::string& markdown);

}  // namespace pl::ui
