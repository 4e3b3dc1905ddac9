#pragma once
// Intrusive reference counting for engine objects.
//
// Objects are reference-counted (not garbage-collected) so that the moments
// CPython reports "coroutine ... was never awaited" and "Task exception was
// never retrieved" — when the last reference goes — happen at the same point
// in a run here as they do there.

#include <cstdint>
#include <type_traits>
#include <utility>

namespace loopscope {

class Object;
void destroy_object(Object* o);  // defined in value.cpp: runs finalizers, deletes

// Every heap object derives from RefCounted via Object.
class RefCounted {
 public:
  RefCounted() = default;
  RefCounted(const RefCounted&) = delete;
  RefCounted& operator=(const RefCounted&) = delete;
  uint32_t ref_count() const { return refs_; }

 protected:
  ~RefCounted() = default;

 private:
  template <class T> friend class Ref;
  friend void incref(Object*);
  friend void decref(Object*);
  uint32_t refs_ = 0;
};

inline void incref(Object* o);
inline void decref(Object* o);

// An owning pointer to an Object (or subclass).
template <class T>
class Ref {
 public:
  Ref() = default;
  Ref(std::nullptr_t) {}
  Ref(T* p) : p_(p) { if (p_) incref(p_); }  // NOLINT: implicit by design
  Ref(const Ref& o) : p_(o.p_) { if (p_) incref(p_); }
  Ref(Ref&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
  template <class U>
    requires std::is_convertible_v<U*, T*>
  Ref(const Ref<U>& o) : p_(o.get()) { if (p_) incref(p_); }  // NOLINT
  ~Ref() { if (p_) decref(p_); }
  Ref& operator=(Ref o) noexcept { std::swap(p_, o.p_); return *this; }

  // Takes over a reference someone already counted / gives up its own.
  static Ref adopt(T* p) {
    Ref r;
    r.p_ = p;
    return r;
  }
  T* release() { return std::exchange(p_, nullptr); }

  T* get() const { return p_; }
  T* operator->() const { return p_; }
  T& operator*() const { return *p_; }
  explicit operator bool() const { return p_ != nullptr; }
  bool operator==(const Ref& o) const { return p_ == o.p_; }
  void reset() { Ref().swap(*this); }
  void swap(Ref& o) noexcept { std::swap(p_, o.p_); }

 private:
  T* p_ = nullptr;
};

template <class T, class... A>
Ref<T> make(A&&... a) { return Ref<T>(new T(std::forward<A>(a)...)); }

}  // namespace loopscope
