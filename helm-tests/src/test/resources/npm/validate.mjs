// Validates rendered Kubernetes objects against the JSON schemas that ship in the npm packages kubernetes-models
// and @kubernetes-models/prometheus-operator. Input on stdin: a JSON array of {source, object}. Prints one line per
// invalid object (its source, kind, name and every schema error) and exits 1 if there is any.
import { readFileSync } from "node:fs";

const items = JSON.parse(readFileSync(0, "utf8"));
let failed = 0;
for (const { source, object: o } of items) {
  const slash = o.apiVersion.indexOf("/");
  const group = slash < 0 ? "" : o.apiVersion.slice(0, slash);
  const version = slash < 0 ? o.apiVersion : o.apiVersion.slice(slash + 1);
  const where = `${source}: ${o.kind} ${o.metadata?.name}`;
  const module = group === "monitoring.coreos.com"
    ? `@kubernetes-models/prometheus-operator/${group}/${version}/${o.kind}`
    : `kubernetes-models/${group ? group + "/" : ""}${version}/${o.kind}`;
  let Model;
  try {
    Model = (await import(module))[o.kind];
  } catch (e) {
    console.log(`${where}: no schema for ${o.apiVersion} ${o.kind} (${e.code ?? e.message})`);
    failed++;
    continue;
  }
  if (!Model) {
    console.log(`${where}: no schema for ${o.apiVersion} ${o.kind}`);
    failed++;
    continue;
  }
  try {
    new Model(o).validate();
  } catch (e) {
    console.log(`${where}: ${String(e.message).replaceAll("\n", " ")}`);
    failed++;
  }
}
console.log(`validated ${items.length} objects, ${failed} invalid`);
process.exit(failed ? 1 : 0);
