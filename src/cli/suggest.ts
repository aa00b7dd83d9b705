/** "Did you mean …?" for unknown kinds, commands and flags: the kit's one suggester, shared with the factories. */
export { nearest } from '../_internals/suggest.js';
