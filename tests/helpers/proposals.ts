/** Proposal fixtures: An Khánh's draft with fresh editors, Bình Trưng's proposal in any status. */
import { and, eq, type SQL } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '$lib/server/db';
import { proposals, users, wards } from '$lib/server/db/schema';
import { seedSample } from '$lib/server/db/seed';
import { createTestDb } from '$lib/server/db/test-db';
import { getProposal, ProposalError, type ProposalStatus } from '$lib/server/proposals';

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

/** A user the proposal workflow acts as (the workflow's actor shape). */
export interface Actor {
	userId: number;
	username: string;
}

/** Fresh users of Bình Trưng's workflow fixture: `<prefix>.editor`, `.viewer`, `.reviewer`, `.reviewer2`. */
export interface WorkflowFixture {
	db: Db;
	ward: typeof wards.$inferSelect;
	/** The sample proposal's id and title. */
	id: number;
	title: string;
	editor: Actor;
	viewer: Actor;
	reviewer: Actor;
	reviewer2: Actor;
	/** Ids (ascending) of the ward's active users and of the active city reviewers. */
	wardUsers: number[];
	reviewers: number[];
}

const activeIds = (db: Db, where: SQL | undefined) =>
	db
		.select({ id: users.id })
		.from(users)
		.where(and(where, eq(users.disabled, false)))
		.all()
		.map((u) => u.id)
		.sort((a, b) => a - b);

/**
 * A seeded database with Bình Trưng's only proposal (two submitted versions) put into `status`,
 * claimed by `<prefix>.reviewer` when `claimed`, and four fresh users named after `prefix`.
 */
export function binhTrungProposal(
	status: ProposalStatus,
	{ prefix, claimed }: { prefix: string; claimed: boolean }
): WorkflowFixture {
	const db = createTestDb();
	seedSample(db);
	const ward = db.select().from(wards).where(eq(wards.code, 'binh-trung')).get()!;
	const add = (name: string, role: 'ward_editor' | 'ward_viewer' | 'city_reviewer'): Actor => {
		const username = `${prefix}.${name}`;
		const wardId = role === 'city_reviewer' ? null : ward.id;
		const row = db
			.insert(users)
			.values({ username, displayName: username, passwordHash: 'x', role, wardId })
			.returning({ id: users.id })
			.get();
		return { userId: row.id, username };
	};
	const editor = add('editor', 'ward_editor');
	const viewer = add('viewer', 'ward_viewer');
	const reviewer = add('reviewer', 'city_reviewer');
	const reviewer2 = add('reviewer2', 'city_reviewer');
	const own = db.select().from(proposals).where(eq(proposals.wardId, ward.id)).all();
	expect(own).toHaveLength(1);
	const id = own[0].id;
	db.update(proposals)
		.set({ status, reviewerId: claimed ? reviewer.userId : null })
		.where(eq(proposals.id, id))
		.run();
	const p = getProposal(db, ward.id, id)!;
	expect(p.status).toBe(status);
	const wardUsers = activeIds(db, eq(users.wardId, ward.id));
	const reviewers = activeIds(db, eq(users.role, 'city_reviewer'));
	expect(wardUsers).toEqual(expect.arrayContaining([editor.userId, viewer.userId]));
	expect(reviewers).toEqual(expect.arrayContaining([reviewer.userId, reviewer2.userId]));
	return {
		db,
		ward,
		id,
		title: p.title,
		editor,
		viewer,
		reviewer,
		reviewer2,
		wardUsers,
		reviewers
	};
}

/** Runs `fn` and expects it to throw a ProposalError with `code`. */
export async function refused(fn: () => unknown, code: string): Promise<void> {
	let error: unknown = null;
	try {
		await fn();
	} catch (e) {
		error = e;
	}
	expect(error).toBeInstanceOf(ProposalError);
	expect((error as ProposalError).code).toBe(code);
}
