import { routes } from '../routes.ts';

/**
 * Seeded generator of synthetic lessons for `npm run bench` (a small port of the approach of
 * ../shared/tools/gen-corpus.mjs: mulberry32, Vietnamese phrase banks, steps, lists, internal
 * links), writing MDX that passes our lesson schema. Same seed and count → same files.
 */

export function mulberry32(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rng {
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  sample<T>(items: readonly T[], k: number): T[];
}

function rng(seed: number): Rng {
  const next = mulberry32(seed);
  return {
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    sample(items, k) {
      const copy = [...items];
      const out: typeof copy = [];
      for (let i = 0; i < k && copy.length; i++) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]!);
      return out;
    },
  };
}

const ACTIONS = ['Cách cài đặt', 'Hướng dẫn dùng', 'Làm quen với', 'Mẹo bảo vệ', 'Các bước đăng ký', 'Tìm hiểu', 'Cách kiểm tra', 'Cách cập nhật', 'Cách chia sẻ', 'Thực hành với'];
const OBJECTS = [
  'ứng dụng VNeID',
  'tài khoản Zalo',
  'mật khẩu điện thoại',
  'dịch vụ công trực tuyến',
  'ví điện tử',
  'mã QR thanh toán',
  'thư điện tử',
  'bản đồ trên điện thoại',
  'sổ sức khỏe điện tử',
  'ứng dụng ngân hàng',
  'tin nhắn SMS',
  'mạng Wi-Fi công cộng',
  'nhóm Zalo của thôn',
  'hóa đơn tiền điện',
];
const CONTEXTS = ['cho người mới bắt đầu', 'trên điện thoại Android', 'khi mạng yếu', 'cho bà con vùng cao', 'trong mười phút', 'một cách an toàn', 'cho người cao tuổi', 'tại nhà văn hóa thôn'];
const SUBJECTS = ['Bà con', 'Người dân trong thôn', 'Các hộ gia đình', 'Thanh niên trong bản', 'Người cao tuổi', 'Chị em phụ nữ', 'Tổ công nghệ số cộng đồng', 'Trưởng thôn'];
const VERBS = ['kiểm tra', 'cập nhật', 'ghi nhớ', 'sử dụng', 'bảo vệ', 'tải về', 'tìm hiểu', 'làm quen dần với'];
const THINGS = ['mã OTP', 'thông tin cá nhân', 'số điện thoại', 'mật khẩu', 'căn cước', 'hóa đơn tiền điện', 'tài khoản ngân hàng', 'ứng dụng VNeID'];
const WHEN = ['trước khi ra nương', 'vào buổi tối', 'mỗi tuần một lần', 'khi có sóng ổn định', 'với sự giúp đỡ của con cháu', 'ngay tại nhà', 'sau buổi họp thôn', 'khi đi chợ phiên'];
const FACTS = [
  'khi mạng chậm, hãy chờ trang tải xong rồi mới bấm tiếp.',
  'không bao giờ đọc mã OTP cho người lạ qua điện thoại.',
  'tin nhắn báo trúng thưởng thường là lừa đảo, hãy báo cho trưởng thôn.',
  'ở nhiều bản vùng cao, sóng điện thoại mạnh hơn ở đầu dốc.',
  'mật khẩu tốt dài ít nhất mười hai ký tự và không dùng ngày sinh.',
  'trả tiền bằng mã QR giúp bà con đỡ phải xuống thị trấn.',
  'tổ công nghệ số cộng đồng sẵn sàng giúp bà con ngay tại thôn.',
  'cập nhật phần mềm giúp điện thoại vá các lỗ hổng bảo mật.',
  'trang web giả mạo thường có địa chỉ sai chính tả.',
  'tắt tự động phát video giúp tiết kiệm tiền cước.',
];
const HEADINGS = ['Cần chuẩn bị', 'Những lỗi thường gặp', 'Mẹo khi sóng yếu', 'Hỏi và đáp', 'Kinh nghiệm của bà con', 'Lưu ý an toàn', 'Sau khi làm xong'];
const STEPS = [
  (r: Rng) => `Mở **${r.pick(['Zalo', 'VNeID', 'ứng dụng ngân hàng', 'Cài đặt', 'Chrome'])}** trên màn hình chính.`,
  (r: Rng) => `Chọn mục **${r.pick(['Tài khoản', 'Bảo mật', 'Thanh toán', 'Thông báo', 'Dịch vụ công'])}** ở cuối màn hình.`,
  (r: Rng) => `Nhập ${r.pick(['số điện thoại', 'mật khẩu mới', 'mã OTP', 'số căn cước'])} rồi bấm **${r.pick(['Tiếp tục', 'Xác nhận', 'Đồng ý'])}**.`,
  () => 'Chờ vài giây để hệ thống xác nhận, không tắt màn hình.',
  () => 'Kiểm tra lại thông tin một lần nữa rồi bấm **Lưu**.',
  () => 'Nếu báo lỗi, ra chỗ có sóng tốt hơn rồi thử lại.',
  () => 'Ghi lại thông tin vào sổ tay và cất ở nơi an toàn.',
];
const BULLETS = [
  'Giữ điện thoại đủ pin khi đi nương.',
  'Không bấm vào đường link lạ.',
  'Hỏi cán bộ xã khi chưa chắc chắn.',
  'Dùng mật khẩu khác nhau cho mỗi tài khoản.',
  'Tắt dữ liệu di động khi không dùng.',
  'Chỉ tải ứng dụng từ cửa hàng chính thức.',
  'Chia sẻ bài học này với hàng xóm.',
];
const KEY_POINTS = [
  'Mang theo căn cước và điện thoại.',
  'Không đưa mã OTP cho ai.',
  'Kiểm tra kỹ trước khi bấm Xác nhận.',
  'Hỏi tổ công nghệ số khi cần.',
  'Cập nhật ứng dụng thường xuyên.',
  'Ra chỗ có sóng tốt khi bị lỗi.',
  'Đặt mật khẩu dài, dễ nhớ với mình.',
];
const TIPS = ['Cán bộ không bao giờ gọi điện xin mã OTP. Ai xin mã là kẻ lừa đảo.', 'Khi chưa chắc chắn, hãy hỏi tổ công nghệ số của thôn trước khi bấm.', 'Đừng bấm vào đường link lạ gửi qua tin nhắn, kể cả khi quen biết.'];

