# CPack settings for a Debian package of LayerLab (scripts/package builds with LAYERLAB_NATIVE=OFF
# and LAYERLAB_ASSERTS=OFF).
set(LAYERLAB_PACKAGE_MAINTAINER "LayerLab developers <layerlab@example.org>"
  CACHE STRING "Maintainer field of the Debian package: Name <email>")

set(CPACK_PACKAGE_NAME "layerlab")
set(CPACK_PACKAGE_VENDOR "LayerLab")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "neural-network playground for teaching")
# The package's long description; Debian wants lines under 80 characters.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
  "LayerLab lets students build a neural network from layers on a canvas, train"
  "it on real data on every core and watch it learn: loss and accuracy curves,"
  "the decision boundary and the confusion matrix update live while it trains."
  ""
  "It covers dense and convolutional layers, pooling, normalization and dropout;"
  "SGD, momentum, RMSprop, Adam, AdamW and Adagrad; mini-batch and stochastic"
  "training. A trained model is exported as ONNX, safetensors or a runnable"
  "PyTorch script."
  ""
  "The package holds the window (layerlab), the command-line trainer"
  "(layerlab-cli), example projects and small bundled data sets (iris, wine,"
  "breast cancer, digits).")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_PACKAGE_FILE_NAME "layerlab-${PROJECT_VERSION}-${CMAKE_SYSTEM_PROCESSOR}")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # layerlab_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${LAYERLAB_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://layerlab.github.io/")
# Library dependencies come from dpkg-shlibdeps. Qt's platform plugins (xcb, offscreen, wayland) are
# opened with dlopen, but Debian 12 ships them in libqt6gui6, which the window links, so shlibdeps
# already names the package that holds them.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Two of the bundled examples train on Fashion-MNIST, the words set on Debian's word lists and the
# character language model on fortunes-min; exported PyTorch scripts need PyTorch. The Chinese
# interface needs a CJK font, and takes Qt's own dialogs' words from qt6-translations-l10n.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
  "dataset-fashion-mnist, wamerican, wngerman, wfrench, wspanish, witalian, wportuguese, wdutch, wpolish, fortunes-min, fonts-noto-cjk | fonts-wqy-microhei, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "python3-torch")
set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")

include(CPack)
