#!/usr/bin/env python3
"""The one place that parses TOML for the scripts (Python >= 3.11, for tomllib).

Usage (from the repository root):
  python3 scripts/config.py build                  shell assignments from wasm-pack.toml
  python3 scripts/config.py sizes                  the size settings of wasm-pack.toml, as JSON
  python3 scripts/config.py wasm-bindgen-version   the wasm-bindgen version in Cargo.lock

`build` prints lines such as `WP_TARGET='web'`, quoted for `eval` in bash; WP_WASM_OPT_FLAGS
is a bash array. `sizes` prints one JSON object (first_render_modules,
first_render_budget_bytes, everything_budget_bytes) for scripts/sizes.mjs, so that TOML has
one parser. Both check the whole file first. Errors go to stderr with exit status 1.
"""

import json
import shlex
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def is_positive(v):
    return not isinstance(v, bool) and v > 0


def is_www_path(v):
    """A file path relative to www/ in canonical form: "views/kwic.js", not "./views/kwic.js"."""
    return (isinstance(v, str) and "\\" not in v
            and not {"", ".", ".."} & set(v.split("/")))


# key -> (type, check, what a valid value is)
SCHEMA = {
    "target": (str, lambda v: v in {"web", "bundler", "nodejs", "no-modules", "deno"},
               'one of "web", "bundler", "nodejs", "no-modules", "deno"'),
    "out_dir": (str, lambda v: bool(v) and not Path(v).is_absolute() and ".." not in Path(v).parts,
                "a non-empty path inside the repository"),
    "profile": (str, lambda v: v in {"release", "profiling", "dev"},
                'one of "release", "profiling", "dev"'),
    "wasm_opt_flags": (list, lambda v: all(isinstance(f, str) and f for f in v),
                       "a list of non-empty strings"),
    "first_render_modules": (list, lambda v: bool(v) and all(is_www_path(m) for m in v),
                             'a non-empty list of paths relative to www/, such as "views/kwic.js"'),
    "first_render_budget_bytes": (int, is_positive, "a positive integer"),
    "everything_budget_bytes": (int, is_positive, "a positive integer"),
}


def fail(message):
    print(f"config: {message}", file=sys.stderr)
    sys.exit(1)


def load(name):
    path = ROOT / name
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        fail(f"{name} not found")
    except tomllib.TOMLDecodeError as e:
        fail(f"{name}: {e}")


def settings():
    """wasm-pack.toml, every key known, present and valid."""
    config = load("wasm-pack.toml")
    unknown = sorted(set(config) - set(SCHEMA))
    if unknown:
        fail(f"wasm-pack.toml: unknown key(s) {', '.join(unknown)}; known: {', '.join(SCHEMA)}")
    for key, (kind, check, valid) in SCHEMA.items():
        if key not in config:
            fail(f"wasm-pack.toml: missing key {key}")
        value = config[key]
        if not isinstance(value, kind) or not check(value):
            fail(f"wasm-pack.toml: {key} = {value!r} is invalid, expected {valid}")
    return config


def build():
    config = settings()
    package = load("Cargo.toml").get("package", {}).get("name")
    if not package:
        fail("Cargo.toml: no [package] name")

    q = shlex.quote
    print(f"WP_TARGET={q(config['target'])}")
    print(f"WP_OUT_DIR={q(config['out_dir'])}")
    print(f"WP_PROFILE={q(config['profile'])}")
    print(f"WP_WASM_OPT_FLAGS=({' '.join(q(f) for f in config['wasm_opt_flags'])})")
    # wasm-pack names its output after the crate, with '-' turned into '_'.
    print(f"WP_OUT_NAME={q(package.replace('-', '_'))}")


def sizes():
    config = settings()
    keys = ("first_render_modules", "first_render_budget_bytes", "everything_budget_bytes")
    print(json.dumps({key: config[key] for key in keys}))


def wasm_bindgen_version():
    versions = sorted({p["version"] for p in load("Cargo.lock").get("package", [])
                       if p.get("name") == "wasm-bindgen"})
    if len(versions) != 1:
        fail(f"Cargo.lock: expected one wasm-bindgen version, found {versions or 'none'}")
    print(versions[0])


COMMANDS = {"build": build, "sizes": sizes, "wasm-bindgen-version": wasm_bindgen_version}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in COMMANDS:
        fail(f"usage: {sys.argv[0]} {{{'|'.join(COMMANDS)}}}")
    COMMANDS[sys.argv[1]]()
