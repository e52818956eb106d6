include(CMakePackageConfigHelpers)

install(TARGETS peerkit EXPORT peerkitTargets)
install(DIRECTORY include/peerkit DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(peerkit_cmake_dir ${CMAKE_INSTALL_DATADIR}/cmake/peerkit)
install(EXPORT peerkitTargets NAMESPACE peerkit:: DESTINATION ${peerkit_cmake_dir})
export(EXPORT peerkitTargets NAMESPACE peerkit::
       FILE ${CMAKE_CURRENT_BINARY_DIR}/peerkitTargets.cmake)

configure_package_config_file(cmake/peerkitConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/peerkitConfig.cmake
  INSTALL_DESTINATION ${peerkit_cmake_dir})
# A header-only library fits every architecture.
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/peerkitConfigVersion.cmake
  COMPATIBILITY SameMajorVersion ARCH_INDEPENDENT)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/peerkitConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/peerkitConfigVersion.cmake
        DESTINATION ${peerkit_cmake_dir})

# The official school holidays, for programs that plan a year without a file of their own.
install(FILES examples/data/school_holidays_nl.csv DESTINATION ${CMAKE_INSTALL_DATADIR}/peerkit)
