import { fail, redirect } from '@sveltejs/kit';
import {
	requireWard,
	MAX_BOUNDARY_BYTES,
	parseBoundary,
	setBoundary,
	updateWard,
	WardError,
	wardFormValues,
	wardFormView,
	wardInputFromForm,
	type Extent
} from '$lib/server/admin/wards';
import { actorOf } from '$lib/server/core/request';
import { orNotFound, refusal, runAction } from '$lib/server/http';
import { tileUrl } from '$lib/server/tiles';
import { wardSchema } from '$lib/schemas/admin';
import { translate } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params, url }) => {
	const ward = orNotFound(() => requireWard(locals.db, Number(params.id)), locals.locale);
	const extent = ward.extentJson ? (JSON.parse(ward.extentJson) as Extent) : null;
	return {
		ward: {
			id: ward.id,
			code: ward.code,
			name: ward.name,
			isSample: ward.isSample,
			version: ward.version,
			boundary: ward.boundaryGeojson
				? (JSON.parse(ward.boundaryGeojson) as GeoJSON.GeoJsonObject)
				: null,
			centre: [ward.centreLat, ward.centreLng] as [number, number],
			extent
		},
		values: wardFormValues(wardFormView(ward)),
		done: url.searchParams.get('done'),
		tileUrl: tileUrl()
	};
};

export const actions: Actions = {
	// A stale form (the ward or its boundary changed meanwhile) answers 409 with both values.
	update: (event) =>
		runAction(
			event,
			wardSchema,
			({ data, version }) => {
				const id = Number(event.params.id);
				const input = wardInputFromForm(data);
				if (!input) throw new WardError('bad-extent');
				updateWard(event.locals.db, actorOf(event.locals), id, input, version);
				redirect(303, `/admin/wards/${id}?done=saved`);
			},
			{
				form: 'ward',
				theirs: (e) =>
					e.current ? wardFormValues(e.current as ReturnType<typeof wardFormView>) : {}
			}
		),
	boundary: async (event) => {
		const { request, locals, params } = event;
		const id = Number(params.id);
		const data = await request.formData();
		const file = data.get('file');
		const pasted = String(data.get('geojson') ?? '').trim();
		let text = pasted;
		if (file instanceof File && file.size > 0) {
			if (file.size > MAX_BOUNDARY_BYTES) {
				return fail(413, { form: 'boundary', message: translate(locals.locale, 'err.tooLarge') });
			}
			text = await file.text();
		}
		if (!text) {
			return fail(400, {
				form: 'boundary',
				message: translate(locals.locale, 'ward.boundaryMissing')
			});
		}
		const result = parseBoundary(text);
		if (!result.ok) {
			return fail(400, {
				form: 'boundary',
				message: translate(locals.locale, 'ward.boundaryInvalid', {
					problems: result.problems.slice(0, 5).join('; ')
				})
			});
		}
		try {
			setBoundary(locals.db, actorOf(locals), id, result.geometry);
		} catch (e) {
			// A ward that is not there (any more) is a 404.
			return refusal(e, event, { geojson: pasted }, { form: 'boundary' });
		}
		redirect(303, `/admin/wards/${id}?done=boundary`);
	},
	clearBoundary: (event) =>
		runAction(event, null, () => {
			const id = Number(event.params.id);
			setBoundary(event.locals.db, actorOf(event.locals), id, null);
			redirect(303, `/admin/wards/${id}?done=cleared`);
		})
};
