/**
 * The documents' typeface: Times New Roman in the DOCX; in the PDF its metric-compatible clone
 * Tinos (regular, bold, italic, bold italic; full Vietnamese coverage), embedded from the
 * npm package @expo-google-fonts/tinos. Text widths (for the rules under the heading lines)
 * are measured with Tinos, so they hold for Times New Roman too.
 */
import { createRequire } from 'node:module';
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';

const require = createRequire(import.meta.url);

/** Absolute paths of the four Tinos TTF files. */
export function tinosFiles(): {
	normal: string;
	bold: string;
	italics: string;
	bolditalics: string;
} {
	const f = (dir: string) => require.resolve(`@expo-google-fonts/tinos/${dir}/Tinos_${dir}.ttf`);
	return {
		normal: f('400Regular'),
		bold: f('700Bold'),
		italics: f('400Regular_Italic'),
		bolditalics: f('700Bold_Italic')
	};
}

let ctx: ReturnType<ReturnType<typeof createCanvas>['getContext']> | null = null;
function context() {
	if (ctx) return ctx;
	const files = tinosFiles();
	GlobalFonts.registerFromPath(files.normal, 'TrusoTinos');
	GlobalFonts.registerFromPath(files.bold, 'TrusoTinos');
	ctx = createCanvas(10, 10).getContext('2d');
	return ctx;
}

/** Width in points of a line of text set in Times New Roman (Tinos) at `sizePt`. */
export function textWidthPt(text: string, sizePt: number, bold = false): number {
	const c = context();
	c.font = `${bold ? 'bold ' : ''}100px TrusoTinos`;
	return (c.measureText(text).width * sizePt) / 100;
}
