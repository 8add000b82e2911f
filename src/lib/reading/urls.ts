import path from 'node:path';

/**
 * THE rules for a URL written in contributed content (issue 23), used by the content check
 * (src/lib/content/integrity.ts) and by the renderer (src/lib/article/render.ts), which refuses
 * again every href and src it writes. The URL is the one the parser gives (entities and
 * escapes already decoded: `jav&#x61;script:` arrives as `javascript:`).
 *
 * - A link: https:, http:, mailto:, tel:, or a path of this site ("/bai-hoc/…/", "#muc").
 *   Whether a site path exists is the check's business (it knows the entries).
 * - A picture: a file of content/, written relative to the article ("../images/x.png"): never
 *   another host, a "data:" URL or a site path (the image pipeline only sees content/).
 */

export interface UrlRefusal {
  message: string;
  fix: string;
}

const LINK_SCHEMES = new Set(['https', 'http', 'mailto', 'tel']);

/**
 * The URL as a browser reads it: control characters and spaces around it dropped, tabs and
 * newlines inside it removed ("java\tscript:" is "javascript:"), backslashes read as slashes.
 */
export function browserView(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url
    .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')
    .replace(/[\t\n\r]/g, '')
    .replace(/\\/g, '/');
}

/** The scheme ("https", "javascript"…) in lower case, or undefined for a path. */
export function schemeOf(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/i.exec(browserView(url))?.[1]?.toLowerCase();
}

function shorten(url: string): string {
  // eslint-disable-next-line no-control-regex
  const oneLine = url.replace(/[\u0000-\u001f\s]+/g, ' ').trim();
  return oneLine.length > 40 ? `${oneLine.slice(0, 37)}…` : oneLine;
}

/** Schemes that run code or smuggle content past the page's rules. */
const CODE_SCHEMES = new Set(['javascript', 'vbscript', 'data', 'file', 'blob']);

const codeRefusal = (url: string): UrlRefusal => ({
  message: `đường dẫn "${shorten(url)}" chạy mã lệnh hoặc chứa dữ liệu nhúng`,
  fix: 'Chỉ dùng đường dẫn https://… hoặc đường dẫn tới ảnh trong content/images/.',
});

/** A site path ("/bai-hoc/x/", "/tu-dien/#otp") that a link may point at, else undefined. */
export function sitePath(url: string): string | undefined {
  const seen = browserView(url);
  return seen.startsWith('/') && !seen.startsWith('//') ? seen : undefined;
}

/** Why a link (`[chữ](…)`, an autolink) may not be written, or undefined when it may. */
export function linkRefusal(url: string): UrlRefusal | undefined {
  const seen = browserView(url);
  const scheme = schemeOf(url);
  if (scheme !== undefined) {
    if (CODE_SCHEMES.has(scheme)) return codeRefusal(url);
    if (!LINK_SCHEMES.has(scheme)) {
      return {
        message: `đường dẫn "${shorten(url)}" dùng kiểu "${scheme}:" (có thể chạy mã lệnh hoặc mở thứ khác ngoài trang web)`,
        fix: 'Chỉ dùng đường dẫn https://…, http://…, mailto:…, tel:… hoặc đường dẫn trong trang như /bai-hoc/ten-bai/.',
      };
    }
    if ((scheme === 'https' || scheme === 'http') && !URL.canParse(seen)) {
      return { message: `đường dẫn "${shorten(url)}" không phải địa chỉ web đúng`, fix: 'Chép lại địa chỉ từ thanh địa chỉ của trình duyệt, dạng https://ten-mien.vn/…' };
    }
    return undefined;
  }
  if (seen.startsWith('//')) {
    return {
      message: `đường dẫn "${shorten(url)}" bắt đầu bằng "//" (trỏ sang trang web khác mà không ghi rõ)`,
      fix: 'Viết đủ https:// ở đầu nếu là trang khác, hoặc một dấu "/" nếu là trang của Bản Số.',
    };
  }
  if (seen.startsWith('/') || seen.startsWith('#')) return undefined;
  return {
    message: `đường dẫn "${shorten(url)}" không rõ trỏ tới đâu`,
    fix: 'Liên kết tới trang của Bản Số viết từ dấu "/", ví dụ /bai-hoc/ten-bai/; trang khác viết đủ https://…',
  };
}

/** Why a picture's src may not be used, or undefined when it is a relative path (into content/, checked by the check). */
export function imageRefusal(src: string): UrlRefusal | undefined {
  const seen = browserView(src);
  const scheme = schemeOf(src);
  if (scheme !== undefined && CODE_SCHEMES.has(scheme)) return codeRefusal(src);
  if (scheme !== undefined || seen.startsWith('//')) {
    return {
      message: `ảnh "${shorten(src)}" lấy từ nơi khác (trang không tải gì từ nơi khác)`,
      fix: 'Tải ảnh về, đặt vào content/images/ và ghi đường dẫn ../images/ten-anh.jpg.',
    };
  }
  if (seen.startsWith('/')) {
    return { message: `ảnh "${shorten(src)}" ghi đường dẫn từ gốc trang`, fix: 'Đặt ảnh vào content/images/ và ghi đường dẫn tính từ tệp bài viết: ../images/ten-anh.jpg.' };
  }
  if (seen === '' || seen.startsWith('#') || seen.startsWith('?')) {
    return { message: 'ảnh không có đường dẫn tới tệp ảnh', fix: 'Ghi đường dẫn tới ảnh trong content/images/: ![Mô tả ảnh](../images/ten-anh.jpg).' };
  }
  return undefined;
}

/**
 * Why a picture's relative src may not be used from this file: it climbs out of content/
 * (`../../../etc/passwd` would copy a file of the build machine into dist/). Paths are resolved
 * as the image pipeline resolves them, from the folder of the file that uses them.
 */
export function imageOutsideContent(file: string, src: string, contentDir: string): UrlRefusal | undefined {
  let decoded = src;
  try {
    decoded = decodeURI(src);
  } catch {
    // Kept as written: the renderer refuses a malformed escape on its own.
  }
  const absolute = path.resolve(path.dirname(file), decoded);
  const inside = path.relative(path.resolve(contentDir), absolute);
  if (inside && !inside.startsWith('..') && !path.isAbsolute(inside)) return undefined;
  return {
    message: `ảnh "${shorten(src)}" nằm ngoài thư mục content/`,
    fix: 'Đặt ảnh vào content/images/ và ghi đường dẫn ../images/ten-anh.jpg.',
  };
}
