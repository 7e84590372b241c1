# Install rules beside the programs: bundled examples, desktop integration, man pages and docs.
set(LAYERLAB_PACKAGING_DIR "${PROJECT_SOURCE_DIR}/packaging")

# The engine and the exporters are shared libraries (nn/CMakeLists.txt, nn/export/CMakeLists.txt)
# that only LayerLab's programs use: they go in a private folder (Debian's lib/<triplet>/layerlab, no
# ldconfig), found through the programs' RUNPATH and, for the engine the exporters need, theirs;
# $ORIGIN keeps a moved or unpacked install working.
if(CMAKE_LIBRARY_ARCHITECTURE)
  set(LAYERLAB_PRIVATE_LIBDIR "lib/${CMAKE_LIBRARY_ARCHITECTURE}/layerlab")
else()
  set(LAYERLAB_PRIVATE_LIBDIR "lib/layerlab")
endif()
install(TARGETS layerlab_nn layerlab_export LIBRARY DESTINATION ${LAYERLAB_PRIVATE_LIBDIR})
set_target_properties(layerlab_export PROPERTIES INSTALL_RPATH "$ORIGIN")
foreach(program layerlab layerlab-cli)
  if(TARGET ${program})
    set_target_properties(${program} PROPERTIES INSTALL_RPATH "$ORIGIN/../${LAYERLAB_PRIVATE_LIBDIR}")
  endif()
endforeach()

# The example projects, found at run time in share/layerlab/examples (datasets/datalocator.cpp): every
# one in resources/examples, so that a new example cannot be left out of the package.
install(DIRECTORY resources/examples/ DESTINATION share/layerlab/examples FILES_MATCHING PATTERN "*.layerlab.json")

# Desktop entry, AppStream metainfo and the MIME type of *.layerlab.json; Debian's desktop-file-utils,
# shared-mime-info and hicolor-icon-theme refresh their caches through dpkg file triggers.
install(FILES packaging/layerlab.desktop DESTINATION share/applications)
install(FILES packaging/io.github.layerlab.LayerLab.metainfo.xml DESTINATION share/metainfo)
install(FILES packaging/layerlab.xml DESTINATION share/mime/packages)
install(FILES packaging/icons/layerlab.svg DESTINATION share/icons/hicolor/scalable/apps)
foreach(size 16 32 48 64 128 256)
  install(FILES packaging/icons/layerlab-${size}.png
    DESTINATION share/icons/hicolor/${size}x${size}/apps RENAME layerlab.png)
endforeach()

# Man pages and the changelog, compressed as Debian wants them (-n: no name or time, reproducible).
set(layerlab_gzipped "")
foreach(source man/layerlab.1 man/layerlab-cli.1 changelog)
  set(output "${PROJECT_BINARY_DIR}/packaging/${source}.gz")
  add_custom_command(OUTPUT "${output}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${PROJECT_BINARY_DIR}/packaging/man"
    COMMAND gzip -9n -c "${LAYERLAB_PACKAGING_DIR}/${source}" > "${output}"
    DEPENDS "${LAYERLAB_PACKAGING_DIR}/${source}"
    COMMENT "Compressing packaging/${source}"
    VERBATIM)
  list(APPEND layerlab_gzipped "${output}")
endforeach()
add_custom_target(layerlab_packaging_docs ALL DEPENDS ${layerlab_gzipped})
install(FILES "${PROJECT_BINARY_DIR}/packaging/man/layerlab.1.gz" "${PROJECT_BINARY_DIR}/packaging/man/layerlab-cli.1.gz"
  DESTINATION share/man/man1)
install(FILES packaging/copyright "${PROJECT_BINARY_DIR}/packaging/changelog.gz" DESTINATION share/doc/layerlab)
