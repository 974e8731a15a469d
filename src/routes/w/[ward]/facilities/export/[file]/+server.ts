import { error } from '@sveltejs/kit';
import { exportFacilities, exportRooms } from '$lib/server/io';
import type { RequestHandler } from './$types';

const TYPES = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
} as const;

export const GET: RequestHandler = async ({ locals, params }) => {
	const m = /^(rooms|facilities)\.(csv|xlsx)$/.exec(params.file);
	if (!m) error(404, 'Not found');
	const [, kind, format] = m as unknown as [string, 'rooms' | 'facilities', 'csv' | 'xlsx'];
	const ward = locals.ward!;
	const body =
		kind === 'rooms'
			? await exportRooms(locals.db, ward.id, format)
			: await exportFacilities(locals.db, ward.id, format);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': TYPES[format],
			'content-disposition': `attachment; filename="${ward.code}-${kind}.${format}"`,
			'cache-control': 'no-store'
		}
	});
};
