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
		specs: ['src/lib/server/proposal-workflow.spec.ts', 'tests/server/mutation-workflow.spec.ts']
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
		specs: ['src/lib/norms/*.spec.ts', 'tests/server/mutation-norms.spec.ts'],
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

/** The workflow functions of src/lib/server/proposals.ts (their line ranges are found below). */
const WORKFLOW_FILE = 'src/lib/server/proposals.ts';
const WORKFLOW_FUNCTIONS = [
	'createProposal',
	'liveProposals',
	'editable',
	'saveDraft',
	'reassemble',
	'submitProposal',
	'recordSubmission',
	'forReview',
	'latestVersionId',
	'claimIn',
	'claimProposal',
	'addComment',
	'decideProposal'
];

/**
 * `file:start-end` for each workflow function, from its `function name(` line to the first
 * closing brace at the start of a line after it: computed when the config loads, so edits
 * elsewhere in the file do not shift the ranges.
 */
function WORKFLOW_RANGES() {
	const lines = fs.readFileSync(path.join(import.meta.dirname, WORKFLOW_FILE), 'utf8').split('\n');
	return WORKFLOW_FUNCTIONS.map((name) => {
		const start = lines.findIndex((l) =>
			new RegExp(`^(export )?(async )?function ${name}\\(`).test(l)
		);
		const end = lines.findIndex((l, i) => i > start && l.startsWith('}'));
		if (start < 0 || end < 0) {
			throw new Error(`mutation.modules.mjs: ${name} not found in ${WORKFLOW_FILE}`);
		}
		return `${WORKFLOW_FILE}:${start + 1}-${end + 1}`;
	});
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
	return names.map((n) => ({ name: n, ...MUTATION_MODULES[n] }));
}
