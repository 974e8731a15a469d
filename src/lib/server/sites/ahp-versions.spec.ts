/**
 * The two AHP writes that had no version check (issue 16): deleting a participant's answers on
 * the weights page, and answering an invitation link. A stale form is refused (409, the stored
 * answers shown, nothing written, the link still open); the unchanged form is accepted. Service
 * level and the route actions as SvelteKit calls them.
 */
import { isRedirect } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../core/concurrency';
import type { Db } from '../db';
import { auditLog, judgments, users, wards } from '../db/schema';
import { seedSample } from '../db/seed';
import { createTestDb } from '../db/test-db';
import { answerInvite, createInvite, inviteAnswerVersion, openInvite } from './ahp-sessions';
import { ahpState, deleteJudgment, listCriteria, matrixFromPairs, saveJudgments } from './scoring';
import { actions as weightsActions } from '../../../routes/w/[ward]/sites/weights/+page.server';
import {
	actions as inviteActions,
	load as inviteLoad
} from '../../../routes/ahp/[token]/+page.server';

const editor = { userId: null, username: 'editor' };
let db: Db;
let wardId: number;
let keys: string[];
let locals: App.Locals;

/** Every pair "equal" except the first pair (keys[0] against keys[1]), set to `first`. */
const matrix = (first: number) =>
	matrixFromPairs(keys.length, (i, j) => (i === 0 && j === 1 ? first : 1));
/** The same answers as the pairwise form posts them. */
const formOf = (first: number) =>
	Object.fromEntries(
		keys.flatMap((a, i) =>
			keys.slice(i + 1).map((b, k) => [`p:${a}:${b}`, i === 0 && k === 0 ? String(first) : '1'])
		)
	);

beforeEach(() => {
	db = createTestDb();
	seedSample(db);
	const ward = db.select().from(wards).where(eq(wards.code, 'binh-trung')).get()!;
	wardId = ward.id;
	keys = listCriteria(db, wardId)
		.filter((c) => c.active)
		.map((c) => c.key);
	const u = db
		.insert(users)
		.values({
			username: 'editor.ahp',
			displayName: 'Biên tập AHP',
			passwordHash: 'x',
			role: 'ward_editor',
			wardId
		})
		.returning()
		.get();
	locals = {
		db,
		locale: 'vi',
		user: { ...u, wardCode: ward.code, sessionId: 's' },
		principal: {} as App.Locals['principal'],
		ward: { id: ward.id, code: ward.code, name: ward.name, isSample: true },
		canEdit: true
	} as unknown as App.Locals;
});

const lan = () => db.select().from(judgments).where(eq(judgments.participant, 'Lan')).get();
const deleteAudits = () =>
	db
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.entity, 'judgment'), eq(auditLog.action, 'delete')))
		.all().length;

async function run(action: (e: never) => unknown, event: Record<string, unknown>) {
	try {
		return await action(event as never);
	} catch (e) {
		if (isRedirect(e)) return { redirect: e.location };
		throw e;
	}
}

function post(fields: Record<string, string>) {
	return new Request('http://x/', {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields)
	});
}

type Refusal = {
	status: number;
	data: {
		message: string;
		form?: string;
		values: Record<string, string>;
		conflict: { version: number; fields: { name: string; mine: string; theirs: string }[] };
	};
};

describe('deleting an AHP participant’s answers', () => {
	it('service: answers changed since the page was loaded are not deleted; the current version deletes', () => {
		saveJudgments(db, editor, wardId, 'Lan', keys, matrix(3), 0);
		const shown = lan()!;
		expect(shown.version).toBe(1);
		// Someone saves Lan's paper form again meanwhile (version 1 → 2).
		saveJudgments(db, editor, wardId, 'Lan', keys, matrix(5), 1);
		let err: unknown;
		try {
			deleteJudgment(db, editor, wardId, shown.id, shown.version);
		} catch (e) {
			err = e;
		}
		expect(err).toBeInstanceOf(ConflictError);
		expect((err as ConflictError).currentVersion).toBe(2);
		expect(lan()!.version).toBe(2);
		expect(deleteAudits()).toBe(0);
		deleteJudgment(db, editor, wardId, shown.id, 2);
		expect(lan()).toBeUndefined();
		expect(deleteAudits()).toBe(1);
	});

	it('action: a stale delete answers 409 "Chưa xóa" with the stored version; the current one deletes', async () => {
		saveJudgments(db, editor, wardId, 'Lan', keys, matrix(3), 0);
		const id = String(lan()!.id);
		saveJudgments(db, editor, wardId, 'Lan', keys, matrix(5), 1);
		const stale = (await run(weightsActions.deleteJudgment, {
			request: post({ id, version: '1' }),
			locals
		})) as Refusal;
		expect(stale.status).toBe(409);
		expect(stale.data.form).toBe('deleteJudgment');
		expect(stale.data.message).toBe(
			'Chưa xóa: trong lúc bạn xem trang, đánh giá của Lan đã được sửa. Bảng dưới đây là bản đã lưu; hãy xem lại rồi xóa nếu vẫn muốn.'
		);
		expect(stale.data.values.version).toBe('2');
		expect(lan()!.version).toBe(2);
		// A delete form without a version is stale too (never deleted unchecked).
		const bare = (await run(weightsActions.deleteJudgment, {
			request: post({ id }),
			locals
		})) as Refusal;
		expect(bare.status).toBe(409);
		expect(lan()).toBeDefined();
		expect(
			await run(weightsActions.deleteJudgment, { request: post({ id, version: '2' }), locals })
		).toEqual({ redirect: '/w/binh-trung/sites/weights' });
		expect(lan()).toBeUndefined();
		expect(ahpState(db, wardId, keys).participants.map((p) => p.participant)).not.toContain('Lan');
	});
});

