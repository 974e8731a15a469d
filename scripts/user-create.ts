/**
 * Creates a user from the terminal; the password is typed (hidden) or read from stdin.
 *   npm run user:create -- --admin [--username admin]
 *   npm run user:create -- --username lan.nguyen --role ward_editor --ward binh-trung
 *        [--name "Nguyễn Thị Lan"]
 *   echo 'a-long-password' | npm run user:create -- --admin --username ops
 */
import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { passwordProblem } from '../src/lib/server/auth/password';
import { openDatabase } from '../src/lib/server/db/connection';
import { SYSTEM_ACTOR } from '../src/lib/server/audit';
import { createUser, UserError, WARD_ROLES } from '../src/lib/server/admin/users';
import { getWardByCode } from '../src/lib/server/admin/wards';
import { ROLES, type Role } from '../src/lib/constants';

const { values } = parseArgs({
	options: {
		admin: { type: 'boolean', default: false },
		username: { type: 'string' },
		role: { type: 'string' },
		ward: { type: 'string' },
		name: { type: 'string' }
	}
});

function die(message: string): never {
	console.error(message);
	process.exit(2);
}

const role = (values.admin ? 'admin' : values.role) as Role | undefined;
if (!role || !ROLES.includes(role)) die(`Give --admin or --role (one of ${ROLES.join(', ')}).`);
const username = (values.username ?? (values.admin ? 'admin' : '')).trim().toLowerCase();
if (!/^[a-z0-9._-]{3,50}$/.test(username)) {
	die('Give --username (3-50 characters: letters, digits, dot, dash, underscore).');
}
if (WARD_ROLES.includes(role) && !values.ward) die(`The role ${role} needs --ward <code>.`);
if (!WARD_ROLES.includes(role) && values.ward) die(`The role ${role} has no ward; drop --ward.`);

/** Reads the password: hidden on a terminal, the first line of stdin otherwise. */
async function readPassword(prompt: string): Promise<string> {
	if (!process.stdin.isTTY) {
		let data = '';
		for await (const chunk of process.stdin) data += String(chunk);
		return data.split(/\r?\n/)[0] ?? '';
	}
	let muted = false;
	const output = new Writable({
		write(chunk, _enc, cb) {
			if (!muted) process.stdout.write(chunk);
			cb();
		}
	});
	const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
	try {
		process.stdout.write(prompt);
		muted = true;
		const answer = await new Promise<string>((resolve) => rl.question('', resolve));
		return answer;
	} finally {
		muted = false;
		process.stdout.write('\n');
		rl.close();
	}
}

const file = process.env.DATABASE_PATH || 'data/truso.sqlite';
const db = openDatabase(file);
let wardId: number | null = null;
if (values.ward) {
	const ward = getWardByCode(db, values.ward);
	if (!ward) die(`No ward with code "${values.ward}".`);
	wardId = ward.id;
}

const password = await readPassword(`Password for ${username} (10+ characters): `);
const problem = passwordProblem(password);
if (problem) die(`Password refused (${problem}): use 10 to 200 varied characters.`);
if (process.stdin.isTTY) {
	const again = await readPassword('Repeat the password: ');
	if (again !== password) die('The two passwords differ.');
}

try {
	const { user } = await createUser(
		db,
		SYSTEM_ACTOR,
		{ username, displayName: values.name?.trim() || username, role, wardId },
		password
	);
	console.log(
		`User "${user.username}" created (${user.role}${user.wardCode ? `, ward ${user.wardCode}` : ''}) in ${file}.`
	);
} catch (e) {
	if (e instanceof UserError) die(`Refused: ${e.code}.`);
	throw e;
} finally {
	db.$client.close();
}
