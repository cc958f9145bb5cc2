#!/usr/bin/env python3
"""Validates a JSON document against a JSON schema in a directory of schemas (offline: schemas that
refer to each other by name, like CycloneDX's bom-1.5 -> spdx.schema.json, are resolved from that
directory, never fetched). Used by the SBOM unit tests (tests/unit/test_sbom_*.cpp).

usage: validate_json_schema.py SCHEMA_DIR SCHEMA_FILE DOCUMENT
exit 0 valid, 1 invalid (violations on stderr), 2 usage or unreadable input.
"""
import json
import os
import sys

import jsonschema  # Debian: python3-jsonschema


def _unsorted_extras_msg(extras):
    return ", ".join(repr(extra) for extra in extras), "was" if len(extras) == 1 else "were"


def _patch_extras_msg():
    """jsonschema 4.10 (Debian 12) sorts the extra items of an `additionalItems` error to build its
    message, which raises TypeError for objects: a valid CycloneDX list of several licenses (the
    failing branch of licenses' oneOf) then crashes the check. Build the message without sorting."""
    import importlib
    for name in ("jsonschema._utils", "jsonschema._validators", "jsonschema._keywords"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if hasattr(module, "extras_msg"):
            module.extras_msg = _unsorted_extras_msg


def main(argv):
    _patch_extras_msg()
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    schema_dir, schema_file, doc_path = argv[1:]
    schemas = {}
    for name in os.listdir(schema_dir):
        if name.endswith(".json"):
            with open(os.path.join(schema_dir, name)) as f:
                s = json.load(f)
            if isinstance(s, dict) and "$id" in s:
                schemas[s["$id"]] = s
    with open(os.path.join(schema_dir, schema_file)) as f:
        schema = json.load(f)
    with open(doc_path) as f:
        doc = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    try:
        from referencing import Registry, Resource  # jsonschema >= 4.18
        from referencing.jsonschema import DRAFT7
        registry = Registry().with_resources(
            [(uri, Resource(contents=s, specification=DRAFT7)) for uri, s in schemas.items()])
        validator = cls(schema, registry=registry)
    except ImportError:  # Debian 12's jsonschema 4.10
        resolver = jsonschema.RefResolver.from_schema(schema, store=schemas)
        validator = cls(schema, resolver=resolver)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    for e in errors[:20]:
        print(f"at /{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except Exception as e:  # noqa: BLE001 - a broken check must not look like "invalid"
        print(f"error: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(2)
