/** A Word file's text with its structure, by mammoth; images are left out and counted. */
import mammoth from 'mammoth';
import { ApiError } from '../../../shared/api/envelope';

/**
 * Word's quotation styles as blockquotes, matched by the style's name and by its id (files from
 * pandoc and from Word name them so: "Block Text" is pandoc's style for a block quote, "Quote"
 * and "Intense Quote" are Word's). Consecutive paragraphs of one style share one blockquote (pandoc
 * writes a quote of several paragraphs so); a change of style starts another (the class, which the
 * article schema drops, only tells mammoth they differ).
 */
export const QUOTE_STYLE_MAP = [
  "p[style-name='Quote'] => blockquote.quote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote.intense-quote > p:fresh",
  "p[style-name='Block Text'] => blockquote.block-text > p:fresh",
  'p.Quote => blockquote.quote > p:fresh',
  'p.IntenseQuote => blockquote.intense-quote > p:fresh',
  'p.BlockText => blockquote.block-text > p:fresh',
];

export interface WordArticle {
  html: string;
  title: string;
  imagesDropped: number;
}

/** HTML of the document body; refuses a file that is not a readable .docx. */
export async function articleFromWordFile(bytes: Uint8Array, fileName: string): Promise<WordArticle> {
  let imagesDropped = 0;
  let result: { value: string };
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        styleMap: QUOTE_STYLE_MAP,
        // An article under check needs its words; images would be remote-less blobs in the document.
        convertImage: mammoth.images.imgElement(async () => {
          imagesDropped++;
          return { src: '' };
        }),
      },
    );
  } catch (error) {
    throw new ApiError(
      'invalid-input',
      `${fileName} is not a readable Word (.docx) file (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). If it is an old .doc file, save it as .docx first.`,
    );
  }
  const title =
    /<h1[^>]*>(.*?)<\/h1>/s
      .exec(result.value)?.[1]
      ?.replace(/<[^>]+>/g, '')
      .trim() ?? '';
  return { html: result.value, title, imagesDropped };
}
