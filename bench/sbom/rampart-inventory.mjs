#!/usr/bin/env node
// One Rampart inventory of a directory, as the SBOM benchmark times it: catalog(nodeFs(dir)) from the built
// @rampart/inventory, every cataloger, the walk of node_modules included. Writes the packages' purls as JSON.
// Usage: node bench/sbom/rampart-inventory.mjs <dir> <out.json>
import { writeFileSync } from 'node:fs';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error('usage: rampart-inventory.mjs <dir> <out.json>');
  process.exit(2);
}
const { catalog, nodeFs } = await import('../../packages/inventory/dist/index.js');
const inventory = await catalog(nodeFs(dir));
writeFileSync(out, JSON.stringify({ purls: inventory.packages.map((p) => p.purl), problems: inventory.problems.length }));
