/** Saving a file the services made: the browser's download, which Electron turns into its save dialog. */
import { bytesOfBase64 } from './base64-bytes';

/** Hands `bytes` to the browser's download (Electron shows its save dialog). */
export function saveFile(fileName: string, mimeType: string, base64: string): void {
  const bytes = bytesOfBase64(base64);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Hands `text` to the browser's download as a UTF-8 file. */
export function saveTextFile(fileName: string, mimeType: string, text: string): void {
  const bytes = new TextEncoder().encode(text);
  // btoa takes one character a byte; in slices, as one call with every byte overflows the stack.
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  saveFile(fileName, mimeType, btoa(binary));
}
