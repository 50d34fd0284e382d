/**
 * The steps of keeping a copy of a web address, in the order the capture reports them. They are
 * stable keys: the services report them, the API carries them, the interface translates them.
 */
import { z } from 'zod';

/** Every step, in order (a file that is not a web page stops after the first). */
export const CAPTURE_STEPS = ['Fetching', 'Opening an isolated browser', 'Loading the page', 'Keeping the archive', 'Taking the screenshot', 'Printing the PDF', 'Reading the text'] as const;

/** One of CAPTURE_STEPS. */
export const CaptureStep = z.enum(CAPTURE_STEPS);
export type CaptureStep = z.infer<typeof CaptureStep>;

/** True when `step` (as a capture reported it) is one of CAPTURE_STEPS. */
export function isCaptureStep(step: string): step is CaptureStep {
  return (CAPTURE_STEPS as readonly string[]).includes(step);
}
