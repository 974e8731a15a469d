/** A fresh in-memory database with the real migrations, for tests. */
import { openDatabase, type Db } from './connection';

export function createTestDb(): Db {
	return openDatabase(':memory:');
}
