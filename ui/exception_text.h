// A C++ exception as the text a user reads: the page's API (ui/web_api.cpp) and the app shell catch every
// exception where their work starts and show this text; a bad_alloc reads "out of memory: ...".
#pragma once
#include <string>

namespace pl::ui {

std::string current_exception_text();  // inside a catch block: the message of the exception being handled

// Runs work(); "" when it returned, else the text of the exception it threw.
template <class Work>
std::string failure_of(Work&& work) {
    try {
        work();
    } catch (...) {
        return current_exception_text();
    }
    return "";
}

}  // namespace pl::ui
