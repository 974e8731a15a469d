import { fail, redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/core/request';
import { ConflictError, conflictFailure } from '$lib/server/core/concurrency';
import { recordId, runAction, wardOf } from '$lib/server/http';
import {
	ahpState,
	deleteJudgment,
	directWeightsForm,
	directWeightsVersion,
	judgmentForm,
	listCriteria,
	saveDirectWeights,
	saveJudgments,
	useAhpWeights,
	useDefaultWeights,
	weightState
} from '$lib/server/sites/scoring';
import {
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
	const wardId = wardOf(locals).id;
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
		/** The version of the loaded answers (0: none yet), sent back by the comparison form. */
		judgmentVersion: chosen?.version ?? 0,
		/** The version of the direct weights (0: none saved yet), sent back by the direct form. */
		directVersion: directWeightsVersion(locals.db, wardId),
		savedCr: url.searchParams.has('saved')
			? (ahp.participants.find((p) => p.participant === url.searchParams.get('saved'))?.cr ?? null)
			: null,
		savedName: url.searchParams.get('saved')?.slice(0, 100) ?? null,
		invites: locals.canEdit ? listInvites(locals.db, wardId) : []
	};
};

function keysOf(locals: App.Locals): string[] {
	return listCriteria(locals.db, wardOf(locals).id)
		.filter((c) => c.active)
		.map((c) => c.key);
}

export const actions: Actions = {
	direct: async (event) => {
		const { locals } = event;
		const ward = wardOf(locals);
		const keys = keysOf(locals);
		return runAction(
			event,
			null,
			({ formData, values, version }) => {
				const raw: Record<string, number> = {};
				let bad = false;
				for (const key of keys) {
					const v = parseLocaleNumber(formData.get(`w:${key}`) ?? '');
					if (v === undefined) raw[key] = 0;
					else if (typeof v === 'number' && Number.isFinite(v) && v >= 0) raw[key] = v;
					else bad = true;
				}
				if (bad) {
					return fail(400, {
						values,
						errors: {},
						message: translate(locals.locale, 'weights.invalid'),
						form: 'direct'
					});
				}
				saveDirectWeights(locals.db, actorOf(locals), ward.id, raw, version);
				redirect(303, `/w/${ward.code}/sites/weights?direct=1`);
			},
			{
				form: 'direct',
				messages: { 'no-criteria': 'weights.invalid' },
				theirs: (e) => directWeightsForm(e.current, keys)
			}
		);
	},
	useDefault: ({ locals }) => {
		const ward = wardOf(locals);
		useDefaultWeights(locals.db, actorOf(locals), ward.id);
		redirect(303, `/w/${ward.code}/sites/weights`);
	},
	useAhp: ({ locals }) => {
		const ward = wardOf(locals);
		useAhpWeights(locals.db, actorOf(locals), ward.id);
		redirect(303, `/w/${ward.code}/sites/weights`);
	},
	judgments: async (event) => {
		const { locals } = event;
		const ward = wardOf(locals);
		const keys = keysOf(locals);
		return runAction(
			event,
			judgmentHeaderSchema,
			({ data, values, formData, version }) => {
				const refuse = (key: MessageKey) =>
					fail(400, { values, errors: {}, message: translate(locals.locale, key), form: 'ahp' });
				if (keys.length < 2) return refuse('weights.needTwo');
				const matrix = matrixFromForm(formData, keys);
				if (!matrix) return refuse('err.choice');
				const user = locals.user!;
				const name = data.participant;
				// The editor's own name answers for the editor; any other name is someone's paper form.
				const judge =
					name === user.displayName
						? { participant: name, userId: user.id }
						: { participant: name, userId: null };
				saveJudgments(locals.db, actorOf(locals), ward.id, judge, keys, matrix, version);
				const query = judge.userId === null ? `participant=${encodeURIComponent(name)}&` : '';
				redirect(
					303,
					`/w/${ward.code}/sites/weights?${query}saved=${encodeURIComponent(name)}#ahp-h`
				);
			},
			{
				form: 'ahp',
				messages: { 'name-taken': 'weights.nameTaken' },
				theirs: (e) => judgmentForm(e.current, keys)
			}
		);
	},
	invite: async (event) =>
		runAction(
			event,
			judgmentHeaderSchema,
			({ data }) => {
				const { token } = createInvite(
					event.locals.db,
					actorOf(event.locals),
					wardOf(event.locals).id,
					data.participant
				);
				// Shown once, in this answer only (not in a URL that stays in the browser's history).
				return { form: 'invite' as const, invited: { participant: data.participant, token } };
			},
			{
				form: 'invite',
				messages: { 'name-taken': 'weights.nameTaken', 'too-many': 'weights.invite.tooMany' }
			}
		),
	revokeInvite: async (event) => {
		const { locals } = event;
		const ward = wardOf(locals);
		return runAction(
			event,
			null,
			({ formData }) => {
				revokeInvite(locals.db, actorOf(locals), ward.id, recordId(formData.get('id')) ?? -1);
				redirect(303, `/w/${ward.code}/sites/weights#invites-h`);
			},
			{ form: 'invite', messages: { used: 'weights.invite.used' } }
		);
	},
	deleteJudgment: async (event) => {
		const { locals } = event;
		const ward = wardOf(locals);
		return runAction(event, null, ({ formData, values, version }) => {
			try {
				// The version of the answers the page showed: changed answers are not deleted unseen.
				deleteJudgment(
					locals.db,
					actorOf(locals),
					ward.id,
					recordId(formData.get('id')) ?? -1,
					version
				);
			} catch (e) {
				if (!(e instanceof ConflictError) || !e.current) throw e;
				const refused = conflictFailure(locals.db, locals.locale, e, values, {
					form: 'deleteJudgment'
				});
				return fail(409, {
					...refused.data,
					message: translate(locals.locale, 'weights.deleteConflict', {
						name: String(e.current.participant)
					})
				});
			}
			redirect(303, `/w/${ward.code}/sites/weights`);
		});
	}
};
