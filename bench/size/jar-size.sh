#!/usr/bin/env bash
# Size of the production jar and what it is made of (compressed bytes per top-level group), plus the
# checks issue 11 asks for: no native executables, no netty / vert.x / mock web server inside.
# Usage: bench/size/jar-size.sh [path/to/tierlens.jar]
#        CHECK=1 bench/size/jar-size.sh   # exit 1 if any of those four is inside (the production jar's guarantee)
set -euo pipefail
JAR="${1:-exporters/app/target/tierlens.jar}"
python3 - "$JAR" <<'PY'
import collections, sys, zipfile
jar = sys.argv[1]
z = zipfile.ZipFile(jar)
groups = collections.Counter()
for e in z.infolist():
    p = e.filename.split("/")
    if p[:4] == ["software", "amazon", "awssdk", "services"] and len(p) > 5:
        key = "aws " + p[4]
    elif p[0] == "software":
        key = "aws sdk core"
    elif p[:4] == ["io", "fabric8", "kubernetes", "api"] and len(p) > 6 and p[4] == "model":
        key = "fabric8 model " + p[5] if not p[5].endswith(".class") else "fabric8 model core"
    elif p[:4] == ["io", "fabric8", "kubernetes", "api"]:
        key = "fabric8 model core"
    elif len(p) > 2 and p[0] in ("io", "com", "org"):
        key = "/".join(p[:2]) if p[1] not in ("fabric8", "tierlens", "prometheus") else "/".join(p[:3])
    else:
        key = p[0]
    groups[key] += e.compress_size
import os
size = os.path.getsize(jar)
print(f"{jar}: {size / 1e6:.1f} MB ({size} bytes), {len(z.infolist())} entries")
for k, v in groups.most_common(25):
    print(f"  {v / 1e6:7.2f} MB  {k}")
names = z.namelist()
bad = {
    "redis-server*": [n for n in names if n.split("/")[-1].startswith("redis-server")],
    "io/netty": [n for n in names if n.startswith("io/netty/")],
    "io/vertx": [n for n in names if n.startswith("io/vertx/")],
    "io/fabric8/mockwebserver": [n for n in names if n.startswith("io/fabric8/mockwebserver/")],
}
for k, v in bad.items():
    print(f"  {k}: {len(v)} entries")
if os.environ.get("CHECK") == "1" and any(bad.values()):
    sys.exit(1)
PY
