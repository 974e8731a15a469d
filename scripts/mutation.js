/**
 * `npm run test:mutation`: runs Stryker once per module of mutation.modules.mjs (each with its own
 * specs, report and sandbox, see stryker.config.mjs), then prints the score of each module and
 * file from the JSON reports. Not part of `npm test`.
 *
 *   npm run test:mutation                              every module, one after another
 *   MUTATION_MODULE=guard npm run test:mutation        one module (comma-separated for several)
 *   npm run test:mutation -- --incremental             re-test only what changed since the last run
 *
 * Arguments after `--` go to every `stryker run`. The exit status is 1 when a run failed (not
 * when mutants survive: the scores and the survivors are for docs/mutation.md).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { selectedModules } from '../mutation.modules.mjs';

const root = path.resolve(import.meta.dirname, '..');

/**
 * Counts by status and the score (killed + timeout over everything but ignored and errors), per
 * file of a Stryker JSON report.
 * @param {{ files: Record<string, { mutants: { status: string }[] }> }} report
 */
export function scores(report) {
	return Object.entries(report.files).map(([file, { mutants }]) => {
		/** @type {Record<string, number>} */
		const n = { Killed: 0, Survived: 0, Timeout: 0, NoCoverage: 0, Ignored: 0 };
		for (const m of mutants) n[m.status] = (n[m.status] ?? 0) + 1;
		const detected = n.Killed + n.Timeout;
		const valid = detected + n.Survived + n.NoCoverage;
		return {
			file,
			mutants: mutants.length,
			killed: n.Killed,
			survived: n.Survived,
			timeout: n.Timeout,
			noCoverage: n.NoCoverage,
			ignored: n.Ignored,
			score: valid === 0 ? null : Math.round((detected / valid) * 10000) / 100
		};
	});
}

function main() {
	const extra = process.argv.slice(2);
	const lines = [];
	let failed = false;
	for (const m of selectedModules()) {
		console.log(`\n[mutation] module ${m.name}`);
		const r = spawnSync('npx', ['stryker', 'run', ...extra], {
			cwd: root,
			stdio: 'inherit',
			env: { ...process.env, MUTATION_MODULE: m.name }
		});
		if (r.status !== 0) {
			failed = true;
			lines.push(`${m.name}: stryker failed (exit status ${r.status ?? r.signal})`);
			continue;
		}
		const report = JSON.parse(
			fs.readFileSync(path.join(root, 'tmp', 'mutation', `${m.name}.json`), 'utf8')
		);
		for (const s of scores(report)) {
			lines.push(
				`${m.name}  ${s.file}: ${s.score ?? '-'} % of ${s.mutants} (killed ${s.killed}, ` +
					`timeout ${s.timeout}, survived ${s.survived}, no coverage ${s.noCoverage}, ignored ${s.ignored})`
			);
		}
	}
	console.log('\n[mutation] scores\n' + lines.join('\n'));
	process.exit(failed ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
