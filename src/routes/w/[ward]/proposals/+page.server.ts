import { fail, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import {
	ProposalError,
	createProposalOffThread,
	listProposals,
	liveProposals
} from '$lib/server/proposals';
import { QueueFullError, queueFullMessage } from '$lib/server/jobs';
import { unreadCount } from '$lib/server/proposals/notifications';
import { parseForm } from '$lib/server/core/forms';
import { actorOf } from '$lib/server/core/request';
import { createProposalSchema } from '$lib/packet/forms';
import { maySeeProposal } from '$lib/server/core/visibility';
import { wardOf } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	// The city never sees a ward's draft (see visibility.ts).
	const proposals = listProposals(locals.db, wardOf(locals).id).filter((p) =>
		maySeeProposal(locals.principal, p)
	);
	// One live proposal per ward (see LIVE in proposals.ts): the one a new one would replace.
	const live = liveProposals(locals.db, wardOf(locals).id)[0] ?? null;
	return {
		proposals,
		unread: locals.user ? unreadCount(locals.db, locals.user.id) : 0,
		live: live && proposals.some((p) => p.id === live.id) ? live : null
	};
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const ward = wardOf(locals);
		const parsed = parseForm(
			createProposalSchema,
			await request.formData(),
			locals.locale,
			'create'
		);
		if (!parsed.ok) return parsed.failure;
		let id: number;
		try {
			id = await createProposalOffThread(locals.db, actorOf(locals), ward.id, parsed.data.title);
		} catch (e) {
			// The assembly queue is full: nothing was created.
			if (e instanceof QueueFullError) {
				return fail(503, {
					message: queueFullMessage(e, locals.locale),
					values: parsed.values,
					errors: {} as Record<string, string>,
					form: 'create'
				});
			}
			if (e instanceof ProposalError && e.code === 'live-exists') {
				return fail(409, {
					message: translate(locals.locale, 'proposals.err.live-exists'),
					values: parsed.values,
					errors: {} as Record<string, string>,
					form: 'create'
				});
			}
			throw e;
		}
		redirect(303, `/w/${ward.code}/proposals/${id}`);
	}
};
