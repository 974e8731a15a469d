import { EDITABLE, proposalHead } from '$lib/server/proposals';
import { wardOf, notFound } from '$lib/server/http';
import type { PageServerLoad } from './$types';

/**
 * The confirmation before "Gửi Thành phố" without JavaScript (with it, the proposal page shows
 * the same text in a dialog): what becomes immutable, a required box, the submit button.
 */
export const load: PageServerLoad = ({ locals, params, url }) => {
	// The proposal's name and status only: its draft is not read ([id=id] is a whole number).
	const p = proposalHead(locals.db, wardOf(locals).id, Number(params.id));
	if (!p || !locals.canEdit || !EDITABLE.includes(p.status)) {
		notFound(locals.locale);
	}
	return {
		proposal: { id: p.id, title: p.title },
		nextVersion: p.versions + 1,
		unconfirmed: url.searchParams.get('unconfirmed') === '1'
	};
};
