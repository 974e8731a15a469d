/**
 * For the tests of the city-facing documents: the internal notation that must never reach the
 * Vietnamese text of a document, and the text of a DOCX (document.xml) and of a PDF (poppler's
 * pdftotext, which CI installs; a missing pdftotext fails the test rather than skipping it).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';

/** Internal notation that must never reach the Vietnamese text of a document. */
export function notationProblems(text: string): string[] {
	const out: string[] = [];
	const rules: [string, RegExp][] = [
		['camelCase word', /\b[a-z]+[A-Z][A-Za-z]*\b/],
		['#id', /#\d+/],
		['ISO timestamp', /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/],
		['ISO date', /\b\d{4}-\d{2}-\d{2}\b/],
		['dot-decimal', /\b\d+\.(\d{1,2}|\d{4,})\b(?!\.\d)/],
		['internal key', /(?<![\p{L}\d])[a-z]+(?:[-_/][a-z0-9]+)+(?![\p{L}\d²])/u],
		[
			'English key',
			/\b(benefit|cost|general|weighted|topsis|promethee2|headcount|field|metrics|draft|scenario|needs|setting)\b/
		],
		['arrow', /→/],
		['CR = —', /CR = —/],
		['Phường mid-sentence', /(?:\p{Ll}|[,;]) Phường\b/u]
	];
	for (const [name, re] of rules) {
		const m = re.exec(text);
		if (m) out.push(`${name}: “…${text.slice(Math.max(0, m.index - 40), m.index + 40)}…”`);
	}
	return out;
}

export const hasPoppler = (): boolean => {
	try {
		execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
};

export async function docxText(bytes: Uint8Array): Promise<{ xml: string; text: string }> {
	const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
	const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
	return { xml, text: text.replace(/&amp;/g, '&').replace(/\s+/g, ' ') };
}

export function pdfToText(bytes: Uint8Array, args: string[] = []): string {
	if (!hasPoppler()) {
		throw new Error('pdftotext is missing: install poppler-utils (CI installs it in .ci/run)');
	}
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truso-notation-'));
	const file = path.join(dir, 'x.pdf');
	fs.writeFileSync(file, bytes);
	try {
		return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}
