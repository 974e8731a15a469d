import { fail, redirect } from '@sveltejs/kit';
import { IoError, parseTable } from '$lib/server/io';
import { formValues, parseForm } from '$lib/server/core/forms';
import { actorOf } from '$lib/server/core/request';
import { wardOf } from '$lib/server/http';
import {
	importSites,
	parseSitesGeoJson,
	parseSitesTable,
	SITE_CSV_COLUMNS,
	type SiteImportParse
} from '$lib/server/sites';
import { siteImportOptionsSchema } from '$lib/schemas/sites';
import { translate } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

const MAX_BYTES = 20 * 1024 * 1024;

export const load: PageServerLoad = () => ({ columns: SITE_CSV_COLUMNS });

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const ward = wardOf(locals);
		const data = await request.formData();
		const parsed = parseForm(siteImportOptionsSchema, data, locals.locale);
		if (!parsed.ok) return parsed.failure;
		const file = data.get('file');
		const values = formValues(data);
		const refuse = (message: string) => fail(400, { values, message, issues: [] });
		if (!(file instanceof File) || file.size === 0) {
			return refuse(translate(locals.locale, 'io.noFile'));
		}
		if (file.size > MAX_BYTES) return refuse(translate(locals.locale, 'io.tooLarge', { max: 20 }));
		const name = file.name.toLowerCase();
		let result: SiteImportParse;
		try {
			if (name.endsWith('.geojson') || name.endsWith('.json')) {
				result = parseSitesGeoJson(await file.text(), parsed.data);
			} else {
				const table = await parseTable(new Uint8Array(await file.arrayBuffer()), file.name);
				result = parseSitesTable(table, parsed.data);
			}
		} catch (e) {
			if (e instanceof IoError) return refuse(translate(locals.locale, e.key, e.params));
			throw e;
		}
		if (!result.ok) {
			return fail(400, {
				values,
				message: translate(locals.locale, 'sites.import.errors', { count: result.issues.length }),
				issues: result.issues.slice(0, 200).map((i) => ({
					row: i.row,
					field: i.field,
					message: translate(locals.locale, i.message.key, i.message.params)
				}))
			});
		}
		const done = importSites(locals.db, actorOf(locals), ward.id, result.rows);
		redirect(303, `/w/${ward.code}/sites/import?created=${done.created}&updated=${done.updated}`);
	}
};
