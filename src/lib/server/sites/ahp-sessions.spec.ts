import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, users } from '../db/schema';
import type { Db } from '../db';
import {
	AhpSessionError,
	answerInvite,
	createInvite,
	INVITE_TTL_MS,
	listInvites,
	matrixFromForm,
	MAX_OPEN_INVITES,
	openInvite,
	revokeInvite
} from './ahp-sessions';
import { ahpState, listCriteria, matrixFromPairs, saveJudgments, ScoringError } from './scoring';
import { sampleDb } from '../../../../tests/helpers/sample';

const editor = { userId: null, username: 'editor' };
const NOW = Date.UTC(2026, 11, 5, 3, 0, 0);
let db: Db;
let bt: number;
let keys: string[];

/** Upper-triangle judgements of three criteria: a01, a02, a12. */
const m3 = (a01: number, a02: number, a12: number) =>
	matrixFromPairs(3, (i, j) => (i === 0 ? (j === 1 ? a01 : a02) : a12));

beforeEach(() => {
	({ db, bt } = sampleDb());
	keys = listCriteria(db, bt)
		.filter((c) => c.active)
		.slice(0, 3)
		.map((c) => c.key);
});

const expectCode = (fn: () => unknown, code: string) => {
	try {
		fn();
	} catch (e) {
		expect(e).toBeInstanceOf(AhpSessionError);
		expect((e as AhpSessionError).code).toBe(code);
		return;
	}
	throw new Error(`expected AhpSessionError(${code})`);
};

