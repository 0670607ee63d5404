/**
 * The fetch time the evaluation parses with. newsgate stamps an item without a readable date
 * with the fetch time; a time no fixture carries tells "no date read" apart from a date read.
 */
export const FETCH_TIME = Date.UTC(2040, 0, 1);
