import { error, fail, redirect } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import {
	getWard,
	MAX_BOUNDARY_BYTES,
	parseBoundary,
	setBoundary,
	updateWard,
	WardError,
	wardInputFromForm,
	type Extent
} from '$lib/server/admin/wards';
import { failField, parseForm } from '$lib/server/core/forms';
import { actorOf } from '$lib/server/core/request';
import { wardSchema } from '$lib/schemas/admin';
import { translate } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

function wardId(raw: string): number {
	const id = Number(raw);
	if (!Number.isInteger(id) || id < 1) error(404, 'Not found');
	return id;
}

const num = (x: number | null) => (x === null ? '' : String(x).replace('.', ','));

export const load: PageServerLoad = ({ locals, params, url }) => {
	const ward = getWard(locals.db, wardId(params.id));
	if (!ward) error(404, 'Not found');
	const extent = ward.extentJson ? (JSON.parse(ward.extentJson) as Extent) : null;
	return {
		ward: {
			id: ward.id,
			code: ward.code,
			name: ward.name,
			isSample: ward.isSample,
			boundary: ward.boundaryGeojson
				? (JSON.parse(ward.boundaryGeojson) as GeoJSON.GeoJsonObject)
				: null,
			centre: [ward.centreLat, ward.centreLng] as [number, number],
			extent
		},
		values: {
			code: ward.code,
			name: ward.name,
			adminCode: ward.adminCode ?? '',
			centreLat: num(ward.centreLat),
			centreLng: num(ward.centreLng),
			south: num(extent?.[0] ?? null),
			west: num(extent?.[1] ?? null),
			north: num(extent?.[2] ?? null),
			east: num(extent?.[3] ?? null),
			populationCount: ward.populationCount === null ? '' : String(ward.populationCount)
		} as Record<string, string>,
		done: url.searchParams.get('done'),
		tileUrl:
			env.TILE_URL === 'none'
				? null
				: env.TILE_URL || 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png'
	};
};

export const actions: Actions = {
	update: async ({ request, locals, params }) => {
		const id = wardId(params.id);
		const parsed = parseForm(wardSchema, await request.formData(), locals.locale, 'ward');
		if (!parsed.ok) return parsed.failure;
		const extentError = () =>
			failField(
				parsed.values,
				'south',
				translate(locals.locale, 'ward.err.extent'),
				locals.locale,
				'ward'
			);
		const input = wardInputFromForm(parsed.data);
		if (!input) return extentError();
		try {
			updateWard(locals.db, actorOf(locals), id, input);
		} catch (e) {
			if (e instanceof WardError && e.code === 'duplicate-code') {
				return failField(
					parsed.values,
					'code',
					translate(locals.locale, 'err.duplicateCode'),
					locals.locale,
					'ward'
				);
			}
			if (e instanceof WardError && e.code === 'bad-extent') return extentError();
			if (e instanceof WardError && e.code === 'not-found') error(404, 'Not found');
			throw e;
		}
		redirect(303, `/admin/wards/${id}?done=saved`);
	},
	boundary: async ({ request, locals, params }) => {
		const id = wardId(params.id);
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
			if (e instanceof WardError && e.code === 'not-found') error(404, 'Not found');
			throw e;
		}
		redirect(303, `/admin/wards/${id}?done=boundary`);
	},
	clearBoundary: ({ locals, params }) => {
		const id = wardId(params.id);
		try {
			setBoundary(locals.db, actorOf(locals), id, null);
		} catch (e) {
			if (e instanceof WardError && e.code === 'not-found') error(404, 'Not found');
			throw e;
		}
		redirect(303, `/admin/wards/${id}?done=cleared`);
	}
};
