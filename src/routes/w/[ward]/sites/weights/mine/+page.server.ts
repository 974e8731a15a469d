/**
 * A ward member's own AHP comparisons. Separate from the weights page because every member of
 * the ward may post here (the leaders have viewer accounts), while the weights page's other
 * actions are the editor's (see the guard's POLICY).
 */
import { fail, redirect } from '@sveltejs/kit';
import { translate, type MessageKey } from '$lib/i18n';
import { matrixFromForm } from '$lib/server/sites/ahp-sessions';
import { actorOf } from '$lib/server/core/request';
import { runAction, wardOf } from '$lib/server/http';
import { ahpState, judgmentForm, listCriteria, saveJudgments } from '$lib/server/sites/scoring';
import type { Actions, PageServerLoad } from './$types';

const activeKeys = (db: App.Locals['db'], wardId: number) =>
	listCriteria(db, wardId)
		.filter((c) => c.active)
		.map((c) => c.key);

export const load: PageServerLoad = ({ locals }) => {
	const ward = wardOf(locals);
	const user = locals.user;
	const active = listCriteria(locals.db, ward.id).filter((c) => c.active);
	const state = ahpState(
		locals.db,
		ward.id,
		active.map((c) => c.key)
	);
	const own = user ? state.participants.find((p) => p.userId === user.id) : undefined;
	return {
		criteria: active.map((c) => ({ key: c.key, labelVi: c.labelVi, labelEn: c.labelEn })),
		isMember: !!user && user.wardId === ward.id,
		name: user?.displayName ?? '',
		matrix: own?.matrix ?? null,
		cr: own?.cr ?? null,
		/** The version of the member's answers (0: none yet), sent back by the form. */
		version: own?.version ?? 0
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { locals } = event;
		const user = locals.user;
		const ward = wardOf(locals);
		if (!user || user.wardId !== ward.id) {
			return fail(403, { message: translate(locals.locale, 'weights.membersOnly') });
		}
		const keys = activeKeys(locals.db, ward.id);
		return runAction(
			event,
			null,
			({ formData, values, version }) => {
				const refuse = (key: MessageKey) =>
					fail(400, { values, errors: {}, message: translate(locals.locale, key), form: 'ahp' });
				if (keys.length < 2) return refuse('weights.needTwo');
				const matrix = matrixFromForm(formData, keys);
				if (!matrix) return refuse('err.choice');
				saveJudgments(
					locals.db,
					actorOf(locals),
					ward.id,
					{ participant: user.displayName, userId: user.id },
					keys,
					matrix,
					version
				);
				redirect(
					303,
					`/w/${ward.code}/sites/weights?saved=${encodeURIComponent(user.displayName)}#ahp-h`
				);
			},
			{
				form: 'ahp',
				messages: { 'name-taken': 'weights.nameTaken' },
				theirs: (e) => judgmentForm(e.current, keys)
			}
		);
	}
};
