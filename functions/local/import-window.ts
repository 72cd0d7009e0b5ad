/** Records per window of a direct `npm run import` (progress and the resume checkpoint move per window). */
export const IMPORT_WINDOW = 100_000;
