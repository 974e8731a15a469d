import { error } from '@sveltejs/kit';
import { exportMovesXlsx, getScenario } from '$lib/server/plans';
import type { RequestHandler } from './$types';

/** GET /w/{ward}/plans/{id}/moves.xlsx: the move list of a scenario as a workbook. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const id = Number(params.id);
	const ward = locals.ward!;
	const detail = Number.isInteger(id) ? getScenario(locals.db, ward.id, id, locals.locale) : null;
	if (!detail) error(404, 'Not found');
	const body = await exportMovesXlsx(detail, ward.name, locals.locale);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${ward.code}-plan-${id}-moves.xlsx"`,
			'cache-control': 'no-store'
		}
	});
};