describe('one-time AHP links', () => {
	it('answers once; the group is the geometric mean of the two participants', () => {
		const a = createInvite(db, editor, bt, 'Bí thư Đảng ủy', NOW);
		const b = createInvite(db, editor, bt, 'Chủ tịch UBMTTQ', NOW);
		expect(a.token).not.toBe(b.token);
		expect(a.expiresAt).toBe(NOW + INVITE_TTL_MS);
		expect(openInvite(db, a.token, NOW)).toMatchObject({
			participant: 'Bí thư Đảng ủy',
			status: 'open'
		});

		answerInvite(db, a.token, keys, m3(2, 3, 1), NOW + 1000);
		answerInvite(db, b.token, keys, m3(8, 1 / 3, 1), NOW + 2000);
		const st = ahpState(db, bt, keys);
		expect(st.participants.map((p) => [p.participant, p.userId])).toEqual([
			['Bí thư Đảng ủy', null],
			['Chủ tịch UBMTTQ', null]
		]);
		// a01 = sqrt(2 · 8) = 4; a02 = sqrt(3 · 1/3) = 1; a12 = 1.
		expect(st.group!.matrix[0][1]).toBeCloseTo(4, 12);
		expect(st.group!.matrix[0][2]).toBeCloseTo(1, 12);
		// Two participants: consensus measures and the pairs they disagree on (a01: 2 vs 8, 6 steps;
		// a02: 3 vs 1/3, 4 steps).
		expect(st.meanKendallTau).not.toBeNull();
		expect(st.disagreement.map((d) => [d.i, d.j, d.spreadSteps])).toEqual([
			[0, 1, 6],
			[0, 2, 4],
			[1, 2, 0]
		]);

		expectCode(() => answerInvite(db, a.token, keys, m3(9, 9, 9), NOW + 3000), 'used');
		// The second attempt changed nothing.
		expect(ahpState(db, bt, keys).participants[0].matrix[0][1]).toBe(2);
		expect(listInvites(db, bt, NOW + 3000).map((i) => i.status)).toEqual(['answered', 'answered']);
	});

	it('one participant: no consensus measures and no disagreement', () => {
		const a = createInvite(db, editor, bt, 'Chủ tịch UBND', NOW);
		answerInvite(db, a.token, keys, m3(2, 3, 1), NOW);
		const st = ahpState(db, bt, keys);
		expect(st.participants).toHaveLength(1);
		expect(st.participants[0].kendallTauToGroup).toBeNull();
		expect(st.meanKendallTau).toBeNull();
		expect(st.disagreement).toEqual([]);
	});

	it('refuses expired, revoked and unknown links, and changes nothing', () => {
		const a = createInvite(db, editor, bt, 'Phó Chủ tịch UBND', NOW);
		expectCode(() => answerInvite(db, a.token, keys, m3(2, 2, 2), NOW + INVITE_TTL_MS), 'expired');
		const b = createInvite(db, editor, bt, 'Phó Bí thư', NOW);
		revokeInvite(db, editor, bt, b.id, NOW + 1);
		expectCode(() => answerInvite(db, b.token, keys, m3(2, 2, 2), NOW + 2), 'revoked');
		expectCode(() => answerInvite(db, 'x'.repeat(43), keys, m3(2, 2, 2), NOW), 'not-found');
		expect(openInvite(db, '../../etc', NOW)).toBeUndefined();
		expect(ahpState(db, bt, keys).participants).toEqual([]);
		// Revoking an answered link is refused; another ward cannot revoke this ward's link.
		const c = createInvite(db, editor, bt, 'Ủy viên', NOW);
		answerInvite(db, c.token, keys, m3(1, 1, 1), NOW);
		expectCode(() => revokeInvite(db, editor, bt, c.id), 'used');
		expectCode(() => revokeInvite(db, editor, bt + 1000, a.id), 'not-found');
	});

	it('never lets a link or a paper form overwrite someone else’s answers', () => {
		const viewer = db
			.insert(users)
			.values({
				username: 'leader',
				displayName: 'Nguyễn Văn A — Bí thư',
				passwordHash: 'x',
				role: 'ward_viewer',
				wardId: bt
			})
			.returning()
			.get();
		saveJudgments(
			db,
			{ userId: viewer.id, username: viewer.username },
			bt,
			{ participant: viewer.displayName, userId: viewer.id },
			keys,
			m3(5, 5, 5)
		);
		// A link in the same name is refused up front…
		expectCode(() => createInvite(db, editor, bt, viewer.displayName, NOW), 'name-taken');
		// …and an editor typing that name in a paper form cannot overwrite the member's answers.
		expect(() => saveJudgments(db, editor, bt, viewer.displayName, keys, m3(1, 1, 1))).toThrow(
			ScoringError
		);
		expect(ahpState(db, bt, keys).participants[0].matrix[0][1]).toBe(5);
		// Two open links for one name are refused too.
		createInvite(db, editor, bt, 'Chánh Văn phòng', NOW);
		expectCode(() => createInvite(db, editor, bt, 'chánh văn phòng', NOW), 'name-taken');
	});

	it('limits the open links of a ward and audits each', () => {
		for (let k = 0; k < MAX_OPEN_INVITES; k++) createInvite(db, editor, bt, `Người ${k}`, NOW);
		expectCode(() => createInvite(db, editor, bt, 'Một người nữa', NOW), 'too-many');
		const audited = db.select().from(auditLog).where(eq(auditLog.entity, 'ahp-invite')).all();
		expect(audited).toHaveLength(MAX_OPEN_INVITES);
		// The token itself is never stored or audited.
		expect(JSON.stringify(audited)).not.toMatch(/token/);
	});
});

describe('matrixFromForm', () => {
	it('reads the Saaty options of every pair; a missing pair is equal; off-scale is refused', () => {
		const f = new FormData();
		f.set('p:a:b', '3');
		f.set('p:a:c', '1/5');
		const m = matrixFromForm(f, ['a', 'b', 'c'])!;
		expect(m[0][1]).toBe(3);
		expect(m[1][0]).toBeCloseTo(1 / 3, 15);
		expect(m[0][2]).toBeCloseTo(0.2, 15);
		expect(m[1][2]).toBe(1);
		f.set('p:b:c', '10');
		expect(matrixFromForm(f, ['a', 'b', 'c'])).toBeNull();
	});
});
