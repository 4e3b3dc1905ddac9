#pragma once
// Snapshots of a task's frames for the window (RunOptions::record_frames).

#include "engine/script/vm/interp.hpp"
#include "engine/trace/trace.hpp"

namespace loopscope::script {

class ScriptCoroutine;

// Writes the frames of `coro` (the running task's own coroutine; nothing
// when it is not) from `top` down its await chain: function, line and
// locals as reprs cut to 60 code points. Runs none of the program's code.
void record_task_frames(Interp& in, const ScriptCoroutine& coro, const Frame& top, FrameSnapshotKind kind);
// The running task's frames as they stand (its await chain and the plain
// calls below it), after it printed a line: a Print snapshot right after
// the Output event (nothing when no script task runs).
void record_running_frames(Interp& in);

}  // namespace loopscope::script
