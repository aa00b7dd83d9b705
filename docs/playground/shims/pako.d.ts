/** The two functions of pako (which ships no types) that the zlib stand-in uses. */
declare module 'pako' {
  export function gzip(data: Uint8Array): Uint8Array;
  export function ungzip(data: Uint8Array): Uint8Array;
}