const cap = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

function sentence(r: Rng): string {
  switch (r.int(0, 2)) {
    case 0:
      return `${r.pick(SUBJECTS)} nên ${r.pick(VERBS)} ${r.pick(THINGS)} ${r.pick(WHEN)}.`;
    case 1:
      return cap(r.pick(FACTS));
    default:
      return `${r.pick(SUBJECTS)} đã ${r.pick(VERBS)} ${r.pick(THINGS)} ${r.pick(WHEN)}, vì ${r.pick(FACTS)}`;
  }
}

const paragraph = (r: Rng, sentences: number) => Array.from({ length: sentences }, () => sentence(r)).join(' ');

export interface SyntheticLesson {
  /** File name without extension (also the page id). */
  id: string;
  source: string;
}

/** `count` lessons; ids `bai-00001-…` never collide with real lessons; topics from topics.yaml. */
/** The review day and source address of every generated lesson (they are not content). */
export const BENCH_REVIEWED = '2026-11-01';
export const BENCH_SOURCE_URL = 'https://ban-so.example.org/do-hieu-nang/';

export function generateLessons(count: number, topics: readonly string[], seed = 42): SyntheticLesson[] {
  const plan = rng(seed);
  const width = Math.max(4, String(count).length);
  const titles = Array.from({ length: count }, (_, i) => {
    const title = `${plan.pick(ACTIONS)} ${plan.pick(OBJECTS)} ${plan.pick(CONTEXTS)} (bài ${i + 1})`;
    return { id: `bai-${String(i + 1).padStart(width, '0')}`, title };
  });
  return titles.map(({ id, title }, i) => {
    const r = rng((seed * 1_000_003 + (i + 1) * 7919) >>> 0);
    const links = r.sample(
      titles.filter((other) => other.id !== id),
      Math.min(count - 1, r.int(2, 4)),
    );
    const sections = r.sample(HEADINGS, r.int(2, 4));
    const steps = r
      .sample(
        STEPS.map((_, k) => k),
        r.int(4, 6),
      )
      .sort((a, b) => a - b)
      .map((k) => STEPS[k]!(r));
    const summary = `${sentence(r)}`.slice(0, 150);
    const lines = [
      '---',
      `title: "${title}"`,
      `summary: "${summary.replace(/"/g, '')}"`,
      `topic: ${r.pick(topics)}`,
      `level: ${r.pick(['co-ban', 'nang-cao'])}`,
      `updated: 2025-${String(r.int(1, 10)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
      // Synthetic text: its "source" is this generator. A fixed recent review day keeps the
      // corpus byte-identical and its build free of review-due warnings (issue 24).
      `reviewed: ${BENCH_REVIEWED}`,
      'sources:',
      '  - name: Bài mẫu do máy tạo cho phép đo (không phải nội dung thật)',
      '    publisher: Bản Số',
      `    url: ${BENCH_SOURCE_URL}`,
      `    read: ${BENCH_REVIEWED}`,
      'keyPoints:',
      ...r.sample(KEY_POINTS, r.int(3, 4)).map((point) => `  - ${point}`),
      `leafletTip: ${r.pick(TIPS)}`,
      'places: []',
      '---',
      '',
      paragraph(r, r.int(2, 4)),
      '',
      '## Các bước',
      '',
      '<Steps>',
      '',
      ...steps.map((step, n) => `${n + 1}. ${step}`),
      '',
      '</Steps>',
      '',
      // Every task lesson has its "Khi gặp lỗi" box (issue 25): without it the check warns once per lesson.
      '<WhenStuck>',
      '',
      '- **Chưa làm được một bước:** đọc lại bước đó, rồi nhờ người biết việc ngồi làm cùng.',
      '',
      '</WhenStuck>',
      '',
    ];
    for (const [n, heading] of sections.entries()) {
      lines.push(`## ${heading}`, '', paragraph(r, r.int(3, 6)), '');
      if (n === 0) lines.push(...r.sample(BULLETS, r.int(3, 5)).map((item) => `- ${item}`), '');
    }
    lines.push('## Xem thêm', '', ...links.map((other) => `- [${other.title}](${routes.lesson(other.id)})`), '');
    return { id, source: lines.join('\n') };
  });
}
