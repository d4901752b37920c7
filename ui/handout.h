// Shows a lab handout (labs/<id>/handout.md) as formatted text: headings, bullets, tables, code/equation
// lines, wrapped paragraphs, and preset links `[label](#preset=NAME)` drawn as buttons. A small Markdown
// subset.
#pragma once
#include <string>

namespace pl::ui {

std::string load_handout(const std::string& lab_id);  // the file's text, or a message saying it is missing
// Draws the handout; returns the NAME of the preset link clicked this frame, else "".
std::string Handout(const std::string& markdown);

}  // namespace pl::ui
