#!/usr/bin/env bash
# Installs everything bulwark needs to build, test, fuzz and benchmark, from Debian 12 packages only.
# Usage: scripts/install-deps.sh   (as root, or with sudo available)
set -euo pipefail

packages=(
  # toolchain
  build-essential g++ cmake ninja-build ccache pkg-config git
  # libraries
  libfmt-dev nlohmann-json3-dev libyaml-cpp-dev libcli11-dev libhyperscan-dev libre2-dev
  libarchive-dev libcurl4-openssl-dev libssl-dev libsqlite3-dev libmimalloc-dev liburing-dev
  # image tests: a real engine, a static busybox for FROM scratch images, a Debian rootfs, zstd layers
  docker.io busybox-static debootstrap zstd
  # tests, benchmarks, fuzzing
  libgtest-dev libgmock-dev libbenchmark-dev clang-14 libclang-rt-14-dev llvm-14 clang-format
  python3 python3-jsonschema libxml2-utils
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
