import { sql } from 'drizzle-orm';
import { apiTokens, users, wards } from '$lib/server/db/schema';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const count = (table: typeof users | typeof wards | typeof apiTokens) =>
		locals.db
			.select({ n: sql<number>`count(*)` })
			.from(table)
			.get()?.n ?? 0;
	return { counts: { users: count(users), wards: count(wards), tokens: count(apiTokens) } };
};
