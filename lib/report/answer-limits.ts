/** Lengths of what the customer may write on the report page (shared by the forms and the domain). */
export const QUESTION_MAX = 2000;
export const REASON_MAX = 1000;
export const FINAL_COMMENT_MAX = 4000;
