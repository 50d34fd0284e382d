/** Bytes the API carries as base64 (exports, reports), decoded without stalling the window. */

type FromBase64 = (base64: string) => Uint8Array<ArrayBuffer>;

/** The engine's own decoder (Uint8Array.fromBase64, Chromium 140+), when it has one. */
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: FromBase64 }).fromBase64;

/** Decoding through atob, a byte at a time: a 5 MB report took 0.4 s of the window's thread this way. */
export function bytesOfBase64ByLoop(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** The bytes of `base64`: natively where the engine can, else by the loop. */
export function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  return nativeFromBase64 ? nativeFromBase64(base64) : bytesOfBase64ByLoop(base64);
}
