import fs from 'node:fs';
import path from 'node:path';

/**
 * The modules `npm run test:mutation` scores (stryker.config.mjs) and the specs that test each
 * (vitest.mutation.config.mjs). One module: MUTATION_MODULE=<name> npm run test:mutation.
 * Scores and the surviving mutants: docs/mutation.md.
 * @type {Record<string, { mutate: string[]; specs: string[]; skipTests?: string[]; ignoreStatic?: boolean }>}
 */
export const MUTATION_MODULES = {
	condition: {
		mutate: [
			'src/lib/condition/*.ts',
			'!src/lib/condition/*.spec.ts',
			'!src/lib/condition/index.ts'
		],
		specs: ['src/lib/condition/*.spec.ts', 'tests/server/mutation-condition.spec.ts']
	},
	guard: {
		mutate: ['src/lib/server/auth/guard.ts'],
		// Not tests/server/auth.spec.ts: its guard cases (tokens) are repeated in mutation-guard, and
		// its throttle tests took seconds for each of the POLICY table's static mutants (which
		// rerun every selected test).
		specs: ['tests/server/permissions.spec.ts', 'tests/server/mutation-guard.spec.ts']
	},
	// The proposal state machine only: the checks that accept or refuse each action and the
	// status each writes (not the packet assembly, the views or the audit/notification texts).
	workflow: {
		get mutate() {
			return WORKFLOW_RANGES();
		},
		specs: [
			'src/lib/server/proposals/proposal-workflow.spec.ts',
			'src/lib/server/proposals/workflow.spec.ts',
			'tests/server/mutation-workflow.spec.ts',
			'tests/server/mutation-workflow-snapshot.spec.ts'
		]
	},
	// The space needs of Decree 155/2025 (norm per title, rank and concurrent title, common-use
	// and specialised area), with its input checks and number formats.
	norms: {
		mutate: [
			'src/lib/norms/space-needs.ts',
			'src/lib/norms/positions.ts',
			'src/lib/norms/titles.ts',
			'src/lib/norms/errors.ts',
			'src/lib/norms/format.ts',
			'src/lib/norms/room-classes.ts',
			'src/lib/norms/norm-sets.ts'
		],
		specs: ['src/lib/norms/*.spec.ts', 'tests/server/mutation-norms.spec.ts'],
		// Static mutants (module-level constants: the norm sets' labels and citations, number
		// formats) rerun every norms test each; with them a run lasted hours on the shared
		// machine. They are counted as "ignored" (docs/mutation.md). Stryker does not mutate
		// number literals, so the m² figures themselves are never mutated.
		ignoreStatic: true
	},
	// The rest of the norms domain: staffing gaps and vacancies, the new-headquarters criteria.
	'norms-other': {
		mutate: ['src/lib/norms/staffing.ts', 'src/lib/norms/justification.ts'],
		specs: [
			'src/lib/norms/*.spec.ts',
			'tests/server/mutation-norms.spec.ts',
			'tests/server/mutation-norms-other.spec.ts'
		],
		ignoreStatic: true
	},
	allocation: {
		mutate: ['src/lib/allocation/evaluate.ts', 'src/lib/allocation/validate.ts'],
		specs: [
			'src/lib/allocation/allocation.spec.ts',
			'src/lib/allocation/validation.spec.ts',
			'src/lib/allocation/*.mutation.spec.ts'
		],
		// Solver runs of seconds each (a time limit that must expire, HiGHS restarted, a
		// 50-plan search): they cover every line of validate.ts, so with them each mutant took
		// ~20 s. They test the solver, not the check; the check's mutants are killed by the
		// hand-computed cases of the other tests.
		skipTests: [
			'returns the best plan and its gap at the time limit',
			'reports an option HiGHS rejects as an error result, then recovers',
			'an edited optimal plan never reads better than the optimum'
		]
	}
};

/**
 * The workflow functions, by the file of src/lib/server/proposals/ they live in (the folder was
 * split by concern; index.ts re-exports them). Their line ranges are found below.
 */
const WORKFLOW_FUNCTIONS = {
	'src/lib/server/proposals/workflow.ts': [
		'createProposal',
		'liveProposals',
		'editable',
		'saveDraft',
		'reassemble',
		'submitProposal',
		'recordSubmission'
	],
	'src/lib/server/proposals/review.ts': [
		'forReview',
		'latestVersionId',
		'claimIn',
		'claimProposal',
		'addComment',
		'decideProposal'
	]
};

/**
 * `file:start-end` for each workflow function, from its `function name(` line to the first
 * closing brace at the start of a line after it: computed when the config loads, so edits
 * elsewhere in the file do not shift the ranges. A function moved elsewhere is an error, not a
 * silently smaller module.
 */
function WORKFLOW_RANGES() {
	return Object.entries(WORKFLOW_FUNCTIONS).flatMap(([file, names]) => {
		const lines = fs.readFileSync(path.join(import.meta.dirname, file), 'utf8').split('\n');
		return names.map((name) => {
			const start = lines.findIndex((l) =>
				new RegExp(`^(export )?(async )?function ${name}\\(`).test(l)
			);
			const end = lines.findIndex((l, i) => i > start && l.startsWith('}'));
			if (start < 0 || end < 0) {
				throw new Error(`mutation.modules.mjs: ${name} not found in ${file}`);
			}
			return `${file}:${start + 1}-${end + 1}`;
		});
	});
}

const escapeRegExp = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Throws when a module names a file or spec that does not exist (a moved module would otherwise
 * be mutated or tested by nothing): plain paths must exist, a `dir/*.ext` glob must match a file.
 * @param {{ name: string; mutate: string[]; specs: string[] }} m
 */
function checkPaths(m) {
	for (const p of [...m.mutate, ...m.specs]) {
		if (p.startsWith('!')) continue;
		const file = p.replace(/:\d+(:\d+)?-\d+(:\d+)?$/, '');
		const abs = path.join(import.meta.dirname, file);
		const base = path.basename(file);
		const pattern = new RegExp(`^${base.split('*').map(escapeRegExp).join('.*')}$`);
		const found = base.includes('*')
			? fs.existsSync(path.dirname(abs)) &&
				fs.readdirSync(path.dirname(abs)).some((f) => pattern.test(f))
			: fs.existsSync(abs);
		if (!found) throw new Error(`mutation.modules.mjs: module ${m.name}: nothing at ${p}`);
	}
}

/** The modules selected by MUTATION_MODULE (comma-separated names), all by default. */
export function selectedModules() {
	const names =
		process.env.MUTATION_MODULE?.split(',').filter(Boolean) ?? Object.keys(MUTATION_MODULES);
	for (const n of names) {
		if (!(n in MUTATION_MODULES)) {
			throw new Error(
				`MUTATION_MODULE: unknown module '${n}' (known: ${Object.keys(MUTATION_MODULES).join(', ')})`
			);
		}
	}
	const modules = names.map((n) => ({ name: n, ...MUTATION_MODULES[n] }));
	for (const m of modules) checkPaths(m);
	return modules;
}
