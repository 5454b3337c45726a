import { lowerKdfCostForTests } from '../../db/kdf-cost';

// Every project's setup file: archives and accounts made in-process derive their keys cheaply
// (tests/kdf-cost.test.ts and tests/e2e/kdf-cost.test.ts pin what the shipped app uses).
lowerKdfCostForTests();
