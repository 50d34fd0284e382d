/** Saving a file the services made: the browser's download, which Electron turns into its save dialog. */

/** Hands `bytes` to the browser's download (Electron shows its save dialog). */
export function saveFile(fileName: string, mimeType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
