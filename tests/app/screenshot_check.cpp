// Opens the real window under xvfb-run through the binary's screenshot
// command and checks the PNG it writes is a picture, not a blank frame.
// Exit codes: 0 pass, 1 fail, 77 skipped (no xvfb-run).
#include <stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: screenshot_check LOOPSCOPE OUT.png\n");
    return 1;
  }
  if (std::system("command -v xvfb-run > /dev/null 2>&1") != 0) {
    std::printf("SKIPPED: xvfb-run is not installed (apt-get install xvfb xauth)\n");
    return 77;
  }
  std::string out = argv[2];
  std::remove(out.c_str());
  std::string cmd = std::string("xvfb-run -a '") + argv[1] + "' screenshot demo --step 40 --size 1280x800 -o '" + out + "'";
  std::printf("running: %s\n", cmd.c_str());
  if (std::system(cmd.c_str()) != 0) {
    std::fprintf(stderr, "FAIL: the screenshot command failed\n");
    return 1;
  }
  int w = 0, h = 0, n = 0;
  unsigned char* px = stbi_load(out.c_str(), &w, &h, &n, 4);
  if (!px) {
    std::fprintf(stderr, "FAIL: %s is not a readable PNG\n", out.c_str());
    return 1;
  }
  std::set<unsigned> colours;
  size_t differs = 0;
  unsigned first = px[0] | px[1] << 8 | px[2] << 16;
  for (size_t i = 0; i < size_t(w) * size_t(h); ++i) {
    unsigned c = px[4 * i] | px[4 * i + 1] << 8 | px[4 * i + 2] << 16;
    if (c != first) ++differs;
    if (colours.size() < 1000) colours.insert(c);
  }
  stbi_image_free(px);
  std::printf("%dx%d, %zu distinct colours (capped at 1000), %zu pixels differ from the corner\n", w, h,
              colours.size(), differs);
  if (w != 1280 || h != 800) {
    std::fprintf(stderr, "FAIL: expected 1280x800\n");
    return 1;
  }
  if (colours.size() < 20 || differs < size_t(w) * size_t(h) / 50) {
    std::fprintf(stderr, "FAIL: the screenshot looks blank\n");
    return 1;
  }
  return 0;
}
