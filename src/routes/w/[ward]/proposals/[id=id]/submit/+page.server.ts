import { EDITABLE, getProposal, listVersions } from '$lib/server/proposals';
import { wardOf, notFound } from '$lib/server/http';
import type { PageServerLoad } from './$types';

/**
 * The confirmation before "Gửi Thành phố" without JavaScript (with it, the proposal page shows
 * the same text in a dialog): what becomes immutable, a required box, the submit button.
 */
export const load: PageServerLoad = ({ locals, params, url }) => {
	const id = Number(params.id);
	const p = Number.isInteger(id) ? getProposal(locals.db, wardOf(locals).id, id) : undefined;
	if (!p || !locals.canEdit || !EDITABLE.includes(p.status)) {
		notFound(locals.locale);
	}
	return {
		proposal: { id: p.id, title: p.title },
		nextVersion: listVersions(locals.db, p.id).length + 1,
		unconfirmed: url.searchParams.get('unconfirmed') === '1'
	};
};
