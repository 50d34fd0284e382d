/** True for a plain JSON object (not null, not an array): what a migration may read fields of. */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
