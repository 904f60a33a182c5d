#!/usr/bin/env python3
"""Starting inputs for the manifest and bundle fuzz targets: `fuzz_seeds.py manifest|bundle DIR`."""
import hashlib, io, json, os, sys, zipfile

SCRIPT = b'script = { name = "f", version = "1.0.0", description = "x" }\nprint(1)\n'


def manifest(files):
    return json.dumps({"format": "workbench-script-bundle", "formatVersion": 1, "name": "f", "version": "1.0.0",
                       "description": "x", "api": 1,
                       "files": [{"path": p, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d)} for p, d in files]},
                      indent=2, sort_keys=True).encode()


def main():
    kind, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    files = [("init.lua", SCRIPT)]
    if kind == "manifest":
        open(os.path.join(out, "good.json"), "wb").write(manifest(files))
        open(os.path.join(out, "extra.json"), "wb").write(manifest(files + [("../x", b"")]))
        return
    for name, entries in {"good": files, "module": files + [("lib/m.lua", b"return {}\n")]}.items():
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("manifest.json", manifest(entries))
            for p, d in entries:
                z.writestr(p, d)
        open(os.path.join(out, name + ".wbz"), "wb").write(buf.getvalue())


if __name__ == "__main__":
    main()
