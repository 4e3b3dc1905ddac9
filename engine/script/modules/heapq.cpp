// The heapq module: CPython's sift algorithms, so heaps hold their items
// in the same positions as CPython's (printing a heap shows the same list).

#include "engine/script/modules/args.hpp"
#include "engine/script/modules/modules.hpp"
#include "engine/script/runtime/methods.hpp"

namespace loopscope::script {

namespace {

// heap[a] < heap[b], guarding against a __lt__ that resizes the heap.
bool less_at(Interp& in, ListObj& heap, const Value& x, const Value& y) {
  size_t n = heap.items.size();
  bool r = in.less(x, y);
  if (heap.items.size() != n) raise(Exc::RuntimeError, "list changed size during iteration");
  return r;
}

void sift_down(Interp& in, ListObj& heap, size_t start, size_t pos) {
  Value item = heap.items[pos];
  while (pos > start) {
    size_t parent = (pos - 1) >> 1;
    Value p = heap.items[parent];
    if (!less_at(in, heap, item, p)) break;
    heap.items[pos] = p;
    pos = parent;
  }
  heap.items[pos] = item;
}

void sift_up(Interp& in, ListObj& heap, size_t pos) {
  size_t end = heap.items.size(), start = pos;
  Value item = heap.items[pos];
  size_t child = 2 * pos + 1;
  while (child < end) {
    size_t right = child + 1;
    if (right < end && !less_at(in, heap, heap.items[child], heap.items[right])) child = right;
    heap.items[pos] = heap.items[child];
    pos = child;
    child = 2 * pos + 1;
  }
  heap.items[pos] = item;
  sift_down(in, heap, start, pos);
}

Value h_heappush(Interp& in, const Value&, CallArgs& a) {
  expect_args("heappush", a, 2, 2);
  ListObj& heap = list_arg(a.pos[0], "heappush");
  heap.items.push_back(a.pos[1]);
  sift_down(in, heap, 0, heap.items.size() - 1);
  return Value();
}

Value h_heappop(Interp& in, const Value&, CallArgs& a) {
  check_args("heappop", a, 1, 1);
  ListObj& heap = list_arg(a.pos[0], "heappop");
  if (heap.items.empty()) raise(Exc::IndexError, "index out of range");
  Value last = heap.items.back();
  heap.items.pop_back();
  if (heap.items.empty()) return last;
  Value top = heap.items[0];
  heap.items[0] = last;
  sift_up(in, heap, 0);
  return top;
}

Value h_heapreplace(Interp& in, const Value&, CallArgs& a) {
  expect_args("heapreplace", a, 2, 2);
  ListObj& heap = list_arg(a.pos[0], "heapreplace");
  if (heap.items.empty()) raise(Exc::IndexError, "index out of range");
  Value top = heap.items[0];
  heap.items[0] = a.pos[1];
  sift_up(in, heap, 0);
  return top;
}

Value h_heappushpop(Interp& in, const Value&, CallArgs& a) {
  expect_args("heappushpop", a, 2, 2);
  ListObj& heap = list_arg(a.pos[0], "heappushpop");
  Value item = a.pos[1];
  if (heap.items.empty() || !less_at(in, heap, heap.items[0], item)) return item;
  std::swap(item, heap.items[0]);
  sift_up(in, heap, 0);
  return item;
}

Value h_heapify(Interp& in, const Value&, CallArgs& a) {
  check_args("heapify", a, 1, 1);
  ListObj& heap = list_arg(a.pos[0], "heapify");
  for (size_t i = heap.items.size() / 2; i-- > 0;) sift_up(in, heap, i);
  return Value();
}

// nlargest / nsmallest: documented as sorted(iterable, key=key, reverse=...)[:n].
Value n_best(Interp& in, CallArgs& a, const char* name, bool largest) {
  allow_keywords(name, a, {"key"});
  if (a.pos.size() != 2) type_error(std::string(name) + "() takes 2 positional arguments but " + std::to_string(a.pos.size()) + " were given");
  int64_t n = to_int(a.pos[0], "n");
  std::vector<Value> items = in.to_vector(a.pos[1]);
  if (n <= 0) return Value::object(make<ListObj>());
  const Value* key = kwarg(a, "key");
  sort_values(in, items, key ? *key : Value(), largest);
  if (static_cast<size_t>(n) < items.size()) items.resize(static_cast<size_t>(n));
  return Value::object(make<ListObj>(std::move(items)));
}
Value h_nlargest(Interp& in, const Value&, CallArgs& a) { return n_best(in, a, "nlargest", true); }
Value h_nsmallest(Interp& in, const Value&, CallArgs& a) { return n_best(in, a, "nsmallest", false); }

// merge(*iterables, key=None, reverse=False): lazy; on ties the earlier
// iterable's item comes first, as in CPython.
Value h_merge(Interp& in, const Value&, CallArgs& a) {
  allow_keywords("merge", a, {"key", "reverse"});
  struct Source { Value it, head, key; bool live = false; };
  auto sources = std::make_shared<std::vector<Source>>();
  Value key = arg_or(a, 99, "key", Value());
  bool reverse = in.truthy(arg_or(a, 99, "reverse", Value::boolean(false)));
  for (const Value& v : a.pos) sources->push_back({in.iter(v), Value(), Value(), false});
  auto started = std::make_shared<bool>(false);
  auto advance = [key](Interp& in, Source& s) {
    s.live = in.next(s.it, s.head);
    if (s.live && !key.is_none()) s.key = in.call(key, {s.head});
    else if (s.live) s.key = s.head;
  };
  return Value::object(make<IterObj>("generator", [sources, started, advance, reverse](Interp& in, Value& out) {
    if (!*started) {
      for (Source& s : *sources) advance(in, s);
      *started = true;
    }
    Source* best = nullptr;
    for (Source& s : *sources) {
      if (!s.live) continue;
      if (!best || (reverse ? in.less(best->key, s.key) : in.less(s.key, best->key))) best = &s;
    }
    if (!best) return false;
    out = best->head;
    advance(in, *best);
    return true;
  }));
}

}  // namespace

Ref<ModuleObj> make_heapq_module(Interp&) {
  Ref<ModuleObj> m = make<ModuleObj>("heapq");
  add_function(*m, "heappush", h_heappush);
  add_function(*m, "heappop", h_heappop);
  add_function(*m, "heapreplace", h_heapreplace);
  add_function(*m, "heappushpop", h_heappushpop);
  add_function(*m, "heapify", h_heapify);
  add_function(*m, "nlargest", h_nlargest);
  add_function(*m, "nsmallest", h_nsmallest);
  add_function(*m, "merge", h_merge);
  return m;
}

}  // namespace loopscope::script
