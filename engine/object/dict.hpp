#pragma once
// dict and set: hash tables of Values.
//
// dict iterates in insertion order (as CPython's does). set is CPython's
// own table (Objects/setobject.c: linear probes, then perturbation; dummies
// on removal; the same resize rule), so it iterates in CPython's order for
// keys whose hash matches CPython's: int, bool, float, str (SipHash-1-3
// with PYTHONHASHSEED=0), and tuples of those. Other objects hash by
// identity (CPython's order for those depends on addresses anyway).
// Unhashable keys (list, dict, set) raise TypeError.

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

// CPython's set table. entries() are the slots, in table order (iteration
// order): live ones hold a key; empty and dummy slots are not live.
class SetTable {
 public:
  struct Entry {
    Value key;
    uint64_t hash = 0;
    bool live = false;
    bool dummy = false;
  };
  SetTable() : table_(8) {}

  int64_t find(const Value& key) const;
  bool contains(const Value& key) const { return find(key) >= 0; }
  // set.add; returns true when the key was new.
  bool set(const Value& key, const Value& = Value()) { return add(key, hash_value(key)); }
  bool add(const Value& key, uint64_t hash);
  // set.discard; returns true when the key was present.
  bool erase(const Value& key);
  bool discard(const Value& key, uint64_t hash);
  void clear();
  size_t size() const { return used_; }
  const std::vector<Entry>& entries() const { return table_; }
  // set.pop: CPython's search finger.
  bool pop(Value& key);
  uint64_t version() const { return version_; }
  // set_merge: set.update(other_set), set(s), s.copy(), s | t.
  void merge(const SetTable& other);
  // set.update(dict): one resize for the dict's size first.
  void reserve_for_update(size_t n);
  void swap(SetTable& other) noexcept;

 private:
  void resize(size_t minused);
  static void insert_clean(std::vector<Entry>& table, size_t mask, const Value& key, uint64_t hash);

  std::vector<Entry> table_;
  size_t fill_ = 0;  // live + dummy
  size_t used_ = 0;  // live
  size_t finger_ = 0;
  uint64_t version_ = 0;
};

class DictObj final : public Object {
 public:
  DictObj() : Object(ObjKind::Dict) {}
  std::string type_name() const override { return "dict"; }
  std::string repr() const override;
  ValueTable table;
  std::unique_ptr<UserPart> user;
};

class SetObj final : public Object {
 public:
  SetObj() : Object(ObjKind::Set) {}
  std::string type_name() const override { return "set"; }
  std::string repr() const override;
  SetTable table;
  std::unique_ptr<UserPart> user;
};

}  // namespace loopscope
