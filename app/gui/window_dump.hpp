#pragma once
// The window's visible state as text, for tests and `loopscope drive`: the
// file, the step, the marked lines, the console, the errors and the Open
// dialog's contents.

#include <string>

#include "app/gui/session.hpp"
#include "app/gui/ui_state.hpp"

namespace loopscope::gui {

std::string describe_window(const Session& s, const UiState& ui, bool dialog_open);

}  // namespace loopscope::gui
