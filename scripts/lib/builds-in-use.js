/**
 * Which build folders running servers use: a server writes `.in-use-<pid>` into its build folder
 * when it starts and removes it when it stops; `build-if-needed` keeps every folder with a marker
 * of a live process when it prunes old builds (a marker left by a crash names a dead process and
 * counts for nothing).
 */
import fs from 'node:fs';
import path from 'node:path';

const PREFIX = '.in-use-';

/**
 * Marks `dir` as used by process `pid`. Returns `release()`, which removes the mark. A folder the
 * server may not write into (a read-only checkout) is simply not marked.
 * @param {string} dir
 * @param {number} pid
 */
export function markInUse(dir, pid) {
	const file = path.join(dir, `${PREFIX}${pid}`);
	try {
		fs.writeFileSync(file, '');
	} catch {
		return { release() {} };
	}
	return {
		release() {
			fs.rmSync(file, { force: true });
		}
	};
}

/** @param {number} pid */
function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		// EPERM: the process exists but belongs to another user.
		return /** @type {NodeJS.ErrnoException} */ (e).code === 'EPERM';
	}
}

/**
 * Whether a live process marked `dir` as in use.
 * @param {string} dir
 */
export function inUse(dir) {
	let names;
	try {
		names = fs.readdirSync(dir);
	} catch {
		return false;
	}
	return names.some((n) => n.startsWith(PREFIX) && alive(Number(n.slice(PREFIX.length))));
}
