import { redirect } from '@sveltejs/kit';
import { createProposalOffThread, listProposals, liveProposals } from '$lib/server/proposals';
import { unreadCount } from '$lib/server/proposals/notifications';
import { actorOf } from '$lib/server/core/request';
import { createProposalSchema } from '$lib/packet/forms';
import { maySeeProposal } from '$lib/server/core/visibility';
import { runAction, wardOf } from '$lib/server/http';
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
	// A full assembly queue (503) or another live proposal (409) is the form's message; nothing
	// is created.
	create: (event) =>
		runAction(
			event,
			createProposalSchema,
			async ({ data }) => {
				const ward = wardOf(event.locals);
				const id = await createProposalOffThread(
					event.locals.db,
					actorOf(event.locals),
					ward.id,
					data.title
				);
				redirect(303, `/w/${ward.code}/proposals/${id}`);
			},
			{ form: 'create', status: { 'live-exists': 409 } }
		)
};
