/** The fake GitHub lives in test/support/github/ (the bench serves from it too); this path keeps tests written against it working. */
export * from '../../../support/github/fake-github.js';
