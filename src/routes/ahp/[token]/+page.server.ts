/**
 * A one-time AHP link: a person without an account answers the ward's pairwise comparisons
 * once. The token is the only credential; unknown, used, revoked and expired links say so.
 */
import { error, fail } from '@sveltejs/kit';
import { translate, type MessageKey } from '$lib/i18n';
import { ConflictError, conflictFailure } from '$lib/server/core/concurrency';
import { runAction } from '$lib/server/http';
import {
	answerInvite,
	inviteAnswerVersion,
	matrixFromForm,
	openInvite
} from '$lib/server/sites/ahp-sessions';
import { judgmentForm, listCriteria } from '$lib/server/sites/scoring';
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
		criteria: invite.status === 'open' ? activeCriteria(locals.db, invite.ward.id) : [],
		/** The version of the answers under this name (0: none), sent back by the form. */
		version: inviteAnswerVersion(locals.db, invite)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, params } = event;
		const invite = openInvite(locals.db, params.token);
		if (!invite) error(404, translate(locals.locale, 'weights.invite.unknown'));
		const keys = activeCriteria(locals.db, invite.ward.id).map((c) => c.key);
		return runAction(
			event,
			null,
			({ formData, values, version }) => {
				const refuse = (key: MessageKey) =>
					fail(400, { values, message: translate(locals.locale, key) });
				if (keys.length < 2) return refuse('weights.needTwo');
				const matrix = matrixFromForm(formData, keys);
				if (!matrix) return refuse('err.choice');
				try {
					// The version of the answers under this name when the form was loaded (0: none).
					const r = answerInvite(locals.db, params.token, keys, matrix, Date.now(), version);
					return { done: true, cr: r.cr };
				} catch (e) {
					if (!(e instanceof ConflictError) || !e.current) throw e;
					// Answers saved under this name meanwhile (e.g. a paper form typed in by the ward).
					// The form has no name field: the stored pairs only.
					const { participant: _name, ...theirs } = judgmentForm(e.current, keys);
					const refused = conflictFailure(locals.db, locals.locale, e, values, { theirs });
					return fail(409, {
						...refused.data,
						message: translate(locals.locale, 'weights.invite.conflict', {
							name: invite.participant
						})
					});
				}
			},
			{
				messages: {
					used: 'weights.invite.used',
					revoked: 'weights.invite.revoked',
					expired: 'weights.invite.expired',
					'name-taken': 'weights.nameTaken'
				}
			}
		);
	}
};
