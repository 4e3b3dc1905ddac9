#include "engine/loop/world.hpp"

#include "engine/loop/event_loop.hpp"

namespace loopscope {

World::World(RunOptions o) : options(o) { net.set_clock(&now); }

World::~World() = default;

EventLoop& World::new_loop() {
  loops.push_back(std::make_unique<EventLoop>(*this));
  return *loops.back();
}

void World::release_loops() {
  for (auto& l : loops) l->release();
}

}  // namespace loopscope
