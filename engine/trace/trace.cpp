#include "engine/trace/trace.hpp"

namespace loopscope {

uint32_t StringTable::intern(std::string_view s) {
  auto it = index_.find(s);
  if (it != index_.end()) return it->second;
  auto id = static_cast<uint32_t>(strings_.size());
  strings_.emplace_back(s);
  index_.emplace(std::string_view(strings_.back()), id);
  return id;
}

size_t StringTable::bytes() const {
  size_t n = strings_.size() * sizeof(std::string);
  for (const auto& s : strings_) n += s.capacity() > 15 ? s.capacity() : 0;
  return n + index_.size() * (sizeof(std::string_view) + sizeof(uint32_t) + 16);
}

uint32_t Trace::pool(const std::vector<uint32_t>& words) {
  auto off = static_cast<uint32_t>(pool_.size());
  pool_.insert(pool_.end(), words.begin(), words.end());
  return off;
}

size_t Trace::heap_bytes() const {
  return events_.capacity() * sizeof(Event) + numbers_.capacity() * sizeof(double) +
         pool_.capacity() * sizeof(uint32_t) + strings_.bytes();
}

size_t Trace::bytes() const {
  return events_.size() * sizeof(Event) + numbers_.size() * sizeof(double) +
         pool_.size() * sizeof(uint32_t) + strings_.bytes();
}

}  // namespace loopscope
