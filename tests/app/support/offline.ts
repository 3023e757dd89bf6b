// A fresh, empty on-device database for each test.
import { openDb } from '../../../src/app/offline/db';
import { resetStorageHealthForTests } from '../../../src/app/offline/storage';

let counter = 0;

export function resetOfflineDb(): void {
  counter += 1;
  openDb(`tifaktor-test-${counter}-${Math.random().toString(36).slice(2)}`);
  resetStorageHealthForTests();
}
