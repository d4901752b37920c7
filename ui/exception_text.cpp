#include "ui/exception_text.h"
#include <exception>
#include <new>

namespace pl::ui {

std::string current_exception_text() {
    try {
        throw;
    } catch (const std::bad_alloc&) {
        return "out of memory: this needs more memory than the page can get; try a smaller network or batch, "
               "or fewer runs";
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "an unknown C++ exception";
    }
}

}  // namespace pl::ui
