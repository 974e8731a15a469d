/** The zod schemas of the proposal forms (one per form). */
import { z } from 'zod';
import { addKeyedIssue, integer, isoDate, optionalText, text } from '../schemas/fields';
import { SECTION_KEYS } from './types';

export const createProposalSchema = z.object({ title: text(300) });

export const draftSchema = z
	.object({
		title: text(300),
		number: text(60),
		place: text(100),
		date: isoDate(),
		summary: text(500),
		request: text(4000),
		signerAuthority: text(100),
		signerTitle: text(100),
		signerName: optionalText(100),
		recipients: optionalText(2000),
		startYear: integer(2000, 2100),
		endYear: integer(2000, 2100),
		recommendedSiteCode: optionalText(40),
		...Object.fromEntries(SECTION_KEYS.map((k) => [`narrative_${k}`, optionalText(8000)]))
	})
	.superRefine((d, ctx) => {
		if (d.endYear < d.startYear) {
			const values = { start: String(d.startYear), end: String(d.endYear) };
			addKeyedIssue(ctx, { key: 'err.endYearBeforeStart', values }, ['endYear']);
		}
	});

export const commentSchema = z.object({
	section: z.enum([...SECTION_KEYS, 'general'] as [string, ...string[]]),
	body: text(4000)
});

export const decisionSchema = z.object({
	outcome: z.enum(['returned', 'approved', 'rejected']),
	note: text(4000)
});
