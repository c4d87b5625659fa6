export * from './catalog.js';
export * from './bag.js';
export * from './format.js';
