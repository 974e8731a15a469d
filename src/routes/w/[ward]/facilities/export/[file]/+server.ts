import { exportFacilities, exportRooms } from '$lib/server/io';
import { inventoryTableFile } from '$lib/server/io/import-kit';
import { download, notFound, wardOf } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The ward's rooms or facilities as CSV or XLSX, in the import format. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const file = inventoryTableFile(params.file);
	if (!file) notFound(locals.locale);
	const ward = wardOf(locals);
	const body =
		file.kind === 'rooms'
			? await exportRooms(locals.db, ward.id, file.format)
			: await exportFacilities(locals.db, ward.id, file.format);
	return download(body, file.format, `${ward.code}-${file.kind}`);
};
