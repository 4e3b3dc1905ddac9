#pragma once
// What the last frame drew cut off: a window whose content is wider or
// taller than the window with no scrollbar to reach it, and a table cell or
// column header whose text runs past its column. For tests and `loopscope
// drive` (`check-layout`): a learner must never meet half a word.

#include <string>
#include <vector>

namespace loopscope::gui {

// One line per cut: "window 'Tasks': content 812 px wide in 640 px, no
// scrollbar" or "table 'tasks' column 'Awaits': text 40 px past its edge".
// Call after the frame ended (ImGui::Render or EndFrame).
std::vector<std::string> clipped_in_last_frame();

}  // namespace loopscope::gui
