#include "engine/trace/trace.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace loopscope {

namespace {

// Eight bytes a step (a multiply-xorshift mix), then the tail. Only the
// table's speed depends on it: ids are given in insertion order.
uint32_t hash_text(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  }
  uint64_t tail = 0;
  unsigned shift = 0;
  if (n >= 4) {
    uint32_t w;
    std::memcpy(&w, p, 4);
    tail = w;
    shift = 32;
    p += 4;
    n -= 4;
  }
  for (; n; ++p, --n, shift += 8) tail |= uint64_t(static_cast<unsigned char>(*p)) << shift;
  h = (h ^ tail) * 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 29;
  return uint32_t(h) ^ uint32_t(h >> 32);
}

}  // namespace

// ---- StringTable ----

StringTable::StringTable() : slots_(1024, 0) {}

uint32_t StringTable::store(std::string_view s) {
  auto n = static_cast<uint32_t>(s.size());
  if (chunks_.empty() || used_ + n > chunk_sizes_.back() || used_ > kChunkOffsetMask) {
    auto size = std::max(n, static_cast<uint32_t>(chunk_size(chunks_.size())));
    chunks_.push_back(std::make_unique_for_overwrite<char[]>(size));
    chunk_sizes_.push_back(size);
    used_ = 0;
  }
  if (n) std::memcpy(chunks_.back().get() + used_, s.data(), n);
  auto id = static_cast<uint32_t>(spans_.size());
  spans_.push_back(Span{uint32_t(chunks_.size() - 1) << kChunkOffsetBits | used_, n});
  used_ += n;
  text_bytes_ += n;
  return id;
}

void StringTable::grow_slots() {
  std::vector<uint64_t> slots(slots_.size() * 2, 0);
  size_t mask = slots.size() - 1;
  for (uint64_t slot : slots_) {
    if (!slot) continue;
    size_t i = (slot >> 32) & mask;
    while (slots[i]) i = (i + 1) & mask;
    slots[i] = slot;
  }
  slots_.swap(slots);
}

uint32_t StringTable::add_unique(std::string_view s) { return store(s); }

uint32_t StringTable::intern(std::string_view s) {
  uint32_t h = hash_text(s);
  size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  while (uint64_t slot = slots_[i]) {
    if (uint32_t(slot >> 32) == h) {
      auto id = uint32_t(slot) - 1;
      if (at(id) == s) return id;
    }
    i = (i + 1) & mask;
  }
  uint32_t id = store(s);
  slots_[i] = uint64_t(h) << 32 | (id + 1);
  if (++indexed_ * 2 > slots_.size()) grow_slots();
  return id;
}

size_t StringTable::bytes() const {
  return text_bytes_ + spans_.size() * sizeof(Span) + slots_.size() * sizeof(uint64_t);
}

size_t StringTable::heap_bytes() const {
  size_t n = spans_.capacity() * sizeof(Span) + slots_.capacity() * sizeof(uint64_t);
  for (uint32_t size : chunk_sizes_) n += size;
  return n + chunks_.capacity() * sizeof(chunks_[0]) + chunk_sizes_.capacity() * sizeof(uint32_t);
}

// ---- EventStore ----

namespace {

inline const uint8_t* get_varint(const uint8_t* p, uint32_t& v) {
  uint32_t r = *p & 0x7f;
  int shift = 7;
  while (*p++ & 0x80) {
    r |= uint32_t(*p & 0x7f) << shift;
    shift += 7;
  }
  v = r;
  return p;
}

}  // namespace

void EventStore::index_block() {
  blocks_.push_back(uint64_t(chunks_.size() - 1) << kChunkOffsetBits | uint64_t(cur_ - chunks_.back().get()));
}

void EventStore::new_chunk() {
  if (!chunks_.empty()) full_chunk_bytes_ += size_t(cur_ - chunks_.back().get());
  size_t size = chunk_size(chunks_.size());
  chunks_.push_back(std::make_unique_for_overwrite<uint8_t[]>(size));
  cur_ = chunks_.back().get();
  end_ = cur_ + size;
}

