#pragma once
// dict and set: insertion-ordered hash tables of Values.
//
// Iteration follows insertion order for both (CPython's dict does; its set
// does not, but its order depends on hashes, so a fixed order is the honest
// deterministic choice). Keys hash and compare as in Python for the
// built-in value types (1 == 1.0 == True share a hash); any other object
// hashes by identity. Unhashable keys (list, dict, set) raise TypeError.

#include <cstdint>
#include <string>
#include <vector>

#include "engine/object/exception.hpp"

namespace loopscope {

// Python's hash() for built-in values; throws PyError(TypeError) for
// unhashable ones.
uint64_t hash_value(const Value& v);
// Python's == for built-in values (numbers across types, strings,
// tuples/lists/dicts/sets element-wise); identity for other objects.
bool values_equal(const Value& a, const Value& b);

// The ordered table both dict and set use.
class ValueTable {
 public:
  struct Entry {
    Value key;
    Value value;
    uint64_t hash = 0;
    bool live = false;
  };

  // Index of the live entry for `key`, or -1.
  int64_t find(const Value& key) const;
  Value* get(const Value& key);
  // Inserts or replaces; returns true when the key was new.
  bool set(const Value& key, Value value);
  bool erase(const Value& key);
  void clear();
  size_t size() const { return live_; }
  // Entries in insertion order, including dead ones (skip !live).
  const std::vector<Entry>& entries() const { return entries_; }
  // Removes and returns the last live entry (dict.popitem / set.pop order).
  bool pop_last(Value& key, Value& value);
  // Bumped on every insertion and removal: iterators check it.
  uint64_t version() const { return version_; }

 private:
  void rebuild(size_t capacity);
  size_t slot_for(const Value& key, uint64_t h, bool& found) const;

  std::vector<Entry> entries_;
  std::vector<int32_t> slots_;  // -1 empty, else index into entries_
  size_t live_ = 0;
  uint64_t version_ = 0;
};

class DictObj final : public Object {
 public:
  DictObj() : Object(ObjKind::Dict) {}
  std::string type_name() const override { return "dict"; }
  std::string repr() const override;
  ValueTable table;
};

class SetObj final : public Object {
 public:
  SetObj() : Object(ObjKind::Set) {}
  std::string type_name() const override { return "set"; }
  std::string repr() const override;
  ValueTable table;  // values unused
};

}  // namespace loopscope
