/**
 * Fails when drizzle/ does not match src/lib/server/db/schema/: runs `drizzle-kit generate`
 * into a scratch copy of drizzle/ and checks that it finds nothing to generate.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// drizzle-kit wants a relative output folder, so the scratch copy lives in the project.
const scratchName = `.drizzle-check-${process.pid}`;
const scratch = path.join(root, scratchName);
fs.cpSync(path.join(root, 'drizzle'), scratch, { recursive: true });
const before = fs.readdirSync(scratch).sort().join(',');
const r = spawnSync(
	process.execPath,
	[
		path.join(root, 'node_modules', 'drizzle-kit', 'bin.cjs'),
		'generate',
		'--dialect',
		'sqlite',
		'--schema',
		'src/lib/server/db/schema/index.ts',
		'--out',
		scratchName,
		'--name',
		'pending'
	],
	{ cwd: root, encoding: 'utf8' }
);
const after = fs.readdirSync(scratch).sort().join(',');
fs.rmSync(scratch, { recursive: true, force: true });
if (r.status !== 0 || /Error/.test(r.stderr ?? '')) {
	console.error(r.stdout, r.stderr);
	console.error('drizzle-kit generate failed while checking migrations.');
	process.exit(1);
}
if (before !== after || !/No schema changes/.test(r.stdout ?? '')) {
	console.error('drizzle/ does not match src/lib/server/db/schema/.');
	console.error('Run `npm run db:generate -- --name <change>` and commit the new migration.');
	process.exit(1);
}
console.log('drizzle/ matches the schema.');
