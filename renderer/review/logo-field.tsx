/** The organisation's logo for reports: a PNG or JPEG chosen from disk, shown as it will print. */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LogoDataUrl, MAX_LOGO_BYTES } from '../../shared/model/publisher';
import { interfaceI18n } from '../i18n/interface-i18n';

/** The file as a data: URL, or why it cannot be a logo (in the interface's language). */
async function readLogo(file: File): Promise<{ ok: true; dataUrl: string } | { ok: false; problem: string }> {
  if (file.size > MAX_LOGO_BYTES) return { ok: false, problem: interfaceI18n.t('logo.tooLarge', { fileName: file.name, size: Math.ceil(file.size / 1024), limit: MAX_LOGO_BYTES / 1024 }) };
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(interfaceI18n.t('logo.unreadable', { fileName: file.name })));
    reader.readAsDataURL(file);
  });
  return LogoDataUrl.safeParse(dataUrl).success ? { ok: true, dataUrl } : { ok: false, problem: interfaceI18n.t('logo.notImage', { fileName: file.name }) };
}

export function LogoField({ value, onChange }: { value: string; onChange: (dataUrl: string) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();
  const labelId = useId();
  const choose = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const read = await readLogo(file);
    if (input.current) input.current.value = '';
    if (!read.ok) return setProblem(read.problem);
    setProblem(null);
    onChange(read.dataUrl);
  };
  return (
    <div className="field logo-field" role="group" aria-labelledby={labelId}>
      <span className="field-label" id={labelId}>
        {t('logo.label')}
      </span>
      <div className="logo-row">
        {value ? <img src={value} alt={t('logo.alt')} className="logo-preview" /> : <span className="muted">{t('logo.none')}</span>}
        {/* A real button opens the file chooser: a file input hidden in a label is a 1-pixel button to screen readers and to scrolling. */}
        <button type="button" aria-describedby={problem ? problemId : undefined} onClick={() => input.current?.click()}>
          {value ? t('logo.change') : t('logo.choose')}
        </button>
        <input ref={input} type="file" accept="image/png,image/jpeg" hidden onChange={(event) => void choose(event.target.files?.[0])} />
        {value && (
          <button type="button" className="link-button" onClick={() => onChange('')}>
            {t('logo.remove')}
          </button>
        )}
      </div>
      {problem && (
        <p className="field-error" role="alert" id={problemId}>
          {problem}
        </p>
      )}
    </div>
  );
}
