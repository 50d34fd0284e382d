/** A running keep in the reviewer's words: "Loading the page (3 of 7)…", "Link 2 of 5 · …". */
import type { TFunction } from 'i18next';
import type { KeepProgress } from '../../shared/api/evidence-schema';
import type { CaptureStep } from '../../shared/model/capture-step';

/** A capture step in the reviewer's words. */
export function stepName(step: CaptureStep, t: TFunction): string {
  const names: Record<CaptureStep, string> = {
    Fetching: t('evidenceCopy.step.fetching'),
    'Opening an isolated browser': t('evidenceCopy.step.browser'),
    'Loading the page': t('evidenceCopy.step.loading'),
    'Keeping the archive': t('evidenceCopy.step.archive'),
    'Taking the screenshot': t('evidenceCopy.step.screenshot'),
    'Printing the PDF': t('evidenceCopy.step.print'),
    'Reading the text': t('evidenceCopy.step.text'),
  };
  return names[step];
}

/**
 * "Loading the page (3 of 7)…", "Link 2 of 5 · Taking the screenshot (5 of 7)…", or the plain
 * "Keeping a copy…" (`waiting`) before the first step is known.
 */
export function progressLine(progress: KeepProgress | null, t: TFunction, waiting: string): string {
  const line = progress?.step ? t('evidenceCopy.progress', { step: stepName(progress.step, t), index: progress.index, count: progress.count }) : waiting;
  return progress?.link ? t('evidenceCopy.progressLink', { index: progress.link.index, count: progress.link.count, progress: line }) : line;
}
