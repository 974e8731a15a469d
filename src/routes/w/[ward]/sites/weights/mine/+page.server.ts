/**
 * A ward member's own AHP comparisons. Separate from the weights page because every member of
 * the ward may post here (the leaders have viewer accounts), while the weights page's other
 * actions are the editor's (see the guard's POLICY).
 */
import { fail, redirect } from '@sveltejs/kit';
import { translate, type MessageKey } from '$lib/i18n';
import { matrixFromForm } from '$lib/server/sites/ahp-sessions';
import { formValues } from '$lib/server/core/forms';
import { actorOf } from '$lib/server/core/request';
import { ahpState, listCriteria, saveJudgments, ScoringError } from '$lib/server/sites/scoring';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const ward = locals.ward!;
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
		cr: own?.cr ?? null
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const user = locals.user;
		const ward = locals.ward!;
		if (!user || user.wardId !== ward.id) {
			return fail(403, { message: translate(locals.locale, 'weights.membersOnly') });
		}
		const data = await request.formData();
		const keys = listCriteria(locals.db, ward.id)
			.filter((c) => c.active)
			.map((c) => c.key);
		const refuse = (key: MessageKey) =>
			fail(400, {
				values: formValues(data),
				errors: {},
				message: translate(locals.locale, key),
				form: 'ahp'
			});
		if (keys.length < 2) return refuse('weights.needTwo');
		const matrix = matrixFromForm(data, keys);
		if (!matrix) return refuse('err.choice');
		try {
			saveJudgments(
				locals.db,
				actorOf(locals),
				ward.id,
				{ participant: user.displayName, userId: user.id },
				keys,
				matrix
			);
		} catch (e) {
			if (e instanceof ScoringError && e.code === 'name-taken') return refuse('weights.nameTaken');
			throw e;
		}
		redirect(
			303,
			`/w/${ward.code}/sites/weights?saved=${encodeURIComponent(user.displayName)}#ahp-h`
		);
	}
};
