/** What the merge preview and the command line say about who signed a share file. */
import type { SignatureCheck } from '../model/reviewer';

export interface SignatureWords {
  /** `ok`: from a key trusted here; `warning`: the reviewer should think before opening; `neutral`: nothing to tell either way. */
  tone: 'ok' | 'warning' | 'neutral';
  text: string;
}

const day = (timestamp: string | null): string => (timestamp ?? '').slice(0, 10);

/** One or two sentences about `check`, naming the signer and the key's fingerprint. */
export function describeSignature(check: SignatureCheck): SignatureWords {
  const key = check.fingerprint ? `key ${check.fingerprint}` : '';
  switch (check.status) {
    case 'own':
      return { tone: 'ok', text: `Signed by you (${key}).` };
    case 'known':
      return { tone: 'ok', text: `Signed by ${check.signerName} (${key}), known since ${day(check.knownSince)}.` };
    case 'new-key':
      return { tone: 'neutral', text: `Signed by an unknown key (${key}) that says it is ${check.signerName}’s. Compare the key with the one ${check.signerName} sees in Preferences; once you open the file, this key is trusted for ${check.signerName}.` };
    case 'changed-key':
      return { tone: 'warning', text: `Warning: signed by a different key (${key}) than the one known for ${check.signerName} since ${day(check.knownSince)}. The file may not come from them; ask them before you open it.` };
    case 'unsigned':
      return check.signedBefore
        ? { tone: 'warning', text: `Warning: unsigned, although files from ${check.signerName} were signed before. The file may not come from them; ask them before you open it.` }
        : { tone: 'neutral', text: 'Unsigned: nothing shows who made this file (it may come from an older Factmark).' };
  }
}
