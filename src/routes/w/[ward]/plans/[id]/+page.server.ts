import { error, fail, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { cached } from '$lib/server/cache';
import { failField, parseForm } from '$lib/server/forms';
import {
	applyScenario,
	editAssignment,
	getScenario,
	PlansError,
	resetScenario,
	stackPlan
} from '$lib/server/plans';
import { actorOf } from '$lib/server/request';
import { assignSchema } from '$lib/schemas/plans';
import type { Actions, PageServerLoad } from './$types';

function scenarioId(raw: string): number {
	const id = Number(raw);
	if (!Number.isInteger(id) || id < 1) error(404, 'Not found');
	return id;
}

export const load: PageServerLoad = ({ locals, params, url }) => {
	const wardId = locals.ward!.id;
	const id = scenarioId(params.id);
	// Parsing the stored instance, checking the plan and laying out the stacking plan are reused
	// while the database is unchanged (see $lib/server/cache).
	const view = cached(locals.db, `plan-page:${wardId}:${id}:${locals.locale}`, () =>
		scenarioView(locals.db, wardId, id, locals.locale)
	);
	if (!view) error(404, 'Not found');
	return {
		...view,
		flash: {
			edited: url.searchParams.has('edited'),
			reset: url.searchParams.has('reset'),
			applied: url.searchParams.get('applied')
		}
	};
};

function scenarioView(
	db: App.Locals['db'],
	wardId: number,
	id: number,
	locale: App.Locals['locale']
) {
	const detail = getScenario(db, wardId, id, locale);
	if (!detail) return undefined;
	const { built, plan } = detail;
	const buildingByKey = new Map(built.buildings.map((b) => [b.key, b]));
	return {
		scenario: {
			id: detail.id,
			name: detail.name,
			status: detail.status,
			objective: detail.objective,
			optimum: detail.optimum,
			weights: detail.weights,
			createdAt: detail.createdAt,
			appliedAt: detail.appliedAt,
			manualRows: detail.manualRows,
			solveTimeMs: detail.result?.solveTimeMs ?? null,
			gap: detail.result?.gap ?? null,
			solverMessage: detail.result?.message ?? null,
			feasible: detail.check.feasible,
			violations: detail.violations
		},
		units: built.units.map((u) => ({
			key: u.key,
			id: u.id,
			code: u.code,
			name: u.name,
			publicFacing: u.publicFacing,
			headcount: u.headcount,
			areaPerPersonM2: u.areaPerPersonM2
		})),
		rooms: built.rooms.map((r) => {
			const b = buildingByKey.get(r.buildingKey)!;
			return {
				key: r.key,
				id: r.id,
				label: `${b.facilityCode}/${b.code} ${r.code} — ${r.name}`,
				level: r.level,
				areaM2: r.areaM2,
				type: r.type,
				usable: r.usable,
				reason: r.reason,
				dangerLevel: b.dangerLevel
			};
		}),
		plan,
		stack: stackPlan(built, plan),
		metrics: detail.metrics,
		moves: detail.moves,
		normSetName: built.normSetName
	};
}

export const actions: Actions = {
	assign: async ({ request, locals, params }) => {
		const parsed = parseForm(assignSchema, await request.formData(), locals.locale, 'assign');
		if (!parsed.ok) return parsed.failure;
		try {
			editAssignment(
				locals.db,
				actorOf(locals),
				locals.ward!.id,
				scenarioId(params.id),
				parsed.data
			);
		} catch (e) {
			if (e instanceof PlansError && e.code === 'invalid-unit')
				return failField(
					parsed.values,
					'unitId',
					translate(locals.locale, 'plans.err.invalidUnit'),
					locals.locale,
					'assign'
				);
			if (e instanceof PlansError && e.code === 'invalid-room')
				return failField(
					parsed.values,
					'roomId',
					translate(locals.locale, 'plans.err.invalidRoom'),
					locals.locale,
					'assign'
				);
			if (e instanceof PlansError && e.code === 'not-found') error(404, 'Not found');
			throw e;
		}
		redirect(303, `/w/${locals.ward!.code}/plans/${params.id}?edited=1#edit`);
	},
	reset: ({ locals, params }) => {
		try {
			resetScenario(locals.db, actorOf(locals), locals.ward!.id, scenarioId(params.id));
		} catch (e) {
			if (e instanceof PlansError && e.code === 'not-found') error(404, 'Not found');
			throw e;
		}
		redirect(303, `/w/${locals.ward!.code}/plans/${params.id}?reset=1`);
	},
	apply: ({ locals, params }) => {
		let changed: number;
		try {
			changed = applyScenario(
				locals.db,
				actorOf(locals),
				locals.ward!.id,
				scenarioId(params.id),
				locals.locale
			).changedRooms;
		} catch (e) {
			if (e instanceof PlansError && e.code === 'infeasible')
				return fail(400, {
					form: 'apply',
					message: translate(locals.locale, 'plans.apply.refused'),
					violations: e.violations,
					values: {},
					errors: {}
				});
			if (e instanceof PlansError && e.code === 'not-found') error(404, 'Not found');
			throw e;
		}
		redirect(303, `/w/${locals.ward!.code}/plans/${params.id}?applied=${changed}`);
	}
};
