/** The needs a page of the needs section reads: the `?norm=` parameter and the ward's needs. */
import { NeedsError, needsForWard } from '$lib/server/needs';
import { notFound, recordId } from '$lib/server/http';

/** The `?norm=<id>` parameter: undefined (default set), a record id, else 404. */
export function normParam(url: URL, locale: App.Locals['locale']): number | undefined {
	const raw = url.searchParams.get('norm');
	if (raw === null || raw === '') return undefined;
	return recordId(raw) ?? notFound(locale);
}

/** The ward's needs against the norm set `norm` (the current one when undefined); 404 when none. */
export function wardNeeds(locals: App.Locals, wardId: number, norm: number | undefined) {
	try {
		return needsForWard(locals.db, wardId, norm);
	} catch (e) {
		if (e instanceof NeedsError) notFound(locals.locale);
		throw e;
	}
}
