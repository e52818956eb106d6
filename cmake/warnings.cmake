# Strict warnings for peerkit's own targets only: the INTERFACE target never carries
# them, so a consumer's compiler settings stay the consumer's.
function(peerkit_strict_target target)
  target_compile_options(${target} PRIVATE
    $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Werror>
    # GCC 12's flow analysis at -O2/-O3 reports std::optional reads behind a has_value()
    # test and std::string copies as uninitialised or overlapping; they stay warnings there.
    $<$<AND:$<CXX_COMPILER_ID:GNU>,$<CONFIG:Release,RelWithDebInfo,MinSizeRel>>:-Wno-error=maybe-uninitialized -Wno-error=restrict>)
  if(PEERKIT_USE_SANITIZER)
    target_compile_options(${target} PRIVATE
      -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined -fno-sanitize-recover=all)
  endif()
endfunction()
