import { download, notFound, wardOf } from '$lib/server/http';
import { busyPage, movesFile } from '$lib/server/plans';
import type { RequestHandler } from './$types';

/**
 * GET /w/{ward}/plans/{id}/moves.xlsx and moves.pdf: the move list of a scenario, rendered on a
 * worker thread through the fair queue; 503 "busy, position N" while it waits for its turn.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const format = params.format;
	if (format !== 'xlsx' && format !== 'pdf') notFound(locals.locale);
	const ward = wardOf(locals);
	const id = Number(params.id);
	const file = await movesFile(locals.db, ward, id, format, locals.locale);
	if (!file) notFound(locals.locale);
	if ('busy' in file) return busyPage(file.busy, file.position, locals.locale);
	return download(file.bytes, format, `${ward.code}-plan-${id}-moves`);
};