uint64_t EventStore::decode(uint64_t pos, Event& out) const {
  const uint8_t* start = chunks_[pos >> kChunkOffsetBits].get() + (pos & kChunkOffsetMask);
  const uint8_t* p = start;
  out.kind = static_cast<Ev>(*p++);
  uint8_t mask = *p++;
  out.x = static_cast<uint8_t>(mask >> 3);
  out.pad = 0;
  uint32_t v = 0;
  out.a = out.b = out.c = 0;
  if (mask & 1) { p = get_varint(p, v); out.a = v - 1; }
  if (mask & 2) { p = get_varint(p, v); out.b = v - 1; }
  if (mask & 4) { p = get_varint(p, v); out.c = v - 1; }
  uint64_t next = pos + uint64_t(p - start);
  // The next event starts a new chunk when this one could not hold another.
  size_t chunk = pos >> kChunkOffsetBits;
  if ((next - (chunk << kChunkOffsetBits)) + kMaxEncoded > chunk_size(chunk)) next = uint64_t(chunk + 1) << kChunkOffsetBits;
  return next;
}

Event EventStore::at(size_t i) const {
  uint64_t pos = blocks_[i / kBlock];
  Event e{};
  for (size_t k = i / kBlock * kBlock;; ++k) {
    uint64_t next = decode(pos, e);
    if (k == i) return e;
    pos = next;
  }
}

Event EventStore::at(size_t i, ReadCache& c) const {
  if (i == c.index) return c.last;
  if (i == c.prev_index) return c.prev;
  uint64_t pos;
  size_t k;
  if (c.index != SIZE_MAX && i > c.index && i - c.index < kBlock) {
    pos = c.next;
    k = c.index + 1;
  } else {
    pos = blocks_[i / kBlock];
    k = i / kBlock * kBlock;
  }
  Event e{};
  for (;; ++k) {
    uint64_t next = decode(pos, e);
    if (k == i) {
      c.prev_index = c.index;
      c.prev = c.last;
      c.index = i;
      c.last = e;
      c.next = next;
      return e;
    }
    pos = next;
  }
}

size_t EventStore::bytes() const {
  size_t last = chunks_.empty() ? 0 : size_t(cur_ - chunks_.back().get());
  return full_chunk_bytes_ + last + blocks_.size() * sizeof(uint64_t);
}

size_t EventStore::heap_bytes() const {
  size_t n = 0;
  for (size_t i = 0; i < chunks_.size(); ++i) n += chunk_size(i);
  return n + chunks_.capacity() * sizeof(chunks_[0]) +
         blocks_.capacity() * sizeof(uint64_t);
}

// ---- Trace ----

uint32_t Trace::pool(const std::vector<uint32_t>& words) {
  auto off = static_cast<uint32_t>(pool_.size());
  pool_.insert(pool_.end(), words.begin(), words.end());
  return off;
}

namespace {

uint32_t hash_words(const std::vector<uint32_t>& words) {
  uint64_t h = 0x9e3779b97f4a7c15ull ^ words.size();
  for (uint32_t w : words) h = (h ^ w) * 0xff51afd7ed558ccdull;
  return uint32_t(h >> 32) ^ uint32_t(h);
}

}  // namespace

uint32_t Trace::pool_shared(const std::vector<uint32_t>& words) {
  if (shared_slots_.empty()) shared_slots_.assign(256, 0);
  uint32_t h = hash_words(words);
  size_t mask = shared_slots_.size() - 1;
  size_t i = h & mask;
  while (uint64_t slot = shared_slots_[i]) {
    auto off = uint32_t(slot);
    if (uint32_t(slot >> 32) == h && off + words.size() <= pool_.size() &&
        std::equal(words.begin(), words.end(), pool_.begin() + off)) {
      return off;
    }
    i = (i + 1) & mask;
  }
  uint32_t off = pool(words);
  shared_slots_[i] = uint64_t(h) << 32 | off;
  if (++shared_count_ * 2 > shared_slots_.size()) {
    std::vector<uint64_t> slots(shared_slots_.size() * 2, 0);
    size_t m = slots.size() - 1;
    for (uint64_t slot : shared_slots_) {
      if (!slot) continue;
      size_t j = (slot >> 32) & m;
      while (slots[j]) j = (j + 1) & m;
      slots[j] = slot;
    }
    shared_slots_.swap(slots);
  }
  return off;
}

size_t Trace::heap_bytes() const {
  return events_.heap_bytes() + numbers_.capacity() * sizeof(double) + pool_.capacity() * sizeof(uint32_t) +
         shared_slots_.capacity() * sizeof(uint64_t) +
         notes_.capacity() * sizeof(ObjectNote) + strings_.heap_bytes();
}

size_t Trace::bytes() const {
  return events_.bytes() + numbers_.size() * sizeof(double) + pool_.size() * sizeof(uint32_t) +
         notes_.size() * sizeof(ObjectNote) + strings_.bytes();
}

}  // namespace loopscope