describe('answering an AHP invitation', () => {
	it('service: answers typed in under the name after the form was loaded are not overwritten; the link stays open', () => {
		const { token } = createInvite(db, editor, wardId, 'Minh');
		const invite = openInvite(db, token)!;
		expect(inviteAnswerVersion(db, invite)).toBe(0);
		// The ward types in Minh's paper form meanwhile.
		saveJudgments(db, editor, wardId, 'Minh', keys, matrix(5), 0);
		expect(inviteAnswerVersion(db, invite)).toBe(1);
		expect(() => answerInvite(db, token, keys, matrix(3), Date.now(), 0)).toThrow(ConflictError);
		expect(openInvite(db, token)!.status).toBe('open');
		const minh = () =>
			ahpState(db, wardId, keys).participants.find((p) => p.participant === 'Minh')!;
		expect(minh().matrix[0][1]).toBe(5);
		// Sent again knowing the stored answers (version 1): replaces them, the link is used.
		answerInvite(db, token, keys, matrix(3), Date.now(), 1);
		expect(minh().matrix[0][1]).toBe(3);
		expect(openInvite(db, token)!.status).toBe('answered');
	});

	it('action: the stale form answers 409 with both values of the changed pair; sent again it is saved', async () => {
		const { token } = createInvite(db, editor, wardId, 'Minh');
		const event = (fields: Record<string, string>) => ({
			request: post(fields),
			locals: { db, locale: 'vi' } as unknown as App.Locals,
			params: { token }
		});
		const loaded = (await inviteLoad({
			locals: { db, locale: 'vi' },
			params: { token }
		} as never)) as {
			version: number;
		};
		expect(loaded.version).toBe(0);
		saveJudgments(db, editor, wardId, 'Minh', keys, matrix(5), 0);
		const stale = (await run(
			inviteActions.default,
			event({ ...formOf(3), version: '0' })
		)) as Refusal;
		expect(stale.status).toBe(409);
		expect(stale.data.message).toBe(
			'Chưa gửi: trong lúc bạn trả lời, phường đã lưu đánh giá dưới tên Minh. Câu trả lời của bạn vẫn còn trong biểu mẫu; hãy so sánh với bản đã lưu rồi gửi lại nếu vẫn muốn thay.'
		);
		expect(stale.data.conflict.fields).toEqual([
			{ name: `p:${keys[0]}:${keys[1]}`, mine: '3', theirs: '5' }
		]);
		expect(stale.data.values.version).toBe('1');
		expect(openInvite(db, token)!.status).toBe('open');
		const ok = await run(inviteActions.default, event({ ...formOf(3), version: '1' }));
		expect(ok).toMatchObject({ done: true });
		expect(openInvite(db, token)!.status).toBe('answered');
	});

	it('action: the unchanged form (nobody answered under the name) is accepted', async () => {
		const { token } = createInvite(db, editor, wardId, 'Hoa');
		const out = await run(inviteActions.default, {
			request: post({ ...formOf(3), version: '0' }),
			locals: { db, locale: 'vi' } as unknown as App.Locals,
			params: { token }
		});
		expect(out).toMatchObject({ done: true });
		const hoa = ahpState(db, wardId, keys).participants.find((p) => p.participant === 'Hoa')!;
		expect(hoa.matrix[0][1]).toBe(3);
		expect(hoa.version).toBe(1);
	});
});
