/** The sample's An Khánh draft proposal with fresh editors, for the proposal action specs. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db';
import { proposals, users, wards } from '$lib/server/db/schema';
import { seedSample } from '$lib/server/db/seed';
import { createTestDb } from '$lib/server/db/test-db';

export interface DraftFixture {
	db: Db;
	wardId: number;
	wardCode: string;
	proposalId: number;
	editors: { id: number; username: string }[];
}

/** A seeded database, An Khánh's draft and one ward editor per name. */
export function anKhanhDraft(editorNames: string[]): DraftFixture {
	const db = createTestDb();
	seedSample(db);
	const ward = db.select().from(wards).where(eq(wards.code, 'an-khanh')).get()!;
	const proposalId = db
		.select()
		.from(proposals)
		.where(and(eq(proposals.wardId, ward.id), eq(proposals.status, 'draft')))
		.get()!.id;
	const editors = editorNames.map((username) =>
		db
			.insert(users)
			.values({
				username,
				displayName: username,
				passwordHash: 'x',
				role: 'ward_editor',
				wardId: ward.id
			})
			.returning({ id: users.id, username: users.username })
			.get()
	);
	return { db, wardId: ward.id, wardCode: ward.code, proposalId, editors };
}
