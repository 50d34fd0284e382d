/**
 * Whether the process's JSON.stringify is still V8's own. pdf.js's legacy build swaps in core-js's
 * polyfill (13× slower on Node 20) and patches Function.prototype.toString so that the polyfill
 * prints as "[native code]"; the toString of a fresh realm, made after the swap, tells the truth.
 */
import { runInNewContext } from 'node:vm';

/** True while JSON.stringify is the engine's built-in function, false once something replaced it. */
export function jsonStringifyIsNative(): boolean {
  const pristineToString = runInNewContext('Function.prototype.toString') as (this: unknown) => string;
  return /^function stringify\(\) \{\s*\[native code\]\s*\}$/.test(pristineToString.call(JSON.stringify));
}
