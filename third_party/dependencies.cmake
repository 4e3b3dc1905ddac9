# How loopscope finds its dependencies. Nothing is vendored: every library
# comes from Debian's packages (see tools/install-deps.sh).
#
# Dear ImGui: Debian's libimgui-dev (pkg-config `imgui`, GLFW and OpenGL 3
# backends compiled into its archive), or a user's own checkout given as
# -DIMGUI_DIR=/path/to/imgui, compiled here with those two backends.
find_package(PkgConfig REQUIRED)
find_package(OpenGL REQUIRED)
pkg_check_modules(GLFW REQUIRED IMPORTED_TARGET glfw3)

set(IMGUI_DIR "" CACHE PATH "Dear ImGui sources to use instead of Debian's libimgui-dev")
if(IMGUI_DIR)
  add_library(loopscope_imgui STATIC
    ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
    ${IMGUI_DIR}/imgui_widgets.cpp ${IMGUI_DIR}/imgui_demo.cpp
    ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
  target_include_directories(loopscope_imgui PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends)
  target_link_libraries(loopscope_imgui PUBLIC PkgConfig::GLFW OpenGL::GL stb ${CMAKE_DL_LIBS})
else()
  pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
  find_path(IMGUI_BACKENDS_DIR imgui_impl_glfw.h PATH_SUFFIXES imgui/backends REQUIRED)
  add_library(loopscope_imgui INTERFACE)
  target_include_directories(loopscope_imgui INTERFACE ${IMGUI_INCLUDE_DIRS} ${IMGUI_BACKENDS_DIR})
  target_link_libraries(loopscope_imgui INTERFACE PkgConfig::IMGUI PkgConfig::GLFW OpenGL::GL ${CMAKE_DL_LIBS})
endif()

# stb_image_write for screenshots: Debian's libstb-dev.
find_path(STB_INCLUDE_DIR stb_image_write.h PATHS /usr/include/stb REQUIRED)
