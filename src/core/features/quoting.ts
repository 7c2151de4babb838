/**
 * Quotation marks in the excerpts the report shows. An excerpt is often cut out of a longer text: it can start inside
 * a quotation (“It's unbelievable,” said the neighbour) or stop before one closes, and a reader then sees a mark
 * with no partner. And when the report quotes an excerpt that itself holds a quotation, the inner one takes single
 * marks, as a quotation inside a quotation does in English.
 */

/** How a double quotation mark in an excerpt works: opening, closing. */
type Mark = 'open' | 'close';

/**
 * Where the double quotation marks of a text open and close. Curly marks say which they are. Straight ones do not
 * nest (a quotation inside one takes single marks), so inside an open one the next closes it, whatever the spacing
 * (wire copy has "… her decision, "a friend said); outside, one ending a word closes a quotation the excerpt cut
 * into, and any other opens one.
 */
function marksOf(text: string): { readonly at: number; readonly role: Mark; readonly straight: boolean }[] {
  const out: { at: number; role: Mark; straight: boolean }[] = [];
  let straightOpen = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '“') out.push({ at: i, role: 'open', straight: false });
    else if (c === '”') out.push({ at: i, role: 'close', straight: false });
    else if (c === '"') {
      const endsWord = i > 0 && !/\s/u.test(text[i - 1]!) && text[i - 1] !== '…' && (i + 1 === text.length || /[\s.,;:!?)\]…]/u.test(text[i + 1]!));
      const role: Mark = straightOpen || endsWord ? 'close' : 'open';
      straightOpen = role === 'open';
      out.push({ at: i, role, straight: true });
    }
  }
  return out;
}

/**
 * The excerpt with its double quotation marks paired: a closing mark whose opening was cut off gets one at the
 * excerpt's start, and an opening mark whose closing was cut off gets one at its end (after the ellipsis that marks
 * the cut, if any). Single marks are left alone: most are apostrophes.
 */
export function balanceQuotes(text: string): string {
  let depth = 0;
  let lostOpening: boolean | null = null; // the style (straight?) of a closing mark with no opening, if any
  let lastOpening = false;
  for (const m of marksOf(text)) {
    if (m.role === 'open') {
      depth++;
      lastOpening = m.straight;
    } else if (depth > 0) depth--;
    else lostOpening ??= m.straight;
  }
  let out = text;
  if (lostOpening !== null) {
    const lead = /^…\s*/u.exec(out)?.[0] ?? '';
    out = `${lead}${lostOpening ? '"' : '“'}${out.slice(lead.length)}`;
  }
  if (depth > 0) out = `${out}${(lastOpening ? '"' : '”').repeat(depth)}`;
  return out;
}

/** An excerpt as the report quotes it, in “…”: its marks paired, and its own quotations in single marks. */
export function quoted(text: string): string {
  const balanced = balanceQuotes(text);
  let inner = '';
  let from = 0;
  for (const m of marksOf(balanced)) {
    inner += balanced.slice(from, m.at) + (m.role === 'open' ? '‘' : '’');
    from = m.at + 1;
  }
  return `“${inner}${balanced.slice(from)}”`;
}
