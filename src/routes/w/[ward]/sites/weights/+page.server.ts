import { error, fail, redirect } from '@sveltejs/kit';
import { formValues, parseForm } from '$lib/server/core/forms';
import { actorOf } from '$lib/server/core/request';
import {
	ahpState,
	deleteJudgment,
	listCriteria,
	saveDirectWeights,
	saveJudgments,
	ScoringError,
	useAhpWeights,
	useDefaultWeights,
	weightState
} from '$lib/server/sites/scoring';
import {
	AhpSessionError,
	createInvite,
	listInvites,
	matrixFromForm,
	revokeInvite
} from '$lib/server/sites/ahp-sessions';
import { judgmentHeaderSchema } from '$lib/schemas/sites';
import { parseLocaleNumber } from '$lib/schemas/fields';
import { translate, type MessageKey } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const wardId = locals.ward!.id;
	const active = listCriteria(locals.db, wardId).filter((c) => c.active);
	const keys = active.map((c) => c.key);
	const state = weightState(locals.db, wardId, active);
	const ahp = ahpState(locals.db, wardId, keys);
	const user = locals.user;
	// A member of the ward answers for themself; an editor may also type in someone's paper form
	// (?participant=name opens that person's answers).
	const isMember = user !== null && user !== undefined && user.wardId === wardId;
	const wanted = locals.canEdit ? url.searchParams.get('participant')?.slice(0, 100) : undefined;
	const own = user ? ahp.participants.find((p) => p.userId === user.id) : undefined;
	const chosen = wanted
		? ahp.participants.find((p) => p.participant === wanted && p.userId === null)
		: own;
	const defaultSum = active.reduce((s, c) => s + c.defaultWeight, 0);
	return {
		criteria: active.map((c) => ({
			key: c.key,
			labelVi: c.labelVi,
			labelEn: c.labelEn,
			defaultWeight: defaultSum > 0 ? c.defaultWeight / defaultSum : 1 / active.length
		})),
		state,
		ahp,
		isMember,
		ownName: user?.displayName ?? '',
		participant: chosen?.participant ?? wanted ?? user?.displayName ?? '',
		matrix: chosen?.matrix ?? null,
		savedCr: url.searchParams.has('saved')
			? (ahp.participants.find((p) => p.participant === url.searchParams.get('saved'))?.cr ?? null)
			: null,
		savedName: url.searchParams.get('saved')?.slice(0, 100) ?? null,
		invites: locals.canEdit ? listInvites(locals.db, wardId) : []
	};
};

function keysOf(locals: App.Locals): string[] {
	return listCriteria(locals.db, locals.ward!.id)
		.filter((c) => c.active)
		.map((c) => c.key);
}

export const actions: Actions = {
	direct: async ({ request, locals }) => {
		const data = await request.formData();
		const raw: Record<string, number> = {};
		let bad = false;
		for (const key of keysOf(locals)) {
			const v = parseLocaleNumber(data.get(`w:${key}`) ?? '');
			if (v === undefined) raw[key] = 0;
			else if (typeof v === 'number' && Number.isFinite(v) && v >= 0) raw[key] = v;
			else bad = true;
		}
		const invalid = () =>
			fail(400, {
				values: formValues(data),
				errors: {},
				message: translate(locals.locale, 'weights.invalid'),
				form: 'direct'
			});
		if (bad) return invalid();
		try {
			saveDirectWeights(locals.db, actorOf(locals), locals.ward!.id, raw);
		} catch (e) {
			if (e instanceof ScoringError) return invalid();
			throw e;
		}
		redirect(303, `/w/${locals.ward!.code}/sites/weights?direct=1`);
	},
	useDefault: ({ locals }) => {
		useDefaultWeights(locals.db, actorOf(locals), locals.ward!.id);
		redirect(303, `/w/${locals.ward!.code}/sites/weights`);
	},
	useAhp: ({ locals }) => {
		useAhpWeights(locals.db, actorOf(locals), locals.ward!.id);
		redirect(303, `/w/${locals.ward!.code}/sites/weights`);
	},
	judgments: async ({ request, locals }) => {
		const data = await request.formData();
		const parsed = parseForm(judgmentHeaderSchema, data, locals.locale, 'ahp');
		if (!parsed.ok) return parsed.failure;
		const keys = keysOf(locals);
		const refuse = (key: MessageKey) =>
			fail(400, {
				values: parsed.values,
				errors: {},
				message: translate(locals.locale, key),
				form: 'ahp'
			});
		if (keys.length < 2) return refuse('weights.needTwo');
		const matrix = matrixFromForm(data, keys);
		if (!matrix) return refuse('err.choice');
		const user = locals.user!;
		const name = parsed.data.participant;
		// The editor's own name answers for the editor; any other name is someone's paper form.
		const judge =
			name === user.displayName
				? { participant: name, userId: user.id }
				: { participant: name, userId: null };
		try {
			saveJudgments(locals.db, actorOf(locals), locals.ward!.id, judge, keys, matrix);
		} catch (e) {
			if (e instanceof ScoringError && e.code === 'name-taken') return refuse('weights.nameTaken');
			throw e;
		}
		const query = judge.userId === null ? `participant=${encodeURIComponent(name)}&` : '';
		redirect(
			303,
			`/w/${locals.ward!.code}/sites/weights?${query}saved=${encodeURIComponent(name)}#ahp-h`
		);
	},
	invite: async ({ request, locals }) => {
		const data = await request.formData();
		const parsed = parseForm(judgmentHeaderSchema, data, locals.locale, 'invite');
		if (!parsed.ok) return parsed.failure;
		try {
			const { token } = createInvite(
				locals.db,
				actorOf(locals),
				locals.ward!.id,
				parsed.data.participant
			);
			// Shown once, in this answer only (not in a URL that stays in the browser's history).
			return { form: 'invite' as const, invited: { participant: parsed.data.participant, token } };
		} catch (e) {
			if (e instanceof AhpSessionError && (e.code === 'name-taken' || e.code === 'too-many')) {
				return fail(400, {
					values: parsed.values,
					errors: {},
					message: translate(
						locals.locale,
						e.code === 'too-many' ? 'weights.invite.tooMany' : 'weights.nameTaken'
					),
					form: 'invite'
				});
			}
			throw e;
		}
	},
	revokeInvite: async ({ request, locals }) => {
		const id = Number((await request.formData()).get('id'));
		try {
			revokeInvite(locals.db, actorOf(locals), locals.ward!.id, Number.isInteger(id) ? id : -1);
		} catch (e) {
			if (e instanceof AhpSessionError) error(404, 'Not found');
			throw e;
		}
		redirect(303, `/w/${locals.ward!.code}/sites/weights#invites-h`);
	},
	deleteJudgment: async ({ request, locals }) => {
		const id = Number((await request.formData()).get('id'));
		try {
			deleteJudgment(locals.db, actorOf(locals), locals.ward!.id, Number.isInteger(id) ? id : -1);
		} catch (e) {
			if (e instanceof ScoringError) error(404, 'Not found');
			throw e;
		}
		redirect(303, `/w/${locals.ward!.code}/sites/weights`);
	}
};
