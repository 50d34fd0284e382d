/**
 * Lines of a PDF page rebuilt from positioned text runs, in reading order: runs on one baseline
 * make a line, gaps the PDF did not write as spaces become spaces, and right-to-left text (which
 * Chromium writes glyph by glyph, left to right as drawn) is put back in the order it is read.
 */

/** One run of text as the PDF places it (pdfjs gives each run's string in reading order). */
export interface PdfTextRun {
  str: string;
  /** Left edge and baseline, in PDF points from the page's bottom left. */
  x: number;
  y: number;
  width: number;
  size: number;
  /** The PDF's name for the run's font, to tell a bold byline from the regular date line under it. */
  font: string;
}

/** A line of text with where it sits on the page. */
export interface PdfLine {
  text: string;
  /** Baseline height from the bottom of the page. */
  y: number;
  size: number;
  left: number;
  right: number;
  /** True when the line reads right to left (Arabic, Hebrew). */
  rtl: boolean;
  /** Fonts of the line's letters. */
  fonts: string[];
}

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const LTR_STRONG =
  /[0-9\u0660-\u0669\u06F0-\u06F9]|(?![\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF])\p{L}/u;
/** Characters a right-to-left run draws with their mirror image (so the PDF names the mirror). */
const MIRRORED: Record<string, string> = {
  "(": ")",
  ")": "(",
  "[": "]",
  "]": "[",
  "{": "}",
  "}": "{",
  "<": ">",
  ">": "<",
  "«": "»",
  "»": "«",
  "‹": "›",
  "›": "‹",
};
// Presentation forms (Arabic contextual shapes, Latin ligatures such as "ﬁ") are drawing forms:
// searching and anchoring need the letters themselves.
const PRESENTATION_FORMS =
  /[\uFB00-\uFB06\uFB13-\uFB17\uFB1D-\uFDFF\uFE70-\uFEFF]+/g;

type Direction = "L" | "R" | "N";

interface Token {
  text: string;
  left: number;
  right: number;
  direction: Direction;
}

function directionOf(text: string): Direction {
  if (RTL_LETTER.test(text)) return "R";
  return LTR_STRONG.test(text) ? "L" : "N";
}

/** Spaces, runs and neutral marks resolved to the direction of their strong neighbours (digits count as left to right). */
function resolveNeutrals(tokens: Token[], base: "L" | "R"): Array<"L" | "R"> {
  return tokens.map((token, index) => {
    if (token.direction !== "N") return token.direction;
    let before: Direction = "N";
    for (let look = index - 1; look >= 0 && before === "N"; look--)
      before = (tokens[look] as Token).direction;
    let after: Direction = "N";
    for (let look = index + 1; look < tokens.length && after === "N"; look++)
      after = (tokens[look] as Token).direction;
    return before !== "N" && before === after ? before : base;
  });
}

/**
 * The reading order of tokens given left to right as drawn: two embedding levels of the Unicode
 * bidirectional algorithm (L2), enough for Arabic lines with numbers and Latin words and the reverse.
 */
function readingOrder(tokens: Token[], base: "L" | "R"): string {
  const levels = resolveNeutrals(tokens, base);
  const groups: Array<{ level: "L" | "R"; pieces: string[] }> = [];
  tokens.forEach((token, index) => {
    const level = levels[index] as "L" | "R";
    const piece =
      level === "R"
        ? [...token.text]
            .map((character) => MIRRORED[character] ?? character)
            .join("")
        : token.text;
    const last = groups[groups.length - 1];
    if (last && last.level === level) last.pieces.push(piece);
    else groups.push({ level, pieces: [piece] });
  });
  // Right-to-left groups read from their right end; a right-to-left line reads its groups from the right.
  const ordered = base === "R" ? groups.reverse() : groups;
  return ordered
    .map((group) =>
      (group.level === "R" ? group.pieces.reverse() : group.pieces).join(""),
    )
    .join("");
}

const MARKS_ONLY = /^\s*\p{M}+\s*$/u;

/**
 * Arabic vowel marks (tashkeel) drawn as their own glyphs go back onto the letter they sit on;
 * the zero-width "spaces" pdfjs reports beside them are not spaces.
 */
function attachMarks(runs: PdfTextRun[]): PdfTextRun[] {
  const letters = runs
    .filter(
      (run) =>
        !MARKS_ONLY.test(run.str) &&
        !(run.str.trim() === "" && run.width < run.size * 0.05),
    )
    .map((run) => ({ ...run }));
  for (const mark of runs.filter((run) => MARKS_ONLY.test(run.str))) {
    // A mark is drawn from (about) the left edge of its letter: Skia places it there with no width of its own.
    let base: PdfTextRun | undefined;
    let distance = Infinity;
    for (const letter of letters) {
      if (letter.str.trim() && Math.abs(letter.x - mark.x) < distance)
        [base, distance] = [letter, Math.abs(letter.x - mark.x)];
    }
    if (base) base.str += mark.str.trim();
  }
  return letters;
}

function lineOf(runs: PdfTextRun[]): PdfLine | undefined {
  const drawn = attachMarks(runs).sort((left, right) => left.x - right.x);
  if (drawn.length === 0) return undefined;
  const size = Math.max(...drawn.map((run) => run.size));
  const tokens: Token[] = [];
  let lastRight: number | undefined;
  for (const run of drawn) {
    // A gap wider than a fifth of the font size between two runs is a space the PDF did not write.
    if (
      lastRight !== undefined &&
      run.x - lastRight > size * 0.2 &&
      !/\s$/.test(tokens[tokens.length - 1]?.text ?? " ") &&
      !/^\s/.test(run.str)
    ) {
      tokens.push({ text: " ", left: lastRight, right: run.x, direction: "N" });
    }
    tokens.push({
      text: run.str,
      left: run.x,
      right: run.x + run.width,
      direction: directionOf(run.str),
    });
    lastRight = Math.max(lastRight ?? -Infinity, run.x + run.width);
  }
  const strong = tokens.reduce(
    (count, token) =>
      count +
      (token.direction === "R"
        ? token.text.length
        : token.direction === "L"
          ? -token.text.length
          : 0),
    0,
  );
  const rtl = strong > 0;
  const text = readingOrder(tokens, rtl ? "R" : "L")
    .replace(PRESENTATION_FORMS, (forms) => forms.normalize("NFKC"))
    .replace(/\s+/g, " ")
    .trim();
  if (!text) return undefined;
  const inked = drawn.filter((run) => run.str.trim());
  return {
    text,
    y: drawn[0]?.y ?? 0,
    size,
    left: Math.min(...inked.map((run) => run.x)),
    right: Math.max(...inked.map((run) => run.x + run.width)),
    rtl,
    fonts: [...new Set(inked.map((run) => run.font))],
  };
}

/**
 * The lines of one page: consecutive runs on the same baseline (within half the font size, so
 * superscripts stay) form a line. Runs are taken in the PDF's own order, which keeps columns and
 * blocks apart where the producer wrote them apart.
 */
export function linesOfPage(runs: PdfTextRun[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfTextRun[] = [];
  const close = (): void => {
    const line = current.length > 0 ? lineOf(current) : undefined;
    if (line) lines.push(line);
    current = [];
  };
  for (const run of runs) {
    if (!run.str) continue;
    const first = current[0];
    if (
      first &&
      Math.abs(first.y - run.y) > Math.max(first.size, run.size) * 0.5
    )
      close();
    current.push(run);
  }
  close();
  return lines;
}
