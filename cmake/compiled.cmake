# peerkit::compiled: peerkit with the bodies of its heavy non-template functions compiled
# once, into this static library, instead of in every translation unit that includes them.
# Linking it defines PEERKIT_COMPILED for the consumer; the headers then carry declarations
# only and each translation unit compiles faster. The behaviour is the same as header-only.
# A program uses one mode throughout: every target that includes peerkit links the same one.
# Built only when a target links it.
add_library(peerkit_compiled STATIC EXCLUDE_FROM_ALL ${PROJECT_SOURCE_DIR}/include/peerkit/compiled.cpp)
add_library(peerkit::compiled ALIAS peerkit_compiled)
set_target_properties(peerkit_compiled PROPERTIES EXPORT_NAME compiled)
target_compile_definitions(peerkit_compiled PUBLIC PEERKIT_COMPILED)
target_link_libraries(peerkit_compiled PUBLIC peerkit)
if(COMMAND peerkit_strict_target)
  peerkit_strict_target(peerkit_compiled)
endif()
