/**
 * What happens once at server start: open the database (fail fast), apply migrations, seed the
 * sample wards into an empty database unless TRUSO_SAMPLE=0, and create the first admin from
 * TRUSO_ADMIN_PASSWORD when there is no admin yet.
 */
import { eq } from 'drizzle-orm';
import { hashPassword, passwordProblem } from '../auth/password';
import { initDb, type Db } from '../db';
import { users } from '../db/schema';
import { seedDemoAccounts } from '../db/seed/accounts';
import { isEmpty, seedReference, seedSample } from '../db/seed';

export function sampleMode(): boolean {
	return process.env.TRUSO_SAMPLE !== '0';
}

export async function startup(): Promise<Db> {
	const db = initDb();
	if (sampleMode()) {
		if (isEmpty(db)) {
			seedSample(db);
			await seedDemoAccounts(db);
			console.log('[truso] empty database: sample wards and demo accounts seeded');
		}
	} else if (!db.$client.readonly) {
		db.transaction((tx) => seedReference(tx));
	}
	await ensureFirstAdmin(db);
	return db;
}

/** Creates the first admin ("admin") from TRUSO_ADMIN_PASSWORD once, when none exists. */
export async function ensureFirstAdmin(
	db: Db,
	password = process.env.TRUSO_ADMIN_PASSWORD
): Promise<boolean> {
	if (!password) return false;
	const existing = db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).get();
	if (existing) return false;
	const problem = passwordProblem(password);
	if (problem) {
		throw new Error(
			`TRUSO_ADMIN_PASSWORD is not acceptable (${problem}); use 10+ varied characters.`
		);
	}
	db.insert(users)
		.values({
			username: 'admin',
			displayName: 'Administrator',
			role: 'admin',
			passwordHash: await hashPassword(password)
		})
		.run();
	console.log('[truso] first admin "admin" created from TRUSO_ADMIN_PASSWORD');
	return true;
}
