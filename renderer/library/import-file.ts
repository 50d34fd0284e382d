/** Sends a chosen or dropped file to the import service. */
import { IMPORTABLE_EXTENSIONS, MAX_IMPORT_BYTES } from '../../shared/model/import-limits';
import type { Review } from '../../shared/model/review';
import { api } from '../api/client';

/** What the import service opens, for file pickers. */
export const IMPORT_ACCEPT = IMPORTABLE_EXTENSIONS.join(',');

/** Encodings offered when a text file's encoding must be chosen by hand. */
export const ENCODING_CHOICES = [
  { value: '', label: 'Detect automatically' },
  { value: 'utf-8', label: 'Unicode (UTF-8)' },
  { value: 'utf-16le', label: 'Unicode (UTF-16)' },
  { value: 'windows-1256', label: 'Arabic (Windows-1256)' },
  { value: 'iso-8859-6', label: 'Arabic (ISO-8859-6)' },
  { value: 'windows-1252', label: 'Western (Windows-1252)' },
  { value: 'iso-8859-15', label: 'Western (ISO-8859-15)' },
  { value: 'iso-8859-2', label: 'Central European (ISO-8859-2)' },
  { value: 'windows-1251', label: 'Cyrillic (Windows-1251)' },
];

/** The bytes of `file` in base64, as the API carries files. */
export function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error(`${file.name} could not be read from the disk.`));
    reader.readAsDataURL(file);
  });
}

/** Imports `file` as a new review under `importId` (see cancelImport); refuses oversized files before reading them. */
export async function importFile(file: File, encoding: string, importId: string): Promise<{ review: Review; notes: string[] }> {
  if (file.size > MAX_IMPORT_BYTES) throw new Error(`${file.name} is larger than 50 MB; Factmark opens files up to 50 MB.`);
  return api['review:import']({ fileName: file.name, base64: await base64Of(file), importId, ...(encoding ? { encoding } : {}) });
}

/** Stops import `importId`; the import then ends with an error and adds nothing. */
export async function cancelImport(importId: string): Promise<void> {
  await api['review:cancelImport']({ importId });
}
