/**
 * Limits on contributed text (issue 23), checked before any parsing by the check and the renderer.
 *
 * How deep blocks may nest: quotes (">"), lists and editor
 * components (<Tip>…) count one level each. No article needs more; 3,000 nested <Tip> or
 * 50,000 nested ">" would otherwise end the check or the build in a RangeError, or take seconds
 * to parse. The renderer (src/lib/article/render.ts) measures the parsed tree against these
 * limits; quotes and list markers at the start of a line are counted before parsing too.
 */
export const MAX_NESTING = 20;
/** Any nesting at all (emphasis in links in lists…), counted in nodes of the tree. */
export const MAX_TREE_DEPTH = 100;

export const NESTING_MESSAGE = `các khối lồng vào nhau quá ${MAX_NESTING} tầng (trích dẫn ">", danh sách, <Tip>, <Warning>…); trang không dựng được`;
export const NESTING_FIX = `Viết tối đa ${MAX_NESTING} tầng lồng nhau; thường chỉ cần một hoặc hai.`;

const isSpace = (char: string | undefined) => char === ' ' || char === '\t';
const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';

/**
 * The first 1-based line that opens more than MAX_NESTING quotes or list items at its start
 * ("> > > …", "- - - …", "1. 1. …"), scanned in one pass without regular expressions.
 */
export function tooDeepLine(text: string): number | undefined {
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let index = start;
    let levels = 0;
    while (index < end) {
      const char = text[index];
      if (isSpace(char)) {
        index++;
      } else if (char === '>') {
        levels++;
        index++;
      } else if ((char === '-' || char === '*' || char === '+') && (isSpace(text[index + 1]) || index + 1 === end)) {
        levels++;
        index++;
      } else if (isDigit(char)) {
        let next = index;
        while (next < end && next - index < 9 && isDigit(text[next])) next++;
        if ((text[next] === '.' || text[next] === ')') && (isSpace(text[next + 1]) || next + 1 === end)) {
          levels++;
          index = next + 1;
        } else break;
      } else break;
      if (levels > MAX_NESTING) return line;
    }
    line++;
    start = end + 1;
  }
  return undefined;
}

/**
 * The longest line of text accepted: a paragraph of several hundred words still fits. Longer
 * lines are refused before parsing, so no input can make the check slow (issue 23: Sätteri's
 * positions cost grows with the square of a line's length once it holds a Vietnamese letter,
 * about 3 s for one line of 100 KB).
 */
export const MAX_LINE_LENGTH = 5000;

export interface LimitProblem {
  line: number;
  message: string;
  fix: string;
}

/** The first line that breaks a limit of this module (length, nesting), before any parsing. */
export function bodyLimitProblem(text: string): LimitProblem | undefined {
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > MAX_LINE_LENGTH) {
      return {
        line,
        message: `dòng dài ${end - start} ký tự, quá giới hạn ${MAX_LINE_LENGTH} ký tự một dòng`,
        fix: 'Chia đoạn văn này thành nhiều đoạn ngắn (mỗi đoạn cách nhau một dòng trống); người đọc trên điện thoại dễ theo dõi hơn.',
      };
    }
    start = end + 1;
  }
  const deep = tooDeepLine(text);
  return deep === undefined ? undefined : { line: deep, message: NESTING_MESSAGE, fix: NESTING_FIX };
}
