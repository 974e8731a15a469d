/**
 * A one-time AHP link: a person without an account answers the ward's pairwise comparisons
 * once. The token is the only credential; unknown, used, revoked and expired links say so.
 */
import { error, fail } from '@sveltejs/kit';
import { translate, type MessageKey } from '$lib/i18n';
import {
	AhpSessionError,
	answerInvite,
	matrixFromForm,
	openInvite
} from '$lib/server/sites/ahp-sessions';
import { formValues } from '$lib/server/core/forms';
import { listCriteria, ScoringError } from '$lib/server/sites/scoring';
import type { Actions, PageServerLoad } from './$types';

function activeCriteria(db: App.Locals['db'], wardId: number) {
	return listCriteria(db, wardId)
		.filter((c) => c.active)
		.map((c) => ({ key: c.key, labelVi: c.labelVi, labelEn: c.labelEn }));
}

export const load: PageServerLoad = ({ locals, params }) => {
	const invite = openInvite(locals.db, params.token);
	if (!invite) error(404, translate(locals.locale, 'weights.invite.unknown'));
	return {
		participant: invite.participant,
		wardName: invite.ward.name,
		status: invite.status,
		expiresAt: invite.expiresAt,
		criteria: invite.status === 'open' ? activeCriteria(locals.db, invite.ward.id) : []
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const invite = openInvite(locals.db, params.token);
		if (!invite) error(404, translate(locals.locale, 'weights.invite.unknown'));
		const data = await request.formData();
		const keys = activeCriteria(locals.db, invite.ward.id).map((c) => c.key);
		const refuse = (key: MessageKey) =>
			fail(400, { values: formValues(data), message: translate(locals.locale, key) });
		if (keys.length < 2) return refuse('weights.needTwo');
		const matrix = matrixFromForm(data, keys);
		if (!matrix) return refuse('err.choice');
		try {
			const r = answerInvite(locals.db, params.token, keys, matrix);
			return { done: true, cr: r.cr };
		} catch (e) {
			if (e instanceof AhpSessionError) return refuse(`weights.invite.${e.code}` as MessageKey);
			if (e instanceof ScoringError && e.code === 'name-taken') return refuse('weights.nameTaken');
			throw e;
		}
	}
};
