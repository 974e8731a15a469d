/**
 * Chart.js as a Svelte attachment: imported in the browser only, destroyed on cleanup.
 * The configuration is built by pure functions (see src/lib/charts/) so the same shape is
 * used on screen and in documents.
 */
import type { Attachment } from 'svelte/attachments';
import type { ChartConfiguration } from 'chart.js';

export function chart(config: ChartConfiguration): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		let instance: { destroy(): void } | undefined;
		let cancelled = false;
		void import('chart.js/auto').then(({ default: Chart }) => {
			if (cancelled) return;
			instance = new Chart(canvas, structuredClone(config));
		});
		return () => {
			cancelled = true;
			instance?.destroy();
		};
	};
}
