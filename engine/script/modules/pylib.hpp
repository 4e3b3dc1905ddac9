#pragma once
// The simulated libraries written in Python (engine/script/lib: aiohttp,
// requests, aiofiles): their sources are embedded at build time
// (engine/embed_libraries.cmake) and run, once per run, when a program
// imports them. The oracle imports the same files under CPython.

#include <vector>

namespace loopscope::script {

struct LibrarySource {
  const char* name;    // the dotted module name: "aiohttp.web"
  const char* file;    // its file under engine/script/lib: "aiohttp/web.py"
  bool package;        // an __init__.py
  const char* source;  // the Python source
};

// The library module called `name`, or nullptr.
const LibrarySource* find_library(const char* name);

}  // namespace loopscope::script
