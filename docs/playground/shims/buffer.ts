/** Injected by esbuild wherever the kit names the global `Buffer` (Node's), for the browser. */
export { Buffer } from 'buffer';
