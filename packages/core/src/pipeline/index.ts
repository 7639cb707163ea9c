export * from './process.js';
export * from './summary.js';
