#pragma once
// The Compose merge rules, shared by `extends`, `include` and `-f a.yaml -f b.yaml`: maps merge
// recursively, the override's scalars win, `command`/`entrypoint`/`healthcheck.test` are replaced,
// `environment`/`labels`/`sysctls` merge by name, `volumes`/`devices` by container path,
// `secrets`/`configs` by target, other sequences are appended without duplicates.
#include <vector>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/input/compose/node.hpp"

namespace bulwark::input::compose {

/// Rewrites the list forms of `environment`, `labels`, `sysctls`, `annotations` and `networks` of
/// service `service` into map form (NAME=VALUE items become entries keeping their byte ranges); an
/// item that is not a single value (`- KEY: value`) is an error in `diagnostics` and is left out.
void normalize_service(Node& service, std::vector<core::Diagnostic>& diagnostics);

/// Merges service `over` into service `base` (both normalized).
void merge_service(Node& base, const Node& over);

/// Merges top-level document `over` into `base`: services with merge_service, other sections by
/// name (a later definition's keys win).
void merge_document(Node& base, const Node& over);

}  // namespace bulwark::input::compose
