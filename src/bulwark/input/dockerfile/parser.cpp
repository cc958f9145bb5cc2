#include "bulwark/input/dockerfile/parser.hpp"

namespace bulwark::input::dockerfile {

model::Dockerfile parse(util::SourcePtr source) {
    model::Dockerfile df;
    df.source = std::move(source);
    return df;
}

}  // namespace bulwark::input::dockerfile
