import { redirect } from '@sveltejs/kit';
import { createProposal, listProposals } from '$lib/server/proposals';
import { unreadCount } from '$lib/server/notifications';
import { parseForm } from '$lib/server/forms';
import { actorOf } from '$lib/server/request';
import { createProposalSchema } from '$lib/packet/forms';
import { maySeeProposal } from '$lib/server/visibility';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	return {
		// The city never sees a ward's draft (see visibility.ts).
		proposals: listProposals(locals.db, locals.ward!.id).filter((p) =>
			maySeeProposal(locals.principal, p)
		),
		unread: locals.user ? unreadCount(locals.db, locals.user.id) : 0
	};
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const ward = locals.ward!;
		const parsed = parseForm(
			createProposalSchema,
			await request.formData(),
			locals.locale,
			'create'
		);
		if (!parsed.ok) return parsed.failure;
		const id = createProposal(locals.db, actorOf(locals), ward.id, parsed.data.title);
		redirect(303, `/w/${ward.code}/proposals/${id}`);
	}
};
