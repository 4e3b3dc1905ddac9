// Looking up the embedded simulated libraries (see pylib.hpp).

#include "engine/script/modules/pylib.hpp"

#include <cstring>

namespace loopscope::script {

extern const std::vector<LibrarySource> kEmbeddedLibraries;

const LibrarySource* find_library(const char* name) {
  for (const LibrarySource& lib : kEmbeddedLibraries)
    if (std::strcmp(lib.name, name) == 0) return &lib;
  return nullptr;
}

}  // namespace loopscope::script
