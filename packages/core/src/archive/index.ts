export * from './zip.js';
export { buildZip, type ZipInput } from './zip-writer.js';
