/**
 * Field hints for the CMS form, read from the `npm run new` templates (scripts/templates/): the
 * comment lines above a field (`# …` then `field:` or `# field:`) are what an editor is told
 * about it, so the form and the template never say different things.
 */
const FIELD = /^(?:#\s*)?([A-Za-z][A-Za-z0-9]*):(?:\s|$)/;

export function templateHints(template: string): Record<string, string> {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(template)?.[1] ?? '';
  const hints: Record<string, string> = {};
  let comments: string[] = [];
  for (const raw of frontmatter.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const field = /^\s/.test(line) ? undefined : FIELD.exec(line);
    if (field) {
      if (comments.length && !hints[field[1]!]) hints[field[1]!] = forTheForm(comments.join(' '));
      comments = [];
    } else if (/^#\s/.test(line) && !/^#\s+(-|[a-z]+:)/.test(line.replace(/^#\s*/, '# '))) {
      comments.push(line.replace(/^#\s*/, ''));
    } else if (line.trim() === '') {
      comments = [];
    }
  }
  return hints;
}

/**
 * Sentences about editing the file itself ("bỏ dấu # ở ba dòng dưới") mean nothing in a form, and
 * the list of codes ("Các mã có: …") is what the form's select already offers, by name.
 */
function forTheForm(hint: string): string {
  return hint
    .replace(/\s*Các mã có: [^.]*\./g, '')
    .replace(/,?\s*rồi bỏ dấu "# " ở [^.]*\./g, '.')
    .replace(/\s*Dòng bắt đầu bằng "#"[^.]*\./g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
