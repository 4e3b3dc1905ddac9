#include "engine/loop/cycles.hpp"

#include <algorithm>
#include <unordered_map>

#include "engine/loop/event_loop.hpp"
#include "engine/loop/task.hpp"
#include "engine/loop/world.hpp"
#include "engine/object/dict.hpp"

namespace loopscope {

namespace {

// The kinds whose references the collector can enumerate; a reference
// from any other object counts as a reference from outside.
bool in_graph(const Object* o) {
  switch (o->kind()) {
    case ObjKind::Task: case ObjKind::Future: case ObjKind::Coroutine: case ObjKind::Exception:
    case ObjKind::List: case ObjKind::Tuple: case ObjKind::Dict:
      return true;
    default:
      return dynamic_cast<const Traversable*>(o) != nullptr;
  }
}

void visit_values(const std::vector<Value>& values, const std::function<void(Object*)>& fn) {
  for (const Value& v : values) {
    if (Object* o = v.obj()) fn(o);
  }
}

void visit_refs(Object* o, const std::function<void(Object*)>& fn) {
  switch (o->kind()) {
    case ObjKind::Task: static_cast<Task*>(o)->visit_refs(fn); break;
    case ObjKind::Future: static_cast<Future*>(o)->visit_refs(fn); break;
    case ObjKind::Coroutine: static_cast<Coroutine*>(o)->visit_refs(fn); break;
    case ObjKind::Exception: {
      auto* e = static_cast<ExceptionObj*>(o);
      visit_values(e->kept_locals, fn);
      if (e->cause) fn(e->cause.get());
      if (e->context) fn(e->context.get());
      break;
    }
    case ObjKind::List: visit_values(static_cast<ListObj*>(o)->items, fn); break;
    case ObjKind::Tuple: visit_values(static_cast<TupleObj*>(o)->items, fn); break;
    case ObjKind::Dict:
      for (const auto& e : static_cast<DictObj*>(o)->table.entries()) {
        if (!e.live) continue;
        if (Object* k = e.key.obj()) fn(k);
        if (Object* v = e.value.obj()) fn(v);
      }
      break;
    default:
      if (const auto* t = dynamic_cast<const Traversable*>(o)) t->visit_refs(fn);
      break;
  }
}

// CPython's trial deletion: subtract the references the graph's objects
// hold to each other; what still has references from outside is
// reachable, and so is everything it leads to. The rest is garbage.
class Graph {
 public:
  void add(Object* o) { node(o); }

  void analyse() {
    for (size_t i = 0; i < nodes_.size(); ++i) {
      visit_refs(nodes_[i].obj, [&](Object* target) {
        if (!in_graph(target)) return;
        size_t j = node(target);
        nodes_[i].edges.push_back(j);
        --nodes_[j].outside;
      });
    }
    std::vector<size_t> work;
    for (size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i].outside > 0) work.push_back(i);
    }
    while (!work.empty()) {
      size_t i = work.back();
      work.pop_back();
      if (nodes_[i].reachable) continue;
      nodes_[i].reachable = true;
      for (size_t j : nodes_[i].edges) work.push_back(j);
    }
  }

  // Each object only cycles hold, in the order it was reached.
  void for_each_garbage(const std::function<void(Object*)>& fn) const {
    for (const Node& n : nodes_) {
      if (!n.reachable) fn(n.obj);
    }
  }

 private:
  struct Node {
    Object* obj;
    int64_t outside;            // references from outside the graph
    std::vector<size_t> edges;  // the nodes it refers to
    bool reachable = false;
  };

  size_t node(Object* o) {
    auto [it, fresh] = index_.emplace(o, nodes_.size());
    if (fresh) nodes_.push_back(Node{o, int64_t(o->ref_count()), {}});
    return it->second;
  }

  std::vector<Node> nodes_;
  std::unordered_map<Object*, size_t> index_;
};

// What would report when it dies (a pending task; a task or future holding
// an exception nobody retrieved) and only cycles hold, in creation order.
// Every live task of the loops starts the search, so a cycle through a
// finished task (its exception's frames lead back to it) is found with the
// futures it holds. At exit (`all_but` set) every such task of the other
// loops is garbage: the globals are gone, and the loops with them.
std::vector<Ref<Future>> garbage(World& w, const EventLoop* all_but = nullptr, bool at_exit = false) {
  Graph g;
  std::vector<Ref<Future>> out;
  for (auto& loop : w.loops) {
    for (Task* t : loop->live_tasks()) {
      if (at_exit && loop.get() != all_but) {
        if (!t->done() || t->logs_traceback()) out.emplace_back(t);
        continue;
      }
      g.add(t);
    }
  }
  g.analyse();
  g.for_each_garbage([&](Object* o) {
    if (o->kind() != ObjKind::Task && o->kind() != ObjKind::Future) return;
    auto* f = static_cast<Future*>(o);
    if (!f->done() ? f->is_task() : f->logs_traceback()) out.emplace_back(f);
  });
  std::sort(out.begin(), out.end(), [](const Ref<Future>& a, const Ref<Future>& b) { return a->serial() < b->serial(); });
  return out;
}

void collect(const std::vector<Ref<Future>>& dying) {
  // The finalizers first, in order (a coroutine is closed, its finally
  // blocks running, before its task reports), then the cycles are cleared.
  for (const Ref<Future>& f : dying) {
    if (f->done()) {
      f->report_unretrieved();
      continue;
    }
    auto* t = static_cast<Task*>(f.get());
    if (Coroutine* c = t->coro()) c->close_abandoned();
    t->report_destroyed_pending();
  }
  for (const Ref<Future>& f : dying) {
    if (ExceptionObj* e = f->done() ? f->held_exception() : nullptr) {
      std::vector<Value> gone = std::move(e->kept_locals);
    }
    if (f->is_task()) static_cast<Task*>(f.get())->break_cycles();
  }
}

}  // namespace

void collect_cycles(World& w) { collect(garbage(w)); }

void collect_at_exit(World& w, const EventLoop* kept) {
  for (auto& loop : w.loops) {
    if (loop.get() != kept) loop->close_unreferenced();
  }
  collect(garbage(w, kept, true));
  // Whatever the policy's loop still holds outlives the program: CPython's
  // collector does not free it, and nothing of the interpreter's own
  // teardown is shown.
  if (kept) {
    for (Task* t : kept->live_tasks()) {
      t->log_destroy_pending = false;
      t->silence();
    }
  }
}

}  // namespace loopscope
