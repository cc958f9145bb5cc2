#pragma once
// What the fuzz targets assert on a parser's result: a failed check traps, so libFuzzer reports the
// input as a crash.
#include <cstddef>

#include "bulwark/model/container.hpp"

namespace bulwark::fuzz {

inline void check(bool ok) {
    if (!ok) {
        __builtin_trap();
    }
}

/// A located value's byte range lies inside a source of `size` bytes.
inline void check_origin(const model::Origin& o, size_t size) {
    check(o.range.begin <= o.range.end && o.range.end <= size);
}

}  // namespace bulwark::fuzz
