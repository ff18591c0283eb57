import { stripTerminalControls } from '../text/stripTerminalControls.js';

/** Named entities that the FR/NL contract texts use; numeric references are decoded generally. */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', laquo: '«', raquo: '»', euro: '€',
  eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë', agrave: 'à', acirc: 'â', ccedil: 'ç', icirc: 'î',
  iuml: 'ï', ocirc: 'ô', ucirc: 'û', ugrave: 'ù', Eacute: 'É', Egrave: 'È', rsquo: '\u2019', lsquo: '\u2018',
  ldquo: '\u201c', rdquo: '\u201d', hellip: '…', ndash: '–', mdash: '—', middot: '·',
};

/** A numeric reference's character; one that is no Unicode scalar value is dropped (never a RangeError). */
function fromReference(value: number): string {
  return Number.isInteger(value) && value >= 0 && value <= 0x10ffff && (value < 0xd800 || value > 0xdfff) ? String.fromCodePoint(value) : '';
}

/** Decodes entities, then removes terminal controls (`&#27;` must not become an ESC on the terminal, issue 12). */
function decodeEntities(text: string): string {
  return stripTerminalControls(
    text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return fromReference(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return fromReference(parseInt(name.slice(1), 10));
      return NAMED_ENTITIES[name] ?? whole;
    }),
  );
}

/**
 * The HTML5 contract text of GenerateContract (DOMAIN.md 2.3, `Contract/Text`) as readable
 * terminal text: block elements become lines, list items get a dash, headings are underlined,
 * scripts and styles are dropped, entities are decoded.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style|head)\b[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\s+/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<h[1-6]\b[^>]*>([\s\S]*?)<\/h[1-6]>/gi, (_w, inner: string) => {
      const title = decodeEntities(inner.replace(/<[^>]+>/g, '')).trim();
      return `\n\n${title}\n${'='.repeat(Math.min(title.length, 72))}\n`;
    })
    .replace(/<\/(p|div|ul|ol|table|tr|section|article|header|footer|blockquote)>/gi, '\n\n')
    .replace(/<(p|div|ul|ol|table|tr|section|article|header|footer|blockquote)\b[^>]*>/gi, '\n')
    .replace(/<\/(td|th)>/gi, '  ')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
