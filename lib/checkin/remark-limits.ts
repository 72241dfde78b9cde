// Lengths of a check-in remark, shared by the page's form (a client component: no zod here, it would
// ship the validation library to every phone) and the server's schema (remark-fields.ts).
export const REMARK_TITLE_MAX = 120;
export const REMARK_DESCRIPTION_MAX = 4000;
