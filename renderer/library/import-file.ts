/** Sends a chosen or dropped file to the import service. */
import { IMPORTABLE_EXTENSIONS, MAX_IMPORT_BYTES } from '../../shared/model/import-limits';
import type { Review } from '../../shared/model/review';
import { api } from '../api/client';
import { interfaceI18n } from '../i18n/interface-i18n';

/** What the import service opens, for file pickers. */
export const IMPORT_ACCEPT = IMPORTABLE_EXTENSIONS.join(',');

/** Encodings offered when a text file's encoding must be chosen by hand; `labelKey` names each in the interface's language (`t(choice.labelKey)`). */
export const ENCODING_CHOICES = [
  { value: '', labelKey: 'encoding.detect' },
  { value: 'utf-8', labelKey: 'encoding.utf8' },
  { value: 'utf-16le', labelKey: 'encoding.utf16' },
  { value: 'windows-1256', labelKey: 'encoding.windows1256' },
  { value: 'iso-8859-6', labelKey: 'encoding.iso88596' },
  { value: 'windows-1252', labelKey: 'encoding.windows1252' },
  { value: 'iso-8859-15', labelKey: 'encoding.iso885915' },
  { value: 'iso-8859-2', labelKey: 'encoding.iso88592' },
  { value: 'windows-1251', labelKey: 'encoding.windows1251' },
];

/** The bytes of `file` in base64, as the API carries files. */
export function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error(interfaceI18n.t('import.unreadable', { fileName: file.name })));
    reader.readAsDataURL(file);
  });
}

/** Imports `file` as a new review under `importId` (see cancelImport), rated on `scaleId` or the default scale; refuses oversized files before reading them. */
export async function importFile(file: File, encoding: string, importId: string, scaleId?: string): Promise<{ review: Review; notes: string[] }> {
  if (file.size > MAX_IMPORT_BYTES) throw new Error(interfaceI18n.t('import.tooLarge', { fileName: file.name }));
  return api['review:import']({ fileName: file.name, base64: await base64Of(file), importId, ...(encoding ? { encoding } : {}), ...(scaleId ? { scaleId } : {}) });
}

/** Stops import `importId`; the import then ends with an error and adds nothing. */
export async function cancelImport(importId: string): Promise<void> {
  await api['review:cancelImport']({ importId });
}
