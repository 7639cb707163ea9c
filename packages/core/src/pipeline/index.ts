export * from './process.js';
export * from './summary.js';
export * from './paths.js';
