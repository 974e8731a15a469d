import { fail } from '@sveltejs/kit';
import {
	FACILITY_COLUMNS,
	importFacilities,
	importRooms,
	IoError,
	MAX_FILE_MB,
	parseTable,
	ROOM_COLUMNS,
	validateFacilityRows,
	validateRoomRows,
	type ImportIssue
} from '$lib/server/io';
import { dropUpload, keepUpload, readUpload } from '$lib/server/admin/pending-imports';
import { actorOf } from '$lib/server/core/request';
import { wardOf } from '$lib/server/http';
import { translate, type Locale } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

type Kind = 'rooms' | 'facilities';
const kindOf = (v: FormDataEntryValue | null): Kind =>
	v === 'facilities' ? 'facilities' : 'rooms';

export const load: PageServerLoad = () => ({
	columns: { rooms: [...ROOM_COLUMNS], facilities: [...FACILITY_COLUMNS] },
	maxFileMb: MAX_FILE_MB
});

function describe(issues: ImportIssue[], locale: Locale) {
	return issues.slice(0, 500).map((i) => ({
		row: i.row,
		column: i.column,
		message: translate(locale, i.key, i.params ?? {})
	}));
}

async function validate(locals: App.Locals, kind: Kind, name: string, data: Uint8Array) {
	const table = await parseTable(data, name);
	const result =
		kind === 'rooms'
			? validateRoomRows(locals.db, wardOf(locals).id, table)
			: validateFacilityRows(locals.db, wardOf(locals).id, table);
	return { table, result };
}

export const actions: Actions = {
	preview: async ({ request, locals }) => {
		const form = await request.formData();
		const kind = kindOf(form.get('kind'));
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, { kind, message: translate(locals.locale, 'io.noFile') });
		}
		const data = new Uint8Array(await file.arrayBuffer());
		try {
			const { result } = await validate(locals, kind, file.name, data);
			if (result.errors.length) {
				return fail(400, {
					kind,
					fileName: file.name,
					errorCount: result.errors.length,
					errors: describe(result.errors, locals.locale)
				});
			}
			const token = await keepUpload(wardOf(locals).id, file.name, data);
			const rows = result.rows as unknown as Record<string, unknown>[];
			return { kind, fileName: file.name, token, count: rows.length, sample: rows.slice(0, 20) };
		} catch (e) {
			if (e instanceof IoError) {
				return fail(400, { kind, message: translate(locals.locale, e.key, e.params) });
			}
			throw e;
		}
	},
	confirm: async ({ request, locals }) => {
		const form = await request.formData();
		const kind = kindOf(form.get('kind'));
		const token = String(form.get('token') ?? '');
		const upload = await readUpload(wardOf(locals).id, token);
		if (!upload) return fail(400, { kind, message: translate(locals.locale, 'io.noFile') });
		try {
			const { result } = await validate(locals, kind, upload.name, upload.data);
			if (result.errors.length) {
				return fail(400, {
					kind,
					errorCount: result.errors.length,
					errors: describe(result.errors, locals.locale)
				});
			}
			const done =
				kind === 'rooms'
					? importRooms(
							locals.db,
							actorOf(locals),
							wardOf(locals).id,
							result.rows as Parameters<typeof importRooms>[3]
						)
					: importFacilities(
							locals.db,
							actorOf(locals),
							wardOf(locals).id,
							result.rows as Parameters<typeof importFacilities>[3]
						);
			await dropUpload(token);
			return {
				kind,
				done: translate(locals.locale, 'io.done', { created: done.created, updated: done.updated })
			};
		} catch (e) {
			if (e instanceof IoError) {
				return fail(400, { kind, message: translate(locals.locale, e.key, e.params) });
			}
			throw e;
		}
	}
};
