import { error } from '@sveltejs/kit';
import { importTemplate } from '$lib/server/io/template';
import type { RequestHandler } from './$types';

const TYPES = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
} as const;

/** An empty import table with Vietnamese column names (and a guide sheet in the XLSX). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const m = /^(rooms|facilities)\.(csv|xlsx)$/.exec(params.file);
	if (!m) error(404, 'Not found');
	const [, kind, format] = m as unknown as [string, 'rooms' | 'facilities', 'csv' | 'xlsx'];
	const body = await importTemplate(kind, format, locals.locale);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': TYPES[format],
			'content-disposition': `attachment; filename="mau-${kind === 'rooms' ? 'phong' : 'co-so'}.${format}"`,
			'cache-control': 'no-store'
		}
	});
};
