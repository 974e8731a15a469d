/**
 * The lint gates of the house (issue 17), run through ESLint's API on small texts placed at real
 * paths: a domain file that imports server, Kit or database code fails; so does a multi-line
 * body without braces and a button without a type.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function rulesHit(code: string, filePath: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('lint gates', { timeout: 120_000 }, () => {
	it('keeps the domain folders free of server, Kit, Svelte and database imports', async () => {
		for (const source of ['$lib/server/db', '../server/audit', '@sveltejs/kit', 'drizzle-orm']) {
			const code = `import * as x from '${source}';\nexport const y = x;\n`;
			expect(await rulesHit(code, 'src/lib/norms/index.ts')).toContain('no-restricted-imports');
			expect(await rulesHit(code, 'src/lib/scoring/analysis.ts')).toContain(
				'no-restricted-imports'
			);
		}
		// The same import is fine outside the domain folders.
		const server = `import * as x from '$lib/server/db';\nexport const y = x;\n`;
		expect(await rulesHit(server, 'src/lib/server/needs/index.ts')).not.toContain(
			'no-restricted-imports'
		);
	});

	it('keeps Drizzle and the schema out of the routes', async () => {
		for (const source of ['drizzle-orm', 'drizzle-orm/sqlite-core', '$lib/server/db/schema']) {
			const code = `import * as x from '${source}';\nexport const y = x;\n`;
			for (const file of [
				'src/routes/+page.server.ts',
				'src/routes/api/v1/wards/[code]/plans/+server.ts'
			]) {
				expect(await rulesHit(code, file), `${source} in ${file}`).toContain(
					'no-restricted-imports'
				);
			}
		}
		// A service import is what a route does; the services themselves may query.
		const service = `import * as x from '$lib/server/inventory/facilities';\nexport const y = x;\n`;
		expect(await rulesHit(service, 'src/routes/+page.server.ts')).not.toContain(
			'no-restricted-imports'
		);
		const query = `import { eq } from 'drizzle-orm';\nexport const y = eq;\n`;
		expect(await rulesHit(query, 'src/lib/server/inventory/x.ts')).not.toContain(
			'no-restricted-imports'
		);
	});

	it('asks for braces around a body over several lines, not around a one-line if', async () => {
		const multi = 'export function f(a: number) {\n\tif (a > 1)\n\t\treturn a;\n\treturn 0;\n}\n';
		expect(await rulesHit(multi, 'src/lib/random.ts')).toContain('curly');
		const one = 'export function f(a: number) {\n\tif (a > 1) return a;\n\treturn 0;\n}\n';
		expect(await rulesHit(one, 'src/lib/random.ts')).not.toContain('curly');
	});

	it('asks every button for a type', async () => {
		const page = '<button onclick={() => 1}>x</button>\n';
		expect(await rulesHit(page, 'src/routes/+page.svelte')).toContain('svelte/button-has-type');
	});
});
