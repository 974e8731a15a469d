/** Messages of the proposals pages: Vietnamese first, English with the same keys. */
export const vi = {} as const;

export const en: Record<keyof typeof vi, string> = {};
