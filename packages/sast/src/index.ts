export * from './rule-types.js';
