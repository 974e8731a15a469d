/**
 * The dossier form on a stale page (issue 16), at the service and through the action as
 * SvelteKit calls it: two editors load the same draft; A saves an investor; B's save from the
 * page loaded before answers 409 with both values and writes nothing; B re-submitting with the
 * stored version ("keep mine") saves, and "take theirs" values are the form's own.
 */
import { isRedirect } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ConflictFailure } from '$lib/conflict';
import type { Db } from '$lib/server/db';
import { auditLog } from '$lib/server/db/schema';
import { anKhanhDraft } from '../helpers/proposals';
import { ConflictError } from '$lib/server/core/concurrency';
import { getProposal } from '$lib/server/proposals';
import { dossierView, saveDossier } from '$lib/server/proposals/dossier';
import { dossierFormValues } from '$lib/server/proposals/dossier-form';
import { dossierFormSchema } from '$lib/schemas/dossier';
import { actions } from '../../src/routes/w/[ward]/proposals/[id=id]/+page.server';

let db: Db;
let wardId: number;
let wardCode: string;
let proposalId: number;
let editors: { id: number; username: string }[];

beforeEach(() => {
	({ db, wardId, wardCode, proposalId, editors } = anKhanhDraft(['editor.a', 'editor.b']));
});

const stored = () => getProposal(db, wardId, proposalId)!;
/** The dossier form as the page shows it now, with its hidden version. */
function pageForm(): Record<string, string> {
	const p = stored();
	const s = dossierView(db, wardId, p.state.draft, p.id).suggestions;
	return { ...dossierFormValues(p.state.draft, s), version: String(p.version) };
}
const audits = () =>
	db
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.entity, 'proposal'), eq(auditLog.entityId, String(proposalId))))
		.all().length;

function locals(who: 0 | 1): App.Locals {
	const u = editors[who];
	return {
		db,
		locale: 'vi',
		user: {
			id: u.id,
			username: u.username,
			displayName: u.username,
			role: 'ward_editor',
			wardId,
			wardCode,
			sessionId: `s${who}`
		},
		principal: {} as App.Locals['principal'],
		ward: { id: wardId, code: wardCode, name: 'An Khánh', isSample: true },
		canEdit: true
	} as App.Locals;
}

async function post(who: 0 | 1, fields: Record<string, string>) {
	const request = new Request('http://x/', {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields)
	});
	try {
		return await actions.dossier({
			request,
			locals: locals(who),
			params: { ward: wardCode, id: String(proposalId) }
		} as never);
	} catch (e) {
		if (isRedirect(e)) return { redirect: e.location };
		throw e;
	}
}

describe('the dossier form refuses a stale save', () => {
	it('service: a stale version throws ConflictError and writes nothing', () => {
		const before = stored();
		const form = dossierFormSchema.parse({ ...pageForm(), investor: 'Chủ đầu tư X' });
		const actor = { userId: editors[0].id, username: editors[0].username };
		saveDossier(db, actor, wardId, proposalId, form, before.version);
		const after = stored();
		expect(after.version).toBe(before.version + 1);
		expect(after.state.draft.dossier?.investor).toBe('Chủ đầu tư X');
		const n = audits();
		const stale = dossierFormSchema.parse({ ...pageForm(), investor: 'Chủ đầu tư Y' });
		expect(() => saveDossier(db, actor, wardId, proposalId, stale, before.version)).toThrow(
			ConflictError
		);
		expect(stored().draftJson).toBe(after.draftJson);
		expect(stored().version).toBe(after.version);
		expect(audits()).toBe(n);
	});

	it('action: 409 with both values, nothing written; keep mine saves with the stored version', async () => {
		const loaded = pageForm(); // both editors load the page
		expect(await post(0, { ...loaded, investor: 'UBND phường An Khánh (A)' })).toEqual({
			redirect: `/w/${wardCode}/proposals/${proposalId}?dossier=saved#dossier`
		});
		const afterA = stored();
		expect(afterA.state.draft.dossier?.investor).toBe('UBND phường An Khánh (A)');
		const n = audits();

		const stale = { ...loaded, investor: 'UBND phường An Khánh (B)', storeys: '7' };
		const res = (await post(1, stale)) as { status: number; data: ConflictFailure };
		expect(res.status).toBe(409);
		expect(res.data.form).toBe('dossier');
		const fields = Object.fromEntries(res.data.conflict.fields.map((f) => [f.name, f]));
		expect(fields.investor).toEqual({
			name: 'investor',
			mine: 'UBND phường An Khánh (B)',
			theirs: 'UBND phường An Khánh (A)'
		});
		// The storeys A left as they were: B's 7 against the stored value as the form shows it.
		expect(fields.storeys.mine).toBe('7');
		expect(fields.storeys.theirs).toBe(loaded.storeys);
		// Fields both left alone are not listed.
		expect(fields.fundingSource).toBeUndefined();
		// "Take theirs" fills the form with what the page would show now.
		expect(res.data.conflict.theirs.investor).toBe('UBND phường An Khánh (A)');
		// Nothing written: A's investor stays, no audit row.
		expect(stored().draftJson).toBe(afterA.draftJson);
		expect(audits()).toBe(n);
		// B's values come back with the stored version: re-submitting keeps B's.
		expect(res.data.values.investor).toBe('UBND phường An Khánh (B)');
		expect(Number(res.data.values.version)).toBe(stored().version);
		expect(await post(1, res.data.values)).toEqual({
			redirect: `/w/${wardCode}/proposals/${proposalId}?dossier=saved#dossier`
		});
		expect(stored().state.draft.dossier?.investor).toBe('UBND phường An Khánh (B)');
		expect(stored().state.draft.dossier?.storeys).toBe(7);
	});
});
