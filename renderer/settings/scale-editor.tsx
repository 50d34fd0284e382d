/**
 * The library's rating scales in Preferences: choose the one new reviews use, duplicate a scale to
 * make it one's own, and edit its verdicts (label, description, colour, value, order). Reviews
 * keep the scale they were made with, so nothing here changes a review already made.
 */
import { useCallback, useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { RatingScale } from '../../shared/model/rating-scale';
import { duplicateScale, isBuiltInScale, newScaleId } from '../../shared/model/scale-rules';
import { api, errorMessage } from '../api/client';
import { draftChanged, draftOf, scaleFromDraft, withNewVerdict, withVerdictMoved, type ScaleDraft, type VerdictDraft } from './scale-draft';
import { scaleName, shownScale } from './scale-name';
import { ratingText } from './scale-problems';
import { VerdictFields } from './verdict-fields';

/** What the Preferences dialog asks of the editor when it is saved. */
export interface ScaleEditorHandle {
  /** Saves every scale with changes; throws with the first problem, naming the scale. */
  saveChanges(): Promise<void>;
}

/** Where the keyboard focus goes after the list of verdicts changed. */
type FocusTarget = { verdictId: string; control: 'label' | 'up' | 'down' } | { control: 'add' | 'name' | 'delete' | 'keep' };

function BuiltInScale({ scale }: { scale: RatingScale }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <p className="muted">{t('scales.builtInReadOnly')}</p>
      <ol className="scale-preview">
        {shownScale(scale, i18n.language, t).verdicts.map((verdict) => (
          <li key={verdict.id}>
            <span className="verdict-badge verdict-preview" style={{ backgroundColor: verdict.color }}>
              <bdi>{verdict.label}</bdi>
            </span>{' '}
            <span className="muted">{verdict.ordinal ? t('scales.value', { value: ratingText(verdict.ratingValue, i18n.language) }) : t('scales.offTheLine')}</span>
            <div className="scale-preview-description" dir="auto">
              {verdict.description}
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}

export function ScaleEditor({ ref }: { ref?: Ref<ScaleEditorHandle> }) {
  const { t, i18n } = useTranslation();
  const [scales, setScales] = useState<RatingScale[] | null>(null);
  const [selectedId, setSelectedId] = useState<string>('');
  /** Unsaved changes, by scale id. */
  const [drafts, setDrafts] = useState<Record<string, ScaleDraft>>({});
  const [problem, setProblem] = useState<string | null>(null);
  /** Read out by screen readers: moves, saves, what a button did. */
  const [announcement, setAnnouncement] = useState('');
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState<RatingScale | null>(null);
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  const root = useRef<HTMLElement>(null);

  useEffect(() => {
    api['scale:list']({}).then(
      (loaded) => {
        setScales(loaded);
        setSelectedId((current) => current || (loaded[0]?.id ?? ''));
      },
      (error: unknown) => setProblem(errorMessage(error)),
    );
  }, []);

  useEffect(() => {
    if (!focusTarget || !root.current) return;
    const selector = 'verdictId' in focusTarget ? `[data-verdict-id="${focusTarget.verdictId}"] [data-focus="${focusTarget.control}"]` : `[data-focus="${focusTarget.control}"]`;
    let target = root.current.querySelector<HTMLElement>(selector);
    // A verdict moved to either end: its other move button keeps the focus.
    if (target instanceof HTMLButtonElement && target.disabled && 'verdictId' in focusTarget) {
      target = root.current.querySelector<HTMLElement>(`[data-verdict-id="${focusTarget.verdictId}"] [data-focus="${focusTarget.control === 'up' ? 'down' : 'up'}"]`);
    }
    target?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const selected = scales?.find((scale) => scale.id === selectedId) ?? null;
  const draft = selected ? (drafts[selected.id] ?? draftOf(selected)) : null;
  const editable = selected !== null && !isBuiltInScale(selected.id);

  const changeDraft = (next: ScaleDraft): void => {
    setDrafts((current) => ({ ...current, [next.id]: next }));
    setProblem(null);
  };

  const changeVerdict = (index: number, change: Partial<VerdictDraft>): void => {
    if (!draft) return;
    changeDraft({ ...draft, verdicts: draft.verdicts.map((verdict, at) => (at === index ? { ...verdict, ...change } : verdict)) });
  };

  /** Saves one scale's draft; the stored scales come back, and the draft is gone. */
  const saveDraft = useCallback(async (scaleDraft: ScaleDraft): Promise<RatingScale> => {
    const read = scaleFromDraft(scaleDraft);
    if (!read.ok) throw new Error(read.problem);
    const saved = await api['scale:save']({ scale: read.scale });
    setScales(saved);
    setDrafts((current) => {
      const { [scaleDraft.id]: _saved, ...rest } = current;
      return rest;
    });
    return read.scale;
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      async saveChanges() {
        for (const pending of Object.values(drafts)) {
          const stored = scales?.find((scale) => scale.id === pending.id);
          if (!stored || !draftChanged(pending, stored)) continue;
          try {
            await saveDraft(pending);
          } catch (error) {
            setSelectedId(pending.id);
            throw new Error(t('scales.problemIn', { name: pending.name.trim() || scaleName(stored, t), problem: errorMessage(error) }), { cause: error });
          }
        }
      },
    }),
    [drafts, scales, saveDraft, t],
  );

  const run = (work: () => Promise<void>): void => {
    setBusy(true);
    setProblem(null);
    work()
      .catch((error: unknown) => setProblem(errorMessage(error)))
      .finally(() => setBusy(false));
  };

  const saveSelected = (): void => {
    if (!draft) return;
    run(async () => {
      const saved = await saveDraft(draft);
      setAnnouncement(t('scales.saved', { name: saved.name }));
    });
  };

  const duplicate = (): void => {
    if (!selected || !scales) return;
    run(async () => {
      // The copy is the newsroom's own: the built-in words it starts from are the ones its reviewers read here.
      const shown = shownScale(selected, i18n.language, t);
      const id = newScaleId(new Set(scales.map((scale) => scale.id)), () => crypto.randomUUID().replace(/-/g, '').slice(0, 8));
      const copy = { ...duplicateScale(shown, id), name: t('scales.copyOf', { name: shown.name }).slice(0, 100) };
      setScales(await api['scale:save']({ scale: copy }));
      setSelectedId(copy.id);
      setAnnouncement(t('scales.made', { name: copy.name }));
      setFocusTarget({ control: 'name' });
    });
  };

  const setDefault = (scaleId: string): void => {
    run(async () => {
      const updated = await api['scale:setDefault']({ scaleId });
      setScales(updated);
      const chosen = updated[0];
      if (chosen) setAnnouncement(t('scales.defaultSet', { name: scaleName(chosen, t) }));
    });
  };

  const remove = (scale: RatingScale): void => {
    setDeleting(null);
    run(async () => {
      const remaining = await api['scale:delete']({ scaleId: scale.id });
      setScales(remaining);
      setDrafts(({ [scale.id]: _gone, ...rest }) => rest);
      setSelectedId(remaining[0]?.id ?? '');
      setAnnouncement(t('scales.deleted', { name: scale.name }));
    });
  };

  const move = (index: number, step: -1 | 1): void => {
    if (!draft) return;
    const verdict = draft.verdicts[index];
    const moved = withVerdictMoved(draft, index, step);
    if (!verdict || moved === draft) return;
    changeDraft(moved);
    setAnnouncement(t('scales.verdictMoved', { label: verdict.label.trim() || t('verdictEditor.newVerdict'), position: index + step + 1, total: draft.verdicts.length }));
    setFocusTarget({ verdictId: verdict.id, control: step === -1 ? 'up' : 'down' });
  };

  const removeVerdict = (index: number): void => {
    if (!draft) return;
    const verdict = draft.verdicts[index];
    const verdicts = draft.verdicts.filter((_, at) => at !== index);
    changeDraft({ ...draft, verdicts });
    setAnnouncement(t('scales.verdictRemoved', { label: verdict?.label.trim() || t('verdictEditor.newVerdict') }));
    const next = verdicts[Math.min(index, verdicts.length - 1)];
    setFocusTarget(next ? { verdictId: next.id, control: 'label' } : { control: 'add' });
  };

  const addVerdict = (): void => {
    if (!draft) return;
    const next = withNewVerdict(draft);
    changeDraft(next);
    const added = next.verdicts.at(-1);
    if (added) setFocusTarget({ verdictId: added.id, control: 'label' });
  };

  const changed = selected !== null && draft !== null && draftChanged(draft, selected);

  return (
    <section className="scale-editor" aria-labelledby="rating-scales-title" ref={root}>
      <h3 id="rating-scales-title">{t('scales.title')}</h3>
      <p className="muted">{t('scales.intro')}</p>
      {scales && selected && draft ? (
        <>
          <div className="scale-choice">
            <label className="field">
              <span className="field-label">{t('scales.scale')}</span>
              <select
                value={selected.id}
                onChange={(event) => {
                  setSelectedId(event.target.value);
                  setDeleting(null);
                  setProblem(null);
                }}
                dir="auto"
              >
                {scales.map((scale) => (
                  <option key={scale.id} value={scale.id}>
                    {isBuiltInScale(scale.id)
                      ? t('scales.optionBuiltIn', { name: scaleName(scale, t) })
                      : drafts[scale.id] && draftChanged(drafts[scale.id] as ScaleDraft, scale)
                        ? t('scales.optionChanged', { name: scale.name })
                        : scale.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field-label">{t('scales.defaultForNew')}</span>
              <select value={scales[0]?.id} onChange={(event) => setDefault(event.target.value)} disabled={scales.length < 2} aria-busy={busy} dir="auto">
                {scales.map((scale) => (
                  <option key={scale.id} value={scale.id}>
                    {scaleName(scale, t)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="scale-actions">
            <button type="button" onClick={duplicate} disabled={busy}>
              {t('scales.duplicate')}
            </button>
            {editable && (
              <button type="button" className="danger" onClick={() => {
                  setDeleting(selected);
                  setFocusTarget({ control: 'keep' });
                }} disabled={busy || scales.length < 2} data-focus="delete">
                {t('scales.delete')}
              </button>
            )}
          </div>
          {/* Asked here rather than in a second dialog over Preferences: one dialog at a time keeps focus and names simple. */}
          {deleting && (
            <div className="scale-delete-confirm" role="group" aria-labelledby="scale-delete-question">
              <p id="scale-delete-question">
                <Trans i18nKey="scales.deleteQuestion" values={{ name: deleting.name }} components={{ name: <bdi /> }} />
              </p>
              <div className="dialog-actions">
                <button
                  type="button"
                  onClick={() => {
                    setDeleting(null);
                    setFocusTarget({ control: 'delete' });
                  }}
                  data-focus="keep"
                >
                  {t('scales.keep')}
                </button>
                <button type="button" className="danger" onClick={() => remove(deleting)}>
                  {t('scales.deleteNamed', { name: deleting.name })}
                </button>
              </div>
            </div>
          )}
          {editable ? (
            <div className="scale-fields">
              <label className="field">
                <span className="field-label">{t('scales.name')}</span>
                <input value={draft.name} onChange={(event) => changeDraft({ ...draft, name: event.target.value })} dir="auto" maxLength={100} data-focus="name" />
              </label>
              <div className="field-row scale-range">
                <label className="field">
                  <span className="field-label">{t('scales.best')}</span>
                  <input value={draft.best} onChange={(event) => changeDraft({ ...draft, best: event.target.value })} inputMode="decimal" dir="ltr" maxLength={12} />
                </label>
                <label className="field">
                  <span className="field-label">{t('scales.worst')}</span>
                  <input value={draft.worst} onChange={(event) => changeDraft({ ...draft, worst: event.target.value })} inputMode="decimal" dir="ltr" maxLength={12} />
                </label>
              </div>
              <h4 className="verdicts-title">{t('scales.verdictsTitle')}</h4>
              <ol className="verdict-editors">
                {draft.verdicts.map((verdict, index) => (
                  <VerdictFields
                    key={verdict.id}
                    verdict={verdict}
                    index={index}
                    count={draft.verdicts.length}
                    best={draft.best}
                    worst={draft.worst}
                    onChange={(change) => changeVerdict(index, change)}
                    onMove={(step) => move(index, step)}
                    onRemove={() => removeVerdict(index)}
                  />
                ))}
              </ol>
              <button type="button" onClick={addVerdict} disabled={draft.verdicts.length >= 50} data-focus="add">
                {t('scales.addVerdict')}
              </button>
              <div className="scale-save">
                <button type="button" onClick={() => selected && changeDraft(draftOf(selected))} disabled={!changed || busy}>
                  {t('scales.discard')}
                </button>
                <button type="button" className="primary" onClick={saveSelected} disabled={busy}>
                  {t('scales.save')}
                </button>
              </div>
            </div>
          ) : (
            <BuiltInScale scale={selected} />
          )}
        </>
      ) : (
        !problem && <p className="muted">{t('scales.loading')}</p>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
