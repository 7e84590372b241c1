# Shared by scripts/run and scripts/test: install what is missing, then configure and build.
# Idempotent and incremental: packages already present and an up-to-date build cost seconds.

LAYERLAB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAYERLAB_BUILD="${LAYERLAB_BUILD:-$LAYERLAB_ROOT/build}"
# ccache finds earlier results of a clone in another folder (CI's fresh clone, a second checkout):
# paths under the checkout are hashed relative to it, and the working folder is left out.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$LAYERLAB_ROOT}"
export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"

# Debian 12 packages the build, the tests and the bundled data need. qt6-tools-dev brings CMake's Qt
# Linguist tools (lupdate, lrelease, from qt6-l10n-tools); the Chinese interface draws with
# fonts-noto-cjk and takes Qt's own dialogs' words from qt6-translations-l10n.
LAYERLAB_PACKAGES=(
  cmake ninja-build g++ pkg-config ccache
  qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-l10n-tools libqt6opengl6-dev libgl-dev
  libeigen3-dev libtbb-dev nlohmann-json3-dev zlib1g-dev libcli11-dev libpng-dev libjpeg62-turbo-dev
  libonnx-dev libprotobuf-dev protobuf-compiler python3-onnx python3-torch python3-numpy
  dataset-fashion-mnist
  wamerican wngerman wfrench wspanish witalian wportuguese wdutch wpolish fortunes-min
  fonts-noto-cjk qt6-translations-l10n
)

# What scripts/fuzz and scripts/sanitize add: clang with libFuzzer and the sanitizer runtimes, and
# llvm-symbolizer (llvm-14) for the file and line in their reports.
LAYERLAB_SANITIZER_PACKAGES=(clang-14 libclang-rt-14-dev llvm-14)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing missing packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

# An optimized build that checks its asserts (LAYERLAB_ASSERTS), so that the tests check them too.
# A unity build: each library compiles in batches of 8 files, which parse Eigen, Qt and
# nlohmann/json once per batch (the engine, datasets and CLI build cold in a third of the time; an edit
# recompiles its batch).
# Configures a new build folder, and again one made before these options or with them off.
build_layerlab() {
  local jobs
  jobs="$(nproc)"
  if [ ! -f "$LAYERLAB_BUILD/build.ninja" ] ||
    ! grep -qx 'LAYERLAB_ASSERTS:BOOL=ON' "$LAYERLAB_BUILD/CMakeCache.txt" 2>/dev/null ||
    ! grep -qx 'CMAKE_UNITY_BUILD:BOOL=ON' "$LAYERLAB_BUILD/CMakeCache.txt" 2>/dev/null; then
    cmake -S "$LAYERLAB_ROOT" -B "$LAYERLAB_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DLAYERLAB_ASSERTS=ON -DCMAKE_UNITY_BUILD=ON
  fi
  cmake --build "$LAYERLAB_BUILD" -j "$jobs"
}
