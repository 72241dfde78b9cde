/** Limits of a terms version's fields, without zod or server-only, for the form's `maxLength` too. */
export const TERMS_TITLE_MAX = 200;
/** About ten pages of text: well under a server action's 1 MB body even in four-byte characters. */
export const TERMS_BODY_MAX = 50_000;
