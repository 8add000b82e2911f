/**
 * The tasks the home page offers first, as large links (issue 25): what residents come to do,
 * in their words, each leading to the lesson for it. The label is a task, not the lesson's
 * title: short, a verb first, the word heard on the commune loudspeaker.
 */
export const TOP_TASKS: ReadonlyArray<{ lesson: string; label: string }> = [
  { lesson: 'thanh-toan-tien-dien-bang-ma-qr', label: 'Trả tiền điện' },
  { lesson: 'cai-dat-va-kich-hoat-vneid', label: 'Cài VNeID' },
  { lesson: 'nhan-biet-va-bao-cuoc-goi-tin-nhan-lua-dao', label: 'Tránh bị lừa qua điện thoại' },
  { lesson: 'xem-the-bao-hiem-y-te-va-so-suc-khoe-dien-tu-tren-vneid', label: 'Xem thẻ bảo hiểm y tế' },
  { lesson: 'nhan-luong-huu-tro-cap-qua-tai-khoan-va-dung-vssid', label: 'Nhận lương hưu qua ngân hàng' },
  { lesson: 'lam-quen-voi-dien-thoai-thong-minh', label: 'Mới dùng điện thoại thông minh' },
];
