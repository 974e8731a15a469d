import { importTemplate } from '$lib/server/io/template';
import { inventoryTableFile } from '$lib/server/io/import-kit';
import { download, notFound } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** An empty import table with Vietnamese column names (and a guide sheet in the XLSX). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const file = inventoryTableFile(params.file);
	if (!file) notFound(locals.locale);
	const body = await importTemplate(file.kind, file.format, locals.locale);
	return download(body, file.format, `mau-${file.kind === 'rooms' ? 'phong' : 'co-so'}`);
};
